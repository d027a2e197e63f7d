import pytest
from django.urls import reverse

from tambon.core.tests.factories import default_organization
from tambon.infocenter.ita.loading import copy_year
from tambon.infocenter.models import ItaItem, ItaYear

pytestmark = pytest.mark.django_db


def test_editors_can_open_the_ita_lists_and_an_item_with_its_evidence(admin_client, ita_items):
    item = ItaItem.objects.all_organizations().of_year(2568).get(code="O2")
    year = ItaYear.objects.all_organizations().get(fiscal_year=2568)

    for url in (
        reverse("wagtailsnippets_infocenter_itayear:list"),
        reverse("wagtailsnippets_infocenter_itayear:edit", args=[year.pk]),
        reverse("wagtailsnippets_infocenter_itaitem:list") + f"?year={year.pk}",
        reverse("wagtailsnippets_infocenter_itaitem:edit", args=[item.pk]),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
    assert "ข้อมูลผู้บริหาร" in response.content.decode()


def test_evidence_is_added_inline_under_its_item_and_checked(admin_client, ita_items, home):
    copy_year(default_organization(), 2568, 2569)  # a year with no evidence yet
    item = ItaItem.objects.all_organizations().of_year(2569).get(code="O5")
    url = reverse("wagtailsnippets_infocenter_itaitem:edit", args=[item.pk])
    form = {
        "indicator": item.indicator_id,
        "code": item.code,
        "topic": item.topic,
        "sort_order": item.sort_order,
        "title": item.title,
        "required_elements": item.required_elements,
        "guide": "",
        "needs_current_year": "",
        "evidence-TOTAL_FORMS": "1",
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "1000",
        "evidence-0-kind": "page",
        "evidence-0-label": "ติดต่อเรา",
        "evidence-0-page": "",
        "evidence-0-subpath": "",
        "evidence-0-document": "",
        "evidence-0-external_url": "",
        "evidence-0-covers_fiscal_year": "",
        "evidence-0-published_on": "",
        "evidence-0-ORDER": "1",
        "evidence-0-id": "",
        "evidence-0-DELETE": "",
    }

    rejected = admin_client.post(url, form)

    assert rejected.status_code == 200
    assert not item.evidence.exists()

    form["evidence-0-page"] = home.pk
    accepted = admin_client.post(url, form)

    assert accepted.status_code == 302
    assert item.evidence.get().page_id == home.pk
