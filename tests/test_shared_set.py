"""The RE2 sets of a pipeline must answer every phrase list exactly as the list's own set does."""

from __future__ import annotations

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.core.memo import TEXTS
from dechaff.engine.pipeline import Pipeline
from dechaff.engine.rulebook import load_book
from dechaff.ruleset import patterns
from dechaff.ruleset.loader import RuleBook
from dechaff.ruleset.patterns import (
    Phrase,
    PhraseSet,
    RegexSet,
    SharedSet,
    compiled_set,
    counted,
    counted_set,
    literal_start,
    user_regex,
)
from dechaff.text.normalise import fold, normalise_line

from conftest import SHARED


def phrase_sets(pipeline: Pipeline) -> list[PhraseSet]:
    return [phrases for cleaner in pipeline.cleaners for phrases in cleaner.phrase_sets]


_FR_SETS = phrase_sets(Pipeline(load_book(None).cascade("fr", None)))
_MADE_UP = [
    "Accepter les cookies",
    "Lire aussi : le tram 9 prolongé",
    "Photo : AFP",
    "© AFP 2023 Daphné BENOIT",
    "Par Jean Dupont",
    "Publié le 12/03/2023 à 10h",
    "Vos réactions",
    "0",
    "Partager",
    "Accueil > Monde > Europe",
    "Read more",
    "La Région bruxelloise a confirmé mardi le prolongement de la ligne de tram 9.",
]


def _pipelines(book: RuleBook) -> list[Pipeline]:
    sites = [None, *book.sites]
    return [Pipeline(book.cascade(lang, site)) for lang in ["und", *book.langs] for site in sites]


def _own_answer(phrases: PhraseSet, text: str) -> object:
    own = phrases._set.matches(text)
    return phrases.phrases[own[0]] if own else None


def _lines() -> list[str]:
    texts = list(_MADE_UP)
    for folder in (SHARED / "seeds", SHARED / "devset" / "dumps"):
        for path in sorted(folder.glob("*.txt"))[:60] if folder.is_dir() else ():
            texts.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
    return [fold(x) for x in (normalise_line(t) for t in texts) if x]


def test_every_list_answers_as_its_own_set(book: RuleBook) -> None:
    lines = _lines()
    for pipeline in _pipelines(book):
        sets = phrase_sets(pipeline)
        assert sets and all(s._shared is not None for s in sets if s.phrases)
        for text in lines:
            for phrases in sets:
                assert phrases.first(text) == _own_answer(phrases, text), (text, phrases.phrases[:1])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab c©:>0Ol'-é|/"), max_size=30) | st.sampled_from(_MADE_UP))
def test_random_text(text: str) -> None:
    for phrases in _FR_SETS:
        assert phrases.first(text) == _own_answer(phrases, text)


def test_long_lines_use_each_lists_own_set(book: RuleBook) -> None:
    pipeline = Pipeline(book.cascade("fr", None))
    long_line = "Accepter les cookies " + "x" * SharedSet.MAX_CHARS
    assert pipeline.shared.matches("Accepter les cookies")
    before = len(pipeline.shared._cache)
    for phrases in phrase_sets(pipeline):
        assert phrases.first(long_line) == _own_answer(phrases, long_line)
    assert len(pipeline.shared._cache) == before


def test_the_cache_stays_bounded(book: RuleBook) -> None:
    shared = Pipeline(book.cascade("fr", None)).shared
    for i in range(TEXTS + 10):
        shared.matches(f"ligne {i}")
    assert len(shared._cache) <= TEXTS


def test_clearing_the_memo_tables_changes_no_answer(book: RuleBook) -> None:
    from dechaff.core.memo import clear_all

    shared = Pipeline(book.cascade("fr", None)).shared
    before = [shared.matches(text) for text in _MADE_UP]
    clear_all()
    assert not shared._cache
    assert [shared.matches(text) for text in _MADE_UP] == before


def test_counted_patterns_are_a_set_of_their_own(book: RuleBook) -> None:
    """A counter ({0,60}) multiplies the DFA states of every pattern it shares a set with, unless
    it sits behind a literal at the line's start: the shipped French cascade has both kinds, and
    no RE2 set mixes them."""
    pipeline = Pipeline(book.cascade("fr", None))
    sources = [p.regex.pattern for s in phrase_sets(pipeline) for p in s.phrases]
    regexes = [p.regex for s in phrase_sets(pipeline) for p in s.phrases]
    kinds = [{counted_set(regexes[k]) for k in indices} for _, indices in pipeline.shared._sets]
    assert sorted(len(k) for k in kinds) == [1, 1] and set().union(*kinds) == {True, False}
    assert sorted(k for _, indices in pipeline.shared._sets for k in indices) == list(range(len(sources)))
    plain = next(
        indices for (_, indices), kind in zip(pipeline.shared._sets, kinds, strict=True) if kind == {False}
    )
    assert any(counted(sources[k]) for k in plain)  # a counter behind a literal stays with the plain ones


def test_a_set_is_compiled_once_for_every_pipeline_with_its_patterns(book: RuleBook) -> None:
    """Compiling a counted set was most of a pipeline's start (45 of 60 ms in French): two
    pipelines with the same patterns use the one compiled set, other patterns never do, and a set
    no pipeline holds any more is let go."""
    first, again, german, spanish = (Pipeline(book.cascade(lang, None)) for lang in ("fr", "fr", "de", "es"))
    mine = [compiled for compiled, _ in first.shared._compiled]
    assert len(mine) == 2
    assert all(a is b for a, b in zip(mine, [c for c, _ in again.shared._compiled], strict=True))
    (plain, _), (heavy, _) = german.shared._compiled
    (other_plain, _), (other_heavy, _) = spanish.shared._compiled
    assert plain is not mine[0] and heavy is mine[1]  # German phrases; the default file's counted ones
    assert plain is not other_plain and heavy is other_heavy
    made = compiled_set(("a made-up pattern no rule file has",), 1 << 20)
    assert compiled_set(("a made-up pattern no rule file has",), 1 << 20) is made
    assert compiled_set(("a made-up pattern no rule file has",), 2 << 20) is not made
    key = (1 << 20, ("a made-up pattern no rule file has",))
    assert key in patterns._COMPILED
    del made
    gc.collect()
    assert key not in patterns._COMPILED


def test_every_shipped_cascade_shares_one_counted_set(book: RuleBook) -> None:
    """The languages' and sites' own counters all sit behind a literal at the line's start, so
    every shipped cascade's counted set is the default file's, compiled once a process: the
    eight cascades of `Engine.warm` compiled in 0.49 s, now 0.13."""
    pipelines = _pipelines(book)
    assert len({id(p.shared._compiled[-1][0]) for p in pipelines}) == 1
    assert len({id(p.shared._compiled[0][0]) for p in pipelines}) > 1


def test_a_large_counter_behind_a_literal_goes_to_the_counted_set(book: RuleBook) -> None:
    """`^auteur : \\w{1,25}...` starts with a literal but compiles to 120,000 instructions: in the
    plain set (a quarter of the budget) it would leave little room for the others."""
    heavy = user_regex(r"^auteur : \w{1,25}( \w{1,25}){0,3}$", "rules/x.yaml", 1, ignore_case=True)
    light = user_regex(r"^auteur : .{1,25}$", "rules/x.yaml", 2)
    assert counted(heavy.pattern) and literal_start(heavy.pattern) and counted_set(heavy)
    assert counted(light.pattern) and not counted_set(light)
    extra = PhraseSet(
        [Phrase("auteur", heavy, "rules/x.yaml", 1), Phrase("auteur", light, "rules/x.yaml", 2)]
    )
    french = [PhraseSet(s.phrases) for s in phrase_sets(Pipeline(book.cascade("fr", None)))]
    shared = SharedSet([*french, extra])  # in the plain set, the heavy one did not compile
    assert extra.first(fold("Auteur : Jean Dupont")) is not None
    assert shared.size == sum(len(s.phrases) for s in french) + 2


def test_small_counters_that_overfill_the_plain_set_go_to_the_counted_one(book: RuleBook) -> None:
    """Each `^auteur N : .{1,150}$` is small and starts with a literal, but four hundred of them are
    more than the plain set's budget holds: the cascade still compiles, every counter in the
    counted set, with the same answers."""
    regexes = [user_regex(rf"^auteur {k} : .{{1,150}}$", "rules/x.yaml", k) for k in range(400)]
    assert not any(counted_set(regex) for regex in regexes)
    extra = PhraseSet([Phrase("auteur", regex, "rules/x.yaml", k) for k, regex in enumerate(regexes)])
    french = [PhraseSet(s.phrases) for s in phrase_sets(Pipeline(book.cascade("fr", None)))]
    shared = SharedSet([*french, extra])
    sources = [p.regex.pattern for s in (*french, extra) for p in s.phrases]
    (_, plain), (_, heavy) = shared._sets
    assert not any(counted(sources[k]) for k in plain) and all(counted(sources[k]) for k in heavy)
    found = extra.first(fold("auteur 42 : Jean Dupont"))
    assert found is not None and found.line == 42


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"[^/]{0,60} / AFP", True),
        (r"\p{Nd}{4}", True),
        (r"a{2,}", True),
        (r"a\\{1,2}", True),  # an escaped backslash, then a counter
        (r"a\{1,2}", False),  # an escaped brace
        (r"\\\{3}", False),
        (r"\x{41}", False),
        (r"\p{Nd}", False),
        (r"x{,5}", False),  # RE2 reads both as text
        (r"x{}", False),
        (r"(?i)^Menu$", False),
    ],
)
def test_what_counts_as_a_counted_repetition(pattern: str, expected: bool) -> None:
    assert counted(pattern) is expected


def test_the_shipped_cascades_compile_at_the_smallest_documented_budget(
    book: RuleBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """memo.py says the sets compile from 8 MB of `DFA_BYTES` (a quarter of it for the plain set)."""
    monkeypatch.setattr(SharedSet, "MAX_MEM", 8 << 20)
    for pipeline in _pipelines(book):
        assert pipeline.shared.matches(fold("Accepter les cookies")) is not None


def test_a_list_too_big_for_one_set_is_answered_pattern_by_pattern() -> None:
    """Patterns that each compile may overfill RE2's budget together (a Unicode class copied by a
    counter, three times): the list still answers, and again (a set whose Compile failed, kept
    and asked, crashed the process)."""
    sources = [r"[.!?] [\p{Lu}][^\p{Ll}/|]{1,60} ?/ ?[\p{Lu}][^\p{Ll}/]{1,30}" + f"{k}$" for k in range(3)]
    regex_set = RegexSet([patterns.compile_re2(source, "list.yaml", 1) for source in sources * 4])
    for _ in range(2):
        assert regex_set.matches("Une photo. JEAN DUPONT / AFP1") == [1, 4, 7, 10]
        assert regex_set.matches("Une photo. Jean Dupont / AFP1") == []
    assert regex_set._set is False  # twelve: too many even at four times RE2's budget


def test_a_list_over_re2s_default_budget_gets_four_times_it() -> None:
    """A list that overfills RE2's default budget (three such patterns) is one set at four times it,
    not a search per pattern: the French pack's ui_tokens shapes sit at the default's edge."""
    sources = [r"[.!?] [\p{Lu}][^\p{Ll}/|]{1,60} ?/ ?[\p{Lu}][^\p{Ll}/]{1,30}" + f"{k}$" for k in range(3)]
    regex_set = RegexSet([patterns.compile_re2(source, "list.yaml", 1) for source in sources])
    assert regex_set.matches("Une photo. JEAN DUPONT / AFP1") == [1]
    assert regex_set._set is not False


def test_patterns_that_overfill_both_sets_are_asked_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule file's heavy patterns (`rules lint` warns of each) may overfill both shared sets: the
    cascade then asks them one at a time, with the same answers (it used to fail every document of
    the site with RE2's "failed to compile Set")."""
    monkeypatch.setattr(SharedSet, "MAX_MEM", 8 << 20)
    sources = [r"[.!?] [\p{Lu}][^\p{Ll}/|]{1,60} ?/ ?[\p{Lu}][^\p{Ll}/]{1,30}" + f"{k}$" for k in range(6)]
    phrases = PhraseSet(
        [Phrase(s, patterns.compile_re2(s, "site.yaml", k), "site.yaml", k) for k, s in enumerate(sources)]
    )
    shared = SharedSet([phrases])
    assert shared._one_by_one
    texts = ["Une photo. JEAN DUPONT / AFP3", "Une photo. Jean Dupont / AFP3", "Le texte."]
    assert [shared.matches(t) for t in texts] == [(3,), (), ()]
    assert phrases.first(texts[0]) is phrases.phrases[3]
    assert shared.quiet(texts) == frozenset(texts[1:])
