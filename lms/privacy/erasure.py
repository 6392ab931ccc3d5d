"""Erasing an account: at its owner's request ("Delete my account"), by a coordinator or an
administrator on the person's behalf (the learner record's "Erase this account"), or by the
retention rules.

What goes: the account's name, job, email addresses, password and authenticators; its
organisation memberships and leads; its champion record (with its history, bookings, briefings,
relay messages to it and blocks); its certificates (their codes are kept, alone, so /verify/
says "no longer available") and their PDFs; its data downloads; its White Ribbon roles and lead
contacts lose their names and emails; its reflections are emptied; its lesson feedback loses
its author and its comment as written (the masked comment and the answers stay); its follow-ups
lose what happened as written (the answers and the masked account stay); history entries about it
lose its name and details, and notes on other records that mention it say "[name removed]".

What stays, unlinked from any person: the account's row, renamed to an address that cannot
receive mail and unable to sign in, so that the learning records hanging from it (enrolments,
lessons visited and completed, quiz attempts, confidence ratings, relay messages sent) still
count in the reports' totals, pass rates and medians, with its sector and district. The
erased person's email can sign up again as a new account.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from champions.models import (
    AccreditationCycle,
    ActionUpdate,
    Champion,
    StageChange,
    StatusChange,
    WhiteRibbonPerson,
)
from lms.accounts.models import User
from lms.certificates.models import Certificate, CertificateBundle
from lms.certificates.pdf import forget_certificate_pdf
from lms.feedback.models import LessonFeedback
from lms.followup.models import FollowUp, FollowUpRefusal
from lms.learning.models import Attempt, ConfidenceRating, Enrolment
from lms.organisations.models import Membership
from lms.privacy.export import delete_data_export_file
from lms.privacy.models import DataExport, ErasedCertificate, InactivityWarning

# Erased accounts keep their row under an address in this domain, which can never receive mail
# (".invalid" is reserved for that): it also tells erased accounts apart from any other.
ERASED_DOMAIN = "erased.invalid"
ERASED_LABEL = "Erased account"
ACCOUNT_ERASED = "lms.privacy.account_erased"


class ErasureRefused(Exception):
    """An account that cannot be erased this way (the last administrator, or one's own account
    from the staff screen)."""


def is_erased(user: User) -> bool:
    return user.email.endswith("@" + ERASED_DOMAIN)


def erased_accounts():
    return User.objects.filter(email__endswith="@" + ERASED_DOMAIN)


def check_can_erase(person: User, *, by: User | None = None) -> None:
    """Refuse to erase the only active administrator: the site would have no one to run it.

    `by` is the staff member erasing someone else's account (None for the person themselves or
    the retention rules): the message then speaks of "their" account, not "your"."""
    others = User.objects.filter(is_superuser=True, is_active=True).exclude(pk=person.pk)
    if person.is_superuser and not others.exists():
        if by is not None and by.pk != person.pk:
            raise ErasureRefused(
                f"{person.full_name or person.email} is the only administrator, so their account cannot be "
                "erased. Make someone else an administrator first."
            )
        raise ErasureRefused(
            "You are the only administrator, so your account cannot be deleted here. "
            "Make someone else an administrator first."
        )


@dataclass(frozen=True)
class ErasureImpact:
    """What erasing one account removes, counted, so that the confirmation screens can say so
    (the person's own "Delete my account" and the staff's "Erase this account")."""

    certificates: int
    memberships: int
    leads: int
    champion_status: str | None
    white_ribbon_roles: int
    learning_records: int


def erasure_impact(person: User) -> ErasureImpact:
    """Count what `person`'s erasure removes, and the learning records it keeps anonymously."""
    champion = Champion.objects.filter(user=person).only("status").first()
    return ErasureImpact(
        certificates=Certificate.objects.filter(user=person).count(),
        memberships=Membership.objects.filter(user=person).count(),
        leads=person.led_organisations.count(),
        champion_status=champion.get_status_display() if champion else None,
        white_ribbon_roles=WhiteRibbonPerson.objects.filter(user=person).count(),
        learning_records=Enrolment.objects.filter(user=person).count() + Attempt.objects.filter(user=person).count(),
    )


def erase_account(person: User, *, reason: str, by: User | None = None) -> User:
    """Erase `person`'s personal data everywhere (see the module's docstring) and log that an
    account was erased, with `reason` ("their own request", a retention rule, or what a staff
    member wrote) and `by` (the staff member who did it; None when the person or the rules did),
    without the person's name or email: they are taken out of the reason too. Returns the
    anonymised account. All or nothing."""
    names = [value for value in {person.email, person.full_name} if value]
    names += [address.email for address in EmailAddress.objects.filter(user=person)]
    if by is not None:  # what a staff member wrote; the other reasons are the site's own words
        reason = _without_names(reason, names)
    with transaction.atomic():
        if person.is_superuser:
            # Two administrators erasing each other at once: the second waits here, then is refused.
            list(User.objects.select_for_update().filter(is_superuser=True, is_active=True).values_list("pk"))
        check_can_erase(person, by=by)
        about = _records_about(person)
        _erase_certificates(person)
        Champion.objects.filter(user=person).delete()
        Membership.objects.filter(user=person).delete()
        person.led_organisations.clear()
        EmailAddress.objects.filter(user=person).delete()
        Authenticator.objects.filter(user=person).delete()
        for export in DataExport.objects.filter(user=person):
            transaction.on_commit(lambda export=export: delete_data_export_file(export))
        DataExport.objects.filter(user=person).delete()
        InactivityWarning.objects.filter(user=person).delete()
        WhiteRibbonPerson.objects.filter(user=person).update(name=ERASED_LABEL, job_title="", email="", user=None)
        AccreditationCycle.objects.filter(lead_contact_user=person).update(
            lead_contact_user=None, lead_contact_name="", lead_contact_email="",
        )
        ConfidenceRating.objects.filter(user=person).exclude(reflection="").update(reflection="")
        # Lesson feedback keeps its answers and its masked comment (the panel's counts and notes
        # stand), but not who wrote it nor the comment as they wrote it.
        LessonFeedback.objects.filter(user=person).update(user=None, comment="")
        # Follow-ups keep their answers and the masked account of what happened (the reports'
        # counts stand), but not what happened as they wrote it; a "no thanks" has no use now.
        FollowUp.objects.filter(user=person).exclude(what_happened="").update(what_happened="")
        FollowUpRefusal.objects.filter(user=person).delete()
        _forget_wagtail_profile(person)
        _scrub_history(about, names)
        _redact_mentions(names)

        person.email = f"erased-{secrets.token_hex(8)}@{ERASED_DOMAIN}"
        person.full_name = ""
        person.job_role = ""
        person.first_name = person.last_name = ""
        person.organisation = None
        person.is_active = person.is_staff = person.is_superuser = False
        person.last_login = None
        person.set_unusable_password()
        person.save()
        person.groups.clear()
        person.user_permissions.clear()
        # Every session it had open ends at its next request.
        User.objects.filter(pk=person.pk).update(security_stamp=person.security_stamp + 1)
        log(person, ACCOUNT_ERASED, user=by, data={"reason": reason})
    return person


def _erase_certificates(person: User) -> None:
    certificates = list(Certificate.objects.filter(user=person))
    codes = [certificate.code for certificate in certificates]
    ErasedCertificate.objects.bulk_create(
        [ErasedCertificate(code=code) for code in codes], ignore_conflicts=True,
    )
    # A lead's zip made earlier may hold these certificates: it is no longer handed out.
    store = storages["certificates"]
    for bundle in CertificateBundle.objects.filter(status=CertificateBundle.Status.READY):
        if set(bundle.codes or ()) & set(codes):
            name = bundle.file_name
            if bundle.move_to(CertificateBundle.Status.EXPIRED, file_name="") and name:
                transaction.on_commit(lambda name=name: store.exists(name) and store.delete(name))
    for certificate in certificates:
        transaction.on_commit(lambda certificate=certificate: forget_certificate_pdf(certificate))
    Certificate.objects.filter(pk__in=[certificate.pk for certificate in certificates]).delete()


def _forget_wagtail_profile(person: User) -> None:
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user=person).delete()


# A name shorter than this is not searched for in other records' history (it would match too
# much that is not about the person); entries about their own records are scrubbed whatever.
SHORTEST_NAME_SEARCHED = 5


def _records_about(person: User) -> Q:
    """History entries about the person's account and their own records, which erasure deletes."""
    about = Q(content_type=ContentType.objects.get_for_model(User), object_id=str(person.pk))
    for model, objects in (
        (Membership, Membership.objects.filter(user=person)),
        (Champion, Champion.objects.filter(user=person)),
        (Certificate, Certificate.objects.filter(user=person)),
        (WhiteRibbonPerson, WhiteRibbonPerson.objects.filter(user=person)),
    ):
        ids = [str(pk) for pk in objects.values_list("pk", flat=True)]
        if ids:
            about |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    return about


# Free-text notes on other people's and organisations' records, where the person may be named
# (a reason they gave for approving a champion, a progress note, a steering group's members).
NOTES_THAT_MAY_NAME_PEOPLE = (
    (StatusChange, "reason"), (StageChange, "note"), (ActionUpdate, "text"), (Champion, "manager_agreement_note"),
    (Certificate, "revocation_reason"), (AccreditationCycle, "steering_group"),
    # Lesson feedback: another learner's comment (as written, or a name its masking missed) and
    # the panel's notes.
    (LessonFeedback, "comment"), (LessonFeedback, "masked_comment"), (LessonFeedback, "panel_note"),
    # What happened, in another learner's follow-up (as written, or a name its masking missed).
    (FollowUp, "what_happened"), (FollowUp, "what_happened_masked"),
)
REDACTED = "[name removed]"


def _without_names(text: str, names: list[str]) -> str:
    """`text` (a reason a staff member wrote about this person) with each of `names` replaced,
    and each part of them on its own as a whole word ("Ms Quennell asked by email")."""
    whole = [name for name in names if name.strip()]
    # An address's mailbox part only: its domain ("example.org") is not about the person.
    parts = {part for name in whole for part in re.split(r"[\s\-._+]+", name.split("@")[0]) if len(part) >= 2}
    alternatives = [re.escape(name) for name in sorted(whole, key=len, reverse=True)]
    alternatives += [rf"\b{re.escape(part)}\b" for part in sorted(parts, key=len, reverse=True)]
    if not alternatives:
        return text
    return re.sub("|".join(alternatives), REDACTED, text, flags=re.IGNORECASE)


def _redact_mentions(names: list[str]) -> None:
    """Replace the person's name and email wherever a note on someone else's record mentions it."""
    names = [name for name in names if len(name) >= SHORTEST_NAME_SEARCHED]
    if not names:
        return
    pattern = re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)), re.IGNORECASE)
    for model, field in NOTES_THAT_MAY_NAME_PEOPLE:
        mentions = Q()
        for name in names:
            mentions |= Q(**{f"{field}__icontains": name})
        for pk, text in model.objects.filter(mentions).values_list("pk", field):
            model.objects.filter(pk=pk).update(**{field: pattern.sub(REDACTED, text)})


def _scrub_history(about: Q, names: list[str]) -> None:
    """History entries about the person, or naming them, keep what happened and when, not who."""
    names = [name for name in names if len(name) >= SHORTEST_NAME_SEARCHED]
    for model in (ModelLogEntry, PageLogEntry):
        entries = model.objects.annotate(data_text=Cast("data", TextField()))
        naming = about if model is ModelLogEntry else Q(pk__in=[])
        for name in names:
            naming |= Q(label__icontains=name) | Q(data_text__icontains=name)
            encoded = name.encode("ascii", "backslashreplace").decode().replace("\\x", "\\u00")
            if encoded != name:
                naming |= Q(data_text__icontains=encoded)
        entries.filter(naming).update(label=ERASED_LABEL, data={})
