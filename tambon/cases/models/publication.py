import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet

from .case import Case


def new_public_code():
    """The address of a published Q&A: random, so it says nothing about how many cases exist."""
    return secrets.token_hex(5)


class PublishedQuestionQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def matching(self, text):
        return self.filter(models.Q(question__icontains=text) | models.Q(answer__icontains=text))


class PublishedQuestion(OrganizationOwned):
    """A question case as the public Q&A page shows it: the question rewritten by staff
    without the citizen's words or identity, and the answer written for everyone."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="publication")
    organization_parent = "case"
    code = models.CharField(max_length=10, unique=True, default=new_public_code, editable=False)
    question = models.TextField(_("question as published"))
    answer = models.TextField(_("public answer"))
    is_published = models.BooleanField(_("shown on the Q&A page"), default=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PublishedQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("published question")
        verbose_name_plural = _("published questions")

    def __str__(self):
        return self.question[:80]
