import datetime

import pytest

from tambon.core.models import Organization
from tambon.core.searching import SearchDocument
from tambon.pages.tests.factories import second_organization_site


@pytest.fixture
def organization(site):
    return Organization.for_site(site)


@pytest.fixture
def other_organization(site):
    return Organization.for_site(second_organization_site())


@pytest.fixture
def document(organization):
    """A document of the organization: document("news:1", "title", "body", date=...)."""

    def make(key, title, body="", organization_id=None, **fields):
        kind = key.split(":", 1)[0]
        fields.setdefault("date", datetime.date(2025, 6, 1))
        return SearchDocument(
            key=key,
            organization_id=organization_id or organization.pk,
            kind=kind,
            title=title,
            url=f"/{kind}/{key.split(':', 1)[1]}/",
            body=body,
            **fields,
        )

    return make
