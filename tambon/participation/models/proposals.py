"""A resident's proposal for the plan: a need of a village and the project that would meet it,
sent online or written down at a forum. Shown only once staff have published it; who proposed
it is kept for staff and never shown."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet

from ..photo_panel import ProposalPhotosPanel


class Source(models.TextChoices):
    ONLINE = "online", _("Sent online")
    FORUM = "forum", _("From a forum")


class Moderation(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")


class Decision(models.TextChoices):
    """What the committee decided, which may differ from the residents' ranking (then the
    reason is recorded and shown)."""

    UNDECIDED = "undecided", _("Not decided yet")
    ADOPTED = "adopted", _("Taken into the plan")
    DEFERRED = "deferred", _("Kept for a later plan")
    NOT_ADOPTED = "not_adopted", _("Not taken into the plan")
    ELSEWHERE = "elsewhere", _("Passed to another agency")


class ProposalQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(moderation=Moderation.PUBLISHED)


class Proposal(OrganizationOwned):
    cycle = models.ForeignKey(
        "participation.PlanCycle",
        verbose_name=_("planning cycle"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    organization_parent = "cycle"
    village = models.ForeignKey(
        "participation.Village",
        verbose_name=_("village"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    strategy = models.ForeignKey(
        "participation.Strategy",
        verbose_name=_("development strategy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    category = models.ForeignKey(
        "participation.Category",
        verbose_name=_("project category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    title = models.CharField(_("project name"), max_length=255)
    problem = models.TextField(_("the problem or need"))
    proposed_project = models.TextField(_("what should be done"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    estimated_budget = models.DecimalField(
        _("estimated budget (baht)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    beneficiaries = models.CharField(_("who benefits"), max_length=255, blank=True)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.ONLINE
    )
    moderation = models.CharField(
        _("review"), max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )
    moderation_note = models.CharField(_("review note (staff only)"), max_length=255, blank=True)
    # Never shown on the site: for staff to call back about the proposal.
    proposer_name = models.CharField(_("proposer's name"), max_length=150, blank=True)
    proposer_contact = models.CharField(_("proposer's phone or e-mail"), max_length=150, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("same as proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text=_("For a duplicate: the proposal it is counted with."),
    )
    decision = models.CharField(
        _("committee's decision"),
        max_length=12,
        choices=Decision.choices,
        default=Decision.UNDECIDED,
    )
    decision_reason = models.TextField(
        _("reason for the decision"),
        blank=True,
        help_text=_("Shown on the site. Required when the decision differs from the ranking."),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    client_hash = models.CharField(max_length=40, blank=True, editable=False)
    created = models.DateTimeField(_("received"), auto_now_add=True)

    objects = ProposalQuerySet.as_manager()

    panels = [
        FieldPanel("cycle"),
        FieldRowPanel([FieldPanel("village"), FieldPanel("strategy"), FieldPanel("category")]),
        FieldPanel("title"),
        FieldPanel("problem"),
        FieldPanel("proposed_project"),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldRowPanel([FieldPanel("estimated_budget"), FieldPanel("beneficiaries")]),
        FieldPanel("source"),
        MultiFieldPanel(
            [FieldPanel("proposer_name"), FieldPanel("proposer_contact")],
            heading=_("Proposer (never shown on the site)"),
        ),
        ProposalPhotosPanel(heading=_("Photos sent with it")),
        MultiFieldPanel(
            [FieldPanel("moderation"), FieldPanel("moderation_note"), FieldPanel("merged_into")],
            heading=_("Review"),
        ),
        MultiFieldPanel(
            [FieldPanel("decision"), FieldPanel("decision_reason"), FieldPanel("decided_on")],
            heading=_("The committee's decision"),
        ),
    ]

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["cycle", "moderation"])]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self):
        return self.title
