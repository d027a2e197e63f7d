"""A document is downloaded through Wagtail's document address, which honours the privacy of
its collection; its file's address under /media/ serves nothing."""

import pytest
from wagtail.models import CollectionViewRestriction

from tambon.core.memberships import ensure_collection
from tambon.core.models import Organization

from .factories import PdfDocumentFactory

pytestmark = pytest.mark.django_db


def test_a_public_document_downloads_from_its_document_address_only(client, site):
    document = PdfDocumentFactory()
    assert client.get(document.url).status_code == 200
    assert document.file.url.startswith("/media/")
    assert client.get(document.file.url).status_code == 404


def test_a_document_of_a_private_collection_is_not_served_to_a_visitor(client, site):
    own = ensure_collection(Organization.for_site(site))
    private = own.add_child(name="เอกสารภายใน")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = PdfDocumentFactory(collection=private)
    assert client.get(document.url).status_code == 302  # to the sign-in page
    assert client.get(document.file.url).status_code == 404
