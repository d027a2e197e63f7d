"""Builds the demo organization, อบต.พงษ์ จังหวัดน่าน, from each app's own demo steps.

Each app keeps its demo content in its `demo.py`; this module only calls them in order and hands
one app's pages to another where the demo links them (the home page's quick links, the footer).
It is the one place besides urls.py that knows every app. Every step finds what is already there
before it creates anything, so running it again changes nothing.
"""

from django.db import transaction

from tambon.cases import demo as cases_demo
from tambon.core import demo as core_demo
from tambon.infocenter import demo as infocenter_demo
from tambon.pages import demo as pages_demo
from tambon.people import demo as people_demo
from tambon.procurement import demo as procurement_demo
from tambon.stats import demo as stats_demo

# The executives' complaint line is the public form of the cases app.
EXECUTIVE_LINE_URL = "/cases/new/executive/"


def quick_links(pages, people, news, org):
    """The nine quick links of the organization's old home page, to pages of several apps."""
    return [
        ("แจ้งเรื่องร้องเรียนสายผู้บริหาร", "", "megaphone", None, EXECUTIVE_LINE_URL),
        ("ภารกิจผู้บริหาร", "", "calendar", None, news.category_url("executive")),
        ("ปลัด", "ปลัด อบต.พงษ์", "person", people["chief-administrator"], ""),
        ("ปปช", "สำนักงาน ป.ป.ช.", "shield", None, core_demo.NACC_URL),
        ("ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์", "", "folder", pages["infocenter"], ""),
        ("คำพิพากษาของศาลปกครอง", "", "scales", pages["court-rulings"], ""),
        ("ปราบปรามทุจริต", "", "hand", pages["anti-corruption"], ""),
        ("facebook", "เพจ อบต.พงษ์", "facebook", None, org.facebook_url),
        ("ศูนย์ดำรงธรรม", "สายด่วน 1567", "phone", None, core_demo.DAMRONGDHAMMA_URL),
    ]


@transaction.atomic
def build_demo_site(today):
    site, home = pages_demo.ensure_home()
    org = core_demo.ensure_organization(site)
    pages = pages_demo.ensure_standard_pages(home)
    news = pages_demo.ensure_news(home)
    _directory, people = people_demo.ensure_people(home)
    pages_demo.ensure_contact_page(home)
    procurement_demo.ensure_procurement(home, today)
    sitemap = pages_demo.ensure_sitemap(home)
    pages.update(infocenter_demo.build_infocenter_demo(home, today))
    pages_demo.ensure_quick_links(home, quick_links(pages, people, news, org))
    core_demo.ensure_footer(
        site, [pages["privacy"], pages["cookies"], pages["accessibility"], sitemap]
    )
    stats_demo.ensure_visitor_history(site, today)
    cases_demo.ensure_sample_cases(today, org)
    cases_demo.ensure_case_pages(home, text_page=pages_demo.standard_page)
    # Last: the ITA evidence is found among everything built above.
    infocenter_demo.ensure_ita(site, home)
    return site
