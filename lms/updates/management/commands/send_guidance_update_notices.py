"""Tell certificate holders about guidance updates they have not been told of. Run daily from
cron; safe to run more often (nobody is emailed twice)."""

from lms.site.daily_jobs import DailyJobCommand, plural
from lms.updates.notices import notify_all_holders, notify_all_holders_task


class Command(DailyJobCommand):
    help = (
        "Email everyone who holds a current certificate for a module with a published guidance update, "
        "has not been told of it and has not completed it (each person once per update)."
    )
    task = notify_all_holders_task
    queued_name = "the guidance update notices"

    def run(self, day):
        return f"Told {plural(notify_all_holders(), 'holder')} about guidance updates."
