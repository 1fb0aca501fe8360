/* Gopher's word counts in C: signals.word_measures (tokens, words, letters, stop words, and the
   n-gram repetition over word ids) in one pass over the text, without a str per token.

   What a character is (a space, kana or han, Thai, punctuation, a letter) is what
   signals.char_flags says of it (str.isspace, the signals' own regexes and punctuation), asked
   once per code point (_twin.h's flag pages); lower case is str.lower itself, asked once per
   distinct word that is not ASCII. Thai without kana or han is left to the Python twin, since
   budoux cuts its words.

   C4's line pass (signals.c4_counts) is here too: per line its words, the phrases in its lower
   case and its sentence pieces; the characters come from signals.c4_flags, and a text with a
   character whose lower case holds ASCII (İ, the Kelvin sign) is left to the Python twin.

   An n-gram is the run of n word ids at a position; equal runs are the same n-gram (compared
   id by id, the hash only finds candidates, so no collision can change an answer); equal words
   are equal slices of the text, compared the same way. Each answer is a count, an integer: the
   same as the Python twin's (tests/test_ngrams_twin.py).
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../_twin.h"
#include <stdint.h>
#include <string.h>

/* str.lower of an ASCII character */
static inline Py_UCS4 ascii_lower(Py_UCS4 ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }

typedef struct {
    const int64_t *seq;
    Py_ssize_t n;       /* words per n-gram */
    Py_ssize_t grams;   /* positions: len(seq) - n + 1 */
    uint64_t mask;      /* slots - 1 */
    int32_t *slot_pos;  /* slot -> first position of its n-gram, -1: empty */
    int32_t *count;     /* slot -> times seen */
    int32_t *slot_of;   /* position -> its n-gram's slot */
} grams_t;

static uint64_t hash_at(const int64_t *seq, Py_ssize_t at, Py_ssize_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        h ^= (uint64_t)seq[at + k] + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ULL;
    }
    return h ^ (h >> 31);
}

static void grams_free(grams_t *g) {
    PyMem_Free(g->slot_pos);
    PyMem_Free(g->count);
    PyMem_Free(g->slot_of);
}

/* Number the n-grams of seq: each position's slot, each slot's count. 0, or -1 (no memory). */
static int grams_build(grams_t *g, const int64_t *seq, Py_ssize_t words, Py_ssize_t n) {
    memset(g, 0, sizeof(*g));
    g->seq = seq;
    g->n = n;
    g->grams = words - n + 1;
    if (g->grams <= 0) {
        g->grams = 0;
        return 0;
    }
    uint64_t slots = 16;
    while (slots < 2 * (uint64_t)g->grams)
        slots <<= 1;
    g->mask = slots - 1;
    g->slot_pos = PyMem_Malloc(slots * sizeof(int32_t));
    g->count = PyMem_Calloc(slots, sizeof(int32_t));
    g->slot_of = PyMem_Malloc((size_t)g->grams * sizeof(int32_t));
    if (!g->slot_pos || !g->count || !g->slot_of) {
        grams_free(g);
        memset(g, 0, sizeof(*g));
        PyErr_NoMemory();
        return -1;
    }
    memset(g->slot_pos, 0xff, slots * sizeof(int32_t));
    for (Py_ssize_t i = 0; i < g->grams; i++) {
        uint64_t s = hash_at(seq, i, n) & g->mask;
        while (g->slot_pos[s] >= 0 && memcmp(seq + g->slot_pos[s], seq + i, (size_t)n * sizeof(int64_t)) != 0)
            s = (s + 1) & g->mask;
        if (g->slot_pos[s] < 0)
            g->slot_pos[s] = (int32_t)i;
        g->count[s]++;
        g->slot_of[i] = (int32_t)s;
    }
    return 0;
}

/* top_ngram_chars: chars of the most frequent n-gram (first seen wins a tie) times its count; 0
   when none is seen twice */
static int top_count(const grams_t *g, const int64_t *ends, long long *chars) {
    int32_t best = 0;
    for (Py_ssize_t i = 0; i < g->grams; i++)
        if (g->count[g->slot_of[i]] > best)
            best = g->count[g->slot_of[i]];
    if (best >= 2) {
        Py_ssize_t first = 0;
        while (g->count[g->slot_of[first]] != best)
            first++;
        *chars = (long long)(ends[first + g->n] - ends[first] + g->n - 1) * best;
    }
    return 0;
}

/* dup_ngram_chars: datatrove's find_all_duplicate, the chars of n-grams seen before, a repeat
   jumping the window past itself */
static int dup_count(const grams_t *g, const int64_t *ends, long long *chars) {
    uint8_t *seen = PyMem_Calloc(g->mask + 1, 1);
    if (seen == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t free_at = 0; /* first position not jumped over by the last repeat */
    for (Py_ssize_t i = 0; i < g->grams; i++) {
        int32_t s = g->slot_of[i];
        if (g->count[s] < 2 || i < free_at)
            continue; /* never repeated: entering it in `seen` would change nothing */
        if (seen[s]) {
            *chars += ends[i + g->n] - ends[i];
            free_at = i + g->n;
        } else {
            seen[s] = 1;
        }
    }
    PyMem_Free(seen);
    return 0;
}

/* signals.word_measures: a text's tokens and words, what the Gopher signals count of them */

/* the bits of signals.char_flags */
#define F_SPACE 1
#define F_KANA_HAN 2
#define F_THAI 4
#define F_PUNCT 8
#define F_LETTER 16

static twin_flags_t char_flags; /* signals.char_flags, through setup() */

static PyObject *setup(PyObject *module, PyObject *function) { return twin_flags_setup(&char_flags, function); }

/* The distinct words of a text: slices of it, numbered in order of first appearance */
typedef struct {
    int kind;
    const char *data;
    Py_ssize_t *start, *len; /* per word id */
    signed char *stop;       /* per word id: in the stop list (1), not (0), not asked yet (-1) */
    Py_ssize_t words, room;
    int32_t *slot; /* word id, -1: empty */
    uint64_t mask;
} vocab_t;

static void vocab_free(vocab_t *v) {
    PyMem_Free(v->start);
    PyMem_Free(v->len);
    PyMem_Free(v->stop);
    PyMem_Free(v->slot);
}

static uint64_t slice_hash(const vocab_t *v, Py_ssize_t start, Py_ssize_t len) {
    const unsigned char *p = (const unsigned char *)v->data + start * v->kind;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (Py_ssize_t i = 0; i < len * v->kind; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL;
    return h ^ (h >> 29);
}

/* Room for twice as many slots; 0, or -1 (no memory) */
static int vocab_grow(vocab_t *v) {
    uint64_t slots = (v->mask + 1) * 2;
    int32_t *slot = PyMem_Malloc(slots * sizeof(int32_t));
    Py_ssize_t room = (Py_ssize_t)(slots / 2);
    Py_ssize_t *start = PyMem_Realloc(v->start, room * sizeof(Py_ssize_t));
    if (start != NULL)
        v->start = start;
    Py_ssize_t *len = PyMem_Realloc(v->len, room * sizeof(Py_ssize_t));
    if (len != NULL)
        v->len = len;
    signed char *stop = PyMem_Realloc(v->stop, room);
    if (stop != NULL)
        v->stop = stop;
    if (slot == NULL || start == NULL || len == NULL || stop == NULL) {
        PyMem_Free(slot);
        PyErr_NoMemory();
        return -1;
    }
    memset(slot, 0xff, slots * sizeof(int32_t));
    for (Py_ssize_t w = 0; w < v->words; w++) {
        uint64_t s = slice_hash(v, v->start[w], v->len[w]) & (slots - 1);
        while (slot[s] >= 0)
            s = (s + 1) & (slots - 1);
        slot[s] = (int32_t)w;
    }
    PyMem_Free(v->slot);
    v->slot = slot;
    v->mask = slots - 1;
    v->room = room;
    return 0;
}

/* The id of the word text[start:start+len], numbered now if new; -1 (no memory, too many words) */
static Py_ssize_t vocab_id(vocab_t *v, Py_ssize_t start, Py_ssize_t len) {
    if (v->words >= v->room && (v->words >= (1 << 29) || vocab_grow(v) < 0)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "word_measures: over 2**29 distinct words");
        return -1;
    }
    size_t bytes = (size_t)(len * v->kind);
    uint64_t s = slice_hash(v, start, len) & v->mask;
    for (; v->slot[s] >= 0; s = (s + 1) & v->mask) {
        int32_t w = v->slot[s];
        if (v->len[w] == len && memcmp(v->data + v->start[w] * v->kind, v->data + start * v->kind, bytes) == 0)
            return w;
    }
    v->slot[s] = (int32_t)v->words;
    v->start[v->words] = start;
    v->len[v->words] = len;
    v->stop[v->words] = -1;
    return v->words++;
}

/* Whether word w, lower-cased (with ’ read as ' when `fold`), is in `stopwords`: 1, 0, or -1 */
static int is_stop(vocab_t *v, PyObject *text, Py_ssize_t w, PyObject *stopwords, int fold) {
    if (v->stop[w] >= 0)
        return v->stop[w];
    Py_ssize_t start = v->start[w], len = v->len[w];
    int ascii = 1;
    for (Py_ssize_t i = 0; i < len && ascii; i++)
        ascii = PyUnicode_READ(v->kind, v->data, start + i) < 128;
    PyObject *low;
    if (ascii) { /* str.lower of ASCII, without the call */
        low = PyUnicode_New(len, 127);
        if (low == NULL)
            return -1;
        Py_UCS1 *out = PyUnicode_1BYTE_DATA(low);
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS4 ch = PyUnicode_READ(v->kind, v->data, start + i);
            out[i] = (Py_UCS1)ascii_lower(ch);
        }
    } else {
        PyObject *word = PyUnicode_Substring(text, start, start + len);
        if (word == NULL)
            return -1;
        low = PyObject_CallMethod(word, "lower", NULL);
        Py_DECREF(word);
        if (low != NULL && fold)
            Py_SETREF(low, PyObject_CallMethod(low, "replace", "ss", "\xe2\x80\x99", "'"));
        if (low == NULL)
            return -1;
    }
    int found = PySequence_Contains(stopwords, low);
    Py_DECREF(low);
    if (found >= 0)
        v->stop[w] = (signed char)found;
    return found;
}

/* A growing array of int64 */
typedef struct {
    int64_t *at;
    Py_ssize_t n, room;
} ints_t;

static int ints_add(ints_t *a, int64_t value) {
    if (a->n == a->room) {
        Py_ssize_t room = a->room ? a->room * 2 : 256;
        int64_t *at = PyMem_Realloc(a->at, room * sizeof(int64_t));
        if (at == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        a->at = at;
        a->room = room;
    }
    a->at[a->n++] = value;
    return 0;
}

typedef struct {
    Py_ssize_t tokens, pipes, letters;
    long long word_chars, stop;
} word_counts_t;

/* One token, text[a:b]: counted, stripped of punctuation, its word numbered; 0 or -1 */
static int take_token(PyObject *text, vocab_t *v, const uint8_t *flags, Py_ssize_t a, Py_ssize_t b,
                      PyObject *stopwords, int fold, word_counts_t *c, ints_t *seq, ints_t *ends) {
    c->tokens++;
    c->pipes += b - a == 1 && PyUnicode_READ(v->kind, v->data, a) == '|';
    int letter = 0; /* _LETTER.search(token), true of every str.isalpha token too */
    for (Py_ssize_t i = a; i < b && !letter; i++)
        letter = (flags[i] & F_LETTER) != 0;
    c->letters += letter;
    while (a < b && (flags[a] & F_PUNCT)) /* token.strip(_PUNCT) */
        a++;
    while (b > a && (flags[b - 1] & F_PUNCT))
        b--;
    if (a == b)
        return 0;
    Py_ssize_t w = vocab_id(v, a, b - a);
    if (w < 0 || ints_add(seq, w) < 0 || ints_add(ends, ends->at[ends->n - 1] + (b - a)) < 0)
        return -1;
    c->word_chars += b - a;
    if (stopwords != Py_None) {
        int stop = is_stop(v, text, w, stopwords, fold);
        if (stop < 0)
            return -1;
        c->stop += stop;
    }
    return 0;
}

/* The n-gram counts of the words: top_count for each n of `tops`, then dup_count for each of
   `dups` (0 once one is 0: a repeated (n+1)-gram holds a repeated n-gram); a tuple of two tuples */
static PyObject *gram_counts(const ints_t *seq, const ints_t *ends, PyObject *tops, PyObject *dups) {
    if (seq->n > (1 << 30)) { /* positions are numbered in int32 (grams_build) */
        PyErr_SetString(PyExc_ValueError, "word_measures: over 2**30 words");
        return NULL;
    }
    PyObject *out = PyTuple_New(2);
    if (out == NULL)
        return NULL;
    long long chars = 1;
    for (int which = 0; which < 2; which++) {
        PyObject *ns = which == 0 ? tops : dups;
        Py_ssize_t k = PyTuple_GET_SIZE(ns);
        PyObject *counts = PyTuple_New(k);
        if (counts == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyTuple_SET_ITEM(out, which, counts);
        for (Py_ssize_t i = 0; i < k; i++) {
            Py_ssize_t n = PyLong_AsSsize_t(PyTuple_GET_ITEM(ns, i));
            if (n < 1) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_ValueError, "word_measures: n-gram lengths >= 1");
                Py_DECREF(out);
                return NULL;
            }
            if (which == 0 || chars) {
                grams_t g;
                chars = 0;
                int failed = grams_build(&g, seq->at, seq->n, n) < 0;
                if (!failed && g.grams)
                    failed = (which == 0 ? top_count : dup_count)(&g, ends->at, &chars) < 0;
                grams_free(&g);
                if (failed) {
                    Py_DECREF(out);
                    return NULL;
                }
            }
            PyObject *value = PyLong_FromLongLong(chars);
            if (value == NULL) {
                Py_DECREF(out);
                return NULL;
            }
            PyTuple_SET_ITEM(counts, i, value);
        }
        chars = 1;
    }
    return out;
}

/* word_measures(text, stopwords or None, fold, tops, dups): the fields of signals.WordMeasures as
   a tuple, or None for a Thai text without kana or han (budoux cuts its words: the Python twin) */
static PyObject *word_measures(PyObject *module, PyObject *args) {
    PyObject *text, *stopwords, *tops, *dups;
    int fold;
    if (!PyArg_ParseTuple(args, "UOpO!O!", &text, &stopwords, &fold, &PyTuple_Type, &tops, &PyTuple_Type, &dups))
        return NULL;
    if (twin_text(text, char_flags.function, "word_measures") < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    vocab_t v = {PyUnicode_KIND(text), PyUnicode_DATA(text), NULL, NULL, NULL, 0, 0, NULL, 7};
    ints_t seq = {NULL, 0, 0}, ends = {NULL, 0, 0};
    uint8_t *flags = PyMem_Malloc(n ? (size_t)n : 1);
    PyObject *out = NULL;
    if (flags == NULL || vocab_grow(&v) < 0 || ints_add(&ends, 0) < 0) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    int kana_han = 0, thai = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int f = twin_flag(&char_flags, PyUnicode_READ(v.kind, v.data, i));
        if (f < 0)
            goto done;
        flags[i] = (uint8_t)f;
        kana_han |= (f & F_KANA_HAN) != 0;
        thai |= (f & F_THAI) != 0;
    }
    if (thai && !kana_han) {
        out = Py_NewRef(Py_None);
        goto done;
    }
    /* tokenize: whitespace runs part tokens; with kana or han, each such character is a token of
       its own (`[KANA_HAN]|[^\s KANA_HAN]+`) */
    word_counts_t c = {0, 0, 0, 0, 0};
    for (Py_ssize_t i = 0; i < n;) {
        if (flags[i] & F_SPACE) {
            i++;
            continue;
        }
        Py_ssize_t b = i + 1;
        if (!(kana_han && (flags[i] & F_KANA_HAN)))
            while (b < n && !(flags[b] & F_SPACE) && !(kana_han && (flags[b] & F_KANA_HAN)))
                b++;
        if (take_token(text, &v, flags, i, b, stopwords, fold, &c, &seq, &ends) < 0)
            goto done;
        i = b;
    }
    PyObject *grams = gram_counts(&seq, &ends, tops, dups);
    if (grams == NULL)
        goto done;
    PyObject *stop = stopwords == Py_None ? Py_NewRef(Py_None) : PyLong_FromLongLong(c.stop);
    if (stop != NULL)
        out = Py_BuildValue("nnnnLNOO", c.tokens, c.pipes, c.letters, seq.n, c.word_chars, stop,
                            PyTuple_GET_ITEM(grams, 0), PyTuple_GET_ITEM(grams, 1));
    Py_DECREF(grams);
done:
    PyMem_Free(flags);
    PyMem_Free(seq.at);
    PyMem_Free(ends.at);
    vocab_free(&v);
    return out;
}

/* signals._c4: C4QualityFilter's line pass */

/* the bits of signals.c4_flags */
#define C_SPACE 1
#define C_END 2       /* ends a sentence before a space: [.!?…] */
#define C_CLOSER 4    /* may stand between that end and the space: closing quotes, brackets */
#define C_CJK_END 8   /* ends a sentence on its own: [。！？] */
#define C_LOWER_ASCII 16 /* not ASCII, and its lower case holds ASCII (İ, the Kelvin sign) */

static twin_flags_t c4_flags; /* signals.c4_flags, through setup_c4() */

static PyObject *setup_c4(PyObject *module, PyObject *function) { return twin_flags_setup(&c4_flags, function); }

/* Whether `phrase` (ASCII bytes, NUL-ended) is in `low` (NUL-ended) */
static int holds(const char *low, const char *phrase) { return strstr(low, phrase) != NULL; }

typedef struct {
    long long short_lines, javascript, policy, lorem, curly, sentences;
} c4_counts_t;

/* One line into `c`; 1 when a character's lower case holds ASCII (the caller leaves the text to
   Python), 0, or -1 with an exception set */
static int c4_line(PyObject *line, const char *lorem, const char *javascript, const char **policy,
                   Py_ssize_t policies, Py_ssize_t min_words, Py_ssize_t max_word_chars, c4_counts_t *c) {
    if (twin_text(line, c4_flags.function, "c4") < 0)
        return -1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    uint8_t small[1024], *flags = n <= 1024 ? small : PyMem_Malloc((size_t)n);
    char smalllow[1025], *low = n <= 1024 ? smalllow : PyMem_Malloc((size_t)n + 1);
    int status = 0;
    if (flags == NULL || low == NULL) {
        PyErr_NoMemory();
        status = -1;
        goto done;
    }
    /* line.split(): the words and the longest; the line lower-cased where that is ASCII */
    Py_ssize_t words = 0, longest = 0, run = 0;
    int curly = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int f = twin_flag(&c4_flags, ch);
        if (f < 0) {
            status = -1;
            goto done;
        }
        if (f & C_LOWER_ASCII) {
            status = 1;
            goto done;
        }
        flags[i] = (uint8_t)f;
        curly |= ch == '{';
        /* a character that is not ASCII lower-cases to no ASCII: it can be no part of a phrase */
        low[i] = ch > 0 && ch < 128 ? (char)ascii_lower(ch) : (char)0x80;
        if (f & C_SPACE) {
            run = 0;
        } else {
            words += run == 0;
            if (++run > longest)
                longest = run;
        }
    }
    low[n] = 0;
    if (words < min_words) {
        c->short_lines++;
        goto done;
    }
    if (n > max_word_chars && longest > max_word_chars)
        goto done;
    c->lorem += holds(low, lorem);
    if (holds(low, javascript)) {
        c->javascript++;
        goto done;
    }
    c->curly += curly;
    for (Py_ssize_t k = 0; k < policies; k++)
        if (holds(low, policy[k])) {
            c->policy++;
            goto done;
        }
    /* the pieces _SENTENCE_BREAK.split leaves that are not blank: an end, closers, a run of
       spaces (or a CJK end) part them */
    int filled = 0; /* the piece so far has a character that is no space */
    for (Py_ssize_t i = 0; i < n;) {
        Py_ssize_t end = i; /* past the break that starts at i, if one does */
        if (flags[i] & C_CJK_END) {
            end = i + 1;
        } else if (flags[i] & C_END) {
            Py_ssize_t j = i + 1;
            while (j < n && (flags[j] & C_CLOSER))
                j++;
            Py_ssize_t k = j;
            while (k < n && (flags[k] & C_SPACE))
                k++;
            if (k > j)
                end = k;
        }
        if (end > i) {
            c->sentences += filled;
            filled = 0;
            i = end;
        } else {
            filled |= !(flags[i] & C_SPACE);
            i++;
        }
    }
    c->sentences += filled;
done:
    if (flags != small)
        PyMem_Free(flags);
    if (low != smalllow)
        PyMem_Free(low);
    return status;
}

/* The ASCII text of a str without NUL (strstr would stop there), or NULL with an exception set */
static const char *ascii_of(PyObject *phrase) {
    if (!PyUnicode_Check(phrase) || !PyUnicode_IS_ASCII(phrase) ||
        strlen((const char *)PyUnicode_1BYTE_DATA(phrase)) != (size_t)PyUnicode_GET_LENGTH(phrase)) {
        PyErr_SetString(PyExc_ValueError, "c4: the phrases are ASCII str without NUL");
        return NULL;
    }
    return (const char *)PyUnicode_1BYTE_DATA(phrase);
}

/* c4(lines, lorem, javascript, policy, min_words, max_word_chars): the counts of signals._c4 as a
   tuple (short lines, javascript, policy, lorem ipsum, curly brackets, sentences), or None when
   a character's lower case holds ASCII (İ, the Kelvin sign: Python then counts) */
static PyObject *c4(PyObject *module, PyObject *args) {
    PyObject *lines, *lorem, *javascript, *policy;
    Py_ssize_t min_words, max_word_chars;
    if (!PyArg_ParseTuple(args, "O!UUO!nn", &PyList_Type, &lines, &lorem, &javascript, &PyTuple_Type, &policy,
                          &min_words, &max_word_chars))
        return NULL;
    Py_ssize_t policies = PyTuple_GET_SIZE(policy);
    const char *policy_text[64];
    if (policies > 64) {
        PyErr_SetString(PyExc_ValueError, "c4: at most 64 policy phrases");
        return NULL;
    }
    const char *lorem_text = ascii_of(lorem), *javascript_text = lorem_text ? ascii_of(javascript) : NULL;
    if (javascript_text == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < policies; k++)
        if ((policy_text[k] = ascii_of(PyTuple_GET_ITEM(policy, k))) == NULL)
            return NULL;
    c4_counts_t c = {0, 0, 0, 0, 0, 0};
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lines); i++) {
        PyObject *line = Py_NewRef(PyList_GET_ITEM(lines, i)); /* held: a callback may change the list */
        int status = c4_line(line, lorem_text, javascript_text, policy_text, policies, min_words, max_word_chars, &c);
        Py_DECREF(line);
        if (status < 0)
            return NULL;
        if (status > 0)
            Py_RETURN_NONE;
    }
    return Py_BuildValue("LLLLLL", c.short_lines, c.javascript, c.policy, c.lorem, c.curly, c.sentences);
}

static PyMethodDef methods[] = {
    {"setup_c4", setup_c4, METH_O, "setup_c4(c4_flags): the function that gives a character's flags for c4"},
    {"c4", c4, METH_VARARGS, "c4(lines, lorem, javascript, policy, min_words, max_word_chars) -> tuple | None"},
    {"setup", setup, METH_O, "setup(char_flags): the function that gives a character's flags"},
    {"word_measures", word_measures, METH_VARARGS,
     "word_measures(text, stopwords, fold, tops, dups) -> tuple | None: signals.word_measures"},
    {NULL, NULL, 0, NULL}};

TWIN_MODULE(_ngrams, "Gopher's word counts and n-gram repetition in C (see _ngrams.c)", methods)
