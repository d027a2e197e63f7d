from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.cycle, name="cycle"),
    path("<int:pk>/propose/", views.propose, name="propose"),
    path("<int:pk>/sent/", views.sent, name="sent"),
]
