"""The clerk's side: the Thai admin opens, and what the clerk edits shows on the site."""

import gettext
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tambon.core.wagtail_admin_words import WAGTAIL_ADMIN_WORDS
from tambon.pages.models import HomePage
from tambon.pages.tests.factories import NewsIndexPageFactory, NewsPageFactory, town_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk_client(client):
    user = get_user_model().objects.create_superuser("clerk", "clerk@pong.example", "x" * 12)
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "url_name",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/settings/core/organization/",
        "/admin/settings/core/footersettings/",
        "/admin/settings/stats/visitorcountersettings/",
        "/admin/snippets/people/division/",
        "/admin/snippets/people/position/",
    ],
)
def test_admin_screens_open_in_thai(clerk_client, url_name):
    response = clerk_client.get(url_name, follow=True)
    assert response.status_code == 200
    assert '<html lang="th"' in response.content.decode()


@pytest.mark.parametrize("model_name", ["homepage", "newspage", "personpage", "contactpage"])
def test_page_editor_opens_for_each_page_type(site, clerk_client, model_name):
    town_pages(site)  # filled pages: quick links, a cover picture, tags, a photo
    page = Page.objects.filter(content_type__model=model_name).first()
    response = clerk_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200


def test_clerk_changes_a_quick_link_and_the_home_page_shows_it(clerk_client, client, home):
    links = [
        (
            "link",
            {
                "label": "แจ้งซ่อมไฟฟ้าสาธารณะ",
                "description": "",
                "icon": "phone",
                "link": {"page": "", "address": "tel:054000000"},
            },
        )
    ]
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "welcome_title": "ยินดีต้อนรับ (แก้ไขแล้ว)",
            "welcome_text": "",
            "quick_links": streamfield(links),
            "news_count": 4,
            "activities_count": 3,
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = clerk_client.post(f"/admin/pages/{home.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get("/").content.decode()
    assert "ยินดีต้อนรับ (แก้ไขแล้ว)" in page
    assert 'href="tel:054000000"' in page
    assert "แจ้งซ่อมไฟฟ้าสาธารณะ" in page
    assert HomePage.objects.get(pk=home.pk).quick_links[0].value["label"] == "แจ้งซ่อมไฟฟ้าสาธารณะ"


def test_the_admin_speaks_our_thai_for_wagtails_own_words(clerk_client, home):
    """Wagtail's catalogue calls Pages "หลายหน้า"; ours, read first, says "หน้าเว็บ"."""
    dashboard = clerk_client.get("/admin/").content.decode()
    # The menu reaches the page as JSON, where Thai letters are \u escapes.
    assert json.dumps("หน้าเว็บ")[1:-1] in dashboard
    assert json.dumps("หลายหน้า")[1:-1] not in dashboard
    page = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))
    editor = clerk_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "เผยแพร่" in editor
    assert "ดูถ่ายทอดสด" not in editor
    # Our words of the same spelling have a context, so they stay out of Wagtail's screens:
    # "History" of a page is not the progress of a case, "Title" of a page not an ITA item's.
    assert "ประวัติ" in editor
    assert "ความคืบหน้า" not in editor
    explorer = clerk_client.get(f"/admin/pages/{page.get_parent().pk}/").content.decode()
    assert "ชื่อเรื่อง" in explorer
    assert "ชื่อข้อ" not in explorer


def test_each_wagtail_word_we_translate_reads_as_our_catalogue_says():
    """tambon/core/wagtail_admin_words.py lists them; Django must take our Thai over Wagtail's."""
    compiled = Path(__file__).resolve().parents[2] / "locale/th/LC_MESSAGES/django.mo"
    with compiled.open("rb") as file:
        ours = gettext.GNUTranslations(file)
    with translation.override("th"):
        for word in WAGTAIL_ADMIN_WORDS:
            assert ours.gettext(word) != word, f"no Thai for {word!r} in our catalogue"
            assert translation.gettext(word) == ours.gettext(word), word
