"""The daily pathway review of the champions network. Run daily from cron; safe to run twice."""

from champions.services import review_pathways
from champions.tasks import review_pathways_task
from lms.site.daily_jobs import DailyJobCommand


class Command(DailyJobCommand):
    help = (
        "Mark champions whose pathway certificate expired as 'refresher due' (emailed), lapse those "
        "still not renewed after the grace period (emailed, Champion role removed), and restore "
        "those who renewed. Idempotent: a second run the same day changes nothing."
    )
    task = review_pathways_task
    dated = True
    queued_name = "the pathway review"

    def run(self, day):
        result = review_pathways(day)
        return f"Refresher due: {result.refresher_due}. Lapsed: {result.lapsed}. Restored: {result.restored}."
