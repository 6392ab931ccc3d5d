"""The audit trail (admin, Reports › Audit trail, /admin/audit/): every logged action on the site,
newest first, for administrators only.

It is Wagtail's own "Site history" report (LogEntriesView: page and model log entries together,
paginated in the database) with our filters and columns: a date range, the action (grouped by
what it is about), who did it (by name or email), the object's type, and free text over the
object's name and the entry's details. Each row says when, who (name and email), the action, the
entry's message and the object, linked where the admin has a page for it. Its CSV and Excel
downloads go through Wagtail's export, so formulas are neutralised and the download itself is
logged (lms.site.spreadsheets), here with the filters' labels.

Wagtail's stock Site history is closed to everyone but administrators (and left out of the menu):
it showed coordinators and editors other people's actions on anything they hold one permission
for, with no filter on whose.
"""

from __future__ import annotations

import datetime
from functools import wraps

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.text import Truncator
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_actions_for_filter,
)
from wagtail.coreutils import get_content_type_label
from wagtail.log_actions import registry as log_action_registry

from lms.site.audit import EXPORT_ACTION, IMPORT_ACTION, is_about_no_one_else, may_read_audit_trail
from lms.site.people_search import people_matching
from lms.site.validators import printable_text

SEARCH_MAX = 200
# A longer entry (an export with many filters, an older entry with a very long one) shows this
# much in its row, the whole of it under "Show the whole entry".
MESSAGE_SHOWN = 300

# Actions by what they are about, first match wins: (prefixes, group). Anything else is "Other".
ACTION_GROUPS = (
    (("lms.export", "lms.import", "lms.user_import."), "Imports and exports"),
    (("lms.certificate.",), "Certificates"),
    (("lms.membership.", "lms.organisation."), "Organisations and memberships"),
    (("lms.privacy.", "lms.two_factor.", "lms.profile.", "lms.accounts."), "Accounts and personal data"),
    (("champions.whiteribbon.",), "White Ribbon"),
    (("champions.",), "Champions network"),
    (("content.", "wagtail.workflow.", "wagtail.moderation.", "wagtail.comments."), "Content review"),
    (("wagtail.",), "Pages and admin records"),
)
OTHER_GROUP = "Other"


def action_group(action: str) -> str:
    return next((group for prefixes, group in ACTION_GROUPS if action.startswith(prefixes)), OTHER_GROUP)


def grouped_action_choices(choices) -> list:
    """[(group, [(action, label), ...]), ...] in ACTION_GROUPS' order, for a grouped list."""
    groups: dict[str, list] = {group: [] for _, group in ACTION_GROUPS}
    groups[OTHER_GROUP] = []
    for action, label in choices:
        groups[action_group(action)].append((action, force_str(label)))
    return [(group, sorted(items, key=lambda item: item[1])) for group, items in groups.items() if items]


def administrators_only(view_class):
    """Refuse anyone but an administrator before the view does anything (Wagtail turns the refusal
    into its "no permission" message on the dashboard)."""
    if getattr(view_class.dispatch, "administrators_only", False):
        return view_class
    dispatch = view_class.dispatch

    @wraps(dispatch)
    def administrators_dispatch(self, request, *args, **kwargs):
        if not may_read_audit_trail(request.user):
            raise PermissionDenied
        return dispatch(self, request, *args, **kwargs)

    administrators_dispatch.administrators_only = True
    view_class.dispatch = administrators_dispatch
    return view_class


class AuditTrailFilterSet(SiteHistoryReportFilterSet):
    """Wagtail's site history filters (date range, action, object type), with the actions grouped,
    who did it by name or email instead of a list of every person, and free text."""

    who = django_filters.CharFilter(label="Who did it", method="filter_who", max_length=SEARCH_MAX,
                                    validators=[printable_text], help_text="Part of their name or email address")
    q = django_filters.CharFilter(label="Search", method="filter_text", max_length=SEARCH_MAX,
                                  validators=[printable_text],
                                  help_text="The object's name, or words in the entry's details")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Replaced by "who" and "q"; comments are an action group of their own.
        for name in ("user", "label", "is_commenting_action"):
            self.filters.pop(name, None)
        if "action" in self.filters:
            self.filters["action"].extra["choices"] = grouped_action_choices(self.get_action_choices())
        self.filters["timestamp"].label = "Date"
        self.filters["object_type"].label = "Type of object"

    def get_users_queryset(self):  # the "user" filter is not offered: no list of every person
        return get_user_model().objects.none()

    def get_action_choices(self):
        return get_actions_for_filter(self.request.user)

    def filter_who(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        people = get_user_model().objects.filter(people_matching(value))
        return queryset.filter(user_id__in=people.values("pk"))

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # The details are JSON (reasons, file names, stage names, export filters); searched as text.
        return queryset.filter(Q(label__icontains=value) | Q(data__icontains=value))

    def filter_object_type(self, queryset, name, value):
        # An export or import run logged against the person who made it is about no one record:
        # it is not "about a user", and would bury the entries that are (a learner record viewed).
        queryset = super().filter_object_type(queryset, name, value)
        if any(field.name == "object_id" for field in queryset.model._meta.concrete_fields):
            queryset = queryset.exclude(
                Q(action__in=(EXPORT_ACTION, IMPORT_ACTION), user_id__isnull=False,
                  object_id=Cast("user_id", output_field=CharField()))
            )
        return queryset

    def labelled(self) -> dict:
        """The filters in use, as a person reads them: {"Action": "Certificate revoked", ...}.
        When one cannot be read, what was asked for, as typed: {"From (could not be read)":
        "2026-02-31"} (the audit trail then shows, and exports, nothing)."""
        if not self.is_bound:
            return {}
        if not self.form.is_valid():
            return self.asked_for()
        cleaned = self.form.cleaned_data
        labels = {}
        dates = cleaned.get("timestamp")
        if dates and dates.start:
            labels["From"] = timezone.localtime(dates.start).date().isoformat()
        if dates and dates.stop:
            labels["To"] = timezone.localtime(dates.stop).date().isoformat()
        if cleaned.get("action"):
            labels["Action"] = "; ".join(
                force_str(log_action_registry.get_action_label(action)) for action in cleaned["action"]
            )
        if cleaned.get("who"):
            labels["Who"] = cleaned["who"].strip()
        if cleaned.get("object_type"):
            labels["Type"] = get_content_type_label(cleaned["object_type"])
        if cleaned.get("q"):
            labels["Search"] = cleaned["q"].strip()
        return labels

    def asked_for(self) -> dict:
        """The filters as typed, by the labels `labelled` uses, those that could not be read
        saying so; `log_export` keeps the printable text of each, shortened."""
        data, errors = self.form.data, self.form.errors
        asked = (
            ("timestamp_from", "From", "timestamp"), ("timestamp_to", "To", "timestamp"),
            ("action", "Action", "action"), ("who", "Who", "who"), ("object_type", "Type", "object_type"),
            ("q", "Search", "q"),
        )
        labels = {}
        for key, label, field in asked:
            values = [value for value in data.getlist(key) if value]
            if key == "action":
                values = [force_str(log_action_registry.get_action_label(value))
                          if log_action_registry.action_exists(value) else value for value in values]
            if values:
                labels[f"{label} (could not be read)" if field in errors else label] = "; ".join(map(str, values))
        return labels

    class Meta(SiteHistoryReportFilterSet.Meta):
        pass


class LoggedActionsPaginator(WagtailPaginator):
    """"214 logged actions" under the list: the entries are page and model entries together,
    not "page log entries" as Wagtail would call them after the first model of its union."""

    verbose_name = "logged action"
    verbose_name_plural = "logged actions"


class AuditTrailView(LogEntriesView):
    """Every logged action, newest first, 50 a page, in a constant number of queries."""

    page_title = "Audit trail"
    header_icon = "history"
    filterset_class = AuditTrailFilterSet
    results_template_name = "site/audit/results.html"
    index_url_name = "audit_trail"
    index_results_url_name = "audit_trail_results"
    export_filename = "audit-trail"
    paginator_class = LoggedActionsPaginator

    list_export = ["timestamp", "user_name", "user_email", "action_label", "message", "object_type", "label",
                   "object_id"]
    export_headings = {
        "timestamp": "When (UK time)", "user_name": "Who", "user_email": "Email", "action_label": "Action",
        "message": "What", "object_type": "Type of object", "label": "Object", "object_id": "Object ID",
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_read_audit_trail(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def filter_queryset(self, queryset):
        # A filter that cannot be read (a date like 31/02) shows its error and no entries, and an
        # export with it is empty: never everything, as if no filter had been asked for.
        if self.filters is not None and not self.filters.is_valid():
            return queryset.none()
        return super().filter_queryset(queryset)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate().isoformat()}"

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def decorate_paginated_queryset(self, queryset):
        entries = super().decorate_paginated_queryset(queryset)
        for entry in entries:
            entry.action_label = force_str(log_action_registry.get_action_label(entry.action))
            entry.message_text = force_str(entry.message)
            entry.message_short = Truncator(entry.message_text).chars(MESSAGE_SHOWN)
            entry.about_no_one = is_about_no_one_else(entry)
        return entries

    def to_row_dict(self, item):
        person = item.user
        about_no_one = item.about_no_one
        return {
            "timestamp": timezone.localtime(item.timestamp).replace(tzinfo=None, microsecond=0),
            "user_name": item.user_display_name,
            "user_email": getattr(person, "email", "") if person is not None else "",
            "action_label": item.action_label,
            "message": item.message_text,
            "object_type": "" if about_no_one else get_content_type_label(item.content_type),
            "label": "" if about_no_one else item.label,
            "object_id": "" if about_no_one else (item.object_id() if callable(item.object_id) else item.object_id),
        }

    custom_value_preprocess = {
        datetime.datetime: {"csv": lambda value: value.strftime("%Y-%m-%d %H:%M"), "xlsx": None},
    }

    def export_filters_for_log(self) -> dict:
        return self.filters.labelled() if self.filters is not None else {}

