"""The services an organization offers through Open311: its active case categories (of every
kind but corruption complaints, which only go through the protected form) and its live
e-service request types. A service code names one of them: ``category-<id>`` or
``eservice-<slug>``."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import CaseKind, Category, ServiceField, ServiceType

CATEGORY_PREFIX = "category-"
ESERVICE_PREFIX = "eservice-"
FIELD_PREFIX = "field-"
DOCUMENT_PREFIX = "document-"
# What a service type's slug may be (SlugField, 60): anything else is no service, unqueried.
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,60}")
# Never offered nor listed: a whistle-blower's complaint goes through its own form only.
WITHHELD_KINDS = (CaseKind.CORRUPTION,)

DATATYPES = {
    ServiceField.Kind.TEXT: "string",
    ServiceField.Kind.NUMBER: "number",
    ServiceField.Kind.DATE: "datetime",
    ServiceField.Kind.CHOICE: "singlevaluelist",
}


@dataclass
class Service:
    code: str
    name: str
    kind: str
    description: str = ""
    category: Category | None = None
    service_type: ServiceType | None = None
    attributes: list = field(default_factory=list)

    @property
    def group(self):
        return str(CaseKind(self.kind).label)

    def as_listed(self):
        return {
            "service_code": self.code,
            "service_name": self.name,
            "description": self.description,
            "metadata": bool(self.attributes),
            "type": "realtime",  # the request gets its id at once
            "keywords": "",
            "group": self.group,
        }

    def as_definition(self):
        return {"service_code": self.code, "attributes": self.attributes}


def categories(organization):
    return (
        Category.objects.for_organization(organization)
        .active()
        .exclude(kind__in=WITHHELD_KINDS)
        .order_by("kind", "sort_order", "name")
    )


def service_types(organization):
    return ServiceType.objects.for_organization(organization).live()


def _category_service(category):
    return Service(
        code=f"{CATEGORY_PREFIX}{category.pk}",
        name=category.name,
        kind=category.kind,
        description=str(CaseKind(category.kind).label),
        category=category,
    )


def _field_attribute(spec, order):
    attribute = {
        "variable": True,
        "code": f"{FIELD_PREFIX}{spec.pk}",
        "datatype": DATATYPES[spec.kind],
        "required": spec.required,
        "datatype_description": spec.help_text,
        "order": order,
        "description": spec.label,
    }
    if spec.kind == ServiceField.Kind.CHOICE:
        attribute["values"] = [{"key": choice, "name": choice} for choice in spec.choice_list]
    if spec.kind == ServiceField.Kind.DATE:
        attribute["datatype_description"] = spec.help_text or _("A date, e.g. 2026-03-14.")
    return attribute


def _document_attribute(document, order):
    """Information only (variable false): the document cannot travel through Open311, the
    office asks the citizen for it."""
    return {
        "variable": False,
        "code": f"{DOCUMENT_PREFIX}{document.pk}",
        "datatype": "string",
        "required": False,
        "datatype_description": "",
        "order": order,
        "description": _("Document to give the office afterwards: %(name)s")
        % {"name": document.name},
    }


def _eservice(service_type, with_attributes):
    attributes = []
    if with_attributes:
        specs = list(service_type.fields.all())
        attributes = [_field_attribute(spec, n) for n, spec in enumerate(specs, 1)]
        documents = list(service_type.documents.all())
        attributes += [
            _document_attribute(document, n) for n, document in enumerate(documents, len(specs) + 1)
        ]
    return Service(
        code=f"{ESERVICE_PREFIX}{service_type.slug}",
        name=service_type.name,
        kind=CaseKind.ESERVICE,
        description=service_type.description,
        service_type=service_type,
        attributes=attributes,
    )


def offered(organization):
    """Every service of the organization, categories first; each e-service with its
    attributes (the list says whether it has any)."""
    services = [_category_service(category) for category in categories(organization)]
    services += [_eservice(service_type, True) for service_type in service_types(organization)]
    return services


def find(organization, code):
    """The Service of `code`, or None (unknown, withheld or another organization's)."""
    code = str(code or "")
    if code.startswith(CATEGORY_PREFIX):
        key = code.removeprefix(CATEGORY_PREFIX)
        if not key.isdigit() or len(key) > 18:
            return None
        category = categories(organization).filter(pk=int(key)).first()
        return _category_service(category) if category else None
    if code.startswith(ESERVICE_PREFIX):
        slug = code.removeprefix(ESERVICE_PREFIX)
        if not SLUG.fullmatch(slug):
            return None
        service_type = service_types(organization).filter(slug=slug).first()
        if service_type is None:
            return None
        return _eservice(service_type, True)
    return None


def code_of(case):
    """The service code of a listed case."""
    if case.service_type_id is not None:
        return f"{ESERVICE_PREFIX}{case.service_type.slug}"
    return f"{CATEGORY_PREFIX}{case.category_id}"


def name_of(case):
    return (case.service_type or case.category).name
