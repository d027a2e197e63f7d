import json

import pytest
from django.urls import reverse

from tambon.procurement.models import ProcurementPlan, ProcurementProject

# TODO(issue 9): factories. These tests still read the demo's pages and text.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_the_procurement_menu_lists_and_edit_forms_open(admin_client):
    project = ProcurementProject.objects.first()
    plan = ProcurementPlan.objects.first()

    for url in (
        reverse("wagtailsnippets_procurement_procurementproject:list"),
        reverse("wagtailsnippets_procurement_procurementproject:edit", args=[project.pk]),
        reverse("wagtailsnippets_procurement_procurementannouncement:list"),
        reverse("wagtailsnippets_procurement_procurementplan:edit", args=[plan.pk]),
        reverse("wagtailsnippets_procurement_annualprocurementreport:add"),
        reverse("procurement_import:start"),
    ):
        assert admin_client.get(url).status_code == 200, url
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is sent as JSON, Thai escaped.
    assert json.dumps("การจัดซื้อจัดจ้าง") in home
    assert json.dumps("นำเข้าจาก CSV") in home


def test_a_second_project_with_the_same_egp_number_is_refused_in_thai(admin_client):
    existing = ProcurementProject.objects.exclude(egp_number="").first()
    form = {
        "fiscal_year": "2565",
        "egp_number": existing.egp_number,
        "title": "โครงการซ้ำ",
        "method": "specific",
        "status": "planned",
        "budget": "1000",
        "bids-TOTAL_FORMS": "0",
        "bids-INITIAL_FORMS": "0",
        "bids-MIN_NUM_FORMS": "0",
        "bids-MAX_NUM_FORMS": "1000",
    }

    response = admin_client.post(
        reverse("wagtailsnippets_procurement_procurementproject:add"), form
    )

    assert response.status_code == 200
    assert "มีโครงการอื่นใช้เลขที่โครงการ e-GP นี้แล้ว" in response.content.decode()
    assert not ProcurementProject.objects.filter(title="โครงการซ้ำ").exists()
