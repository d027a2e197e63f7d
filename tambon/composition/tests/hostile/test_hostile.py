"""The hostile-input corpus against everything public (issue 12): every text payload of
corpus/text.toml in every field of every public form and in every query parameter of every
public page, every hostile file of files.py in every file input, found from the URL resolver and
the page tree of the demo organizations (discovery.py).

What must hold, for every request: no server error; no payload's markup back verbatim (escaped
is fine); the secret key never shown. A form shown again with an error still holds what was
typed in each field. JSON downloads are JSON; CSV and Excel downloads never start a cell with a
formula. Each test goes through everything and reports every failure at once, each naming the
address, the field and the payload.
"""

import csv
import io
import json
import re
from urllib.parse import quote_from_bytes, urlencode, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from tambon.cases import conf as cases_conf
from tambon.cases import services
from tambon.cases.models import CaseKind, ServiceType
from tambon.cases.tests.factories import CaseFactory
from tambon.cases.views.public import OPENED_KEY
from tambon.core.tests.factories import default_organization

from . import files
from .corpus import payloads
from .discovery import CITIZEN, COMMON_PARAMETERS, NEWCOMER, RESOLVED, discover, forms_in

pytestmark = pytest.mark.django_db

PAYLOADS = payloads()
FILES = files.corpus(cases_conf.max_upload_bytes())


@pytest.fixture(autouse=True)
def no_limits_in_the_way(settings, tmp_path):
    """Thousands of posts from one address: the limits would refuse them all after the first
    few (they have tests of their own), and the corpus would test only the refusal."""
    settings.TAMBON_CASE_SUBMISSIONS_PER_HOUR = 1_000_000
    settings.TAMBON_CASE_TRACKING_ATTEMPTS_PER_HOUR = 1_000_000
    settings.TAMBON_PARTICIPATION_PROPOSALS_PER_HOUR = 1_000_000
    settings.TAMBON_CASE_PENDING_BYTES_PER_ADDRESS = 1 << 40
    settings.TAMBON_CASE_PENDING_BYTES_TOTAL = 1 << 40
    settings.TAMBON_PRIVATE_MEDIA_ROOT = tmp_path / "private"


def visitor_client():
    client = Client()
    client.raise_request_exception = False  # a crash is a failure reported with the others
    return client


@pytest.fixture
def visitors(demo_site):
    """A newcomer; a citizen who has opened their case on this device (the tracking page
    shows the form to add information); one whose case is resolved (the form to rate it)."""
    staff = get_user_model().objects.create_superuser("hostile-corpus", password="x" * 16)
    resolved = CaseFactory(organization=default_organization(), subject="ถนนชำรุด")
    services.assign(resolved, staff, staff)
    services.start(resolved, staff)
    services.resolve(resolved, staff, "ซ่อมแล้ว")
    return {
        NEWCOMER: visitor_client(),
        CITIZEN: citizen_with(CaseFactory(organization=default_organization(), subject="ไฟดับ")),
        RESOLVED: citizen_with(resolved),
    }


def citizen_with(case):
    client = visitor_client()
    session = client.session
    session[OPENED_KEY] = case.pk
    session.save()
    return client


_found = []


@pytest.fixture
def discovered(visitors):
    """What discovery.py finds, looked for once (the first test that asks)."""
    if not _found:
        _found.append(discover(visitors))
    return _found[0]


def test_discovery_finds_every_public_form_and_address(discovered):
    """A broken discovery must not pass for a clean bill: it must find the forms we know of."""
    assert not discovered.unfillable, "\n".join(discovered.unfillable)
    assert not discovered.crashed, "\n".join(discovered.crashed)
    forms = discovered.post_forms()
    actions = {form.action for form in forms}
    expected = {f"/cases/new/{kind}/" for kind in CaseKind.values if kind != CaseKind.ESERVICE}
    expected |= {
        f"/cases/new/eservice/{slug}/"
        for slug in ServiceType.objects.for_organization(default_organization())
        .live()
        .values_list("slug", flat=True)
    }
    expected.add("/cases/track/")
    assert expected <= actions, f"forms not found: {sorted(expected - actions)}"
    case_forms = [form for form in forms if form.action.startswith("/cases/new/")]
    assert all(form.file_fields and any(f.typed for f in form.fields) for form in case_forms)
    citizen_forms = {
        frozenset(f.name for f in form.fields) for form in forms if form.visitor != NEWCOMER
    }
    assert any("text" in names for names in citizen_forms), "the tracking page's message form"
    assert any("rating" in names for names in citizen_forms), "the tracking page's rating form"
    assert len(forms) >= 13
    assert sum(len(form.file_fields) for form in forms) >= 15
    assert len(discovered.endpoints) >= 120
    assert len(discovered.representatives()) >= 50
    assert any("q" in names for names in discovered.get_parameters.values())
    exports = [e for e in discovered.endpoints if _export_kind(e.url)]
    assert len(exports) >= 10, exports


# --- What every answer must satisfy ---------------------------------------------------------


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def problems(response, payload, where):
    """What is wrong with an answer to hostile input (a list of sentences)."""
    found = []
    if response.status_code >= 500:
        error = getattr(response, "exc_info", None)
        detail = f" {error[1]!r}"[:300] if error else ""
        return [f"{where}: server error {response.status_code}{detail}"]
    body = body_of(response)
    text = body.decode("utf-8", "replace")
    markup = getattr(payload, "markup", "")
    html = response.get("Content-Type", "").startswith("text/html")
    # Outside HTML (JSON, CSV) only a tag counts: an attribute-breaking quote is just text.
    if markup and (html or "<" in markup) and markup in text:
        found.append(f"{where}: {payload} comes back unescaped")
    if django_settings.SECRET_KEY in text:
        found.append(f"{where}: shows the secret key")
    if response.status_code == 200:
        found += [f"{where}: {problem}" for problem in export_problems(response, body)]
    return found


def _export_kind(url):
    path = urlsplit(url).path
    for kind in ("csv", "json", "xlsx"):
        if path.endswith((f"/{kind}/", f".{kind}")):
            return kind
    return None


FORMULA = re.compile(r"[=+\-@\t\r]")
PLAIN_NUMBER = re.compile(r"[+-]?[\d,]*\.?\d+")


def export_problems(response, body):
    content_type = response.get("Content-Type", "")
    if content_type.startswith("application/json"):
        try:
            json.loads(body)
        except ValueError as error:
            return [f"not JSON ({error})"]
    elif content_type.startswith("text/csv"):
        rows = csv.reader(io.StringIO(body.decode("utf-8-sig")))
        return [
            f"a CSV cell is a formula: {cell[:60]!r}" for cell in _cells(rows) if _formula(cell)
        ]
    elif "spreadsheetml" in content_type:
        book = load_workbook(io.BytesIO(body))
        return [
            f"an Excel cell is a formula: {cell.value!r}"[:120]
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.data_type == "f"
        ]
    return []


def _cells(rows):
    return (cell for row in rows for cell in row)


def _formula(cell):
    """As a spreadsheet program reads it: text starting with = + - @ (or a tab), that is not
    just a number."""
    return len(cell) > 1 and FORMULA.match(cell) and not PLAIN_NUMBER.fullmatch(cell)


# --- Forms --------------------------------------------------------------------------------


def sample(field):
    """What an honest citizen would put in a field, so that the hostile one is the only odd
    thing in the form (and the form goes through when the field takes anything)."""
    name = field.name.lower()
    if not field.for_people:
        return ""
    if field.type == "select":
        return next((value for value in field.options if value), "")
    if field.type in ("radio", "checkbox", "hidden"):
        return field.value
    for hint, value in SAMPLES:
        if hint in name or hint == field.type:
            return value
    return free_text(field)


def free_text(field):
    return f"ข้อความในช่อง {field.name}"


SAMPLES = [
    ("email", "somchai@example.com"),
    ("phone", "0812345678"),
    ("tel", "0812345678"),
    ("citizen_id", "1103702071561"),
    ("latitude", "18.7766"),
    ("longitude", "100.7730"),
    ("date", "14/03/2568"),
    ("number", "150"),
    ("secret", "123456"),
    ("code", "ABCD-1234"),
]


def honest_data(form):
    return {f.name: sample(f) for f in form.value_fields if f.name != "csrfmiddlewaretoken"}


def post(client, form, data, files=None, raw=None):
    """Posts the form; ``raw`` = (field names, bytes) sends bytes that are not UTF-8 as they
    are, in those fields."""
    if raw is not None:
        names, value = raw
        others = {k: v for k, v in data.items() if k not in names}
        body = b"&".join([urlencode(others).encode(), *(n.encode() + b"=" + value for n in names)])
        return client.generic(
            "POST",
            form.action,
            body,
            content_type="application/x-www-form-urlencoded",
            HTTP_HOST=form.host,
        )
    return client.post(form.action, {**data, **(files or {})}, HTTP_HOST=form.host)


def shown_like_a_browser(value, tag):
    """What a browser would show of a value: NUL becomes U+FFFD, and a one-line input has no
    line breaks."""
    value = value.replace("\x00", "\ufffd").replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "") if tag == "input" else value


def lost_text(response, form, sent, where):
    """What a form shown again lost of what was typed (sentences)."""
    if response.status_code in (301, 302, 303):
        return []
    if response.status_code != 200:
        return [f"{where}: answered {response.status_code}, the text typed is gone"]
    html = response.content.decode("utf-8", "replace")
    names = {f.name for f in form.fields}
    again = [
        shown
        for shown in forms_in(html, form.visitor, form.host, urlsplit(form.action).path)
        if shown.method == "post"
        and names <= {f.name for f in shown.fields} | {"csrfmiddlewaretoken"}
    ]
    if not again:
        return [f"{where}: the form is not shown again, the text typed is gone"]
    lost = []
    for field in again[0].fields:
        if not field.typed or field.name not in sent or sent[field.name] is None:
            continue
        typed = shown_like_a_browser(sent[field.name], field.tag)
        if shown_like_a_browser(field.value, field.tag) != typed:
            lost.append(
                f"{where}: field {field.name} shows {field.value[:40]!r}…, typed {typed[:40]!r}…"
            )
    return lost


def check_after(client, response, payload, where):
    """A form that went through leads somewhere (the receipt, the case): that page must show
    the stored hostile text escaped too."""
    if response.status_code not in (301, 302, 303):
        return []
    follow = client.get(response["Location"], HTTP_HOST=response.wsgi_request.get_host())
    return problems(follow, payload, f"{where} -> {response['Location']}")


def field_groups(form, honest):
    """The fields of a form in three groups, each of which gets a payload at once: the free
    text fields (with honest values in the others the form goes through where the payload is
    text a person may send, and the page after it is checked too); the typed fields with a
    format (phone, e-mail, numbers, dates: the form comes back with an error, and must keep
    the free text); the fields a person does not type in (choices, hidden fields, the spam
    trap)."""
    typed = [f for f in form.value_fields if f.typed]
    free = [f.name for f in typed if honest[f.name] == free_text(f)]
    formatted = [f.name for f in typed if f.name not in free]
    untyped = [f.name for f in form.value_fields if not f.typed and f.name in honest]
    return [("free text", free), ("formatted", formatted), ("not typed", untyped)]


@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_hostile_text_in_every_field_of_every_public_form(visitors, discovered, payload):
    failures = []
    for form in discovered.post_forms():
        client = visitors[form.visitor]
        honest = honest_data(form)
        for group, names in field_groups(form, honest):
            if not names:
                continue
            where = f"{form} {group} fields {', '.join(names)} <- {payload}"
            if payload.is_raw:
                response = post(client, form, honest, raw=(names, payload.value))
                sent = {k: v for k, v in honest.items() if k not in names}
            else:
                sent = {**honest, **dict.fromkeys(names, payload.value)}
                response = post(client, form, sent)
            failures += problems(response, payload, where)
            if group != "not typed":
                # A person never changes a hidden field or fills the spam trap: the page owes
                # such a post no text back, only no error and no echo.
                failures += lost_text(response, form, sent, where)
            failures += check_after(client, response, payload, where)
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:60])


@pytest.mark.parametrize("hostile", FILES, ids=lambda f: f.name)
def test_hostile_files_in_every_file_input(visitors, discovered, hostile):
    failures = []
    file_forms = [form for form in discovered.post_forms() if form.file_fields]
    for form in file_forms:
        client = visitors[form.visitor]
        honest = honest_data(form)
        for field in form.file_fields:
            upload = SimpleUploadedFile(hostile.filename, hostile.content(), hostile.content_type)
            where = f"{form} file {field.name} <- {hostile.name}"
            # The subject is left out: the form comes back, and must keep the rest and say why.
            sent = {**honest, **({"subject": ""} if "subject" in honest else {})}
            response = post(client, form, sent, files={field.name: upload})
            failures += problems(response, hostile, where)
            failures += lost_text(response, form, sent, where)
    assert file_forms
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:60])


# --- Query strings ------------------------------------------------------------------------


# nginx refuses a request line over 8 KB (large_client_header_buffers): a longer parameter
# never reaches the app, so the long payloads are cut to what one can carry.
MAX_PARAMETER_BYTES = 8 * 1024


def in_a_url(value):
    while len(urlencode({"q": value})) > MAX_PARAMETER_BYTES:
        value = value[: len(value) // 2]
    return value


def query_strings(payload, names):
    """Every parameter at once, and each alone: (query strings, query strings)."""
    if payload.is_raw:
        quoted = quote_from_bytes(payload.value)
        unquoted = payload.value.decode("latin-1")  # the bytes as a WSGI server passes them
        together = [
            "&".join(f"{name}={quoted}" for name in names),
            "&".join(f"{name}={unquoted}" for name in names),
        ]
        alone = [f"{name}={quoted}" for name in names]
    else:
        value = in_a_url(payload.value)
        together = [urlencode(dict.fromkeys(names, value))]
        alone = [urlencode({name: value}) for name in names]
    return together, alone


@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_hostile_text_in_every_query_parameter_of_every_public_address(
    visitors, discovered, payload
):
    client = visitors[NEWCOMER]
    failures = []
    for endpoint in discovered.representatives():
        names = sorted(set(COMMON_PARAMETERS) | discovered.get_parameters.get(endpoint.url, set()))
        together, alone = query_strings(payload, names)
        plain = discovered.statuses[(endpoint.host, endpoint.url)]
        stopped = False
        for query in together:
            response = client.get(endpoint.url, QUERY_STRING=query, HTTP_HOST=endpoint.host)
            failures += problems(response, payload, f"GET {endpoint.url}?<all> <- {payload}")
            # One parameter may have stopped the view before it read the others.
            stopped = stopped or response.status_code != plain
        if stopped:
            for query in alone:
                response = client.get(endpoint.url, QUERY_STRING=query, HTTP_HOST=endpoint.host)
                name = query.split("=", 1)[0]
                failures += problems(response, payload, f"GET {endpoint.url}?{name} <- {payload}")
        if payload.is_raw:
            path = endpoint.url.rstrip("/") + "/" + quote_from_bytes(payload.value) + "/"
            response = client.get(path, HTTP_HOST=endpoint.host)
            failures += problems(response, payload, f"GET {path}")
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:60])
