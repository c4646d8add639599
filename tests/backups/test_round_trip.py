"""A backup restored into an emptied, migrated database gives back the same site:
every reader page byte for byte, and every right by natural key.

The database is emptied with ``flush`` (which runs post_migrate, as ``migrate`` on a
new database does): permissions come back under other numbers, and some primary keys
are used up first, so nothing that leaned on a number survives by luck.
"""

import json

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from articles.models import Block
from gallery.models import Photo
from search.models import SearchEntry
from tests.backups import site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def empty_the_database():
    call_command("flush", interactive=False, verbosity=0)
    site.shift_keys()


def test_backup_then_restore_gives_back_every_page_and_right(tmp_path, capsys):
    site.build()
    pages, rights = site.reader_pages(), site.rights()
    assert Block.objects.filter(photo__isnull=False).count() == 5
    assert Photo.objects.filter(rendition_state="ready").count() > 10
    dump = tmp_path / "launchdesk.json"

    call_command("backup", str(dump))
    empty_the_database()
    with override_settings(TASKS=site.QUEUED):
        call_command("restore", str(dump))

    assert site.rights() == rights
    restored = site.reader_pages()
    assert [url for url in pages if restored[url] != pages[url]] == []
    assert restored == pages
    out = capsys.readouterr().out
    assert "Search index rebuilt: 5 article, 3 essay, 23 photo, 12 person, 2 mission." in out
    assert "Media: every file the content names is in media storage." in out


def test_the_dump_leaves_out_what_the_site_makes_again(tmp_path):
    site.build()
    dump = tmp_path / "launchdesk.json"

    call_command("backup", str(dump))

    records = json.loads(dump.read_text())
    models = {record["model"] for record in records}
    assert models == {
        "auth.group",
        "auth.user",
        "articles.article",
        "articles.block",
        "articles.byline",
        "gallery.gallery",
        "gallery.photo",
        "gallery.slide",
        "missions.crewmember",
        "missions.launchsite",
        "missions.mission",
        "missions.person",
    }
    assert [record for record in records if "pk" in record] == []
    listed = (tmp_path / "launchdesk.media.txt").read_text().splitlines()
    photo = Photo.objects.get(slug="rollout-0")
    assert photo.image.name in listed
    assert photo.rendition("slide", "avif").name in listed


def test_an_editor_restored_still_cannot_open_the_accounts(tmp_path):
    site.build()
    dump = tmp_path / "launchdesk.json"
    call_command("backup", str(dump))
    empty_the_database()

    with override_settings(TASKS=site.QUEUED):
        call_command("restore", str(dump), verbosity=0)

    client = Client()
    client.force_login(site.get_user_model().objects.get(username="editor"))
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200


def test_plain_dumpdata_and_loaddata_round_trip(tmp_path):
    """What README gives for a backup without the commands: dumpdata of the content
    by natural key, loaddata into an emptied database, then the search index."""
    site.build()
    pages, rights = site.reader_pages(), site.rights()
    dump = tmp_path / "plain.json"

    # The labels of `manage.py backup`, in another order.
    call_command(
        "dumpdata",
        "--natural-foreign",
        "--natural-primary",
        "auth.group",
        "auth.user",
        "articles",
        "gallery",
        "missions",
        "publishing",
        output=str(dump),
        verbosity=0,
    )
    empty_the_database()
    with override_settings(TASKS=site.QUEUED):
        call_command("loaddata", str(dump), verbosity=0)
    call_command("rebuild_search_index", verbosity=0)

    assert site.rights() == rights
    assert site.reader_pages() == pages
    assert SearchEntry.objects.count() == 5 + 3 + 23 + 12 + 2
