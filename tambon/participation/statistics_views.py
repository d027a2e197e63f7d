"""A cycle's statistics page (charts and their tables) and its open data files. Only the
cycle's organization's rows; a cycle of another organization or not shown answers 404."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from . import opendata, statistics
from . import statistics_charts as charts
from .views import _cycle

DOWNLOADS = {"csv": opendata.csv_response, "json": opendata.json_response}


@require_http_methods(["GET", "HEAD"])
def statistics_page(request, pk):
    cycle = _cycle(request, pk)
    villages = statistics.village_figures(cycle)
    categories = statistics.category_figures(cycle)
    edition = statistics.latest_approved_edition(cycle)
    budgets = statistics.budget_figures(cycle, edition)
    year_totals = statistics.budget_per_year(budgets)
    return render(
        request,
        "participation/statistics/page.html",
        {
            "cycle": cycle,
            "villages": villages,
            "village_totals": statistics.village_totals(villages),
            "sexes": statistics.SEXES,
            "age_groups": statistics.AGE_GROUPS,
            "phases": statistics.phase_figures(cycle),
            "categories": categories,
            "edition": edition,
            "budgets": budgets,
            "plan_years": cycle.plan_years,
            "year_totals": year_totals,
            "budget_total": sum(year_totals),
            "proposals_chart": charts.proposals_chart(villages),
            "attendance_chart": charts.attendance_chart(villages),
            "category_chart": charts.category_chart(categories),
            "budget_year_chart": charts.budget_year_chart(cycle.plan_years, year_totals),
            "budget_strategy_chart": charts.budget_strategy_chart(budgets),
        },
    )


@require_http_methods(["GET", "HEAD"])
def open_data(request, pk, table, file_format):
    if table not in opendata.TABLES or file_format not in DOWNLOADS:
        raise Http404
    return DOWNLOADS[file_format](_cycle(request, pk), table)
