"""Putting a question and its answer on the public Q&A page, and taking it off. Staff write
both texts for everyone: the citizen's own words and identity are never published. Each step
is recorded in the case's history like every other change."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import CaseKind, EventKind, PublishedQuestion
from .services import CaseError, _check_permission, _locked, _record

# Publishing speaks for the organization like a reply does.
ACTION = "reply"


def publish_question(case, user, question, answer):
    question, answer = (question or "").strip(), (answer or "").strip()
    if case.kind != CaseKind.QUESTION:
        raise CaseError(_("Only questions can be published on the Q&A page."))
    if not question or not answer:
        raise CaseError(_("Write the question and the answer as the public will read them."))
    with transaction.atomic():
        locked = _locked(case)
        _check_permission(user, locked, ACTION)
        PublishedQuestion.objects.update_or_create(
            case=locked,
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
        _record(locked, EventKind.INTERNAL_NOTE, user, "publish", text=note)
    return locked.publication


def unpublish_question(case, user):
    with transaction.atomic():
        locked = _locked(case)
        _check_permission(user, locked, ACTION)
        publication = PublishedQuestion.objects.filter(case=locked, is_published=True).first()
        if publication is None:
            raise CaseError(_("This question is not on the Q&A page."))
        publication.is_published = False
        publication.save(update_fields=["is_published"])  # the signal purges the page cache
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Taken off the Q&A page.")
        _record(locked, EventKind.INTERNAL_NOTE, user, "unpublish", text=note)
