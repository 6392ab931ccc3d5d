"""Learner records in the admin (*Learner records*, coordinators and administrators): find a
person by name or email, see their training on one page with the history of changes, and erase
their account on their behalf. Registered by wagtail_hooks.py.

The search is posted and kept in the session, never put in the address: an email typed there
would otherwise be written to every access log and browser history on the way.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from lms.accounts.models import User
from lms.privacy.erasure import (
    ErasureRefused,
    check_can_erase,
    erase_account,
    erased_accounts,
    erasure_impact,
    is_erased,
)
from lms.privacy.forms import PeopleSearchForm, StaffErasureForm
from lms.privacy.learner_record import RECORD_VIEWED, attempts_of, find_people, history_of, learner_record
from lms.privacy.permissions import erasure_refusal, may_read_learner_records

SEARCH_SESSION_KEY = "privacy_people_search"
PEOPLE_PER_PAGE = 20
HISTORY_PER_PAGE = 20


def name_of(person: User) -> str:
    return person.full_name or person.email


class LearnerRecordAccessMixin:
    """Coordinators and administrators only (in a session that passed the second factor, as
    every staff permission); anyone else in the admin is turned away."""

    def dispatch(self, request, *args, **kwargs):
        if not may_read_learner_records(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PeopleSearchView(LearnerRecordAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "privacy/admin/people_search.html"
    page_title = "Learner records"
    header_icon = "user"

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        query = request.session.get(SEARCH_SESSION_KEY, "")
        form = PeopleSearchForm(initial={"query": query})
        return self.render_to_response(self.get_context_data(form=form, **self.results(query)))

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "clear":
            request.session.pop(SEARCH_SESSION_KEY, None)
            return redirect("privacy_people")
        form = PeopleSearchForm(request.POST)
        if form.is_valid():
            request.session[SEARCH_SESSION_KEY] = form.cleaned_data["query"]
            return redirect("privacy_people")
        request.session.pop(SEARCH_SESSION_KEY, None)
        response = self.render_to_response(self.get_context_data(form=form, query="", people=None))
        response.status_code = 400
        return response

    def results(self, query: str) -> dict:
        if not query:
            return {"query": "", "people": None}
        paginator = Paginator(find_people(query), PEOPLE_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        return {"query": query, "people": page, "elided_page_range": paginator.get_elided_page_range(page.number)}


class LearnerRecordView(LearnerRecordAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """One person's training on one page, with the history of changes. Each view is logged."""

    template_name = "privacy/admin/learner_record.html"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if may_read_learner_records(request.user):
            self.person = get_object_or_404(
                User.objects.select_related("organisation", "sector", "district")
                .exclude(pk__in=erased_accounts().values("pk")),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Learner record"

    def get_page_subtitle(self):
        return name_of(self.person)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("privacy_people"), "label": "Learner records"},
            {"url": "", "label": name_of(self.person)},
        ]

    def get(self, request, *args, **kwargs):
        record = learner_record(self.person)
        history = Paginator(history_of(record), HISTORY_PER_PAGE)
        page = history.get_page(request.GET.get("p"))
        log(self.person, RECORD_VIEWED, user=request.user)
        return self.render_to_response(self.get_context_data(
            record=record, person=self.person, name=name_of(self.person), history=page,
            attempts=attempts_of(record.modules),
            elided_page_range=history.get_elided_page_range(page.number),
            erasure_refused=erasure_refusal(request.user, self.person),
        ))


class StaffErasureView(LearnerRecordAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """Erase someone's account on their behalf: what goes and what stays, a reason, and their
    email typed to confirm. A second submission finds the account already erased and says so."""

    template_name = "privacy/admin/erase_account.html"
    header_icon = "bin"
    page_title = "Erase this account"

    def dispatch(self, request, *args, **kwargs):
        if may_read_learner_records(request.user):
            self.person = get_object_or_404(User.objects.select_related("organisation"), pk=kwargs["pk"])
            if is_erased(self.person):
                messages.info(request, "This account has already been erased. There is nothing more to do.")
                return redirect("privacy_people")
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return name_of(self.person)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("privacy_people"), "label": "Learner records"},
            {"url": reverse("privacy_person", args=[self.person.pk]), "label": name_of(self.person)},
            {"url": "", "label": self.page_title},
        ]

    def refusal(self) -> str | None:
        refused = erasure_refusal(self.request.user, self.person)
        if refused:
            return refused
        try:
            check_can_erase(self.person, by=self.request.user)
        except ErasureRefused as error:
            return str(error)
        return None

    def render_page(self, form, refused, status=200):
        response = self.render_to_response(self.get_context_data(
            person=self.person, name=name_of(self.person), form=form, refused=refused,
            impact=None if refused else erasure_impact(self.person),
            record_url=reverse("privacy_person", args=[self.person.pk]),
        ))
        response.status_code = status
        return response

    def get(self, request, *args, **kwargs):
        # The confirmation shows who they are (name, email, organisation, records): a view of
        # their record, logged as one.
        log(self.person, RECORD_VIEWED, user=request.user)
        return self.render_page(StaffErasureForm(person=self.person), self.refusal())

    def refused_again(self, form, refused):
        """The confirmation shown again (who they are, with the problem): a view of their record."""
        log(self.person, RECORD_VIEWED, user=self.request.user)
        return self.render_page(form, refused, status=400)

    def post(self, request, *args, **kwargs):
        refused = self.refusal()
        form = StaffErasureForm(request.POST, person=self.person)
        if refused:
            return self.refused_again(form, refused)
        if not form.is_valid():
            return self.refused_again(form, None)
        with transaction.atomic():
            # Two submissions at once queue here; the second finds the account already erased.
            person = User.objects.select_for_update().get(pk=self.person.pk)
            if is_erased(person):
                messages.info(request, "This account has already been erased. There is nothing more to do.")
                return redirect("privacy_people")
            try:
                erase_account(person, reason=form.cleaned_data["reason"], by=request.user)
            except ErasureRefused as error:
                return self.render_page(form, str(error), status=400)
        # The search that found them may hold their name or email.
        request.session.pop(SEARCH_SESSION_KEY, None)
        messages.success(
            request,
            "The account is erased: its name, email, memberships, champion record and certificates are gone, "
            "and its learning is kept only in anonymous totals. The history keeps your reason.",
        )
        return redirect("privacy_people")
