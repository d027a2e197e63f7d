"""What a person waits for (a citizen's message, a photo cleaned) is not stuck behind the
hundreds of search and reference-index tasks that publishing pages or creating an organization
queues."""

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tambon.cases.cleaning import clean_attachment
from tambon.cases.notify import notify_citizen
from tambon.participation.proposal_photos import clean_proposal_photo
from tambon.search.indexing import reindex_keys


@pytest.mark.django_db
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
@pytest.mark.parametrize(
    ("awaited", "args"),
    [(notify_citizen, (1, "created")), (clean_attachment, (1,)), (clean_proposal_photo, (1,))],
)
def test_the_worker_takes_what_a_person_waits_for_before_earlier_indexing_tasks(awaited, args):
    for _ in range(3):
        reindex_keys.enqueue(1, [])
    awaited.enqueue(*args)
    assert DBTaskResult.objects.count() == 4
    first = DBTaskResult.objects.ready().first()
    assert first.task_path == awaited.module_path
