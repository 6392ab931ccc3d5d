"""Importing existing champions from a spreadsheet, with django-import-export.

One row a champion, found by the email address of their existing account (an import never
creates accounts). Names are matched without regard to case: tier (slug or name), organisation,
sector, districts, specialisms and languages (several separated by semicolons). A new row makes
an active or paused champion with the Champion role and an "Imported" entry in their history,
by the coordinator who imported it; a row for an existing active or paused champion updates
their profile; a row that changes nothing is reported "unchanged".

The file is read into plain text rows first (read_rows), refusing what is not a clean table:
wrong type, not UTF-8, empty, too long, unexpected headings, formulas. The view then runs the
resource twice: a dry run that writes nothing, and, once confirmed, the import in one
transaction that writes nothing if any row fails.
"""

from __future__ import annotations

import csv
import datetime
import io
import zlib
from collections import Counter

import tablib
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection
from django.utils import timezone
from import_export import fields, resources, widgets
from wagtail.log_actions import log

from champions.models import Champion, ChampionTier, Language, StatusChange
from champions.services import STATUS_ACTION
from content.models import Sector, Topic
from lms.accounts.models import District, User
from lms.organisations.models import Organisation
from lms.organisations.services import find_organisation
from lms.site.roles import Role
from lms.site.validators import printable_text

S = Champion.Status

MAX_ROWS = 2000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
IMPORTED_STATUSES = (S.ACTIVE, S.PAUSED)

# The columns, in the order of the template file. Required ones must have a value on every row.
COLUMNS = (
    "email", "tier", "organisation", "districts", "sector", "specialisms", "languages", "availability",
    "visibility", "line_manager_name", "line_manager_email", "status", "approved_on",
)
REQUIRED = ("email", "tier", "organisation", "districts", "sector", "availability", "line_manager_name",
            "line_manager_email", "status")


class FileProblem(Exception):
    """The file cannot be read as a table of champions; the message says why, for the coordinator."""


def _header(value) -> str:
    return " ".join(str(value or "").split()).lower().replace(" ", "_")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(
            "The file is not in UTF-8, so names with accents would be spoiled. In Excel, choose "
            "“Save as” and the type “CSV UTF-8”, then upload it again."
        ) from None
    if "\x00" in text:
        raise FileProblem("The file is not a CSV file. Upload a CSV file (.csv) or an Excel workbook (.xlsx).")
    try:
        rows = []
        for row in csv.reader(io.StringIO(text, newline="")):
            if len(row) > MAX_COLUMNS + 1:
                raise FileProblem(TOO_WIDE)
            rows.append([cell.strip() for cell in row])
        return rows
    except csv.Error:
        raise FileProblem("The file could not be read as CSV. Save it again as “CSV UTF-8” and upload it.") from None


# The template has about 15 columns; a file with many more is not one of ours.
MAX_COLUMNS = 40
TOO_WIDE = (f"The file has more than {MAX_COLUMNS} columns, so it cannot be made from the template. "
            "Start from the template file.")

UNREADABLE_XLSX = "The file is not an Excel workbook (.xlsx) that can be read. Save it again and upload it."


def _xlsx_rows(data: bytes, *, max_rows: int = MAX_ROWS, things: str = "champions",
               formulas_in_rows: bool = False) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of error for a damaged file
        raise FileProblem(UNREADABLE_XLSX) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return []
        rows = []
        # Never more columns than a real file can have: a row of millions of cells would keep
        # the worker busy for hours.
        for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS + 1), 1):
            if number > max_rows + 1:
                raise FileProblem(f"The file has more than {max_rows} {things}. Split it into smaller files.")
            cells = []
            for cell in row:
                if getattr(cell, "data_type", None) == "f" and not formulas_in_rows:
                    raise FileProblem(
                        f"Cell {cell.coordinate} holds a formula. Copy the sheet and paste it as values only, "
                        "then upload it again."
                    )
                cells.append(_cell(cell.value))
            rows.append(cells)
        return rows
    except FileProblem:
        raise
    except Exception:  # as above
        raise FileProblem(UNREADABLE_XLSX) from None
    finally:
        workbook.close()


def read_rows(name: str, data: bytes, *, columns=COLUMNS, required=REQUIRED, max_rows: int = MAX_ROWS,
              things: str = "champions", formulas_in_rows: bool = False) -> dict:
    """The file as {"headers": [...], "rows": [[...], ...]} of plain text, or FileProblem.

    By default the champions' file. Another import passes its own `columns`, `required`, row cap
    and name for its rows (`things`); with `formulas_in_rows` a formula is left in its cell for the
    import to refuse as that row's error, instead of refusing the whole file."""
    if not data.strip():
        raise FileProblem("The file is empty.")
    if name.lower().endswith(".xlsx"):
        rows = _xlsx_rows(data, max_rows=max_rows, things=things, formulas_in_rows=formulas_in_rows)
    else:
        rows = _csv_rows(data)
    rows = [row for row in rows if any(cell for cell in row)]
    if not rows:
        raise FileProblem("The file is empty.")
    headers = [_header(cell) for cell in rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > MAX_COLUMNS:
        raise FileProblem(TOO_WIDE)
    missing = [column for column in required if column not in headers]
    unknown = [header or "(blank)" for header in headers if header not in columns]
    repeated = sorted(header for header, times in Counter(headers).items() if times > 1)
    if missing or unknown or repeated:
        problems = []
        if missing:
            problems.append("it has no column " + ", ".join(f"“{column}”" for column in missing))
        if unknown:
            problems.append("these columns are not ones we know: " + ", ".join(f"“{h}”" for h in unknown[:10]))
        if repeated:
            problems.append("these columns appear twice: " + ", ".join(f"“{h}”" for h in repeated))
        raise FileProblem(
            "The first row must be the column headings. In this file " + "; and ".join(problems)
            + ". Start from the template file."
        )
    body = rows[1:]
    if not body:
        raise FileProblem(f"The file has headings but no {things}.")
    if len(body) > max_rows:
        raise FileProblem(f"The file has more than {max_rows} {things}. Split it into smaller files.")
    width = len(headers)
    table = []
    for number, row in enumerate(body, 2):
        if any(cell for cell in row[width:]):
            raise FileProblem(f"Row {number} has values beyond the last heading. Remove them and upload it again.")
        row = (row + [""] * width)[:width]
        for header, cell in zip(headers, row, strict=True):
            if cell.startswith(FORMULA_STARTS) and not formulas_in_rows:
                raise FileProblem(
                    f"Row {number}, column “{header}” starts with “{cell[:1]}”, which a spreadsheet runs as "
                    "a formula. Remove that character and upload the file again."
                )
        table.append(row)
    return {"headers": headers, "rows": table}


def one_import_at_a_time(what: str) -> None:
    """Wait until no other confirmed import of `what` is running, and hold that turn until the
    transaction ends. Call it inside the import's transaction, before the resource reads anything.

    Two coordinators confirming the same file at once would each compare it with the records as
    they were before the other's import committed, and both write it (each change twice in the
    history). Taking turns, the second compares it with the records as the first left them, so
    its rows no longer do what its preview said, and it is refused. SQLite runs one writing
    transaction at a time already; PostgreSQL is asked for a lock held until the commit.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(f"import:{what}".encode())])


def dataset_of(table: dict) -> tablib.Dataset:
    return tablib.Dataset(*[tuple(row) for row in table["rows"]], headers=table["headers"])


# Widgets: each turns a cell into what the record holds, or raises ValueError with a message.


def _names(value) -> list[str]:
    seen, names = set(), []
    for part in str(value or "").split(";"):
        name = " ".join(part.split())
        if name and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


class NamedWidget(widgets.ForeignKeyWidget):
    """One of a short list, by name (or slug) without regard to case."""

    def __init__(self, model, what: str, slug: bool = False):
        super().__init__(model, field="name")
        self.what, self.slug = what, slug

    def clean(self, value, row=None, **kwargs):
        value = " ".join(str(value or "").split())
        if not value:
            return None
        found = self.model.objects.filter(name__iexact=value).first()
        if found is None and self.slug:
            found = self.model.objects.filter(slug__iexact=value).first()
        if found is None:
            choices = ", ".join(str(o) for o in self.model.objects.all()[:20])
            raise ValueError(f"There is no {self.what} “{value}”. Use one of: {choices}.")
        return found

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class NamesWidget(widgets.ManyToManyWidget):
    """Several of a short list, separated by semicolons; every name must be known."""

    def __init__(self, model, what: str):
        super().__init__(model, separator=";", field="name")
        self.what = what

    def clean(self, value, row=None, **kwargs):
        names = _names(value)
        if not names:
            return self.model.objects.none()
        found = {o.name.lower(): o for o in self.model.objects.all()}
        unknown = [name for name in names if name.lower() not in found]
        if unknown:
            raise ValueError(
                f"There is no {self.what} " + ", ".join(f"“{n}”" for n in unknown)
                + ". Separate names with semicolons, and use: " + ", ".join(o.name for o in found.values()) + "."
            )
        ids = [found[name.lower()].pk for name in names]
        return self.model.objects.filter(pk__in=ids)

    def render(self, value, obj=None, **kwargs):
        return "; ".join(str(o) for o in value.all()) if value is not None else ""


class OrganisationWidget(widgets.ForeignKeyWidget):
    def clean(self, value, row=None, **kwargs):
        value = " ".join(str(value or "").split())
        if not value:
            return None
        organisation = find_organisation(value)
        if organisation is None:
            raise ValueError(
                f"There is no organisation “{value}”. Add it under Organisations first, or check its name."
            )
        return organisation


class AccountWidget(widgets.ForeignKeyWidget):
    """The existing account with this email address (case does not matter). Never creates one."""

    def clean(self, value, row=None, **kwargs):
        value = str(value or "").strip()
        if not value:
            return None
        user = User.objects.filter(email__iexact=value).first()
        if user is None:
            raise ValueError(
                f"No account uses the email address {value}. The person must sign up first: an import never "
                "creates accounts."
            )
        return user


class ChoiceWidget(widgets.Widget):
    """A status or a visibility, by its value ("paused") or its label, without regard to case."""

    def __init__(self, choices, what: str, default=None):
        super().__init__()
        self.choices, self.what, self.default = list(choices), what, default

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split()).lower()
        if not text:
            return self.default
        for choice, label in self.choices:
            if text in (str(choice).lower(), str(label).lower()):
                return choice
        allowed = " or ".join(f"“{choice}”" for choice, _ in self.choices)
        raise ValueError(f"The {self.what} must be {allowed}, not “{value}”.")

    def render(self, value, obj=None, **kwargs):
        return value or ""


def _parse_date(text: str) -> datetime.date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"“{text}” is not a date. Write dates as 2025-03-31 or 31/03/2025.")


class ApprovedOnField(fields.Field):
    """The day they became a champion, kept as approved_at (midnight, UK time). Left blank, a new
    champion is approved today and an existing one keeps their date."""

    def __init__(self):
        super().__init__(attribute="approved_at", column_name="approved_on", widget=widgets.Widget())

    def clean(self, row, **kwargs):
        text = str(row.get(self.column_name) or "").strip()
        if not text:
            return None
        day = _parse_date(text)
        if day > timezone.localdate():
            raise ValueError("The approval date is in the future.")
        if day.year < 2000:
            raise ValueError("The approval date is too long ago: check the year.")
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))

    def save(self, instance, row, is_m2m=False, **kwargs):
        value = self.clean(row)
        if value is None:
            if instance.approved_at is None:
                instance.approved_at = timezone.now().replace(microsecond=0)
            return
        instance.approved_at = value

    def get_value(self, instance):
        return instance.approved_at


class TextField(fields.Field):
    """Plain text, with its length checked and spaces tidied."""

    def __init__(self, attribute, max_length: int, label: str, email: bool = False):
        super().__init__(attribute=attribute, column_name=attribute, widget=widgets.CharWidget())
        self.max_length, self.label, self.email = max_length, label, email

    def clean(self, row, **kwargs):
        value = " ".join(str(row.get(self.column_name) or "").split())
        if len(value) > self.max_length:
            raise ValueError(f"The {self.label} must be {self.max_length} characters or fewer.")
        try:
            printable_text(value)
        except ValidationError:
            raise ValueError(f"The {self.label} holds characters that cannot be printed.") from None
        if self.email and value:
            try:
                validate_email(value)
            except ValidationError:
                raise ValueError(f"“{value}” is not an email address.") from None
        return value


class ChampionResource(resources.ModelResource):
    """Rows of a coordinator's spreadsheet as champion records. `by`: the coordinator importing."""

    email = fields.Field(attribute="user", column_name="email", widget=AccountWidget(User, field="email"))
    tier = fields.Field(attribute="tier", column_name="tier", widget=NamedWidget(ChampionTier, "tier", slug=True))
    organisation = fields.Field(attribute="organisation", column_name="organisation",
                                widget=OrganisationWidget(Organisation, field="name"))
    sector = fields.Field(attribute="sector", column_name="sector", widget=NamedWidget(Sector, "sector", slug=True))
    districts = fields.Field(attribute="districts", column_name="districts", widget=NamesWidget(District, "district"))
    specialisms = fields.Field(attribute="specialisms", column_name="specialisms",
                               widget=NamesWidget(Topic, "form of VAWG"))
    languages = fields.Field(attribute="languages", column_name="languages", widget=NamesWidget(Language, "language"))
    availability = TextField("availability", 200, "availability")
    visibility = fields.Field(
        attribute="visibility", column_name="visibility",
        widget=ChoiceWidget(Champion.Visibility.choices, "visibility", default=Champion.Visibility.COORDINATORS),
    )
    line_manager_name = TextField("line_manager_name", 150, "line manager’s name")
    line_manager_email = TextField("line_manager_email", 254, "line manager’s email address", email=True)
    status = fields.Field(
        attribute="status", column_name="status",
        widget=ChoiceWidget([(s, s.label) for s in IMPORTED_STATUSES], "status"),
    )
    approved_on = ApprovedOnField()

    class Meta:
        model = Champion
        fields = COLUMNS
        import_id_fields = ["email"]
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        use_transactions = True

    def __init__(self, *, by: User, **kwargs):
        super().__init__(**kwargs)
        self.by = by
        self.emails_seen: dict[str, int] = {}

    # Finding the record: by the account, or a new one. An unknown account is the row's error,
    # reported with the others, not a failure of the whole import.
    def get_instance(self, instance_loader, row):
        try:
            user = self.fields["email"].clean(row)
        except ValueError:
            return None
        if user is None:
            return None
        return Champion.objects.select_related("user", "organisation").filter(user=user).first()

    def before_import_row(self, row, **kwargs):
        email = str(row.get("email") or "").strip().lower()
        number = kwargs.get("row_number", 0) + 1  # the spreadsheet's row, under the headings
        if email and email in self.emails_seen:
            raise ValidationError({"email": f"{email} is also on row {self.emails_seen[email]}: one row a champion."})
        if email:
            self.emails_seen[email] = number

    def after_init_instance(self, instance, new, row, **kwargs):
        instance._imported_from = "" if new else instance.status

    def import_instance(self, instance, row, **kwargs):
        """Every field of the row checked at once, so that the dry run lists all its problems."""
        errors = {}
        for field in self.get_import_fields():
            try:
                if isinstance(field.widget, widgets.ManyToManyWidget):
                    if field.column_name in row:
                        field.clean(row)
                else:
                    self.import_field(field, instance, row, **kwargs)
            except ValueError as error:
                errors[field.column_name] = ValidationError(str(error))
        for column in REQUIRED:
            if column not in errors and not str(row.get(column) or "").strip():
                errors[column] = ValidationError(f"Enter the {column.replace('_', ' ')}.")
        if "email" not in errors and "line_manager_email" not in errors and instance.user_id and \
                instance.line_manager_email.lower() == instance.user.email.lower():
            errors["line_manager_email"] = ValidationError("The line manager’s email address is the champion’s own.")
        previous = getattr(instance, "_imported_from", "")
        if previous and previous not in IMPORTED_STATUSES and "status" not in errors:
            errors["status"] = ValidationError(
                f"{instance.user} already has a champion record that is “{S(previous).label.lower()}”. "
                "Deal with it on their page in the admin, not by import."
            )
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        previous = getattr(instance, "_imported_from", "")
        now = timezone.now()
        if instance.approved_at is None:
            instance.approved_at = now.replace(microsecond=0)
        if is_create:
            instance.applied_at = instance.approved_at
            instance.manager_agreed_at = instance.approved_at
            instance.manager_agreement_recorded_by = self.by
            instance.manager_agreement_note = "Agreed before the champion’s record was imported."
        if previous != instance.status:
            instance.status_changed_at = now
        super().save_instance(instance, is_create, row, **kwargs)
        if previous != instance.status:
            StatusChange.objects.create(
                champion=instance, from_status=previous, to_status=instance.status, at=now, by=self.by,
                reason="Imported.",
            )
            log(instance, STATUS_ACTION, user=self.by,
                data={"from": previous or "", "to": instance.status, "reason": "Imported."})
        group = Group.objects.get_or_create(name=Role.CHAMPION)[0]
        if instance.status in Champion.HOLD_ROLE:
            instance.user.groups.add(group)
