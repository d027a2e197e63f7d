"""Each organization's own case rules, edited in the admin's settings: how many days it gives
itself per kind of case, how long it keeps the reporters' personal data, and the days its
office is closed besides the weekends and Thai public holidays. A field left empty takes the
deployment's default (TAMBON_CASE_DEADLINES and TAMBON_CASE_RETENTION_DAYS, tambon/cases/conf.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.models import Orderable

from tambon.core.models import RememberedSiteSetting

from .. import conf
from .choices import CaseKind

ACKNOWLEDGE = "acknowledge_working_days"
RESOLVE = "resolve_days"


def _acknowledge_field():
    return models.PositiveSmallIntegerField(
        _("acknowledge within (working days)"), null=True, blank=True
    )


def _resolve_field():
    return models.PositiveSmallIntegerField(_("answer within (days)"), null=True, blank=True)


def _field_name(kind, rule):
    return f"{kind}_{rule}"


class CaseSettingsForm(WagtailAdminModelForm):
    """Shows the deployment's default in each empty field, so the clerk sees what applies."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in CaseKind.values:
            defaults = conf.deadlines(kind)
            for rule in (ACKNOWLEDGE, RESOLVE):
                field = self.fields.get(_field_name(kind, rule))
                if field is not None:
                    field.widget.attrs["placeholder"] = defaults[rule]
        if "retention_days" in self.fields:
            self.fields["retention_days"].widget.attrs["placeholder"] = conf.retention_days()


@register_setting(icon="mail")
class CaseSettings(RememberedSiteSetting, ClusterableModel):
    complaint_acknowledge_working_days = _acknowledge_field()
    complaint_resolve_days = _resolve_field()
    executive_acknowledge_working_days = _acknowledge_field()
    executive_resolve_days = _resolve_field()
    corruption_acknowledge_working_days = _acknowledge_field()
    corruption_resolve_days = _resolve_field()
    eservice_acknowledge_working_days = _acknowledge_field()
    eservice_resolve_days = _resolve_field()
    question_acknowledge_working_days = _acknowledge_field()
    question_resolve_days = _resolve_field()
    information_acknowledge_working_days = _acknowledge_field()
    information_resolve_days = _resolve_field()

    retention_days = models.PositiveIntegerField(
        _("keep personal data for (days after the case is finished)"),
        null=True,
        blank=True,
        help_text=_(
            "Then the reporter's details and files are deleted. Set it to your records schedule."
        ),
    )

    base_form_class = CaseSettingsForm
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel(_field_name(kind, ACKNOWLEDGE)),
                        FieldPanel(_field_name(kind, RESOLVE)),
                    ],
                    heading=label,
                )
                for kind, label in CaseKind.choices
            ],
            heading=_("Deadlines per kind of case"),
            help_text=_(
                "Leave a field empty to use the default shown in it. A category or an e-service "
                "type with its own deadline keeps it."
            ),
        ),
        FieldPanel("retention_days"),
        InlinePanel("closed_days", heading=_("Days the office is closed"), label=_("closed day")),
    ]

    class Meta:
        verbose_name = _("case rules")

    @classmethod
    def of_organization(cls, organization):
        """The rules of an organization: those of its site (a per-site setting)."""
        return cls.for_site(organization.site)

    def deadlines(self, kind) -> dict:
        """{"acknowledge_working_days": n, "resolve_days": n}: this organization's number
        where it set one, else the deployment's default."""
        rules = conf.deadlines(kind)
        for rule in (ACKNOWLEDGE, RESOLVE):
            own = getattr(self, _field_name(kind, rule), None)
            if own is not None:
                rules[rule] = own
        return rules

    def retention(self) -> int:
        return self.retention_days if self.retention_days is not None else conf.retention_days()

    def extra_closed_days(self) -> set:
        """The dates this organization added (public holidays are known without it)."""
        if self.pk is None:
            return set()
        return set(self.closed_days.values_list("date", flat=True))


class ClosedDay(Orderable):
    """A day the office is closed that is not a weekend or a Thai public holiday (a local
    festival, a day the government adds at short notice)."""

    settings = ParentalKey(CaseSettings, on_delete=models.CASCADE, related_name="closed_days")
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("date"), FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days")
