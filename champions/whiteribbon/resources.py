"""Organisations and their White Ribbon accreditation as spreadsheet rows, with django-import-export.

One row an organisation, found by its name without regard to case (a name no organisation has
makes a new, confirmed one), with, optionally, where it stands with White Ribbon now: its track,
stage, lead contact and the day the panel approved its accreditation.

The organisation's own columns are written to it as they are in the file (a blank cell empties an
optional field; a column left out of the file is left alone). The White Ribbon columns are
compared with the organisation's current cycle (the one under way, or else its latest), and only
the White Ribbon services change a cycle: an organisation with none under way starts one at the
row's stage; a different stage is one legal move through `change_stage`; a different track goes
through `change_track`. What the services refuse is that row's error, in their words. A row that
would change nothing is "unchanged", so the same file imported twice changes nothing.

The file is read by champions.resources.read_rows; every cell is checked here, so that the dry
run lists all of a row's problems at once. A cell that a spreadsheet would run as a formula
(starting = + - or @) is refused as that row's error, unless it starts with an apostrophe, the
spreadsheets' way of saying "this is text", which is how the export below writes such text.

The export writes the same columns for every confirmed organisation, each text cell neutralised
as lms.site.spreadsheets does for the admin's exports, so that an export imports back unchanged.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from import_export import fields, resources, widgets
from wagtail.log_actions import log

from champions.whiteribbon import services
from champions.whiteribbon.models import AccreditationCycle
from champions.whiteribbon.services import AccreditationError, expiry_of
from content.models import Sector
from lms.accounts.models import District, User
from lms.organisations.models import Organisation, validate_phone_number
from lms.organisations.services import normalise_organisation_name
from lms.site.spreadsheets import FORMULA_STARTS, spreadsheet_text
from lms.site.validators import printable_text

S = AccreditationCycle.Stage
Track = AccreditationCycle.Track

# A new organisation with its cycle costs some 30 queries (the services, the history, the search
# index): a file of 2,000 new ones takes about 20 seconds to check, and again to import.
MAX_ROWS = 2000
THINGS = "organisations"
IMPORT_ACTION = "champions.whiteribbon.import"

# The columns, in the order of the template and of the export.
ORGANISATION_COLUMNS = (
    "name", "type", "district", "sector", "workforce_size", "male_dominated_workforce", "partnership_member",
    "website", "contact_name", "contact_email", "contact_phone",
)
WHITE_RIBBON_COLUMNS = ("white_ribbon_track", "white_ribbon_stage", "lead_contact_name", "lead_contact_email",
                        "approved_on")
COLUMNS = ORGANISATION_COLUMNS + WHITE_RIBBON_COLUMNS
# These headings must be in the file, and these cells filled on every row.
REQUIRED = ("name", "type", "district")

# Stages before the panel's approval: no approval date goes with them.
BEFORE_APPROVAL = (S.INTERESTED, S.COMMITTED, S.PREPARING, S.SUBMITTED)
NEEDS_APPROVAL_DATE = (S.ACCREDITED, S.RENEWAL_DUE, S.REACCREDITED)


def heading(column: str) -> str:
    """A column as people read it in messages: "white ribbon stage" (White Ribbon capitalised)."""
    return column.replace("_", " ").replace("white ribbon", "White Ribbon")


def _key(text: str) -> str:
    """How choices and names are compared: case, spaces, hyphens and underscores do not matter."""
    return " ".join(re.sub(r"[_\-\s]+", " ", str(text or "")).split()).casefold()


def name_key(name: str) -> str:
    """How organisations' names are compared: without regard to case or spacing."""
    return normalise_organisation_name(str(name or "")).casefold()


def unescaped(value) -> str:
    """A cell's text, less the apostrophe that marks text starting = + - or @ as text (as the
    export writes it): "'+44 1707 123456" is "+44 1707 123456"."""
    text = str(value or "")
    if text.startswith("'") and text[1:2] and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def _day(value: datetime.date) -> str:
    return f"{value:%-d %B %Y}"


# Widgets: each turns a cell into what the record holds (or raises ValueError with a message
# for the coordinator), and a value back into a cell.


class TextWidget(widgets.Widget):
    """One line of text: spaces tidied, length checked, no characters that print as nothing."""

    def __init__(self, max_length: int, what: str):
        super().__init__()
        self.max_length, self.what = max_length, what

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if len(text) > self.max_length:
            raise ValueError(f"The {self.what} is {len(text)} characters long: it must be {self.max_length} or fewer.")
        try:
            printable_text(text)
        except ValidationError:
            raise ValueError(f"The {self.what} holds characters that cannot be printed. Type it again.") from None
        return text

    def render(self, value, obj=None, **kwargs):
        return value or ""


class EmailWidget(TextWidget):
    def __init__(self, what: str):
        super().__init__(254, what)

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        if text:
            try:
                validate_email(text)
            except ValidationError:
                raise ValueError(f"“{text}” is not an email address. Write it like name@example.org.") from None
        return text


class WebsiteWidget(TextWidget):
    validator = URLValidator(schemes=["http", "https"])

    def __init__(self):
        super().__init__(200, "website")

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        if text:
            try:
                self.validator(text)
            except ValidationError:
                raise ValueError(
                    f"“{text}” is not a full web address. Write it with https:// at the start, like "
                    "https://www.example.org."
                ) from None
        return text


class PhoneWidget(TextWidget):
    def __init__(self):
        super().__init__(40, "contact phone")

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        if text:
            try:
                validate_phone_number(text)
            except ValidationError as error:
                raise ValueError(f"“{text}” is not a phone number. {error.messages[0]}") from None
        return text


class ListedWidget(widgets.ForeignKeyWidget):
    """One of a short list (districts, sectors), by its name or short name without regard to case,
    read once per import."""

    def __init__(self, model, what: str):
        super().__init__(model, field="name")
        self.what = what
        self.found: dict[str, object] | None = None

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            return None
        if self.found is None:
            self.found = {}
            for item in self.model.objects.all():
                self.found.setdefault(_key(item.slug), item)
            self.found.update({_key(item.name): item for item in self.model.objects.all()})
        if _key(text) in self.found:
            return self.found[_key(text)]
        names = ", ".join(str(item) for item in self.model.objects.all())
        raise ValueError(f"There is no {self.what} “{text}”. Use one of: {names}.")

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class ChoiceWidget(widgets.Widget):
    """One of a list, by its value ("early_years") or its label ("Early years setting"), without
    regard to case, spaces or underscores; `aliases` adds other words people use for a choice."""

    def __init__(self, choices, what: str, aliases: dict | None = None, blank=None):
        super().__init__()
        self.choices, self.what, self.blank = list(choices), what, blank
        self.lookup = {}
        for value, label in self.choices:
            self.lookup[_key(value)] = value
            self.lookup[_key(label)] = value
        for alias, value in (aliases or {}).items():
            self.lookup[_key(alias)] = value

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            return self.blank
        if _key(text) in self.lookup:
            return self.lookup[_key(text)]
        allowed = "; ".join(str(label) for value, label in self.choices if value)
        raise ValueError(f"There is no {self.what} “{text}”. Use one of: {allowed}.")

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices).get(value, value or ""))


class YesNoWidget(widgets.Widget):
    YES = {"yes", "y", "true", "1"}
    NO = {"no", "n", "false", "0", ""}

    def __init__(self, what: str):
        super().__init__()
        self.what = what

    def clean(self, value, row=None, **kwargs):
        text = _key(value)
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(f"Write yes or no for {self.what}, not “{value}”. A blank cell means no.")

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


class DateWidget(widgets.Widget):
    """A day written 2026-03-31 or 31/03/2026 (an Excel date cell arrives as the first)."""

    SHAPES = (
        (re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$"), "%Y-%m-%d"),
        (re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$"), "%d/%m/%Y"),
    )

    def __init__(self, what: str):
        super().__init__()
        self.what = what

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            return None
        for shape, pattern in self.SHAPES:
            if shape.match(text):
                try:
                    return datetime.datetime.strptime(text, pattern).date()
                except ValueError:
                    raise ValueError(
                        f"“{text}” is not a day of the calendar: check the day and the month."
                    ) from None
        raise ValueError(f"“{text}” is not a date. Write the {self.what} as YYYY-MM-DD or DD/MM/YYYY, "
                         "like 2026-03-31 or 31/03/2026.")

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


# The cycle a row is compared with, and what importing the row does to it.


def current_cycle(cycles) -> AccreditationCycle | None:
    """Of an organisation's cycles, newest first: the one under way, or else the latest."""
    cycles = list(cycles)
    return next((cycle for cycle in cycles if cycle.is_open), cycles[0] if cycles else None)


def _cycles_of(organisation: Organisation) -> list[AccreditationCycle]:
    return list(organisation.accreditation_cycles.order_by("-started_on", "-id"))


@dataclass
class WhiteRibbonPlan:
    """What a row does to the organisation's White Ribbon cycle. Nothing, unless a field is set."""

    start: dict | None = None  # start_cycle's arguments
    cycle: AccreditationCycle | None = None  # the cycle to change
    track: str = ""  # change_track to this
    stage: str = ""  # change_stage to this
    approved_on: datetime.date | None = None
    details: dict = field(default_factory=dict)  # lead contact fields to set
    said: list[str] = field(default_factory=list)  # what it does, in words

    @property
    def changes_anything(self) -> bool:
        return bool(self.start or self.track or self.stage or self.details)


@dataclass
class RowNote:
    """What the preview says of a row besides its outcome: its organisation, and what changes."""

    name: str = ""
    organisation: list[str] = field(default_factory=list)
    white_ribbon: list[str] = field(default_factory=list)

    @property
    def changes(self) -> list[str]:
        return self.organisation + self.white_ribbon


EXPIRED = ("Approved on {approved}, the accreditation expired on {expired}, so it cannot be “accredited” now: give "
           "the stage it is at (renewal due, lapsed) or the date of its re-accreditation.")


class OrganisationResource(resources.ModelResource):
    """Rows of a coordinator's spreadsheet as organisations and their White Ribbon cycles.
    `by`: the coordinator importing; `file_name`: kept in each record's history."""

    name = fields.Field(attribute="name", column_name="name", widget=TextWidget(200, "organisation’s name"))
    type = fields.Field(attribute="kind", column_name="type", widget=ChoiceWidget(Organisation.Kind.choices, "type"))
    district = fields.Field(attribute="district", column_name="district", widget=ListedWidget(District, "district"))
    sector = fields.Field(attribute="sector", column_name="sector", widget=ListedWidget(Sector, "sector"))
    workforce_size = fields.Field(
        attribute="workforce_size", column_name="workforce_size",
        widget=ChoiceWidget(Organisation.WorkforceSize.choices, "workforce size", aliases={"not known": ""},
                            blank=""),
    )
    male_dominated_workforce = fields.Field(attribute="male_dominated_workforce",
                                            column_name="male_dominated_workforce",
                                            widget=YesNoWidget("male-dominated workforce"))
    partnership_member = fields.Field(attribute="partnership_member", column_name="partnership_member",
                                      widget=YesNoWidget("partnership member"))
    website = fields.Field(attribute="website", column_name="website", widget=WebsiteWidget())
    contact_name = fields.Field(attribute="contact_name", column_name="contact_name",
                                widget=TextWidget(200, "contact name"))
    contact_email = fields.Field(attribute="contact_email", column_name="contact_email",
                                 widget=EmailWidget("contact email"))
    contact_phone = fields.Field(attribute="contact_phone", column_name="contact_phone", widget=PhoneWidget())
    # The White Ribbon columns belong to the cycle, not the organisation: no attribute, so that
    # import-export never sets them; import_instance reads them and the services write them.
    white_ribbon_track = fields.Field(
        column_name="white_ribbon_track", dehydrate_method="dehydrate_white_ribbon_track",
        widget=ChoiceWidget(Track.choices, "White Ribbon track",
                            aliases={"accreditation": Track.ACCREDITED, "supporter": Track.SUPPORTER}),
    )
    white_ribbon_stage = fields.Field(
        column_name="white_ribbon_stage", dehydrate_method="dehydrate_white_ribbon_stage",
        widget=ChoiceWidget(S.choices, "White Ribbon stage",
                            aliases={"preparing": S.PREPARING, "submitted": S.SUBMITTED, "re accredited":
                                     S.REACCREDITED}),
    )
    lead_contact_name = fields.Field(column_name="lead_contact_name", dehydrate_method="dehydrate_lead_contact_name",
                                     widget=TextWidget(200, "lead contact’s name"))
    lead_contact_email = fields.Field(column_name="lead_contact_email",
                                      dehydrate_method="dehydrate_lead_contact_email",
                                      widget=EmailWidget("lead contact’s email"))
    approved_on = fields.Field(column_name="approved_on", dehydrate_method="dehydrate_approved_on",
                               widget=DateWidget("approval date"))

    class Meta:
        model = Organisation
        fields = COLUMNS
        import_id_fields = ["name"]
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        use_transactions = True

    def __init__(self, *, by: User | None = None, file_name: str = "", **kwargs):
        super().__init__(**kwargs)
        self.by, self.file_name = by, file_name[:200]
        self.today = timezone.localdate()
        self.organisations: dict[str, Organisation] = {}
        self.cycles: dict[int, list[AccreditationCycle]] = defaultdict(list)
        self.rows_of_name: dict[str, list[int]] = defaultdict(list)
        self.notes: dict[int, RowNote] = {}

    # Reading the file ------------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        """Every open organisation by name with its cycles, and the rows each name is on, read
        once: each organisation is on one row at most, so only its own row changes its cycles."""
        self.organisations = {}
        for organisation in Organisation.objects.open().select_related("district", "sector").order_by("pk"):
            self.organisations.setdefault(name_key(organisation.name), organisation)
        self.cycles = defaultdict(list)
        for cycle in AccreditationCycle.objects.order_by("organisation_id", "-started_on", "-id"):
            self.cycles[cycle.organisation_id].append(cycle)
        self.rows_of_name = defaultdict(list)
        if "name" in (dataset.headers or []):
            for number, name in enumerate(dataset["name"], 2):
                if name_key(unescaped(name)):
                    self.rows_of_name[name_key(unescaped(name))].append(number)

    def get_instance(self, instance_loader, row):
        return self.organisations.get(name_key(unescaped(row.get("name"))))

    def _cells(self, row) -> tuple[dict, dict]:
        """Each of the row's cells cleaned: (values by column, errors by column)."""
        values, errors = {}, {}
        for column in COLUMNS:
            if column not in row:
                continue
            text = str(row.get(column) or "")
            if text != unescaped(text):
                text = unescaped(text)  # written as text on purpose, as the export writes it
            elif text.startswith(FORMULA_STARTS):
                shown = text if len(text) <= 40 else text[:40] + "…"
                errors[column] = (
                    f"“{shown}” starts with “{text[:1]}”, which a spreadsheet runs as a formula, so it is refused. "
                    f"Remove the “{text[:1]}”; or, if the text must start with it, put an apostrophe (') before the "
                    f"“{text[:1]}”."
                )
                continue
            try:
                values[column] = self.fields[column].widget.clean(text, row=row)
            except ValueError as error:
                errors[column] = str(error)
        for column in REQUIRED:
            if column in row and column not in errors and values.get(column) in (None, ""):
                errors[column] = {
                    "name": "Enter the organisation’s name.",
                    "type": "Enter the type of organisation (see the list of types).",
                    "district": "Enter the district, by its name, like Watford.",
                }[column]
        return values, errors

    def import_instance(self, instance, row, **kwargs):
        """Every cell checked at once, so that the dry run lists all of a row's problems."""
        number = kwargs.get("row_number", 0) + 1  # the spreadsheet's row, under the headings
        note = self.notes.setdefault(number, RowNote())
        note.name = instance.name if instance.pk else " ".join(unescaped(row.get("name")).split())
        values, errors = self._cells(row)
        key = name_key(unescaped(row.get("name")))
        others = [n for n in self.rows_of_name.get(key, []) if n != number]
        if key and others and "name" not in errors:
            rows = " and ".join(str(n) for n in others)
            errors["name"] = (f"“{values.get('name')}” is also on row {rows}: one row an organisation "
                              "(names are compared without regard to capitals).")
        if instance.pk and instance.status != Organisation.Status.CONFIRMED and "name" not in errors:
            errors["name"] = (f"“{instance.name}” was proposed by a learner and waits for a coordinator. Confirm it "
                              "(or merge it into another) under Organisations first, then import the file again.")

        before = {f.attribute: getattr(instance, f.attribute) for f in self._organisation_fields()}
        for f in self._organisation_fields():
            column = f.column_name
            if column in values and column not in errors:
                if column == "name" and instance.pk:
                    continue  # found by its name: capitals and spaces in the file do not rename it
                setattr(instance, f.attribute, normalise_organisation_name(values[column])
                        if column == "name" else values[column])
        if instance.pk:
            note.organisation = [
                f"{heading(f.column_name)}: “{f.widget.render(before[f.attribute])}” → "
                f"“{f.widget.render(getattr(instance, f.attribute))}”"
                for f in self._organisation_fields() if getattr(instance, f.attribute) != before[f.attribute]
            ]
        else:
            note.organisation = ["A new organisation, confirmed."]

        plan = self._white_ribbon_plan(instance, row, values, errors)
        instance._white_ribbon = plan
        note.white_ribbon = plan.said
        if errors:
            raise ValidationError({column: ValidationError(message) for column, message in errors.items()})

    def _organisation_fields(self):
        return [self.fields[column] for column in ORGANISATION_COLUMNS]

    def _white_ribbon_plan(self, organisation, row, values, errors) -> WhiteRibbonPlan:
        """Compare the row's White Ribbon cells with the organisation's current cycle, adding
        to `errors` what cannot be; the services check the rest when the plan is carried out."""
        plan = WhiteRibbonPlan()
        if any(column in errors for column in WHITE_RIBBON_COLUMNS):
            return plan
        track, stage = values.get("white_ribbon_track"), values.get("white_ribbon_stage")
        approved_on = values.get("approved_on")
        problem = self._white_ribbon_cells_problem(track, stage, approved_on, values)
        if problem:
            errors.update(problem)
            return plan
        if not track:
            return plan  # the row says nothing of White Ribbon

        details = {c: values[c] for c in ("lead_contact_name", "lead_contact_email") if c in values}
        cycle = current_cycle(self.cycles.get(organisation.pk, [])) if organisation.pk else None
        if cycle is None or (not cycle.is_open and stage != cycle.stage):
            if stage == S.ACCREDITED and expiry_of(approved_on) < self.today:
                errors["approved_on"] = EXPIRED.format(approved=_day(approved_on), expired=_day(expiry_of(approved_on)))
                return plan
            plan.start = {"track": track, "stage": stage, "approved_on": approved_on, **details}
            plan.said.append(f"White Ribbon: a cycle starts as “{S(stage).label.lower()}” "
                             f"({Track(track).label.lower()}).")
            return plan

        plan.cycle = cycle
        if stage == S.REACCREDITED and cycle.kind == AccreditationCycle.Kind.RENEWAL and \
                cycle.stage == S.ACCREDITED and cycle.approved_on == approved_on:
            stage = S.ACCREDITED  # re-accredited already: the renewal carries on from that approval
        if stage == S.ACCREDITED and cycle.stage == S.RENEWAL_DUE and approved_on > cycle.approved_on:
            stage = S.REACCREDITED  # accredited again by a later approval: that is re-accreditation
        # A new approval date comes only with the stage it starts (accredited, re-accredited).
        if approved_on and cycle.approved_on != approved_on and (
                stage == cycle.stage or stage not in (S.ACCREDITED, S.REACCREDITED)):
            was = _day(cycle.approved_on) if cycle.approved_on else "not recorded"
            errors["approved_on"] = (
                f"The panel’s approval of this organisation’s current cycle is dated {was}; the file says "
                f"{_day(approved_on)}. An import does not change an approval date: correct the file, or the "
                "cycle in the admin."
            )
            return plan
        if not cycle.is_open and (track != cycle.track or stage != cycle.stage):
            errors["white_ribbon_stage"] = (f"This organisation’s latest cycle closed as "
                                            f"“{cycle.get_stage_display().lower()}”: it cannot change.")
            return plan
        if stage == S.ACCREDITED and stage != cycle.stage and expiry_of(approved_on) < self.today:
            errors["approved_on"] = EXPIRED.format(approved=_day(approved_on), expired=_day(expiry_of(approved_on)))
            return plan
        if track != cycle.track:
            plan.track = track
            plan.said.append(f"White Ribbon track: “{cycle.get_track_display().lower()}” → "
                             f"“{Track(track).label.lower()}”.")
        if stage != cycle.stage:
            plan.stage, plan.approved_on = stage, approved_on
            plan.said.append(f"White Ribbon stage: “{cycle.get_stage_display().lower()}” → "
                             f"“{S(stage).label.lower()}”.")
        plan.details = {c: v for c, v in details.items() if getattr(cycle, c) != v}
        if plan.details and not cycle.is_open:
            errors[next(iter(plan.details))] = (
                f"This organisation’s latest cycle closed as “{cycle.get_stage_display().lower()}”: its lead "
                "contact stays as it was. Leave the cell as it is in the export."
            )
            return plan
        plan.said += [f"{heading(c)}: “{getattr(cycle, c)}” → “{v}”." for c, v in plan.details.items()]
        return plan

    def _white_ribbon_cells_problem(self, track, stage, approved_on, values) -> dict:
        """What is wrong with the White Ribbon cells taken together, before any cycle is looked at."""
        if not track and not stage:
            given = [c for c in ("lead_contact_name", "lead_contact_email", "approved_on") if values.get(c)]
            if given:
                return {"white_ribbon_track": "Give the White Ribbon track and stage for the "
                        + " and ".join(heading(c) for c in given) + ", or leave them all blank."}
            return {}
        if not track:
            return {"white_ribbon_track": "Enter the White Ribbon track for the stage: accreditation or supporter."}
        if not stage:
            return {"white_ribbon_stage": "Enter the White Ribbon stage, like interested, committed or accredited."}
        if track == Track.SUPPORTER and stage not in AccreditationCycle.SUPPORTER_STAGES:
            return {"white_ribbon_stage": (
                f"A supporter organisation does not apply for accreditation, so it cannot be "
                f"“{S(stage).label.lower()}”. Make the track accreditation, or give a supporter’s stage: "
                "interested, committed, lapsed or withdrawn."
            )}
        if approved_on is None:
            if stage in NEEDS_APPROVAL_DATE:
                return {"approved_on": (f"Enter the day the panel approved the accreditation: an organisation that "
                                        f"is “{S(stage).label.lower()}” has one. Write it as YYYY-MM-DD or "
                                        "DD/MM/YYYY.")}
            return {}
        if approved_on > self.today:
            return {"approved_on": (f"The approval date, {_day(approved_on)}, is in the future. Give the day the "
                                    "accreditation panel approved the action plan.")}
        if approved_on.year < 2000:
            return {"approved_on": f"The approval date, {_day(approved_on)}, is too long ago: check the year."}
        if stage in BEFORE_APPROVAL:
            return {"approved_on": (f"An organisation that is “{S(stage).label.lower()}” has no approval date yet: "
                                    "leave it blank, or set the stage to accredited.")}
        return {}

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors or not instance.pk:
            return False
        plan = getattr(instance, "_white_ribbon", WhiteRibbonPlan())
        changed = any(getattr(instance, f.attribute) != getattr(original, f.attribute)
                      for f in self._organisation_fields())
        return not changed and not plan.changes_anything

    # Writing ---------------------------------------------------------------------------------

    def _log(self, instance, number: int, what: list[str], created: bool = False):
        log(instance=instance, action=IMPORT_ACTION, user=self.by,
            data={"file": self.file_name, "row": number, "created": created, "changes": what[:20]})

    def save_instance(self, instance, is_create, row, **kwargs):
        number = kwargs.get("row_number", 0) + 1
        note = self.notes.get(number, RowNote())
        plan: WhiteRibbonPlan = getattr(instance, "_white_ribbon", WhiteRibbonPlan())
        if is_create or note.organisation:
            try:
                with transaction.atomic():
                    super().save_instance(instance, is_create, row, **kwargs)
            except IntegrityError:
                raise ValidationError({"name": ValidationError(
                    f"An organisation called “{instance.name}” was added while the file was being imported. "
                    "Upload the file again."
                )}) from None
            self._log(instance, number, note.organisation, created=is_create)
        if not plan.changes_anything:
            return
        note_text = f"Imported from a spreadsheet ({self.file_name})." if self.file_name else \
            "Imported from a spreadsheet."
        try:
            if plan.start:
                cycle = services.start_cycle(instance, by=self.by, note=note_text, **plan.start)
            else:
                cycle = plan.cycle
                if plan.track:
                    cycle = services.change_track(cycle, plan.track, by=self.by, note=note_text)
                if plan.stage:
                    cycle = services.change_stage(cycle, plan.stage, by=self.by, note=note_text,
                                                  approved_on=plan.approved_on, announce=False)
                if plan.details:
                    cycle = AccreditationCycle.objects.get(pk=cycle.pk)
                    for column, value in plan.details.items():
                        setattr(cycle, column, value)
                    cycle.save(update_fields=list(plan.details))
        except AccreditationError as error:
            message = str(error).removesuffix(" Nothing was changed.")
            if plan.start:
                message = "The organisation has no White Ribbon cycle under way, and " + message[:1].lower() + \
                    message[1:]
            raise ValidationError({"white_ribbon_stage": ValidationError(message)}) from None
        self._log(cycle, number, note.white_ribbon, created=bool(plan.start))

    # Exporting -------------------------------------------------------------------------------

    def get_queryset(self):
        """Confirmed organisations (not proposals, not merged ones), each with its cycles, newest
        first, in a constant number of queries."""
        return (
            Organisation.objects.listed().select_related("district", "sector").order_by("name", "pk")
            .prefetch_related(Prefetch(
                "accreditation_cycles", queryset=AccreditationCycle.objects.order_by("-started_on", "-id"),
                to_attr="cycles_newest_first",
            ))
        )

    def _current(self, organisation) -> AccreditationCycle | None:
        cycles = getattr(organisation, "cycles_newest_first", None)
        return current_cycle(cycles if cycles is not None else _cycles_of(organisation))

    def dehydrate_white_ribbon_track(self, organisation):
        cycle = self._current(organisation)
        return self.fields["white_ribbon_track"].widget.render(cycle.track) if cycle else ""

    def dehydrate_white_ribbon_stage(self, organisation):
        cycle = self._current(organisation)
        return self.fields["white_ribbon_stage"].widget.render(cycle.stage) if cycle else ""

    def dehydrate_lead_contact_name(self, organisation):
        cycle = self._current(organisation)
        return cycle.lead_contact_name if cycle else ""

    def dehydrate_lead_contact_email(self, organisation):
        cycle = self._current(organisation)
        return cycle.lead_contact_email if cycle else ""

    def dehydrate_approved_on(self, organisation):
        cycle = self._current(organisation)
        return cycle.approved_on.isoformat() if cycle and cycle.approved_on else ""

    def export_field(self, field, instance, **kwargs):
        # Every cell as text a spreadsheet shows and never runs (a leading apostrophe on = + - @).
        return spreadsheet_text(super().export_field(field, instance, **kwargs))
