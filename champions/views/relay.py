"""Writing to a champion through the relay: the champion's email address is never on the page."""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from champions import relay
from champions.forms.relay import RelayForm
from champions.permissions import verified_professional
from champions.views.directory import listed_champions
from champions.visibility import visible_to


@verified_professional
@require_http_methods(["GET", "POST"])
def contact(request, champion_id: int):
    """The relay form; on sending, the message is emailed to the champion and only its sending logged."""
    champion = get_object_or_404(listed_champions(visible_to(request.user)), pk=champion_id)
    sender = request.user
    problem = relay.refusal(champion, sender)
    if champion.user_id == sender.pk:
        messages.info(request, problem)
        return redirect("champion_profile", champion.pk)
    form = None
    if problem is None:
        if request.method == "POST":
            form = RelayForm(request.POST)
            if form.is_valid():
                claimed = relay.claim_form_token(form.cleaned_data["form_token"])
                if claimed is False:
                    messages.info(request, f"Your message to {champion.user.full_name} has already been sent.")
                    return redirect("champion_profile", champion.pk)
                if claimed is None:
                    form.add_error(None, "This form was open too long to send. Check your message, then send it again.")
                else:
                    try:
                        with transaction.atomic():
                            relay.send(
                                champion, sender, message=form.cleaned_data["message"],
                                reply_to=form.cleaned_data["reply_to"],
                            )
                    except relay.RelayError as error:
                        problem = str(error)
                        form = None
                    else:
                        messages.success(
                            request,
                            f"Your message has been sent to {champion.user.full_name}. Their reply will go to "
                            f"{form.cleaned_data['reply_to']}.",
                        )
                        return redirect("champion_profile", champion.pk)
            if form is not None:
                # A fresh key, so the corrected form can be sent.
                form.data = form.data.copy()
                form.data["form_token"] = relay.form_token()
        else:
            form = RelayForm(initial={"reply_to": sender.email, "form_token": relay.form_token()})
    return render(request, "champions/relay/contact.html", {
        "champion": champion,
        "form": form,
        "problem": problem,
        "messages_left": relay.messages_left(sender) if problem is None else 0,
        "limit": settings.RELAY_MESSAGES_PER_DAY,
    })
