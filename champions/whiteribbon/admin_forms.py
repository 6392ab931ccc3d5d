"""The coordinators' White Ribbon forms in the Wagtail admin: the pipeline's and the cycle list's
filters, starting a cycle, its details, a change of stage or track, action plan items and their
progress and evidence, White Ribbon ambassadors and champions.

Each refuses bad input with a message a coordinator understands; the rules themselves (which
stage may follow which, what a supporter organisation may do) stay in services.py, whose
refusals the views show as form errors.
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput, BooleanRadioSelect

from champions.whiteribbon.evidence import ACCEPTED, check_upload
from champions.whiteribbon.models import AccreditationCycle, ActionItem, WhiteRibbonPerson
from champions.whiteribbon.plans import due_date_problem
from champions.whiteribbon.reports import CLOSED_STAGES, closed_since
from champions.whiteribbon.services import expiry_of
from content.models import TrainingModulePage
from lms.accounts.models import District, User
from lms.organisations.models import Organisation
from lms.site.fields import ChoiceOfRecord
from lms.site.validators import printable_text, reject_formula_start

S = AccreditationCycle.Stage
Track = AccreditationCycle.Track


def clean_line(value: str, *, formula_message: str = "Start with a letter or a number.") -> str:
    """One line of text: spaces tidied, printable characters only, never a spreadsheet formula."""
    value = " ".join((value or "").split())
    if value:
        printable_text(value)
        reject_formula_start(value, formula_message)
    return value


def clean_lines(value: str) -> str:
    """Text of several lines (a note, the steering group): each line tidied and printable."""
    lines = [" ".join(line.split()) for line in (value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    for line in lines:
        printable_text(line)
    return "\n".join(lines).strip()


def date_field(label: str, *, required: bool = True, help_text: str = "", example: str = "2026-04-01"):
    return forms.DateField(
        label=label, required=required, widget=AdminDateInput, help_text=help_text,
        error_messages={"required": f"Enter the {label.lower()}.",
                        "invalid": f"Enter the {label.lower()} as a date, like {example}."},
    )


def not_in_future(day: datetime.date | None, what: str) -> None:
    today = timezone.localdate()
    if day and day > today:
        raise ValidationError(f"The {what} cannot be in the future (today is {today:%-d %B %Y}).")


def _choice_messages(what: str) -> dict:
    return {"required": f"Choose the {what}.", "invalid_choice": f"Choose the {what} from the list."}


# Filters -------------------------------------------------------------------------------------


class PipelineFilterSet(WagtailFilterSet):
    """What the pipeline and the cycle list are filtered by: the organisation's district, type,
    male-dominated workforce and partnership membership, and the cycle's stage. A value that is
    not one of the choices is ignored (and said so by the form), never an error page."""

    district = django_filters.ModelChoiceFilter(
        field_name="organisation__district", label="District", queryset=District.objects.all(),
        empty_label="All districts",
    )
    kind = django_filters.ChoiceFilter(
        field_name="organisation__kind", label="Organisation type", choices=Organisation.Kind.choices,
        empty_label="All types", widget=forms.Select,
    )
    stage = django_filters.ChoiceFilter(
        field_name="stage", label="Stage", choices=S.choices, empty_label="All stages", widget=forms.Select,
    )
    male_dominated = django_filters.BooleanFilter(
        field_name="organisation__male_dominated_workforce", label="Male-dominated workforce",
        widget=BooleanRadioSelect,
    )
    partnership = django_filters.BooleanFilter(
        field_name="organisation__partnership_member", label="Member of the VAWG partnership",
        widget=BooleanRadioSelect,
    )

    class Meta:
        model = AccreditationCycle
        fields = []


class CycleFilterSet(PipelineFilterSet):
    """The cycle list's filters: the pipeline's, and the track and whether the cycle is under way
    (each count on the pipeline links to the list filtered the same way)."""

    track = django_filters.ChoiceFilter(
        field_name="track", label="Track", choices=Track.choices, empty_label="Both", widget=forms.RadioSelect,
    )
    status = django_filters.ChoiceFilter(
        label="Under way or closed", method="filter_status", empty_label="All", widget=forms.RadioSelect,
        choices=[("open", "Under way"), ("closed_recently", "Lapsed or withdrawn in the last 12 months"),
                 ("closed", "Closed")],
    )

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.open()
        if value == "closed_recently":
            today = timezone.localdate()
            return queryset.filter(stage__in=CLOSED_STAGES, closed_on__gte=closed_since(today), closed_on__lte=today)
        if value == "closed":
            return queryset.filter(stage__in=AccreditationCycle.CLOSED)
        return queryset


class PersonFilterSet(WagtailFilterSet):
    role = django_filters.ChoiceFilter(
        field_name="role", label="Role", choices=WhiteRibbonPerson.Role.choices, empty_label="Both",
        widget=forms.RadioSelect,
    )
    district = django_filters.ModelChoiceFilter(
        field_name="organisation__district", label="Organisation’s district", queryset=District.objects.all(),
        empty_label="All districts",
    )
    current = django_filters.BooleanFilter(
        field_name="ended_on", lookup_expr="isnull", label="Current (not stepped down)", widget=BooleanRadioSelect,
    )

    class Meta:
        model = WhiteRibbonPerson
        fields = []


class ActionItemFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        field_name="status", label="RAG status", choices=ActionItem.Status.choices, empty_label="All",
        widget=forms.RadioSelect,
    )
    criterion = django_filters.ChoiceFilter(
        field_name="criterion", label="Criterion", choices=ActionItem._meta.get_field("criterion").choices,
        empty_label="All", widget=forms.RadioSelect,
    )
    focus = django_filters.ChoiceFilter(
        field_name="focus", label="Strategy focus", choices=ActionItem._meta.get_field("focus").choices,
        empty_label="All", widget=forms.RadioSelect,
    )
    district = django_filters.ModelChoiceFilter(
        field_name="cycle__organisation__district", label="District", queryset=District.objects.all(),
        empty_label="All districts",
    )

    class Meta:
        model = ActionItem
        fields = []


# Cycles --------------------------------------------------------------------------------------


def organisations_without_open_cycle():
    """Confirmed organisations with no White Ribbon cycle under way: those a cycle can start for."""
    return Organisation.objects.listed().exclude(
        Exists(AccreditationCycle.objects.open().filter(organisation=OuterRef("pk")))
    ).select_related("district").order_by("name")


class OrganisationChoice(ChoiceOfRecord):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.district})" if obj.district_id else obj.name


class StartableOrganisationChoice(OrganisationChoice):
    """Offers the organisations a cycle can start for, but accepts any confirmed one, so that an
    organisation whose cycle has just started (a second click, a colleague) is told so in words
    rather than "choose from the list"."""

    def _get_choices(self):
        if hasattr(self, "_choices"):
            return self._choices
        iterator = self.iterator(self)
        iterator.queryset = organisations_without_open_cycle()
        return iterator

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


class LeadContactFields(forms.Form):
    lead_contact_name = forms.CharField(
        label="White Ribbon lead contact (optional)", required=False, max_length=200,
        help_text="The person at the organisation who leads its White Ribbon work.",
        error_messages={"max_length": "The lead contact’s name must be 200 characters or fewer."},
    )
    lead_contact_email = forms.EmailField(
        label="Lead contact’s email (optional)", required=False, max_length=254,
        help_text="Emailed when renewal falls due. Seen only by coordinators and the organisation’s leads.",
        error_messages={"invalid": "Enter the lead contact’s email address in the right format, like name@example.org.",
                        "max_length": "The email address must be 254 characters or fewer."},
    )
    steering_group = forms.CharField(
        label="Steering group (optional)", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Who sits on the organisation’s White Ribbon steering group: one name and role a line.",
        error_messages={"max_length": "Keep the steering group to 4,000 characters or fewer."},
    )

    def clean_lead_contact_name(self):
        return clean_line(self.cleaned_data["lead_contact_name"],
                          formula_message="Start the lead contact’s name with a letter.")

    def clean_steering_group(self):
        return clean_lines(self.cleaned_data["steering_group"])


class StartCycleForm(LeadContactFields):
    """Start an organisation's cycle: interested or committed; or, for an organisation accredited
    before this site kept the record, accredited on the panel's day."""

    START_STAGES = [
        (S.INTERESTED, "Interested"),
        (S.COMMITTED, "Committed: senior leaders have agreed to seek accreditation (or to support)"),
        (S.ACCREDITED, "Already accredited: record an accreditation the panel approved before"),
    ]

    organisation = StartableOrganisationChoice(
        label="Organisation", queryset=Organisation.objects.none(), empty_label="Choose an organisation",
        help_text="Confirmed organisations without a White Ribbon cycle under way.",
        error_messages=_choice_messages("organisation"),
    )
    track = forms.ChoiceField(
        label="Track", choices=Track.choices, initial=Track.ACCREDITED, widget=forms.RadioSelect,
        help_text="A supporter organisation commits to White Ribbon without applying for accreditation.",
        error_messages=_choice_messages("track"),
    )
    stage = forms.ChoiceField(
        label="Where it stands", choices=START_STAGES, initial=S.INTERESTED, widget=forms.RadioSelect,
        error_messages=_choice_messages("stage it has reached"),
    )
    on = date_field("Date it reached this stage", help_text="Today, or the day it happened.")
    approved_on = date_field(
        "Day the panel approved it", required=False,
        help_text="Only for an organisation already accredited: its accreditation runs three years from this day.",
    )
    note = forms.CharField(
        label="Note (optional)", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the cycle’s history.",
        error_messages={"max_length": "Keep the note to 2,000 characters or fewer."},
    )

    field_order = ["organisation", "track", "stage", "on", "approved_on", "lead_contact_name", "lead_contact_email",
                   "steering_group", "note"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.listed()

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"]
        if AccreditationCycle.objects.open().filter(organisation=organisation).exists():
            raise ValidationError(f"{organisation.name} already has a White Ribbon cycle under way (perhaps started "
                                  "by a second click): change its stage from its page. Nothing was changed.")
        return organisation

    def clean_note(self):
        return clean_lines(self.cleaned_data["note"])

    def clean_on(self):
        on = self.cleaned_data["on"]
        not_in_future(on, "date")
        return on

    def clean_approved_on(self):
        approved_on = self.cleaned_data["approved_on"]
        not_in_future(approved_on, "approval date")
        return approved_on

    def clean(self):
        cleaned = super().clean()
        track, stage, approved_on = cleaned.get("track"), cleaned.get("stage"), cleaned.get("approved_on")
        if track == Track.SUPPORTER and stage == S.ACCREDITED:
            self.add_error("stage", "A supporter organisation does not apply for accreditation: choose "
                                    "“Interested” or “Committed”, or the accreditation track.")
        if stage == S.ACCREDITED and "approved_on" not in self.errors:
            if approved_on is None:
                self.add_error("approved_on", "Enter the day the panel approved the accreditation.")
            elif expiry_of(approved_on) < timezone.localdate():
                self.add_error("approved_on", f"An accreditation approved on {approved_on:%-d %B %Y} expired on "
                                              f"{expiry_of(approved_on):%-d %B %Y}. Start the cycle as "
                                              "“Interested” or “Committed” instead.")
        elif stage and stage != S.ACCREDITED and approved_on:
            self.add_error("approved_on", "Give the approval day only for an organisation already accredited.")
        return cleaned


class CycleDetailsForm(WagtailAdminModelForm):
    """A cycle's lead contact and steering group (its stage changes only through "Change stage")."""

    clean_lead_contact_name = LeadContactFields.clean_lead_contact_name
    clean_steering_group = LeadContactFields.clean_steering_group

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in LeadContactFields.base_fields.items():
            if name in self.fields:
                self.fields[name].label = field.label
                self.fields[name].help_text = field.help_text
                self.fields[name].error_messages.update(field.error_messages)


class NextStageField(forms.ChoiceField):
    """Offers the stages the cycle may move to, and lets any real stage through to the service,
    whose refusal says why a move is not allowed ("it can become …") rather than "not a choice"."""

    def valid_value(self, value):
        return value in S.values


class StageChangeForm(forms.Form):
    """Move a cycle to one of the stages its current stage allows, dated, with a note. The stage
    the page showed comes back with the form, so that a second click (or a colleague's change in
    between) is told apart from a first."""

    to = NextStageField(label="New stage", widget=forms.RadioSelect, error_messages=_choice_messages("new stage"))
    on = date_field("Date of the change", help_text="Today, or the day it happened (not before the last change).")
    approved_on = date_field(
        "Day the panel approved it", required=False,
        help_text="Needed for “Accredited” and “Re-accredited”: the accreditation runs three years from this day. "
                  "Leave it empty to use the date of the change.",
    )
    note = forms.CharField(
        label="Note", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept in the cycle’s history. Needed when a cycle lapses or is withdrawn: say why.",
        error_messages={"max_length": "Keep the note to 2,000 characters or fewer."},
    )
    from_stage = forms.CharField(widget=forms.HiddenInput, required=False, max_length=20)

    def __init__(self, *args, cycle: AccreditationCycle, **kwargs):
        kwargs.setdefault("initial", {}).update(on=timezone.localdate(), from_stage=cycle.stage)
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        labels = {
            S.ACCREDITED: "Accredited: the panel approved the action plan",
            S.REACCREDITED: "Re-accredited: the panel approved the renewal (a renewal cycle carries on)",
            S.PREPARING: "Preparing the application" if cycle.stage != S.SUBMITTED
            else "Back to preparing the application (the panel asked for changes)",
        }
        self.fields["to"].choices = [(stage, labels.get(stage, S(stage).label)) for stage in cycle.next_stages()]

    def clean_note(self):
        return clean_lines(self.cleaned_data["note"])

    def clean(self):
        cleaned = super().clean()
        to, approved_on = cleaned.get("to"), cleaned.get("approved_on")
        if approved_on and to and to not in (S.ACCREDITED, S.REACCREDITED):
            self.add_error("approved_on", "Give the approval day only when the cycle becomes accredited or "
                                          "re-accredited.")
        if to in CLOSED_STAGES and not cleaned.get("note") and "note" not in self.errors:
            self.add_error("note", "Say why, in the note: it stays on the record.")
        return cleaned


class TrackChangeForm(forms.Form):
    note = forms.CharField(
        label="Note (optional)", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the track changes, for the cycle’s history.",
        error_messages={"max_length": "Keep the note to 2,000 characters or fewer."},
    )
    from_track = forms.CharField(widget=forms.HiddenInput, required=False, max_length=20)

    def clean_note(self):
        return clean_lines(self.cleaned_data["note"])


# Action plans --------------------------------------------------------------------------------


class ModuleChoice(ChoiceOfRecord):
    def label_from_instance(self, obj):
        return obj.title


class ActionItemForm(WagtailAdminModelForm):
    """An action of a three-year plan. Its RAG status changes by recording progress, so that each
    change is dated; a new action starts "on track"."""

    MESSAGES = {
        "cycle": _choice_messages("organisation’s cycle"),
        "criterion": _choice_messages("White Ribbon criterion"),
        "focus": _choice_messages("strategy focus"),
        "year": _choice_messages("year of the plan"),
        "title": {"required": "Say what the action is.", "max_length": "Keep the action to 200 characters or fewer."},
        "owner": {"required": "Say who answers for it: a name or a job title.",
                  "max_length": "Keep the owner to 200 characters or fewer."},
        "due_on": {"required": "Enter the day it is due.", "invalid": "Enter the day it is due as a date, like "
                                                                      "2026-09-30."},
        "module": _choice_messages("training module"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "cycle" in self.fields:
            self.fields["cycle"] = ChoiceOfRecord(
                label="Organisation’s cycle", empty_label="Choose the organisation",
                queryset=AccreditationCycle.objects.open().filter(track=Track.ACCREDITED)
                .select_related("organisation").order_by("organisation__name"),
                help_text="Organisations on the accreditation track with a cycle under way.",
            )
            self.fields["cycle"].label_from_instance = lambda cycle: str(cycle.organisation)
        if "module" in self.fields:
            self.fields["module"] = ModuleChoice(
                label="Training module (optional)", required=False, empty_label="None",
                queryset=TrainingModulePage.objects.live().order_by("title"),
                help_text=ActionItem._meta.get_field("module").help_text,
            )
        if "detail" in self.fields:
            self.fields["detail"].label = "Detail (optional)"
        for name, messages_for_field in self.MESSAGES.items():
            if name in self.fields:
                self.fields[name].error_messages.update(messages_for_field)

    def clean_title(self):
        title = clean_line(self.cleaned_data["title"], formula_message="Start the action with a letter or number.")
        if not title:
            raise ValidationError(self.MESSAGES["title"]["required"])
        return title

    def clean_owner(self):
        owner = clean_line(self.cleaned_data["owner"], formula_message="Start the owner with a letter or number.")
        if not owner:
            raise ValidationError(self.MESSAGES["owner"]["required"])
        return owner

    def clean_detail(self):
        return clean_lines(self.cleaned_data["detail"])

    def clean(self):
        cleaned = super().clean()
        cycle = cleaned.get("cycle") or getattr(self.instance, "cycle", None)
        due_on, year = cleaned.get("due_on"), cleaned.get("year")
        if cycle is not None and due_on is not None:
            problem = due_date_problem(cycle, due_on, int(year) if year else None)
            if problem:
                self.add_error("due_on", problem)
        return cleaned


class ProgressForm(forms.Form):
    """A dated note of progress on an action, and the RAG status it leaves the action in."""

    text = forms.CharField(
        label="Progress", max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What has happened since the last update.",
        error_messages={"required": "Say what progress has been made.",
                        "max_length": "Keep the update to 4,000 characters or fewer."},
    )
    status = forms.ChoiceField(
        label="RAG status now", choices=ActionItem.Status.choices, widget=forms.RadioSelect,
        error_messages=_choice_messages("RAG status"),
    )
    def clean_text(self):
        text = clean_lines(self.cleaned_data["text"])
        if not text:
            raise ValidationError("Say what progress has been made.")
        return text


class EvidenceForm(forms.Form):
    """What shows an action was done: a link, or a document kept privately (never both)."""

    title = forms.CharField(
        label="What it is", max_length=200, help_text="For example “Signed workplace policy, March 2026”.",
        error_messages={"required": "Say what the evidence is.",
                        "max_length": "Keep the description to 200 characters or fewer."},
    )
    link = forms.URLField(
        label="Link (or upload a document below)", required=False, max_length=500, assume_scheme="https",
        error_messages={"invalid": "Enter the link as a web address, like https://www.example.org/policy.",
                        "max_length": "The link must be 500 characters or fewer."},
    )
    document = forms.FileField(
        label="Document (or give a link above)", required=False,
        help_text=f"A {ACCEPTED} file, up to 10 MB. Only coordinators and the organisation’s leads can download it.",
        error_messages={"invalid": "Choose the file again.", "empty": "The file is empty. Choose the file again."},
    )
    def clean_title(self):
        title = clean_line(self.cleaned_data["title"], formula_message="Start with a letter or number.")
        if not title:
            raise ValidationError("Say what the evidence is.")
        return title

    def clean_link(self):
        link = self.cleaned_data["link"]
        if link and not link.lower().startswith(("https://", "http://")):
            raise ValidationError("Enter the link as a web address, like https://www.example.org/policy.")
        return link

    def clean_document(self):
        document = self.cleaned_data["document"]
        if document:
            self.kind = check_upload(document)
        return document

    def clean(self):
        cleaned = super().clean()
        link, document = cleaned.get("link"), cleaned.get("document")
        if "link" in self.errors or "document" in self.errors:
            return cleaned
        if link and document:
            self.add_error("link", "Give a link or upload a document, not both.")
        elif not link and not document:
            self.add_error("link", "Give a link, or upload a document.")
        return cleaned


# White Ribbon ambassadors and champions ------------------------------------------------------


class PersonForm(WagtailAdminModelForm):
    """A White Ribbon ambassador or White Ribbon champion (never a VAWG champion of this site's network)."""

    account_email = forms.EmailField(
        label="Their account here (optional)", required=False, max_length=254,
        help_text="The email address they sign in to this site with, if they have an account.",
        error_messages={"invalid": "Enter the email address in the right format, like name@example.org."},
    )

    MESSAGES = {
        "organisation": _choice_messages("organisation"),
        "role": {"required": "Choose whether they are a White Ribbon ambassador or a White Ribbon champion.",
                 "invalid_choice": "Choose whether they are a White Ribbon ambassador or a White Ribbon champion."},
        "name": {"required": "Enter their name.", "max_length": "The name must be 200 characters or fewer."},
        "job_title": {"max_length": "The job title must be 200 characters or fewer."},
        "email": {"invalid": "Enter the email address in the right format, like name@example.org."},
        "induction_on": {"invalid": "Enter the day they completed the induction as a date, like 2026-04-01."},
        "ended_on": {"invalid": "Enter the day they stepped down as a date, like 2026-04-01."},
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organisation" in self.fields:
            self.fields["organisation"] = OrganisationChoice(
                label="Organisation", queryset=Organisation.objects.listed().select_related("district"),
                empty_label="Choose an organisation",
            )
        if "role" in self.fields:
            self.fields["role"].widget = forms.RadioSelect(choices=WhiteRibbonPerson.Role.choices)
            self.fields["role"].choices = WhiteRibbonPerson.Role.choices
        for name, label in (("job_title", "Job title (optional)"), ("email", "Email (optional)"),
                            ("induction_on", "Induction completed (optional)"),
                            ("ended_on", "Stepped down (optional)")):
            if name in self.fields:
                self.fields[name].label = label
        for name, messages_for_field in self.MESSAGES.items():
            if name in self.fields:
                self.fields[name].error_messages.update(messages_for_field)
        if self.instance.user_id and not self.is_bound:
            self.initial["account_email"] = self.instance.user.email

    def clean_name(self):
        name = clean_line(self.cleaned_data["name"], formula_message="Start the name with a letter.")
        if not name:
            raise ValidationError("Enter their name.")
        return name

    def clean_job_title(self):
        return clean_line(self.cleaned_data["job_title"])

    def clean_induction_on(self):
        day = self.cleaned_data["induction_on"]
        not_in_future(day, "induction date")
        return day

    def clean_ended_on(self):
        day = self.cleaned_data["ended_on"]
        not_in_future(day, "day they stepped down")
        return day

    def clean_account_email(self):
        email = (self.cleaned_data["account_email"] or "").strip().lower()
        if not email:
            self.instance.user = None
            return ""
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError("No account here uses that email address. Leave it empty if they have none.")
        self.instance.user = user
        return email

    def clean(self):
        cleaned = super().clean()
        induction_on, ended_on = cleaned.get("induction_on"), cleaned.get("ended_on")
        if induction_on and ended_on and ended_on < induction_on:
            self.add_error("ended_on", "They cannot step down before their induction.")
        return cleaned
