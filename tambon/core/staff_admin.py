"""The staff of an organization, managed by its administrator or operator in the admin.

Wagtail's user admin lists every account on the deployment and lets whoever may change users
put anyone in any group. For anyone but a superuser it is narrowed here to the organization the
admin is served for (``staff_organization``):

- the list, its search and its filters show that organization's members only; any other
  account is "not found", also by its id;
- the groups become the person's roles in this organization (tambon/core/memberships.py); their
  roles elsewhere stay as they are; a new account needs at least one role;
- nobody can make a superuser or join a platform-wide group here;
- a person who also works elsewhere (another organization, the platform) keeps their account as
  it is: only their roles here change, and "delete" takes them out of this organization only;
  their account, and their work elsewhere, stay.

Superusers keep Wagtail's screens unchanged, with one screen more: the user's edit page has an
"Enrolment code" button that gives the person a one-time code to set up their authenticator app
(core/two_factor.py), shown once. Like a password, it is given only to an account of this
organization alone (or by a superuser to anyone), and never to oneself.

Wagtail's users app uses this viewset through tambon/core/staff_apps.py.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import CopyView
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import bulk_actions
from wagtail.users.views import users as wagtail_users

from . import memberships, two_factor
from .models import Role
from .scoping import staff_organization

User = get_user_model()

# The account's own details, which only the people it belongs to alone may change.
ACCOUNT_FIELDS = (User.USERNAME_FIELD, "email", "first_name", "last_name")


def sees_everyone(request):
    return request.user.is_superuser


def manageable_users(request):
    """The accounts the request's user manages: everyone for a superuser, else the members of
    the organization the admin is served for."""
    if sees_everyone(request):
        return User._default_manager.all()
    organization = staff_organization(request)
    if organization is None:
        return User._default_manager.none()
    return User._default_manager.filter(pk__in=memberships.members_of(organization).values("pk"))


def belongs_here_alone(user, organization):
    """Whether `user`'s account is this organization's alone: no role elsewhere, no
    platform-wide group or permission, not a superuser. Changing such an account (its password,
    its name, deleting it) changes nothing anywhere else."""
    if user.is_superuser or user.user_permissions.exists():
        return False
    return not user.groups.exclude(organization_group__organization=organization).exists()


def may_issue_enrolment_code(request, user):
    """Whether the request's user may give `user` a new enrolment code for the sign-in app
    (which also forgets the app `user` has): the second factor is the account's, like its
    password, so only for an account of this organization alone, or by a superuser; and never
    one's own, which another administrator resets."""
    if not two_factor.is_required() or user.pk == request.user.pk:
        return False
    if not request.user.has_perm(f"{User._meta.app_label}.change_{User._meta.model_name}"):
        return False
    return sees_everyone(request) or belongs_here_alone(user, staff_organization(request))


def set_roles(user, organization, roles):
    """Make `roles` the user's roles in `organization`; their roles elsewhere stay."""
    held, wanted = memberships.roles_in(user, organization), {Role(role) for role in roles}
    for role in wanted - held:
        memberships.add_member(user, organization, role)
    for role in held - wanted:
        memberships.remove_member(user, organization, role)


class RolesField(forms.TypedMultipleChoiceField):
    widget = CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            choices=Role.choices,
            coerce=Role,
            label=_("Roles in this organization"),
            error_messages={"required": _("Choose at least one role in this organization.")},
            **kwargs,
        )


class StaffFormMixin:
    """A user form for a member of one organization: their roles there instead of groups, and
    no superuser box."""

    def __init__(self, *args, organization, **kwargs):
        self.organization = organization
        super().__init__(*args, **kwargs)
        self.fields.pop("is_superuser", None)
        if User.USERNAME_FIELD == "username":
            self.fields["username"].help_text = _(
                "Required. Letters, digits and the signs @ . + - _ only."
            )
        roles = memberships.roles_in(self.instance, organization) if self.instance.pk else ()
        self.fields["roles"] = RolesField(initial=sorted(roles))

    def save(self, commit=True):
        user = super().save(commit=commit)
        set_roles(user, self.organization, self.cleaned_data["roles"])
        return user


class StaffCreationForm(StaffFormMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = ACCOUNT_FIELDS
        widgets = {}


class StaffEditForm(StaffFormMixin, UserEditForm):
    def __init__(self, *args, organization, editing_self=False, **kwargs):
        instance = kwargs["instance"]
        # Read by UserForm.__init__ and save(): no password fields for an account shared with
        # other work.
        self.account_editable = belongs_here_alone(instance, organization)
        super().__init__(*args, organization=organization, editing_self=editing_self, **kwargs)
        if not self.account_editable:
            self.fields.pop("is_active", None)
            for name in ACCOUNT_FIELDS:
                self.fields[name].disabled = True
        self.fields["roles"].help_text = _(
            "To take this person out of the organization, delete them from the list of users."
        )
        if editing_self:
            self.fields["roles"].disabled = True
            self.fields["roles"].help_text = _(
                "Your own roles are changed by another administrator of the organization."
            )

    @property
    def password_enabled(self):
        return self.account_editable and super().password_enabled

    class Meta(UserEditForm.Meta):
        fields = (*ACCOUNT_FIELDS, "is_active")
        widgets = {}


class StaffFilterSet(wagtail_users.UserFilterSet):
    """The organization's roles in place of every group of the deployment."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None and not sees_everyone(request):
            self.organization = staff_organization(request)
            del self.filters["is_superuser"], self.filters["group"]
            self.filters["role"] = django_filters.MultipleChoiceFilter(
                choices=Role.choices,
                label=_("Role in this organization"),
                widget=CheckboxSelectMultiple,
                method=self.filter_role,
            )

    def filter_role(self, queryset, name, value):
        members = memberships.members_of(self.organization, roles=value)
        return queryset.filter(pk__in=members.values("pk"))


class StaffViewMixin:
    """A view of the users admin: a member of an organization reaches its members only."""

    @cached_property
    def organization(self):
        return staff_organization(self.request)

    @property
    def limited(self):
        return not sees_everyone(self.request)

    def get_copy_url(self, *args):
        # A copy would carry a person's roles into a new account: not for the organization's
        # staff admin, where a new account starts from its roles.
        return None if self.limited else super().get_copy_url(*args)


class StaffObjectMixin(StaffViewMixin):
    """A view of one user: looked up among the manageable ones, else 404."""

    def get_queryset(self):  # edit, delete
        return manageable_users(self.request)

    def get_base_object_queryset(self):  # history, usage
        return manageable_users(self.request)


class StaffFormViewMixin(StaffViewMixin):
    def get_form_class(self):
        if self.limited:
            return self.staff_form_class
        return super().get_form_class()

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.limited:
            kwargs["organization"] = self.organization
        return kwargs

    def get_template_names(self):
        if self.limited:
            return ["core/staff/user_form.html"]
        return super().get_template_names()


class IndexView(StaffViewMixin, wagtail_users.IndexView):
    def get_base_queryset(self):
        users = super().get_base_queryset()
        return users.filter(pk__in=manageable_users(self.request)) if self.limited else users


class CreateView(StaffFormViewMixin, wagtail_users.CreateView):
    staff_form_class = StaffCreationForm


class EditView(StaffObjectMixin, StaffFormViewMixin, wagtail_users.EditView):
    staff_form_class = StaffEditForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["shared_account"] = self.limited and not belongs_here_alone(
            self.object, self.organization
        )
        return context

    @cached_property
    def header_buttons(self):
        if not may_issue_enrolment_code(self.request, self.object):
            return []
        url = reverse("wagtailusers_users:enrolment_code", args=[self.object.pk])
        return [HeaderButton(_("Enrolment code for the sign-in app"), url=url, icon_name="key")]


@method_decorator(never_cache, name="dispatch")
class EnrolmentCodeView(StaffObjectMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks, then gives the person a new enrolment code, shown in the answer to that POST only:
    never in an address, a message kept for the next page, or a log (the log says only that a
    code was given, and by whom)."""

    model = User
    template_name = "core/staff/enrolment_code.html"
    page_title = _("Enrolment code for the sign-in app")
    header_icon = "key"
    index_url_name = None
    edit_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not may_issue_enrolment_code(request, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return get_user_display_name(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": User._meta.verbose_name_plural},
            {"url": self.edit_url, "label": self.get_page_subtitle()},
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def edit_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.object,
            has_app=two_factor.confirmed_devices(self.object).exists(),
            edit_url=self.edit_url,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        code, expires_at = two_factor.issue_enrolment_code(self.object)
        log(instance=self.object, action="tambon.enrolment_code")
        return self.render_to_response(
            self.get_context_data(code=code, expires_at=timezone.localtime(expires_at))
        )


class DeleteView(StaffObjectMixin, wagtail_users.DeleteView):
    """For a person who also works elsewhere, "delete" takes them out of this organization
    only (the page says so); their account stays."""

    @cached_property
    def removes_from_organization_only(self):
        return self.limited and not belongs_here_alone(self.object, self.organization)

    def get_template_names(self):
        if self.removes_from_organization_only:
            return ["core/staff/confirm_remove.html"]
        return super().get_template_names()

    def get_page_title(self):
        if self.removes_from_organization_only:
            return _("Take out of this organization")
        return super().get_page_title()

    @property
    def confirmation_message(self):
        if self.removes_from_organization_only:
            return _(
                "%(person)s also works for another organization or for the platform. Their "
                "account stays as it is; only their roles in this organization are removed."
            ) % {"person": get_user_display_name(self.object)}
        return super().confirmation_message

    def get_success_message(self):
        if self.removes_from_organization_only:
            return _("%(person)s was taken out of this organization.") % {
                "person": get_user_display_name(self.object)
            }
        return super().get_success_message()

    def delete_action(self):
        if self.removes_from_organization_only:
            memberships.remove_member(self.object, self.organization)
            log(instance=self.object, action="wagtail.edit")
        else:
            super().delete_action()


class HistoryView(StaffObjectMixin, wagtail_users.HistoryView):
    pass


class StaffUsageView(StaffObjectMixin, UsageView):
    pass


class StaffCopyView(StaffViewMixin, CopyView):
    def get_object(self, queryset=None):
        if self.limited:
            raise Http404
        return super().get_object(queryset)


class StaffViewSet(wagtail_users.UserViewSet):
    filterset_class = StaffFilterSet
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = StaffUsageView
    copy_view_class = StaffCopyView

    @property
    def enrolment_code_view(self):
        return self.construct_view(EnrolmentCodeView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                f"enrolment-code/<{self.pk_path_converter}:pk>/",
                self.enrolment_code_view,
                name="enrolment_code",
            ),
        ]


# Ticked users of the listing (Wagtail's bulk actions, replaced: registered after them).


class StaffBulkActionMixin:
    """Only the manageable users among the ticked ones count; an account shared with other work
    is changed (its active state) or deleted only by a superuser."""

    def get_queryset(self, model, object_ids):
        users = list(manageable_users(self.request).filter(pk__in=object_ids))
        if not users:
            raise Http404
        return users

    def check_perm(self, obj):
        if not super().check_perm(obj):
            return False
        return sees_everyone(self.request) or belongs_here_alone(
            obj, staff_organization(self.request)
        )


@hooks.register("register_bulk_action", order=100)
class DeleteBulkAction(StaffBulkActionMixin, bulk_actions.DeleteBulkAction):
    pass


@hooks.register("register_bulk_action", order=100)
class SetActiveStateBulkAction(StaffBulkActionMixin, bulk_actions.SetActiveStateBulkAction):
    pass


@hooks.register("register_bulk_action", order=100)
class AssignRoleBulkAction(bulk_actions.AssignRoleBulkAction):
    """A role of this organization only (its role groups), for any of its members."""

    get_queryset = StaffBulkActionMixin.get_queryset

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not sees_everyone(self.request):
            organization = staff_organization(self.request)
            form.fields["role"].queryset = Group.objects.filter(
                organization_group__organization=organization
            ).order_by("name")
        return form
