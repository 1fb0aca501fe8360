/* The classifier's measures of a line in C: classifier_core._measure (`measure`), the character
   counts it starts from (`counts`), the line model's digits and marks (`digits_and_marks`),
   the line model's table of a page's lines (`line_rows`: line_model.line_table), the title
   search's words (`words_and_stems`) and the decisions on short and near-good lines from their
   neighbours (`context`: classifier_core._context).

   What a character is (kana or han, hangul, clause mark, letter, word character, upper or lower
   case, menu separator) is what classifier_core.char_flags says of it (Python: the classifier's
   own regexes and str methods), asked once per code point and kept in pages of 256 code points
   made on first use. What the C decides itself: a space, a pipe, ASCII digits and the colon of a
   clock time, the sets of characters setup_measure hands over (stripped, closing, ending a
   sentence), and CPython's own Py_UNICODE_ISDECIMAL (str.isdecimal: the \d of a str pattern);
   lower case is str.lower itself, and a token is a stop word when the stoplist has a word of its
   code points (what `in` a frozenset of exact str answers; any other set is asked itself). Each
   function gives its Python twin's answer, floats to the bit (tests/test_measure_twin.py).
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../_twin.h"
#include <math.h>
#include <stdint.h>

/* the bits of classifier_core.char_flags */
#define F_KANA_HAN 1
#define F_HANGUL 2
#define F_PUNCT 4
#define F_LETTER 8
#define F_WORD 16
#define F_UPPER 32
#define F_LOWER 64
#define F_SEPARATOR 128

static twin_flags_t char_flags; /* classifier_core.char_flags, through setup() */

static int flags_of(Py_UCS4 ch) { return twin_flag(&char_flags, ch); }

static PyObject *setup(PyObject *module, PyObject *function) { return twin_flags_setup(&char_flags, function); }

/* The padded texts of _measure's regexes, read through `at`: " " + line (+ " ") */
static Py_UCS4 padded(int kind, const void *data, Py_ssize_t n, Py_ssize_t p) {
    return (p == 0 || p == n + 1) ? ' ' : PyUnicode_READ(kind, data, p - 1);
}

/* What _measure's regexes find in a line (its `counts`) */
typedef struct {
    Py_ssize_t ideographs, hangul, punct, upper, lower, separators;
    Py_ssize_t spaces, pipes; /* what measure() reads besides: line.split(" ") and "|" */
    Py_ssize_t bare;          /* tokens after the first with no letter or digit (classifier_core._words) */
    int letter, clock;
} Counts;

/* Fill `c` for `line` (a ready str); -1 with an exception set when a flag cannot be had */
static int count_line(PyObject *line, Counts *c) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    uint8_t small[512], *flags = n <= 512 ? small : PyMem_Malloc(n);
    if (flags == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(c, 0, sizeof(*c));
    int alnum = 0; /* the token so far has a letter or digit: a word character but '_' */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == ' ') {
            c->bare += c->spaces && !alnum; /* the token that ends here, if not the first */
            alnum = 0;
        }
        c->spaces += ch == ' ';
        c->pipes += ch == '|';
        int f = flags_of(ch);
        if (f < 0) {
            if (flags != small)
                PyMem_Free(flags);
            return -1;
        }
        flags[i] = (uint8_t)f;
        alnum |= (f & F_WORD) && ch != '_';
        c->ideographs += (f & F_KANA_HAN) != 0; /* len(KANA_HAN_CHAR.findall(line)) */
        c->hangul += (f & F_HANGUL) != 0;       /* len(_HANGUL.findall(line)) */
        c->punct += (f & F_PUNCT) != 0;         /* len(_PUNCT.findall(line)) */
        c->letter |= (f & F_LETTER) != 0;       /* _LETTER.search(line) */
    }
    c->bare += c->spaces && !alnum; /* the last token, if not the first */
    /* _INITIAL.findall(" " + line): " (\w)", each match consuming the space and the character */
    for (Py_ssize_t p = 0; p < n;) {
        if (padded(kind, data, n, p) == ' ' && (flags[p] & F_WORD)) {
            c->upper += (flags[p] & F_UPPER) != 0;
            c->lower += (flags[p] & F_LOWER) != 0;
            p += 2;
        } else {
            p += 1;
        }
    }
    /* _SEPARATOR.findall(f" {line} "): " [marks](?= )", the lookahead's space free for the next */
    for (Py_ssize_t p = 0; p + 2 <= n + 1;) {
        if (padded(kind, data, n, p) == ' ' && (flags[p] & F_SEPARATOR) && padded(kind, data, n, p + 2) == ' ') {
            c->separators++;
            p += 2;
        } else {
            p += 1;
        }
    }
    /* _CLOCK.search(line): [0-9]:[0-5][0-9] */
    for (Py_ssize_t i = 0; i + 3 < n && !c->clock; i++) {
        Py_UCS4 a = PyUnicode_READ(kind, data, i), b = PyUnicode_READ(kind, data, i + 1),
                d = PyUnicode_READ(kind, data, i + 2), e = PyUnicode_READ(kind, data, i + 3);
        c->clock = a >= '0' && a <= '9' && b == ':' && d >= '0' && d <= '5' && e >= '0' && e <= '9';
    }
    if (flags != small)
        PyMem_Free(flags);
    return 0;
}

/* (kana and han, hangul, clause marks, has a letter, upper- and lower-case word initials,
   standalone separators, has a clock time): what _measure's regexes find in `line` */
static PyObject *counts(PyObject *module, PyObject *line) {
    if (twin_text(line, char_flags.function, "counts") < 0)
        return NULL;
    Counts c;
    if (count_line(line, &c) < 0)
        return NULL;
    return Py_BuildValue("nnnNnnnN", c.ideographs, c.hangul, c.punct, PyBool_FromLong(c.letter), c.upper, c.lower,
                         c.separators, PyBool_FromLong(c.clock));
}

/* The decimal digits and clause marks of `line` (a ready str), into *digits and *marks:
   len(_DIGIT.findall(line)), len(_PUNCT.findall(line)); \d of a str pattern is a decimal digit
   (str.isdecimal, Py_UNICODE_ISDECIMAL). -1 with an exception set when a flag cannot be had */
static int count_digits_and_marks(PyObject *line, Py_ssize_t *digits, Py_ssize_t *marks) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    *digits = *marks = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int f = flags_of(ch);
        if (f < 0)
            return -1;
        *digits += Py_UNICODE_ISDECIMAL(ch) != 0;
        *marks += (f & F_PUNCT) != 0;
    }
    return 0;
}

/* (decimal digits, clause marks) of `line`: classifier_core.digits_and_marks */
static PyObject *digits_and_marks(PyObject *module, PyObject *line) {
    if (twin_text(line, char_flags.function, "digits_and_marks") < 0)
        return NULL;
    Py_ssize_t digits, marks;
    if (count_digits_and_marks(line, &digits, &marks) < 0)
        return NULL;
    return Py_BuildValue("nn", digits, marks);
}

/* The characters of a str, as `setup_measure` hands them over */
typedef struct {
    PyObject *text; /* a reference held */
    Py_ssize_t n;
    int kind;
    const void *data;
    uint8_t latin1[256]; /* 1 for each of them below U+0100: most characters asked about */
} Chars;

static Chars strip_chars, closers, sentence_end; /* _STRIP, _CLOSERS, _SENTENCE_END (as a str) */
static PyObject *line_type; /* classifier_core._Line */
static PyObject *str_lower, *mark_copyright, *mark_opyright, *mark_reserved, *reason_no_letters,
    *reason_timestamp, *reason_separators, *reason_copyright, *reason_none;
static int measure_ready; /* set last by a setup_measure that succeeded */

/* a str ready to be read, after setup() (measure reads the flags it gives) */
static int check_text(PyObject *text) {
    return twin_text(text, char_flags.function, "setup_measure");
}

/* the str it held is returned, for the caller to release once every field is set: its release may
   run Python code (a str subclass's __del__ calling setup_measure) */
static PyObject *set_chars(Chars *chars, PyObject *text) {
    PyObject *old = chars->text;
    chars->text = Py_NewRef(text);
    chars->n = PyUnicode_GET_LENGTH(text);
    chars->kind = PyUnicode_KIND(text);
    chars->data = PyUnicode_DATA(text);
    memset(chars->latin1, 0, sizeof(chars->latin1));
    for (Py_ssize_t i = 0; i < chars->n; i++) {
        Py_UCS4 ch = PyUnicode_READ(chars->kind, chars->data, i);
        if (ch < 256)
            chars->latin1[ch] = 1;
    }
    return old;
}

static int is_one_of(const Chars *chars, Py_UCS4 ch) {
    if (ch < 256)
        return chars->latin1[ch];
    for (Py_ssize_t i = 0; i < chars->n; i++)
        if (PyUnicode_READ(chars->kind, chars->data, i) == ch)
            return 1;
    return 0;
}

/* setup_measure(strip, closers, sentence_end, line_type): the character sets _measure reads (the
   Python constants, so that the C holds no copy of them) and the NamedTuple it makes. Every
   argument is checked before any is kept: a failed call leaves the last setup as it was. */
static PyObject *setup_measure(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "setup_measure(strip, closers, sentence_end, line_type)");
        return NULL;
    }
    if (check_text(args[0]) < 0 || check_text(args[1]) < 0 || check_text(args[2]) < 0)
        return NULL;
    /* a NamedTuple of 8 fields (`_fields`): not a struct sequence, whose instances hold more
       items than the 8 measure() gives them */
    PyObject *fields = PyType_Check(args[3]) && PyType_IsSubtype((PyTypeObject *)args[3], &PyTuple_Type)
                           ? PyObject_GetAttrString(args[3], "_fields")
                           : NULL;
    int named = fields != NULL && PyTuple_CheckExact(fields) && PyTuple_GET_SIZE(fields) == 8;
    Py_XDECREF(fields);
    if (!named) {
        PyErr_Clear();
        PyErr_SetString(PyExc_TypeError, "setup_measure: line_type must be a NamedTuple of 8 fields");
        return NULL;
    }
#define INTERN(var, text)                                                                          \
    if (var == NULL && (var = PyUnicode_InternFromString(text)) == NULL)                           \
        return NULL;
    INTERN(str_lower, "lower");
    INTERN(mark_copyright, "\xc2\xa9");
    INTERN(mark_opyright, "opyright");
    INTERN(mark_reserved, "rights reserved");
    INTERN(reason_no_letters, "no_letters");
    INTERN(reason_timestamp, "timestamp");
    INTERN(reason_separators, "separators");
    INTERN(reason_copyright, "copyright");
    INTERN(reason_none, "");
#undef INTERN
    PyObject *old[4] = {set_chars(&strip_chars, args[0]), set_chars(&closers, args[1]),
                        set_chars(&sentence_end, args[2]), line_type};
    line_type = Py_NewRef(args[3]);
    measure_ready = 1;
    for (int k = 0; k < 4; k++)
        Py_XDECREF(old[k]);
    Py_RETURN_NONE;
}

/* A stoplist as a table of its words' code points, so that a token is looked up in place, without
   making a str of it (a str, its hash and its freeing were two thirds of a long line's measure).
   Made for the last STOP_TABLES frozensets asked about, each held (so none other can take its
   address); a set with an element that is no exact str is asked itself (PySet_Contains). */
#define STOP_TABLES 32
typedef struct {
    PyObject *set;     /* the frozenset, a reference held; NULL: a free table */
    int exact;         /* every element an exact str: the table answers */
    size_t mask;       /* slots - 1, slots a power of two at least twice the words */
    Py_ssize_t *slot;  /* 1 + a word's number, 0 for an empty slot */
    Py_ssize_t *start; /* word k: pool[start[k]] .. pool[start[k + 1]] */
    Py_UCS4 *pool;
} StopTable;

static StopTable stop_tables[STOP_TABLES];
static int stop_next; /* the table the next new set replaces */

static uint64_t code_point_hash(int kind, const void *data, Py_ssize_t a, Py_ssize_t b) {
    uint64_t h = 14695981039346656037ULL; /* FNV-1a over the code points */
    for (Py_ssize_t i = a; i < b; i++) {
        h ^= PyUnicode_READ(kind, data, i);
        h *= 1099511628211ULL;
    }
    return h;
}

/* The table kept for `set`, or NULL */
static StopTable *kept_table(PyObject *set) {
    for (int k = 0; k < STOP_TABLES; k++)
        if (stop_tables[k].set == set)
            return &stop_tables[k];
    return NULL;
}

/* The table of `set` (a frozenset), made if need be; NULL with an exception set. Python code may
   run while it is made (a collection in PySequence_Tuple), so the tables are touched only after;
   the set a new table evicts is handed back in *evicted, for the caller to release when it no
   longer reads the table (its release may run Python code: weakref callbacks, __del__). */
static StopTable *stop_table(PyObject *set, PyObject **evicted) {
    *evicted = NULL;
    StopTable *t = kept_table(set);
    if (t != NULL)
        return t;
    Py_ssize_t words = PySet_GET_SIZE(set), chars = 0, k = 0;
    PyObject *word, *items = PySequence_Tuple(set);
    if (items == NULL)
        return NULL;
    if ((t = kept_table(set)) != NULL) { /* made meanwhile */
        Py_DECREF(items);
        return t;
    }
    int exact = 1;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(items); i++) {
        word = PyTuple_GET_ITEM(items, i);
        exact = exact && PyUnicode_CheckExact(word);
        chars += exact ? PyUnicode_GET_LENGTH(word) : 0;
    }
    size_t slots = 8;
    while (slots < 2 * (size_t)words)
        slots *= 2;
    StopTable made = {NULL, exact, slots - 1, NULL, NULL, NULL};
    if (exact) {
        made.slot = PyMem_Calloc(slots, sizeof(Py_ssize_t));
        made.start = PyMem_Malloc((words + 1) * sizeof(Py_ssize_t));
        made.pool = PyMem_Malloc((chars + 1) * sizeof(Py_UCS4));
        if (made.slot == NULL || made.start == NULL || made.pool == NULL) {
            Py_DECREF(items);
            PyMem_Free(made.slot);
            PyMem_Free(made.start);
            PyMem_Free(made.pool);
            PyErr_NoMemory();
            return NULL;
        }
        Py_ssize_t at = 0;
        for (; k < PyTuple_GET_SIZE(items); k++) {
            word = PyTuple_GET_ITEM(items, k);
            Py_ssize_t n = PyUnicode_GET_LENGTH(word);
            int kind = PyUnicode_KIND(word);
            const void *data = PyUnicode_DATA(word);
            made.start[k] = at;
            for (Py_ssize_t i = 0; i < n; i++)
                made.pool[at++] = PyUnicode_READ(kind, data, i);
            size_t s = (size_t)code_point_hash(kind, data, 0, n) & made.mask;
            while (made.slot[s])
                s = (s + 1) & made.mask;
            made.slot[s] = k + 1;
        }
        made.start[k] = at;
    }
    Py_DECREF(items); /* its words are the set's too: no Python code runs */
    t = &stop_tables[stop_next];
    stop_next = (stop_next + 1) % STOP_TABLES;
    *evicted = t->set;
    PyMem_Free(t->slot);
    PyMem_Free(t->start);
    PyMem_Free(t->pool);
    made.set = Py_NewRef(set);
    *t = made;
    return t;
}

/* Whether text[a:b] is a word of `t` (an exact table) */
static int in_stop_table(const StopTable *t, int kind, const void *data, Py_ssize_t a, Py_ssize_t b) {
    for (size_t s = (size_t)code_point_hash(kind, data, a, b) & t->mask; t->slot[s]; s = (s + 1) & t->mask) {
        Py_ssize_t k = t->slot[s] - 1, from = t->start[k];
        if (t->start[k + 1] - from != b - a)
            continue;
        Py_ssize_t i = 0;
        while (i < b - a && t->pool[from + i] == PyUnicode_READ(kind, data, a + i))
            i++;
        if (i == b - a)
            return 1;
    }
    return 0;
}

/* Whether lowered[a:b] is in `stopwords`, by its table `t` when it is exact, else (t NULL) by the
   set itself; -1 on an error */
static int is_stop_word(const StopTable *t, PyObject *stopwords, PyObject *lowered, Py_ssize_t a, Py_ssize_t b) {
    if (t != NULL)
        return in_stop_table(t, PyUnicode_KIND(lowered), PyUnicode_DATA(lowered), a, b);
    PyObject *token = PyUnicode_Substring(lowered, a, b);
    if (token == NULL)
        return -1;
    int found = PySet_Contains(stopwords, token);
    Py_DECREF(token);
    return found;
}

/* classifier_core._stop_words: the tokens of line.lower().split(" "), stripped of _STRIP, that
   are stop words or start with one that ends in the first apostrophe (' or U+2019); -1 on an error */
static Py_ssize_t stop_words(PyObject *line, PyObject *stopwords) {
    /* lower-cased first: making a str may start a collection, whose finalizers may measure with
       other stoplists, whose tables may take this one's place; from the table on, an exact
       stoplist's tokens are looked up without making any object */
    PyObject *lowered = PyObject_CallMethodNoArgs(line, str_lower);
    if (lowered == NULL)
        return -1;
    if (!PyUnicode_Check(lowered)) {
        Py_DECREF(lowered);
        PyErr_SetString(PyExc_TypeError, "measure: str.lower gave no str");
        return -1;
    }
    PyObject *evicted;
    StopTable *made = stop_table(stopwords, &evicted);
    if (made == NULL) {
        Py_DECREF(lowered);
        return -1;
    }
    /* not read again when the set is asked: the __eq__ of an element may measure other lines with
       other stoplists, whose tables may take this one's place */
    const StopTable *table = made->exact ? made : NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(lowered), stops = 0;
    int kind = PyUnicode_KIND(lowered);
    const void *data = PyUnicode_DATA(lowered);
    for (Py_ssize_t start = 0; start <= n;) {
        Py_ssize_t end = start;
        while (end < n && PyUnicode_READ(kind, data, end) != ' ')
            end++;
        Py_ssize_t a = start, b = end; /* the token, stripped of _STRIP at both ends */
        while (a < b && is_one_of(&strip_chars, PyUnicode_READ(kind, data, a)))
            a++;
        while (b > a && is_one_of(&strip_chars, PyUnicode_READ(kind, data, b - 1)))
            b--;
        int found = is_stop_word(table, stopwords, lowered, a, b);
        if (found == 0) { /* an elided start: "l'" of "l'accueil" */
            Py_ssize_t k = a;
            while (k < b && PyUnicode_READ(kind, data, k) != '\'' && PyUnicode_READ(kind, data, k) != 0x2019)
                k++;
            if (k < b)
                found = is_stop_word(table, stopwords, lowered, a, k + 1);
        }
        if (found < 0) {
            Py_DECREF(lowered);
            Py_XDECREF(evicted);
            return -1;
        }
        stops += found;
        start = end + 1; /* past the space; a final space leaves one empty token, as split does */
    }
    Py_DECREF(lowered);
    Py_XDECREF(evicted); /* may run Python code: the table is no longer read */
    return stops;
}

static int contains(PyObject *line, PyObject *mark) {
    return PyUnicode_Find(line, mark, 0, PY_SSIZE_T_MAX, 1) >= 0;
}

/* measure(line, stopwords, phrase_spaced, by_punct, length_low, max_separators,
           max_separator_share, max_copyright_words) -> line_type(...): the whole of
   classifier_core._measure but `by_punct` (given: it reads the line's scripts), each value
   computed by the same operations in the same order, so the same floats. NotImplemented for what
   the rule files never give (a str or frozenset subclass, thresholds of other types, a NaN
   share): the Python twin measures such a line. */
static PyObject *measure(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 8) {
        PyErr_SetString(PyExc_TypeError, "measure takes 8 arguments");
        return NULL;
    }
    PyObject *line = args[0], *stopwords = args[1];
    if (twin_text(line, char_flags.function, "measure") < 0)
        return NULL;
    if (!measure_ready) {
        PyErr_SetString(PyExc_RuntimeError, "measure: call setup_measure() first");
        return NULL;
    }
    if (!PyUnicode_CheckExact(line) || !PyFrozenSet_CheckExact(stopwords) || !PyLong_CheckExact(args[4]) ||
        !PyLong_CheckExact(args[5]) || !PyLong_CheckExact(args[7]) || !PyFloat_CheckExact(args[6]) ||
        isnan(PyFloat_AS_DOUBLE(args[6])) || !PyBool_Check(args[2]) || !PyBool_Check(args[3]))
        Py_RETURN_NOTIMPLEMENTED;
    int phrase_spaced = args[2] == Py_True, by_punct = args[3] == Py_True;
    Py_ssize_t length_low = PyLong_AsSsize_t(args[4]), max_separators = PyLong_AsSsize_t(args[5]),
               max_copyright_words = PyLong_AsSsize_t(args[7]);
    double max_separator_share = PyFloat_AS_DOUBLE(args[6]);
    if (PyErr_Occurred()) { /* a threshold beyond Py_ssize_t */
        if (!PyErr_ExceptionMatches(PyExc_OverflowError))
            return NULL;
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    Counts c;
    if (count_line(line, &c) < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    Py_ssize_t tokens = c.spaces + 1; /* len(line.split(" ")) */
    Py_ssize_t weight = n + 2 * c.ideographs + c.hangul; /* _weight */
    Py_ssize_t words = tokens + c.ideographs / 2;
    Py_ssize_t tail = n; /* len(line.rstrip(_CLOSERS)) */
    while (tail > 0 && is_one_of(&closers, PyUnicode_READ(kind, data, tail - 1)))
        tail--;
    int ends_sentence =
        phrase_spaced || (tail > 0 && is_one_of(&sentence_end, PyUnicode_READ(kind, data, tail - 1)) &&
                          !(tail >= 2 && PyUnicode_READ(kind, data, tail - 1) == '.' &&
                            PyUnicode_READ(kind, data, tail - 2) == '.'));
    double density = 0.0, title_case = 0.0;
    Py_ssize_t stops = -1;
    if (weight >= length_low) {
        if (!by_punct) {
            stops = stop_words(line, stopwords);
            if (stops < 0)
                return NULL;
            density = (double)stops / (double)(tokens - c.bare + c.ideographs / 2); /* _words(tokens) + ... */
        } else {
            density = (double)(c.punct + phrase_spaced * (tokens - 1)) / (double)words;
        }
        if (!ends_sentence) {
            Py_ssize_t cased = c.upper + c.lower;
            title_case = (double)c.upper / (double)(cased > 1 ? cased : 1);
        }
    }
    Py_ssize_t separators = c.pipes + c.separators; /* line.count("|") + standalone separators */
    PyObject *reason = reason_none;
    if (!c.letter)
        reason = reason_no_letters;
    else if (weight < length_low && c.clock)
        reason = reason_timestamp;
    /* separators > max(max_separators, max_separator_share * words): above both */
    else if (separators > max_separators && (double)separators > max_separator_share * (double)words)
        reason = reason_separators;
    else if (words <= max_copyright_words &&
             (contains(line, mark_copyright) || contains(line, mark_opyright) || contains(line, mark_reserved)))
        reason = reason_copyright;
    if (PyErr_Occurred())
        return NULL;
    PyObject *items = Py_BuildValue("(nNnNNNOn)", weight, PyBool_FromLong(by_punct), words,
                                    PyFloat_FromDouble(density), PyBool_FromLong(ends_sentence),
                                    PyFloat_FromDouble(title_case), reason, stops);
    if (items == NULL)
        return NULL;
    /* tuple.__new__(line_type, items), as the NamedTuple's own __new__ makes it (a tuple's
       layout and, from Python 3.14, its cached hash set as tuple's constructor sets them) */
    PyObject *call = PyTuple_Pack(1, items);
    Py_DECREF(items);
    if (call == NULL)
        return NULL;
    PyObject *out = PyTuple_Type.tp_new((PyTypeObject *)line_type, call, NULL);
    Py_DECREF(call);
    return out;
}

/* A float of a line's measure, as numpy's float64 conversion reads it (float(x)); -1 with an
   exception set */
static int as_double(PyObject *value, double *out) {
    *out = PyFloat_AsDouble(value);
    return *out == -1.0 && PyErr_Occurred() ? -1 : 0;
}

/* 1.0 when `value == name` (Python's ==), else 0.0; -1.0 with an exception set */
static double is_named(PyObject *value, PyObject *name) {
    int equal = PyObject_RichCompareBool(value, name, Py_EQ);
    return equal < 0 ? -1.0 : (double)equal;
}

/* The index of the first of `names` (a tuple) that `value` equals, len(names) for none; -1 with
   an exception set */
static Py_ssize_t named_at(PyObject *value, PyObject *names) {
    Py_ssize_t k = 0, n = PyTuple_GET_SIZE(names);
    for (; k < n; k++) {
        int equal = PyObject_RichCompareBool(value, PyTuple_GET_ITEM(names, k), Py_EQ);
        if (equal < 0)
            return -1;
        if (equal)
            break;
    }
    return k;
}

/* Whether every item is what line_table's caller gives (the domain where the C and numpy read
   the same values): lines and labels exact str, gaps bool, each feature a tuple whose weight and
   words are exact int, by_punct and ends_sentence bool, density and title_case exact float and
   bad_reason exact str. A str subclass may compare as it likes, numpy converts None or "1" to a
   float and compares strings without their trailing NULs: outside it, the Python twin decides. */
static int rows_readable(PyObject **lines, PyObject **gaps, PyObject **feats, PyObject **classes,
                         PyObject **context, PyObject **labels, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *f = feats[i];
        if (!PyUnicode_CheckExact(lines[i]) || !PyBool_Check(gaps[i]) || !PyUnicode_CheckExact(classes[i]) ||
            !PyUnicode_CheckExact(context[i]) || !PyUnicode_CheckExact(labels[i]) || !PyTuple_Check(f) ||
            PyTuple_GET_SIZE(f) < 7 || !PyLong_CheckExact(PyTuple_GET_ITEM(f, 0)) ||
            !PyBool_Check(PyTuple_GET_ITEM(f, 1)) || !PyLong_CheckExact(PyTuple_GET_ITEM(f, 2)) ||
            !PyFloat_CheckExact(PyTuple_GET_ITEM(f, 3)) || !PyBool_Check(PyTuple_GET_ITEM(f, 4)) ||
            !PyFloat_CheckExact(PyTuple_GET_ITEM(f, 5)) || !PyUnicode_CheckExact(PyTuple_GET_ITEM(f, 6)))
            return 0;
    }
    return 1;
}

#define ROW_REASONS 4   /* line_model._REASONS */
#define ROW_CLASSES 5   /* line_model._INTRINSIC */
#define ROW_COLUMNS 41  /* the columns line_rows fills, laid out as line_model._C_LAYOUT states */
#define C_AROUND 23     /* the first neighbour column */
enum { C_LOG_WEIGHT, C_DENSITY, C_BY_PUNCT, C_ENDS, C_TITLE_CASE, C_REASONS };
enum {
    C_CLASSES = C_REASONS + ROW_REASONS,
    C_IN_CONTEXT = C_CLASSES + ROW_CLASSES,
    C_KEPT,
    C_POSITION,
    C_SHARE_OF_LONGEST,
    C_DIGIT_SHARE,
    C_PUNCT_PER_WORD,
    C_BULLET,
    C_REPEATED,
    C_GAP_BEFORE
};

/* Each window's sum, sums[min(i + radius + 1, n)] - sums[max(i - radius, 0)]: line_model._window */
static double window(const double *sums, Py_ssize_t n, Py_ssize_t i, Py_ssize_t radius) {
    return sums[i + radius + 1 < n ? i + radius + 1 : n] - sums[i - radius > 0 ? i - radius : 0];
}

/* line_rows(table, weight, lines, gaps, feats, classes, in_context, labels, good, reasons,
             intrinsic, bullets): line_model.line_table's first ROW_COLUMNS columns of each line
   written into `table` (a C-contiguous float64 array of n rows and ROW_COLUMNS or more columns, its
   rows zero where a line has no neighbour), and each line's weight into `weight` (n float64s,
   for the page's shares, which numpy sums pairwise). `feats` are classifier_core._Line tuples;
   `reasons` and `intrinsic` the tuples of names whose one-hot columns come after title_case.
   Every value is the Python twin's float to the bit: the same conversions (float(x)), the same
   divisions, libm's log1p (math.log1p's), running sums added in order (numpy's cumsum).
   NotImplemented, with nothing written, for items outside what the caller gives (rows_readable). */
static PyObject *line_rows(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 12) {
        PyErr_SetString(PyExc_TypeError, "line_rows takes 12 arguments");
        return NULL;
    }
    PyObject *good = args[8], *reasons = args[9], *intrinsic = args[10], *bullets = args[11];
    if (!PyTuple_Check(reasons) || PyTuple_GET_SIZE(reasons) != ROW_REASONS || !PyTuple_Check(intrinsic) ||
        PyTuple_GET_SIZE(intrinsic) != ROW_CLASSES || !PyUnicode_Check(bullets)) {
        PyErr_SetString(PyExc_TypeError, "line_rows: 4 reasons, 5 classes and a str of bullets");
        return NULL;
    }
    if (!PyUnicode_CheckExact(good))
        Py_RETURN_NOTIMPLEMENTED;
    for (int k = 0; k < ROW_REASONS + ROW_CLASSES; k++)
        if (!PyUnicode_CheckExact(k < ROW_REASONS ? PyTuple_GET_ITEM(reasons, k)
                                                  : PyTuple_GET_ITEM(intrinsic, k - ROW_REASONS)))
            Py_RETURN_NOTIMPLEMENTED;
    if (twin_text(bullets, char_flags.function, "line_rows") < 0)
        return NULL;
    /* lines, gaps, feats, classes, in_context, labels: copied, so that an __eq__ or a hash called
       meanwhile cannot change what is read */
    PyObject *seqs[6] = {NULL};
    Py_buffer table = {0}, weights = {0};
    double *sums = NULL;
    PyObject *counts = NULL, *result = NULL;
    for (int k = 0; k < 6; k++)
        if ((seqs[k] = PySequence_Tuple(args[2 + k])) == NULL)
            goto done;
    Py_ssize_t n = PyTuple_GET_SIZE(seqs[0]);
    for (int k = 1; k < 6; k++)
        if (PyTuple_GET_SIZE(seqs[k]) != n) {
            PyErr_SetString(PyExc_ValueError, "line_rows: one item per line in each sequence");
            goto done;
        }
    if (PyObject_GetBuffer(args[0], &table, PyBUF_C_CONTIGUOUS | PyBUF_WRITABLE | PyBUF_FORMAT) < 0)
        goto done;
    if (PyObject_GetBuffer(args[1], &weights, PyBUF_C_CONTIGUOUS | PyBUF_WRITABLE | PyBUF_FORMAT) < 0)
        goto done;
    if (table.ndim != 2 || table.itemsize != 8 || strcmp(table.format, "d") != 0 || table.shape[0] != n ||
        table.shape[1] < ROW_COLUMNS || weights.ndim != 1 || weights.itemsize != 8 ||
        strcmp(weights.format, "d") != 0 || weights.shape[0] != n) {
        PyErr_SetString(PyExc_ValueError, "line_rows: a float64 table of n rows, ROW_COLUMNS or more columns, "
                                          "and n float64 weights");
        goto done;
    }
    double *out = table.buf, *weight = weights.buf;
    Py_ssize_t width = table.shape[1];
    PyObject **lines = &PyTuple_GET_ITEM(seqs[0], 0), **gaps = &PyTuple_GET_ITEM(seqs[1], 0),
             **feats = &PyTuple_GET_ITEM(seqs[2], 0), **classes = &PyTuple_GET_ITEM(seqs[3], 0),
             **context = &PyTuple_GET_ITEM(seqs[4], 0), **labels = &PyTuple_GET_ITEM(seqs[5], 0);
    if (!rows_readable(lines, gaps, feats, classes, context, labels, n)) {
        result = Py_NewRef(Py_NotImplemented);
        goto done;
    }
    if ((counts = PyDict_New()) == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) { /* Counter(lines) */
        PyObject *seen = PyDict_GetItemWithError(counts, lines[i]);
        if (seen == NULL && PyErr_Occurred())
            goto done;
        if (PyDict_SetItem(counts, lines[i], seen == NULL ? Py_False : Py_True) < 0)
            goto done;
    }
    double longest = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double *row = out + i * width, value;
        memset(row, 0, ROW_COLUMNS * sizeof(double));
        PyObject *f = feats[i], *line = lines[i];
        if (twin_text(line, char_flags.function, "line_rows") < 0)
            goto done;
        /* weight, by_punct, words, density, ends_sentence, title_case, bad_reason */
        double words;
        if (as_double(PyTuple_GET_ITEM(f, 0), &weight[i]) < 0 || as_double(PyTuple_GET_ITEM(f, 1), &row[C_BY_PUNCT]) < 0 ||
            as_double(PyTuple_GET_ITEM(f, 2), &words) < 0 || as_double(PyTuple_GET_ITEM(f, 3), &row[C_DENSITY]) < 0 ||
            as_double(PyTuple_GET_ITEM(f, 4), &row[C_ENDS]) < 0 || as_double(PyTuple_GET_ITEM(f, 5), &row[C_TITLE_CASE]) < 0)
            goto done;
        if (i == 0 || weight[i] > longest) /* weight.max() */
            longest = weight[i];
        row[C_LOG_WEIGHT] = log1p(weight[i]);
        Py_ssize_t at = named_at(PyTuple_GET_ITEM(f, 6), reasons);
        if (at < 0)
            goto done;
        if (at < ROW_REASONS)
            row[C_REASONS + at] = 1.0;
        if ((at = named_at(classes[i], intrinsic)) < 0)
            goto done;
        if (at < ROW_CLASSES)
            row[C_CLASSES + at] = 1.0;
        if ((row[C_IN_CONTEXT] = is_named(context[i], good)) < 0 || (row[C_KEPT] = is_named(labels[i], good)) < 0)
            goto done;
        row[C_POSITION] = (double)i / (double)(n - 1 > 1 ? n - 1 : 1);
        Py_ssize_t length = PyUnicode_GET_LENGTH(line), digits, marks;
        if (count_digits_and_marks(line, &digits, &marks) < 0)
            goto done;
        row[C_DIGIT_SHARE] = (double)digits / (double)(length > 1 ? length : 1);
        value = (double)marks / (words > 1.0 ? words : 1.0);
        row[C_PUNCT_PER_WORD] = value < 2.0 ? value : 2.0;
        row[C_BULLET] = length > 0 && PyUnicode_FindChar(bullets, PyUnicode_READ_CHAR(line, 0), 0,
                                                         PyUnicode_GET_LENGTH(bullets), 1) >= 0;
        PyObject *repeated = PyDict_GetItemWithError(counts, line);
        if (repeated == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_RuntimeError, "line_rows: a line's hash changed");
            goto done;
        }
        row[C_REPEATED] = repeated == Py_True;
        if (as_double(gaps[i], &row[C_GAP_BEFORE]) < 0)
            goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        out[i * width + C_SHARE_OF_LONGEST] = weight[i] / longest;
    static const int around[4] = {C_LOG_WEIGHT, C_KEPT, C_CLASSES, C_DENSITY}; /* _AROUND */
    static const int neighbours[4] = {-2, -1, 1, 2};                           /* _NEIGHBOURS */
    for (int k = 0; k < 4; k++) /* "@+k" at line i is line i - k's */
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_ssize_t from = i - neighbours[k];
            if (from >= 0 && from < n)
                for (int m = 0; m < 4; m++)
                    out[i * width + C_AROUND + 4 * k + m] = out[from * width + around[m]];
        }
    if ((sums = PyMem_Malloc(2 * (n + 1) * sizeof(double))) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    double *good_sums = sums, *weight_sums = sums + n + 1;
    good_sums[0] = weight_sums[0] = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        good_sums[i + 1] = good_sums[i] + weight[i] * out[i * width + C_CLASSES];
        weight_sums[i + 1] = weight_sums[i] + weight[i];
    }
    static const int radii[2] = {3, 10}; /* _WINDOWS */
    for (int k = 0; k < 2; k++)
        for (Py_ssize_t i = 0; i < n; i++) {
            double all = window(weight_sums, n, i, radii[k]);
            out[i * width + C_AROUND + 16 + k] = window(good_sums, n, i, radii[k]) / (all > 1.0 ? all : 1.0);
        }
    result = Py_NewRef(Py_None);
done:
    PyMem_Free(sums);
    Py_XDECREF(counts);
    if (weights.obj != NULL)
        PyBuffer_Release(&weights);
    if (table.obj != NULL)
        PyBuffer_Release(&table);
    for (int k = 0; k < 6; k++)
        Py_XDECREF(seqs[k]);
    return result;
}

/* A token of a text, once: its span and hash, in a table of spans already met (open addressing) */
typedef struct {
    Py_ssize_t a, b; /* b < 0: a free slot */
    uint64_t hash;
} Span;

/* Past these, words_and_stems declines and the Python twin answers (linear, with Python's seeded
   hashes): a text of more tokens would hold tables of up to 192 bytes a token (each at most a
   quarter full, so that a chain stays short: at a half, tens of thousands of tokens made chains
   over 32 probes), and a chain of more probes means tokens made to collide (the hash is no
   secret), which would make the C quadratic */
#define MAX_TOKENS (1 << 16)
#define MAX_PROBES 64

/* FNV-1a's hash mixed (MurmurHash3's finaliser), so that the slot (its low bits) hangs on every
   bit of every code point, not only on their low bits */
static uint64_t span_hash(int kind, const void *data, Py_ssize_t a, Py_ssize_t b) {
    uint64_t h = code_point_hash(kind, data, a, b);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}

/* Whether [a, b) of the text is in `table` (mask + 1 slots): 1; 0 when it was not (it is now);
   -1 when its chain is longer than MAX_PROBES (nothing put). Both spans are of the one text, so
   of one kind: compared as bytes */
static int seen_span(Span *table, size_t mask, int kind, const void *data, Py_ssize_t a, Py_ssize_t b) {
    uint64_t h = span_hash(kind, data, a, b);
    size_t s = (size_t)h & mask;
    for (int probe = 0; probe < MAX_PROBES; probe++, s = (s + 1) & mask) {
        Span *at = &table[s];
        if (at->b < 0) {
            *at = (Span){a, b, h};
            return 0;
        }
        if (at->hash == h && at->b - at->a == b - a &&
            memcmp((const char *)data + at->a * kind, (const char *)data + a * kind, (size_t)(b - a) * kind) == 0)
            return 1;
    }
    return -1;
}

/* words_and_stems(text, stem) -> (words, stems): classifier_core._Body's sets of a lowered text
   (an exact str; else NotImplemented): its tokens, parted at ' ', '-' and '/' (the empty ones
   too), each stripped at both ends of what setup_measure's `strip` holds, and each word's first
   `stem` code points (the word itself when it is no longer). A word met again is skipped before
   any str is made of it (half of a page's tokens). NotImplemented too past MAX_TOKENS tokens or
   MAX_PROBES probes. No Python code runs between the setup read and
   the last token (a str's hash and equality are C's), so the setup cannot change under it. */
static PyObject *words_and_stems(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "words_and_stems(text, stem)");
        return NULL;
    }
    PyObject *text = args[0];
    if (twin_text(text, char_flags.function, "words_and_stems") < 0)
        return NULL;
    if (!measure_ready) {
        PyErr_SetString(PyExc_RuntimeError, "words_and_stems: call setup_measure() first");
        return NULL;
    }
    if (!PyUnicode_CheckExact(text) || !PyLong_CheckExact(args[1]))
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t stem = PyLong_AsSsize_t(args[1]);
    if (stem < 0) {
        if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_OverflowError))
            return NULL;
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED; /* a negative slice end, or one beyond Py_ssize_t */
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), tokens = 1;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        tokens += ch == ' ' || ch == '-' || ch == '/';
    }
    if (tokens > MAX_TOKENS)
        Py_RETURN_NOTIMPLEMENTED;
    size_t slots = 8;
    while (slots < 4 * (size_t)tokens)
        slots *= 2;
    PyObject *words = PySet_New(NULL), *stems = PySet_New(NULL), *result = NULL;
    Span *met = PyMem_Malloc(2 * slots * sizeof(Span)); /* the words', then the stems' */
    if (words == NULL || stems == NULL || met == NULL) {
        if (met == NULL)
            PyErr_NoMemory();
        goto done;
    }
    for (size_t s = 0; s < 2 * slots; s++)
        met[s].b = -1;
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        if (i < n) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (ch != ' ' && ch != '-' && ch != '/')
                continue;
        }
        Py_ssize_t a = start, b = i;
        start = i + 1;
        while (a < b && is_one_of(&strip_chars, PyUnicode_READ(kind, data, a)))
            a++;
        while (b > a && is_one_of(&strip_chars, PyUnicode_READ(kind, data, b - 1)))
            b--;
        int met_word = seen_span(met, slots - 1, kind, data, a, b), met_stem = 1;
        if (met_word == 1)
            continue; /* and so is its stem */
        if (met_word == 0 && b - a > stem)
            met_stem = seen_span(met + slots, slots - 1, kind, data, a, a + stem);
        if (met_word < 0 || met_stem < 0) {
            result = Py_NewRef(Py_NotImplemented);
            goto done;
        }
        PyObject *word = PyUnicode_Substring(text, a, b), *head = NULL;
        int added = word == NULL ? -1 : PySet_Add(words, word);
        if (added == 0) {
            if (b - a <= stem)
                head = Py_NewRef(word);
            else if (met_stem == 0)
                head = PyUnicode_Substring(text, a, a + stem);
            if (head != NULL)
                added = PySet_Add(stems, head);
            else if (PyErr_Occurred())
                added = -1;
        }
        Py_XDECREF(word);
        Py_XDECREF(head);
        if (added < 0)
            goto done;
    }
    result = PyTuple_Pack(2, words, stems);
done:
    PyMem_Free(met);
    Py_XDECREF(words);
    Py_XDECREF(stems);
    return result;
}

/* A run's count adds up the holes of its lines: bounded so that no sum can overflow (the counts
   are lines removed, a page's lines are far fewer); beyond, the Python twin answers */
#define CONTEXT_MAX_LINES ((Py_ssize_t)1 << 22)
#define CONTEXT_MAX_HOLES ((long long)1 << 36)

/* classifier_core._context's decisions on a page's classes, `prose` (its _sentence_runs, or None)
   worked out before: context(classes, good, short, neargood, short_isolated, low_stopwords,
   max_short_run, holes, prose) -> the new classes, a list. Each line is decided as the Python twin
   decides it (tests/test_measure_twin.py); NotImplemented, for the twin to answer, when a class
   is no exact str, `holes` is neither empty nor one int a line, a count or `max_short_run` is
   beyond the bounds above, or `prose` holds other than bools. */
static PyObject *context(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 9) {
        PyErr_SetString(PyExc_TypeError, "context takes 9 arguments");
        return NULL;
    }
    PyObject *good = args[1], *shrt = args[2], *near = args[3], *isolated = args[4], *low = args[5];
    if (!PyUnicode_CheckExact(good) || !PyUnicode_CheckExact(shrt) || !PyUnicode_CheckExact(near)) {
        PyErr_SetString(PyExc_TypeError, "context: the classes' names are str");
        return NULL;
    }
    int overflow = 0;
    long long max_run = PyLong_CheckExact(args[6]) ? PyLong_AsLongLongAndOverflow(args[6], &overflow) : 0;
    if (max_run == -1 && PyErr_Occurred())
        return NULL;
    if (!PyLong_CheckExact(args[6]) || overflow)
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *classes = NULL, *holes = NULL, *prose = NULL, *out = NULL;
    PyObject *names = PyTuple_Pack(3, good, shrt, near); /* named_at's codes 0, 1, 2; 3: another */
    unsigned char *code = NULL;
    long long *run = NULL, *gone = NULL;
    if (names == NULL || (classes = PySequence_Tuple(args[0])) == NULL ||
        (holes = PySequence_Tuple(args[7])) == NULL)
        goto done;
    if (args[8] != Py_None && (prose = PySequence_Tuple(args[8])) == NULL)
        goto done;
    Py_ssize_t n = PyTuple_GET_SIZE(classes), nh = PyTuple_GET_SIZE(holes);
    if ((nh && nh != n) || (prose != NULL && PyTuple_GET_SIZE(prose) != n) || n > CONTEXT_MAX_LINES) {
        out = Py_NewRef(Py_NotImplemented);
        goto done;
    }
    /* per line: bit 0-1 its class (1 good, 2 short, 3 near-good, 0 another), 4 a good line above
       it, 8 one below it, 16 prose, 32 decided good */
    code = PyMem_Calloc(n ? n : 1, 1);
    run = PyMem_Calloc(n ? n : 1, sizeof(long long));
    gone = PyMem_Calloc(n ? n : 1, sizeof(long long));
    if (code == NULL || run == NULL || gone == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int any_hole = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *c = PyTuple_GET_ITEM(classes, i);
        if (!PyUnicode_CheckExact(c)) {
            out = Py_NewRef(Py_NotImplemented);
            goto done;
        }
        Py_ssize_t named = named_at(c, names); /* Python's ==: the constant itself, or an equal str */
        if (named < 0)
            goto done;
        code[i] = (unsigned char)(named < 3 ? named + 1 : 0);
        if (prose != NULL) {
            PyObject *said = PyTuple_GET_ITEM(prose, i);
            if (!PyBool_Check(said)) {
                out = Py_NewRef(Py_NotImplemented);
                goto done;
            }
            code[i] |= (unsigned char)(said == Py_True ? 16 : 0);
        }
        if (nh) {
            PyObject *count = PyTuple_GET_ITEM(holes, i);
            gone[i] = PyLong_Check(count) ? PyLong_AsLongLongAndOverflow(count, &overflow) : 0;
            if (gone[i] == -1 && PyErr_Occurred())
                goto done;
            if (!PyLong_Check(count) || overflow || gone[i] > CONTEXT_MAX_HOLES || gone[i] < -CONTEXT_MAX_HOLES) {
                out = Py_NewRef(Py_NotImplemented);
                goto done;
            }
            any_hole |= gone[i] != 0;
        }
    }
#define KIND(i) (code[i] & 3)
#define UNDECIDED(i) (KIND(i) >= 2)
    int last = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        code[i] |= (unsigned char)(last ? 4 : 0);
        if (UNDECIDED(i))
            run[i] = (i ? run[i - 1] : 0) + 1;
        else
            last = KIND(i) == 1;
    }
    last = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        code[i] |= (unsigned char)(last ? 8 : 0);
        if (!UNDECIDED(i))
            last = KIND(i) == 1;
        else if (i + 1 < n && run[i + 1])
            run[i] = run[i + 1];
    }
    if (any_hole) /* _count_holes: a run's lines also count those removed before, inside and after it */
        for (Py_ssize_t i = 0; i < n;) {
            if (!run[i]) {
                i++;
                continue;
            }
            Py_ssize_t j = i;
            while (j < n && run[j])
                j++;
            long long total = run[i];
            for (Py_ssize_t k = i; k <= j && k < n; k++)
                total += gone[k];
            for (Py_ssize_t k = i; k < j; k++)
                run[k] = total;
            i = j;
        }
    if ((out = PyList_New(n)) == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *chosen = PyTuple_GET_ITEM(classes, i);
        int above = (code[i] & 4) != 0, below = (code[i] & 8) != 0;
        if (KIND(i) == 2)
            chosen = (above && below && run[i] <= max_run) || (code[i] & 16) ? good : isolated;
        else if (KIND(i) == 3)
            chosen = above || below ? good : low;
        if (KIND(i) == 1 || chosen == good)
            code[i] |= 32;
        PyList_SET_ITEM(out, i, Py_NewRef(chosen));
    }
    for (Py_ssize_t i = 0; i + 1 < n; i++)
        if (KIND(i) == 2 && (code[i + 1] & 32) && !((code[i] & 4) && nh && gone[i + 1])) {
            PyObject *was = PyList_GET_ITEM(out, i);
            PyList_SET_ITEM(out, i, Py_NewRef(good));
            Py_DECREF(was);
            code[i] |= 32;
        }
#undef KIND
#undef UNDECIDED
done:
    PyMem_Free(code);
    PyMem_Free(run);
    PyMem_Free(gone);
    Py_XDECREF(names);
    Py_XDECREF(classes);
    Py_XDECREF(holes);
    Py_XDECREF(prose);
    return out;
}

static PyMethodDef methods[] = {
    {"setup", setup, METH_O, "setup(char_flags): the function that gives a character's flags"},
    {"setup_measure", (PyCFunction)(void (*)(void))setup_measure, METH_FASTCALL,
     "setup_measure(strip, closers, sentence_end, line_type): what measure() reads and makes"},
    {"measure", (PyCFunction)(void (*)(void))measure, METH_FASTCALL,
     "measure(line, stopwords, phrase_spaced, by_punct, length_low, max_separators, max_separator_share, "
     "max_copyright_words) -> line_type: classifier_core._measure"},
    {"digits_and_marks", digits_and_marks, METH_O,
     "digits_and_marks(line) -> (decimal digits, clause marks): classifier_core.digits_and_marks"},
    {"line_rows", (PyCFunction)(void (*)(void))line_rows, METH_FASTCALL,
     "line_rows(table, weight, lines, gaps, feats, classes, in_context, labels, good, reasons, intrinsic, "
     "bullets): line_model.line_table's per-line columns"},
    {"words_and_stems", (PyCFunction)(void (*)(void))words_and_stems, METH_FASTCALL,
     "words_and_stems(text, stem) -> (words, stems): classifier_core._Body's sets of a lowered text"},
    {"context", (PyCFunction)(void (*)(void))context, METH_FASTCALL,
     "context(classes, good, short, neargood, short_isolated, low_stopwords, max_short_run, holes, prose) "
     "-> classes: classifier_core._context"},
    {"counts", counts, METH_O,
     "counts(line) -> (kana_han, hangul, punct, has_letter, upper_initials, lower_initials, separators, "
     "has_clock)"},
    {NULL, NULL, 0, NULL}};

TWIN_MODULE(_measure, "the classifier's character counts in C (see _measure.c)", methods)
