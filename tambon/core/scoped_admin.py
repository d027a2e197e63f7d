"""The admin of organization-owned snippets: a member sees, chooses and edits only the rows of
their organization (``staff_organization``); a row of another one is "not found"."""

from django.http import Http404
from django.utils.functional import classproperty
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

from .models import Organization
from .scoping import OrganizationOwned, guard_paused, scope_choices, staff_organization


class OrganizationOwnedForm(WagtailAdminModelForm):
    """Checks the unique constraints that name the organization (a field no form shows) and
    offers choices of organization-owned rows of the record's own organization only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.organization_id:
            scope_choices(self, self.instance.organization)

    def _get_validation_exclusions(self):
        exclusions = super()._get_validation_exclusions()
        if self.instance.organization_id:
            exclusions.discard("organization")
        return exclusions


class OrganizationPageForm(WagtailAdminPageForm):
    """A page's choices of organization-owned rows (a person's division and position) are
    those of the organization of the site the page is in."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        page = self.instance if self.instance.pk else parent_page
        if page is not None and (site := page.get_site()) is not None:
            scope_choices(self, Organization.for_site(site))


class ScopedChoicesMixin:
    """A create or edit view whose form offers only the member's organization's rows."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        scope_choices(form, staff_organization(self.request))
        return form


class OrganizationObjectMixin:
    """A view of one row: 404 unless it belongs to the member's organization."""

    def get_object(self, *args, **kwargs):
        with guard_paused():  # looked up by id, then checked below
            obj = super().get_object(*args, **kwargs)
        if obj.organization_id != staff_organization(self.request).pk:
            raise Http404
        return obj


class OrganizationCreateMixin:
    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        instance.organization = staff_organization(self.request)
        return instance


class ScopedChooser(AdminSnippetChooser):
    def get_instance(self, value):
        # The value stored on a row of this organization (or a choice the form has already
        # checked against its scoped list), read like a forward foreign key.
        if value is None or isinstance(value, self.model_class):
            return value
        return self.model_class._base_manager.filter(pk=value).first()


class ScopedChooseMixin:
    def get_object_list(self):
        return self.model_class.objects.for_organization(staff_organization(self.request))


class ChooseView(ScopedChooseMixin, chooser.ChooseView):
    pass


class ChooseResultsView(ScopedChooseMixin, chooser.ChooseResultsView):
    pass


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        organization = staff_organization(self.request)
        return self.model_class.objects.for_organization(organization).get(pk=pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        organization = staff_organization(self.request)
        return self.model_class.objects.for_organization(organization).filter(pk__in=pks)


class OrganizationChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView

    @property
    def widget_class(self):
        return ScopedChooser(model=self.model, icon=self.icon)


class ScopedChoicesSnippetViewSet(SnippetViewSet):
    """A snippet (not organization-owned yet) whose form chooses organization-owned rows."""


class OrganizationSnippetViewSet(ScopedChoicesSnippetViewSet):
    """A snippet of one organization: listed, chosen, opened and changed within it."""

    chooser_viewset_class = OrganizationChooserViewSet
    # The add and edit form's class, for checks of its own (a subclass of
    # OrganizationOwnedForm); else the model's base_form_class or OrganizationOwnedForm.
    base_form_class = None

    def get_queryset(self, request):
        return self.model.objects.for_organization(staff_organization(request))

    def get_edit_handler(self):
        edit_handler = super().get_edit_handler()
        edit_handler.base_form_class = (
            self.base_form_class or edit_handler.base_form_class or OrganizationOwnedForm
        )
        return edit_handler


def _scoped(view_class, mixin):
    return type(view_class.__name__, (mixin, view_class), {})


ScopedChoicesSnippetViewSet.add_view_class = _scoped(
    SnippetViewSet.add_view_class, ScopedChoicesMixin
)
ScopedChoicesSnippetViewSet.edit_view_class = _scoped(
    SnippetViewSet.edit_view_class, ScopedChoicesMixin
)
OrganizationSnippetViewSet.add_view_class = _scoped(
    ScopedChoicesSnippetViewSet.add_view_class, OrganizationCreateMixin
)
for _name in (
    "edit_view_class",
    "delete_view_class",
    "usage_view_class",
    "history_view_class",
    "inspect_view_class",
    "copy_view_class",
):
    setattr(
        OrganizationSnippetViewSet,
        _name,
        _scoped(getattr(ScopedChoicesSnippetViewSet, _name), OrganizationObjectMixin),
    )


@hooks.register("register_bulk_action", order=100)  # after Wagtail's, which it replaces
class OrganizationDeleteBulkAction(DeleteBulkAction):
    """Deleting ticked rows of the listing: only the member's organization's ids count."""

    @classproperty
    def models(cls):
        return [model for model in get_snippet_models() if issubclass(model, OrganizationOwned)]

    def get_queryset(self, model, object_ids):
        rows = model.objects.for_organization(staff_organization(self.request))
        rows = list(rows.filter(pk__in=object_ids))
        if not rows:
            raise Http404
        return rows

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        # The rows were looked up within the organization above.
        for row in objects:
            row.delete()
        return len(objects), 0

    def get_all_objects_in_listing_query(self, parent_id):
        organization = staff_organization(self.request)
        return self.model.objects.for_organization(organization).values_list("pk", flat=True)
