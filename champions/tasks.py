"""Background jobs of the champions network, for the worker (`manage.py db_worker`)."""

from django_tasks import task

from champions.services import review_pathways


@task()
def review_pathways_task() -> dict:
    """The daily pathway review (see services.review_pathways), queued rather than run in place."""
    result = review_pathways()
    return {"refresher_due": result.refresher_due, "lapsed": result.lapsed, "restored": result.restored}
