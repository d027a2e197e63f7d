"""In a proposal's admin form: the photos the resident sent, to look at before publishing
(publishing a proposal shows its photos too), each with a button to delete it."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class ProposalPhotosPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "participation/admin/proposal_photos_panel.html"

        @property
        def photos(self):
            if not self.instance.pk:
                return []
            return [
                (
                    photo,
                    reverse("participation_staff_photo", args=[photo.pk]),
                    reverse("participation_delete_photo", args=[photo.pk]),
                )
                for photo in self.instance.photos.all()
            ]

        def is_shown(self):
            return bool(self.photos)

        def get_context_data(self, parent_context=None):
            return {**super().get_context_data(parent_context), "photos": self.photos}
