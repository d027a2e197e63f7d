from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet

from .choices import CaseState, EventKind


class AppendOnlyError(Exception):
    """A case's history is never rewritten."""


class CaseEventQuerySet(ScopedQuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Case events cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Case events cannot be deleted.")

    def public(self):
        return self.filter(is_public=True)


class CaseEvent(OrganizationOwned):
    """One thing that happened to a case. Append-only: written by the service layer, never
    changed or deleted afterwards (deleting the whole case takes its history with it)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="events")
    organization_parent = "case"
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("text"), blank=True)
    from_state = models.CharField(max_length=20, choices=CaseState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=CaseState.choices, blank=True)
    is_public = models.BooleanField(_("shown to the citizen"), default=False)
    created = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = CaseEventQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self):
        return f"{self.get_kind_display()} {self.created:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Case events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Case events cannot be deleted.")
