"""Bulk import of people: a coordinator's spreadsheet becomes accounts with a confirmed membership
of their organisation, each invited by email to set their own password.

One row a person: email and full name, the organisation (by the exact name of a confirmed
organisation, capitals and spacing aside), and optionally job role, district and sector. The
file is read into plain text rows (`read_table`), then django-import-export runs
`PersonResource` over them twice: a dry run inside a transaction that is always rolled back, and,
once the coordinator confirms, the import itself, all in one transaction or nothing.

Rules, safest first:
- An import never changes an existing account. A row whose address already has an account is
  "unchanged" if that account is a confirmed member of the row's organisation (so importing the
  same file twice changes nothing and sends nothing); otherwise it is that row's error, saying
  what the person (or a coordinator, under Memberships) does instead. Moving someone between
  organisations by spreadsheet would show their training records to the new organisation's leads
  without anyone asking them.
- A new account has no usable password: coordinators never set or see one. Its address is
  marked verified, because the only way into the account is a link sent to that address (the
  invitation, or "Forgotten your password?"), which proves the mailbox as allauth's own
  confirmation would; asking the person to confirm it again straight after would be a second
  email for nothing.
- The invitation is allauth's password reset link (its token generator): it dies as soon as a
  password is set, and after PASSWORD_RESET_TIMEOUT (3 days); after that, the person asks for a
  new one on the sign-in page. It is queued through Django's tasks API once the import commits.
- A cell that a spreadsheet would run as a formula (starting = + - @) is that row's error, unless
  it starts with an apostrophe, the spreadsheets' way of saying "this is text".
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from import_export import fields, resources
from wagtail.log_actions import log

from content.models import Sector
from lms.accounts.models import District, User
from lms.organisations.models import Membership, Organisation
from lms.organisations.services import normalise_organisation_name
from lms.site.spreadsheets import FORMULA_STARTS
from lms.site.validators import printable_text, validate_person_name

# A new person costs about 13 queries (the account, its address, the membership, two log
# entries): some 35 ms on a busy server, so a file of 500 is checked in under 20 seconds, and
# imported in as long again, within one request and well inside gunicorn's 30-second timeout.
# Larger lists are split into several files (the page says so).
MAX_ROWS = 500
MAX_COLUMNS = 20
THINGS = "people"
COLUMNS = ("email", "full_name", "job_role", "organisation", "district", "sector")
REQUIRED = ("email", "full_name", "organisation")
IMPORT_PERMISSIONS = ("organisations.add_organisation", "organisations.change_organisation")
CREATE_ACTION = "lms.user_import.create"
INVITE_ACTION = "lms.user_import.invite"
CONFIRM_ACTION = "lms.membership.confirm"


def can_import_people(user) -> bool:
    """Coordinators (and administrators): those who manage organisations and their memberships."""
    return user.is_authenticated and user.has_perms(IMPORT_PERMISSIONS)


class FileProblem(Exception):
    """The file cannot be read as a table of people; the message says why, for the coordinator."""


def heading(column: str) -> str:
    return column.replace("_", " ")


def _header(value) -> str:
    return "_".join(str(value or "").split()).lower()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


TOO_WIDE = (f"The file has more than {MAX_COLUMNS} columns, so it was not made from the template. "
            "Start from the template.")
TOO_LONG = f"The file has more than {MAX_ROWS:,} {THINGS}. Split it into smaller files of {MAX_ROWS:,} or fewer."
UNREADABLE_XLSX = "The file is not an Excel workbook (.xlsx) that can be read. Save it again and upload it."


def _csv_rows(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem("The file is not in UTF-8, so names with accents would be spoiled. In Excel, choose "
                          "“Save as” and the type “CSV UTF-8”, then upload it again.") from None
    if "\x00" in text:
        raise FileProblem("The file is not a CSV file. Upload a CSV file (.csv) or an Excel workbook (.xlsx).")
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            if len(row) > MAX_COLUMNS:
                raise FileProblem(TOO_WIDE)
            if len(rows) > MAX_ROWS + 1:
                raise FileProblem(TOO_LONG)
            rows.append([cell.strip() for cell in row])
    except csv.Error:
        raise FileProblem("The file could not be read as CSV. Save it again as “CSV UTF-8” and upload it.") from None
    return rows


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of error for a damaged file
        raise FileProblem(UNREADABLE_XLSX) from None
    try:
        if not workbook.worksheets:
            return []
        rows = []
        # Never more cells than a real file has: a row of a million cells would hold the server.
        for row in workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS + 1):
            cells = [_cell(cell.value) for cell in row]
            if any(cells):
                rows.append(cells)
            if len(rows) > MAX_ROWS + 1:
                raise FileProblem(TOO_LONG)
        return rows
    except FileProblem:
        raise
    except Exception:  # as above
        raise FileProblem(UNREADABLE_XLSX) from None
    finally:
        workbook.close()


def read_table(name: str, data: bytes) -> dict:
    """The upload as {"headers": [...], "rows": [[...], ...]} of plain text, or FileProblem.

    A formula (a cell starting = + - or @) stays in its cell, for the import to refuse as that
    row's error: the coordinator then sees every row's problems at once."""
    if not data.strip():
        raise FileProblem("The file is empty.")
    rows = _xlsx_rows(data) if name.lower().endswith(".xlsx") else _csv_rows(data)
    rows = [row for row in rows if any(row)]
    if not rows:
        raise FileProblem("The file is empty.")
    headers = [_header(cell) for cell in rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > MAX_COLUMNS:
        raise FileProblem(TOO_WIDE)
    missing = [column for column in REQUIRED if column not in headers]
    unknown = [header or "(blank)" for header in headers if header not in COLUMNS]
    repeated = sorted(header for header, times in Counter(headers).items() if times > 1)
    if missing or unknown or repeated:
        problems = []
        if missing:
            problems.append("it has no column " + ", ".join(f"“{column}”" for column in missing))
        if unknown:
            problems.append("these columns are not ones we know: " + ", ".join(f"“{h}”" for h in unknown[:10]))
        if repeated:
            problems.append("these columns appear twice: " + ", ".join(f"“{h}”" for h in repeated))
        raise FileProblem("The first row must be the column headings. In this file " + "; and ".join(problems)
                          + ". Start from the template file.")
    body = rows[1:]
    if not body:
        raise FileProblem(f"The file has headings but no {THINGS}.")
    if len(body) > MAX_ROWS:
        raise FileProblem(TOO_LONG)
    width = len(headers)
    table = []
    for number, row in enumerate(body, 2):
        if any(cell for cell in row[width:]):
            raise FileProblem(f"Row {number} has values beyond the last heading. Remove them and upload it again.")
        table.append((row + [""] * width)[:width])
    return {"headers": headers, "rows": table}


def dataset_of(table: dict):
    import tablib

    return tablib.Dataset(*[tuple(row) for row in table["rows"]], headers=table["headers"])


def _key(text) -> str:
    """Names (organisations, districts, sectors) are compared without regard to case or spacing."""
    return normalise_organisation_name(str(text or "")).casefold()


def unescaped(value) -> str:
    """A cell's text less the apostrophe that marks text starting = + - or @ as text."""
    text = str(value or "")
    if text.startswith("'") and text[1:2] and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def formula_refusal(text: str, can_be_text: bool = True) -> str:
    """Why a cell starting like a formula is refused, and what to do: a name or a job title is
    never text that starts so (the apostrophe that marks text does not help them)."""
    shown = text if len(text) <= 40 else text[:40] + "…"
    refusal = f"“{shown}” starts with “{text[:1]}”, which a spreadsheet runs as a formula, so it is refused. "
    if not can_be_text:
        return refusal + f"Remove the “{text[:1]}”."
    return refusal + f"Remove the “{text[:1]}”; or, if the text must start with it, put an apostrophe (') before it."


@dataclass
class RowNote:
    """What the preview says of a row besides its outcome."""

    email: str = ""
    name: str = ""
    organisation: str = ""
    said: list[str] = field(default_factory=list)


@dataclass
class Known:
    """What the import reads once, before the first row: the accounts the file's addresses
    already belong to, their open memberships, and the lists names are looked up in."""

    accounts: dict[str, User] = field(default_factory=dict)
    memberships: dict[int, Membership] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    unconfirmed: dict[str, Organisation] = field(default_factory=dict)
    districts: dict[str, District] = field(default_factory=dict)
    sectors: dict[str, Sector] = field(default_factory=dict)
    rows_of_email: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))


def _listed(model) -> dict:
    found = {}
    for item in model.objects.all():
        found.setdefault(_key(item.slug), item)
    found.update({_key(item.name): item for item in model.objects.all()})
    return found


class PersonResource(resources.ModelResource):
    """Rows of a coordinator's spreadsheet as new accounts. `by`: the coordinator importing;
    `file_name`: kept in each account's history."""

    email = fields.Field(attribute="email", column_name="email")
    full_name = fields.Field(attribute="full_name", column_name="full_name")
    job_role = fields.Field(attribute="job_role", column_name="job_role")
    organisation = fields.Field(attribute="organisation", column_name="organisation")
    district = fields.Field(attribute="district", column_name="district")
    sector = fields.Field(attribute="sector", column_name="sector")

    class Meta:
        model = User
        fields = COLUMNS
        import_id_fields = ["email"]
        skip_unchanged = True
        report_skipped = True
        skip_diff = True
        use_transactions = True

    def __init__(self, *, by: User | None = None, file_name: str = "", **kwargs):
        super().__init__(**kwargs)
        self.by, self.file_name = by, file_name[:200]
        self.known = Known()
        self.notes: dict[int, RowNote] = {}

    def before_import(self, dataset, **kwargs):
        known = Known()
        emails = [unescaped(e).strip().lower() for e in dataset["email"]] if "email" in dataset.headers else []
        for number, email in enumerate(emails, 2):
            if email:
                known.rows_of_email[email].append(number)
        wanted = list(known.rows_of_email)
        for start in range(0, len(wanted), 500):  # SQLite allows so many parameters in one query
            chunk = wanted[start:start + 500]
            for user in User.objects.annotate(address=Lower("email")).filter(address__in=chunk):
                known.accounts[user.address] = user
            # A second address on someone's account counts as theirs too.
            for address in EmailAddress.objects.annotate(address=Lower("email")).filter(address__in=chunk) \
                    .select_related("user"):
                known.accounts.setdefault(address.address, address.user)
        people = [user.pk for user in known.accounts.values()]
        for membership in Membership.objects.open().filter(user_id__in=people).select_related("organisation"):
            known.memberships[membership.user_id] = membership
        for organisation in Organisation.objects.open().order_by("pk"):
            target = known.organisations if organisation.status == Organisation.Status.CONFIRMED \
                else known.unconfirmed
            target.setdefault(_key(organisation.name), organisation)
        known.districts, known.sectors = _listed(District), _listed(Sector)
        self.known = known

    def get_instance(self, instance_loader, row):
        return self.known.accounts.get(unescaped(row.get("email")).strip().lower())

    def _cells(self, row) -> tuple[dict, dict]:
        """Each cell cleaned: (values by column, errors by column), every problem at once."""
        values, errors = {}, {}
        for column in COLUMNS:
            if column not in row:
                continue
            raw = str(row.get(column) or "")
            text = unescaped(raw)
            if text == raw and raw.startswith(FORMULA_STARTS):
                errors[column] = formula_refusal(raw, can_be_text=column not in ("full_name", "job_role"))
                continue
            text = " ".join(text.split())
            try:
                printable_text(text)
            except ValidationError:
                errors[column] = f"The {heading(column)} holds characters that cannot be printed. Type it again."
                continue
            values[column] = text
        email = values.get("email", "")
        if "email" not in errors:
            if not email:
                errors["email"] = "Enter the person’s email address."
            else:
                try:
                    validate_email(email)
                    if len(email) > 254:
                        raise ValidationError("too long")
                except ValidationError:
                    errors["email"] = f"“{email[:80]}” is not an email address. Write it like name@example.org."
        if "full_name" not in errors:
            if not values.get("full_name"):
                errors["full_name"] = "Enter the person’s full name, as it should appear on their certificates."
            elif len(values["full_name"]) > 150:
                errors["full_name"] = "The full name must be 150 characters or fewer."
            else:
                # The rule of every other form that sets a name: it is printed on certificates.
                try:
                    values["full_name"] = validate_person_name(values["full_name"])
                except ValidationError:
                    errors["full_name"] = (
                        "The full name can only include letters, spaces, hyphens, apostrophes and full stops."
                    )
        job_role = values.get("job_role", "")
        if "job_role" not in errors and len(job_role) > 120:
            errors["job_role"] = "The job role must be 120 characters or fewer."
        elif "job_role" not in errors and job_role.startswith(FORMULA_STARTS):
            errors["job_role"] = "The job role must start with a letter or number."
        self._lookups(values, errors)
        return values, errors

    def _lookups(self, values: dict, errors: dict) -> None:
        known = self.known
        if "organisation" not in errors:
            name = values.get("organisation", "")
            if not name:
                errors["organisation"] = "Enter the organisation, by its name as listed under Organisations."
            elif _key(name) in known.organisations:
                values["organisation"] = known.organisations[_key(name)]
            elif _key(name) in known.unconfirmed:
                errors["organisation"] = (f"“{name}” waits for a coordinator to confirm it. Confirm it (or merge it "
                                          "into another) under Organisations first, then upload the file again.")
            else:
                errors["organisation"] = (f"There is no confirmed organisation called “{name}”. Use its name exactly "
                                          "as listed under Organisations, or add the organisation first.")
        for column, found, what in (("district", known.districts, "district"), ("sector", known.sectors, "sector")):
            if column in errors or not values.get(column):
                values[column] = None
                continue
            text = values[column]
            if _key(text) in found:
                values[column] = found[_key(text)]
            else:
                names = ", ".join(sorted({str(item) for item in found.values()}))
                errors[column] = f"There is no {what} “{text}”. Use one of: {names}."
                values[column] = None

    def _existing_account_problem(self, person: User, organisation: Organisation | None) -> str:
        """Why a row cannot touch an account that exists, or "" if the account is already what
        the row asks (a confirmed member of the organisation), so the row changes nothing."""
        membership = self.known.memberships.get(person.pk)
        who = f"{person.email} already has an account"
        if not person.is_active:
            return f"{who}, which is closed. An import does not reopen accounts: ask an administrator."
        if membership is None:
            return (f"{who}, with no confirmed organisation. An import never changes an existing account: ask them "
                    f"to name {organisation or 'their organisation'} on their profile, then confirm their request "
                    "under Memberships. Then remove this row, or import the file again (the row will be unchanged).")
        if organisation is not None and membership.organisation_id == organisation.pk:
            if membership.status == Membership.Status.CONFIRMED:
                return ""
            return (f"{who} and has asked to join {organisation}. Confirm their request under Memberships, then "
                    "import the file again (the row will be unchanged).")
        state = "is a member of" if membership.status == Membership.Status.CONFIRMED else "has asked to join"
        return (f"{who} and {state} {membership.organisation}. An import never moves anyone to another organisation "
                "(its leads would see their training records): they change their organisation on their profile, "
                "which asks the new organisation to confirm them. Remove this row.")

    def import_instance(self, instance, row, **kwargs):
        number = kwargs.get("row_number", 0) + 1  # the spreadsheet's row, under the headings
        note = self.notes.setdefault(number, RowNote())
        values, errors = self._cells(row)
        note.email = values.get("email", "") or unescaped(row.get("email", ""))[:80]
        note.name = values.get("full_name", "")
        organisation = values.get("organisation") if isinstance(values.get("organisation"), Organisation) else None
        note.organisation = organisation.name if organisation else str(values.get("organisation") or "")
        email = note.email.lower()
        others = [n for n in self.known.rows_of_email.get(email, []) if n != number]
        if email and others and "email" not in errors:
            errors["email"] = f"{note.email} is also on row {' and '.join(map(str, others))}: one row a person."
        if instance.pk:
            if "email" not in errors:
                problem = self._existing_account_problem(instance, organisation)
                if problem and "organisation" not in errors:
                    errors["email"] = problem
                elif not problem:
                    note.said = [f"Already has an account and a confirmed membership of {organisation}: left as it is."]
        elif not errors:
            instance.email = email
            instance.full_name = values.get("full_name", "")
            instance.job_role = values.get("job_role", "")
            instance.organisation = organisation
            instance.district = values.get("district")
            instance.sector = values.get("sector")
            note.said = [f"A new account, a confirmed member of {note.organisation}, invited by email to set a "
                         "password."]
        if errors:
            raise ValidationError({column: ValidationError(message) for column, message in errors.items()})

    def skip_row(self, instance, original, row, import_validation_errors=None):
        return bool(instance.pk) and not import_validation_errors

    def save_instance(self, instance, is_create, row, **kwargs):
        number = kwargs.get("row_number", 0) + 1
        try:
            with transaction.atomic():
                person = create_invited_account(
                    email=instance.email, full_name=instance.full_name, job_role=instance.job_role,
                    organisation=instance.organisation, district=instance.district, sector=instance.sector,
                    by=self.by, file_name=self.file_name, row=number,
                )
        except IntegrityError:
            raise ValidationError({"email": ValidationError(
                f"An account for {instance.email} was made while the file was being imported. Upload the file again."
            )}) from None
        instance.pk = person.pk

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        pass  # import_instance sets every field itself


def create_invited_account(
    *, email: str, full_name: str, job_role: str, organisation: Organisation, district: District | None,
    sector: Sector | None, by: User | None, file_name: str = "", row: int | None = None,
) -> User:
    """A new account for `email`, with no usable password, a verified address, a membership of
    `organisation` confirmed by `by`, each logged in its history; once the transaction commits,
    the invitation to set a password is queued. Raises IntegrityError if the address is taken."""
    person = User(email=email.lower(), full_name=full_name, job_role=job_role, organisation=organisation,
                  district=district, sector=sector)
    person.set_unusable_password()
    person.save()
    EmailAddress.objects.create(user=person, email=person.email, primary=True, verified=True)
    membership = Membership.objects.create(
        user=person, organisation=organisation, status=Membership.Status.CONFIRMED,
        decided_at=timezone.now(), decided_by=by,
    )
    source = {"file": file_name, "row": row}
    log(person, CREATE_ACTION, user=by, data={**source, "organisation": organisation.name})
    log(membership, CONFIRM_ACTION, user=by, data={"organisation": organisation.name, "imported": True, **source})
    transaction.on_commit(lambda: send_invitation.enqueue(person.pk))
    return person


def invitation_link(person: User) -> str:
    """allauth's set-a-new-password link for `person`: it works once (setting the password
    changes what the token is made from) and for PASSWORD_RESET_TIMEOUT seconds."""
    path = reverse("account_reset_password_from_key", kwargs={
        "uidb36": user_pk_to_url_str(person), "key": default_token_generator.make_token(person),
    })
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def send_invitation(person_id: int) -> bool:
    """Email an imported person their invitation. Sends nothing to an account that has a
    password by now (it was set already) or is closed. Returns whether it sent."""
    person = User.objects.filter(pk=person_id, is_active=True).select_related("organisation").first()
    if person is None or person.has_usable_password():
        return False
    context = {
        "user": person, "email": person.email, "link": invitation_link(person),
        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        "sign_in": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_login"),
        "contact": settings.TRAINING_CONTACT_EMAIL,
    }
    send_mail(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
        + render_to_string("organisations/email/invitation_subject.txt", context).strip(),
        message=render_to_string("organisations/email/invitation_message.txt", context),
        from_email=None, recipient_list=[person.email],
    )
    log(person, INVITE_ACTION, user=None)
    return True


# Running the resource, and reading its result -------------------------------------------------

OUTCOMES = {"new": "New", "skip": "Unchanged", "update": "Failed", "invalid": "Failed", "error": "Failed",
            "delete": "Failed"}


def run_import(table: dict, by: User, *, dry_run: bool, file_name: str = ""):
    """The resource run over the table: (import-export's result, the resource with its notes)."""
    resource = PersonResource(by=by, file_name=file_name)
    result = resource.import_data(dataset_of(table), dry_run=dry_run, use_transactions=True,
                                  rollback_on_validation_errors=True, raise_errors=False)
    return result, resource


def outcome_rows(result, resource) -> list[dict]:
    """Each row of the file with what importing it does, and its problems, in words."""
    rows = []
    for index, row_result in enumerate(result.rows):
        number = index + 2
        note = resource.notes.get(number, RowNote())
        problems = []
        if row_result.validation_error is not None:
            error = row_result.validation_error
            details = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            for column in [c for c in COLUMNS if c in details] + [c for c in details if c not in COLUMNS]:
                for text in details[column]:
                    problems.append({"column": heading(column) if column in COLUMNS else "", "text": text})
        for row_error in row_result.errors:
            problems.append({"column": "", "text": f"This row could not be read: {row_error.error}"})
        outcome = OUTCOMES.get(row_result.import_type, "Failed")
        if outcome == "Failed" and not problems:
            problems.append({"column": "", "text": "This row could not be imported."})
        rows.append({"number": number, "email": note.email, "name": note.name, "organisation": note.organisation,
                     "outcome": outcome, "said": note.said if outcome != "Failed" else [], "problems": problems})
    return rows


def count(rows) -> dict:
    counts = {"New": 0, "Unchanged": 0, "Failed": 0}
    for row in rows:
        counts[row["outcome"]] += 1
    return counts


def template_rows() -> list[list[str]]:
    return [list(COLUMNS), ["sam.okafor@example.org", "Sam Okafor", "Practice nurse", "Example Health Centre",
                            "Watford", "Health"]]

