"""Log entries about accounts, as the admin's history shows them."""

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from lms.accounts.services import TWO_FACTOR_RESET


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    @actions.register_action(TWO_FACTOR_RESET)
    class TwoFactorResetFormatter(LogFormatter):
        label = "Two-factor authentication reset"

        def format_message(self, log_entry):
            return f"Two-factor authentication reset: {log_entry.data.get('reason', 'no reason recorded')}"
