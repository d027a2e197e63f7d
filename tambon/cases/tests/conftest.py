import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tambon.cases import roles
from tambon.cases.models import CaseKind, ServiceDocument, ServiceField, ServiceType
from tambon.core.tests.factories import default_organization

from .factories import CaseFactory, CategoryFactory


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploads of each test go to a folder of their own, outside MEDIA_ROOT."""
    settings.TAMBON_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.TAMBON_PRIVATE_MEDIA_ROOT


def group_with_role(role):
    """The group the data migrations created for a role: the one holding its permission."""
    return Group.objects.get(
        permissions__content_type__app_label="cases",
        permissions__codename=roles.StaffRole(role).codename,
    )


def make_user(username, *role_keys, superuser=False):
    user = get_user_model().objects.create_user(
        username=username, password="a-long-test-password", is_superuser=superuser
    )
    for role in role_keys:
        user.groups.add(group_with_role(role))
    return user


@pytest.fixture
def clerk(db):
    return make_user("clerk", roles.CLERK)


@pytest.fixture
def division_head(db):
    return make_user("head", roles.DIVISION_HEAD)


@pytest.fixture
def executive(db):
    return make_user("executive", roles.EXECUTIVE)


@pytest.fixture
def integrity_officer(db):
    return make_user("integrity", roles.INTEGRITY)


@pytest.fixture
def case_admin(db):
    return make_user("caseadmin", roles.ADMIN)


@pytest.fixture
def outsider(db):
    """Signed-in staff with none of the case groups (e.g. a news editor)."""
    return make_user("editor")


@pytest.fixture
def superuser(db):
    return make_user("root", superuser=True)


REPORTER = {
    "name": "สมชาย ใจดี",
    "citizen_id": "1103702071561",
    "phone": "0812345678",
    "email": "somchai@example.com",
    "address": "12 หมู่ 3 ต.พงษ์ อ.สันติสุข จ.น่าน",
}


@pytest.fixture
def new_case(db):
    def make(kind=CaseKind.COMPLAINT, reporter=REPORTER, **fields):
        fields.setdefault("subject", "ไฟถนนดับหน้าโรงเรียน")
        return CaseFactory(kind=kind, reporter=reporter, **fields)

    return make


@pytest.fixture
def starter_categories(db):
    """The complaint categories the default site's organization starts with (its starter).
    Ask for it after ``site`` where both are used: ``site`` replaces the default site."""
    from tambon.cases.starter import ensure_categories
    from tambon.core.tests.factories import default_organization

    ensure_categories(default_organization())


# Open311 (test_open311_*.py): a complaint category, a corruption one, an e-service type with
# fields and a required document, and a client.


@pytest.fixture
def road(site, starter_categories):
    return CategoryFactory(kind=CaseKind.COMPLAINT, name="ถนนชำรุด")


@pytest.fixture
def corruption_category(site, starter_categories):
    return CategoryFactory(kind=CaseKind.CORRUPTION, name="ทุจริตจัดซื้อจัดจ้าง")


@pytest.fixture
def water(site, starter_categories):
    service = ServiceType.objects.for_organization(default_organization()).create(
        name="ขอรับน้ำอุปโภคบริโภค", slug="water-delivery", description="ส่งน้ำถึงบ้าน"
    )
    ServiceDocument.objects.create(service_type=service, name="สำเนาทะเบียนบ้าน")
    ServiceField.objects.create(
        service_type=service, label="จำนวนถัง", kind="number", required=True, sort_order=0
    )
    ServiceField.objects.create(
        service_type=service,
        label="ช่วงเวลา",
        kind="choice",
        required=True,
        choices="เช้า\nบ่าย",
        sort_order=1,
    )
    ServiceField.objects.create(
        service_type=service, label="วันที่สะดวก", kind="date", required=False, sort_order=2
    )
    return ServiceType.objects.for_organization(default_organization()).get(pk=service.pk)


@pytest.fixture
def open311(site, starter_categories):
    from django.test import Client

    return Client()
