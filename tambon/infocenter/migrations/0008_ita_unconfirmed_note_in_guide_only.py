"""The "(ยังไม่ยืนยัน)" mark of the FY 2568 items O5-O7 leaves their title (which the public
ITA page shows) for their guide, which only the admin shows."""

from django.db import migrations

MARK = "(ยังไม่ยืนยัน)"
NOTE = (
    "ชื่อข้อนี้ยังไม่ยืนยัน (มาจากแหล่งข้อมูลรอง) ต้องตรวจสอบกับคู่มือการประเมิน ITA "
    "ประจำปีงบประมาณ พ.ศ. 2568 ฉบับทางการก่อนใช้"
)


def move_mark(apps, schema_editor):
    items = apps.get_model("infocenter", "ItaItem")._base_manager
    for item in items.filter(title__startswith=MARK):
        item.title = item.title[len(MARK) :].strip()
        if "ยังไม่ยืนยัน" not in item.guide:
            item.guide = f"{NOTE}\n{item.guide}".strip()
        item.save(update_fields=["title", "guide"])


class Migration(migrations.Migration):
    dependencies = [("infocenter", "0007_organization_required")]

    operations = [migrations.RunPython(move_mark, migrations.RunPython.noop)]
