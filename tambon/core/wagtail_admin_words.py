"""Thai for Wagtail's own admin words, kept in our catalogue (docs/admin-translation.md).

Wagtail's Thai catalogue is about 43 % complete and some of its words read oddly to a clerk
("Pages" as "หลายหน้า", "Snippets" as "เกร็ดเล็กเกร็ดน้อย"). Our catalogue (LOCALE_PATHS) is read
before Wagtail's, so an entry of ours with the same msgid wins. Nothing translates these words
here: gettext_noop only marks them, so that `make catalogue` (makemessages) keeps their entries,
with their Thai and their translator comments, in tambon/locale/th/LC_MESSAGES/django.po.

They are msgids of Wagtail 7.4 without a context: check them again when Wagtail is upgraded.
"""

from django.utils.translation import gettext_noop

WAGTAIL_ADMIN_WORDS = [
    # Menu and dashboard
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “แผงควบคุม , หน้าจอที่ควบคุม”.
    gettext_noop("Dashboard"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “หลายหน้า”.
    gettext_noop("Pages"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Images"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Documents"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “เกร็ดเล็กเกร็ดน้อย”.
    gettext_noop("Snippets"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Reports"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ตั้งค่า”.
    gettext_noop("Settings"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “หลายๆผู้ใช้”.
    gettext_noop("Users"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Help"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “บัญชี”.
    gettext_noop("Account"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Log out"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Site history"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Locked pages"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ที่คุณแก้ไขล่าสุด”.
    gettext_noop("Your most recent edits"),
    # Sign-in
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ลงชื่อเข้าใช้”.
    gettext_noop("Sign in"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Username"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Password"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Forgotten password?"),
    # Page explorer and actions
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “หน้าย่อย”.
    gettext_noop("Add child page"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Edit"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Edit this page"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ดูหน้าที่เผยแพร่”.
    gettext_noop("View live"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ภาพตัวอย่าง”.
    gettext_noop("Preview"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Publish"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Unpublish"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “เซฟ,เก็บข้อมูล”.
    gettext_noop("Save"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Save draft"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “กำลังเซฟ...,กำลังเก็บข้อมูล”.
    gettext_noop("Saving…"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “กำลังเผยแพร่”.
    gettext_noop("Publishing…"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Delete"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “เคลื่อนย้าย”.
    gettext_noop("Move"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ก๊อปปี้ , คัดลอก”.
    gettext_noop("Copy"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Cancel"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("History"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Actions"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Sort menu order"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “กำลังเผยแพร่”.
    gettext_noop("Live"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “ร่าง , ข้อความที่เก็บเอาไว้ทำใหม่”.
    gettext_noop("Draft"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Status"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Workflow"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Comments"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ใช่,ลบทิ้ง”.
    gettext_noop("Yes, delete"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("No, don't delete"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “คุณแน่ใจว่าคุณต้องการจะลบหน้านี้มั้ย?”.
    gettext_noop("Are you sure you want to delete this page?"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “หน้า%(page_title)s ได้จัดพิมพ์เรียบร้อยแล้ว”.
    gettext_noop("Page '%(page_title)s' has been published."),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “หน้า%(page_title)sได้อัพเดทแล้ว”.
    gettext_noop("Page '%(page_title)s' has been updated."),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “หน้า'%(page_title)s'ถูกสร้างและตีพิมพ์”.
    gettext_noop("Page '%(page_title)s' created and published."),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “หน้า'%(page_title)s'ถูกสร้าง”.
    gettext_noop("Page '%(page_title)s' created."),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “ต้องระบุข้อมูลในเนื้อหานี้”.
    gettext_noop("This field is required."),
    # Page editor tabs and core fields
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Content"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “โปรโมท”.
    gettext_noop("Promote"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “หัวเรื่อง,หัวข้อ”.
    gettext_noop("title"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “หัวข้อ”.
    gettext_noop("Title"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Page title"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “หัวข้อของหน้านี้ ที่คุณอยากเปิดให้เป็นสาธารณะ”.
    gettext_noop("The page title as you'd like it to be seen by the public"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “slug , ส่วนหนึ่งของURL”.
    gettext_noop("slug"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ปรากฎในเมนู”.
    gettext_noop("show in menus"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("For site menus"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “เผยแพร่ วันที่/เวลา”.
    gettext_noop("go live date/time"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “วันหมดอายุ/เวลา”.
    gettext_noop("expiry date/time"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “ความเป็นส่วนตัว , ข้อมูลส่วนตัว”.
    gettext_noop("Privacy"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Public"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ส่วนตัว”.
    gettext_noop("Private"),
    # Images and documents
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “อัพโหลด”.
    gettext_noop("Upload"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Add images"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “เพิ่มเติมเอกสาร”.
    gettext_noop("Add documents"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Add an image"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “เพิ่มเติมเอกสาร”.
    gettext_noop("Add a document"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Choose"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Choose an image"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Choose another image"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Choose a page"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Choose another page"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Choose a document"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “เลือกเอกสารอันอื่น”.
    gettext_noop("Choose another document"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai reads “ลากรูปภาพลงมาในพื้นที่อัพโหลดนี้ทันที”.
    gettext_noop("Drag and drop images into this area to upload immediately."),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ข้อความอย่างอื่น”.
    gettext_noop("Alt text"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Image is decorative"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “จุดโฟกัส”.
    gettext_noop("Focal point"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ชุด”.
    gettext_noop("Collection"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ชุด”.
    gettext_noop("Collections"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ไฟล์,แฟ้ม”.
    gettext_noop("File"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Tags"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Filter"),
    # Translators: overrides Wagtail's admin text;
    # Wagtail's Thai is the same today; ours keeps it so.
    gettext_noop("Search"),
    # Translators: overrides Wagtail's admin text; Wagtail's Thai reads “ภาษาที่ต้องการใช้”.
    gettext_noop("Preferred language"),
    # Translators: overrides Wagtail's admin text; Wagtail has no Thai for it.
    gettext_noop("Name and Email"),
    # Workflow states. Until our case states and import counts had a context, their Thai
    # showed here too ("Rejected" read "not imported"); these keep the workflow's words Thai.
    # Translators: overrides Wagtail's admin text (a workflow state); Wagtail has no Thai for it.
    gettext_noop("In progress"),
    # Translators: overrides Wagtail's admin text (a workflow state); Wagtail has no Thai for it.
    gettext_noop("Rejected"),
]
