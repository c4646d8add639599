"""The server processes as the Procfile declares them and config/gunicorn.py sets them up."""

import os
import runpy
import shutil
import subprocess
import sys
import urllib.request
from unittest import mock

from tests.services import (
    ROOT,
    VENV_BIN,
    free_port,
    procfile,
    split_command,
    stop,
    wait_for_port,
)

PROD = "DJANGO_SETTINGS_MODULE=config.settings.prod"


def gunicorn_settings(**environ):
    """config/gunicorn.py's settings, read the way gunicorn reads its config file."""
    with mock.patch.dict(os.environ, environ, clear=True):
        settings = runpy.run_path(str(ROOT / "config" / "gunicorn.py"))
    return {name: value for name, value in settings.items() if not name.startswith("_")}


def test_procfile_declares_a_web_and_a_worker_process():
    assert sorted(procfile()) == ["web", "worker"]


def test_every_process_runs_with_production_settings():
    for name, command in procfile().items():
        variables, _ = split_command(command)
        assert variables == {"DJANGO_SETTINGS_MODULE": "config.settings.prod"}, name


def test_web_process_is_gunicorn_with_the_config_file():
    _, argv = split_command(procfile()["web"])
    assert argv == ["gunicorn", "config.wsgi", "--config", "config/gunicorn.py"]


def test_worker_process_is_the_worker_command():
    _, argv = split_command(procfile()["worker"])
    assert argv == ["python", "manage.py", "worker"]


def test_gunicorn_workers_come_from_web_concurrency():
    assert gunicorn_settings()["workers"] == 2
    assert gunicorn_settings(WEB_CONCURRENCY="5")["workers"] == 5


def test_gunicorn_binds_every_interface_on_port():
    assert gunicorn_settings()["bind"] == "0.0.0.0:8000"
    assert gunicorn_settings(PORT="9001")["bind"] == "0.0.0.0:9001"
    assert gunicorn_settings(PORT="9001", HOST="127.0.0.1")["bind"] == "127.0.0.1:9001"


def test_gunicorn_recycles_workers_with_jitter_and_kills_stuck_ones():
    settings = gunicorn_settings()
    assert settings["max_requests"] == 100000
    assert 0 < settings["max_requests_jitter"] < settings["max_requests"]
    assert settings["timeout"] == 30
    assert settings["graceful_timeout"] <= settings["timeout"]


def test_gunicorn_logs_to_stdout_and_stderr():
    settings = gunicorn_settings()
    assert settings["accesslog"] == "-"
    assert settings["errorlog"] == "-"


def test_gunicorn_trusts_forwarded_headers_from_the_balancer_it_is_told():
    assert gunicorn_settings()["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert gunicorn_settings(FORWARDED_ALLOW_IPS="10.0.0.5")["forwarded_allow_ips"] == "10.0.0.5"


def test_procfile_web_line_serves_the_site_and_logs_each_request(tmp_path):
    variables, argv = split_command(procfile()["web"])
    port = free_port()
    environ = {
        # The virtualenv's programs first, as in an activated virtualenv.
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path),
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
        "SECRET_KEY": "test-processes-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **variables,
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=environ,
        check=True,
        capture_output=True,
    )
    argv[0] = shutil.which(argv[0], path=environ["PATH"])
    stdout = (tmp_path / "stdout.log").open("w")
    stderr = (tmp_path / "stderr.log").open("w")
    server = subprocess.Popen(argv, cwd=ROOT, env=environ, stdout=stdout, stderr=stderr)
    try:
        wait_for_port("127.0.0.1", port, process=server)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=10) as answer:
            status, body = answer.status, answer.read().decode()
    finally:
        stop(server)
        stdout.close()
        stderr.close()

    assert status == 200
    assert "Disallow: /admin/" in body
    access_log = (tmp_path / "stdout.log").read_text()
    assert '"GET /robots.txt HTTP/1.1" 200' in access_log, (tmp_path / "stderr.log").read_text()
