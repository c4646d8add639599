"""Run background jobs: django-tasks-db's ``db_worker``, with a heartbeat.

The Procfile's ``worker`` process. Run as many as the queue needs, on any machine
that reaches the database; each claims jobs with a row lock, so a job runs once.
Besides running jobs, each worker beats every ``--heartbeat`` seconds and puts back
in the queue the jobs of workers that stopped beating (``jobs.recovery``).

    python manage.py worker [--batch] [--heartbeat 5] [--stale-after 60]
"""

import logging
import threading

from django.db import DatabaseError, close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from jobs import recovery

logger = logging.getLogger("jobs")


class Heartbeat(threading.Thread):
    def __init__(self, worker_id, interval, stale_after):
        super().__init__(name="heartbeat", daemon=True)
        self.worker_id = worker_id
        self.interval = interval
        self.stale_after = stale_after
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.tick()
            self.stopped.wait(self.interval)
        try:
            recovery.forget(self.worker_id)
        finally:
            connection.close()

    def tick(self):
        # This thread has a database connection of its own.
        close_old_connections()
        try:
            recovery.beat(self.worker_id)
            recovery.requeue_abandoned(self.stale_after)
        except DatabaseError:
            # The database is away or busy: the worker's own loop says so too. Try
            # again at the next beat.
            logger.warning("Worker %s could not record its heartbeat", self.worker_id)
        finally:
            connection.close()


class Command(DBWorkerCommand):
    help = "Run background jobs (photo renditions), with a heartbeat and recovery."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--heartbeat",
            type=float,
            default=5,
            help="Seconds between heartbeats (default: %(default)s).",
        )
        parser.add_argument(
            "--stale-after",
            type=float,
            default=60,
            help="Seconds without a heartbeat after which a worker counts as dead and "
            "its running job is queued again (default: %(default)s).",
        )

    def handle(self, *args, heartbeat, stale_after, **options):
        if options["reload"]:
            # The reloader restarts a worker mid-job; the heartbeat would see it die.
            options["reload"] = False
        beating = Heartbeat(options["worker_id"], heartbeat, stale_after)
        # Beat once before taking jobs: a job claimed before the first beat could be
        # taken for abandoned by another worker.
        beating.tick()
        beating.start()
        try:
            super().handle(*args, **options)
        finally:
            beating.stopped.set()
            beating.join(timeout=heartbeat + 5)
