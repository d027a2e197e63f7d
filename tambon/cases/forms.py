"""The public forms. One form class serves every kind; the kind decides which fields it has
and which contact details are required."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tambon.core.map_point import latitude_field, longitude_field
from tambon.core.robot_trap import refuse_if_filled, robot_trap_field
from tambon.thai.validators import (
    is_valid_citizen_id,
    is_valid_thai_phone,
    normalize_citizen_id,
    normalize_thai_phone,
)

from . import conf
from .models import CaseKind, Category
from .text import clean_text
from .uploads import check_upload, display_name

NAME_AND_CONTACT = "name_and_contact"
NAME_AND_ADDRESS = "name_and_address"
ANONYMOUS_ALLOWED = "anonymous_allowed"

# What each kind asks of the citizen. Corruption complaints may be anonymous (the law
# protects whistle-blowers); an official-information request needs a name and an address
# (Official Information Act s.11).
KIND_RULES = {
    CaseKind.COMPLAINT: {"contact": NAME_AND_CONTACT, "place": True, "category": True},
    CaseKind.EXECUTIVE: {"contact": NAME_AND_CONTACT, "place": False, "category": False},
    CaseKind.CORRUPTION: {"contact": ANONYMOUS_ALLOWED, "place": False, "category": False},
    CaseKind.ESERVICE: {"contact": NAME_AND_CONTACT, "place": True, "category": True},
    CaseKind.QUESTION: {"contact": ANONYMOUS_ALLOWED, "place": False, "category": False},
    CaseKind.INFORMATION: {"contact": NAME_AND_ADDRESS, "place": False, "category": False},
}

ACCEPT = "image/jpeg,image/png,image/webp,application/pdf"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [f for f in files if f]


class CaseForm(forms.Form):
    # No category is chosen for the citizen: a preselected one is sent unread.
    category = forms.ModelChoiceField(
        label=_("What is it about?"),
        queryset=Category.objects.none(),
        empty_label=_("Choose a category"),
        error_messages={"required": _("Choose what your matter is about.")},
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    details = forms.CharField(
        label=_("Details"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happened, when, and who is affected. Up to 10,000 characters."),
    )
    location_text = forms.CharField(
        label=_("Where is it? Describe the place"),
        required=False,
        max_length=300,
        help_text=_("Village (หมู่), road, a landmark nearby."),
    )
    latitude = latitude_field()
    longitude = longitude_field()
    name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    citizen_id = forms.CharField(
        label=_("Citizen ID number"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254)
    address = forms.CharField(
        label=_("Address"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    attachments = MultipleFileField(
        label=_("Photos or documents"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    # Honeypot: hidden from people, filled in by form-filling robots.
    website = robot_trap_field()

    def __init__(self, *args, kind, organization, already_attached=0, upload_room=None, **kwargs):
        """`organization`: the one the case is filed with; its categories are offered.
        `upload_room`: how many bytes of files this sender may still have kept (None: no
        limit), checked against each file's size before the file is read."""
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.rules = KIND_RULES[kind]
        self.already_attached = already_attached
        self.upload_room = upload_room
        self.received_bytes = 0  # of the files read and checked, kept or not
        self.accepted_files = []
        if self.rules["category"]:
            categories = Category.objects.for_organization(organization).active().of_kind(kind)
            if categories.exists():
                self.fields["category"].queryset = categories
            else:
                del self.fields["category"]
        else:
            del self.fields["category"]
        if not self.rules["place"]:
            for field in ("location_text", "latitude", "longitude"):
                del self.fields[field]
        contact = self.rules["contact"]
        if contact in (NAME_AND_CONTACT, NAME_AND_ADDRESS):
            self.fields["name"].required = True
        if contact == NAME_AND_ADDRESS:
            self.fields["address"].required = True
        if kind == CaseKind.QUESTION:
            del self.fields["citizen_id"]
        self.fields["attachments"].help_text = _(
            "Photos (JPEG, PNG, WebP) or PDF, up to %(count)s files. Location data in photos "
            "is removed."
        ) % {"count": conf.max_attachments()}

    @property
    def may_be_anonymous(self):
        return self.rules["contact"] == ANONYMOUS_ALLOWED

    @property
    def contact_fields(self):
        names = ("name", "citizen_id", "phone", "email", "address")
        return [self[name] for name in names if name in self.fields]

    @property
    def case_fields(self):
        names = ("category", "subject", "details", "location_text")
        return [self[name] for name in names if name in self.fields]

    @property
    def position_fields(self):
        return [self[name] for name in ("latitude", "longitude") if name in self.fields]

    def fields_in_page_order(self):
        """The bound fields as the form's page shows them (the error summary lists them so)."""
        shown = [
            *self.case_fields,
            *getattr(self, "extra_fields", []),
            *self.position_fields,
            *getattr(self, "document_fields", []),
            self["attachments"],
            *self.contact_fields,
        ]
        names = {field.name for field in shown}
        return shown + [self[name] for name in self.fields if name not in names]

    def clean_subject(self):
        value = clean_text(self.cleaned_data["subject"])
        if not value:
            raise ValidationError(_("Write a short subject."), code="required")
        return value

    def clean_details(self):
        value = clean_text(self.cleaned_data["details"], multiline=True)
        if not value:
            raise ValidationError(_("Tell us what happened."), code="required")
        return value

    def clean_location_text(self):
        return clean_text(self.cleaned_data["location_text"])

    def clean_name(self):
        value = clean_text(self.cleaned_data["name"])
        if self.fields["name"].required and not value:
            raise ValidationError(_("Write your name."), code="required")
        return value

    def clean_address(self):
        value = clean_text(self.cleaned_data["address"], multiline=True)
        if self.fields["address"].required and not value:
            raise ValidationError(_("Write your address."), code="required")
        return value

    def clean_citizen_id(self):
        value = clean_text(self.cleaned_data["citizen_id"])
        if not value:
            return ""
        if not is_valid_citizen_id(value):
            raise ValidationError(
                _("This is not a valid 13-digit Thai citizen ID number. Check the digits."),
                code="invalid_citizen_id",
            )
        return normalize_citizen_id(value)

    def clean_phone(self):
        value = clean_text(self.cleaned_data["phone"])
        if not value:
            return ""
        if not is_valid_thai_phone(value):
            raise ValidationError(
                _("Enter a Thai phone number, e.g. 081 234 5678 or 054 123 456."),
                code="invalid_phone",
            )
        return normalize_thai_phone(value)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        room = conf.max_attachments() - self.already_attached
        errors = []
        for upload in files:
            if len(self.accepted_files) >= room:
                errors.append(
                    ValidationError(
                        _("At most %(count)s files: “%(name)s” was not added."),
                        params={"count": conf.max_attachments(), "name": upload.name[:120]},
                    )
                )
                continue
            try:
                self.accepted_files.append(self.checked_upload(upload))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return self.accepted_files

    def checked_upload(self, upload):
        """check_upload, after the sender's allowance: a file over it is neither read nor
        decoded."""
        if self.upload_room is not None:
            if upload.size > self.upload_room:
                raise ValidationError(
                    _(
                        "“%(name)s” was not added: this device or network has attached too "
                        "many files to forms that were not sent. Send the form without it, or "
                        "try again in an hour."
                    ),
                    params={"name": display_name(upload.name)},
                    code="quota",
                )
            self.upload_room -= upload.size
        self.received_bytes += upload.size
        return check_upload(upload)

    def clean_website(self):
        return refuse_if_filled(self.cleaned_data["website"])

    def clean(self):
        data = super().clean()
        needs_contact = self.rules["contact"] == NAME_AND_CONTACT
        contact_given = data.get("phone") or data.get("email")
        contact_refused = self.has_error("phone") or self.has_error("email")
        if needs_contact and not contact_given and not contact_refused:
            self.add_error(
                "phone", _("Give a phone number or an e-mail so that we can answer you.")
            )
        return data

    def reporter_details(self):
        data = self.cleaned_data
        return {
            name: data.get(name, "") for name in ("name", "citizen_id", "phone", "email", "address")
        }


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        help_text=_("For example K7QM-4X9P, as on your receipt."),
    )
    secret = forms.CharField(
        label=_("PIN, or the phone number or e-mail you gave"),
        max_length=254,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )


class CitizenMessageForm(forms.Form):
    text = forms.CharField(
        label=_("Add information"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    attachments = MultipleFileField(
        label=_("Photos or documents"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )

    def clean_text(self):
        return clean_text(self.cleaned_data["text"], multiline=True)

    def clean_attachments(self):
        accepted, errors = [], []
        for upload in self.cleaned_data["attachments"][: conf.max_attachments()]:
            try:
                accepted.append(check_upload(upload))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return accepted

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("text") and not data.get("attachments"):
            raise ValidationError(_("Write a message or attach a file."))
        return data


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with the outcome?"),
        choices=[
            (5, _("5 - very satisfied")),
            (4, _("4 - satisfied")),
            (3, _("3 - neither")),
            (2, _("2 - dissatisfied")),
            (1, _("1 - very dissatisfied")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_comment(self):
        return clean_text(self.cleaned_data["comment"], multiline=True)
