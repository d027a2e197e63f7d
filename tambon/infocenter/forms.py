"""Admin forms of the information center's pages: every choice of an organization-owned row,
in the page's own fields and in its inline rows, is one of the site's organization."""

from tambon.core.models import Organization
from tambon.core.scoped_admin import OrganizationPageForm
from tambon.core.scoping import scope_choices


def scoped_form_class(form_class, organization):
    """`form_class` whose choices are limited to `organization`'s rows."""

    def __init__(self, *args, **kwargs):
        form_class.__init__(self, *args, **kwargs)
        scope_choices(self, organization)

    return type(form_class.__name__, (form_class,), {"__init__": __init__})


class OrganizationInlinePageForm(OrganizationPageForm):
    """A page with inline rows that choose folders or records (the anti-corruption page's
    topics): those rows offer the site's organization's only, as the page's own fields do."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        page = self.instance if self.instance.pk else parent_page
        site = page.get_site() if page is not None else None
        if site is not None:
            organization = Organization.for_site(site)
            for formset in self.formsets.values():
                formset.form = scoped_form_class(formset.form, organization)
