"""Every coordinator report download is in the audit trail: one entry per download, saying who,
which report, the format, the number of lines and the filters as a person reads them. Looking at
a report, or asking for a download the filters refuse, logs nothing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from wagtail.models import ModelLogEntry

from lms.site.audit import EXPORT_ACTION
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.reports.fixtures import confidence_world

pytestmark = pytest.mark.django_db


def exports():
    return list(ModelLogEntry.objects.filter(action=EXPORT_ACTION).order_by("pk"))


@pytest.mark.parametrize(("url", "what", "group_by", "heading"), [
    ("/admin/reports/training/", "Training activity report", "module", "Module"),
    ("/admin/reports/certificates/", "Certificates report", "module", "Module"),
    ("/admin/reports/network/", "Champions network report", "sector", "Sector"),
    ("/admin/reports/confidence/", "Confidence before and after report", "module", "Module"),
])
def test_each_download_is_logged_once_with_its_filters(url, what, group_by, heading):
    world = confidence_world()
    client = staff_client(Role.COORDINATOR)
    query = {"since": "2026-03-01", "until": "2026-03-31", "district": world.watford.pk, "group_by": group_by}
    assert client.get(url, query).status_code == 200
    assert exports() == []  # reading the report is not an export
    response = client.get(url, {**query, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    [entry] = exports()
    assert entry.user_id == client.user.pk
    assert entry.data["what"] == what and entry.data["format"] == "CSV"
    assert entry.data["filters"] == {"From": "2026-03-01", "To": "2026-03-31", "District": world.watford.name,
                                     "Group by": heading}
    lines = len(response.content.decode("utf-8").strip().splitlines()) - 3  # title, headings, "In all"
    assert entry.data["rows"] == lines
    client.get(url, {**query, "export": "xlsx"})
    assert [entry.data["format"] for entry in exports()] == ["CSV", "XLSX"]


def test_a_refused_download_logs_nothing():
    client = staff_client(Role.COORDINATOR)
    response = client.get("/admin/reports/confidence/", {"since": "not a day", "export": "csv"})
    assert response["Content-Type"].startswith("text/html")
    assert exports() == []


def test_the_trail_reads_the_download_back():
    confidence_world()
    client = staff_client(Role.COORDINATOR)
    client.get("/admin/reports/confidence/", {"since": "2026-03-01", "group_by": "sector", "export": "csv"})
    [entry] = exports()
    assert entry.message == ("Exported Confidence before and after report (CSV, 2 rows; From: 2026-03-01, "
                             "Group by: Sector)")


def test_the_lead_reports_hooks_are_registered_with_wagtail_before_any_url_is_read():
    """Something may be logged (a management command, a task) before the site's URLs are ever
    loaded: Wagtail's own search for hooks must find the wording of a change of expected modules
    and the leads' links, not only lms/reports/urls.py."""
    script = (
        "import sys, django; django.setup()\n"
        "from wagtail import hooks; from wagtail.log_actions import registry\n"
        "hooks.search_for_hooks()\n"
        "names = [fn.__name__ for fn in hooks.get_hooks('organisation_lead_card_links')]\n"
        "assert 'lms.reports.urls' not in sys.modules\n"
        "registry.scan_for_actions()\n"
        "print(names, registry.get_action_label('lms.organisation.expected_modules'))\n"
    )
    done = subprocess.run(  # noqa: S603  (our own interpreter running the fixed script above)
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"}, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "training_report_link" in done.stdout and "Expected modules changed" in done.stdout
