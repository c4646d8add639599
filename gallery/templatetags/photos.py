"""Responsive images: ``{% picture photo "slide" sizes="..." %}`` and its helpers.

Everything comes from the renditions recorded on the photo when it was saved: a
page render neither hashes imagekit specs nor asks the storage whether a file exists.
"""

from types import SimpleNamespace

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from gallery.renditions import LARGEST, WIDTHS, RenditionState, url_maker
from publishing.metadata import absolute_url

register = template.Library()

# What the markup of {% picture %} ends with, and how its image loads.
PICTURE_END = "\n"
EAGER = mark_safe(' fetchpriority="high"')
LAZY = mark_safe(' loading="lazy" decoding="async"')

# The ``sizes`` of the images that span a layout's column, by name, so that a
# <picture> and the preload of the same image always agree. They describe
# static/css/site.css: .wrap-wide is 64rem, .wrap-text 42rem, with 1rem margins.
LAYOUTS = {
    "wide": "(min-width: 66rem) 64rem, calc(100vw - 2rem)",
    "column": "(min-width: 44rem) 42rem, calc(100vw - 2rem)",
    # A card of the .cards grid: one, two or three columns, at most 23rem wide.
    "card": (
        "(min-width: 74rem) 23rem, (min-width: 64rem) calc((100vw - 5rem) / 3), "
        "(min-width: 40rem) calc((100vw - 3.5rem) / 2), calc(100vw - 2rem)"
    ),
}


def candidates(photo, purpose):
    """The recorded renditions ``purpose`` may offer, one per distinct width, smallest first."""
    if purpose not in LARGEST:
        raise template.TemplateSyntaxError(
            f"Unknown picture purpose {purpose!r}; use one of {', '.join(LARGEST)}."
        )
    table = photo.rendition_entries()
    entries, widths = [], set()
    for name, width in WIDTHS.items():
        entry = table.get(name)
        if width > LARGEST[purpose] or not entry or entry["width"] in widths:
            continue
        widths.add(entry["width"])
        entries.append(entry)
    return table, entries


def has_avif(entries):
    # Photos whose renditions were made before AVIF have none until they are made again.
    return all("avif" in entry for entry in entries)


def srcset(entries, fmt, url):
    return ", ".join(f"{url(entry[fmt])} {entry['width']}w" for entry in entries)


@register.simple_tag
def picture(photo, purpose="slide", sizes="100vw", eager=False, css_class=""):
    """A <picture> with AVIF, WebP and JPEG sources for ``photo``.

    ``purpose`` (thumbnail, card, slide, full; phone and tablet too) sets the largest
    width offered; ``sizes`` must match the CSS layout so the browser picks the
    smallest file that is sharp (a name from LAYOUTS, or the attribute itself);
    ``eager`` for the first image of a page, which loads at once with high
    priority, where all others load lazily.

    Written here rather than in a template: an essay has a picture per slide, and
    rendering a template for each cost several times what the markup itself does.
    """
    if not photo or not photo.image:
        return PICTURE_END
    table, entries = candidates(photo, purpose)
    css = format_html(' class="{}"', css_class) if css_class else ""
    if not entries:
        if photo.rendition_state == RenditionState.PENDING and photo.width and photo.height:
            # Renditions still being made: a box of the photo's shape holds its place.
            return format_html(
                '<svg class="picture-pending{}" viewBox="0 0 {} {}" width="{}" height="{}" '
                'aria-hidden="true" focusable="false"></svg>\n{}',
                f" {css_class}" if css_class else "",
                photo.width,
                photo.height,
                photo.width,
                photo.height,
                PICTURE_END,
            )
        return PICTURE_END
    url = url_maker()
    sizes = LAYOUTS.get(sizes, sizes)
    fallback = table.get(purpose) or entries[-1]
    avif = (
        format_html(
            '<source type="image/avif" srcset="{}" sizes="{}">\n  ',
            srcset(entries, "avif", url),
            sizes,
        )
        if has_avif(entries)
        else ""
    )
    return format_html(
        '<picture>\n  {}<source type="image/webp" srcset="{}" sizes="{}">\n  '
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{}>\n'
        "</picture>{}",
        avif,
        srcset(entries, "webp", url),
        sizes,
        url(fallback["jpeg"]),
        srcset(entries, "jpeg", url),
        sizes,
        fallback["width"],
        fallback["height"],
        photo.alt_text,
        css,
        EAGER if eager else LAZY,
        PICTURE_END,
    )


def card_image(photo, sizes="card"):
    """The image of a story's card: ``photo`` in the card's box."""
    return format_html('<div class="card-image">{}</div>\n', picture(photo, "card", sizes=sizes))


@register.simple_tag
def preload_picture(photo, purpose="slide", sizes="100vw"):
    """A <link rel="preload"> for the page's largest image, to put in <head>.

    Give it the same ``purpose`` and ``sizes`` as the ``{% picture %}`` it speeds up.
    """
    if not photo or not photo.image:
        return ""
    _, entries = candidates(photo, purpose)
    if not entries:
        return ""
    # The format the <picture> offers first, so the browser uses what it preloaded.
    fmt = "avif" if has_avif(entries) else "webp"
    return format_html(
        '<link rel="preload" as="image" type="image/{}" imagesrcset="{}" '
        'imagesizes="{}" fetchpriority="high">',
        fmt,
        srcset(entries, fmt, url_maker()),
        LAYOUTS.get(sizes, sizes),
    )


@register.simple_tag(takes_context=True)
def rendition(context, photo, purpose="full", fmt="jpeg", absolute=False):
    """One rendition's ``url``, ``width`` and ``height``: a full-size link, og:image.

    ``{% rendition photo "full" as full %}<a href="{{ full.url }}">``; with
    ``absolute=True`` the URL includes the scheme and host, as og:image needs.
    """
    if not photo or not photo.image:
        return None
    found = photo.rendition(purpose, fmt)
    if found is None:
        return None
    url = found.url
    if absolute and context.get("request") is not None:
        url = absolute_url(context["request"], url)
    return SimpleNamespace(url=url, width=found.width, height=found.height)
