from django.contrib import messages
from django.db import connection, transaction
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from content.models import LearningPath, LessonPage, TrainingModulePage
from lms.certificates import state_label, today, verify_url
from lms.forms import ProfileForm
from lms.models import Certificate, ConfidenceRating, Membership, MembershipError, Organisation
from lms.permissions import public, signed_in
from lms.progress import LmsLearningEngine, ProgressError, acknowledge_warning, complete_lesson
from lms.redirects import safe_next
from lms.services import OrganisationError, current_membership, find_or_propose_organisation, update_profile


@signed_in
@require_http_methods(["GET", "POST"])
def profile(request):
    """The learner's profile: the name printed on certificates, sector, role, organisation, district."""
    user = request.user
    first_time = not user.has_complete_profile
    if request.method == "POST":
        form = ProfileForm(request.POST, user=user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    organisation = form.existing_organisation or find_or_propose_organisation(
                        name=data["organisation_name"], kind=data["organisation_kind"],
                        sector=data["sector"], district=data["district"], proposed_by=user,
                    )
                    update_profile(
                        user, full_name=data["full_name"], job_role=data["job_role"],
                        sector=data["sector"], district=data["district"], organisation=organisation,
                    )
            except OrganisationError as error:
                form.add_error("organisation_kind", str(error))
            except MembershipError as error:
                form.add_error("organisation_name", str(error))
            else:
                membership = current_membership(user)
                if organisation.status == Organisation.Status.PENDING:
                    messages.info(
                        request,
                        f"Your profile is saved. “{organisation.name}” is new to us: a coordinator "
                        "will check it, and you can carry on meanwhile.",
                    )
                elif membership is not None and membership.status == Membership.Status.REQUESTED:
                    messages.success(
                        request,
                        f"Your profile is saved. You have asked to join “{organisation.name}”: once a lead "
                        "there or a coordinator confirms it, they will see your training records.",
                    )
                else:
                    messages.success(request, "Your profile is saved.")
                return redirect(safe_next(request))
    else:
        form = ProfileForm(user=user, initial={
            "full_name": user.full_name,
            "job_role": user.job_role,
            "sector": user.sector_id,
            "district": user.district_id,
            "organisation_name": user.organisation.name if user.organisation else "",
        })
    return render(request, "lms/profile.html", {
        "form": form,
        "first_time": first_time,
        "organisation_names": Organisation.objects.listed().values_list("name", flat=True),
        "membership": current_membership(user),
        "next": safe_next(request, default=""),
    })


@public
@require_GET
def quick_exit(request):
    return render(request, "lms/quick_exit.html")


@public
@require_GET
def online_safety(request):
    return render(request, "lms/online_safety.html")


@public
@never_cache
@require_GET
def healthz(request):
    """Liveness and readiness: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@signed_in
@require_http_methods(["POST"])
def lesson_complete(request, lesson_id: int):
    """Mark complete and continue: record the lesson, then go to the next one or back to the module."""
    lesson = LessonPage.objects.filter(pk=lesson_id).first()
    if lesson is None:
        messages.error(request, "We could not find that lesson. Nothing was recorded.")
        return redirect("my_learning")
    try:
        with transaction.atomic():
            _completion, enrolment = complete_lesson(request.user, lesson)
    except ProgressError as error:
        messages.error(request, f"{error} Nothing was recorded.")
        return redirect("my_learning")
    module = lesson.module
    if enrolment is not None and enrolment.completed_at:
        messages.success(request, f"You have completed every lesson of “{module.title}”.")
        return redirect(module.url)
    progress = LmsLearningEngine().module_progress(request.user, [module])[module.pk]
    if progress["lessons_done"] and progress["quiz_url"] and not progress["quiz_passed"]:
        messages.success(request, "You have read every lesson. Take the quiz to complete the module.")
        return redirect(progress["quiz_url"])
    return redirect(progress["next_url"] or module.url)


@signed_in
@require_http_methods(["POST"])
def warning_acknowledge(request, lesson_id: int):
    """The learner read the content warning and chose to continue to the lesson."""
    lesson = LessonPage.objects.filter(pk=lesson_id).first()
    if lesson is None:
        messages.error(request, "We could not find that lesson.")
        return redirect("my_learning")
    try:
        with transaction.atomic():
            acknowledge_warning(request.user, lesson)
    except ProgressError as error:
        messages.error(request, str(error))
        return redirect("my_learning")
    return redirect(lesson.url)


@signed_in
@require_GET
def my_learning(request):
    """The learner's dashboard: modules in progress (with where to resume), completed, their path."""
    user = request.user
    enrolled = list(
        TrainingModulePage.objects.live().filter(enrolments__user=user).order_by("-enrolments__started_at")
    )
    path = LearningPath.for_sector(user.sector)
    path_modules = path.modules() if path else []
    progress = LmsLearningEngine().module_progress(user, enrolled + path_modules)
    in_progress = [m for m in enrolled if progress[m.pk]["status"] == "in_progress"]
    completed = [m for m in enrolled if progress[m.pk]["status"] == "completed"]
    confidence = {}
    for rating in ConfidenceRating.objects.filter(user=user, skipped=False):
        confidence.setdefault(rating.module_id, {})[rating.stage] = rating.average
    return render(request, "lms/my_learning.html", {
        "in_progress": in_progress,
        "completed": completed,
        "confidence": confidence,
        "certificates": [
            {"certificate": c, "state": c.state_on(today()), "label": state_label(c.state_on(today())),
             "share_url": verify_url(c.code)}
            for c in Certificate.objects.filter(user=user)
        ],
        "progress": progress,
        "learning_path": path,
        "path_entries": path.entries(progress) if path else [],
        "led_organisations": user.led_organisations.annotate(
            pending_count=Count("memberships", filter=Q(memberships__status=Membership.Status.REQUESTED)),
            member_count=Count("memberships", filter=Q(memberships__status=Membership.Status.CONFIRMED)),
        ).order_by("name"),
    })
