/* What every C twin of dechaff holds besides its functions: the module definition, and the digest
   of the sources it was compiled from (hatch_build.py passes it as SOURCE_DIGEST;
   dechaff/core/compiled.py loads the module only if the sources beside it still have it). */
#ifndef DECHAFF_TWIN_H
#define DECHAFF_TWIN_H

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
