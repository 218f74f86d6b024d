"""Background tasks of the core app (django-tasks; the database backend and `manage.py db_worker` in production)."""

from django_tasks import task

from . import outbox


@task()
def deliver_email(email_id):
    """Send one queued e-mail (core.outbox). A failure is recorded on the mail and retried with back-off."""
    return outbox.deliver(email_id)
