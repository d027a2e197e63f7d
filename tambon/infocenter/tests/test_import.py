import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from tambon.infocenter.models import ItaItem, ItaYear

pytestmark = pytest.mark.django_db

HEADER = "indicator_code,indicator_title,code,title,needs_current_year,required_elements\n"


def write(tmp_path, body):
    path = tmp_path / "items.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_import_loads_a_new_year_from_csv(tmp_path):
    path = write(
        tmp_path,
        "1,ข้อมูลพื้นฐาน,O1,โครงสร้าง,no,\n1,ข้อมูลพื้นฐาน,O2,ข้อมูลผู้บริหาร,yes,ชื่อ ตำแหน่ง\n",
    )

    call_command("import_ita_items", "2570", str(path))

    items = ItaItem.objects.all_organizations().of_year(2570).order_by("sort_order")
    assert [(i.code, i.title, i.needs_current_year) for i in items] == [
        ("O1", "โครงสร้าง", False),
        ("O2", "ข้อมูลผู้บริหาร", True),
    ]
    assert items[1].required_elements == "ชื่อ ตำแหน่ง"


def test_import_with_a_missing_code_loads_nothing_and_names_the_row_in_thai(tmp_path):
    path = write(tmp_path, "1,ข้อมูลพื้นฐาน,O1,โครงสร้าง,no,\n1,ข้อมูลพื้นฐาน,,ข้อมูลผู้บริหาร,no,\n")

    with translation.override("th"), pytest.raises(CommandError) as raised:
        call_command("import_ita_items", "2570", str(path))

    assert "แถวที่ 3: ไม่มีรหัสข้อ" in str(raised.value)
    assert "ไม่ได้นำเข้าข้อมูลใด" in str(raised.value)
    assert not ItaYear.objects.all_organizations().filter(fiscal_year=2570).exists()
    assert not ItaItem.objects.all_organizations().of_year(2570).exists()


def test_import_with_a_duplicate_code_loads_nothing_and_names_both_rows_in_thai(tmp_path):
    path = write(
        tmp_path,
        "1,ข้อมูลพื้นฐาน,O1,โครงสร้าง,no,\n"
        "1,ข้อมูลพื้นฐาน,O2,ข้อมูลผู้บริหาร,no,\n"
        "1,ข้อมูลพื้นฐาน,O1,อำนาจหน้าที่,no,\n",
    )

    with translation.override("th"), pytest.raises(CommandError) as raised:
        call_command("import_ita_items", "2570", str(path))

    assert "แถวที่ 4: รหัสข้อ O1 ซ้ำกับแถวที่ 2" in str(raised.value)
    assert not ItaItem.objects.all_organizations().of_year(2570).exists()


def test_import_refuses_a_year_that_already_has_items(tmp_path):
    path = write(tmp_path, "1,ข้อมูลพื้นฐาน,O1,โครงสร้าง,no,\n")
    call_command("import_ita_items", "2570", str(path))
    other = write(tmp_path, "1,ข้อมูลพื้นฐาน,O1,อย่างอื่น,no,\n")

    with pytest.raises(CommandError):
        call_command("import_ita_items", "2570", str(other))

    assert ItaItem.objects.all_organizations().of_year(2570).get().title == "โครงสร้าง"
