"""The announcements and projects as open data (ITA asks for listings as CSV and JSON).

Machine-readable: ISO dates, amounts as plain decimal strings, method and kind as codes
next to their Thai labels, and absolute URLs.
"""

from tambon.core.exports import csv_download, json_download

ANNOUNCEMENT_FIELDS = [
    "id",
    "date",
    "kind",
    "kind_label",
    "title",
    "project_id",
    "egp_number",
    "document_url",
    "link",
]
PROJECT_FIELDS = [
    "id",
    "fiscal_year",
    "egp_number",
    "title",
    "method",
    "method_label",
    "budget",
    "reference_price",
    "division",
    "status",
    "status_label",
    "bids",
    "winner",
    "agreed_price",
    "selection_reason",
    "contract_number",
    "contract_date",
    "url",
]


def _text(value):
    return "" if value is None else str(value)


def announcement_records(announcements, absolute):
    for item in announcements.select_related("project", "document"):
        yield {
            "id": item.pk,
            "date": item.date.isoformat(),
            "kind": item.kind,
            "kind_label": str(item.get_kind_display()),
            "title": item.title,
            "project_id": item.project_id,
            "egp_number": item.project.egp_number if item.project else "",
            "document_url": absolute(item.document.url) if item.document else "",
            "link": item.link,
        }


def project_records(projects, absolute, project_url):
    """The projects, with their bids prefetched by the caller (of the projects' organization)."""
    for project in projects.select_related("division"):
        yield {
            "id": project.pk,
            "fiscal_year": project.fiscal_year,
            "egp_number": project.egp_number,
            "title": project.title,
            "method": project.method,
            "method_label": str(project.method_label),
            "budget": _text(project.budget),
            "reference_price": _text(project.reference_price),
            "division": project.division.name if project.division else "",
            "status": project.status,
            "status_label": str(project.get_status_display()),
            "bids": [
                {"bidder": bid.bidder, "price": _text(bid.price)} for bid in project.bids.all()
            ],
            "winner": project.winner,
            "agreed_price": _text(project.agreed_price),
            "selection_reason": project.selection_reason,
            "contract_number": project.contract_number,
            "contract_date": project.contract_date.isoformat() if project.contract_date else "",
            "url": absolute(project_url(project)),
        }


def csv_response(records, fields, filename):
    rows = []
    for record in records:
        if "bids" in record:
            record = record | {
                "bids": "; ".join(f"{bid['bidder']}: {bid['price']}" for bid in record["bids"])
            }
        rows.append([record.get(name, "") for name in fields])
    return csv_download(filename, fields, rows)


def json_response(records, filename):
    return json_download(filename, list(records))
