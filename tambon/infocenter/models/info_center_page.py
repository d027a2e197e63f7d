"""The information center's public page: folders, records and their open data.

Addresses are stable, because the ITA assessor's evidence links point at them:
  <info center>/category/<slug>/              a folder's records (?year=&q=&page=)
  <info center>/category/<slug>/csv/          the same as open data (json/ too)
  <info center>/records/                      every record (records/csv/, records/json/)
  <info center>/record/<id>/                  one record with its files
Exports are csv/ and json/ sub-paths of their listing, as every listing's are. The first
addresses, <info center>/records.csv and <folder>/records.json, redirect here (urls.py).
"""

from urllib.parse import urlencode

from django.db import models
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from tambon.core.pages import BasePage
from tambon.core.replica import ServedFromReplica

from ..exports import records_csv, records_json
from ..filters import ListingFilterForm, paginate
from .records import InfoRecord, InfoRecordFile, RecordCategory
from .site_organization import SiteOrganizationMixin


def public_records(organization):
    files = InfoRecordFile.objects.for_organization(organization)
    files = files.select_related("document").order_by("sort_order")
    return (
        InfoRecord.objects.for_organization(organization)
        .live()
        .select_related("category", "division")
        .prefetch_related(Prefetch("files", queryset=files))
        .newest_first()
    )


class InfoCenterPage(ServedFromReplica, SiteOrganizationMixin, RoutablePageMixin, BasePage):
    """ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์: the folders of official information and their records."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(
        _("more text"),
        blank=True,
        help_text=_("For example how to ask for other information under section 11."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1  # one per site: the quick links and ITA evidence point at it

    class Meta:
        verbose_name = _("information center page")
        verbose_name_plural = _("information center pages")

    @classmethod
    def for_site(cls, site):
        if site is None:
            return None
        return cls.objects.live().descendant_of(site.root_page, inclusive=True).first()

    def get_sitemap_urls(self, request=None):
        """The page, every folder and every published record, so search engines find them."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        organization = self.site_organization
        urls += [
            {"location": base + self.reverse_subpage("category", args=[slug])}
            for slug in RecordCategory.objects.for_organization(organization).values_list(
                "slug", flat=True
            )
        ]
        urls += [
            {"location": base + self.reverse_subpage("record", args=[pk])}
            for pk in InfoRecord.objects.for_organization(organization)
            .live()
            .values_list("pk", flat=True)
        ]
        return urls

    # Addresses

    def category_url(self, category):
        return self.url + self.reverse_subpage("category", args=[category.slug])

    def record_url(self, record):
        return self.url + self.reverse_subpage("record", args=[record.pk])

    def export_url(self, kind, category=None, filters=None):
        """The CSV or JSON of a folder's listing (or of every record), with its filters."""
        if category is None:
            url = self.url + self.reverse_subpage(f"records_{kind}")
        else:
            url = self.url + self.reverse_subpage(f"category_{kind}", args=[category.slug])
        return f"{url}?{urlencode(filters)}" if filters else url

    # Views

    @path("")
    def index(self, request):
        organization = self.site_organization
        counts = dict(
            InfoRecord.objects.for_organization(organization)
            .live()
            .values_list("category_id")
            .annotate(n=Count("pk"))
            .values_list("category_id", "n")
        )
        categories = list(RecordCategory.objects.for_organization(organization))
        children = {}
        for category in categories:
            category.record_count = counts.get(category.pk, 0)
            category.url = self.category_url(category)
            children.setdefault(category.parent_id, []).append(category)
        for category in categories:
            category.folders = children.get(category.pk, [])
        return self.render(request, context_overrides={"folders": children.get(None, [])})

    def listing(self, request, category=None):
        """The live records of `category` (or all), filtered, and the filter form."""
        records = public_records(self.site_organization)
        if category is not None:
            records = records.in_category(category)
        years = sorted(set(records.values_list("fiscal_year", flat=True)), reverse=True)
        form = ListingFilterForm(request.GET, years=years)
        filters = form.filters()
        if "year" in filters:
            records = records.of_fiscal_year(filters["year"])
        if "q" in filters:
            records = records.matching(filters["q"])
        return form, filters, records

    def render_listing(self, request, category=None):
        form, filters, records = self.listing(request, category)
        listing = paginate(request, records)
        for record in listing:
            record.url = self.record_url(record)
        trail = category.ancestors() if category else []
        folders = list(category.children.all()) if category else []
        for folder in trail + folders:
            folder.url = self.category_url(folder)
        return self.render(
            request,
            template="infocenter/info_center_listing.html",
            context_overrides={
                "category": category,
                "trail": trail,
                "folders": folders,
                "form": form,
                "filters": filters,
                "records": listing,
                "csv_url": self.export_url("csv", category, filters),
                "json_url": self.export_url("json", category, filters),
            },
        )

    def export(self, request, kind, category=None):
        """The records of the listing (with its filters) as CSV or JSON."""
        _form, filters, records = self.listing(request, category)
        records = list(records)
        name = f"records-{category.slug}" if category else "records"
        if kind == "csv":
            return records_csv(records, request, self.record_url, filename=f"{name}.csv")
        return records_json(
            records,
            request,
            self.record_url,
            filename=f"{name}.json",
            filters=filters,
            category=category,
        )

    def get_category(self, slug):
        """The folder of this page's organization; another organization's slug is not found."""
        return get_object_or_404(
            RecordCategory.objects.for_organization(self.site_organization), slug=slug
        )

    @path("records/")
    def all_records(self, request):
        return self.render_listing(request)

    @path("records/csv/", name="records_csv")
    def all_records_csv(self, request):
        return self.export(request, "csv")

    @path("records/json/", name="records_json")
    def all_records_json(self, request):
        return self.export(request, "json")

    @path("category/<slug:slug>/")
    def category(self, request, slug):
        return self.render_listing(request, self.get_category(slug))

    @path("category/<slug:slug>/csv/", name="category_csv")
    def category_csv(self, request, slug):
        return self.export(request, "csv", self.get_category(slug))

    @path("category/<slug:slug>/json/", name="category_json")
    def category_json(self, request, slug):
        return self.export(request, "json", self.get_category(slug))

    @path("record/<int:record_id>/")
    def record(self, request, record_id):
        record = public_records(self.site_organization).filter(pk=record_id).first()
        if record is None:
            raise Http404
        trail = [*record.category.ancestors(), record.category]
        for folder in trail:
            folder.url = self.category_url(folder)
        return self.render(
            request,
            template="infocenter/info_center_record.html",
            context_overrides={"record": record, "trail": trail},
        )
