from django.urls import path

from . import statistics_views, views

app_name = "participation"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.cycle, name="cycle"),
    path("<int:pk>/propose/", views.propose, name="propose"),
    path("<int:pk>/sent/", views.sent, name="sent"),
    path("<int:pk>/statistics/", statistics_views.statistics_page, name="statistics"),
    path(
        "<int:pk>/statistics/<slug:table>.<slug:file_format>",
        statistics_views.open_data,
        name="open_data",
    ),
]
