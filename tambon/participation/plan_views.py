"""The plan's public pages: a cycle's editions and the projects of the one in force, forms
ผ.01 and ผ.02 of an edition to print (A4 landscape) or download (XLSX), and what an edition
changed. Thai digits on the printed forms with ?numerals=thai."""

from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from tambon.thai.digits import format_number, to_thai_digits

from . import plan_diff, plan_exports
from .models import PlanEdition
from .views import _cycle

MAX_ID = 2**63 - 1  # larger ids cannot be compared by the database


def editions_of(cycle):
    return (
        PlanEdition.objects.for_organization(cycle.organization_id)
        .filter(cycle=cycle)
        .select_related("cycle", "organization")
    )


def edition_or_404(request, pk, edition):
    cycle = _cycle(request, pk)
    if edition > MAX_ID:
        raise Http404
    return get_object_or_404(editions_of(cycle), pk=edition)


def in_force(editions):
    """The latest approved edition, or the latest one while none is approved."""
    approved = editions.filter(approved_on__isnull=False)
    if approved.exists():
        return approved.order_by(F("approved_on").desc(), "-created", "-pk").first()
    return editions.order_by("-created", "-pk").first()


class Numerals:
    """How the printed forms write numbers: Arabic digits, or Thai with ?numerals=thai."""

    def __init__(self, request):
        self.thai = request.GET.get("numerals") == "thai"

    def text(self, value):
        text = "" if value is None else str(value)
        return to_thai_digits(text) if self.thai else text

    def money(self, value):
        if value is None:
            return "-"
        decimals = 0 if value == int(value) else 2
        return self.text(format_number(value, decimals=decimals))


@require_http_methods(["GET", "HEAD"])
def plan(request, pk):
    cycle = _cycle(request, pk)
    editions = editions_of(cycle)
    current = in_force(editions)
    groups = plan_exports.by_strategy(plan_exports.edition_projects(current)) if current else []
    for group in groups:
        for project in group.projects:
            project.year_budgets = list(zip(cycle.plan_years, project.budgets(), strict=True))
    return render(
        request,
        "participation/plan/plan.html",
        {"cycle": cycle, "editions": list(editions), "current": current, "groups": groups},
    )


def _p02_rows(edition, numerals):
    years = edition.cycle.plan_years
    rows = []
    for group in plan_exports.by_strategy(plan_exports.edition_projects(edition)):
        rows.append({"heading": numerals.text(plan_exports.strategy_heading(group.strategy))})
        for project in group.projects:
            before, after = plan_exports.p02_text_cells(project)
            rows.append(
                {
                    "cells": [numerals.text(cell) for cell in before],
                    "budgets": [numerals.money(budget) for budget in project.budgets()],
                    "after": [numerals.text(cell) for cell in after],
                }
            )
    return years, rows


@require_http_methods(["GET", "HEAD"])
def p02(request, pk, edition):
    edition = edition_or_404(request, pk, edition)
    numerals = Numerals(request)
    years, rows = _p02_rows(edition, numerals)
    return render(
        request,
        "participation/plan/p02.html",
        {
            "cycle": edition.cycle,
            "edition": edition,
            "lines": [numerals.text(line) for line in plan_exports.p02_heading_lines(edition)],
            "columns": plan_exports.p02_column_names(),
            "years": [numerals.text(plan_exports.year_heading(year)) for year in years],
            "rows": rows,
            "thai_numerals": numerals.thai,
        },
    )


@require_http_methods(["GET", "HEAD"])
def p02_xlsx(request, pk, edition):
    return plan_exports.p02_xlsx_response(edition_or_404(request, pk, edition))


@require_http_methods(["GET", "HEAD"])
def p01(request, pk, edition):
    edition = edition_or_404(request, pk, edition)
    numerals = Numerals(request)
    summary = plan_exports.p01_summary(edition)

    def cells(pairs):
        return [(numerals.text(count), numerals.money(budget)) for count, budget in pairs]

    return render(
        request,
        "participation/plan/p01.html",
        {
            "cycle": edition.cycle,
            "edition": edition,
            "lines": [numerals.text(line) for line in plan_exports.p01_heading_lines(edition)],
            "years": [numerals.text(h) for h in plan_exports.p01_year_headings(summary.years)],
            "rows": [(numerals.text(label), cells(pairs)) for label, pairs in summary.rows()],
            "totals": cells(summary.totals()),
            "thai_numerals": numerals.thai,
        },
    )


@require_http_methods(["GET", "HEAD"])
def p01_xlsx(request, pk, edition):
    return plan_exports.p01_xlsx_response(edition_or_404(request, pk, edition))


@require_http_methods(["GET", "HEAD"])
def changes(request, pk, edition):
    """What this edition changed compared with the one it was copied from (or, with ?from=,
    with another edition of the same cycle)."""
    edition = edition_or_404(request, pk, edition)
    editions = editions_of(edition.cycle).exclude(pk=edition.pk)
    older = edition.based_on
    refusal = None
    if wanted := request.GET.get("from"):
        older = (
            editions.filter(pk=wanted).first()
            if wanted.isdigit() and int(wanted) <= MAX_ID
            else None
        )
        if older is None:
            refusal = True
    return render(
        request,
        "participation/plan/changes.html",
        {
            "cycle": edition.cycle,
            "edition": edition,
            "others": list(editions),
            "older": older,
            "refusal": refusal,
            "diff": plan_diff.compare(older, edition) if older else None,
        },
    )
