"""The real services some tests need: PostgreSQL, Redis, SeaweedFS (S3), gunicorn.

On a developer's machine a test whose service is absent skips, with a reason that
says what to start. CI sets ``LAUNCHDESK_REQUIRE_SERVICES=1``, which turns each such
skip into a failure, so CI always runs them.
"""

import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379")


def services_required():
    return os.environ.get("LAUNCHDESK_REQUIRE_SERVICES") == "1"


def unavailable(reason):
    """Skip the test, or fail it where CI requires every service."""
    if services_required():
        pytest.fail(f"{reason} (LAUNCHDESK_REQUIRE_SERVICES=1: CI runs every test)")
    pytest.skip(reason)


def free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(host, port, timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def wait_for_port(host, port, timeout=30, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_open(host, port):
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"The process for {host}:{port} exited with {process.returncode}")
        time.sleep(0.1)
    raise TimeoutError(f"Nothing answered on {host}:{port} within {timeout} s")


def require_postgres():
    """The PostgreSQL server of ``TEST_POSTGRES_URL`` (127.0.0.1:5432 by default)."""
    import psycopg

    try:
        psycopg.connect(f"{POSTGRES_URL}/postgres", connect_timeout=2).close()
    except psycopg.OperationalError:
        unavailable(f"Start PostgreSQL at {POSTGRES_URL} (user postgres, trust) for this test")
    return POSTGRES_URL


def require_redis(db):
    """Redis database ``db`` of ``TEST_REDIS_URL``, emptied for the test."""
    import redis

    url = f"{REDIS_URL}/{db}"
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.flushdb()
    except redis.ConnectionError:
        unavailable(f"Start Redis at {REDIS_URL} for this test")
    return url


def stop(process, timeout=10):
    """Stop a process this test run started, and wait for it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def database_url(settings_dict):
    """The ``DATABASE_URL`` of a connection's settings, for a process of its own."""
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict["USER"] or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{settings_dict['NAME']}"


def production_env(**overrides):
    """The environment of a production process in a test: production settings, with
    none of the shell's service variables unless the test names them."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "DATABASE_URL", "REDIS_URL", "DJANGO_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        SECRET_KEY="test-only-not-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        PYTHONUNBUFFERED="1",
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(*args, env, timeout=120, check=True):
    """Run ``manage.py`` as a process of its own, as an operator would."""
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
    )


def procfile():
    """The Procfile's processes: {name: command line}."""
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(
        (name.strip(), command.strip())
        for name, command in (line.split(":", 1) for line in lines if line.strip())
    )


def split_command(line):
    """A Procfile command as (the variables it sets, the program and its arguments)."""
    words = shlex.split(line)
    variables = {}
    while "=" in words[0] and not words[0].startswith("-"):
        name, value = words.pop(0).split("=", 1)
        variables[name] = value
    return variables, words


def start_procfile_process(name, env, log_dir):
    """Start the Procfile's process ``name`` as a process manager would, in the
    virtualenv; its output goes to ``log_dir/<name>-<pid>.log``."""
    variables, argv = split_command(procfile()[name])
    env = {**env, **variables, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    argv[0] = shutil.which(argv[0], path=env["PATH"])
    log_path = Path(log_dir) / f"{name}-{time.monotonic_ns()}.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    process.log_path = log_path
    return process
