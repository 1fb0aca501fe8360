"""Exact and near-duplicate documents across a whole run, decided by the set of texts alone.

- *Exact*: the same text once case and spacing are folded (`exact_hash`).
- *Near*: MinHash LSH (datasketch's scheme, fixed seed) over word shingles taken inside each
  line, on lowercased words with every digit masked, so reordered paragraphs and changed dates
  and numbers still match. LSH only proposes pairs; a pair is merged when the Jaccard
  similarity of the two shingle sets reaches the threshold, so a MinHash collision never merges.
  The sets are compared as sets of 64-bit hashes of their shingles (SHA-1 prefixes; datatrove's
  MinHash reads shingles as 64-bit hashes too): 5.6 KB a page instead of 100 KB of strings,
  so every candidate of a pass fits in memory. Two distinct shingles of a pair share a hash with
  odds of about 1 in 10^13 for two pages of a thousand shingles.

The signatures and the LSH bands are datasketch's (`MinHash(scheme="affine32")`, `MinHashLSH`),
computed here with numpy alone: the same uint32 values and the same (bands, rows) choice (tested
against datasketch), without importing datasketch and scipy (0.4-0.6 s per process).

Clusters are the connected components of merged pairs; each is named by its smallest id, which
is the document kept. Nothing depends on the order documents were cleaned in, nor on how many
workers cleaned them: only on the (id, text) pairs.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

import numpy as np

from dechaff.core.compiled import twin
from dechaff.core.sections import DedupConfig
from dechaff.text.words import KANA_HAN

_TOKEN = re.compile(f"[{KANA_HAN}]|[^\\W{KANA_HAN}]+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Signature:
    """What the post-pass keeps of a document: its exact hash and its MinHash signature."""

    exact: str
    minhash: np.ndarray  # uint32 MinHash values, one per permutation


class Signatures(Mapping[str, Signature]):
    """A run's signatures (id -> Signature) in a few arrays, not objects: 8 bytes of exact hash
    and `num_perm` uint32 a document, in blocks of rows. The post-pass holds one for every kept
    document: as a dict of objects (a Signature, an array, a hex str each) that was 830 bytes a
    document, the LSH bands then copied every row again. Reading an item makes its Signature."""

    BLOCK = 4096  # rows a block

    def __init__(self, num_perm: int) -> None:
        self.num_perm = num_perm
        self._at: dict[str, int] = {}
        self._exact = bytearray()
        self._blocks: list[np.ndarray] = []

    @classmethod
    def of(cls, prints: Mapping[str, Signature], num_perm: int) -> Signatures:
        """`prints` as a Signatures (itself when it is one)."""
        if isinstance(prints, Signatures) and prints.num_perm == num_perm:
            return prints
        out = cls(num_perm)
        for doc_id, signature in prints.items():
            out.add(doc_id, signature)
        return out

    def add(self, doc_id: str, signature: Signature) -> None:
        """Hold `doc_id`'s signature (an id added again keeps its first)."""
        try:
            exact = bytes.fromhex(signature.exact)
        except ValueError:
            exact = b""
        if len(exact) != 8 or signature.minhash.shape != (self.num_perm,):
            raise ValueError(f"{doc_id}: not a signature of 8 bytes and {self.num_perm} values")
        if doc_id in self._at:
            return
        k = len(self._at)
        if k % self.BLOCK == 0:
            self._blocks.append(np.empty((self.BLOCK, self.num_perm), dtype=np.uint32))
        self._blocks[-1][k % self.BLOCK] = signature.minhash
        self._exact += exact
        self._at[doc_id] = k

    def exact(self, doc_id: str) -> str | None:
        """`doc_id`'s exact hash, None when it has no signature here."""
        k = self._at.get(doc_id)
        return None if k is None else self._exact[8 * k : 8 * k + 8].hex()

    def columns(self, doc_ids: Sequence[str], start: int, stop: int) -> np.ndarray:
        """Values `start:stop` of the signatures of `doc_ids`, a row each, in their order."""
        rows = np.fromiter((self._at[doc_id] for doc_id in doc_ids), dtype=np.int64, count=len(doc_ids))
        blocks = [block[:, start:stop] for block in self._blocks]
        return np.concatenate(blocks)[rows] if blocks else np.empty((0, stop - start), dtype=np.uint32)

    def __getitem__(self, doc_id: str) -> Signature:
        k = self._at[doc_id]
        return Signature(self._exact[8 * k : 8 * k + 8].hex(), self._blocks[k // self.BLOCK][k % self.BLOCK])

    def __contains__(self, doc_id: object) -> bool:  # (Mapping's would make the Signature)
        return doc_id in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


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
    return set(shingle_list(text, size))


def shingle_list(text: str, size: int) -> list[str]:
    """The shingles of `text` in order, repeats included (`shingles` is their set)."""
    out: list[str] = []
    for line in _DIGIT.sub("0", text.lower()).splitlines():
        words = _TOKEN.findall(line)
        if len(words) <= size:
            if words:
                out.append(" ".join(words))
            continue
        # the word at each offset zipped with the `size - 1` after it (size >= 1, the rule
        # files say so): one map, not a slice and a Python step per n-gram (15% faster)
        out.extend(map(" ".join, zip(*[words[i:] for i in range(size)], strict=False)))
    return out


def signature_of(text: str, config: DedupConfig) -> Signature:
    """The exact hash and MinHash signature of one clean text (pure: safe in any worker)."""
    return Signature(exact_hash(text), _minhash_of(_shingle_digests(text, config.shingle_words, 4), config))


def _shingle_digests(text: str, size: int, width: int) -> bytes:
    """The first `width` bytes of the SHA-1 of the text's shingles: in C, every occurrence cut and
    hashed with no str made; in Python, each distinct shingle once (a minimum, or a set of hashes,
    is the same either way). The rule files refuse a size under 1; a config made by hand with one
    gets the Python twin's answer."""
    if COMPILED and size >= 1:
        return _c.shingle_prefixes(text.lower(), size, width)  # type: ignore[no-any-return,union-attr]
    return sha1_prefixes(shingles(text, size), width)


_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


def minhash(items: Iterable[str], config: DedupConfig) -> np.ndarray:
    """datasketch's `MinHash(num_perm, seed, scheme="affine32").update_batch(utf-8 items)`
    values: SHA-1's first 4 bytes (little-endian) per item, the MurmurHash3 finalizer, then
    `a * h + b` modulo 2**32 per permutation, the minimum over items (2**32 - 1 when empty)."""
    return _minhash_of(sha1_prefixes(items), config)


def _minhash_of(digests: bytes, config: DedupConfig) -> np.ndarray:
    """`minhash` of the items whose SHA-1 prefixes `digests` holds (in any order, repeats or not:
    a minimum is the same)."""
    a, b = _permutations(config.num_perm, config.seed)
    if not digests:
        return np.full(config.num_perm, np.uint32(0xFFFFFFFF), dtype=np.uint32)
    hv = np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    # the minimum over blocks of items: a page of 7,000 shingles made a 7,000 x 128 matrix (and
    # its temporaries, 16 MiB at once) where a block's is 0.5 MiB; the same minimum
    low = (hv[:_BLOCK] * a + b).min(axis=0)
    for start in range(_BLOCK, len(hv), _BLOCK):
        np.minimum(low, (hv[start : start + _BLOCK] * a + b).min(axis=0), out=low)
    return low  # type: ignore[no-any-return]


_BLOCK = 1024  # items per block of `minhash`


def sha1_prefixes(items: Iterable[str], width: int = 4) -> bytes:
    """The first `width` bytes of each item's SHA-1 (of its UTF-8), 4: datasketch's sha1_hash32
    (0.7 us an item in hashlib's Python calls: `_shingle_digests` cuts and hashes in C where
    `_minhash` is built)."""
    return b"".join(hashlib.sha1(item.encode()).digest()[:width] for item in items)


_c = twin("dechaff.quality._minhash")  # the C twin of _shingle_digests, or None
COMPILED = _c is not None  # tests turn it off to compare the two


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations: an odd `a` and any `b` per permutation, drawn from
    `RandomState(seed)` in its order."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


@lru_cache(maxsize=16)
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) as datasketch's `MinHashLSH(threshold, num_perm)` chooses them: the
    first pair, in its order, minimising the false positive plus false negative probability mass
    (weights 0.5 each). Its integrands are polynomials of degree at most `num_perm`, which
    Gauss-Legendre quadrature on `num_perm // 2 + 1` nodes integrates exactly (up to rounding)."""
    pairs = np.array([(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)], float)
    bands, rows = pairs[:, :1], pairs[:, 1:]
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)

    def integral(f: Callable[[np.ndarray], np.ndarray], lo: float, hi: float) -> np.ndarray:
        half = (hi - lo) / 2
        return half * (f(lo + half * (nodes + 1)) @ weights)  # type: ignore[no-any-return]

    fp = integral(lambda s: 1 - (1 - s**rows) ** bands, 0.0, threshold)
    fn = integral(lambda s: 1 - (1 - (1 - s**rows) ** bands), threshold, 1.0)
    b, r = (int(x) for x in pairs[int(np.argmin(fp * 0.5 + fn * 0.5))])
    return b, r


class Candidates:
    """MinHashLSH's buckets over a run's signatures: documents whose signatures agree on every
    value of at least one band. Kept as one small group number per document and band (numpy),
    so a run with many copies of a page does not hold a set of all its copies per document."""

    def __init__(self, prints: Mapping[str, Signature], config: DedupConfig) -> None:
        bands, rows = lsh_bands(config.threshold, config.num_perm)
        if bands < 2:
            raise ValueError(f"dedup: threshold {config.threshold}, num_perm {config.num_perm}: one LSH band")
        self.ids = sorted(prints)
        self._index = {doc_id: k for k, doc_id in enumerate(self.ids)}
        self._groups: list[tuple[np.ndarray, list[np.ndarray]]] = []
        if not self.ids:
            return
        if isinstance(prints, Signatures):  # a run's: read band by band, its rows not copied whole
            columns = partial(prints.columns, self.ids)
        else:
            matrix = np.stack([prints[doc_id].minhash for doc_id in self.ids]).astype(np.uint32)

            def columns(start: int, stop: int) -> np.ndarray:
                return np.ascontiguousarray(matrix[:, start:stop])

        for band in range(bands):
            block = columns(band * rows, (band + 1) * rows)
            _, group, counts = np.unique(
                block.view(np.dtype((np.void, 4 * rows))).ravel(), return_inverse=True, return_counts=True
            )
            group = group.ravel()
            shared = np.flatnonzero(counts[group] > 1)  # documents whose band another one has too
            order = shared[np.argsort(group[shared], kind="stable")]
            starts = np.flatnonzero(np.diff(group[order], prepend=-1))
            members = np.split(order, starts[1:]) if len(order) else []
            number = np.full(len(self.ids), -1, dtype=np.int64)
            for k, docs in enumerate(members):
                number[docs] = k
            self._groups.append((number, members))

    def of(self, doc_id: str) -> set[str]:
        """The documents sharing a band with `doc_id` (what MinHashLSH.query gives, itself excluded)."""
        at = self._index[doc_id]
        found: set[int] = set()
        for number, members in self._groups:
            if number[at] >= 0:
                found.update(members[number[at]].tolist())
        found.discard(at)
        return {self.ids[k] for k in found}


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """The sorted 64-bit hashes (SHA-1 prefixes) of the text's distinct shingles."""
    return np.unique(np.frombuffer(_shingle_digests(text, size, 8), dtype="<u8"))


def hashed_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """|a ∩ b| / |a ∪ b| of two sets of shingle hashes (`shingle_hashes`); 0 when both are empty
    (nothing to compare is not a match)."""
    common = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - common
    return common / union if union else 0.0


# The bytes of shingle hashes the near-duplicate check holds at once, the most recently used (one
# needed again is read again): about 11,000 pages of the dev set's size, every candidate of a
# corpus where thousands of pages are candidates of each other. Sets of strings held to the end
# grew with the corpus (2,000 near-duplicate pages: 196 MiB), and 256 of them held the most
# recently used emptied themselves on every pass of 2,000 pages that are all each other's
# candidates (154,505 texts read again).
SHINGLE_BYTES = 64 << 20


def find_duplicates(
    prints: Mapping[str, Signature], text_of: Callable[[str], str], config: DedupConfig
) -> dict[str, Duplicate]:
    """Every document in a cluster of two or more -> its Duplicate; unique documents are absent.

    `text_of` gives back a document's text to verify LSH candidates on their shingles' Jaccard
    (only candidates are read again, so a run needs no more than the signatures in memory, and
    `SHINGLE_BYTES` of shingle hashes).
    """
    ids = sorted(prints)
    parent = {doc_id: doc_id for doc_id in ids}
    by_hash: dict[str, str] = {}
    for doc_id in ids:
        first = by_hash.setdefault(prints[doc_id].exact, doc_id)
        _union(parent, first, doc_id)
    near = Candidates(prints, config)

    held: OrderedDict[str, np.ndarray] = OrderedDict()
    budget = [SHINGLE_BYTES]

    def hashes_of(doc_id: str) -> np.ndarray:
        found = held.get(doc_id)
        if found is not None:
            held.move_to_end(doc_id)
            return found
        found = held[doc_id] = shingle_hashes(text_of(doc_id), config.shingle_words)
        budget[0] -= found.nbytes
        while budget[0] < 0 and len(held) > 2:  # the pair being compared stays
            budget[0] += held.popitem(last=False)[1].nbytes
        return found

    for doc_id in ids:
        for other in sorted(near.of(doc_id)):
            if other <= doc_id or _find(parent, other) == _find(parent, doc_id):
                continue
            if hashed_jaccard(hashes_of(doc_id), hashes_of(other)) >= config.threshold:
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
