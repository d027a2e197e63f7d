"""The demo organization's visitor counter as the old site had it, and plausible daily rows."""

import datetime
import random

from tambon.core.models import Organization

from .models import DailyPageViews, DailyVisits, VisitorCounterSettings

# The old site counted from 5 March 2563 and had reached this total.
COUNTED_SINCE = datetime.date(2020, 3, 5)
BASELINE_VISITS = 26_890
DEMO_HISTORY_DAYS = 800
DEMO_PAGE_HISTORY_DAYS = 90
DEMO_TOP_PATHS = ["/", "/news/", "/news/community-plan-2565/", "/people/", "/contact/"]


def ensure_visitor_history(site, today):
    """Counter settings as the old site had them, and plausible daily rows for the demo."""
    settings = VisitorCounterSettings.for_site(site)
    if settings.counted_since is None:
        settings.counted_since = COUNTED_SINCE
        settings.baseline_visits = BASELINE_VISITS
        settings.save()
    organization = Organization.for_site(site)
    if DailyVisits.objects.for_organization(organization).exists():
        return
    rng = random.Random(2563)  # noqa: S311 - sample figures, not security
    days, pages = [], []
    for offset in range(DEMO_HISTORY_DAYS, 0, -1):
        day = today - datetime.timedelta(days=offset)
        visits = rng.randint(20, 90)
        # Five pages each seen by a quarter to all of the day's visitors: views >= visits.
        views = {path: rng.randint(visits // 4 + 1, visits) for path in DEMO_TOP_PATHS}
        days.append(
            DailyVisits(
                organization=organization, day=day, visits=visits, page_views=sum(views.values())
            )
        )
        if offset <= DEMO_PAGE_HISTORY_DAYS:
            pages += [
                DailyPageViews(organization=organization, day=day, path=path, views=count)
                for path, count in views.items()
            ]
    DailyVisits.objects.bulk_create(days)
    DailyPageViews.objects.bulk_create(pages)
