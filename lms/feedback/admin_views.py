"""Lesson feedback in the admin: the moderators' screening queue, the co-production panel's
page, and marking a comment as considered. Registered by wagtail_hooks.py.

Each view says who may use it (lms/feedback/permissions.py) before anything else; the admin
itself already refused anyone without staff powers in this session (two-factor).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.feedback.forms import ConsiderForm, PanelFilterForm, WithholdForm
from lms.feedback.models import FeedbackStatus, LessonFeedback
from lms.feedback.permissions import may_mark_considered, may_read_panel_feedback, may_screen, may_see_original
from lms.feedback.services import FeedbackError, mark_considered, release, release_many, withhold
from lms.feedback.summary import by_module, lesson_counts

PAGE_SIZE = 25


def _page(request, queryset):
    """One page of `queryset`; a page number that is not one shows the first (or last) page."""
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


class FeedbackAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "comment"

    def may_use(self, user) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.may_use(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, {"url": "", "label": self.get_page_title()}]


class ScreeningView(FeedbackAdminView):
    """Comments awaiting screening, masked; release or withhold each, or release several at once.
    Administrators also see each comment as written and who wrote it (for abuse of the form)."""

    template_name = "feedback/admin/screening.html"
    page_title = "Screen lesson feedback"
    SHOWN = {"awaiting": FeedbackStatus.AWAITING_SCREENING, "withheld": FeedbackStatus.WITHHELD}

    def may_use(self, user):
        return may_screen(user)

    def get_context_data(self, **kwargs):
        shown = self.request.GET.get("status", "awaiting")
        if shown not in self.SHOWN:
            shown = "awaiting"
        queryset = (
            LessonFeedback.objects.filter(status=self.SHOWN[shown])
            .select_related("lesson", "module", "screened_by")
            .order_by("created_at", "id")
        )
        originals = may_see_original(self.request.user)
        if originals:
            queryset = queryset.select_related("user")
        counts = dict.fromkeys(self.SHOWN, 0)
        for status, count in _status_counts():
            for name, value in self.SHOWN.items():
                if value == status:
                    counts[name] = count
        return super().get_context_data(
            page=_page(self.request, queryset), shown=shown, show_originals=originals, counts=counts, **kwargs,
        )

    def post(self, request, *args, **kwargs):
        back = reverse("feedback_screening") + ("?status=withheld" if request.GET.get("status") == "withheld" else "")
        decision = next((name for name in ("release", "withhold") if name in request.POST), None)
        try:
            with transaction.atomic():
                if decision is not None:
                    feedback = _feedback_from(request.POST.get(decision))
                    if feedback is None:
                        messages.error(request, "That feedback no longer exists. Nothing was changed.")
                        return redirect(back)
                    if decision == "withhold":  # asks why first (WithholdView)
                        return redirect("feedback_withhold", pk=feedback.pk)
                    release(feedback, request.user)
                    messages.success(request, f"Released to the panel: feedback on “{feedback.lesson.title}”.")
                elif "release_selected" in request.POST:
                    ids = [value for value in request.POST.getlist("selected") if _as_id(value) is not None]
                    if not ids:
                        messages.error(request, "Select the feedback to release. Nothing was changed.")
                        return redirect(back)
                    released, skipped = release_many(ids, request.user)
                    text = f"Released to the panel: {released} comment{'s' if released != 1 else ''}."
                    if skipped:
                        text += f" {skipped} had already been screened or no longer exist, and were left as they were."
                    messages.success(request, text)
                else:
                    messages.error(request, "Choose release or withhold. Nothing was changed.")
        except FeedbackError as error:
            messages.error(request, f"{error} Nothing was changed.")
        return redirect(back)


def _as_id(value) -> int | None:
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def _feedback_from(value) -> LessonFeedback | None:
    pk = _as_id(value)
    if pk is None:
        return None
    return LessonFeedback.objects.select_for_update().select_related("lesson").filter(pk=pk).first()


def _status_counts():
    from django.db.models import Count

    return LessonFeedback.objects.values_list("status").annotate(n=Count("id")).order_by()


class PanelFeedbackView(FeedbackAdminView):
    """The co-production panel's page: released feedback per module and lesson (counts of each
    answer, counted in the database) and the released comments, masked, to consider."""

    template_name = "feedback/admin/panel.html"
    page_title = "Lesson feedback"

    def may_use(self, user):
        return may_read_panel_feedback(user)

    def get_context_data(self, **kwargs):
        form = PanelFilterForm(self.request.GET or None)
        valid = not form.is_bound or form.is_valid()
        cleaned = form.cleaned_data if form.is_bound and valid else {}
        module = cleaned.get("module")
        show = cleaned.get("show") or ""
        counts = lesson_counts(module_id=module.pk if module else None) if valid else []
        comments = LessonFeedback.objects.for_panel().exclude(masked_comment="").select_related("lesson", "module")
        if module is not None:
            comments = comments.filter(module=module)
        if show == "considered":
            comments = comments.filter(status=FeedbackStatus.CONSIDERED)
        elif show != "all":
            comments = comments.filter(status=FeedbackStatus.RELEASED)
        comments = comments.order_by("module__title", "lesson__path", "created_at", "id")
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            form=form, valid=valid, modules=by_module(counts), page=_page(self.request, comments) if valid else None,
            show=show, may_consider=may_mark_considered(self.request.user), may_screen=may_screen(self.request.user),
            query=query.urlencode(),
            answers=["Yes", "Partly", "No"], **kwargs,
        )


class ConsiderView(FeedbackAdminView):
    """Mark one released comment as considered, with an optional note for editors."""

    template_name = "feedback/admin/consider.html"
    page_title = "Mark feedback as considered"

    def may_use(self, user):
        return may_mark_considered(user)

    def get_feedback(self, pk, *, lock=False) -> LessonFeedback:
        queryset = LessonFeedback.objects.for_panel().select_related("lesson", "module")
        if lock:
            queryset = queryset.select_for_update()
        feedback = queryset.filter(pk=pk).first()
        if feedback is None:  # not released: the panel does not learn that it exists
            raise Http404("No such feedback.")
        return feedback

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("feedback_panel"), "label": "Lesson feedback"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, pk):
        feedback = self.get_feedback(pk)
        return self.render_to_response(self.get_context_data(feedback=feedback, form=ConsiderForm()))

    def post(self, request, pk):
        form = ConsiderForm(request.POST)
        with transaction.atomic():
            feedback = self.get_feedback(pk, lock=True)
            if feedback.status == FeedbackStatus.CONSIDERED:
                messages.info(request, f"Feedback on “{feedback.lesson.title}” was already marked as considered.")
                return redirect("feedback_panel")
            if not form.is_valid():
                response = self.render_to_response(self.get_context_data(feedback=feedback, form=form))
                response.status_code = 400
                return response
            try:
                mark_considered(feedback, request.user, form.cleaned_data["note"])
            except FeedbackError as error:
                messages.error(request, f"{error} Nothing was changed.")
                return redirect("feedback_panel")
        messages.success(request, f"Marked as considered: feedback on “{feedback.lesson.title}”.")
        return redirect(reverse("feedback_panel") + f"?module={feedback.module_id}")


class WithholdView(FeedbackAdminView):
    """Withhold one comment from the panel (awaiting screening, or released and not yet
    considered), after the moderator says why: a confirmation step that works without JavaScript."""

    template_name = "feedback/admin/withhold.html"
    page_title = "Withhold feedback from the panel"

    def may_use(self, user):
        return may_screen(user)

    def back(self) -> str:
        if self.request.GET.get("from") == "panel":
            return reverse("feedback_panel")
        return reverse("feedback_screening")

    def get_feedback(self, pk, *, lock=False) -> LessonFeedback:
        queryset = LessonFeedback.objects.select_related("lesson", "module")
        if lock:
            queryset = queryset.select_for_update(of=("self",))
        feedback = queryset.filter(pk=pk).first()
        if feedback is None:
            raise Http404("No such feedback.")
        return feedback

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("feedback_screening"), "label": "Screen lesson feedback"},
            {"url": "", "label": self.get_page_title()},
        ]

    def not_now(self, feedback):
        """Already withheld (a second click) or past withholding: say so and go back."""
        title = feedback.lesson.title
        if feedback.status == FeedbackStatus.WITHHELD:
            messages.info(self.request, f"Feedback on “{title}” was already withheld.")
            return redirect(reverse("feedback_screening") + "?status=withheld")
        messages.error(
            self.request,
            f"Feedback on “{title}” is “{feedback.get_status_display().lower()}” and cannot be withheld now. "
            "Nothing was changed.",
        )
        return redirect(self.back())

    def get(self, request, pk):
        feedback = self.get_feedback(pk)
        if not feedback.may_become(FeedbackStatus.WITHHELD):
            return self.not_now(feedback)
        return self.render_to_response(self.get_context_data(feedback=feedback, form=WithholdForm(), back=self.back()))

    def post(self, request, pk):
        form = WithholdForm(request.POST)
        with transaction.atomic():
            feedback = self.get_feedback(pk, lock=True)
            if not feedback.may_become(FeedbackStatus.WITHHELD):
                return self.not_now(feedback)
            if not form.is_valid():
                context = self.get_context_data(feedback=feedback, form=form, back=self.back())
                response = self.render_to_response(context)
                response.status_code = 400
                return response
            try:
                withhold(feedback, request.user, form.cleaned_data["reason"])
            except FeedbackError as error:
                messages.error(request, f"{error} Nothing was changed.")
                return redirect(self.back())
        messages.success(request, f"Withheld from the panel: feedback on “{feedback.lesson.title}”.")
        return redirect(self.back())
