"""ITA evidence this app answers: powers and duties, contact, social channels, news of the year."""

from django.db.models import Q
from django.utils.translation import gettext as _

from tambon.core.ita.evidence import EvidenceKind, Suggestion, finds, live_pages
from tambon.core.ita.topics import ItaTopic
from tambon.core.models import Organization
from tambon.thai.fiscal import fiscal_year_bounds

from .models import ContactPage, NewsIndexPage, NewsPage, StandardPage


@finds(ItaTopic.STRUCTURE, ItaTopic.AUTHORITY)
def powers_and_duties(site, fiscal_year, current_only):
    # Sites describe their powers on a standard page that names them in its title or intro.
    words = "อำนาจหน้าที่"
    pages = live_pages(StandardPage, site).filter(
        Q(title__contains=words) | Q(intro__contains=words)
    )
    return [Suggestion(page.title, page=page) for page in pages]


@finds(ItaTopic.CONTACT)
def contact_page(site, fiscal_year, current_only):
    return [Suggestion(page.title, page=page) for page in live_pages(ContactPage, site)]


@finds(ItaTopic.SOCIAL)
def social_channels(site, fiscal_year, current_only):
    settings = Organization.for_site(site)
    return [
        Suggestion(label, kind=EvidenceKind.URL, external_url=url)
        for label, url in settings.social_links
    ]


@finds(ItaTopic.NEWS)
def news_of_the_year(site, fiscal_year, current_only):
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
