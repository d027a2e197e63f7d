"""The scoping of organization-owned records: the guard, its escape hatch, and the rule that
every model of ours either belongs to an organization or says why not."""

import pytest
from django.apps import apps
from django.db.models.fields.related_descriptors import create_reverse_many_to_one_manager
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page

from tambon.core.models import Organization
from tambon.core.scoping import OrganizationOwned, UnscopedQuery
from tambon.people.models import Division
from tambon.people.tests.factories import DivisionFactory

pytestmark = pytest.mark.django_db

OUR_APPS = {
    "core",
    "people",
    "cases",
    "infocenter",
    "procurement",
    "stats",
    "pages",
    "search",
    "composition",
}

# Models that belong to no organization, each with its reason.
NOT_ORGANIZATION_OWNED = {
    "core.Organization": "it is the organization",
    "core.HostName": "maps a request's host to its site, before any organization is known",
    "core.EnrolmentCode": "an account's, like its password: one person may work for several",
    "core.DoneOnce": "the task queue's bookkeeping (ids of work done), no organization's data",
    "pages.NewsPageTag": "a news page's tag: belongs to its page",
    "infocenter.AntiCorruptionTopic": "a row of the anti-corruption page: belongs to its page",
    "cases.ClosedDay": "a row of a site's case rules (a per-site setting): belongs to it",
    "stats.FlushedBatch": "the counter's bookkeeping of the process, no organization's data",
    "stats.VisitorSeen": "the counter's hashed visitors of the process, no organization's data",
    "stats.DailySalt": "the counter's daily salt of the process, no organization's data",
}


def belongs_somewhere(model):
    return (
        issubclass(model, OrganizationOwned)
        or issubclass(model, Page)  # pages belong to a site's tree
        or issubclass(model, BaseSiteSetting)  # one per site
    )


def test_every_model_of_ours_belongs_to_an_organization_or_says_why_not():
    ours = [
        model
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS and not model._meta.auto_created
    ]
    assert ours  # the app labels above are ours
    unexplained = [
        model._meta.label
        for model in ours
        if not belongs_somewhere(model) and model._meta.label not in NOT_ORGANIZATION_OWNED
    ]
    assert unexplained == [], "make them OrganizationOwned, or list them with a reason"
    stale = [
        label
        for label in NOT_ORGANIZATION_OWNED
        if belongs_somewhere(apps.get_model(label)) and label != "core.Organization"
    ]
    assert stale == [], "converted: take them off the list"


@pytest.mark.parametrize(
    "query",
    [
        lambda: list(Division.objects.all()),
        lambda: Division.objects.count(),
        lambda: Division.objects.exists(),
        lambda: Division.objects.filter(name="กองช่าง").first(),
        lambda: Division.objects.get(name="กองช่าง"),
        lambda: Division.objects.aggregate(),
        lambda: Division.objects.update(phone="1"),
        lambda: Division.objects.filter(name="กองช่าง").delete(),
        lambda: list(Division.objects.values_list("name", flat=True)),
        lambda: Division.objects.get_or_create(name="กองช่าง"),
    ],
)
def test_an_unscoped_query_fails_and_names_the_model(site, query):
    DivisionFactory(name="กองช่าง")
    with pytest.raises(UnscopedQuery, match="people.Division"):
        query()


def test_a_scoped_query_sees_its_organization_only(site):
    ours = Organization.for_site(site)
    mine = DivisionFactory(name="กองช่าง")
    theirs = DivisionFactory(name="กองช่าง", organization=other_organization())
    assert list(Division.objects.for_organization(ours)) == [mine]
    assert Division.objects.for_organization(ours).filter(pk=theirs.pk).count() == 0
    made = Division.objects.for_organization(ours).create(name="กองคลัง")
    assert made.organization_id == ours.pk


def test_all_organizations_is_the_deliberate_way_to_see_every_row(site):
    DivisionFactory(name="กองช่าง")
    DivisionFactory(name="กองช่าง", organization=other_organization())
    assert Division.objects.all_organizations().filter(name="กองช่าง").count() == 2


def test_a_related_managers_query_counts_as_scoped(site):
    ours = Organization.for_site(site)
    mine = DivisionFactory(name="กองช่าง")
    DivisionFactory(name="กองช่าง", organization=other_organization())
    # The manager Django gives a reverse foreign key (organization.divisions, were it named).
    related = create_reverse_many_to_one_manager(
        Division._default_manager.__class__, Division._meta.get_field("organization").remote_field
    )
    assert list(related(ours).all()) == [mine]


def test_a_forward_foreign_key_is_read_without_the_guard(site):
    from tambon.people.tests.factories import PositionFactory

    position = PositionFactory()
    assert Division._base_manager.filter(pk=DivisionFactory().pk).count() == 1
    assert position.organization == Organization.for_site(site)


def test_the_guard_is_off_outside_the_tests(site, settings):
    settings.TAMBON_SCOPING_GUARD = False
    DivisionFactory(name="กองช่าง")
    assert Division.objects.count() == 1


def other_organization():
    from tambon.pages.tests.factories import second_organization_site

    return Organization.for_site(second_organization_site())
