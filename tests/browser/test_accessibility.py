"""Every page type checked by axe-core against WCAG 2.2 AA, and by keyboard.

axe's findings for each page are written to ``artifacts/axe/`` on every run; the
test fails on any serious or critical one.
"""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from gallery.admin_views import grid_url
from gallery.models import Gallery, Photo
from missions.models import Mission
from tests.browser.support import ARTIFACTS, BROWSER_TEST, PAGE_TYPES, load_every_image
from tests.browser.test_editing import sign_in
from tests.factories import NoteFactory, UserFactory
from tests.launch_story import ARTICLE_SLUG, ESSAY_SLUG

pytestmark = BROWSER_TEST

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = {"serious", "critical"}


def run_axe(page, name=None):
    """axe's violations on ``page``, recorded under ``name`` when one is given."""
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]},
    )
    violations = [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]],
        }
        for violation in results.response["violations"]
    ]
    if name:
        folder = ARTIFACTS / "axe"
        folder.mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        (folder / f"{name}-{width}.json").write_text(json.dumps(violations, indent=2))
    return violations


@pytest.mark.parametrize("name", PAGE_TYPES)
@pytest.mark.parametrize("screen", ["phone", "page"])
def test_axe_finds_nothing_serious(story, request, screen, name):
    page = request.getfixturevalue(screen)
    page.goto(story + PAGE_TYPES[name])
    load_every_image(page)
    violations = run_axe(page, name)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], json.dumps(blocking, indent=2)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_has_one_main_heading_and_its_landmarks(story, page, name):
    page.goto(story + PAGE_TYPES[name])
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("banner")).to_have_count(1)
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("contentinfo")).to_have_count(1)
    expect(page.get_by_role("navigation", name="Main")).to_have_count(1)


def test_skip_link_takes_a_keyboard_user_to_the_content(story, page):
    page.goto(story + PAGE_TYPES["article"])
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    # The next Tab goes into the content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_every_image_has_alt_text_and_every_photo_a_caption(story, page):
    page.goto(story + PAGE_TYPES["essay"])
    alts = page.evaluate("Array.from(document.images, img => img.getAttribute('alt'))")
    assert alts and all(alts)
    figures = page.locator("figure")
    expect(figures).to_have_count(11)
    for index in range(11):
        figure = figures.nth(index)
        expect(figure.locator("figcaption")).to_contain_text("Credit:")
        # The figure is named by its caption for assistive technology.
        assert figure.evaluate("f => f.querySelector('figcaption') !== null")


def test_slide_page_announces_the_photo_and_its_position(story, page):
    page.goto(story + PAGE_TYPES["slide"])
    title = page.get_by_role("heading", level=1)
    expect(title).to_have_text("Goodbye, Earth!")
    expect(title).to_have_accessible_description("Photo 8 of 11")
    nav = page.get_by_role("navigation", name="Photos in this essay")
    expect(nav.get_by_role("link", name="Previous photo: A Long, Straight Shot")).to_be_visible()
    expect(nav.get_by_role("link", name="Next photo: Time Grows Near")).to_be_visible()


def test_axe_check_catches_an_image_without_alt_text(story, page):
    """The check above can fail: an image stripped of its alt text is reported."""
    page.goto(story + PAGE_TYPES["photo"])
    page.evaluate("document.querySelector('main img').removeAttribute('alt')")
    violations = run_axe(page)
    assert {"id": "image-alt", "impact": "critical"}.items() <= violations[0].items()


# What axe reports in Django's own admin markup, which the project does not write:
# (rule, a pattern of the element's selector as axe gives it).
DJANGO_ADMIN_ALLOWED = [
    # label, label-title-only, select-name: a tabular inline's boxes are named by their
    # column heading, not a <label> (Django's edit_inline/tabular.html); its "Delete?"
    # checkbox likewise.
    ("label", r"#id_\w+-\d+-(caption|text|role|DELETE|noted_at_[01])$"),
    ("label-title-only", r"#id_\w+-\d+-(caption|text|role)$"),
    ("select-name", r"#id_\w+-\d+-(kind|group)$"),
    # label: the time box of Django's AdminSplitDateTime has no label of its own, and
    # its date box's label is the row's <label> without a "for" (Django's widget).
    ("label", r"#id_(publish_at|launch_at)_[01]$"),
    # label, list, aria-input-field-name: the select2 autocomplete that Django's admin
    # ships (admin/js/vendor/select2): its search box, its list of choices, its combobox.
    ("label", r"\.select2-search__field$"),
    ("list", r"\.select2-selection--multiple > ul$"),
    ("aria-input-field-name", r"select2"),
    # link-in-text-block: Django's breadcrumbs, links told apart by colour only.
    ("link-in-text-block", r"(\.breadcrumbs > )?a\[href\$=\"\w+/\"\]"),
    # target-size: the change list's filter links (Django's change_list filter.html).
    ("target-size", r"(details\[data-filter-title|a\[href=\"\?)"),
]


def allowed(rule, target):
    return any(rule == id_ and re.search(pattern, target) for id_, pattern in DJANGO_ADMIN_ALLOWED)


def admin_pages_an_editor_uses(page, site):
    """The admin pages of a day's editing, with the launch story loaded: each path,
    after the clicks that make its versions to compare."""
    article = Article.objects.get(slug=ARTICLE_SLUG)
    NoteFactory(article=article)
    essay = Gallery.objects.get(slug=ESSAY_SLUG)
    photos = Photo.objects.filter(slides__gallery=essay)[:3]
    mission = Mission.objects.get(slug="soyuz-ms-09")
    article_url = f"/admin/articles/article/{article.pk}/change/"
    # Two saves, the second with a new standfirst: two versions that differ.
    for standfirst in (article.standfirst, "The Expedition 56 crew is on its way."):
        page.goto(site + article_url)
        page.get_by_label("Standfirst").fill(standfirst)
        page.get_by_role("button", name="Save and continue editing").click()
        expect(page.locator(".messagelist .success")).to_be_visible()
    page.get_by_role("link", name="History").click()
    page.get_by_role("button", name="Compare the chosen versions").click()
    expect(page.locator(".revision-diff")).to_be_visible()
    compare_url = page.url.removeprefix(site)
    return {
        "admin-article": article_url,
        "admin-photo-list": reverse("admin:gallery_photo_changelist"),
        "admin-photo-grid": grid_url(photos),
        "admin-add-photos": reverse("admin:gallery_photo_add_photos"),
        "admin-essay": reverse("admin:gallery_gallery_change", args=[essay.pk]),
        "admin-history": reverse("admin:articles_article_history", args=[article.pk]),
        "admin-compare": compare_url,
        "admin-mission": reverse("admin:missions_mission_change", args=[mission.pk]),
    }


def test_axe_finds_nothing_serious_in_the_editors_admin_pages(story, page, editors_group):
    user = UserFactory(username="desk", is_staff=True)
    user.groups.add(editors_group)
    sign_in(page, story, "desk")
    found = {}
    for name, path in admin_pages_an_editor_uses(page, story).items():
        page.goto(story + path)
        page.wait_for_load_state("networkidle")
        blocking = [
            {**v, "nodes": [n for n in v["nodes"] if not allowed(v["id"], n[-1])]}
            for v in run_axe(page, name)
            if v["impact"] in BLOCKING
        ]
        blocking = [v for v in blocking if v["nodes"]]
        if blocking:
            found[name] = blocking
    assert found == {}, json.dumps(found, indent=2)
