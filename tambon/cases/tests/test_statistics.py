"""The counting rules of the statistics page, on fiscal years the demo leaves empty (2559-2561)."""

import datetime

import pytest

from tambon.cases import services, statistics
from tambon.cases.models import CaseKind, ServiceType
from tambon.core.tests.factories import default_organization
from tambon.thai.dates import BANGKOK

pytestmark = pytest.mark.django_db


def bangkok(*args):
    return datetime.datetime(*args, tzinfo=BANGKOK)


def figures_of(fy, kind, key):
    kind_figures = next(
        item for item in statistics.case_figures(default_organization(), fy) if item.kind == kind
    )
    return next(figures for period, figures in kind_figures.rows if period.key == key)


@pytest.fixture
def at(time_machine):
    """Run a service step as if it were `moment`."""

    def travel(moment):
        time_machine.move_to(moment, tick=False)

    return travel


@pytest.fixture
def worked(new_case, superuser, at):
    """A case received at `received`, worked through to `outcome` at `finished`."""

    def make(received, outcome=None, finished=None, kind=CaseKind.COMPLAINT, close=False):
        case = new_case(kind=kind, now=received)
        if outcome:
            at(finished)
            services.assign(case, superuser, superuser)
            getattr(services, outcome)(case, superuser, "ผลการดำเนินการ")
            if close:
                services.close(case, superuser)
        return case

    return make


class TestFiscalYearAndMonthBoundaries:
    def test_30_september_2359_counts_in_the_old_year_and_1_october_0001_in_the_new(self, worked):
        worked(bangkok(2017, 9, 30, 23, 59))
        worked(bangkok(2017, 10, 1, 0, 1))  # still 30 September in UTC
        assert figures_of(2560, CaseKind.COMPLAINT, "2017-09").received == 1
        assert figures_of(2560, CaseKind.COMPLAINT, "12m").received == 1
        assert figures_of(2561, CaseKind.COMPLAINT, "2017-10").received == 1
        assert figures_of(2561, CaseKind.COMPLAINT, "12m").received == 1

    def test_the_last_minute_of_a_month_and_the_first_of_the_next_are_apart(self, worked):
        worked(bangkok(2016, 10, 31, 23, 59))
        worked(bangkok(2016, 11, 1, 0, 1))
        assert figures_of(2560, CaseKind.COMPLAINT, "2016-10").received == 1
        assert figures_of(2560, CaseKind.COMPLAINT, "2016-11").received == 1
        assert figures_of(2560, CaseKind.COMPLAINT, "q1").received == 2


class TestCompletedAtTheEndOfThePeriod:
    def test_a_case_finished_the_next_month_is_in_progress_in_its_month_and_done_in_the_quarter(
        self, worked
    ):
        worked(bangkok(2016, 10, 20, 9), "resolve", bangkok(2016, 11, 5, 9))
        october = figures_of(2560, CaseKind.COMPLAINT, "2016-10")
        assert (october.received, october.completed, october.in_progress) == (1, 0, 1)
        quarter = figures_of(2560, CaseKind.COMPLAINT, "q1")
        assert (quarter.received, quarter.completed, quarter.in_progress) == (1, 1, 0)

    def test_finished_in_april_counts_as_in_progress_in_the_six_month_summary(self, worked):
        worked(bangkok(2017, 3, 30, 9), "resolve", bangkok(2017, 4, 2, 9))
        six = figures_of(2560, CaseKind.COMPLAINT, "6m")
        year = figures_of(2560, CaseKind.COMPLAINT, "12m")
        assert (six.completed, six.in_progress) == (0, 1)
        assert (year.completed, year.in_progress) == (1, 0)

    def test_rejected_cases_are_counted_apart_even_once_closed(self, worked):
        worked(bangkok(2016, 12, 1, 9), "resolve", bangkok(2016, 12, 2, 9), close=True)
        worked(bangkok(2016, 12, 3, 9), "reject", bangkok(2016, 12, 4, 9), close=True)
        worked(bangkok(2016, 12, 5, 9), "reject", bangkok(2016, 12, 6, 9))
        worked(bangkok(2016, 12, 7, 9))
        december = figures_of(2560, CaseKind.COMPLAINT, "2016-12")
        assert (december.received, december.completed, december.rejected) == (4, 1, 2)
        assert december.in_progress == 1

    def test_each_kind_is_counted_on_its_own(self, worked):
        worked(bangkok(2017, 1, 10, 9), kind=CaseKind.CORRUPTION)
        assert figures_of(2560, CaseKind.CORRUPTION, "12m").received == 1
        assert figures_of(2560, CaseKind.COMPLAINT, "12m").received == 0


def test_the_periods_are_12_months_from_october_4_quarters_2_halves_and_2_summaries():
    periods = statistics.periods(2560)
    months = [p for p in periods if p.group == statistics.MONTH]
    assert [p.label for p in months][:3] == ["ตุลาคม 2559", "พฤศจิกายน 2559", "ธันวาคม 2559"]
    assert months[-1].label == "กันยายน 2560"
    assert [p.key for p in periods if p.group != statistics.MONTH] == [
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        "6m",
        "12m",
    ]


class TestSatisfaction:
    def test_count_average_distribution_and_share_satisfied(self, worked):
        for rating in (5, 4, 2):
            case = worked(bangkok(2017, 2, 1, 9), "resolve", bangkok(2017, 2, 2, 9))
            services.rate(case, rating)
        results = {
            result.kind: result for result in statistics.satisfaction(default_organization(), 2560)
        }
        complaints = results[CaseKind.COMPLAINT]
        assert complaints.count == 3
        assert complaints.average == pytest.approx((5 + 4 + 2) / 3)
        assert dict(complaints.rows) == {1: 0, 2: 1, 3: 0, 4: 1, 5: 1}
        assert complaints.satisfied == 2
        assert complaints.satisfied_percent == pytest.approx(200 / 3)
        assert results[CaseKind.ESERVICE].count == 0
        assert results[CaseKind.ESERVICE].average is None


def test_e_service_requests_are_counted_per_request_type_and_month(new_case):
    water = ServiceType.objects.for_organization(default_organization()).create(
        name="ขอรับน้ำ (ทดสอบ)", slug="water-test"
    )
    for day in (3, 20):
        new_case(kind=CaseKind.ESERVICE, service_type=water, now=bangkok(2017, 5, day, 9))
    new_case(kind=CaseKind.ESERVICE, now=bangkok(2017, 6, 1, 9))
    services_by_name = {
        item.name: item for item in statistics.service_figures(default_organization(), 2560)
    }
    may, june = 7, 8  # October is 0
    assert services_by_name["ขอรับน้ำ (ทดสอบ)"].counts[may] == 2
    assert services_by_name["ขอรับน้ำ (ทดสอบ)"].total == 2
    other = [item for name, item in services_by_name.items() if name != "ขอรับน้ำ (ทดสอบ)"]
    assert [item.counts[june] for item in other] == [1]
