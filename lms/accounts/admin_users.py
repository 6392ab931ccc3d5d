"""The admin's Users screens (Wagtail's user viewset, made to fit this platform's accounts).

People here have one name, `full_name`, printed on their certificates; Wagtail's first and last
names are never used, so the forms neither ask for nor require them. Passwords are allauth's
business (WAGTAILUSERS_PASSWORD_ENABLED is False). The list shows what an administrator acts
on: roles, organisation, last sign-in and whether two-factor authentication is set up; an
administrator can reset someone's two-factor authentication when they lose their phone.
"""

from __future__ import annotations

import django_filters
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import messages
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect
from wagtail.admin.widgets.button import Button
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users

from lms.accounts.models import User
from lms.accounts.services import reset_two_factor
from lms.site.validators import printable_text, validate_person_name


def _has_two_factor():
    return Exists(Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP))


class _AccountFields(forms.ModelForm):
    """Full name, email, active and roles; no first and last names, no password."""

    first_name = None
    last_name = None
    full_name = forms.CharField(
        label="Full name", max_length=150, required=False, validators=[printable_text],
        help_text="Exactly as it is printed on their certificates. People can also change it on their profile.",
        error_messages={"max_length": "The name must be 150 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].label = "Roles"
            self.fields["groups"].help_text = "What each role may do is set in code (lms/site/roles.py)."
        if "is_active" in self.fields:
            self.fields["is_active"].help_text = (
                "Untick to close the account of someone who has left: they can no longer sign in, "
                "and their records and certificates are kept."
            )

    def clean_full_name(self):
        value = self.cleaned_data["full_name"]
        if not value.strip():
            return ""
        try:
            return validate_person_name(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                [message.replace("Your name", "A name").replace("your full name", "their full name")
                 for message in error.messages]
            ) from None

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        others = User.objects.exclude(pk=self.instance.pk)
        if (others.filter(email__iexact=email).exists()
                or EmailAddress.objects.filter(email__iexact=email).exclude(user_id=self.instance.pk).exists()):
            raise forms.ValidationError("Another account already uses this email address.")
        return email

    def _clean_username(self):
        # The email field is the username: clean_email checks it, ignoring case.
        return self.cleaned_data.get("email")

    def save(self, commit=True):
        creating = self.instance.pk is None
        email_changed = creating or "email" in self.changed_data
        if creating:
            # They choose a password themselves, through "Forgotten your password?".
            self.instance.set_unusable_password()
        user = super().save(commit=commit)
        if commit and email_changed:
            # allauth signs people in by their recorded addresses: the new one replaces the old,
            # unverified until they confirm it at their next sign-in.
            EmailAddress.objects.filter(user=user).delete()
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
        return user


class AccountCreationForm(_AccountFields, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = ["full_name", "email", "is_superuser", "groups"]


class AccountEditForm(_AccountFields, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = ["full_name", "email", "is_active", "is_superuser", "groups"]


class AccountFilterSet(wagtail_users.UserFilterSet):
    two_factor = django_filters.BooleanFilter(
        label="Two-factor authentication", method="filter_two_factor", widget=BooleanRadioSelect,
    )
    organisation = django_filters.ModelChoiceFilter(
        label="Organisation", field_name="organisation",
        queryset=lambda request: User._meta.get_field("organisation").related_model.objects.order_by("name"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["group"].label = "Role"
        self.filters["last_login"].label = "Last signed in"

    def filter_two_factor(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(_has_two_factor() if value else ~_has_two_factor())


class AccountIndexView(wagtail_users.IndexView):
    search_fields = ["full_name", "email"]
    search_backend_name = None

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(wagtail_users.UserColumn)
        return [
            wagtail_users.BulkActionsCheckboxColumn("bulk_actions", obj_type="user"),
            title_column(
                "full_name", accessor=lambda u: u.full_name or "No name given", label="Full name",
                sort_key="full_name", get_url=self.get_edit_url, classname="name",
            ),
            Column("email", label="Email", sort_key="email"),
            Column("roles", label="Roles", accessor=self.roles_of),
            Column("organisation", label="Organisation", accessor=lambda u: u.organisation or "",
                   sort_key="organisation__name"),
            DateColumn("last_login", label="Last signed in", sort_key="last_login"),
            BooleanColumn("has_two_factor", label="Two-factor", sort_key="has_two_factor"),
            BooleanColumn("is_active", label="Active", sort_key="is_active"),
        ]

    @staticmethod
    def roles_of(user) -> str:
        roles = [group.name for group in user.groups.all()]
        if user.is_superuser:
            roles.insert(0, "Administrator")
        return ", ".join(roles)

    def get_base_queryset(self):
        return (
            User.objects.select_related("organisation", "wagtail_userprofile")
            .prefetch_related(Prefetch("groups", queryset=Group.objects.order_by("name")))
            .annotate(has_two_factor=_has_two_factor())
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.has_two_factor and may_reset_two_factor(self.request.user, instance):
            buttons.append(Button(
                "Reset two-factor", url=reverse("wagtailusers_users:reset_two_factor", args=[instance.pk]),
                icon_name="key", priority=50,
            ))
        return buttons


class AccountEditView(wagtail_users.EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["has_two_factor"] = Authenticator.objects.filter(
            user=self.object, type=Authenticator.Type.TOTP
        ).exists()
        context["may_reset_two_factor"] = may_reset_two_factor(self.request.user, self.object)
        return context


def may_reset_two_factor(user, person) -> bool:
    """Only administrators, and never for their own account (they use their own two-factor page)."""
    return user.is_superuser and user.pk != person.pk


class TwoFactorResetForm(forms.Form):
    reason = forms.CharField(
        label="Reason", max_length=500, validators=[printable_text], widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, “Lost their phone; asked by phone on 3 March, identity checked by their manager.” "
                  "Kept in the account's history; not sent to them.",
        error_messages={
            "required": "Enter the reason for resetting their two-factor authentication",
            "max_length": "The reason must be 500 characters or fewer",
        },
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if not any(c.isalnum() for c in reason):
            raise forms.ValidationError("Enter the reason for resetting their two-factor authentication")
        return reason


class TwoFactorResetView(WagtailAdminTemplateMixin, FormView):
    """An administrator resets someone's two-factor authentication, with a reason."""

    template_name = "accounts/admin/two_factor_reset.html"
    form_class = TwoFactorResetForm
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        self.person = get_object_or_404(User, pk=kwargs["pk"])
        if not may_reset_two_factor(request.user, self.person):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Reset two-factor authentication"

    def get_page_subtitle(self):
        return self.person.full_name or self.person.email

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("wagtailusers_users:index"), "label": "Users"},
            {"url": reverse("wagtailusers_users:edit", args=[self.person.pk]),
             "label": self.person.full_name or self.person.email},
            {"url": "", "label": "Reset two-factor authentication"},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.person,
            authenticators=Authenticator.objects.filter(user=self.person).order_by("type"),
            edit_url=reverse("wagtailusers_users:edit", args=[self.person.pk]),
            **kwargs,
        )

    def form_valid(self, form):
        name = self.person.full_name or self.person.email
        if reset_two_factor(self.person, by=self.request.user, reason=form.cleaned_data["reason"]):
            messages.success(
                self.request,
                f"Two-factor authentication is reset for {name}. We have emailed them; they set it up "
                "again at their next sign-in to the staff pages.",
            )
        else:
            messages.info(self.request, f"{name} has no two-factor authentication set up: nothing was changed.")
        return redirect("wagtailusers_users:edit", self.person.pk)


class AccountViewSet(wagtail_users.UserViewSet):
    index_view_class = AccountIndexView
    edit_view_class = AccountEditView
    filterset_class = AccountFilterSet
    create_template_name = "accounts/admin/users/create.html"
    edit_template_name = "accounts/admin/users/edit.html"

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("reset-two-factor/<int:pk>/", TwoFactorResetView.as_view(), name="reset_two_factor"),
        ]
