"""What a new organization starts with: an empty procurement page under its home page, where
its announcements, plans, form สขร.1 and annual report will appear (the ITA assessor looks for
them there). No projects: those are the organization's own.

Running it again changes nothing.
"""

from .models import ProcurementIndexPage

SLUG = "procurement"
TITLE = "การจัดซื้อจัดจ้าง"
INTRO = (
    "ประกาศจัดซื้อจัดจ้าง แผนการจัดซื้อจัดจ้าง สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1) "
    "และรายงานผลการจัดซื้อจัดจ้างประจำปี"
)


def ensure_procurement_page(organization, home):
    """The procurement page under ``home``, made and published if missing."""
    page = home.get_children().filter(slug=SLUG).specific().first()
    if page is None:
        page = ProcurementIndexPage(
            title=TITLE,
            slug=SLUG,
            intro=INTRO,
            summary=f"ประกาศและผลการจัดซื้อจัดจ้างของ {organization.short_name}".strip(),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def ensure_starter_content(organization, home, today):
    """The procurement a new organization starts with (``today`` is unused: nothing dated)."""
    ensure_procurement_page(organization, home)
