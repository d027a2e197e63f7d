"""Evidence the site already has for an ITA topic, found without the clerk's help.

A finder takes the site and the fiscal year assessed and returns suggestions; the dashboard shows
those not yet linked, and one click links them. Finders are registered per topic with @finds, so a
feature app adds its own by importing this module in its AppConfig.ready.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Page

from tambon.core.models import OrganizationSettings
from tambon.thai.fiscal import fiscal_year_bounds

from ..models import EvidenceKind
from .topics import ItaTopic

_finders = defaultdict(list)


@dataclass(frozen=True)
class Suggestion:
    label: str
    kind: str = EvidenceKind.PAGE
    page: Page | None = None
    subpath: str = ""
    external_url: str = ""
    covers_fiscal_year: int | None = None
    published_on: date | None = None

    def same_place_as(self, evidence):
        """True if the evidence already links where this suggestion points."""
        if self.kind == EvidenceKind.PAGE:
            return evidence.page_id == self.page.pk and evidence.subpath == self.subpath
        return evidence.kind == self.kind and evidence.external_url == self.external_url

    def url(self, request=None):
        if self.page is not None:
            return self.page.get_url(request) + self.subpath
        return self.external_url


def finds(*topics):
    """Register a finder `function(site, fiscal_year) -> [Suggestion]` for these topics."""

    def register(function):
        for topic in topics:
            _finders[topic].append(function)
        return function

    return register


def suggestions_for(topic, site, fiscal_year):
    found = []
    for finder in _finders.get(topic, ()):
        found.extend(finder(site, fiscal_year))
    return found


def live_pages(model, site):
    return model.objects.live().public().descendant_of(site.root_page, inclusive=True)


@finds(ItaTopic.STRUCTURE)
def org_chart(site, fiscal_year):
    from tambon.people.models import OrgChartPage

    return [Suggestion(page.title, page=page) for page in live_pages(OrgChartPage, site)]


@finds(ItaTopic.STRUCTURE, ItaTopic.AUTHORITY)
def powers_and_duties(site, fiscal_year):
    # Sites describe their powers on a standard page that names them in its title or intro.
    from tambon.pages.models import StandardPage

    words = "อำนาจหน้าที่"
    pages = live_pages(StandardPage, site).filter(
        Q(title__contains=words) | Q(intro__contains=words)
    )
    return [Suggestion(page.title, page=page) for page in pages]


@finds(ItaTopic.EXECUTIVES)
def executives(site, fiscal_year):
    from tambon.people.models import PersonPage, PositionGroup

    people = (
        live_pages(PersonPage, site)
        .filter(position__group=PositionGroup.EXECUTIVE)
        .order_by("position__rank", "sort_order")
    )
    return [Suggestion(f"{person.position} {person.full_name}", page=person) for person in people]


@finds(ItaTopic.CONTACT, ItaTopic.FEEDBACK_CHANNEL)
def contact_page(site, fiscal_year):
    from tambon.pages.models import ContactPage

    return [Suggestion(page.title, page=page) for page in live_pages(ContactPage, site)]


@finds(ItaTopic.SOCIAL)
def social_channels(site, fiscal_year):
    settings = OrganizationSettings.for_site(site)
    return [
        Suggestion(label, kind=EvidenceKind.URL, external_url=url)
        for label, url in settings.social_links
    ]


@finds(ItaTopic.NEWS)
def news_of_the_year(site, fiscal_year):
    from tambon.pages.models import NewsIndexPage, NewsPage

    first, last = fiscal_year_bounds(fiscal_year)
    found = []
    for index in live_pages(NewsIndexPage, site):
        posts = NewsPage.objects.live().public().child_of(index).filter(date__range=(first, last))
        newest = posts.order_by("-date").values_list("date", flat=True).first()
        if newest is not None:
            found.append(
                Suggestion(
                    _("%(page)s, fiscal year %(year)s")
                    % {"page": index.title, "year": fiscal_year},
                    page=index,
                    subpath=NewsIndexPage.fiscal_year_subpath(fiscal_year),
                    covers_fiscal_year=fiscal_year,
                    published_on=newest,
                )
            )
    return found
