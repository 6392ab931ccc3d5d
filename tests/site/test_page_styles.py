"""The class names a page's stylesheets are chosen by (lms.site.page_styles.classes_in)."""

from lms.site.page_styles import classes_in


def test_class_names_are_read_from_every_class_attribute_and_nothing_else():
    html = (
        '<p class="govuk-body govuk-!-margin-bottom-2">a</p>\n<div\n\tclass="module-card">'
        '<span data-class="not-a-class" class="govuk-tag  govuk-tag--grey">x</span>'
        '<a class="">empty</a><b class="unterminated'
    )
    assert classes_in(html) == {"govuk-body", "govuk-!-margin-bottom-2", "module-card", "govuk-tag", "govuk-tag--grey"}
