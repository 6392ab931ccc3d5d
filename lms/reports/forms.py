"""The filters every coordinator report shares: a period, a module, a sector, a district, an
organisation, and what to group the lines by."""

import datetime

from django import forms
from wagtail.admin.widgets import AdminDateInput

from content.models import Sector, TrainingModulePage
from lms.accounts.models import District
from lms.organisations.models import Organisation
from lms.site.fields import ChoiceOfRecord, QuickSelect

# Dates from this year on are refused: no training happens then, and a day past the calendar's
# last cannot be counted to.
LAST_DAY = datetime.date(9000, 1, 1)
CHOICE_ERRORS = {"invalid_choice": "Choose one from the list (it may have been removed: reload the page)."}


class ReportFilterForm(forms.Form):
    """Every field optional; an unknown choice or a date that is not one is refused with a message."""

    GROUPS: tuple = (
        ("module", "Module"),
        ("sector", "Sector"),
        ("district", "District"),
        ("organisation", "Organisation"),
        ("month", "Month"),
    )

    since = forms.DateField(
        label="From", required=False, widget=AdminDateInput,
        error_messages={"invalid": "Enter the first day as a date, like 2026-04-01."},
    )
    until = forms.DateField(
        label="To", required=False, widget=AdminDateInput,
        error_messages={"invalid": "Enter the last day as a date, like 2026-06-30."},
    )
    module = ChoiceOfRecord(
        queryset=TrainingModulePage.objects.order_by("title"), required=False, empty_label="All modules",
        widget=QuickSelect,
        error_messages=CHOICE_ERRORS,
    )
    sector = ChoiceOfRecord(
        queryset=Sector.objects.all(), required=False, empty_label="All sectors", error_messages=CHOICE_ERRORS,
    )
    district = ChoiceOfRecord(
        queryset=District.objects.all(), required=False, empty_label="All districts", error_messages=CHOICE_ERRORS,
    )
    organisation = ChoiceOfRecord(
        queryset=Organisation.objects.listed().order_by("name"), required=False, empty_label="All organisations",
        widget=QuickSelect,
        error_messages=CHOICE_ERRORS,
    )
    group_by = forms.ChoiceField(
        label="Group by", required=False, error_messages=CHOICE_ERRORS,
    )

    def __init__(self, *args, groups=None, omit=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name in omit:
            del self.fields[name]
        self.fields["group_by"].choices = groups or self.GROUPS

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", "The last day must be on or after the first day.")
        for name in ("since", "until"):
            # The day after the last is worked out, so the last possible date cannot be one.
            if cleaned.get(name) and cleaned[name] >= LAST_DAY:
                self.add_error(name, f"Enter a date before {LAST_DAY:%Y}.")
        if not cleaned.get("group_by"):
            cleaned["group_by"] = self.fields["group_by"].choices[0][0]
        return cleaned
