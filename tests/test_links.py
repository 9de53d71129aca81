"""URLs and e-mail addresses become safe links; other schemes stay text."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from explainer.render.links import link_spans, linkify_html


@pytest.mark.parametrize(("text", "links"), [
    ("راجع https://example.org/a?x=1&y=2.", [("https://example.org/a?x=1&y=2", "https://example.org/a?x=1&y=2")]),
    ("(انظر https://en.wikipedia.org/wiki/Battery_(electricity))",
     [("https://en.wikipedia.org/wiki/Battery_(electricity)", "https://en.wikipedia.org/wiki/Battery_(electricity)")]),
    ("الموقع www.example.com، ثم", [("www.example.com", "https://www.example.com")]),
    ("الرابط http://example.orgوبعده نص", [("http://example.org", "http://example.org")]),
    ("راسلونا: a.b+c@mail.example.org؟", [("a.b+c@mail.example.org", "mailto:a.b+c@mail.example.org")]),
    ("javascript:alert(1) و data:text/html,x و ftp://x.org و vbscript:x", []),
    ("النسبة 12.5 والساعة 10:30 وU.S.A", []),
])
def test_link_spans(text: str, links: list[tuple[str, str]]) -> None:
    spans = link_spans(text)
    assert "".join(s.text for s in spans) == text
    assert [(s.text, s.href) for s in spans if s.href] == links


def test_linkify_escapes_everything_else() -> None:
    markup = linkify_html('<img src=x onerror=alert(1)> "https://x.test/a"onclick=1 &amp; mailto:x@y.zz')
    page = BeautifulSoup(f"<p>{markup}</p>", "lxml")
    assert not page.find_all("img")
    assert [(a["href"], sorted(a.attrs)) for a in page.find_all("a")] == [
        ("https://x.test/a", ["dir", "href", "rel"]), ("mailto:x@y.zz", ["dir", "href", "rel"])]
    assert page.p.get_text() == '<img src=x onerror=alert(1)> "https://x.test/a"onclick=1 &amp; mailto:x@y.zz'
