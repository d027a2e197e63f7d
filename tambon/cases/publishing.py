"""Putting a question and its answer on the public Q&A page, and taking it off. Staff write
both texts for everyone: the citizen's own words and identity are never published. Each step
is recorded in the case's history like every other change."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import actions
from .models import CaseKind, EventKind, PublishedQuestion
from .services.common import CaseError, check_permission, locked, record


def publish_question(case, user, question, answer):
    question, answer = (question or "").strip(), (answer or "").strip()
    if case.kind != CaseKind.QUESTION:
        raise CaseError(_("Only questions can be published on the Q&A page."))
    if not question or not answer:
        raise CaseError(_("Write the question and the answer as the public will read them."))
    with transaction.atomic():
        current = locked(case)
        check_permission(user, current, actions.PUBLISH)
        PublishedQuestion.objects.for_organization(current.organization).update_or_create(
            case=current,
            defaults={
                "question": question,
                "answer": answer,
                "is_published": True,
                "published_at": timezone.now(),
                "published_by": user,
            },
        )
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Published on the Q&A page.")
        record(current, EventKind.INTERNAL_NOTE, user, actions.PUBLISH, text=note)
    return current.publication


def unpublish_question(case, user):
    with transaction.atomic():
        current = locked(case)
        check_permission(user, current, actions.UNPUBLISH)
        publications = PublishedQuestion.objects.for_organization(current.organization_id)
        publication = publications.filter(case=current, is_published=True).first()
        if publication is None:
            raise CaseError(_("This question is not on the Q&A page."))
        publication.is_published = False
        publication.save(update_fields=["is_published"])  # the signal purges the page cache
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Taken off the Q&A page.")
        record(current, EventKind.INTERNAL_NOTE, user, actions.UNPUBLISH, text=note)
