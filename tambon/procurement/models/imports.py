"""A CSV import in progress. The uploaded file lives in this row, never under MEDIA_ROOT,
so no public URL can serve it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import OrganizationOwned


class ImportJob(OrganizationOwned):
    """An import into one organization's projects, seen only by its staff."""

    class State(models.TextChoices):
        PREVIEW = "preview", _("Waiting for confirmation")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Finished")

    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("file content"))
    encoding = models.CharField(_("encoding"), max_length=20)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PREVIEW
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    next_row = models.PositiveIntegerField(_("rows processed"), default=0)
    imported = models.PositiveIntegerField(_("imported"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    # [{"line": 5, "reason": "..."}] for every row left out, in file order.
    rejected = models.JSONField(_("rejected rows"), default=list, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("procurement import")
        verbose_name_plural = _("procurement imports")

    def __str__(self):
        return self.filename

    @property
    def percent(self):
        return 100 if not self.total_rows else round(100 * self.next_row / self.total_rows)
