"""Two organizations side by side for the isolation tests: A on the default site (localhost)
and B on b.localhost, B holding one row of every organization-owned model, each carrying the
marker ``CANARY-B-`` in its text, so that a page of A that shows anything of B is caught by
looking for the marker.

Every organization-owned model must have a builder in ``OWNED_ROWS``: a new model cannot be
forgotten (test_isolation_covers_every_owned_model).
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Page

from tambon.cases import audit
from tambon.cases.models import (
    AccessAction,
    AccessRecord,
    Attachment,
    PublishedQuestion,
    ServiceDocument,
    ServiceField,
    ServiceType,
)
from tambon.cases.models.apikey import issue_key
from tambon.cases.tests.factories import CaseFactory, CategoryFactory, ServiceTypeFactory
from tambon.core import document_text, memberships
from tambon.core.models import DocumentText, HostName, Organization, Role
from tambon.core.searching import SearchDocument
from tambon.core.tests.document_files import docx
from tambon.core.tests.factories import ImageFactory
from tambon.infocenter.tests.factories import (
    CourtRulingFactory,
    GiftRegisterEntryFactory,
    InfoRecordFactory,
    ItaEvidenceFactory,
    ItaIndicatorFactory,
    ItaItemFactory,
    ItaYearFactory,
    RecordCategoryFactory,
)
from tambon.pages.tests.factories import (
    StandardPageFactory,
    organization_site,
    second_organization_site,
)
from tambon.participation.models import (
    AgeGroup,
    ForumAttendance,
    ForumPhoto,
    ForumTally,
    PhaseKind,
    ProjectStatus,
    ProjectUpdate,
    ProposalPhoto,
    Sex,
)
from tambon.participation.tests.factories import (
    CategoryFactory as PlanCategoryFactory,
)
from tambon.participation.tests.factories import (
    ForumFactory,
    PlanEditionFactory,
    PlanProjectFactory,
    ProposalFactory,
    StrategyFactory,
    VillageFactory,
    cycle_around,
)
from tambon.people.tests.factories import DivisionFactory, PositionFactory
from tambon.procurement.models import (
    ImportJob,
    ProcurementPlan,
)
from tambon.procurement.tests.factories import (
    AnnualProcurementReportFactory,
    PlanLineFactory,
    ProcurementAnnouncementFactory,
    ProcurementPlanFactory,
    ProcurementProjectFactory,
)
from tambon.search import engine as search_engine
from tambon.search.models import LocalWord, SearchEntry, SearchWord
from tambon.stats.models import DailyPageViews, DailyVisits

A_HOST = "localhost"
B_HOST = "b.localhost"
CANARY = "CANARY-B-"
VISITS_CANARY = 987_654


def canary(label):
    return f"{CANARY}{label}"


def _organization_group(organization):
    return memberships.role_group(organization, Role.EDITOR).organization_group


def _case(organization):
    """A case of every kind of data under it: reporter, event, attachment, the showing of the
    reporter, its published answer; and the category and e-service type it was filed under."""
    category = CategoryFactory(organization=organization, name=canary("category"))
    service = ServiceTypeFactory(
        organization=organization, name=canary("service"), slug="canary-b-service"
    )
    ServiceField.objects.create(service_type=service, label=canary("service-field"), kind="text")
    ServiceDocument.objects.create(service_type=service, name=canary("service-document"))
    case = CaseFactory(
        organization=organization,
        subject=canary("case"),
        details=canary("case-details"),
        category=category,
        reporter={"name": canary("reporter"), "phone": "0812345678"},
    )
    Attachment.objects.create(
        case=case,
        file=ContentFile(b"B's photo", name="b.jpg"),
        original_name=canary("attachment.jpg"),
        content_type="image/jpeg",
        size=9,
    )
    audit.record(_staff(canary("staff-user")), AccessAction.VIEWED_IDENTITY, case=case)
    PublishedQuestion.objects.create(
        case=case, question=canary("question"), answer=canary("answer")
    )
    return case


def _staff(username):
    """A member of staff whose name is the canary: the trail shows names (the access trail's
    row of B)."""
    return get_user_model().objects.create_user(username, password="x" * 12)


def _records(organization):
    folder = RecordCategoryFactory(
        organization=organization, name=canary("folder"), slug="canary-b-folder"
    )
    record = InfoRecordFactory(category=folder, title=canary("record"), with_file=True)
    return record


def _ita(organization):
    year = ItaYearFactory(organization=organization, fiscal_year=2569, title=canary("ita-year"))
    indicator = ItaIndicatorFactory(year=year, title=canary("ita-indicator"))
    item = ItaItemFactory(indicator=indicator, title=canary("ita-item"))
    return ItaEvidenceFactory(item=item, label=canary("ita-evidence"))


def _procurement(organization):
    project = ProcurementProjectFactory(
        organization=organization,
        title=canary("project"),
        egp_number="99999999999",
        bids=[(canary("bidder"), "9000")],
    )
    ProcurementAnnouncementFactory(
        organization=organization, title=canary("announcement"), project=project
    )
    plan = ProcurementPlanFactory(organization=organization, title=canary("plan"))
    PlanLineFactory(plan=plan, project=canary("plan-line"))
    return project


def _import_job(organization):
    return ImportJob.objects.for_organization(organization).create(
        filename="canary-b-import.csv", content=b"CANARY-B-import", encoding="utf-8"
    )


def _document_text(organization):
    """The text of a document in B's collection (the task runs after a commit: called here)."""
    document = get_document_model().objects.create(
        title=canary("text-document"),
        file=ContentFile(docx(canary("document-text")), name="b-text.docx"),
        collection=organization.collection,
    )
    document_text.extract(document.pk)
    return DocumentText.objects.for_organization(organization).get(document=document)


def _search_entry(organization):
    """A document of B in the site search's index, as a source would give it."""
    key = "page:canary-b"
    search_engine.index_documents(
        [
            SearchDocument(
                key=key,
                organization_id=organization.pk,
                kind="page",
                title=canary("search-entry"),
                url="/canary-b-search/",
                body=canary("search-body"),
            )
        ]
    )
    return SearchEntry.objects.for_organization(organization).get(key=key)


def _proposal(organization):
    """A published proposal of B in a cycle taking proposals today, with its village,
    strategy and category."""
    cycle = cycle_around(
        datetime.date.today(),
        PhaseKind.COLLECT_NEEDS,
        organization=organization,
        name=canary("plan-cycle"),
    )
    return ProposalFactory(
        cycle=cycle,
        village=VillageFactory(organization=organization, name=canary("village")),
        strategy=StrategyFactory(organization=organization, name=canary("strategy")),
        category=PlanCategoryFactory(organization=organization, name=canary("plan-category")),
        title=canary("proposal"),
        proposer_name=canary("proposer"),
    )


def _forum(organization, rows):
    """A village forum of B on its proposal, with attendance, a paper tally and a photo."""
    proposal = rows["participation.Proposal"]
    forum = ForumFactory(
        cycle=proposal.cycle,
        village=proposal.village,
        place=canary("forum-place"),
        minutes=canary("forum-minutes"),
    )
    # Saved through the models' managers: a cluster's related manager (forum.attendance)
    # would only keep a new row in memory until the forum is saved again.
    ForumAttendance.objects.for_organization(organization).create(
        forum=forum, sex=Sex.FEMALE, age_group=AgeGroup.ELDERLY, count=VISITS_CANARY
    )
    ForumTally.objects.for_organization(organization).create(
        forum=forum, proposal=proposal, votes=VISITS_CANARY, note=canary("tally")
    )
    ForumPhoto.objects.for_organization(organization).create(
        forum=forum,
        image=ImageFactory(title=canary("forum-photo"), collection=organization.collection),
        caption=canary("caption"),
    )
    forum.save()  # a cluster's children are written with it (modelcluster defers them)
    return forum


_forum.needs_rows = True


def _proposal_photo(organization, rows):
    """A resident's photo of B's published proposal, cleaned: one the site may show."""
    return ProposalPhoto.objects.for_organization(organization).create(
        proposal=rows["participation.Proposal"],
        file=ContentFile(b"B's proposal photo", name="b.jpg"),
        content_type="image/jpeg",
        cleaned=True,
    )


_proposal_photo.needs_rows = True


def _support(organization, rows):
    proposal = rows["participation.Proposal"]
    return proposal.supports.create(supporter_hash=canary("supporter"), village=proposal.village)


_support.needs_rows = True


def _plan_project(organization, rows):
    """A project of B's first plan edition, from its proposal, with a progress report."""
    proposal = rows["participation.Proposal"]
    edition = PlanEditionFactory(cycle=proposal.cycle, note=canary("edition"))
    project = PlanProjectFactory(
        edition=edition,
        strategy=proposal.strategy,
        village=proposal.village,
        proposal=proposal,
        title=canary("plan-project"),
        responsible_unit=canary("unit"),
    )
    ProjectUpdate.objects.for_organization(organization).create(
        project=project,
        reported_on=datetime.date(2026, 11, 30),
        status=ProjectStatus.IN_PROGRESS,
        percent_done=40,
        note=canary("progress"),
    )
    return project


_plan_project.needs_rows = True


def _child(parent_label, accessor):
    """A row built under another one of the table (its builder runs first)."""

    def build(organization, rows):
        return accessor(rows[parent_label])

    build.needs_rows = True
    return build


# label -> builder(organization) of one row of the model, carrying the canary in its text.
OWNED_ROWS = {
    "people.Division": lambda org: DivisionFactory(organization=org, name=canary("division")),
    "people.Position": lambda org: PositionFactory(organization=org, title=canary("position")),
    "core.OrganizationGroup": _organization_group,
    "core.DocumentText": _document_text,
    "cases.Case": _case,
    "cases.Category": _child("cases.Case", lambda case: case.category),
    "cases.Reporter": _child("cases.Case", lambda case: case.reporter),
    "cases.CaseEvent": _child("cases.Case", lambda case: case.events.first()),
    "cases.Attachment": _child("cases.Case", lambda case: case.attachments.first()),
    "cases.ApiKey": lambda org: issue_key(org, canary("open311-client"))[0],
    "cases.AccessRecord": lambda org: AccessRecord.objects.for_organization(org).get(),
    "cases.PublishedQuestion": _child("cases.Case", lambda case: case.publication),
    "cases.ServiceType": lambda org: ServiceType.objects.for_organization(org).get(
        slug="canary-b-service"
    ),
    "cases.ServiceField": _child("cases.ServiceType", lambda service: service.fields.first()),
    "cases.ServiceDocument": _child("cases.ServiceType", lambda service: service.documents.first()),
    "infocenter.InfoRecord": _records,
    "infocenter.RecordCategory": _child("infocenter.InfoRecord", lambda r: r.category),
    "infocenter.InfoRecordFile": _child("infocenter.InfoRecord", lambda r: r.files.first()),
    "infocenter.CourtRuling": lambda org: CourtRulingFactory(
        organization=org, subject=canary("ruling")
    ),
    "infocenter.GiftRegisterEntry": lambda org: GiftRegisterEntryFactory(
        organization=org, giver=canary("giver"), description=canary("gift")
    ),
    "infocenter.ItaEvidence": _ita,
    "infocenter.ItaItem": _child("infocenter.ItaEvidence", lambda e: e.item),
    "infocenter.ItaIndicator": _child("infocenter.ItaEvidence", lambda e: e.item.indicator),
    "infocenter.ItaYear": _child("infocenter.ItaEvidence", lambda e: e.item.indicator.year),
    "procurement.ProcurementProject": _procurement,
    "procurement.Bid": _child("procurement.ProcurementProject", lambda p: p.bids.first()),
    "procurement.ProcurementAnnouncement": _child(
        "procurement.ProcurementProject", lambda p: p.announcements.get()
    ),
    "procurement.ProcurementPlan": lambda org: ProcurementPlan.objects.for_organization(org).get(),
    "procurement.PlanLine": _child("procurement.ProcurementPlan", lambda p: p.lines.first()),
    "procurement.AnnualProcurementReport": lambda org: AnnualProcurementReportFactory(
        organization=org, problems=canary("report")
    ),
    "procurement.ImportJob": _import_job,
    "participation.Proposal": _proposal,
    "participation.PlanCycle": _child("participation.Proposal", lambda p: p.cycle),
    "participation.Phase": _child("participation.Proposal", lambda p: p.cycle.phases.first()),
    "participation.Village": _child("participation.Proposal", lambda p: p.village),
    "participation.Strategy": _child("participation.Proposal", lambda p: p.strategy),
    "participation.Category": _child("participation.Proposal", lambda p: p.category),
    "participation.Forum": _forum,
    "participation.ForumAttendance": _child("participation.Forum", lambda f: f.attendance.get()),
    "participation.ForumTally": _child("participation.Forum", lambda f: f.tallies.get()),
    "participation.ForumPhoto": _child("participation.Forum", lambda f: f.photos.get()),
    "participation.ProposalPhoto": _proposal_photo,
    "participation.Support": _support,
    "participation.PlanProject": _plan_project,
    "participation.PlanEdition": _child("participation.PlanProject", lambda p: p.edition),
    "participation.ProjectUpdate": _child("participation.PlanProject", lambda p: p.updates.get()),
    # Counts carry no text: B's are a number no page of A shows (VISITS_CANARY).
    "search.SearchEntry": _search_entry,
    "search.SearchWord": lambda org: SearchWord.objects.for_organization(org).create(
        word=canary("word")
    ),
    "search.LocalWord": lambda org: LocalWord.objects.for_organization(org).create(
        word=canary("local-word")
    ),
    "stats.DailyVisits": lambda org: DailyVisits.objects.for_organization(org).create(
        day=datetime.date(2026, 11, 30), visits=VISITS_CANARY, page_views=VISITS_CANARY
    ),
    "stats.DailyPageViews": lambda org: DailyPageViews.objects.for_organization(org).create(
        day=datetime.date(2026, 11, 30), path="/canary-b-path/", views=VISITS_CANARY
    ),
}


@dataclass
class World:
    a: Organization
    b: Organization
    a_member: object
    b_member: object
    b_rows: dict = field(default_factory=dict)  # label -> B's row
    b_page: Page = None
    b_image: object = None
    b_document: object = None
    b_redirect: object = None
    b_host_name: object = None

    def b_row(self, model):
        return self.b_rows[model._meta.label]


def build_world():
    a = Organization.for_site(organization_site())
    b = Organization.for_site(
        second_organization_site(B_HOST, name=canary("organization"), short_name=canary("org"))
    )
    for organization in (a, b):
        memberships.ensure_role_groups(organization)
    a_member = _member_of_every_role(a, "a-member")
    b_member = _member_of_every_role(b, "b-member", first_name=canary("staff"))
    world = World(a=a, b=b, a_member=a_member, b_member=b_member)
    for label, build in OWNED_ROWS.items():
        if getattr(build, "needs_rows", False):
            world.b_rows[label] = build(b, world.b_rows)
        else:
            world.b_rows[label] = build(b)
    world.b_page = StandardPageFactory(parent=b.site.root_page, title=canary("page"))
    world.b_image = ImageFactory(title=canary("image"), collection=b.collection)
    world.b_document = get_document_model().objects.create(
        title=canary("document"),
        file=ContentFile(b"B's own file", name="b-file.txt"),
        collection=b.collection,
    )
    world.b_redirect = Redirect.objects.create(
        site=b.site, old_path="/canary-b-old", redirect_link="/canary-b-new"
    )
    world.b_host_name = HostName.objects.create(site=b.site, hostname="canary-b-extra.example")
    return world


def _member_of_every_role(organization, username, **fields):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "x" * 12, **fields
    )
    for role in Role:
        memberships.add_member(user, organization, role)
    return user
