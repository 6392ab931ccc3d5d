"""Where the follow-up shows itself on lower apps' pages: a banner on My learning for each
follow-up waiting for an answer, and a link on the profile page to the follow-up setting."""

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks

from lms.dashboard import MY_LEARNING_NOTICES_HOOK
from lms.followup.invitations import follow_up_url
from lms.followup.services import answerable, closes_on
from lms.organisations.views import PROFILE_ACCOUNT_LINKS_HOOK


@hooks.register(MY_LEARNING_NOTICES_HOOK)
def follow_up_notice(request):
    """One banner a follow-up the learner can answer now, with its signed link (one query)."""
    follow_ups = list(answerable(request.user).select_related("module"))
    if not follow_ups:
        return None
    return render_to_string("followup/my_learning_notice.html", {
        "follow_ups": [{"follow_up": one, "url": follow_up_url(one), "closes_on": closes_on(one)}
                       for one in follow_ups],
    }, request=request)


@hooks.register(PROFILE_ACCOUNT_LINKS_HOOK)
def follow_up_setting_link(request):
    return [("Follow-up questions after training: stop or start them", reverse("follow_up_setting"))]
