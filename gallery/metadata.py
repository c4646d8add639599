"""Breadcrumbs and schema.org data of the photo essay and photo pages."""

from publishing.links import reverse
from publishing.metadata import (
    breadcrumb_list,
    breadcrumbs,
    compact,
    date,
    graph,
    image_object,
    publisher,
)


def gallery_trail(gallery):
    return breadcrumbs(("Photo essays", reverse("gallery:gallery_list")), (gallery.title, None))


def slide_trail(gallery, photo):
    return breadcrumbs(
        ("Photo essays", reverse("gallery:gallery_list")),
        (gallery.title, gallery.get_absolute_url()),
        (photo.title, None),
    )


def photo_trail(photo):
    return breadcrumbs((photo.title, None))


def gallery_data(request, gallery, slides, trail):
    """An ``ImageGallery`` of the essay's slides, each an ``ImageObject`` at its permalink."""
    url = request.build_absolute_uri(gallery.get_absolute_url())
    images = [
        image_object(
            request,
            slide.photo,
            caption=slide.display_caption,
            page_url=slide.get_absolute_url(),
            position=position,
        )
        for position, slide in enumerate(slides, 1)
    ]
    essay = compact(
        {
            "@type": "ImageGallery",
            "@id": f"{url}#essay",
            "name": gallery.title,
            "description": gallery.introduction,
            "url": url,
            "datePublished": date(gallery.publish_at),
            "dateModified": date(gallery.updated_at),
            "publisher": publisher(request),
            "associatedMedia": [image for image in images if image],
        }
    )
    return graph(essay, breadcrumb_list(request, trail))


def slide_data(request, gallery, slide, position, trail):
    """The slide's ``ImageObject``, part of its essay's ``ImageGallery``."""
    image = image_object(
        request,
        slide.photo,
        caption=slide.display_caption,
        page_url=slide.get_absolute_url(),
        position=position,
    )
    if image:
        gallery_url = request.build_absolute_uri(gallery.get_absolute_url())
        image["isPartOf"] = {
            "@type": "ImageGallery",
            "@id": f"{gallery_url}#essay",
            "name": gallery.title,
            "url": gallery_url,
        }
    return graph(image, breadcrumb_list(request, trail))


def photo_data(request, photo, trail):
    image = image_object(request, photo, page_url=photo.get_absolute_url())
    if image and photo.taken_on:
        image["dateCreated"] = date(photo.taken_on)
    return graph(image, breadcrumb_list(request, trail))
