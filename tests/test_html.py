"""The HTML path: extraction tuned by rule files, jusText fallback, page metadata, time limit,
charsets; and the `html:` section of the rule-file schema."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import trafilatura
from test_inputs import ARTICLE_EN, html_page

from dechaff.cleaners import PARAM_SPECS
from dechaff.core.sections import html_params
from dechaff.engine.engine import Engine, Settings
from dechaff.io import html_extract
from dechaff.io.decode import decode
from dechaff.io.inputs import Source
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.loader import RuleBook, load_rulebook
from dechaff.ruleset.schema import parse_rule_file

from conftest import rules_copy

PROMO = '<div class="promo"><p>Subscribe today: three months of unlimited access for one euro.</p></div>'
SETTINGS = Settings(quality_filter=False)


def page_source(tmp_path: Path, html: str, name: str = "page", url: str | None = None) -> Source:
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    return Source(name, path, url=url, kind="html")


def rules_with_site(tmp_path: Path, site_yaml: str) -> RuleBook:
    return load_rulebook(rules_copy(tmp_path, {"example.org": site_yaml}), PARAM_SPECS)


def test_page_metadata_fills_the_row(book: RuleBook, tmp_path: Path) -> None:
    html = html_page("City budget approved", ARTICLE_EN).replace(
        "</head>",
        '<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-03-05">'
        '<link rel="canonical" href="https://www.example.com/city/budget"></head>',
    )
    result = Engine(book, SETTINGS).process(page_source(tmp_path, html))
    row = result.row
    assert row["status"] == "ok" and row["extractor"] == "trafilatura"
    assert row["title"] == "City budget approved"
    assert row["author"] == "Jane Doe" and row["published"] == "2024-03-05"
    assert row["url"] == "https://www.example.com/city/budget" and row["domain"] == "example.com"
    assert result.text is not None and "Home" not in result.text and "repair bridges" in result.text


def test_a_site_can_skip_the_metadata_pass_and_ask_for_fast_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = html_page("City budget approved", ARTICLE_EN).replace(
        "</head>", '<meta name="author" content="Jane Doe"></head>'
    )
    fast_flags: list[bool] = []
    real = trafilatura.bare_extraction

    def spy(*args: object, **options: object) -> object:
        fast_flags.append(bool(options["fast"]))
        return real(*args, **options)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    site = "version: 1\nhtml:\n  metadata: false\n  fast: true\n"
    engine = Engine(rules_with_site(tmp_path, site), SETTINGS)
    on_site = engine.process(page_source(tmp_path, html, "a", "https://example.org/a")).row
    elsewhere = engine.process(page_source(tmp_path, html, "b", "https://example.net/b")).row
    assert on_site["status"] == elsewhere["status"] == "ok"
    assert on_site["author"] is None and elsewhere["author"] == "Jane Doe"
    assert on_site["title"] == "City budget approved"  # the first line of the text stands in
    assert fast_flags == [True, False]


def test_site_prune_xpaths_remove_elements_before_extraction(tmp_path: Path) -> None:
    # inside the article (the classifier would trim it before the first paragraph anyway)
    html = html_page("City budget approved", ARTICLE_EN).replace("</p>", "</p>" + PROMO, 1)
    site = "version: 1\nhtml:\n  prune_xpaths: [\"//div[@class='promo']\"]\n"
    engine = Engine(rules_with_site(tmp_path, site), SETTINGS)
    on_site = engine.process(page_source(tmp_path, html, "a", "https://example.org/a")).text or ""
    elsewhere = engine.process(page_source(tmp_path, html, "b", "https://example.net/b")).text or ""
    assert "Subscribe today" not in on_site and "repair bridges" in on_site
    assert "Subscribe today" in elsewhere


def test_justext_fallback_when_trafilatura_finds_too_little(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    pairs = [" ".join(ARTICLE_EN[i : i + 2]) for i in range(0, len(ARTICLE_EN), 2)]  # jusText wants length
    result = Engine(book, SETTINGS).process(page_source(tmp_path, html_page("Budget", pairs)))
    assert result.row["status"] == "ok" and result.row["extractor"] == "justext"
    assert "repair bridges" in (result.text or "")


def test_nothing_extracted_is_a_drop(book: RuleBook, tmp_path: Path) -> None:
    result = Engine(book, SETTINGS).process(
        page_source(tmp_path, "<html><body><img src='a.png'></body></html>")
    )
    assert result.row["status"] == "dropped:no_main_text" and result.text is None


@pytest.mark.parametrize("thread", [False, True], ids=["main thread", "other thread"])
def test_extraction_over_the_time_limit_is_recorded_and_the_next_page_goes_on(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, thread: bool
) -> None:
    real = html_extract.extract

    def slow(tree, params, stopwords_for):  # type: ignore[no-untyped-def]
        if "Pathological" in tree.text_content():
            spin(10)  # Python work, as trafilatura's is
        return real(tree, params, stopwords_for)

    monkeypatch.setattr(html_extract, "extract", slow)
    engine = Engine(book, Settings(quality_filter=False, time_limit=1.0))
    rows: list[dict[str, object]] = []

    def work() -> None:
        for name in ("Pathological", "Budget"):
            rows.append(engine.process(page_source(tmp_path, html_page(name, ARTICLE_EN), name)).row)

    started = time.perf_counter()
    if thread:  # e.g. a Dask worker thread, or an API caller's thread pool
        worker = threading.Thread(target=work)
        worker.start()
        worker.join(30)
    else:
        work()
    assert time.perf_counter() - started < 8
    assert rows[0]["status"] == "error:timeout" and "1s limit" in str(rows[0]["error"])
    assert rows[1]["status"] == "ok"


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@pytest.mark.parametrize(
    ("data", "declared", "markup", "encoding", "text"),
    [
        ('<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251"), None, True, "cp1251", "Привет"),
        ("<p>Привет, как дела?</p>".encode("koi8_r"), "koi8-r", True, "koi8-r", "Привет"),
        ("<p>Été à Paris</p>".encode("cp1252"), "iso-8859-1", True, "cp1252", "Été à Paris"),
        ("\ufeffÉté".encode("utf-16"), None, False, "utf-16", "Été"),
        ("Été en ville, déjà chaud.".encode("cp1252"), None, False, "cp1252", "Été en ville"),
        ("Été".encode(), "iso-8859-1", True, "utf-8", "Été"),  # valid UTF-8 beats a wrong declaration
    ],
)
def test_bytes_to_text(data: bytes, declared: str | None, markup: bool, encoding: str, text: str) -> None:
    decoded = decode(data, declared, markup)
    assert decoded.encoding == encoding and text in decoded.text


@pytest.mark.parametrize(
    ("yaml", "line", "message"),
    [
        (
            "version: 1\nhtml:\n  favour: precision\n",
            3,
            "unknown key 'favour' in 'html' (did you mean 'favor'?)",
        ),
        ("version: 1\nhtml:\n  favor: precise\n", 3, "unknown favor 'precise'"),
        ("version: 1\nhtml:\n  prune_xpaths:\n    - //div[@class='x'\n", 4, "bad XPath"),
        ("version: 1\nhtml:\n  skip_cleaners: [paragraph]\n", 3, "unknown cleaner 'paragraph'"),
        ("version: 1\nhtml:\n  min_extracted_chars: -1\n", 3, "must be 0 or more"),
        ("version: 1\nhtml:\n  include_tables: 'no'\n", 3, "must be true or false"),
    ],
)
def test_html_section_errors_name_file_and_line(yaml: str, line: int, message: str) -> None:
    with pytest.raises(RuleFileError) as err:
        parse_rule_file(yaml, "rules/sites/example.org.yaml", "site", "example.org", PARAM_SPECS)
    assert f"rules/sites/example.org.yaml:{line}:" in str(err.value) and message in str(err.value)


def test_html_section_merges_down_the_cascade(tmp_path: Path) -> None:
    book = rules_with_site(tmp_path, "version: 1\nhtml:\n  favor: recall\n  prune_xpaths: ['//aside']\n")
    default = html_params([book.default.html])
    merged = html_params(f.html for f in book.cascade("en", book.site_for_host("example.org")))
    assert default.favor == "precision" and merged.favor == "recall"
    assert merged.prune_xpaths == ("//aside",) and merged.skip_cleaners == default.skip_cleaners
    assert merged.min_extracted_chars == default.min_extracted_chars


def test_the_row_s_site_name_is_the_rules_then_the_text_then_the_page_s_own(tmp_path: Path) -> None:
    """The page's metadata names the site only when no rule file does, neither by its
    `site_name` nor by a rule that finds the name in the text."""
    html = html_page("City budget approved", ["City Courier edition", *ARTICLE_EN]).replace(
        "</head>", '<meta property="og:site_name" content="Harbour Gazette"></head>'
    )
    masthead = 'rules:\n  - {id: masthead, regex: "^(?P<value>City Courier) edition$", extract: site_name}\n'
    sites = {
        "example.org": f"version: 1\nsite_name: City Daily\n{masthead}",
        "example.com": f"version: 1\n{masthead}",
    }
    engine = Engine(load_rulebook(rules_copy(tmp_path, sites), PARAM_SPECS), SETTINGS)
    names = {
        host: engine.process(page_source(tmp_path, html, host, f"https://{host}/a")).row["site_name"]
        for host in ("example.org", "example.com", "example.net")
    }
    assert names == {
        "example.org": "City Daily",
        "example.com": "City Courier",
        "example.net": "Harbour Gazette",
    }


def test_a_site_named_only_by_the_metadata_pass_picks_the_html_options_again(tmp_path: Path) -> None:
    """No URL and no canonical link: only trafilatura's metadata pass reads og:url, and the site
    it names must still get its own extraction options (here, its prune_xpaths)."""
    site = "version: 1\nhtml:\n  prune_xpaths: [\"//div[@class='promo']\"]\n"
    engine = Engine(rules_with_site(tmp_path, site), SETTINGS)
    html = html_page("City budget approved", ARTICLE_EN).replace("</p>", "</p>" + PROMO, 1)

    def run(og_url: str) -> tuple[object, str]:
        page = html.replace("</head>", f'<meta property="og:url" content="{og_url}"></head>')
        result = engine.process(page_source(tmp_path, page))
        return result.row["domain"], result.text or ""

    domain, on_site = run("https://example.org/city/budget")
    assert domain == "example.org"
    assert "Subscribe today" not in on_site and "repair bridges" in on_site
    domain, elsewhere = run("https://example.net/city/budget")
    assert domain == "example.net" and "Subscribe today" in elsewhere


def test_a_site_s_skip_cleaners_leave_its_extracted_pages_to_the_other_cleaners(tmp_path: Path) -> None:
    """`html: skip_cleaners` turns a cleaner off after extraction on that site only; its text
    dumps still go through the whole cascade."""
    banner = "This site uses cookies to give you a better experience on every page."
    body = [*ARTICLE_EN[:3], banner, *ARTICLE_EN[3:]]
    engine = Engine(rules_with_site(tmp_path, "version: 1\nhtml:\n  skip_cleaners: [cookies]\n"), SETTINGS)
    html = html_page("City budget approved", body)
    on_site = engine.process(page_source(tmp_path, html, "a", "https://example.org/a"))
    elsewhere = engine.process(page_source(tmp_path, html, "b", "https://example.net/b"))
    dump = tmp_path / "c.txt"
    dump.write_text("\n\n".join(body), encoding="utf-8")
    as_text = engine.process(Source("c", dump, url="https://example.org/c"))
    assert banner in (on_site.text or "") and on_site.row["removed_cookies"] == 0
    assert banner not in (elsewhere.text or "") and elsewhere.row["removed_cookies"] == 1
    assert banner not in (as_text.text or "") and as_text.row["removed_cookies"] == 1


PAGES_TO_PARSE = [
    "<!DOCTYPE html>\n<html lang='fr'><head><title>T</title></head>"
    "<body><p>Un.</p><form><input></form></body></html>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Déjà vu.</p></body></html>',  # ValueError: bytes
    # the bytes, parsed by the same parser: its comment goes too
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Un.</p><!-- a comment -->'
    "<p>Deux.</p></body></html>",
    # a lone surrogate (a byte that surrogateescape kept) is encoded as it is: no reason to give up
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Un \udcff.</p><p>Deux.</p></body></html>',
    # the first 50 characters end in '<htm': dubious, and one child (body): refused as trafilatura does
    " " * 46 + "<html><body><p>One block.</p></body></html>",
    "<!-- html -->",  # nothing from the string nor from the bytes: None
    "<html/>\n<body><p>A self-closing html tag.</p></body>",
    "<html><body>\x00\x0b<p>Control characters.</p><!-- a comment --><?pi x?></body></html>",
    "<p>One block, no html tag</p>",  # dubious and one child: refused
    "<div>a</div><div>b</div>",
    "plain text",
    "",
]


@pytest.mark.parametrize("html", PAGES_TO_PARSE)
def test_the_page_tree_is_trafilatura_s(html: str) -> None:
    """parse() reads pages with its own parser (its element classes chosen in C); the tree, or
    its absence, must stay the one trafilatura's loader builds, so that extraction is unchanged."""
    from lxml.html import HtmlElement, tostring
    from trafilatura.utils import load_html

    ours, theirs = html_extract._load_html(html), load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert tostring(ours) == tostring(theirs)
        assert all(isinstance(e, HtmlElement) for e in ours.iter() if isinstance(e.tag, str))
        assert ours.text_content() == theirs.text_content()


def test_the_page_tree_is_trafilatura_s_on_every_dev_set_page() -> None:
    """`_load_html` follows trafilatura's loader step for step (that of trafilatura 2.3): on an
    upgrade that changes the loader, this fails before extraction quietly changes."""
    from lxml.html import tostring
    from trafilatura.utils import load_html

    from conftest import SHARED

    pages = sorted((SHARED / "devset" / "html").glob("*.html"))
    if not pages:
        pytest.skip("no dev set beside the project")
    for path in pages:
        html = path.read_text(encoding="utf-8", errors="replace")
        ours, theirs = html_extract._load_html(html), load_html(html)
        assert (ours is None) == (theirs is None), path.name
        assert ours is None or tostring(ours) == tostring(theirs), path.name
