import datetime
from decimal import Decimal

import pytest

from tambon.procurement.models import Method, ProcurementIndexPage, ProcurementProject, Status


@pytest.fixture
def procurement_page(demo_home):
    """The demo organization's procurement page."""
    return ProcurementIndexPage.objects.child_of(demo_home).get()


@pytest.fixture
def make_project(db):
    """A concluded project; fiscal year 2565 (2021-22) keeps clear of the demo's years."""

    def make(title="จ้างซ่อมถนนทดสอบ", bids=(), **fields):
        values = {
            "fiscal_year": 2565,
            "method": Method.SPECIFIC,
            "budget": Decimal("10000.00"),
            "reference_price": Decimal("9800.00"),
            "status": Status.CONTRACTED,
            "winner": "ร้านทดสอบ",
            "agreed_price": Decimal("9500.00"),
            "selection_reason": "ราคาต่ำสุด",
            "contract_number": "1/2565",
            "contract_date": datetime.date(2022, 3, 14),
        } | fields
        project = ProcurementProject(title=title, **values)
        for bidder, price in bids:
            project.bids.create(bidder=bidder, price=Decimal(price))
        project.save()
        return project

    return make
