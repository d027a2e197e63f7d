"""Factories of the visitor counter's settings and of the daily rows the counter and the report
read. A row belongs to the organization of a site: ``DailyVisitsFactory(site=site, day=...,
visits=...)`` (or ``organization=``; the default site's organization otherwise)."""

import datetime

import factory

from tambon.core.models import Organization
from tambon.core.tests.factories import OrganizationOwnedFactory
from tambon.stats.models import DailyPageViews, DailyVisits, VisitorCounterSettings


def visits_of(site):
    """The daily visit rows of the site's organization."""
    return DailyVisits.objects.for_organization(Organization.for_site(site))


def page_views_of(site):
    """The daily page-view rows of the site's organization."""
    return DailyPageViews.objects.for_organization(Organization.for_site(site))


class CountsFactory(OrganizationOwnedFactory):
    class Meta:
        abstract = True

    class Params:
        site = None

    @factory.lazy_attribute
    def organization(self):
        if self.site is not None:
            return Organization.for_site(self.site)
        return OrganizationOwnedFactory.organization.function()


class VisitorCounterSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitorCounterSettings
        django_get_or_create = ("site",)


class DailyVisitsFactory(CountsFactory):
    class Meta:
        model = DailyVisits

    day = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    visits = 1
    page_views = 1


class DailyPageViewsFactory(CountsFactory):
    class Meta:
        model = DailyPageViews

    day = datetime.date(2026, 1, 1)
    path = factory.Sequence(lambda n: f"/page-{n}/")
    views = 1
