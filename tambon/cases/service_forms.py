"""The form of an e-service request: the common case form, plus the extra fields and the
document slots its type defines in the admin."""

import dataclasses

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tambon.thai.dates import format_thai_date
from tambon.thai.forms import ThaiDateField

from .forms import ACCEPT, CaseForm
from .models import CaseKind, ServiceField
from .text import clean_text

EXTRA_PREFIX = "extra_"
DOCUMENT_PREFIX = "document_"


def _field_for(spec: ServiceField):
    common = {"label": spec.label, "required": spec.required, "help_text": spec.help_text}
    if spec.kind == ServiceField.Kind.NUMBER:
        return forms.DecimalField(max_digits=15, decimal_places=2, **common)
    if spec.kind == ServiceField.Kind.DATE:
        # A date picker where the browser has one; typed Thai dates are read too.
        return ThaiDateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if spec.kind == ServiceField.Kind.CHOICE:
        choices = [(choice, choice) for choice in spec.choice_list]
        if not spec.required:
            choices = [("", "---"), *choices]
        return forms.ChoiceField(choices=choices, **common)
    return forms.CharField(max_length=1000, **common)


def _display(spec, value):
    """The answer as the staff and the citizen read it."""
    if value in (None, ""):
        return ""
    if spec.kind == ServiceField.Kind.DATE:
        return format_thai_date(value)
    if spec.kind == ServiceField.Kind.NUMBER:
        return f"{value.normalize():f}"
    return clean_text(value)


class ServiceRequestForm(CaseForm):
    def __init__(self, *args, service_type, documents_kept=(), **kwargs):
        super().__init__(*args, kind=CaseKind.ESERVICE, **kwargs)
        self.service_type = service_type
        self.documents_kept = set(documents_kept)
        self.fields.pop("category", None)
        self.specs = list(service_type.fields.all())
        self.documents = list(service_type.documents.all())
        for spec in self.specs:
            self.fields[f"{EXTRA_PREFIX}{spec.pk}"] = _field_for(spec)
        for document in self.documents:
            self.fields[f"{DOCUMENT_PREFIX}{document.pk}"] = forms.FileField(
                label=document.name,
                required=False,
                help_text=document.help_text
                or _("A photo or a PDF of the document. Location data in photos is removed."),
                widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
            )
        self.fields["attachments"].label = _("Other photos or documents (optional)")

    @property
    def extra_fields(self):
        return [self[f"{EXTRA_PREFIX}{spec.pk}"] for spec in self.specs]

    @property
    def document_fields(self):
        return [self[f"{DOCUMENT_PREFIX}{document.pk}"] for document in self.documents]

    def clean(self):
        data = super().clean()
        for spec in self.specs:
            name = f"{EXTRA_PREFIX}{spec.pk}"
            if spec.kind == ServiceField.Kind.TEXT and name in data:
                data[name] = clean_text(data[name])
                if spec.required and not data[name]:
                    self.add_error(name, _("This field is required."))
        for document in self.documents:
            name = f"{DOCUMENT_PREFIX}{document.pk}"
            upload = self.files.get(name)
            if upload:
                try:
                    clean = self.checked_upload(upload)
                except ValidationError as error:
                    self.add_error(name, error)
                    continue
                self.accepted_files.append(dataclasses.replace(clean, document=document.name))
            elif document.name not in self.documents_kept:
                self.add_error(
                    name,
                    ValidationError(
                        _("Attach “%(document)s”."),
                        params={"document": document.name},
                        code="required",
                    ),
                )
        return data

    def answers(self):
        """[{"label", "value"}] as asked now: later edits of the type change no record."""
        data = self.cleaned_data
        return [
            {"label": spec.label, "value": _display(spec, data.get(f"{EXTRA_PREFIX}{spec.pk}"))}
            for spec in self.specs
        ]
