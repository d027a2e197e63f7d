"""The public figures of citizen cases for a fiscal year (ITA O15/O31, FY2568 O11/O19, O16).

Counting rules (the statistics page states them in one paragraph):
- a case counts in the month it was received (its `created` time, in Bangkok);
- it is "completed" in a period when its latest result was "resolved" (closed after being
  resolved counts too) and that result was given before the end of the period; "not accepted"
  (rejected) is counted apart the same way; every other case received in the period is "in
  progress" at the end of it (or today, for a period not over yet);
- a reopened case counts by its latest result;
- ratings count in the fiscal year the case was received.
Every figure is of one organization's cases. Only numbers leave this module: never a subject, a
text or a person.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tambon.thai.dates import BANGKOK, THAI_MONTHS, buddhist_year, format_thai_date
from tambon.thai.days import add_months, start_of_day
from tambon.thai.fiscal import fiscal_months, fiscal_year_bounds

from .models.case import Case
from .models.choices import CaseKind, CaseState

# Every kind has its line on the page (corruption as counts only), in CaseKind's order.
PUBLIC_KINDS = list(CaseKind)
# The explicit line ITA asks for when a kind had nothing in a period.
NONE_SENTENCES = {
    CaseKind.COMPLAINT: gettext_lazy("There were no complaints."),
    CaseKind.EXECUTIVE: gettext_lazy("There were no complaints to the executives."),
    CaseKind.CORRUPTION: gettext_lazy("There were no corruption or misconduct complaints."),
    CaseKind.ESERVICE: gettext_lazy("There were no e-service requests."),
    CaseKind.QUESTION: gettext_lazy("There were no questions."),
    CaseKind.INFORMATION: gettext_lazy("There were no official information requests."),
}
RATINGS = (1, 2, 3, 4, 5)
SATISFIED = frozenset({4, 5})

MONTH, QUARTER, HALF, SUMMARY = "month", "quarter", "half", "summary"


@dataclass(frozen=True)
class Period:
    key: str  # stable in the downloads: "2024-10", "q1", "h1", "6m", "12m"
    group: str
    label: str
    start: datetime.datetime  # included, Bangkok midnight
    end: datetime.datetime  # excluded

    @property
    def has_begun(self) -> bool:
        return self.start <= timezone.now()

    @property
    def first_day(self) -> datetime.date:
        return self.start.date()

    @property
    def last_day(self) -> datetime.date:
        return (self.end - datetime.timedelta(days=1)).date()


@dataclass
class Figures:
    received: int = 0
    completed: int = 0
    rejected: int = 0

    @property
    def in_progress(self) -> int:
        return self.received - self.completed - self.rejected


@dataclass
class KindFigures:
    kind: str
    rows: list  # [(Period, Figures)] in the order of `periods()`
    chart: object = None  # set by the page: tambon.cases.charts.received_chart

    @property
    def label(self):
        return CaseKind(self.kind).label

    @property
    def none_sentence(self):
        return NONE_SENTENCES[self.kind]

    def of_group(self, group):
        return [(period, figures) for period, figures in self.rows if period.group == group]

    @property
    def months(self):
        return self.of_group(MONTH)

    @property
    def quarters_and_halves(self):
        return self.of_group(QUARTER) + self.of_group(HALF)

    @property
    def six_months(self) -> Figures:
        return self.of_group(SUMMARY)[0][1]

    @property
    def year(self) -> Figures:
        return self.of_group(SUMMARY)[1][1]


def _month_start(year, month):
    return start_of_day(datetime.date(year, month, 1))


def _next_month(year, month):
    return start_of_day(add_months(datetime.date(year, month, 1), 1))


def _span(first: datetime.datetime, after: datetime.datetime) -> str:
    last = (after - datetime.timedelta(days=1)).date()
    return f"{format_thai_date(first.date())} - {format_thai_date(last)}"


def periods(fy_be: int) -> list[Period]:
    """The 12 months (October first), the 4 quarters, the 2 halves, then the 6-month
    (October-March) and 12-month summaries of a fiscal year."""
    months = fiscal_months(fy_be)
    starts = [_month_start(year, month) for year, month in months]
    ends = [_next_month(year, month) for year, month in months]
    result = [
        Period(
            f"{year:04d}-{month:02d}",
            MONTH,
            f"{THAI_MONTHS[month - 1]} {buddhist_year(year)}",
            start,
            end,
        )
        for (year, month), start, end in zip(months, starts, ends, strict=True)
    ]
    for number in range(1, 5):
        first, after = starts[(number - 1) * 3], ends[number * 3 - 1]
        label = _("Quarter %(number)s (%(span)s)") % {
            "number": number,
            "span": _span(first, after),
        }
        result.append(Period(f"q{number}", QUARTER, label, first, after))
    for number in (1, 2):
        first, after = starts[(number - 1) * 6], ends[number * 6 - 1]
        label = _("Half year %(number)s (%(span)s)") % {
            "number": number,
            "span": _span(first, after),
        }
        result.append(Period(f"h{number}", HALF, label, first, after))
    result.append(
        Period(
            "6m",
            SUMMARY,
            _("6 months (%(span)s)") % {"span": _span(starts[0], ends[5])},
            starts[0],
            ends[5],
        )
    )
    result.append(
        Period(
            "12m",
            SUMMARY,
            _("12 months, fiscal year %(year)s (%(span)s)")
            % {"year": fy_be, "span": _span(starts[0], ends[11])},
            starts[0],
            ends[11],
        )
    )
    return result


def year_bounds(fy_be: int) -> tuple[datetime.datetime, datetime.datetime]:
    first, last = fiscal_year_bounds(fy_be)
    return start_of_day(first), start_of_day(last + datetime.timedelta(days=1))


def _result(outcome, state):
    """'completed', 'rejected' or None, from the last result given (see the module rules)."""
    if outcome is None and state in (CaseState.RESOLVED, CaseState.CLOSED):
        outcome = CaseState.RESOLVED
    elif outcome is None and state == CaseState.REJECTED:
        outcome = CaseState.REJECTED
    return {CaseState.RESOLVED: "completed", CaseState.REJECTED: "rejected"}.get(outcome)


def _cases(organization):
    return Case.objects.for_organization(organization)


def case_figures(organization, fy_be: int, kinds=PUBLIC_KINDS) -> list[KindFigures]:
    """Received / completed / rejected / in progress of each kind in every period."""
    start, end = year_bounds(fy_be)
    cases = (
        _cases(organization)
        .received_between(start, end)
        .filter(kind__in=kinds)
        .with_outcome()
        .values_list("kind", "created", "finished_at", "outcome", "state")
        .order_by()
    )
    by_kind = defaultdict(list)
    for kind, created, finished_at, outcome, state in cases:
        result = _result(outcome, state) if finished_at is not None else None
        by_kind[kind].append((created, finished_at, result))
    all_periods = periods(fy_be)
    table = []
    for kind in kinds:
        rows = []
        for period in all_periods:
            figures = Figures()
            for created, finished_at, result in by_kind[kind]:
                if not period.start <= created < period.end:
                    continue
                figures.received += 1
                if result and finished_at < period.end:
                    setattr(figures, result, getattr(figures, result) + 1)
            rows.append((period, figures))
        table.append(KindFigures(kind, rows))
    return table


@dataclass
class ServiceType:
    name: str
    counts: list  # one per month, October first

    @property
    def total(self):
        return sum(self.counts)


def service_figures(organization, fy_be: int) -> list[ServiceType]:
    """E-service requests received per request type per month (a request filed before request
    types existed counts under its category)."""
    start, end = year_bounds(fy_be)
    month_keys = [period.key for period in periods(fy_be) if period.group == MONTH]
    counts = defaultdict(Counter)
    requests = (
        _cases(organization)
        .received_between(start, end)
        .of_kind(CaseKind.ESERVICE)
        .values_list("service_type__name", "category__name", "created")
        .order_by()
    )
    for type_name, category_name, created in requests:
        name = type_name or category_name
        local = created.astimezone(BANGKOK)
        counts[name or _("Other requests")][f"{local.year:04d}-{local.month:02d}"] += 1
    return [
        ServiceType(name, [counter[key] for key in month_keys])
        for name, counter in sorted(counts.items())
    ]


@dataclass
class Satisfaction:
    kind: str
    distribution: dict = field(default_factory=dict)  # rating -> count

    @property
    def label(self):
        return CaseKind(self.kind).label

    @property
    def count(self):
        return sum(self.distribution.values())

    @property
    def average(self):
        if not self.count:
            return None
        return sum(rating * n for rating, n in self.distribution.items()) / self.count

    @property
    def satisfied(self):
        return sum(n for rating, n in self.distribution.items() if rating in SATISFIED)

    @property
    def satisfied_percent(self):
        return 100 * self.satisfied / self.count if self.count else None

    @property
    def rows(self):
        return [(rating, self.distribution.get(rating, 0)) for rating in RATINGS]


def satisfaction(organization, fy_be: int, kinds=PUBLIC_KINDS) -> list[Satisfaction]:
    """The citizens' ratings (1-5) of the cases of each kind received in the fiscal year."""
    start, end = year_bounds(fy_be)
    ratings = Counter(
        _cases(organization)
        .received_between(start, end)
        .rated()
        .filter(kind__in=kinds)
        .values_list("kind", "rating")
        .order_by()
    )
    return [
        Satisfaction(
            kind, {rating: ratings[(kind, rating)] for rating in RATINGS if ratings[(kind, rating)]}
        )
        for kind in kinds
    ]


def known_years(organization, current: int) -> list[int]:
    """Fiscal years with any case, and the current one; newest first."""
    from tambon.thai.fiscal import fiscal_year

    years = {current}
    years.update(fiscal_year(day) for day in _cases(organization).dates("created", "month"))
    return sorted(years, reverse=True)
