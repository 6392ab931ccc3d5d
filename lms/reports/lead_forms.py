"""The lead's choice of the modules their organisation expects its staff to complete."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError

from lms.reports.lead import published_modules
from lms.site.fields import ChoiceOfRecords

NOT_IN_THE_LIST = "Choose modules from the list. One you chose may no longer be published."

# A module's id as the form writes it: digits only, no sign, no leading zero, no space.
AN_ID = re.compile(r"[1-9][0-9]*", re.ASCII)


class ModuleChoiceField(ChoiceOfRecords):
    def label_from_instance(self, obj):
        return obj.title

    def clean(self, value):
        # Whatever is wrong with what was sent (an id not in the list, an id beyond the database's
        # integers, junk, a NUL character), the person is told the same thing: only the boxes on
        # the page can be chosen. Ids are checked before any query, so none can overflow it.
        try:
            return super().clean(value)
        except ValidationError:
            raise ValidationError(NOT_IN_THE_LIST, code="invalid_choice") from None


class ExpectedModulesForm(forms.Form):
    """Published modules as checkboxes; none ticked means the sector's learning path applies."""

    modules = ModuleChoiceField(
        queryset=published_modules(), required=False, widget=forms.CheckboxSelectMultiple,
        label="Modules your staff are expected to complete",
    )

    def __init__(self, *args, sector_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["modules"].help_text = (
            f"Leave every box empty to follow the {sector_name} sector’s learning path." if sector_name
            else "Leave every box empty to follow your sector’s learning path, once a coordinator records your sector."
        )
