"""Every admin page an editor uses renders: lists, forms, searches and autocompletes.

A misconfigured ``list_display``, ``search_fields``, ``autocomplete_fields`` or inline
shows up here as an error page.
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    BlockFactory,
    BylineFactory,
    CrewMemberFactory,
    GalleryFactory,
    MissionFactory,
    PersonFactory,
    SlideFactory,
)

pytestmark = pytest.mark.django_db

CONTENT_APPS = {"articles", "gallery", "missions"}
ADMINS = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in CONTENT_APPS
)


@pytest.fixture
def newsroom(quick_photo):
    """One of everything, linked the way the launch story links them."""
    mission = MissionFactory(name="Soyuz MS-09", slug="soyuz-ms-09")
    crew = CrewMemberFactory(mission=mission, person__name="Serena Auñón-Chancellor")
    photo = quick_photo(title="A mighty roar", mission=mission)
    photo.people.add(crew.person)
    crew.person.portrait = photo
    crew.person.save()
    essay = GalleryFactory(title="Expedition 56 in photos", mission=mission, cover=photo)
    SlideFactory(gallery=essay, photo=photo)
    SlideFactory(gallery=essay, photo=quick_photo(draft=True))
    article = ArticleFactory(
        headline="Soyuz MS-09 lifts off", mission=mission, hero_photo=photo, related_gallery=essay
    )
    article.people.add(crew.person)
    BylineFactory(article=article, person=PersonFactory(name="Tariq Malik"))
    BlockFactory(article=article, text="<p>A first for Russia.</p>")
    BlockFactory(article=article, photo_block=True, photo=photo)
    quick_photo(title="Unfinished photo", draft=True, alt_text="", credit="")
    return {
        "article": article,
        "photo": photo,
        "gallery": essay,
        "mission": mission,
        "person": crew.person,
        "launchsite": mission.launch_site,
    }


def test_every_content_model_admin_is_covered():
    assert ADMINS == [
        ("articles", "article"),
        ("gallery", "gallery"),
        ("gallery", "photo"),
        ("missions", "launchsite"),
        ("missions", "mission"),
        ("missions", "person"),
    ]


@pytest.mark.parametrize(("app", "model"), ADMINS)
def test_changelist_renders_for_editor(editor_client, newsroom, app, model):
    response = editor_client.get(reverse(f"admin:{app}_{model}_changelist"))

    assert response.status_code == 200
    assert str(newsroom[model]) in response.content.decode()


@pytest.mark.parametrize(("app", "model"), ADMINS)
def test_changelist_search_renders_for_editor(editor_client, newsroom, app, model):
    response = editor_client.get(reverse(f"admin:{app}_{model}_changelist"), {"q": "Soyuz"})

    assert response.status_code == 200


@pytest.mark.parametrize(("app", "model"), ADMINS)
def test_add_form_renders_for_editor(editor_client, app, model):
    assert editor_client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200


@pytest.mark.parametrize(("app", "model"), ADMINS)
def test_change_form_renders_for_editor(editor_client, newsroom, app, model):
    obj = newsroom[model]

    response = editor_client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk]))

    assert response.status_code == 200
    assert str(obj) in response.content.decode()


@pytest.mark.parametrize(("app", "model"), ADMINS)
def test_delete_page_renders_for_editor(editor_client, newsroom, app, model):
    obj = newsroom[model]

    response = editor_client.get(reverse(f"admin:{app}_{model}_delete", args=[obj.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize(("app", "model"), ADMINS)
def test_history_page_renders_for_editor(editor_client, newsroom, app, model):
    obj = newsroom[model]

    response = editor_client.get(reverse(f"admin:{app}_{model}_history", args=[obj.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("status", ["draft", "published"])
@pytest.mark.parametrize("model", ["article", "gallery", "photo"])
def test_status_filter_renders_for_editor(editor_client, newsroom, model, status):
    app = newsroom[model]._meta.app_label

    response = editor_client.get(reverse(f"admin:{app}_{model}_changelist"), {"status": status})

    assert response.status_code == 200


def test_photo_list_shows_each_photo_status(editor_client, newsroom):
    page = editor_client.get(reverse("admin:gallery_photo_changelist")).content.decode()

    assert "status-published" in page
    assert "status-draft" in page


def test_scheduled_article_is_labelled_scheduled_in_the_list(editor_client):
    ArticleFactory(scheduled=True)

    page = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()

    assert "Scheduled for" in page


def autocomplete_fields():
    """(app, model, field) for every autocomplete field, inlines' included."""
    found = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in CONTENT_APPS:
            continue
        admins = [model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)]
        for each in admins:
            for field in each.autocomplete_fields:
                found.append((each.model._meta.app_label, each.model._meta.model_name, field))
    return sorted(found)


AUTOCOMPLETES = autocomplete_fields()

# What each autocomplete's target is called in the newsroom fixture.
TARGETS = {
    "person": "Tariq Malik",
    "portrait": "A mighty roar",
    "photo": "A mighty roar",
    "hero_photo": "A mighty roar",
    "cover": "A mighty roar",
    "mission": "Soyuz MS-09",
    "launch_site": None,
    "people": "Serena Auñón-Chancellor",
    "related_gallery": "Expedition 56 in photos",
}


def test_autocompletes_are_found():
    assert ("articles", "byline", "person") in AUTOCOMPLETES
    assert ("articles", "block", "photo") in AUTOCOMPLETES
    assert ("gallery", "slide", "photo") in AUTOCOMPLETES
    assert len(AUTOCOMPLETES) == 14


@pytest.mark.parametrize(("app", "model", "field"), AUTOCOMPLETES)
def test_autocomplete_answers_editor(editor_client, newsroom, app, model, field):
    expected = TARGETS[field] or str(newsroom["launchsite"])
    term = expected.split()[0]

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": app, "model_name": model, "field_name": field, "term": term},
    )

    assert response.status_code == 200
    assert expected in [result["text"] for result in response.json()["results"]]


def test_photo_autocomplete_offers_draft_photos_to_editors(editor_client, newsroom):
    """Editors pick photos before publishing them; the public site hides the drafts."""
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "block", "field_name": "photo", "term": "Unf"},
    )

    assert [result["text"] for result in response.json()["results"]] == ["Unfinished photo"]


def test_admin_pages_name_the_sites_icon(editor_client):
    # Without it, browsers ask for /favicon.ico, which nothing serves.
    page = editor_client.get("/admin/").content.decode()

    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    assert "Launch Desk newsroom" in page
