"""Personal data in Wagtail: its entries in the history, and the answer /verify/ gives for the
code of a certificate whose holder erased their account."""

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from lms.certificates.views import CERTIFICATE_CODE_ERASED_HOOK
from lms.privacy.erasure import ACCOUNT_ERASED
from lms.privacy.export import DOWNLOAD_REQUESTED
from lms.privacy.models import ErasedCertificate


@hooks.register(CERTIFICATE_CODE_ERASED_HOOK)
def certificate_code_erased(code: str) -> bool:
    return ErasedCertificate.objects.filter(code=code).exists()


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(DOWNLOAD_REQUESTED, "Data download asked for", "Data download asked for")

    @actions.register_action(ACCOUNT_ERASED)
    class AccountErasedFormatter(LogFormatter):
        label = "Account erased"

        def format_message(self, log_entry):
            return f"Account erased: {log_entry.data.get('reason', 'no reason recorded')}"
