"""The admin's organisations and memberships: listings, an organisation's page, review and merge,
leads, decisions, the coordinator's dashboard panels, log entries."""

from __future__ import annotations

from django import forms
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from lms.organisations import admin_user_import  # noqa: F401  (registers the bulk import of people)
from lms.organisations.admin_views import (
    ROWS_ON_DASHBOARD,
    CoordinatorPanel,
    MembershipDecisionView,
    OrganisationAdminForm,
    OrganisationInspectView,
    OrganisationLeadsView,
    OrganisationReviewView,
    is_coordinator,
)
from lms.organisations.models import Membership, Organisation


class MembershipPermissionPolicy(ModelPermissionPolicy):
    """Whoever manages organisations sees memberships; changes go through MembershipDecisionView,
    so that each is checked against the membership's state and logged. Nobody edits one by hand."""

    def user_has_permission(self, user, action):
        if action == "view":
            return user.has_perm("organisations.change_organisation")
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Membership, MembershipPermissionPolicy(Membership))


def yes_or_no(value) -> str:
    return "Yes" if value else "No"


class OrganisationIndexView(IndexView):
    # Spreadsheets say Yes or No, not True or False.
    custom_field_preprocess = {
        field: {"csv": yes_or_no, "xlsx": yes_or_no} for field in ("male_dominated_workforce", "partnership_member")
    }

    def get_base_queryset(self):
        return Organisation.objects.select_related("sector", "district")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if (instance.status != Organisation.Status.MERGED
                and self.request.user.has_perm("organisations.change_organisation")):
            buttons.append(ListingButton(
                "Leads", url=reverse("organisations:leads", args=[instance.pk]), icon_name="user", priority=25,
            ))
        if (instance.status == Organisation.Status.PENDING
                and self.request.user.has_perm("organisations.change_organisation")):
            buttons.insert(0, ListingButton(
                "Confirm or merge", url=reverse("organisations:review", args=[instance.pk]),
                icon_name="tick", priority=1,
            ))
        return buttons


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    index_view_class = OrganisationIndexView
    inspect_view_class = OrganisationInspectView
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "name", "kind", "sector", "district",
        Column("status", label="Status", accessor="get_status_display"),
    ]
    list_filter = [
        "status", "kind", "sector", "district", "workforce_size", "male_dominated_workforce", "partnership_member",
    ]
    list_export = [
        "name", "get_kind_display", "sector", "district", "get_workforce_size_display", "male_dominated_workforce",
        "partnership_member", "website", "contact_name", "contact_email", "contact_phone", "get_status_display",
        "created_at",
    ]
    export_headings = {
        "get_kind_display": "Type", "get_workforce_size_display": "Workforce size", "get_status_display": "Status",
    }
    export_filename = "organisations"
    search_fields = ["name"]
    search_backend_name = None  # a plain database search: names, no search index to keep
    # Leads are changed one person at a time on their own screen (OrganisationLeadsView), never
    # in a multi-select where a plain click replaces them all.
    edit_handler = ObjectList([
        MultiFieldPanel([
            FieldPanel("name"), FieldPanel("kind"), FieldPanel("sector"), FieldPanel("district"),
            FieldPanel("workforce_size"), FieldPanel("male_dominated_workforce"), FieldPanel("partnership_member"),
            FieldPanel("website"),
        ], heading="About the organisation"),
        MultiFieldPanel([
            FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone"),
        ], heading="Staff-only contact",
            help_text="Only coordinators see these: never learners, leads or the champions directory."),
        FieldPanel(
            "expected_modules", widget=forms.CheckboxSelectMultiple,
            heading="Modules its staff are expected to complete",
        ),
    ], base_form_class=OrganisationAdminForm)
    inspect_view_enabled = True
    inspect_view_fields = [
        "kind", "sector", "district", "workforce_size", "male_dominated_workforce", "partnership_member", "website",
        "status", "merged_into", "created_at",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", OrganisationReviewView.as_view(), name="review"),
            path("leads/<int:pk>/", OrganisationLeadsView.as_view(), name="leads"),
        ]


organisation_viewset = OrganisationViewSet("organisations")


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return organisation_viewset


class MembershipIndexView(IndexView):
    def get_base_queryset(self):
        return Membership.objects.select_related("user", "organisation")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_open and self.request.user.has_perm("organisations.change_organisation"):
            buttons.insert(0, ListingButton(
                "Confirm or decline" if instance.status == Membership.Status.REQUESTED else "Remove",
                url=reverse("memberships:decide", args=[instance.pk]), icon_name="tick", priority=1,
            ))
        return buttons


class MembershipViewSet(ModelViewSet):
    """Coordinators answer requests to join any organisation, and remove members."""

    model = Membership
    index_view_class = MembershipIndexView
    icon = "user"
    menu_label = "Memberships"
    add_to_admin_menu = True
    menu_order = 305
    list_display = [
        "user", Column("email", label="Email", accessor="user.email"), "organisation",
        Column("status", label="Status", accessor="status_for_staff"), "requested_at",
    ]
    list_filter = ["status", "organisation"]
    list_export = ["user", "organisation", "status", "ending", "requested_at", "decided_at", "ended_at"]
    export_filename = "memberships"
    search_fields = ["user__full_name", "user__email", "organisation__name"]
    search_backend_name = None
    form_fields = ["status"]  # never used: the policy refuses add and edit
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("decide/<int:pk>/", MembershipDecisionView.as_view(), name="decide"),
        ]


membership_viewset = MembershipViewSet("memberships")


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return membership_viewset


@hooks.register("register_log_actions")
def register_lms_log_actions(actions):
    for action, label in {
        "lms.organisation.propose": "Organisation proposed by a learner",
        "lms.organisation.confirm": "Organisation confirmed",
        "lms.profile.update": "Profile updated",
        "lms.membership.request": "Asked to join an organisation",
        "lms.membership.confirm": "Membership confirmed",
        "lms.membership.decline": "Request to join declined",
        "lms.membership.remove": "Removed from an organisation",
        "lms.membership.leave": "Left an organisation",
    }.items():
        actions.register_action(action, label, label)

    @actions.register_action("lms.organisation.merge")
    class MergeFormatter(LogFormatter):
        label = "Organisation merged into another"

        def format_message(self, log_entry):
            return f"Merged into “{log_entry.data.get('into_name', 'another organisation')}”"

    @actions.register_action("lms.organisation.absorb")
    class AbsorbFormatter(LogFormatter):
        label = "Another organisation merged into this one"

        def format_message(self, log_entry):
            return f"“{log_entry.data.get('from_name', 'An organisation')}” merged into this one"

    class LeadFormatter(LogFormatter):
        def format_message(self, log_entry):
            data = log_entry.data
            person = data.get("lead_name") or data.get("lead_email") or "Someone"
            return self.template.format(person=f"{person} ({data.get('lead_email', 'no email')})")

    @actions.register_action("lms.organisation.add_lead")
    class AddLeadFormatter(LeadFormatter):
        label = "Lead added"
        template = "{person} added as a lead"

    @actions.register_action("lms.organisation.remove_lead")
    class RemoveLeadFormatter(LeadFormatter):
        label = "Lead removed"
        template = "{person} no longer a lead"


# The coordinator's dashboard: what waits for them. Each panel costs two queries (a count and a
# few rows), whatever the numbers.


@hooks.register("construct_homepage_panels")
def add_coordinator_organisation_panels(request, panels):
    if not is_coordinator(request.user):
        return
    pending = Organisation.objects.filter(status=Organisation.Status.PENDING)
    panels.append(CoordinatorPanel(
        name="coordinator_pending_organisations",
        heading="Organisations waiting for confirmation",
        count=pending.count(),
        rows=[
            {"label": organisation.name, "url": reverse("organisations:review", args=[organisation.pk]),
             "detail": f"{organisation.get_kind_display()}, proposed {organisation.created_at:%-d %b %Y}"}
            for organisation in pending.order_by("created_at", "pk")[:ROWS_ON_DASHBOARD]
        ],
        list_url=reverse("organisations:index") + "?status=pending",
        list_label="All organisations waiting for confirmation",
        empty="No organisation is waiting for confirmation.",
        order=50,
    ))
    requests = Membership.objects.waiting()
    panels.append(CoordinatorPanel(
        name="coordinator_membership_requests",
        heading="Requests to join an organisation",
        count=requests.count(),
        rows=[
            {"label": f"{m.user.full_name or m.user.email} ({m.user.email})",
             "url": reverse("memberships:decide", args=[m.pk]),
             "detail": f"{m.organisation.name}, asked {m.requested_at:%-d %b %Y}"}
            for m in requests.select_related("user", "organisation").order_by("requested_at", "pk")[:ROWS_ON_DASHBOARD]
        ],
        list_url=reverse("memberships:index") + "?status=requested",
        list_label="All requests to join",
        empty="No request to join is waiting.",
        order=51,
    ))
