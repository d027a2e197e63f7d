"""Schema-driven test of Open311 (schemathesis): requests generated from the served OpenAPI
description (openapi.json), good and bad, never make a server error, and every answer has a
status, a content type and (JSON) a body that the description documents. Filing is tried with a
valid key of the organization, so that it goes past the key check."""

import json
from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import tambon.cases.open311
from tambon.cases.models import issue_key
from tambon.core.tests.factories import default_organization

from .factories import CaseFactory

DESCRIPTION = json.loads(
    (Path(tambon.cases.open311.__file__).parent / "openapi.json").read_text(encoding="utf-8")
)
schema = schemathesis.openapi.from_dict(DESCRIPTION)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_connection():
    """The WSGI handler closes the database connection around each request (it is inside the
    test's transaction), and with it that transaction on PostgreSQL: kept open, as Django's test
    client keeps it."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def filled(site, starter_categories, road, water, settings, open_connection):
    settings.TAMBON_OPEN311_READS_PER_MINUTE = 100_000
    settings.TAMBON_OPEN311_POSTS_PER_HOUR = 100_000
    CaseFactory(kind=road.kind, category=road, reporter={"name": "ก", "phone": "0812345678"})
    return issue_key(default_organization(), "schemathesis")[1]


@schema.parametrize()
@settings(
    max_examples=25,
    database=None,  # nothing written beside the project
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_server_error_and_no_answer_outside_the_description(case, filled):
    if case.method == "POST" and isinstance(case.body, dict):
        case.body["api_key"] = filled
    case.call_and_validate(
        app=get_wsgi_application(), base_url="http://localhost/open311/v2", checks=CHECKS
    )
