"""Keys of the programs that file requests through Open311 (a LINE bot, a province's
dashboard): one per client and organization, issued in the admin or by
``create_open311_key``, shown once, kept only as a hash, revoked by a tick."""

import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet

KEY_PREFIX = "t311_"


def hash_key(key: str) -> str:
    """A key is 32 random bytes: a plain SHA-256 cannot be reversed by trying keys."""
    return hashlib.sha256(str(key).encode()).hexdigest()


class ApiKeyQuerySet(ScopedQuerySet):
    def usable(self):
        return self.filter(is_revoked=False)

    def matching(self, key):
        return self.usable().filter(key_hash=hash_key(key)).first()


class ApiKey(OrganizationOwned):
    name = models.CharField(
        _("client"),
        max_length=100,
        help_text=_("Who uses the key, e.g. the LINE bot of the province."),
    )
    # The first characters, so that staff can tell which key a client holds.
    prefix = models.CharField(_("key starts with"), max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    is_revoked = models.BooleanField(
        _("revoked"), default=False, help_text=_("A revoked key files nothing any more.")
    )
    created = models.DateTimeField(_("issued"), default=timezone.now, editable=False)

    objects = ApiKeyQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("is_revoked")]

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def save(self, *args, **kwargs):
        """A new row makes its key: ``plain_key`` holds it until this object is gone."""
        if not self.key_hash:
            self.plain_key = KEY_PREFIX + secrets.token_urlsafe(32)
            self.key_hash = hash_key(self.plain_key)
            self.prefix = self.plain_key[: len(KEY_PREFIX) + 4]
        super().save(*args, **kwargs)


def issue_key(organization, name):
    """A new key for `name` with `organization`: (row, the key, to be shown once)."""
    row = ApiKey.objects.for_organization(organization).create(name=name)
    return row, row.plain_key
