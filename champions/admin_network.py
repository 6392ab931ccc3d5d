"""Wagtail admin screens of the champions network's sessions and cascade log (registered on import
by wagtail_hooks.py): coordinators schedule network sessions, cancel them (booked champions are
emailed; a session with bookings is never deleted), see who booked and record who came; and the
briefings report, with totals by champion, organisation, district and form of VAWG, and its CSV.
"""

from __future__ import annotations

import csv
import io
import re

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter

from champions.forms.network import DateRangeForm, NetworkSessionAdminForm
from champions.models import NetworkSession
from champions.network import (
    NetworkError,
    active_bookings,
    briefing_totals,
    cancel_session,
    record_attendance,
    tell_booked_champions_of_changes,
    when_and_where,
    with_booked_count,
)
from lms.certificates.exports import BOM, spreadsheet_text
from lms.site.audit import log_export


def session_state(session: NetworkSession, now=None) -> str:
    now = now or timezone.now()
    if session.cancelled_at:
        return "Cancelled"
    if session.ends_at <= now:
        return "Past"
    if session.starts_at <= now:
        return "Happening now"
    return "Upcoming"


class NetworkSessionFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label="When", method="filter_when", empty_label="All", widget=forms.RadioSelect,
        choices=[("upcoming", "Upcoming"), ("past", "Past"), ("cancelled", "Cancelled")],
    )

    class Meta:
        model = NetworkSession
        fields = []

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(ends_at__gt=now, cancelled_at__isnull=True)
        if value == "past":
            return queryset.filter(ends_at__lte=now, cancelled_at__isnull=True)
        if value == "cancelled":
            return queryset.filter(cancelled_at__isnull=False)
        return queryset


class NetworkSessionIndexView(IndexView):
    default_ordering = "-starts_at"

    def get_base_queryset(self):
        # Places taken counted in the same query as the sessions: constant queries per page.
        return with_booked_count(super().get_base_queryset())

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        user = self.request.user
        if user.has_perm("champions.view_sessionbooking"):
            buttons.insert(0, ListingButton(
                "Bookings and attendance", url=reverse("network_sessions:attendance", args=[instance.pk]),
                icon_name="tick", priority=1,
            ))
        if instance.cancelled_at is None and instance.ends_at > timezone.now() \
                and user.has_perm("champions.change_networksession"):
            buttons.append(ListingButton(
                "Cancel session", url=reverse("network_sessions:cancel", args=[instance.pk]),
                icon_name="cross", priority=40,
            ))
        return buttons


class NetworkSessionEditView(EditView):
    """Editing a session: champions holding a place are emailed if its time or place changes."""

    def save_instance(self):
        before = when_and_where(NetworkSession.objects.get(pk=self.object.pk))
        session = super().save_instance()
        told = tell_booked_champions_of_changes(session, before)
        if told:
            messages.info(self.request, f"The {told} champion{'s' if told != 1 else ''} with a place will be "
                                        "emailed the new time or place.")
        return session


class NetworkSessionDeleteView(DeleteView):
    """Only a session nobody booked is deleted; one with bookings is cancelled instead, so that
    the champions are told and their attendance stays on record."""

    def dispatch(self, request, *args, **kwargs):
        allowed = self.permission_policy.user_has_permission(request.user, "delete")
        if allowed and self.object.bookings.exists():
            messages.error(request, f"Champions have booked “{self.object.topic}”, so it is kept on record "
                                    "and cannot be deleted. Cancel it instead: they will be emailed.")
            if self.object.cancelled_at is None:
                return redirect("network_sessions:cancel", self.object.pk)
            return redirect("network_sessions:index")
        return super().dispatch(request, *args, **kwargs)


class SessionActionView(WagtailAdminTemplateMixin, TemplateView):
    """A coordinator's screen about one session, headed by its topic and date."""

    header_icon = "calendar"
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.session = get_object_or_404(with_booked_count(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.session)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("network_sessions:index"), "label": "Network sessions"},
            {"url": "", "label": f"{self.get_page_title()}: {self.session}"},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            session=self.session, state=session_state(self.session),
            index_url=reverse("network_sessions:index"), **kwargs,
        )


class CancelReasonForm(forms.Form):
    reason = forms.CharField(
        label="Why is it cancelled? (optional)", required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Sent to the champions who booked, for example “the venue is closed; we will arrange another date”.",
    )


class SessionCancelView(SessionActionView):
    """Are you sure? Then the session is called off and each champion who booked is emailed."""

    template_name = "champions/admin/network/session_cancel.html"
    page_title = "Cancel session"
    permission = "champions.change_networksession"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", CancelReasonForm())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = CancelReasonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            with transaction.atomic():
                cancel_session(self.session, by=request.user, reason=form.cleaned_data["reason"])
        except NetworkError as error:
            messages.error(request, str(error))
        else:
            booked = self.session.booked
            messages.success(
                request, f"“{self.session.topic}” is cancelled. "
                         + (f"The {booked} champion{'s' if booked != 1 else ''} who booked will be emailed."
                            if booked else "Nobody had booked it."),
            )
        return redirect("network_sessions:index")


class SessionAttendanceView(SessionActionView):
    """Who booked a session and, once it has started, who came: one checkbox per champion,
    saved together. Names and organisations only: never a champion's email address."""

    template_name = "champions/admin/network/session_attendance.html"
    page_title = "Bookings and attendance"
    permission = "champions.view_sessionbooking"

    def get_context_data(self, **kwargs):
        bookings = (
            active_bookings().filter(session=self.session)
            .select_related("champion__user", "champion__organisation", "champion__tier")
            .order_by("champion__user__full_name", "pk")
        )
        return super().get_context_data(
            bookings=bookings,
            started=self.session.starts_at <= timezone.now(),
            can_record=self.request.user.has_perm("champions.change_sessionbooking")
            and self.session.cancelled_at is None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("champions.change_sessionbooking"):
            raise PermissionDenied
        ids = {int(value) for value in request.POST.getlist("attended") if re.fullmatch(r"[0-9]{1,9}", value)}
        here = reverse("network_sessions:attendance", args=[self.session.pk])
        try:
            with transaction.atomic():
                came = record_attendance(self.session, ids, by=request.user)
        except NetworkError as error:
            messages.error(request, str(error))
            return redirect(here)
        messages.success(
            request, f"Attendance at “{self.session.topic}” is saved: {came} of {self.session.booked} "
                     f"champion{'s' if self.session.booked != 1 else ''} who booked came.",
        )
        return redirect(here)


class NetworkSessionViewSet(ModelViewSet):
    """Coordinators schedule the network's sessions; champions book them on the public site."""

    model = NetworkSession
    index_view_class = NetworkSessionIndexView
    edit_view_class = NetworkSessionEditView
    delete_view_class = NetworkSessionDeleteView
    icon = "calendar"
    menu_label = "Network sessions"
    add_to_admin_menu = True
    menu_order = 330
    url_prefix = "network/sessions"
    copy_view_enabled = False
    list_display = [
        "topic",
        Column("starts_at", label="Starts", sort_key="starts_at",
               accessor=lambda s: timezone.localtime(s.starts_at).strftime("%-d %b %Y %H:%M")),
        Column("where", label="Where", accessor=lambda s: s.place or "Online"),
        Column("booked", label="Booked", accessor=lambda s: f"{s.booked} of {s.capacity}", sort_key="booked"),
        Column("state", label="Status", accessor=session_state),
    ]
    filterset_class = NetworkSessionFilterSet
    search_fields = ["topic", "place"]
    search_backend_name = None
    edit_handler = ObjectList([
        FieldPanel("topic"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldPanel("online_link"),
        FieldPanel("capacity"),
    ], base_form_class=NetworkSessionAdminForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("cancel/<int:pk>/", SessionCancelView.as_view(), name="cancel"),
            path("attendance/<int:pk>/", SessionAttendanceView.as_view(), name="attendance"),
        ]


network_session_viewset = NetworkSessionViewSet("network_sessions")


@hooks.register("register_admin_viewset")
def register_network_session_viewset():
    return network_session_viewset


@hooks.register("register_log_actions")
def register_network_log_actions(actions):
    @actions.register_action("champions.session.cancel")
    class CancelFormatter(LogFormatter):
        label = "Session cancelled"

        def format_message(self, log_entry):
            reason = log_entry.data.get("reason")
            return f"Session cancelled: {reason}" if reason else "Session cancelled"

    @actions.register_action("champions.session.attendance")
    class AttendanceFormatter(LogFormatter):
        label = "Attendance recorded"

        def format_message(self, log_entry):
            return f"Attendance recorded: {log_entry.data.get('attended', 0)} of {log_entry.data.get('booked', 0)} came"


# The briefings report ----------------------------------------------------------------------


class BriefingsReportView(WagtailAdminTemplateMixin, TemplateView):
    """The cascade: how many briefings champions gave and how many people they reached, in all
    and by champion, organisation briefed, district and form of VAWG, for a period; as a CSV too.
    Counted in the database: the same few queries whatever the number of briefings."""

    template_name = "champions/admin/network/briefings_report.html"
    page_title = "Champions’ briefings"
    header_icon = "list-ul"
    ROWS_SHOWN = 100

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("champions.view_briefing"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, {"url": "", "label": self.page_title}]

    def totals(self):
        form = DateRangeForm(self.request.GET or None)
        if form.is_bound and form.is_valid():
            return form, briefing_totals(since=form.cleaned_data["since"], until=form.cleaned_data["until"])
        return form, briefing_totals() if not form.is_bound else None

    def get(self, request, *args, **kwargs):
        form, totals = self.totals()
        if request.GET.get("export") == "csv" and totals is not None:
            return self.csv_response(form, totals)
        return self.render_to_response(self.get_context_data(form=form, totals=totals))

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("export", None)
        query["export"] = "csv"
        return super().get_context_data(rows_shown=self.ROWS_SHOWN, csv_url="?" + query.urlencode(), **kwargs)

    def csv_response(self, form, totals) -> HttpResponse:
        buffer = io.StringIO()
        buffer.write(BOM)
        writer = csv.writer(buffer)
        period = form.cleaned_data if form.is_bound else {}
        since, until = period.get("since"), period.get("until")
        writer.writerow(["Grouping", "Name", "Briefings", "People briefed"])
        writer.writerow(["All briefings", "From " + (since.isoformat() if since else "the start") + " to "
                         + (until.isoformat() if until else "today"), totals.briefings, totals.people])
        for heading, _section, lines in totals.sections():
            for line in lines:
                writer.writerow([heading, spreadsheet_text(line.label), line.briefings, line.people])
        log_export(self.request.user, what="Champions' briefings report", file_format="csv",
                   rows=sum(len(lines) for _heading, _section, lines in totals.sections()),
                   filters={"From": since or "", "To": until or ""})
        response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
        name = "-".join(filter(None, ["champions-briefings", since and since.isoformat(), until and until.isoformat()]))
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response


@hooks.register("register_admin_urls")
def register_briefings_report_url():
    return [path("network/briefings/", BriefingsReportView.as_view(), name="champion_briefings_report")]


class BriefingsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("champions.view_briefing")


@hooks.register("register_reports_menu_item")
def register_briefings_report_menu_item():
    return BriefingsReportMenuItem(
        "Champions’ briefings", reverse("champion_briefings_report"), icon_name="list-ul", order=800,
    )
