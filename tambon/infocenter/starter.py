"""What a new organization's information center starts with (issue 10): its folders of records,
the current fiscal year's ITA list, and the pages that show them under its home page.

``ensure_starter_content`` is called when an organization is created (and by the demo); it looks
before it makes anything, so calling it again changes nothing, and a folder or page the clerk has
since changed is left as it is. The folders are those the Official Information Act (s.7 and s.9)
and the ITA assessment ask for; the ITA list is the built-in list of the fiscal year (or the
newest one before it). Page texts are the organization's to edit.
"""

from tambon.core.demo import add_page
from tambon.thai.fiscal import fiscal_year

from .ita.loading import built_in_rows_for, load_year
from .models import (
    AntiCorruptionPage,
    AntiCorruptionTopic,
    CourtRulingsPage,
    InfoCenterPage,
    ItaYear,
    ItaYearPage,
    RecordCategory,
)

S7_TEXT = (
    "มาตรา 7 แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 กำหนดให้หน่วยงานของรัฐ"
    "ต้องส่งข้อมูลข่าวสารต่อไปนี้ลงพิมพ์ในราชกิจจานุเบกษา ได้แก่ โครงสร้างและการจัดองค์กรในการดำเนินงาน "
    "สรุปอำนาจหน้าที่ที่สำคัญและวิธีการดำเนินงาน สถานที่ติดต่อเพื่อขอรับข้อมูลข่าวสารหรือคำแนะนำ "
    "กฎ มติคณะรัฐมนตรี ข้อบังคับ คำสั่ง หนังสือเวียน ระเบียบ แบบแผน นโยบาย หรือการตีความ "
    "ที่มีผลเป็นการทั่วไปต่อเอกชน และข้อมูลข่าวสารอื่นตามที่คณะกรรมการข้อมูลข่าวสารของราชการกำหนด"
)
S9_TEXT = (
    "มาตรา 9 แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 กำหนดให้หน่วยงานของรัฐ"
    "ต้องจัดให้มีข้อมูลข่าวสารต่อไปนี้ไว้ให้ประชาชนเข้าตรวจดูได้ ได้แก่ ผลการพิจารณาหรือคำวินิจฉัย"
    "ที่มีผลโดยตรงต่อเอกชน นโยบายหรือการตีความ แผนงาน โครงการ และงบประมาณรายจ่ายประจำปีของปีที่"
    "กำลังดำเนินการ คู่มือหรือคำสั่งเกี่ยวกับวิธีปฏิบัติงานของเจ้าหน้าที่ซึ่งมีผลกระทบถึงสิทธิหน้าที่ของเอกชน "
    "สิ่งพิมพ์ที่อ้างอิงถึงตามมาตรา 7 วรรคสอง สัญญาสัมปทาน สัญญาที่มีลักษณะผูกขาดตัดตอน หรือสัญญาร่วมทุน "
    "มติคณะรัฐมนตรีหรือมติคณะกรรมการที่แต่งตั้งโดยกฎหมาย และข้อมูลข่าวสารอื่นตามที่คณะกรรมการ"
    "ข้อมูลข่าวสารของราชการกำหนด เช่น สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1)"
)

# (slug, parent slug or None, Thai name, description); a parent comes before its folders.
FOLDERS = [
    ("oia-section-7", None, "ข้อมูลข่าวสารตามมาตรา 7", S7_TEXT),
    ("s7-structure", "oia-section-7", "โครงสร้างและการจัดองค์กรในการดำเนินงาน", ""),
    ("s7-powers", "oia-section-7", "สรุปอำนาจหน้าที่ที่สำคัญและวิธีการดำเนินงาน", ""),
    ("s7-contact", "oia-section-7", "สถานที่ติดต่อเพื่อขอรับข้อมูลข่าวสารหรือคำแนะนำ", ""),
    (
        "s7-rules",
        "oia-section-7",
        "กฎ มติคณะรัฐมนตรี ข้อบังคับ คำสั่ง หนังสือเวียน ระเบียบ แบบแผน นโยบาย หรือการตีความ",
        "ที่มีผลเป็นการทั่วไปต่อเอกชน เช่น ข้อบัญญัติขององค์กร",
    ),
    ("s7-other", "oia-section-7", "ข้อมูลข่าวสารอื่นตามที่คณะกรรมการข้อมูลข่าวสารของราชการกำหนด", ""),
    ("oia-section-9", None, "ข้อมูลข่าวสารตามมาตรา 9", S9_TEXT),
    ("s9-decisions", "oia-section-9", "ผลการพิจารณาหรือคำวินิจฉัยที่มีผลโดยตรงต่อเอกชน", ""),
    ("s9-policies", "oia-section-9", "นโยบายหรือการตีความ", ""),
    (
        "s9-plans-budget",
        "oia-section-9",
        "แผนงาน โครงการ และงบประมาณรายจ่ายประจำปีของปีที่กำลังดำเนินการ",
        "",
    ),
    (
        "s9-staff-manuals",
        "oia-section-9",
        "คู่มือหรือคำสั่งเกี่ยวกับวิธีปฏิบัติงานของเจ้าหน้าที่ซึ่งมีผลกระทบถึงสิทธิหน้าที่ของเอกชน",
        "",
    ),
    ("s9-publications", "oia-section-9", "สิ่งพิมพ์ที่ได้มีการอ้างอิงถึงตามมาตรา 7 วรรคสอง", ""),
    (
        "s9-contracts",
        "oia-section-9",
        "สัญญาสัมปทาน สัญญาที่มีลักษณะเป็นการผูกขาดตัดตอน หรือสัญญาร่วมทุนกับเอกชน",
        "",
    ),
    (
        "s9-resolutions",
        "oia-section-9",
        "มติคณะรัฐมนตรีหรือมติคณะกรรมการที่แต่งตั้งโดยกฎหมายหรือโดยมติคณะรัฐมนตรี",
        "",
    ),
    (
        "s9-other",
        "oia-section-9",
        "ข้อมูลข่าวสารอื่นตามที่คณะกรรมการข้อมูลข่าวสารของราชการกำหนด",
        "เช่น สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1)",
    ),
    (
        "laws",
        None,
        "กฎหมายที่เกี่ยวข้อง",
        "กฎหมาย ระเบียบ และข้อบัญญัติที่เกี่ยวข้องกับการดำเนินงานขององค์กร "
        "(การประเมิน ITA กำหนดให้เผยแพร่อย่างน้อย 5 ฉบับ)",
    ),
    ("plans", None, "แผนพัฒนาและแผนดำเนินงาน", ""),
    ("development-plan", "plans", "แผนพัฒนาท้องถิ่น", ""),
    ("operations-plan", "plans", "แผนดำเนินงานประจำปี", ""),
    ("budget-and-reports", None, "งบประมาณและรายงานผล", ""),
    ("performance-reports", "budget-and-reports", "รายงานผลการดำเนินงาน", ""),
    ("budget-spending-reports", "budget-and-reports", "รายงานการใช้จ่ายงบประมาณ", ""),
    ("staff-manuals", None, "คู่มือการปฏิบัติงาน", "คู่มือหรือมาตรฐานการปฏิบัติงานของเจ้าหน้าที่"),
    ("service-manuals", None, "คู่มือการให้บริการ", "คู่มือหรือมาตรฐานการให้บริการประชาชน"),
    (
        "human-resources",
        None,
        "การบริหารและพัฒนาทรัพยากรบุคคล",
        "นโยบาย หลักเกณฑ์ แผน และรายงานผลการบริหารและพัฒนาทรัพยากรบุคคล",
    ),
    ("anti-corruption", None, "การป้องกันการทุจริต", ""),
    ("anti-corruption-plan", "anti-corruption", "แผนปฏิบัติการป้องกันการทุจริต", ""),
    (
        "anti-corruption-reports",
        "anti-corruption",
        "รายงานผลการดำเนินการป้องกันการทุจริต",
        "รายงานการกำกับติดตามรอบ 6 เดือน และรายงานผลประจำปี",
    ),
    ("risk-assessment", "anti-corruption", "การประเมินความเสี่ยงการทุจริต", ""),
    (
        "no-gift-policy",
        None,
        "นโยบายไม่รับของขวัญ (No Gift Policy)",
        "ประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ "
        "และรายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
    ),
    ("ethics", None, "ประมวลจริยธรรม", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม"),
    (
        "participation",
        None,
        "การมีส่วนร่วมของประชาชน",
        "การเปิดโอกาสให้ประชาชนมีส่วนร่วมในการดำเนินงาน เช่น ประชาคมหมู่บ้าน และการรับฟังความคิดเห็น",
    ),
    (
        "pdpa",
        None,
        "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
        "ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
    ),
]

# (heading, folder) of the anti-corruption page's plans, reports and risk assessment.
ANTI_CORRUPTION_TOPICS = [
    ("แผนปฏิบัติการป้องกันการทุจริต", "anti-corruption-plan"),
    ("รายงานผลการดำเนินการป้องกันการทุจริต", "anti-corruption-reports"),
    ("การประเมินความเสี่ยงการทุจริต", "risk-assessment"),
    ("ประกาศนโยบายไม่รับของขวัญ (No Gift Policy)", "no-gift-policy"),
    ("ประมวลจริยธรรม", "ethics"),
]


def ensure_starter_content(organization, home, today):
    """The organization's folders, the ITA list of the fiscal year of `today` and the
    information-center pages under `home` (its site's home page). Returns the pages by slug."""
    folders = ensure_folders(organization)
    year = ensure_ita_list(organization, fiscal_year(today))
    return ensure_pages(organization, home, folders, year)


def ensure_folders(organization):
    """The organization's folders, by slug; a missing one is added (a parent before its
    folders), one that exists is left as the clerk made it."""
    existing = RecordCategory.objects.for_organization(organization)
    folders = {folder.slug: folder for folder in existing}
    for order, (slug, parent, name, description) in enumerate(FOLDERS, start=1):
        if slug not in folders:
            folders[slug] = existing.create(
                slug=slug,
                name=name,
                description=description,
                parent=folders.get(parent),
                sort_order=order * 10,
            )
    return folders


def ensure_ita_list(organization, year):
    """The organization's ITA list of fiscal year `year` (Buddhist Era), with its indicators and
    items; a year that exists is left alone."""
    load_year(organization, year, built_in_rows_for(year))
    return ItaYear.objects.for_organization(organization).get(fiscal_year=year)


def name_of(organization):
    return organization.short_name or organization.name


def ensure_pages(organization, home, folders, year):
    """The information center, court rulings, anti-corruption and ITA pages under `home`, by
    slug; a page with the same address name already there is kept."""
    name = name_of(organization)
    pages = {
        "infocenter": InfoCenterPage(
            title="ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์",
            slug="infocenter",
            show_in_menus=True,
            intro="ข้อมูลข่าวสารของราชการตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
            body=(
                "<h2>การขอข้อมูลข่าวสารตามมาตรา 11</h2><p>ผู้ใดประสงค์จะขอข้อมูลข่าวสารอื่น "
                f"ยื่นคำขอได้ที่ {name} ในวันและเวลาราชการ</p>"
            ),
        ),
        "court-rulings": CourtRulingsPage(
            title="คำพิพากษาของศาลปกครอง",
            slug="court-rulings",
            intro="คำพิพากษาและคำสั่งของศาลปกครองที่เกี่ยวข้องกับการปฏิบัติงานขององค์กรปกครองส่วนท้องถิ่น",
        ),
        "anti-corruption": AntiCorruptionPage(
            title="ปราบปรามทุจริต",
            slug="anti-corruption",
            intro=f"มาตรการป้องกันการทุจริตของ {name} และช่องทางแจ้งเบาะแสการทุจริตและประพฤติมิชอบ",
            topics=anti_corruption_topics(folders),
        ),
        f"ita-{year.fiscal_year}": ItaYearPage(
            title=f"การประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ พ.ศ. {year.fiscal_year}",
            slug=f"ita-{year.fiscal_year}",
            intro=f"ข้อมูลที่ {name} เปิดเผยตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) แต่ละข้อ",
            year=year,
        ),
    }
    return {slug: add_page(home, page) for slug, page in pages.items()}


def anti_corruption_topics(folders):
    return [
        AntiCorruptionTopic(heading=heading, category=folders[slug], sort_order=order)
        for order, (heading, slug) in enumerate(ANTI_CORRUPTION_TOPICS)
        if slug in folders
    ]
