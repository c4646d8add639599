from gallery.sitemaps import PhotoSitemap, photo_ids_by

from .models import Article, Block


class ArticleSitemap(PhotoSitemap):
    def items(self):
        # Oldest first: a new article goes on the last file, the others keep their pages.
        return (
            Article.objects.published()
            .only("slug", "updated_at", "hero_photo")
            .order_by("publish_at", "pk")
        )

    def page_photo_ids(self, articles):
        blocks = photo_ids_by(Block.objects.filter(article__in=articles), "article_id")
        return [[article.hero_photo_id, *blocks[article.pk]] for article in articles]
