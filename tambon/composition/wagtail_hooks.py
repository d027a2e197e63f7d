"""The operators' screen to add an organization, in the admin's Settings menu."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet

from .views import CreateOrganizationView, may_add_organizations


class CreateOrganizationViewSet(ViewSet):
    name = "create_organization"
    icon = "site"
    menu_label = _("Add an organization")
    add_to_settings_menu = True

    def get_urlpatterns(self):
        return [path("", CreateOrganizationView.as_view(), name="start")]

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        item.is_shown = lambda request: may_add_organizations(request.user)
        return item


@hooks.register("register_admin_viewset")
def register_create_organization():
    return CreateOrganizationViewSet()
