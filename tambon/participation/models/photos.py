"""Photos a resident sends with a proposal (at most three). Stored as sent until the
background task encodes them again without their metadata (GPS position, camera); shown on
the site only then, and only once the proposal is published."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet

MAX_PHOTOS = 3


def photo_path(instance, filename):
    """A random name: what the resident called the file is not kept."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"participation/photos/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{extension}"


class ProposalPhotoQuerySet(ScopedQuerySet):
    def shown(self):
        """Cleaned photos of published proposals: what the site may show."""
        from .proposals import Moderation

        return self.filter(cleaned=True, proposal__moderation=Moderation.PUBLISHED)


class ProposalPhoto(OrganizationOwned):
    proposal = models.ForeignKey(
        "participation.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    organization_parent = "proposal"
    file = models.FileField(_("photo"), upload_to=photo_path)
    content_type = models.CharField(max_length=20, editable=False)
    # True once encoded again from its pixels alone: no GPS position or camera left.
    cleaned = models.BooleanField(_("metadata removed"), default=False, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = ProposalPhotoQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("photo of a proposal")
        verbose_name_plural = _("photos of proposals")

    def __str__(self):
        return str(_("Photo %(number)s") % {"number": self.pk})
