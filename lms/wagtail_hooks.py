from django.forms import modelform_factory
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content.admin_choosers import PermissionCheckedSnippetChooserViewSet
from lms.admin_views import (
    CertificateRevokeView,
    MembershipDecisionView,
    OrganisationAdminForm,
    OrganisationReviewView,
)
from lms.models import Certificate, Membership, Organisation, Question, Quiz, QuizCase


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates come from completions only: nobody adds, edits or deletes one in the admin.
    Coordinators revoke them instead (CertificateRevokeView), which keeps the record."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


class MembershipPermissionPolicy(ModelPermissionPolicy):
    """Whoever manages organisations sees memberships; changes go through MembershipDecisionView,
    so that each is checked against the membership's state and logged. Nobody edits one by hand."""

    def user_has_permission(self, user, action):
        if action == "view":
            return user.has_perm("lms.change_organisation")
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


# Registered before any viewset asks for the model's policy (see wagtail.permissions).
register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))
register_permission_policy(Membership, MembershipPermissionPolicy(Membership))


class OrganisationIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == Organisation.Status.PENDING and self.request.user.has_perm("lms.change_organisation"):
            buttons.insert(0, ListingButton(
                "Confirm or merge", url=reverse("organisations:review", args=[instance.pk]),
                icon_name="tick", priority=1,
            ))
        return buttons


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    index_view_class = OrganisationIndexView
    icon = "group"
    menu_label = "Organisations"
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "name", "kind", "sector", "district",
        Column("status", label="Status", accessor="get_status_display"),
    ]
    list_filter = ["status", "kind", "sector", "district"]
    list_export = ["name", "kind", "sector", "district", "status", "created_at"]
    export_filename = "organisations"
    search_fields = ["name"]
    search_backend_name = None  # a plain database search: names, no search index to keep
    form_fields = ["name", "kind", "sector", "district", "leads"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return modelform_factory(
            Organisation, form=OrganisationAdminForm, fields=self.form_fields,
            formfield_callback=self.formfield_for_dbfield,
        )

    def get_queryset(self, request):
        return Organisation.objects.select_related("sector", "district")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", OrganisationReviewView.as_view(), name="review"),
        ]


organisation_viewset = OrganisationViewSet("organisations")


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return organisation_viewset


class MembershipIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_open and self.request.user.has_perm("lms.change_organisation"):
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
        Column("status", label="Status", accessor="get_status_display"), "requested_at",
    ]
    list_filter = ["status", "organisation"]
    list_export = ["user", "organisation", "status", "ending", "requested_at", "decided_at", "ended_at"]
    export_filename = "memberships"
    search_fields = ["user__full_name", "user__email", "organisation__name"]
    search_backend_name = None
    form_fields = ["status"]  # never used: the policy refuses add and edit
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "organisation")

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
        "lms.certificate.issue": "Certificate issued",
        "lms.certificate.revoke": "Certificate revoked",
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


class QuizViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    model = Quiz
    icon = "tasks"
    menu_label = "Quiz settings"
    list_display = ["module", "questions_per_attempt", "pass_mark", "attempts_per_day"]
    search_fields = []


class QuestionViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    model = Question
    icon = "help"
    menu_label = "Question bank"
    list_display = ["text", "module", "kind", "category", "active"]
    list_filter = ["module", "kind", "category", "active"]
    search_fields = ["text", "category"]
    search_backend_name = None


class QuizCaseViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    model = QuizCase
    icon = "doc-full"
    menu_label = "Scenario cases"
    list_display = ["title", "module"]
    list_filter = ["module"]
    search_fields = ["title", "text"]
    search_backend_name = None


class QuizSnippets(SnippetViewSetGroup):
    menu_label = "Quizzes"
    menu_icon = "tasks"
    menu_order = 260
    items = (QuizViewSet, QuestionViewSet, QuizCaseViewSet)


register_snippet(QuizSnippets)


class CertificateIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.revoked_at and self.request.user.has_perm("lms.change_certificate"):
            buttons.insert(0, ListingButton(
                "Revoke", url=reverse("certificates:revoke", args=[instance.pk]), icon_name="warning", priority=1,
            ))
        return buttons


class CertificateViewSet(ModelViewSet):
    """Coordinators find, export and revoke certificates. Certificates are never edited by hand."""

    model = Certificate
    index_view_class = CertificateIndexView
    icon = "doc-full-inverse"
    menu_label = "Certificates"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["code", "holder_name", "module_title", "issued_on", "expires_on",
                    Column("revoked_at", label="Revoked")]
    list_filter = ["module_title", "issued_on", "expires_on"]
    list_export = ["code", "holder_name", "module_title", "level", "cpd_minutes", "issued_on", "expires_on",
                   "revoked_at", "revocation_reason"]
    export_filename = "certificates"
    search_fields = ["code", "holder_name", "module_title"]
    search_backend_name = None
    inspect_view_enabled = True
    form_fields = ["revocation_reason"]  # never used: the policy below refuses add and edit

    def get_queryset(self, request):
        return Certificate.objects.for_user(request.user).select_related("user")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", CertificateRevokeView.as_view(), name="revoke"),
        ]


certificate_viewset = CertificateViewSet("certificates")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset
