"""Personal data in Wagtail: the learner records (*Learner records* in the menu, coordinators and
administrators), their entries in the history, and the answer /verify/ gives for the code of a
certificate whose holder's account was erased."""

from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter

from champions.admin_champions import CHAMPION_ADMIN_PANELS_HOOK
from lms.certificates.views import CERTIFICATE_CODE_ERASED_HOOK
from lms.organisations.views import PROFILE_ACCOUNT_LINKS_HOOK
from lms.privacy.admin_views import LearnerRecordView, PeopleSearchView, StaffErasureView
from lms.privacy.erasure import ACCOUNT_ERASED, is_erased
from lms.privacy.export import DOWNLOAD_REQUESTED
from lms.privacy.learner_record import RECORD_VIEWED
from lms.privacy.models import ErasedCertificate
from lms.privacy.permissions import may_read_learner_records


@hooks.register(CERTIFICATE_CODE_ERASED_HOOK)
def certificate_code_erased(code: str) -> bool:
    return ErasedCertificate.objects.filter(code=code).exists()


@hooks.register("register_admin_urls")
def register_learner_record_urls():
    return [
        path("people/", PeopleSearchView.as_view(), name="privacy_people"),
        path("people/<int:pk>/", LearnerRecordView.as_view(), name="privacy_person"),
        path("people/<int:pk>/erase/", StaffErasureView.as_view(), name="privacy_person_erase"),
    ]


class LearnerRecordsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_learner_records(request.user)


@hooks.register("register_admin_menu_item")
def register_learner_records_menu_item():
    return LearnerRecordsMenuItem("Learner records", reverse("privacy_people"), icon_name="user", order=305)


@hooks.register("register_user_listing_buttons")
def learner_record_button_in_users_list(user, request_user):
    """Users (administrators): each account's "More" menu opens its learner record."""
    if not may_read_learner_records(request_user) or is_erased(user):
        return []
    return [Button("Learner record", url=reverse("privacy_person", args=[user.pk]), icon_name="user", priority=40)]


@hooks.register(CHAMPION_ADMIN_PANELS_HOOK)
def learner_record_link_on_champion_page(request, champion):
    """A champion's admin page links to the person's learner record (their training on one page)."""
    if not may_read_learner_records(request.user):
        return None
    return format_html(
        '<p class="w-mt-8"><a href="{}">Their learner record: modules, attempts, certificates and history</a></p>',
        reverse("privacy_person", args=[champion.user_id]),
    )


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(DOWNLOAD_REQUESTED, "Data download asked for", "Data download asked for")

    @actions.register_action(RECORD_VIEWED)
    class RecordViewedFormatter(LogFormatter):
        label = "Learner record viewed"

        def format_message(self, log_entry):
            # The entry's label is the person's name as it was (after an erasure, "Erased account").
            return f"Viewed the learner record of {log_entry.label}"

    @actions.register_action(ACCOUNT_ERASED)
    class AccountErasedFormatter(LogFormatter):
        label = "Account erased"

        def format_message(self, log_entry):
            return f"Account erased: {log_entry.data.get('reason', 'no reason recorded')}"


@hooks.register(PROFILE_ACCOUNT_LINKS_HOOK)
def your_data_link(request):
    return [("Your data: download it or delete your account", reverse("your_data"))]
