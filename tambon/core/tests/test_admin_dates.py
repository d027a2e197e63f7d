"""Buddhist-Era dates in the admin's editors: a news date reads 1/05/2567, a date typed that way
is saved as the Christian Era date it means, and a date that does not exist gets a Thai error
with what was typed still in the box."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from tambon.pages.models import NewsPage
from tambon.pages.tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk_client(client):
    user = get_user_model().objects.create_superuser("clerk", "clerk@pong.example", "x" * 12)
    client.force_login(user)
    return client


@pytest.fixture
def post(home):
    return NewsPageFactory(parent=NewsIndexPageFactory(parent=home), date=datetime.date(2024, 5, 1))


def edit(client, page, date, **extra):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": date,
            "category": page.category,
            "tags": "",
            "body": streamfield([("rich_text", rich_text("<p>เนื้อหา</p>"))]),
            "gallery": streamfield([]),
            "attachments": streamfield([]),
            **extra,
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_the_news_editor_shows_the_buddhist_year(clerk_client, post):
    html = clerk_client.get(f"/admin/pages/{post.pk}/edit/").content.decode()
    assert 'value="1/05/2567"' in html
    assert "2024-05-01" not in html


@pytest.mark.parametrize("typed", ["14/03/2565", "14 มีนาคม 2565", "๑๔/๐๓/๒๕๖๕", "2565-03-14"])
def test_a_buddhist_era_date_typed_is_saved_as_the_day_it_means(clerk_client, post, typed):
    response = edit(clerk_client, post, typed)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert NewsPage.objects.get(pk=post.pk).get_latest_revision_as_object().date == (
        datetime.date(2022, 3, 14)
    )


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("29/02/2566", "กรอกวันที่ เช่น 14/03/2568 (วัน/เดือน/ปี พ.ศ.)"),
        ("14/03/2022", "ปี 2022 น่าจะเป็นปี ค.ศ. โปรดระบุเป็นปี พ.ศ. (2565)"),
    ],
)
def test_a_bad_date_gets_a_thai_error_and_keeps_what_was_typed(clerk_client, post, typed, error):
    response = edit(clerk_client, post, typed, title="หัวข้อที่แก้แล้ว")
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert f'value="{typed}"' in html
    assert 'value="หัวข้อที่แก้แล้ว"' in html  # nothing else typed is lost either
    assert NewsPage.objects.get(pk=post.pk).date == datetime.date(2024, 5, 1)


def test_the_publishing_schedule_is_shown_and_read_in_the_buddhist_era(clerk_client, post):
    response = edit(clerk_client, post, "1/05/2567", go_live_at="1/06/2580 09:30")
    assert response.status_code == 302, response.content.decode()[:2000]
    revision = NewsPage.objects.get(pk=post.pk).get_latest_revision_as_object()
    assert revision.go_live_at == datetime.datetime(2037, 6, 1, 2, 30, tzinfo=datetime.UTC)
    html = clerk_client.get(f"/admin/pages/{post.pk}/edit/").content.decode()
    assert 'value="1/06/2580 09:30"' in html


# Read elsewhere in the admin: the tooltip of "2 hours ago" in every listing, the locking time.
SAVED_AT = datetime.datetime(2026, 12, 4, 10, 0, tzinfo=datetime.UTC)  # 17:00 in Bangkok
SAVED_AT_THAI = "4 ธันวาคม 2569 เวลา 17:00 น."


def tooltips(html):
    return re.findall(r'data-w-tooltip-content-value="([^"]*)"', html)


@pytest.fixture
def saved_post(post):
    with time_machine.travel(SAVED_AT, tick=False):
        post.save_revision().publish()
    return post


def test_a_listing_says_when_a_page_changed_in_the_buddhist_era(clerk_client, saved_post):
    html = clerk_client.get(f"/admin/pages/{saved_post.get_parent().pk}/").content.decode()
    assert SAVED_AT_THAI in tooltips(html)
    assert not any("2026" in tip for tip in tooltips(html))


def test_staff_who_chose_english_read_the_christian_era(clerk_client, saved_post):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="clerk"))
    profile.preferred_language = "en"
    profile.save()
    html = clerk_client.get(f"/admin/pages/{saved_post.get_parent().pk}/").content.decode()
    assert "Dec. 4, 2026, 5 p.m." in tooltips(html)


def test_the_locked_pages_report_gives_the_locking_time_in_the_buddhist_era(clerk_client, post):
    post.locked, post.locked_at = True, SAVED_AT
    post.locked_by = get_user_model().objects.get(username="clerk")
    post.save()
    html = clerk_client.get("/admin/reports/locked/").content.decode()
    assert f"<b>{SAVED_AT_THAI}</b>" in html
