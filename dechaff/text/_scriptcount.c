/* Letters per script in a text: scripts.count_scripts in C, the same answer in the same order.

   A character's script is what scripts.script_of (Python: str.isalpha, unicodedata.name) says,
   asked once per code point and kept in a table of 256-code-point pages made on first use, so
   the C never decides a script itself. One pass over the text: ASCII letters are LATIN, any
   other character reads its page. The counts come back as a dict in the order the Python builds
   its Counter: the scripts of the non-ASCII letters in the order each is first met, then LATIN
   (for the ASCII letters) last unless a non-ASCII Latin letter put it earlier.
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../_twin.h"
#include <stdint.h>

#define PAGES (0x110000 / 256)
#define UNKNOWN (-2) /* not asked yet; -1: no script */
#define MAX_SCRIPTS 512

static int16_t *pages[PAGES];
static PyObject *names;     /* script id -> name (str) */
static PyObject *ids;       /* name -> script id (int) */
static PyObject *script_of; /* the Python function that decides */

static int script_id(Py_UCS4 ch) {
    int16_t *page = pages[ch >> 8];
    if (page == NULL) {
        page = PyMem_Malloc(256 * sizeof(int16_t));
        if (page == NULL) {
            PyErr_NoMemory();
            return -3;
        }
        for (int i = 0; i < 256; i++)
            page[i] = UNKNOWN;
        pages[ch >> 8] = page;
    }
    if (page[ch & 255] != UNKNOWN)
        return page[ch & 255];
    int current;
    PyObject *name = twin_ask(&script_of, ch, &current);
    if (name == NULL)
        return -3;
    int id = -1;
    if (name != Py_None && !PyUnicode_CheckExact(name)) {
        PyErr_SetString(PyExc_TypeError, "script_of must give a str or None");
        Py_DECREF(name);
        return -3;
    }
    if (name != Py_None) {
        PyObject *known = PyDict_GetItemWithError(ids, name);
        if (known != NULL) {
            id = (int)PyLong_AsLong(known);
        } else if (PyErr_Occurred()) {
            Py_DECREF(name);
            return -3;
        } else {
            /* the name first, then its number: a number never names a missing entry */
            id = (int)PyList_GET_SIZE(names);
            PyObject *number = id < MAX_SCRIPTS ? PyLong_FromLong(id) : NULL;
            int failed = number == NULL || PyList_Append(names, name) < 0;
            if (!failed && PyDict_SetItem(ids, name, number) < 0) {
                PyObject *type, *error, *trace;
                PyErr_Fetch(&type, &error, &trace);
                PyList_SetSlice(names, id, id + 1, NULL); /* the name goes again */
                PyErr_Restore(type, error, trace);
                failed = 1;
            }
            Py_XDECREF(number);
            if (failed) {
                if (id >= MAX_SCRIPTS)
                    PyErr_SetString(PyExc_OverflowError, "count: more than 512 scripts");
                Py_DECREF(name);
                return -3;
            }
        }
    }
    Py_DECREF(name);
    if (current) /* what a replaced function said is not kept */
        page[ch & 255] = (int16_t)id;
    return id;
}

static PyObject *setup(PyObject *module, PyObject *function) {
    if (!PyCallable_Check(function)) {
        PyErr_SetString(PyExc_TypeError, "setup: script_of must be callable");
        return NULL;
    }
    if (names == NULL && ((names = PyList_New(0)) == NULL || (ids = PyDict_New()) == NULL))
        return NULL;
    Py_XSETREF(script_of, Py_NewRef(function));
    for (int i = 0; i < PAGES; i++) /* another function: what the last one said no longer holds */
        if (pages[i])
            for (int k = 0; k < 256; k++)
                pages[i][k] = UNKNOWN;
    Py_RETURN_NONE;
}

static PyObject *count(PyObject *module, PyObject *text) {
    if (twin_text(text, script_of, "count") < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), latin = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t counts[MAX_SCRIPTS];
    int order[MAX_SCRIPTS], seen = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 128) {
            latin += ((ch | 32) >= 'a' && (ch | 32) <= 'z');
            continue;
        }
        int id = script_id(ch);
        if (id == -3)
            return NULL;
        if (id < 0)
            continue;
        int k = 0;
        while (k < seen && order[k] != id)
            k++;
        if (k == seen) {
            order[seen++] = id;
            counts[id] = 0;
        }
        counts[id]++;
    }
    PyObject *out = PyDict_New();
    if (out == NULL)
        return NULL;
    for (int k = 0; k < seen; k++) {
        PyObject *value = PyLong_FromSsize_t(counts[order[k]]);
        if (value == NULL || PyDict_SetItem(out, PyList_GET_ITEM(names, order[k]), value) < 0) {
            Py_XDECREF(value);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(value);
    }
    if (latin) {
        PyObject *key = PyUnicode_FromString("LATIN"), *value = NULL, *sum = NULL;
        if (key != NULL) {
            PyObject *had = PyDict_GetItemWithError(out, key);
            value = PyLong_FromSsize_t(latin);
            if (value != NULL)
                sum = had ? PyNumber_Add(had, value) : Py_NewRef(value);
        }
        int failed = sum == NULL || PyDict_SetItem(out, key, sum) < 0;
        Py_XDECREF(key);
        Py_XDECREF(value);
        Py_XDECREF(sum);
        if (failed) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static PyMethodDef methods[] = {
    {"setup", setup, METH_O, "setup(script_of): the function that names a character's script"},
    {"count", count, METH_O, "count(text) -> dict: letters per script, in count_scripts' order"},
    {NULL, NULL, 0, NULL}};

TWIN_MODULE(_scriptcount, "letters per script in C (see _scriptcount.c)", methods)
