import os
import secrets
import uuid

from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tambon.cases import conf
from tambon.core.scoping import OrganizationOwned

from .case import Case


class PrivateStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT, never served by the web server: only through a view that
    checks who asks. The folder is read from the settings at each use. Readable by the app's
    own account only (not by the web server's or another user's on the machine): a citizen's
    ID card scan is nobody else's business. When nginx sends them (TAMBON_ACCEL_REDIRECT), the
    app's group may read them too: the web server's account joins that group (docs/deploy.md)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def file_permissions_mode(self):
        return 0o640 if conf.accel_redirect_prefix() else 0o600

    @property
    def directory_permissions_mode(self):
        return 0o750 if conf.accel_redirect_prefix() else 0o700

    @property
    def base_location(self):
        return str(conf.private_media_root())

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise NotImplementedError("Private files have no public address.")


private_storage = PrivateStorage()


def get_private_storage():
    return private_storage


def attachment_path(instance, filename):
    """A random name: the citizen's file name is kept in the database only."""
    extension = os.path.splitext(filename)[1].lower()
    return f"cases/{timezone.now():%Y/%m}/{secrets.token_hex(16)}{extension}"


class AttachmentState(models.TextChoices):
    """A citizen's photo is PENDING from the request until the background task has decoded it
    and encoded it again without its metadata (cleaning.py): READY, or REJECTED when it could
    not be decoded (its bytes are then deleted). Nobody downloads a file that is not READY: the
    original may carry the place it was taken. A PDF is READY from the start."""

    PENDING = "pending", _("Being checked")
    READY = "ready", _("Ready")
    REJECTED = "rejected", _("Could not be read, deleted")


class Attachment(OrganizationOwned):
    # Addressed by a random id, never by the sequential key.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    organization_parent = "case"
    file = models.FileField(_("file"), upload_to=attachment_path, storage=get_private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField(_("size"))
    from_citizen = models.BooleanField(default=True)
    # For an e-service request: which of the type's required documents this file is.
    document = models.CharField(_("document"), max_length=150, blank=True)
    created = models.DateTimeField(default=timezone.now)
    # READY by default: the rows from before this field were cleaned in the request.
    state = models.CharField(
        _("state"), max_length=10, choices=AttachmentState.choices, default=AttachmentState.READY
    )

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name

    @property
    def is_image(self):
        return self.content_type.startswith("image/")

    @property
    def is_ready(self):
        return self.state == AttachmentState.READY

    @property
    def is_pending(self):
        return self.state == AttachmentState.PENDING
