"""The admin under its Content-Security-Policy: every page an editor uses, in Chromium.

The admin's policy allows no inline script but those carrying the response's nonce
(publishing/middleware.py). Each page is opened as an editor would open it, and the
test collects what Chromium refused: ``securitypolicyviolation`` events and console
errors. The rich-text editor and the drag-and-drop slide order must work under it.
"""

from urllib.parse import unquote_plus

import pytest
from playwright.sync_api import expect

from articles.models import Article
from gallery.models import Gallery, Photo
from missions.models import LaunchSite, Mission, Person
from tests.browser.support import BROWSER_TEST
from tests.browser.test_editing import choose, sign_in
from tests.factories import UserFactory
from tests.launch_story import ARTICLE_SLUG, ESSAY_SLUG, SLIDE_TITLES

pytestmark = BROWSER_TEST

# Reports each violation to the test through a binding, from every page the tab loads.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportViolation(
        `${event.violatedDirective} refused ${event.blockedURI || "inline"}` +
        ` at ${event.sourceFile || document.location.pathname}:${event.lineNumber}`
    );
});
"""


@pytest.fixture
def editor_page(story, new_page, editors_group):
    user = UserFactory(username="desk", is_staff=True)
    user.groups.add(editors_group)
    page = new_page()
    page.violations = []
    page.context.expose_function("reportViolation", lambda text: page.violations.append(text))
    page.context.add_init_script(REPORT_VIOLATIONS)
    sign_in(page, story, "desk")
    page.site = story
    return page


def refused(page):
    """What the policy refused, and every console error (a refused script says so)."""
    return page.violations + page.problems.messages


def open_clean(page, path):
    response = page.goto(page.site + path)
    assert response.status == 200, path
    page.wait_for_load_state("networkidle")
    assert "'nonce-" in response.headers["content-security-policy"], path
    assert refused(page) == [], path


def admin_pages():
    """Every page an editor opens, with the launch story loaded."""
    article = Article.objects.get(slug=ARTICLE_SLUG)
    essay = Gallery.objects.get(slug=ESSAY_SLUG)
    objects = {
        "articles/article": article,
        "gallery/gallery": essay,
        "gallery/photo": Photo.objects.get(slug="liftoff"),
        "missions/person": Person.objects.first(),
        "missions/mission": Mission.objects.get(slug="soyuz-ms-09"),
        "missions/launchsite": LaunchSite.objects.first(),
    }
    pages = ["/admin/"]
    for model, obj in objects.items():
        base = f"/admin/{model}/"
        pages += [base, base + "add/", f"{base}{obj.pk}/change/"]
    pages += [
        f"/admin/gallery/gallery/{essay.pk}/add-photos/",
        # The window the "+" beside a photo box opens.
        "/admin/gallery/photo/add/?_to_field=id&_popup=1",
        f"/admin/articles/article/{article.pk}/history/",
        f"/admin/articles/article/{article.pk}/delete/",
        "/admin/password_change/",
    ]
    return pages


def test_every_admin_page_an_editor_uses_runs_under_the_policy(editor_page):
    page = editor_page
    for path in admin_pages():
        open_clean(page, path)

    # The widgets that change the page as an editor uses them: the rich-text editor
    # (its toolbar, an editable area), an autocomplete box, the calendar, a fieldset
    # that opens.
    page.goto(page.site + "/admin/articles/article/add/")
    page.get_by_role("button", name="Add another Body block").click()
    expect(page.locator("#blocks-0 .prose-menubar")).to_be_visible()
    expect(page.locator("#blocks-0 [contenteditable=true]")).to_be_visible()
    choose(page, "id_mission", "Soyuz", "Soyuz MS-09")
    page.locator(".field-publish_at .date-icon").click()
    expect(page.locator(".calendarbox:visible")).to_have_count(1)
    page.get_by_role("heading", name="Editor's note").click()
    expect(page.get_by_label("Editor's note:")).to_be_attached()
    expect(page.locator(".field-editors_note .prose-menubar")).to_be_visible()
    assert refused(page) == []

    # The log-out page, reached as the editor reaches it: the header's button.
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Logged out")).to_be_visible()
    assert refused(page) == []


def test_an_editor_types_rich_text_and_saves_it(editor_page):
    page = editor_page
    article = Article.objects.get(slug=ARTICLE_SLUG)
    page.goto(f"{page.site}/admin/articles/article/{article.pk}/change/")
    first_block = page.locator("#blocks-0 [contenteditable=true]")
    first_block.click()
    page.keyboard.press("Control+Home")
    page.locator("#blocks-0 .prose-menubar button[title=bold]").click()
    # The menu keeps the editor's focus; typing before it has it again loses the keys.
    expect(first_block).to_be_focused()
    page.keyboard.type("Under the policy: ")
    # Saved only once the editor shows it, so the form holds what was typed.
    expect(first_block.locator("strong").first).to_have_text("Under the policy: ")

    with page.expect_request(lambda request: request.method == "POST") as posted:
        page.get_by_role("button", name="Save and continue editing").click()

    # What the browser sent, then what the desk shows after saving, then what was stored:
    # a failure says which of the three lost the words.
    assert "<strong>Under the policy: </strong>When the Russian" in unquote_plus(
        posted.value.post_data
    )
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    expect(first_block.locator("strong").first).to_have_text("Under the policy: ")
    first = article.blocks.order_by("order").first()
    assert first.text.startswith("<p><strong>Under the policy: </strong>When the Russian")
    assert refused(page) == []


def test_an_editor_drags_a_slide_to_a_new_place_and_saves_the_order(editor_page):
    page = editor_page
    essay = Gallery.objects.get(slug=ESSAY_SLUG)
    page.goto(f"{page.site}/admin/gallery/gallery/{essay.pk}/change/")
    rows = page.locator("#slides-group tbody tr.has_original")
    expect(rows).to_have_count(len(SLIDE_TITLES))

    # The first slide, by its handle, dropped on the third.
    rows.nth(0).locator("td.original p").drag_to(rows.nth(2))
    expect(rows.nth(2).locator("td.original p")).to_contain_text(SLIDE_TITLES[0])
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    titles = [slide.photo.title for slide in essay.slides.order_by("order")]
    assert titles == [*SLIDE_TITLES[1:3], SLIDE_TITLES[0], *SLIDE_TITLES[3:]]
    assert refused(page) == []
