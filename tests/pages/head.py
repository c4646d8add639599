"""Read what a page's <head> tells machines: title, meta tags, links and JSON-LD."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pyld import jsonld


@dataclass
class Head:
    title: str = ""
    meta: dict = field(default_factory=dict)  # name or property -> content
    links: list = field(default_factory=list)  # attribute dicts of <link>
    json_ld: list = field(default_factory=list)  # parsed JSON-LD documents

    def link(self, rel, **attrs):
        for link in self.links:
            if link.get("rel") == rel and all(link.get(k) == v for k, v in attrs.items()):
                return link
        return None

    def nodes(self, type_name):
        """Every JSON-LD node of ``@type`` ``type_name``, from every block."""
        return [
            node
            for document in self.json_ld
            for node in document.get("@graph", [document])
            if node.get("@type") == type_name
        ]


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.head = Head()
        self.in_title = False
        self.in_json_ld = False
        self.data = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self.in_title = True
        elif tag == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.head.meta[key] = attrs["content"]
        elif tag == "link":
            self.head.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self.in_json_ld = True
            self.data = []

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "script" and self.in_json_ld:
            self.in_json_ld = False
            self.head.json_ld.append(json.loads("".join(self.data)))

    def handle_data(self, data):
        if self.in_title:
            self.head.title += data
        elif self.in_json_ld:
            self.data.append(data)


def read_head(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser.head


def schema_org_loader(url, options=None):
    """schema.org's context, without the network: every term is a schema.org term."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise ValueError(f"No context is known at {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": "https://schema.org/"}},
    }


def expand(document):
    """Expand a JSON-LD document as a JSON-LD processor does; raises on invalid JSON-LD.

    Returns the expanded document and the properties the processor dropped.
    """
    dropped = []
    expanded = jsonld.expand(
        document,
        {"documentLoader": schema_org_loader},
        on_property_dropped=dropped.append,
    )
    return expanded, dropped
