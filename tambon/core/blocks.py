"""The one set of StreamField blocks every page type shares."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from .permissions import current_request

ICON_CHOICES = [
    ("megaphone", _("Complaint")),
    ("calendar", _("Activities")),
    ("person", _("Person")),
    ("shield", _("Integrity")),
    ("folder", _("Information")),
    ("scales", _("Court")),
    ("hand", _("Anti-corruption")),
    ("facebook", _("Facebook")),
    ("phone", _("Hotline")),
    ("link", _("Link")),
]


class LinkStructValue(blocks.StructValue):
    @property
    def url(self):
        page = self.get("page")
        if page:
            # With several sites Wagtail writes an absolute address unless it knows the request:
            # a page of the site being served keeps a root-relative link.
            return page.get_url(current_request())
        return self.get("address") or ""

    @property
    def is_external(self):
        return not self.get("page") and not (self.get("address") or "").startswith("/")


def validate_link_address(value):
    if value and not value.startswith(("/", "https://", "http://", "tel:", "mailto:")):
        raise ValidationError(
            _("Start the address with https:// (another site) or / (a page of this site).")
        )


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to an address: exactly one of the two."""

    page = blocks.PageChooserBlock(label=_("page on this site"), required=False)
    address = blocks.CharBlock(
        label=_("or an address"),
        required=False,
        max_length=500,
        validators=[validate_link_address],
        help_text=_("https://... for another site, or /news/... for a part of a page here."),
    )

    class Meta:
        value_class = LinkStructValue
        icon = "link"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("address")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter an address, not both.")),
                }
            )
        return value


class LabelledLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=80)
    link = LinkBlock(label=_("link"))

    class Meta:
        icon = "link"


class QuickLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=80)
    description = blocks.CharBlock(label=_("short description"), required=False, max_length=120)
    icon = blocks.ChoiceBlock(label=_("icon"), choices=ICON_CHOICES, default="link")
    link = LinkBlock(label=_("link"))

    class Meta:
        icon = "link"
        template = "core/blocks/quick_link.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "core/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("images"), min_num=1)

    class Meta:
        icon = "image"
        template = "core/blocks/gallery.html"


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title shown"), required=False, help_text=_("Leave empty to use the file's title.")
    )


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        template = "core/blocks/document_list.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.TextBlock(label=_("text"), required=False)
    button_label = blocks.CharBlock(label=_("button label"), max_length=80)
    link = LinkBlock(label=_("link"))

    class Meta:
        icon = "pick"
        template = "core/blocks/call_to_action.html"


class EmbedWithTitleBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("address of the video or post"))
    title = blocks.CharBlock(
        label=_("title"),
        max_length=200,
        help_text=_("Describes the embedded content for screen readers."),
    )

    class Meta:
        icon = "media"
        template = "core/blocks/embed.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("heading"),
        form_classname="title",
        icon="title",
        template="core/blocks/heading.html",
    )
    rich_text = blocks.RichTextBlock(
        label=_("text"),
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"],
    )
    image = CaptionedImageBlock(label=_("image"))
    gallery = GalleryBlock(label=_("gallery"))
    documents = DocumentListBlock(label=_("document list"))
    embed = EmbedWithTitleBlock(label=_("embed"))
    call_to_action = CallToActionBlock(label=_("call to action"))
    table = TableBlock(
        label=_("table"),
        table_options={"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False},
    )
