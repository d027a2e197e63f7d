"""The operators' admin screen that makes a new organization: the same check and build as the
command `create_organization` (organizations.py), with the password typed twice."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from tambon.core.models import Organization

from . import organizations

PERMISSION = "core.add_organization"


def may_add_organizations(user):
    """Operators (a platform-wide group with the permission) and superusers."""
    return user.is_active and user.has_perm(PERMISSION)


class NewOrganizationForm(forms.Form):
    domain = forms.CharField(
        label=gettext_lazy("Domain name"),
        max_length=255,
        help_text=gettext_lazy(
            "For example www.example.go.th (name.localhost:8000 for development)."
        ),
    )
    subdistrict = forms.CharField(
        label=gettext_lazy("Subdistrict code"),
        max_length=6,
        help_text=gettext_lazy(
            "6 digits, the official code. For a provincial administrative organization, the "
            "province code (2 digits)."
        ),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=Organization.Kind.choices,
        initial=Organization.Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION,
    )
    admin_username = forms.CharField(
        label=gettext_lazy("First administrator's user name"),
        max_length=150,
        required=False,
        help_text=gettext_lazy("Optional: a new user who administers this organization only."),
    )
    # Shown again after a mistake elsewhere in the form, so that nothing typed is lost.
    admin_password = forms.CharField(
        label=gettext_lazy("Administrator's password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "new-password"}),
    )
    admin_password_again = forms.CharField(
        label=gettext_lazy("Administrator's password again"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data["admin_password"] != data["admin_password_again"]:
            self.add_error("admin_password_again", _("The two passwords differ."))
            return data
        try:
            self.new_organization = organizations.check(
                data["domain"],
                data["subdistrict"],
                data["kind"],
                admin_username=data["admin_username"],
                admin_password=data["admin_password"],
            )
        except ValidationError as error:
            self.add_error(None, error)
        return data


class CreateOrganizationView(WagtailAdminTemplateMixin, FormView):
    template_name = "composition/create_organization.html"
    form_class = NewOrganizationForm
    page_title = gettext_lazy("Add an organization")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not may_add_organizations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("create_organization:start"), "label": self.page_title},
        ]

    def form_valid(self, form):
        new = form.new_organization
        built = organizations.build(new, today=timezone.localdate())
        site_url = f"{self.request.scheme}://{new.domain}/"
        return self.render_to_response(
            self.get_context_data(
                form=self.form_class(),
                built=built,
                already_there=built.new_rows == 0,
                domain=new.domain,
                site_url=site_url,
                admin_url=site_url + "admin/",
            )
        )
