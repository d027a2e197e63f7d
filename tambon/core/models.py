"""Per-organization settings: everything that differs between two อบต. is data, not code."""

import copy
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Site

from tambon.thai import areas

from . import role_permissions as roles
from .blocks import LabelledLinkBlock
from .pagecache import purge, remember, storing_defaults
from .scoping import OrganizationOwned


class RememberedSiteSetting(BaseSiteSetting):
    """A site setting read from memory until an editor saves a change (which purges)."""

    class Meta:
        abstract = True

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        parent = super()

        def read():
            # The first read stores a row of defaults, which every page showed already.
            with storing_defaults():
                return parent.for_site(site)

        instance = remember((cls._meta.label, site.pk), read)
        # A copy per caller: the admin edits the instance it is given.
        return copy.copy(instance)


@register_setting(icon="home")
class Organization(RememberedSiteSetting):
    """The local government a site belongs to: one per Wagtail Site, edited in the admin's
    settings. Who it is, where it is (official area codes), and how to reach it (ITA item O5
    asks for all of this)."""

    class Kind(models.TextChoices):
        SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION = (
            "sao",
            _("Subdistrict administrative organization"),
        )
        SUBDISTRICT_MUNICIPALITY = "subdistrict-municipality", _("Subdistrict municipality")
        TOWN_MUNICIPALITY = "town-municipality", _("Town municipality")
        CITY_MUNICIPALITY = "city-municipality", _("City municipality")
        PROVINCIAL_ADMINISTRATIVE_ORGANIZATION = "pao", _("Provincial administrative organization")

    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=Kind.choices,
        default=Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION,
    )
    name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_("For example: องค์การบริหารส่วนตำบลพงษ์"),
    )
    short_name = models.CharField(
        _("short name"), max_length=100, help_text=_("For example: อบต.พงษ์")
    )
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    # Official codes of the Department of Provincial Administration, checked against geothai.
    province_code = models.CharField(_("province code"), max_length=2, blank=True)
    district_code = models.CharField(_("district code"), max_length=4, blank=True)
    subdistrict_code = models.CharField(
        _("subdistrict code"),
        max_length=6,
        blank=True,
        help_text=_(
            "6 digits, for example 551103. The district and province are filled from it. "
            "A provincial administrative organization gives the province code only."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("address"), blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("official e-mail"), blank=True)
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)"),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    line_url = models.URLField(_("LINE official account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    footer_note = models.TextField(_("footer note"), blank=True)
    # The organization's own folder of images and documents; its staff's permissions are on it.
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection of images and documents"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    select_related = ["logo"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("name_en")]),
                FieldPanel("kind"),
                FieldRowPanel(
                    [
                        FieldPanel("subdistrict_code"),
                        FieldPanel("district_code"),
                        FieldPanel("province_code"),
                    ]
                ),
                FieldPanel("logo"),
            ],
            heading=_("Organization"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postal_code"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("line_url"), FieldPanel("youtube_url")],
            heading=_("Social channels"),
        ),
        FieldPanel("footer_note"),
    ]

    class Meta:
        verbose_name = _("organization")

    def __str__(self):
        return self.name or str(_("organization"))

    @property
    def covers_a_province(self):
        return self.kind == self.Kind.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION

    @property
    def province_name(self):
        return areas.province_name(self.province_code)

    @property
    def district_name(self):
        return areas.district_name(self.district_code)

    @property
    def subdistrict_name(self):
        return areas.subdistrict_name(self.subdistrict_code)

    def clean(self):
        super().clean()
        check = self._province_errors if self.covers_a_province else self._subdistrict_errors
        errors = check()
        if errors:
            raise ValidationError(errors)

    def _province_errors(self):
        """An อบจ. is the whole province: the province code, and no district or subdistrict."""
        if not self.province_code:
            return {"province_code": _("Enter the province code (2 digits).")}
        errors = self._unknown_codes()
        for field in ("district_code", "subdistrict_code"):
            if getattr(self, field) and field not in errors:
                errors[field] = _(
                    "A provincial administrative organization covers the whole province: "
                    "leave the district and subdistrict codes empty."
                )
        return errors

    def _subdistrict_errors(self):
        """The subdistrict, inside the district (if given) inside the province (if given);
        the district and province are then filled from the subdistrict."""
        errors = self._unknown_codes()
        if not self.subdistrict_code:
            errors["subdistrict_code"] = _("Enter the subdistrict code (6 digits).")
        if errors:
            return errors
        district = self.subdistrict_code[:4]
        if self.district_code and self.district_code != district:
            errors["subdistrict_code"] = _(
                "Subdistrict %(subdistrict)s is not in district %(district)s."
            ) % {"subdistrict": self.subdistrict_name, "district": self.district_name}
        district = self.district_code or district
        if self.province_code and self.province_code != district[:2]:
            errors["district_code"] = _(
                "District %(district)s is not in province %(province)s."
            ) % {"district": areas.district_name(district), "province": self.province_name}
        if not errors:
            self.district_code, self.province_code = district, district[:2]
        return errors

    def _unknown_codes(self):
        messages = {
            "province_code": (areas.province_exists, _("No province has the code %(code)s.")),
            "district_code": (areas.district_exists, _("No district has the code %(code)s.")),
            "subdistrict_code": (
                areas.subdistrict_exists,
                _("No subdistrict has the code %(code)s."),
            ),
        }
        errors = {}
        for field, (exists, message) in messages.items():
            code = getattr(self, field)
            if code and not exists(code):
                errors[field] = message % {"code": code}
        return errors

    @property
    def has_map_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        """A link to the location on OpenStreetMap; the page embeds no third-party map."""
        if not self.has_map_location:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=16/{self.latitude}/{self.longitude}"

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("LINE", self.line_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]


@register_setting(icon="list-ul")
class FooterSettings(RememberedSiteSetting):
    """Links at the foot of every page: privacy notice, cookies, accessibility, site map."""

    links = StreamField([("link", LabelledLinkBlock())], verbose_name=_("footer links"), blank=True)

    panels = [FieldPanel("links")]

    class Meta:
        verbose_name = _("footer")


class Role(models.TextChoices):
    """What a member of an organization's staff does there. One person may hold several roles,
    and roles in several organizations."""

    ADMINISTRATOR = roles.ADMINISTRATOR, _("Administrator")
    EDITOR = roles.EDITOR, _("Editor")
    CLERK = roles.CLERK, _("Case clerk")
    DIVISION_HEAD = roles.DIVISION_HEAD, _("Division head")
    EXECUTIVE = roles.EXECUTIVE, _("Executive")
    INTEGRITY_OFFICER = roles.INTEGRITY_OFFICER, _("Integrity officer")
    # A vendor or a province that runs the organization's site: no citizen's personal data.
    OPERATOR = roles.OPERATOR, _("Operator")


class OrganizationGroup(OrganizationOwned):
    """A Wagtail group that gives one role in one organization: its users are that
    organization's staff in that role (tambon/core/memberships.py). A group with no such row
    is platform-wide (the operators' right to add organizations)."""

    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="organization_group",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)

    class Meta:
        verbose_name = _("organization group")
        verbose_name_plural = _("organization groups")

    def __str__(self):
        return self.group.name


# A label of a host name: letters, digits and inner hyphens, at most 63 characters.
HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalize_host_name(value):
    """A host name as browsers send it: lowercase, without surrounding spaces or a final dot,
    and a Thai name (อบต.ไทย) in its ASCII form (xn--...)."""
    value = (value or "").strip().lower().rstrip(".")
    if value.isascii():
        return value
    try:
        return value.encode("idna").decode("ascii")
    except UnicodeError:
        return value  # left as typed: validate_host_name refuses it


def validate_host_name(value):
    if len(value) > 253 or not all(HOST_LABEL.match(label) for label in value.split(".")):
        raise ValidationError(
            _(
                "Enter a host name only, like www.pong.go.th: letters, digits, hyphens and dots, "
                "without http://, a slash or a port."
            ),
            code="invalid",
        )


class HostName(models.Model):
    """Another host name of a site (its old domain, the form with or without www.): a visitor
    who opens it is sent on to the site's own host name (core/hostnames.py).

    Not organization-owned: it is read from the Host header of a request, before any
    organization is known. Staff edit it under Settings > Extra host names, for their own site."""

    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="extra_host_names",
        # Set by the admin from the staff member's organization, never chosen.
        editable=False,
    )
    hostname = models.CharField(
        _("host name"),
        max_length=253,
        unique=True,
        validators=[validate_host_name],
        help_text=_("For example: pong.go.th, when the site's own host name is www.pong.go.th"),
        error_messages={"unique": _("This host name is already another host name of a site.")},
    )

    panels = [FieldPanel("hostname")]

    class Meta:
        verbose_name = _("extra host name")
        verbose_name_plural = _("extra host names")
        ordering = ["hostname"]

    def __str__(self):
        return self.hostname

    def save(self, *args, **kwargs):
        self.hostname = normalize_host_name(self.hostname)
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        self.hostname = normalize_host_name(self.hostname)
        super().clean_fields(exclude)

    def clean(self):
        super().clean()
        if Site.objects.filter(hostname__iexact=self.hostname).exists():
            raise ValidationError(
                {
                    "hostname": _("%(hostname)s is already the main host name of a site.")
                    % {"hostname": self.hostname}
                }
            )


class EnrolmentCode(models.Model):
    """The one-time code an administrator gives a member of staff so that they, and not whoever
    else has their password, set up their authenticator app (core/two_factor.py). Only its hash
    is kept; an account has at most one, and a new one replaces it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="enrolment_code",
    )
    code_hash = models.CharField(max_length=128, editable=False)
    issued_at = models.DateTimeField(_("issued at"))
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment code")
        verbose_name_plural = _("enrolment codes")

    def __str__(self):
        return str(self.user)


# Which host goes to which site is remembered by every worker until the next purge
# (core/hostnames.py): a change to a site or to its host names starts a new one.
post_save.connect(purge, sender=HostName, dispatch_uid="hostnames-host-name-saved")
post_delete.connect(purge, sender=HostName, dispatch_uid="hostnames-host-name-deleted")
post_save.connect(purge, sender=Site, dispatch_uid="hostnames-site-saved")
post_delete.connect(purge, sender=Site, dispatch_uid="hostnames-site-deleted")


class DoneOnce(models.Model):
    """A key of background work that was done (core/tasks.py): a periodic job enqueued for one
    period, a notification sent on one channel, a day's reminder mailed to one person. Not an
    organization's record: the task queue's bookkeeping, with ids and no personal data."""

    key = models.CharField(max_length=255, unique=True)
    done_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.key


class DocumentText(OrganizationOwned):
    """The plain text of one Wagtail document, read from its file in the background for the
    site search (core/document_text.py). Its organization is the one whose collection holds
    the document."""

    document = models.OneToOneField(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The file the text was read from (SHA-256) and by which version of the reader: another
    # file, or a better reader, is read again.
    file_hash = models.CharField(max_length=64)
    reader_version = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("text"), blank=True)
    extracted_at = models.DateTimeField(_("read at"))
    # Why there is no text, or only part of it: the file is unreadable, hostile or too long.
    error = models.CharField(_("error"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("text of a document")
        verbose_name_plural = _("texts of documents")

    def __str__(self):
        return str(self.document)
