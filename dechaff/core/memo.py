"""Memo tables keyed by text (lines, words) register here, so they can be emptied together, and
take their size from one budget, so a process's memory stops growing once they are full.

Every table keeps at most `TEXTS` entries (the line folds, the classifier's line features, the
script counts, the pipelines' phrase-set answers taken together, langdetect's words and rows):
about 8 MB in all, full after the first fifty or so documents of a worker, after which memory
no longer depends on how many documents it cleans. (One process cleaning the dev set's 265 dumps
three times over levels off at 165, 169 and 176 MiB with 2048, 4096 and 8192 entries, for 1.3%,
0.5% and no more instructions: a table emptied more often measures a site's repeated lines
again.) An engine keeps at most `PIPELINES` compiled cascades (about 2 MB each, one per
combination of rule files met; cascades with the same phrases share one compiled RE2 set:
`patterns.CompiledSet`), and each cascade's RE2 set of phrases, its patterns loosened and widened
(`patterns.SharedSet`), has `DFA_BYTES` (RE2's `max_mem`; a rule file's large counters make a
second set, which gets three quarters of it, the plain one a quarter): a set's DFA, built as
lines come, takes what its compiled program leaves of it and then starts over. An RE2 set never
gives up when its DFA is full (it cannot fall back to another engine, so it goes on): the
answers are the same (checked on the dev set at 8, 16, 32 and 64 MB when the patterns were one
set), only slower while states are rebuilt. Over all the dev set's lines a language's DFAs
reached 0.4-1.3 MB when its bounded counters were a set of their own (8-13 MB in one set with
the others); loosened, the French cascade's one set answers them all alike from 16 MB, where
every shipped cascade still compiles (tests/test_shared_set.py), and below it is asked one
pattern at a time (bounded, it needed 64 MB). 128 MB since the twelfth session: the French
pack's plain set, grown to some 250 patterns, had
its quarter of 32 MB (8 MB) filled by its program and its DFA, and rebuilt states all along (RE2
set matching 2.7 times slower on 204 French pages); with 32 MB for it the French cascade is 12%
faster than with 8 (4.8 against 5.5 ms a page, same run) and the peak RSS of a run the same
(169 MB): the budget is a ceiling, not an allocation.

`dechaff bench` replicates a corpus to reach its size; it empties these tables between copies,
or the second copy of a page would find every one of its lines already answered, which no real
corpus does (a real one only repeats its boilerplate and its common words).
"""

from __future__ import annotations

from collections.abc import Callable

TEXTS = 4096
PIPELINES = 24
DFA_BYTES = 128 << 20

_CLEARERS: list[Callable[[], object]] = []


def on_clear(clear: Callable[[], object]) -> None:
    """Register a function that empties one memo table."""
    _CLEARERS.append(clear)


def clear_all() -> None:
    """Empty every registered memo table (answers stay the same, only slower for a while)."""
    for clear in _CLEARERS:
        clear()
