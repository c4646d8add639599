"""Whatever HTML arrives, the rich-text sanitizer keeps only what the editor offers.

Property-based: hypothesis builds HTML from random nestings of allowed and forbidden
tags, attributes (event handlers, styles, ``javascript:`` and ``data:`` addresses,
entity-encoded ones), entities, comments, unclosed and stray tags. The output, read
back with Python's html.parser, holds no element and no attribute outside the
allowlist django-prose-editor derives from ``publishing.richtext.EXTENSIONS``, and
every link goes to http, https, mailto or a relative address.
"""

import re
from html.parser import HTMLParser

import pytest
from django_prose_editor.config import allowlist_from_extensions, expand_extensions
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Article, Block
from publishing.richtext import EXTENSIONS

ALLOWLIST = allowlist_from_extensions(expand_extensions(EXTENSIONS))
ALLOWED_TAGS = ALLOWLIST["tags"]
# nh3 (ammonia) keeps these two on every tag unless told otherwise; both are text.
GENERIC_ATTRIBUTES = {"lang", "title"}
URL_SCHEMES = ALLOWLIST["url_schemes"]

FORBIDDEN_TAGS = [
    "script", "style", "img", "iframe", "svg", "math", "object", "embed", "form", "input",
    "textarea", "button", "video", "audio", "source", "link", "meta", "base", "template",
    "noscript", "div", "span", "h1", "table", "td", "details", "marquee", "xmp", "select",
]  # fmt: skip
ATTRIBUTES = [
    "href", "src", "title", "rel", "target", "lang", "start", "type", "data-type", "class",
    "id", "style", "onclick", "onerror", "onload", "onmouseover", "ONFOCUS", "srcdoc",
    "formaction", "xlink:href", "data-x", "name", "action", "background", "dynsrc",
]  # fmt: skip
HOSTILE_VALUES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "https://www.nasa.gov/",
    "http://example.com/?a=1&b=2",
    "mailto:editor@example.com",
    "/missions/soyuz-ms-09/",
    "#top",
    "alert(1)",
    "expression(alert(1))",
    'x" onerror="alert(1)',
    "x' onclick='alert(1)",
    "_blank",
    "noopener",
    "1",
]
TEXT_PIECES = [
    "Liftoff", "&amp;", "&lt;script&gt;", "&#60;img src=x&#62;", "&nbsp;", "&unknown;",
    "<", ">", "&", "\"", "'", "]]>", "<!-- comment -->", "<!-->", "<![CDATA[x]]>",
    "</p>", "</script>", "<br>", "<br/>", "<a", "<p <b>", "\u00a0", "Ünïcödé", "\x00",
]  # fmt: skip


@st.composite
def attributes(draw):
    pairs = draw(
        st.lists(
            st.tuples(
                st.sampled_from(ATTRIBUTES),
                st.one_of(st.sampled_from(HOSTILE_VALUES), st.text(max_size=20)),
                st.sampled_from(['"', "'", ""]),
            ),
            max_size=4,
        )
    )
    parts = []
    for name, value, quote in pairs:
        if quote:
            value = value.replace(quote, "")
        else:
            value = re.sub(r"[\s\"'>=<`]", "", value) or "x"
        parts.append(f" {name}={quote}{value}{quote}")
    return "".join(parts)


text = st.one_of(
    st.sampled_from(TEXT_PIECES), st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
)


def element(children):
    @st.composite
    def build(draw):
        tag = draw(st.sampled_from(sorted(ALLOWED_TAGS) + FORBIDDEN_TAGS))
        inside = "".join(draw(st.lists(children, max_size=4)))
        closing = draw(st.sampled_from([f"</{tag}>", "", f"</{tag.upper()}>", "</p>"]))
        return f"<{draw(st.sampled_from([tag, tag.upper()]))}{draw(attributes())}>{inside}{closing}"

    return build()


html_fragments = st.recursive(text, element, max_leaves=25)
documents = st.lists(html_fragments, min_size=1, max_size=6).map("".join)


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, attrs))


def parsed(html):
    collector = Collector()
    collector.feed(html)
    collector.close()
    return collector.elements


def assert_within_allowlist(html):
    for tag, attrs in parsed(html):
        assert tag in ALLOWED_TAGS, f"<{tag}> kept in {html!r}"
        allowed = ALLOWLIST["attributes"].get(tag, set()) | GENERIC_ATTRIBUTES
        for name, value in attrs:
            assert name in allowed, f"{name} kept on <{tag}> in {html!r}"
            if name == "href":
                # What a browser makes of it: entities decoded (the parser did), tabs
                # and line breaks dropped, leading spaces and controls trimmed.
                address = re.sub(r"[\t\n\r]", "", value or "").lstrip("\x00- ").lower()
                scheme = re.match(r"([a-z][a-z0-9+.-]*):", address)
                assert scheme is None or scheme.group(1) in URL_SCHEMES, (value, html)


SANITIZERS = {
    "block text": Block._meta.get_field("text").sanitize,
    "editor's note": Article._meta.get_field("editors_note").sanitize,
}


@pytest.mark.parametrize("field", SANITIZERS)
@hypothesis_settings(max_examples=300)
@given(html=documents)
@example(html='<p><a href="java&#x09;script:alert(1)" onclick="x">video</a></p>')
@example(html="<svg><script>alert(1)</script></svg><math><mi xlink:href=javascript:1>")
@example(html="<p><b onmouseover=alert(1)>bold</b><img src=x onerror=alert(1)></p>")
@example(html="<a href=&#106;avascript:alert(1)>x</a><a href='  JAVASCRIPT:1'>y</a>")
@example(html='<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>')
@example(html="<ol start=3 type=a data-type=x style=color:red><li>One</li></ol>")
def test_sanitized_html_holds_only_allowed_elements_and_attributes(field, html):
    output = SANITIZERS[field](html)

    assert_within_allowlist(output)
