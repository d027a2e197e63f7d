"""The citizen services every site offers one tap away: in the main menu and as the first tiles
of the home page (issue 14), and community planning (issue 15). The addresses are the cases and
participation apps'; the menu items and tiles are the pages app's, so the composition joins
them."""

from django.urls import reverse

from tambon.pages import starter as pages_starter

# (menu title and tile label, slug of the menu item, tile icon, tile description, address).
# The complaint item opens the form itself (one tap from any page); the form links the
# tracking page and the other forms.
SERVICES = [
    (
        "แจ้งเรื่องร้องเรียน / ติดตามเรื่อง",
        "complaints",
        "megaphone",
        "แจ้งเรื่อง ร้องเรียน และติดตามผล",
        ("cases:new", "complaint"),
    ),
    ("E-Service", "e-service", "link", "ยื่นคำร้องขอรับบริการออนไลน์", ("cases:services",)),
    # Issue 15: residents' proposals for the local development plan and what became of them.
    (
        "การมีส่วนร่วมจัดทำแผนพัฒนา",
        "community-planning",
        "calendar",
        "เสนอโครงการ ติดตามประชาคมและแผนพัฒนาท้องถิ่น",
        ("participation:index",),
    ),
]


def ensure_service_links(organization, home, today):
    """Menu items and home-page tiles for the services; a starter step (same signature)."""
    for title, slug, _icon, _description, address in reversed(SERVICES):
        pages_starter.ensure_menu_link(home, title, slug, reverse(address[0], args=address[1:]))
    pages_starter.ensure_quick_links_first(
        home,
        [
            (title, description, icon, reverse(address[0], args=address[1:]))
            for title, _slug, icon, description, address in SERVICES
        ],
    )
