"""Staff sign-in: too many wrong passwords lock out that account from that address for a while,
that account from every address after more, and that address for every account after more."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


@pytest.fixture
def clerk():
    return get_user_model().objects.create_user(
        "clerk", password=PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, password, username="clerk", ip="203.0.113.5"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_five_wrong_passwords_lock_the_account_out_even_for_the_right_one(client, clerk):
    for _ in range(5):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "ลองใหม่" in response.content.decode()
    assert int(response["Retry-After"]) == 15 * 60
    assert "_auth_user_id" not in client.session


def test_another_address_is_not_locked_out(client, clerk):
    for _ in range(5):
        sign_in(client, "wrong", ip="203.0.113.5")
    assert sign_in(client, PASSWORD, ip="198.51.100.8").status_code == 302


def test_a_successful_sign_in_forgets_earlier_mistakes(client, clerk):
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302


def test_an_account_tried_from_many_addresses_is_paused_everywhere(client, clerk, settings):
    settings.TAMBON_LOGIN_ATTEMPTS_PER_ACCOUNT = 8
    for number in range(8):  # never more than one try from each address
        assert sign_in(client, "wrong", ip=f"198.51.100.{number}").status_code == 200
    assert sign_in(client, PASSWORD, ip="192.0.2.77").status_code == 429


def test_one_address_trying_many_accounts_is_paused_for_all_of_them(client, clerk, settings):
    settings.TAMBON_LOGIN_ATTEMPTS_PER_ADDRESS = 8
    for number in range(8):  # one password against eight accounts, once each
        assert sign_in(client, "Password1", username=f"staff{number}").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 429
