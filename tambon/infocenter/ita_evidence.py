"""ITA evidence the information center answers: folders of published records (laws, plans,
reports, manuals, HR, ethics, risk assessment ...) and the anti-corruption page. Each finder
looks at the records and gift register of the site's organization only."""

from django.utils.http import urlencode

from tambon.core.ita.evidence import Suggestion, finds, live_pages
from tambon.core.ita.topics import ItaTopic
from tambon.core.models import Organization
from tambon.thai.fiscal import fiscal_year as current_fiscal_year

from .models import (
    AntiCorruptionPage,
    GiftRegisterEntry,
    InfoCenterPage,
    InfoRecord,
    RecordCategory,
)

# Topic -> the folder every organization starts with (starter.py) that holds its records.
FOLDER_OF_TOPIC = {
    ItaTopic.LAWS: "laws",
    ItaTopic.DEVELOPMENT_PLAN: "development-plan",
    ItaTopic.OPERATIONS_PLAN: "operations-plan",
    ItaTopic.OPERATIONS_REPORT_HALF: "performance-reports",
    ItaTopic.OPERATIONS_REPORT: "performance-reports",
    ItaTopic.BUDGET_PLAN: "budget-spending-reports",
    ItaTopic.BUDGET_REPORT_HALF: "budget-spending-reports",
    ItaTopic.BUDGET_REPORT: "budget-spending-reports",
    ItaTopic.STAFF_MANUAL: "staff-manuals",
    ItaTopic.SERVICE_MANUAL: "service-manuals",
    ItaTopic.HR_POLICY: "human-resources",
    ItaTopic.HR_ACTIONS: "human-resources",
    ItaTopic.HR_RULES: "human-resources",
    ItaTopic.HR_REPORT: "human-resources",
    ItaTopic.ETHICS: "ethics",
    ItaTopic.PARTICIPATION: "participation",
    ItaTopic.NO_GIFT: "no-gift-policy",
    ItaTopic.RISK_ASSESSMENT: "risk-assessment",
    ItaTopic.RISK_ACTIONS: "risk-assessment",
    ItaTopic.ANTI_CORRUPTION_PLAN: "anti-corruption-plan",
    ItaTopic.ANTI_CORRUPTION_REPORT_HALF: "anti-corruption-reports",
    ItaTopic.ANTI_CORRUPTION_REPORT: "anti-corruption-reports",
}

# Topic -> the part of the anti-corruption page that answers it.
SECTION_OF_TOPIC = {
    ItaTopic.CORRUPTION_CHANNEL: "#report-corruption",
    ItaTopic.CORRUPTION_GUIDELINE: "#report-corruption",
    ItaTopic.INTEGRITY_PLEDGE: "#integrity-pledge",
    ItaTopic.NO_GIFT: "#no-gift-policy",
}


def folder_records(topic, site, fiscal_year, needs_current_year):
    """The folder's listing, for the fiscal year when the item asks for that year's records."""
    organization = Organization.for_site(site)
    folders = RecordCategory.objects.for_organization(organization)
    category = folders.filter(slug=FOLDER_OF_TOPIC[topic]).first()
    page = InfoCenterPage.for_site(site)
    if category is None or page is None:
        return []
    records = InfoRecord.objects.for_organization(organization).live().in_category(category)
    subpath = page.reverse_subpage("category", args=[category.slug])
    covers = None
    if needs_current_year:
        records = records.of_fiscal_year(fiscal_year)
        subpath += "?" + urlencode({"year": fiscal_year})
        covers = fiscal_year
    newest = records.order_by("-published_on").values_list("published_on", flat=True).first()
    if newest is None:
        return []
    label = f"{category.name} {fiscal_year}" if covers else category.name
    return [
        Suggestion(
            label, page=page, subpath=subpath, covers_fiscal_year=covers, published_on=newest
        )
    ]


def folder_finder(topic):
    def find(site, fiscal_year, current_only):
        return folder_records(topic, site, fiscal_year, current_only)

    return find


for _topic in FOLDER_OF_TOPIC:
    finds(_topic)(folder_finder(_topic))


def section_finder(anchor):
    def find(site, fiscal_year, current_only):
        return [
            Suggestion(page.title, page=page, subpath=anchor)
            for page in live_pages(AntiCorruptionPage, site)
        ]

    return find


for _topic, _anchor in SECTION_OF_TOPIC.items():
    finds(_topic)(section_finder(_anchor))


@finds(ItaTopic.GIFT_REPORT)
def gift_register(site, fiscal_year, current_only):
    """The register's table of the year: shown when gifts were entered that year, and for the
    current year always (saying none were received)."""
    entries = GiftRegisterEntry.objects.for_organization(Organization.for_site(site))
    entries = entries.of_fiscal_year(fiscal_year)
    if fiscal_year != current_fiscal_year() and not entries.exists():
        return []
    return [
        Suggestion(
            f"{page.title} {fiscal_year}",
            page=page,
            subpath=f"#gift-register-{fiscal_year}",
            covers_fiscal_year=fiscal_year,
        )
        for page in live_pages(AntiCorruptionPage, site)
    ]
