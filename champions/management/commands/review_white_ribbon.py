"""The daily White Ribbon check. Run daily from cron; safe to run twice."""

from champions.tasks import mark_renewals_due_task
from champions.whiteribbon.services import mark_renewals_due
from lms.site.daily_jobs import DailyJobCommand


class Command(DailyJobCommand):
    help = (
        "Move every White Ribbon accreditation within the notice period of its expiry (the coordinators' "
        "setting, six months unless changed) to 'renewal due', emailing its lead contact and the coordinators. "
        "Idempotent: a second run the same day changes and sends nothing."
    )
    task = mark_renewals_due_task
    dated = True
    queued_name = "the White Ribbon check"

    def run(self, day):
        return f"Renewal due: {mark_renewals_due(day)}."
