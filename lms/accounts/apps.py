from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """People's accounts: the user model, districts, sign-in forms, two-factor rules for staff."""

    name = "lms.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from allauth.mfa.signals import authenticator_added
        from django.db.models.signals import post_save, pre_save

        from lms.accounts.receivers import count_new_authenticator_as_mfa
        from lms.accounts.staff_mfa import lower_flags_again_after_save, restore_stored_flags_before_save

        pre_save.connect(restore_stored_flags_before_save, sender=self.get_model("User"),
                         dispatch_uid="accounts.staff-flags-pre-save")
        post_save.connect(lower_flags_again_after_save, sender=self.get_model("User"),
                          dispatch_uid="accounts.staff-flags-post-save")
        authenticator_added.connect(count_new_authenticator_as_mfa, dispatch_uid="accounts.new_authenticator_mfa")
