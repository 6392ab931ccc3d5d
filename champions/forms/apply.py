"""The application to be a champion, and the line manager's answer to it."""

from __future__ import annotations

from django import forms

from champions.models import Champion, ChampionTier, Language
from champions.services import Application, confirmed_organisations, tier_progress
from content.models import Sector, Topic
from lms.accounts.models import District
from lms.site.fields import ChoiceOfRecord, ChoiceOfRecords
from lms.site.validators import printable_text, reject_formula_start, validate_person_name


def _choice_messages(required: str, invalid: str) -> dict[str, str]:
    return {"required": required, "invalid_choice": invalid, "invalid_pk_value": invalid, "invalid_list": invalid}


class TierChoiceField(ChoiceOfRecord):
    def label_from_instance(self, tier):
        return f"{tier.name} – {tier.time_commitment[:1].lower()}{tier.time_commitment[1:]}"


def _manager_name(value: str) -> str:
    """A person's name, as the profile's name is checked: letters, spaces, hyphens, apostrophes."""
    try:
        return validate_person_name(value)
    except forms.ValidationError:
        raise forms.ValidationError(
            "Your line manager’s name can only include letters, spaces, hyphens, apostrophes and full stops"
        ) from None


class ApplicationForm(forms.Form):
    """What a champion's application asks. Only tiers the person is eligible for and organisations
    that confirmed them are offered; services.apply() checks both again."""

    tier = TierChoiceField(
        queryset=ChampionTier.objects.none(), widget=forms.RadioSelect, empty_label=None,
        label="Which tier are you applying for?",
        help_text="You can choose a tier once you hold a valid certificate for every module of its pathway.",
        error_messages=_choice_messages(
            "Choose the tier you are applying for", "Choose a tier from the list: you can only apply for "
            "a tier whose pathway you have completed",
        ),
    )
    organisation = ChoiceOfRecord(
        queryset=None, widget=forms.RadioSelect, empty_label=None,
        label="Which organisation will you be a champion in?",
        help_text="Only organisations that have confirmed you work or volunteer there are listed.",
        error_messages=_choice_messages(
            "Choose the organisation you will be a champion in",
            "Choose an organisation from the list: one that has confirmed you work or volunteer there",
        ),
    )
    districts = ChoiceOfRecords(
        queryset=District.objects.all(), widget=forms.CheckboxSelectMultiple,
        label="Which districts do you cover?",
        help_text="Select all that apply. People looking for a champion near them search by district.",
        error_messages=_choice_messages(
            "Choose at least one district you cover", "Choose districts from the list",
        ),
    )
    sector = ChoiceOfRecord(
        queryset=Sector.objects.all(), widget=forms.RadioSelect, empty_label=None,
        label="Which sector do you work in?",
        error_messages=_choice_messages("Choose the sector you work in", "Choose a sector from the list"),
    )
    specialisms = ChoiceOfRecords(
        queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple, required=False,
        label="Which forms of violence against women and girls do you know your way around? (optional)",
        help_text="Select any you have training or experience in, so colleagues know who to ask. "
                  "You are not expected to be a specialist in any of them.",
        error_messages=_choice_messages("", "Choose forms of violence against women and girls from the list"),
    )
    languages = ChoiceOfRecords(
        queryset=Language.objects.all(), widget=forms.CheckboxSelectMultiple, required=False,
        label="Which languages other than English can you talk with people in? (optional)",
        error_messages=_choice_messages("", "Choose languages from the list"),
    )
    availability = forms.CharField(
        max_length=200, label="When can people expect to hear back from you?",
        help_text="For example, “weekdays, within two working days” or “Tuesdays and Thursdays”.",
        error_messages={
            "required": "Enter when people can expect to hear back from you",
            "max_length": "When people can expect to hear back must be 200 characters or fewer",
        },
    )
    statement = forms.CharField(
        max_length=1000, widget=forms.Textarea(attrs={"rows": 6}),
        label="About you as a champion",
        help_text="Shown on your profile, once you are approved, to the people you choose below. A few "
                  "sentences on why you want to do this and how you can help colleagues, in up to 1,000 "
                  "characters. Do not include anything about your own or anyone else’s experience of abuse.",
        error_messages={
            "required": "Write a few sentences about you as a champion",
            "max_length": "Your statement must be 1,000 characters or fewer",
        },
    )
    line_manager_name = forms.CharField(
        max_length=150, label="Your line manager’s full name",
        error_messages={
            "required": "Enter your line manager’s full name",
            "max_length": "Your line manager’s name must be 150 characters or fewer",
        },
    )
    line_manager_email = forms.EmailField(
        max_length=254, label="Your line manager’s email address",
        help_text="We email them a link to agree to the time the role takes. They do not need an account.",
        error_messages={
            "required": "Enter your line manager’s email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
            "max_length": "Your line manager’s email address must be 254 characters or fewer",
        },
    )
    visibility = forms.ChoiceField(
        choices=Champion.Visibility.choices, widget=forms.RadioSelect, initial=Champion.Visibility.COORDINATORS,
        label="Once you are approved, who can see your champion profile?",
        help_text="Your profile shows your name, job, organisation, tier, the districts you cover, the forms "
                  "of abuse you know about and your languages. Your email address is never shown: people "
                  "write to you through a form on the site. You can change this at any time.",
        error_messages=_choice_messages("Choose who can see your profile", "Choose who can see your profile"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        eligible = [progress.tier.pk for progress in tier_progress(user) if progress.eligible]
        self.fields["tier"].queryset = ChampionTier.objects.filter(pk__in=eligible).order_by("sort_order", "name")
        self.fields["organisation"].queryset = confirmed_organisations(user).order_by("name")

    # The answers go into emails, the directory and coordinators' spreadsheets: no control or
    # direction-changing characters, no line breaks in one-line answers, nothing a spreadsheet
    # would run as a formula.
    def clean_availability(self):
        value = self.cleaned_data["availability"].strip()
        printable_text(value)
        return reject_formula_start(value, "Start with a letter or a number")

    def clean_statement(self):
        value = self.cleaned_data["statement"].strip()
        printable_text(value.replace("\r", " ").replace("\n", " "))
        return reject_formula_start(value, "Start with a letter or a number")

    def clean_line_manager_name(self):
        return _manager_name(self.cleaned_data["line_manager_name"])

    def clean_line_manager_email(self):
        email = self.cleaned_data["line_manager_email"].strip()
        if email.lower() == (self.user.email or "").lower():
            raise forms.ValidationError(
                "Enter your line manager’s email address, not your own: they are the one who agrees to your time"
            )
        return email

    def application(self) -> Application:
        data = self.cleaned_data
        return Application(
            tier=data["tier"], organisation=data["organisation"], sector=data["sector"],
            districts=list(data["districts"]), specialisms=list(data["specialisms"]),
            languages=list(data["languages"]), availability=data["availability"], statement=data["statement"],
            line_manager_name=data["line_manager_name"], line_manager_email=data["line_manager_email"],
            visibility=data["visibility"],
        )


def initial_for(user, champion: Champion | None, form_tiers, form_organisations) -> dict:
    """The form as a person last filled it in (after a decline or withdrawal), or from their profile."""
    if champion is not None:
        initial = {
            "organisation": champion.organisation_id, "sector": champion.sector_id,
            "districts": [d.pk for d in champion.districts.all()],
            "specialisms": [t.pk for t in champion.specialisms.all()],
            "languages": [language.pk for language in champion.languages.all()],
            "availability": champion.availability, "statement": champion.statement,
            "line_manager_name": champion.line_manager_name, "line_manager_email": champion.line_manager_email,
            "visibility": champion.visibility, "tier": champion.tier_id,
        }
    else:
        initial = {
            "sector": user.sector_id,
            "districts": [user.district_id] if user.district_id else [],
            "visibility": Champion.Visibility.COORDINATORS,
        }
    tiers = [tier.pk for tier in form_tiers]
    if initial.get("tier") not in tiers:
        initial["tier"] = tiers[0] if len(tiers) == 1 else None
    organisations = [organisation.pk for organisation in form_organisations]
    if initial.get("organisation") not in organisations:
        initial["organisation"] = (
            user.organisation_id if user.organisation_id in organisations
            else organisations[0] if len(organisations) == 1 else None
        )
    return initial


class AgreementForm(forms.Form):
    """The line manager's answer: agree, say they do not (which asks them to confirm), or confirm it."""

    AGREE = "agree"
    DISAGREE = "disagree"
    CONFIRM_DISAGREE = "confirm-disagree"

    decision = forms.ChoiceField(
        choices=[(AGREE, "I agree"), (DISAGREE, "I do not agree"), (CONFIRM_DISAGREE, "Yes, I do not agree")],
        error_messages={
            "required": "Choose whether you agree to this time",
            "invalid_choice": "Choose whether you agree to this time",
        },
    )
