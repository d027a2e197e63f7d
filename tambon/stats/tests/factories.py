"""Factories of the visitor counter's settings and of the daily rows the counter and the report
read. A row needs its site: ``DailyVisitsFactory(site=site, day=..., visits=...)``."""

import datetime

import factory

from tambon.stats.models import DailyPageViews, DailyVisits, VisitorCounterSettings


class VisitorCounterSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitorCounterSettings
        django_get_or_create = ("site",)


class DailyVisitsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailyVisits

    day = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    visits = 1
    page_views = 1


class DailyPageViewsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailyPageViews

    day = datetime.date(2026, 1, 1)
    path = factory.Sequence(lambda n: f"/page-{n}/")
    views = 1
