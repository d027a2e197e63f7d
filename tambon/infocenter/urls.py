"""The information center's first export addresses, kept because they were published.

The exports are now csv/ and json/ sub-paths of their listing (routes of InfoCenterPage), as
every listing's are. <info center>/records.csv and <info center>/category/<slug>/records.json
were published (ITA evidence may link them), so they answer with a permanent redirect, query
string kept. They have a dot, so Wagtail's page tree never matches them: they are routed here.
"""

from django.urls import re_path
from django.views.generic import RedirectView

PAGE_PATH = r"(?P<page_path>(?:[\w\-]+/)+?)"


def moved_to(url):
    return RedirectView.as_view(url=url, permanent=True, query_string=True)


urlpatterns = [
    # The folder's pattern first: the other one would take "category/<slug>/" for the page path.
    re_path(
        rf"^{PAGE_PATH}category/(?P<slug>[\w\-]+)/records\.(?P<kind>csv|json)$",
        moved_to("/%(page_path)scategory/%(slug)s/%(kind)s/"),
        name="infocenter-old-folder-export",
    ),
    re_path(
        rf"^{PAGE_PATH}records\.(?P<kind>csv|json)$",
        moved_to("/%(page_path)srecords/%(kind)s/"),
        name="infocenter-old-records-export",
    ),
]
