"""Wagtail's users app with the staff admin of tambon/core/staff_admin.py in place of its own.

A module of its own: an AppConfig is imported while Django loads the apps, before the views
it names may be (they read the user model).
"""

from wagtail.users.apps import WagtailUsersAppConfig


class StaffUsersConfig(WagtailUsersAppConfig):
    # The label stays "wagtailusers": Wagtail's own code and templates look the app up by it.
    user_viewset = "tambon.core.staff_admin.StaffViewSet"
