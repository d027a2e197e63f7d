"""Procurement projects and announcements for the site search, as the procurement page shows
them (only where the site has a live, public procurement page)."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from tambon.core.searching import SearchDocument, SearchSource, source
from tambon.thai.fiscal import fiscal_year

from .models import ProcurementAnnouncement, ProcurementIndexPage, ProcurementProject


def _procurement_page(organization):
    site = getattr(organization, "site", None)
    if site is None:
        return None, None
    pages = ProcurementIndexPage.objects.live().public()
    page = pages.descendant_of(site.root_page, inclusive=True).first()
    url = page.get_url(current_site=site) if page else None
    return (page, url) if url else (None, None)


def _pk(key):
    return key.split(":", 1)[1]


@source
class ProjectSource(SearchSource):
    kind = "procurement"
    label = _("Procurement")
    models = (ProcurementProject, ProcurementAnnouncement)

    def project_document(self, organization, project, page, url):
        body = [
            project.egp_number,
            project.method_label,
            project.get_status_display(),
            project.winner,
            project.selection_reason,
            project.division.name if project.division_id else "",
            *(announcement.title for announcement in project.announcements.all()),
        ]
        date = project.contract_date
        return SearchDocument(
            key=f"{self.kind}:{project.pk}",
            organization_id=organization.pk,
            kind=self.kind,
            title=project.title,
            url=url + page.reverse_subpage("project", args=[project.pk]),
            body="\n".join(str(piece) for piece in body if piece),
            date=date,
            fiscal_year=project.fiscal_year,
        )

    def projects(self, organization):
        return (
            ProcurementProject.objects.for_organization(organization)
            .select_related("division")
            .prefetch_related("announcements")
        )

    def documents(self, organization):
        page, url = _procurement_page(organization)
        if page is None:
            return
        for project in self.projects(organization):
            yield self.project_document(organization, project, page, url)

    def keys_for(self, instance):
        if isinstance(instance, ProcurementAnnouncement):
            # An announcement of a project is shown on (and found through) the project.
            return [f"{self.kind}:{instance.project_id}"] if instance.project_id else []
        return [f"{self.kind}:{instance.pk}"]

    def document(self, organization, key):
        page, url = _procurement_page(organization)
        project = self.projects(organization).filter(pk=_pk(key)).first()
        if page is None or project is None:
            return None
        return self.project_document(organization, project, page, url)


@source
class AnnouncementSource(SearchSource):
    """Announcements without a project: found on the announcements list, filtered to them."""

    kind = "announcement"
    label = _("Procurement announcements")
    models = (ProcurementAnnouncement,)

    def announcement_document(self, organization, announcement, url):
        return SearchDocument(
            key=f"{self.kind}:{announcement.pk}",
            organization_id=organization.pk,
            kind=self.kind,
            title=announcement.title,
            url=f"{url}?{urlencode({'q': announcement.title[:100]})}",
            body=str(announcement.get_kind_display()),
            date=announcement.date,
            fiscal_year=fiscal_year(announcement.date),
        )

    def announcements(self, organization):
        return ProcurementAnnouncement.objects.for_organization(organization).filter(
            project__isnull=True
        )

    def documents(self, organization):
        page, url = _procurement_page(organization)
        if page is None:
            return
        for announcement in self.announcements(organization):
            yield self.announcement_document(organization, announcement, url)

    def document(self, organization, key):
        page, url = _procurement_page(organization)
        announcement = self.announcements(organization).filter(pk=_pk(key)).first()
        if page is None or announcement is None:
            return None
        return self.announcement_document(organization, announcement, url)
