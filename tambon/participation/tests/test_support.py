"""Online support: a mobile number, a six-digit code by SMS, one support per number per
proposal; limits per address and per number; the number is never kept, shown or logged."""

import io
import logging
import re

import pytest
from django.core.cache import caches
from django.test import Client

from tambon.cases.models import NotificationSettings
from tambon.core.models import Organization
from tambon.core.sms import ConsoleProvider
from tambon.pages.tests.factories import second_organization_site
from tambon.participation.models import PhaseKind, Proposal, Support
from tambon.thai.fiscal import today_in_bangkok

from .factories import ProposalFactory, VillageFactory, cycle_around

pytestmark = pytest.mark.django_db

NUMBER = "0812345678"
TYPED = "081-234-5678"


@pytest.fixture
def sms(monkeypatch):
    """The texts the console provider printed."""
    out = io.StringIO()
    monkeypatch.setattr(ConsoleProvider, "stream", out)
    return out


def use_console_sms(organization):
    NotificationSettings.objects.create(site_id=organization.site_id, sms_provider="console")


@pytest.fixture
def proposal(site, sms):
    cycle = cycle_around(today_in_bangkok(), PhaseKind.VILLAGE_FORUMS)
    use_console_sms(cycle.organization)
    return ProposalFactory(cycle=cycle, title="ขุดลอกหนองน้ำ", village=VillageFactory(number=2))


def url(proposal, part="support/"):
    return f"/participation/{proposal.cycle_id}/proposals/{proposal.pk}/{part}"


def last_code(sms):
    codes = re.findall(r"\b(\d{6})\b", sms.getvalue())
    assert codes, sms.getvalue()
    return codes[-1]


def ask_code(client, proposal, number=TYPED):
    return client.post(url(proposal), {"action": "send", "phone": number, "village": ""})


def support(client, proposal, sms, number=TYPED):
    assert ask_code(client, proposal, number).status_code == 302
    return client.post(url(proposal), {"action": "verify", "code": last_code(sms)})


def supports_of(proposal):
    return Support.objects.for_organization(proposal.organization_id).filter(proposal=proposal)


def text(response):
    return response.content.decode()


def test_a_resident_supports_with_a_code_by_sms_and_it_is_counted_on_the_proposal_page(
    client, proposal, sms
):
    page = text(client.get(url(proposal, "")))
    assert "สนับสนุนข้อเสนอนี้" in page
    assert "มีผู้สนับสนุนทางออนไลน์ 0 คน" in page
    assert ask_code(client, proposal).status_code == 302
    assert "SMS to 08xxxxx678" in sms.getvalue()
    waiting = text(client.get(url(proposal)))
    assert "08xxxxx678" in waiting
    assert NUMBER not in waiting
    done = client.post(url(proposal), {"action": "verify", "code": last_code(sms)})
    assert done.status_code == 302
    assert "ขอบคุณ" in text(client.get(url(proposal)))
    assert supports_of(proposal).count() == 1
    assert "มีผู้สนับสนุนทางออนไลน์ 1 คน" in text(client.get(url(proposal, "")))


def test_one_support_per_number_even_from_another_device(client, proposal, sms):
    support(client, proposal, sms)
    other_device = Client()
    support(other_device, proposal, sms, number="+66 81 234 5678")  # the same number
    assert "สนับสนุนข้อเสนอนี้แล้ว" in text(other_device.get(url(proposal)))
    assert supports_of(proposal).count() == 1
    support(Client(), proposal, sms, number="0899999999")
    assert supports_of(proposal).count() == 2


def test_a_verified_number_supports_another_proposal_without_a_new_code(client, proposal, sms):
    support(client, proposal, sms)
    other = ProposalFactory(cycle=proposal.cycle, village=proposal.village)
    sent_before = sms.getvalue().count("SMS to")
    assert client.post(url(other), {"action": "confirm"}).status_code == 302
    assert supports_of(other).count() == 1
    assert sms.getvalue().count("SMS to") == sent_before


def test_a_wrong_code_is_refused_in_thai_and_kept_and_tries_run_out(
    client, proposal, sms, settings
):
    settings.TAMBON_PARTICIPATION_CODE_TRIES = 3
    ask_code(client, proposal)
    right = last_code(sms)
    wrong = "000000" if right != "000000" else "111111"
    response = client.post(url(proposal), {"action": "verify", "code": wrong})
    assert response.status_code == 200
    assert "รหัสนี้ไม่ตรงกับที่ส่งไป" in text(response)
    assert f'value="{wrong}"' in text(response)
    client.post(url(proposal), {"action": "verify", "code": wrong})
    third = client.post(url(proposal), {"action": "verify", "code": wrong})
    assert "ขอรหัสใหม่" in text(third)
    # The right code no longer works once the tries ran out.
    client.post(url(proposal), {"action": "verify", "code": right})
    assert supports_of(proposal).count() == 0


def test_an_expired_code_is_refused(client, proposal, sms, settings):
    ask_code(client, proposal)
    code = last_code(sms)
    caches["limits"].clear()  # what the expiry does to a pending code
    response = client.post(url(proposal), {"action": "verify", "code": code})
    assert "รหัสหมดอายุ" in text(response)
    assert supports_of(proposal).count() == 0


def test_a_number_that_is_not_a_thai_mobile_is_refused_and_kept(client, proposal, sms):
    response = ask_code(client, proposal, number="02-123-456")
    assert response.status_code == 200
    assert "หมายเลขโทรศัพท์มือถือ" in text(response)
    assert 'value="02-123-456"' in text(response)
    assert sms.getvalue() == ""


def test_a_code_without_a_pending_request_asks_for_a_new_one(client, proposal, sms):
    response = client.post(url(proposal), {"action": "verify", "code": "123456"})
    assert "โปรดขอรหัสใหม่" in text(response)
    assert supports_of(proposal).count() == 0


def test_thai_digits_are_understood(client, proposal, sms):
    support(client, proposal, sms, number="๐๘๑๒๓๔๕๖๗๘")
    assert supports_of(proposal).count() == 1


def test_codes_are_limited_per_number(client, proposal, sms, settings):
    settings.TAMBON_PARTICIPATION_CODES_PER_NUMBER_PER_HOUR = 2
    for _ in range(2):
        assert ask_code(Client(), proposal).status_code == 302
    refused = ask_code(Client(), proposal)
    assert refused.status_code == 200
    assert "ส่งรหัสไปยังหมายเลขนี้หลายครั้งเกินไป" in text(refused)
    assert sms.getvalue().count("SMS to") == 2


def test_codes_are_limited_per_address(client, proposal, sms, settings):
    settings.TAMBON_PARTICIPATION_CODES_PER_ADDRESS_PER_HOUR = 2
    for number in ("0811111111", "0822222222"):
        assert ask_code(client, proposal, number).status_code == 302
        client.post(url(proposal), {"action": "forget"})
    refused = ask_code(client, proposal, "0833333333")
    assert "จากอุปกรณ์หรือเครือข่ายนี้" in text(refused)
    assert sms.getvalue().count("SMS to") == 2


def test_support_is_closed_outside_the_proposal_phases(client, site, sms):
    cycle = cycle_around(today_in_bangkok(), PhaseKind.DRAFTING)
    use_console_sms(cycle.organization)
    proposal = ProposalFactory(cycle=cycle)
    closed = client.get(url(proposal))
    assert "ปิดการสนับสนุนออนไลน์" in text(closed)
    ask_code(client, proposal)
    assert sms.getvalue() == ""
    assert "สนับสนุนข้อเสนอนี้" not in text(client.get(url(proposal, "")))


def test_without_an_sms_provider_it_says_so_in_thai(client, site, sms):
    proposal = ProposalFactory(cycle=cycle_around(today_in_bangkok(), PhaseKind.COLLECT_NEEDS))
    response = ask_code(client, proposal)
    assert "ส่งข้อความ SMS ไม่ได้" in text(response)


def test_the_number_is_never_stored_shown_or_logged(client, proposal, sms, caplog):
    caplog.set_level(logging.DEBUG)
    response = support(client, proposal, sms)
    assert NUMBER not in response.get("Location", "")
    stored = list(supports_of(proposal).values_list("supporter_hash", flat=True))
    assert len(stored) == 1 and NUMBER not in stored[0] and len(stored[0]) == 64
    assert NUMBER not in str(dict(client.session))
    for page in (url(proposal), url(proposal, ""), f"/participation/{proposal.cycle_id}/ranking/"):
        assert NUMBER not in text(client.get(page))
        assert "081-234-5678" not in text(client.get(page))
    assert NUMBER not in caplog.text
    assert NUMBER not in sms.getvalue()  # the console prints the masked number only


def test_the_proposers_name_and_contact_are_never_shown(client, proposal):
    page = text(client.get(url(proposal, "")))
    assert proposal.title in page
    assert proposal.proposer_name not in page
    assert proposal.proposer_contact not in page


def test_a_pending_or_another_organizations_proposal_is_not_found(client, proposal):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    theirs = ProposalFactory(cycle=cycle_around(today_in_bangkok(), organization=other))
    for part in ("", "support/"):
        assert client.get(url(theirs, part)).status_code == 404
        # Their proposal under our cycle's address is not found either.
        wrong_cycle = f"/participation/{proposal.cycle_id}/proposals/{theirs.pk}/{part}"
        assert client.get(wrong_cycle).status_code == 404
    proposal.moderation = "pending"
    proposal.save()
    assert client.get(url(proposal, "")).status_code == 404


def test_a_merged_proposal_redirects_to_the_one_it_joined(client, proposal):
    duplicate = ProposalFactory(cycle=proposal.cycle, merged_into=proposal)
    response = client.get(url(duplicate, ""))
    assert response.status_code == 302
    assert response["Location"] == url(proposal, "")
    assert Proposal.objects.for_organization(proposal.organization_id).count() == 2
