"""Benchmark: rendering certificate PDFs, one at a time and as an organisation's zip of 200.

Run: `make bench` (or `.venv/bin/python bench/certificates.py [--runs 30] [--zip-size 200]
[--json out.json]`).
Needs no database: certificates are built in memory, each zip with new ones so that every PDF in
it is rendered (the copies kept are written to a temporary folder). Prints the median and spread
in milliseconds, for comparing with the previous run.
"""

import argparse
import datetime
import io
import os
import statistics
import tempfile
import time

from common import Figures, Line, Run, summarise

NAMES = ["Łucja Nowak-O'Brien", "Ayşe Yılmaz", "Nguyễn Thị Hương", "Siobhán Ní Bhriain", "Oluwaseun Adébáyọ̀"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="single renders to time (default 30)")
    parser.add_argument("--zip-size", type=int, default=200, help="certificates in the zip (default 200)")
    parser.add_argument("--zip-runs", type=int, default=3, help="zips to time (default 3)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE, for bench/compare.py")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    # Kept copies go to a temporary folder, not the development site's private store.
    os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="vawg-bench-certificates-")
    import django

    django.setup()
    from lms.certificates.models import Certificate
    from lms.certificates.pdf import render_certificate_pdf, write_certificates_zip
    from lms.certificates.services import new_code

    def certificate(number: int) -> Certificate:
        return Certificate(
            code=new_code(), holder_name=NAMES[number % len(NAMES)],
            module_title="Harmful practices: FGM, forced marriage and so-called honour-based abuse",
            level="Practitioner", cpd_minutes=75, issued_on=datetime.date(2026, 11, 25),
            expires_on=datetime.date(2028, 11, 25),
        )

    render_certificate_pdf(certificate(0))  # load fonts and templates once, as a running site has
    singles = []
    size = 0
    for number in range(args.runs):
        start = time.perf_counter()
        size = len(render_certificate_pdf(certificate(number)))
        singles.append((time.perf_counter() - start) * 1000)
    zips = []
    zip_bytes = 0
    for _ in range(args.zip_runs):
        # New certificates each time: every PDF is rendered (a zip of copies already kept would
        # time reading files), as for a lead's first zip.
        batch = [certificate(n) for n in range(args.zip_size)]
        start = time.perf_counter()
        buffer = io.BytesIO()
        write_certificates_zip(batch, buffer)
        zip_bytes = buffer.tell()
        zips.append((time.perf_counter() - start) * 1000)

    print(f"Certificate PDFs (xhtml2pdf, A4 landscape, QR code, DejaVu Sans), {args.runs} single renders")
    print(f"  one certificate: median {statistics.median(singles):.1f} ms, "
          f"min {min(singles):.1f} ms, max {max(singles):.1f} ms, {size / 1024:.0f} KiB")
    print(f"  zip of {args.zip_size}: median {statistics.median(zips) / 1000:.2f} s over {args.zip_runs} runs "
          f"({statistics.median(zips) / args.zip_size:.1f} ms per certificate), {zip_bytes / 1024 / 1024:.1f} MiB")
    run = Run(script="certificates", requests=args.runs, json_path=args.json)
    run.lines = [Line(name="one certificate PDF", url="", figures=summarise(singles)),
                 Line(name=f"zip of {args.zip_size} PDFs", url="", figures=Figures(
                     median_ms=statistics.median(zips), p95_ms=max(zips), queries=0))]
    run.extra = {"pdf_kib": round(size / 1024), "zip_mib": round(zip_bytes / 1024 / 1024, 1)}
    run.write_json()


if __name__ == "__main__":
    main()
