"""A permission counts only in the organization it was given for.

Django's ModelBackend gives a user the permissions of all their groups. Here a group that
belongs to an organization (``OrganizationGroup``) counts only while a request is served for
that organization; a group that belongs to none is platform-wide. So one person may be a clerk
of A and an administrator of B, and is each only on that organization's site and admin.

Outside a request (management commands, jobs, the shell) there is no organization and every
group counts, as in Django; jobs that act for one organization say so by their own queries.
"""

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q

from .scoping import organization_for_request

_NO_REQUEST = object()
_request = ContextVar("tambon_request_for_permissions", default=_NO_REQUEST)


class OrganizationContextMiddleware:
    """Makes the request's organization known to the permission checks below (after the
    authentication middleware; the organization is only looked up when a check asks)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def current_request():
    """The request being served, or None outside a request."""
    request = _request.get()
    return None if request is _NO_REQUEST else request


def current_organization():
    """The organization of the request being served; None for a request of no organization's
    site; ``_NO_REQUEST`` outside a request."""
    request = _request.get()
    if request is _NO_REQUEST:
        return _NO_REQUEST
    return organization_for_request(request)


def groups_counting_in(organization, via="groups__"):
    """A filter on the groups reached through `via`: those whose permissions count in
    `organization` (its role groups, and the platform-wide ones that belong to none). The one
    rule of this module, for any query that must count groups the way the checks do."""
    platform_wide = Q(**{f"{via}organization_group__isnull": True})
    if organization is None:
        return platform_wide
    return platform_wide | Q(**{f"{via}organization_group__organization": organization})


class OrganizationPermissionBackend(ModelBackend):
    def _get_group_permissions(self, user_obj):
        user_groups = get_user_model()._meta.get_field("groups").related_query_name()
        in_a_group = Q(**{f"group__{user_groups}": user_obj})
        organization = current_organization()
        if organization is _NO_REQUEST:
            return Permission.objects.filter(in_a_group)
        # One filter() call: the group that holds the permission is the one checked.
        return Permission.objects.filter(in_a_group & groups_counting_in(organization, "group__"))

    def _get_permissions(self, user_obj, obj, from_name):
        # ModelBackend remembers the permissions on the user object; remember them per
        # organization, as a test or a job may check one user for two organizations.
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        cache_name = f"_{from_name}_perm_cache_{self._organization_key()}"
        if not hasattr(user_obj, cache_name):
            if user_obj.is_superuser:
                perms = Permission.objects.all()
            else:
                perms = getattr(self, f"_get_{from_name}_permissions")(user_obj)
            names = perms.values_list("content_type__app_label", "codename").order_by()
            setattr(user_obj, cache_name, {f"{ct}.{name}" for ct, name in names})
        return getattr(user_obj, cache_name)

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        cache_name = f"_perm_cache_{self._organization_key()}"
        if not hasattr(user_obj, cache_name):
            setattr(
                user_obj,
                cache_name,
                {
                    *self.get_user_permissions(user_obj),
                    *self.get_group_permissions(user_obj),
                },
            )
        return getattr(user_obj, cache_name)

    @staticmethod
    def _organization_key():
        organization = current_organization()
        if organization is _NO_REQUEST:
            return "any"
        return organization.pk if organization is not None else "none"
