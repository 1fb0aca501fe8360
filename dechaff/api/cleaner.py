"""`Cleaner`: the rule book compiled once, then any number of texts or pages cleaned in memory
with the same engine `dechaff run` uses (same cascade, same row, same decide step)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from dechaff.api.result import Result
from dechaff.engine.engine import Engine, Settings
from dechaff.engine.rulebook import load_book
from dechaff.io.source import Source

Rules = str | os.PathLike[str] | None
Content = str | bytes
_DEFAULTS = Settings()


class Cleaner:
    """Clean texts and HTML pages in memory.

    `rules`: a rules folder (None: the shipped rules), read and checked once, here: a bad rule
    file raises `RuleFileError` naming the file and line. `domain_rules=False` runs the generic
    cascade only; `quality_filter=False` measures the quality signals but drops nothing;
    `time_limit`: seconds for one document (None: no limit); `max_html_bytes`: a larger page
    is `dropped:too_large`. A Cleaner pickles (its rules,
    not its compiled cascade), so it can be sent to worker processes.
    """

    def __init__(
        self,
        rules: Rules = None,
        *,
        domain_rules: bool = _DEFAULTS.domain_rules,
        quality_filter: bool = _DEFAULTS.quality_filter,
        time_limit: float | None = _DEFAULTS.time_limit,
        max_html_bytes: int = _DEFAULTS.max_html_bytes,
    ) -> None:
        self._book = load_book(Path(rules) if rules is not None else None)
        self._settings = Settings(
            domain_rules=domain_rules,
            quality_filter=quality_filter,
            time_limit=time_limit,
            max_html_bytes=max_html_bytes,
        )
        self._engine = Engine(self._book, self._settings)

    def __getstate__(self) -> dict[str, object]:
        return {"book": self._book, "settings": self._settings}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._book = state["book"]  # type: ignore[assignment]
        self._settings = state["settings"]  # type: ignore[assignment]
        self._engine = Engine(self._book, self._settings)

    def clean_text(
        self, text: Content, *, url: str | None = None, domain: str | None = None, lang: str | None = None
    ) -> Result:
        """Clean a text dump. `url` or `domain` picks the site's rules (else fingerprints do);
        `lang` (an ISO 639-1 code) is taken as the page's language: no detection is run."""
        return self.clean(text, url=url, domain=domain, lang=lang)

    def clean_html(self, html: Content, *, url: str | None = None) -> Result:
        """Extract the main text of an HTML page (trafilatura, jusText fallback), then clean it;
        `url` picks the site's rules (else the page's canonical link does)."""
        return self.clean(html, html=True, url=url)

    def clean_batch(self, items: Iterable[Content | Mapping[str, object]]) -> Iterator[Result]:
        """Results in input order, lazily. An item is a text, or a mapping with `text` or `html`
        and optionally `url`, `domain`, `lang` and `id`."""
        for no, item in enumerate(items, 1):
            if isinstance(item, str | bytes):
                yield self.clean(item, doc_id=str(no))
                continue
            html = item.get("html")
            yield self.clean(
                html if html is not None else item.get("text"),  # type: ignore[arg-type]
                html=html is not None,
                url=_optional(item, "url"),
                domain=_optional(item, "domain"),
                lang=_optional(item, "lang"),
                doc_id=_optional(item, "id") or str(no),
            )

    def clean(
        self,
        content: Content,
        *,
        html: bool = False,
        url: str | None = None,
        domain: str | None = None,
        lang: str | None = None,
        doc_id: str = "doc",
    ) -> Result:
        """The one call the methods above make: `content` as HTML or as a text dump."""
        if not isinstance(content, str | bytes):
            raise TypeError(f"expected the document as str or bytes, not {type(content).__name__}")
        source = Source(
            doc_id,
            Path(f"<{'html' if html else 'text'}>"),
            url=url or None,
            domain=domain or None,
            lang=language_code(lang),
            kind="html" if html else "text",
            content=content,
        )
        return Result.of(self._engine.process(source))


def language_code(lang: str | None) -> str | None:
    """The primary subtag of a language tag, as the language packs are named.

    >>> language_code("fr-FR"), language_code(" EN_us "), language_code(""), language_code(None)
    ('fr', 'en', None, None)
    """
    code = (lang or "").strip().lower().replace("_", "-").split("-")[0]
    return code or None


def _optional(item: Mapping[str, object], key: str) -> str | None:
    value = item.get(key)
    return None if value is None else str(value)


@lru_cache(maxsize=8)
def _shared(rules: str | None) -> Cleaner:
    return Cleaner(rules)


def shared_cleaner(rules: Rules = None) -> Cleaner:
    """One Cleaner per rules folder per process, for the one-call functions (reading and checking
    the rule files costs about 0.2 s); build a `Cleaner` yourself to read edited rules again."""
    return _shared(None if rules is None else os.fspath(Path(rules).resolve()))


def clean_text(
    text: Content,
    *,
    url: str | None = None,
    domain: str | None = None,
    lang: str | None = None,
    rules: Rules = None,
) -> Result:
    """Clean one text dump with the rules in `rules` (None: the shipped rules); see
    `Cleaner.clean_text`."""
    return shared_cleaner(rules).clean_text(text, url=url, domain=domain, lang=lang)


def clean_html(html: Content, *, url: str | None = None, rules: Rules = None) -> Result:
    """Extract and clean one HTML page; see `Cleaner.clean_html`."""
    return shared_cleaner(rules).clean_html(html, url=url)
