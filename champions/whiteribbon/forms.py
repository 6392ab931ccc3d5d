"""The organisation leads' forms for their White Ribbon action plan: an action (added or changed),
a progress update, and a piece of evidence (a link or a document).

Every message says what to do; a refused form changes nothing. Text is checked as everywhere
else on the site (no control characters, no spreadsheet formulas: coordinators export plans).
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django import forms
from django.conf import settings

from champions.whiteribbon import evidence
from champions.whiteribbon.models import ACCREDITATION_YEARS, AccreditationCycle, ActionItem, Criterion, Focus
from champions.whiteribbon.plans import due_date_problem, year_span
from content.models import TrainingModulePage, without_view_restrictions
from lms.site.fields import ChoiceOfRecord
from lms.site.validators import printable_text, reject_formula_start

TITLE_MAX = 200
TEXT_MAX = 5000


def _no_nul(what: str) -> dict:
    """Django's own refusal of a NUL character, in the words the other checks use."""
    return {"null_characters_not_allowed": f"The {what} can only include letters, numbers, spaces and punctuation."}


def _long_date(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def clean_text(value: str, *, what: str, one_line: bool) -> str:
    """Text a person typed: trimmed (and on one line, if `one_line`), printable, not a formula."""
    if one_line:
        value = " ".join(value.split())
    else:  # paragraphs keep their line breaks (as typed on any system); nothing else invisible
        value = "\n".join(line.rstrip() for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        value = value.strip()
    try:
        printable_text(value.replace("\n", " "))
    except forms.ValidationError:
        raise forms.ValidationError(
            f"The {what} can only include letters, numbers, spaces and punctuation."
        ) from None
    reject_formula_start(value, f"Start the {what} with a letter or a number.")
    return value


def _date_part(part: str, low: int, high: int) -> forms.IntegerField:
    message = f"The due date must be a real date: give the {part} as a number."
    return forms.IntegerField(
        label=part.capitalize(), required=False, min_value=low, max_value=high,
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )


class ActionItemForm(forms.Form):
    """An action of the plan: under which criterion and focus, in which year, what, who, by when,
    and (if it is about this site's training) which module. With `with_status`, also its RAG
    status (when changing an action; a new one starts on track).

    The due date is three boxes (day, month, year), as GOV.UK asks for dates; once the panel has
    approved the plan it must fall within the chosen year of the accreditation."""

    DATE_PARTS = ("due_day", "due_month", "due_year")

    criterion = forms.ChoiceField(
        label="Which White Ribbon criterion does it come under?", choices=Criterion.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the White Ribbon criterion the action comes under.",
                        "invalid_choice": "Choose the White Ribbon criterion from the list."},
    )
    focus = forms.ChoiceField(
        label="Which focus of the VAWG strategy does it serve?", choices=Focus.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choose the strategy focus the action serves.",
                        "invalid_choice": "Choose the strategy focus from the list."},
    )
    year = forms.TypedChoiceField(
        label="In which year of the plan?", coerce=int, choices=[(1, "Year 1"), (2, "Year 2"), (3, "Year 3")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the year of the plan the action belongs to.",
                        "invalid_choice": "Choose year 1, 2 or 3 of the plan."},
    )
    title = forms.CharField(
        label="Action", max_length=TITLE_MAX,
        help_text="What will be done, in a sentence. For example “All managers complete the domestic abuse "
                  "awareness module”.",
        error_messages={**_no_nul("action"), "required": "Enter the action: what will be done.",
                        "max_length": f"The action must be {TITLE_MAX} characters or fewer."},
    )
    detail = forms.CharField(
        label="More detail (optional)", required=False, max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="How it will be done, and how you will know it is done.",
        error_messages={**_no_nul("detail"), "max_length": f"The detail must be {TEXT_MAX} characters or fewer."},
    )
    owner = forms.CharField(
        label="Who answers for it?", max_length=TITLE_MAX,
        help_text="A name or a job title in your organisation, like “Head of HR”.",
        error_messages={**_no_nul("owner"), "required": "Enter who answers for the action: a name or a job title.",
                        "max_length": f"Who answers for it must be {TITLE_MAX} characters or fewer."},
    )
    due_day = _date_part("day", 1, 31)
    due_month = _date_part("month", 1, 12)
    due_year = _date_part("year", 1000, 9999)
    module = ChoiceOfRecord(
        label="Is it about one of this site’s training modules? (optional)", required=False,
        queryset=TrainingModulePage.objects.none(), empty_label="No, or not one of these",
        help_text="If it is, the plan shows how many of your organisation’s confirmed members hold a current "
                  "certificate for that module.",
        error_messages={"invalid_choice": "Choose the training module from the list."},
    )
    status = forms.ChoiceField(
        label="Where does the action stand?", choices=ActionItem.Status.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choose where the action stands.",
                        "invalid_choice": "Choose where the action stands from the list."},
    )

    def __init__(self, *args, cycle: AccreditationCycle, with_status: bool = False,
                 current_module_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        modules = without_view_restrictions(TrainingModulePage.objects.live())
        if current_module_id:  # an action keeps the module it names, even once withdrawn
            modules = modules | TrainingModulePage.objects.filter(pk=current_module_id)
        self.fields["module"].queryset = modules.order_by("title")
        if not with_status:
            del self.fields["status"]
        if cycle.approved_on:
            spans = "; ".join(
                f"year {year} from {_long_date(starts)} to {_long_date(ends)}"
                for year in range(1, ACCREDITATION_YEARS + 1) for starts, ends in [year_span(cycle, year)]
            )
            self.fields["year"].help_text = f"Counted from the panel’s approval: {spans}."

    @classmethod
    def initial_for(cls, item: ActionItem) -> dict:
        return {
            "criterion": item.criterion, "focus": item.focus, "year": item.year, "title": item.title,
            "detail": item.detail, "owner": item.owner, "due_day": item.due_on.day,
            "due_month": item.due_on.month, "due_year": item.due_on.year, "module": item.module_id,
            "status": item.status,
        }

    def clean_title(self):
        return clean_text(self.cleaned_data["title"], what="action", one_line=True) or self._required("title")

    def clean_owner(self):
        return clean_text(self.cleaned_data["owner"], what="owner", one_line=True) or self._required("owner")

    def clean_detail(self):
        return clean_text(self.cleaned_data["detail"], what="detail", one_line=False)

    def _required(self, name: str):
        raise forms.ValidationError(self.fields[name].error_messages["required"])

    def clean(self):
        cleaned = super().clean()
        due_on = self._due_on(cleaned)
        if due_on is None:
            return cleaned
        problem = self._outside_the_cycle(due_on, cleaned.get("year"))
        if problem:
            self.add_error("due_day", problem)
        else:
            cleaned["due_on"] = due_on
        return cleaned

    def _due_on(self, cleaned) -> datetime.date | None:
        if any(name in self.errors for name in self.DATE_PARTS):
            return None
        day, month, year = (cleaned.get(name) for name in self.DATE_PARTS)
        if day is None and month is None and year is None:
            self.add_error("due_day", "Enter the date the action is due.")
            return None
        missing = [part for part, value in zip(("day", "month", "year"), (day, month, year), strict=True)
                   if value is None]
        if missing:
            self.add_error(f"due_{missing[0]}", f"The due date must include a {missing[0]}.")
            return None
        try:
            return datetime.date(year, month, day)
        except ValueError:
            self.add_error("due_day", "The due date must be a real date.")
            return None

    def _outside_the_cycle(self, due_on: datetime.date, year: int | None) -> str:
        return due_date_problem(self.cycle, due_on, year)

    @property
    def date_errors(self) -> list[str]:
        return [error for name in self.DATE_PARTS for error in self.errors.get(name, [])]

    @property
    def date_fields(self):
        return [(self["due_day"], 2), (self["due_month"], 2), (self["due_year"], 4)]

    def details(self) -> dict:
        """The action's fields, as the model names them."""
        data = self.cleaned_data
        details = {name: data[name] for name in ("criterion", "focus", "year", "title", "detail", "owner",
                                                 "due_on", "module")}
        if "status" in self.fields:
            details["status"] = data["status"]
        return details


class ActionUpdateForm(forms.Form):
    """A dated note of progress on an action, and where the action stands after it."""

    text = forms.CharField(
        label="What has happened?", max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example “Policy agreed by the board on 3 March; launch at the staff briefing in April”.",
        error_messages={**_no_nul("update"), "required": "Enter what has happened since the last update.",
                        "max_length": f"The update must be {TEXT_MAX} characters or fewer."},
    )
    status = forms.ChoiceField(
        label="Where does the action stand now?", choices=ActionItem.Status.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choose where the action stands now.",
                        "invalid_choice": "Choose where the action stands from the list."},
    )

    def clean_text(self):
        text = clean_text(self.cleaned_data["text"], what="update", one_line=False)
        if not text:
            raise forms.ValidationError(self.fields["text"].error_messages["required"])
        return text


class EvidenceForm(forms.Form):
    """What shows an action was done: a title and either a link (a web address) or a file, whose
    kind is checked by its content, not its name."""

    title = forms.CharField(
        label="What is it?", max_length=TITLE_MAX,
        help_text="For example “Signed domestic abuse policy” or “Photos from the White Ribbon Day event”.",
        error_messages={**_no_nul("title"), "required": "Enter what the evidence is.",
                        "max_length": f"What the evidence is must be {TITLE_MAX} characters or fewer."},
    )
    link = forms.URLField(
        label="A link to it", required=False, max_length=500, assume_scheme="https",
        help_text="A web address starting https://, if the evidence is online. Anyone with the link may be "
                  "able to open it, so do not link to private documents this way.",
        error_messages={"invalid": "Enter the link as a web address, like https://www.example.org/policy.",
                        "max_length": "The link must be 500 characters or fewer."},
    )
    document = forms.FileField(
        label="Or upload a file", required=False,
        help_text=f"A {evidence.ACCEPTED} file, smaller than {settings.EVIDENCE_MAX_BYTES // (1024 * 1024)} MB. "
                  "Only your organisation’s leads and the partnership’s coordinators can download it.",
        error_messages={"empty": "The file is empty. Choose the file again.",
                        "invalid": "Choose the file again: it did not arrive."},
    )

    def clean_title(self):
        title = clean_text(self.cleaned_data["title"], what="title", one_line=True)
        if not title:
            raise forms.ValidationError(self.fields["title"].error_messages["required"])
        return title

    def clean_link(self):
        link = self.cleaned_data["link"]
        if link and urlsplit(link).scheme.lower() not in ("http", "https"):
            raise forms.ValidationError(self.fields["link"].error_messages["invalid"])
        return link

    def clean_document(self):
        upload = self.cleaned_data["document"]
        self.kind = None
        if upload:
            self.kind = evidence.check_upload(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if "link" in self.errors or "document" in self.errors:
            return cleaned
        link, upload = cleaned.get("link"), cleaned.get("document")
        if link and upload:
            self.add_error("link", "Give a link or upload a file, not both. Add the other as a second piece of "
                                   "evidence.")
        elif not link and not upload:
            self.add_error("link", "Give a link to the evidence, or choose a file to upload.")
        return cleaned
