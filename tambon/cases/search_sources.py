"""The forms a citizen fills in (case categories and e-services, by name and description) and
the published questions and answers, for the site search. So "ขยะ" leads to the complaint form
whose category is "ขยะและความสะอาด" and to the e-service "ขอรับถังขยะ". Never a case itself."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tambon.core.searching import SearchDocument, SearchSource, source
from tambon.thai.dates import to_bangkok_date
from tambon.thai.fiscal import fiscal_year

from .models import CaseKind, Category, PublishedQuestion, QuestionAnswerPage, ServiceType

CATEGORY, SERVICE = "category", "service"


@source
class FormSource(SearchSource):
    kind = "form"
    label = _("Forms and e-services")
    models = (Category, ServiceType)

    def keys_for(self, instance):
        prefix = SERVICE if isinstance(instance, ServiceType) else CATEGORY
        return [f"{self.kind}:{prefix}-{instance.pk}"]

    def category_document(self, organization, category):
        kind = CaseKind(category.kind)
        if kind == CaseKind.ESERVICE:
            url = reverse("cases:services")
        else:
            url = reverse("cases:new", args=[kind.value])
        return SearchDocument(
            key=f"{self.kind}:{CATEGORY}-{category.pk}",
            organization_id=organization.pk,
            kind=self.kind,
            title=f"{kind.label}: {category.name}",
            url=url,
            body=category.name,
        )

    def service_document(self, organization, service):
        return SearchDocument(
            key=f"{self.kind}:{SERVICE}-{service.pk}",
            organization_id=organization.pk,
            kind=self.kind,
            title=service.name,
            url=reverse("cases:new_service", args=[service.slug]),
            body=service.description,
        )

    def categories(self, organization):
        return Category.objects.for_organization(organization).active()

    def services(self, organization):
        return ServiceType.objects.for_organization(organization).live()

    def documents(self, organization):
        for category in self.categories(organization):
            yield self.category_document(organization, category)
        for service in self.services(organization):
            yield self.service_document(organization, service)

    def document(self, organization, key):
        prefix, _sep, pk = key.split(":", 1)[1].partition("-")
        if prefix == SERVICE:
            service = self.services(organization).filter(pk=pk).first()
            return service and self.service_document(organization, service)
        category = self.categories(organization).filter(pk=pk).first()
        return category and self.category_document(organization, category)


def _answers_page(organization):
    site = getattr(organization, "site", None)
    if site is None:
        return None, None
    pages = QuestionAnswerPage.objects.live().public()
    page = pages.descendant_of(site.root_page, inclusive=True).first()
    url = page.get_url(current_site=site) if page else None
    return (page, url) if url else (None, None)


@source
class QuestionSource(SearchSource):
    """Published answers, as staff rewrote them for everyone: never the citizen's words."""

    kind = "question"
    label = _("Questions and answers")
    models = (PublishedQuestion,)

    def question_document(self, organization, item, page, url):
        return SearchDocument(
            key=f"{self.kind}:{item.pk}",
            organization_id=organization.pk,
            kind=self.kind,
            title=item.question[:200],
            url=url + page.reverse_subpage("answer", args=[item.code]),
            body=f"{item.question}\n{item.answer}",
            date=to_bangkok_date(item.published_at),
            fiscal_year=fiscal_year(item.published_at),
        )

    def published(self, organization):
        return PublishedQuestion.objects.for_organization(organization).published()

    def documents(self, organization):
        page, url = _answers_page(organization)
        if page is None:
            return
        for item in self.published(organization):
            yield self.question_document(organization, item, page, url)

    def document(self, organization, key):
        page, url = _answers_page(organization)
        item = self.published(organization).filter(pk=key.split(":", 1)[1]).first()
        if page is None or item is None:
            return None
        return self.question_document(organization, item, page, url)
