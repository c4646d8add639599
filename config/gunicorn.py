"""Gunicorn settings for the web process (the Procfile's ``web`` line).

Read from the environment so every app server runs the same file; the README's
"Production" section lists the variables.
"""

import os

# Every interface by default: the load balancer reaches the app server from another
# machine. HOST=127.0.0.1 keeps a single-machine trial off the network.
bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"

# Sync workers, one request each: pages are short database reads and slow work (photo
# renditions) runs in the worker process, so processes, not threads, set how many
# requests an app server handles at once. Size it to the machine's cores and memory.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))

# A page that has not answered in 30 s is stuck, not slow: kill its worker and start a
# fresh one. Uploads count too, so the balancer should buffer request bodies.
timeout = 30

# On a restart or deploy, give requests in progress time to finish, and be done
# before a platform that waits 30 s after SIGTERM sends SIGKILL.
graceful_timeout = 25

# Restart each worker after about a hundred thousand requests, so memory that a
# long-lived process gathers is handed back; the jitter keeps the workers from
# restarting all at once. Not fewer: a worker serves kept pages at thousands a second
# on launch day, and each restart leaves its share of readers waiting for a fresh
# process (at ten thousand, 15 restarts a minute put the 128-connection p99 over
# 100 ms; bench/throughput.py).
max_requests = 100000
max_requests_jitter = 10000

# Load Django once, in the master, and fork workers from it: a restarted worker is
# serving again in milliseconds, not after 0.4 s of imports while requests queue
# (at launch-day rates, cached pages reach max_requests every few seconds). Nothing
# opens a connection at import, so no socket is shared between workers. A deploy
# restarts gunicorn (HUP alone would keep the old code).
preload_app = True

# One access line per request on stdout, errors on stderr: the process manager or the
# platform keeps the log, as it does Django's (config/settings/base.py).
accesslog = "-"
errorlog = "-"

# Workers signal they are alive by touching a file; on a disk-backed /tmp (containers'
# overlay file systems) that can stall a worker, memory cannot.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# The addresses whose X-Forwarded-Proto gunicorn believes when it sets the request's
# scheme: the load balancer's. Django reads the header too (SECURE_PROXY_SSL_HEADER),
# so app servers must be reachable only through the balancer, which sets it.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# No gunicornc control socket: nothing uses it, and by default every gunicorn of a
# user shares one socket path, so a second app server on the same machine would take
# it over and remove it when it stops.
control_socket_disable = True
