"""The case statistics for staff: the public page's figures of any fiscal year as CSV or
Excel. Counts only, so any case staff may download them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from tambon.thai.fiscal import fiscal_year

from .. import opendata, roles, statistics
from ..models.pages import known_fiscal_year


def report(request):
    if not roles.is_case_staff(request.user):
        raise PermissionDenied
    year_text = request.GET.get("year", "").strip()
    try:
        year = known_fiscal_year(int(year_text)) if year_text else fiscal_year()
    except (ValueError, Http404):
        year = fiscal_year()
        messages.error(
            request,
            _("“%(value)s” is not a fiscal year. Choose one from the list; showing %(year)s.")
            % {"value": year_text[:10], "year": year},
        )
    download = request.GET.get("format")
    if download == "csv":
        return opendata.csv_response("cases", year)
    if download == "xlsx":
        return opendata.xlsx_response(year)
    return render(
        request,
        "cases/admin/statistics.html",
        {
            "fiscal_year": year,
            "years": statistics.known_years(fiscal_year()),
            "kinds": statistics.case_figures(year),
        },
    )
