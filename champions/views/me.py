"""A champion's own pages: their profile and where they stand, a preview of it as each audience
sees it, pausing, resuming and withdrawing, and the senders they have blocked."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions import relay, services
from champions.forms.me import ChampionProfileForm
from champions.models import Champion, RelayBlock
from champions.permissions import champion_self
from champions.views.directory import profile_context, profile_queryset
from champions.visibility import AUDIENCES, visible_for_audience

S = Champion.Status
# A champion may edit their profile while it is in use or waiting; after a decline or a
# withdrawal they apply again instead.
EDITABLE = (S.APPLIED, S.MANAGER_AGREED, S.ACTIVE, S.REFRESHER_DUE, S.PAUSED, S.LAPSED)
AUDIENCE_NAMES = {
    Champion.Visibility.COORDINATORS: "Coordinators",
    Champion.Visibility.CHAMPIONS: "Other champions",
    Champion.Visibility.PROFESSIONALS: "Confirmed professionals",
}


@champion_self
@require_http_methods(["GET", "POST"])
def my_profile(request, champion):
    """Where the champion stands, their history, and the profile they can change."""
    editable = champion.status in EDITABLE
    form = None
    if editable:
        if request.method == "POST":
            with transaction.atomic():
                locked = Champion.objects.select_for_update().select_related("user", "organisation").get(
                    pk=champion.pk,
                )
                form = ChampionProfileForm(request.POST, instance=locked)
                if form.is_valid():
                    form.save()
                    messages.success(request, "Your champion profile is saved.")
                    return redirect("champion_my_profile")
        else:
            form = ChampionProfileForm(instance=champion)
    elif request.method == "POST":
        messages.error(request, "Your profile cannot be changed while your application is "
                                f"“{champion.get_status_display().lower()}”. Nothing was changed.")
        return redirect("champion_my_profile")
    return render(request, "champions/me/profile.html", {
        "champion": champion,
        "form": form,
        "history": champion.history.select_related("by"),
        "can_pause": S.PAUSED in services.TRANSITIONS.get(champion.status, ()),
        "can_resume": champion.status == S.PAUSED,
        "can_withdraw": S.WITHDRAWN in services.TRANSITIONS.get(champion.status, ()),
        "audience_names": AUDIENCE_NAMES,
    })


@champion_self
@require_GET
def preview(request, champion):
    """The champion's profile exactly as one audience sees it, or that it cannot see it."""
    audience = request.GET.get("as")
    if audience not in AUDIENCES:
        audience = champion.visibility  # the audience they chose, to begin with
    shown = visible_for_audience(audience, profile_queryset(Champion.objects.filter(pk=champion.pk))).first()
    context = {
        "champion": champion,
        "audience": audience,
        "audience_name": AUDIENCE_NAMES[audience],
        "audiences": [(value, AUDIENCE_NAMES[value]) for value in AUDIENCES],
        "shown": shown,
    }
    if shown is not None:
        context.update(profile_context(
            shown, coordinator=audience == Champion.Visibility.COORDINATORS, private_notes=False,
        ))
    return render(request, "champions/me/preview.html", context)


CHANGES = {
    "pause": {
        "allowed": lambda champion: S.PAUSED in services.TRANSITIONS.get(champion.status, ()),
        "change": lambda champion, by: services.pause(champion, by=by, reason="Paused by the champion."),
        "done": "Your profile is paused: it is hidden from the directory and nobody can write to you through it. "
                "You are still a champion. Resume when you are ready.",
        "not_now": "Only an active champion can pause.",
    },
    "resume": {
        "allowed": lambda champion: champion.status == S.PAUSED,
        "change": lambda champion, by: services.resume(champion, by=by),
        "done": "Welcome back. Your profile is in the directory again.",
        "not_now": "Your profile is not paused, so there is nothing to resume.",
    },
    "withdraw": {
        "allowed": lambda champion: S.WITHDRAWN in services.TRANSITIONS.get(champion.status, ()),
        "change": lambda champion, by: services.withdraw(champion, by=by, reason="Withdrawn by the champion."),
        "done": "You have stepped down as a champion. Thank you for what you did. Your profile is no longer in "
                "the directory.",
        "not_now": "There is nothing to withdraw from.",
    },
}


def _check_then_change(request, champion, change: str):
    """GET: what will happen, and the button. POST: make the change through the service."""
    rule = CHANGES[change]
    if request.method == "POST":
        try:
            with transaction.atomic():
                champion = rule["change"](champion, request.user)
        except services.ChampionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, rule["done"])
        return redirect("champion_my_profile")
    if not rule["allowed"](champion):
        messages.info(request, rule["not_now"])
        return redirect("champion_my_profile")
    return render(request, f"champions/me/{change}.html", {"champion": champion})


@champion_self
@require_http_methods(["GET", "POST"])
def pause(request, champion):
    return _check_then_change(request, champion, "pause")


@champion_self
@require_http_methods(["GET", "POST"])
def resume(request, champion):
    return _check_then_change(request, champion, "resume")


@champion_self
@require_http_methods(["GET", "POST"])
def withdraw(request, champion):
    return _check_then_change(request, champion, "withdraw")


@champion_self
@require_GET
def blocks(request, champion):
    """The senders this champion no longer receives relay messages from."""
    return render(request, "champions/me/blocks.html", {
        "champion": champion,
        "blocks": RelayBlock.objects.filter(champion=champion).select_related("sender__organisation")
        .order_by("-created_at", "-pk"),
    })


@champion_self
@require_POST
def unblock(request, champion, block_id: int):
    lifted = relay.unblock(champion, block_id)
    if lifted is None:
        messages.info(request, "That block had already been lifted.")
    else:
        messages.success(
            request, f"{lifted.sender.full_name or 'This person'} can write to you through the network again.",
        )
    return redirect("champion_blocks")


@champion_self
@require_http_methods(["GET", "POST"])
def block_new(request, champion, token: str):
    """The link in a relay email: check, then block the sender it names."""
    sender = relay.sender_for_block_token(champion, token)
    if sender is None:
        raise Http404
    name = sender.full_name or "This person"
    if request.method == "POST":
        _, created = relay.block(champion, sender)
        if created:
            messages.success(request, f"{name} can no longer write to you through the network.")
        else:
            messages.info(request, f"You had already blocked {name}.")
        return redirect("champion_blocks")
    if relay.is_blocked(champion, sender):
        messages.info(request, f"You have already blocked {name}.")
        return redirect("champion_blocks")
    return render(request, "champions/me/block_new.html", {"champion": champion, "sender": sender})
