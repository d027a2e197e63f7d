"""The charts of a cycle's statistics page (geometry from tambon.core.charts); each is followed on
the page by a table of the same figures."""

from django.utils.translation import gettext as _

from tambon.core.charts import bar_chart
from tambon.thai.digits import format_number

THOUSAND = 1000


def _chart(chart_id, title, summary, labelled_values):
    """A bar per (axis label, second line, tooltip, value); None when every value is 0."""
    values = [value for _label, _second, _tooltip, value in labelled_values]
    if not any(values):
        return None
    description = _("%(summary)s The table below gives the figures.") % {"summary": summary}
    return bar_chart(
        chart_id,
        title,
        description,
        values,
        [tooltip for _label, _second, tooltip, _value in labelled_values],
        {
            index: (label, second)
            for index, (label, second, _tooltip, _value) in enumerate(labelled_values)
        },
    )


def _village_axis(row):
    if row.village is None:
        return _("Subdistrict"), ""
    return _("Vil. %(number)s") % {"number": row.village.number}, ""


def proposals_chart(rows):
    total = sum(row.proposals for row in rows)
    return _chart(
        "chart-proposals-by-village",
        _("Proposals by village"),
        _("Published proposals of each village, online and from forums: %(total)s in all.")
        % {"total": format_number(total)},
        [
            (*_village_axis(row), f"{row.label}: {format_number(row.proposals)}", row.proposals)
            for row in rows
            if row.village is not None
        ],
    )


def attendance_chart(rows):
    total = sum(row.attendance for row in rows)
    return _chart(
        "chart-attendance-by-village",
        _("People at the forums, by village"),
        _("People who came to the forums of each village: %(total)s in all.")
        % {"total": format_number(total)},
        [
            (*_village_axis(row), f"{row.label}: {format_number(row.attendance)}", row.attendance)
            for row in rows
        ],
    )


def category_chart(categories):
    total = sum(count for _name, count in categories)
    return _chart(
        "chart-proposals-by-category",
        _("Proposals by category"),
        _("Published proposals of each category: %(total)s in all.")
        % {"total": format_number(total)},
        [
            (str(index), "", f"{index}. {name}: {format_number(count)}", count)
            for index, (name, count) in enumerate(categories, start=1)
        ],
    )


def budget_year_chart(plan_years, totals):
    """Budget of each plan year, drawn in thousands of baht."""
    return _chart(
        "chart-budget-by-year",
        _("Planned budget by plan year (thousand baht)"),
        _("Budget of the plan's projects in each plan year: %(figures)s baht.")
        % {
            "figures": ", ".join(
                f"{year}: {format_number(total)}"
                for year, total in zip(plan_years, totals, strict=True)
            )
        },
        [
            (str(year), "", f"{year}: {format_number(total)}", round(total / THOUSAND))
            for year, total in zip(plan_years, totals, strict=True)
        ],
    )


def budget_strategy_chart(rows):
    """Five-year budget of each development strategy, drawn in thousands of baht."""
    return _chart(
        "chart-budget-by-strategy",
        _("Planned budget by development strategy, five years (thousand baht)"),
        _("Budget of the plan's projects of each strategy over the five plan years."),
        [
            (
                _("Str. %(number)s") % {"number": row.strategy.number},
                "",
                f"{row.strategy}: {format_number(row.total)}",
                round(row.total / THOUSAND),
            )
            for row in rows
        ],
    )
