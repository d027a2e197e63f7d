"""The trail of staff access to citizens' personal data: who was shown a reporter, opened or
downloaded a case file, exported the register of information requests or changed a case; when
and from which address. Append-only: written by tambon.cases.audit, read by the organization's
administrator, never changed; rows older than TAMBON_AUDIT_KEEP_DAYS are removed by
``purge_audit_trail`` (the one way a row goes, besides its organization's deletion)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet

from .events import AppendOnly, AppendOnlyQuerySet


class AccessAction(models.TextChoices):
    VIEWED_IDENTITY = "viewed_identity", _("Viewed who reported a case")
    OPENED_FILE = "opened_file", _("Opened a case file")
    DOWNLOADED_FILE = "downloaded_file", _("Downloaded a case file")
    EXPORTED_REGISTER = "exported_register", _("Exported the register of information requests")
    CHANGED_CASE = "changed_case", _("Changed a case")


class AccessRecordQuerySet(AppendOnlyQuerySet):
    def purge_older_than(self, moment):
        """Delete the rows written before `moment`: the retention job's one way (on
        ``all_organizations()``). Returns how many went."""
        deleted, _by_model = ScopedQuerySet.delete(self.filter(created__lt=moment))
        return deleted


class AccessRecord(AppendOnly, OrganizationOwned):
    """One access by a member of staff. Names the case by its tracking code (and a file by its
    random id), never by the personal datum itself; keeps the username, so that deleting the
    account keeps the trail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("user"), max_length=150)
    action = models.CharField(_("action"), max_length=20, choices=AccessAction.choices)
    # No key to the case: the trail outlives a deleted case and is never touched by it.
    case_code = models.CharField(_("case"), max_length=20, blank=True, db_index=True)
    # The file's random id, the step taken (a CaseAction value) or "2569 csv" for an export.
    detail = models.CharField(_("detail"), max_length=64, blank=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    created = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = AccessRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        default_permissions = ("view",)
        verbose_name = _("access to personal data")
        verbose_name_plural = _("access to personal data")

    def __str__(self):
        return f"{self.username} {self.get_action_display()} {self.created:%Y-%m-%d %H:%M}"
