"""The directory's filter form: sent by GET, so a filtered list has an address to share or bookmark."""

from django import forms
from django.core.exceptions import ValidationError

from champions.directory_filters import LISTS, Options
from lms.organisations.names import fold

# Enough words for any name, job and organisation; more would only slow the search.
MAX_TERMS = 8


class OptionField(forms.Field):
    """One of the options given to each form (champions.directory_filters, from the cache): its
    cleaned value is the chosen record's id, checked against those options without a query."""

    def __init__(self, *, label: str, what: str):
        super().__init__(
            required=False, label=label,
            error_messages={"invalid_choice": f"Choose {what} from the list"},
        )
        self.options = Options([])

    def to_python(self, value) -> int | None:
        if value in self.empty_values:
            return None
        try:
            value = int(value)  # as a model choice's lookup took it: " 9" and "09" are 9
        except (TypeError, ValueError):
            value = None
        if value is None or str(value) not in self.options.values:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return value


class DirectoryFilterForm(forms.Form):
    """Text search and one choice per filter. An unusable value is reported and left out; the
    others still apply."""

    q = forms.CharField(
        label="Name, job or organisation", required=False, max_length=100,
        error_messages={"max_length": "Search for 100 characters or fewer"},
    )
    district = OptionField(label="District covered", what="a district")
    sector = OptionField(label="Sector", what="a sector")
    specialism = OptionField(label="Form of VAWG they know about", what="a form of VAWG")
    language = OptionField(label="Language", what="a language")
    tier = OptionField(label="Tier", what="a tier")
    organisation = OptionField(label="Organisation", what="an organisation")

    # The filters, in the order the page shows them.
    FILTERS = ("district", "sector", "specialism", "language", "tier", "organisation")
    # Those on the champion's own columns; the others are its lists (directory_filters.LISTS), each
    # filtered by the ids among the chosen item's rows: a join led SQLite through every listed
    # champion to check each one's districts (1.5 ms for a district's 180 champions at county
    # scale, 0.2 ms this way).
    COLUMNS = {"sector": "sector", "tier": "tier", "organisation": "organisation"}

    def __init__(self, *args, options: dict[str, Options], **kwargs):
        """`options`: each filter's options for this viewer (champions.directory_filters.options_for),
        whose organisations are only those with a champion this person may see."""
        super().__init__(*args, **kwargs)
        for name in self.FILTERS:
            self.fields[name].options = options[name]

    def terms(self) -> list[str]:
        return fold(self.cleaned_data.get("q") or "").split()[:MAX_TERMS]

    def apply(self, queryset):
        """`queryset` narrowed by every filter that was given and usable."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        for name in self.FILTERS:
            value = data.get(name)
            if value is None:
                continue
            if name in LISTS:
                table, column = LISTS[name]
                queryset = queryset.filter(pk__in=table.objects.filter(**{column: value}).values("champion_id"))
            else:
                queryset = queryset.filter(**{self.COLUMNS[name]: value})
        for term in self.terms() if data else []:
            queryset = queryset.filter(search_text__contains=term)
        return queryset

    def selects(self) -> list[dict]:
        """Each filter, for the template to draw as a GOV.UK select: its options come as HTML, far
        cheaper than Django's option widgets or a template loop."""
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
                "options_html": field.field.options.html_selecting(str(chosen) if chosen is not None else ""),
            })
        return result

    @property
    def filtering(self) -> bool:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return any(data.get(name) for name in (*self.FILTERS, "q"))
