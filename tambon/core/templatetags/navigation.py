"""Site furniture that every public page shares: menu and breadcrumbs."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    current_path = getattr(current, "path", "")
    home = site.root_page if site else None
    # Specific: a menu link page (pages.LinkPage) writes the address it leads to.
    pages = home.get_children().live().in_menu().specific() if home else []
    items = [
        {
            "page": page,
            # "page" marks the page itself, "true" the section the visitor is inside.
            "aria_current": "page"
            if page.path == current_path
            else ("true" if current_path.startswith(page.path) else None),
        }
        for page in pages
    ]
    return {
        # The request goes on, so that {% pageurl %} writes links relative to this site.
        "request": request,
        "home": home,
        "home_is_current": bool(home) and current_path == home.path,
        "items": items,
    }


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, extra_label=None):
    """Ancestors from the home page down to `page`; `extra_label` names a sub-view of it."""
    page = page or context.get("page")
    trail = []
    if isinstance(page, Page) and page.depth > 2:
        trail = list(page.get_ancestors().filter(depth__gte=2).specific(defer=True))
    return {
        "request": context.get("request"),
        "trail": trail,
        "page": page,
        "extra_label": extra_label,
    }
