"""A contributor writes a story and submits it for review; an editor finds it in the
review list and publishes it; readers see it."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.browser.support import BROWSER_TEST
from tests.browser.test_editing import choose, sign_in
from tests.factories import UserFactory

pytestmark = BROWSER_TEST

HEADLINE = "Crew reaches orbit"


@pytest.fixture
def accounts(editors_group):
    writer = UserFactory(username="writer", is_staff=True)
    writer.groups.add(Group.objects.get(name="Contributors"))
    desk = UserFactory(username="desk", is_staff=True)
    desk.groups.add(editors_group)
    return writer, desk


def test_contributor_submits_a_story_and_an_editor_publishes_it(story, new_page, accounts):
    writer = new_page()
    sign_in(writer, story, "writer")
    writer.goto(story + "/admin/articles/article/add/")
    # The status is the editors' to set: contributors see it, read-only.
    expect(writer.locator("select[name=status]")).to_have_count(0)
    writer.get_by_label("Headline").press_sequentially(HEADLINE)
    writer.get_by_label("Standfirst").fill("The Soyuz MS-09 crew is on its way to the station.")
    choose(writer, "id_bylines-0-person", "Tariq", "Tariq Malik")

    writer.get_by_role("button", name="Submit for review").click()
    expect(writer.locator(".messagelist .success")).to_contain_text("submitted for review")
    row = writer.locator("#result_list tr", has_text=HEADLINE)
    expect(row).to_contain_text("In review - asked by writer")
    expect(writer.locator("select[name=action] option[value=publish]")).to_have_count(0)
    assert writer.problems.messages == []

    reader = new_page()
    assert reader.goto(story + "/articles/crew-reaches-orbit/").status == 404

    editor = new_page()
    sign_in(editor, story, "desk")
    editor.goto(story + "/admin/articles/article/")
    editor.get_by_role("link", name="In review").click()
    row = editor.locator("#result_list tr", has_text=HEADLINE)
    expect(editor.locator("#result_list tbody tr")).to_have_count(1)
    row.locator("input[name=_selected_action]").check()
    editor.locator("select[name=action]").select_option("publish")
    editor.get_by_role("button", name="Go").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("Published 1 item(s).")
    # Published, it has left the review list.
    expect(editor.get_by_text(HEADLINE)).to_have_count(0)
    assert editor.problems.messages == []

    assert reader.goto(story + "/articles/crew-reaches-orbit/").status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
