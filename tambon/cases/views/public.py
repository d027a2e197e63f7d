"""What citizens use: the forms, the receipt, the tracking page. Never cached (they carry a
CSRF token or a session), and no case is ever addressed by anything guessable."""

from urllib.parse import quote

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tambon.core.map_point import allow_location
from tambon.core.scoping import organization_for_request
from tambon.thai.validators import normalize_thai_phone

from .. import audit, conf, pending, ratelimit, receipts, roles, services, tracking
from ..forms import CaseForm, CitizenMessageForm, RatingForm, TrackForm
from ..models import AccessAction, Attachment, Case, CaseKind, Reporter, ServiceType
from ..service_forms import ServiceRequestForm
from ..templatetags.case_links import form_links

OPENED_KEY = "cases_opened"
RECEIPT_KEY = "cases_receipt"
# The receipt, until the citizen has it sent to their e-mail (once) or the session ends.
RECEIPT_MAIL_KEY = "cases_receipt_mail"

# Every kind has a public form; the index lists them in CaseKind's order.
FORM_KINDS = list(CaseKind)


@never_cache
def index(request):
    return render(request, "cases/index.html", {"links": form_links()})


@never_cache
@require_http_methods(["GET", "POST"])
def new_case(request, kind):
    if kind not in FORM_KINDS:
        raise Http404
    kind = CaseKind(kind)
    if kind == CaseKind.ESERVICE:
        return redirect("cases:services")

    def make_form(*args, **kwargs):
        return CaseForm(*args, organization=organization_for_request(request), **kwargs)

    return _case_form(request, kind, f"new-{kind}", make_form, {"kind": kind})


def _service_types(request):
    return ServiceType.objects.for_organization(organization_for_request(request)).live()


def _cases(request):
    """The cases of the organization whose site the citizen is on: a code, a number or a
    file of another organization is "not found" here."""
    return Case.objects.for_organization(organization_for_request(request))


@never_cache
def service_index(request):
    """The e-services a citizen may request: each has its own form."""
    return render(
        request,
        "cases/service_index.html",
        {
            "kind": CaseKind.ESERVICE,
            "service_types": _service_types(request),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def new_service_request(request, slug):
    service_type = get_object_or_404(_service_types(request), slug=slug)
    form_key = f"new-eservice-{service_type.pk}"

    def make_form(*args, kind=None, already_attached=0, **kwargs):
        kept = pending.listed(request, form_key)
        return ServiceRequestForm(
            *args,
            organization=organization_for_request(request),
            service_type=service_type,
            documents_kept={f["document"] for f in kept if f["document"]},
            already_attached=len([f for f in kept if not f["document"]]),
            **kwargs,
        )

    return _case_form(
        request,
        CaseKind.ESERVICE,
        form_key,
        make_form,
        {"service_type": service_type},
        template="cases/service_form.html",
    )


def _case_form(request, kind, form_key, form_class, extra_context, template=None):
    """The common way of a public form: the rate limit is checked first (over it, no file is
    read); files that passed are kept across errors, within the sender's allowance; the case
    goes through the service layer."""
    refusal = None
    if request.method == "POST":
        remove = request.POST.getlist("remove_attachment")
        if remove:
            pending.drop(request, form_key, set(remove))
        already = len(pending.listed(request, form_key))
        # A sender over the limit gets their text back and the reason; their files are not
        # even read.
        refusal = ratelimit.refusal(request)
        files = request.FILES if refusal is None else None
        form = form_class(
            request.POST,
            files,
            kind=kind,
            already_attached=already,
            # Only a post with files pays for the allowance's look-ups (a folder listing).
            upload_room=pending.room(request) if files else None,
        )
        valid = form.is_valid()
        try:
            if form.accepted_files:
                pending.keep(request, form_key, form.accepted_files)
            if valid and not remove and refusal is None:
                return _submit(request, form, form_key, kind)
        except services.CaseError as error:
            refusal = str(error)
        pending.count_unsent(request, form.received_bytes)
    else:
        form = form_class(kind=kind)
    response = render(
        request,
        template or "cases/case_form.html",
        {
            "form": form,
            "kind": kind,
            "refusal": refusal,
            "attached": pending.listed(request, form_key),
            **extra_context,
        },
    )
    if form.position_fields:
        allow_location(response)
    return response


def _submit(request, form, form_key, kind):
    data = form.cleaned_data
    service_type = getattr(form, "service_type", None)
    case, pin = services.submit(
        kind=kind,
        category=data.get("category"),
        subject=data["subject"],
        details=data["details"],
        location_text=data.get("location_text", ""),
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        reporter=form.reporter_details(),
        files=pending.files(request, form_key),
        client_hash=ratelimit.client_hash(request),
        service_type=service_type,
        service_answers=form.answers() if service_type else (),
        organization=organization_for_request(request),
    )
    pending.forget(request, form_key)
    ratelimit.record(request)
    request.session[RECEIPT_KEY] = {"case": case.pk, "pin": pin}
    request.session[OPENED_KEY] = case.pk
    return redirect("cases:receipt")


@never_cache
@require_http_methods(["GET", "POST"])
def receipt(request):
    """The tracking code and PIN, shown once; a citizen who gave an e-mail may have them sent
    there once too (POST)."""
    if request.method == "POST":
        return _mail_receipt(request)
    shown = request.session.pop(RECEIPT_KEY, None)
    if not shown:
        return redirect("cases:track")
    case = _cases(request).filter(pk=shown["case"]).first()
    if case is None:
        return redirect("cases:track")
    email = _reporter_email(case)
    if email:
        request.session[RECEIPT_MAIL_KEY] = shown
    return render(
        request,
        "cases/receipt.html",
        {"case": case, "pin": shown["pin"], "email": email, **_tracking_address(request)},
    )


def _reporter_email(case):
    reporter = Reporter.objects.for_organization(case.organization_id).filter(case=case).first()
    return reporter.email if reporter else ""


def _tracking_address(request):
    return {"track_url": request.build_absolute_uri(reverse("cases:track"))}


def _mail_receipt(request):
    kept = request.session.pop(RECEIPT_MAIL_KEY, None)
    case = _cases(request).filter(pk=kept["case"]).first() if kept else None
    email = _reporter_email(case) if case else ""
    if not email:
        return redirect("cases:track")
    sent = receipts.mail_receipt(case, kept["pin"], email, request)
    return render(
        request,
        "cases/receipt_mailed.html",
        {"case": case, "email": email, "sent": sent, **_tracking_address(request)},
    )


def _opened_case(request):
    pk = request.session.get(OPENED_KEY)
    if pk is None:
        return None
    return _cases(request).select_related("category").filter(pk=pk).first()


def _secret_matches(case, secret):
    if tracking.pin_matches(secret, case.secret_hash):
        return True
    reporter = Reporter.objects.for_organization(case.organization_id).filter(case=case).first()
    if reporter is None:
        return False
    secret = secret.strip()
    return tracking.same_text(normalize_thai_phone(secret), reporter.phone) or tracking.same_text(
        secret.lower(), reporter.email.lower()
    )


@never_cache
@require_http_methods(["GET", "POST"])
def track(request):
    action = request.POST.get("action", "open") if request.method == "POST" else None
    if action == "forget":
        request.session.pop(OPENED_KEY, None)
        return redirect("cases:track")
    case = _opened_case(request) if action != "open" else None
    if case is None:
        return _open(request)
    message_form = CitizenMessageForm()
    rating_form = RatingForm()
    if action == "message":
        message_form = CitizenMessageForm(request.POST, request.FILES)
        if message_form.is_valid():
            try:
                services.citizen_adds_information(
                    case,
                    message_form.cleaned_data["text"],
                    message_form.cleaned_data["attachments"],
                )
            except services.CaseError as error:
                message_form.add_error(None, str(error))
            else:
                messages.success(request, _("Thank you. Your information was added to the case."))
                return redirect("cases:track")
    elif action == "rate":
        rating_form = RatingForm(request.POST)
        if rating_form.is_valid():
            try:
                services.rate(
                    case, rating_form.cleaned_data["rating"], rating_form.cleaned_data["comment"]
                )
            except services.CaseError as error:
                rating_form.add_error(None, str(error))
            else:
                messages.success(request, _("Thank you for your rating."))
                return redirect("cases:track")
    return render(
        request,
        "cases/track_case.html",
        {
            "case": case,
            "events": case.events.public(),
            "attachments": case.attachments.filter(from_citizen=True),
            "message_form": message_form,
            "rating_form": rating_form,
        },
    )


def _open(request):
    refusal = ratelimit.tracking_refusal(request)
    form = TrackForm(request.POST or None)
    if request.method == "POST" and refusal is None and form.is_valid():
        code = tracking.normalize_code(form.cleaned_data["code"])
        case = _cases(request).filter(tracking_code=code).first()
        if case is not None and _secret_matches(case, form.cleaned_data["secret"]):
            request.session.cycle_key()
            request.session[OPENED_KEY] = case.pk
            return redirect("cases:track")
        ratelimit.record_tracking_failure(request)
        form.add_error(
            None,
            _(
                "No case matches this tracking code and PIN (or contact). Check the code on "
                "your receipt and try again."
            ),
        )
    return render(request, "cases/track_open.html", {"form": form, "refusal": refusal})


@never_cache
def attachment(request, public_id):
    """A case's file, for staff who may see the case (each time in the access trail), or for
    the citizen who opened the case on this device (their own uploads only; not staff access,
    not in the trail)."""
    organization = organization_for_request(request)
    found = (
        Attachment.objects.for_organization(organization)
        .select_related("case")
        .filter(public_id=public_id)
        .first()
    )
    if found is None:
        raise Http404
    staff_may = roles.is_case_staff(request.user) and (
        _cases(request).visible_to(request.user).filter(pk=found.case_id).exists()
    )
    citizen_may = found.from_citizen and request.session.get(OPENED_KEY) == found.case_id
    if not (staff_may or citizen_may):
        raise Http404
    if not found.is_ready:
        # Never the original of a photo not yet cleaned: it may say where it was taken.
        back = reverse("cases_admin:detail", args=[found.case_id]) if staff_may else None
        return _file_not_ready(request, found, back or reverse("cases:track"))
    response = _file_response(found)
    if staff_may:
        shown = AccessAction.OPENED_FILE if found.is_image else AccessAction.DOWNLOADED_FILE
        audit.record(request.user, shown, case=found.case, detail=found.public_id)
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def _file_not_ready(request, found, back):
    """409 while the photo is being checked (the citizen or the officer may try again in a
    moment), 410 once it was found unreadable and deleted."""
    response = render(
        request,
        "cases/file_not_ready.html",
        {"file": found, "back": back},
        status=409 if found.is_pending else 410,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _file_response(found):
    """The case file's bytes: sent by nginx when it serves private files (TAMBON_ACCEL_REDIRECT),
    else streamed by the app. Http404 when the file is gone."""
    accel = conf.accel_redirect_prefix()
    if accel:
        # nginx sends the file from its internal location, keeping these headers
        # (deploy/nginx/tambon.conf adds the sandbox policy again, which it does not keep).
        if not found.file.storage.exists(found.file.name):
            raise Http404
        response = HttpResponse(content_type=found.content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(found.file.name)
        response["Content-Disposition"] = content_disposition_header(
            not found.is_image, found.original_name
        )
    else:
        try:
            handle = found.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(
            handle,
            content_type=found.content_type,
            as_attachment=not found.is_image,
            filename=found.original_name,
        )
    return response
