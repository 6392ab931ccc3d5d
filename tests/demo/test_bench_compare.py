"""bench/compare.py: two runs' figures side by side, and a failing exit when a page got slower."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

COMPARE = Path(__file__).resolve().parents[2] / "bench" / "compare.py"


def run_figures(path: Path, **medians: float) -> Path:
    path.write_text(json.dumps({
        "script": "reports", "database": "sqlite", "when": "2026-12-02T01:00:00+00:00", "requests": 5,
        "load_average": [1.0, 1.0, 1.0],
        "lines": [{"name": name.replace("_", " "), "size": "", "median_ms": ms, "p95_ms": ms * 1.2, "queries": 9,
                   "x_home": ms / 40} for name, ms in medians.items()],
    }))
    return path


def compare(*arguments) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (this interpreter and the repository's own script)
        [sys.executable, str(COMPARE), *map(str, arguments)], capture_output=True, text=True,
        check=False,
    )


def test_compare_prints_each_pages_change_and_fails_only_over_the_limit(tmp_path):
    old = run_figures(tmp_path / "old.json", home=40.0, training=200.0)
    new = run_figures(tmp_path / "new.json", home=40.0, training=300.0, confidence=100.0)

    shown = compare(old, new)
    assert shown.returncode == 0
    line = next(row for row in shown.stdout.splitlines() if row.startswith("training"))
    assert "200.00" in line and "300.00" in line and "+50.0%" in line
    assert any(row.startswith("confidence") and "(new)" in row for row in shown.stdout.splitlines())

    assert compare(old, new, "--fail-over", "60").returncode == 0
    slower = compare(old, new, "--fail-over", "20")
    assert slower.returncode == 1
    assert "Slower by more than 20%: training" in slower.stdout


def test_compare_says_what_is_wrong_with_a_file_it_cannot_read(tmp_path):
    good = run_figures(tmp_path / "good.json", home=40.0)
    (tmp_path / "bad.json").write_text("not json")
    result = compare(good, tmp_path / "bad.json")
    assert result.returncode == 1
    assert "is not JSON" in result.stderr
    assert "no such file" in compare(good, tmp_path / "missing.json").stderr
