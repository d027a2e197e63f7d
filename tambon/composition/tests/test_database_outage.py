"""When the database cannot be reached, visitors get a Thai 503 page that says so, and a citizen
who was sending a form gets back what they typed. (The real fault, a PostgreSQL restart under
load, is in e2e/test_faults.py; here the database fails inside one request.)"""

import html

import pytest
from django.db import OperationalError
from django.test import Client

from tambon.cases.tests.test_public_forms import XSS, complaint_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tax_notice")]


def database_gone(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


def test_a_page_asked_while_the_database_is_away_gets_a_thai_503(monkeypatch):
    monkeypatch.setattr("wagtail.models.Site.find_for_request", database_gone)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "ฐานข้อมูลของเว็บไซต์ไม่พร้อมให้บริการ" in body
    assert "Traceback" not in body


def test_a_complaint_sent_while_the_database_is_away_comes_back_with_what_was_typed(
    monkeypatch, starter_categories
):
    citizen = Client(raise_request_exception=False)
    citizen.get("/cases/new/complaint/")
    monkeypatch.setattr("tambon.cases.ratelimit.refusal", database_gone)
    data = complaint_data(details=f"หลุมลึกมาก {XSS}")
    response = citizen.post("/cases/new/complaint/", data)
    assert response.status_code == 503
    body = response.content.decode()
    assert "ข้อความที่ท่านกรอกไว้ยังอยู่ครบ" in body
    assert html.escape(data["subject"]) in body
    assert html.escape(f"หลุมลึกมาก {XSS}") in body
    assert XSS not in body  # given back as text, never as markup
    assert 'action="/cases/new/complaint/"' in body


def test_a_password_is_never_given_back(monkeypatch):
    monkeypatch.setattr("django.contrib.auth.forms.authenticate", database_gone)
    response = Client(raise_request_exception=False).post(
        "/admin/login/", {"username": "clerk", "password": "correct-horse-battery"}
    )
    assert response.status_code == 503
    assert "correct-horse-battery" not in response.content.decode()
