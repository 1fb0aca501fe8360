"""The reference tools the benchmarks measure us against, each as it is usually run.

- trafilatura.extract and jusText alone on the HTML pages;
- jusText on the text dumps (each line wrapped as a `<p>`, the page language's stoplist): the
  line classifier our text cascade competes with;
- datatrove's C4 line filter on the dumps (`C4QualityFilter` with its document-level checks off:
  a line stays when it ends in terminal punctuation, has 3+ words, no javascript or policy
  phrase and no word over 1000 chars). datatrove is an optional extra
  (`pip install 'dechaff[datatrove]'`); without it the bench leaves this peer out.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import justext
import trafilatura


def trafilatura_alone(page: bytes, url: str | None) -> str:
    return trafilatura.extract(page, url=url) or ""


def justext_alone(page: bytes, stopwords: frozenset[str]) -> str:
    paragraphs = justext.justext(page, stopwords)
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def justext_on_lines(text: str, stopwords: frozenset[str]) -> str:
    """jusText on a text dump, every line wrapped as a <p>."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    paragraphs = justext.justext(f"<html><body>{body}</body></html>".encode(), stopwords, encoding="utf-8")
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def c4_lines() -> Callable[[str], str] | None:
    """datatrove's C4 filter as a line cleaner (text in, kept lines out), None without datatrove."""
    c4 = _c4()
    if c4 is None:
        return None
    document = c4[1]

    def clean(text: str) -> str:
        doc = document(text=text, id="doc")
        return doc.text if c4[0].filter(doc) else ""

    return clean


@lru_cache(maxsize=1)
def _c4() -> tuple[Any, Any] | None:
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters import C4QualityFilter
    except ImportError:
        return None
    line_filter = C4QualityFilter(min_num_sentences=-1, filter_lorem_ipsum=False, filter_curly_bracket=False)
    return line_filter, Document
