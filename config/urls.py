from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from articles import views as article_views
from articles.feeds import AuthorAtomFeed, AuthorFeed, LatestAtomFeed, LatestFeed
from articles.sitemaps import ArticleSitemap
from gallery import sitemaps as gallery_sitemaps
from gallery.sitemaps import GallerySitemap, PhotoPageSitemap, SlideSitemap
from missions.feeds import MissionAtomFeed, MissionFeed
from missions.sitemaps import MissionSitemap, PersonSitemap
from operations import views as operations_views

admin.site.site_header = f"{settings.SITE_NAME} newsroom"
admin.site.site_title = f"{settings.SITE_NAME} newsroom"
admin.site.index_title = "Stories, photos, people and missions"

sitemaps = {
    "articles": ArticleSitemap,
    "essays": GallerySitemap,
    "slides": SlideSitemap,
    "photos": PhotoPageSitemap,
    "missions": MissionSitemap,
    "people": PersonSitemap,
}

feed_patterns = [
    path("latest/rss/", LatestFeed(), name="latest_rss"),
    path("latest/atom/", LatestAtomFeed(), name="latest_atom"),
    path("missions/<slug:slug>/rss/", MissionFeed(), name="mission_rss"),
    path("missions/<slug:slug>/atom/", MissionAtomFeed(), name="mission_atom"),
    path("people/<slug:slug>/rss/", AuthorFeed(), name="author_rss"),
    path("people/<slug:slug>/atom/", AuthorAtomFeed(), name="author_atom"),
]

urlpatterns = [
    path("healthz", operations_views.healthz, name="healthz"),
    path("", article_views.home, name="home"),
    path("search/", include("search.urls")),
    path("feeds/", include((feed_patterns, "feeds"))),
    # An index of the sections' files, each file a page of at most SITEMAP_LIMIT
    # addresses (?p=2 and on): one file of every page would outgrow the protocol's
    # limits and take seconds to make.
    path(
        "sitemap.xml",
        gallery_sitemaps.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("", include("articles.urls")),
    path("", include("gallery.urls")),
    path("", include("missions.urls")),
    path("", include("live.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    # Development and tests only: in production the web server or the storage
    # service serves renditions. Like them, this serves the renditions folder alone:
    # photo originals (MEDIA_ROOT/photos/) reach staff through the admin only.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>{settings.IMAGEKIT_CACHEFILE_DIR}/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
