"""Language identification: from the script where the script names the language, else with
langdetect, seeded so the same text always gets the same answer.

The detector is `dechaff.text.langdetect_fast.FastDetector`: langdetect's own, with its hot loops
rewritten to give the same answers faster.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from langdetect import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from dechaff.text.langdetect_fast import detect_langs
from dechaff.text.scripts import WORD_LETTERS, count_scripts, main_script, top_script

DetectorFactory.seed = 0

_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")

MAX_CHARS = 1000  # on the dev set 1000 and 3000 chars agree on 238/239 pages, at 2.3x less cost
BY_SCRIPT_SHARE = 0.9  # of the sample's letters, for an answer from the script alone


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

    A sample in a script that names its language (`named_by_script`: Greek, Thai, kana, hangul...)
    is answered from its script counts, without the n-gram model, when the page's main script
    agrees; the probability is then the share of the sample's letters in that script.
    When the language found is not written in the script most of the page's letters are in (a
    Chinese page whose sample is mostly an English menu or code, named English; a han or kana
    character weighs as three Latin letters, `WORD_LETTERS`), it is found again from the lines
    written in that main script.
    """
    text = sample(lines)
    named = named_by_script(text)
    if named is not None:
        main = main_script(lines)
        if main is None or main == SCRIPT_OF[named[0]]:
            return named
    lang, prob = _detect(text)
    main = main_script(lines, cjk_weight=WORD_LETTERS) if lang != "und" else None
    if main is None or SCRIPT_OF.get(lang, "LATIN") == main:
        return lang, prob
    text = sample([line for line in lines if main_script([line], cjk_weight=WORD_LETTERS) == main])
    again, prob_again = named_by_script(text) or _detect(text)
    return (again, prob_again) if SCRIPT_OF.get(again, "LATIN") == main else (lang, prob)


def _detect(text: str) -> tuple[str, float]:
    if not text.strip():
        return "und", 0.0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "und", 0.0
    return _by_script(best.lang.split("-")[0], text), round(float(best.prob), 4)


# The script (as `dechaff.text.scripts` names it) of each language we name that is not written in
# Latin letters; Japanese kana and Korean hangul count as CJK there.
SCRIPT_OF = {
    **dict.fromkeys(("ru", "uk", "bg", "mk"), "CYRILLIC"),
    "el": "GREEK",
    **dict.fromkeys(("zh", "ja", "ko"), "CJK"),
    **dict.fromkeys(("ar", "fa", "ur"), "ARABIC"),
    "he": "HEBREW",
    "th": "THAI",
    "ka": "GEORGIAN",
    "hy": "ARMENIAN",
    **dict.fromkeys(("hi", "mr", "ne"), "DEVANAGARI"),
    "bn": "BENGALI",
    "gu": "GUJARATI",
    "pa": "GURMUKHI",
    "kn": "KANNADA",
    "ml": "MALAYALAM",
    "ta": "TAMIL",
    "te": "TELUGU",
}


# Scripts only one language langdetect knows is written in (Georgian and Armenian: none it knows,
# it names them Estonian); a language's n-grams in those scripts are in no other profile but a
# few strays (tests/test_langid.py). CJK is settled by `_cjk`.
LANG_OF_SCRIPT = {
    "GREEK": "el",
    "HEBREW": "he",
    "THAI": "th",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "BENGALI": "bn",
    "GUJARATI": "gu",
    "GURMUKHI": "pa",
    "KANNADA": "kn",
    "MALAYALAM": "ml",
    "TAMIL": "ta",
    "TELUGU": "te",
}


def named_by_script(text: str, share: float = BY_SCRIPT_SHARE) -> tuple[str, float] | None:
    """(language, share of the letters) when over `share` of the letters of `text` are in a script
    that names its language: what langdetect, then `_by_script`, would answer (the same on every
    dev-set page and seed), without its n-gram model; None for any other text.

    >>> named_by_script("Η Αθήνα είναι η πρωτεύουσα"), named_by_script("東京では、きょう")
    (('el', 1.0), ('ja', 1.0))
    >>> named_by_script("Moscou, Москва") is None
    True
    """
    counts = count_scripts(text)
    letters = sum(counts.values())
    if not letters:
        return None
    script, n = top_script(counts)
    if n < share * letters:
        return None
    lang = _cjk(text) if script == "CJK" else LANG_OF_SCRIPT.get(script)
    return (lang, round(n / letters, 4)) if lang is not None else None


def _by_script(lang: str, text: str) -> str:
    """Overrule langdetect where the script settles it (it calls some Chinese pages Korean).

    >>> _by_script("ko", "林務局管理的國家森林遊樂區"), _by_script("zh", "東京では、きょう")
    ('zh', 'ja')
    """
    if lang not in ("zh", "ja", "ko"):
        return lang
    return _cjk(text) or lang


def _cjk(text: str) -> str | None:
    """Korean, Japanese or Chinese by the counts of hangul, kana and han in `text`; None
    without any of them."""
    hangul = len(_HANGUL.findall(text))
    kana = len(_KANA.findall(text))
    han = len(_HAN.findall(text))
    if hangul > max(kana, han) / 2:
        return "ko"
    if kana > han / 10:
        return "ja"
    return "zh" if han else None
