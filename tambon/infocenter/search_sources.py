"""Information records (with the text of their files) and court rulings for the site search.

Shown only where the site shows them: a record is public when it is live and the site has a
live, public information center page; a ruling when the site has a court rulings page. The text
of a file comes from core's document text (read in the background); a file in a collection
with a view restriction gives its name only.
"""

from urllib.parse import urlencode

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from tambon.core.searching import SearchDocument, SearchSource, source
from tambon.thai.fiscal import fiscal_year

from .models import CourtRuling, CourtRulingsPage, InfoCenterPage, InfoRecord, InfoRecordFile


def _public_page(model, organization):
    site = getattr(organization, "site", None)
    if site is None:
        return None
    page = model.objects.live().public().descendant_of(site.root_page, inclusive=True).first()
    if page is None:
        return None
    url = Page.get_url(page, current_site=site)
    return (page, url) if url else None


def document_text(document):
    """The text read from a document's file, '' until it is read or if it is private."""
    if document.collection.get_view_restrictions().exists():
        return ""
    try:
        from tambon.core.document_text import text_of  # the document text task's model
    except ImportError:
        return ""
    return text_of(document) or ""


def _key_pk(key):
    return key.split(":", 1)[1]


@source
class RecordSource(SearchSource):
    kind = "record"
    label = _("Information records")
    models = (InfoRecord, InfoRecordFile, get_document_model())

    def records(self, organization):
        files = InfoRecordFile.objects.for_organization(organization)
        files = files.select_related("document__collection").order_by("sort_order")
        return (
            InfoRecord.objects.for_organization(organization)
            .live()
            .select_related("category")
            .prefetch_related(Prefetch("files", queryset=files))
        )

    def record_document(self, organization, record, page_url, page):
        files = list(record.files.all())
        body = [record.summary, record.category.name]
        for file in files:
            body += [file.display_title, document_text(file.document)]
        return SearchDocument(
            key=f"{self.kind}:{record.pk}",
            organization_id=organization.pk,
            kind=self.kind,
            title=record.title,
            url=page_url + page.reverse_subpage("record", args=[record.pk]),
            body="\n".join(piece for piece in body if piece),
            date=record.published_on,
            fiscal_year=record.fiscal_year,
        )

    def documents(self, organization):
        found = _public_page(InfoCenterPage, organization)
        if found is None:
            return
        page, url = found
        for record in self.records(organization):
            yield self.record_document(organization, record, url, page)

    def keys_for(self, instance):
        if isinstance(instance, InfoRecordFile):
            return [f"{self.kind}:{instance.record_id}"]
        if isinstance(instance, InfoRecord):
            return [f"{self.kind}:{instance.pk}"]
        return []

    def organization_keys_for(self, instance):
        """A document (its file's text was read, or it changed): the records that use it."""
        if not isinstance(instance, get_document_model()):
            return None
        files = InfoRecordFile.objects.all_organizations().filter(document=instance)
        found = {}
        for organization_id, record_id in files.values_list("organization_id", "record_id"):
            found.setdefault(organization_id, []).append(f"{self.kind}:{record_id}")
        return found

    def document(self, organization, key):
        found = _public_page(InfoCenterPage, organization)
        record = self.records(organization).filter(pk=_key_pk(key)).first()
        if found is None or record is None:
            return None
        page, url = found
        return self.record_document(organization, record, url, page)


@source
class RulingSource(SearchSource):
    kind = "ruling"
    label = _("Court rulings")
    models = (CourtRuling,)

    def ruling_document(self, organization, ruling, page_url):
        return SearchDocument(
            key=f"{self.kind}:{ruling.pk}",
            organization_id=organization.pk,
            kind=self.kind,
            title=f"{ruling.case_number} {ruling.subject}",
            # The rulings page filtered to this case number: rulings have no page of their own.
            url=f"{page_url}?{urlencode({'q': ruling.case_number})}",
            body="\n".join(piece for piece in (ruling.court, ruling.summary) if piece),
            date=ruling.ruling_date,
            fiscal_year=fiscal_year(ruling.ruling_date),
        )

    def documents(self, organization):
        found = _public_page(CourtRulingsPage, organization)
        if found is None:
            return
        for ruling in CourtRuling.objects.for_organization(organization):
            yield self.ruling_document(organization, ruling, found[1])

    def document(self, organization, key):
        found = _public_page(CourtRulingsPage, organization)
        ruling = CourtRuling.objects.for_organization(organization).filter(pk=_key_pk(key))
        ruling = ruling.first()
        if found is None or ruling is None:
            return None
        return self.ruling_document(organization, ruling, found[1])
