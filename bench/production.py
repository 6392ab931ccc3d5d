"""The site as production runs it, for the checks that need a real server (bench/lighthouse.py,
bench/load.py): the environment of the development and production settings in a temporary
folder, `manage.py` run in them, and gunicorn started, waited for and stopped.

The development settings make the demo (production refuses demo data); the production settings
collect the static files and serve, on 127.0.0.1 with `ALLOWED_HOSTS=127.0.0.1`, a throwaway
secret key, and emails kept in memory.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environments(folder: Path, *, keep_database: bool = False, **production) -> tuple[dict, dict]:
    """(development, production) environments using `folder` for the database, static files and
    caches; `production` adds or overrides settings. DATABASE_URL is kept only if `keep_database`."""
    (folder / "var").mkdir(exist_ok=True)
    dropped = {"REDIS_URL", "DJANGO_SETTINGS_MODULE"} | (set() if keep_database else {"DATABASE_URL"})
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    base.update(
        VAR_DIR=str(folder / "var"), LOG_LEVEL="WARNING", EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    development = {**base, "DJANGO_SETTINGS_MODULE": "lms.settings.dev"}
    return development, {
        **base,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(folder / "static"),
        "TRAINING_CONTACT_EMAIL": "training@example.org",
        **production,
    }


def manage(env: dict, *args: str) -> str:
    """Run `manage.py` with these arguments in `env`; its output, or exit with its errors."""
    result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def wait_until_up(url: str, seconds: float = 60, headers: dict | None = None) -> None:
    """Until `url` answers 200 (asked with `headers`), or raise after `seconds`."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - our own server on 127.0.0.1
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - our own server
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.5)


@contextmanager
def gunicorn(env: dict, *, workers: int = 3, timeout: int = 30, headers: dict | None = None):
    """Serve the site with gunicorn in `env` on a free port of 127.0.0.1 until the block ends;
    yields its base URL once /healthz answers."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - gunicorn from this virtual environment
        [sys.executable, "-m", "gunicorn", "lms.wsgi", "--no-control-socket", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", str(timeout)],
        cwd=ROOT, env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/healthz", headers=headers)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
