"""Language identification with langdetect, seeded so the same text always gets the same answer.

The detector is `dechaff.text.langdetect_fast.FastDetector`: langdetect's own, with its hot loops
rewritten to give the same answers faster.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from langdetect import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from dechaff.text.langdetect_fast import detect_langs
from dechaff.text.scripts import main_script

DetectorFactory.seed = 0

_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")

MAX_CHARS = 1000  # on the dev set 1000 and 3000 chars agree on 238/239 pages, at 2.3x less cost


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


def detect_language(lines: Sequence[str]) -> tuple[str, float]:
    """(ISO 639-1 code, probability); ('und', 0.0) when there is nothing to judge.

    When the language found is not written in the script most of the page's letters are in (a
    Chinese page whose sample is mostly an English menu or code, named English), it is found
    again from the lines written in that main script.
    """
    lang, prob = _detect(sample(lines))
    main = main_script(lines) if lang != "und" else None
    if main is None or SCRIPT_OF.get(lang, "LATIN") == main:
        return lang, prob
    again, prob_again = _detect(sample([line for line in lines if main_script([line]) == main]))
    return (again, prob_again) if SCRIPT_OF.get(again, "LATIN") == main else (lang, prob)


def _detect(text: str) -> tuple[str, float]:
    if not text.strip():
        return "und", 0.0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "und", 0.0
    return _by_script(best.lang.split("-")[0], text), round(float(best.prob), 4)


# The script (as `dechaff.text.scripts` names it) of each language the detector knows that is not
# written in Latin letters; Japanese kana and Korean hangul count as CJK there.
SCRIPT_OF = {
    **dict.fromkeys(("ru", "uk", "bg", "mk"), "CYRILLIC"),
    "el": "GREEK",
    **dict.fromkeys(("zh", "ja", "ko"), "CJK"),
    **dict.fromkeys(("ar", "fa", "ur"), "ARABIC"),
    "he": "HEBREW",
    "th": "THAI",
    **dict.fromkeys(("hi", "mr", "ne"), "DEVANAGARI"),
    "bn": "BENGALI",
    "gu": "GUJARATI",
    "pa": "GURMUKHI",
    "kn": "KANNADA",
    "ml": "MALAYALAM",
    "ta": "TAMIL",
    "te": "TELUGU",
}


def _by_script(lang: str, text: str) -> str:
    """Overrule langdetect where the script settles it (it calls some Chinese pages Korean).

    >>> _by_script("ko", "林務局管理的國家森林遊樂區"), _by_script("zh", "東京では、きょう")
    ('zh', 'ja')
    """
    if lang not in ("zh", "ja", "ko"):
        return lang
    hangul = len(_HANGUL.findall(text))
    kana = len(_KANA.findall(text))
    han = len(_HAN.findall(text))
    if hangul > max(kana, han) / 2:
        return "ko"
    if kana > han / 10:
        return "ja"
    return "zh" if han else lang
