"""Helpers for the apps' ``role_permissions`` (see tambon/core/memberships.py).

An AppConfig names, for each role ("administrator", "editor", "clerk", "division-head",
"executive", "integrity-officer", "operator"), the permissions that role gets on the app's
models. This module imports no model, so an apps.py may use it.
"""

ADMINISTRATOR = "administrator"
EDITOR = "editor"
CLERK = "clerk"
DIVISION_HEAD = "division-head"
EXECUTIVE = "executive"
INTEGRITY_OFFICER = "integrity-officer"
OPERATOR = "operator"
EVERY_ROLE = (ADMINISTRATOR, EDITOR, CLERK, DIVISION_HEAD, EXECUTIVE, INTEGRITY_OFFICER, OPERATOR)


def manage(app_label, *model_names):
    """Add, change, delete and view permissions on these models."""
    return [
        f"{app_label}.{action}_{model}"
        for model in model_names
        for action in ("add", "change", "delete", "view")
    ]
