from django.urls import path

from . import forum_views, photo_views, views

app_name = "participation"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.cycle, name="cycle"),
    path("<int:pk>/propose/", views.propose, name="propose"),
    path("<int:pk>/sent/", views.sent, name="sent"),
    path("<int:pk>/forums/<int:forum_pk>/", forum_views.forum, name="forum"),
    path("<int:pk>/photos/<int:photo_pk>/", photo_views.proposal_photo, name="proposal_photo"),
]
