"""Coordinators' back-office views inside the Wagtail admin."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.accounts.models import User
from lms.organisations.models import Membership, MembershipError, Organisation
from lms.organisations.services import (
    OrganisationError,
    add_lead,
    confirm_membership,
    confirm_organisation,
    decline_membership,
    find_organisation,
    lead_candidates,
    likely_duplicates,
    merge_organisation,
    normalise_organisation_name,
    remove_lead,
    remove_member,
    search_organisations,
)
from lms.site.validators import reject_formula_start


class OrganisationAdminForm(WagtailAdminModelForm):
    """Coordinators' add and edit form: names stay unique whatever their case or spacing; the
    website, contact email and phone number are checked with messages a coordinator understands."""

    MESSAGES = {
        "name": {"required": "Enter the organisation's name.",
                 "max_length": "The name must be 200 characters or fewer."},
        "website": {"invalid": "Enter the website's full address, like https://www.example.org.",
                    "max_length": "The website's address must be 200 characters or fewer."},
        "contact_name": {"max_length": "The contact's name must be 200 characters or fewer."},
        "contact_email": {"invalid": "Enter the contact's email address in the right format, like name@example.org.",
                          "max_length": "The contact's email address must be 254 characters or fewer."},
        "contact_phone": {"max_length": "The contact's phone number must be 40 characters or fewer."},
        "workforce_size": {"invalid_choice": "Choose the size of the workforce from the list, or “Not known”."},
        "kind": {"invalid_choice": "Choose the type of organisation from the list."},
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, messages_for_field in self.MESSAGES.items():
            if name in self.fields:
                self.fields[name].error_messages.update(messages_for_field)
        if "expected_modules" in self.fields:
            # Live modules, and any already chosen that has since been unpublished (so that saving
            # the form does not drop it unasked).
            field = self.fields["expected_modules"]
            chosen = self.instance.expected_modules.all() if self.instance.pk else field.queryset.none()
            field.queryset = field.queryset.filter(Q(live=True) | Q(pk__in=chosen.values("pk"))).order_by("title")
            field.error_messages["invalid_choice"] = "Choose the expected modules from the list of published modules."
            field.error_messages["invalid_pk_value"] = "Choose the expected modules from the list of published modules."

    def clean_website(self):
        website = self.cleaned_data["website"]
        if website and not website.lower().startswith(("https://", "http://")):
            raise forms.ValidationError(self.MESSAGES["website"]["invalid"])
        return website

    def clean_contact_name(self):
        return " ".join(self.cleaned_data["contact_name"].split())

    def clean_contact_phone(self):
        return " ".join(self.cleaned_data["contact_phone"].split())

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


def organisation_breadcrumbs(organisation: Organisation | None = None, *tail: str) -> list[dict]:
    """Home › Organisations › the organisation › `tail`: where a coordinator is, by name."""
    items = [
        {"url": reverse("wagtailadmin_home"), "label": "Home"},
        {"url": reverse("organisations:index"), "label": "Organisations"},
    ]
    if organisation is not None:
        items.append({"url": reverse("organisations:inspect", args=[organisation.pk]), "label": organisation.name})
    items.extend({"url": "", "label": label} for label in tail)
    return items


class OrganisationReviewForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("confirm", "Confirm it as a new organisation"), ("merge", "Merge it into an existing organisation")],
        error_messages={"required": "Choose whether to confirm or merge this organisation.",
                        "invalid_choice": "Choose whether to confirm or merge this organisation."},
    )
    merge_into = forms.ModelChoiceField(
        queryset=Organisation.objects.listed(),
        required=False,
        label="Existing organisation to merge into",
        error_messages={"invalid_choice": "Choose the organisation to merge into from the list."},
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
    """Confirm a learner-proposed organisation, or merge it into one already listed.

    The organisations to merge into are offered as a list of radio buttons, likely duplicates
    first (names alike once accents, case and common words are set aside), and a search box
    finds any other: a plain GET form, so the page works without JavaScript.
    """

    template_name = "organisations/admin/organisation_review.html"
    form_class = OrganisationReviewForm
    header_icon = "group"
    page_title = "Confirm or merge"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("organisations.change_organisation"):
            raise PermissionDenied
        self.organisation = get_object_or_404(
            Organisation.objects.select_related("sector", "district"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.organisation.name

    def get_breadcrumbs_items(self):
        return organisation_breadcrumbs(self.organisation, f"Confirm or merge “{self.organisation.name}”")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.organisation}

    def get_context_data(self, **kwargs):
        query = normalise_organisation_name(self.request.GET.get("q", ""))[:200]
        duplicates = likely_duplicates(self.organisation)
        shown = {organisation.pk for organisation in duplicates}
        results = [o for o in search_organisations(query, exclude=self.organisation) if o.pk not in shown] \
            if query else []
        form = kwargs.get("form")
        chosen = form["merge_into"].value() if form is not None and form.is_bound else None
        return super().get_context_data(
            organisation=self.organisation,
            member_count=self.organisation.members.count(),
            duplicates=duplicates,
            query=query,
            results=results,
            chosen=str(chosen or ""),
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


class OrganisationLeadsView(WagtailAdminTemplateMixin, TemplateView):
    """Who leads an organisation: each lead listed with their email and a button to remove them
    alone; a search by name or email finds someone to add, one at a time. Adding never touches
    the other leads (the old multi-select replaced them all on a plain click). Works without
    JavaScript: searching is a GET form, each change a POST with one button."""

    template_name = "organisations/admin/organisation_leads.html"
    header_icon = "user"
    page_title = "Leads"
    MAX_RESULTS = 20

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("organisations.change_organisation"):
            raise PermissionDenied
        self.organisation = get_object_or_404(Organisation.objects.exclude(status=Organisation.Status.MERGED),
                                              pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.organisation.name

    def get_breadcrumbs_items(self):
        return organisation_breadcrumbs(self.organisation, f"Leads of {self.organisation.name}")

    def get_context_data(self, **kwargs):
        query = " ".join(self.request.GET.get("q", "").replace("\x00", "").split())[:200]
        leads = list(self.organisation.leads.order_by("full_name", "email"))
        results = []
        if query:
            results = list(
                lead_candidates(self.organisation).exclude(pk__in=[lead.pk for lead in leads])
                .filter(Q(full_name__icontains=query) | Q(email__icontains=query))
                .select_related("organisation").order_by("full_name", "email")[:self.MAX_RESULTS]
            )
        return super().get_context_data(
            organisation=self.organisation, leads=leads, query=query, results=results,
            max_results=self.MAX_RESULTS, **kwargs,
        )

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        chosen = str(request.POST.get("person", ""))
        # ASCII digits only: "²" passes isdigit() but not int(), and "٣" would quietly mean 3.
        person = User.objects.filter(pk=int(chosen), is_active=True).first() \
            if chosen.isascii() and chosen.isdigit() and len(chosen) < 19 else None
        here = reverse("organisations:leads", args=[self.organisation.pk])
        if action not in ("add", "remove") or person is None:
            messages.error(request, "Choose the person to add or remove. Nothing was changed.")
            return redirect(here)
        who = f"{person.full_name or person.email} ({person.email})"
        try:
            with transaction.atomic():
                changed, text = self._change(action, person, who)
        except OrganisationError as error:
            messages.error(request, f"{error} Nothing was changed.")
            return redirect(here)
        (messages.success if changed else messages.info)(request, text)
        return redirect(here)

    def _change(self, action: str, person, who: str) -> tuple[bool, str]:
        if action == "add":
            changed = add_lead(self.organisation, person, by=self.request.user)
            return changed, (f"{who} now leads {self.organisation.name}." if changed
                             else f"{who} already leads {self.organisation.name}.")
        changed = remove_lead(self.organisation, person, by=self.request.user)
        return changed, (f"{who} no longer leads {self.organisation.name}." if changed
                         else f"{who} did not lead {self.organisation.name}.")


# Apps above this one (learning records, certificates) add columns to the members table of an
# organisation's admin page by registering a function under this Wagtail hook. It is called as
# `function(request, organisation, people)` with the confirmed members (User objects) shown, and
# returns MemberColumn objects, each holding the value for every person it knows about. It must
# answer for all of them at once (a query or two, never one per person). This app never imports them.
ORGANISATION_MEMBER_COLUMNS_HOOK = "organisation_admin_member_columns"


def member_columns(request, organisation, people) -> list[MemberColumn]:
    """The columns every app above adds for these confirmed members of `organisation`. The caller
    has already decided the viewer may see their records (a coordinator, or a lead of it)."""
    return [
        column for function in hooks.get_hooks(ORGANISATION_MEMBER_COLUMNS_HOOK)
        for column in function(request, organisation, people)
    ]


@dataclass
class MemberColumn:
    """One column an app above adds to an organisation's members table: its heading, and the text
    of each person's cell by user id (people it has nothing for show `default`)."""

    heading: str
    values: dict[int, str] = field(default_factory=dict)
    default: str = ""


class OrganisationInspectView(InspectView):
    """An organisation's page in the admin: what it is, who leads it, its confirmed members and
    their training (from the apps above, through ORGANISATION_MEMBER_COLUMNS_HOOK).

    The page stays here, beside the organisation it describes, rather than moving up to the
    certificates app: the organisation's own facts, leads and members belong to this app, and the
    records kept by apps above it arrive as columns through the hook, as the lead's members page
    takes its sections through `organisation_lead_page_panels`. The number of queries does not
    grow with the number of members.
    """

    template_name = "organisations/admin/organisation_inspect.html"
    MAX_MEMBERS = 500

    def get_male_dominated_workforce_display_value(self):
        return "Yes" if self.object.male_dominated_workforce else "No"

    def get_partnership_member_display_value(self):
        return "Yes" if self.object.partnership_member else "No"

    def get_website_display_value(self):
        return self.object.website or "Not known"

    def get_context_data(self, **kwargs):
        organisation = self.object
        memberships = list(
            organisation.memberships.confirmed().select_related("user")
            .order_by("user__full_name", "user__email")[:self.MAX_MEMBERS]
        )
        columns = member_columns(self.request, organisation, [membership.user for membership in memberships])
        rows = [
            (membership, [column.values.get(membership.user_id, column.default) for column in columns])
            for membership in memberships
        ]
        can_change = self.request.user.has_perm("organisations.change_organisation")
        return super().get_context_data(
            organisation=organisation,
            leads=list(organisation.leads.order_by("full_name", "email")),
            member_count=organisation.memberships.confirmed().count(),
            request_count=organisation.memberships.waiting().count(),
            columns=columns,
            rows=rows,
            max_members=self.MAX_MEMBERS,
            can_change=can_change and organisation.status != Organisation.Status.MERGED,
            **kwargs,
        )


# The coordinator's dashboard panels (here and in apps above): what waits for them.


class CoordinatorPanel(Component):
    """A dashboard panel: a heading with a count, a few rows, and a link to the whole list."""

    template_name = "organisations/admin/dashboard_panel.html"

    def __init__(self, *, name, heading, count, rows, list_url, list_label, empty, order):
        self.name, self.heading, self.count, self.rows = name, heading, count, rows
        self.list_url, self.list_label, self.empty, self.order = list_url, list_label, empty, order

    def get_context_data(self, parent_context):
        return {"panel": self}


ROWS_ON_DASHBOARD = 5


def is_coordinator(user) -> bool:
    """Holds the coordinator's permission over organisations (coordinators, administrators)."""
    return user.has_perm("organisations.change_organisation")


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

    def get_page_subtitle(self):
        return self.membership.user.full_name or self.membership.user.email

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("memberships:index"), "label": "Memberships"},
            {"url": reverse("organisations:inspect", args=[self.membership.organisation_id]),
             "label": self.membership.organisation.name},
            {"url": "", "label": self.membership.user.full_name or self.membership.user.email},
        ]

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
