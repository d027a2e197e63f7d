import pytest

from tambon.infocenter.ita.loading import load_ita_items


@pytest.fixture
def ita_items(db):
    load_ita_items()


@pytest.fixture
def no_ita_lists(db):
    """A site before any list was loaded (the demo loads them; this test's transaction undoes
    the deletion)."""
    from wagtail.models import Page

    from tambon.infocenter.models import ItaYear, ItaYearPage

    for page in ItaYearPage.objects.all():
        Page.objects.get(pk=page.pk).delete()
    ItaYear.objects.all().delete()
