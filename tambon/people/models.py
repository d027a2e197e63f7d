"""Persons, positions and divisions, and the pages that show them (ITA items O1 and O2)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from tambon.core.models import Organization
from tambon.core.pages import BasePage
from tambon.core.scoped_admin import OrganizationPageForm
from tambon.core.scoping import OrganizationOwned


class PositionGroup(models.TextChoices):
    EXECUTIVE = "executive", _("Executives")
    COUNCIL = "council", _("Local council")
    STAFF = "staff", _("Officials and staff")


class Division(OrganizationOwned):
    """A part of the organization: สำนักปลัด, กองคลัง, กองช่าง ..."""

    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("duties"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("phone"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="people_division_unique_name"
            )
        ]
        verbose_name = _("division")
        verbose_name_plural = _("divisions")

    def __str__(self):
        return self.name


class Position(OrganizationOwned):
    """A post someone holds: นายก อบต., ปลัด อบต., ผู้อำนวยการกองช่าง ..."""

    title = models.CharField(pgettext_lazy("job position", "title"), max_length=150)
    group = models.CharField(_("group"), max_length=20, choices=PositionGroup.choices)
    rank = models.PositiveSmallIntegerField(
        _("rank"), default=100, help_text=_("Smaller numbers come first in the chart.")
    )
    is_head = models.BooleanField(
        _("heads the division"),
        default=False,
        help_text=_("The head of a division is drawn at the top of its box."),
    )

    panels = [FieldPanel("title"), FieldPanel("group"), FieldPanel("rank"), FieldPanel("is_head")]

    class Meta:
        ordering = ["rank", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "title"], name="people_position_unique_title"
            )
        ]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self):
        return self.title


class PeopleIndexPage(BasePage):
    """The directory of executives, council members and staff."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["people.PersonPage", "people.OrgChartPage"]

    class Meta:
        verbose_name = _("people directory")
        verbose_name_plural = _("people directories")

    def people(self):
        return (
            PersonPage.objects.live()
            .public()
            .child_of(self)
            .select_related("position", "division", "photo")
            .order_by("position__rank", "sort_order", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = list(self.people())
        context["groups"] = [
            (label, [p for p in people if p.position.group == value])
            for value, label in PositionGroup.choices
        ]
        context["org_chart"] = OrgChartPage.objects.live().child_of(self).first()
        return context


class PersonPage(BasePage):
    """One person, with photo, position and a way to reach them (ITA O2)."""

    name_prefix = models.CharField(
        pgettext_lazy("name prefix", "title"),
        max_length=30,
        blank=True,
        help_text=_("นาย, นาง, นางสาว, ..."),
    )
    position = models.ForeignKey(
        Position, verbose_name=_("position"), on_delete=models.PROTECT, related_name="people"
    )
    division = models.ForeignKey(
        Division,
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    line_id = models.CharField(_("LINE ID"), max_length=50, blank=True)
    biography = RichTextField(_("biography"), blank=True, features=["bold", "italic", "ol", "ul"])
    sort_order = models.PositiveSmallIntegerField(_("order among the same position"), default=0)

    content_panels = [
        FieldRowPanel([FieldPanel("name_prefix"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("position"), FieldPanel("division")]),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("line_id")],
            heading=_("Contact (at least one)"),
        ),
        FieldPanel("biography"),
        FieldPanel("sort_order"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("biography")]
    base_form_class = OrganizationPageForm
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    @property
    def full_name(self):
        return f"{self.name_prefix}{self.title}"

    @property
    def og_image(self):
        return self.share_image or self.photo

    def clean(self):
        super().clean()
        if not (self.phone or self.email or self.line_id):
            raise ValidationError(
                {"phone": _("Give at least one way to contact this person: phone, e-mail or LINE.")}
            )


class OrgChartPage(BasePage):
    """The organization chart, drawn from the people and divisions (ITA O1)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("organization chart")
        verbose_name_plural = _("organization charts")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        directory = self.get_parent().specific
        people = list(directory.people())
        context["executives"] = [p for p in people if p.position.group == PositionGroup.EXECUTIVE]
        context["council"] = [p for p in people if p.position.group == PositionGroup.COUNCIL]
        staff = [p for p in people if p.position.group == PositionGroup.STAFF]
        context["administration"] = [p for p in staff if p.division_id is None]
        context["divisions"] = [
            (division, [p for p in staff if p.division_id == division.pk])
            for division in Division.objects.for_organization(
                Organization.for_site(self.get_site())
            )
        ]
        return context
