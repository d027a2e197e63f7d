"""The demo is ready for the assessor: its ITA page of FY 2568 answers every item from the
demo's own content, never shows an admin note, and its people pages show photo, position and
two ways of contact (ITA O2)."""

import pytest
from django.urls import reverse

from tambon.infocenter.demo import DEMO_FISCAL_YEAR
from tambon.people.models import PersonPage, PositionGroup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def rows(html):
    return {
        part.split('"', 1)[0]: part.split("</tr>", 1)[0] for part in html.split('<tr id="ita-')[1:]
    }


def test_the_demo_ita_page_answers_every_item_and_shows_no_admin_note(client):
    html = client.get(f"/ita-{DEMO_FISCAL_YEAR}/").content.decode()

    assert "ยังไม่ยืนยัน" not in html
    items = rows(html)
    assert len(items) == 26
    not_answered = {code for code, row in items.items() if 'data-status="covered"' not in row}
    assert not_answered == set()
    assert "ยังไม่มีข้อมูล" not in html


def test_the_dashboard_agrees_with_the_public_page_item_by_item(client, admin_client):
    public = rows(client.get(f"/ita-{DEMO_FISCAL_YEAR}/").content.decode())
    url = reverse("ita_coverage") + f"?year={DEMO_FISCAL_YEAR}"
    dashboard = rows(admin_client.get(url).content.decode())

    def status(row):
        return row.split('data-status="', 1)[1].split('"', 1)[0]

    assert {code: status(row) for code, row in public.items()} == {
        code: status(row) for code, row in dashboard.items()
    }


def test_executives_pages_show_a_photo_their_position_and_two_ways_of_contact(client):
    executives = PersonPage.objects.live().filter(position__group=PositionGroup.EXECUTIVE)
    assert executives.count() >= 4
    photos = set()
    for person in executives.select_related("position", "photo"):
        html = client.get(person.url).content.decode()
        assert person.position.title in html
        assert 'href="tel:' in html and 'href="mailto:' in html
        assert "person.svg" not in html  # a photo, not the silhouette
        photos.add(person.photo.file.name)
    assert len(photos) == executives.count()  # each their own portrait


def test_the_directory_shows_each_persons_photo_and_contacts(client):
    directory = PersonPage.objects.live().first().get_parent()
    html = client.get(directory.url).content.decode()

    assert "person.svg" not in html
    for person in PersonPage.objects.live().filter(position__group=PositionGroup.EXECUTIVE):
        card = html.split(f">{person.full_name}</a>")[1].split("</li>")[0]
        assert "tel:" in card and "mailto:" in card
