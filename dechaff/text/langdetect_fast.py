"""langdetect's Detector with its two hot loops rewritten: the same answers, bit for bit, faster.

langdetect spends its time in per-character Python (n-gram extraction, one method call and a
Unicode-block lookup per character) and in per-language Python (55 multiplications per sampled
n-gram). Here a character's normal form is looked up once per run, and the 55 products are one
numpy operation. Every floating-point operation stays the same one, in the same order (numpy's
elementwise `*`, `+`, `/` round exactly like Python's; the normalising sum stays Python's
left-to-right `sum`), and the random draws are the same calls on the same seeded generator, so
`detect_langs` answers exactly as langdetect does (tested on the dev set and on random text).

Both loops also have a C twin (`_langwalk.c`, built at install): the n-grams through its own hash
table, the walks on the same Mersenne Twister state, with the same floating-point operations in the
same order and the running Python's kind of `sum`. It gives the very same 55 probabilities
(tests/test_langwalk.py): a whole detection takes ~0.35 ms a dev-set sample instead of ~2 ms.
The Python runs where the C twin is not built.

The language profiles are read from langdetect's own JSON files (`Profiles`), into a sparse
table instead of langdetect's list of 55 floats per n-gram: 0.07 s and 10 MB instead of 0.25 s
and 62 MB per process, with the very same probabilities. The install writes that table to a file
(`profile_cache`), read in 0.03 s while it matches the running langdetect's profiles.
"""

from __future__ import annotations

import os
import re
import sys
from weakref import WeakSet

import numpy as np
import orjson
from langdetect import detector_factory
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.language import Language
from langdetect.utils.ngram import NGram

from dechaff.core.compiled import twin
from dechaff.core.memo import TEXTS, on_clear
from dechaff.text import profile_cache

# n-grams and walks in C (_langwalk.c, built at install): the same answers, faster; None: the
# Python below
_c = twin("dechaff.text._langwalk")
COMPILED = _c is not None  # tests turn it off to compare the two
_COMPENSATED_SUM = sys.version_info >= (3, 12)  # Python's own sum of floats: Neumaier's from 3.12
_sum = sum  # the Python loop's normalising sum (a test swaps in the other kind of sum)


class _Normal(dict[str, str]):
    """Character -> langdetect's normal form of it, computed on first sight."""

    def __missing__(self, ch: str) -> str:
        value = self[ch] = NGram.normalize(ch)
        return value


CACHE = os.path.join(os.path.dirname(__file__), profile_cache.FILE_NAME)  # written at install


class Profiles:
    """langdetect's profiles as `DetectorFactory.load_profile` reads them (same files, same
    language order, same probabilities: `1.0 * freq / n_words[len(gram) - 1]`), kept as a sparse
    table: n-gram -> row number (`word_lang_prob_map`: the detector only asks what it holds) and
    the rows' non-zero probabilities, row by row (CSR)."""

    def __init__(self, folder: str, cache: str | None = CACHE) -> None:
        names = os.listdir(folder)
        self.langlist: list[str] = []
        self.word_lang_prob_map: dict[str, int] = {}
        self.size = len(names)  # sic: langdetect sizes rows by the folder's entries
        self.rows = _Rows(self)
        # normalised word -> its known n-grams, by this table's numbers (the cache's and the JSON's
        # differ): bounded like `rows`, emptied by `memo.clear_all`
        self.words: dict[str, tuple[int, ...]] = {}
        _TABLES.add(self)
        self._c_table: object = None
        table = profile_cache.read(folder, cache) if cache else None
        if table is not None:
            try:
                self._from_cache(table, names)
                return
            except (ValueError, IndexError):  # sizes that do not add up (its digest says the rest)
                self.langlist, self.word_lang_prob_map = [], {}
        self._from_json(folder, names)

    def _from_cache(self, table: profile_cache.CachedTable, names: list[str]) -> None:
        """The table as the install wrote it (`profile_cache`), its languages put in the order
        langdetect lists their files here; a row's entries stay in file-name order, which no
        reader of a row depends on (each sets one language's number)."""
        cached = {file: k for k, (file, _) in enumerate(table.files)}
        order = [file for file in names if file in cached]  # the same files: the digest says so
        self.langlist = [table.files[cached[file]][1] for file in order]
        position = np.empty(len(order), np.int16)
        position[[cached[file] for file in order]] = np.arange(len(order), dtype=np.int16)
        self.word_lang_prob_map = dict(zip(table.grams, range(len(table.grams)), strict=True))
        self.indptr = np.frombuffer(table.indptr, np.int64).copy()
        self.langs = position[np.frombuffer(table.langs, np.int16)]
        self.probs = np.frombuffer(table.probs, np.float64).copy()

    def _from_json(self, folder: str, names: list[str]) -> None:
        """The table from langdetect's JSON files, in the order the folder lists them."""
        index = self.word_lang_prob_map
        grams: list[np.ndarray] = []
        langs: list[np.ndarray] = []
        probs: list[np.ndarray] = []
        for filename in names:
            path = os.path.join(folder, filename)
            if filename.startswith(".") or not os.path.isfile(path):
                continue
            with open(path, "rb") as f:
                profile = orjson.loads(f.read())  # the same dicts as json's, in 0.03 s, not 0.075
            name, freq, n_words = profile["name"], profile["freq"], profile["n_words"]
            if name in self.langlist:
                raise LangDetectException(ErrorCode.DuplicateLangError, f"{name}: two profiles")
            lang = len(self.langlist)
            self.langlist.append(name)
            if _c is not None and COMPILED:  # the same numbers, in C: 0.04 s of a start in Python
                ids = np.frombuffer(_c.numbered(index, freq), np.int64)
            else:
                ids = np.fromiter((index.setdefault(g, len(index)) for g in freq), np.int64, len(freq))
            length = np.fromiter(map(len, freq), np.int64, len(freq))
            counts = np.fromiter(freq.values(), np.float64, len(freq))
            used = (length >= 1) & (length <= 3)
            words = np.asarray(n_words, dtype=np.float64)[length[used] - 1]
            grams.append(ids[used])
            langs.append(np.full(int(used.sum()), lang, dtype=np.int16))
            probs.append(counts[used] / words)
        gram = np.concatenate(grams) if grams else np.zeros(0, np.int64)
        order = np.argsort(gram, kind="stable")
        self.indptr = np.concatenate(([0], np.cumsum(np.bincount(gram, minlength=len(index)))))
        self.langs = np.concatenate(langs)[order] if langs else np.zeros(0, np.int16)
        self.probs = np.concatenate(probs)[order] if probs else np.zeros(0)

    def c_table(self) -> object:
        """`word_lang_prob_map` as _langwalk's own hash table (3 MB), built on first use."""
        if self._c_table is None:
            self._c_table = _c.table(self.word_lang_prob_map)  # type: ignore[union-attr]
        return self._c_table

    @property
    def seed(self) -> int | None:
        return detector_factory.DetectorFactory.seed  # type: ignore[no-any-return]

    def row(self, at: int) -> np.ndarray:
        """The probabilities per language of n-gram number `at` (`word_lang_prob_map[gram]`), as
        langdetect's list of floats holds them."""
        a, b = self.indptr[at], self.indptr[at + 1]
        row = np.zeros(self.size)
        row[self.langs[a:b]] = self.probs[a:b]
        return row


class _Rows(dict[int, np.ndarray]):
    """N-gram number -> its row, made on first use; bounded (`memo.TEXTS`), so memory stays flat."""

    def __init__(self, profiles: Profiles) -> None:
        super().__init__()
        self.profiles = profiles

    def __missing__(self, at: int) -> np.ndarray:
        if len(self) >= TEXTS:
            self.clear()
        value = self[at] = self.profiles.row(at)
        return value


_NORMAL = _Normal()
_PROFILES: Profiles | None = None
_TABLES: WeakSet[Profiles] = WeakSet()


def _clear_words() -> None:
    for table in list(_TABLES):
        table.words.clear()


on_clear(_clear_words)
_SPACES = re.compile(" +")
_LATIN = re.compile("[A-z]")  # sic: langdetect counts 'A' <= ch <= 'z', brackets and all
# every character from U+0300 on, written as the complement of the few before it: the same set,
# which Python's `re` compiles in 0.4 ms instead of 8 (it marks a range's code points one by one)
_NON_LATIN = re.compile(r"[^\x00-\u02ff]")


# all bytes but those of 'A'..'z' (only ASCII characters have such bytes in UTF-8); all bytes
# below 0xCC, the lead byte of U+0300 (continuation bytes are 0x80-0xBF, and 0xC2-0xCB lead
# U+0080-U+02FF): what is left of a text's UTF-8 is one byte per character of each class
_NOT_LATIN_BYTES = bytes(b for b in range(256) if not 0x41 <= b <= 0x7A)
_BELOW_BEYOND = bytes(range(0xCC))


def latin_and_beyond(text: str) -> tuple[int, int]:
    """How many characters of `text` `_LATIN` and `_NON_LATIN` match, counted in C on its UTF-8
    (two `findall` built a string per character: 76 us a dev-set sample, 4 now).

    >>> latin_and_beyond("Az[ é Ж語\\ud800")
    (3, 3)
    """
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_LATIN_BYTES)), 0
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _NOT_LATIN_BYTES)), len(raw.translate(None, _BELOW_BEYOND))


_K2, _K3 = (0, 1), (0, 1, 2)  # n-gram lengths minus one: 1-2 at the word's first letter, else 1-3


def _word_grams(word: str, end: str, known: dict[str, int]) -> tuple[int, ...]:
    """The known 1-3-grams langdetect takes from one word (after a space, followed by `end`), by
    number (`known[gram]`: the table's own int objects, where the strings would be new ones).

    Inside a run of capitals (two upper-case letters in a row, and on while they last) it
    takes none.
    """
    padded = f" {word}{end}"
    if (word.islower() or sum(map(str.isupper, word)) < 2) and " " not in known:
        # no run of capitals: every 1-, 2- and 3-gram ending at each character, in that order
        grams = [padded[j - k : j + 1] for j in range(1, len(padded)) for k in (_K3 if j > 1 else _K2)]
        return tuple(at for at in map(known.get, grams) if at is not None)
    out: list[int] = []
    capital = False
    for j in range(1, len(padded)):
        ch = padded[j]
        capital = ch.isupper() and (capital or padded[j - 1].isupper())
        if capital:
            continue
        for start in range(j, max(j - NGram.N_GRAM, -1), -1):
            gram = padded[start : j + 1]
            at = known.get(gram) if gram != " " else None
            if at is not None:
                out.append(at)
    return tuple(out)


class FastDetector(Detector):  # type: ignore[misc]
    """langdetect's Detector on `Profiles` (no prior map, not verbose), for `detect_langs`."""

    def __init__(self, profiles: Profiles) -> None:
        super().__init__(profiles)
        self.profiles = profiles
        self.rows = profiles.rows

    def append(self, text: str) -> None:
        """Detector.append: URLs and e-mail addresses out, runs of spaces collapsed. Each regex
        runs only on a text that holds what it needs to match ("http", "@", a diacritical mark,
        two spaces): most samples hold none, and each costs a scan of the text."""
        if "http" in text:
            text = self.URL_RE.sub(" ", text)
        if "@" in text:
            text = self.MAIL_RE.sub(" ", text)
        if not text.isascii() and any(mark in text for mark in NGram.DMARK_CLASS):
            text = NGram.normalize_vi(text)
        text = text[: self.max_text_length]
        self.text += _SPACES.sub(" ", text) if "  " in text else text

    def cleaning_text(self) -> None:
        """Detector.cleaning_text: Latin letters out of a text mostly in another script.

        (langdetect compares the Unicode block number with a block name there, so its exception
        for Latin Extended Additional never applies: every character from U+0300 counts.)
        The two counts are taken on the text's UTF-8 (`latin_and_beyond`), not with `findall`.
        """
        latin, beyond = latin_and_beyond(self.text)
        if latin * 2 < beyond:
            self.text = _LATIN.sub("", self.text)

    def _normalised(self) -> str:
        """The text, each character in langdetect's normal form (`NGram.normalize`)."""
        return "".join(map(_NORMAL.__getitem__, self.text))

    def _extract_ngrams(self) -> list[int]:
        """NGram.add_char + get(1..3) over the text: the buffer restarts at every space, so the
        n-grams of a text are those of its words in turn, each worked out once per run."""
        known = self.word_lang_prob_map
        words = self._normalised().split(" ")
        last = len(words) - 1
        result: list[int] = []
        memo = self.profiles.words
        for i, word in enumerate(words):
            if not word:
                continue
            if i == last:  # no space after it: no n-grams ending in one
                result.extend(_word_grams(word, "", known))
                continue
            grams = memo.get(word)
            if grams is None:
                if len(memo) >= TEXTS:
                    memo.clear()
                grams = memo[word] = _word_grams(word, " ", known)
            result.extend(grams)
        return result

    def _detect_block(self) -> None:
        self.cleaning_text()
        table = self.profiles
        ngrams = (
            _c.grams(table.c_table(), self._normalised())  # type: ignore[union-attr]
            if COMPILED
            else self._extract_ngrams()
        )
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        self.random.seed(self.seed)
        if not COMPILED:
            self.langprob = self._walk(ngrams)
            return None
        self.langprob = _c.walk(  # type: ignore[union-attr]
            ngrams, table.indptr, table.langs, table.probs, len(self.langlist),
            self.random.getstate()[1], self.n_trial, self.alpha, self.ALPHA_WIDTH, self.BASE_FREQ,
            self.CONV_THRESHOLD, self.ITERATION_LIMIT, _COMPENSATED_SUM,
        )  # fmt: skip
        return None

    def _walk(self, ngrams: list[int]) -> list[float]:
        """langdetect's random walks over the n-grams, from the seeded generator: langprob."""
        rows = self.rows
        size = len(self.langlist)
        langprob = np.zeros(size)
        for _ in range(self.n_trial):
            prob = np.full(size, 1.0 / size)
            alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                prob *= weight + rows[self.random.choice(ngrams)]
                if i % 5 == 0:
                    prob /= _sum(prob.tolist())
                    if prob.max() > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        break
                i += 1
            langprob += prob / self.n_trial
        return langprob.tolist()  # type: ignore[no-any-return]


def profiles() -> Profiles:
    """The process's profiles, read on first use."""
    global _PROFILES
    if _PROFILES is None:
        _PROFILES = Profiles(detector_factory.PROFILES_DIRECTORY)
    return _PROFILES


def detect_langs(text: str) -> list[Language]:
    """langdetect.detect_langs, through FastDetector."""
    detector = FastDetector(profiles())
    detector.append(text)
    return detector.get_probabilities()  # type: ignore[no-any-return]
