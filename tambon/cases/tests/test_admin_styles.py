"""The case screens load the admin's extra stylesheets, and their filter forms use the layout
that keeps each label above its drop-down (core/static/core/admin.css)."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from .test_admin import signed_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/cases/", "/admin/cases/information-register/"])
def test_the_filter_forms_keep_labels_apart_from_their_boxes(case_admin, url):
    html = signed_in(case_admin).get(url).content.decode()
    assert "core/admin.css" in html
    assert "cases/admin.css" in html
    assert '<form method="get" class="w-mb-6 admin-filters">' in html
    stylesheet = Path(finders.find("core/admin.css")).read_text(encoding="utf-8")
    assert ".admin-filters > div { display: flex; flex-direction: column;" in stylesheet
