from gallery.sitemaps import PhotoSitemap

from .models import Article
from .views import article_cards


class ArticleSitemap(PhotoSitemap):
    def items(self):
        return article_cards(Article.objects.published())

    def photos(self, article):
        return [article.hero_photo, *(block.photo for block in article.photo_blocks)]
