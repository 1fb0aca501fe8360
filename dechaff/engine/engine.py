"""Clean one document end to end: bytes -> text -> lines -> domain -> language -> cascade -> row.
An HTML document is extracted first (`extract`), then goes through the same steps as a dump.

Bad input and bugs are caught per step and recorded as the row's status; nothing here raises.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, replace

from dechaff import __version__
from dechaff.cleaners import paragraphs
from dechaff.core.document import Context, Line
from dechaff.core.memo import PIPELINES
from dechaff.core.names import NORMALISE, REMOVED_PREFIX, REMOVED_TEXT_MAX
from dechaff.core.outcome import Removal
from dechaff.core.sections import HtmlParams, html_params
from dechaff.core.uncounted import uncounted
from dechaff.engine.domains import NO_DOMAIN, DomainMatch, DomainResolver, host_of
from dechaff.engine.pipeline import Cleaned, Pipeline
from dechaff.engine.timeout import DEFAULT_TIME_LIMIT, DocumentTimeout, time_limit
from dechaff.io import html_extract
from dechaff.io.decode import Decoded, InputRefused, decode, from_text
from dechaff.io.html_extract import AGREES, NO_PROSE, PAGE_DUMP, TRAFILATURA, Extracted
from dechaff.io.html_meta import PageMeta, page_basics, page_meta
from dechaff.io.inputs import Source
from dechaff.io.mojibake import repair
from dechaff.io.tables import empty_row
from dechaff.quality.filters import first_failure, thresholds_for
from dechaff.quality.flags import assess
from dechaff.quality.signals import signals
from dechaff.ruleset.loader import RuleBook
from dechaff.text.dates import iso_date
from dechaff.text.dates import warm as warm_dates
from dechaff.text.langid import detect_language
from dechaff.text.normalise import (
    COLUMN_SPACES,
    column_cells,
    normalise_line,
    normalise_lines,
    render,
    split_lines,
)
from dechaff.text.overlap import agreement
from dechaff.text.slug import slug_words
from dechaff.text.stoplists import stoplist_for
from dechaff.text.words import word_count

BUILTIN = "builtin"
PROSE = f"{paragraphs.NAME}.prose"  # the classifier's measure of the prose it read
TIMEOUT = "error:timeout"
MAX_HTML_BYTES = 4 * 1024 * 1024
NO_LANGUAGE = "und"  # the language detector's answer when it cannot tell: no language pack applies


@dataclass(frozen=True, slots=True)
class Settings:
    domain_rules: bool = True
    max_bytes: int = 256 * 1024 * 1024
    # An HTML page's tree costs ~50x its bytes (a 5 MB page: 260 MB RSS; 30 MB: 2 GB); Common Crawl
    # cuts records at 1 MiB, real articles are well under that.
    max_html_bytes: int = MAX_HTML_BYTES
    max_line_chars: int = 100_000  # no real paragraph is longer; such lines are minified data
    quality_filter: bool = True  # False (--no-filter): the signals are measured, nothing is dropped
    time_limit: float | None = DEFAULT_TIME_LIMIT  # seconds per document (None: none); over: error:timeout
    repeated: tuple[tuple[str, frozenset[str]], ...] = ()  # per domain, from dechaff.run.survey (hashable)


@dataclass(frozen=True, slots=True)
class DocResult:
    row: dict[str, object]
    text: str | None
    removed: tuple[Removal, ...]
    source_text: str | None = None  # what the cascade read (line numbers of `removed` refer to it)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready for its cascade (`Engine.prepare`)."""

    body: str  # the text the cascade reads: line numbers of every removal refer to it
    lines: tuple[Line, ...]
    removed: tuple[Removal, ...]  # mojibake repairs and lines dropped by normalisation
    url: str | None  # the source's, else the page's canonical URL
    page: tuple[Extracted, PageMeta] | None  # HTML: what extraction found
    match: DomainMatch
    lang: str
    lang_prob: float | None  # None: the language was declared, not detected
    pipeline: Pipeline
    context: Context

    def clean(self) -> Cleaned:
        """The cascade on the lines (a bug in a cleaner propagates: `Engine.process` catches it)."""
        return self.pipeline.clean(self.lines, self.context)


class StepError(Exception):
    def __init__(self, step: str, exc: BaseException) -> None:
        super().__init__(f"{type(exc).__name__}: {exc}")
        self.step = step


def normalise(text: str, max_line_chars: int, columns: bool = False) -> tuple[list[Line], list[Removal], int]:
    """Normalised non-empty lines (with their blank-line structure), the lines dropped on the way,
    and how many lines the text has (the row's `lines_in`, from the same split).

    `columns` (text read as it came, not an extraction): a line laid out in columns is one line
    per cell (`normalise.column_cells`), each cell a block of its own, so that a menu cell and a
    paragraph side by side are judged apart.
    """
    lines: list[Line] = []
    removed: list[Removal] = []
    gap = True
    raws = split_lines(text)
    for no, (raw, norm) in enumerate(zip(raws, normalise_lines(text), strict=True), 1):
        if len(raw) > max_line_chars:
            removed.append(
                Removal(
                    no, 0, len(raw), raw[:REMOVED_TEXT_MAX], NORMALISE, "normalise.line_too_long", BUILTIN
                )
            )
            gap = True
            continue
        if not norm:
            if raw:
                removed.append(Removal(no, 0, len(raw), raw, NORMALISE, "normalise.blank", BUILTIN))
            gap = True
            continue
        # most lines hold no tab and no column gap: one cell, not asked (a call and a list a line)
        cells = column_cells(raw, norm) if columns and ("\t" in raw or COLUMN_SPACES in raw) else None
        if cells is None or (len(cells) == 1 and cells[0] == (0, norm)):  # most lines: the whole line
            lines.append(Line(no, norm, 0, gap))
        else:
            lines.extend(Line(no, cell, start, gap or k > 0) for k, (start, cell) in enumerate(cells))
        gap = False
    return lines, removed, len(raws)


class Engine:
    """Holds the rule book and a cache of compiled pipelines, one per rule-file combination (the
    `memo.PIPELINES` most recently used)."""

    def __init__(self, book: RuleBook, settings: Settings = Settings()) -> None:
        self.book = book
        self.rules_digest = book.digest  # the book is frozen; hashing its files' places costs 0.3 ms
        self.settings = settings
        self.resolver = DomainResolver(book)
        self._pipelines: dict[tuple[str, ...], Pipeline] = {}
        self._thresholds: dict[tuple[str, str], dict[str, float]] = {}
        self._repeated = dict(settings.repeated)

    def pipeline(self, lang: str, match: DomainMatch, html: bool = False) -> Pipeline:
        """The cascade for these rule files; after HTML extraction, without the `html.skip_cleaners`
        and with the line classifier in the `html.classifier` mode."""
        files = self.book.cascade(lang, match.site)
        params = html_params(f.html for f in files) if html else None
        skip = params.skip_cleaners if params else ()
        trim = params is not None and params.classifier == "trim"
        key = (*(f.path for f in files), *(f"-{name}" for name in skip), *(["~trim"] if trim else []))
        pipeline = self._pipelines.pop(key, None)  # put back last: the least recently used go first
        if pipeline is None:
            if len(self._pipelines) >= PIPELINES:
                del self._pipelines[next(iter(self._pipelines))]
            mine: dict[str, object] = {"line_model": self.book.line_model}
            if trim:
                mine["trim_only"] = True
            with uncounted():  # compiled once per process: no document's time
                pipeline = Pipeline(files, frozenset(skip), {paragraphs.NAME: mine})
        self._pipelines[key] = pipeline
        return pipeline

    def thresholds(self, lang: str, match: DomainMatch) -> dict[str, float]:
        """The decide step's thresholds for a language and site (merged once, then remembered)."""
        key = (lang, match.site.path if match.site is not None else "")
        if key not in self._thresholds:
            self._thresholds[key] = thresholds_for(self.book.filter_sections(lang, match.site))
        return self._thresholds[key]

    def warm(self) -> None:
        """Compile the text cascade of every language pack now (0.2-0.3 s for the seven shipped and
        the generic one), and load dateparser's data for each (0.4 s: `dates.warm`), e.g. in a parent
        process whose forked workers then inherit them instead of each compiling and loading those
        of the languages it meets (`RunConfig.warm`)."""
        for lang in (NO_LANGUAGE, *self.book.langs):
            self.pipeline(lang, NO_DOMAIN)
        warm_dates(self.book.langs)

    def process(self, source: Source) -> DocResult:
        """The document cleaned, under the time limit; never raises (a failure is the row's status)."""
        row = source_row(source, self.book.version, self.rules_digest)
        try:
            with time_limit(self.settings.time_limit):
                return self._process(source, row)
        except InputRefused as exc:
            row.update(status=exc.status, error=exc.message)
        except StepError as exc:
            row.update(status=f"error:{exc.step}", error=str(exc))
        except DocumentTimeout:
            # A fresh row: the one being filled may stop anywhere, even half-way through its update.
            row = source_row(source, self.book.version, self.rules_digest)
            row.update(status=TIMEOUT, error=f"took longer than the {self.settings.time_limit:g}s limit")
        return DocResult(row, None, ())

    def prepare(self, source: Source, row: dict[str, object] | None = None) -> Prepared:
        """The document up to the cascade: decoded, extracted (HTML), mojibake repaired, normalised
        into lines, its domain resolved, its language detected (unless the source declares it), its
        cascade picked and its context built. Cleaning, the site survey and rule-file
        examples all start here, so they all see the same lines.

        `row`, when given, receives the facts as they become known (encoding, sizes, extractor),
        so the row of a document that fails at a later step still says what was found. Raises
        InputRefused or StepError (`process` turns them into the row's status); no time limit here,
        the caller sets it around the whole of its work (`process`, `survey`).
        """
        facts = row if row is not None else {}
        decoded = self._decode(source)
        facts.update(encoding=decoded.encoding, chars_in=len(decoded.text))
        if source.kind != "html":
            return self._prepared(source, decoded.text, None, facts)
        page = _step("extract", lambda: self._extract(decoded.text, source))
        facts.update(extractor=page[0].extractor, extractor_reason=page[0].reason)
        return self._prepared(source, page[0].text, page, facts)

    def _prepared(
        self,
        source: Source,
        body: str,
        page: tuple[Extracted, PageMeta] | None,
        facts: dict[str, object],
        html: bool = True,
    ) -> Prepared:
        """`prepare` from the text the cascade reads on (`html`: with the cascade for extractions)."""
        url = source.url or (page[1].url if page else None)
        body, removed = _step("mojibake", lambda: repair(body, BUILTIN))
        columns = page is None  # a renderer's padding survives in a dump, never in an extraction
        lines, dropped, facts["lines_in"] = _step(
            "normalise", lambda: normalise(body, self.settings.max_line_chars, columns)
        )
        removed.extend(dropped)
        texts = [line.text for line in lines]
        match = _step("domain", lambda: self._domain(texts, url, source.domain))
        lang, prob = (source.lang, None) if source.lang else _step("lang", lambda: detect_language(texts))
        pipeline = _step("rules", lambda: self.pipeline(lang, match, html=page is not None and html))
        ctx = Context(
            source.id,
            lang,
            match.domain,
            pipeline.site_name,
            stoplist_for(lang, pipeline.stoplist_name, pipeline.stopwords),
            self._repeated.get(match.domain or "", frozenset()),
            headline=slug_words(url),
        )
        return Prepared(body, tuple(lines), tuple(removed), url, page, match, lang, prob, pipeline, ctx)

    def _page_dump(self, source: Source, doc: Prepared) -> tuple[Prepared, Cleaned]:
        """The whole text cascade over the page's naive dump, which the referee and the rival of
        an extraction both read (the page's metadata still fills the row; the cascade is the one
        for text, not extractions)."""
        extracted, _ = doc.page  # type: ignore[misc]
        dumped = self._prepared(source, extracted.page, doc.page, {}, html=False)
        return dumped, _step("clean", dumped.clean)

    def _rival(
        self,
        doc: Prepared,
        cleaned: Cleaned,
        source: Source,
        row: dict[str, object],
        dumped: tuple[Prepared, Cleaned] | None = None,
    ) -> tuple[Prepared, Cleaned]:
        """An extraction that is a sliver of its page (`Extracted.dump_gain` set) and reads as no
        prose at all (a footer, a list of links: the line classifier finds no line of prose in
        it) against the whole text cascade over the page's naive dump: the dump's clean text wins
        when it has prose and `dump_gain` times the words."""
        extracted, _ = doc.page  # type: ignore[misc]
        if cleaned.measures.get(PROSE):
            return doc, cleaned
        ours = sum(word_count(line.text) for line in cleaned.lines)
        rival, rival_cleaned = dumped or self._page_dump(source, doc)
        theirs = sum(word_count(line.text) for line in rival_cleaned.lines)
        if theirs < extracted.dump_gain * max(ours, 1) or not rival_cleaned.measures.get(PROSE):
            return doc, cleaned
        row.update(extractor=PAGE_DUMP, extractor_reason=NO_PROSE, lines_in=len(split_lines(rival.body)))
        return rival, rival_cleaned

    def _referee(
        self, doc: Prepared, cleaned: Cleaned, source: Source, row: dict[str, object]
    ) -> tuple[Prepared, Cleaned, tuple[Prepared, Cleaned]]:
        """jusText's longer text replaced a short trafilatura one (`SHORT`: longer is not always
        better, a short article's page has long teasers): the text cascade over the page's naive
        dump referees, and the one of the two it agrees with more (`text.overlap`) is cleaned.
        The page dump's cascade is returned too, for `_rival`."""
        extracted, meta = doc.page  # type: ignore[misc]
        dumped = self._page_dump(source, doc)
        reference = "\n".join(line.text for line in dumped[1].lines)
        if agreement(extracted.first, reference) <= agreement(extracted.text, reference):
            return doc, cleaned, dumped
        first = replace(extracted, text=extracted.first, extractor=TRAFILATURA, reason=AGREES, first="")
        row.update(extractor=first.extractor, extractor_reason=first.reason)
        chosen = self._prepared(source, first.text, (first, meta), row)
        return chosen, _step("clean", chosen.clean), dumped

    def _process(self, source: Source, row: dict[str, object]) -> DocResult:
        doc = self.prepare(source, row=row)
        cleaned = _step("clean", doc.clean)
        dumped = None  # the page dump's cascade, run once for the referee and the rival
        if doc.page is not None and doc.page[0].first:
            doc, cleaned, dumped = self._referee(doc, cleaned, source, row)
        if doc.page is not None and doc.page[0].dump_gain:
            doc, cleaned = self._rival(doc, cleaned, source, row, dumped)
        pipeline, ctx, page = doc.pipeline, doc.context, doc.page
        extracted = page[0] if page is not None and page[0].extractor != PAGE_DUMP else None
        no_prose = extracted is not None and not cleaned.measures.get(PROSE)
        page_lines = split_lines(extracted.page) if extracted is not None else ()
        flags = assess(
            cleaned.lines, cleaned.removed, cleaned.measures, footer_only=no_prose, page=page_lines
        )
        row.update(confidence=flags.confidence, suspect=list(flags.reasons) or None)
        removed = [*doc.removed, *cleaned.removed]
        out_lines = [line.text for line in cleaned.lines]
        text = render(out_lines)
        fields = cleaned.fields
        status = "ok" if out_lines else "dropped:empty_after_cleaning"
        if out_lines:
            scores = _step("quality", lambda: signals(text, ctx.stopwords))
            row.update(scores)
            if self.settings.quality_filter:
                reason = first_failure(scores, self.thresholds(doc.lang, doc.match))
                status = f"dropped:{reason}" if reason else status
        row.update(
            domain=doc.match.domain,
            domain_source=doc.match.source,
            site_name=pipeline.site_name or fields.get("site_name"),
            section=fields.get("section"),
            author=fields.get("author"),
            dateline=fields.get("dateline"),
            published=fields.get("published"),
            lang=doc.lang,
            lang_prob=doc.lang_prob,
            title=out_lines[0] if out_lines else None,
            chars_out=len(text),
            lines_out=len(out_lines),
            rule_files=list(pipeline.labels),
            text_sha256=hashlib.sha256(text.encode()).hexdigest(),
            status=status,
        )
        if page is not None:
            _fill_from_page(row, page[1], doc.url)
        found = row["published"]  # as the page prints it; the column holds it as ISO 8601
        row.update(
            published_text=found, published=iso_date(found, doc.lang) if isinstance(found, str) else None
        )
        for name, count in Counter(r.cleaner for r in removed if r.kept_by is None).items():
            row[f"{REMOVED_PREFIX}{name}"] = count
        # Measure apart from decide: a page the quality filters drop keeps its clean text (to audit the
        # filter); its status says why, and `dechaff export` leaves it out of the training set.
        return DocResult(row, text if out_lines else None, tuple(removed), doc.body)

    def _decode(self, source: Source) -> Decoded:
        """The document as text: from its file, or from the record a container reader kept."""
        if source.error is not None:
            raise InputRefused("error:read", source.error)
        html = source.kind == "html"
        limit = self.settings.max_html_bytes if html else self.settings.max_bytes
        if isinstance(source.content, str):
            if len(source.content) * 4 > limit and len(source.content.encode()) > limit:
                raise _too_large(len(source.content.encode()), limit, html)
            return from_text(source.content, "utf-8")
        data = source.content
        if data is None:
            data = _step("read", lambda: _read(source, limit, html))
        elif len(data) > limit:
            raise _too_large(len(data), limit, html)
        return _step("decode", lambda: decode(data, source.charset, markup=source.kind == "html"))

    def survey(self, source: Source) -> tuple[str | None, list[str]]:
        """A document's domain and lines as the cascade would get them, for batch statistics, under
        the same time limit as `process`; raises what `prepare` raises, or DocumentTimeout."""
        with time_limit(self.settings.time_limit):
            doc = self.prepare(source)
        return doc.match.domain, [line.text for line in doc.lines]

    def _extract(self, html: str, source: Source) -> tuple[Extracted, PageMeta]:
        """Main text and page metadata; the site (from the URL or the page's canonical link) picks
        the `html:` options, with the page's declared language standing in for the detected one."""
        tree = html_extract.parse(html)
        if tree is None:
            raise InputRefused("dropped:not_html", "no HTML element could be parsed")
        meta = page_basics(tree, source.url)
        params = self._html_params(meta, source)
        if params.metadata:  # trafilatura's full pass; its URL (og:url...) may name another site
            basics, meta = meta, page_meta(tree, source.url)
            if (meta.url, meta.lang) != (basics.url, basics.lang):
                params = self._html_params(meta, source)
        extracted = html_extract.extract(html_extract.prune(tree, params.prune_xpaths), params, _stopwords_of)
        if not extracted.text.strip():
            raise InputRefused("dropped:no_main_text", "neither trafilatura nor jusText found main text")
        return extracted, meta

    def _html_params(self, meta: PageMeta, source: Source) -> HtmlParams:
        match = self._domain([], source.url or meta.url, source.domain)
        return html_params(f.html for f in self.book.cascade(meta.lang or NO_LANGUAGE, match.site))

    def _domain(self, texts: list[str], url: str | None, declared: str | None) -> DomainMatch:
        if self.settings.domain_rules:
            return self.resolver.resolve(texts, url, declared)
        if declared:
            return DomainMatch(declared.lower(), "declared", None)
        host = host_of(url)
        return DomainMatch(host, "url", None) if host else NO_DOMAIN


def _stopwords_of(text: str) -> frozenset[str]:
    """Stop words of the language `text` is written in (jusText's fallback needs them)."""
    lines = [line for line in (normalise_line(raw) for raw in split_lines(text)) if line]
    return stoplist_for(detect_language(lines)[0])


def _fill_from_page(row: dict[str, object], meta: PageMeta, url: str | None) -> None:
    """The page's own metadata where the cascade found nothing; its title beats the first line,
    which after extraction is body text rather than a headline."""
    row.update(url=url, title=meta.title or row["title"], categories=list(meta.categories) or None)
    for column, value in (("author", meta.author), ("published", meta.date), ("site_name", meta.sitename)):
        if row[column] is None:
            row[column] = value


def source_row(source: Source, ruleset_version: str, rules_digest: str) -> dict[str, object]:
    """The columns known before any work; also the whole row of a document the engine never
    finished (timeout, crashed worker), so such rows still say what and which rules."""
    row = empty_row(source.id, source.path.as_posix())
    row.update(
        url=source.url,
        fetched=source.fetched,
        extra=_json(source.extra),
        dechaff_version=__version__,
        ruleset_version=ruleset_version,
        rules_digest=rules_digest,
    )
    return row


def _read(source: Source, max_bytes: int, html: bool) -> bytes:
    size = source.path.stat().st_size
    if size > max_bytes:
        raise _too_large(size, max_bytes, html)
    return source.path.read_bytes()


def _too_large(size: int, max_bytes: int, html: bool = False) -> InputRefused:
    setting = " for HTML (--max-html-bytes)" if html else ""
    return InputRefused("dropped:too_large", f"{size} bytes is over the {max_bytes}-byte limit{setting}")


def _json(fields: dict[str, object]) -> str | None:
    """A record's carried fields as one deterministic JSON object (None when there are none)."""
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str) if fields else None


def _step(name: str, work):  # type: ignore[no-untyped-def]
    """Run one step; a bad file or a bug becomes `error:<step>` for this document only."""
    try:
        return work()
    except InputRefused:
        raise
    except Exception as exc:
        raise StepError(name, exc) from exc
