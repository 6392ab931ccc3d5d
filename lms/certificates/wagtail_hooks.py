"""The admin's certificates: a read-only listing with filters, accent-blind search, an export
that Excel reads, revoke and undo; the coordinator's "revoked lately" panel; the certificates
columns of an organisation's members table; the certificate log actions."""

import datetime

import django_filters
from django import forms
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from content.models import Sector
from lms.accounts.models import District, User
from lms.certificates.admin_views import CertificateRestoreView, CertificateRevokeView
from lms.certificates.exports import local_datetime_text
from lms.certificates.models import Certificate, CertificateBundle
from lms.certificates.services import can_undo_revocation, normalise_code, today
from lms.learning.models import Enrolment
from lms.learning.progress import is_module_complete
from lms.organisations.admin_views import (
    ORGANISATION_MEMBER_COLUMNS_HOOK,
    ROWS_ON_DASHBOARD,
    CoordinatorPanel,
    MemberColumn,
)
from lms.organisations.models import Organisation
from lms.organisations.names import fold
from lms.site.spreadsheets import ExcelFriendlyExport


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates come from completions only: nobody adds, edits or deletes one in the admin.
    Coordinators revoke them instead (CertificateRevokeView), which keeps the record."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


# Registered before any viewset asks for the model's policy (see wagtail.permissions).
register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


class CertificateFilterSet(WagtailFilterSet):
    """Narrow the list by where the holder works (their profile) and where the certificate stands today."""

    status = django_filters.ChoiceFilter(
        field_name="status", label="Status", choices=Certificate.Status.choices,
        widget=forms.RadioSelect, empty_label="All",
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name="user__organisation", label="Organisation",
        queryset=Organisation.objects.exclude(status=Organisation.Status.MERGED),
    )
    sector = django_filters.ModelChoiceFilter(field_name="user__sector", label="Sector", queryset=Sector.objects.all())
    district = django_filters.ModelChoiceFilter(
        field_name="user__district", label="District", queryset=District.objects.all(),
    )
    module_title = django_filters.AllValuesFilter(field_name="module_title", label="Module")
    issued_on = django_filters.DateFromToRangeFilter(label="Issued", widget=DateRangePickerWidget)
    expires_on = django_filters.DateFromToRangeFilter(label="Expires", widget=DateRangePickerWidget)

    class Meta:
        model = Certificate
        fields = []


class CertificateIndexView(ExcelFriendlyExport, IndexView):
    def get_base_queryset(self):
        # Every row with its status today (for the column and the filter) and the holder's
        # organisation, sector and district: a constant number of queries per page.
        return (
            Certificate.objects.for_user(self.request.user).with_status_on(today())
            .select_related("user__organisation", "user__sector", "user__district")
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.request.user.has_perm("certificates.change_certificate"):
            return buttons
        if not instance.revoked_at:
            buttons.insert(0, ListingButton(
                "Revoke", url=reverse("certificates:revoke", args=[instance.pk]), icon_name="warning", priority=1,
            ))
        elif can_undo_revocation(instance):
            buttons.insert(0, ListingButton(
                "Undo revocation", url=reverse("certificates:restore", args=[instance.pk]), icon_name="undo",
                priority=1,
            ))
        return buttons

    def search_queryset(self, queryset):
        """Holder's name without regard to accents or case ("lucja" finds "Łucja"), on any database:
        the query is folded as the stored `holder_name_folded` is; also code, module and organisation."""
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        condition = (
            Q(holder_name_folded__contains=fold(query)) | Q(code__icontains=query)
            | Q(module_title__icontains=query) | Q(user__organisation__name__icontains=query)
            | Q(user__email__icontains=query)
        )
        code = normalise_code(query)
        if code:
            condition |= Q(code=code)
        return queryset.filter(condition)

    # Spreadsheets: Excel opens a UTF-8 CSV correctly only with a byte order mark; dates are
    # written as people here read them (Europe/London), to the minute; formulas are neutralised.
    custom_value_preprocess = {
        datetime.datetime: {
            "csv": local_datetime_text,
            "xlsx": lambda value: timezone.localtime(value).replace(tzinfo=None, microsecond=0),
        },
        datetime.date: {"csv": lambda value: value.isoformat(), "xlsx": None},
    }


class CertificateViewSet(ModelViewSet):
    """Coordinators find, filter, export, revoke and restore certificates. Never edited by hand."""

    model = Certificate
    index_view_class = CertificateIndexView
    icon = "doc-full-inverse"
    menu_label = "Certificates"
    add_to_admin_menu = True
    menu_order = 310
    list_display = [
        "code", "holder_name", "module_title",
        Column("organisation", label="Organisation", accessor="user.organisation"),
        Column("sector", label="Sector", accessor="user.sector"),
        Column("district", label="District", accessor="user.district"),
        Column("status", label="Status", accessor="get_status_display"),
        "issued_on", "expires_on",
    ]
    filterset_class = CertificateFilterSet
    list_export = ["code", "holder_name", "module_title", "user.organisation", "user.sector", "user.district",
                   "get_status_display", "level", "cpd_minutes", "issued_on", "expires_on",
                   "revoked_at", "revocation_reason"]
    export_headings = {
        "user.organisation": "Organisation", "user.sector": "Sector", "user.district": "District",
        "get_status_display": "Status", "revoked_at": "Revoked at (UK time)",
    }
    export_filename = "certificates"
    search_fields = ["holder_name", "code", "module_title"]  # see CertificateIndexView.search_queryset
    search_backend_name = None
    inspect_view_enabled = True
    form_fields = ["revocation_reason"]  # never used: the policy below refuses add and edit

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", CertificateRevokeView.as_view(), name="revoke"),
            path("restore/<int:pk>/", CertificateRestoreView.as_view(), name="restore"),
        ]


certificate_viewset = CertificateViewSet("certificates")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action("lms.certificate.issue", "Certificate issued", "Certificate issued")
    actions.register_action("lms.certificate.revoke", "Certificate revoked", "Certificate revoked")

    @actions.register_action("lms.certificate.restore")
    class RestoreFormatter(LogFormatter):
        label = "Revocation undone"

        def format_message(self, log_entry):
            return f"Revocation undone: {log_entry.data.get('reason', 'no reason given')}"


REVOKED_LATELY = datetime.timedelta(days=30)


@hooks.register("construct_homepage_panels")
def add_coordinator_revocations_panel(request, panels):
    """The coordinator's dashboard: certificates revoked in the last 30 days, newest first."""
    if not request.user.has_perm("certificates.change_certificate"):
        return
    revoked = Certificate.objects.filter(revoked_at__gte=timezone.now() - REVOKED_LATELY)
    panels.append(CoordinatorPanel(
        name="coordinator_revoked_certificates",
        heading="Certificates revoked in the last 30 days",
        count=revoked.count(),
        rows=[
            {"label": f"{certificate.holder_name}, {certificate.module_title}",
             "url": reverse("certificates:inspect", args=[certificate.pk]),
             "detail": f"{certificate.code}, revoked {timezone.localtime(certificate.revoked_at):%-d %b %Y}"}
            for certificate in revoked.order_by("-revoked_at", "-pk")[:ROWS_ON_DASHBOARD]
        ],
        list_url=reverse("certificates:index") + "?status=revoked",
        list_label="All revoked certificates",
        empty="No certificate was revoked in the last 30 days.",
        order=52,
    ))


@hooks.register(ORGANISATION_MEMBER_COLUMNS_HOOK)
def training_columns(request, organisation, people):
    """An organisation's members table: modules each person completed and their current
    certificates. Two queries for the whole table.

    A module counts as completed as the lead's training report counts it: a completed enrolment,
    or a certificate held for it (not withdrawn; one issued before the site kept enrolments, or
    imported, counts too), each module once however many certificates and enrolments it has."""
    ids = [person.pk for person in people]
    completed_enrolments = Enrolment.objects.filter(completed_at__isnull=False)
    enrolled = completed_enrolments.filter(user=OuterRef("pk")).order_by().values("user").annotate(n=Count("pk"))
    certified_only = (
        Certificate.objects.filter(user=OuterRef("pk"), module__isnull=False, revoked_at__isnull=True)
        .exclude(Exists(completed_enrolments.filter(user=OuterRef("user"), module=OuterRef("module"))))
        .order_by().values("user").annotate(n=Count("module", distinct=True))
    )
    completed = dict(
        User.objects.filter(pk__in=ids).annotate(
            n=Coalesce(Subquery(enrolled.values("n")), 0) + Coalesce(Subquery(certified_only.values("n")), 0),
        ).filter(n__gt=0).values_list("pk", "n")
    )
    current = {}
    for user_id, title, expires_on in (
        Certificate.objects.filter(user_id__in=ids).current_on(today())
        .order_by("module_title").values_list("user_id", "module_title", "expires_on")
    ):
        current.setdefault(user_id, []).append(f"{title} (until {expires_on:%-d %b %Y})")
    return [
        MemberColumn("Modules completed", {pk: str(n) for pk, n in completed.items()}, default="0"),
        MemberColumn("Current certificates", {pk: "; ".join(titles) for pk, titles in current.items()},
                     default="None"),
    ]


@hooks.register("organisation_lead_page_panels")
def staff_certificates_panel(request):
    """The lead's members page: their latest zip of staff certificates, its state, and the button."""
    bundle = CertificateBundle.objects.for_user(request.user).first()
    return render_to_string("certificates/staff_certificates_panel.html", {
        "bundle": bundle,
        "lost_organisations": bundle.organisations_no_longer_led_by(request.user) if bundle else [],
    }, request=request)


@hooks.register("attempt_result_panels")
def certificate_on_result_page(request, attempt):
    """The quiz result page, once passed: the certificate this module gives, or why there is none yet."""
    if not attempt.passed:
        return None
    module = attempt.quiz.module
    certificate = Certificate.objects.filter(user=request.user, module=module).first()
    state = certificate.state_on(today()) if certificate else None
    return render_to_string("certificates/result_certificate_panel.html", {
        "certificate": certificate,
        "state": state,
        "module_complete": state is not None or is_module_complete(request.user, module),
    }, request=request)
