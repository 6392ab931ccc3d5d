"""Accounts: the user, identified by email, with the profile a learner completes, and districts."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower


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

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_ci")]

    def __str__(self):
        return self.full_name or self.email

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
