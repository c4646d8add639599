"""The order ``dumpdata --natural-foreign`` writes models in: every model after those
its natural key and its required foreign keys name.

Django's own ordering (``serializers.sort_dependencies``) meets a cycle here, a
person's portrait is a photo and a photo names the people in it, and breaks it by
writing some model early with all its dependencies ignored: depending on the order of
the apps, body blocks before their articles or bylines before their people, and
loaddata then stops ("Block has no article"). This ordering breaks a cycle only at a
link that loaddata can fill in once everything is loaded: a foreign key that may be
empty, or a many-to-many field. A natural key's dependencies and a required foreign
key are always met.
"""

from django.apps import apps


def dependencies(model):
    """(hard, soft): the models that must be loaded before ``model``, and those that
    should be, as Django's ordering counts them."""
    natural_key = getattr(model, "natural_key", None)
    hard = [apps.get_model(label) for label in getattr(natural_key, "dependencies", [])]
    soft = []
    for field in model._meta.fields:
        related = field.remote_field and field.remote_field.model
        if related and related is not model and hasattr(related, "natural_key"):
            (soft if field.null else hard).append(related)
    for field in model._meta.many_to_many:
        related = field.remote_field.model
        if field.remote_field.through._meta.auto_created and related is not model:
            if hasattr(related, "natural_key"):
                soft.append(related)
    return hard, soft


def sort_dependencies(app_list, allow_cycles=False):
    """``serializers.sort_dependencies`` with the same arguments, breaking cycles safely.

    Raises RuntimeError for a cycle of required links, which no order can load.
    """
    models = []
    for app_config, model_list in app_list:
        models.extend(app_config.get_models() if model_list is None else model_list)
    wanted = set(models)
    needs = {}
    for model in models:
        hard, soft = dependencies(model)
        needs[model] = ({m for m in hard if m in wanted}, {m for m in soft if m in wanted})
    ordered, placed = [], set()
    while len(ordered) < len(models):
        waiting = [model for model in models if model not in placed]
        # A model with every dependency met; else, to break a cycle, the one that
        # leaves the fewest links to fill in later, and none that is required.
        can_wait = [m for m in waiting if needs[m][0] <= placed]
        if not can_wait:
            names = ", ".join(sorted(model._meta.label for model in waiting))
            raise RuntimeError(f"Can't resolve dependencies for {names} in serialized app list.")
        ready = min(can_wait, key=lambda m: len(needs[m][1] - placed))
        ordered.append(ready)
        placed.add(ready)
    return ordered
