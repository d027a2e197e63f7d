"""The register of official-information requests (Official Information Act s.11) that staff
keep per fiscal year: what was asked, what was decided, when, and how long it took."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tambon.core.exports import csv_download, xlsx_download
from tambon.core.scoping import staff_organization
from tambon.thai.dates import format_thai_date, to_bangkok_date
from tambon.thai.fiscal import fiscal_year, fiscal_year_bounds

from .. import audit
from ..models import AccessAction, CaseKind
from .staff import _require_case_staff, staff_cases


class RegisterForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Fiscal year"), coerce=int, choices=())

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]


def _years(cases):
    """The fiscal years with a request, and the current one."""
    years = {fiscal_year()}
    for created in cases.values_list("created", flat=True):
        years.add(fiscal_year(created))
    return sorted(years, reverse=True)


class Row:
    def __init__(self, case):
        self.case = case
        self.received_on = to_bangkok_date(case.created)
        self.answered_on = case.info_answered_on
        self.days_taken = (
            (self.answered_on - self.received_on).days if self.answered_on is not None else None
        )

    def values(self):
        """The row as the downloads hold it: dates as Thai people read them."""
        case = self.case
        return [
            case.display_code,
            format_thai_date(self.received_on, style="short"),
            case.subject,
            case.get_info_decision_display() or _("Not decided yet"),
            case.info_decision_reason,
            format_thai_date(self.answered_on, style="short") if self.answered_on else "",
            self.days_taken if self.days_taken is not None else "",
            case.get_state_display(),
        ]


def headings():
    return [
        _("Tracking code"),
        _("Received on"),
        _("Information asked for"),
        _("Decision"),
        _("Reason or where it was forwarded"),
        _("Answered on"),
        _("Days taken"),
        _("Status"),
    ]


def information_register(request):
    _require_case_staff(request)
    requests = staff_cases(request).of_kind(CaseKind.INFORMATION)
    years = _years(requests)
    form = RegisterForm(request.GET or None, years=years)
    year = form.cleaned_data["year"] if form.is_valid() else years[0]
    first, last = fiscal_year_bounds(year)
    rows = [Row(case) for case in requests.received_on_dates(first, last).order_by("created")]
    download = request.GET.get("export")
    if download in ("csv", "xlsx"):
        filename = f"information-requests-{year}.{download}"
        values = [row.values() for row in rows]
        audit.record(
            request.user,
            AccessAction.EXPORTED_REGISTER,
            organization=staff_organization(request),
            detail=f"{year} {download}",
        )
        if download == "csv":
            return csv_download(filename, headings(), values)
        title = _("Information requests %(year)s") % {"year": year}
        return xlsx_download(
            filename, title[:31], headings(), values, widths=(12, 14, 50, 22, 40, 14, 10, 18)
        )
    return render(
        request,
        "cases/admin/information_register.html",
        {"form": form, "year": year, "rows": rows, "first": first, "last": last},
    )
