"""The public ranking of a cycle's proposals: a table per village and one for the whole area,
with the rule in one sentence above each (ranking.py)."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from .ranking import rankings
from .views import _cycle


@require_http_methods(["GET", "HEAD"])
def ranking(request, pk):
    cycle = _cycle(request, pk)
    villages, area = rankings(cycle)
    return render(
        request,
        "participation/ranking/ranking.html",
        {"cycle": cycle, "villages": villages, "area": area},
    )
