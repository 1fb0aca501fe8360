"""jusText's stop-word lists, loaded once per language and shared by every cleaner.

The lists are read from jusText's package folder without importing jusText (which loads lxml
and its HTML machinery: a text-only run never needs them).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

# ISO 639-1 code -> jusText stoplist name, for languages whose pack does not say it.
_BY_CODE = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "pl": "Polish",
    "el": "Greek",
    "sv": "Swedish",
    "no": "Norwegian_Bokmal",
    "da": "Danish",
    "fi": "Finnish",
    "is": "Icelandic",
    "tr": "Turkish",
    "cs": "Czech",
    "sk": "Slovak",
    "hu": "Hungarian",
    "ro": "Romanian",
    "uk": "Ukrainian",
    "bg": "Bulgarian",
    "hr": "Croatian",
    "sl": "Slovenian",
    "sr": "Serbian",
    "ca": "Catalan",
    "et": "Estonian",
    "lv": "Latvian",
    "lt": "Lithuanian",
    "id": "Indonesian",
    "ms": "Malay",
    "vi": "Vietnamese",
    "ar": "Arabic",
    "fa": "Persian",
    "he": "Hebrew",
    "hi": "Hindi",
    "eu": "Basque",
    "gl": "Galician",
    "af": "Afrikaans",
    "sq": "Albanian",
}


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


def stoplist_for(lang: str, declared: str | None = None) -> frozenset[str]:
    """Stop words for a language code, preferring the name a language pack declares."""
    name = declared or _BY_CODE.get(lang.split("-")[0])
    return stoplist(name) if name else frozenset()
