"""Backups hold the content, not its version history; a restore loads without a user."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from reversion.models import Revision, Version

from articles.models import Article
from missions.models import Person
from tests.revisions.conftest import save_in_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def dump(tmp_path, editor_client, article):
    """A backup of an article edited in the admin, then a database without content."""
    save_in_admin(editor_client, article, headline="Soyuz MS-09 reaches orbit")
    path = tmp_path / "launchdesk.json"
    call_command("backup", str(path), stdout=StringIO())
    Article.objects.all().delete()
    Person.objects.all().delete()
    Revision.objects.all().delete()
    return path


def test_a_backup_leaves_the_version_history_out(dump):
    models = {record["model"] for record in json.loads(dump.read_text())}

    assert "articles.article" in models
    assert not {model for model in models if model.startswith("reversion.")}


def test_a_restore_loads_the_content_and_records_no_versions(dump):
    call_command("restore", str(dump), "--merge", stdout=StringIO())

    assert Article.objects.get().headline == "Soyuz MS-09 reaches orbit"
    assert not Version.objects.exists()
