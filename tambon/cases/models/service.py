"""E-service request types, defined by editors: what the citizen must fill in and upload for
each service, who handles it and how long it may take."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet


class ServiceTypeQuerySet(ScopedQuerySet):
    def live(self):
        return self.filter(is_live=True)


class ServiceType(OrganizationOwned, ClusterableModel):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("address name"),
        max_length=60,
        allow_unicode=False,
        help_text=_("Latin letters, digits and hyphens; it appears in the form's address."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Who may ask, what happens, any fee.")
    )
    division = models.ForeignKey(
        "people.Division",
        verbose_name=_("responsible division"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_types",
    )
    resolve_days = models.PositiveSmallIntegerField(
        _("days to give the result"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the site-wide deadline for e-service requests."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_live = models.BooleanField(_("offered on the site"), default=True)

    objects = ServiceTypeQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("division"),
        FieldPanel("resolve_days"),
        InlinePanel("documents", label=_("required documents")),
        InlinePanel("fields", label=_("extra fields")),
        FieldPanel("sort_order"),
        FieldPanel("is_live"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "slug"], name="cases_servicetype_unique_slug"
            )
        ]
        verbose_name = _("e-service request type")
        verbose_name_plural = _("e-service request types")

    def __str__(self):
        return self.name

    # Used by the deadline rules like a category.
    acknowledge_working_days = None


class ServiceDocument(OrganizationOwned, Orderable):
    """A document the citizen must upload with the request, e.g. a copy of the ID card."""

    service_type = ParentalKey(ServiceType, on_delete=models.CASCADE, related_name="documents")
    organization_parent = "service_type"
    name = models.CharField(_("document"), max_length=150)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("help_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self):
        return self.name


class ServiceField(OrganizationOwned, Orderable):
    """A question of the request form beyond the common ones."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        NUMBER = "number", _("Number (digits)")
        DATE = "date", _("Date")
        CHOICE = "choice", _("Choice")

    service_type = ParentalKey(ServiceType, on_delete=models.CASCADE, related_name="fields")
    organization_parent = "service_type"
    label = models.CharField(_("label"), max_length=150)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=Kind.choices)
    required = models.BooleanField(_("required"), default=True)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For a choice: one choice per line.")
    )
    help_text = models.CharField(_("help text"), max_length=300, blank=True)

    panels = [
        FieldPanel("label"),
        FieldPanel("kind"),
        FieldPanel("required"),
        FieldPanel("choices"),
        FieldPanel("help_text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("extra field")
        verbose_name_plural = _("extra fields")

    def __str__(self):
        return self.label

    def clean(self):
        # A choice without choices would be a question nobody can answer.
        if self.kind == self.Kind.CHOICE and not self.choice_list:
            raise ValidationError({"choices": _("Write the choices, one per line.")})

    @property
    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]
