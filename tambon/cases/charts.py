"""The charts of the statistics page (geometry from tambon.core.charts)."""

from django.utils.translation import gettext as _

from tambon.core.charts import bar_chart
from tambon.thai.dates import THAI_MONTHS_ABBR, buddhist_year
from tambon.thai.digits import format_number

from .statistics import RATINGS


def received_chart(kind_figures):
    """Cases of one kind received in each month; None when there were none (the page says so)."""
    months = kind_figures.months
    if not any(figures.received for _period, figures in months):
        return None
    labels = {}
    for index, (period, _figures) in enumerate(months):
        month = period.first_day
        year = str(buddhist_year(month.year)) if index == 0 or month.month == 1 else ""
        labels[index] = (THAI_MONTHS_ABBR[month.month - 1], year)
    description = _(
        "%(kind)s received in each month of the fiscal year, October first: %(total)s in all. "
        "The table below gives the figures."
    ) % {"kind": kind_figures.label, "total": format_number(kind_figures.year.received)}
    return bar_chart(
        f"chart-{kind_figures.kind}",
        _("%(kind)s received per month") % {"kind": kind_figures.label},
        description,
        [figures.received for _period, figures in months],
        [f"{period.label}: {format_number(figures.received)}" for period, figures in months],
        labels,
    )


def satisfaction_chart(results):
    """How many ratings of each score (1 to 5) all kinds got; None without any rating."""
    totals = [sum(dict(result.rows)[rating] for result in results) for rating in RATINGS]
    if not any(totals):
        return None
    return bar_chart(
        "chart-satisfaction",
        _("Ratings given by citizens, from 1 (very dissatisfied) to 5 (very satisfied)"),
        _("Number of ratings of each score: %(figures)s. The table below gives the figures.")
        % {
            "figures": ", ".join(
                f"{rating}: {format_number(count)}"
                for rating, count in zip(RATINGS, totals, strict=True)
            )
        },
        totals,
        [
            f"{rating}: {format_number(count)}"
            for rating, count in zip(RATINGS, totals, strict=True)
        ],
        {index: (str(rating), "") for index, rating in enumerate(RATINGS)},
    )
