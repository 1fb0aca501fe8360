"""Exact and near duplicates: planted copies, shuffled paragraphs and changed dates are found,
distinct articles on the same story are not merged, and the clusters do not depend on order or
on the number of workers."""

from __future__ import annotations

import random
import re
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dechaff.cleaners import PARAM_SPECS
from dechaff.cli import main
from dechaff.core.sections import DedupConfig
from dechaff.quality import dedup
from dechaff.quality.dedup import (
    Candidates,
    Duplicate,
    Signature,
    Signatures,
    exact_hash,
    find_duplicates,
    hashed_jaccard,
    lsh_bands,
    minhash,
    shingle_hashes,
    shingles,
    signature_of,
)
from dechaff.ruleset.loader import load_rulebook

from conftest import ROOT, rules_copy

CONFIG = DedupConfig()


def jaccard(a: set[str], b: set[str]) -> float:
    """The Jaccard similarity of two shingle sets, the reference `hashed_jaccard` is held to."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _dups(texts: dict[str, str], config: DedupConfig = CONFIG) -> dict[str, Duplicate]:
    prints = {doc_id: signature_of(text, config) for doc_id, text in texts.items()}
    return find_duplicates(prints, texts.__getitem__, config)


def test_shingles_by_hand() -> None:
    # Line 1, lowercased, digits masked: "le 00 mai 0000 paris vote" -> 6 words, so 2 shingles of 5;
    # line 2 has 2 words (fewer than 5): one shingle of the whole line.
    assert shingles("Le 12 mai 2024 Paris vote\nFin. Merci", 5) == {
        "le 00 mai 0000 paris",
        "00 mai 0000 paris vote",
        "fin merci",
    }


def test_exact_hash_folds_case_and_spacing_only() -> None:
    assert exact_hash("Le Budget\n\nest voté.\n") == exact_hash("le  budget est VOTÉ.")
    assert exact_hash("Le budget est voté.") != exact_hash("Le budget est voté !")
    assert exact_hash("Le 12 mai") != exact_hash("Le 13 mai")  # digits count for exact copies


def test_hashed_jaccard_by_hand() -> None:
    # {1 2 3 4} vs {2 3 4 5}: 3 shared of 5 in the union
    a, b, none = (np.array(v, dtype=np.uint64) for v in ([1, 2, 3, 4], [2, 3, 4, 5], []))
    assert hashed_jaccard(a, b) == pytest.approx(3 / 5)
    assert hashed_jaccard(a, a) == 1.0 and hashed_jaccard(a, none) == 0.0
    assert hashed_jaccard(none, none) == 0.0


def _article(seed: int) -> str:
    """Ten lines of 12 words used nowhere else plus a date: 16 tokens, so 12 shingles of 5 per line."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "".join(
        " ".join(f"w{letters[seed]}{letters[i]}{letters[j]}" for j in range(12))
        + f" le {i + 1} mai 2024.\n\n"
        for i in range(10)
    )


def test_planted_duplicates_in_memory() -> None:
    a, b, c = _article(1), _article(2), _article(3)
    paragraphs = a.strip().split("\n\n")
    texts = {
        "a": a,
        "a_copy": a.upper(),  # exact once case is folded
        "a_shuffled": "\n\n".join(reversed(paragraphs)) + "\n",
        "b": b,
        "b_dates": re.sub(r"\d", "7", b),  # digits masked: the same shingles
        "c": c,
    }
    assert _dups(texts) == {
        "a": Duplicate("a", None),
        "a_copy": Duplicate("a", "a"),
        "a_shuffled": Duplicate("a", "a"),
        "b": Duplicate("b", None),
        "b_dates": Duplicate("b", "b"),
    }


def test_a_pair_below_the_threshold_is_not_merged() -> None:
    a = _article(4)
    paragraphs = a.strip().split("\n\n")
    # Replace 2 of 10 lines: 8 shared lines of 12 shingles -> 96 shared, 144 in the union
    # (120 + 24 new), Jaccard 2/3, under 0.8 whatever the LSH proposes; at 0.6 it is merged.
    other = "\n\n".join([*paragraphs[:8], *_article(5).strip().split("\n\n")[:2]]) + "\n"
    assert len(shingles(a, 5)) == 120
    assert jaccard(shingles(a, 5), shingles(other, 5)) == pytest.approx(96 / 144)
    assert _dups({"a": a, "b": other}) == {}
    assert _dups({"a": a, "b": other}, DedupConfig(threshold=0.6)) == {
        "a": Duplicate("a", None),
        "b": Duplicate("a", "a"),
    }


def test_an_lsh_candidate_is_checked_on_true_jaccard() -> None:
    # Same signature (as a hash collision would give), different texts: proposed, then rejected.
    texts = {"a": _article(6), "b": _article(7)}
    signature = signature_of(texts["a"], CONFIG).minhash
    prints = {doc_id: Signature(exact_hash(text), signature) for doc_id, text in texts.items()}
    assert find_duplicates(prints, texts.__getitem__, CONFIG) == {}


def test_signatures_are_datasketchs() -> None:
    # The vendored MinHash must give datasketch's affine32 values bit for bit (signatures made by
    # either are comparable), on texts of many shapes: empty, one shingle, many, non-Latin.
    datasketch = pytest.importorskip("datasketch")
    texts = ["", "un mot", _article(1), _article(2) * 3, "東京では、きょう雨が降りました。\nΑθήνα 12 μαΐου"]
    texts.append(
        " ".join(f"mot{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}" for i in range(3000))
    )
    for config in (CONFIG, DedupConfig(num_perm=64, seed=7, shingle_words=3)):
        for text in texts:
            items = shingles(text, config.shingle_words)
            reference = datasketch.MinHash(config.num_perm, config.seed, scheme="affine32")
            reference.update_batch([s.encode() for s in items])
            ours = minhash(items, config)
            assert ours.dtype == reference.hashvalues.dtype
            assert ours.tolist() == reference.hashvalues.tolist()
            # and from the text, as a run signs it (its shingles cut and hashed in C where built)
            assert signature_of(text, config).minhash.tolist() == reference.hashvalues.tolist()


def test_a_long_page_signs_in_little_memory() -> None:
    # the minimum over 20,000 shingles taken a block at a time: one 20,000 x 128 matrix and its
    # temporaries were 30 MiB at once, the peak a worker showed on a long page
    items = {f"shingle {k}" for k in range(20_000)}
    minhash(items, CONFIG)  # the permutations, made once
    tracemalloc.start()
    try:
        signature = minhash(items, CONFIG)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20
    assert signature.tolist() == minhash(sorted(items), CONFIG).tolist()


def _template_pages(count: int, own_lines: int, seed: int) -> dict[str, str]:
    """Pages of 60 shared lines of 20 random words and `own_lines` of their own: each page is an
    LSH candidate of the others."""
    words = random.Random(seed)
    vocabulary = [f"{words.choice('bcdfgklmnprst')}{words.randrange(10**6)}" for _ in range(20_000)]

    def line() -> str:
        return " ".join(words.choice(vocabulary) for _ in range(20))

    shared = [line() for _ in range(60)]
    return {f"p{k:04d}": "\n".join([*shared, *(line() for _ in range(own_lines))]) for k in range(count)}


def test_shingle_hashes_give_the_jaccard_of_the_shingles() -> None:
    pages = [*_template_pages(6, 20, seed=4).values(), "", "un mot", _article(1), _article(1).upper()]
    for a in pages:
        for b in pages:
            expected = jaccard(shingles(a, 5), shingles(b, 5))
            assert hashed_jaccard(shingle_hashes(a, 5), shingle_hashes(b, 5)) == pytest.approx(expected)


def test_the_near_duplicate_check_holds_a_bounded_budget_of_shingle_hashes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Candidates' shingle hashes are held within `SHINGLE_BYTES`, the most recently used (one
    needed again is read again): the same clusters with a budget of nothing; within the budget,
    each candidate is read once however many candidates it has."""
    texts = _template_pages(40, 6, seed=3)  # Jaccard about 0.83: one cluster
    # about 0.77: each an LSH candidate of most others, none merged; more than the 256 sets of
    # strings an earlier version held, which emptied themselves on every pass over them
    texts |= {"q" + doc_id: text for doc_id, text in _template_pages(350, 9, seed=5).items()}
    prints = {doc_id: signature_of(text, CONFIG) for doc_id, text in texts.items()}
    default = dedup.SHINGLE_BYTES
    reads: list[str] = []

    def text_of(doc_id: str) -> str:
        reads.append(doc_id)
        return texts[doc_id]

    def clusters(budget: int, ids: list[str]) -> dict[str, Duplicate]:
        monkeypatch.setattr(dedup, "SHINGLE_BYTES", budget)
        reads.clear()
        return find_duplicates({doc_id: prints[doc_id] for doc_id in ids}, text_of, CONFIG)

    some = sorted(texts)[:60]
    held = clusters(0, some)
    assert len(reads) > len(set(reads))  # evicted, then read again
    assert held == clusters(1 << 30, some)
    everything = clusters(default, sorted(texts))
    assert set(everything) == {f"p{k:04d}" for k in range(40)}
    assert len(reads) == len(set(reads)) > 300


def test_lsh_bands_are_datasketchs() -> None:
    # The same (bands, rows) as datasketch's MinHashLSH picks, so LSH proposes the same pairs.
    lsh = pytest.importorskip("datasketch.lsh")
    for num_perm in (16, 64, 128, 256):
        for threshold in (0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
            assert lsh_bands(threshold, num_perm) == lsh._optimal_param(threshold, num_perm, 0.5, 0.5)


def test_lsh_candidates_are_datasketchs() -> None:
    # Signatures agreeing on some bands and not others (copies with a few values changed, so
    # random bands differ), plus unrelated ones: each document's candidates are what
    # datasketch's MinHashLSH.query returns for it, itself left out.
    datasketch = pytest.importorskip("datasketch")
    rng = np.random.default_rng(5)
    bases = [rng.integers(0, 2**32, CONFIG.num_perm, dtype=np.uint32) for _ in range(6)]
    prints = {}
    for k in range(60):
        values = bases[k % 6].copy()
        changed = rng.choice(CONFIG.num_perm, size=int(rng.integers(0, 40)), replace=False)
        values[changed] = rng.integers(0, 2**32, len(changed), dtype=np.uint32)
        prints[f"d{k:02d}"] = Signature(f"h{k}", values)
    index = datasketch.MinHashLSH(threshold=CONFIG.threshold, num_perm=CONFIG.num_perm)
    lean = {
        i: datasketch.LeanMinHash(seed=CONFIG.seed, hashvalues=s.minhash, scheme="affine32")
        for i, s in prints.items()
    }
    for doc_id, sketch in lean.items():
        index.insert(doc_id, sketch)
    ours = Candidates(prints, CONFIG)
    assert sum(len(ours.of(i)) for i in prints) > 60  # some bands shared, not all
    for doc_id, sketch in lean.items():
        assert ours.of(doc_id) == set(index.query(sketch)) - {doc_id}


def test_a_run_holds_its_signatures_in_arrays_that_give_them_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """`Signatures` gives back each signature as added, across blocks of rows, and LSH
    candidates read from it are those read from the same signatures as objects."""
    monkeypatch.setattr(Signatures, "BLOCK", 3)
    rng = np.random.default_rng(8)
    bases = [rng.integers(0, 2**32, CONFIG.num_perm, dtype=np.uint32) for _ in range(3)]
    prints = {}
    for k in range(11):
        values = bases[k % 3].copy()
        values[rng.choice(CONFIG.num_perm, size=int(rng.integers(0, 10)), replace=False)] = 7
        prints[f"d{(k * 7) % 11:02d}"] = Signature(exact_hash(str(k % 4)), values)
    store = Signatures(CONFIG.num_perm)
    for doc_id, signature in prints.items():
        store.add(doc_id, signature)
    store.add("d00", Signature(exact_hash("other"), bases[0]))  # an id again: the first is kept
    assert list(store) == list(prints) and len(store) == 11 and "d00" in store and "x" not in store
    for doc_id, signature in prints.items():
        assert store[doc_id].exact == store.exact(doc_id) == signature.exact
        assert store[doc_id].minhash.tolist() == signature.minhash.tolist()
    assert store.exact("x") is None
    order = sorted(prints, reverse=True)
    expected = np.stack([prints[i].minhash[5:18] for i in order])
    assert store.columns(order, 5, 18).tolist() == expected.tolist()
    ours, theirs = Candidates(store, CONFIG), Candidates(prints, CONFIG)
    assert sum(len(ours.of(i)) for i in prints) > 11
    assert all(ours.of(i) == theirs.of(i) for i in prints)
    assert Signatures.of(store, CONFIG.num_perm) is store
    with pytest.raises(ValueError, match="d99"):
        store.add("d99", Signature("not hex", bases[0]))
    with pytest.raises(ValueError, match="d99"):
        store.add("d99", Signature(exact_hash("x"), bases[0][:5]))


def test_clusters_do_not_depend_on_order() -> None:
    texts = {f"d{n}": _article(n % 3) for n in range(6)}  # three pairs of copies
    forward = _dups(texts)
    backward = _dups(dict(reversed(list(texts.items()))))
    assert forward == backward
    assert {d.cluster for d in forward.values()} == {"d0", "d1", "d2"}


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed articles (one story, five outlets: distinct) cleaned, plus planted copies."""
    clean = tmp_path_factory.mktemp("clean")
    assert main(["run", str(ROOT / "seeds"), "--out", str(clean)]) == 0
    text = {p.stem: p.read_text(encoding="utf-8") for p in sorted((clean / "text").glob("*.txt"))}
    assert len(text) == 5
    corpus = tmp_path_factory.mktemp("corpus")
    for doc_id, body in text.items():
        (corpus / f"{doc_id}.txt").write_text(body, encoding="utf-8")
    first, second, _, fourth, fifth = text
    (corpus / "0000_exact.txt").write_text(text[first], encoding="utf-8")  # sorts before its original
    paragraphs = text[second].strip().split("\n\n")
    (corpus / f"{second}_shuffled.txt").write_text("\n\n".join(reversed(paragraphs)) + "\n", encoding="utf-8")
    (corpus / f"{fourth}_spacing.txt").write_text(text[fourth].replace(" ", "  "), encoding="utf-8")
    dated = text[fifth].replace("2021", "2024").replace("2017", "2019").replace("vendredi", "jeudi")
    assert dated != text[fifth]
    (corpus / f"{fifth}_dates.txt").write_text(dated, encoding="utf-8")
    return corpus


@pytest.mark.parametrize("workers", [1, 2])
def test_planted_duplicates_found_with_any_worker_count(planted: Path, tmp_path: Path, workers: int) -> None:
    out = tmp_path / "out"
    assert main(["run", str(planted), "--out", str(out), "--workers", str(workers)]) == 0
    meta = pd.read_parquet(out / "metadata.parquet").set_index("id").sort_index()
    assert (meta["status"] == "ok").all()
    got = {
        doc_id: (row["dup_cluster"], None if pd.isna(row["dup_of"]) else row["dup_of"])
        for doc_id, row in meta.iterrows()
        if not pd.isna(row["dup_cluster"])
    }
    first, second, third, fourth, fifth = sorted(
        i for i in meta.index if re.fullmatch(r"\d{3}_[0-9a-f]{16}", i)
    )
    assert got == {
        "0000_exact": ("0000_exact", None),
        first: ("0000_exact", "0000_exact"),
        second: (second, None),
        f"{second}_shuffled": (second, second),
        fourth: (fourth, None),
        f"{fourth}_spacing": (fourth, fourth),
        fifth: (fifth, None),
        f"{fifth}_dates": (fifth, fifth),
    }
    assert third not in got  # the five articles tell one story but are no duplicates
    assert meta.loc["0000_exact", "exact_hash"] == meta.loc[first, "exact_hash"]
    assert meta["exact_hash"].notna().all()


def test_the_default_rule_file_sets_the_parameters(tmp_path: Path) -> None:
    root = rules_copy(tmp_path, default_extra="dedup:\n  threshold: 0.6\n  shingle_words: 3\n")
    book = load_rulebook(root, PARAM_SPECS)
    assert DedupConfig.from_section(book.default.dedup) == DedupConfig(shingle_words=3, threshold=0.6)
    assert DedupConfig.from_section(None) == DedupConfig()
