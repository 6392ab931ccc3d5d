"""Send the day's follow-up invitations. Run daily from cron; safe to run more often."""

from lms.followup.invitations import send_follow_up_invitations, send_follow_up_invitations_task
from lms.site.daily_jobs import DailyJobCommand, plural


class Command(DailyJobCommand):
    help = (
        "Invite learners whose module completion was FOLLOW_UP_DAYS ago (or up to 14 days more, for days "
        "the job missed) to the follow-up evaluation, each once."
    )
    task = send_follow_up_invitations_task
    dated = True
    queued_name = "the follow-up invitations"

    def run(self, day):
        return f"Sent {plural(send_follow_up_invitations(day), 'follow-up invitation')}."
