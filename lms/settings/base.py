"""Settings shared by every environment.

This module is safe to run in production on its own: DEBUG is off, the secret key and hosts
come from the environment, and the security headers are on. `dev` and `test` relax it.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR") or BASE_DIR / "var")


def env(name: str, default: str | None = None) -> str | None:
    """An environment variable, with an empty value treated as unset."""
    value = os.environ.get(name, "")
    return value if value.strip() else default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SITE_NAME = "Hertfordshire VAWG Training"
PARTNERSHIP_NAME = "Hertfordshire Violence Against Women and Girls Partnership"
# What search engines show for a page that does not describe itself (Wagtail pages use their search
# description, summary or introduction; any template may fill `{% block meta_description %}`).
SITE_DESCRIPTION = (
    "Training for professionals in Hertfordshire on violence against women and girls: modules for "
    "every sector, certificates, and the VAWG champions network."
)
# Where people write for help with an account or a certificate (the partnership's training
# coordinator). Shown on the pages and emails that send people to the coordinator; the
# partnership decides it, and `check --deploy` warns while it is unset.
TRAINING_CONTACT_EMAIL = env("TRAINING_CONTACT_EMAIL", "")

# Champions network: how long a line manager's agreement link works; how long a champion whose
# pathway certificate expired stays listed ("refresher due") before they lapse; how many relay
# messages one person may send to champions in a day.
CHAMPION_AGREEMENT_LINK_DAYS = 30
CHAMPION_LAPSE_GRACE_DAYS = 60
RELAY_MESSAGES_PER_DAY = 5

# Guidance updates: the days a certificate holder has, from the day they are told of an update,
# to complete it before it shows as outstanding (editors may set another number per update).
GUIDANCE_UPDATE_DAYS_TO_COMPLETE = int(env("GUIDANCE_UPDATE_DAYS_TO_COMPLETE", "28"))

# Follow-up evaluation: how many days after completing a module a learner is invited to the
# three-month follow-up (lms.followup).
FOLLOW_UP_DAYS = int(env("FOLLOW_UP_DAYS", "90"))

INSTALLED_APPS = [
    # Ours, highest layer first (see README, "Layout"): each may import only those below it.
    "lms.demo",
    "lms.reports",
    "lms.privacy",
    "champions",
    "lms.updates",
    "lms.followup",
    "lms.certificates",
    "lms.learning",
    "lms.feedback",
    "lms.organisations",
    "lms.accounts",
    "content",
    "lms.site",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.users_app.UsersAdminConfig",  # wagtail.users, with our Users and Roles screens
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "csp",  # for its system checks of the settings below
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "import_export",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lms.site.middleware.ContentSecurityPolicyMiddleware",
    "lms.site.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Outside the two-factor rule, so that its own answers (403s, redirects) are not stored either.
    "lms.site.middleware.PrivatePagesNoStoreMiddleware",
    "lms.accounts.middleware.StaffMFARequiredMiddleware",
    "lms.site.middleware.IncompleteFormPostMiddleware",
    # Inside the CSP, no-store and session middleware: its page gets the policy and the header.
    "lms.site.middleware.MethodNotAllowedPageMiddleware",
    "lms.accounts.middleware.ProfileCompletionMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.site.context_processors.site",
            ],
        },
    },
]

# Databases: SQLite in var/ unless DATABASE_URL names another (an empty value means unset).
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    # The reports' queries are short: PostgreSQL's JIT compiling cost more than it saved (336 of
    # 395 ms of the certificates report at scale), and their sorts for medians fit in 16 MB
    # rather than spilling to disk. Options a DATABASE_URL sets itself come after, so they win.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = " ".join(filter(None, ["-c jit=off -c work_mem=16MB", options.get("options")]))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# An optional Redis cache shared by all web processes (rate limits, sessions' lookups).
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
# Django's and allauth's backends, with staff powers withheld from any session that did not
# pass the second factor (lms.accounts.staff_mfa).
AUTHENTICATION_BACKENDS = [
    "lms.accounts.staff_mfa.StaffAwareModelBackend",
    "lms.accounts.staff_mfa.StaffAwareAllauthBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# People sign in to learn: Your learning, not the home page (a `next` still wins).
LOGIN_REDIRECT_URL = "my_learning"

# django-allauth: email is the only identifier, it must be verified, rate limits stay on.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
# Emails may land in a shared inbox: the sender and subjects do not name the subject matter.
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Herts Partnership Training] "
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
# Our own limits go through allauth's too (allauth.core.ratelimit), beside its defaults:
# certificate look-ups on /verify/<code>/, per client address.
ACCOUNT_RATE_LIMITS = {"verify_certificate": "30/m/ip"}
ACCOUNT_SESSION_REMEMBER = False
# Tell people when their password, email addresses or two-factor settings change (the emails are
# in lms/accounts/templates/account/email/ and mfa/email/), so a change they did not make shows.
ACCOUNT_EMAIL_NOTIFICATIONS = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Herts Partnership Training"
MFA_ADAPTER = "lms.accounts.adapters.MFAAdapter"
ACCOUNT_ADAPTER = "lms.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "lms.accounts.forms.SignInForm",
    "signup": "lms.accounts.forms.SignUpForm",
    "add_email": "lms.accounts.forms.AddEmailAddressForm",
    "change_password": "lms.accounts.forms.ChangeYourPasswordForm",
    "set_password": "lms.accounts.forms.CreatePasswordForm",
    "reset_password": "lms.accounts.forms.ResetYourPasswordForm",
    "reset_password_from_key": "lms.accounts.forms.NewPasswordForm",
    "reauthenticate": "lms.accounts.forms.ConfirmPasswordForm",
}
MFA_FORMS = {
    "authenticate": "lms.accounts.forms.EnterCodeForm",
    "reauthenticate": "lms.accounts.forms.ConfirmCodeForm",
    "activate_totp": "lms.accounts.forms.SetUpAuthenticatorForm",
}

# Messages live in the session, not in a cookie that anyone at the computer could decode.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "static_collected")
STATICFILES_DIRS = [BASE_DIR / "static_build"]  # built from frontend/ by `make assets`
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Issued certificates' PDFs, kept once rendered: private, never under MEDIA_ROOT.
    "certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "private" / "certificates"},
    },
    # White Ribbon action plans' evidence documents: served only to the organisation's leads
    # and to coordinators, through a view that checks who is asking; never under MEDIA_ROOT.
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "private" / "evidence"},
    },
}
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024

# Email: SMTP in production from the environment.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Herts Partnership Training <no-reply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work goes through Django's tasks API; the database backend needs its worker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers. Production turns on HTTPS-only settings; see production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views lift this to SAMEORIGIN for themselves.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# The Content-Security-Policy (django-csp): nothing from another origin, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "frame-src": [SELF],
    },
}
# Directives that lms.site.middleware.ContentSecurityPolicyMiddleware replaces in the policy above.
# Wagtail's admin (behind two-factor sign-in) still uses inline scripts for choosers and date
# pickers, sets style attributes, and frames its own previews; it gets those, nothing more.
CONTENT_SECURITY_POLICY_ADMIN_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "frame-ancestors": [SELF],
}
# A page preview is the public page, framed by the admin's preview panel (same origin only).
CONTENT_SECURITY_POLICY_PREVIEW_REPLACE = {"frame-ancestors": [SELF]}

# Quick exit: where the "Exit this page" button goes. A neutral, commonly visited page.
QUICK_EXIT_URL = env("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "mp4", "webm", "vtt"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_USER_CUSTOM_FIELDS = []
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
# Pages restricted to signed-in visitors send them to allauth too, never to Wagtail's own form.
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
# Email and password changes go through allauth (verification, rate limits), not Wagtail's forms.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        # One line per task run is noise in development; failures still show.
        "django_tasks": {"level": "WARNING"},
    },
}


def require(name: str, value):
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value

# Demo accounts (seed_demo) are for development and tests only.
ALLOW_DEMO_DATA = False

# No avatars from Gravatar: the admin must not make requests to other sites either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_FINISH_WORKFLOW_ACTION = "content.workflows.publish_after_review"
# A change during review needs every step again; content.workflows sends it back to the panel.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# A coordinator may undo a revocation (with a reason, logged) for this many days after it.
CERTIFICATE_REVOCATION_UNDO_DAYS = 14
