"""The columns of the procurement list that staff import: their keys, the Thai headings staff
write in the first row, and the names of the procurement methods as staff type them.
Documented in docs/procurement.md and on the upload page."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy

from ..models import Method


@dataclass(frozen=True)
class Column:
    key: str
    heading: str  # the Thai heading staff write in the first row
    required: bool
    description: str


COLUMNS = [
    Column(
        "egp_number",
        "เลขที่โครงการ",
        False,
        gettext_lazy(
            "e-GP project number. A row with a number already imported updates that project."
        ),
    ),
    Column("title", "งานที่จัดซื้อหรือจัดจ้าง", True, gettext_lazy("What is bought or hired.")),
    Column(
        "fiscal_year",
        "ปีงบประมาณ",
        False,
        gettext_lazy(
            "Fiscal year in Buddhist Era, e.g. 2568. Empty: the fiscal year of the contract date."
        ),
    ),
    Column(
        "method",
        "วิธีซื้อหรือจ้าง",
        True,
        gettext_lazy(
            "e-bidding, e-market, คัดเลือก or เฉพาะเจาะจง (the Thai names with or without วิธี)."
        ),
    ),
    Column("budget", "วงเงิน", True, gettext_lazy("Budget in baht, e.g. 2,500,000.00")),
    Column("reference_price", "ราคากลาง", False, gettext_lazy("Median price in baht.")),
    Column(
        "bids",
        "ผู้เสนอราคา",
        False,
        gettext_lazy(
            "Bidders and their prices separated by semicolons: ร้าน ก: 10,000; ร้าน ข: 10,500"
        ),
    ),
    Column("winner", "ผู้ได้รับคัดเลือก", False, gettext_lazy("The selected supplier.")),
    Column("agreed_price", "ราคาที่ตกลง", False, gettext_lazy("Agreed price in baht.")),
    Column(
        "selection_reason",
        "เหตุผลที่คัดเลือก",
        False,
        gettext_lazy("Reason for the selection, in brief."),
    ),
    Column(
        "contract_number",
        "เลขที่สัญญา",
        False,
        gettext_lazy("Number of the contract or purchase order."),
    ),
    Column(
        "contract_date",
        "วันที่สัญญา",
        False,
        gettext_lazy("Date of the contract: 14/03/2565 (Buddhist Era) or 2022-03-14 (ISO)."),
    ),
]
COLUMN_BY_NAME = {name: column for column in COLUMNS for name in (column.key, column.heading)}
MONEY_KEYS = {"budget", "reference_price", "agreed_price"}
MAX_MONEY = Decimal("999999999999.99")

# Method names as staff type them, compared without spaces, dashes, brackets or case.
METHOD_NAMES = {
    "ebidding": Method.E_BIDDING,
    "ประกวดราคาอิเล็กทรอนิกส์": Method.E_BIDDING,
    "emarket": Method.E_MARKET,
    "ตลาดอิเล็กทรอนิกส์": Method.E_MARKET,
    "selection": Method.SELECTION,
    "คัดเลือก": Method.SELECTION,
    "specific": Method.SPECIFIC,
    "เฉพาะเจาะจง": Method.SPECIFIC,
}
