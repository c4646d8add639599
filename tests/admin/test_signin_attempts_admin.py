"""Administrators see who is locked out and unlock them in the admin; editors cannot."""

import datetime
import io

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from tests.admin.signin import ADDRESS, OTHER_ADDRESS, browser, fail, sign_in, signed_in, text
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:axes_accessattempt_changelist")


@pytest.fixture
def locked_desk(db, time_machine):
    """The user name "desk" locked out at ADDRESS at 9:00 after failing from two
    browsers there; "photos" failed once."""
    time_machine.move_to(datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC), tick=False)
    UserFactory(username="desk", is_staff=True)
    UserFactory(username="photos", is_staff=True)
    fail(2, name="Firefox")
    fail(3, before=2, name="Chromium")
    fail(1, username="photos")
    assert sign_in(browser(), "desk").status_code == 429


def test_an_administrator_sees_the_locked_pair(admin_client, locked_desk):
    response = admin_client.get(CHANGELIST + "?locked_out=yes")

    page = text(response)
    assert response.status_code == 200
    # Each of the three rows (one per browser) shows the pair locked.
    # Shown in the desk's zone (New York, winter), with UTC beside it.
    assert page.count("Locked out until 04:15 EST (09:15 UTC)") == 3
    assert ADDRESS in page
    assert "photos" not in page


def test_the_status_counts_the_pair_within_the_fifteen_minutes(
    admin_client, locked_desk, time_machine
):
    assert "4 attempt(s) left" in text(admin_client.get(CHANGELIST))

    time_machine.shift(datetime.timedelta(minutes=15, seconds=1))
    response = admin_client.get(CHANGELIST + "?locked_out=no")

    page = text(response)
    assert page.count("Not counted any more") == 4
    assert "Locked out" not in page


def test_the_unlock_action_unlocks_every_row_of_the_pair(admin_client, locked_desk):
    one_row = AccessAttempt.objects.filter(username="desk").order_by("pk").first()

    response = admin_client.post(
        CHANGELIST,
        {"action": "unlock", "_selected_action": [one_row.pk]},
        follow=True,
    )

    assert f"Unlocked 1 user name and address pair(s): desk from {ADDRESS}" in text(response)
    assert not AccessAttempt.objects.filter(username="desk").exists()
    assert AccessAttempt.objects.filter(username="photos").exists()
    assert signed_in(sign_in(browser(), "desk"))


def test_deleting_the_attempts_in_the_admin_unlocks(admin_client, locked_desk):
    ids = list(AccessAttempt.objects.filter(username="desk").values_list("pk", flat=True))

    admin_client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )

    assert not AccessAttempt.objects.filter(username="desk").exists()
    assert signed_in(sign_in(browser(), "desk"))


def test_unlocking_one_address_leaves_the_other_locked(admin_client, locked_desk):
    fail(5, address=OTHER_ADDRESS)
    here = AccessAttempt.objects.filter(username="desk", ip_address=ADDRESS).first()

    admin_client.post(CHANGELIST, {"action": "unlock", "_selected_action": [here.pk]})

    assert signed_in(sign_in(browser(ADDRESS), "desk"))
    assert sign_in(browser(OTHER_ADDRESS), "desk").status_code == 429


def test_an_editor_can_neither_see_nor_unlock_attempts(editor_client, locked_desk):
    attempt = AccessAttempt.objects.filter(username="desk").first()
    rows = AccessAttempt.objects.count()

    assert CHANGELIST not in editor_client.get(reverse("admin:index")).content.decode()
    assert editor_client.get(CHANGELIST).status_code == 403
    change = reverse("admin:axes_accessattempt_change", args=[attempt.pk])
    assert editor_client.get(change).status_code == 403
    delete = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    response = editor_client.post(
        CHANGELIST, {"action": "unlock", "_selected_action": [attempt.pk]}
    )
    assert response.status_code == 403
    assert AccessAttempt.objects.count() == rows


def test_the_reset_command_in_the_readme_unlocks(locked_desk):
    call_command("axes_reset_ip_username", ADDRESS, "desk", stdout=io.StringIO())

    assert signed_in(sign_in(browser(), "desk"))
