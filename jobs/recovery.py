"""Jobs left running by a worker that died are given to the next worker.

django-tasks-db marks a job RUNNING when a worker claims it and never looks at it
again; a worker killed mid-job (out of memory, a lost host, ``kill -9``) would leave
it so for ever. Every worker started with ``manage.py worker`` records a heartbeat;
a running job whose worker has not beaten for ``stale_after`` seconds is put back in
the queue. The job sees one more attempt (``context.attempt``) and may give up.
"""

import logging
import os
import socket
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def beat(worker_id):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": timezone.now(), "host": socket.gethostname(), "pid": os.getpid()},
    )


def forget(worker_id):
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def requeue_abandoned(stale_after):
    """Put back in the queue every running job whose worker stopped beating.

    Returns the ids of the jobs requeued. A job is left alone until it has run for
    ``stale_after`` seconds too, so a worker that has just claimed it is not
    mistaken for a dead one before its first beat.
    """
    cutoff = timezone.now() - timedelta(seconds=stale_after)
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True)
    )
    requeued = []
    running = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    for job in running.only("id", "worker_ids", "task_path"):
        if job.worker_ids and job.worker_ids[-1] in alive:
            continue
        with transaction.atomic():
            # Only if nobody else requeued or finished it meanwhile.
            changed = DBTaskResult.objects.filter(
                pk=job.pk, status=TaskResultStatus.RUNNING, worker_ids=job.worker_ids
            ).update(status=TaskResultStatus.READY, started_at=None)
        if changed:
            logger.warning(
                "Job %s (%s) was left running by worker %s, which stopped beating; "
                "it is queued again.",
                job.pk,
                job.task_path,
                job.worker_ids[-1] if job.worker_ids else "unknown",
            )
            requeued.append(job.pk)
    # Heartbeats of workers long gone are of no more use.
    WorkerHeartbeat.objects.filter(seen_at__lt=cutoff - timedelta(days=1)).delete()
    return requeued
