"""A resident's photo of a proposal, served only when the site may show it: cleaned of its
metadata, its proposal published, its cycle shown, of the request's organization. Staff see
the cleaned photos before publishing, and may delete one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tambon.core.scoping import organization_for_request, staff_organization

from .models import ProposalPhoto


@require_http_methods(["GET", "HEAD"])
def proposal_photo(request, pk, photo_pk):
    organization = organization_for_request(request)
    if organization is None:
        raise Http404
    photos = ProposalPhoto.objects.for_organization(organization).shown()
    photos = photos.filter(proposal__cycle_id=pk, proposal__cycle__shown=True)
    return _file_response(get_object_or_404(photos, pk=photo_pk))


def _file_response(photo):
    try:
        handle = photo.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=photo.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _staff_photo(request, pk):
    if not request.user.has_perm("participation.change_proposal"):
        raise PermissionDenied
    photos = ProposalPhoto.objects.for_organization(staff_organization(request))
    return get_object_or_404(photos.select_related("proposal"), pk=pk)


@require_http_methods(["GET", "HEAD"])
def staff_photo(request, pk):
    """A cleaned photo for staff, whatever its proposal's review (to look at before publishing)."""
    photo = _staff_photo(request, pk)
    if not photo.cleaned:
        raise Http404  # the original still holds its location
    return _file_response(photo)


@require_http_methods(["POST"])
def delete_photo(request, pk):
    photo = _staff_photo(request, pk)
    proposal = photo.proposal
    name = photo.file.name
    photo.delete()
    if name:
        photo.file.storage.delete(name)
    messages.success(request, _("The photo was deleted."))
    return redirect("wagtailsnippets_participation_proposal:edit", proposal.pk)
