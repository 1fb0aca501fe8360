/* Gopher's n-gram repetition measures over word ids, in C: signals.top_ngram_chars and
   signals.dup_ngram_chars without numbering the n-grams first (np.unique per length).

   An n-gram is the run of n word ids at a position; equal runs are the same n-gram (compared
   id by id, the hash only finds candidates, so no collision can change an answer). Each answer
   is a count of characters, an integer: the same as the Python twin's (tests/test_ngrams_twin.py).
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../_twin.h"
#include <stdint.h>
#include <string.h>

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

static int read_args(PyObject *args, Py_buffer *seq, Py_buffer *ends, Py_ssize_t *n) {
    if (!PyArg_ParseTuple(args, "y*y*n", seq, ends, n))
        return -1;
    /* at most 2**30 words: slots (twice as many, rounded up) are numbered in int32 */
    if (seq->len % 8 || ends->len != seq->len + 8 || *n < 1 || seq->len / 8 > (1 << 30) ||
        (uintptr_t)seq->buf % 8 || (uintptr_t)ends->buf % 8) {
        PyErr_SetString(PyExc_ValueError,
                        "aligned int64 word ids (at most 2**30), their cumulative lengths (one more), n >= 1");
        PyBuffer_Release(seq);
        PyBuffer_Release(ends);
        return -1;
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

/* (seq, ends, n) -> the count of `count` over the n-grams of seq (0 when there are none) */
static PyObject *over_grams(PyObject *args, int (*count)(const grams_t *, const int64_t *, long long *)) {
    Py_buffer sb, eb;
    Py_ssize_t n;
    if (read_args(args, &sb, &eb, &n) < 0)
        return NULL;
    grams_t g;
    long long chars = 0;
    int failed = grams_build(&g, sb.buf, sb.len / 8, n) < 0;
    if (!failed && g.grams)
        failed = count(&g, eb.buf, &chars) < 0;
    grams_free(&g);
    PyBuffer_Release(&sb);
    PyBuffer_Release(&eb);
    return failed ? NULL : PyLong_FromLongLong(chars);
}

static PyObject *top_chars(PyObject *module, PyObject *args) { return over_grams(args, top_count); }

static PyObject *dup_chars(PyObject *module, PyObject *args) { return over_grams(args, dup_count); }

static PyMethodDef methods[] = {
    {"top_chars", top_chars, METH_VARARGS, "top_chars(seq, ends, n) -> int: signals.top_ngram_chars"},
    {"dup_chars", dup_chars, METH_VARARGS, "dup_chars(seq, ends, n) -> int: signals.dup_ngram_chars"},
    {NULL, NULL, 0, NULL}};

TWIN_MODULE(_ngrams, "Gopher's n-gram repetition in C (see _ngrams.c)", methods)
