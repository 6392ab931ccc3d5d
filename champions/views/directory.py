"""The directory (find champions by where they work and what they know) and each champion's profile.

Every champion shown comes from champions.visibility.visible_to: a person who may not see a
champion gets the same "not found" as for an id that does not exist.
"""

from collections import defaultdict

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from champions.directory_filters import LISTS, Options, options_for, options_read_now
from champions.forms.directory import DirectoryFilterForm
from champions.models import Champion, SessionBooking
from champions.permissions import verified_professional
from champions.visibility import audience_of, is_coordinator, visible_to
from lms.site.pagination import page_links

PER_PAGE = 20
# What the page's query reads for a summary card (directory/card.html): names come from elsewhere
# (with_cards), and reading no more makes the query a third cheaper.
CARD_FIELDS = ("status", "tier_id", "organisation_id", "sector_id", "user__full_name")


def listed_champions(queryset):
    """Champions with everything their summary card shows, in a fixed number of queries."""
    return queryset.select_related("user", "tier", "organisation", "sector").prefetch_related(
        "districts", "specialisms", "languages",
    )


def list_items(champion_ids: list[int]) -> dict[tuple[int, str], set[str]]:
    """{(champion id, list name): ids of the items in that list} for the champions' lists
    (directory_filters.LISTS), in one query. Written as SQL: the ORM's union of the three took ten
    times as long to build as the database took to answer it."""
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(champion_ids))
    # Only names from the code (the lists' own, their tables' and columns') are written into the
    # SQL; the ids are parameters.
    sql = " UNION ALL ".join(
        f"SELECT {quote('champion_id')}, '{name}', {quote(column)} FROM {quote(table._meta.db_table)} "  # noqa: S608
        f"WHERE {quote('champion_id')} IN ({marks})"
        for name, (table, column) in LISTS.items()
    )
    held = defaultdict(set)
    with connection.cursor() as cursor:
        cursor.execute(sql, champion_ids * len(LISTS))
        for champion_id, name, item_id in cursor.fetchall():
            held[champion_id, name].add(str(item_id))
    return held


# The filters a card names by id: its own columns, then its lists.
CARD_COLUMNS = {"tier": "tier_id", "organisation": "organisation_id", "sector": "sector_id"}


def card_names(champion: Champion, held: dict, options: dict[str, Options]) -> dict[str, list[str]] | None:
    """{filter: names of what `champion` has}, escaped for HTML; None if one is not among the
    options (added since they were read)."""
    names = {name: options[name].names_of({str(getattr(champion, column))}) for name, column in CARD_COLUMNS.items()}
    names.update({name: options[name].names_of(held[champion.pk, name]) for name in LISTS})
    return None if None in names.values() else names


def with_cards(champions: list[Champion], options: dict[str, Options]) -> list[Champion]:
    """`champions`, each given `card`: what its summary card shows of its tier, organisation and
    sector and of its lists, as HTML. Names come from the filters' options (cached): the page's
    query joins no more tables than it must (PostgreSQL spent longer planning seven than running
    the query), and three prefetches cost as much as the rest of the search."""
    if not champions:
        return champions
    held = list_items([champion.pk for champion in champions])
    for champion in champions:
        names = card_names(champion, held, options)
        if names is None:  # something added since the options were read
            options = options_read_now()
            names = card_names(champion, held, options)
        champion.card = {
            name: mark_safe(", ".join(names[name]))  # noqa: S308 (names come escaped)
            for name in (*CARD_COLUMNS, "district", "specialism")
        }
        champion.card["languages"] = mark_safe(", ".join(["English", *names["language"]]))  # noqa: S308
    return champions


def own_champion(user) -> dict | None:
    """The status and organisation of `user`'s own champion record, if they have one; None for a
    coordinator, who sees every listed champion anyway (and whose audience needs no record)."""
    if is_coordinator(user):
        return None
    return Champion.objects.filter(user_id=user.pk).values("status", "organisation_id").first()


@verified_professional
@require_GET
def directory(request):
    """Champions this person may see, filtered and searched, 20 to a page."""
    own = own_champion(request.user)
    audience = audience_of(request.user, champion_status=own["status"] if own else "")
    visible = visible_to(request.user, audience=audience)
    own_listed = own is not None and own["status"] in Champion.LISTED
    options = options_for(audience, own_organisation_id=own["organisation_id"] if own_listed else None)
    form = DirectoryFilterForm(request.GET or None, options=options)
    if form.is_bound:
        form.is_valid()  # errors are shown; the usable filters still apply
    champions = form.apply(visible) if form.is_bound else visible
    champions = (
        champions.select_related("user").only(*CARD_FIELDS).order_by("user__full_name", "pk")
    )
    paginator = Paginator(champions, PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = with_cards(list(page.object_list), options)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "champions/directory/directory.html", {
        "form": form,
        "page": page,
        "page_items": page_links(page),
        "query": query.urlencode(),
        "total": paginator.count,
        "audience": audience,
    })


def coordinator_sections(champion: Champion) -> dict:
    """What only coordinators see on a profile: history, agreement, sessions attended, briefings."""
    briefings = list(champion.briefings.select_related("organisation", "district").prefetch_related("topics"))
    totals = champion.briefings.aggregate(count=Count("pk"), people=Sum("people_count"))
    return {
        "history": champion.history.select_related("by"),
        "sessions_attended": SessionBooking.objects.filter(champion=champion, attended=True)
        .select_related("session").order_by("-session__starts_at"),
        "briefings": briefings,
        "briefing_count": totals["count"] or 0,
        "people_briefed": totals["people"] or 0,
    }


def profile_context(champion: Champion, *, coordinator: bool, private_notes: bool | None = None) -> dict:
    # Coordinators' notes and reasons are for coordinators: the champion's own preview of the
    # coordinators' view leaves them out (`private_notes` False).
    private_notes = coordinator if private_notes is None else private_notes
    context = {"champion": champion, "coordinator_view": coordinator, "private_notes": private_notes}
    if coordinator:
        context.update(coordinator_sections(champion))
    return context


def profile_queryset(queryset):
    return listed_champions(queryset).select_related("manager_agreement_recorded_by")


@verified_professional
@require_GET
def profile(request, champion_id: int):
    """One champion's profile; coordinators also see where they stand and what they have done."""
    audience = audience_of(request.user)
    champion = get_object_or_404(profile_queryset(visible_to(request.user, audience=audience)), pk=champion_id)
    return render(request, "champions/directory/profile.html", {
        **profile_context(champion, coordinator=is_coordinator(request.user)),
        "is_self": champion.user_id == request.user.pk,
    })
