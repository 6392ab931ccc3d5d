"""Demo guidance updates: two published updates, as the co-production panel and a moderator would
have let them out, and where the demo's certificate holders stand with them.

- "Domestic Abuse Protection Notices and Orders", first published 10 days ago, for the coercive
  control and post-separation modules, with two questions: pending for learner@example.org (who
  holds a current certificate for coercive control), completed by some holders, not yet by others.
- "Police risk assessment: DARA at the front line, DASH for partners", first published 45 days
  ago, for the disclosure and risk assessment modules, with no questions: completed by some,
  outstanding for others, among them members of orglead@example.org's school.

Everyone who needs an update is recorded as told on its day, so the notices job finds nobody
new and the demo sends no email. Idempotent: pages are found by slug; the records by their
unique (update, person).
"""

from __future__ import annotations

import datetime
import json

from django.db import transaction
from django.utils import timezone

from content.models import HomePage, TrainingModulePage
from lms.updates.models import GuidanceUpdateIndexPage, GuidanceUpdatePage, UpdateCompletion, UpdateNotice
from lms.updates.services import people_needing

HELP = (
    "<p>If you or someone you support is in danger now, call 999. If you cannot speak, call 999 from a mobile "
    "and press 55 when asked, and the call goes through to the police.</p>"
    "<p>The National Domestic Abuse Helpline, run by Refuge, is for women, and for friends, family and "
    "professionals supporting them: 0808 2000 247, free, 24 hours a day. Men can call the Men's Advice Line, "
    "run by Respect, on 0808 801 0327. LGBT+ people can call Galop's National LGBT+ Domestic Abuse Helpline "
    "on 0800 999 5428.</p>"
)


def _rich(html: str) -> dict:
    return {"type": "rich_text", "value": html}


def _key_point(heading: str, html: str) -> dict:
    return {"type": "key_point", "value": {"heading": heading, "text": html}}


DAPO = {
    "slug": "domestic-abuse-protection-orders",
    "title": "Domestic Abuse Protection Notices and Orders",
    "modules": ["coercive-control-and-stalking", "post-separation-abuse"],
    "days_ago": 10,
    "what_changed": (
        "Domestic Abuse Protection Notices and Orders, brought in by Part 3 of the Domestic Abuse Act 2021, "
        "are replacing Domestic Violence Protection Notices and Orders (DVPNs and DVPOs) as they roll out "
        "across England and Wales."
    ),
    "why": (
        "Someone you support may have one of the new notices or orders, may live in an area where they are "
        "already used, or may ask you about them. Knowing their names, and what has not changed, helps you "
        "listen well and refer on to the right people."
    ),
    "body": [
        _rich(
            "<p>The new notices and orders were first used from 27 November 2024, in Greater Manchester, parts of "
            "London and by British Transport Police, and then in Cleveland and North Wales. Other areas follow as "
            "they roll out, and the older DVPNs and DVPOs are replaced as they do.</p>"
        ),
        _key_point(
            "What has not changed",
            "<p>Non-molestation orders and occupation orders are still made by the family court. A person may "
            "still need a solicitor or a specialist service to apply for one.</p>",
        ),
        _rich(
            "<h3>What it means for your work</h3>"
            "<ul><li>You are not expected to advise on the law. Listen, check whether the person is safe now, and "
            "refer them on: to a specialist domestic abuse service, to the police, or to the helplines below.</li>"
            "<li>Do not assume which order applies where someone lives: the police in their area can say which "
            "notices and orders they use.</li>"
            "<li>An order does not end the risk. Keep assessing risk after separation, as the module describes, "
            "and refer to MARAC where the criteria are met.</li></ul>"
        ),
        _rich("<h3>Where to get help</h3>" + HELP),
    ],
    "questions": [
        {
            "text": "As they roll out, which orders do Domestic Abuse Protection Notices and Orders replace?",
            "answer_a": "Non-molestation and occupation orders made by the family court",
            "answer_b": "Domestic Violence Protection Notices and Orders (DVPNs and DVPOs)",
            "answer_c": "Every kind of protective order, in every court",
            "correct": "b",
            "explanation": (
                "The new notices and orders replace the older police-led notices and orders. Non-molestation and "
                "occupation orders are still made by the family court."
            ),
        },
        {
            "text": "Someone tells you they have a protection order and asks what it means for them. What do you do?",
            "answer_a": "Explain the law to them as best you can",
            "answer_b": "Tell them that orders from other areas do not apply here",
            "answer_c": "Listen, check they are safe now, and refer them to a specialist service or the police",
            "correct": "c",
            "explanation": (
                "You are not expected to give legal advice, and guessing could put someone at risk. Your part is "
                "to listen, check safety and refer on to people who can advise."
            ),
        },
    ],
}

DARA = {
    "slug": "police-risk-assessment-dara",
    "title": "Police risk assessment: DARA at the front line, DASH for partners",
    "modules": ["recognising-vawg-and-responding-to-disclosure", "risk-assessment-dash-and-marac"],
    "days_ago": 45,
    "what_changed": (
        "Many police forces now use the College of Policing's Domestic Abuse Risk Assessment (DARA) at the front "
        "line in place of the DASH risk checklist. Partner agencies and MARAC still use DASH."
    ),
    "why": (
        "When you talk about risk with the police, they may have used a different tool from yours. Knowing this "
        "avoids confusion in referrals: keep using DASH, and share your answers and your professional judgement."
    ),
    "body": [
        _rich(
            "<p>DARA is a risk assessment written for police officers attending domestic abuse incidents. It does "
            "not replace DASH for anyone else: if you work outside the police, nothing about how you ask the DASH "
            "questions, or when you refer to MARAC, has changed.</p>"
        ),
        _key_point(
            "MARAC referral is unchanged",
            "<p>Refer when the DASH shows visible high risk (14 or more ticks), when your professional judgement "
            "says so, when the abuse is escalating, or when it is a repeat within 12 months of the last referral. "
            "Professional judgement is never used to lower a referral.</p>",
        ),
        _rich("<h3>Where to get help</h3>" + HELP),
    ],
    "questions": [],
}


def _index() -> GuidanceUpdateIndexPage | None:
    index = GuidanceUpdateIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.first()
    if home is None:
        return None
    index = GuidanceUpdateIndexPage(title="Guidance updates", slug="updates")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _update(index, spec: dict, now: datetime.datetime) -> GuidanceUpdatePage | None:
    """The update of `spec`, first published `days_ago` days before `now`, with those who needed
    it that day recorded as told: made once, found by its slug afterwards."""
    existing = GuidanceUpdatePage.objects.filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    modules = list(TrainingModulePage.objects.filter(slug__in=spec["modules"]))
    if not modules:
        return None
    published = now - datetime.timedelta(days=spec["days_ago"])
    update = GuidanceUpdatePage(
        title=spec["title"], slug=spec["slug"], what_changed=spec["what_changed"], why=spec["why"],
        body=json.dumps(spec["body"]), days_to_complete=28, live=False, first_published_at=published,
    )
    update.modules = modules
    for number, question in enumerate(spec["questions"]):
        update.questions.add(update.questions.model(sort_order=number, **question))
    index.add_child(instance=update)
    revision = update.save_revision()
    day = timezone.localdate(published)
    due = day + datetime.timedelta(days=update.days_to_complete)
    UpdateNotice.objects.bulk_create(
        [UpdateNotice(update=update, user=person, notified_at=published, due_on=due)
         for person in people_needing(update, day)],
        ignore_conflicts=True,
    )
    revision.publish()
    return GuidanceUpdatePage.objects.get(pk=update.pk)


def _complete(update: GuidanceUpdatePage, emails: set[str], every: int, now: datetime.datetime) -> None:
    """Mark as completed the update for the told holders among `emails`, and for every `every`-th
    other holder told (by account id), a few days after they were told."""
    for number, notice in enumerate(update.notices.select_related("user").order_by("user_id")):
        if notice.user.email in emails or (notice.user.email not in KEEP_PENDING and number % every == 0):
            UpdateCompletion.objects.get_or_create(
                update=update, user=notice.user,
                defaults={"completed_at": min(notice.notified_at + datetime.timedelta(days=3), now)},
            )


# Holders the demo leaves with updates to do: the learner (pending) and some of the school's staff
# (outstanding), so that the banner and the lead's report have something to show.
KEEP_PENDING = {
    "learner@example.org", "teacher@example.org", "senco@example.org",
    "champion16@example.org", "champion34@example.org",
}


def seed_updates(now: datetime.datetime | None = None) -> int:
    """Make the demo updates and where holders stand; returns how many updates are live."""
    now = now or timezone.now()
    with transaction.atomic():
        index = _index()
        if index is None:
            return 0
        dapo = _update(index, DAPO, now)
        dara = _update(index, DARA, now)
        if dapo is not None:
            _complete(dapo, set(), every=3, now=now)
        if dara is not None:
            _complete(dara, {"orglead@example.org", "champion52@example.org"}, every=2, now=now)
    return GuidanceUpdatePage.objects.live().count()
