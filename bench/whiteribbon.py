"""Benchmark: the coordinators' White Ribbon pages with the demo's sixty organisations, then with
thousands more, against the home page in the same run.

Run: `.venv/bin/python bench/whiteribbon.py [--requests 100] [--organisations 6000] [--json out.json]`.
Like bench/champions.py it builds a fresh SQLite database in a temporary folder (or uses
DATABASE_URL), loads the demo, and signs in as the demo coordinator with password and code. It
times, through Django's test client:

- the home page (a bare Wagtail page) and a bare Django view, the yardsticks;
- the pipeline, unfiltered and filtered by district and male-dominated workforce;
- the accreditation target (charts and tables by district and type);
- the cycle list's first page and the renewals due.

then adds organisations with a cycle each (every district, type and stage) in bulk until there
are `--organisations`, and times them again. Prints, per page and size: median and 95th
percentile in milliseconds, queries per request, and the ratios of its median to the home page's
and a bare Django view's (bench/common.py).
The target: each page costs the same number of queries at both sizes (Must show 4). Exits 1 when
it is missed.
"""

import datetime
import sys

from common import Within, arguments, bench

PAGES = {
    "pipeline": "/admin/white-ribbon/",
    "pipeline: district + male-dominated": "/admin/white-ribbon/?district={watford}&male_dominated=true",
    "accreditation target": "/admin/white-ribbon/target/",
    "cycles, first page": "/admin/white-ribbon/cycles/",
    "renewals due": "/admin/white-ribbon/cycles/renewals/",
}


def add_organisations(wanted: int) -> None:
    """Confirmed organisations, each with a White Ribbon cycle at some stage, in bulk, until there are `wanted`."""
    from django.utils import timezone

    from champions.whiteribbon.models import AccreditationCycle
    from champions.whiteribbon.services import expiry_of
    from lms.accounts.models import District
    from lms.organisations.models import Organisation

    missing = wanted - Organisation.objects.count()
    if missing <= 0:
        return
    S = AccreditationCycle.Stage
    districts, kinds = list(District.objects.all()), Organisation.Kind.values
    organisations = Organisation.objects.bulk_create([
        Organisation(name=f"Bench White Ribbon Organisation {n}", kind=kinds[n % len(kinds)],
                     district=districts[n % len(districts)], male_dominated_workforce=n % 4 == 0,
                     partnership_member=n % 3 == 0, status=Organisation.Status.CONFIRMED)
        for n in range(missing)
    ], batch_size=1000)
    today = timezone.localdate()
    stages = [S.INTERESTED, S.COMMITTED, S.PREPARING, S.SUBMITTED, S.ACCREDITED, S.ACCREDITED, S.RENEWAL_DUE, S.LAPSED]
    cycles = []
    for n, organisation in enumerate(organisations):
        stage = stages[n % len(stages)]
        approved = today - datetime.timedelta(days=(n * 7) % 1000) if stage == S.ACCREDITED else \
            today - datetime.timedelta(days=1000) if stage == S.RENEWAL_DUE else None
        cycles.append(AccreditationCycle(
            organisation=organisation, stage=stage, approved_on=approved,
            expires_on=expiry_of(approved) if approved else None,
            track=AccreditationCycle.Track.SUPPORTER if stage in (S.INTERESTED, S.COMMITTED) and n % 5 == 0
            else AccreditationCycle.Track.ACCREDITED,
            closed_on=today - datetime.timedelta(days=n % 300) if stage == S.LAPSED else None,
            lead_contact_name=f"Lead Contact {n}",
        ))
    AccreditationCycle.objects.bulk_create(cycles, batch_size=1000)


def main() -> int:
    parser = arguments(__doc__.splitlines()[0], requests=100)
    parser.add_argument("--organisations", type=int, default=6000, help="organisations at the large size (6000)")
    args = parser.parse_args()
    with bench(args, script="whiteribbon") as run:
        from lms.accounts.models import District
        from lms.organisations.models import Organisation

        client = run.signed_in("coordinator@example.org")
        watford = District.objects.get(slug="watford")
        pages = {name: url.format(watford=watford.pk) for name, url in PAGES.items()}
        run.measure(client, pages, size=f"{Organisation.objects.count()} orgs")
        add_organisations(args.organisations)
        run.measure(client, pages, size=f"{Organisation.objects.count()} orgs")
        return run.report("White Ribbon admin pages, then with more organisations",
                          {name: Within(same_queries=True) for name in pages})


if __name__ == "__main__":
    sys.exit(main())
