import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tambon.cases import roles
from tambon.cases.tracking import display_code
from tambon.core.scoping import OrganizationOwned, ScopedQuerySet
from tambon.thai.days import start_of_day

from .choices import (
    OPEN_STATES,
    ROLE_PERMISSION_NAMES,
    CaseChannel,
    CaseKind,
    CaseState,
    InformationDecision,
)
from .events import CaseEvent


class CaseQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """The cases a member of staff may see: those of the kinds their roles see today.
        Being a case's assignee adds nothing: someone moved to another role (an integrity
        officer made an executive) keeps no view of a kind that role must not see, as
        roles.can_do and roles.may_be_assigned already decide. Nobody else sees any."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(kind__in=roles.kinds_seen_by(user))

    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def overdue(self, now=None):
        now = now or timezone.now()
        late_acknowledgement = Q(state=CaseState.SUBMITTED, acknowledge_due__lt=now)
        return self.open().filter(late_acknowledgement | Q(resolve_due__lt=now))

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def received_between(self, start, end):
        """Received from `start` (included) to `end` (excluded)."""
        return self.filter(created__gte=start, created__lt=end)

    def with_outcome(self):
        """Annotates `outcome`: the last result given (resolved or rejected), so that a closed
        case still tells which it was. None for a case never finished."""
        last_result = (
            CaseEvent.objects.filter(
                case=models.OuterRef("pk"),
                to_state__in=[CaseState.RESOLVED, CaseState.REJECTED],
            )
            .order_by("-created", "-pk")
            .values("to_state")[:1]
        )
        return self.annotate(outcome=models.Subquery(last_result))

    def rated(self):
        return self.filter(rating__isnull=False)

    def received_on_dates(self, first_day, last_day):
        """Cases received on these Bangkok dates, both included."""
        start = start_of_day(first_day)
        end = start_of_day(last_day + datetime.timedelta(days=1))
        return self.filter(created__gte=start, created__lt=end)


class Case(OrganizationOwned):
    """One matter a citizen brought to one organization: a complaint, a request, a question.
    Its state changes only through tambon.cases.services."""

    kind = models.CharField(_("kind of case"), max_length=20, choices=CaseKind.choices)
    category = models.ForeignKey(
        "cases.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    subject = models.CharField(_("subject"), max_length=200)
    details = models.TextField(_("details"))
    location_text = models.CharField(_("place"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    state = models.CharField(
        _("status"),
        max_length=20,
        choices=CaseState.choices,
        default=CaseState.SUBMITTED,
        editable=False,
    )
    tracking_code = models.CharField(_("tracking code"), max_length=12, unique=True, editable=False)
    secret_hash = models.CharField(max_length=128, editable=False)
    division = models.ForeignKey(
        "people.Division",
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    acknowledge_due = models.DateTimeField(_("acknowledge by"), null=True, blank=True)
    resolve_due = models.DateTimeField(_("result due by"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    finished_at = models.DateTimeField(_("resolved or rejected"), null=True, blank=True)
    created = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated = models.DateTimeField(_("last change"), auto_now=True)
    rating = models.PositiveSmallIntegerField(
        _("citizen's rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    rating_comment = models.TextField(_("citizen's comment"), blank=True)
    rated_at = models.DateTimeField(_("rated"), null=True, blank=True)
    # E-service requests: the type asked for, and the answers to its extra fields as they were
    # asked ([{"label": ..., "value": ...}]), so that renaming a field later changes no record.
    service_type = models.ForeignKey(
        "cases.ServiceType",
        verbose_name=_("e-service request type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    service_answers = models.JSONField(_("answers"), default=list, blank=True, editable=False)
    # Official-information requests: the decision the register needs (OIA s.11).
    info_decision = models.CharField(
        _("decision"), max_length=20, choices=InformationDecision.choices, blank=True
    )
    info_decision_reason = models.TextField(_("reason or where it was forwarded"), blank=True)
    info_answered_on = models.DateField(_("date of the answer"), null=True, blank=True)
    channel = models.CharField(
        _("received through"),
        max_length=10,
        choices=CaseChannel.choices,
        default=CaseChannel.WEB,
        editable=False,
    )
    # Keyed hash of the sender's address, for the submission rate limit; never the address.
    client_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [models.Index(fields=["kind", "state"])]
        # One permission per staff role (tambon.cases.roles): groups get their roles by these.
        permissions = [(role.codename, name) for role, name in ROLE_PERMISSION_NAMES.items()]

    def __str__(self):
        return f"{self.display_code} {self.subject}"

    @property
    def display_code(self):
        return display_code(self.tracking_code)

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    def is_overdue(self, now=None):
        now = now or timezone.now()
        if not self.is_open:
            return False
        late_ack = (
            self.state == CaseState.SUBMITTED
            and self.acknowledge_due
            and (self.acknowledge_due < now)
        )
        return bool(late_ack or (self.resolve_due and self.resolve_due < now))

    @property
    def can_be_rated(self):
        return self.state in (CaseState.RESOLVED, CaseState.CLOSED) and self.rating is None


class Reporter(OrganizationOwned):
    """Who brought a case, kept apart from it: only the roles the kind allows may read it.
    No row at all for an anonymous case."""

    case = models.OneToOneField(
        Case, on_delete=models.CASCADE, related_name="reporter", primary_key=True
    )
    organization_parent = "case"
    name = models.CharField(_("name"), max_length=200, blank=True)
    citizen_id = models.CharField(_("citizen ID number"), max_length=13, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.TextField(_("address"), blank=True)

    class Meta:
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")

    def __str__(self):
        return self.name or str(_("(no name given)"))
