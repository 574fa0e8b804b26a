"""Every reader: plain text shapes, HTML, JSONL, feeds, directories, URLs, bad input."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimledger.ingest import SourceError, read, read_bytes
from claimledger.ingest.normalise import article_id, drop_teasers
from claimledger.ingest.text import parse_date, read_text
from claimledger.model import Article

BODY = (
    "The regional council said on Tuesday that 1,200 homes had been flooded.\n\n"
    "Engineers expect the river to fall by Friday."
)


def articles(items: list[Article | SourceError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def errors(items: list[Article | SourceError]) -> list[SourceError]:
    return [i for i in items if isinstance(i, SourceError)]


@pytest.mark.parametrize(
    "raw, title, published, first_words",
    [
        (
            f"date 2024-05-02\nRiver floods the valley\n\n{BODY}",
            "River floods the valley",
            "2024-05-02",
            "The regional council",
        ),
        (f" date 2024-05-02 {BODY}", None, "2024-05-02", "The regional council"),
        (
            f"River floods the valley\n\nMay 2, 2024 - 09:30\nRiver floods the valley\n\n{BODY}",
            "River floods the valley",
            "2024-05-02",
            "The regional council",
        ),
        (
            f"River floods the valley\n\n2 May 2024\n\n{BODY}",
            "River floods the valley",
            "2024-05-02",
            "The regional council",
        ),
        (
            f"River floods the valley\n\n{BODY}",
            "River floods the valley",
            None,
            "The regional council",
        ),
        (BODY, None, None, "The regional council"),
    ],
)
def test_text_headers(raw: str, title: str | None, published: str | None, first_words: str):
    article = read_text(raw, source="a.txt", max_chars=10_000)
    assert article.title == title
    assert article.published == published
    assert article.text.startswith(first_words)
    assert "date 2024" not in article.text


def test_teaser_repeating_the_body_is_dropped():
    raw = (
        "Floods hit the valley\n\nThe regional council said on Tuesday that 1,200 homes...\n\n"
        f"May 2, 2024 - 09:30\nFloods hit the valley\n\n{BODY}"
    )
    article = read_text(raw, source="a.txt", max_chars=10_000)
    assert article.text.count("1,200 homes") == 1
    assert article.published == "2024-05-02"


@pytest.mark.parametrize(
    "paragraphs, kept",
    [
        (["Some text that goes on...", "Some text that goes on and ends."], 1),
        (["A paragraph.", "A paragraph.", "Another."], 2),
        (["Unrelated teaser…", "The body says something else."], 2),
    ],
)
def test_drop_teasers(paragraphs: list[str], kept: int):
    assert len(drop_teasers(paragraphs)) == kept


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Jan 11, 2025", "2025-01-11"),
        ("11 January 2025", "2025-01-11"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("2024-02-30", None),
        ("Smarch 3, 2024", None),
    ],
)
def test_parse_date(text: str, iso: str | None):
    assert parse_date(text) == iso


def test_article_id_ignores_case_and_spacing():
    assert article_id("Hello  World\n") == article_id("hello world")
    assert article_id("hello world") != article_id("hello there")


HTML = """<!doctype html><html><head><title>Floods hit the valley | Daily Example</title>
<meta property="article:published_time" content="2024-05-02T09:30:00Z"></head>
<body><nav>Home | News</nav><article><h1>Floods hit the valley</h1>
<p>The regional council said on Tuesday that 1,200 homes had been flooded after three days
of rain across the valley, the worst flooding in two decades.</p>
<p>Engineers expect the river to fall by Friday, the council said in a statement.</p>
</article><footer>Copyright</footer></body></html>"""


def test_html_reader():
    [article] = list(read_bytes(HTML.encode(), source="page.html", suffix=".html"))
    assert isinstance(article, Article)
    assert "1,200 homes" in article.text
    assert "Copyright" not in article.text
    assert article.published == "2024-05-02"
    assert article.title and "Floods hit the valley" in article.title


def test_broken_html_still_reads_its_text():
    broken = "<html><body><p>The council said 40 roads were closed.<div><p>Unclosed"
    [article] = list(read_bytes(broken.encode(), source="b.html", suffix=".html"))
    assert isinstance(article, Article)
    assert "40 roads" in article.text


JSONL = (
    '{"id": "a1", "url": "https://example.org/a1", "title": "One", "published": "2024-05-02",'
    ' "text": "The council said 12 bridges were shut."}\n'
    "not json\n"
    '{"id": "a3", "text": ""}\n'
    '{"id": "a4", "text": "Officials counted 300 displaced families.", "published": null}\n'
)


def test_jsonl_reader_keeps_order_ids_and_reports_bad_lines():
    items = list(read_bytes(JSONL.encode(), source="in.jsonl", suffix=".jsonl"))
    assert [type(i).__name__ for i in items] == ["Article", "SourceError", "SourceError", "Article"]
    good = articles(items)
    assert [a.source for a in good] == ["a1", "a4"]
    assert good[0].published == "2024-05-02" and good[0].url == "https://example.org/a1"
    bad = errors(items)
    assert bad[0].source == "in.jsonl:2" and "invalid JSON" in str(bad[0])
    assert bad[1].source == "in.jsonl:3"


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Bridge closed</title><link>https://example.org/1</link>
<pubDate>Thu, 02 May 2024 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The council said 12 bridges were shut.&lt;/p&gt;</description></item>
<item><title>Schools reopen</title><link>https://example.org/2</link>
<description>About 40 schools reopened, the ministry said.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Example Atom</title><entry><title>Dam holds</title><id>urn:x:1</id>
<link href="https://example.org/dam"/><updated>2024-05-03T10:00:00Z</updated>
<content type="html">&lt;p&gt;Engineers said the dam held after 300 mm of rain.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_feed():
    items = list(read_bytes(RSS.encode(), source="wire.xml", suffix=".xml"))
    got = articles(items)
    assert [a.title for a in got] == ["Bridge closed", "Schools reopen"]
    assert got[0].published == "2024-05-02" and got[1].published is None
    assert "12 bridges" in got[0].text and "<p>" not in got[0].text
    assert got[0].outlet == "Example Wire"


def test_atom_feed():
    [article] = list(read_bytes(ATOM.encode(), source="feed.atom", suffix=".atom"))
    assert isinstance(article, Article)
    assert article.url == "https://example.org/dam" and article.published == "2024-05-03"


def test_malformed_feed_is_one_clear_error():
    [error] = list(read_bytes(b"<rss><channel><item><title>x", source="bad.rss", suffix=".rss"))
    assert isinstance(error, SourceError)
    assert "bad.rss" in str(error) and "feed" in str(error)


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Caf\u00e9 owners said 12 shops closed.".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_files_get_one_line_naming_them(tmp_path: Path, name: str, data: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(data)
    [error] = list(read([path]))
    assert isinstance(error, SourceError)
    message = str(error)
    assert str(path) in message and reason in message and "\n" not in message


def test_missing_path_and_oversized_file(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("Officials said 12 roads closed. " * 100)
    items = list(read([tmp_path / "nope.txt", big], max_bytes=1000))
    assert [e.reason for e in errors(items)] == [
        "no such file or directory",
        "file larger than 1,000 bytes",
    ]


def test_article_over_char_limit(tmp_path: Path):
    path = tmp_path / "long.txt"
    path.write_text("Officials said 12 roads closed. " * 100)
    [error] = list(read([path], max_chars=500))
    assert isinstance(error, SourceError) and "characters" in error.reason


def test_directory_is_read_recursively_and_bad_files_do_not_stop_it(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(f"date 2024-05-02\nOne\n\n{BODY}")
    (tmp_path / "sub" / "b.html").write_text(HTML)
    (tmp_path / "sub" / "c.jsonl").write_text(JSONL)
    (tmp_path / "sub" / "empty.txt").write_text("")
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / "notes.md").write_text("# not an article")
    items = list(read([tmp_path]))
    assert len(articles(items)) == 4
    assert len(errors(items)) == 3


@pytest.fixture()
def http_root(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "story.html").write_text(HTML)
    (tmp_path / "wire.xml").write_text(RSS)
    (tmp_path / "story.txt").write_text(f"date 2024-05-02\nOne\n\n{BODY}")
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_urls_from_a_local_server(http_root: str):
    items = list(
        read(
            [
                f"{http_root}/story.html",
                f"{http_root}/wire.xml",
                f"{http_root}/story.txt",
                f"{http_root}/missing.html",
            ]
        )
    )
    got = articles(items)
    assert len(got) == 4
    assert got[0].url == f"{http_root}/story.html" and "1,200 homes" in got[0].text
    [error] = errors(items)
    assert "missing.html" in str(error) and "HTTP 404" in str(error)


def test_url_larger_than_limit(http_root: str):
    [error] = list(read([f"{http_root}/story.html"], max_bytes=100))
    assert isinstance(error, SourceError) and "larger than" in error.reason
