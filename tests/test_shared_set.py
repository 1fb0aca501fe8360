"""The RE2 sets of a pipeline must answer every phrase list exactly as the list's own set does."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from dechaff.core.memo import TEXTS
from dechaff.engine.pipeline import Pipeline
from dechaff.engine.rulebook import load_book
from dechaff.ruleset import patterns
from dechaff.ruleset.loader import RuleBook
from dechaff.ruleset.patterns import (
    DFA_BYTES,
    CompiledSet,
    Phrase,
    PhraseSet,
    RegexSet,
    SharedSet,
    compiled_set,
    counted,
    heavy,
    literal_start,
    loosened,
    set_source,
    user_regex,
)
from dechaff.ruleset.widened import widened
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


def test_every_shipped_cascade_is_one_set_of_loosened_patterns(book: RuleBook) -> None:
    """Loosened, no shipped pattern keeps a large counter: each cascade is one RE2 set, in which
    the bounded counters (`{1,30}`) are unbounded, and each pattern sits in it once."""
    for pipeline in _pipelines(book):
        shared = pipeline.shared
        assert len(shared._sets) == 1 and not shared._one_by_one
        assert sorted(shared._sets[0][1]) == list(range(shared.size))
        assert shared._whole is not None  # its answers are the set's own, unmapped
        assert all(not heavy(set_source(regex.pattern)) for regex in shared._regexes)
    french = Pipeline(book.cascade("fr", None)).shared
    assert len(french._loose) > 20
    assert all(_loosened_or_widened(french._regexes[k].pattern) for k in french._loose)


def test_a_compiled_set_answers_as_the_wrapper_does_with_or_without_the_binding() -> None:
    """`CompiledSet.match` asks google-re2's binding under the wrapper when it has one: the same
    indices as the wrapper's `Match`, and the wrapper's when it has none."""
    sources = tuple(
        set_source(regex.pattern) for regex in Pipeline(load_book(None).cascade("fr", None)).shared._regexes
    )
    compiled = CompiledSet(sources, DFA_BYTES)
    assert compiled._raw is not None
    bare = CompiledSet(sources, DFA_BYTES)
    bare._raw = None
    lines = _lines()
    assert sum(bool(compiled.match(text)) for text in lines) > 100
    for text in lines:
        expected = sorted(compiled.regex_set.Match(text) or [])
        assert sorted(compiled.match(text)) == expected == sorted(bare.match(text)), text


@pytest.fixture
def unwidened(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The sets as they were before `widened`: the large classes a rule file may hold where no
    widening helps (a long alternation, `.{300}`) still need the counted set and the one-by-one
    answers, which these patterns reach only unwidened."""
    monkeypatch.setattr(patterns, "widened", lambda pattern: pattern)
    set_source.cache_clear()
    yield
    set_source.cache_clear()


def _loosened_or_widened(pattern: str) -> bool:
    return counted(pattern) or "\\p{" in pattern or "\\P{" in pattern


def test_every_shipped_unicode_class_is_widened_in_the_sets(book: RuleBook) -> None:
    """A `\\p{..}` class compiles to hundreds of UTF-8 ranges: the sets hold none (the French
    set compiled in 0.11 s with them, 0.04 s widened)."""
    widened_ones = 0
    for pipeline in _pipelines(book):
        for regex in pipeline.shared._regexes:
            source = set_source(regex.pattern)
            assert "\\p{" not in source and "\\P{" not in source, regex.pattern
            widened_ones += source != regex.pattern and "\\p{" in regex.pattern
    assert widened_ones > 100


def test_a_widened_hit_is_checked_with_the_pattern_itself() -> None:
    """`\\p{Lu}` takes the Latin letters' block whole in the set: "éx" hits `^\\p{Lu}x$` there, and
    is no answer (é is lower-case)."""
    regex = user_regex(r"^\p{Lu}x$", "rules/x.yaml", 1)
    shared = SharedSet([PhraseSet([Phrase("x", regex, "rules/x.yaml", 1)])])
    assert shared._loose == frozenset({0})
    assert shared.matches("Éx") == (0,) and shared.matches("éx") == ()
    assert shared.quiet(["éx", "Éx"]) == frozenset({"éx"})


@pytest.mark.parametrize(
    "pattern",
    [
        r"[^\p{Greek}]",  # nothing ASCII to keep excluding: the negated class would be empty
        r"[a\p{L}-z]",  # a dash beside the class: a range would be made of its neighbours
        r"[\p{L}-]x",
        r"\pL+",  # the one-letter name: left as written
        r"\p{Nope}",  # no such class (RE2 refuses the pattern anyway)
        r"(?i)[^\P{Lu}]",  # under (?i) the complement of the folded class: "a" is in it
        r"(?i:[^\p{^Ll} ])",
    ],
)
def test_what_widening_leaves_as_written(pattern: str) -> None:
    assert widened(pattern) == pattern


_WIDE_PATTERNS = [
    r"^\p{Lu}[\p{L}'.-]+ \p{Lu}\p{Ll}+$",
    r"(?i)^\p{Lu}\p{Ll}{2} \p{Nd}+$",
    r"[^()\p{Nd}\p{Lu}]+\)$",
    r"(?i)[^\p{Lu} ]x",
    r"\P{L}\p{Greek}",
    r"[\P{Cyrillic}]{2}[\p{Han}]",
    r"^\p{Latin}+ \p{N}$",
    r"^[\p{P}\p{S}]{1,3}$",
    r"[^\p{P}\p{Lm}a]{2}\p{Sc}",
    r"(?i)^[\p{Nd}\s.,:/+-]{1,4}$",
    r"(?i)[^a\p{Lu}][\P{Ll}]\P{Lu}",
]
# ASCII, and members of the classes above inside the blocks of `widened`: kept one by one there, × and
# ÷ (symbols among Latin letters), the Greek question mark, ҂ (a Cyrillic symbol), the baht sign,
# the katakana middle dot and long vowel mark (a modifier letter); in blocks taken whole for the
# digits, the Arabic-Indic and Thai ones; and
# members beyond the last block (a fullwidth digit and comma, an emoji)
_WIDE_TEXT = "aZx ()'.-1٣๓éÉßſKΩωЖж漢한×÷;҂฿・ー、$３，😀\u212aİı"


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(_WIDE_PATTERNS), st.text(alphabet=st.sampled_from(_WIDE_TEXT), max_size=8))
def test_a_widened_pattern_matches_all_the_pattern_does(pattern: str, text: str) -> None:
    assert widened(pattern) != pattern
    if re2.search(pattern, text):
        assert re2.search(widened(pattern), text)
    assert bool(
        SharedSet([PhraseSet([Phrase("p", user_regex(pattern, "x.yaml", 1), "x.yaml", 1)])]).matches(text)
    ) == bool(re2.search(pattern, text))


def test_a_loosened_hit_is_checked_with_the_pattern_itself() -> None:
    """`^x.{1,3}$` is `^x.+$` in the set: a longer line hits it there, and is no answer."""
    regex = user_regex(r"^x.{1,3}$", "rules/x.yaml", 1)
    phrases = PhraseSet([Phrase("x", regex, "rules/x.yaml", 1)])
    shared = SharedSet([phrases])
    assert shared._loose == {0}
    assert shared.matches("x12") == (0,) and shared.matches("x12345") == ()
    assert phrases.first("x12345") is None and shared.quiet(["x12345", "x1"]) == {"x12345"}


@pytest.mark.parametrize(
    ("pattern", "loose"),
    [
        (r"^\p{Lu}[\p{L}' -]{1,30} x$", r"^\p{Lu}[\p{L}' -]+ x$"),
        (r"[^/]{0,60} / AFP", r"[^/]* / AFP"),
        (r"\p{Nd}{2,4}?", r"\p{Nd}{2,}?"),
        (r"\p{Nd}{4} a{2,} \x{41}{3}", r"\p{Nd}{4} a{2,} \x{41}{3}"),  # exact and open counters stay
        (r"a\{1,2} [{1,2}] \\{1,2}", r"a\{1,2} [{1,2}] \\+"),  # an escaped brace, a class, a backslash
    ],
)
def test_what_loosening_does(pattern: str, loose: str) -> None:
    assert loosened(pattern) == loose


def test_a_quoted_counter_is_matched_as_written() -> None:
    """`\\Q{1,2}\\E` is the text `{1,2}`, not a counter: loosened, the set would never hit it."""
    source = r"^price \Q{1,2}\E$"
    phrases = PhraseSet([Phrase(source, patterns.compile_re2(source, "x.yaml", 1), "x.yaml", 1)])
    shared = SharedSet([phrases])
    assert set_source(source) == source
    assert shared.matches("price {1,2}") == (0,) and shared.quiet(["price {1,2}"]) == frozenset()


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        [r"^a.{1,3}b$", r"(?i)x[\p{L} ]{2,4}y", r"^\p{Nd}{1,2}[:h]\p{Nd}{0,2}$", r"(ab){1,2}c{0,1}$"]
    ),
    st.text(alphabet=st.sampled_from("abxyXY 12:h"), max_size=12),
)
def test_a_loosened_pattern_matches_all_the_pattern_does(pattern: str, text: str) -> None:
    if re2.search(pattern, text):
        assert re2.search(loosened(pattern), text)
    assert bool(
        SharedSet([PhraseSet([Phrase("p", user_regex(pattern, "x.yaml", 1), "x.yaml", 1)])]).matches(text)
    ) == bool(re2.search(pattern, text))


def test_a_large_counter_goes_to_a_set_of_its_own(book: RuleBook) -> None:
    """A counter still large once loosened (`\\p{L}{20,}`), not behind a literal, multiplies the
    DFA states of every pattern it shares a set with: it goes to a second set, with the same
    answers."""
    large = user_regex(r"\p{L}{20,} / AFP$", "rules/x.yaml", 1)
    extra = PhraseSet([Phrase("afp", large, "rules/x.yaml", 1)])
    french = [PhraseSet(s.phrases) for s in phrase_sets(Pipeline(book.cascade("fr", None)))]
    shared = SharedSet([*french, extra])
    (_, plain), (_, counted_ones) = shared._sets
    assert counted_ones == [shared.size - 1] and len(plain) == shared.size - 1
    assert extra.first("Anticonstitutionnellement / AFP") is not None
    assert extra.first("Courtement / AFP") is None


def test_a_set_is_compiled_once_for_every_pipeline_with_its_patterns(book: RuleBook) -> None:
    """Two pipelines with the same patterns use the one compiled set, other patterns never do, and
    a set no pipeline holds any more is let go."""
    first, again, german = (Pipeline(book.cascade(lang, None)) for lang in ("fr", "fr", "de"))
    mine = [compiled for compiled, _ in first.shared._compiled]
    assert len(mine) == 1
    assert all(a is b for a, b in zip(mine, [c for c, _ in again.shared._compiled], strict=True))
    assert german.shared._compiled[0][0] is not mine[0]
    made = compiled_set(("a made-up pattern no rule file has",), 1 << 20)
    assert compiled_set(("a made-up pattern no rule file has",), 1 << 20) is made
    assert compiled_set(("a made-up pattern no rule file has",), 2 << 20) is not made
    key = (1 << 20, ("a made-up pattern no rule file has",))
    assert key in patterns._COMPILED
    del made
    gc.collect()
    assert key not in patterns._COMPILED


@pytest.mark.usefixtures("unwidened")
def test_a_large_counter_behind_a_literal_goes_to_the_counted_set(book: RuleBook) -> None:
    """`^auteur : \\w{25}...` starts with a literal but compiles to some 67,000 instructions: with
    the others it would leave them little room. `^auteur : .{1,25}$` loosened holds no counter."""
    large = user_regex(r"^auteur : \w{25}( \w{25})?$", "rules/x.yaml", 1, ignore_case=True)
    light = user_regex(r"^auteur : .{1,25}$", "rules/x.yaml", 2)
    assert literal_start(large.pattern) and heavy(set_source(large.pattern))
    assert counted(light.pattern) and not counted(set_source(light.pattern))
    extra = PhraseSet(
        [Phrase("auteur", large, "rules/x.yaml", 1), Phrase("auteur", light, "rules/x.yaml", 2)]
    )
    french = [PhraseSet(s.phrases) for s in phrase_sets(Pipeline(book.cascade("fr", None)))]
    shared = SharedSet([*french, extra])
    assert [indices for _, indices in shared._sets][1] == [shared.size - 2]
    assert extra.first("auteur : Jean Dupont").regex is light
    assert shared.size == sum(len(s.phrases) for s in french) + 2


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


@pytest.mark.usefixtures("unwidened")
def test_light_counters_that_overfill_the_plain_set_go_to_the_counted_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With a large counter beside them, nineteen `^auteur N : \\p{L}{4} \\p{L}{4}$` (light, behind a
    literal) overfill the plain set's quarter of 32 MB: every counter goes to the counted set, and
    the answers are the same."""
    monkeypatch.setattr(SharedSet, "MAX_MEM", 32 << 20)
    sources = [r"\p{L}{20,} / AFP$", *(rf"^auteur {k} : \p{{L}}{{4}} \p{{L}}{{4}}$" for k in range(1, 20))]
    sources += [f"^menu {k}$" for k in range(5)]
    phrases = PhraseSet([Phrase(s, user_regex(s, "x.yaml", k), "x.yaml", k) for k, s in enumerate(sources)])
    shared = SharedSet([phrases])
    (_, plain), (_, heavy_ones) = shared._sets
    assert [sources[k] for k in plain] == sources[20:] and heavy_ones == list(range(20))
    assert [
        phrases.first(t).line for t in ("auteur 12 : abcd efgh", "menu 3", "Aaaaaaaaaaaaaaaaaaaaaa / AFP")
    ] == [12, 23, 0]


def test_the_shipped_cascades_compile_at_the_smallest_documented_budget(
    book: RuleBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """memo.py says every shipped cascade is compiled into its set from 16 MB of `DFA_BYTES`
    (bounded, the French one needed 64 MB; below that it was asked one pattern at a time)."""
    monkeypatch.setattr(SharedSet, "MAX_MEM", 16 << 20)
    for pipeline in _pipelines(book):
        assert pipeline.shared._sets and not pipeline.shared._one_by_one
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


@pytest.mark.usefixtures("unwidened")
def test_patterns_that_overfill_both_sets_are_asked_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule file's heavy patterns (`rules lint` warns of each) may overfill both shared sets: the
    cascade then asks them one at a time, with the same answers (it used to fail every document of
    the site with RE2's "failed to compile Set")."""
    monkeypatch.setattr(SharedSet, "MAX_MEM", 8 << 20)
    sources = [r"[.!?] [\p{Lu}][^\p{Ll}/|]{20,60} ?/ ?[\p{Lu}][^\p{Ll}/]{10,30}" + f"{k}$" for k in range(8)]
    phrases = PhraseSet(
        [Phrase(s, patterns.compile_re2(s, "site.yaml", k), "site.yaml", k) for k, s in enumerate(sources)]
    )
    shared = SharedSet([phrases])
    assert shared._one_by_one
    texts = [
        "Une photo. JEAN-PIERRE DE LA FONTAINE / AGENCE FRANCE3",
        "Une photo. Jean Dupont / AFP3",
        "Le texte.",
    ]
    assert [shared.matches(t) for t in texts] == [(3,), (), ()]
    assert phrases.first(texts[0]) is phrases.phrases[3]
    assert shared.quiet(texts) == frozenset(texts[1:])


def _list(*sources: str) -> PhraseSet:
    return PhraseSet([Phrase(s, user_regex(s, "x.yaml", k), "x.yaml", k) for k, s in enumerate(sources, 1)])


def test_touches_answers_as_the_lists_do() -> None:
    """Whether a gate list matches a line, as `PhraseSet.first` answers: the set's own answer for a
    text it takes, a text too long for it (asked of each list) may match, a quiet one never does."""
    banner, other, empty = _list("cookies"), _list("^partager$"), _list()
    shared = SharedSet([banner, other, empty])
    gate = shared.indices([banner, empty])
    assert gate == frozenset({0})  # an empty list matches nothing: no index, still a gate
    assert shared.indices([other]) == frozenset({1})
    texts = ["partager", "nous utilisons des cookies", "le tram"]
    assert shared.touches(texts, frozenset(), gate)
    assert not shared.touches(texts[::2], frozenset(), gate)  # "partager" is the other list's
    assert not shared.touches(texts[1:2], frozenset(texts[1:2]), gate)  # told quiet: not asked
    long = "x " * SharedSet.MAX_CHARS
    assert not shared.touches([long], frozenset(), frozenset())  # no index to match...
    assert shared.touches([long], frozenset(), gate)  # ...else too long for the set: it may
    assert banner.first(fold("cookies " + long)) is not None  # (it does: its list's own set says so)


def test_a_list_another_set_answers_is_no_gate() -> None:
    mine, theirs = _list("cookies"), _list("cookies")
    SharedSet([theirs])
    shared = SharedSet([mine])
    assert shared.indices([mine]) == frozenset({0})
    assert shared.indices([mine, theirs]) is None  # asked of another set: not this one's to say
    assert shared.indices([_list("a")]) is None  # asked of its own set
