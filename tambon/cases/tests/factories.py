"""Factories of the cases app. A case is filed the way a citizen files it, through
``services.submit`` (tracking code, PIN hash, deadlines, the first event), never by writing rows
by hand; the factory only chooses the words."""

import factory

from tambon.cases import services
from tambon.cases.models import (
    CaseKind,
    CaseStatisticsPage,
    Category,
    QuestionAnswerPage,
    ServiceType,
)
from tambon.core.tests.factories import OrganizationOwnedFactory, PageFactory, default_organization


class CaseStatisticsPageFactory(PageFactory):
    class Meta:
        model = CaseStatisticsPage

    title = "สถิติเรื่องร้องเรียน"
    slug = "case-statistics"


class QuestionAnswerPageFactory(PageFactory):
    class Meta:
        model = QuestionAnswerPage

    title = "ถาม-ตอบ"
    slug = "questions"


class CaseFactory(factory.Factory):
    """``CaseFactory(kind=..., reporter={...})`` returns the case, with the PIN the citizen was
    shown in ``case.pin`` (only its hash is stored). Filed with the default site's organization
    unless given ``organization=``."""

    class Meta:
        model = dict  # not a model: _create hands the fields to the service

    kind = CaseKind.COMPLAINT
    subject = factory.Sequence(lambda n: f"ไฟถนนดับหน้าโรงเรียน จุดที่ {n}")
    details = "ไฟดับมาสามคืนแล้ว"
    organization = factory.LazyFunction(default_organization)

    @classmethod
    def _create(cls, model_class, **fields):
        case, pin = services.submit(**fields)
        case.pin = pin
        return case


class ServiceTypeFactory(OrganizationOwnedFactory):
    """An e-service request type as an editor defines it in the admin (offered on the site)."""

    class Meta:
        model = ServiceType

    name = factory.Sequence(lambda n: f"บริการทดสอบ {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")
    description = "คำอธิบายบริการทดสอบ"


class CategoryFactory(OrganizationOwnedFactory):
    class Meta:
        model = Category
        django_get_or_create = ("organization", "kind", "name")

    kind = CaseKind.COMPLAINT
    name = factory.Sequence(lambda n: f"หมวดทดสอบ {n}")
