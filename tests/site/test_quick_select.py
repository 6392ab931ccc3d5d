"""QuickSelect writes the same drop-down as Django's Select, without a template per option."""

from django import forms
from django.test.html import parse_html

from lms.site.fields import QuickSelect

CHOICES = [("", "All organisations"), ("7", "Riverside <Housing> & Co"), ("12", "Oakfield \"Surgery\"")]


def test_it_writes_the_same_html_as_djangos_select_escaped_with_the_choice_selected():
    attrs = {"id": "id_organisation", "aria-describedby": "hint"}
    quick = QuickSelect(choices=CHOICES).render("organisation", "7", attrs)
    django = forms.Select(choices=CHOICES).render("organisation", "7", attrs)
    assert parse_html(quick) == parse_html(django)  # the same elements, attributes and text
    assert "Riverside &lt;Housing&gt; &amp; Co" in quick
    assert '<option value="7" selected>' in quick and quick.count("selected") == 1
