"""Wagtail's admin reads Thai: every string of the catalogues the admin shows has Thai, in
Wagtail's own catalogue, ours or the completion catalogue (tambon/wagtail_locale), and the admin,
its JavaScript too, uses it (docs/admin-translation.md)."""

import importlib.util
import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.html import strip_tags

from tambon.pages.tests.factories import NewsIndexPageFactory, NewsPageFactory

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "wagtail_thai.py"


def wagtail_thai():
    spec = importlib.util.spec_from_file_location("wagtail_thai", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_of_the_admin_catalogues_has_thai():
    missing = wagtail_thai().untranslated()

    assert not missing, (
        f"{len(missing)} strings of Wagtail, taggit or Django have no Thai, the first: "
        f"{missing[:10]}. Run `.venv/bin/python scripts/wagtail_thai.py update`, write their "
        "Thai in tambon/wagtail_locale/th/LC_MESSAGES/ and `make messages`."
    )


@pytest.mark.parametrize(
    ("english", "thai"),
    [
        ("Saved", "บันทึกแล้ว"),
        ("Autosave is paused", "หยุดบันทึกอัตโนมัติชั่วคราว"),
        ("More actions", "การดำเนินการอื่น"),
        ("Workflows", "ขั้นตอนอนุมัติ"),
        ("Aging pages", "หน้าที่ไม่ได้ปรับปรุงนาน"),
        ("Shortcuts", "แป้นพิมพ์ลัด"),
        ("A comma-separated list of tags.", "แท็ก คั่นแต่ละแท็กด้วยจุลภาค (,)"),
        # Ours (tambon/locale) is read before the completion catalogue.
        ("Pages", "หน้าเว็บ"),
        ("Collections", "หมวดไฟล์"),
    ],
)
def test_the_admin_reads_the_completion_catalogues_thai(english, thai):
    with translation.override("th"):
        assert translation.gettext(english) == thai


def test_a_time_ago_reads_thai():
    with translation.override("th"):
        # Django's msgid, as its timesince() asks for it (a variable, so makemessages skips it)
        minutes = ("%(num)d minute", "%(num)d minutes")
        assert translation.ngettext(*minutes, 5) % {"num": 5} == "5 นาที"


@pytest.mark.django_db
def test_the_admin_javascript_catalogue_reads_thai(client):
    staff = get_user_model().objects.create_superuser("clerk", "clerk@pong.example", "x" * 12)
    client.force_login(staff)

    script = client.get("/admin/jsi18n/").content.decode()

    for thai in ("การดำเนินการอื่น", "กำลังบันทึกอัตโนมัติ…", "แทรกบล็อก"):
        assert json.dumps(thai)[1:-1] in script or thai in script


@pytest.mark.django_db
def test_the_page_editors_header_actions_are_labelled_in_thai(client, home):
    staff = get_user_model().objects.create_superuser("clerk", "clerk@pong.example", "x" * 12)
    client.force_login(staff)
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))

    page = client.get(f"/admin/pages/{news.pk}/edit/").content.decode()

    assert 'aria-label="การดำเนินการ"' in page
    assert 'aria-label="Actions"' not in page


def visible_words(html):
    return strip_tags(re.sub(r"<script.*?</script>", " ", html, flags=re.S)).split()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "thai"),
    [
        ("/admin/pages/search/?q=ข่าว", "หน้าเว็บ"),  # the count, not "1-2 จาก 2 None"
        ("/admin/pages/search/?q=ประชาสัมพันธ์", "จาก 1 หน้า"),  # one page found
        ("/admin/reports/aging-pages/", "ระบบ"),  # published by the setup: "System"
        ("/admin/users/", "ใช่"),  # the active tick, read out "Yes", not "True"
    ],
)
def test_wagtails_python_values_do_not_show_through(client, home, address, thai):
    staff = get_user_model().objects.create_superuser("clerk", "clerk@pong.example", "x" * 12)
    client.force_login(staff)
    NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="ข่าว ประชาสัมพันธ์")

    page = client.get(address).content.decode()

    assert thai in page
    assert not {"None", "True", "False"} & set(visible_words(page))
