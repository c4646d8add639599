"""Editors manage live coverage and its entries in the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import EntryFactory, LiveCoverageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name", ["admin:live_livecoverage_changelist", "admin:live_livecoverage_add"]
)
def test_editors_reach_the_live_coverage_pages(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 200


def test_the_coverage_page_lists_its_entries_and_state(editor_client):
    entry = EntryFactory(text="<p>Hatch closed.</p>")

    response = editor_client.get(
        reverse("admin:live_livecoverage_change", args=[entry.coverage.pk])
    )

    assert response.status_code == 200
    assert "Hatch closed." in response.content.decode()


def test_the_list_shows_each_coverages_state(editor_client):
    LiveCoverageFactory(title="On air")

    response = editor_client.get(reverse("admin:live_livecoverage_changelist"))

    assert '<span class="status status-live">Live</span>' in response.content.decode()


def test_an_entry_edited_in_the_admin_keeps_who_posted_it(editor_client, editor):
    entry = EntryFactory(text="<p>Draft words.</p>")

    response = editor_client.post(
        reverse("admin:live_entry_change", args=[entry.pk]),
        {
            "coverage": entry.coverage.pk,
            "posted_at_0": entry.posted_at.strftime("%Y-%m-%d"),
            "posted_at_1": entry.posted_at.strftime("%H:%M:%S"),
            "key_event": "Docking",
            "text": "<p>Docked.</p>",
        },
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.text == "<p>Docked.</p>"
    assert entry.key_event == "Docking"
    assert entry.posted_by == editor


def test_coverage_must_end_after_it_starts(editor_client):
    coverage = LiveCoverageFactory()
    coverage.ends_at = coverage.starts_at

    with pytest.raises(ValidationError, match="must end after it starts"):
        coverage.full_clean()
