"""Compile user patterns with RE2 (linear time, no catastrophic backtracking).

Patterns are written in Python-like syntax. Because RE2's `\\w` and `\\d` are ASCII-only, they are
rewritten to Unicode classes, and every pattern is normalised and folded exactly like the text it
will be matched against (see `dechaff.text.normalise`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from weakref import WeakSet, WeakValueDictionary

import re2

from dechaff.core.memo import DFA_BYTES, TEXTS, on_clear
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.widened import widened
from dechaff.text.normalise import fold, normalise_line
from dechaff.text.regex import braced_end, re2_options, regex_tokens

RE2_OPTIONS = re2_options()

_OUTSIDE = {"w": r"[\p{L}\p{N}_]", "W": r"[^\p{L}\p{N}_]", "d": r"\p{Nd}", "D": r"\P{Nd}"}
_INSIDE = {"w": r"\p{L}\p{N}_", "d": r"\p{Nd}"}


def unicode_classes(pattern: str) -> str:
    """Rewrite `\\w \\W \\d \\D` to Unicode classes so RE2 treats 'é' and '٣' as Python would.

    >>> unicode_classes(r"^\\w+[\\w-]*$")
    '^[\\\\p{L}\\\\p{N}_]+[\\\\p{L}\\\\p{N}_-]*$'
    """
    if not any(escape in pattern for escape in ("\\w", "\\W", "\\d", "\\D")):
        return pattern  # the tokens are the pattern's own slices: nothing to rewrite
    out: list[str] = []
    for token, in_class in regex_tokens(pattern):
        if len(token) == 2 and token[0] == "\\":
            if in_class and token[1] in "WD":
                raise ValueError(f"\\{token[1]} inside [...] is not supported; use [^...] instead")
            token = (_INSIDE if in_class else _OUTSIDE).get(token[1], token)
        out.append(token)
    return "".join(out)


_CASE_CLASSES = ("\\p{Lu}", "\\p{Ll}", "\\p{Lt}", "\\p{Lowercase}", "\\p{Uppercase}")


def names_case(source: str) -> bool:
    """True when a pattern asks for a letter case (\\p{Lu}...): case-folding would silently defeat it."""
    return any(c in source for c in _CASE_CLASSES)


def prepare(source: str, ignore_case: bool = False) -> str:
    """The RE2 source for a user regex: normalised (but a space at either end, `_spaced`), folded,
    Unicode classes, optional (?i).

    A pattern that names a letter case is matched as written even when `ignore_case` is asked,
    because under (?i) RE2 lets \\p{Lu} match every letter.
    """
    text = fold(unicode_classes(_spaced(source)))
    return f"(?i){text}" if ignore_case and not names_case(source) else text


def _spaced(source: str) -> str:
    """`normalise_line` of a regex source but for a space at either end, which the author meant:
    " - Name / AFP$" asks for a space before the dash, "^↑ " for one after the arrow.

    >>> _spaced(" (read  more)$"), _spaced("^↑ "), _spaced("^a\\u00a0b"), _spaced("^abc$\\n")
    (' (read more)$', '^↑ ', '^a b', '^abc$')
    """
    text = normalise_line(source)
    if not text:
        return text
    bare = source.strip("\r\n")  # a YAML block scalar's final newline is no space
    lead = " " if bare.startswith(" ") else ""
    trail = " " if bare.endswith(" ") else ""
    return f"{lead}{text}{trail}"


def literal(text: str, how: str, ignore_case: bool = False) -> str:
    """RE2 source for a literal line ('line' = whole line, 'prefix' = start of line, 'phrase' = anywhere)."""
    body = re2.escape(fold(normalise_line(text)))
    body = {"line": f"^{body}$", "prefix": f"^{body}", "phrase": body}[how]
    return f"(?i){body}" if ignore_case else body


class Regex:
    """A rule file's pattern, checked when the file is read and compiled on first use.

    Most patterns are only ever asked through a pipeline's shared RE2 set, which compiles them
    anew: compiling each alone as well took a one-file run 0.18 s for the 1,013 shipped patterns,
    parsing them 0.03 s. Parsing finds every error but a program over RE2's budget, and a pattern
    that could grow one (`program_bound`) is compiled when read: every error still names its file
    and line before any work.
    """

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str, compiled: Any = None) -> None:
        self.pattern = pattern
        self._compiled = compiled

    @property
    def compiled(self) -> Any:
        """The RE2 regex (compiled now if it was not)."""
        if self._compiled is None:
            self._compiled = re2.compile(self.pattern, RE2_OPTIONS)
        return self._compiled

    def search(self, text: str) -> Any:
        return self.compiled.search(text)

    def finditer(self, text: str) -> Any:
        return self.compiled.finditer(text)

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    @property
    def programsize(self) -> int:
        return int(self.compiled.programsize)

    def __getstate__(self) -> str:  # a compiled RE2 regex is rebuilt where it is used
        return self.pattern

    def __setstate__(self, state: str) -> None:
        self.pattern, self._compiled = state, None

    def __repr__(self) -> str:
        return f"Regex({self.pattern!r})"


# Upper bounds of the RE2 instructions one atom compiles to: a class escape at most ~1,200
# (`\p{L}`; `\w` as `unicode_classes` writes it, 1,350 for its three), a bracketed class at most
# that per class escape or range in it (`[\p{Lu}\p{Mn}\p{Nd}\p{Pd}\p{Sk}\p{Lo}\p{Mc}]`: 1,965) plus its
# characters, a character at most 8 once case-folded (U+0345), in a class or not, a group or a
# repetition a few (`tests/test_lazy_regex.py` checks the bound against RE2's own count). RE2 itself
# refuses programs of 537,000 to 805,000 instructions (8 MB budget): under `_SAFE_PROGRAM` a
# pattern surely compiles.
_WIDE, _CHAR, _SAFE_PROGRAM = 1500, 12, 150_000
_WIDE_ESCAPES = frozenset("pPwWdDsSC")
_REPEAT = re2.compile(r"\{([0-9]+)(,([0-9]*))?\}")
_UNREAD = 1 << 40  # a source the tokens cannot read: bounded by nothing, so compiled when read


def program_bound(source: str) -> int:
    """An upper bound of the RE2 program `source` compiles to (a counted repetition writes its
    part out that many times: `\\p{L}{1,25}` is 30,000 instructions), read off the tokens; what
    it cannot read makes it larger, never smaller.

    >>> program_bound(r"^(?i:par) \\p{L}{1,25}$") >= 29_928, program_bound("^à lire") < 1000
    (True, True)
    """
    if "\\Q" in source:
        return _UNREAD  # `\Q[\E` quotes what the tokens would read as a class
    frames = [[0, 0, 0]]  # per open group: its finished alternatives, the current one, the last atom
    tokens = list(regex_tokens(source))
    k, in_class, klass = 0, False, [0, 0]
    while k < len(tokens):
        token, inside = tokens[k]
        k += 1
        top = frames[-1]
        if inside:  # a class's escapes, ranges and characters, up to its closing bracket
            klass[0] += _wide(token) or token == "-" or token.startswith("[:")
            klass[1] += len(token)
            continue
        if in_class:  # the token after the class's closing bracket
            top[2] = _class_cost(klass)
            top[1] += top[2]
            in_class = False
        if token.startswith("["):
            in_class, klass = True, [0, len(token)]
            continue
        if token in _NAMED and k < len(tokens):  # `\p{Greek}`, `\pL`: one atom
            end = braced_end(tokens, k)
            k = end if end > k else k + (token != "\\x")
        if token == "(":
            frames.append([0, 0, 0])
        elif token == ")":
            if len(frames) == 1:
                return _UNREAD
            done = frames.pop()
            top = frames[-1]
            top[2] = done[0] + done[1] + 2
            top[1] += top[2]
        elif token == "|":
            top[0], top[1], top[2] = top[0] + top[1], 0, 0
        elif token == "{" and (m := _REPEAT.match("".join(t for t, _ in tokens[k - 1 : k + 40]))):
            low, comma, high = int(m.group(1)), m.group(2), m.group(3)
            times = max(1, int(high) if high else low + (comma is not None))
            extra = top[2] * (times - 1) + 2 * times
            top[1], top[2] = top[1] + extra, top[2] + extra
            k += len(m.group()) - 1
        elif token in ("?", "*", "+"):
            top[1] += 2
        else:
            top[2] = _WIDE if _wide(token) else _CHAR * len(token)
            top[1] += top[2]
    if in_class:
        frames[-1][1] += _class_cost(klass)
    return frames[0][0] + frames[0][1] + 8 if len(frames) == 1 else _UNREAD  # +8: RE2's own 4 or so


_DIGIT_BRACE = re.compile(r"\{[0-9]")  # our own patterns (no backtracking): Python's re is cheaper to call


def quick_bound(source: str) -> int | None:
    """`program_bound` read off character counts, for a source without a counted repetition
    (None with one, or with `\\Q`): never under it for a source RE2 parses (each backslash, dash
    and POSIX class may be a class escape, 1,500; each bracket a class, 50; each character 12 plus
    2 for a repeat or group sign). Reading 1,055 patterns' tokens took 0.05 s of each start; this
    takes 1 ms and settles nine in ten of them.

    >>> quick_bound(r"^(?i:par) \\p{L}{1,25}$") is None, quick_bound("^à lire") == 14 * 7 + 8
    (True, True)
    """
    if "\\Q" in source or _DIGIT_BRACE.search(source):
        return None
    wide = source.count("\\") + source.count("-") + source.count("[:")
    return _WIDE * wide + 50 * source.count("[") + (_CHAR + 2) * len(source) + 8


_NAMED = ("\\p", "\\P", "\\x")  # escapes whose braces name a class or a code point


def _class_cost(klass: list[int]) -> int:
    """A bracketed class's bound: its class escapes and ranges (`klass[0]`), its characters."""
    return _WIDE * klass[0] + _CHAR * klass[1] + 50


def _wide(token: str) -> bool:
    """Whether a token is a class escape (`\\p`, `\\w`...): up to `_WIDE` instructions."""
    return token[:1] == "\\" and token[1:] in _WIDE_ESCAPES


def _parses(source: str) -> bool:
    """Whether RE2 parses `source` (adding it to a set parses it, compiles nothing)."""
    try:
        re2.Set.SearchSet(RE2_OPTIONS).Add(source)
    except re2.error:
        return False
    return True


def compile_re2(source: str, path: str, line: int) -> Regex:
    """The pattern, checked (and compiled when it could outgrow RE2's budget), or a RuleFileError
    that names the file and line."""
    quick = quick_bound(source)
    if _parses(source) and (quick if quick is not None else program_bound(source)) <= _SAFE_PROGRAM:
        return Regex(source)
    try:
        return Regex(source, re2.compile(source, RE2_OPTIONS))
    except re2.error as exc:
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        message = f"invalid regular expression {source!r}: {detail}{_hint(detail)}"
        raise RuleFileError(path, line, message) from None


_LOOK_AROUND = ("(?=", "(?!", "(?<=", "(?<!")


def _hint(detail: str) -> str:
    """What to write instead of a construct RE2 refuses."""
    if any(op in detail for op in _LOOK_AROUND):
        return (
            ". RE2 has no look-around: match the context too and name the part to remove "
            "(?P<cut>...), with action strip or drop; e.g. instead of '(?<=。) .+$' write "
            "'。(?P<cut> .+)$', which removes only the text after the '。'"
        )
    if "perl operator" in detail or "escape" in detail:
        return " (RE2 has no look-around or back-references)"
    return ""


def user_regex(source: str, path: str, line: int, ignore_case: bool = False) -> Regex:
    """Translate then compile a user-written regex."""
    try:
        prepared = prepare(source, ignore_case)
    except ValueError as exc:
        raise RuleFileError(path, line, f"invalid regular expression {source!r}: {exc}") from None
    return compile_re2(prepared, path, line)


@dataclass(frozen=True, slots=True)
class Phrase:
    """One pattern from a rule file, with where it was written (for provenance and errors)."""

    source: str
    regex: Any
    file: str
    line: int


class RegexSet:
    """Many compiled regexes tested against a text in one RE2 pass.

    Compiled on first use: inside a pipeline most lists are answered by its SharedSet, and only
    a rare long line needs the list's own set. Patterns that each compile may together overfill
    RE2's memory budget: the list is then answered pattern by pattern (the same answers, slower).
    A set whose `Compile` failed is never kept: matching with it crashes the process.
    """

    def __init__(self, regexes: Sequence[Any]) -> None:
        self._regexes = tuple(regexes)
        self._set: Any = None

    def matches(self, text: str) -> list[int]:
        """Indices of the regexes that match `text`, in declaration order."""
        if not self._regexes:
            return []
        if self._set is None:
            self._set = search_set([regex.pattern for regex in self._regexes]) or False
        if self._set is False:
            return [k for k, regex in enumerate(self._regexes) if regex.search(text)]
        found = self._set.Match(text)
        return sorted(found) if found else []


def search_set(sources: Sequence[str]) -> Any:
    """A compiled RE2 set of `sources`, or None when they overfill its memory budget: RE2's
    default, then four times it (the French pack's ui_tokens shapes, 249 patterns, sit at the
    default's edge; answered one pattern at a time, a long line costs each pattern a search)."""
    for max_mem in (RE2_OPTIONS.max_mem, 4 * RE2_OPTIONS.max_mem):
        try:
            return CompiledSet(sources, max_mem).regex_set
        except re2.error:
            continue
    return None


class PhraseSet:
    """The patterns of one list parameter; the first declared one that matches wins."""

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        self.phrases = tuple(phrases)
        self._set = RegexSet([p.regex for p in self.phrases])
        self._shared: tuple[SharedSet, int, int] | None = None

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def first(self, text: str) -> Phrase | None:
        """The earliest-declared phrase matching `text`, or None."""
        if self._shared is not None and len(text) <= SharedSet.MAX_CHARS:
            shared, lo, hi = self._shared
            found = shared._cache.get(text)  # the hot path: one dict lookup, usually ()
            if found is None:
                found = shared.matches(text)
            if not found:
                return None
            k = bisect_left(found, lo)
            return self.phrases[found[k] - lo] if k < len(found) and found[k] < hi else None
        own = self._set.matches(text)
        return self.phrases[own[0]] if own else None


_ESCAPE = re2.compile(r"\\(x\{[0-9A-Fa-f]*\}|[pP]\{[^}]*\}|.)")
_COUNTER = re2.compile(r"\{[0-9]+(,[0-9]*)?\}")


# RE2 instructions: a counter behind a literal that compiles larger takes a set's budget from the
# other patterns, so it goes to the counted set (`heavy`)
SMALL_PROGRAM = 10_000
FEW = 4  # a counter that writes its part out at most this often (`\p{Nd}{4}`, `[^)]{2,}`) is light
_BOUNDED = re.compile(r"\{([0-9]+),([0-9]+)\}")
_COUNTS = re.compile(r"\{([0-9]+)(?:,([0-9]*))?\}")


def loosened(source: str) -> str:
    r"""`source` with each bounded repetition unbounded (`{2,30}` -> `{2,}`, `{1,30}` -> `+`,
    `{0,60}` -> `*`): it matches every text `source` matches, and more. RE2 writes a counted part
    out as often as its bound (`[\p{L}' -]{1,30}` is thirty Unicode classes), so in a set the
    loosened source costs a fraction of the compile time and DFA states; a set's hit of a loosened
    pattern is checked with the pattern itself (`SharedSet.matches`). Escapes (`\p{Nd}`, `\x{41}`,
    `\{`) and classes (`[{]`) are left as they are.

    >>> print(loosened(r"^\p{Lu}[\p{L}' -]{1,30} \p{Nd}{4}( .{0,60})? \w{2,9}?[{1,2}]\{1,2}$"))
    ^\p{Lu}[\p{L}' -]+ \p{Nd}{4}( .*)? \w{2,}?[{1,2}]\{1,2}$
    """
    tokens = list(regex_tokens(source))
    out: list[str] = []
    k = 0
    while k < len(tokens):
        token, inside = tokens[k]
        if not inside and token in _NAMED and (end := braced_end(tokens, k + 1)) > k + 1:
            out.extend(t for t, _ in tokens[k:end])  # `\p{Nd}`, `\x{41}`: no counter
            k = end
            continue
        bounded = (
            None if inside or token != "{" else _BOUNDED.match("".join(t for t, _ in tokens[k : k + 24]))
        )
        if bounded is not None and int(bounded.group(2)) > int(bounded.group(1)):
            low = int(bounded.group(1))
            out.append("*" if low == 0 else "+" if low == 1 else f"{{{low},}}")
            k += len(bounded.group())
            continue
        out.append(token)
        k += 1
    return "".join(out)


@lru_cache(maxsize=TEXTS)  # the default file's patterns are in every cascade
def set_source(pattern: str) -> str:
    """What a shared set compiles for `pattern`: its Unicode classes widened (`widened`) and its
    bounded counters loosened (`loosened`), or the pattern itself when that does not parse (a
    counter RE2 would refuse anyway). Most patterns have neither: they are not read token by
    token."""
    if "\\Q" in pattern:
        return pattern  # `\Q{1,2}\E` quotes what the tokens would read as a counter or a class
    source = widened(pattern)
    if _BOUNDED.search(source) is not None:
        source = loosened(source)
    return source if source == pattern or _parses(source) else pattern


def largest_count(pattern: str) -> int:
    r"""How often a counted repetition of an RE2 source writes its part out, at most (0: none).

    >>> largest_count(r"\p{Nd}{4} [^)]{2,} x{1,30}"), largest_count(r"\x{41}\{9}a+")
    (30, 0)
    """
    if _DIGIT_BRACE.search(pattern) is None:
        return 0  # most patterns: no brace before a digit, nothing to read
    found = (n for m in _COUNTS.finditer(_ESCAPE.sub("e", pattern)) for n in m.groups() if n)
    return max(map(int, found), default=0)


@lru_cache(maxsize=TEXTS)  # asked for each pattern of each cascade compiled (1,700 for warm())
def heavy(source: str) -> bool:
    r"""Whether a set source goes to a pipeline's counted set: a counter that writes its part out
    more than `FEW` times (`.{40}`, `\w{20,}`), unless it sits behind a literal at the line's
    start (only lines starting so could pay for its DFA states) and compiles small (a `\p{L}{25}`
    behind a literal is some 30,000 instructions: it would take much of a set's budget)."""
    if largest_count(source) <= FEW:
        return False
    if not literal_start(source):
        return True
    small = (
        program_bound(source) <= SMALL_PROGRAM
        or re2.compile(source, RE2_OPTIONS).programsize <= SMALL_PROGRAM
    )
    return not small  # the bound spares most of these patterns a compile of their own


def counted(pattern: str) -> bool:
    r"""Whether an RE2 source holds a counted repetition (`{3}`, `{0,60}`, `{40,}`: RE2 writes the
    repeated part out that many times), escapes aside (`\{3}`, `\x{41}`, `\p{Nd}`). Used only to
    place a pattern, never to answer: a brace in a class (`[{3}]`) is taken for a counter.

    >>> [counted(p) for p in (r"[^/]{0,60} / AFP", r"\p{Nd}{4}", r"a{2,}", r"a\\{1,2}")]
    [True, True, True, True]
    >>> [counted(p) for p in (r"a\{1,2}", r"\x{41}", r"\p{Nd}", r"x{,5}", r"x{}", r"a+")]
    [False, False, False, False, False, False]
    """
    return _COUNTER.search(_ESCAPE.sub("e", pattern)) is not None


_FLAGS = re2.compile(r"\(\?[a-zA-Z]+\)")  # inline flags, (?i)
_OPENERS = ("(?:", "(?P<", "(?i:", "(?s:", "(?m:", "(?U:", "(")
_NOT_LITERAL = set(".[]()|?*+{}^$")


def literal_start(pattern: str) -> bool:
    r"""Whether every match of an RE2 source starts at the line's start with a literal character:
    `^`, then a character that is not a class, a dot or an escape class, or a group whose
    alternatives each start so (inline flags aside), not optional. Such a pattern's DFA states
    only live on lines that start with that literal. Used only to place a pattern, never to
    answer: a pattern it cannot read is taken not to start so.

    >>> [literal_start(p) for p in (r"^(?i:by|par) .{1,9}", r"(?i)^(à lire|à voir)( .{1,30})?$", r"^\(AFP")]
    [True, True, True]
    >>> [literal_start(p) for p in (r"^\p{Lu}.{1,30}", r"^[a-z]{2}", r" - .{0,60}", r"^(a|\w)b", r"^(ab)?c")]
    [False, False, False, False, False]
    >>> [literal_start(p) for p in (r"^a?.{1,30}", r"^(b|a*).{2}", r"^\(?.{1,3}", r"^x{0,2}y{4}")]
    [False, False, False, False]
    >>> [literal_start(p) for p in (r"^a|.{0,60}x", r"^(a|b)|.{0,9}z", r"(?i)^a|b.{3}", r"^a[|]")]
    [False, False, False, True]
    """
    text = _without_flags(pattern)
    if not text.startswith("^") or _top_level_bar(text):
        return False  # `^a|.{0,60}x`: a branch may start anywhere
    text = _without_flags(text[1:])
    opener = next((o for o in _OPENERS if text.startswith(o)), None)
    if opener is None:
        return _literal_first(text)
    if opener == "(?P<":
        end = text.find(">")
        if end < 0:
            return False
        body = text[end + 1 :]
    else:
        body = text[len(opener) :]
    depth, alternatives, current = 0, [], []
    tokens = list(regex_tokens(body))
    for k, (token, in_class) in enumerate(tokens):
        if not in_class and token == "(":
            depth += 1
        elif not in_class and token == ")":
            if depth == 0:
                alternatives.append("".join(current))
                after = "".join(t for t, _ in tokens[k + 1 : k + 3])
                return not _optional(after) and all(_literal_first(a) for a in alternatives)
            depth -= 1
        elif not in_class and token == "|" and depth == 0:
            alternatives.append("".join(current))
            current = []
            continue
        current.append(token)
    return False


def _top_level_bar(text: str) -> bool:
    """Whether a regex source has a `|` outside every group and class."""
    depth = 0
    for token, in_class in regex_tokens(text):
        if in_class:
            continue
        depth += (token == "(") - (token == ")")
        if token == "|" and depth == 0:
            return True
    return False


def _without_flags(text: str) -> str:
    """The source without the inline flags it starts with (`(?i)`)."""
    while (flags := _FLAGS.match(text)) is not None:
        text = text[flags.end() :]
    return text


def _literal_first(text: str) -> bool:
    """Whether a regex source starts with a literal character (an escaped punctuation mark is
    one) that is not optional (`a?`, `a*`, `a{0,2}`)."""
    if not text:
        return False
    if text[0] == "\\":
        size = 2 if len(text) > 1 and not text[1].isalnum() else 0
    else:
        size = 1 if text[0] not in _NOT_LITERAL else 0
    return size > 0 and not _optional(text[size:])


def _optional(rest: str) -> bool:
    """Whether a regex source that follows an atom makes it optional (`?`, `*`, `{0,n}`)."""
    return rest.startswith(("?", "*", "{0"))


class SharedSet:
    """Every phrase list of one pipeline in one matcher, so a line is matched once per RE2 set (one
    for the shipped cascades), not once per list and per cleaner, and again in the fixpoint round:
    the answers (sorted pattern indices) are kept per text, and each PhraseSet reads its own slice
    of them.

    Long lines go to each list's own set instead: a huge set on a huge line is where RE2's DFA
    could run out of memory, and a Set says nothing when it does.

    A set holds each pattern `loosened` (`{1,30}` -> `+`): RE2 writes a counted part out as often
    as its bound, so the bounded counters of a cascade (`[\\p{L}' -]{1,30}`) were most of its
    compile time (French: 0.30 s of two sets, 0.16 s loosened in one) and multiplied the DFA
    states of every other pattern. A set's hit of a loosened pattern is checked with the pattern
    itself (some 430 of the dev dumps' 26,497 distinct lines, in French or English), so the
    answers are the pattern's own: the same on every line of the dev set and seeds as the exact
    sets'.

    A counter still large once loosened (`\\w{20,}`, `.{40}`: `heavy`) goes to a second RE2 set: a
    DFA state is a set of positions in every pattern at once, and such counters multiply the
    states of everything else (over the dev set's lines, 8-13 MB in one set against 0.4-1.3 MB in
    two, when every counter was bounded). Behind a literal at the line's start
    (`^(publié|mis à jour) le .{40}$`: `literal_start`) it stays with the others, when its
    program is small: its states only live on lines that start with that literal. No shipped
    pattern is heavy, so every shipped cascade is one set, with all of `MAX_MEM`; with both, the
    counted set gets three quarters of it, the plain one a quarter (at 16 MB every shipped
    cascade compiles: tests/test_shared_set.py). If the light patterns overfill their set, every
    counter goes to the counted one; a rule file whose patterns overfill both is matched one
    pattern at a time: the same answers, slower. Which set a pattern is in changes no answer, only
    memory and compile time.

    The answers of every pipeline's set count against one budget (`memo.TEXTS`); when it is
    spent, they are all emptied.
    """

    MAX_CHARS = 2000
    MAX_MEM = DFA_BYTES

    def __init__(self, phrase_sets: Iterable[PhraseSet]) -> None:
        self._cache: dict[str, tuple[int, ...]] = {}
        regexes: list[Any] = []
        for phrase_set in phrase_sets:
            if phrase_set._shared is not None or not phrase_set.phrases:
                continue
            regexes.extend(phrase.regex for phrase in phrase_set.phrases)
            phrase_set._shared = (self, len(regexes) - len(phrase_set.phrases), len(regexes))
        self.size = len(regexes)
        self._regexes = tuple(regexes)
        sources = [set_source(regex.pattern) for regex in regexes]
        self._loose = frozenset(at for at, regex in enumerate(regexes) if sources[at] != regex.pattern)
        self._one_by_one: tuple[Any, ...] = ()
        try:
            self._compiled = self._compile(sources, heavy)
        except re2.error:  # the light patterns overfill their set: every counter to the other
            try:
                self._compiled = self._compile(sources, counted)
            except re2.error:  # a rule file's patterns overfill both: one at a time, slow but right
                self._compiled, self._one_by_one = (), tuple(regexes)
        # each set's `match`, and the pipeline-wide index of each of its patterns
        self._sets = tuple((compiled.match, indices) for compiled, indices in self._compiled)
        # one set of every pattern in order (every shipped cascade): its answers need no mapping
        whole = len(self._sets) == 1 and self._sets[0][1] == list(range(self.size))
        self._whole = self._sets[0][0] if whole else None
        _SHARED_SETS.add(self)

    def _compile(
        self, sources: Sequence[str], is_heavy: Callable[[str], bool]
    ) -> tuple[tuple[CompiledSet, list[int]], ...]:
        """The compiled sets (plain, counted, each left out when empty) and the pipeline-wide index
        of each of their patterns; `is_heavy(source)`: whether a pattern goes to the counted set.
        One set alone has all of `MAX_MEM`, two a quarter (plain) and three quarters (counted)."""
        kinds: tuple[tuple[list[str], list[int]], ...] = (([], []), ([], []))
        for at, source in enumerate(sources):
            chosen, indices = kinds[is_heavy(source)]
            chosen.append(source)
            indices.append(at)
        shares = (1, 3) if all(indices for _, indices in kinds) else (4, 4)
        return tuple(
            (compiled_set(tuple(chosen), share * self.MAX_MEM // 4), indices)
            for share, (chosen, indices) in zip(shares, kinds, strict=True)
            if indices
        )

    def quiet(self, texts: Iterable[str]) -> frozenset[str]:
        """Those of `texts` (as lines hold them) in which no pattern of the pipeline matches once
        folded: no phrase list of any of its cleaners can match them. (A text too long for the
        shared set is never quiet: its lists are asked one by one.)"""
        out = []
        for text in texts:
            folded = fold(text)
            if len(folded) <= self.MAX_CHARS:
                found = self._cache.get(folded)
                if not (self.matches(folded) if found is None else found):
                    out.append(text)
        return frozenset(out)

    def indices(self, phrase_sets: Iterable[PhraseSet]) -> frozenset[int] | None:
        """The indices of these lists' patterns in this set, or None when one of them with
        patterns is answered by another set (or its own): what `touches` may be asked about."""
        out: set[int] = set()
        for phrase_set in phrase_sets:
            if not phrase_set.phrases:
                continue  # matches nothing
            if phrase_set._shared is None or phrase_set._shared[0] is not self:
                return None
            out.update(range(phrase_set._shared[1], phrase_set._shared[2]))
        return frozenset(out)

    def touches(self, texts: Iterable[str], quiet: frozenset[str], indices: frozenset[int]) -> bool:
        """Whether a pattern of `indices` matches one of `texts` once folded, as the lists holding
        them answer (`PhraseSet.first`): a text of `quiet` matches none, a text too long for the set
        is asked of each list, so it may."""
        if not indices:
            return False  # lists without patterns: nothing to match
        for text in texts:
            if text in quiet:
                continue
            folded = fold(text)
            if len(folded) > self.MAX_CHARS:
                return True
            found = self._cache.get(folded)
            if not indices.isdisjoint(self.matches(folded) if found is None else found):
                return True
        return False

    def matches(self, text: str) -> tuple[int, ...]:
        """Sorted indices of every pattern of the pipeline that matches `text`."""
        found = self._cache.get(text)
        if found is None:
            if _ANSWERS[0] >= TEXTS:
                _clear_answers()
            _ANSWERS[0] += 1
            if self._whole is not None:
                hits = self._whole(text)
            else:
                hits = [indices[k] for match, indices in self._sets for k in match(text)]
            if self._loose and hits:  # a loosened pattern's hit, checked with the pattern itself
                loose, regexes = self._loose, self._regexes
                hits = [k for k in hits if k not in loose or regexes[k].search(text)]
            if self._one_by_one:
                hits += [k for k, regex in enumerate(self._one_by_one) if regex.search(text)]
            found = self._cache[text] = tuple(sorted(hits)) if hits else ()
        return found


class CompiledSet:
    """One RE2 set, compiled once for every SharedSet of the process with the same patterns and
    memory budget: the sites of a language that add no phrase share its set (see `SharedSet`).
    A set answers the same whoever asks (RE2's `Match` is safe to share, its DFA cache is
    locked)."""

    __slots__ = ("__weakref__", "_raw", "regex_set")

    def __init__(self, sources: Sequence[str], max_mem: int) -> None:
        self.regex_set = re2.Set.SearchSet(re2_options(max_mem))
        for source in sources:
            self.regex_set.Add(source)
        self.regex_set.Compile()
        # the binding's own set under google-re2's wrapper, asked with the text's UTF-8 as the
        # wrapper asks it: one Python call less per line (the wrapper's `Match` and `_encode`)
        raw = getattr(self.regex_set, "_set", None)
        self._raw = raw.Match if callable(getattr(raw, "Match", None)) else None

    def match(self, text: str) -> list[int]:
        """The indices (in no order) of the patterns that match `text`, as `re2.Set.Match` gives
        them (but a list, empty when none does)."""
        if self._raw is not None:
            return self._raw(text.encode("utf-8"))  # type: ignore[no-any-return]
        return self.regex_set.Match(text) or []


# held by the SharedSets using them: a set no pipeline holds any more is gone from here too
_COMPILED: WeakValueDictionary[tuple[int, tuple[str, ...]], CompiledSet] = WeakValueDictionary()


def compiled_set(sources: tuple[str, ...], max_mem: int) -> CompiledSet:
    """The compiled set of `sources` (in this order) with `max_mem`, shared when it exists."""
    key = (max_mem, sources)
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = CompiledSet(sources, max_mem)
    return found


_SHARED_SETS: WeakSet[SharedSet] = WeakSet()
_ANSWERS = [0]  # answers kept by all the sets together


def _clear_answers() -> None:
    for shared in _SHARED_SETS:
        shared._cache.clear()
    _ANSWERS[0] = 0


on_clear(_clear_answers)
