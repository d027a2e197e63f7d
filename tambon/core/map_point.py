"""A map point on a citizen's form: latitude and longitude, both optional, filled in by the
"use my location" button (core/static/core/citizen_forms.js, template
core/includes/position.html) and typed by hand rarely."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


def _coordinate(label, limit):
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=-limit,
        max_value=limit,
        decimal_places=6,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


def latitude_field():
    return _coordinate(_("Latitude"), 90)


def longitude_field():
    return _coordinate(_("Longitude"), 180)


def allow_location(response):
    """The "use my location" button asks the browser for the position: a page with the map
    point may (the site's policy forbids it everywhere else, and in frames here too)."""
    policy = {**settings.PERMISSIONS_POLICY, "geolocation": ["self"]}
    response._permissions_policy_override = ", ".join(
        f"{feature}=({' '.join(origins)})" for feature, origins in policy.items()
    )
    return response
