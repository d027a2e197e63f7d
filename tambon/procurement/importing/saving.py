"""Saving checked rows: a project of the job's organization is created, or updated when that
organization knows its e-GP number, and a running import job goes on a chunk of rows at a time."""

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tambon.thai.fiscal import fiscal_year

from ..models import Bid, ImportJob, ProcurementProject, Status
from .reading import parse_file

CHUNK_SIZE = 100


PROJECT_KEYS = (
    "egp_number",
    "title",
    "method",
    "budget",
    "reference_price",
    "winner",
    "agreed_price",
    "selection_reason",
    "contract_number",
    "contract_date",
)


def save_row(organization, values: dict) -> str:
    """Create or update one of the organization's projects from a checked row; "imported" or
    "updated"."""
    egp_number = values.get("egp_number", "")
    projects = ProcurementProject.objects.for_organization(organization)
    project = projects.filter(egp_number=egp_number).first() if egp_number else None
    outcome = "updated" if project else "imported"
    if project is None:
        project = ProcurementProject(organization=organization, status=Status.INVITED)
    for key in PROJECT_KEYS:
        if key in values:
            setattr(project, key, values[key])
    if values.get("fiscal_year"):
        project.fiscal_year = values["fiscal_year"]
    elif not project.fiscal_year:
        project.fiscal_year = fiscal_year(project.contract_date)  # None: today's
    if project.status != Status.CANCELLED and project.winner:
        project.status = Status.CONTRACTED if project.contract_date else Status.AWARDED
    project.full_clean(exclude=["division"], validate_constraints=False)
    project.save()
    if "bids" in values:
        project.bids.all().delete()
        Bid.objects.bulk_create(
            Bid(
                project=project,
                organization=organization,
                bidder=bidder,
                price=price,
                sort_order=index,
            )
            for index, (bidder, price) in enumerate(values["bids"])
        )
    return outcome


def _saving_error(error) -> str:
    if isinstance(error, ValidationError):
        messages = []
        for field_name, field_errors in error.message_dict.items():
            label = field_name
            if field_name != "__all__":
                label = str(ProcurementProject._meta.get_field(field_name).verbose_name)
            messages.extend(f"{label}: {message}" for message in field_errors)
        return "; ".join(messages)
    return _("The row could not be saved")


def run_chunk(job: ImportJob, chunk_size: int | None = None) -> ImportJob:
    """Import the next rows of a running job into its organization, in one transaction; the job
    row is locked (read again) so two refreshing browsers cannot import the same rows twice."""
    with transaction.atomic():
        jobs = ImportJob.objects.for_organization(job.organization_id)
        job = jobs.select_for_update().get(pk=job.pk)
        if job.state != ImportJob.State.RUNNING:
            return job
        rows = parse_file(bytes(job.content)).rows
        chunk = rows[job.next_row : job.next_row + (chunk_size or CHUNK_SIZE)]
        for row in chunk:
            if row.errors:
                job.rejected.append({"line": row.line, "reason": row.reason})
                continue
            try:
                with transaction.atomic():
                    outcome = save_row(job.organization, row.values)
            except (ValidationError, DatabaseError) as error:
                job.rejected.append({"line": row.line, "reason": _saving_error(error)})
                continue
            if outcome == "updated":
                job.updated += 1
            else:
                job.imported += 1
        job.next_row += len(chunk)
        job.total_rows = len(rows)
        if job.next_row >= job.total_rows:
            job.state = ImportJob.State.DONE
            job.finished_at = timezone.now()
        job.save()
    return job
