"""The organisation leads' area (/organisations/): a card per organisation they lead, with its
White Ribbon accreditation; each organisation's plan, its actions, their progress and evidence.

Every view is for leads only (`organisation_lead`); one about an organisation is given it by
`lead_of_organisation`, so another organisation's plan, actions and evidence are "not found".
Changes are posts (CSRF, then a redirect), logged in Wagtail's history, and refused with a
message once the cycle has closed. Sending the same thing twice within a minute (a double
click, a resent form) records it once.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict

from django.contrib import messages
from django.db.models import Max
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail import hooks

from champions.whiteribbon.evidence import evidence_response, upload_too_large
from champions.whiteribbon.forms import ActionItemForm, ActionUpdateForm, EvidenceForm, year_span
from champions.whiteribbon.models import (
    ACCREDITATION_YEARS,
    AccreditationCycle,
    ActionItem,
    Criterion,
    Evidence,
    WhiteRibbonPerson,
)
from champions.whiteribbon.permissions import lead_of_organisation, led_organisations
from champions.whiteribbon.plans import (
    CLOSED_MESSAGE,
    add_action_item,
    add_evidence,
    change_action_item,
    record_update,
    remove_evidence,
)
from champions.whiteribbon.services import AccreditationError, notice_months, renewal_due_from, training_figures
from lms.accounts.models import User
from lms.organisations.models import Organisation
from lms.organisations.permissions import organisation_lead

S = AccreditationCycle.Stage

# Each stage and status has its words on the tag; the colour only repeats them.
STAGE_TAGS = {
    S.INTERESTED: "govuk-tag--grey", S.COMMITTED: "govuk-tag--light-blue", S.PREPARING: "govuk-tag--blue",
    S.SUBMITTED: "govuk-tag--purple", S.ACCREDITED: "govuk-tag--green", S.RENEWAL_DUE: "govuk-tag--orange",
    S.REACCREDITED: "govuk-tag--green", S.LAPSED: "govuk-tag--red", S.WITHDRAWN: "govuk-tag--grey",
}
STATUS_TAGS = {
    ActionItem.Status.GREEN: "govuk-tag--green", ActionItem.Status.AMBER: "govuk-tag--yellow",
    ActionItem.Status.RED: "govuk-tag--red", ActionItem.Status.DONE: "govuk-tag--blue",
}


# What the pages show ---------------------------------------------------------------------------


def current_cycles(organisations) -> dict[int, AccreditationCycle]:
    """Each organisation's open cycle or, with none open, its most recent one: one query."""
    chosen: dict[int, AccreditationCycle] = {}
    for cycle in AccreditationCycle.objects.filter(organisation__in=organisations).order_by("-started_on", "-id"):
        held = chosen.get(cycle.organisation_id)
        if held is None or (cycle.is_open and not held.is_open):
            chosen[cycle.organisation_id] = cycle
    return chosen


def _describe(cycle: AccreditationCycle | None, months: int) -> AccreditationCycle | None:
    if cycle is not None:
        cycle.stage_tag = STAGE_TAGS[cycle.stage]
        cycle.renewal_due_on = (
            renewal_due_from(cycle.expires_on, months)
            if cycle.expires_on and cycle.stage in AccreditationCycle.HOLDS_ACCREDITATION else None
        )
    return cycle


# Apps above this one (the leads' training reports) add links to each organisation's card by
# registering a function under this Wagtail hook: it takes the request and the organisation and
# returns (text, address), or None for no link. This app never imports them.
LEAD_CARD_LINKS_HOOK = "organisation_lead_card_links"


def card_links(request, organisation: Organisation) -> list[tuple[str, str]]:
    return [link for function in hooks.get_hooks(LEAD_CARD_LINKS_HOOK) if (link := function(request, organisation))]


@organisation_lead
@require_GET
def organisations_home(request):
    """A card for each organisation the person leads: who it is, where it stands with White
    Ribbon, and how its action plan is going. Four queries, however many organisations."""
    today = timezone.localdate()
    organisations = list(led_organisations(request.user).order_by("name"))
    cycles = current_cycles(organisations)
    counts: dict[int, Counter] = defaultdict(Counter)
    for cycle_id, status, due_on in ActionItem.objects.filter(
        cycle__in=[cycle.pk for cycle in cycles.values()],
    ).values_list("cycle", "status", "due_on"):
        counts[cycle_id][status] += 1
        if status != ActionItem.Status.DONE and due_on < today:
            counts[cycle_id]["overdue"] += 1
    months = notice_months() if any(cycle.expires_on for cycle in cycles.values()) else None
    cards = []
    for organisation in organisations:
        cycle = _describe(cycles.get(organisation.pk), months)
        tally = counts[cycle.pk] if cycle else Counter()
        cards.append({
            "organisation": organisation,
            "cycle": cycle,
            "overdue": tally["overdue"] if cycle and cycle.is_open else 0,
            "statuses": [(label, tally[value], STATUS_TAGS[value]) for value, label in ActionItem.Status.choices],
            "items": sum(tally[value] for value in ActionItem.Status.values),
            "links": card_links(request, organisation),
        })
    return render(request, "champions/whiteribbon/lead/home.html", {"cards": cards})


def _by_name(person: User | None) -> str:
    """Who made a change, by name only: a coordinator's email address is never shown here."""
    return person.full_name if person is not None else ""


def _annotate_items(items: list[ActionItem], cycle: AccreditationCycle, today: datetime.date) -> None:
    for item in items:
        item.cycle = cycle  # the one already read: no query per item
    figures = training_figures(items, today)
    for item in items:
        item.overdue = cycle.is_open and item.is_overdue(today)
        item.status_tag = STATUS_TAGS[item.status]
        item.training = figures.get(item.pk)


@lead_of_organisation
@require_GET
def plan(request, organisation: Organisation):
    """The organisation's White Ribbon cycle (the open one, or the last one read-only), its stage
    history, its action plan by year and criterion with live training figures, and its White
    Ribbon ambassadors and champions. The same number of queries however many actions."""
    today = timezone.localdate()
    cycle = current_cycles([organisation]).get(organisation.pk)
    people = list(
        WhiteRibbonPerson.objects.filter(organisation=organisation, ended_on__isnull=True).order_by("role", "name")
    )
    context = {
        "organisation": organisation, "cycle": cycle, "today": today,
        "ambassadors": [p for p in people if p.role == WhiteRibbonPerson.Role.AMBASSADOR],
        "white_ribbon_champions": [p for p in people if p.role == WhiteRibbonPerson.Role.CHAMPION],
    }
    if cycle is None:
        return render(request, "champions/whiteribbon/lead/plan.html", context)
    _describe(cycle, notice_months() if cycle.expires_on else None)
    changes = list(cycle.stage_changes.select_related("by"))
    for change in changes:
        change.by_name = _by_name(change.by)
    items = list(
        cycle.action_items.select_related("module").prefetch_related("evidence")
        .annotate(last_update_at=Max("updates__written_at"))
    )
    _annotate_items(items, cycle, today)
    years = []
    for year in range(1, ACCREDITATION_YEARS + 1):
        in_year = [item for item in items if item.year == year]
        criteria = [(label, [item for item in in_year if item.criterion == value])
                    for value, label in Criterion.choices]
        years.append({
            "year": year,
            "span": year_span(cycle, year) if cycle.approved_on else None,
            "criteria": [(label, entries) for label, entries in criteria if entries],
            "without": [label for label, entries in criteria if not entries],
            "count": len(in_year),
        })
    context.update({
        "changes": changes,
        "years": years,
        "item_count": len(items),
        "overdue_count": sum(1 for item in items if item.overdue),
        "editable": cycle.is_open,
    })
    return render(request, "champions/whiteribbon/lead/plan.html", context)


def _item_of(organisation: Organisation, item_id: int) -> ActionItem:
    return get_object_or_404(
        ActionItem.objects.filter(cycle__organisation=organisation).select_related("cycle", "module"), pk=item_id,
    )


def _plan_url(organisation: Organisation) -> str:
    return reverse("whiteribbon_plan", args=[organisation.pk])


def _item_url(item: ActionItem) -> str:
    return reverse("whiteribbon_item", args=[item.cycle.organisation_id, item.pk])


def _closed(request, organisation: Organisation, item: ActionItem | None = None):
    """The cycle has closed: its plan is read-only."""
    message = CLOSED_MESSAGE if request.method == "POST" else CLOSED_MESSAGE.replace(" Nothing was changed.", "")
    messages.info(request, message)
    return redirect(_item_url(item) if item else _plan_url(organisation))


def _item_page(request, organisation: Organisation, item: ActionItem, update_form=None, status=200):
    today = timezone.localdate()
    _annotate_items([item], item.cycle, today)
    updates = list(item.updates.select_related("by"))
    for update in updates:
        update.by_name = _by_name(update.by)
        update.status_tag = STATUS_TAGS[update.status]
    editable = item.cycle.is_open
    return render(request, "champions/whiteribbon/lead/item.html", {
        "organisation": organisation, "item": item, "cycle": item.cycle, "updates": updates,
        "evidence": list(item.evidence.all()), "editable": editable,
        "form": update_form if update_form is not None else (
            ActionUpdateForm(initial={"status": item.status}) if editable else None
        ),
    }, status=status)


@lead_of_organisation
@require_GET
def item(request, item_id: int, organisation: Organisation):
    """One action: what, who, when, where it stands, its progress updates (newest first) and its
    evidence, with the forms to add to them while the cycle is open."""
    return _item_page(request, organisation, _item_of(organisation, item_id))


def _render_item_form(request, organisation, form, item=None):
    return render(request, "champions/whiteribbon/lead/item_form.html", {
        "organisation": organisation, "form": form, "item": item, "cycle": form.cycle,
    })


@lead_of_organisation
@require_http_methods(["GET", "POST"])
def item_add(request, organisation: Organisation):
    """Add an action to the open cycle's plan."""
    cycle = AccreditationCycle.objects.open().filter(organisation=organisation).first()
    if cycle is None:
        messages.info(request, f"{organisation.name} has no White Ribbon cycle under way, so there is no plan to add "
                               "to. The partnership’s coordinators start one when your organisation commits.")
        return redirect(_plan_url(organisation))
    if request.method == "POST":
        form = ActionItemForm(request.POST, cycle=cycle)
        if form.is_valid():
            try:
                item, created = add_action_item(cycle, form.details(), by=request.user)
            except AccreditationError as error:
                messages.error(request, str(error))
                return redirect(_plan_url(organisation))
            if created:
                messages.success(request, f"“{item.title}” is added to the plan for year {item.year}.")
            else:
                messages.info(request, f"“{item.title}” was already added, so it was not added again.")
            return redirect(_item_url(item))
    else:
        form = ActionItemForm(cycle=cycle, initial={"year": request.GET.get("year") or None})
    return _render_item_form(request, organisation, form)


@lead_of_organisation
@require_http_methods(["GET", "POST"])
def item_edit(request, item_id: int, organisation: Organisation):
    """Change an action: its fields and its RAG status."""
    action = _item_of(organisation, item_id)
    if not action.cycle.is_open:
        return _closed(request, organisation, action)
    if request.method == "POST":
        form = ActionItemForm(request.POST, cycle=action.cycle, with_status=True, current_module_id=action.module_id)
        if form.is_valid():
            try:
                changed = change_action_item(action, form.details(), by=request.user)
            except AccreditationError as error:
                messages.error(request, str(error))
                return redirect(_item_url(action))
            if changed:
                messages.success(request, f"“{form.cleaned_data['title']}” is saved.")
            else:
                messages.info(request, "You did not change anything, so nothing was saved.")
            return redirect(_item_url(action))
    else:
        form = ActionItemForm(cycle=action.cycle, with_status=True, current_module_id=action.module_id,
                              initial=ActionItemForm.initial_for(action))
    return _render_item_form(request, organisation, form, item=action)


@lead_of_organisation
@require_POST
def update_add(request, item_id: int, organisation: Organisation):
    """Record progress on an action (from the form on its page)."""
    action = _item_of(organisation, item_id)
    if not action.cycle.is_open:
        return _closed(request, organisation, action)
    form = ActionUpdateForm(request.POST)
    if not form.is_valid():
        return _item_page(request, organisation, action, update_form=form)
    try:
        update, created = record_update(action, text=form.cleaned_data["text"], status=form.cleaned_data["status"],
                                        by=request.user)
    except AccreditationError as error:
        messages.error(request, str(error))
    else:
        if created:
            messages.success(request, f"Your update is recorded. The action is now “{update.get_status_display()}”.")
        else:
            messages.info(request, "That update was already recorded, so it was not added again.")
    return redirect(_item_url(action))


@lead_of_organisation
@require_http_methods(["GET", "POST"])
def evidence_add(request, item_id: int, organisation: Organisation):
    """Add a link or a document as evidence for an action."""
    action = _item_of(organisation, item_id)
    if not action.cycle.is_open:
        return _closed(request, organisation, action)
    if request.method == "POST" and (too_large := upload_too_large(request)):
        messages.error(request, too_large)
        return redirect(request.path)
    if request.method == "POST":
        form = EvidenceForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                evidence, created = add_evidence(action, title=data["title"], link=data["link"],
                                                 upload=data["document"], kind=form.kind, by=request.user)
            except AccreditationError as error:
                messages.error(request, str(error))
            else:
                if created:
                    messages.success(request, f"“{evidence.title}” is added as evidence.")
                else:
                    messages.info(request, f"“{evidence.title}” was already added, so it was not added again.")
            return redirect(_item_url(action))
    else:
        form = EvidenceForm()
    return render(request, "champions/whiteribbon/lead/evidence_form.html", {
        "organisation": organisation, "item": action, "form": form,
    })


def _evidence_of(item: ActionItem, evidence_id: int) -> Evidence:
    return get_object_or_404(Evidence.objects.filter(item=item), pk=evidence_id)


@lead_of_organisation
@require_GET
def evidence_download(request, item_id: int, evidence_id: int, organisation: Organisation):
    """A document given as evidence, as a private download, to the organisation's leads only."""
    evidence = _evidence_of(_item_of(organisation, item_id), evidence_id)
    if not evidence.document:
        raise Http404
    try:
        return evidence_response(evidence)
    except FileNotFoundError:
        raise Http404 from None


@lead_of_organisation
@require_http_methods(["GET", "POST"])
def evidence_remove(request, item_id: int, evidence_id: int, organisation: Organisation):
    """Check, then remove a piece of evidence (and its stored file)."""
    action = _item_of(organisation, item_id)
    if request.method == "POST":
        evidence = Evidence.objects.filter(item=action, pk=evidence_id).first()
        if evidence is None:  # the button pressed twice: the first press removed it
            messages.info(request, "That evidence was already removed.")
            return redirect(_item_url(action))
    else:
        evidence = _evidence_of(action, evidence_id)
    if not action.cycle.is_open:
        return _closed(request, organisation, action)
    if request.method == "POST":
        try:
            removed = remove_evidence(evidence, by=request.user)
        except AccreditationError as error:
            messages.error(request, str(error))
        else:
            if removed:
                messages.success(request, f"“{evidence.title}” is removed from the evidence for “{action.title}”.")
            else:
                messages.info(request, "That evidence was already removed.")
        return redirect(_item_url(action))
    return render(request, "champions/whiteribbon/lead/evidence_remove.html", {
        "organisation": organisation, "item": action, "evidence": evidence,
    })
