"""jusText's stop-word lists, loaded once per language and shared by every cleaner.

The lists are read from jusText's package folder without importing jusText (which loads lxml
and its HTML machinery: a text-only run never needs them).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

# Language code (ISO 639-1, else 639-3) -> jusText stoplist name: every list jusText ships, so that
# each language the detector names (or a page declares) that has a list gets it. Packs may name
# another (`stoplist:`). Simple_English stays unmapped (English has its own list).
_BY_CODE = {
    "af": "Afrikaans",
    "an": "Aragonese",
    "ar": "Arabic",
    "ast": "Asturian",
    "az": "Azerbaijani",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "bpy": "Bishnupriya_Manipuri",
    "br": "Breton",
    "bs": "Bosnian",
    "ca": "Catalan",
    "ceb": "Cebuano",
    "cs": "Czech",
    "cv": "Chuvash",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "eo": "Esperanto",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "fy": "West_Frisian",
    "ga": "Irish",
    "gl": "Galician",
    "gu": "Gujarati",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "ht": "Haitian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "ig": "Igbo",
    "io": "Ido",
    "is": "Icelandic",
    "it": "Italian",
    "jv": "Javanese",
    "ka": "Georgian",
    "kk": "Kazakh",
    "kn": "Kannada",
    "ko": "Korean",
    "ku": "Kurdish",
    "ky": "Kyrgyz",
    "la": "Latin",
    "lb": "Luxembourgish",
    "lmo": "Lombard",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ml": "Malayalam",
    "mr": "Marathi",
    "ms": "Malay",
    "mt": "Maltese",
    "nap": "Neapolitan",
    "nb": "Norwegian_Bokmal",
    "nds": "Low_Saxon",
    "ne": "Nepali",
    "new": "Newar",
    "nl": "Dutch",
    "nn": "Norwegian_Nynorsk",
    "no": "Norwegian_Bokmal",
    "oc": "Occitan",
    "pl": "Polish",
    "pms": "Piedmontese",
    "pnb": "Western_Panjabi",
    "pt": "Portuguese",
    "qu": "Quechua",
    "ro": "Romanian",
    "rup": "Aromanian",
    "ru": "Russian",
    "scn": "Sicilian",
    "sgs": "Samogitian",
    "sh": "Serbo_Croatian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sr": "Serbian",
    "su": "Sundanese",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "tk": "Turkmen",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "uz": "Uzbek",
    "vi": "Vietnamese",
    "vo": "Volapuk",
    "wa": "Walloon",
    "war": "Waray_Waray",
    "yo": "Yoruba",
}


APOSTROPHES = "'\u2019"  # an elided form ends in either; the classifier's stop-word count reads them


@lru_cache(maxsize=128)
def stoplist(name: str) -> frozenset[str]:
    """The lowercased stop words of a jusText stoplist name ('French'); empty when unknown.
    The words are those of `justext.get_stoplist(name)`, lowercased."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return frozenset()
    try:
        data = (_justext_folder() / "stoplists" / f"{name}.txt").read_bytes()
    except OSError:
        return frozenset()
    return frozenset(w.decode("utf8").lower() for w in data.splitlines())


@lru_cache(maxsize=1)
def _justext_folder() -> Path:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jusText is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def stoplist_for(
    lang: str, declared: str | None = None, extra: frozenset[str] = frozenset()
) -> frozenset[str]:
    """Stop words for a language code, preferring the name a language pack declares, plus the
    pack's `extra` words (its `stopwords`)."""
    name = declared or _BY_CODE.get(lang.split("-")[0])
    return with_words(stoplist(name) if name else frozenset(), extra)


@lru_cache(maxsize=128)
def with_words(words: frozenset[str], extra: frozenset[str]) -> frozenset[str]:
    """`words` and `extra`, each word of `extra` with an apostrophe under both ("l'" and "l’",
    "i'm" and "i’m"), so that a token (or its elided start) is found as it is written. One
    object for the same two sets: the classifier's memo tables are keyed by it, and a frozenset
    keeps its hash."""
    if not extra:
        return words
    added = set(extra)
    for word in extra:  # "l'" and "l’", "i'm" and "i’m"
        added.update(word.replace("'", mark).replace("\u2019", mark) for mark in APOSTROPHES)
    added -= words
    return words | added if added else words
