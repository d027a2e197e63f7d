"""The admin of forums (ประชาคม): the forum with its attendance typed into one grid laid out
like the official sheet (sex by age group), the votes each proposal got and the photos.
Choices are the staff member's organization's rows; a forum's tallies must be proposals of its
cycle (and of its village, for a village forum)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from tambon.core.scoped_admin import OrganizationOwnedForm

from .models import AgeGroup, ForumAttendance, ForumKind, Proposal, Sex


def attendance_field_name(sex, age_group):
    return f"attendance_{sex}_{age_group}"


ATTENDANCE_CELLS = [(sex, age) for sex in Sex.values for age in AgeGroup.values]
ATTENDANCE_FIELDS = [attendance_field_name(sex, age) for sex, age in ATTENDANCE_CELLS]


def proposal_label(proposal):
    return f"{proposal.title} ({proposal.village})"


def _count_field(sex, age):
    return forms.IntegerField(
        min_value=0,
        max_value=100_000,
        required=False,
        label=f"{Sex(sex).label} {AgeGroup(age).label}",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


# One number per sex and age group; declared on a form class so that the panel can name them.
AttendanceGridFields = type(
    "AttendanceGridFields",
    (forms.Form,),
    {attendance_field_name(sex, age): _count_field(sex, age) for sex, age in ATTENDANCE_CELLS},
)


class ForumForm(OrganizationOwnedForm, AttendanceGridFields):
    """The forum, its attendance grid (one number per sex and age group, blank = nobody) and
    the checks that tie its village and its tallies to it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for row in self.instance.attendance.all():
                self.initial[attendance_field_name(row.sex, row.age_group)] = row.count
        if self.instance.organization_id and "tallies" in self.formsets:
            self._scope_tallies(self.formsets["tallies"])

    def _scope_tallies(self, tallies):
        """Any proposal of the organization is accepted (clean() says why one does not fit);
        the list offers those of the forum's cycle (and village) only."""
        proposals = Proposal.objects.for_organization(self.instance.organization)
        proposals = proposals.select_related("village").order_by("village__number", "title")
        offered = proposals
        if self.instance.cycle_id:
            offered = offered.filter(cycle_id=self.instance.cycle_id)
        if self.instance.village_id:
            offered = offered.filter(village_id=self.instance.village_id)
        base = tallies.form

        class TallyForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                field = self.fields["proposal"]
                field.queryset = proposals
                field.label_from_instance = proposal_label
                shown = forms.ModelChoiceField(queryset=offered)
                shown.label_from_instance = proposal_label
                field.widget.choices = shown.choices

        tallies.form = TallyForm

    def clean(self):
        data = super().clean()
        kind, village = data.get("kind"), data.get("village")
        if kind == ForumKind.VILLAGE and not village and "village" not in self.errors:
            self.add_error("village", _("A village forum needs its village."))
        if kind == ForumKind.SUBDISTRICT and village:
            self.add_error(
                "village",
                _("A subdistrict forum speaks for every village: leave the village empty."),
            )
        self._check_tallies(data.get("cycle"), kind, village)
        return data

    def _check_tallies(self, cycle, kind, village):
        tallies = self.formsets.get("tallies")
        if tallies is None or not tallies.is_valid() or cycle is None:
            return
        seen = set()
        for form in tallies.forms:
            if tallies.can_delete and tallies._should_delete_form(form):
                continue
            proposal = form.cleaned_data.get("proposal")
            if proposal is None:
                continue
            if proposal.cycle_id != cycle.pk:
                form.add_error("proposal", _("This proposal is not of this forum's plan cycle."))
            elif kind == ForumKind.VILLAGE and village and proposal.village_id != village.pk:
                form.add_error(
                    "proposal",
                    _("This proposal is of %(village)s, not of the forum's village.")
                    % {"village": proposal.village},
                )
            elif proposal.pk in seen:
                form.add_error("proposal", _("This proposal is listed twice."))
            seen.add(proposal.pk)
        if any(form.errors for form in tallies.forms):
            self.add_error(None, _("Check the votes at the forum: some rows are not right."))

    def save(self, commit=True):
        forum = super().save(commit=commit)
        if commit:
            self.save_attendance(forum)
        return forum

    def save_attendance(self, forum):
        rows = ForumAttendance.objects.for_organization(forum.organization)
        for sex, age in ATTENDANCE_CELLS:
            count = self.cleaned_data.get(attendance_field_name(sex, age)) or 0
            if count:
                rows.update_or_create(
                    forum=forum, sex=sex, age_group=age, defaults={"count": count}
                )
            else:
                rows.filter(forum=forum, sex=sex, age_group=age).delete()


class AttendanceGridPanel(Panel):
    """The attendance as the official sheet lays it out: a row per sex, a column per age group,
    with the totals computed when the page is saved."""

    def get_form_options(self):
        return {"fields": list(ATTENDANCE_FIELDS)}

    class BoundPanel(Panel.BoundPanel):
        template_name = "participation/forums/admin/attendance_grid.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["ages"] = AgeGroup.choices
            context["rows"] = [
                (label, [self.form[attendance_field_name(sex, age)] for age in AgeGroup.values])
                for sex, label in Sex.choices
            ]
            return context
