"""Organization-owned records: every row belongs to one organization, every query says which.

A model joins by extending ``OrganizationOwned``. Its default manager makes ``ScopedQuerySet``s:

- ``Division.objects.for_organization(org)`` filters to one organization and marks the query
  scoped; ``create``/``get_or_create`` on it fill the organization in;
- ``division.positions.all()`` (a related manager) is scoped by its parent;
- ``Division.objects.all_organizations()`` is the deliberate, grep-able escape hatch for
  migrations, operator jobs and management commands.

With the setting ``TAMBON_SCOPING_GUARD`` on (the test settings only), running any other query
of such a model raises ``UnscopedQuery`` naming it, so a view that forgot the scoping fails its
tests. In production the guard is off and costs nothing. A forward foreign key
(``position.division``) reads through the base manager and is not guarded: the row it points to
was reached through a scoped row.
"""

import sys
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.db import models
from django.forms import ModelChoiceField
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

SCOPED = "organization"
ALL_ORGANIZATIONS = "all organizations"
# Django's own checks of a row (unique fields, constraints) query the default manager; the
# constraints of an organization-owned model name the organization, so those may pass.
_guard_paused = ContextVar("tambon_scoping_guard_paused", default=False)


# Framework code that queries every organization alike, by the module that runs the query:
# Wagtail's reference index (after each save) and a page revision's foreign keys (modelcluster)
# read a row by an id already stored; the Snippets index counts each snippet type's rows.
FRAMEWORK_JOBS = ("wagtail.tasks", "modelcluster.models", "wagtail.snippets.views.snippets")


def _called_by_framework_job():
    """Whether the code that ran the query (the first caller outside Django and this module)
    is one of FRAMEWORK_JOBS."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module != __name__ and not module.startswith("django."):
            return module in FRAMEWORK_JOBS
        frame = frame.f_back
    return False


@contextmanager
def guard_paused():
    """No guard inside: for a lookup by id that the caller checks itself (the admin's views of
    one row) and for Django's checks of unique fields and constraints."""
    token = _guard_paused.set(True)
    try:
        yield
    finally:
        _guard_paused.reset(token)


class UnscopedQuery(Exception):  # noqa: N818 (it names what happened, like DoesNotExist)
    """A query of an organization-owned model said neither which organization nor "all"."""


class ScopedQuerySet(models.QuerySet):
    _scope = None
    _organization = None

    def for_organization(self, organization):
        clone = self.filter(organization=organization)
        clone._scope, clone._organization = SCOPED, organization
        return clone

    def all_organizations(self):
        """Every organization's rows, on purpose (migrations, operator jobs, commands)."""
        clone = self._chain()
        clone._scope = ALL_ORGANIZATIONS
        return clone

    def create(self, **fields):
        if self._organization is not None:
            fields.setdefault("organization", self._organization)
        return super().create(**fields)

    def _clone(self):
        clone = super()._clone()
        clone._scope, clone._organization = self._scope, self._organization
        return clone

    def _check_scoped(self):
        if self._scope or "instance" in self._hints:  # a related manager's query
            return
        if not getattr(settings, "TAMBON_SCOPING_GUARD", False) or _guard_paused.get():
            return
        if not _called_by_framework_job():
            raise UnscopedQuery(
                f"{self.model._meta.label} was queried without an organization: use "
                f".for_organization(org), or .all_organizations() where every one is meant."
            )

    def _fetch_all(self):
        if self._result_cache is None:
            self._check_scoped()
        super()._fetch_all()

    def iterator(self, *args, **kwargs):
        self._check_scoped()
        return super().iterator(*args, **kwargs)

    def count(self):
        if self._result_cache is None:
            self._check_scoped()
        return super().count()

    def exists(self):
        if self._result_cache is None:
            self._check_scoped()
        return super().exists()

    def aggregate(self, *args, **kwargs):
        self._check_scoped()
        return super().aggregate(*args, **kwargs)

    def update(self, **kwargs):
        self._check_scoped()
        return super().update(**kwargs)

    def delete(self):
        self._check_scoped()
        return super().delete()

    def in_bulk(self, *args, **kwargs):
        self._check_scoped()
        return super().in_bulk(*args, **kwargs)


class OrganizationOwned(models.Model):
    """A record of one organization. Its default manager is scoped (see the module)."""

    organization = models.ForeignKey(
        "core.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="+",
        # Set by the code from the request, never chosen by a member.
        editable=False,
    )

    objects = ScopedQuerySet.as_manager()

    # A record under another (an attachment under its case) names that foreign key here: its
    # organization is the parent's, filled in on save and never different from it.
    organization_parent = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.organization_parent:
            parent = getattr(self, self.organization_parent)
            if self.organization_id is None:
                self.organization_id = parent.organization_id
            elif parent.organization_id != self.organization_id:
                raise ValueError(
                    f"{self._meta.label} must belong to the organization of its "
                    f"{self.organization_parent}"
                )
        super().save(*args, **kwargs)

    def validate_unique(self, exclude=None):
        with guard_paused():
            super().validate_unique(exclude)

    def validate_constraints(self, exclude=None):
        with guard_paused():
            super().validate_constraints(exclude)


def organization_for_request(request):
    """The organization of the site the request is served on (cached on the request).

    In the admin this is also the staff member's organization, for now: until memberships
    exist (issue 10), a member works on the organization of the site the admin is served on.
    """
    # By name: models.py builds on this module.
    Organization = apps.get_model("core", "Organization")
    if not hasattr(request, "_tambon_organization"):
        site = Site.find_for_request(request)
        request._tambon_organization = Organization.for_site(site) if site else None
    return request._tambon_organization


def staff_organization(request):
    """The organization a staff member acts for in the admin.

    Temporary: it is the organization of the site the admin is served on
    (``organization_for_request``); memberships will decide it later (issue 10).
    """
    return organization_for_request(request)


def scope_choices(form, organization):
    """Limit every choice list of organization-owned rows in ``form`` to ``organization``."""
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if isinstance(field, ModelChoiceField) and isinstance(queryset, ScopedQuerySet):
            field.queryset = queryset.for_organization(organization)
