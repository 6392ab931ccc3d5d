"""The coordinators' champion screens in the Wagtail admin (registered on import by wagtail_hooks.py):
applications waiting, every champion with filters, accent-blind search and a spreadsheet export,
a champion's page with their history and the decisions on it (record the line manager's
agreement, approve, decline, withdraw), the dashboard panel of applications waiting, and the
import of existing champions. Editors keep the tiers and the languages list.

Every change of status goes through champions.services, inside a transaction: the service locks
the champion's row, so a double click or two coordinators at once change it once, and refuses an
illegal change with a message, which the page shows. The admin lists every champion record
(applications, declined, lapsed…) to those who hold champions.view_champion: it is where
coordinators manage the network, not the directory, whose audiences champions.visibility rules.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView, View
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import lms.site.converters  # noqa: F401  (registers the "id" path converter)
from champions import services
from champions.forms.admin import ChampionTierForm, DecisionForm, ImportConfirmForm, ImportUploadForm
from champions.models import Champion, ChampionTier, Language, StatusChange
from champions.resources import (
    COLUMNS,
    REQUIRED,
    ChampionResource,
    FileProblem,
    dataset_of,
    one_import_at_a_time,
    read_rows,
)
from content.models import Sector, Topic
from lms.accounts.models import District
from lms.certificates.exports import BOM, local_datetime_text
from lms.organisations.admin_views import ROWS_ON_DASHBOARD, CoordinatorPanel
from lms.organisations.models import Organisation
from lms.organisations.names import fold
from lms.site import kept_imports
from lms.site.audit import log_import
from lms.site.spreadsheets import ExcelFriendlyExport, value_at

S = Champion.Status

# Apps' parts add sections to a champion's admin page (sessions attended, briefings given) by
# registering a function under this hook: `function(request, champion)` returns HTML or None.
CHAMPION_ADMIN_PANELS_HOOK = "champion_admin_panels"
# …and items to the Champions menu, as MenuItem instances returned by functions under this hook.
CHAMPIONS_MENU_HOOK = "register_champions_menu_item"


def name_of(champion: Champion) -> str:
    """How a champion is named on coordinators' pages: never by their email address."""
    return champion.user.full_name or "No name given"


def can_manage(user) -> bool:
    return user.has_perm("champions.change_champion")


def can_import(user) -> bool:
    return can_manage(user) and user.has_perm("champions.add_champion")


class ChampionPermissionPolicy(ModelPermissionPolicy):
    """Coordinators see champion records and change them only through the decisions below, each
    checked against the record's status and logged. Nobody adds, edits or deletes one by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


class ChampionTierPermissionPolicy(ModelPermissionPolicy):
    """Tiers are never deleted: champions and their history refer to them."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Champion, ChampionPermissionPolicy(Champion))
register_permission_policy(ChampionTier, ChampionTierPermissionPolicy(ChampionTier))


# The list of champions ---------------------------------------------------------------------


class ChampionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        field_name="status", label="Status", choices=S.choices, widget=forms.RadioSelect, empty_label="All",
    )
    tier = django_filters.ModelChoiceFilter(field_name="tier", label="Tier", queryset=ChampionTier.objects.all())
    district = django_filters.ModelChoiceFilter(
        field_name="districts", label="District", queryset=District.objects.all(),
    )
    sector = django_filters.ModelChoiceFilter(field_name="sector", label="Sector", queryset=Sector.objects.all())
    specialism = django_filters.ModelChoiceFilter(
        field_name="specialisms", label="Form of VAWG", queryset=Topic.objects.order_by("name"),
    )
    language = django_filters.ModelChoiceFilter(
        field_name="languages", label="Language", queryset=Language.objects.all(),
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name="organisation", label="Organisation",
        queryset=Organisation.objects.filter(champions__isnull=False).distinct().order_by("name"),
    )
    visibility = django_filters.ChoiceFilter(
        field_name="visibility", label="Who sees their profile", choices=Champion.Visibility.choices,
        widget=forms.RadioSelect, empty_label="All",
    )

    class Meta:
        model = Champion
        fields = []


def _names(related) -> str:
    return "; ".join(str(item) for item in related.all())


def _date(value) -> str:
    return f"{timezone.localtime(value):%-d %b %Y}" if isinstance(value, datetime.datetime) else (
        f"{value:%-d %b %Y}" if value else ""
    )


# The columns of the list, and those of the export (for coordinators: their work email, no statement).
M2M_EXPORT = {"districts": "districts", "specialisms": "specialisms", "languages": "languages"}


class ChampionIndexView(ExcelFriendlyExport, IndexView):
    """Every champion record, newest application first, with a constant number of queries per page."""

    default_ordering = "-applied_at"

    def get_base_queryset(self):
        return (
            Champion.objects.select_related("user", "tier", "organisation", "sector")
            .prefetch_related(
                Prefetch("districts", queryset=District.objects.order_by("sort_order", "name")),
                Prefetch("specialisms", queryset=Topic.objects.order_by("name")),
                Prefetch("languages", queryset=Language.objects.order_by("sort_order", "name")),
            )
        )

    def search_queryset(self, queryset):
        """Name, job or organisation without regard to accents or case ("lucja" finds "Łucja")."""
        if not self.is_searching:
            return queryset
        query = fold(self.search_query.strip()[:200])
        return queryset.filter(search_text__contains=query) if query else queryset

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_manage(self.request.user):
            for decision in DECISIONS.values():
                if instance.status in decision.from_statuses:
                    buttons.append(ListingButton(
                        decision.title, url=reverse(f"champions:{decision.slug}", args=[instance.pk]),
                        icon_name=decision.icon, priority=decision.priority,
                    ))
        return buttons

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_import(self.request.user):
            buttons.append(HeaderButton("Import champions", url=reverse("champions:import"), icon_name="upload"))
        return buttons

    # Spreadsheets: a byte order mark so that Excel reads names as UTF-8; dates as read in the UK;
    # a cell that would run as a formula is neutralised (lms/certificates/exports.py).
    custom_value_preprocess = {
        datetime.datetime: {
            "csv": local_datetime_text,
            "xlsx": lambda value: timezone.localtime(value).replace(tzinfo=None, microsecond=0),
        },
        datetime.date: {"csv": lambda value: value.isoformat(), "xlsx": None},
    }

    def to_row_dict(self, item):
        row = {}
        for field in self.list_export:
            if field in M2M_EXPORT:
                row[field] = _names(getattr(item, M2M_EXPORT[field]))
            else:
                row[field] = value_at(item, field)
        return row



class ApplicationIndexView(ChampionIndexView):
    """Applications waiting for the line manager or a coordinator, oldest first."""

    default_ordering = "applied_at"
    page_title = "Champion applications"

    def get_base_queryset(self):
        return super().get_base_queryset().filter(status__in=Champion.WAITING)

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, {"url": "", "label": "Applications"}]

    @property
    def show_export_buttons(self):
        return False


def _title_column(label="Name"):
    return TitleColumn(
        "name", label=label, accessor=name_of,
        get_url=lambda champion: reverse("champions:inspect", args=[champion.pk]),
    )


CHAMPION_COLUMNS = [
    _title_column(),
    Column("tier", label="Tier", accessor="tier"),
    Column("organisation", label="Organisation", accessor="organisation"),
    Column("districts", label="Districts", accessor=lambda champion: _names(champion.districts)),
    Column("status", label="Status", accessor="get_status_display", sort_key="status"),
    Column("approved", label="Approved", accessor=lambda champion: _date(champion.approved_at),
           sort_key="approved_at"),
    Column("refresher_due_on", label="Refresher due on", accessor=lambda champion: _date(champion.refresher_due_on),
           sort_key="refresher_due_on"),
]

APPLICATION_COLUMNS = [
    _title_column(),
    Column("tier", label="Tier", accessor="tier"),
    Column("organisation", label="Organisation", accessor="organisation"),
    Column("applied", label="Applied", accessor=lambda champion: _date(champion.applied_at), sort_key="applied_at"),
    Column("manager", label="Line manager agreed", accessor=lambda champion: (
        f"Yes, {_date(champion.manager_agreed_at)}" if champion.manager_agreed_at else "Not yet"
    )),
    Column("status", label="Waiting for", accessor=lambda champion: (
        "A coordinator" if champion.status == S.MANAGER_AGREED else "The line manager"
    )),
]


# A champion's page -------------------------------------------------------------------------


class ChampionInspectView(InspectView):
    """A champion's record: profile, line manager and agreement, status and its whole history,
    the decisions open to a coordinator now, and the sections other parts add."""

    template_name = "champions/admin/champions/champion_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Champion.objects.select_related("user", "tier", "organisation", "sector", "manager_agreement_recorded_by")
            .prefetch_related("districts", "specialisms", "languages"),
            pk=self.pk,
        )

    def get_page_subtitle(self):
        return name_of(self.object)

    def get_breadcrumbs_items(self):
        return champion_breadcrumbs(self.object)

    def get_context_data(self, **kwargs):
        champion = self.object
        manage = can_manage(self.request.user)
        progress = services.tier_progress(champion.user, tiers=[champion.tier])[0]
        panels = [
            html for function in hooks.get_hooks(CHAMPION_ADMIN_PANELS_HOOK)
            if (html := function(self.request, champion))
        ]
        return super().get_context_data(
            champion=champion,
            name=name_of(champion),
            history=list(StatusChange.objects.filter(champion=champion).select_related("by", "champion")),
            decisions=[d for d in DECISIONS.values() if manage and champion.status in d.from_statuses],
            progress=progress,
            lapses_on=champion.lapses_on(_grace_days()),
            extra_panels=panels,
            **kwargs,
        )


def _grace_days() -> int:
    return settings.CHAMPION_LAPSE_GRACE_DAYS


def champion_breadcrumbs(champion: Champion, *tail: str) -> list[dict]:
    items = [
        {"url": reverse("wagtailadmin_home"), "label": "Home"},
        {"url": reverse("champions:index"), "label": "Champions"},
        {"url": reverse("champions:inspect", args=[champion.pk]), "label": name_of(champion)},
    ]
    items.extend({"url": "", "label": label} for label in tail)
    return items


# Decisions on a champion's record ----------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    slug: str
    title: str  # the page's title and the button on the champion's page
    heading: str  # "{name}" is the champion's name
    button: str
    label: str  # the note or reason field
    help_text: str
    required: bool
    required_message: str
    done: str  # "{name}"
    from_statuses: tuple
    icon: str
    priority: int
    destructive: bool = False

    def apply(self, champion, *, by, reason):
        if self.slug == "agreement":
            return services.record_manager_agreement(champion, by=by, note=reason)
        return getattr(services, {"approve": "approve", "decline": "decline", "withdraw": "withdraw"}[self.slug])(
            champion, by=by, reason=reason,
        )


DECISIONS = {
    "agreement": Decision(
        slug="agreement", title="Record the line manager’s agreement",
        heading="Record that {name}’s line manager agrees",
        button="Record the agreement",
        label="How you know they agree",
        help_text="For example “email from the line manager of 3 March, kept in the champions mailbox”. "
                  "Kept in the champion’s history.",
        required=True, required_message="Say how you know the line manager agrees.",
        done="The line manager’s agreement for {name} is recorded. The application now waits for approval.",
        from_statuses=(S.APPLIED,), icon="tick", priority=1,
    ),
    "approve": Decision(
        slug="approve", title="Approve", heading="Approve {name} as a champion",
        button="Approve",
        label="Note (optional)",
        help_text="Kept in the champion’s history. They are emailed that they are approved, with a link to "
                  "their profile.",
        required=False, required_message="",
        done="{name} is approved: they hold the Champion role and have been emailed.",
        from_statuses=(S.MANAGER_AGREED,), icon="tick", priority=2,
    ),
    "decline": Decision(
        slug="decline", title="Decline", heading="Decline {name}’s application",
        button="Decline the application",
        label="Reason",
        help_text="This is emailed to the applicant, so write it to them: kind, plain and specific, and say "
                  "what they could do next. It is kept in their history.",
        required=True, required_message="Give the reason: it is emailed to the applicant.",
        done="{name}’s application is declined, and they have been emailed the reason.",
        from_statuses=(S.APPLIED, S.MANAGER_AGREED), icon="cross", priority=3, destructive=True,
    ),
    "withdraw": Decision(
        slug="withdraw", title="Withdraw", heading="Withdraw {name} from the network",
        button="Withdraw",
        label="Reason",
        help_text="For example “left the organisation in May” or “asked to step down”. Kept in their history "
                  "for coordinators. The champion is emailed that they are no longer listed, without this reason.",
        required=True, required_message="Give the reason for withdrawing them.",
        done="{name} is withdrawn: they are no longer listed and no longer hold the Champion role.",
        from_statuses=tuple(s for s, targets in services.TRANSITIONS.items() if S.WITHDRAWN in targets),
        icon="warning", priority=4, destructive=True,
    ),
}


class ChampionDecisionView(WagtailAdminTemplateMixin, FormView):
    """One decision on one champion, on a page headed with their name. Refused with the service's
    message, changing nothing, when the record's status does not allow it."""

    template_name = "champions/admin/champions/champion_decision.html"
    form_class = DecisionForm
    header_icon = "group"
    decision: Decision = None

    def dispatch(self, request, *args, **kwargs):
        if not can_manage(request.user):
            raise PermissionDenied
        self.champion = get_object_or_404(
            Champion.objects.select_related("user", "tier", "organisation", "sector"), pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.decision.title

    def get_page_subtitle(self):
        return name_of(self.champion)

    def get_breadcrumbs_items(self):
        return champion_breadcrumbs(self.champion, self.decision.title)

    def get_form_kwargs(self):
        d = self.decision
        return {**super().get_form_kwargs(), "label": d.label, "help_text": d.help_text, "required": d.required,
                "required_message": d.required_message}

    def get_context_data(self, **kwargs):
        champion = self.champion
        return super().get_context_data(
            champion=champion,
            name=name_of(champion),
            decision=self.decision,
            heading=self.decision.heading.format(name=name_of(champion)),
            allowed=champion.status in self.decision.from_statuses,
            progress=services.tier_progress(champion.user, tiers=[champion.tier])[0],
            inspect_url=reverse("champions:inspect", args=[champion.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            with transaction.atomic():
                champion = self.decision.apply(self.champion, by=self.request.user, reason=form.cleaned_data["reason"])
        except services.ChampionError as error:
            messages.error(self.request, str(error))
            self.champion.refresh_from_db()
            return self.form_invalid(form)
        messages.success(self.request, self.decision.done.format(name=name_of(champion)))
        return redirect("champions:inspect", pk=champion.pk)


# Import ------------------------------------------------------------------------------------

IMPORT_SESSION_KEY = "champions_import"
OUTCOMES = {"new": "New", "update": "Changed", "skip": "Unchanged", "invalid": "Failed", "error": "Failed",
            "delete": "Failed"}

COLUMN_GUIDE = [
    ("email", "The email address of their account here. They must have signed up: an import never creates accounts."),
    ("tier", "community, lead or strategic (the tier’s name or its short name)."),
    ("organisation", "The organisation’s name as listed under Organisations."),
    ("districts", "The districts they cover, separated by semicolons: “Watford; Three Rivers”."),
    ("sector", "Their sector’s name, for example “Health”."),
    ("specialisms", "Optional. Forms of VAWG they know their way around, separated by semicolons."),
    ("languages", "Optional. Languages they can talk with people in, besides English, separated by semicolons."),
    ("availability", "When people can expect an answer, for example “weekdays, within two days”."),
    ("visibility", "Optional. coordinators, champions or professionals: who sees their profile. "
                   "Blank means coordinators only."),
    ("line_manager_name", "Their line manager’s name."),
    ("line_manager_email", "Their line manager’s email address."),
    ("status", "active or paused."),
    ("approved_on", "Optional. The day they became a champion, as 2025-03-31 or 31/03/2025. Blank means today "
                    "for a new champion, and no change for an existing one."),
]




def _outcome_rows(result, table):
    """Each row of the file with what the import does with it, and its problems in words."""
    rows = []
    headers = table["headers"]
    email_at = headers.index("email") if "email" in headers else None
    for index, row_result in enumerate(result.rows):
        values = table["rows"][index] if index < len(table["rows"]) else []
        problems = []
        if row_result.validation_error is not None:
            error = row_result.validation_error
            details = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            for column, texts in details.items():
                for text in texts:
                    problems.append(f"{column.replace('_', ' ')}: {text}" if column and column != "__all__" else text)
        for row_error in row_result.errors:
            problems.append(f"This row could not be read: {row_error.error}")
        rows.append({
            "number": index + 2,
            "email": values[email_at] if email_at is not None and email_at < len(values) else "",
            "outcome": OUTCOMES.get(row_result.import_type, "Failed"),
            "problems": problems,
        })
    return rows


def _counts(rows) -> dict:
    counts = {"New": 0, "Changed": 0, "Unchanged": 0, "Failed": 0}
    for row in rows:
        counts[row["outcome"]] += 1
    return counts


def _run_import(table: dict, by, *, dry_run: bool):
    resource = ChampionResource(by=by)
    return resource.import_data(
        dataset_of(table), dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True,
        raise_errors=False,
    )


class ImportAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChampionImportView(ImportAccessMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a spreadsheet of existing champions and see, before anything is written, which rows
    are new, changed, unchanged or failed (and why)."""

    template_name = "champions/admin/import/import.html"
    form_class = ImportUploadForm
    header_icon = "upload"
    page_title = "Import champions"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("champions:index"), "label": "Champions"},
            {"url": "", "label": "Import champions"},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            column_guide=COLUMN_GUIDE, required=REQUIRED, template_url=reverse("champions:import_template"),
            **kwargs,
        )

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            table = read_rows(upload.name, upload.read())
        except FileProblem as problem:
            form.add_error("file", str(problem))
            return self.form_invalid(form)
        with transaction.atomic():
            result = _run_import(table, self.request.user, dry_run=True)
            transaction.set_rollback(True)  # the dry run writes nothing, whatever happened inside
        rows = _outcome_rows(result, table)
        counts = _counts(rows)
        base_errors = [str(error.error) for error in result.base_errors]
        digest = kept_imports.digest(table)
        can_confirm = not counts["Failed"] and not base_errors and (counts["New"] or counts["Changed"])
        if can_confirm:
            kept_imports.keep(self.request, IMPORT_SESSION_KEY, table=table, name=upload.name,
                              preview=kept_imports.preview_digest(rows))
        else:
            kept_imports.forget(self.request, IMPORT_SESSION_KEY)
        return self.render_to_response(self.get_context_data(
            form=self.get_form_class()(), dry_run=True, file_name=upload.name, rows=rows, counts=counts,
            base_errors=base_errors, can_confirm=can_confirm,
            confirm_form=ImportConfirmForm(initial={"digest": digest}),
        ))


class ChampionImportConfirmView(ImportAccessMixin, View):
    """Import the file shown in the dry run, all or nothing. Refused if the file in this session is
    missing, older than kept_imports.KEEP or not the one the page was showing."""

    http_method_names = ["post"]

    def post(self, request):
        form = ImportConfirmForm(request.POST)
        kept = kept_imports.take(request, IMPORT_SESSION_KEY, form.cleaned_data["digest"] if form.is_valid() else None)
        if kept is None:
            messages.error(request, kept_imports.NO_LONGER_WAITING)
            return redirect("champions:import")
        table = kept["table"]
        with transaction.atomic():
            one_import_at_a_time("champions")  # so that the preview check below sees the others' imports
            result = _run_import(table, request.user, dry_run=False)
            rows = _outcome_rows(result, table)
            counts = _counts(rows)
            failed = counts["Failed"] or result.base_errors
            # Someone changed these records since the preview (another import, a moment ago).
            moved = kept_imports.preview_digest(rows) != kept.get("preview")
            if failed or moved:
                transaction.set_rollback(True)
            else:
                log_import(request.user, what="Champions", file_name=str(kept.get("name", "")),
                           created=counts["New"], changed=counts["Changed"], unchanged=counts["Unchanged"])
        if failed:
            messages.error(request, "Some rows could no longer be imported (the records changed since the check), "
                                    "so nothing was imported. Upload the file again to see why.")
            return redirect("champions:import")
        if moved:
            messages.error(request, "The records changed since you checked the file, so importing it would no "
                                    "longer do what the preview showed: nothing was imported. Upload the file again "
                                    "to see what it would do now.")
            return redirect("champions:import")
        messages.success(
            request,
            f"Imported: {counts['New']} new, {counts['Changed']} changed, {counts['Unchanged']} unchanged.",
        )
        return redirect("champions:index")


class ChampionImportTemplateView(ImportAccessMixin, View):
    """The headings of an import file, as a CSV that Excel opens."""

    def get(self, request):
        response = HttpResponse(BOM + ",".join(COLUMNS) + "\r\n", content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="champions-import-template.csv"'
        return response


# The viewsets --------------------------------------------------------------------------------


class ChampionViewSet(ModelViewSet):
    model = Champion
    index_view_class = ChampionIndexView
    inspect_view_class = ChampionInspectView
    icon = "group"
    menu_label = "Champions"
    pk_path_converter = "id"
    list_display = CHAMPION_COLUMNS
    filterset_class = ChampionFilterSet
    list_export = [
        "user.full_name", "user.email", "user.job_role", "tier", "organisation", "sector", "districts",
        "specialisms", "languages", "get_status_display", "get_visibility_display", "availability",
        "line_manager_name", "applied_at", "manager_agreed_at", "approved_at", "refresher_due_on",
    ]
    export_headings = {
        "user.full_name": "Name", "user.email": "Work email", "user.job_role": "Job title or role",
        "tier": "Tier", "organisation": "Organisation", "sector": "Sector", "districts": "Districts",
        "specialisms": "Forms of VAWG", "languages": "Languages", "get_status_display": "Status",
        "get_visibility_display": "Who sees their profile", "availability": "Availability",
        "line_manager_name": "Line manager", "applied_at": "Applied (UK time)",
        "manager_agreed_at": "Line manager agreed (UK time)", "approved_at": "Approved (UK time)",
        "refresher_due_on": "Refresher due on",
    }
    export_filename = "champions"
    search_fields = ["search_text"]  # see ChampionIndexView.search_queryset
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["availability"]  # never used: the policy refuses add and edit

    def get_urlpatterns(self):
        applications = {
            **self.get_index_view_kwargs(),
            "index_url_name": self.get_url_name("applications"),
            "index_results_url_name": self.get_url_name("applications_results"),
            "list_display": APPLICATION_COLUMNS,
            "list_export": [],
        }
        decision_views = [
            path(f"{slug}/<id:pk>/", ChampionDecisionView.as_view(decision=decision), name=slug)
            for slug, decision in DECISIONS.items()
        ]
        return [
            *super().get_urlpatterns(),
            path("applications/", self.construct_view(ApplicationIndexView, **applications), name="applications"),
            path("applications/results/", self.construct_view(ApplicationIndexView, **applications, results_only=True),
                 name="applications_results"),
            *decision_views,
            path("import/", ChampionImportView.as_view(), name="import"),
            path("import/confirm/", ChampionImportConfirmView.as_view(), name="import_confirm"),
            path("import/template.csv", ChampionImportTemplateView.as_view(), name="import_template"),
        ]


champion_viewset = ChampionViewSet("champions")


class ChampionTierViewSet(ModelViewSet):
    """Editors keep the tiers: what each asks, how much time, and the modules that open it."""

    model = ChampionTier
    icon = "crosshairs"
    menu_label = "Tiers"
    pk_path_converter = "id"
    list_display = ["name", "time_commitment", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = ["name", "slug", "description", "time_commitment", "pathway_modules", "sort_order"]
    edit_handler = ObjectList([
        FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("time_commitment"),
        FieldPanel("pathway_modules"), FieldPanel("sort_order"),
    ], base_form_class=ChampionTierForm)


class LanguageViewSet(ModelViewSet):
    """Editors keep the list of languages champions can choose from."""

    model = Language
    icon = "openquote"
    menu_label = "Languages"
    pk_path_converter = "id"
    list_display = ["name", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["name", "sort_order"]


tier_viewset = ChampionTierViewSet("champion_tiers", url_prefix="champions/tiers")
language_viewset = LanguageViewSet("champion_languages", url_prefix="champions/languages")


@hooks.register("register_admin_viewset")
def register_champion_viewsets():
    return [champion_viewset, tier_viewset, language_viewset]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return all(request.user.has_perm(permission) for permission in self.permissions)


@hooks.register("register_admin_menu_item")
def champions_menu():
    """One "Champions" menu: each item shown to those who may use it (editors see tiers and languages)."""
    items = [
        PermissionMenuItem("Applications", reverse("champions:applications"), name="champion-applications",
                           icon_name="tasks", order=100, permissions=("champions.view_champion",)),
        PermissionMenuItem("Champions", reverse("champions:index"), name="champion-records",
                           icon_name="group", order=200, permissions=("champions.view_champion",)),
        PermissionMenuItem("Import champions", reverse("champions:import"), name="champion-import",
                           icon_name="upload", order=300,
                           permissions=("champions.add_champion", "champions.change_champion")),
        tier_viewset.get_menu_item(order=800),
        language_viewset.get_menu_item(order=900),
    ]
    return SubmenuMenuItem("Champions", Menu(register_hook_name=CHAMPIONS_MENU_HOOK, items=items),
                           name="champions", icon_name="group", order=320)


@hooks.register("construct_homepage_panels")
def add_champion_applications_panel(request, panels):
    """The coordinator's dashboard: applications waiting, oldest first. Two queries."""
    if not can_manage(request.user):
        return
    waiting = Champion.objects.filter(status__in=Champion.WAITING)
    panel = CoordinatorPanel(
        name="coordinator_champion_applications",
        heading="Champion applications waiting",
        count=waiting.count(),
        rows=[
            {"label": name_of(champion), "url": reverse("champions:inspect", args=[champion.pk]),
             "detail": f"{champion.tier}, {champion.organisation}, applied {_date(champion.applied_at)}; " + (
                 "line manager agreed" if champion.status == S.MANAGER_AGREED else "waiting for the line manager")}
            for champion in waiting.select_related("user", "tier", "organisation").order_by("applied_at", "pk")[
                :ROWS_ON_DASHBOARD]
        ],
        list_url=reverse("champions:applications"),
        list_label="All champion applications",
        empty="No champion application is waiting.",
        order=53,
    )
    panel.oldest_first = True
    panels.append(panel)



STATUSES = dict(Champion.Status.choices)


@hooks.register("register_log_actions")
def register_champion_log_actions(actions):
    @actions.register_action(services.STATUS_ACTION)
    class StatusFormatter(LogFormatter):
        label = "Champion status changed"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            to = STATUSES.get(data.get("to"), data.get("to", ""))
            start = f"{STATUSES.get(data['from'], data['from'])} → " if data.get("from") else ""
            text = f"Status: {start}{to}"
            return f"{text}: {data['reason']}" if data.get("reason") else text
