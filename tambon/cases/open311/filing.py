"""POST requests: a client files a case for a citizen. The parameters become the public form
of the service's kind (the same checks of names, phones, e-mails and extra fields), and the
case is filed by services.submit like any other: same deadlines, notifications, statistics,
with its channel recorded. No file travels: a media_url is kept as a link for the staff."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from tambon.core.addresses import keyed_hash

from .. import services
from ..forms import CaseForm
from ..links import organization_url
from ..models import CaseChannel, CaseKind
from ..service_forms import EXTRA_PREFIX, ServiceRequestForm
from ..text import clean_text
from . import catalogue, keys
from .formats import errors, respond

SUBJECT_LENGTH = 80
# The form's field -> the Open311 parameter a client sent it as, for the error messages.
PARAMETERS = {
    "name": "first_name",
    "subject": "description",
    "details": "description",
    "location_text": "address_string",
    "latitude": "lat",
    "longitude": "long",
}


def _given(request, name, limit=10_000):
    return str(request.POST.get(name) or "").strip()[:limit]


def _subject(service, description):
    first_line = clean_text(description.split("\n", 1)[0]) if description else ""
    if len(first_line) > SUBJECT_LENGTH:
        first_line = first_line[: SUBJECT_LENGTH - 1].rstrip() + "…"
    return f"{service.name}: {first_line}" if first_line else service.name


def _details(request, service):
    description = _given(request, "description")
    details = description or service.name
    media_url = _given(request, "media_url", 500)
    if media_url:
        try:
            URLValidator(schemes=["http", "https"])(media_url)
        except ValidationError:
            raise ValueError(_("media_url is not a web address (http or https).")) from None
        details += "\n\n" + _("Photo sent with the request: %(url)s") % {"url": media_url}
    return description, details


def _location_text(request):
    address = _given(request, "address_string", 300)
    address_id = _given(request, "address_id", 60)
    if address_id:
        address = f"{address} ({address_id})".strip()
    return address[:300]


def _form(request, organization, service):
    """The public form of the service's kind, filled from the parameters."""
    description, details = _details(request, service)
    name = " ".join(
        part
        for part in (_given(request, "first_name", 100), _given(request, "last_name", 100))
        if part
    )
    data = {
        "subject": _subject(service, description),
        "details": details,
        "location_text": _location_text(request),
        "latitude": _given(request, "lat", 30),
        "longitude": _given(request, "long", 30),
        "name": name,
        "phone": _given(request, "phone", 40),
        "email": _given(request, "email", 254),
        "citizen_id": "",
        "address": "",
        "website": "",
    }
    if service.service_type is not None:
        for spec in service.service_type.fields.all():
            data[f"{EXTRA_PREFIX}{spec.pk}"] = _given(
                request, f"attribute[{catalogue.FIELD_PREFIX}{spec.pk}]", 1000
            )
        # Documents cannot travel through Open311: the office asks for them afterwards.
        documents = {document.name for document in service.service_type.documents.all()}
        return ServiceRequestForm(
            data,
            organization=organization,
            service_type=service.service_type,
            documents_kept=documents,
        )
    data["category"] = service.category.pk
    return CaseForm(data, kind=CaseKind(service.kind), organization=organization)


def _parameter(field, service):
    if field.startswith(EXTRA_PREFIX):
        return f"attribute[{catalogue.FIELD_PREFIX}{field.removeprefix(EXTRA_PREFIX)}]"
    return PARAMETERS.get(field, field)


def _form_errors(form, service):
    return [
        f"{_parameter(field, service)}: {message}" if field != "__all__" else message
        for field, messages in form.errors.items()
        for message in messages
    ]


def _has_location(request):
    return any(_given(request, name) for name in ("lat", "address_string", "address_id"))


def file_request(request, organization, fmt):
    if not _given(request, "api_key"):
        return errors(fmt, 403, _("api_key was not provided."))
    api_key = keys.key_of(organization, _given(request, "api_key"))
    if api_key is None:
        return errors(fmt, 403, _("api_key is not valid for this organization."))
    code = _given(request, "service_code", 100)
    if not code:
        return errors(fmt, 400, _("service_code was not provided."))
    service = catalogue.find(organization, code)
    if service is None:
        return errors(fmt, 404, _("service_code not found."))
    if not _has_location(request):
        return errors(fmt, 400, _("Give the place: lat and long, address_string or address_id."))
    if _given(request, "lat") and not _given(request, "long"):
        return errors(fmt, 400, _("long was not provided with lat."))
    try:
        form = _form(request, organization, service)
    except ValueError as error:
        return errors(fmt, 400, error)
    if not form.is_valid():
        return errors(fmt, 400, *_form_errors(form, service))
    if keys.over_allowance(api_key):
        response = errors(fmt, 429, _("This api_key has filed its allowance for this hour."))
        response["Retry-After"] = str(keys.HOUR)
        return response
    data = form.cleaned_data
    try:
        case, _pin = services.submit(
            kind=service.kind,
            category=service.category,
            subject=data["subject"],
            details=data["details"],
            location_text=data.get("location_text", ""),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            reporter=form.reporter_details(),
            client_hash=keyed_hash(f"open311:{api_key.pk}")[:40],
            service_type=service.service_type,
            service_answers=form.answers() if service.service_type else (),
            channel=CaseChannel.OPEN311,
            organization=organization,
        )
    except services.CaseError as error:
        return errors(fmt, 400, error)
    notice = _(
        "Received as %(code)s. The citizen can follow it at %(url)s/cases/track/ with this code "
        "and the phone number or e-mail they gave."
    ) % {"code": case.display_code, "url": organization_url(organization)}
    item = {"service_request_id": case.display_code, "service_notice": notice}
    if _given(request, "account_id"):
        item["account_id"] = _given(request, "account_id", 100)
    return respond(fmt, "service_requests", [item], status=201)
