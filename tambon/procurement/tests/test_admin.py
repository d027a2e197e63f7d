import json

import pytest
from django.urls import reverse

from tambon.procurement.models import ProcurementProject

from .factories import (
    PlanLineFactory,
    ProcurementAnnouncementFactory,
    ProcurementPlanFactory,
    ProcurementProjectFactory,
)

pytestmark = pytest.mark.django_db


def test_the_procurement_menu_lists_and_edit_forms_open(admin_client):
    project = ProcurementProjectFactory(title="จ้างซ่อมรถทดสอบ", bids=[("อู่ทดสอบ", "4500")])
    ProcurementAnnouncementFactory(title="ประกาศผู้ชนะ จ้างซ่อมรถทดสอบ", project=project)
    plan = ProcurementPlanFactory(title="แผนทดสอบในหน้าจัดการ")
    PlanLineFactory(plan=plan, project="ขุดลอกคลองในแผนทดสอบ")

    # Each page, and what it must show of the rows made above.
    for url, shown in (
        (reverse("wagtailsnippets_procurement_procurementproject:list"), "จ้างซ่อมรถทดสอบ"),
        (
            reverse("wagtailsnippets_procurement_procurementproject:edit", args=[project.pk]),
            "อู่ทดสอบ",
        ),
        (
            reverse("wagtailsnippets_procurement_procurementannouncement:list"),
            "ประกาศผู้ชนะ จ้างซ่อมรถทดสอบ",
        ),
        (
            reverse("wagtailsnippets_procurement_procurementplan:edit", args=[plan.pk]),
            "ขุดลอกคลองในแผนทดสอบ",
        ),
        (reverse("wagtailsnippets_procurement_annualprocurementreport:add"), None),
        (reverse("procurement_import:start"), None),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert shown is None or shown in response.content.decode(), url
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is sent as JSON, Thai escaped.
    assert json.dumps("การจัดซื้อจัดจ้าง") in home
    assert json.dumps("นำเข้าจาก CSV") in home


def test_a_second_project_with_the_same_egp_number_is_refused_in_thai(admin_client):
    existing = ProcurementProjectFactory(egp_number="65037000999")
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
    assert not ProcurementProject.objects.all_organizations().filter(title="โครงการซ้ำ").exists()
