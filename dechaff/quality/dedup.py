"""Exact and near-duplicate documents across a whole run, decided by the set of texts alone.

- *Exact*: the same text once case and spacing are folded (`exact_hash`).
- *Near*: MinHash LSH (datasketch, fixed seed) over word shingles taken inside each line, on
  lowercased words with every digit masked, so reordered paragraphs and changed dates and
  numbers still match. LSH only proposes pairs; a pair is merged when the true Jaccard
  similarity of the two shingle sets reaches the threshold, so a hash collision never merges.

Clusters are the connected components of merged pairs; each is named by its smallest id, which
is the document kept. Nothing depends on the order documents were cleaned in, nor on how many
workers cleaned them: only on the (id, text) pairs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dechaff.core.sections import DedupConfig

if TYPE_CHECKING:
    from datasketch import LeanMinHash

_KANA_HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"[{_KANA_HAN}]|[^\\W{_KANA_HAN}]+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Signature:
    """What the post-pass keeps of a document: its exact hash and its MinHash signature."""

    exact: str
    minhash: LeanMinHash


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A document's cluster (its smallest id) and, unless it is that one, the id it duplicates."""

    cluster: str
    of: str | None


def exact_hash(text: str) -> str:
    """64-bit BLAKE2 of the text with case and every run of spaces or newlines folded.

    >>> exact_hash("A  b\\n\\nc") == exact_hash("a b c")
    True
    """
    folded = " ".join(text.casefold().split())
    return hashlib.blake2b(folded.encode(), digest_size=8).hexdigest()


def shingles(text: str, size: int) -> set[str]:
    """Word `size`-grams inside each line (a shorter line is one shingle), words lowercased and
    digits masked.

    >>> sorted(shingles("Le 3 mai, à Paris\\nFin", 3))
    ['0 mai à', 'fin', 'le 0 mai', 'mai à paris']
    """
    out: set[str] = set()
    for line in _DIGIT.sub("0", text.lower()).splitlines():
        words = _TOKEN.findall(line)
        if len(words) <= size:
            if words:
                out.add(" ".join(words))
            continue
        out.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return out


def signature_of(text: str, config: DedupConfig) -> Signature:
    """The exact hash and MinHash signature of one clean text (pure: safe in any worker)."""
    from datasketch import LeanMinHash, MinHash  # scipy underneath: loaded only when a run dedups

    permutations = _permutations(config.num_perm, config.seed)
    minhash = MinHash(config.num_perm, config.seed, permutations=permutations, scheme="affine32")
    minhash.update_batch([s.encode() for s in shingles(text, config.shingle_words)])
    return Signature(exact_hash(text), LeanMinHash(minhash))


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b|; 0 when both are empty (nothing to compare is not a match).

    >>> jaccard({"x", "y"}, {"y", "z"})
    0.3333333333333333
    """
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def find_duplicates(
    prints: Mapping[str, Signature], text_of: Callable[[str], str], config: DedupConfig
) -> dict[str, Duplicate]:
    """Every document in a cluster of two or more -> its Duplicate; unique documents are absent.

    `text_of` gives back a document's text to verify LSH candidates on true Jaccard (only
    candidates are read again, so a run needs no more than the signatures in memory).
    """
    from datasketch import MinHashLSH

    ids = sorted(prints)
    parent = {doc_id: doc_id for doc_id in ids}
    by_hash: dict[str, str] = {}
    for doc_id in ids:
        first = by_hash.setdefault(prints[doc_id].exact, doc_id)
        _union(parent, first, doc_id)
    lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm)
    for doc_id in ids:
        lsh.insert(doc_id, prints[doc_id].minhash)
    cache: dict[str, set[str]] = {}

    def shingles_of(doc_id: str) -> set[str]:
        if doc_id not in cache:
            cache[doc_id] = shingles(text_of(doc_id), config.shingle_words)
        return cache[doc_id]

    for doc_id in ids:
        for other in sorted(lsh.query(prints[doc_id].minhash)):
            if other <= doc_id or _find(parent, other) == _find(parent, doc_id):
                continue
            if jaccard(shingles_of(doc_id), shingles_of(other)) >= config.threshold:
                _union(parent, doc_id, other)
    return _clusters(parent, ids)


def _clusters(parent: dict[str, str], ids: Iterable[str]) -> dict[str, Duplicate]:
    members: dict[str, list[str]] = {}
    for doc_id in ids:
        members.setdefault(_find(parent, doc_id), []).append(doc_id)
    out: dict[str, Duplicate] = {}
    for root, group in members.items():
        if len(group) > 1:
            out.update({m: Duplicate(root, None if m == root else root) for m in group})
    return out


def _find(parent: dict[str, str], doc_id: str) -> str:
    while parent[doc_id] != doc_id:
        parent[doc_id] = parent[parent[doc_id]]
        doc_id = parent[doc_id]
    return doc_id


def _union(parent: dict[str, str], a: str, b: str) -> None:
    """Join two sets; the smaller id becomes the root, so a root is always its set's minimum."""
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> Any:
    """datasketch draws the permutations from the seed for every MinHash; draw them once."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed).permutations
