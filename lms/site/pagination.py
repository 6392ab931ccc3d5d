"""Pages of a long list, as GOV.UK's pagination component shows them (templates/components/
pagination.html): the numbered items, and a page whose size the caller has counted already."""

from __future__ import annotations

from django.core.paginator import Page, Paginator


def page_links(page: Page) -> list[dict]:
    """The component's numbered items: first, last, and the current page with its neighbours,
    with ellipses for the gaps."""
    paginator = page.paginator
    wanted = {1, paginator.num_pages, page.number - 1, page.number, page.number + 1}
    items, previous = [], 0
    for number in sorted(n for n in wanted if 1 <= n <= paginator.num_pages):
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "current": number == page.number})
        previous = number
    return items


def counted_page(queryset, count: int, page_number, per_page: int) -> Page:
    """A page of `queryset`, whose size the caller has counted already (in a query of its own
    figures), so the paginator makes no second count query; a page number out of range or not a
    number gives the last or the first page."""
    paginator = Paginator(queryset, per_page)
    paginator.count = count  # Paginator.count is a cached property: this stands in for its query
    return paginator.get_page(page_number)
