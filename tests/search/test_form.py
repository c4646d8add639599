"""The search form that the header and the search page share."""

from django.template.loader import render_to_string
from django.test import RequestFactory


def test_the_search_form_sends_q_to_the_search_page_with_a_label():
    html = render_to_string("includes/search_form.html")

    assert 'action="/search/" method="get"' in html
    assert '<label for="site-search">Search</label>' in html
    assert 'id="site-search" name="q"' in html


def test_the_search_form_can_take_another_id_and_shows_the_query_escaped():
    html = render_to_string(
        "includes/search_form.html",
        {"field_id": "search-page-q", "query": '"><script>'},
        request=RequestFactory().get("/"),
    )

    assert '<label for="search-page-q">' in html
    assert 'value="&quot;&gt;&lt;script&gt;"' in html
