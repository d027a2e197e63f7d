"""What a new organization starts with: its own complaint categories and e-service types,
made once."""

import pytest

from tambon.cases.models import CaseKind, Category, ServiceDocument, ServiceField, ServiceType
from tambon.cases.starter import COMPLAINT_CATEGORIES, SERVICE_TYPES, ensure_starter_content
from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.people.tests.factories import DivisionFactory

pytestmark = pytest.mark.django_db


def contents(organization):
    """Everything the starter makes, as a user would list it in the admin."""
    categories = Category.objects.for_organization(organization)
    services = ServiceType.objects.for_organization(organization)
    return {
        "categories": sorted(categories.values_list("kind", "name")),
        "services": sorted(services.values_list("slug", "name", "division__name")),
        "documents": ServiceDocument.objects.for_organization(organization).count(),
        "fields": ServiceField.objects.for_organization(organization).count(),
    }


def test_running_it_twice_changes_nothing(site, home):
    organization = Organization.for_site(site)
    ensure_starter_content(organization, home, None)
    first = contents(organization)
    ensure_starter_content(organization, home, None)
    assert contents(organization) == first
    assert [name for _kind, name in first["categories"]] == sorted(COMPLAINT_CATEGORIES)
    assert len(first["services"]) == len(SERVICE_TYPES)
    assert first["documents"] == 7
    assert first["fields"] == 9


def test_an_edited_type_is_kept(site):
    organization = Organization.for_site(site)
    ensure_starter_content(organization)
    ServiceType.objects.for_organization(organization).filter(slug="garbage-bin").update(
        name="ขอถังขยะเปียก"
    )
    ensure_starter_content(organization)
    names = ServiceType.objects.for_organization(organization).values_list("name", flat=True)
    assert "ขอถังขยะเปียก" in names
    assert "ขอถังขยะ" not in names


def test_two_organizations_get_separate_categories_and_types(site):
    ours = Organization.for_site(site)
    theirs = Organization.for_site(second_organization_site("127.0.0.1"))
    DivisionFactory(name="กองช่าง", organization=theirs)
    ensure_starter_content(ours)
    ensure_starter_content(theirs)
    for organization in (ours, theirs):
        complaint = Category.objects.for_organization(organization).of_kind(CaseKind.COMPLAINT)
        assert complaint.count() == len(COMPLAINT_CATEGORIES)
    ours_ids = set(Category.objects.for_organization(ours).values_list("pk", flat=True))
    theirs_ids = set(Category.objects.for_organization(theirs).values_list("pk", flat=True))
    assert not ours_ids & theirs_ids
    trees = ServiceType.objects.for_organization(theirs).get(slug="tree-cutting")
    assert trees.division.name == "กองช่าง"
    assert ServiceType.objects.for_organization(ours).get(slug="tree-cutting").division is None
    assert "อบต.อื่น" in trees.description
    assert {document.organization_id for document in trees.documents.all()} == {theirs.pk}


def test_the_starter_makes_no_groups(site):
    from django.contrib.auth.models import Group

    before = Group.objects.count()
    ensure_starter_content(Organization.for_site(site))
    assert Group.objects.count() == before
