"""Buddhist-Era dates in the admin: every date and date-time field of a page, snippet or
setting edited in Wagtail shows its year in the Buddhist Era (14/03/2565, 14/03/2565 09:30)
and reads what staff type the same way (tambon.thai.forms), instead of Wagtail's date picker,
which shows and sends Christian Era years only."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tambon.thai.forms import ThaiDateField, ThaiDateInput, ThaiDateTimeField, ThaiDateTimeInput


class AdminThaiDateInput(ThaiDateInput):
    def __init__(self, attrs=None):
        super().__init__(
            {"placeholder": _("dd/mm/yyyy (Buddhist year)"), "autocomplete": "off", **(attrs or {})}
        )


class AdminThaiDateTimeInput(ThaiDateTimeInput):
    def __init__(self, attrs=None):
        super().__init__(
            {
                "placeholder": _("dd/mm/yyyy hh:mm (Buddhist year)"),
                "autocomplete": "off",
                **(attrs or {}),
            }
        )


def use_thai_dates_in_admin():
    """Replace Wagtail's own date widgets for every model form of the admin (called once, from
    CoreConfig.ready, after Wagtail registered its own)."""
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(
        models.DateField, override={"form_class": ThaiDateField, "widget": AdminThaiDateInput}
    )
    register_form_field_override(
        models.DateTimeField,
        override={"form_class": ThaiDateTimeField, "widget": AdminThaiDateTimeInput},
    )


def thai_publishing_panel():
    """Wagtail's publishing schedule (go-live and expiry) with the Buddhist-Era widget: Wagtail
    gives those two fields its own date picker, whatever the form field."""
    from wagtail.admin.panels import FieldPanel, PublishingPanel

    # The attributes Wagtail's schedule dialog needs to reset the box when it is closed.
    in_dialog = {
        "data-controller": "w-action",
        "data-action": "w-dialog:hidden->w-action#reset",
        "data-w-dialog-target": "notify",
    }
    return PublishingPanel(
        children=[
            FieldPanel(name, widget=AdminThaiDateTimeInput(attrs=in_dialog))
            for name in ("go_live_at", "expire_at")
        ]
    )
