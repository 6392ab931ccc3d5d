"""Forms of the network part: a briefing a champion gave (the cascade log), a coordinator's
network session in the admin, and the briefings report's date range."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from champions.models import Champion
from champions.network import EARLIEST_BRIEFING, MOST_PEOPLE_AT_A_BRIEFING, BriefingDetails, active_bookings
from content.models import Topic
from lms.accounts.models import District
from lms.organisations.models import Organisation
from lms.site.fields import ChoiceOfRecord, ChoiceOfRecords
from lms.site.validators import printable_text, reject_formula_start


def _number(label: str, low: int, high: int) -> forms.IntegerField:
    message = f"The date the briefing was given must be a real date: give the {label} as a number."
    return forms.IntegerField(
        label=label.capitalize(), required=False, min_value=low, max_value=high,
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )


class BriefingForm(forms.Form):
    """A briefing the champion gave: when, for whom, how many people, where, which forms of VAWG.

    The date is three boxes (day, month, year), as GOV.UK asks for dates people know."""

    given_day = _number("day", 1, 31)
    given_month = _number("month", 1, 12)
    given_year = _number("year", 1000, 9999)
    audience = forms.CharField(
        label="Who was it for?", max_length=200,
        help_text="For example “ward nurses”, “year 10 tutors” or “the housing team’s duty officers”. "
                  "Do not give the names of the people you briefed.",
        error_messages={"required": "Say who the briefing was for.",
                        "max_length": "Describe who it was for in 200 characters or fewer."},
    )
    people_count = forms.IntegerField(
        label="How many people did you brief?", min_value=1, max_value=MOST_PEOPLE_AT_A_BRIEFING,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter the number of people you briefed.",
            "invalid": "Enter the number of people you briefed as a number, like 12.",
            "min_value": "The number of people briefed must be at least 1.",
            "max_value": f"The number of people briefed must be {MOST_PEOPLE_AT_A_BRIEFING} or fewer.",
        },
    )
    organisation = ChoiceOfRecord(
        label="Which organisation do they work or volunteer for? (optional)", required=False,
        queryset=Organisation.objects.none(), empty_label="Not one of these, or a mix",
        help_text="Choose it if it is listed here.",
        error_messages={"invalid_choice": "Choose the organisation from the list."},
    )
    district = ChoiceOfRecord(
        label="In which district did you give it?", queryset=District.objects.all(),
        empty_label="Choose a district",
        error_messages={"required": "Choose the district you gave the briefing in.",
                        "invalid_choice": "Choose the district from the list."},
    )
    topics = ChoiceOfRecords(
        label="Which forms of VAWG did it cover?", queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple, help_text="Select all that apply.",
        error_messages={"required": "Select at least one form of VAWG the briefing covered.",
                        "invalid_choice": "Select the forms of VAWG from the list.",
                        "invalid_pk_value": "Select the forms of VAWG from the list."},
    )

    def __init__(self, *args, champion: Champion, **kwargs):
        super().__init__(*args, **kwargs)
        self.champion = champion
        self.fields["organisation"].queryset = Organisation.objects.listed().order_by("name")

    def clean_audience(self):
        audience = " ".join(self.cleaned_data["audience"].split())
        if not audience:
            raise forms.ValidationError("Say who the briefing was for.")
        printable_text(audience)
        reject_formula_start(audience, "Start with a letter or a number.")
        return audience

    def clean(self):
        cleaned = super().clean()
        parts = [cleaned.get(name) for name in ("given_day", "given_month", "given_year")]
        if any(f"given_{name}" in self.errors for name in ("day", "month", "year")):
            return cleaned
        if all(part is None for part in parts):
            self.add_error("given_day", "Enter the date you gave the briefing.")
            return cleaned
        if any(part is None for part in parts):
            missing = [name for name, part in zip(("day", "month", "year"), parts, strict=True) if part is None]
            self.add_error(f"given_{missing[0]}", f"The date the briefing was given must include a {missing[0]}.")
            return cleaned
        day, month, year = parts
        try:
            given_on = datetime.date(year, month, day)
        except ValueError:
            self.add_error("given_day", "The date the briefing was given must be a real date.")
            return cleaned
        if given_on > timezone.localdate():
            self.add_error("given_day", "The date the briefing was given must be today or in the past.")
        elif given_on < EARLIEST_BRIEFING:
            self.add_error("given_day", f"The date the briefing was given must be on or after "
                                        f"{EARLIEST_BRIEFING:%-d %B %Y}.")
        else:
            cleaned["given_on"] = given_on
        return cleaned

    @property
    def date_errors(self) -> list[str]:
        return [error for name in ("given_day", "given_month", "given_year") for error in self.errors.get(name, [])]

    def details(self) -> BriefingDetails:
        data = self.cleaned_data
        return BriefingDetails(
            given_on=data["given_on"], audience=data["audience"], people_count=data["people_count"],
            district=data["district"], topics=tuple(data["topics"]), organisation=data["organisation"],
        )


class NetworkSessionAdminForm(WagtailAdminModelForm):
    """A coordinator's session: it ends after it starts, happens somewhere (a place or a link),
    and has room for everyone already booked. The fields come from the viewset's panels."""

    online_link = forms.URLField(
        label="Online link", required=False, max_length=200, assume_scheme="https",
        help_text="The meeting link, if online. Only champions who booked see it.",
        error_messages={"invalid": "Enter the meeting link as a web address, like https://meet.example.org/abc."},
    )

    def clean_topic(self):
        topic = " ".join(self.cleaned_data["topic"].split())
        if not topic:
            raise forms.ValidationError("Give the session's topic.")
        reject_formula_start(topic, "Start the topic with a letter or number.")
        return topic

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", "The session must end after it starts.")
        place = (cleaned.get("place") or "").strip()
        cleaned["place"] = place
        if "place" not in self.errors and "online_link" not in self.errors \
                and not place and not cleaned.get("online_link"):
            self.add_error("place", "Give the place, the online link, or both.")
        capacity = cleaned.get("capacity")
        if capacity is not None and self.instance.pk:
            booked = active_bookings().filter(session=self.instance).count()
            if capacity < booked:
                self.add_error(
                    "capacity",
                    f"{booked} champions have already booked, so there must be at least {booked} places. "
                    "Ask some to cancel first, or keep the places as they are.",
                )
        if capacity is not None and capacity < 1:
            self.add_error("capacity", "A session needs at least one place.")
        return cleaned


class DateRangeForm(forms.Form):
    """The report's period: briefings given from one day to another (both optional, inclusive)."""

    since = forms.DateField(
        label="Given from", required=False, widget=AdminDateInput,
        error_messages={"invalid": "Enter the first day as a date, like 2026-04-01."},
    )
    until = forms.DateField(
        label="Given to", required=False, widget=AdminDateInput,
        error_messages={"invalid": "Enter the last day as a date, like 2026-06-30."},
    )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", "The last day must be on or after the first day.")
        return cleaned
