"""Official information the organization publishes: folders (categories) and records with files.

A record is one published item (a plan, a report, a law, a manual) with its files. Categories are
editable data, pre-loaded with the folders the Official Information Act (s.7 and s.9) and the ITA
assessment ask for.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet
from tambon.thai.dates import MIN_BUDDHIST_YEAR
from tambon.thai.fiscal import fiscal_year, today_in_bangkok

# What a record's files may be; checked again by content when a document is uploaded.
RECORD_FILE_EXTENSIONS = ("pdf", "docx", "xlsx")


class RecordCategoryQuerySet(ScopedQuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)


class RecordCategory(OrganizationOwned):
    """A folder of records of one organization: "ข้อมูลข่าวสารตามมาตรา 7", "กฎหมายที่เกี่ยวข้อง" ...

    Its address name (slug) is unique within the organization: every organization has a "laws"
    folder."""

    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(
        _("address name"),
        max_length=80,
        allow_unicode=False,
        help_text=_(
            "Latin letters, digits and hyphens; part of the folder's address, so keep it once "
            "published."
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("inside folder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # deleting a folder lifts its sub-folders to the top
        related_name="children",
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Shown at the top of the folder: what it holds and what the law requires."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = RecordCategoryQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("parent"), FieldPanel("sort_order")]),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "slug"], name="infocenter_category_unique_slug"
            )
        ]
        verbose_name = _("record category")
        verbose_name_plural = _("record categories")

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return self.name

    def clean(self):
        super().clean()
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A folder cannot be inside itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def ancestors(self):
        """From the top folder down to this folder's parent."""
        trail = []
        ancestor = self.parent
        while ancestor is not None and ancestor not in trail and ancestor.pk != self.pk:
            trail.insert(0, ancestor)
            ancestor = ancestor.parent
        return trail

    def descendant_ids(self):
        """This folder's id and those of every folder inside it, at any depth (one query:
        an organization has tens of folders, not thousands)."""
        children = {}
        folders = RecordCategory.objects.for_organization(self.organization_id)
        for pk, parent_id in folders.values_list("pk", "parent_id").order_by():
            children.setdefault(parent_id, []).append(pk)
        ids, frontier = [], [self.pk]
        while frontier:
            ids += frontier
            frontier = [c for pk in frontier for c in children.get(pk, []) if c not in ids]
        return ids


class InfoRecordQuerySet(ScopedQuerySet):
    def live(self):
        return self.filter(live=True)

    def in_category(self, category):
        """Records of the folder and of every folder inside it."""
        return self.filter(category_id__in=category.descendant_ids())

    def of_fiscal_year(self, year):
        return self.filter(fiscal_year=year)

    def matching(self, text):
        """Every word of `text` appears in the title, the summary or a file's title.

        A plain substring match: Thai is written without spaces between words, so a word typed
        by the visitor is found inside longer runs of text.
        """
        records = self
        for word in text.split():
            records = records.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(files__title__icontains=word)
                | Q(files__document__title__icontains=word)
            )
        return records.distinct()

    def newest_first(self):
        return self.order_by("-published_on", "-pk")


class InfoRecord(OrganizationOwned, ClusterableModel):
    """One published item of official information, with its files, in a folder of its
    organization."""

    title = models.CharField(_("title"), max_length=255)
    category = models.ForeignKey(
        RecordCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="records",
    )
    published_on = models.DateField(_("publish date"), default=today_in_bangkok)
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"),
        blank=True,
        help_text=_(
            "Leave empty to use the fiscal year of the publish date (October - September)."
        ),
    )
    period_start = models.DateField(_("period covered from"), null=True, blank=True)
    period_end = models.DateField(_("period covered until"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    division = models.ForeignKey(
        "people.Division",
        verbose_name=_("responsible division"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    live = models.BooleanField(
        _("visible to visitors"),
        default=True,
        help_text=_("Untick to keep the record as a draft that visitors do not see."),
    )

    objects = InfoRecordQuerySet.as_manager()
    organization_parent = "category"

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("division")]),
        FieldRowPanel([FieldPanel("published_on"), FieldPanel("fiscal_year")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")])],
            heading=_("Period covered"),
        ),
        FieldPanel("summary"),
        InlinePanel("files", heading=_("Files"), label=_("file")),
        FieldPanel("live"),
    ]

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("information record")
        verbose_name_plural = _("information records")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.fiscal_year:
            self.fiscal_year = fiscal_year(self.published_on or today_in_bangkok())
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.fiscal_year and self.fiscal_year < MIN_BUDDHIST_YEAR:
            errors["fiscal_year"] = _("Give the fiscal year in the Buddhist Era, for example 2568.")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The end of the period cannot be before its start.")
        if errors:
            raise ValidationError(errors)


class InfoRecordFile(OrganizationOwned, Orderable):
    """A file of a record: a Wagtail document, in the order the clerk sets."""

    record = ParentalKey(
        InfoRecord, verbose_name=_("record"), on_delete=models.CASCADE, related_name="files"
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("name shown"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to show the document's own title."),
    )

    organization_parent = "record"

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("record file")
        verbose_name_plural = _("record files")

    def __str__(self):
        return self.display_title

    def clean(self):
        super().clean()
        if self.document_id and self.document.file_extension.lower() not in RECORD_FILE_EXTENSIONS:
            raise ValidationError(
                {"document": _("A record's files must be PDF, Word (DOCX) or Excel (XLSX) files.")}
            )

    @property
    def display_title(self):
        return self.title or self.document.title

    @property
    def file_type(self):
        return self.document.file_extension.upper()
