"""The providers moved to tambon/core/sms.py (participation sends codes with them too); the
names stay importable from here."""

from tambon.core.sms import (  # noqa: F401
    PROVIDERS,
    THAIBULKSMS_URL,
    ConsoleProvider,
    Provider,
    SendFailed,
    ThaiBulkSmsProvider,
    masked,
    normalised,
)
