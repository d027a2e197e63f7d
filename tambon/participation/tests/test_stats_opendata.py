"""Open data of a cycle: the page's figures, the published proposals and the plan's projects as
CSV and JSON, with nothing of who proposed or supported."""

import csv
import datetime
import io
import json

import pytest

from tambon.participation.models import Support

from .factories import PlanEditionFactory, PlanProjectFactory, StrategyFactory
from .test_stats_figures import world  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

PERSONAL = ("นางสาวผู้เสนอ ลับเฉพาะ", "0812345678", "proposer", "client_hash", "moderation")


def download(client, cycle, name):
    response = client.get(f"/participation/{cycle.pk}/statistics/{name}")
    assert response.status_code == 200
    return response


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_published_proposals_carry_no_personal_data(client, world):  # noqa: F811
    hashes = Support.objects.for_organization(world.organization).values_list(
        "supporter_hash", flat=True
    )
    for name in ("proposals.csv", "proposals.json"):
        text = download(client, world, name).content.decode("utf-8-sig")
        for secret in (*PERSONAL, *hashes):
            assert secret not in text, (name, secret)

    rows = csv_rows(download(client, world, "proposals.csv"))
    # Four published proposals; the pending, the rejected and the duplicate are left out.
    assert len(rows) == 4
    by_votes = {row["forum_votes"]: row for row in rows}
    assert by_votes["31"]["source"] == "forum"
    assert sorted(row["supports"] for row in rows) == ["0", "1", "1", "2"]


def test_the_figures_files_give_the_pages_numbers(client, world):  # noqa: F811
    villages = json.loads(download(client, world, "villages.json").content)
    first = villages[0]
    assert (first["village_number"], first["proposals_online"], first["supports"]) == (1, 2, 3)
    assert (first["attendance"], first["attendance_male"], first["attendance_age_60_plus"]) == (
        45,
        20,
        5,
    )
    assert villages[-1]["village_number"] is None and villages[-1]["attendance"] == 40
    categories = csv_rows(download(client, world, "categories.csv"))
    assert [(row["category"], row["proposals"]) for row in categories] == [
        ("ถนน", "2"),
        ("แหล่งน้ำ", "1"),
        ("ไม่ระบุหมวด", "1"),
    ]
    steps = json.loads(download(client, world, "steps.json").content)
    assert [row["step"] for row in steps][-1] == "outside"


def test_the_plans_projects_and_budget_come_from_the_approved_edition(client, world):  # noqa: F811
    strategy = StrategyFactory(number=1, name="โครงสร้างพื้นฐาน")
    edition = PlanEditionFactory(cycle=world, approved_on=datetime.date(2026, 6, 1))
    PlanProjectFactory(edition=edition, strategy=strategy, title="โครงการถนนทดสอบ")
    projects = csv_rows(download(client, world, "projects.csv"))
    assert [row["title"] for row in projects] == ["โครงการถนนทดสอบ"]
    assert projects[0]["budget_2571"] == "500000.0"
    assert projects[0]["budget_2573"] == ""
    budget = json.loads(download(client, world, "budget.json").content)
    assert [(row["plan_year"], row["budget"]) for row in budget][:2] == [
        (2571, 500000.0),
        (2572, 250000.0),
    ]


def test_without_an_approved_edition_the_projects_file_is_empty(client, world):  # noqa: F811
    PlanProjectFactory(edition=PlanEditionFactory(cycle=world), title="โครงการร่าง")
    assert csv_rows(download(client, world, "projects.csv")) == []
    assert json.loads(download(client, world, "projects.json").content) == []
