"""The moderators' screening of follow-up accounts in the admin: the queue (waiting, withheld or released),
one account to edit and release, and withholding one with a reason. Registered by wagtail_hooks.py.

Each view says who may use it (screening.may_screen) before anything else; the admin itself
already refused anyone without staff powers in this session (two-factor). Every page shows the
masked text only: never the text as written, the learner, their module or their answer.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.followup.forms import ReleaseForm, WithholdAccountForm
from lms.followup.models import AccountStatus, FollowUp
from lms.followup.screening import ScreeningError, awaiting, may_screen, release, withhold

PAGE_SIZE = 25
SHOWN = {"waiting": AccountStatus.WAITING, "withheld": AccountStatus.WITHHELD, "released": AccountStatus.RELEASED}


class ScreeningAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not may_screen(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [{"url": reverse("wagtailadmin_home"), "label": "Home"}]
        if self.page_title != ScreeningView.page_title:
            items.append({"url": reverse("follow_up_screening"), "label": ScreeningView.page_title})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def render_form(self, follow_up, form, status=200):
        """The account's page with its form (as posted, with its errors, on a refusal)."""
        response = self.render_to_response(self.get_context_data(follow_up=follow_up, form=form))
        response.status_code = status
        return response


class ScreeningView(ScreeningAdminView):
    """Accounts waiting for screening (or withheld), oldest first, each a link to screen it; or
    those released, newest release first, each of which can still be withheld."""

    template_name = "followup/admin/screening.html"
    page_title = "Screen follow-up accounts"

    def get_context_data(self, **kwargs):
        shown = self.request.GET.get("status", "waiting")
        if shown not in SHOWN:
            shown = "waiting"
        counts = dict.fromkeys(SHOWN, 0)
        by_status = dict(
            FollowUp.objects.filter(account_status__in=SHOWN.values())
            .values_list("account_status").annotate(n=Count("pk")).order_by()
        )
        for name, status in SHOWN.items():
            counts[name] = by_status.get(status, 0)
        page = Paginator(awaiting(SHOWN[shown]), PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(page=page, shown=shown, counts=counts, **kwargs)


def _follow_up(pk, *, lock=False) -> FollowUp:
    """The follow-up with something written (locked when deciding); "not found" for any other."""
    queryset = FollowUp.objects.exclude(account_status=AccountStatus.NONE)
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    follow_up = queryset.filter(pk=pk).first()
    if follow_up is None:
        raise Http404("No such account.")
    return follow_up


class ScreenView(ScreeningAdminView):
    """One account: its masked text in a box the moderator may edit, and release it (or go on to
    withhold it). A second click of release finds it released and changes nothing."""

    template_name = "followup/admin/screen.html"
    page_title = "Screen a follow-up account"

    def get(self, request, pk):
        follow_up = _follow_up(pk)
        return self.render_form(follow_up, ReleaseForm(initial={"text": follow_up.what_happened_masked}))

    def post(self, request, pk):
        form = ReleaseForm(request.POST)
        with transaction.atomic():
            follow_up = _follow_up(pk, lock=True)
            if follow_up.account_status == AccountStatus.RELEASED:
                messages.info(request, "That account was already released. Nothing was changed.")
                return redirect("follow_up_screening")
            if request.POST.get("seen") != follow_up.account_status:
                # Opened while it was waiting, and another moderator withheld it since (or the
                # other way round): their decision stands until this one reads it again.
                messages.error(request, (
                    f"Another moderator has changed this account since you opened it: it is now "
                    f"“{follow_up.get_account_status_display().lower()}”. Read it again before you decide. "
                    "Nothing was changed."
                ))
                return redirect("follow_up_screen", pk=follow_up.pk)
            if not form.is_valid():
                return self.render_form(follow_up, form, status=400)
            try:
                release(follow_up, request.user, form.cleaned_data["text"])
            except ScreeningError as error:
                messages.error(request, f"{error} Nothing was changed.")
                return redirect("follow_up_screening")
        messages.success(request, "Released to the training team.")
        return redirect("follow_up_screening")


class WithholdView(ScreeningAdminView):
    """Withhold one account from the training team after the moderator says why: a confirmation
    step that works without JavaScript. A second click finds it withheld and changes nothing."""

    template_name = "followup/admin/withhold.html"
    page_title = "Withhold a follow-up account"

    def not_now(self, follow_up):
        if follow_up.account_status == AccountStatus.WITHHELD:
            messages.info(self.request, "That account was already withheld. Nothing was changed.")
            return redirect(reverse("follow_up_screening") + "?status=withheld")
        messages.error(self.request, "That account cannot be withheld now. Nothing was changed.")
        return redirect("follow_up_screening")

    def list_url(self, follow_up) -> str:
        """The list the moderator came from: the released one for a released account."""
        if follow_up.account_status == AccountStatus.RELEASED:
            return reverse("follow_up_screening") + "?status=released"
        return reverse("follow_up_screening")

    def get_context_data(self, **kwargs):
        return super().get_context_data(cancel_url=self.list_url(kwargs["follow_up"]), **kwargs)

    def get(self, request, pk):
        follow_up = _follow_up(pk)
        if not follow_up.account_may_become(AccountStatus.WITHHELD):
            return self.not_now(follow_up)
        return self.render_form(follow_up, WithholdAccountForm())

    def post(self, request, pk):
        form = WithholdAccountForm(request.POST)
        with transaction.atomic():
            follow_up = _follow_up(pk, lock=True)
            if not follow_up.account_may_become(AccountStatus.WITHHELD):
                return self.not_now(follow_up)
            if not form.is_valid():
                return self.render_form(follow_up, form, status=400)
            back = self.list_url(follow_up)
            try:
                withhold(follow_up, request.user, form.cleaned_data["reason"])
            except ScreeningError as error:
                messages.error(request, f"{error} Nothing was changed.")
                return redirect(back)
        messages.success(request, "Withheld from the training team. It is now in the Withheld list.")
        return redirect(back)
