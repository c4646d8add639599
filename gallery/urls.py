from django.urls import path

from . import views

app_name = "gallery"

urlpatterns = [
    path("essays/", views.GalleryListView.as_view(), name="gallery_list"),
    path("essays/<slug:slug>/", views.GalleryDetailView.as_view(), name="gallery_detail"),
    path(
        "essays/<slug:slug>/<slug:photo_slug>/",
        views.SlideDetailView.as_view(),
        name="slide_detail",
    ),
    path("photos/<slug:slug>/", views.PhotoDetailView.as_view(), name="photo_detail"),
]
