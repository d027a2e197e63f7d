from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet

from .choices import CaseState, EventKind


class AppendOnlyError(Exception):
    """A case's history (and the access trail) is never rewritten."""


class AppendOnlyQuerySet(ScopedQuerySet):
    """Refuses update() and delete() of the rows of an AppendOnly model."""

    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model._meta.label} rows cannot be changed.")

    def delete(self):
        raise AppendOnlyError(f"{self.model._meta.label} rows cannot be deleted.")


class AppendOnly(models.Model):
    """A row is written once: saving it again or deleting it raises AppendOnlyError (deleting
    its organization, or its case, takes it with them)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{self._meta.label} rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{self._meta.label} rows cannot be deleted.")


class CaseEventQuerySet(AppendOnlyQuerySet):
    def public(self):
        return self.filter(is_public=True)


class CaseEvent(AppendOnly, OrganizationOwned):
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
