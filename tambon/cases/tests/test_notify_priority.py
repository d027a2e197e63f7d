"""A citizen's notification is not stuck behind the hundreds of search and reference-index
tasks that publishing pages or creating an organization queues."""

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tambon.cases.notify import notify_citizen
from tambon.search.indexing import reindex_keys


@pytest.mark.django_db
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_worker_takes_a_citizens_notification_before_earlier_indexing_tasks():
    for _ in range(3):
        reindex_keys.enqueue(1, [])
    notify_citizen.enqueue(1, "created")
    assert DBTaskResult.objects.count() == 4
    first = DBTaskResult.objects.ready().first()
    assert first.task_path == "tambon.cases.notify.notify_citizen"
