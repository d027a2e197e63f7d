"""Reviewing proposals in bulk from the admin's list: tick them, then "Publish" or "Do not
publish". Only the member's organization's ticked proposals are changed."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from tambon.core.scoping import staff_organization

from .models import Moderation, Proposal


class ProposalBulkAction(SnippetBulkAction):
    """An action on the ticked proposals of the member's own organization (another's, or an id
    that is not a number, is not found). Its confirmation page extends
    participation/admin/confirm_base.html, which names the proposals the member may not touch
    with `no_access_message`."""

    models = [Proposal]
    no_access_message = _("You may not change these proposals")

    def get_queryset(self, model, object_ids):
        proposals = model.objects.for_organization(staff_organization(self.request))
        found = list(proposals.filter(pk__in=[i for i in object_ids if str(i).isdigit()]))
        if not found:
            raise Http404
        return found

    def get_all_objects_in_listing_query(self, parent_id):
        organization = staff_organization(self.request)
        return self.model.objects.for_organization(organization).values_list("pk", flat=True)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_label": self.display_name,
            "no_access_message": self.no_access_message,
        }


class ReviewProposals(ProposalBulkAction):
    template_name = "participation/admin/confirm_review.html"
    no_access_message = _("You may not review these proposals")
    new_state = None

    def check_perm(self, obj):
        return self.request.user.has_perm("participation.change_proposal")

    def get_execution_context(self):
        return {**super().get_execution_context(), "new_state": self.new_state}

    @classmethod
    def execute_action(cls, objects, new_state=None, **kwargs):
        # The proposals were looked up within the organization above.
        for proposal in objects:
            proposal.moderation = new_state
            proposal.save(update_fields=["moderation"])
        return len(objects), 0


class PublishProposals(ReviewProposals):
    display_name = _("Publish")
    action_type = "publish-proposals"
    aria_label = _("Publish the selected proposals")
    new_state = Moderation.PUBLISHED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d proposal published.", "%(count)d proposals published.", num_parent_objects
        ) % {"count": num_parent_objects}


class RejectProposals(ReviewProposals):
    display_name = _("Do not publish")
    action_type = "reject-proposals"
    aria_label = _("Do not publish the selected proposals")
    new_state = Moderation.REJECTED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d proposal will not be published.",
            "%(count)d proposals will not be published.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
