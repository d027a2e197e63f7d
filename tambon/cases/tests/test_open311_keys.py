"""Open311 API keys: issued in the admin (shown once) or by create_open311_key, kept as a
hash, of one organization, revoked by a tick."""

import io

import pytest
from django.core.management import CommandError, call_command

from tambon.cases.models import ApiKey
from tambon.cases.models.apikey import hash_key
from tambon.cases.open311 import keys
from tambon.core.models import Organization
from tambon.core.tests.factories import default_organization
from tambon.pages.tests.factories import second_organization_site

from .test_access_trail import administrator_of
from .test_admin import signed_in

pytestmark = pytest.mark.django_db


def test_the_command_prints_a_key_once_and_keeps_only_its_hash(site):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "create_open311_key", domain="LOCALHOST", name="ไลน์บอทจังหวัด", stdout=out, stderr=err
    )
    key = out.getvalue().strip()
    assert key.startswith("t311_") and len(key) > 40
    row = ApiKey.objects.for_organization(default_organization()).get()
    assert row.name == "ไลน์บอทจังหวัด"
    assert row.key_hash == hash_key(key) and key not in (row.key_hash, row.prefix)
    assert key.startswith(row.prefix)
    assert keys.key_of(default_organization(), key) == row


def test_the_command_refuses_an_unknown_host(site):
    with pytest.raises(CommandError, match="example.net"):
        call_command("create_open311_key", domain="example.net", name="bot", stdout=io.StringIO())


def test_a_key_works_for_its_own_organization_only_and_not_once_revoked(site):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    out = io.StringIO()
    call_command(
        "create_open311_key", domain="127.0.0.1", name="bot", stdout=out, stderr=io.StringIO()
    )
    key = out.getvalue().strip()
    assert keys.key_of(default_organization(), key) is None
    row = keys.key_of(other, key)
    assert row is not None
    row.is_revoked = True
    row.save()
    assert keys.key_of(other, key) is None
    assert keys.key_of(other, "t311_guessed") is None


def test_the_admin_shows_a_new_key_once_and_lists_it_by_its_start(site):
    client = signed_in(administrator_of(default_organization(), "admin-a"))
    response = client.post(
        "/admin/snippets/cases/apikey/add/", {"name": "แดชบอร์ดจังหวัด"}, follow=True
    )
    assert response.status_code == 200
    row = ApiKey.objects.for_organization(default_organization()).get()
    html = response.content.decode()
    shown = html.split("<code>")[1].split("</code>")[0]
    assert shown.startswith(row.prefix) and hash_key(shown) == row.key_hash
    listing = client.get("/admin/snippets/cases/apikey/").content.decode()
    assert row.prefix in listing and shown not in listing
    edit = client.get(f"/admin/snippets/cases/apikey/edit/{row.pk}/").content.decode()
    assert shown not in edit


def test_another_organizations_keys_are_not_found_in_the_admin(site):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    from tambon.cases.models import issue_key

    theirs, _key = issue_key(other, "บอทของเขา")
    client = signed_in(administrator_of(default_organization(), "admin-a"))
    assert "บอทของเขา" not in client.get("/admin/snippets/cases/apikey/").content.decode()
    assert client.get(f"/admin/snippets/cases/apikey/edit/{theirs.pk}/").status_code == 404
