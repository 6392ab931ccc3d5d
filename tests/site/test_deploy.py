"""Production settings pass Django's deployment checks and refuse to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env_overrides):
    skip = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the browser tests set the last
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        SECRET_KEY="k" * 20 + "production-secret-for-the-check-0123456789abcdefXYZ",
        ALLOWED_HOSTS="training.example.org", TRAINING_CONTACT_EMAIL="vawg.training@example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_while_nobody_has_said_where_people_write_for_help():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        SECRET_KEY="k" * 20 + "production-secret-for-the-check-0123456789abcdefXYZ",
        ALLOWED_HOSTS="training.example.org", TRAINING_CONTACT_EMAIL="",
    )
    assert result.returncode != 0
    assert "site.W001" in result.stderr and "TRAINING_CONTACT_EMAIL is not set" in result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="lms.settings.production", SECRET_KEY="", ALLOWED_HOSTS="x.example.org"
    )
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_an_empty_database_url_means_the_default_sqlite(tmp_path):
    result = run_manage(
        "shell", "-c", "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        DJANGO_SETTINGS_MODULE="lms.settings.dev", DATABASE_URL="", VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("django.db.backends.sqlite3")


def test_collectstatic_builds_a_complete_manifest_with_production_settings(tmp_path):
    result = run_manage(
        "collectstatic", "--no-input",
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        SECRET_KEY="k" * 20 + "production-secret-for-the-check-0123456789abcdefXYZ",
        ALLOWED_HOSTS="training.example.org", STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "staticfiles.json").exists()
    assert list(tmp_path.glob("css/site.*.css"))
