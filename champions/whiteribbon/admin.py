"""White Ribbon accreditation in the Wagtail admin: the coordinators' pipeline, targets,
cycles, action plans, ambassadors and champions.

Registered on import by champions/wagtail_hooks.py, under one "White Ribbon" menu that only
those who hold champions.view_accreditationcycle see (coordinators and administrators):

- the pipeline (counts by stage, filtered by district, type, stage, male-dominated workforce and
  partnership membership), each count a link to the cycle list filtered the same way;
- the target: organisations accredited today against the partnership's target, in total, by
  district and by type, as SVG bar charts with a table of the same figures beside each;
- cycles: list (filters, search, CSV and spreadsheet export), start a cycle, edit its contact
  details, its page (stages, action plan, people, evidence), change its stage or its track, and
  Wagtail's history of each one; renewals due in the next six months;
- action plans: every action and the overdue ones, add and edit actions, record progress, add,
  download and remove evidence;
- White Ribbon ambassadors and White Ribbon champions (never the VAWG champions network).

Views stay thin: permission, form, transaction, the service (services.py), a message, a
redirect. Stage and track changes go only through services.change_stage and change_track,
which lock the cycle's row and refuse an illegal move with a message that the page shows as a
form error. Every change is logged (wagtail.log_actions.log), so each record's history shows it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView, View
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import lms.site.converters  # noqa: F401  (registers the "id" path converter)
from champions.whiteribbon import reports
from champions.whiteribbon.admin_forms import (
    ActionItemFilterSet,
    ActionItemForm,
    CycleDetailsForm,
    CycleFilterSet,
    EvidenceForm,
    PersonFilterSet,
    PersonForm,
    PipelineFilterSet,
    ProgressForm,
    StageChangeForm,
    StartCycleForm,
    TrackChangeForm,
)
from champions.whiteribbon.evidence import evidence_response, upload_too_large
from champions.whiteribbon.models import (
    AccreditationCycle,
    ActionItem,
    Evidence,
    StageChange,
    WhiteRibbonPerson,
)
from champions.whiteribbon.plans import add_evidence, record_update, remove_evidence
from champions.whiteribbon.services import (
    AccreditationError,
    change_stage,
    change_track,
    overdue_items,
    start_cycle,
    training_figures,
)
from lms.organisations.models import Organisation
from lms.site.charts import BarChart, bar_chart
from lms.site.spreadsheets import ExcelFriendlyExport

S = AccreditationCycle.Stage
Track = AccreditationCycle.Track
VIEW_CYCLES = "champions.view_accreditationcycle"
CHANGE_CYCLES = "champions.change_accreditationcycle"
ADD_CYCLES = "champions.add_accreditationcycle"


def _date(value) -> str:
    return f"{value:%-d %b %Y}" if value else ""


def _long_date(value) -> str:
    return f"{value:%-d %B %Y}" if value else ""


def _yes_no(value) -> str:
    return "Yes" if value else "No"


def home_crumbs(*tail: dict) -> list[dict]:
    """Home › White Ribbon › …: where a coordinator is."""
    return [
        {"url": reverse("wagtailadmin_home"), "label": "Home"},
        {"url": reverse("whiteribbon_pipeline"), "label": "White Ribbon"},
        *tail,
    ]


def cycle_crumbs(cycle: AccreditationCycle, *tail: str) -> list[dict]:
    return home_crumbs(
        {"url": reverse("whiteribbon_cycles:index"), "label": "Cycles"},
        {"url": reverse("whiteribbon_cycles:inspect", args=[cycle.pk]), "label": cycle.organisation.name},
        *({"url": "", "label": label} for label in tail),
    )


def item_crumbs(item: ActionItem, *tail: str) -> list[dict]:
    return cycle_crumbs(item.cycle)[:-1] + [
        {"url": reverse("whiteribbon_cycles:inspect", args=[item.cycle_id]), "label": item.cycle.organisation.name},
        {"url": reverse("whiteribbon_actions:inspect", args=[item.pk]), "label": item.title},
        *({"url": "", "label": label} for label in tail),
    ]


class CycleProtectedPolicy(ModelPermissionPolicy):
    """Cycles are records: nobody deletes one (their stages, plans and evidence hang on them). A
    mistaken cycle is withdrawn, with a note saying why."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(AccreditationCycle, CycleProtectedPolicy(AccreditationCycle))


class CoordinatorScreen(WagtailAdminTemplateMixin):
    """A White Ribbon screen for those who hold `permission` (coordinators, administrators);
    anyone else in the admin is turned away by Wagtail ("no permission")."""

    permission = VIEW_CYCLES

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# The pipeline --------------------------------------------------------------------------------


FILTER_NAMES = ("district", "kind", "male_dominated", "partnership")


def chosen_filters(filterset) -> dict[str, str]:
    """The valid, non-empty filters of a bound filter set, as they came in the query string."""
    if not filterset.is_bound:
        return {}
    filterset.form.is_valid()
    return {
        name: str(filterset.form.data.get(name))
        for name in filterset.form.fields
        if name not in filterset.form.errors and filterset.form.cleaned_data.get(name) not in (None, "")
    }


def chosen_labels(filterset, chosen: dict[str, str]) -> list[tuple[str, str]]:
    """What each chosen filter is called and the value chosen, in words ("District", "Watford")."""
    labels = []
    for name in chosen:
        field = filterset.form.fields[name]
        value = filterset.form.cleaned_data[name]
        if isinstance(value, bool):
            text = "Yes" if value else "No"
        else:
            text = dict(field.choices).get(value, value) if hasattr(field, "choices") and not hasattr(
                value, "pk") else str(value)
        labels.append((str(field.label), str(text)))
    return labels


@dataclass(frozen=True)
class PipelineRow:
    label: str
    count: int
    url: str


class PipelineView(CoordinatorScreen, TemplateView):
    """Cycles at each stage, in the pipeline's order; supporter organisations apart; those that
    lapsed or were withdrawn in the last twelve months. Every count links to the cycle list
    filtered the same way, so the list shows exactly the organisations counted. Two queries
    (the districts for the filter, the counts) whatever the number of organisations."""

    template_name = "champions/whiteribbon/admin/pipeline.html"
    page_title = "White Ribbon pipeline"
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        filters = PipelineFilterSet(self.request.GET or None, queryset=AccreditationCycle.objects.all(),
                                    request=self.request)
        figures = reports.pipeline(filters.qs)
        chosen = chosen_filters(filters)
        base = {name: chosen[name] for name in FILTER_NAMES if name in chosen}
        index = reverse("whiteribbon_cycles:index")

        def rows(counts, status):
            return [PipelineRow(item.label, item.count, count_url(item, status)) for item in counts]

        def count_url(item, status) -> str:
            if not item.count:
                return ""
            query = {**base, **({"track": item.track} if item.track else {}), "stage": item.stage, "status": status}
            return f"{index}?{urlencode(query)}"

        return super().get_context_data(
            filters=filters, filtering=bool(chosen), figures=figures, chosen_labels=chosen_labels(filters, chosen),
            accreditation=rows(figures.accreditation, "open"), supporters=rows(figures.supporters, "open"),
            closed=rows(figures.closed, "closed_recently"), closed_total=sum(item.count for item in figures.closed),
            cycles_url=index, target_url=reverse("whiteribbon_target"),
            can_start=self.request.user.has_perm(ADD_CYCLES), **kwargs,
        )


# The target ----------------------------------------------------------------------------------


class TargetView(CoordinatorScreen, TemplateView):
    """Organisations whose accreditation holds today against the partnership's target: in total,
    by district and by type (each a chart with a table of the same figures), with a
    male-dominated workforce, and in the strategy's target groups. Three queries."""

    template_name = "champions/whiteribbon/admin/target.html"
    page_title = "White Ribbon accreditation target"
    header_icon = "pick"

    def get_breadcrumbs_items(self):
        return home_crumbs({"url": "", "label": "Accreditation target"})

    def get_context_data(self, **kwargs):
        figures = reports.target_figures()
        settings_url = ""
        if self.request.user.has_perm("champions.change_whiteribbonsettings"):
            settings_url = reverse("wagtailsettings:edit", args=["champions", "whiteribbonsettings"])
        progress = min(figures.accredited / figures.target, 1) if figures.target else 0
        return super().get_context_data(
            figures=figures,
            progress_width=round(BarChart.WIDTH * progress, 1),
            chart_width=BarChart.WIDTH,
            by_district=bar_chart("district", "Accredited organisations by district", "District",
                                  figures.by_district),
            by_kind=bar_chart("kind", "Accredited organisations by type", "Type of organisation", figures.by_kind),
            settings_url=settings_url,
            cycles_url=reverse("whiteribbon_cycles:index"),
            **kwargs,
        )


# Cycles --------------------------------------------------------------------------------------


class SpreadsheetSafeIndexView(ExcelFriendlyExport, IndexView):
    """Exports open in Excel as UTF-8 (a byte order mark), dates as read in the UK, Yes and No for
    flags, and no cell that a spreadsheet would run as a formula, whatever a name holds."""

    yes_no_fields: tuple[str, ...] = ()
    custom_value_preprocess = {
        datetime.date: {"csv": lambda value: value.isoformat(), "xlsx": None},
    }

    @cached_property
    def custom_field_preprocess(self):
        return {field: {"csv": _yes_no, "xlsx": _yes_no} for field in self.yes_no_fields}



class CycleIndexView(SpreadsheetSafeIndexView):
    """Every cycle, newest first, with its organisation: a constant number of queries a page."""

    default_ordering = "-started_on"
    add_item_label = "Start a cycle"
    yes_no_fields = ("organisation.male_dominated_workforce", "organisation.partnership_member")

    def get_base_queryset(self):
        return AccreditationCycle.objects.select_related("organisation__district")

    def get_breadcrumbs_items(self):
        return home_crumbs({"url": "", "label": "Cycles"})

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm(CHANGE_CYCLES) and instance.next_stages():
            buttons.insert(0, ListingButton(
                "Change stage", url=reverse("whiteribbon_cycles:stage", args=[instance.pk]), icon_name="tasks",
                priority=1,
            ))
        return buttons


class RenewalsIndexView(CycleIndexView):
    """Accreditations whose renewal is due, or falls due in the next six months, soonest expiry first."""

    default_ordering = "expires_on"
    page_title = "Renewals due"

    def get_base_queryset(self):
        return reports.renewals_due().select_related("organisation__district")

    def get_breadcrumbs_items(self):
        return home_crumbs({"url": "", "label": "Renewals due"})

    @property
    def show_export_buttons(self):
        return False

    @cached_property
    def header_buttons(self):
        return []


def _organisation_column(label="Organisation"):
    return TitleColumn(
        "organisation", label=label, accessor=lambda cycle: cycle.organisation.name, sort_key="organisation__name",
        get_url=lambda cycle: reverse("whiteribbon_cycles:inspect", args=[cycle.pk]),
    )


def _stage_column():
    return StatusTagColumn(
        "stage", label="Stage", accessor="get_stage_display", sort_key="stage",
        primary=lambda cycle: cycle.stage in AccreditationCycle.HOLDS_ACCREDITATION,
    )


CYCLE_COLUMNS = [
    _organisation_column(),
    Column("track", label="Track", accessor="get_track_display", sort_key="track"),
    Column("kind", label="Cycle", accessor="get_kind_display", sort_key="kind"),
    _stage_column(),
    Column("approved_on", label="Approved on", accessor=lambda cycle: _date(cycle.approved_on),
           sort_key="approved_on"),
    Column("expires_on", label="Expires on", accessor=lambda cycle: _date(cycle.expires_on), sort_key="expires_on"),
    Column("lead_contact", label="Lead contact", accessor=lambda cycle: cycle.lead_contact_name or "Not given"),
]

RENEWAL_COLUMNS = [
    _organisation_column(),
    Column("district", label="District", accessor=lambda cycle: cycle.organisation.district or ""),
    _stage_column(),
    Column("expires_on", label="Expires on", accessor=lambda cycle: _date(cycle.expires_on), sort_key="expires_on"),
    Column("days_left", label="Days left", accessor=lambda cycle: reports.days_left(cycle.expires_on)),
    Column("lead_contact", label="Lead contact", accessor=lambda cycle: cycle.lead_contact_name or "Not given"),
]


class CycleScreen(CoordinatorScreen):
    """A screen about one cycle, headed by its organisation's name."""

    header_icon = "tasks"
    permission = CHANGE_CYCLES

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.cycle = get_object_or_404(AccreditationCycle.objects.select_related("organisation"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.cycle.organisation.name

    def get_breadcrumbs_items(self):
        return cycle_crumbs(self.cycle, self.page_title)

    def inspect_url(self, cycle=None) -> str:
        return reverse("whiteribbon_cycles:inspect", args=[(cycle or self.cycle).pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(cycle=self.cycle, inspect_url=self.inspect_url(), **kwargs)


def _open_cycle_of(organisation_id: int) -> AccreditationCycle | None:
    return AccreditationCycle.objects.open().filter(organisation_id=organisation_id).first()


class StageChangeView(CycleScreen, FormView):
    """Move a cycle to a stage its current stage allows, dated, with a note. An illegal move is
    refused with the service's message and changes nothing; a second click (the page's stage no
    longer the cycle's) is told so and changes nothing either."""

    template_name = "champions/whiteribbon/admin/stage_change.html"
    form_class = StageChangeForm
    page_title = "Change stage"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cycle": self.cycle}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            open_cycle=None if self.cycle.is_open else _open_cycle_of(self.cycle.organisation_id), **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        seen = data.get("from_stage")
        try:
            with transaction.atomic():
                current = AccreditationCycle.objects.select_for_update().get(pk=self.cycle.pk)
                if seen and current.stage != seen:
                    messages.error(
                        self.request,
                        f"This cycle is already “{current.get_stage_display().lower()}”: it changed after the page "
                        "was opened (perhaps by a second click). Nothing more was changed.",
                    )
                    return redirect(self.inspect_url())
                cycle = change_stage(current, data["to"], by=self.request.user, on=data["on"], note=data["note"],
                                     approved_on=data.get("approved_on"))
        except AccreditationError as error:
            form.add_error(None, str(error))
            self.cycle.refresh_from_db()
            return self.form_invalid(form)
        if cycle.pk != self.cycle.pk:
            messages.success(self.request, f"{cycle.organisation.name} is re-accredited until "
                                           f"{_long_date(cycle.expires_on)}: its renewal cycle carries on here.")
        else:
            messages.success(self.request, f"{cycle.organisation.name} is now “{cycle.get_stage_display().lower()}”.")
        return redirect(self.inspect_url(cycle))


class TrackChangeView(CycleScreen, FormView):
    """A supporter organisation sets out for accreditation, or an early applicant steps back to
    supporting: only while interested or committed."""

    template_name = "champions/whiteribbon/admin/track_change.html"
    form_class = TrackChangeForm
    page_title = "Change track"

    def other_track(self) -> str:
        return Track.SUPPORTER if self.cycle.track == Track.ACCREDITED else Track.ACCREDITED

    def get_initial(self):
        return {"from_track": self.cycle.track}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            allowed=self.cycle.stage in (S.INTERESTED, S.COMMITTED),
            other_track=Track(self.other_track()).label, **kwargs,
        )

    def form_valid(self, form):
        seen = form.cleaned_data.get("from_track")
        try:
            with transaction.atomic():
                current = AccreditationCycle.objects.select_for_update().get(pk=self.cycle.pk)
                if seen and current.track != seen:
                    messages.error(self.request, f"This cycle is already on the “{current.get_track_display()}” "
                                                 "track: it changed after the page was opened (perhaps by a second "
                                                 "click). Nothing more was changed.")
                    return redirect(self.inspect_url())
                cycle = change_track(current, self.other_track(), by=self.request.user,
                                     note=form.cleaned_data["note"])
        except AccreditationError as error:
            form.add_error(None, str(error))
            self.cycle.refresh_from_db()
            return self.form_invalid(form)
        messages.success(self.request, f"{cycle.organisation.name} is now on the “{cycle.get_track_display()}” track.")
        return redirect(self.inspect_url())


class StartCycleView(CoordinatorScreen, FormView):
    """Start an organisation's cycle (services.start_cycle): refused, with a message, for an
    organisation that already has one under way, so a second click never makes a second."""

    template_name = "champions/whiteribbon/admin/cycle_start.html"
    form_class = StartCycleForm
    page_title = "Start a White Ribbon cycle"
    header_icon = "tasks"
    permission = ADD_CYCLES

    def get_breadcrumbs_items(self):
        return home_crumbs({"url": reverse("whiteribbon_cycles:index"), "label": "Cycles"},
                           {"url": "", "label": "Start a cycle"})

    def get_initial(self):
        initial = super().get_initial()
        organisation = self.request.GET.get("organisation", "")
        if organisation.isascii() and organisation.isdigit() and len(organisation) < 12:
            initial["organisation"] = int(organisation)
        return initial

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            cycle = start_cycle(
                data["organisation"], by=self.request.user, track=data["track"], stage=data["stage"], on=data["on"],
                approved_on=data.get("approved_on") if data["stage"] == S.ACCREDITED else None, note=data["note"],
                lead_contact_name=data["lead_contact_name"], lead_contact_email=data["lead_contact_email"],
                steering_group=data["steering_group"],
            )
        except AccreditationError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, f"{cycle.organisation.name}’s White Ribbon cycle has started: "
                                       f"“{cycle.get_stage_display().lower()}”.")
        return redirect("whiteribbon_cycles:inspect", cycle.pk)


class CycleEditView(EditView):
    """A cycle's lead contact and steering group. Wagtail logs the edit in the cycle's history."""

    def get_breadcrumbs_items(self):
        return cycle_crumbs(self.object, "Edit details")

    def get_success_url(self):
        return reverse("whiteribbon_cycles:inspect", args=[self.object.pk])


class CycleInspectView(InspectView):
    """Everything about a cycle: the organisation, the stage and dates, the stage history, the
    action plan (with live training figures and evidence), the organisation's White Ribbon
    ambassadors and champions, and what a coordinator can do next."""

    template_name = "champions/whiteribbon/admin/cycle_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            AccreditationCycle.objects.select_related(
                "organisation__district", "organisation__sector", "lead_contact_user", "renews",
            ),
            pk=self.pk,
        )

    def get_page_subtitle(self):
        return self.object.organisation.name

    def get_breadcrumbs_items(self):
        return cycle_crumbs(self.object)[:-1] + [{"url": "", "label": self.object.organisation.name}]

    def get_context_data(self, **kwargs):
        cycle = self.object
        user = self.request.user
        today = timezone.localdate()
        items = list(
            cycle.action_items.select_related("module", "cycle")
            .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("-added_at", "-id")))
            .order_by("year", "due_on", "pk")
        )
        figures = training_figures(items, today)
        for item in items:
            item.figure = figures.get(item.pk)
            item.overdue = item.is_overdue(today)
        statuses = {status: 0 for status in ActionItem.Status.values}
        for item in items:
            statuses[item.status] += 1
        can_change = user.has_perm(CHANGE_CYCLES)
        return super().get_context_data(
            cycle=cycle,
            organisation=cycle.organisation,
            history=list(StageChange.objects.filter(cycle=cycle).select_related("by").order_by("-recorded_at", "-id")),
            items=items,
            status_counts=[(ActionItem.Status(status).label, count) for status, count in statuses.items()],
            overdue_count=sum(1 for item in items if item.overdue),
            people=list(WhiteRibbonPerson.objects.filter(organisation=cycle.organisation)
                        .select_related("user").order_by("ended_on", "role", "name", "pk")),
            other_cycles=list(AccreditationCycle.objects.filter(organisation=cycle.organisation)
                              .exclude(pk=cycle.pk).order_by("-started_on", "-pk")),
            can_change=can_change,
            can_change_stage=can_change and bool(cycle.next_stages()),
            can_change_track=can_change and cycle.stage in (S.INTERESTED, S.COMMITTED),
            can_add_item=user.has_perm("champions.add_actionitem") and cycle.is_open
            and cycle.track == Track.ACCREDITED,
            can_add_person=user.has_perm("champions.add_whiteribbonperson"),
            can_download=user.has_perm("champions.view_evidence"),
            history_url=reverse("whiteribbon_cycles:history", args=[cycle.pk]),
            days_left=reports.days_left(cycle.expires_on, today) if cycle.is_open else "",
            **kwargs,
        )


class CycleViewSet(ModelViewSet):
    """Coordinators' White Ribbon accreditation cycles (reversed by name in emails:
    "whiteribbon_cycles:inspect")."""

    model = AccreditationCycle
    index_view_class = CycleIndexView
    inspect_view_class = CycleInspectView
    edit_view_class = CycleEditView
    icon = "tasks"
    menu_label = "Cycles"
    url_prefix = "white-ribbon/cycles"
    pk_path_converter = "id"
    list_display = CYCLE_COLUMNS
    filterset_class = CycleFilterSet
    search_fields = ["organisation__name"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    list_export = [
        "organisation.name", "organisation.district.name", "organisation.get_kind_display",
        "organisation.male_dominated_workforce", "organisation.partnership_member", "get_track_display",
        "get_kind_display", "get_stage_display", "started_on", "stage_changed_on", "approved_on", "expires_on",
        "closed_on", "lead_contact_name", "lead_contact_email", "steering_group",
    ]
    export_headings = {
        "organisation.name": "Organisation", "organisation.district.name": "District",
        "organisation.get_kind_display": "Type of organisation",
        "organisation.male_dominated_workforce": "Male-dominated workforce",
        "organisation.partnership_member": "Member of the VAWG partnership", "get_track_display": "Track",
        "get_kind_display": "Cycle", "get_stage_display": "Stage", "started_on": "Started on",
        "stage_changed_on": "Stage since", "approved_on": "Approved on", "expires_on": "Expires on",
        "closed_on": "Closed on", "lead_contact_name": "White Ribbon lead contact",
        "lead_contact_email": "Lead contact’s email", "steering_group": "Steering group",
    }
    export_filename = "white-ribbon-cycles"
    edit_handler = ObjectList([
        FieldPanel("lead_contact_name"), FieldPanel("lead_contact_email"), FieldPanel("steering_group"),
    ], base_form_class=CycleDetailsForm)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            breadcrumbs_items=[{"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
                               {"url": reverse_lazy("whiteribbon_pipeline"), "label": "White Ribbon"}],
            **kwargs,
        )

    @property
    def add_view(self):
        return StartCycleView.as_view()

    def get_urlpatterns(self):
        renewals = {
            **self.get_index_view_kwargs(),
            "index_url_name": self.get_url_name("renewals"),
            "index_results_url_name": self.get_url_name("renewals_results"),
            "list_display": RENEWAL_COLUMNS,
            "list_export": [],
            "filterset_class": None,
        }
        return [
            *super().get_urlpatterns(),
            path("renewals/", self.construct_view(RenewalsIndexView, **renewals), name="renewals"),
            path("renewals/results/", self.construct_view(RenewalsIndexView, **renewals, results_only=True),
                 name="renewals_results"),
            path("stage/<id:pk>/", StageChangeView.as_view(), name="stage"),
            path("track/<id:pk>/", TrackChangeView.as_view(), name="track"),
        ]


cycle_viewset = CycleViewSet("whiteribbon_cycles")


# Action plans --------------------------------------------------------------------------------


def _days_overdue(item: ActionItem) -> str:
    days = (timezone.localdate() - item.due_on).days
    return f"{days} day{'s' if days != 1 else ''}" if days > 0 else ""


def _item_title_column():
    return TitleColumn(
        "title", label="Action", accessor="title", sort_key="title",
        get_url=lambda item: reverse("whiteribbon_actions:inspect", args=[item.pk]),
    )


def _rag_column():
    return StatusTagColumn("status", label="RAG status", accessor="get_status_display", sort_key="status",
                           primary=lambda item: item.status == ActionItem.Status.DONE)


ITEM_COLUMNS = [
    _item_title_column(),
    Column("organisation", label="Organisation", accessor=lambda item: item.cycle.organisation.name,
           sort_key="cycle__organisation__name"),
    Column("criterion", label="Criterion", accessor="get_criterion_display", sort_key="criterion"),
    Column("year", label="Year", accessor="year", sort_key="year"),
    Column("owner", label="Owner", accessor="owner"),
    Column("due_on", label="Due", accessor=lambda item: _date(item.due_on), sort_key="due_on"),
    _rag_column(),
]

OVERDUE_COLUMNS = [
    _item_title_column(),
    Column("organisation", label="Organisation", accessor=lambda item: item.cycle.organisation.name,
           sort_key="cycle__organisation__name"),
    Column("owner", label="Owner", accessor="owner"),
    Column("due_on", label="Due", accessor=lambda item: _date(item.due_on), sort_key="due_on"),
    Column("overdue", label="Overdue by", accessor=_days_overdue),
    _rag_column(),
]


class ActionItemIndexView(SpreadsheetSafeIndexView):
    default_ordering = "due_on"
    add_item_label = "Add an action"

    def get_base_queryset(self):
        return ActionItem.objects.select_related("cycle__organisation")

    def get_breadcrumbs_items(self):
        return home_crumbs({"url": "", "label": "Action plans"})


class OverdueIndexView(ActionItemIndexView):
    """Actions past their due date and not done, of cycles under way, across every organisation."""

    page_title = "Overdue actions"

    def get_base_queryset(self):
        return overdue_items()

    def get_breadcrumbs_items(self):
        return home_crumbs({"url": "", "label": "Overdue actions"})

    @property
    def show_export_buttons(self):
        return False

    @cached_property
    def header_buttons(self):
        return [HeaderButton("All actions", url=reverse("whiteribbon_actions:index"), icon_name="list-ul")]


def _lock_cycle(cycle_id: int) -> AccreditationCycle:
    return AccreditationCycle.objects.select_for_update().select_related("organisation").get(pk=cycle_id)


class RefuseDuplicatesMixin:
    """A create view whose `duplicate(form)` says, under a row lock, why the new record would
    repeat one already there (a second click, two coordinators at once): shown as a form error,
    nothing written."""

    duplicate_field = "title"

    def duplicate(self, form) -> str:
        return ""

    def form_valid(self, form):
        self.form = form
        with transaction.atomic():
            problem = self.duplicate(form)
            if not problem:
                self.object = self.save_instance()
        if problem:
            form.add_error(self.duplicate_field, problem)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response


class ActionItemCreateView(RefuseDuplicatesMixin, CreateView):
    """Add an action to an organisation's plan (the organisation chosen, or given as ?cycle=). A
    second click finds the action already in the plan and is refused with a message."""

    def get_initial(self):
        initial = super().get_initial()
        cycle = self.request.GET.get("cycle", "")
        if cycle.isascii() and cycle.isdigit() and len(cycle) < 12:
            initial["cycle"] = int(cycle)
        return initial

    def get_breadcrumbs_items(self):
        return home_crumbs({"url": reverse("whiteribbon_actions:index"), "label": "Action plans"},
                           {"url": "", "label": "Add an action"})

    def duplicate(self, form) -> str:
        """Under the cycle's lock: why this action cannot be added (the same action, criterion, year
        and due date is already in the plan), or ""."""
        data = form.cleaned_data
        cycle = _lock_cycle(data["cycle"].pk)
        if cycle.action_items.filter(title__iexact=data["title"], criterion=data["criterion"], year=data["year"],
                                     due_on=data["due_on"]).exists():
            return (f"“{data['title']}” is already in {cycle.organisation.name}’s plan for that year and date "
                    "(perhaps added by a second click).")
        return ""

    def save_instance(self):
        item = super().save_instance()
        log(instance=item.cycle, action="champions.whiteribbon.item", user=self.request.user,
            data={"item": item.pk, "action": item.title, "change": "added"})
        return item

    def get_success_url(self):
        return reverse("whiteribbon_actions:inspect", args=[self.object.pk])


class ClosedPlanMixin:
    """A closed cycle's plan is kept as it was: no edits, no removals."""

    def dispatch(self, request, *args, **kwargs):
        allowed = self.permission_policy.user_has_permission(request.user, self.permission_required)
        if not hasattr(self, "object"):
            self.object = self.get_object()
        if allowed and not self.object.cycle.is_open:
            messages.error(request, "This organisation’s White Ribbon cycle has closed, so its plan is kept as it "
                                    "was. Nothing was changed.")
            return redirect("whiteribbon_actions:inspect", self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class ActionItemEditView(ClosedPlanMixin, EditView):
    def get_breadcrumbs_items(self):
        return item_crumbs(self.object, "Edit")

    def save_instance(self):
        item = super().save_instance()
        log(instance=item.cycle, action="champions.whiteribbon.item", user=self.request.user,
            data={"item": item.pk, "action": item.title, "change": "changed",
                  "fields": sorted(self.form.changed_data)})
        return item

    def get_success_url(self):
        return reverse("whiteribbon_actions:inspect", args=[self.object.pk])


class ActionItemDeleteView(ClosedPlanMixin, DeleteView):
    def delete_action(self):
        item = self.object
        with transaction.atomic():
            log(instance=item.cycle, action="champions.whiteribbon.item", user=self.request.user,
                data={"item": item.pk, "action": item.title, "change": "removed"})
            super().delete_action()

    def get_success_url(self):
        return reverse("whiteribbon_cycles:inspect", args=[self.object.cycle_id])


class ActionItemInspectView(InspectView):
    """An action: what, who, when, its live training figure, every progress update and its evidence."""

    template_name = "champions/whiteribbon/admin/item_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(ActionItem.objects.select_related("cycle__organisation", "module"), pk=self.pk)

    def get_breadcrumbs_items(self):
        return item_crumbs(self.object)[:-1] + [{"url": "", "label": self.object.title}]

    def get_context_data(self, **kwargs):
        item = self.object
        user = self.request.user
        return super().get_context_data(
            item=item,
            figure=training_figures([item]).get(item.pk),
            overdue=item.is_overdue(),
            updates=list(item.updates.select_related("by")),
            evidence=list(item.evidence.select_related("added_by")),
            can_update=user.has_perm("champions.add_actionupdate") and item.cycle.is_open,
            can_add_evidence=user.has_perm("champions.add_evidence") and item.cycle.is_open,
            can_download=user.has_perm("champions.view_evidence"),
            can_remove_evidence=user.has_perm("champions.delete_evidence"),
            cycle_url=reverse("whiteribbon_cycles:inspect", args=[item.cycle_id]),
            history_url=reverse("whiteribbon_actions:history", args=[item.pk]),
            **kwargs,
        )


class ItemScreen(CoordinatorScreen):
    """A screen about one action, headed by its title and organisation. The posts go through the
    same functions as the leads' area (champions.whiteribbon.views): each locks the action and
    its cycle, refuses a closed cycle, logs the change, and treats the same post twice within a
    minute (a second click) as the one already made."""

    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.item = get_object_or_404(ActionItem.objects.select_related("cycle__organisation", "module"),
                                      pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"{self.item.title} ({self.item.cycle.organisation.name})"

    def get_breadcrumbs_items(self):
        return item_crumbs(self.item, self.page_title)

    def item_url(self) -> str:
        return reverse("whiteribbon_actions:inspect", args=[self.item.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, item_url=self.item_url(), allowed=self.item.cycle.is_open,
                                        **kwargs)


class ProgressView(ItemScreen, FormView):
    """Record progress on an action: a dated note and the RAG status it leaves the action in."""

    template_name = "champions/whiteribbon/admin/item_progress.html"
    form_class = ProgressForm
    page_title = "Record progress"
    permission = "champions.add_actionupdate"

    def get_initial(self):
        return {"status": self.item.status}

    def get_context_data(self, **kwargs):
        return super().get_context_data(updates=list(self.item.updates.select_related("by")[:5]), **kwargs)

    def form_valid(self, form):
        try:
            update, new = record_update(self.item, text=form.cleaned_data["text"], status=form.cleaned_data["status"],
                                        by=self.request.user)
        except AccreditationError as error:
            messages.error(self.request, str(error))
            return redirect(self.item_url())
        if new:
            messages.success(self.request, f"Progress on “{self.item.title}” is recorded: "
                                           f"{update.get_status_display().lower()}.")
        else:
            messages.info(self.request, "That progress was recorded already (perhaps by a second click): it is "
                                        "shown once below. Nothing more was added.")
        return redirect(self.item_url())


class EvidenceAddView(ItemScreen, FormView):
    """Add evidence to an action: a link, or a document checked by its content and kept privately."""

    template_name = "champions/whiteribbon/admin/evidence_add.html"
    form_class = EvidenceForm
    page_title = "Add evidence"
    permission = "champions.add_evidence"

    def post(self, request, *args, **kwargs):
        if too_large := upload_too_large(request):
            messages.error(request, too_large)
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        upload = data.get("document")
        try:
            evidence, new = add_evidence(self.item, title=data["title"], link=data["link"] or "", upload=upload,
                                         kind=getattr(form, "kind", None), by=self.request.user)
        except AccreditationError as error:
            messages.error(self.request, str(error))
            return redirect(self.item_url())
        if new:
            messages.success(self.request, f"The evidence “{evidence.title}” is added to “{self.item.title}”.")
        else:
            messages.info(self.request, f"The evidence “{evidence.title}” was added already (perhaps by a second "
                                        "click). Nothing more was added.")
        return redirect(self.item_url())


class EvidenceDownloadView(CoordinatorScreen, View):
    """An evidence document, as a private download, to coordinators only (leads have their own)."""

    permission = "champions.view_evidence"

    def get(self, request, pk):
        evidence = get_object_or_404(Evidence.objects.exclude(document=""), pk=pk)
        try:
            return evidence_response(evidence)
        except OSError:
            raise Http404("The document is missing from storage.") from None


class EvidenceRemoveView(CoordinatorScreen, TemplateView):
    """Are you sure? Then the evidence goes, its document with it, and the action's history says so."""

    template_name = "champions/whiteribbon/admin/evidence_remove.html"
    page_title = "Remove evidence"
    header_icon = "bin"
    permission = "champions.delete_evidence"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.evidence = Evidence.objects.select_related("item__cycle__organisation").filter(pk=kwargs["pk"]).first()
        if self.evidence is None:
            if request.method == "POST":  # a second click: the first removed it
                messages.info(request, "That evidence was removed already. Nothing more was changed.")
                return redirect("whiteribbon_actions:overdue")
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.evidence.title

    def get_breadcrumbs_items(self):
        return item_crumbs(self.evidence.item, "Remove evidence")

    def item_url(self) -> str:
        return reverse("whiteribbon_actions:inspect", args=[self.evidence.item_id])

    def get_context_data(self, **kwargs):
        return super().get_context_data(evidence=self.evidence, item=self.evidence.item, item_url=self.item_url(),
                                        **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            removed = remove_evidence(self.evidence, by=request.user)
        except AccreditationError as error:
            messages.error(request, str(error))
            return redirect(self.item_url())
        if removed:
            messages.success(request, f"The evidence “{self.evidence.title}” is removed.")
        else:
            messages.info(request, "That evidence was removed already. Nothing more was changed.")
        return redirect(self.item_url())


class ActionItemViewSet(ModelViewSet):
    """Coordinators' view of every organisation's action plan."""

    model = ActionItem
    index_view_class = ActionItemIndexView
    add_view_class = ActionItemCreateView
    edit_view_class = ActionItemEditView
    delete_view_class = ActionItemDeleteView
    inspect_view_class = ActionItemInspectView
    icon = "list-ul"
    menu_label = "Action plans"
    url_prefix = "white-ribbon/actions"
    pk_path_converter = "id"
    list_display = ITEM_COLUMNS
    filterset_class = ActionItemFilterSet
    search_fields = ["title", "cycle__organisation__name", "owner"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    list_export = [
        "cycle.organisation.name", "title", "get_criterion_display", "get_focus_display", "year", "owner", "due_on",
        "get_status_display", "detail",
    ]
    export_headings = {
        "cycle.organisation.name": "Organisation", "title": "Action", "get_criterion_display": "Criterion",
        "get_focus_display": "Strategy focus", "year": "Year", "owner": "Owner", "due_on": "Due",
        "get_status_display": "RAG status", "detail": "Detail",
    }
    export_filename = "white-ribbon-actions"
    edit_handler = ObjectList([
        FieldPanel("cycle"),
        FieldPanel("title"),
        FieldPanel("detail"),
        FieldRowPanel([FieldPanel("criterion"), FieldPanel("focus")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("due_on")]),
        FieldPanel("owner"),
        FieldPanel("module"),
    ], base_form_class=ActionItemForm)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            breadcrumbs_items=[{"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
                               {"url": reverse_lazy("whiteribbon_pipeline"), "label": "White Ribbon"}],
            **kwargs,
        )

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update=for_update)
        if not for_update:
            return form_class

        class EditForm(form_class):
            """On edit, the action stays in the plan it was added to: the cycle is shown, not changed."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["cycle"].disabled = True
                self.fields["cycle"].help_text = "An action stays in the plan it was added to."

        return EditForm

    def get_urlpatterns(self):
        overdue = {
            **self.get_index_view_kwargs(),
            "index_url_name": self.get_url_name("overdue"),
            "index_results_url_name": self.get_url_name("overdue_results"),
            "list_display": OVERDUE_COLUMNS,
            "list_export": [],
            "filterset_class": None,
        }
        return [
            *super().get_urlpatterns(),
            path("overdue/", self.construct_view(OverdueIndexView, **overdue), name="overdue"),
            path("overdue/results/", self.construct_view(OverdueIndexView, **overdue, results_only=True),
                 name="overdue_results"),
            path("progress/<id:pk>/", ProgressView.as_view(), name="progress"),
            path("evidence/<id:pk>/new/", EvidenceAddView.as_view(), name="evidence_add"),
            path("evidence/download/<id:pk>/", EvidenceDownloadView.as_view(), name="evidence_download"),
            path("evidence/remove/<id:pk>/", EvidenceRemoveView.as_view(), name="evidence_remove"),
        ]


action_viewset = ActionItemViewSet("whiteribbon_actions")




# White Ribbon ambassadors and champions ------------------------------------------------------


class PersonIndexView(SpreadsheetSafeIndexView):
    default_ordering = "name"
    add_item_label = "Add a White Ribbon ambassador or champion"

    def get_base_queryset(self):
        return WhiteRibbonPerson.objects.select_related("organisation__district", "user")

    def get_breadcrumbs_items(self):
        return home_crumbs({"url": "", "label": "Ambassadors and champions"})


class PersonCreateView(RefuseDuplicatesMixin, CreateView):
    """Add a White Ribbon ambassador or champion; the same person twice (a second click) is refused."""

    duplicate_field = "name"

    def duplicate(self, form) -> str:
        data = form.cleaned_data
        Organisation.objects.select_for_update().filter(pk=data["organisation"].pk).first()
        if WhiteRibbonPerson.objects.filter(organisation=data["organisation"], role=data["role"],
                                            name__iexact=data["name"], ended_on__isnull=True).exists():
            return (f"{data['name']} is already listed as a {WhiteRibbonPerson.Role(data['role']).label} of "
                    f"{data['organisation'].name} (perhaps added by a second click).")
        return ""


PERSON_COLUMNS = [
    TitleColumn("name", label="Name", accessor="name", sort_key="name",
                get_url=lambda person: reverse("whiteribbon_people:inspect", args=[person.pk])),
    Column("role", label="Role", accessor="get_role_display", sort_key="role"),
    Column("organisation", label="Organisation", accessor=lambda person: person.organisation.name,
           sort_key="organisation__name"),
    Column("district", label="District", accessor=lambda person: person.organisation.district or ""),
    Column("induction_on", label="Induction completed", accessor=lambda person: _date(person.induction_on),
           sort_key="induction_on"),
    Column("current", label="Current", accessor=lambda person: "Yes" if person.is_current
           else f"Stepped down {_date(person.ended_on)}"),
]


class PersonViewSet(ModelViewSet):
    """White Ribbon ambassadors (men who engage other men and boys) and White Ribbon champions
    (women and people who do not identify as men) of each organisation: not the site's VAWG
    champions network, whose champions are under Champions."""

    model = WhiteRibbonPerson
    index_view_class = PersonIndexView
    add_view_class = PersonCreateView
    icon = "user"
    menu_label = "Ambassadors and champions"
    url_prefix = "white-ribbon/people"
    pk_path_converter = "id"
    list_display = PERSON_COLUMNS
    filterset_class = PersonFilterSet
    search_fields = ["name", "organisation__name", "job_title"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = ["role", "name", "organisation", "job_title", "email", "user", "induction_on", "ended_on"]
    list_export = ["name", "get_role_display", "organisation.name", "organisation.district.name", "job_title",
                   "email", "induction_on", "ended_on"]
    export_headings = {
        "name": "Name", "get_role_display": "Role", "organisation.name": "Organisation",
        "organisation.district.name": "District", "job_title": "Job title", "email": "Email",
        "induction_on": "Induction completed", "ended_on": "Stepped down",
    }
    export_filename = "white-ribbon-ambassadors-and-champions"
    edit_handler = ObjectList([
        FieldPanel("role"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("job_title"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("account_email")], heading="Contact",
                        help_text="Seen only by coordinators and the organisation’s leads."),
        FieldRowPanel([FieldPanel("induction_on"), FieldPanel("ended_on")]),
    ], base_form_class=PersonForm)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            breadcrumbs_items=[{"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
                               {"url": reverse_lazy("whiteribbon_pipeline"), "label": "White Ribbon"}],
            **kwargs,
        )


person_viewset = PersonViewSet("whiteribbon_people")


# Registration and the menu -------------------------------------------------------------------


@hooks.register("register_admin_viewset")
def register_white_ribbon_viewsets():
    return [cycle_viewset, action_viewset, person_viewset]


@hooks.register("register_admin_urls")
def register_white_ribbon_urls():
    return [
        path("white-ribbon/", PipelineView.as_view(), name="whiteribbon_pipeline"),
        path("white-ribbon/target/", TargetView.as_view(), name="whiteribbon_target"),
    ]


class WhiteRibbonMenuItem(MenuItem):
    """Shown to those who may use the screen it opens (coordinators and administrators). A screen
    not installed yet (its URL name unknown) has no item rather than breaking the menu."""

    def __init__(self, label, url_name, *, permission=VIEW_CYCLES, url_args=(), exact=False, **kwargs):
        try:
            url = reverse(url_name, args=url_args)
        except NoReverseMatch:
            url = ""
        super().__init__(label, url, **kwargs)
        self.permission, self.exact = permission, exact

    def is_shown(self, request):
        return bool(self.url) and request.user.has_perm(VIEW_CYCLES) and request.user.has_perm(self.permission)

    def is_active(self, request):
        return request.path == self.url if self.exact else super().is_active(request)


class WhiteRibbonSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_CYCLES)


@hooks.register("register_admin_menu_item")
def white_ribbon_menu():
    """One "White Ribbon" menu, after Champions, for coordinators and administrators only."""
    items = [
        WhiteRibbonMenuItem("Pipeline", "whiteribbon_pipeline", name="whiteribbon-pipeline", icon_name="tasks",
                            order=100, exact=True),
        WhiteRibbonMenuItem("Accreditation target", "whiteribbon_target", name="whiteribbon-target",
                            icon_name="pick", order=200),
        WhiteRibbonMenuItem("Cycles", "whiteribbon_cycles:index", name="whiteribbon-cycles", icon_name="list-ul",
                            order=300),
        WhiteRibbonMenuItem("Overdue actions", "whiteribbon_actions:overdue", name="whiteribbon-overdue",
                            icon_name="warning", order=400, permission="champions.view_actionitem"),
        WhiteRibbonMenuItem("Renewals due", "whiteribbon_cycles:renewals", name="whiteribbon-renewals",
                            icon_name="date", order=500),
        WhiteRibbonMenuItem("Ambassadors and champions", "whiteribbon_people:index", name="whiteribbon-people",
                            icon_name="user", order=600, permission="champions.view_whiteribbonperson"),
        WhiteRibbonMenuItem("Import and export", "whiteribbon_import", name="whiteribbon-import",
                            icon_name="upload", order=700, permission=ADD_CYCLES),
        WhiteRibbonMenuItem("Target settings", "wagtailsettings:edit", name="whiteribbon-settings",
                            icon_name="cog", order=800, permission="champions.change_whiteribbonsettings",
                            url_args=("champions", "whiteribbonsettings")),
    ]
    return WhiteRibbonSubmenu("White Ribbon", Menu(items=items), name="white-ribbon", icon_name="pick", order=325)


