"""A new organization in one step: its site, pages, settings, groups and first administrator.

The command `create_organization` and the operators' admin screen (views.py) both call
`check` (reads what was asked for, writes nothing, raises ValidationError with a message per
field) and then `build` (one transaction). Every step of `build` looks before it creates, so
asking again for an organization that exists changes nothing; `Built.new_rows` says whether
anything was made.

Names come from the kind and the area's official name (geothai): องค์การบริหารส่วนตำบลพงษ์ /
อบต.พงษ์ for the subdistrict 551103. A municipality named after something else than its
subdistrict is renamed afterwards in the admin (Settings > Organization).
"""

import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

import geothai
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from tambon.cases import starter as cases_starter
from tambon.core import memberships
from tambon.core.models import Organization, Role
from tambon.infocenter import starter as infocenter_starter
from tambon.pages import starter as pages_starter
from tambon.participation import starter as participation_starter
from tambon.people import starter as people_starter
from tambon.procurement import starter as procurement_starter
from tambon.search import indexing

from . import service_links

# What each app gives a new organization, in this order. Each is
# `ensure_starter_content(organization, home, today)` and looks before it creates.
STARTERS = [
    pages_starter.ensure_starter_content,
    # Divisions before the e-service types, which are routed to them by name.
    people_starter.ensure_starter_content,
    cases_starter.ensure_starter_content,
    infocenter_starter.ensure_starter_content,
    procurement_starter.ensure_starter_content,
    participation_starter.ensure_starter_content,
    # Last: the service tiles go before the quick links the other steps made.
    service_links.ensure_service_links,
]

Kind = Organization.Kind

# (full name, short name, English name) of an organization of each kind, before the area's name.
NAMES = {
    Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION: (
        "องค์การบริหารส่วนตำบล",
        "อบต.",
        "Subdistrict Administrative Organization",
    ),
    Kind.SUBDISTRICT_MUNICIPALITY: ("เทศบาลตำบล", "ทต.", "Subdistrict Municipality"),
    Kind.TOWN_MUNICIPALITY: ("เทศบาลเมือง", "ทม.", "Town Municipality"),
    Kind.CITY_MUNICIPALITY: ("เทศบาลนคร", "ทน.", "City Municipality"),
    Kind.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION: (
        "องค์การบริหารส่วนจังหวัด",
        "อบจ.",
        "Provincial Administrative Organization",
    ),
}

# A host name (letters, digits, hyphens, dots), then an optional port for development.
DOMAIN = re.compile(
    r"^(?P<hostname>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)"
    r"(?::(?P<port>[0-9]{1,5}))?$"
)


@dataclass(frozen=True)
class NewOrganization:
    """What was asked for, checked and completed: where it answers, who it is, its codes."""

    hostname: str
    port: int
    kind: str
    name: str
    short_name: str
    name_en: str
    province_code: str
    district_code: str = ""
    subdistrict_code: str = ""
    province_name: str = ""
    admin_username: str = ""
    admin_password: str = field(default="", repr=False)  # never shown, never logged

    @property
    def domain(self):
        return self.hostname if self.port == 80 else f"{self.hostname}:{self.port}"


@dataclass(frozen=True)
class Built:
    organization: Organization
    site: Site
    new_rows: int  # 0: everything was there already


# --- Checking what was asked for (no writes) ----------------------------------------------------


def check(domain, area_code, kind=Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, **admin):
    """The organization to build, or ValidationError({field: message}) naming what is wrong.
    `admin`: admin_username and admin_password, both or neither."""
    errors = {}
    hostname, port = _read_domain(domain, errors)
    if kind not in Kind.values:
        errors["kind"] = _("The kind must be one of: %(kinds)s.") % {
            "kinds": ", ".join(Kind.values)
        }
    area = _read_area(area_code, kind, errors)
    if errors:
        raise ValidationError(errors)
    new = NewOrganization(hostname=hostname, port=port, kind=kind, **area, **admin)
    existing = _check_free(new, errors)
    _check_administrator(new, existing, errors)
    if errors:
        raise ValidationError(errors)
    return new


def _read_domain(domain, errors):
    found = DOMAIN.match((domain or "").strip().lower())
    port = int(found["port"]) if found and found["port"] else 80
    if not domain:
        errors["domain"] = _("Give the domain name of the new site.")
    elif not found or not 0 < port < 65536:
        errors["domain"] = _(
            "%(domain)s is not a domain name: give a host name such as www.example.go.th "
            "(with :port for development), without http:// or a path."
        ) % {"domain": domain}
    return (found["hostname"] if found else ""), port


def _read_area(code, kind, errors):
    """The organization's codes and names from a subdistrict code (a province's organization:
    its province code, or any district or subdistrict code in the province)."""
    code = (code or "").strip()
    if not code:
        errors["subdistrict"] = _("Give the subdistrict code (6 digits).")
        return {}
    if kind == Kind.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION:
        province = _area_named(code)
        if province is None:
            errors["subdistrict"] = _(
                "No province, district or subdistrict has the code %(code)s."
            ) % {"code": code}
            return {}
        province = geothai.province(code[:2])
        return _names(kind, province.name_th, province.name_en, province.name_th) | {
            "province_code": province.code
        }
    subdistrict = geothai.subdistrict(code) if re.fullmatch(r"[0-9]{6}", code) else None
    if subdistrict is None:
        errors["subdistrict"] = _("No subdistrict has the code %(code)s.") % {"code": code}
        return {}
    province = geothai.province(subdistrict.province_code)
    return _names(kind, subdistrict.name_th, subdistrict.name_en, province.name_th) | {
        "province_code": subdistrict.province_code,
        "district_code": subdistrict.district_code,
        "subdistrict_code": subdistrict.code,
    }


def _area_named(code):
    lookups = {2: geothai.province, 4: geothai.district, 6: geothai.subdistrict}
    if not code.isdigit() or len(code) not in lookups:
        return None
    return lookups[len(code)](code)


def _names(kind, area_th, area_en, province_th):
    full, short, english = NAMES.get(kind, NAMES[Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION])
    return {
        "name": f"{full}{area_th}",
        "short_name": f"{short}{area_th}",
        "name_en": f"{area_en} {english}",
        "province_name": province_th,
    }


def _same_place(new):
    """Organizations of the new one's kind for its area: there can be only one."""
    if new.kind == Kind.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION:
        return Organization.objects.filter(kind=new.kind, province_code=new.province_code)
    return Organization.objects.filter(kind=new.kind, subdistrict_code=new.subdistrict_code)


def _check_free(new, errors):
    """The existing organization if this one was built before with the same domain, kind and
    area (building again then changes nothing); else an error when the domain or the
    organization of that area is taken."""
    existing = None
    for site in Site.objects.filter(hostname=new.hostname):
        owner = Organization.objects.filter(site=site).first()
        same = owner and site.port == new.port and _same_place(new).filter(pk=owner.pk).exists()
        if same:
            existing = owner
        else:
            errors["domain"] = _("The domain %(domain)s is already used by %(owner)s.") % {
                "domain": site.hostname if site.port == 80 else f"{site.hostname}:{site.port}",
                "owner": owner.name if owner and owner.name else site.site_name or site.hostname,
            }
    elsewhere = _same_place(new).exclude(pk=existing.pk if existing else None)
    other = elsewhere.select_related("site").first()
    if other is not None:
        errors["subdistrict"] = _("%(name)s already exists, at %(domain)s.") % {
            "name": other.name,
            "domain": other.site.hostname,
        }
    return existing


def _check_administrator(new, existing, errors):
    username, password = new.admin_username, new.admin_password
    if not username and not password:
        return
    if not username:
        errors["admin_username"] = _("Give the administrator's user name with the password.")
        return
    if not password:
        errors["admin_password"] = _("Give the administrator's password with the user name.")
        return
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is not None:
        if not (existing and Role.ADMINISTRATOR in memberships.roles_in(user, existing)):
            errors["admin_username"] = _(
                "The user name %(username)s is taken: choose a new one for the administrator."
            ) % {"username": username}
        return  # the same administrator as last time: their password stays theirs
    for field_name, validate in (
        ("admin_username", lambda: user_model.username_validator(username)),
        ("admin_password", lambda: validate_password(password, user_model(username=username))),
    ):
        try:
            validate()
        except ValidationError as error:
            errors[field_name] = error.messages


# --- Building it (one transaction) --------------------------------------------------------------


@transaction.atomic
def build(new, today):
    """Builds (or completes) the organization `check` returned."""
    with counting_new_rows() as counter, indexing.one_rebuild_afterwards():
        site = _ensure_site(new)
        organization = _ensure_organization(new, site)
        memberships.ensure_role_groups(organization)
        home = site.root_page.specific
        for ensure_starter_content in STARTERS:
            ensure_starter_content(organization, home, today)
        if new.admin_username:
            _ensure_administrator(new, organization)
    if counter["rows"]:
        # Its pages were saved before the site and organization existed, so the search's
        # signals could not tell whose they were: index the whole organization once.
        indexing.rebuild_organization.enqueue(organization.pk)
    return Built(organization=organization, site=site, new_rows=counter["rows"])


def _ensure_site(new):
    site = Site.objects.filter(hostname=new.hostname, port=new.port).first()
    if site is not None:
        return site
    home = pages_starter.add_home_page(new.name, new.province_name, _free_home_slug(new))
    return Site.objects.create(
        hostname=new.hostname, port=new.port, root_page=home, site_name=new.short_name
    )


def _free_home_slug(new):
    """Home pages sit side by side at the top of the tree: one slug each, from the domain."""
    slug = base = f"home-{slugify(new.hostname.replace('.', '-'))}"[:200]
    taken = set(
        Page.get_first_root_node()
        .get_children()
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    number = 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _ensure_organization(new, site):
    organization = Organization.objects.filter(site=site).first()
    if organization is not None:
        return organization
    return Organization.objects.create(
        site=site,
        kind=new.kind,
        name=new.name,
        short_name=new.short_name,
        name_en=new.name_en,
        province_code=new.province_code,
        district_code=new.district_code,
        subdistrict_code=new.subdistrict_code,
    )


def _ensure_administrator(new, organization):
    user_model = get_user_model()
    user = user_model.objects.filter(username=new.admin_username).first()
    if user is None:
        user = user_model.objects.create_user(new.admin_username, password=new.admin_password)
    memberships.add_member(user, organization, Role.ADMINISTRATOR)
    return user


@contextmanager
def counting_new_rows():
    """Counts the rows this thread saves for the first time while the block runs."""
    counter = {"rows": 0}
    thread = threading.get_ident()

    def count(sender, created, **kwargs):
        if created and threading.get_ident() == thread:
            counter["rows"] += 1

    post_save.connect(count, weak=False)
    try:
        yield counter
    finally:
        post_save.disconnect(count)
