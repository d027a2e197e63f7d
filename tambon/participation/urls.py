from django.urls import path

from . import (
    forum_views,
    photo_views,
    plan_views,
    ranking_views,
    statistics_views,
    support_views,
    views,
    village_views,
)

app_name = "participation"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.cycle, name="cycle"),
    path("<int:pk>/propose/", views.propose, name="propose"),
    path("<int:pk>/sent/", views.sent, name="sent"),
    path("<int:pk>/plan/", plan_views.plan, name="plan"),
    path("<int:pk>/plan/<int:edition>/p02/", plan_views.p02, name="plan_p02"),
    path("<int:pk>/plan/<int:edition>/p02.xlsx", plan_views.p02_xlsx, name="plan_p02_xlsx"),
    path("<int:pk>/plan/<int:edition>/p01/", plan_views.p01, name="plan_p01"),
    path("<int:pk>/plan/<int:edition>/p01.xlsx", plan_views.p01_xlsx, name="plan_p01_xlsx"),
    path("<int:pk>/plan/<int:edition>/changes/", plan_views.changes, name="plan_changes"),
    path("<int:pk>/statistics/", statistics_views.statistics_page, name="statistics"),
    path(
        "<int:pk>/statistics/<slug:table>.<slug:file_format>",
        statistics_views.open_data,
        name="open_data",
    ),
    path("villages/", village_views.villages, name="villages"),
    path("villages/<int:number>/", village_views.village, name="village"),
    path("<int:pk>/monitoring/<int:year>/", village_views.monitoring, name="monitoring"),
    path("<int:pk>/ranking/", ranking_views.ranking, name="ranking"),
    path("<int:cycle_pk>/proposals/<int:pk>/", support_views.proposal_detail, name="proposal"),
    path("<int:cycle_pk>/proposals/<int:pk>/support/", support_views.support, name="support"),
    path("<int:pk>/forums/<int:forum_pk>/", forum_views.forum, name="forum"),
    path("<int:pk>/photos/<int:photo_pk>/", photo_views.proposal_photo, name="proposal_photo"),
]
