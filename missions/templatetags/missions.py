"""``{% mission_card mission %}``: a mission's card in the lists of missions.

Written in Python rather than included: the missions list shows twenty cards, and the
template language's include, lookups and filters took most of the page's time. The
HTML is the one the card's template gave, blank lines and all.
"""

from datetime import UTC

from django import template
from django.utils.dates import MONTHS
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def mission_card(mission, level=2):
    """The card of ``mission``, its name a heading of ``level``. ``mission`` comes
    with its launch site and its crew members with their people."""
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
    flight_crew = mission.flight_crew()
    if flight_crew:
        names = ", ".join(conditional_escape(person.name) for person in flight_crew)
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
