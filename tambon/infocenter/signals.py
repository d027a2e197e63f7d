"""Saving a record, a file of a record, a folder, a court ruling or a gift-register row changes
public listings that the page cache keeps: drop the cached pages."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from tambon.core.pagecache import purge


def purge_now_and_after_commit(**_kwargs):
    # Now, for this request; after the commit as well, so that a page rendered by another worker
    # between the save and the commit (and cached with the old rows) is dropped too.
    purge()
    transaction.on_commit(purge)


def connect_record_purges():
    from .models import CourtRuling, GiftRegisterEntry, InfoRecord, InfoRecordFile, RecordCategory

    for model in (RecordCategory, InfoRecord, InfoRecordFile, CourtRuling, GiftRegisterEntry):
        label = model._meta.label_lower
        post_save.connect(
            purge_now_and_after_commit, sender=model, dispatch_uid=f"pagecache-saved-{label}"
        )
        post_delete.connect(
            purge_now_and_after_commit, sender=model, dispatch_uid=f"pagecache-deleted-{label}"
        )
