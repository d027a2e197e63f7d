import pytest
from django.core.exceptions import ValidationError

from tambon.people.models import PersonPage
from tambon.people.tests.factories import PositionFactory

pytestmark = pytest.mark.django_db


def test_a_person_without_any_contact_channel_is_refused():
    person = PersonPage(title="ทดลอง ไม่มีช่องทาง", slug="no-contact", position=PositionFactory())
    with pytest.raises(ValidationError) as error:
        person.clean()
    assert "phone" in error.value.message_dict


@pytest.mark.parametrize(
    "contact", [{"phone": "054-000-000"}, {"email": "a@pong.example"}, {"line_id": "pong"}]
)
def test_any_one_contact_channel_is_enough(contact):
    person = PersonPage(title="ทดลอง", slug="one-contact", position=PositionFactory(), **contact)
    person.clean()


def test_full_name_joins_the_prefix_without_a_space():
    person = PersonPage(name_prefix="นางสาว", title="สมใจ ตัวอย่าง")
    assert person.full_name == "นางสาวสมใจ ตัวอย่าง"
