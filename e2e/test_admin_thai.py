"""The admin speaks Thai: a member of a demo organization's staff (administrator, editor and
clerk at once, not a superuser) opens each screen the staff uses, and no English word is left
in what they read: the side menu, the main content and the placeholder, title and aria-label
texts (docs/admin-translation.md)."""

import re
import secrets

import pytest

import serverkit
from e2e.harness import sign_in_as_staff

STAFF_OF_THE_DEMO_ORGANIZATION = """
import json, secrets
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Site
from tambon.cases.models import Case
from tambon.core import memberships
from tambon.core.models import Organization, Role
from tambon.pages.models import NewsPage
site = Site.objects.get(is_default_site=True)
organization = Organization.for_site(site)
user = get_user_model().objects.create_user(USERNAME, "staff@example.org", PASSWORD,
    first_name="สมศรี", last_name="ใจดี", is_staff=True)
for role in (Role.ADMINISTRATOR, Role.EDITOR, Role.CLERK):
    memberships.add_member(user, organization, role)
TOTPDevice.objects.create(user=user, name="phone", key=KEY, confirmed=True)
news = NewsPage.objects.live().descendant_of(site.root_page).order_by("pk").first()
case = Case.objects.for_organization(organization).order_by("pk").first()
print(json.dumps({"news": news.pk, "case": case.pk, "home": site.root_page.pk}))
"""

# Words that are not English to translate: names of products and formats, and Latin letters
# that Thai writing uses as they are.
ALLOWED = {
    "Wagtail",  # the name of the software, on its logo and in "Wagtail <version>"
    "E-Service",  # the name of the online services, in Thai usage
    "PDF",
    "LINE",
    "CSV",
    "ITA",  # the integrity assessment, named so by the NACC
    "URL",  # Thai usage in the admin (ที่อยู่ URL)
    "ID",
    "API",  # Open311 API, its API keys: the technical term, in Thai usage too
    "Facebook",  # the organization's pages on these services (settings)
    "YouTube",
}

# What the screens show of their data: addresses, e-mail, file names, numbers and codes, user
# names, the demo sites' host names, and the ITA indicator "No Gift Policy" (Thai agencies use
# its English name).
DATA = re.compile(
    r"https?://\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+|\S+\.(?i:pdf|png|jpe?g|docx?|xlsx?|csv|svg)\b"
    r"|\b[\w-]*\d[\w-]*\b|\b[A-Z]{4}-[A-Z]{4}\b"
    r"|\b(staff|demo)-[\w-]+|\blocalhost\b|No Gift Policy"
)

SCREENS = {
    "dashboard": "/admin/",
    "case queue": "/admin/cases/",
    "a case": "/admin/cases/{case}/",
    "news editor": "/admin/pages/{news}/edit/",
    "explorer": "/admin/pages/{home}/",
    "page search": "/admin/pages/search/?q=ข่าว",
    "images": "/admin/images/",
    "documents": "/admin/documents/",
    "snippets": "/admin/snippets/",
    "organization settings": "/admin/settings/core/organization/",
    "users": "/admin/users/",
    "locked pages report": "/admin/reports/locked/",
    "aging pages report": "/admin/reports/aging-pages/",
    "site history": "/admin/reports/site-history/",
    "workflows report": "/admin/reports/workflow/",
    "workflow tasks report": "/admin/reports/workflow_tasks/",
}

VISIBLE_TEXT = """() => {
    const texts = [document.title];
    const main = document.querySelector("main") || document.body;
    texts.push(main.innerText);
    // The side menu, its closed sub-menus too, as the staff open them: each text on its line.
    const sidebar = document.querySelector("[data-wagtail-sidebar], .sidebar");
    if (sidebar) {
        const walker = document.createTreeWalker(sidebar, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) texts.push(walker.currentNode.textContent);
    }
    for (const element of document.querySelectorAll(
        "main [placeholder], main [title], main [aria-label], "
        + "[data-wagtail-sidebar] [title], [data-wagtail-sidebar] [aria-label]"
    )) {
        for (const name of ["placeholder", "title", "aria-label"]) {
            if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
        }
    }
    return texts.join("\\n");
}"""


def english_words(text):
    """{English word: the line it is on}, once each, after the data is taken out."""
    found = {}
    for line in text.splitlines():
        for word in re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]", DATA.sub(" ", line)):
            if word not in ALLOWED:
                found.setdefault(word, line.strip()[:80])
    return found


@pytest.fixture
def organization_staff(e2e_server):
    username, password, key = (
        f"staff-{secrets.token_hex(4)}",
        secrets.token_urlsafe(16),
        secrets.token_hex(20),
    )
    code = f"USERNAME, PASSWORD, KEY = {username!r}, {password!r}, {key!r}\n"
    ids = serverkit.django_snippet(e2e_server.env, code + STAFF_OF_THE_DEMO_ORGANIZATION)
    return (username, password, key), ids


def test_each_admin_screen_the_staff_use_reads_thai(browser, base_url, organization_staff):
    staff, ids = organization_staff
    context = browser.new_context(base_url=base_url, locale="th-TH")
    page = context.new_page()
    sign_in_as_staff(page, staff)

    english, unreachable = {}, []
    for screen, address in SCREENS.items():
        address = address.format(**ids)
        response = page.goto(address)
        if not response.ok or not page.url.startswith(base_url + address.split("?")[0]):
            unreachable.append(f"{screen}: {address} led to {page.url} ({response.status})")
            continue
        page.wait_for_load_state("networkidle")
        text = page.evaluate(VISIBLE_TEXT)
        # The editor's other tabs (promote, settings) are hidden until chosen.
        for tab in page.locator("main [role=tab]").all():
            tab.click()
            text += "\n" + page.evaluate(VISIBLE_TEXT)
        words = english_words(text)
        if words:
            english[f"{screen} ({page.url})"] = words

    context.close()
    assert not unreachable, "\n".join(unreachable)
    assert not english, "English left in the admin:\n" + "\n".join(
        f"  {screen}: {word} («{line}»)"
        for screen, words in english.items()
        for word, line in words.items()
    )
