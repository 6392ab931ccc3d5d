"""Accounts: the user, identified by email, with the profile a learner completes, and districts."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.crypto import salted_hmac


class District(models.Model):
    """A Hertfordshire district, or "outside Hertfordshire"."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    in_hertfordshire = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account, identified by email, with the profile a learner completes after sign-up.

    `full_name` is printed on certificates exactly as typed. `first_name` and `last_name`
    are inherited and stay empty: Wagtail's user admin expects them to exist.
    """

    username = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(
        "full name", max_length=150, blank=True,
        help_text="As it should appear on certificates.",
    )
    job_role = models.CharField(max_length=120, blank=True)
    sector = models.ForeignKey(
        "content.Sector", null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    security_stamp = models.PositiveIntegerField(
        default=0, editable=False,
        help_text="Raised to sign the account out of every session (a two-factor reset): it is part of "
                  "the hash each session is checked against.",
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_ci")]

    def __str__(self):
        return self.full_name or self.email

    # Sessions. Django keeps in each session a hash of the account's password and checks it on
    # every request (AuthenticationMiddleware): a session whose hash no longer matches is signed
    # out. The security stamp is mixed in, so that raising it (lms.accounts.services.
    # end_all_sessions) ends every session of the account at its next request. The password stays
    # in the hash: changing it still ends the other sessions, and update_session_auth_hash (which
    # allauth calls, ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE being False) keeps the current one. While
    # the stamp is 0 the hash is exactly Django's, so adding the stamp signed no one out.

    SESSION_HASH_SALT = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"

    def _session_hash(self, secret=None) -> str:
        value = self.password if not self.security_stamp else f"{self.password}\x00{self.security_stamp}"
        return salted_hmac(self.SESSION_HASH_SALT, value, secret=secret, algorithm="sha256").hexdigest()

    def get_session_auth_hash(self):
        return self._session_hash()

    def get_session_auth_fallback_hash(self):
        from django.conf import settings

        for fallback_secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret=fallback_secret)

    def save(self, *args, **kwargs):
        """A copy of the account loaded before a reset must not put the old stamp back (and with it
        the sessions the reset ended): an ordinary save of an existing account leaves the stamp as
        the database has it. Only `save(update_fields=[..., "security_stamp"])` or an update
        changes it."""
        if not args and not self._state.adding and kwargs.get("update_fields") is None \
                and not kwargs.get("force_insert"):
            deferred = self.get_deferred_fields()
            kwargs["update_fields"] = [
                field.name for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "security_stamp" and field.attname not in deferred
            ]
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def has_complete_profile(self) -> bool:
        return bool(
            self.full_name and self.job_role and self.sector_id and self.district_id
            and self.organisation_id
        )
