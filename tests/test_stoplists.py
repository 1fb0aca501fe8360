"""The stop-word lists, read from jusText's folder without importing it, are jusText's own."""

from __future__ import annotations

import justext

from dechaff.text.stoplists import _BY_CODE, stoplist, stoplist_for, with_words


def test_every_list_is_justexts() -> None:
    names = sorted(justext.get_stoplists())
    assert len(names) > 50
    for name in names:
        assert stoplist(name) == frozenset(w.lower() for w in justext.get_stoplist(name)), name


def test_unknown_or_unsafe_names_give_no_list() -> None:
    assert stoplist("Klingon") == frozenset()
    assert stoplist("../stoplists/English") == frozenset()
    assert stoplist_for("xx") == frozenset()
    assert "the" in stoplist_for("en")


def test_every_list_has_a_language_code() -> None:
    # every list jusText ships is reachable from a language code (its own, or via a pack);
    # Simple_English and the Taraskievica orthography of Belarusian are variants of mapped ones
    named = set(_BY_CODE.values())
    assert set(justext.get_stoplists()) - named == {"Simple_English", "Belarusian_Taraskievica"}
    assert stoplist_for("ko") and stoplist_for("pt") and stoplist_for("ta")


def test_a_pack_adds_words_and_elided_forms_under_both_apostrophes() -> None:
    french = stoplist_for("fr")
    extra = frozenset({"vous", "l'", "qu’", "de"})
    merged = stoplist_for("fr", extra=extra)
    assert merged == french | {"vous", "l'", "l’", "qu'", "qu’"}
    assert stoplist_for("fr", extra=frozenset(extra)) is merged  # one object: memo tables key on it
    assert with_words(french, frozenset()) is french


def test_a_word_with_an_apostrophe_is_found_under_both() -> None:
    merged = stoplist_for("en", extra=frozenset({"i'm", "you’re"}))
    assert {"i'm", "i’m", "you're", "you’re"} <= merged
