"""Staff post entries from the live page itself, in one action."""

import pytest
from django.contrib.auth.models import Permission

from live.models import Entry
from tests.factories import LiveCoverageFactory, PersonFactory, PhotoFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def poster_client(client):
    """A staff member with the live app's add permission and nothing else."""
    user = UserFactory(username="desk", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_entry"))
    client.force_login(user)
    return client


def test_staff_who_may_post_see_the_form(poster_client):
    coverage = LiveCoverageFactory()

    response = poster_client.get(coverage.get_absolute_url())

    assert "Post an update" in response.content.decode()


def test_readers_get_no_form(client):
    coverage = LiveCoverageFactory()

    response = client.get(coverage.get_absolute_url())

    assert "Post an update" not in response.content.decode()


def test_posting_puts_the_entry_on_the_page(poster_client):
    coverage = LiveCoverageFactory()
    author = PersonFactory(kind="journalist", name="Desk Reporter")

    response = poster_client.post(
        coverage.get_absolute_url(),
        {"text": "Crew walks out.\n\nThey wave.", "key_event": "", "author": author.pk},
        follow=True,
    )

    entry = Entry.objects.get()
    assert entry.text == "<p>Crew walks out.</p><p>They wave.</p>"
    assert entry.author == author
    assert response.redirect_chain[-1][0].endswith(f"#{entry.anchor}")
    assert "Crew walks out." in response.content.decode()


def test_a_post_can_carry_a_photo_and_a_key_event(poster_client):
    coverage = LiveCoverageFactory()
    photo = PhotoFactory(mission=coverage.mission)

    poster_client.post(
        coverage.get_absolute_url(),
        {"text": "Liftoff!", "key_event": "Liftoff", "photo": photo.pk},
    )

    entry = Entry.objects.get()
    assert entry.photo == photo
    assert entry.key_event == "Liftoff"


def test_typed_markup_is_sanitized(poster_client):
    coverage = LiveCoverageFactory()

    poster_client.post(coverage.get_absolute_url(), {"text": "<p>Go<script>alert(1)</script></p>"})

    assert "script" not in Entry.objects.get().text


def test_an_empty_update_says_why_and_keeps_what_was_typed(poster_client):
    coverage = LiveCoverageFactory()

    response = poster_client.post(
        coverage.get_absolute_url(), {"text": "   ", "key_event": "Docking"}
    )

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert 'value="Docking"' in response.content.decode()
    assert not Entry.objects.exists()


def test_staff_without_the_permission_may_not_post(client):
    client.force_login(UserFactory(username="viewer", is_staff=True))
    coverage = LiveCoverageFactory()

    response = client.post(coverage.get_absolute_url(), {"text": "Nope"})

    assert response.status_code == 403
    assert not Entry.objects.exists()


def test_readers_may_not_post(reader_client):
    coverage = LiveCoverageFactory()

    response = reader_client.post(coverage.get_absolute_url(), {"text": "Nope"})

    assert response.status_code == 403
    assert not Entry.objects.exists()


def test_editors_may_post(editor_client):
    coverage = LiveCoverageFactory()

    editor_client.post(coverage.get_absolute_url(), {"text": "From the desk."})

    assert Entry.objects.get().text == "<p>From the desk.</p>"
