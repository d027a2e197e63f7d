"""Each organization's own way of sending text messages to citizens who gave only a phone
number: which provider, under what sender name, with which account. The credentials are kept
encrypted (sms/secret.py), never shown back in the admin and never written to a log."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from tambon.core.sms import PROVIDERS

from ..sms import secret


class SmsProvider(models.TextChoices):
    NONE = "", _("No text messages")
    CONSOLE = "console", _("Console (development: prints the message, sends nothing)")
    THAIBULKSMS = "thaibulksms", _("ThaiBulkSMS")


class NotificationSettingsForm(WagtailAdminModelForm):
    """The credentials are typed, never shown: an empty box keeps the stored one."""

    sms_api_key = forms.CharField(
        label=_("API key"),
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("Leave empty to keep the stored key."),
    )
    sms_api_secret = forms.CharField(
        label=_("API secret"),
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("Leave empty to keep the stored secret."),
    )

    def save(self, commit=True):
        instance = super().save(commit=False)
        for name in ("sms_api_key", "sms_api_secret"):
            typed = self.cleaned_data.get(name, "").strip()
            if typed:
                setattr(instance, f"{name}_encrypted", secret.encrypt(typed))
        if commit:
            instance.save()
        return instance


@register_setting(icon="mail")
class NotificationSettings(BaseSiteSetting):
    sms_provider = models.CharField(
        _("send text messages with"),
        max_length=30,
        choices=SmsProvider.choices,
        blank=True,
        default="",
        help_text=_(
            "Citizens who gave a phone number and no e-mail hear about their case by text "
            "message. Each message costs your organization what your provider charges."
        ),
    )
    sms_sender_name = models.CharField(
        _("sender name"),
        max_length=11,
        blank=True,
        help_text=_("The sender name registered with your provider (at most 11 letters)."),
    )
    # Encrypted (sms/secret.py); edited through the form's password boxes only.
    sms_api_key_encrypted = models.TextField(blank=True, editable=False)
    sms_api_secret_encrypted = models.TextField(blank=True, editable=False)

    base_form_class = NotificationSettingsForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("sms_provider"),
                FieldPanel("sms_sender_name"),
                FieldPanel("sms_api_key"),
                FieldPanel("sms_api_secret"),
            ],
            heading=_("Text messages (SMS)"),
        ),
    ]

    class Meta:
        verbose_name = _("citizen notifications")

    def __repr__(self):  # never the credentials
        return f"<NotificationSettings site={self.site_id} provider={self.sms_provider!r}>"

    @classmethod
    def of_organization(cls, organization):
        """The settings of an organization's site, None if it never saved any (no row is made
        here: the background worker reads them)."""
        return cls.objects.filter(site_id=organization.site_id).first()

    @classmethod
    def sender_of_organization(cls, organization):
        settings_ = cls.of_organization(organization)
        return settings_.sms_sender() if settings_ is not None else None

    def sms_sender(self):
        """The provider this organization chose, with its own credentials, or None."""
        provider_class = PROVIDERS.get(self.sms_provider)
        if provider_class is None:
            return None
        return provider_class(
            sender_name=self.sms_sender_name,
            api_key=secret.decrypt(self.sms_api_key_encrypted),
            api_secret=secret.decrypt(self.sms_api_secret_encrypted),
        )
