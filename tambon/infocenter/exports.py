"""Records as open data: CSV (with a byte-order mark, so Excel shows Thai) and JSON."""

from django.utils.translation import gettext as _

from tambon.core.exports import csv_download, json_download
from tambon.thai.dates import format_thai_date


def record_rows(records, request, record_url):
    """One dict per record, machine-readable: ISO dates, absolute addresses."""
    for record in records:
        yield {
            "id": record.pk,
            "title": record.title,
            "category": record.category.name,
            "category_slug": record.category.slug,
            "fiscal_year": record.fiscal_year,
            "published_on": record.published_on.isoformat(),
            "period_start": record.period_start.isoformat() if record.period_start else None,
            "period_end": record.period_end.isoformat() if record.period_end else None,
            "summary": record.summary,
            "division": record.division.name if record.division else None,
            "url": request.build_absolute_uri(record_url(record)),
            "files": [
                {
                    "title": item.display_title,
                    "type": item.file_type,
                    "size": item.document.file_size,
                    "url": request.build_absolute_uri(item.document.url),
                }
                for item in record.files.all()
            ],
        }


def records_json(records, request, record_url, *, filename, filters, category=None):
    rows = list(record_rows(records, request, record_url))
    data = {
        "category": {"name": category.name, "slug": category.slug} if category else None,
        "filters": filters,
        "count": len(rows),
        "records": rows,
    }
    return json_download(filename, data)


def records_csv(records, request, record_url, *, filename):
    columns = [
        ("id", _("Number")),
        ("title", _("Record title")),
        ("category", _("Category")),
        ("fiscal_year", _("Fiscal year")),
        ("published_on", _("Publish date (ISO)")),
        ("published_on_th", _("Publish date")),
        ("period_start", _("Period covered from (ISO)")),
        ("period_end", _("Period covered until (ISO)")),
        ("summary", _("Summary")),
        ("division", _("Responsible division")),
        ("url", _("Web address")),
        ("files", _("Files")),
    ]
    lines = []
    for record, row in zip(records, record_rows(records, request, record_url), strict=True):
        row["published_on_th"] = format_thai_date(record.published_on)
        row["files"] = " ".join(item["url"] for item in row["files"])
        lines.append(["" if row[key] is None else row[key] for key, _label in columns])
    return csv_download(filename, [label for _key, label in columns], lines)
