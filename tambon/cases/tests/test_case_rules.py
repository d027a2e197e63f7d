"""Each organization's case rules (CaseSettings): deadlines per kind, retention, closed days,
with the deployment's settings as the defaults."""

import datetime
import io

import pytest
from django.core.management import call_command

from tambon.cases.models import Case, CaseKind, CaseSettings, Category, ClosedDay, Reporter
from tambon.core.models import Organization
from tambon.core.tests.factories import default_organization
from tambon.pages.tests.factories import second_organization_site
from tambon.thai.dates import BANGKOK, format_thai_date

from .test_public_forms import complaint_data
from .test_retention import finished_days_ago

pytestmark = pytest.mark.django_db

FRIDAY_BEFORE_SONGKRAN = datetime.datetime(2026, 4, 10, 10, 0, tzinfo=BANGKOK)
MONDAY = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=BANGKOK)


def due_day(moment):
    return moment.astimezone(BANGKOK).date()


def rules_of(site):
    rules, _created = CaseSettings.objects.get_or_create(site=site)
    return rules


def test_a_case_received_the_friday_before_songkran_is_acknowledged_after_it(site, new_case):
    case = new_case(now=FRIDAY_BEFORE_SONGKRAN, organization=Organization.for_site(site))
    # 13-15 April are public holidays, the 11th and 12th a weekend.
    assert due_day(case.acknowledge_due) == datetime.date(2026, 4, 16)
    assert format_thai_date(case.acknowledge_due) == "16 เมษายน 2569"


def test_a_day_the_organization_closes_is_skipped(site, new_case):
    rules = rules_of(site)
    ClosedDay.objects.create(settings=rules, date=datetime.date(2026, 11, 24), name="งานประจำปี")
    rules.save()  # as the admin does: saving the setting purges the remembered copy
    case = new_case(now=MONDAY, organization=Organization.for_site(site))
    assert due_day(case.acknowledge_due) == datetime.date(2026, 11, 25)


def test_another_organizations_closed_day_is_not_skipped(site, new_case):
    other = second_organization_site("other.localhost")
    ClosedDay.objects.create(
        settings=rules_of(other), date=datetime.date(2026, 11, 24), name="งานประจำปี"
    )
    ours = new_case(now=MONDAY, organization=Organization.for_site(site))
    theirs = new_case(now=MONDAY, organization=Organization.for_site(other))
    assert due_day(ours.acknowledge_due) == datetime.date(2026, 11, 24)
    assert due_day(theirs.acknowledge_due) == datetime.date(2026, 11, 25)


def test_the_deadlines_per_kind_are_the_organizations(site, new_case):
    rules = rules_of(site)
    rules.complaint_acknowledge_working_days = 3
    rules.complaint_resolve_days = 7
    rules.save()
    case = new_case(now=MONDAY, organization=Organization.for_site(site))
    assert due_day(case.acknowledge_due) == datetime.date(2026, 11, 26)
    assert due_day(case.resolve_due) == datetime.date(2026, 11, 30)
    question = new_case(
        kind=CaseKind.QUESTION, now=MONDAY, organization=Organization.for_site(site)
    )
    assert due_day(question.resolve_due) == datetime.date(2026, 12, 8)  # the default 15 days


def test_without_a_saved_rule_the_environment_settings_apply(site, new_case, settings):
    settings.TAMBON_CASE_DEADLINES = {"complaint": {"acknowledge_working_days": 2}}
    settings.TAMBON_CASE_RETENTION_DAYS = 90
    case = new_case(now=MONDAY, organization=Organization.for_site(site))
    assert due_day(case.acknowledge_due) == datetime.date(2026, 11, 25)
    assert CaseSettings.for_site(site).retention() == 90


def test_the_retention_default_comes_from_the_environment_variable(site, settings, monkeypatch):
    del settings.TAMBON_CASE_RETENTION_DAYS
    monkeypatch.setenv("TAMBON_CASE_RETENTION_DAYS", "400")
    assert CaseSettings.for_site(site).retention() == 400


def test_retention_follows_the_organizations_setting(site, new_case, case_admin, settings):
    settings.TAMBON_CASE_RETENTION_DAYS = 365
    rules = rules_of(site)
    rules.retention_days = 30
    rules.save()
    case = new_case(organization=Organization.for_site(site))
    finished_days_ago(case, case_admin, 60)  # within the default, past the organization's
    call_command("purge_case_personal_data", stdout=io.StringIO())
    assert not Reporter.objects.all_organizations().filter(case=case).exists()


def test_retention_keeps_what_the_organization_keeps_longer(site, new_case, case_admin, settings):
    settings.TAMBON_CASE_RETENTION_DAYS = 30
    rules = rules_of(site)
    rules.retention_days = 365
    rules.save()
    case = new_case(organization=Organization.for_site(site))
    finished_days_ago(case, case_admin, 60)
    call_command("purge_case_personal_data", stdout=io.StringIO())
    assert Reporter.objects.all_organizations().filter(case=case).exists()


def admin_form(**fields):
    form = {
        "retention_days": "",
        "closed_days-TOTAL_FORMS": "0",
        "closed_days-INITIAL_FORMS": "0",
        "closed_days-MIN_NUM_FORMS": "0",
        "closed_days-MAX_NUM_FORMS": "1000",
    }
    for kind in CaseKind.values:
        form[f"{kind}_acknowledge_working_days"] = ""
        form[f"{kind}_resolve_days"] = ""
    return form | fields


def test_the_admin_changes_the_next_cases_deadline_not_an_old_one(
    site, new_case, superuser, client
):
    old = new_case(now=MONDAY, organization=Organization.for_site(site))
    client.force_login(superuser)
    url = f"/admin/settings/cases/casesettings/{site.pk}/"
    assert client.get(url).status_code == 200
    form = admin_form(
        complaint_resolve_days="5",
        **{
            "closed_days-TOTAL_FORMS": "1",
            "closed_days-0-date": "2026-11-24",
            "closed_days-0-name": "วันหยุดท้องถิ่น",
            "closed_days-0-ORDER": "1",
        },
    )
    response = client.post(url, form)
    assert response.status_code == 302
    assert CaseSettings.for_site(site).closed_days.get().name == "วันหยุดท้องถิ่น"

    new = new_case(now=MONDAY, organization=Organization.for_site(site))
    assert due_day(new.acknowledge_due) == datetime.date(2026, 11, 25)
    assert due_day(new.resolve_due) == datetime.date(2026, 11, 28)
    old = Case.objects.all_organizations().get(pk=old.pk)
    assert due_day(old.acknowledge_due) == datetime.date(2026, 11, 24)
    assert due_day(old.resolve_due) == datetime.date(2026, 12, 8)


def test_the_admin_screen_shows_the_defaults_in_thai(site, superuser, client, settings):
    settings.TAMBON_CASE_RETENTION_DAYS = 1234
    client.force_login(superuser)
    url = f"/admin/settings/cases/casesettings/{site.pk}/"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert 'placeholder="1234"' in page
    assert "วันที่สำนักงานปิด" in page


def test_a_case_filed_on_the_public_form_follows_its_sites_rules(site, client):
    rules = rules_of(site)
    rules.complaint_resolve_days = 2
    rules.save()
    category = Category.objects.for_organization(default_organization()).create(
        kind=CaseKind.COMPLAINT, name="ไฟฟ้าสาธารณะ"
    )
    response = client.post("/cases/new/complaint/", complaint_data(category=category.pk))
    assert response.status_code == 302
    case = Case.objects.all_organizations().latest("pk")
    assert due_day(case.resolve_due) == due_day(case.created) + datetime.timedelta(days=2)


def test_the_case_administrators_edit_the_rules_and_clerks_do_not(site, case_admin, clerk, client):
    url = f"/admin/settings/cases/casesettings/{site.pk}/"
    client.force_login(case_admin)
    assert client.get(url).status_code == 200
    assert client.post(url, admin_form(complaint_resolve_days="7")).status_code == 302
    assert CaseSettings.for_site(site).complaint_resolve_days == 7

    client.force_login(clerk)
    assert client.get(url).status_code in (302, 403)
    client.post(url, admin_form(complaint_resolve_days="1"))
    assert CaseSettings.for_site(site).complaint_resolve_days == 7
