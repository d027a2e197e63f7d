"""Which requests read from the replica (tambon/core/replica.py), seen in each alias's query log.

The unit tests run inside one rolled-back transaction on the primary, which a real replica cannot
see; here the "replica" alias shares the test's connection (as Django's TEST MIRROR promises), so
that what is routed where is exact, and what a page shows is the test's data. Lag, a stopped
replica and a frozen one are the subject of test_replica_server.py, on real servers.
"""

from contextlib import ExitStack
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections, router, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tambon.core.replica import reads_from_replica
from tambon.core.tests.factories import default_organization
from tambon.pages.models import NewsPage
from tambon.procurement.tests.factories import (
    ProcurementAnnouncementFactory,
    ProcurementIndexPageFactory,
)

pytestmark = pytest.mark.django_db

FIRST_POST = "ประชุมสภา อบต. สมัยสามัญ"


@pytest.fixture
def replica(db):
    """A "replica" alias whose connection is the test's own (same transaction)."""
    default = connections["default"]
    default.ensure_connection()
    settings.DATABASES["replica"] = dict(default.settings_dict)
    mirror = connections["replica"]
    mirror.connection = default.connection
    yield mirror
    mirror.connection = None  # the test's connection is not the mirror's to close
    del connections["replica"]
    del settings.DATABASES["replica"]


class Reads:
    """The SQL each alias ran during the block. (Not CaptureQueriesContext: it connects on
    entering, which a stopped replica would refuse, and each request empties its log.)"""

    def __enter__(self):
        self.primary = SimpleNamespace(captured_queries=[])
        self.replica = SimpleNamespace(captured_queries=[])
        self._stack = ExitStack()
        for alias, log in (("default", self.primary), ("replica", self.replica)):
            self._stack.enter_context(connections[alias].execute_wrapper(self._noter(log)))
        return self

    def __exit__(self, *exc):
        self._stack.close()

    @staticmethod
    def _noter(log):
        def note(execute, sql, params, many, context):
            log.captured_queries.append({"sql": sql})
            return execute(sql, params, many, context)

        return note

    @staticmethod
    def _tables(capture):
        return " ".join(query["sql"] for query in capture.captured_queries)

    def on_replica(self, table):
        return f'"{table}"' in self._tables(self.replica)

    def on_primary(self, table):
        return f'"{table}"' in self._tables(self.primary)


def test_the_news_listing_reads_its_posts_from_the_replica(client, news, replica):
    with Reads() as reads:
        response = client.get(news.url)
    assert response.status_code == 200
    assert FIRST_POST in response.content.decode()
    assert reads.on_replica("pages_newspage")
    assert not reads.on_primary("pages_newspage")


def test_without_a_replica_the_listing_reads_the_primary(client, news):
    with CaptureQueriesContext(connections["default"]) as primary:
        response = client.get(news.url)
    assert FIRST_POST in response.content.decode()
    assert any('"pages_newspage"' in query["sql"] for query in primary.captured_queries)


def test_search_and_open_data_downloads_read_from_the_replica(client, home, news, replica):
    procurement = ProcurementIndexPageFactory(parent=home)
    ProcurementAnnouncementFactory(title="ประกาศผู้ชนะจ้างซ่อมถนน")
    with Reads() as reads:
        found = client.get("/search/", {"q": "ประชุมสภา"})
        download = client.get(procurement.url + procurement.reverse_subpage("announcements_csv"))
    assert FIRST_POST in found.content.decode()
    assert "ประกาศผู้ชนะจ้างซ่อมถนน" in download.content.decode("utf-8-sig")
    assert reads.on_replica("procurement_procurementannouncement")
    assert not reads.on_primary("procurement_procurementannouncement")


def test_who_is_signed_in_is_read_from_the_primary_even_on_a_listing(client, news, replica):
    user = get_user_model().objects.create_user("reader", password="a-long-test-password")
    client.force_login(user)
    with Reads() as reads:
        response = client.get(news.url)
    assert response.status_code == 200
    assert reads.on_replica("pages_newspage")
    assert not reads.on_replica("django_session")
    assert not reads.on_replica("auth_user")
    assert reads.on_primary("django_session")


def test_a_post_to_a_listing_reads_nothing_from_the_replica(client, news, replica):
    with Reads() as reads:
        client.post(news.url, {})
    assert reads.replica.captured_queries == []


def test_a_complaint_and_its_receipt_and_tracking_read_only_the_primary(client, site, replica):
    from tambon.cases.models import CaseKind, Category
    from tambon.cases.starter import ensure_categories

    ensure_categories(default_organization())
    category = Category.objects.for_organization(default_organization()).of_kind(
        CaseKind.COMPLAINT
    )[0]
    data = {
        "subject": "ไฟถนนดับหน้าโรงเรียน",
        "details": "ไฟดับมาสามคืนแล้ว",
        "location_text": "หน้าโรงเรียนบ้านพงษ์",
        "name": "สมชาย ใจดี",
        "phone": "0812345678",
        "category": category.pk,
    }
    with Reads() as reads:
        sent = client.post("/cases/new/complaint/", data)
        receipt = client.get(sent["Location"])
        tracking = client.get("/cases/track/")
    assert sent.status_code == 302
    assert receipt.status_code == 200
    assert tracking.status_code in (200, 302)
    assert reads.replica.captured_queries == []


def test_the_admin_reads_only_the_primary(client, news, replica):
    admin = get_user_model().objects.create_superuser("boss", password="a-long-test-password")
    client.force_login(admin)
    with Reads() as reads:
        assert client.get("/admin/pages/").status_code == 200
        assert client.get(f"/admin/pages/{news.pk}/").status_code == 200
    assert reads.replica.captured_queries == []
    assert reads.on_primary("pages_newspage")


@reads_from_replica
def where_reads_go(request):
    """A lag-tolerant view that reads before, inside a transaction, and after a write."""
    before = router.db_for_read(NewsPage)
    with transaction.atomic():
        inside = router.db_for_read(NewsPage)
    page = NewsPage.objects.get()
    page.save(update_fields=["title"])
    after_write = router.db_for_read(NewsPage)
    return HttpResponse(f"{before} {inside} {after_write}")


def test_a_transaction_or_a_write_keeps_the_rest_of_the_view_on_the_primary(news, replica):
    response = where_reads_go(RequestFactory().get("/"))
    assert response.content.decode() == "replica default default"


def test_an_editors_preview_reads_the_primary(news, replica):
    request = RequestFactory().get("/")
    request.is_preview = True  # as Wagtail marks the preview it renders in the admin
    assert where_reads_go(request).content.decode() == "default default default"
