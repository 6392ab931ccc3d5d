"""The profile page (naming an organisation asks to join it) and membership: leads answer
requests and remove members; people leave or ask again.

Coordinators do the same for any organisation in the Wagtail admin (admin_views.py).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail import hooks

from lms.organisations.admin_views import member_columns
from lms.organisations.forms import ProfileForm
from lms.organisations.models import Membership, MembershipError, Organisation
from lms.organisations.permissions import organisation_lead
from lms.organisations.services import (
    OrganisationError,
    ask_to_rejoin,
    confirm_membership,
    current_membership,
    decline_membership,
    find_or_propose_organisation,
    leave_organisation,
    remove_member,
    update_profile,
)
from lms.site.pagination import counted_page, page_links
from lms.site.people_search import people_matching
from lms.site.permissions import signed_in
from lms.site.redirects import safe_next

# Apps above this one add links to the "Your account" list of the profile page (personal data,
# for one) by registering a function under this hook: it takes the request and returns
# [(label, url), ...]. This app never names their URLs.
PROFILE_ACCOUNT_LINKS_HOOK = "profile_account_links"


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
    return render(request, "organisations/profile.html", {
        "form": form,
        "first_time": first_time,
        "organisation_names": Organisation.objects.listed().values_list("name", flat=True),
        "membership": current_membership(user),
        "next": safe_next(request, default=""),
        "account_links": [
            link for function in hooks.get_hooks(PROFILE_ACCOUNT_LINKS_HOOK) for link in function(request)
        ],
    })


# The members page shows one organisation at a time (the lead chooses which when they lead more
# than one), its requests to join first and its confirmed members 50 to a page, with a search by
# name or email over both. The queries are the same however many members: counts in one query,
# then one page of people, and the columns of the apps above for that page only.
MEMBERS_PER_PAGE = 50
REQUESTS_SHOWN = 50
SEARCH_MAX_LENGTH = 100



def members_url(organisation: Organisation | None = None, query: str = "") -> str:
    """The members page: on `organisation` when given, else with `query` (URL-encoded) if any."""
    if organisation is not None:
        query = urlencode({"organisation": organisation.pk})
    return reverse("organisation_members") + (f"?{query}" if query else "")


@organisation_lead
@require_GET
def organisation_members(request):
    """One organisation this person leads: its requests to join, then its confirmed members, 50 a page."""
    led = list(request.user.led_organisations.order_by("name"))
    wanted = request.GET.get("organisation", "")
    if wanted:
        # Only organisations this person leads: any other id is "not found", as if it did not exist.
        organisation = next((candidate for candidate in led if str(candidate.pk) == wanted), None)
        if organisation is None:
            raise Http404
    else:
        organisation = led[0]
    search = clean_search(request.GET.get("q"))
    match = people_matching(search, prefix="user__")
    # A request from an account since closed waits for nobody: it is not shown, nor counted. A
    # confirmed member whose account is closed stays, marked so, until the lead removes them.
    requested = Membership.WAITING
    confirmed = Q(status=Membership.Status.CONFIRMED)
    counts = organisation.memberships.aggregate(
        requests=Count("pk", filter=requested), members=Count("pk", filter=confirmed),
        requests_found=Count("pk", filter=requested & match), members_found=Count("pk", filter=confirmed & match),
    )
    found = organisation.memberships.filter(match).select_related("user")
    page = counted_page(
        found.filter(confirmed).order_by("user__full_name", "user__email", "pk"),
        counts["members_found"], request.GET.get("page"), MEMBERS_PER_PAGE,
    )
    members = list(page.object_list)
    # Requests to join come first, the people who asked first at the top, on the first page; later
    # pages say how many wait, with the way back to them.
    requests = (
        list(found.filter(requested).order_by("requested_at", "pk")[:REQUESTS_SHOWN]) if page.number == 1 else []
    )
    # Each confirmed member's training records (modules completed, current certificates), from
    # the apps above through the same hook as the coordinator's organisation page, for the people
    # on this page only: the lead sees them because they confirmed these people work there.
    columns = member_columns(request, organisation, [membership.user for membership in members])
    for membership in members:
        membership.records = [
            (column.heading, column.values.get(membership.user_id, column.default)) for column in columns
        ]
    several = len(led) > 1
    query = back_query({"q": search}, organisation if several else None)  # the page's address, less its page
    return render(request, "organisations/organisation_members.html", {
        "organisation": organisation,
        "organisations": led,
        "counts": counts,
        "search": search,
        "requests": requests,
        "members": members,
        "page": page,
        "page_items": page_links(page),
        "query": query,
        "back": back_query(request.GET, organisation if several else None),
        "first_page_url": members_url(query=query),
        "requests_shown": REQUESTS_SHOWN,
        "requests_waiting": counts["requests_found"] - len(requests),
        "per_page": MEMBERS_PER_PAGE,
        "panels": lead_page_panels(request),
    })


# Apps above this one (certificates, later champions and White Ribbon) add a section to the
# lead's members page by registering a function under this Wagtail hook: it takes the request
# and returns HTML (or None for nothing). This app never imports them.
LEAD_PAGE_PANELS_HOOK = "organisation_lead_page_panels"


def lead_page_panels(request) -> list[str]:
    return [html for panel in hooks.get_hooks(LEAD_PAGE_PANELS_HOOK) if (html := panel(request))]


def clean_search(text: str | None) -> str:
    """A search as typed, with spaces tidied, characters that cannot be typed (a NUL, which
    PostgreSQL refuses in text, other control characters) left out, and cut to its length."""
    printable = "".join(char if char.isprintable() else " " for char in text or "")
    return " ".join(printable.split())[:SEARCH_MAX_LENGTH]


def back_query(params, organisation: Organisation | None = None) -> str:
    """Where on the members page a lead was (their search and page, URL-encoded) from `params`,
    on `organisation` when they lead several: what answering a request or removing someone
    brings them back to. Only the page's own parameters, each checked, are kept."""
    kept = {"organisation": organisation.pk} if organisation is not None else {}
    search = clean_search(params.get("q"))
    if search:
        kept["q"] = search
    page = (params.get("page") or "").strip()
    if page.isdigit() and 1 < int(page) < 10_000:
        kept["page"] = page
    return urlencode(kept)


def _back_to_members(request, organisation: Organisation, anchor: str = ""):
    """The members page where the lead was (the `back` the page passed on: their search and
    page), on `organisation` when this lead leads more than one."""
    several = request.user.led_organisations.count() > 1
    back = QueryDict(request.POST.get("back") or request.GET.get("back") or "")
    return redirect(members_url(query=back_query(back, organisation if several else None)) + anchor)


def _decide(request, membership_id: int, decide, success: str, anchor: str = ""):
    # Only memberships of organisations this lead leads exist, as far as this lead can tell.
    membership = get_object_or_404(Membership.objects.led_by(request.user), pk=membership_id)
    if membership.user_id == request.user.pk:
        # Leads vouch for others; their own membership is a coordinator's to decide.
        messages.error(request, "You cannot answer your own request or remove yourself while you lead this "
                                "organisation. A coordinator can. Nothing was changed.")
        return _back_to_members(request, membership.organisation)
    try:
        with transaction.atomic():
            membership = decide(membership, by=request.user)
    except MembershipError as error:
        messages.error(request, f"{error} Nothing was changed.")
    else:
        messages.success(request, success.format(person=membership.user, organisation=membership.organisation))
    return _back_to_members(request, membership.organisation, anchor)


@organisation_lead
@require_POST
def membership_confirm(request, membership_id: int):
    return _decide(
        request, membership_id, confirm_membership,
        "{person} is confirmed as a member of {organisation}. You can now see their training records.",
        "#requests",
    )


# Declining and removing are checked first on a page of their own (GOV.UK's "Are you sure?"
# pattern): a stray click on the members page must not end someone's access. Confirming is
# one click, since it is what the person asked for and a lead can remove them afterwards.
ANSWERS = {
    "decline": {
        "status": Membership.Status.REQUESTED,
        "anchor": "#requests",
        "decide": decline_membership,
        "success": "You declined {person}'s request to join {organisation}. You will not see their training records.",
        "gone": "{person}'s request to join {organisation} has already been answered.",
    },
    "remove": {
        "status": Membership.Status.CONFIRMED,
        "anchor": "#confirmed-members",
        "decide": remove_member,
        "success": "{person} is no longer a member of {organisation}. You no longer see their training records.",
        "gone": "{person} is not a confirmed member of {organisation}, so there is nobody to remove.",
    },
}


def _check_then_decide(request, membership_id: int, answer: str):
    """GET: a page that names the person and what happens, with the button. POST: do it."""
    if request.method == "POST":
        return _decide(request, membership_id, ANSWERS[answer]["decide"], ANSWERS[answer]["success"],
                       ANSWERS[answer]["anchor"])
    membership = get_object_or_404(
        Membership.objects.led_by(request.user).select_related("user", "organisation"), pk=membership_id,
    )
    if membership.user_id == request.user.pk:
        messages.info(request, "You cannot remove yourself or decline your own request while you lead this "
                               "organisation. A coordinator can change who leads it.")
        return _back_to_members(request, membership.organisation)
    if membership.status != ANSWERS[answer]["status"]:
        messages.info(request, ANSWERS[answer]["gone"].format(
            person=membership.user, organisation=membership.organisation,
        ))
        return _back_to_members(request, membership.organisation)
    several = request.user.led_organisations.count() > 1
    back = back_query(QueryDict(request.GET.get("back") or ""), membership.organisation if several else None)
    return render(request, "organisations/membership_answer.html", {
        "membership": membership, "answer": answer, "back": back,
        "cancel_url": members_url(query=back) + ANSWERS[answer]["anchor"],
    })


@organisation_lead
@require_http_methods(["GET", "POST"])
def membership_decline(request, membership_id: int):
    return _check_then_decide(request, membership_id, "decline")


@organisation_lead
@require_http_methods(["GET", "POST"])
def membership_remove(request, membership_id: int):
    return _check_then_decide(request, membership_id, "remove")


@signed_in
@require_http_methods(["GET", "POST"])
def membership_leave(request):
    """Check, then leave: the organisation's leads stop seeing this person's training records."""
    membership = current_membership(request.user)
    if membership is None or not membership.is_open:
        messages.info(request, "You are not a member of an organisation, so there is nothing to leave.")
        return redirect("profile")
    if request.method == "POST":
        try:
            with transaction.atomic():
                leave_organisation(request.user)
        except MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                f"You have left “{membership.organisation.name}”. Its leads no longer see your training records.",
            )
        return redirect("profile")
    return render(request, "organisations/membership_leave.html", {"membership": membership})


@signed_in
@require_POST
def membership_ask_again(request):
    """Ask again to join the organisation on the profile, after leaving, removal or a decline."""
    try:
        with transaction.atomic():
            membership = ask_to_rejoin(request.user)
    except MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"You have asked to join “{membership.organisation.name}”. Once a lead there or a coordinator "
            "confirms it, they will see your training records.",
        )
    return redirect("profile")
