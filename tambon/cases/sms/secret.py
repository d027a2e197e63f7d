"""A provider's credential is stored encrypted (Fernet), so a database dump or backup does not
hand out the organization's SMS account. The key comes from TAMBON_SECRETS_KEY, else from
SECRET_KEY: changing it makes stored credentials unreadable, and the clerk types them again."""

import base64
import hashlib
import os

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


class UnreadableSecret(Exception):
    """The stored credential was encrypted with another key."""


def _fernet() -> Fernet:
    material = getattr(settings, "TAMBON_SECRETS_KEY", None) or os.environ.get(
        "TAMBON_SECRETS_KEY", settings.SECRET_KEY
    )
    digest = hashlib.sha256(f"tambon-sms-credential:{material}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt(plain: str) -> str:
    return _fernet().encrypt(plain.encode()).decode() if plain else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise UnreadableSecret from error
