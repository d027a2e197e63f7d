"""Forums (ประชาคม): the meetings where residents of a village, or of the whole area, discuss
the proposals and put them in order. Staff record each one from its paper sheets: who came (by
sex and age group, as the official attendance form counts them), the minutes, photos, and the
votes each proposal got."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from tambon.core.scoping import OrganizationOwned


class ForumKind(models.TextChoices):
    VILLAGE = "village", _("Village forum")
    SUBDISTRICT = "subdistrict", _("Subdistrict forum")


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")
    NOT_STATED = "not_stated", _("Not stated")


class AgeGroup(models.TextChoices):
    """Children, youth (to 25, as the Child and Youth Development Act counts them), working
    age, elderly (60 and over, as the Elderly Persons Act counts them)."""

    UNDER_18 = "under_18", _("Under 18")
    YOUTH = "18_25", _("18-25")
    ADULT = "26_59", _("26-59")
    ELDERLY = "60_plus", _("60 and over")


class Forum(OrganizationOwned, ClusterableModel):
    cycle = models.ForeignKey(
        "participation.PlanCycle",
        verbose_name=_("planning cycle"),
        on_delete=models.CASCADE,
        related_name="forums",
    )
    organization_parent = "cycle"
    kind = models.CharField(
        _("kind of forum"), max_length=12, choices=ForumKind.choices, default=ForumKind.VILLAGE
    )
    # Empty for the subdistrict forum, which speaks for every village.
    village = models.ForeignKey(
        "participation.Village",
        verbose_name=_("village"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forums",
    )
    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place"), max_length=255)
    chaired_by = models.CharField(_("chaired by"), max_length=255, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("minutes (signed copy)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="subdistrict", village__isnull=True)
                | models.Q(kind="village", village__isnull=False),
                name="participation_forum_village_matches_kind",
            )
        ]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self):
        if self.village_id:
            return f"{self.get_kind_display()} {self.village}"
        return str(self.get_kind_display())

    @property
    def attendance_total(self):
        return sum(row.count for row in self.attendance.all())


class ForumAttendance(OrganizationOwned):
    """How many came, of one sex and one age group."""

    forum = ParentalKey(Forum, on_delete=models.CASCADE, related_name="attendance")
    organization_parent = "forum"
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices)
    age_group = models.CharField(_("age group"), max_length=10, choices=AgeGroup.choices)
    count = models.PositiveIntegerField(_("people"), default=0)

    class Meta:
        ordering = ["sex", "age_group"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "sex", "age_group"], name="participation_attendance_once"
            )
        ]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")


class ForumTally(OrganizationOwned):
    """A proposal discussed at a forum and the votes it got there, counted on paper."""

    forum = ParentalKey(Forum, on_delete=models.CASCADE, related_name="tallies")
    organization_parent = "forum"
    proposal = models.ForeignKey(
        "participation.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="tallies",
    )
    votes = models.PositiveIntegerField(_("votes"), default=0)
    # The forum's own order, when it agreed one (1 = first); empty when it only voted.
    forum_rank = models.PositiveSmallIntegerField(
        _("order agreed by the forum"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["forum_rank", "-votes", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["forum", "proposal"], name="participation_tally_once")
        ]
        verbose_name = _("votes at the forum")
        verbose_name_plural = _("votes at the forum")


class ForumPhoto(OrganizationOwned):
    forum = ParentalKey(Forum, on_delete=models.CASCADE, related_name="photos")
    organization_parent = "forum"
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
