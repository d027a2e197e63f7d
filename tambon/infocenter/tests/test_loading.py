import pytest
from django.core.management import CommandError, call_command

from tambon.core.models import Organization
from tambon.core.tests.factories import default_organization
from tambon.infocenter.ita.loading import copy_year, load_ita_items
from tambon.infocenter.models import ItaEvidence, ItaIndicator, ItaItem, ItaYear
from tambon.pages.tests.factories import second_organization_site

pytestmark = pytest.mark.django_db


def titles(fiscal_year):
    return dict(
        ItaItem.objects.all_organizations().of_year(fiscal_year).values_list("code", "title")
    )


def test_loading_gives_43_items_for_2564_and_2565_and_26_for_2568():
    load_ita_items(default_organization())

    assert ItaItem.objects.all_organizations().of_year(2564).count() == 43
    assert ItaItem.objects.all_organizations().of_year(2565).count() == 43
    assert ItaItem.objects.all_organizations().of_year(2568).count() == 26
    assert sorted(titles(2564)) == sorted(f"O{n}" for n in range(1, 44))
    assert sorted(titles(2568)) == sorted(f"O{n}" for n in range(1, 27))


def test_loaded_items_have_the_titles_of_the_source_list():
    load_ita_items(default_organization())

    fy2564 = titles(2564)
    assert fy2564["O1"] == "โครงสร้าง"
    assert fy2564["O7"] == "ข่าวประชาสัมพันธ์"
    assert fy2564["O31"] == "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี"
    assert fy2564["O43"] == "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
    assert titles(2565)["O31"] == fy2564["O31"]
    fy2568 = titles(2568)
    assert fy2568["O1"] == "โครงสร้างและอำนาจหน้าที่"
    assert fy2568["O19"] == "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตประจำปี"
    assert fy2568["O26"] == "รายงานผลตามแผนปฏิบัติการป้องกันการทุจริต"


def test_unconfirmed_2568_items_say_so_in_the_guide_only_which_the_public_never_sees():
    load_ita_items(default_organization())

    for code in ("O5", "O6", "O7"):
        item = ItaItem.objects.all_organizations().of_year(2568).get(code=code)
        assert "ยังไม่ยืนยัน" not in item.title
        assert "ยังไม่ยืนยัน" in item.guide
        assert "คู่มือ" in item.guide
    assert (
        "แผนดำเนินงานประจำปี"
        in ItaItem.objects.all_organizations().of_year(2568).get(code="O6").title
    )


def test_news_and_complaint_statistics_must_be_from_the_current_year():
    load_ita_items(default_organization())

    current = set(
        ItaItem.objects.all_organizations()
        .filter(needs_current_year=True)
        .values_list("year__fiscal_year", "code")
    )
    assert {(2564, "O7"), (2564, "O31"), (2565, "O31"), (2568, "O4"), (2568, "O19")} <= current
    assert (2564, "O1") not in current
    assert (2568, "O2") not in current


def test_items_are_grouped_into_indicators_in_order():
    load_ita_items(default_organization())

    fy2564 = (
        ItaIndicator.objects.all_organizations()
        .filter(year__fiscal_year=2564)
        .order_by("sort_order")
    )
    assert [i.code for i in fy2564] == ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"]
    assert (
        ItaItem.objects.all_organizations().of_year(2564).get(code="O34").indicator.code == "10.1"
    )
    assert ItaItem.objects.all_organizations().of_year(2564).get(code="O33").indicator.code == "9.5"


def test_loading_twice_changes_nothing():
    assert load_ita_items(default_organization()) == {2564: True, 2565: True, 2568: True}
    item = ItaItem.objects.all_organizations().of_year(2568).get(code="O2")
    item.title = "ข้อมูลผู้บริหาร (แก้ไขโดยผู้ดูแล)"
    item.save()
    before = list(ItaItem.objects.all_organizations().order_by("pk").values())

    assert load_ita_items(default_organization()) == {2564: False, 2565: False, 2568: False}

    assert list(ItaItem.objects.all_organizations().order_by("pk").values()) == before
    assert ItaYear.objects.all_organizations().count() == 3
    assert ItaIndicator.objects.all_organizations().count() == 7 + 7 + 7


def test_load_command_reports_each_year(capsys):
    call_command("load_ita_items")
    call_command("load_ita_items")

    assert ItaItem.objects.all_organizations().count() == 43 + 43 + 26
    assert "2568" in capsys.readouterr().out


def test_the_commands_load_for_the_organization_of_the_domain_given(site):
    other = Organization.for_site(second_organization_site("other.example"))

    call_command("load_ita_items", "--domain", "other.example")
    call_command("copy_ita_year", "2568", "2569", "--domain", "other.example")

    assert set(ItaYear.objects.for_organization(other).values_list("fiscal_year", flat=True)) == {
        2564,
        2565,
        2568,
        2569,
    }
    assert not ItaYear.objects.for_organization(default_organization()).exists()
    with pytest.raises(CommandError, match="nowhere.example"):
        call_command("load_ita_items", "--domain", "nowhere.example")


def test_copy_year_makes_an_independent_copy_and_leaves_the_source_untouched():
    load_ita_items(default_organization())
    source_item = ItaItem.objects.all_organizations().of_year(2568).get(code="O2")
    ItaEvidence.objects.create(
        item=source_item, kind="url", external_url="https://example.org/", label="ตัวอย่าง"
    )
    before = list(ItaItem.objects.all_organizations().of_year(2568).order_by("pk").values())

    target = copy_year(default_organization(), 2568, 2569)

    assert target.title == "ITA ปีงบประมาณ พ.ศ. 2569"
    assert ItaItem.objects.all_organizations().of_year(2569).count() == 26
    copied = ItaItem.objects.all_organizations().of_year(2569).get(code="O2")
    assert copied.pk != source_item.pk
    assert copied.indicator.year == target
    assert copied.evidence.count() == 0
    copied.title = "เปลี่ยนแล้ว"
    copied.save()
    assert list(ItaItem.objects.all_organizations().of_year(2568).order_by("pk").values()) == before
    assert source_item.evidence.count() == 1


def test_copy_command_refuses_an_existing_target_year():
    load_ita_items(default_organization())

    with pytest.raises(Exception, match="2565"):
        call_command("copy_ita_year", "2564", "2565")
    assert ItaItem.objects.all_organizations().of_year(2565).count() == 43
