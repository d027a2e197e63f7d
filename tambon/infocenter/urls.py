"""Open-data exports beside the information center's listings.

Wagtail's page addresses end in a slash, so <info center>/records.csv and
<info center>/category/<slug>/records.json are matched here, before Wagtail's page tree.
"""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+?)(?:category/(?P<slug>[\w\-]+)/)?records\.(?P<kind>csv|json)$",
        views.records_export,
        name="infocenter-records-export",
    ),
]
