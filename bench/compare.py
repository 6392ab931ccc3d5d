"""Compare two benchmark runs: per page, the median before and after, the change, the queries.

Run: `.venv/bin/python bench/compare.py old.json new.json` (files written with `--json`), or two
folders of them (`make bench BENCH_OUT=...` writes one file per script): files with the same name
are compared. Pages are matched by name and size. Milliseconds depend on the machine and its
load; the ratio to the home page measured in the same run ("x home") compares better between
machines, and is shown too. `--fail-over 20` exits 1 when a median grew by more than 20%.
"""

import argparse
import json
import sys
from pathlib import Path


def lines_of(data: dict) -> dict[tuple[str, str], dict]:
    return {(line["name"], line.get("size", "")): line for line in data["lines"]}


def compare(old: dict, new: dict, fail_over: float | None) -> list[str]:
    """Print the table for one pair of runs; return the pages that grew more than `fail_over` %."""
    before, after = lines_of(old), lines_of(new)
    print(f"{new['script']}: {old.get('when', '?')} ({old['database']}, load {old['load_average'][0]:.2f}) "
          f"-> {new.get('when', '?')} ({new['database']}, load {new['load_average'][0]:.2f})")
    width = max((len(name) + (len(size) + 3 if size else 0) for name, size in {**before, **after}), default=10) + 1
    print(f"{'page':{width}} {'old ms':>9} {'new ms':>9} {'change':>8} {'queries':>9} {'x home':>13}")
    worse = []
    for key in [*before, *(k for k in after if k not in before)]:
        name, size = key
        label = f"{name} [{size}]" if size else name
        if key not in after:
            print(f"{label:{width}} {before[key]['median_ms']:9.2f} {'-':>9}  (gone)")
            continue
        if key not in before:
            print(f"{label:{width}} {'-':>9} {after[key]['median_ms']:9.2f}  (new)")
            continue
        a, b = before[key], after[key]
        change = (b["median_ms"] - a["median_ms"]) / a["median_ms"] * 100 if a["median_ms"] else 0.0
        queries = f"{a['queries']}->{b['queries']}" if a["queries"] != b["queries"] else str(b["queries"])
        ratio = f"{a.get('x_home', 0):.2f}->{b.get('x_home', 0):.2f}"
        print(f"{label:{width}} {a['median_ms']:9.2f} {b['median_ms']:9.2f} {change:+7.1f}% {queries:>9} {ratio:>13}")
        if fail_over is not None and change > fail_over:
            worse.append(label)
    return worse


def pairs(old: Path, new: Path) -> list[tuple[Path, Path]]:
    if old.is_dir() and new.is_dir():
        found = [(old / p.name, p) for p in sorted(new.glob("*.json")) if (old / p.name).exists()]
        if not found:
            raise SystemExit(f"No JSON file is in both {old} and {new}.")
        return found
    if old.is_dir() or new.is_dir():
        raise SystemExit("Give two files or two folders.")
    return [(old, new)]


def read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError:
        raise SystemExit(f"{path}: no such file.") from None
    except json.JSONDecodeError as error:
        raise SystemExit(f"{path} is not JSON ({error}).") from None
    if not isinstance(data, dict) or "lines" not in data:
        raise SystemExit(f"{path} is not a file written by a benchmark's --json.")
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--fail-over", type=float, metavar="PERCENT",
                        help="exit 1 when a page's median grew by more than PERCENT")
    args = parser.parse_args()
    worse = []
    for number, (old, new) in enumerate(pairs(args.old, args.new)):
        if number:
            print()
        worse += compare(read(old), read(new), args.fail_over)
    if worse:
        print(f"Slower by more than {args.fail_over:g}%: {', '.join(worse)}")
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
