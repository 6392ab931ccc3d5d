"""Send the day's certificate expiry reminders. Run daily from cron; safe to run more often."""

from lms.certificates.reminders import send_expiry_reminders, send_expiry_reminders_task
from lms.site.daily_jobs import DailyJobCommand, plural


class Command(DailyJobCommand):
    help = "Email holders whose certificates expire in 60, 30 or 7 days, or today (each reminder once)."
    task = send_expiry_reminders_task
    queued_name = "the reminders"

    def run(self, day):
        return f"Sent {plural(send_expiry_reminders(), 'reminder')}."
