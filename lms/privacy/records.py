"""Everything stored about one person, gathered kind by kind: what "Download my data" puts in
its zip (one JSON file per kind). Records are written as they are stored, except that another
person is never named: a link to someone else's account reads "another person"."""

from __future__ import annotations

import json
import re

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from wagtail.models import ModelLogEntry

from champions.models import (
    AccreditationCycle,
    ActionUpdate,
    Briefing,
    Champion,
    RelayBlock,
    RelayMessage,
    SessionBooking,
    StageChange,
    StatusChange,
    WhiteRibbonPerson,
)
from lms.accounts.models import User
from lms.certificates.models import Certificate, CertificateBundle
from lms.feedback.models import LessonFeedback
from lms.followup.models import FollowUp, FollowUpRefusal
from lms.learning.models import Attempt, ConfidenceRating, Enrolment, LessonCompletion, LessonVisit
from lms.organisations.models import Membership, Organisation
from lms.updates.models import UpdateCompletion, UpdateNotice

# The account's own fields that are never handed out: secrets, and fields that stay empty.
ACCOUNT_FIELDS_LEFT_OUT = {"password", "security_stamp", "first_name", "last_name"}
FEEDBACK_FIELDS_LEFT_OUT = {"screened_by", "considered_by", "panel_note"}
YOU = "you"
SOMEONE_ELSE = "another person"


def _value(obj, field, person: User):
    value = field.value_from_object(obj)
    if field.is_relation and field.related_model is User:
        if value is None:
            return None
        return YOU if value == person.pk else SOMEONE_ELSE
    if field.is_relation:
        related = getattr(obj, field.name, None)
        return str(related) if related is not None else None
    return value


def record(obj, person: User, leave_out=(), extra: dict | None = None) -> dict:
    """One stored row as a dictionary: its columns, with links shown by the linked record's
    name (another person's account only as "another person"). Where the row links to someone
    else's account, their name and email are taken out of its text as well (a reason they wrote
    and signed, say)."""
    result = {}
    others = []
    for field in obj._meta.concrete_fields:
        if field.name in leave_out:
            continue
        result[field.name] = _value(obj, field, person)
        if result[field.name] == SOMEONE_ELSE:
            others.append(getattr(obj, field.name))
    names = [name for other in others for name in (other.full_name, other.email) if name]
    if names:
        pattern = re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)),
                             re.IGNORECASE)
        result = {key: pattern.sub(SOMEONE_ELSE, value) if isinstance(value, str) else value
                  for key, value in result.items()}
    return {**result, **(extra or {})}


def _names(manager) -> list[str]:
    return sorted(str(item) for item in manager.all())


def personal_records(person: User) -> dict[str, list[dict]]:
    """Every kind of record kept about `person`, by file name (without ".json")."""
    champion = Champion.objects.filter(user=person).first()
    certificates = list(Certificate.objects.filter(user=person).order_by("issued_on", "code"))
    memberships = list(Membership.objects.filter(user=person).select_related("organisation"))
    white_ribbon = list(WhiteRibbonPerson.objects.filter(user=person).select_related("organisation"))
    kinds: dict[str, list[dict]] = {
        "account": [record(person, person, leave_out=ACCOUNT_FIELDS_LEFT_OUT, extra={
            "groups": _names(person.groups),
        })],
        "email_addresses": [record(address, person) for address in EmailAddress.objects.filter(user=person)],
        # The kind of each authenticator and when it was used; never its secret or codes.
        "two_factor_authenticators": [
            record(authenticator, person, leave_out={"data"})
            for authenticator in Authenticator.objects.filter(user=person)
        ],
        "organisation_memberships": [record(membership, person) for membership in memberships],
        "organisations_you_lead": [
            {"organisation": str(organisation)} for organisation in person.led_organisations.all()
        ],
        "organisations_you_proposed": [
            {"organisation": str(organisation)} for organisation in Organisation.objects.filter(proposed_by=person)
        ],
        "enrolments": [record(item, person) for item in Enrolment.objects.filter(user=person)],
        "lesson_visits": [record(item, person) for item in LessonVisit.objects.filter(user=person)],
        "lesson_completions": [record(item, person) for item in LessonCompletion.objects.filter(user=person)],
        "quiz_attempts": [record(item, person) for item in Attempt.objects.filter(user=person)],
        "confidence_ratings": [record(item, person) for item in ConfidenceRating.objects.filter(user=person)],
        # Their answers and comment as they wrote it, and where it stands; not who screened it
        # nor the panel's note.
        "lesson_feedback": [
            record(item, person, leave_out=FEEDBACK_FIELDS_LEFT_OUT)
            for item in LessonFeedback.objects.filter(user=person).select_related("lesson", "module")
        ],
        # Each follow-up invitation and what they answered, as they wrote it (their ratings are
        # among the confidence ratings, at the "follow_up" stage), and a "no thanks" if they said it.
        "follow_ups": [
            record(item, person, leave_out={"what_happened_masked"})
            for item in FollowUp.objects.filter(user=person).select_related("module")
        ],
        "follow_up_no_thanks": [
            {"said_at": refusal.created_at} for refusal in FollowUpRefusal.objects.filter(user=person)
        ],
        # Guidance updates: when they were told of each and by when to complete it, and those done.
        "guidance_updates_you_were_told_about": [
            record(item, person) for item in UpdateNotice.objects.filter(user=person).select_related("update")
        ],
        "guidance_updates_you_completed": [
            record(item, person) for item in UpdateCompletion.objects.filter(user=person).select_related("update")
        ],
        "certificates": [record(item, person, leave_out={"holder_name_folded"}, extra={
            "pdf": f"certificates/{item.code}.pdf" if not item.revoked_at else None,
        }) for item in certificates],
        # Zips of staff certificates asked for as a lead: when, and how far they got (not whose).
        "certificate_zips_you_asked_for": [
            record(item, person, leave_out={"codes", "file_name"})
            for item in CertificateBundle.objects.filter(requested_by=person)
        ],
        "champion": [],
        "champion_history": [],
        "session_bookings": [],
        "briefings_you_gave": [],
        "relay_messages_you_received": [],
        "relay_senders_you_blocked": [],
        # That a message was sent through the relay, and when: message bodies are never kept.
        "relay_messages_you_sent": [
            {"to_champion": SOMEONE_ELSE, "sent_at": message.sent_at}
            for message in RelayMessage.objects.filter(sender=person)
        ],
        "white_ribbon_roles": [record(item, person) for item in white_ribbon],
        "white_ribbon_lead_contact": [
            {"organisation": str(cycle.organisation), "lead_contact_name": cycle.lead_contact_name,
             "lead_contact_email": cycle.lead_contact_email, "stage": cycle.stage}
            for cycle in AccreditationCycle.objects.filter(lead_contact_user=person).select_related("organisation")
        ],
        "white_ribbon_progress_you_recorded": [
            record(item, person) for item in ActionUpdate.objects.filter(by=person)
        ] + [record(item, person) for item in StageChange.objects.filter(by=person)],
    }
    if champion is not None:
        kinds["champion"] = [record(champion, person, leave_out={"search_text"}, extra={
            "districts": _names(champion.districts), "specialisms": _names(champion.specialisms),
            "languages": _names(champion.languages),
        })]
        kinds["champion_history"] = [record(item, person) for item in StatusChange.objects.filter(champion=champion)]
        kinds["session_bookings"] = [record(item, person) for item in SessionBooking.objects.filter(champion=champion)]
        kinds["briefings_you_gave"] = [
            record(item, person, extra={"topics": _names(item.topics)})
            for item in Briefing.objects.filter(champion=champion)
        ]
        kinds["relay_messages_you_received"] = [
            {"from": SOMEONE_ELSE, "sent_at": message.sent_at}
            for message in RelayMessage.objects.filter(champion=champion)
        ]
        kinds["relay_senders_you_blocked"] = [
            {"sender": SOMEONE_ELSE, "blocked_at": block.created_at}
            for block in RelayBlock.objects.filter(champion=champion)
        ]
    kinds["history"] = _log_entries(person, memberships, champion, certificates, white_ribbon)
    return kinds


def _log_entries(person, memberships, champion, certificates, white_ribbon) -> list[dict]:
    """The site's history of changes to the person's own records (their account, memberships,
    champion record, certificates, White Ribbon roles), and of what they did themselves (when
    and what kind of change only: their actions on other people's records are about those people)."""
    about = Q(content_type=ContentType.objects.get_for_model(User), object_id=str(person.pk))
    for model, objects in ((Membership, memberships), (Champion, [champion] if champion else []),
                           (Certificate, certificates), (WhiteRibbonPerson, white_ribbon)):
        if objects:
            about |= Q(content_type=ContentType.objects.get_for_model(model),
                       object_id__in=[str(obj.pk) for obj in objects])
    own = set(ModelLogEntry.objects.filter(about).values_list("pk", flat=True))
    entries = []
    history = ModelLogEntry.objects.filter(about | Q(user=person)).select_related("content_type")
    for entry in history.order_by("timestamp"):
        item = {"when": entry.timestamp, "action": entry.action, "by": YOU if entry.user_id == person.pk else (
            SOMEONE_ELSE if entry.user_id else None), "kind_of_record": entry.content_type.name}
        if entry.pk in own:
            item.update(label=entry.label, details=entry.data)
        entries.append(item)
    return entries


def as_json(rows: list[dict]) -> str:
    return json.dumps(rows, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False, default=str)

