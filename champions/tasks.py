"""Background jobs of the champions network, for the worker (`manage.py db_worker`)."""

from django_tasks import task

from champions.services import review_pathways


@task()
def review_pathways_task() -> dict:
    """The daily pathway review (see services.review_pathways), queued rather than run in place."""
    result = review_pathways()
    return {"refresher_due": result.refresher_due, "lapsed": result.lapsed, "restored": result.restored}


@task()
def mark_renewals_due_task() -> dict:
    """The daily White Ribbon check (see whiteribbon.services.mark_renewals_due), queued."""
    from champions.whiteribbon.services import mark_renewals_due

    return {"renewal_due": mark_renewals_due()}
