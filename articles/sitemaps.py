from gallery.sitemaps import PhotoSitemap, photo_ids_by

from .models import Article, Block


class ArticleSitemap(PhotoSitemap):
    url_name = "articles:detail"

    def items(self):
        return Article.objects.published()

    def rows(self, items):
        return items.values("pk", "slug", "updated_at", "hero_photo_id")

    def page_photo_ids(self, rows):
        blocks = photo_ids_by(
            Block.objects.filter(article__in=[row["pk"] for row in rows]), "article_id"
        )
        return [[row["hero_photo_id"], *blocks[row["pk"]]] for row in rows]
