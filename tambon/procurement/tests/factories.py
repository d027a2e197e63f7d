"""Factories of the procurement page and what it shows: projects with their bids,
announcements, plans with their lines and the annual report's text.

The default project is concluded (a winner, an agreed price and a contract dated 14 March
2022, fiscal year 2565), so it is a row of form สขร.1 unless a test says otherwise:
``ProcurementProjectFactory(title="...", bids=[("ร้าน ก", "9500")])``. Rows belong to the
default site's organization unless given ``organization=``; bids and plan lines to their
parent's.
"""

import datetime
from decimal import Decimal

import factory

from tambon.core.tests.factories import OrganizationOwnedFactory, PageFactory
from tambon.people.tests.factories import DivisionFactory
from tambon.procurement.models import (
    AnnouncementKind,
    AnnualProcurementReport,
    Bid,
    Method,
    PlanLine,
    ProcurementAnnouncement,
    ProcurementIndexPage,
    ProcurementPlan,
    ProcurementProject,
    Status,
)


class ProcurementIndexPageFactory(PageFactory):
    class Meta:
        model = ProcurementIndexPage

    title = "การจัดซื้อจัดจ้าง"
    slug = "procurement"
    intro = "ประกาศและผลการจัดซื้อจัดจ้างของ อบต.ทดสอบ"


class ProcurementProjectFactory(OrganizationOwnedFactory):
    class Meta:
        model = ProcurementProject
        skip_postgeneration_save = True  # the bids are saved rows of their own

    title = factory.Sequence(lambda n: f"จ้างซ่อมถนนทดสอบ {n}")
    fiscal_year = 2565
    method = Method.SPECIFIC
    budget = Decimal("10000.00")
    reference_price = Decimal("9800.00")
    division = factory.SubFactory(
        DivisionFactory, organization=factory.SelfAttribute("..organization")
    )
    status = Status.CONTRACTED
    winner = "ร้านทดสอบ"
    agreed_price = Decimal("9500.00")
    selection_reason = "ราคาต่ำสุด"
    contract_number = "1/2565"
    contract_date = datetime.date(2022, 3, 14)

    @factory.post_generation
    def bids(project, create, extracted, **kwargs):
        """``bids=[(bidder, price), ...]``, kept in that order."""
        for sort_order, (bidder, price) in enumerate(extracted or ()):
            BidFactory(project=project, bidder=bidder, price=Decimal(price), sort_order=sort_order)


class BidFactory(OrganizationOwnedFactory):
    class Meta:
        model = Bid

    project = factory.SubFactory(ProcurementProjectFactory)
    organization = factory.SelfAttribute("project.organization")
    bidder = factory.Sequence(lambda n: f"ร้านเสนอราคาทดสอบ {n}")
    price = Decimal("9500.00")


class ProcurementAnnouncementFactory(OrganizationOwnedFactory):
    class Meta:
        model = ProcurementAnnouncement

    kind = AnnouncementKind.RESULT
    title = factory.Sequence(lambda n: f"ประกาศผู้ชนะการเสนอราคาทดสอบ {n}")
    date = datetime.date(2022, 3, 10)
    project = None


class ProcurementPlanFactory(OrganizationOwnedFactory):
    class Meta:
        model = ProcurementPlan

    fiscal_year = 2565
    title = factory.LazyAttribute(lambda plan: f"แผนการจัดซื้อจัดจ้างทดสอบ {plan.fiscal_year}")
    published_on = datetime.date(2021, 10, 20)


class PlanLineFactory(OrganizationOwnedFactory):
    class Meta:
        model = PlanLine

    plan = factory.SubFactory(ProcurementPlanFactory)
    organization = factory.SelfAttribute("plan.organization")
    project = factory.Sequence(lambda n: f"โครงการในแผนทดสอบ {n}")
    budget = Decimal("50000.00")
    method = Method.SPECIFIC
    expected_month = 1


class AnnualProcurementReportFactory(OrganizationOwnedFactory):
    class Meta:
        model = AnnualProcurementReport
        django_get_or_create = ("organization", "fiscal_year")

    fiscal_year = 2565
    problems = "ปัญหาและอุปสรรคทดสอบ"
    suggestions = "ข้อเสนอแนะทดสอบ"
