"""A resident's photo of a proposal, served only when the site may show it: cleaned of its
metadata, its proposal published, its cycle shown, of the request's organization."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from tambon.core.scoping import organization_for_request

from .models import ProposalPhoto


@require_http_methods(["GET", "HEAD"])
def proposal_photo(request, pk, photo_pk):
    organization = organization_for_request(request)
    if organization is None:
        raise Http404
    photos = ProposalPhoto.objects.for_organization(organization).shown()
    photos = photos.filter(proposal__cycle_id=pk, proposal__cycle__shown=True)
    photo = get_object_or_404(photos, pk=photo_pk)
    try:
        handle = photo.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=photo.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response
