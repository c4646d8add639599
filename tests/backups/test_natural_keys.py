"""Every content model is named by a natural key that names one record only, so a
backup loads each record into its own row."""

import pytest
from django.apps import apps
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import Block
from backups.contents import LABELS
from tests.factories import ArticleFactory, BlockFactory

pytestmark = pytest.mark.django_db


def test_every_content_model_has_a_natural_key_its_manager_finds():
    app_labels = [label for label in LABELS if "." not in label]
    models = [m for label in app_labels for m in apps.get_app_config(label).get_models()]

    assert models
    for model in models:
        assert hasattr(model, "natural_key"), model
        assert hasattr(model._default_manager, "get_by_natural_key"), model


def test_two_blocks_of_an_article_cannot_share_a_place():
    article = ArticleFactory()
    BlockFactory(article=article, order=1)

    with pytest.raises(IntegrityError):
        BlockFactory(article=article, order=1)


def test_a_block_is_found_by_its_article_and_place():
    block = BlockFactory(order=3)

    assert Block.objects.get_by_natural_key(*block.natural_key()) == block


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_numbers_blocks_that_shared_a_place_in_reading_order():
    executor = MigrationExecutor(connection)
    executor.migrate([("articles", "0005_published_order_key_last")])
    old = executor.loader.project_state([("articles", "0005_published_order_key_last")]).apps
    old_article, old_block = (
        old.get_model("articles", "Article"),
        old.get_model("articles", "Block"),
    )
    article = old_article.objects.create(headline="Docking", slug="docking")
    for text, order in [("b", 0), ("c", 0), ("a", 0), ("d", 5)]:
        old_block.objects.create(article=article, text=text, order=order)
    other = old_article.objects.create(headline="Other", slug="other")
    old_block.objects.create(article=other, text="x", order=7)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert [(b.text, b.order) for b in Block.objects.filter(article__slug="docking")] == [
        ("b", 1),
        ("c", 2),
        ("a", 3),
        ("d", 4),
    ]
    assert Block.objects.get(article__slug="other").order == 7
