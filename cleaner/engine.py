"""Clean one document end to end: bytes -> text -> lines -> domain -> language -> cascade -> row.

Bad input and bugs are caught per step and recorded as the row's status; nothing here raises.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from cleaner import __version__
from cleaner.cleaners import NORMALISE
from cleaner.document import Context, Line
from cleaner.domains import DomainMatch, DomainResolver, host_of
from cleaner.io.decode import InputRefused, decode
from cleaner.io.inputs import Source
from cleaner.langid import detect
from cleaner.metadata import REMOVED_PREFIX, REMOVED_TEXT_MAX, empty_row
from cleaner.outcome import Removal
from cleaner.pipeline import Pipeline
from cleaner.quality.filters import first_failure, thresholds_for
from cleaner.quality.signals import signals
from cleaner.ruleset.loader import RuleBook
from cleaner.stoplists import stoplist_for
from cleaner.textnorm import normalise_line, render, split_lines

BUILTIN = "builtin"


@dataclass(frozen=True, slots=True)
class Settings:
    domain_rules: bool = True
    max_bytes: int = 256 * 1024 * 1024
    max_line_chars: int = 100_000  # no real paragraph is longer; such lines are minified data
    quality_filter: bool = True  # False (--no-filter): the signals are measured, nothing is dropped


@dataclass(frozen=True, slots=True)
class DocResult:
    row: dict[str, object]
    text: str | None
    removed: tuple[Removal, ...]


class _StepError(Exception):
    def __init__(self, step: str, exc: BaseException) -> None:
        super().__init__(f"{type(exc).__name__}: {exc}")
        self.step = step


def normalise(text: str, max_line_chars: int) -> tuple[list[Line], list[Removal]]:
    """Normalised non-empty lines (with their blank-line structure) and the lines dropped on the way."""
    lines: list[Line] = []
    removed: list[Removal] = []
    gap = True
    for no, raw in enumerate(split_lines(text), 1):
        if len(raw) > max_line_chars:
            removed.append(
                Removal(
                    no, 0, len(raw), raw[:REMOVED_TEXT_MAX], NORMALISE, "normalise.line_too_long", BUILTIN
                )
            )
            gap = True
            continue
        norm = normalise_line(raw)
        if not norm:
            if raw:
                removed.append(Removal(no, 0, len(raw), raw, NORMALISE, "normalise.blank", BUILTIN))
            gap = True
            continue
        lines.append(Line(no, norm, 0, gap))
        gap = False
    return lines, removed


class Engine:
    """Holds the rule book and a cache of compiled pipelines, one per rule-file combination."""

    def __init__(self, book: RuleBook, settings: Settings = Settings()) -> None:
        self.book = book
        self.settings = settings
        self.resolver = DomainResolver(book)
        self._pipelines: dict[tuple[str, ...], Pipeline] = {}

    def pipeline(self, lang: str, match: DomainMatch) -> Pipeline:
        files = self.book.cascade(lang, match.site)
        key = tuple(f.path for f in files)
        if key not in self._pipelines:
            self._pipelines[key] = Pipeline(files)
        return self._pipelines[key]

    def process(self, source: Source) -> DocResult:
        row = empty_row(source.id, source.path.as_posix())
        row.update(
            url=source.url,
            cleaner_version=__version__,
            ruleset_version=self.book.version,
            rules_digest=self.book.digest,
        )
        try:
            return self._process(source, row)
        except InputRefused as exc:
            row.update(status=exc.status, error=exc.message)
        except _StepError as exc:
            row.update(status=f"error:{exc.step}", error=str(exc))
        return DocResult(row, None, ())

    def _process(self, source: Source, row: dict[str, object]) -> DocResult:
        data = _step("read", lambda: _read(source, self.settings.max_bytes))
        decoded = decode(data)
        row.update(encoding=decoded.encoding, chars_in=len(decoded.text))
        lines, removed = _step("normalise", lambda: normalise(decoded.text, self.settings.max_line_chars))
        row["lines_in"] = len(split_lines(decoded.text))
        texts = [line.text for line in lines]
        match = _step("domain", lambda: self._domain(texts, source))
        lang, prob = _step("lang", lambda: detect(texts))
        pipeline = _step("rules", lambda: self.pipeline(lang, match))
        site_name = pipeline.site_name
        ctx = Context(source.id, lang, match.domain, site_name, stoplist_for(lang, pipeline.stoplist_name))
        cleaned = _step("clean", lambda: pipeline.clean(lines, ctx))
        removed.extend(cleaned.removed)
        out_lines = [line.text for line in cleaned.lines]
        text = render(out_lines)
        fields = cleaned.fields
        status = "ok" if out_lines else "dropped:empty_after_cleaning"
        if out_lines:
            scores = _step("quality", lambda: signals(text, ctx.stopwords))
            row.update(scores)
            if self.settings.quality_filter:
                reason = first_failure(scores, thresholds_for(f.filters for f in pipeline.files))
                status = f"dropped:{reason}" if reason else status
        row.update(
            domain=match.domain,
            domain_source=match.source,
            site_name=site_name or fields.get("site_name"),
            section=fields.get("section"),
            author=fields.get("author"),
            dateline=fields.get("dateline"),
            published=fields.get("published"),
            lang=lang,
            lang_prob=prob,
            title=out_lines[0] if out_lines else None,
            chars_out=len(text),
            lines_out=len(out_lines),
            rule_files=list(pipeline.labels),
            text_sha256=hashlib.sha256(text.encode()).hexdigest(),
            status=status,
        )
        for name, count in Counter(r.cleaner for r in removed).items():
            row[f"{REMOVED_PREFIX}{name}"] = count
        return DocResult(row, text if status == "ok" else None, tuple(removed))

    def _domain(self, texts: list[str], source: Source) -> DomainMatch:
        if self.settings.domain_rules:
            return self.resolver.resolve(texts, source.url, source.domain)
        if source.domain:
            return DomainMatch(source.domain.lower(), "manifest", None)
        host = host_of(source.url)
        return DomainMatch(host, "url", None) if host else DomainMatch(None, "none", None)


def _read(source: Source, max_bytes: int) -> bytes:
    size = source.path.stat().st_size
    if size > max_bytes:
        raise InputRefused("dropped:too_large", f"{size} bytes is over the {max_bytes}-byte limit")
    return source.path.read_bytes()


def _step(name: str, work):  # type: ignore[no-untyped-def]
    """Run one step; a bad file or a bug becomes `error:<step>` for this document only."""
    try:
        return work()
    except InputRefused:
        raise
    except Exception as exc:
        raise _StepError(name, exc) from exc
