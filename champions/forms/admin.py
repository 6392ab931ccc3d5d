"""The coordinators' forms in the admin: a decision on a champion's record (with the note or
reason it needs), the upload of a file of existing champions, and the editors' tier form."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from content.models import TrainingModulePage
from lms.site.validators import printable_text

NOTE_MAX = 2000


def _text(value: str) -> str:
    value = value.strip()
    printable_text(value)
    return value


class DecisionForm(forms.Form):
    """A coordinator's note or reason for one change of a champion's status. Whether it is required,
    and what it is called, depends on the change (see DECISIONS in admin_champions.py)."""

    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=NOTE_MAX, required=False)

    def __init__(self, *args, label: str, help_text: str, required: bool, required_message: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.label, field.help_text, field.required = label, help_text, required
        field.error_messages["required"] = required_message or f"Enter the {label.lower()}."
        field.error_messages["max_length"] = f"The {label.lower()} must be {NOTE_MAX} characters or fewer."

    def clean_reason(self):
        value = self.cleaned_data["reason"]
        try:
            value = _text(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                "Remove the control characters: they print as nothing in an email."
            ) from error
        if self.fields["reason"].required and not value:
            raise forms.ValidationError(self.fields["reason"].error_messages["required"])
        return value


# Bigger files are refused before they are read: a few thousand champions fit in far less.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet of champions",
        help_text="A CSV file (saved as “CSV UTF-8”) or an Excel workbook (.xlsx), with one champion a row.",
        error_messages={
            "required": "Choose a CSV or Excel file to upload.",
            "empty": "The file you chose is empty.",
            "invalid": "Choose a CSV or Excel file to upload.",
            "missing": "Choose a CSV or Excel file to upload.",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The file must be a CSV file (.csv) or an Excel workbook (.xlsx).")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file must be smaller than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB. Split it into smaller files."
            )
        return upload


class ImportConfirmForm(forms.Form):
    """Carries the fingerprint of the file the coordinator saw in the dry run."""

    digest = forms.CharField(max_length=64, min_length=64, widget=forms.HiddenInput)


class ChampionTierForm(WagtailAdminModelForm):
    """An editor's tier form: the pathway is chosen from live training modules (plus any already on
    it, so that saving never drops one silently), as tick boxes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("pathway_modules")
        if field is not None:
            chosen = list(self.instance.pathway_modules.values_list("pk", flat=True)) if self.instance.pk else []
            field.queryset = (
                TrainingModulePage.objects.live() | TrainingModulePage.objects.filter(pk__in=chosen)
            ).distinct().order_by("title")
            field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
