"""An editor changes an article's body, compares the versions, restores the old one."""

from playwright.sync_api import expect

from articles.models import Article
from revisions.diff import richtext_as_text
from tests.browser.support import BROWSER_TEST
from tests.browser.test_editing import editor_account, sign_in  # noqa: F401 - a fixture
from tests.launch_story import ARTICLE_SLUG

pytestmark = BROWSER_TEST

NEW_TEXT = "A paragraph written over the first one."


def test_editor_compares_and_restores_an_article_body(story, new_page, editor_account):  # noqa: F811
    article = Article.objects.get(slug=ARTICLE_SLUG)
    first = article.blocks.exclude(text="").first()
    old_sentence = richtext_as_text(first.text).splitlines()[0]
    editor = new_page()
    sign_in(editor, story, "desk")
    change_url = f"{story}/admin/articles/article/{article.pk}/change/"

    # The story as loaded, saved once: its first version.
    editor.goto(change_url)
    editor.get_by_role("button", name="Save and continue editing").click()
    expect(editor.locator(".messagelist .success")).to_be_visible()

    index = list(article.blocks.all()).index(first)
    block = editor.locator(f"#blocks-{index} [contenteditable=true]")
    block.click()
    editor.keyboard.press("Control+A")
    editor.keyboard.type(NEW_TEXT)
    editor.get_by_role("button", name="Save and continue editing").click()
    expect(editor.locator(".messagelist .success")).to_be_visible()

    editor.get_by_role("link", name="History").click()
    expect(editor.locator("#change-history tbody tr")).to_have_count(2)
    editor.get_by_role("button", name="Compare the chosen versions").click()
    expect(editor.locator(".revision-diff ins").first).to_contain_text("A paragraph written")
    expect(editor.locator(".revision-diff del").first).to_contain_text(old_sentence[:40])

    editor.get_by_role("link", name="Back to the history").click()
    editor.get_by_role("link", name="Restore…").click()
    editor.get_by_role("button", name="Restore this version").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("Restored version of")
    assert editor.problems.messages == []

    reader = new_page()
    reader.goto(story + article.get_absolute_url())
    expect(reader.locator(".story-body")).to_contain_text(old_sentence[:40])
    expect(reader.locator(".story-body")).not_to_contain_text(NEW_TEXT)
