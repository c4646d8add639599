"""``{% mission_card mission %}`` and ``{% person_card person %}``: the cards of the
lists of missions and of people.

Written in Python rather than in templates: the missions list shows twenty cards,
and the template language's include, lookups and filters took most of the page's
time. The HTML is the one the cards' templates gave, blank lines and all.
"""

from datetime import UTC

from django import template
from django.utils.dates import MONTHS
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from gallery.templatetags.photos import picture

register = template.Library()


@register.simple_tag
def mission_card(mission, level=2):
    """The card of ``mission``, its name a heading of ``level``. ``mission`` comes
    with its launch site and its crew's names (``missions.models.mission_cards``)."""
    launch = site = destination = crew = ""
    if mission.launch_at:
        # As the date filter writes "c" and "F j, Y, H:i", at a fraction of its cost.
        at = mission.launch_at.astimezone(UTC)
        launch = format_html(
            '<div><dt>Launch</dt><dd><time datetime="{}">{} {}, {}, {} UTC</time></dd></div>',
            at.isoformat(),
            MONTHS[at.month],
            at.day,
            at.year,
            f"{at:%H:%M}",
        )
    if mission.launch_site:
        site = format_html("<div><dt>Launch site</dt><dd>{}</dd></div>", mission.launch_site.name)
    if mission.destination:
        destination = format_html("<div><dt>Destination</dt><dd>{}</dd></div>", mission.destination)
    if mission.flight_crew_names:
        names = ", ".join(conditional_escape(name) for name in mission.flight_crew_names)
        crew = f"\n      <div><dt>Crew</dt><dd>{names}</dd></div>\n      "
    level = conditional_escape(level or 2)
    url, name = conditional_escape(mission.get_absolute_url()), conditional_escape(mission.name)
    return mark_safe(  # noqa: S308 - every value in it is escaped above
        '<article class="card card-plain">\n'
        '  <div class="card-body">\n'
        '    <p class="kicker">Mission</p>\n'
        f'    <h{level} class="card-title"><a href="{url}">{name}</a></h{level}>\n'
        '    <dl class="card-facts">\n'
        f"      {launch}\n"
        f"      {site}\n"
        f"      {destination}\n"
        f"      {crew}\n"
        "    </dl>\n"
        "  </div>\n"
        "</article>\n"
    )


@register.simple_tag
def person_card(person):
    """The card of ``person`` in the list of people: their portrait (read with
    ``missions.views.with_portraits``), else their initial, name and role."""
    if person.portrait:
        portrait = picture(person.portrait, "thumbnail", sizes="4rem", css_class="portrait")
    else:
        portrait = format_html(
            '<span class="portrait portrait-empty" aria-hidden="true">{}</span>', person.name[:1]
        )
    role = person.role
    role = format_html('<p class="meta">{}</p>', role) if role else ""
    url, name = conditional_escape(person.get_absolute_url()), conditional_escape(person.name)
    return mark_safe(  # noqa: S308 - every value in it is escaped above
        '<li class="person-card">\n'
        f"      {portrait}\n"
        "      <div>\n"
        f'        <h2 class="person-card-name"><a href="{url}">{name}</a></h2>\n'
        f"        {role}\n"
        "      </div>\n"
        "    </li>"
    )
