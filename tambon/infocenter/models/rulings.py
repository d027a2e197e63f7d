"""Administrative court rulings that matter to local government, summarised for the public."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.documents import get_document_model_string

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet
from tambon.thai.dates import buddhist_year, gregorian_year


class CourtRulingQuerySet(ScopedQuerySet):
    def of_year(self, be_year):
        """Rulings given in a Buddhist-Era calendar year."""
        return self.filter(ruling_date__year=gregorian_year(be_year))

    def matching(self, text):
        rulings = self
        for word in text.split():
            rulings = rulings.filter(
                Q(case_number__icontains=word)
                | Q(subject__icontains=word)
                | Q(summary__icontains=word)
                | Q(court__icontains=word)
            )
        return rulings

    def newest_first(self):
        return self.order_by("-ruling_date", "-pk")


class CourtRuling(OrganizationOwned):
    """One ruling: case number, date, court, subject, summary, and where to read it in full."""

    case_number = models.CharField(
        _("case number"), max_length=100, help_text=_("For example: คดีหมายเลขแดงที่ อ.123/2565")
    )
    ruling_date = models.DateField(_("ruling date"))
    court = models.CharField(_("court"), max_length=150, default="ศาลปกครองสูงสุด")
    subject = models.CharField(_("subject"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    url = models.URLField(_("link to the ruling"), blank=True)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document of the ruling"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CourtRulingQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("case_number"), FieldPanel("ruling_date")]),
        FieldPanel("court"),
        FieldPanel("subject"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("document")]),
    ]

    class Meta:
        ordering = ["-ruling_date", "-pk"]
        verbose_name = _("court ruling")
        verbose_name_plural = _("court rulings")

    def __str__(self):
        return f"{self.case_number} {self.subject}"

    def clean(self):
        super().clean()
        if not self.url and not self.document_id:
            raise ValidationError(
                {
                    "url": _(
                        "Give a link to the ruling or attach its document, so readers can check it."
                    )
                }
            )

    @property
    def year(self):
        return buddhist_year(self.ruling_date.year)
