"""Coordinators' back-office views inside the Wagtail admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.organisations.models import Membership, MembershipError, Organisation
from lms.organisations.services import (
    OrganisationError,
    confirm_membership,
    confirm_organisation,
    decline_membership,
    find_organisation,
    merge_organisation,
    normalise_organisation_name,
    remove_member,
)
from lms.site.validators import reject_formula_start


class OrganisationAdminForm(WagtailAdminModelForm):
    """Coordinators' add and edit form: names stay unique whatever their case or spacing."""

    def clean_name(self):
        name = normalise_organisation_name(self.cleaned_data["name"])
        if len(name) < 2 or not any(c.isalpha() for c in name):
            raise forms.ValidationError("Enter the organisation's name.")
        reject_formula_start(name, "The name must start with a letter or number.")
        existing = find_organisation(name)
        if existing is not None and existing.pk != self.instance.pk:
            raise forms.ValidationError(
                f"“{existing.name}” is already listed. Merge into it rather than adding it again."
            )
        return name


class OrganisationReviewForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("confirm", "Confirm it as a new organisation"), ("merge", "Merge it into an existing organisation")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to confirm or merge this organisation."},
    )
    merge_into = forms.ModelChoiceField(
        queryset=Organisation.objects.listed(),
        required=False,
        label="Existing organisation to merge into",
        help_text="Its members and leads move there; this name stops being offered.",
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["merge_into"].queryset = Organisation.objects.listed().exclude(pk=organisation.pk)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "merge" and not cleaned.get("merge_into"):
            self.add_error("merge_into", "Choose the organisation to merge into.")
        return cleaned


class OrganisationReviewView(WagtailAdminTemplateMixin, FormView):
    """Confirm a learner-proposed organisation, or merge it into one already listed."""

    template_name = "organisations/admin/organisation_review.html"
    form_class = OrganisationReviewForm
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("organisations.change_organisation"):
            raise PermissionDenied
        self.organisation = get_object_or_404(Organisation, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Review “{self.organisation.name}”"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.organisation}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organisation=self.organisation,
            member_count=self.organisation.members.count(),
            index_url=reverse("organisations:index"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            with transaction.atomic():
                if form.cleaned_data["action"] == "confirm":
                    confirm_organisation(self.organisation, by=self.request.user)
                    messages.success(self.request, f"“{self.organisation.name}” is confirmed.")
                else:
                    into = merge_organisation(
                        self.organisation, into=form.cleaned_data["merge_into"], by=self.request.user
                    )
                    messages.success(self.request, f"“{self.organisation.name}” is merged into “{into.name}”.")
        except OrganisationError as error:
            messages.error(self.request, str(error))
            return self.form_invalid(form)
        return redirect("organisations:index")


class MembershipDecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("confirm", "Confirm"), ("decline", "Decline"), ("remove", "Remove")],
        error_messages={"required": "Choose what to do.", "invalid_choice": "Choose what to do."},
    )


class MembershipDecisionView(WagtailAdminTemplateMixin, FormView):
    """A coordinator confirms or declines a request to join an organisation, or removes a member."""

    template_name = "organisations/admin/membership_decide.html"
    form_class = MembershipDecisionForm
    header_icon = "group"
    services = {"confirm": confirm_membership, "decline": decline_membership, "remove": remove_member}
    done = {
        "confirm": "{person} is confirmed as a member of {organisation}.",
        "decline": "{person}'s request to join {organisation} is declined.",
        "remove": "{person} is removed from {organisation}.",
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("organisations.change_organisation"):
            raise PermissionDenied
        self.membership = get_object_or_404(
            Membership.objects.select_related("user", "organisation"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Membership of “{self.membership.organisation.name}”"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            membership=self.membership, index_url=reverse("memberships:index"), **kwargs
        )

    def form_invalid(self, form):
        messages.error(self.request, "Choose what to do. Nothing was changed.")
        return super().form_invalid(form)

    def form_valid(self, form):
        action = form.cleaned_data["action"]
        try:
            with transaction.atomic():
                membership = self.services[action](self.membership, by=self.request.user)
        except MembershipError as error:
            messages.error(self.request, f"{error} Nothing was changed.")
            return redirect("memberships:decide", pk=self.membership.pk)
        messages.success(
            self.request, self.done[action].format(person=membership.user, organisation=membership.organisation)
        )
        return redirect("memberships:index")
