"""The apps depend one way (the import-linter contract in pyproject.toml), and the contract
really fails when an import goes the wrong way."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("lms", "content", "champions")


def lint_imports(source_root: Path) -> subprocess.CompletedProcess:
    """Run the project's contracts over the packages found in `source_root`."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(source_root)
    return subprocess.run(  # noqa: S603 - our own venv's lint-imports with fixed arguments
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(CONFIG)],
        cwd=source_root, env=env, capture_output=True, text=True, timeout=120,
    )


def test_the_apps_keep_the_layers_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_import_from_accounts_up_to_certificates_breaks_the_contract(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "lms" / "accounts" / "wrong_way.py").write_text(
        '"""Deliberately imports a higher layer."""\n\nfrom lms.certificates.models import Certificate  # noqa: F401\n'
    )

    result = lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout
    assert "lms.accounts is not allowed to import lms.certificates" in result.stdout
    # The report names the very import, so the copy (not the installed tree) was analysed.
    assert "lms.accounts.wrong_way -> lms.certificates.models (l.3)" in result.stdout


def test_no_delete_receiver_listens_to_every_model():
    """A pre_delete or post_delete receiver without a sender makes Django fetch and delete every
    bulk delete row by row (erasure, retention, cascades): cache receivers connect model by model."""
    from django.db.models.deletion import Collector

    from lms.learning.models import LessonVisit

    assert Collector(using="default").can_fast_delete(LessonVisit.objects.all())


def test_pages_changes_reach_the_caches_through_one_catch_all_receiver():
    """Every save of every row runs each post_save receiver without a sender: the one that tells
    the caches built on pages (content.signals.pages_changed) is the only one."""
    from django.db.models.signals import post_save
    from django.dispatch.dispatcher import _make_id

    from content import signals

    catch_all = [receiver() for (_receiver, sender), receiver, *_ in post_save.receivers if sender == _make_id(None)]
    assert catch_all == [signals._send]
    listeners = {receiver().__module__ for _key, receiver, *_ in signals.pages_changed.receivers}
    assert {"content.models", "lms.updates.apps", "champions.apps"} <= listeners
