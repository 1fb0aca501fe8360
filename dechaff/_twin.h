/* What every C twin of dechaff holds besides its functions: the module definition, and the digest
   of the sources it was compiled from (hatch_build.py passes it as SOURCE_DIGEST;
   dechaff/core/compiled.py loads the module only if the sources beside it still have it). */
#ifndef DECHAFF_TWIN_H
#define DECHAFF_TWIN_H

#include <stdint.h>
#include <string.h>

#ifndef SOURCE_DIGEST
#define SOURCE_DIGEST "" /* not built by hatch_build.py: never taken for a build of these sources */
#endif

/* 0 when `text` is a str ready to be read and `callback` is set (setup() was called), else -1
   with the error named after `function` */
static inline int twin_text(PyObject *text, PyObject *callback, const char *function) {
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s: a str", function);
        return -1;
    }
    if (callback == NULL) {
        PyErr_Format(PyExc_RuntimeError, "%s: call setup() first", function);
        return -1;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0)
        return -1;
#endif
    return 0;
}

/* callback(chr(ch)), a new reference or NULL, with a reference to the callback held through the
   call (setup() may replace it meanwhile); *current: whether it is still the callback after, so
   that what a replaced one said is not kept */
static inline PyObject *twin_ask(PyObject *const *callback, Py_UCS4 ch, int *current) {
    PyObject *function = Py_NewRef(*callback);
    PyObject *value = PyObject_CallFunction(function, "C", (int)ch);
    *current = function == *callback;
    Py_DECREF(function);
    return value;
}

/* What a Python function says of each code point, a byte of flags: asked once per code point, kept
   in pages of 256 code points made on first use, so the Python definitions (regexes, str methods)
   stay the only ones */
#define TWIN_PAGES (0x110000 / 256)

typedef struct {
    uint8_t *page[TWIN_PAGES];
    uint8_t *asked[TWIN_PAGES]; /* 1 where the page's flag has been asked */
    PyObject *function;
} twin_flags_t;

/* The flags of ch (0..255), or -1 with an exception set */
static inline int twin_flag(twin_flags_t *t, Py_UCS4 ch) {
    uint8_t *page = t->page[ch >> 8];
    if (page == NULL) {
        page = PyMem_Calloc(256, 1);
        uint8_t *known = PyMem_Calloc(256, 1);
        if (page == NULL || known == NULL) {
            PyMem_Free(page);
            PyMem_Free(known);
            PyErr_NoMemory();
            return -1;
        }
        t->page[ch >> 8] = page;
        t->asked[ch >> 8] = known;
    }
    if (t->asked[ch >> 8][ch & 255])
        return page[ch & 255];
    int current;
    PyObject *value = twin_ask(&t->function, ch, &current);
    if (value == NULL)
        return -1;
    if (!PyLong_Check(value)) { /* an object's __index__ would be Python code run after `current` */
        PyErr_SetString(PyExc_TypeError, "the flags of a character: an int");
        Py_DECREF(value);
        return -1;
    }
    long flags = PyLong_AsLong(value);
    Py_DECREF(value);
    if (flags == -1 && PyErr_Occurred())
        return -1;
    if (flags < 0 || flags > 255) {
        PyErr_SetString(PyExc_ValueError, "the flags of a character: a value outside 0..255");
        return -1;
    }
    if (current) { /* what a replaced function said is not kept */
        page[ch & 255] = (uint8_t)flags;
        t->asked[ch >> 8][ch & 255] = 1;
    }
    return (int)flags;
}

/* Ask `function` from now on (what an earlier one said no longer holds); None, or NULL with an
   exception set */
static inline PyObject *twin_flags_setup(twin_flags_t *t, PyObject *function) {
    if (!PyCallable_Check(function)) {
        PyErr_SetString(PyExc_TypeError, "setup: the flags of a character come from a callable");
        return NULL;
    }
    Py_XSETREF(t->function, Py_NewRef(function));
    for (int i = 0; i < TWIN_PAGES; i++)
        if (t->asked[i])
            memset(t->asked[i], 0, 256);
    Py_RETURN_NONE;
}

/* The module `name` with `doc` and the `methods` table, and its PyInit_name */
#define TWIN_MODULE(name, doc, methods)                                                              \
    static struct PyModuleDef name##_definition = {PyModuleDef_HEAD_INIT, #name, doc, -1, methods};   \
    PyMODINIT_FUNC PyInit_##name(void) {                                                             \
        PyObject *module = PyModule_Create(&name##_definition);                                      \
        if (module != NULL && PyModule_AddStringConstant(module, "SOURCE_DIGEST", SOURCE_DIGEST) < 0) \
            Py_CLEAR(module);                                                                        \
        return module;                                                                               \
    }

#endif
