"""The history page lists an item's versions, newest first, and compares two."""

import pytest
from django.urls import reverse
from reversion.models import Version

from tests.factories import PhotoFactory
from tests.revisions.conftest import history_url, save_in_admin

pytestmark = pytest.mark.django_db


def compare_url(obj, older, newer):
    url = reverse("admin:articles_article_compare", args=[obj.pk])
    return f"{url}?from={older.pk}&to={newer.pk}"


def versions(article):
    return list(Version.objects.get_for_object(article).order_by("pk"))


def test_the_history_lists_versions_newest_first_with_who_and_what(editor_client, article):
    save_in_admin(editor_client, article, headline="First change")
    save_in_admin(editor_client, article, standfirst="Second change.")

    page = editor_client.get(history_url(article)).content.decode()

    assert page.index("Changed Standfirst.") < page.index("Changed Headline.")
    assert page.count("<td>editor</td>") == 2


def test_compare_lists_a_changed_field_before_and_after(editor_client, article):
    save_in_admin(editor_client, article, headline="Soyuz MS-09 lifts off")
    save_in_admin(editor_client, article, headline="Soyuz MS-09 reaches orbit")
    older, newer = versions(article)

    response = editor_client.get(compare_url(article, older, newer))

    assert response.status_code == 200
    assert response.context["comparison"].fields[0].label == "Headline"
    assert response.context["comparison"].fields[0].before == "Soyuz MS-09 lifts off"
    assert response.context["comparison"].fields[0].after == "Soyuz MS-09 reaches orbit"


def test_compare_marks_the_words_changed_in_the_body(editor_client, article):
    save_in_admin(editor_client, article)
    save_in_admin(
        editor_client, article, **{"blocks-0-text": "<p>The rocket rose into a dark sky.</p>"}
    )
    older, newer = versions(article)

    response = editor_client.get(compare_url(article, older, newer))

    assert (
        '<td colspan="2" class="revision-diff">The rocket rose into a <del>clear</del>'
        "<ins>dark</ins> sky.</td>"
    ) in response.content.decode()


def test_compare_escapes_what_editors_typed(editor_client, article):
    save_in_admin(editor_client, article)
    save_in_admin(
        editor_client,
        article,
        standfirst="<script>alert(1)</script>",
        **{"blocks-0-text": "<p>Fuel &lt;img src=x onerror=alert(1)&gt; loaded.</p>"},
    )
    older, newer = versions(article)

    page = editor_client.get(compare_url(article, older, newer)).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<ins>Fuel &lt;img src=x onerror=alert(1)&gt; loaded</ins>" in page


def test_compare_lists_a_changed_byline(editor_client, article):
    from tests.factories import PersonFactory

    save_in_admin(editor_client, article)
    reporter = PersonFactory(name="Elizabeth Howell")
    save_in_admin(editor_client, article, **{"bylines-0-person": reporter.pk})
    older, newer = versions(article)

    comparison = editor_client.get(compare_url(article, older, newer)).context["comparison"]

    assert [change.label for change in comparison.inlines] == ["Bylines"]


def test_compare_asks_for_two_versions(editor_client, article):
    save_in_admin(editor_client, article)
    (only,) = versions(article)

    response = editor_client.get(compare_url(article, only, only), follow=True)

    assert "Choose two different versions to compare." in response.content.decode()


def test_compare_refuses_versions_of_another_item(editor_client, article):
    save_in_admin(editor_client, article)
    photo = PhotoFactory()
    save_in_admin(editor_client, photo, caption="Other.")
    (mine,) = versions(article)
    other = Version.objects.get_for_object(photo).get()

    response = editor_client.get(compare_url(article, mine, other), follow=True)

    assert "Choose two different versions to compare." in response.content.decode()
