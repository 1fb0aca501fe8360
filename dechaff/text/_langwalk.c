/* langdetect's random walks (Detector._detect_block after the n-grams are found), in C.

   The same draws from the same Mersenne Twister (CPython's _randommodule.c: genrand_uint32,
   getrandbits, random; random.py: gauss, choice through _randbelow), the same floating-point
   operations in the same order (a product per language, Python's own `sum` of the list to
   normalise: left to right before 3.12, Neumaier-compensated from 3.12), so the answers are
   those of the Python loop bit for bit (tests/test_langdetect_fast.py compares both). Built with
   -ffp-contract=off: a fused multiply-add would round differently.

   The pure-Python loop (langdetect_fast.FastDetector) stays the reference and the fallback
   when this module is not built; this one spends ~20 us where that one spends ~1 ms a text.
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../_twin.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU
#define MAX_LANGS 256

typedef struct {
    uint32_t state[MT_N];
    int index;
} mt_t;

static uint32_t genrand_uint32(mt_t *self) {
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    uint32_t y;
    uint32_t *mt = self->state;
    if (self->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        self->index = 0;
    }
    y = mt[self->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

/* random.random() */
static double mt_random(mt_t *self) {
    uint32_t a = genrand_uint32(self) >> 5, b = genrand_uint32(self) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* random.choice(seq) for len(seq) == n (n < 2**32): _randbelow_with_getrandbits */
static Py_ssize_t mt_below(mt_t *self, Py_ssize_t n) {
    int k = 0;
    uint64_t r, m = (uint64_t)n;
    while (m) {
        k++;
        m >>= 1;
    }
    do {
        r = k ? (genrand_uint32(self) >> (32 - k)) : 0;
    } while (r >= (uint64_t)n);
    return (Py_ssize_t)r;
}

/* sum(list_of_floats) as the running Python computes it */
static double py_sum(const double *x, Py_ssize_t n, int compensated) {
    double s = 0.0 + x[0], c = 0.0;
    for (Py_ssize_t i = 1; i < n; i++) {
        if (!compensated) {
            s += x[i];
            continue;
        }
        double t = s + x[i];
        if (fabs(s) >= fabs(x[i]))
            c += (s - t) + x[i];
        else
            c += (x[i] - t) + s;
        s = t;
    }
    if (compensated && c && isfinite(c))
        s += c;
    return s;
}


/* ---- the n-grams of a text: FastDetector._extract_ngrams ---- */

/* n-gram (1 to 3 code points) -> row number, open addressing; a key packs each code point + 1
   in 21 bits, so no key is 0 (an empty slot) and grams of different lengths never meet */
typedef struct {
    uint64_t *keys;
    int32_t *rows;
    uint64_t mask;
} table_t;

#define TABLE_NAME "dechaff._langwalk.table"

static uint64_t slot_of(uint64_t key, uint64_t mask) { return (key * 0x9E3779B97F4A7C15ULL >> 20) & mask; }

static void table_free(PyObject *capsule) {
    table_t *t = PyCapsule_GetPointer(capsule, TABLE_NAME);
    if (t) {
        PyMem_Free(t->keys);
        PyMem_Free(t->rows);
        PyMem_Free(t);
    }
}

static PyObject *table(PyObject *module, PyObject *known) {
    if (!PyDict_Check(known)) {
        PyErr_SetString(PyExc_TypeError, "table: a dict of n-gram -> row number");
        return NULL;
    }
    uint64_t size = 1024;
    while (size < 3 * (uint64_t)PyDict_Size(known))
        size <<= 1;
    table_t *t = PyMem_Calloc(1, sizeof(table_t));
    if (t == NULL)
        return PyErr_NoMemory();
    t->mask = size - 1;
    t->keys = PyMem_Calloc(size, sizeof(uint64_t));
    t->rows = PyMem_Calloc(size, sizeof(int32_t));
    PyObject *capsule = t->keys && t->rows ? PyCapsule_New(t, TABLE_NAME, table_free) : NULL;
    if (capsule == NULL) {
        PyMem_Free(t->keys);
        PyMem_Free(t->rows);
        PyMem_Free(t);
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(known, &pos, &key, &value)) {
        /* exact str and int: nothing here runs Python code that could change the dict */
        if (!PyUnicode_CheckExact(key) || PyUnicode_GET_LENGTH(key) < 1 || PyUnicode_GET_LENGTH(key) > 3)
            continue; /* never asked for: the walks take 1- to 3-grams */
        if (!PyLong_CheckExact(value)) {
            PyErr_SetString(PyExc_TypeError, "table: row numbers must be ints");
            Py_DECREF(capsule);
            return NULL;
        }
        long row = PyLong_AsLong(value);
        if ((row == -1 && PyErr_Occurred()) || row < 0 || row > INT32_MAX) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "table: a row number outside 0..2**31");
            Py_DECREF(capsule);
            return NULL;
        }
        uint64_t packed = 0;
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(key); i++)
            packed |= (uint64_t)(PyUnicode_READ_CHAR(key, i) + 1) << (21 * i);
        uint64_t at = slot_of(packed, t->mask);
        while (t->keys[at] && t->keys[at] != packed)
            at = (at + 1) & t->mask;
        t->keys[at] = packed;
        t->rows[at] = (int32_t)row;
    }
    return capsule;
}

/* ---- the profiles' n-grams numbered as met: Profiles.__init__ ---- */

/* numbered(index, grams) -> int64 bytes: for each n-gram of `grams` in its order, its number in
   `index`, a new one (the size of `index`) given to an n-gram met for the first time: Python's
   `index.setdefault(g, len(index))` per n-gram, in C (that loop was 0.04 s of a start). Both are
   plain dicts (a subclass's own order or hooks would not be followed); the n-grams are walked in
   a snapshot of their keys, held, so no code a lookup may run (a key's `__eq__` in `index`) can
   change what is walked or free a key in use; a number must be an int, read without calling
   any `__index__`. */
static PyObject *numbered(PyObject *module, PyObject *args) {
    PyObject *index, *grams;
    if (!PyArg_ParseTuple(args, "OO:numbered", &index, &grams))
        return NULL;
    if (!PyDict_CheckExact(index) || !PyDict_CheckExact(grams)) {
        PyErr_SetString(PyExc_TypeError, "numbered: two dicts (not subclasses)");
        return NULL;
    }
    if (index == grams) {
        PyErr_SetString(PyExc_ValueError, "numbered: the index cannot be the n-grams themselves");
        return NULL;
    }
    PyObject *keys = PyDict_Keys(grams); /* a new list: its own references, its own length */
    if (keys == NULL)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(keys);
    PyObject *out = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int64_t));
    if (out == NULL)
        goto fail;
    int64_t *ids = (int64_t *)PyBytes_AS_STRING(out);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *key = PyList_GET_ITEM(keys, k);
        if (!PyUnicode_CheckExact(key)) {
            PyErr_SetString(PyExc_TypeError, "numbered: n-grams must be str");
            goto fail;
        }
        PyObject *next = PyLong_FromSsize_t(PyDict_Size(index));
        if (next == NULL)
            goto fail;
        PyObject *id = PyDict_SetDefault(index, key, next); /* borrowed */
        Py_DECREF(next); /* when new, `id` is `next`, held by `index` */
        if (id == NULL)
            goto fail;
        if (!PyLong_CheckExact(id)) {
            PyErr_SetString(PyExc_TypeError, "numbered: the index's numbers must be ints");
            goto fail;
        }
        long long number = PyLong_AsLongLong(id);
        if (number == -1 && PyErr_Occurred())
            goto fail;
        ids[k] = (int64_t)number;
    }
    Py_DECREF(keys);
    return out;
fail:
    Py_XDECREF(out);
    Py_DECREF(keys);
    return NULL;
}

static int32_t lookup(const table_t *t, uint64_t packed) {
    for (uint64_t at = slot_of(packed, t->mask); t->keys[at]; at = (at + 1) & t->mask)
        if (t->keys[at] == packed)
            return t->rows[at];
    return -1;
}

/* The row numbers of the known 1-3-grams of `text` (normalised, words split by ' '), in
   langdetect's order: per word, " word " (no space after the text's last word), per character
   its 1-, 2- and 3-gram ending there, none inside a run of capitals; as int64 bytes. */
static PyObject *grams(PyObject *module, PyObject *args) {
    PyObject *capsule, *text;
    if (!PyArg_ParseTuple(args, "OU", &capsule, &text))
        return NULL;
    const table_t *t = PyCapsule_GetPointer(capsule, TABLE_NAME);
    if (t == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int64_t *out = PyMem_New(int64_t, 3 * (size_t)n + 3); /* NULL if the size overflows */
    if (out == NULL)
        return PyErr_NoMemory();
    Py_ssize_t count = 0, start = 0;
    Py_UCS4 padded[3];
    while (start <= n) {
        Py_ssize_t end = start;
        while (end < n && PyUnicode_READ(kind, data, end) != ' ')
            end++;
        Py_ssize_t length = end - start + 1 + (end < n); /* " " + word (+ " ") */
        if (end > start) {
            int capital = 0;
            for (Py_ssize_t j = 1; j < length; j++) {
                /* padded[j - k] for k = 0..2, padded[0] and padded[word + 1] being spaces */
                for (int k = 0; k < 3; k++) {
                    Py_ssize_t at = j - k;
                    padded[k] = at < 0 ? 0 : (at == 0 || at > end - start) ? ' ' : PyUnicode_READ(kind, data, start + at - 1);
                }
                capital = Py_UNICODE_ISUPPER(padded[0]) && (capital || Py_UNICODE_ISUPPER(padded[1]));
                if (capital)
                    continue;
                uint64_t packed = 0;
                for (int k = 0; k < 3 && j - k >= 0; k++) {
                    packed = (packed << 21) | (uint64_t)(padded[k] + 1);
                    if (k == 0 && padded[0] == ' ')
                        continue;
                    int32_t row = lookup(t, packed);
                    if (row >= 0)
                        out[count++] = row;
                }
            }
        }
        start = end + 1;
    }
    PyObject *result = PyBytes_FromStringAndSize((const char *)out, count * (Py_ssize_t)sizeof(int64_t));
    PyMem_Free(out);
    return result;
}

/* ---- the walks ---- */

static int get_buffer(PyObject *obj, Py_buffer *view, const char *format, Py_ssize_t itemsize,
                      const char *name) {
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return -1;
    /* one native type code, "@"/"=" allowed before it; aligned */
    const char *code = view->format ? view->format : "";
    if (*code == '@' || *code == '=')
        code++;
    if (view->itemsize != itemsize || code[0] == '\0' || code[1] != '\0' || strchr(format, code[0]) == NULL ||
        (uintptr_t)view->buf % (uintptr_t)itemsize) {
        PyErr_Format(PyExc_TypeError, "%s: wrong item type '%s'", name, view->format ? view->format : "?");
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static PyObject *walk(PyObject *module, PyObject *args) {
    Py_buffer g = {0}, ip = {0}, lg = {0}, pr = {0};
    PyObject *indptr_obj, *langs_obj, *probs_obj, *state_obj;
    Py_ssize_t size, n_trial, iteration_limit;
    double alpha0, alpha_width, base_freq, conv_threshold;
    int compensated;
    if (!PyArg_ParseTuple(args, "y*OOOnOnddddnp", &g, &indptr_obj, &langs_obj, &probs_obj, &size,
                          &state_obj, &n_trial, &alpha0, &alpha_width, &base_freq, &conv_threshold,
                          &iteration_limit, &compensated))
        return NULL;
    PyObject *result = NULL;
    if (g.len % 8 || (uintptr_t)g.buf % 8) {
        PyErr_SetString(PyExc_ValueError, "walk: ngrams must be aligned int64 bytes (grams())");
        goto done;
    }
    if (size <= 0 || size > MAX_LANGS || n_trial <= 0) {
        PyErr_SetString(PyExc_ValueError, "walk: size must be 1..256 and n_trial positive");
        goto done;
    }
    mt_t mt;
    PyObject *state = PySequence_Fast(state_obj, "walk: state must be a sequence");
    if (state == NULL)
        goto done;
    if (PySequence_Fast_GET_SIZE(state) != MT_N + 1) {
        Py_DECREF(state);
        PyErr_SetString(PyExc_ValueError, "walk: state must hold 625 ints (random.getstate()[1])");
        goto done;
    }
    for (int i = 0; i <= MT_N; i++) {
        unsigned long v = PyLong_AsUnsignedLong(PySequence_Fast_GET_ITEM(state, i));
        if (v == (unsigned long)-1 && PyErr_Occurred()) {
            Py_DECREF(state);
            goto done;
        }
        if (i < MT_N)
            mt.state[i] = (uint32_t)v;
        else
            mt.index = (int)(v > MT_N ? MT_N : v);
    }
    Py_DECREF(state);

    if (get_buffer(indptr_obj, &ip, "qlL", 8, "indptr") < 0)
        goto done;
    if (get_buffer(langs_obj, &lg, "h", 2, "langs") < 0)
        goto done;
    if (get_buffer(probs_obj, &pr, "d", 8, "probs") < 0)
        goto done;
    const int64_t *grams = g.buf, *indptr = ip.buf;
    const int16_t *langs = lg.buf;
    const double *probs = pr.buf;
    Py_ssize_t n = g.len / 8, rows = ip.len / 8 - 1, entries = pr.len / 8;
    if (n <= 0 || n > 0xffffffffLL || lg.len / 2 != entries) {
        PyErr_SetString(PyExc_ValueError, "walk: no n-grams (or 2**32 of them), or langs and probs of different lengths");
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (grams[i] < 0 || grams[i] >= rows || indptr[grams[i]] < 0 || indptr[grams[i]] > indptr[grams[i] + 1] ||
            indptr[grams[i] + 1] > entries) {
            PyErr_SetString(PyExc_ValueError, "walk: an n-gram number outside the table");
            goto done;
        }
    }

    double langprob[MAX_LANGS] = {0}, prob[MAX_LANGS], factor[MAX_LANGS], gauss_next = 0.0;
    int have_next = 0;
    for (Py_ssize_t t = 0; t < n_trial; t++) {
        for (Py_ssize_t l = 0; l < size; l++)
            prob[l] = 1.0 / size;
        /* random.gauss(0.0, 1.0): two values per pair of draws, the second kept for the next call
           (seed() has just cleared the kept one) */
        double z;
        if (have_next) {
            z = gauss_next;
            have_next = 0;
        } else {
            double x2pi = mt_random(&mt) * (2.0 * 3.141592653589793);
            double g2rad = sqrt(-2.0 * log(1.0 - mt_random(&mt)));
            z = cos(x2pi) * g2rad;
            gauss_next = sin(x2pi) * g2rad;
            have_next = 1;
        }
        double alpha = alpha0 + (0.0 + z * 1.0) * alpha_width;
        double weight = alpha / base_freq;
        for (Py_ssize_t i = 0;; i++) {
            Py_ssize_t at = grams[mt_below(&mt, n)];
            for (Py_ssize_t l = 0; l < size; l++)
                factor[l] = weight;
            for (int64_t k = indptr[at]; k < indptr[at + 1]; k++)
                if (langs[k] >= 0 && langs[k] < size)
                    factor[langs[k]] = weight + probs[k];
            for (Py_ssize_t l = 0; l < size; l++)
                prob[l] *= factor[l];
            if (i % 5 == 0) {
                double s = py_sum(prob, size, compensated);
                int nan = 0, over = 0;
                for (Py_ssize_t l = 0; l < size; l++) {
                    prob[l] /= s;
                    if (isnan(prob[l]))
                        nan = 1;
                    else if (prob[l] > conv_threshold)
                        over = 1;
                }
                if ((over && !nan) || i >= iteration_limit)
                    break;
            }
        }
        for (Py_ssize_t l = 0; l < size; l++)
            langprob[l] += prob[l] / (double)n_trial;
    }
    result = PyList_New(size);
    if (result == NULL)
        goto done;
    for (Py_ssize_t l = 0; l < size; l++) {
        PyObject *v = PyFloat_FromDouble(langprob[l]);
        if (v == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, l, v);
    }
done:
    if (g.obj)
        PyBuffer_Release(&g);
    if (ip.obj)
        PyBuffer_Release(&ip);
    if (lg.obj)
        PyBuffer_Release(&lg);
    if (pr.obj)
        PyBuffer_Release(&pr);
    return result;
}

static PyMethodDef methods[] = {
    {"walk", walk, METH_VARARGS,
     "walk(ngrams, indptr, langs, probs, size, state, n_trial, alpha, alpha_width, base_freq, "
     "conv_threshold, iteration_limit, compensated) -> list of size floats: langdetect's langprob"},
    {"table", table, METH_O, "table(word_lang_prob_map) -> the n-gram table grams() reads"},
    {"numbered", numbered, METH_VARARGS,
     "numbered(index, grams) -> int64 bytes: index.setdefault(g, len(index)) for each g of grams"},
    {"grams", grams, METH_VARARGS, "grams(table, normalised_text) -> int64 bytes: the known n-grams' rows"},
    {NULL, NULL, 0, NULL}};

TWIN_MODULE(_langwalk, "langdetect's random walks in C (see _langwalk.c)", methods)
