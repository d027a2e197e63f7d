"""The ITA screens of the admin: the coverage dashboard with its export, linking suggested
evidence, and adding a fiscal year's list by uploading a CSV file or copying a year.

Each works on the ITA lists of the member's organization (staff_organization): a year or item of
another organization is not found."""

import tempfile

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from tambon.core.exports import csv_download, xlsx_download
from tambon.core.scoping import scope_choices, staff_organization
from tambon.thai.fiscal import fiscal_year

from ..models import ItaItem, ItaYear
from .coverage import (
    Coverage,
    link_all_suggestions,
    link_suggestion,
    new_suggestions,
    site_of,
    summary,
    year_coverage,
)
from .loading import ItemListError, copy_year, import_items

VIEW_PERMISSION = "infocenter.change_itaitem"
ADD_YEAR_PERMISSION = "infocenter.add_itayear"
MAX_CSV_BYTES = 2 * 1024 * 1024


def default_year(years):
    """Of `years`, the current fiscal year if it has a list, else the newest list."""
    return years.filter(fiscal_year=fiscal_year()).first() or years.first()  # newest first


def ita_years(request):
    return ItaYear.objects.for_organization(staff_organization(request))


class ItaAdminMixin(WagtailAdminTemplateMixin):
    permission = VIEW_PERMISSION
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class CoverageView(ItaAdminMixin, TemplateView):
    template_name = "infocenter/admin/ita_coverage.html"
    page_title = gettext_lazy("ITA coverage")

    def get(self, request, *args, **kwargs):
        requested = request.GET.get("year", "")
        if requested:
            self.year = (
                ita_years(request)
                .filter(fiscal_year=int(requested) if requested.isdigit() else 0)
                .first()
            )
            if self.year is None:
                messages.error(request, _("There is no ITA list for that fiscal year."))
                return redirect("ita_coverage")
        else:
            self.year = default_year(ita_years(request))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = ita_years(self.request)
        context["year"] = self.year
        if self.year is not None:
            coverages = year_coverage(self.year, self.request)
            counts = summary(coverages)
            context.update(
                coverages=coverages,
                counts=counts,
                to_do=[c for c in coverages if c.status != Coverage.COVERED],
                suggestion_count=sum(len(c.suggestions) for c in coverages),
                Coverage=Coverage,
                can_add_year=self.request.user.has_perm(ADD_YEAR_PERMISSION),
            )
        return context


def dashboard_url(year):
    return reverse("ita_coverage") + "?" + urlencode({"year": year.fiscal_year})


class LinkSuggestionView(View):
    """POST: link one suggestion (named by its address) or all suggestions of a year."""

    def post(self, request):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        organization = staff_organization(request)
        if "item" in request.POST:
            item = get_object_or_404(
                ItaItem.objects.for_organization(organization),
                pk=request.POST.get("item", "0") or 0,
            )
            wanted = request.POST.get("url", "")
            for suggestion in new_suggestions(item, item.evidence.all()):
                if suggestion.url(request) == wanted:
                    link_suggestion(item, suggestion)
                    messages.success(
                        request,
                        _("%(item)s: linked %(label)s.")
                        % {"item": item.code, "label": suggestion.label},
                    )
                    return redirect(dashboard_url(item.year) + f"#ita-{item.code.lower()}")
            messages.error(request, _("That suggestion is no longer there; nothing was linked."))
            return redirect(dashboard_url(item.year))
        year = get_object_or_404(ita_years(request), pk=request.POST.get("year", "0") or 0)
        added = link_all_suggestions(year)
        messages.success(request, _("%(count)s suggested links added.") % {"count": added})
        return redirect(dashboard_url(year))


def export_rows(year, request):
    """One row per link, as it is entered in the ITA system; an item without links gets an
    empty row so the clerk sees it."""
    site = site_of(year)
    rows = []
    for coverage in year_coverage(year, with_suggestions=False):
        item = coverage.item
        links = [link for link in coverage.evidence if link.usable] or [None]
        for link in links:
            url = ""
            if link is not None:
                url = link.url if link.url.startswith("http") else site.root_url + link.url
            rows.append(
                [
                    item.indicator.code,
                    item.code,
                    item.title,
                    url,
                    link.evidence.label if link else "",
                    coverage.status_label,
                ]
            )
    return rows


def export_headings():
    return [
        _("Indicator"),
        pgettext("ITA item", "Item"),
        pgettext("ITA item", "Title"),
        _("URL"),
        _("Description"),
        _("Status"),
    ]


class ExportView(View):
    def get(self, request, fiscal_year_be, extension):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        if extension not in ("csv", "xlsx"):
            raise Http404
        year = get_object_or_404(ita_years(request), fiscal_year=fiscal_year_be)
        filename = f"ita-{year.fiscal_year}.{extension}"
        rows = export_rows(year, request)
        if extension == "csv":
            return csv_download(filename, export_headings(), rows)
        return xlsx_download(
            filename, f"ITA {year.fiscal_year}", export_headings(), rows, (10, 8, 50, 60, 40, 20)
        )


class ImportYearForm(forms.Form):
    fiscal_year = forms.IntegerField(
        label=gettext_lazy("Fiscal year (B.E.)"), min_value=2500, max_value=2700
    )
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8 CSV with the columns indicator_code, indicator_title, code, title, "
            "needs_current_year (yes/no), and optionally topic, required_elements, guide."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


class CopyYearForm(forms.Form):
    source = forms.ModelChoiceField(
        label=gettext_lazy("Copy the list of"),
        queryset=ItaYear.objects.all(),  # the member's organization's years: scope_choices
        to_field_name="fiscal_year",
    )
    fiscal_year = forms.IntegerField(
        label=gettext_lazy("New fiscal year (B.E.)"), min_value=2500, max_value=2700
    )


class AddYearView(ItaAdminMixin, TemplateView):
    """Both ways to add a year on one page: upload a list, or copy last year's and edit it."""

    permission = ADD_YEAR_PERMISSION
    template_name = "infocenter/admin/ita_add_year.html"
    page_title = gettext_lazy("Add an ITA fiscal year")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("import_form", ImportYearForm())
        context.setdefault("copy_form", self.copy_form(initial={"fiscal_year": fiscal_year() + 1}))
        return context

    def copy_form(self, *args, **kwargs):
        form = CopyYearForm(*args, **kwargs)
        scope_choices(form, staff_organization(self.request))
        return form

    def post(self, request, *args, **kwargs):
        organization = staff_organization(request)
        if request.POST.get("action") == "copy":
            form = self.copy_form(request.POST)
            if form.is_valid():
                return self.done(
                    lambda: copy_year(
                        organization,
                        form.cleaned_data["source"].fiscal_year,
                        form.cleaned_data["fiscal_year"],
                    ),
                    form,
                    "copy_form",
                )
            return self.render_to_response(self.get_context_data(copy_form=form))
        form = ImportYearForm(request.POST, request.FILES)
        if form.is_valid():
            return self.done(lambda: self.import_upload(organization, form), form, "import_form")
        return self.render_to_response(self.get_context_data(import_form=form))

    @staticmethod
    def import_upload(organization, form):
        with tempfile.NamedTemporaryFile(suffix=".csv") as copy:
            for chunk in form.cleaned_data["file"].chunks():
                copy.write(chunk)
            copy.flush()
            return import_items(organization, form.cleaned_data["fiscal_year"], copy.name)

    def done(self, action, form, form_name):
        try:
            year = action()
        except ItemListError as error:
            for problem in error.problems:
                form.add_error(None, problem)
            return self.render_to_response(self.get_context_data(**{form_name: form}))
        messages.success(
            self.request,
            _("Fiscal year %(year)s: %(count)s items ready. Check them and link the evidence.")
            % {"year": year.fiscal_year, "count": year.items.count()},
        )
        return redirect(dashboard_url(year))
