"""One document through the engine in this process: the whole row of a page that fails at each
step, and the columns of a page that goes through (the CLI tests see the same through workers)."""

from __future__ import annotations

import hashlib
import time
from datetime import date
from pathlib import Path

import pytest

from dechaff import __version__
from dechaff.engine import engine as engine_module
from dechaff.engine.domains import DomainMatch
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.pipeline import Pipeline
from dechaff.engine.rulebook import load_book
from dechaff.engine.timeout import DocumentTimeout
from dechaff.io.html_meta import PageMeta
from dechaff.io.inputs import Source
from dechaff.ruleset.loader import RuleBook

from conftest import STORIES, rules_copy

ARTICLE_FR = "\n\n".join(STORIES) + "\n"


def row_of(
    engine: Engine, tmp_path: Path, data: bytes, kind: str = "text", **extra: object
) -> dict[str, object]:
    path = tmp_path / ("page.html" if kind == "html" else "page.txt")
    path.write_bytes(data)
    return engine.process(Source("page", path, kind=kind, **extra)).row  # type: ignore[arg-type]


def assert_refused(row: dict[str, object], book: RuleBook, status: str, error: str) -> None:
    assert row["status"] == status and error in str(row["error"]), row
    assert (row["id"], row["ruleset_version"], row["rules_digest"]) == ("page", book.version, book.digest)
    assert row["dechaff_version"] == __version__ and row["chars_out"] is None


def test_a_page_refused_before_the_cascade_gets_a_full_row_that_says_why(
    book: RuleBook, tmp_path: Path
) -> None:
    engine = Engine(book, Settings(max_bytes=1000))
    assert_refused(row_of(engine, tmp_path, b"  \n"), book, "dropped:empty_input", "empty")
    assert_refused(
        row_of(engine, tmp_path, b"x" * 1001), book, "dropped:too_large", "1001 bytes is over the 1000"
    )
    big = engine.process(Source("page", tmp_path / "none.txt", content=b"y" * 2000)).row
    assert_refused(big, book, "dropped:too_large", "2000 bytes is over the 1000-byte limit")
    unread = engine.process(Source("page", tmp_path / "none.txt", error="gzip: truncated")).row
    assert_refused(unread, book, "error:read", "gzip: truncated")
    missing = engine.process(Source("page", tmp_path / "missing.txt")).row
    assert_refused(missing, book, "error:read", "FileNotFoundError")
    not_html = row_of(engine, tmp_path, b"<!-- nothing but a comment -->", "html")
    assert_refused(not_html, book, "dropped:not_html", "no HTML element could be parsed")
    empty = b"<html><body><img src='a.png'></body></html>"
    assert_refused(row_of(engine, tmp_path, empty, "html"), book, "dropped:no_main_text", "neither")
    ok = row_of(engine, tmp_path, ARTICLE_FR.encode())
    assert ok["status"] == "ok" and ok["error"] is None and ok["encoding"] == "utf-8"
    assert row_of(engine, tmp_path, b"x" * 1000)["status"] != "dropped:too_large"  # the limit itself is in


@pytest.mark.parametrize(
    ("step", "target"), [("clean", "clean"), ("quality", "signals"), ("lang", "detect_language")]
)
def test_a_bug_in_a_step_is_that_document_s_error(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, target: str
) -> None:
    def boom(*args: object) -> object:
        raise ValueError("boom")

    monkeypatch.setattr(Pipeline if target == "clean" else engine_module, target, boom)
    row = row_of(Engine(book), tmp_path, ARTICLE_FR.encode())
    assert_refused(row, book, f"error:{step}", "ValueError: boom")
    assert row["encoding"] == "utf-8" and row["chars_in"] == len(ARTICLE_FR)  # what was found before


def test_a_document_over_the_time_limit_gets_a_fresh_row(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(self: Pipeline, *args: object) -> object:
        end = time.monotonic() + 10
        while time.monotonic() < end:
            pass
        raise AssertionError("the time limit did not stop the work")

    monkeypatch.setattr(Pipeline, "clean", slow)
    row = row_of(Engine(book, Settings(time_limit=0.5)), tmp_path, ARTICLE_FR.encode())
    assert_refused(row, book, "error:timeout", "took longer than the 0.5s limit")
    assert row["encoding"] is None and row["chars_in"] is None  # nothing half-written survives


def test_compiling_a_cascade_is_no_document_s_time(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first document of a language in a worker compiles its cascade (0.07-0.17 s; here made
    to take 0.8 s): outside its time limit, as a cleaning that long is inside it."""
    real_init = Pipeline.__init__

    def slow_init(self: Pipeline, *args: object, **kwargs: object) -> None:
        end = time.monotonic() + 0.8
        while time.monotonic() < end:
            pass
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pipeline, "__init__", slow_init)
    row = row_of(Engine(book, Settings(time_limit=0.5)), tmp_path, ARTICLE_FR.encode())
    assert row["status"] == "ok", row
    real_clean = Pipeline.clean

    def slow_clean(self: Pipeline, *args: object) -> object:
        end = time.monotonic() + 0.8
        while time.monotonic() < end:
            pass
        return real_clean(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Pipeline, "clean", slow_clean)
    row = row_of(Engine(book, Settings(time_limit=0.5)), tmp_path, ARTICLE_FR.encode())
    assert row["status"] == "error:timeout", row


def test_an_interrupted_document_s_fresh_row_still_says_what_it_was(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the watchdog's interruption at once (the test above times the real one)
    def interrupted(self: Pipeline, *args: object) -> object:
        raise DocumentTimeout

    monkeypatch.setattr(Pipeline, "clean", interrupted)
    carried = {"url": "https://example.org/a", "fetched": "2026-01-02T03:04:05Z", "extra": {"n": 1}}
    row = row_of(Engine(book, Settings(time_limit=2.5)), tmp_path, ARTICLE_FR.encode(), **carried)
    assert_refused(row, book, "error:timeout", "took longer than the 2.5s limit")
    assert (row["url"], row["fetched"], row["extra"]) == (carried["url"], carried["fetched"], '{"n": 1}')
    assert row["encoding"] is None  # the fresh row: nothing of the interrupted one


def test_a_record_s_carried_fields_are_one_json_object_in_a_fixed_order(
    book: RuleBook, tmp_path: Path
) -> None:
    extra = {"zone": "Île", "a": 1, "when": date(2026, 1, 2)}  # any value: a date is written as text
    row = row_of(Engine(book), tmp_path, ARTICLE_FR.encode(), extra=extra)
    assert row["extra"] == '{"a": 1, "when": "2026-01-02", "zone": "Île"}'
    plain = row_of(Engine(book), tmp_path, ARTICLE_FR.encode())
    assert (plain["extra"], plain["url"], plain["fetched"]) == (None, None, None)


def test_a_page_that_is_all_boilerplate_is_dropped_empty(book: RuleBook, tmp_path: Path) -> None:
    banner = "Nous utilisons des cookies pour améliorer votre expérience. Accepter\nVos réactions\n"
    result = Engine(book, Settings(quality_filter=False)).process(
        Source("page", tmp_path / "p.txt", content=banner.encode())
    )
    assert result.row["status"] == "dropped:empty_after_cleaning" and result.text is None
    assert result.row["text_sha256"] == hashlib.sha256(b"").hexdigest() and len(result.removed) == 2
    kept = Engine(book, Settings(quality_filter=False)).process(
        Source("ok", tmp_path / "o.txt", content=ARTICLE_FR.encode())
    )
    assert kept.row["text_sha256"] == hashlib.sha256((kept.text or "").encode()).hexdigest()


def test_the_columns_of_a_cleaned_page(tmp_path: Path) -> None:
    site = (
        "version: 1\ndomains: [example.org]\nsite_name: Le Quotidien\nrules:\n"
        '  - {id: rubrique, regex: "^Rubrique : (?P<value>.+)$", extract: section}\n'
        '  - {id: lieu, regex: "^(?P<value>Lyon, le \\\\d+ mars)$", extract: dateline}\n'
    )
    rules = load_book(rules_copy(tmp_path, {"example.org": site}))
    text = f"Rubrique : Société\nLyon, le 3 mars\n{ARTICLE_FR}"
    row = row_of(Engine(rules, Settings(quality_filter=False)), tmp_path, text.encode(), domain="example.org")
    assert row["status"] == "ok" and (row["domain"], row["domain_source"]) == ("example.org", "declared")
    assert (row["site_name"], row["section"], row["dateline"]) == (
        "Le Quotidien",
        "Société",
        "Lyon, le 3 mars",
    )
    assert row["lang"] == "fr" and isinstance(row["lang_prob"], float) and row["lang_prob"] > 0.5
    assert row["lines_out"] == 3 and row["lines_in"] == 2 + len(ARTICLE_FR.splitlines())
    assert row["rule_files"] == [f.label for f in rules.cascade("fr", rules.site_for_host("example.org"))]
    assert row["title"] == STORIES[0] and row["removed_site_rules"] == 2


COLUMN_PARAGRAPHS = [
    "The city council approved the new budget on Tuesday after a debate that lasted well into the"
    " night, and the mayor said that most of the money would go to the schools.",
    "Teachers had asked for smaller classes for years, and the new plan pays for forty more of them"
    " in the coming school year, starting in September.",
    "Some members of the council said that the roads would now have to wait, but they voted for the"
    " plan in the end because the schools could not wait any longer.",
]
COLUMN_DUMP = "Home      News      Sport      Contact\n" + "".join(
    f"* {menu:<18}{paragraph}\n"
    for menu, paragraph in zip(["Politics", "Business", "Culture"], COLUMN_PARAGRAPHS, strict=True)
)


def test_a_dump_laid_out_in_columns_is_judged_cell_by_cell(tmp_path: Path) -> None:
    engine = Engine(load_book(None), Settings(quality_filter=False))
    path = tmp_path / "page.txt"
    path.write_text(COLUMN_DUMP, encoding="utf-8")
    result = engine.process(Source("page", path))
    out = (result.text or "").splitlines()
    read = COLUMN_DUMP.splitlines()
    assert all(
        paragraph in out for paragraph in COLUMN_PARAGRAPHS
    )  # each paragraph a line of its own, without its menu cell
    assert not any("Home" in line or "Politics" in line for line in out)
    text = "\n".join(out)
    assert all(any(out in " ".join(line.split()) for line in read) for out in text.splitlines() if out)
    # The same text from an HTML extraction keeps its lines whole (no renderer pads an extraction).
    page = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{line}</p>" for line in read[1:])
    page.write_text(f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8")
    html = engine.process(Source("web", page, kind="html")).text or ""
    assert "* Politics The city council approved" in html


def test_the_decide_step_reads_the_thresholds_of_the_document_s_site(tmp_path: Path) -> None:
    site = "version: 1\ndomains: [example.org]\nfilters: {min_doc_words: 7, max_doc_words: null}\n"
    book = load_book(rules_copy(tmp_path, {"example.org": site}))
    engine = Engine(book)
    match = engine._domain([], None, "example.org")
    default = engine.thresholds("fr", DomainMatch(None, "none", None))
    assert engine.thresholds("fr", match) == {
        **{k: v for k, v in default.items() if k != "max_doc_words"},
        "min_doc_words": 7.0,
    }
    assert engine.thresholds("fr", DomainMatch(None, "none", None)) == default  # each remembered apart
    assert default["min_doc_words"] != 7.0 and "max_doc_words" in default


def test_an_html_page_over_its_own_size_limit_says_which_setting(book: RuleBook, tmp_path: Path) -> None:
    engine = Engine(book, Settings(max_html_bytes=100, max_bytes=1000))
    row = row_of(engine, tmp_path, b"<html><body><p>" + b"x" * 200 + b"</p></body></html>", "html")
    assert row["error"] == "233 bytes is over the 100-byte limit for HTML (--max-html-bytes)"
    text = row_of(engine, tmp_path, b"y" * 1001)
    assert text["error"] == "1001 bytes is over the 1000-byte limit"


def test_the_page_s_metadata_fills_what_the_cascade_did_not_find() -> None:
    row: dict[str, object] = {"title": "First line", "author": "Found", "published": None, "site_name": None}
    meta = PageMeta(title="Title", author="Byline", date="2024-03-12", sitename="Site", categories=("a", "b"))
    engine_module._fill_from_page(row, meta, "https://x.org/p")
    assert row == {
        "title": "Title",
        "author": "Found",
        "published": "2024-03-12",
        "site_name": "Site",
        "url": "https://x.org/p",
        "categories": ["a", "b"],
    }
    row = {"title": "First line", "author": None, "published": None, "site_name": None}
    engine_module._fill_from_page(row, PageMeta(), None)
    assert row == {
        "title": "First line",
        "author": None,
        "published": None,
        "site_name": None,
        "url": None,
        "categories": None,
    }


def test_with_domain_rules_off_the_url_still_gives_the_domain_but_no_site_file(tmp_path: Path) -> None:
    """`--no-domain-rules`: the row still says where the domain came from, and no site file
    applies, whether the URL or a declaration names the domain."""
    site = "version: 1\ndomains: [example.org]\nsite_name: Le Quotidien\n"
    rules = load_book(rules_copy(tmp_path, {"example.org": site}))
    off = Engine(rules, Settings(domain_rules=False, quality_filter=False))
    row = row_of(off, tmp_path, ARTICLE_FR.encode(), url="https://www.Example.org/a")
    assert row["status"] == "ok" and (row["domain"], row["domain_source"]) == ("example.org", "url")
    assert row["site_name"] is None and row["rule_files"] == [f.label for f in rules.cascade("fr", None)]
    declared = row_of(off, tmp_path, ARTICLE_FR.encode(), domain="Example.org", url="https://x.net/a")
    assert (declared["domain"], declared["domain_source"], declared["site_name"]) == (
        "example.org",
        "declared",
        None,
    )
    on = row_of(Engine(rules, Settings(quality_filter=False)), tmp_path, ARTICLE_FR.encode(), url=row["url"])
    assert (on["domain"], on["domain_source"], on["site_name"]) == ("example.org", "url", "Le Quotidien")


def test_the_rules_digest_is_hashed_once_per_engine_not_once_per_document(
    book: RuleBook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hashing every rule file's place and content costs 0.3 ms, 3% of a dump's cleaning."""
    asked = []
    digest = RuleBook.digest

    def counted(self: RuleBook) -> str:
        asked.append(1)
        return digest.fget(self)  # type: ignore[attr-defined, no-any-return]

    monkeypatch.setattr(RuleBook, "digest", property(counted))
    engine = Engine(book)
    rows = [row_of(engine, tmp_path, ARTICLE_FR.encode()) for _ in range(3)]
    assert {row["rules_digest"] for row in rows} == {digest.fget(book)}  # type: ignore[attr-defined]
    assert len(asked) == 1
