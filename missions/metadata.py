"""Breadcrumbs and schema.org data of the mission and person pages."""

from publishing.links import reverse
from publishing.metadata import absolute_url, breadcrumb_list, breadcrumbs, compact, graph


def mission_trail(mission):
    return breadcrumbs(("Missions", reverse("missions:mission_list")), (mission.name, None))


def person_trail(person):
    return breadcrumbs(("People", reverse("missions:person_list")), (person.name, None))


def person_data(request, person, trail):
    """A ``Person`` with the names, role, agency, bio and portrait the page shows."""
    portrait = person.portrait.rendition("card") if person.portrait else None
    node = compact(
        {
            "@type": "Person",
            "@id": request.build_absolute_uri(person.get_absolute_url()) + "#person",
            "name": person.name,
            "alternateName": person.other_name_list,
            "jobTitle": person.job_title,
            "affiliation": {"@type": "Organization", "name": person.agency}
            if person.agency
            else None,
            "description": person.bio,
            "image": absolute_url(request, portrait.url) if portrait else None,
            "url": request.build_absolute_uri(person.get_absolute_url()),
        }
    )
    return graph(node, breadcrumb_list(request, trail))
