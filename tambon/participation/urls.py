from django.urls import path

from . import ranking_views, support_views, views

app_name = "participation"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.cycle, name="cycle"),
    path("<int:pk>/propose/", views.propose, name="propose"),
    path("<int:pk>/sent/", views.sent, name="sent"),
    path("<int:pk>/ranking/", ranking_views.ranking, name="ranking"),
    path("<int:cycle_pk>/proposals/<int:pk>/", support_views.proposal_detail, name="proposal"),
    path("<int:cycle_pk>/proposals/<int:pk>/support/", support_views.support, name="support"),
]
