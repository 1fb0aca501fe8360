/* The character counts of classifier_core._measure in one pass over a line, in C.

   What a character is (kana or han, hangul, clause mark, letter, word character, upper or lower
   case, menu separator) is what classifier_core.char_flags says of it (Python: the classifier's
   own regexes and str methods), asked once per code point and kept in pages of 256 code points
   made on first use, so the C decides no character class itself. Over those flags it counts
   what the regexes of _measure find: the same numbers (tests/test_measure_twin.py).
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../_twin.h"
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

#define PAGES (0x110000 / 256)

static uint8_t *pages[PAGES];
static uint8_t *asked[PAGES]; /* 1 where the page's flag has been asked */
static PyObject *char_flags;

static int flags_of(Py_UCS4 ch) {
    uint8_t *page = pages[ch >> 8];
    if (page == NULL) {
        page = PyMem_Calloc(256, 1);
        uint8_t *known = PyMem_Calloc(256, 1);
        if (page == NULL || known == NULL) {
            PyMem_Free(page);
            PyMem_Free(known);
            PyErr_NoMemory();
            return -1;
        }
        pages[ch >> 8] = page;
        asked[ch >> 8] = known;
    }
    if (asked[ch >> 8][ch & 255])
        return page[ch & 255];
    int current;
    PyObject *value = twin_ask(&char_flags, ch, &current);
    if (value == NULL)
        return -1;
    long flags = PyLong_AsLong(value);
    Py_DECREF(value);
    if (flags == -1 && PyErr_Occurred())
        return -1;
    if (flags < 0 || flags > 255) {
        PyErr_SetString(PyExc_ValueError, "char_flags: a value outside 0..255");
        return -1;
    }
    if (current) { /* what a replaced function said is not kept */
        page[ch & 255] = (uint8_t)flags;
        asked[ch >> 8][ch & 255] = 1;
    }
    return (int)flags;
}

static PyObject *setup(PyObject *module, PyObject *function) {
    if (!PyCallable_Check(function)) {
        PyErr_SetString(PyExc_TypeError, "setup: char_flags must be callable");
        return NULL;
    }
    Py_XSETREF(char_flags, Py_NewRef(function));
    for (int i = 0; i < PAGES; i++) /* another function: what the last one said no longer holds */
        if (asked[i])
            memset(asked[i], 0, 256);
    Py_RETURN_NONE;
}

/* The padded texts of _measure's regexes, read through `at`: " " + line (+ " ") */
static Py_UCS4 padded(int kind, const void *data, Py_ssize_t n, Py_ssize_t p) {
    return (p == 0 || p == n + 1) ? ' ' : PyUnicode_READ(kind, data, p - 1);
}

/* (kana and han, hangul, clause marks, has a letter, upper- and lower-case word initials,
   standalone separators, has a clock time): what _measure's regexes find in `line` */
static PyObject *counts(PyObject *module, PyObject *line) {
    if (twin_text(line, char_flags, "counts") < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    uint8_t small[512], *flags = n <= 512 ? small : PyMem_Malloc(n);
    if (flags == NULL)
        return PyErr_NoMemory();
    Py_ssize_t ideographs = 0, hangul = 0, punct = 0, upper = 0, lower = 0, separators = 0;
    int letter = 0, clock = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int f = flags_of(PyUnicode_READ(kind, data, i));
        if (f < 0) {
            if (flags != small)
                PyMem_Free(flags);
            return NULL;
        }
        flags[i] = (uint8_t)f;
        ideographs += (f & F_KANA_HAN) != 0; /* len(KANA_HAN_CHAR.findall(line)) */
        hangul += (f & F_HANGUL) != 0;       /* len(_HANGUL.findall(line)) */
        punct += (f & F_PUNCT) != 0;         /* len(_PUNCT.findall(line)) */
        letter |= (f & F_LETTER) != 0;       /* _LETTER.search(line) */
    }
    /* _INITIAL.findall(" " + line): " (\w)", each match consuming the space and the character */
    for (Py_ssize_t p = 0; p < n;) {
        if (padded(kind, data, n, p) == ' ' && (flags[p] & F_WORD)) {
            upper += (flags[p] & F_UPPER) != 0;
            lower += (flags[p] & F_LOWER) != 0;
            p += 2;
        } else {
            p += 1;
        }
    }
    /* _SEPARATOR.findall(f" {line} "): " [marks](?= )", the lookahead's space free for the next */
    for (Py_ssize_t p = 0; p + 2 <= n + 1;) {
        if (padded(kind, data, n, p) == ' ' && (flags[p] & F_SEPARATOR) && padded(kind, data, n, p + 2) == ' ') {
            separators++;
            p += 2;
        } else {
            p += 1;
        }
    }
    /* _CLOCK.search(line): [0-9]:[0-5][0-9] */
    for (Py_ssize_t i = 0; i + 3 < n && !clock; i++) {
        Py_UCS4 a = PyUnicode_READ(kind, data, i), b = PyUnicode_READ(kind, data, i + 1),
                c = PyUnicode_READ(kind, data, i + 2), d = PyUnicode_READ(kind, data, i + 3);
        clock = a >= '0' && a <= '9' && b == ':' && c >= '0' && c <= '5' && d >= '0' && d <= '9';
    }
    if (flags != small)
        PyMem_Free(flags);
    return Py_BuildValue("nnnNnnnN", ideographs, hangul, punct, PyBool_FromLong(letter), upper, lower,
                         separators, PyBool_FromLong(clock));
}

static PyMethodDef methods[] = {
    {"setup", setup, METH_O, "setup(char_flags): the function that gives a character's flags"},
    {"counts", counts, METH_O,
     "counts(line) -> (kana_han, hangul, punct, has_letter, upper_initials, lower_initials, separators, "
     "has_clock)"},
    {NULL, NULL, 0, NULL}};

TWIN_MODULE(_measure, "the classifier's character counts in C (see _measure.c)", methods)
