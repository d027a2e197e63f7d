"""Text messages to citizens who gave only a phone number: the providers (console for
development, ThaiBulkSMS over HTTP) and their credentials, kept encrypted (docs/cases.md)."""
