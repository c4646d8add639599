"""Read an admin form the way a browser does, so a test posts what an editor would.

The admin's GET response names every field, inline formset prefix and management
form field; tests fill in only what the editor types on top of that.
"""

from html.parser import HTMLParser

SKIPPED_INPUT_TYPES = {"submit", "button", "image", "reset", "file"}


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.fields = {}
        self._select = None
        self._options = []
        self._option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in SKIPPED_INPUT_TYPES:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value") or "on", multiple=kind == "checkbox")
                return
            self._add(name, attrs.get("value") or "")
        elif tag == "select" and name:
            self._select = (name, "multiple" in attrs)
            self._options = []
        elif tag == "option" and self._select:
            self._option = {
                "value": attrs.get("value"),
                "selected": "selected" in attrs,
                "text": "",
            }
            self._options.append(self._option)
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        elif self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select:
            name, multiple = self._select
            values = [o["value"] if o["value"] is not None else o["text"] for o in self._options]
            chosen = [v for v, o in zip(values, self._options, strict=True) if o["selected"]]
            if multiple:
                self.fields[name] = chosen
            elif chosen or values:
                self.fields[name] = chosen[0] if chosen else values[0]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser drops the one newline that follows <textarea>.
            self._add(name, text.removeprefix("\n"))
            self._textarea = None

    def _add(self, name, value, multiple=False):
        if multiple:
            self.fields.setdefault(name, []).append(value)
        else:
            self.fields[name] = value


class FormData(dict):
    """What the form submits, and the blank row each inline offers to copy."""

    def __init__(self, fields):
        super().__init__(
            (name, value) for name, value in fields.items() if "__prefix__" not in name
        )
        # The admin's hidden empty row, which its JavaScript copies for "Add another"
        # and never submits itself.
        self.empty_rows = {name: value for name, value in fields.items() if "__prefix__" in name}


def form_data(response, form_id):
    """The values a browser would submit from the form ``form_id`` of ``response``."""
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    if not parser.fields:
        raise AssertionError(f"No form with id {form_id!r} in the page")
    return FormData(parser.fields)


def inline_prefixes(data):
    """The formset prefixes in ``data``, read from their management forms."""
    return sorted(
        name.removesuffix("-TOTAL_FORMS") for name in data if name.endswith("-TOTAL_FORMS")
    )


def add_inline_row(data, prefix, **values):
    """Add one new row to the inline formset ``prefix``, as the "Add another" link does:
    the blank row's defaults, then ``values``."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    blank = f"{prefix}-__prefix__-"
    for name, value in data.empty_rows.items():
        if name.startswith(blank):
            data[f"{prefix}-{index}-{name.removeprefix(blank)}"] = value
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return data
