"""Sample community planning for a demo organization, all marked as samples: its villages
(หมู่ที่ 1..N, names made up for the demo), the starter's strategies and categories, and two
planning cycles so that the public pages show the whole path:

- the past cycle (the plan of the five years that end with the coming fiscal year): its steps
  ran four years ago (the village forums in March, when the seed news post's forum met), its
  forums with attendance and tallies, the committee's decisions (one against the ranking, with
  its reason), the first edition approved in September, an addition "ครั้งที่ 1" approved the
  next May that changes one project and adds one, and progress reports (one project done, one
  in progress this fiscal year); it is in its monitoring step today;
- the current cycle (the next plan): needs were collected from 40 days ago, the village forums
  run today; three villages have met (attendance, minutes, tallies) and residents have
  supported proposals online.

Every step looks for its row before it creates it (by names and titles, never by dates, which
follow `today`), so a second run changes nothing.
"""

import datetime
import hashlib
from decimal import Decimal

from tambon.thai.dates import BANGKOK

from . import demo_data as data
from . import starter
from .models import (
    BUDGET_FIELDS,
    Category,
    Decision,
    EditionKind,
    Forum,
    ForumAttendance,
    ForumKind,
    ForumTally,
    Moderation,
    Phase,
    PhaseKind,
    PlanCycle,
    PlanEdition,
    PlanProject,
    ProjectUpdate,
    Proposal,
    Source,
    Strategy,
    Support,
    Village,
)

DEMO_NOTE = "(ข้อมูลตัวอย่าง)"

# Made-up names for the demo, not the real villages' list.
VILLAGE_NAMES = [
    "บ้านพงษ์",
    "บ้านดอนไชย",
    "บ้านน้ำรีพัฒนา",
    "บ้านห้วยเลา",
    "บ้านป่าหัด",
    "บ้านนาหนุน",
    "บ้านสบปอน",
    "บ้านดอนแก้ว",
    "บ้านใหม่พัฒนา",
    "บ้านห้วยหลอด",
    "บ้านปางไฮ",
]
# The smaller second demo organization's.
SECOND_VILLAGE_NAMES = [
    "บ้านแฮด",
    "บ้านหนองแซง",
    "บ้านโคกสี",
    "บ้านดอนหัน",
    "บ้านหนองบัว",
    "บ้านโนนเขวา",
]

# Days of each phase, the first (collecting needs) starting 40 days before today.
PHASE_DAYS = [
    (PhaseKind.COLLECT_NEEDS, 30),
    (PhaseKind.VILLAGE_FORUMS, 31),
    (PhaseKind.SUBDISTRICT_FORUM, 14),
    (PhaseKind.DRAFTING, 45),
    (PhaseKind.COMMITTEE_REVIEW, 14),
    (PhaseKind.COUNCIL_OPINION, 14),
    (PhaseKind.APPROVAL, 14),
    (PhaseKind.MONITORING, 365),
]
PHASE_NOTES = {
    PhaseKind.VILLAGE_FORUMS: "ประชุม ณ ศาลาอเนกประสงค์ของแต่ละหมู่บ้าน เวลา 18.00 น. (ตัวอย่าง)",
    PhaseKind.SUBDISTRICT_FORUM: "ประชุม ณ ห้องประชุมสำนักงาน (ตัวอย่าง)",
}

# (village number, strategy number, category, title, problem, project, place, budget, who, source)
PROPOSALS = [
    (
        1,
        1,
        "ถนนและทางระบายน้ำ",
        "ก่อสร้างถนนคอนกรีตเสริมเหล็กซอยข้างวัด (ตัวอย่าง)",
        "ถนนดินในซอยข้างวัดเป็นหลุมบ่อ หน้าฝนรถจักรยานยนต์ล้มบ่อย",
        "ก่อสร้างถนน คสล. กว้าง 4 เมตร ยาว 200 เมตร",
        "ซอยข้างวัดประจำหมู่บ้าน",
        "500000",
        "ประมาณ 60 ครัวเรือน",
        Source.FORUM,
    ),
    (
        1,
        3,
        "สุขภาพและผู้สูงอายุ",
        "จัดกิจกรรมออกกำลังกายผู้สูงอายุ (ตัวอย่าง)",
        "ผู้สูงอายุในหมู่บ้านไม่มีกิจกรรมร่วมกัน",
        "จัดกิจกรรมออกกำลังกายสัปดาห์ละ 2 ครั้ง พร้อมตรวจสุขภาพเบื้องต้น",
        "ศาลาอเนกประสงค์",
        "30000",
        "ผู้สูงอายุประมาณ 80 คน",
        Source.ONLINE,
    ),
    (
        2,
        1,
        "ไฟฟ้าและแสงสว่าง",
        "ติดตั้งไฟส่องสว่างพลังงานแสงอาทิตย์ (ตัวอย่าง)",
        "ทางเข้าหมู่บ้านมืด เดินทางกลางคืนไม่ปลอดภัย",
        "ติดตั้งเสาไฟพลังงานแสงอาทิตย์ 10 ต้น",
        "ทางเข้าหมู่บ้าน",
        "250000",
        "ทั้งหมู่บ้าน",
        Source.ONLINE,
    ),
    (
        3,
        2,
        "การเกษตรและอาชีพ",
        "ฝึกอบรมการแปรรูปผลผลิตทางการเกษตร (ตัวอย่าง)",
        "ผลผลิตล้นตลาดในฤดูเก็บเกี่ยว ราคาตกต่ำ",
        "อบรมการแปรรูปและบรรจุภัณฑ์ให้กลุ่มแม่บ้าน",
        "",
        "45000",
        "กลุ่มแม่บ้าน 30 คน",
        Source.FORUM,
    ),
]


def ensure_participation(organization, today, village_names=VILLAGE_NAMES):
    """The organization's sample planning, built where missing; returns the current cycle."""
    for number, name in enumerate(village_names, start=1):
        Village.objects.for_organization(organization).get_or_create(
            number=number, defaults={"name": name}
        )
    starter.ensure_starter_content(organization)
    demo = _Demo(organization)
    demo.ensure_past_cycle(today)
    return demo.ensure_current_cycle(today)


def plan_years_for(today):
    """The plan being prepared: its five years start at the coming fiscal year but one."""
    return today.year + 543 + 2


def _money(text):
    return None if text is None else Decimal(text)


def _moment(day):
    """Ten in the morning of `day`, Thailand time: when a demo row was received."""
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=BANGKOK)


def _supporter_hash(organization, number):
    """A stand-in for the keyed hash of a verified phone number: no number behind it."""
    return hashlib.sha256(f"demo-supporter-{organization.pk}-{number}".encode()).hexdigest()


class _Demo:
    """One organization's rows, looked up by number, name and title."""

    def __init__(self, organization):
        self.organization = organization
        self.villages = {v.number: v for v in self.rows(Village)}
        self.strategies = {s.number: s for s in self.rows(Strategy)}
        self.categories = {c.name: c for c in self.rows(Category)}

    def rows(self, model):
        return model.objects.for_organization(self.organization)

    # --- the cycles --------------------------------------------------------------------------

    def cycle(self, first, phases, intro):
        cycle, created = self.rows(PlanCycle).get_or_create(
            first_year_be=first,
            defaults={
                "name": f"แผนพัฒนาท้องถิ่น (พ.ศ. {first}-{first + 4}) {DEMO_NOTE}",
                "intro": intro,
            },
        )
        if created:
            for kind, starts_on, ends_on in phases:
                self.rows(Phase).create(
                    cycle=cycle,
                    kind=kind,
                    starts_on=starts_on,
                    ends_on=ends_on,
                    note=PHASE_NOTES.get(kind, ""),
                )
        return cycle

    def ensure_current_cycle(self, today):
        phases = []
        start = today - datetime.timedelta(days=40)
        for kind, days in PHASE_DAYS:
            end = start + datetime.timedelta(days=days - 1)
            phases.append((kind, start, end))
            start = end + datetime.timedelta(days=1)
        cycle = self.cycle(
            plan_years_for(today),
            phases,
            "ขั้นตอนและข้อเสนอในหน้านี้เป็นข้อมูลตัวอย่างสำหรับทดลองใช้ระบบ",
        )
        collecting = cycle.timeline()[0].starts_on
        for index, row in enumerate(PROPOSALS + data.MORE_PROPOSALS):
            # Online proposals arrived while needs were collected, a few days apart.
            self.proposal(cycle, *row, received_on=collecting + datetime.timedelta(days=3 * index))
        proposals = {p.title: p for p in self.rows(Proposal).filter(cycle=cycle)}
        for village, days_ago, place, chair, attendance, minutes, tallies in data.CURRENT_FORUMS:
            held_on = today - datetime.timedelta(days=days_ago)
            forum = self.forum(cycle, village, held_on, place, chair, attendance, minutes)
            for title, votes, order in tallies:
                self.tally(forum, proposals[title], votes, order)
        supporter = 0
        for title, count in data.CURRENT_SUPPORTS:
            for _ in range(count):
                supporter += 1
                self.support(
                    proposals[title], supporter, today - datetime.timedelta(days=supporter)
                )
        return cycle

    def ensure_past_cycle(self, today):
        """The plan whose five years end with the coming fiscal year, prepared four years ago."""
        first = plan_years_for(today) - 5
        year = first - 543 - 1  # the Gregorian year the plan was prepared in
        on = datetime.date
        phases = [
            (PhaseKind.COLLECT_NEEDS, on(year, 1, 4), on(year, 2, 28)),
            (PhaseKind.VILLAGE_FORUMS, on(year, 3, 1), on(year, 3, 31)),
            (PhaseKind.SUBDISTRICT_FORUM, on(year, 4, 1), on(year, 4, 29)),
            (PhaseKind.DRAFTING, on(year, 5, 2), on(year, 6, 30)),
            (PhaseKind.COMMITTEE_REVIEW, on(year, 7, 1), on(year, 7, 29)),
            (PhaseKind.COUNCIL_OPINION, on(year, 8, 1), on(year, 8, 31)),
            (PhaseKind.APPROVAL, on(year, 9, 1), on(year, 9, 30)),
            # Every year of the plan, to the end of its last fiscal year.
            (PhaseKind.MONITORING, on(year, 10, 1), on(year + 5, 9, 30)),
        ]
        cycle = self.cycle(
            first,
            phases,
            "แผนที่ใช้อยู่ในปัจจุบัน: ข้อเสนอจากประชาคม การตัดสินของคณะกรรมการ โครงการในแผน "
            "และความคืบหน้า เป็นข้อมูลตัวอย่างสำหรับทดลองใช้ระบบ",
        )
        proposals = {}
        forum_days = {village: day for village, day, *_rest in data.PAST_FORUMS}
        for key, *row, votes, order, decision, reason in data.PAST_PROPOSALS:
            forum_day = on(year, 3, forum_days[row[0]])
            proposal = self.proposal(
                cycle, *row, received_on=on(year, 2, 1) if row[-1] == Source.ONLINE else forum_day
            )
            if proposal.decision == Decision.UNDECIDED:
                proposal.decision, proposal.decision_reason = decision, reason
                proposal.decided_on = on(year, 7, 20)
                proposal.save(update_fields=["decision", "decision_reason", "decided_on"])
            proposals[key] = (proposal, votes, order)
        for village, day, place, chair, attendance, minutes in data.PAST_FORUMS:
            forum = self.forum(cycle, village, on(year, 3, day), place, chair, attendance, minutes)
            for proposal, votes, order in proposals.values():
                if proposal.village.number == village:
                    self.tally(forum, proposal, votes, order)
        place, chair, attendance, minutes = data.PAST_SUBDISTRICT_FORUM
        self.forum(cycle, None, on(year, 4, 20), place, chair, attendance, minutes)
        supporter = 1000
        for key, count in data.PAST_SUPPORTS:
            for _ in range(count):
                supporter += 1
                self.support(proposals[key][0], supporter, on(year, 2, 10))
        self.ensure_plan(cycle, {key: p for key, (p, _v, _o) in proposals.items()}, year, today)
        return cycle

    # --- proposals, forums, supports ---------------------------------------------------------

    def proposal(
        self,
        cycle,
        village,
        strategy,
        category,
        title,
        problem,
        project,
        place,
        budget,
        who,
        source,
        received_on,
    ):
        proposal, created = self.rows(Proposal).get_or_create(
            cycle=cycle,
            title=title,
            defaults={
                "village": self.villages[village],
                "strategy": self.strategies.get(strategy),
                "category": self.categories.get(category),
                "problem": problem,
                "proposed_project": project,
                "place": place,
                "estimated_budget": Decimal(budget),
                "beneficiaries": who,
                "source": source,
                "moderation": Moderation.PUBLISHED,
                "proposer_name": "ผู้เสนอตัวอย่าง",
            },
        )
        if created:  # received on its day, not when the demo was loaded
            self.rows(Proposal).filter(pk=proposal.pk).update(created=_moment(received_on))
        return proposal

    def forum(self, cycle, village, held_on, place, chair, attendance, minutes):
        kind = ForumKind.VILLAGE if village else ForumKind.SUBDISTRICT
        forum, created = self.rows(Forum).get_or_create(
            cycle=cycle,
            kind=kind,
            village=self.villages.get(village),
            defaults={"held_on": held_on, "place": place, "chaired_by": chair, "minutes": minutes},
        )
        if created:
            for (sex, age_group), count in attendance.items():
                self.rows(ForumAttendance).create(
                    forum=forum, sex=sex, age_group=age_group, count=count
                )
        return forum

    def tally(self, forum, proposal, votes, order):
        self.rows(ForumTally).get_or_create(
            forum=forum, proposal=proposal, defaults={"votes": votes, "forum_rank": order}
        )

    def support(self, proposal, number, given_on):
        support, created = self.rows(Support).get_or_create(
            proposal=proposal,
            supporter_hash=_supporter_hash(self.organization, number),
            defaults={"village": proposal.village},
        )
        if created:
            self.rows(Support).filter(pk=support.pk).update(created=_moment(given_on))

    # --- the plan ----------------------------------------------------------------------------

    def ensure_plan(self, cycle, proposals, year, today):
        on = datetime.date
        first, _ = self.rows(PlanEdition).get_or_create(
            cycle=cycle,
            kind=EditionKind.FIRST,
            number=1,
            year_be=year + 543,
            defaults={"approved_on": on(year, 9, 26), "note": "ประกาศใช้แผนพัฒนาท้องถิ่น (ตัวอย่าง)"},
        )
        for number, row in enumerate(data.FIRST_EDITION_PROJECTS, start=1):
            self.project(first, number, proposals, *row)
        added, created = self.rows(PlanEdition).get_or_create(
            cycle=cycle,
            kind=EditionKind.ADDITIONAL,
            number=1,
            year_be=year + 1 + 543,
            defaults={
                "based_on": first,
                "approved_on": on(year + 1, 5, 15),
                "note": "เพิ่มเติมโครงการส่งเสริมอาชีพ และปรับงบประมาณโครงการประปา (ตัวอย่าง)",
            },
        )
        if created:
            self.copy_projects(first, added)
            key, changes = data.CHANGED_PROJECT
            changed = added.projects.get(proposal=proposals[key])
            for name, value in changes.items():
                setattr(changed, name, _money(value) if name in BUDGET_FIELDS else value)
            changed.save()
        self.project(added, len(data.FIRST_EDITION_PROJECTS) + 1, proposals, *data.ADDED_PROJECT)
        self.progress(added, proposals, year, today)

    def project(
        self,
        edition,
        number,
        proposals,
        key,
        village,
        strategy,
        category,
        title,
        objective,
        target,
        budgets,
        indicator,
        result,
        unit,
    ):
        self.rows(PlanProject).get_or_create(
            edition=edition,
            title=title,
            defaults={
                "number": number,
                "strategy": self.strategies[strategy],
                "category": self.categories.get(category),
                "village": self.villages.get(village),
                "proposal": proposals.get(key),
                "objective": objective,
                "output_target": target,
                "indicator": indicator,
                "expected_result": result,
                "responsible_unit": unit,
                **{
                    name: _money(budget)
                    for name, budget in zip(BUDGET_FIELDS, budgets, strict=True)
                },
            },
        )

    def copy_projects(self, source, edition):
        """Every project of `source` into `edition`, with its lineage (plan.py)."""
        for project in self.rows(PlanProject).filter(edition=source):
            project.pk = None
            project.id = None
            project.edition = edition
            project._state.adding = True
            project.save()

    def progress(self, edition, proposals, year, today):
        """The reports of the weir (done in the plan's first year) and of the water supply (in
        progress in the fiscal year running today)."""
        stages = {
            "weir": [
                datetime.date(year, 11, 15),
                datetime.date(year + 1, 1, 20),
                datetime.date(year + 1, 4, 28),
            ],
            "water": [today - datetime.timedelta(days=days) for days in (60, 35, 10)],
        }
        for key, (status, percent, reports) in data.PROGRESS.items():
            project = self.rows(PlanProject).get(edition=edition, proposal=proposals[key])
            if project.updates.exists():
                continue
            for day, (report_status, report_percent, note) in zip(
                stages[key], reports, strict=True
            ):
                self.rows(ProjectUpdate).create(
                    project=project,
                    reported_on=day,
                    status=report_status,
                    percent_done=report_percent,
                    note=note,
                )
            project.status, project.percent_done = status, percent
            project.save(update_fields=["status", "percent_done"])
