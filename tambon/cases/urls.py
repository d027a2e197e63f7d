from django.urls import path

from .views import public

app_name = "cases"

urlpatterns = [
    path("", public.index, name="index"),
    path("new/eservice/", public.service_index, name="services"),
    path("new/eservice/<slug:slug>/", public.new_service_request, name="new_service"),
    path("new/<slug:kind>/", public.new_case, name="new"),
    path("receipt/", public.receipt, name="receipt"),
    path("track/", public.track, name="track"),
    path("files/<uuid:public_id>/", public.attachment, name="attachment"),
]
