"""The models whose saves keep versions, and the inlines each version takes along.

One place: the admin mixin, the compare view and the restore read ``FOLLOW`` from here.
Versions are recorded only inside a revision (the admin's saves and actions open one),
so fixtures, backups' restores and scripts save without recording anything.
"""

import reversion

from articles.models import Article, Block, Byline
from gallery.models import Gallery, Photo, Slide
from missions.models import CrewMember, Mission, Person

# The reverse relations (the admin's inlines) saved and restored with their parent.
FOLLOW = {
    Article: ["blocks", "bylines"],
    Gallery: ["slides"],
    Mission: ["crew_members"],
}
# A photo's version is its words; the file and its renditions are not restored
# (an older version's renditions may have been replaced since).
PHOTO_EXCLUDED = ["image", "width", "height", "renditions", "rendition_state", "rendition_error"]

for model in [Block, Byline, Slide, CrewMember, Person]:
    if not reversion.is_registered(model):
        reversion.register(model)
if not reversion.is_registered(Photo):
    reversion.register(Photo, exclude=PHOTO_EXCLUDED)
for model, follow in FOLLOW.items():
    if not reversion.is_registered(model):
        reversion.register(model, follow=follow)


def inline_relations(model):
    """(name, related model, foreign key) for each inline that ``model``'s versions follow."""
    for name in FOLLOW.get(model, []):
        relation = model._meta.get_field(name)
        yield name, relation.related_model, relation.field
