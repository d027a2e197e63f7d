"""Importing the monthly procurement list from a CSV file in the Wagtail admin:
upload -> preview (first rows and every rejected row) -> import in chunks with a progress bar
that refreshes itself (no JavaScript) -> report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from tambon.core.scoping import staff_organization

from .forms import UploadForm
from .importing import COLUMNS, MAX_FILE_BYTES, PREVIEW_ROWS, ImportFileError, parse_file, run_chunk
from .models import ImportJob, ProcurementProject

PERMISSIONS = ("procurement.add_procurementproject", "procurement.change_procurementproject")
# Seconds before the progress page asks for the next chunk.
REFRESH_SECONDS = 1


def job_or_404(request, pk, queryset=None):
    """An import job of the staff member's organization; another organization's is not found."""
    if pk > 2**63 - 1:  # too large for the database to compare
        raise Http404
    jobs = ImportJob.objects if queryset is None else queryset
    return get_object_or_404(jobs.for_organization(staff_organization(request)), pk=pk)


def can_import(user) -> bool:
    return user.is_active and user.has_perms(PERMISSIONS)


class ImportMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("procurement_import:start"), "label": _("Import procurement from CSV")},
        ]


class ImportStartView(ImportMixin, TemplateView):
    template_name = "procurement/admin/import_start.html"
    page_title = gettext_lazy("Import procurement from CSV")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context["columns"] = COLUMNS
        jobs = ImportJob.objects.for_organization(staff_organization(self.request))
        context["recent_jobs"] = jobs.defer("content")[:10]
        return context

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        content = upload.read(MAX_FILE_BYTES + 1)
        try:
            parsed = parse_file(content)
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        job = ImportJob.objects.for_organization(staff_organization(request)).create(
            created_by=request.user,
            filename=upload.name[:255],
            content=content,
            encoding=parsed.encoding,
            total_rows=len(parsed.rows),
        )
        return redirect("procurement_import:preview", job.pk)


class ImportPreviewView(ImportMixin, TemplateView):
    template_name = "procurement/admin/import_preview.html"
    page_title = gettext_lazy("Check the file before importing")

    def get(self, request, pk):
        job = job_or_404(request, pk)
        if job.state != ImportJob.State.PREVIEW:
            return redirect("procurement_import:progress", job.pk)
        try:
            parsed = parse_file(bytes(job.content))
        except ImportFileError as error:  # cannot happen for a stored file, but never a 500
            messages.error(request, str(error))
            return redirect("procurement_import:start")
        numbers = {row.values.get("egp_number") for row in parsed.good_rows} - {"", None}
        projects = ProcurementProject.objects.for_organization(job.organization)
        existing = set(projects.filter(egp_number__in=numbers).values_list("egp_number", flat=True))
        headings = {column.key: column.heading for column in COLUMNS}
        return self.render_to_response(
            self.get_context_data(
                job=job,
                parsed=parsed,
                preview_headings=[headings[key] for key in parsed.columns],
                preview_rows=[
                    (row.line, [row.cells.get(key, "") for key in parsed.columns])
                    for row in parsed.good_rows[:PREVIEW_ROWS]
                ],
                good_count=len(parsed.good_rows),
                bad_rows=parsed.bad_rows,
                update_count=len(existing),
            )
        )

    def post(self, request, pk):
        job = job_or_404(request, pk)
        if job.state == ImportJob.State.PREVIEW:
            job.state = ImportJob.State.RUNNING
            job.save(update_fields=["state"])
        return redirect("procurement_import:progress", job.pk)


class ImportProgressView(ImportMixin, TemplateView):
    """Each visit imports the next chunk, then shows the bar; the page asks again by itself
    (meta refresh) until the job is done, then shows the report."""

    template_name = "procurement/admin/import_progress.html"
    page_title = gettext_lazy("Importing procurement")

    def get(self, request, pk):
        job = job_or_404(request, pk, ImportJob.objects.defer("content"))
        if job.state == ImportJob.State.PREVIEW:
            return redirect("procurement_import:preview", job.pk)
        if job.state == ImportJob.State.RUNNING:
            job = run_chunk(job)
        return self.render_to_response(
            self.get_context_data(job=job, refresh_seconds=REFRESH_SECONDS)
        )
