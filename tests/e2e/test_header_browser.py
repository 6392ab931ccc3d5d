"""The header in a real browser: the site's name reads as words (GOV.UK's homepage link sets a
negative word-spacing for its own logo text; the name sits in a child element to escape it)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORD_GAPS = """
() => {
  const link = document.querySelector('.govuk-header__homepage-link');
  const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  let node, text = null;
  while ((node = walker.nextNode())) { if (node.textContent.includes('VAWG')) { text = node; } }
  const box = (word) => {
    const start = text.textContent.indexOf(word);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + word.length);
    return range.getBoundingClientRect();
  };
  const [a, b, c] = ['Hertfordshire', 'VAWG', 'Training'].map(box);
  return [b.left - a.right, c.left - b.right];
}
"""


def test_the_site_name_has_visible_spaces_between_its_words(live_server, page):
    page.goto(f"{live_server.url}/support/")
    page.wait_for_load_state("load")
    gaps = page.evaluate(WORD_GAPS)
    # A space at this size is about 8px; GOV.UK's -6px word-spacing left about 2px.
    assert all(gap >= 5 for gap in gaps), f"words {gaps} px apart"
