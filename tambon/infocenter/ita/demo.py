"""The demo organization's ITA: the built-in item lists, the public page of FY 2568 and the
evidence its content already answers, linked the way a clerk would from the dashboard."""

from ..models import ItaYear, ItaYearPage
from .coverage import link_all_suggestions
from .loading import load_ita_items

DEMO_FISCAL_YEAR = 2568


def ensure_ita(site, home):
    load_ita_items()
    year = ItaYear.objects.get(fiscal_year=DEMO_FISCAL_YEAR)
    slug = f"ita-{DEMO_FISCAL_YEAR}"
    if not home.get_children().filter(slug=slug).exists():
        page = ItaYearPage(
            title=f"การประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ พ.ศ. {DEMO_FISCAL_YEAR}",
            slug=slug,
            intro="ข้อมูลที่ อบต.พงษ์ เปิดเผยตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) แต่ละข้อ",
            year=year,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    link_all_suggestions(year, site)
