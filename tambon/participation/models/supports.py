"""Online supports: a resident says "this matters to us" for a proposal, once. Who supported is
kept only as a keyed hash of the verified phone number (docs/participation.md explains the
choice and its limits); the number itself is never stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import OrganizationOwned


class Support(OrganizationOwned):
    proposal = models.ForeignKey(
        "participation.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="supports",
    )
    organization_parent = "proposal"
    # HMAC of the normalised phone number under the deployment's secret: the same person gives
    # the same value, and the value gives no number back.
    supporter_hash = models.CharField(max_length=64, editable=False)
    village = models.ForeignKey(
        "participation.Village",
        verbose_name=_("supporter's village"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "supporter_hash"], name="participation_support_once"
            )
        ]
        verbose_name = _("support")
        verbose_name_plural = _("supports")
