"""The admin's pages run their own inline scripts under the strict policy, and no other."""

import base64
import hashlib
import re

import pytest
from django.contrib.auth import get_user_model

from tambon.pages.models import NewsPage
from tambon.pages.tests.factories import town_pages

pytestmark = pytest.mark.django_db

INLINE = re.compile(r"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.S | re.I)


@pytest.fixture
def clerk_client(client, site):
    town_pages(site)
    clerk = get_user_model().objects.create_superuser("clerk", "clerk@pong.example", "x" * 12)
    client.force_login(clerk)
    return client


def script_src(response):
    policy = response["Content-Security-Policy"]
    return next(part for part in policy.split(";") if part.strip().startswith("script-src"))


def sha256(script):
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_the_news_editor_allows_exactly_its_own_inline_scripts(clerk_client):
    news = NewsPage.objects.live().first()
    response = clerk_client.get(f"/admin/pages/{news.pk}/edit/")
    html = response.content.decode()
    scripts = INLINE.findall(html)
    assert any("new ImageChooser" in script for script in scripts)  # the cover image's chooser
    allowed = script_src(response)
    assert all(sha256(script) in allowed for script in scripts)
    assert "'unsafe-inline'" not in allowed


def test_public_pages_keep_the_plain_policy(clerk_client):
    assert "sha256" not in script_src(clerk_client.get("/"))
