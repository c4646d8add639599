"""Breadcrumbs and schema.org data of the live page: a ``LiveBlogPosting``."""

from django.utils.html import strip_tags
from django.utils.text import Truncator

from publishing.links import reverse
from publishing.metadata import (
    breadcrumb_list,
    breadcrumbs,
    compact,
    date,
    graph,
    image_object,
    person_reference,
    publisher,
)


def coverage_trail(coverage):
    mission = coverage.mission
    return breadcrumbs(
        ("Missions", reverse("missions:mission_list")),
        (mission.name, mission.get_absolute_url()),
        (coverage.title, None),
    )


def entry_data(request, entry):
    text = " ".join(strip_tags(entry.text).split())
    return compact(
        {
            "@type": "BlogPosting",
            "@id": request.build_absolute_uri(entry.get_absolute_url()),
            "url": request.build_absolute_uri(entry.get_absolute_url()),
            "headline": entry.key_event or Truncator(text).chars(110),
            "articleBody": text,
            "datePublished": date(entry.posted_at),
            "dateModified": date(entry.updated_at),
            "author": person_reference(request, entry.author) if entry.author else None,
            "image": image_object(request, entry.photo) if entry.photo else None,
        }
    )


def coverage_data(request, coverage, entries, trail):
    """A ``LiveBlogPosting`` with its coverage times and each entry, newest first."""
    url = request.build_absolute_uri(coverage.get_absolute_url())
    mission = coverage.mission
    posting = compact(
        {
            "@type": "LiveBlogPosting",
            "@id": f"{url}#coverage",
            "headline": coverage.title,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": date(coverage.publish_at),
            "dateModified": date(max([coverage.updated_at, *(e.updated_at for e in entries)])),
            "coverageStartTime": date(coverage.starts_at),
            "coverageEndTime": date(coverage.ends_at),
            "about": compact(
                {
                    "@type": "Event",
                    "name": mission.name,
                    "startDate": date(mission.launch_at),
                    "location": {"@type": "Place", "name": mission.launch_site.name}
                    if mission.launch_site
                    else None,
                    "url": request.build_absolute_uri(mission.get_absolute_url()),
                }
            ),
            "publisher": publisher(request),
            "liveBlogUpdate": [entry_data(request, entry) for entry in entries],
        }
    )
    return graph(posting, breadcrumb_list(request, trail))
