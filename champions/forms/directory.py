"""The directory's filter form: sent by GET, so a filtered list has an address to share or bookmark."""

from django import forms

from champions.models import ChampionTier, Language
from content.models import Sector, Topic
from lms.accounts.models import District
from lms.organisations.models import Organisation
from lms.organisations.names import fold

# Enough words for any name, job and organisation; more would only slow the search.
MAX_TERMS = 8


def _choice(queryset, label: str, what: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=queryset, required=False, label=label, empty_label="Any",
        error_messages={"invalid_choice": f"Choose a {what} from the list"},
    )


class DirectoryFilterForm(forms.Form):
    """Text search and one choice per filter. An unusable value is reported and left out; the
    others still apply."""

    q = forms.CharField(
        label="Name, job or organisation", required=False, max_length=100,
        error_messages={"max_length": "Search for 100 characters or fewer"},
    )
    district = _choice(District.objects.all(), "District covered", "district")
    sector = _choice(Sector.objects.all(), "Sector", "sector")
    specialism = _choice(Topic.objects.all(), "Form of VAWG they know about", "form of VAWG")
    language = _choice(Language.objects.all(), "Language", "language")
    tier = _choice(ChampionTier.objects.all(), "Tier", "tier")
    organisation = _choice(Organisation.objects.none(), "Organisation", "organisation")

    FILTERS = {
        "district": "districts",
        "sector": "sector",
        "specialism": "specialisms",
        "language": "languages",
        "tier": "tier",
        "organisation": "organisation",
    }

    def __init__(self, *args, visible=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only organisations of champions this person may see: the list itself tells nothing more.
        if visible is not None:
            self.fields["organisation"].queryset = (
                Organisation.objects.filter(pk__in=visible.values("organisation_id")).order_by("name")
            )

    def terms(self) -> list[str]:
        return fold(self.cleaned_data.get("q") or "").split()[:MAX_TERMS]

    def apply(self, queryset):
        """`queryset` narrowed by every filter that was given and usable."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        for name, lookup in self.FILTERS.items():
            value = data.get(name)
            if value is not None:
                queryset = queryset.filter(**{lookup: value})
        for term in self.terms() if data else []:
            queryset = queryset.filter(search_text__contains=term)
        return queryset

    def selects(self) -> list[dict]:
        """Each filter's choices as plain (value, name) pairs, for the template to draw as a GOV.UK
        select: one query each, and far cheaper to render than Django's option widgets."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        result = []
        for name in self.FILTERS:
            field = self[name]
            chosen = data.get(name)
            result.append({
                "name": name,
                "id": field.id_for_label,
                "label": field.label,
                "errors": field.errors,
                "selected": str(chosen.pk) if chosen is not None else "",
                "options": [(str(pk), label) for pk, label in field.field.queryset.values_list("pk", "name")],
            })
        return result

    @property
    def filtering(self) -> bool:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return any(data.get(name) for name in (*self.FILTERS, "q"))
