"""What the tests about the launch story expect of it, as the seeds give it."""

ARTICLE_SLUG = "see-the-breathtaking-view-from-a-russian-soyuz-rocket-as-it-launches-into-space"
HEADLINE = "See the Breathtaking View from a Russian Soyuz Rocket As It Launches into Space"
ESSAY_SLUG = "expedition-56-space-station-mission-in-photos"
SLIDE_TITLES = [
    "A Mighty Roar",
    "Capturing History",
    "Capturing Every Angle",
    "Boosters Firing",
    "Fiery Blast-off",
    "Shining Through",
    "A Long, Straight Shot",
    "Goodbye, Earth!",
    "Time Grows Near",
    "Offering Blessings",
    "Liftoff!",
]
