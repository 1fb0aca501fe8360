"""Language identification with langdetect, seeded so the same text always gets the same answer."""

from __future__ import annotations

from collections.abc import Sequence

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

DetectorFactory.seed = 0

MAX_CHARS = 3000  # langdetect is stable well before this; a bound keeps huge documents cheap


def sample(lines: Sequence[str], max_chars: int = MAX_CHARS) -> str:
    """Paragraph-like lines only (menus and widgets mislead the detector), up to `max_chars`.

    Long lines count too, for scripts written without spaces (Chinese, Japanese).
    """
    picked: list[str] = []
    size = 0
    for line in (x for x in lines if x.count(" ") >= 4 or len(x) >= 40):
        picked.append(line[: max_chars - size])
        size += len(picked[-1])
        if size >= max_chars:
            break
    return " ".join(picked) if picked else " ".join(lines)[:max_chars]


def detect(lines: Sequence[str]) -> tuple[str, float]:
    """(ISO 639-1 code, probability); ('und', 0.0) when there is nothing to judge."""
    text = sample(lines)
    if not text.strip():
        return "und", 0.0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "und", 0.0
    return best.lang.split("-")[0], round(float(best.prob), 4)
