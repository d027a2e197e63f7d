from django.urls import path

from . import views, village_views

app_name = "participation"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.cycle, name="cycle"),
    path("<int:pk>/propose/", views.propose, name="propose"),
    path("<int:pk>/sent/", views.sent, name="sent"),
    path("villages/", village_views.villages, name="villages"),
    path("villages/<int:number>/", village_views.village, name="village"),
    path("<int:pk>/monitoring/<int:year>/", village_views.monitoring, name="monitoring"),
]
