"""The people of the organization (executives, council, staff) as their pages show them."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction
from wagtail.rich_text import get_text_for_indexing

from tambon.core.page_search import PageSearchSource
from tambon.core.searching import source

from .models import PersonPage


@source
class PersonSource(PageSearchSource):
    kind = "person"
    label = _("People")
    models = (PersonPage, PageViewRestriction)

    def page_date(self, page):
        return None  # a person is not news: no recency bonus, no fiscal year

    def text_of_page(self, page):
        # The position and division by name; not the phone, e-mail or LINE ID: nobody
        # searches for those, and the index keeps no contact details.
        pieces = [page.full_name, page.position.title]
        if page.division_id:
            pieces.append(page.division.name)
        pieces.append(get_text_for_indexing(page.biography or ""))
        pieces.append(page.summary)
        return "\n".join(piece for piece in pieces if piece)
