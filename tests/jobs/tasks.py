"""A job for the worker tests: it sleeps on its first attempt, long enough to be killed."""

import time

from django_tasks import task


@task(takes_context=True)
def nap(context, seconds):
    if context.attempt == 1:
        time.sleep(seconds)
    return context.attempt
