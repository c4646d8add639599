"""Django's JSON format for dumpdata and loaddata, with times to the microsecond.

Django's JSON encoder cuts times to the millisecond. Content keeps them to the
microsecond (publish and update times), and pages print them whole: a feed's
``updated``, an essay's ``datetime`` attribute, the sitemaps' ``lastmod``. A backup
in Django's JSON would restore every page a few microseconds different. Registered
as the ``json`` format (``SERIALIZATION_MODULES``), so a plain ``dumpdata`` keeps
them too; loaddata reads both.
"""

import datetime

from django.core.serializers import json
from django.core.serializers.json import Deserializer  # noqa: F401 - Django's, unchanged


class Encoder(json.DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time) and not (o.tzinfo and o.utcoffset() is not None):
            return o.isoformat()
        return super().default(o)


class Serializer(json.Serializer):
    def _init_options(self):
        super()._init_options()
        if self.json_kwargs["cls"] is json.DjangoJSONEncoder:
            self.json_kwargs["cls"] = Encoder
