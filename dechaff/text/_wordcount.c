/* The number of words in a text: words.word_count in C, the same answer.

   A word is a run of characters of the word class that are neither han nor kana, or one han or
   kana character (words._WORD). Which class a character is in is what words.word_flags (Python,
   the very regexes of words.py) says, asked once per code point and kept in 256-code-point
   pages (_twin.h), so the C never decides a class itself. One pass, no string made: the HTML path
   counts the words of every page's text (0.23 ms a dev page with the regex, which builds a list
   of every word).
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../_twin.h"

#define WORD 1     /* words.WORD_CHAR: part of a run */
#define KANA_HAN 2 /* words.KANA_HAN_FLAG: a word of its own */

static twin_flags_t flags; /* words.word_flags, through setup() */

static PyObject *setup(PyObject *module, PyObject *function) { return twin_flags_setup(&flags, function); }

static PyObject *count(PyObject *module, PyObject *text) {
    if (twin_text(text, flags.function, "count") < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), words = 0;
    int kind = PyUnicode_KIND(text), in_run = 0;
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        int f = twin_flag(&flags, PyUnicode_READ(kind, data, i));
        if (f < 0)
            return NULL;
        if (f & KANA_HAN) {
            words++;
            in_run = 0;
        } else if (f & WORD) {
            words += !in_run;
            in_run = 1;
        } else {
            in_run = 0;
        }
    }
    return PyLong_FromSsize_t(words);
}

static PyMethodDef methods[] = {
    {"setup", setup, METH_O, "setup(word_flags): the function that gives a character's word class"},
    {"count", count, METH_O, "count(text) -> int: words.word_count's answer"},
    {NULL, NULL, 0, NULL}};

TWIN_MODULE(_wordcount, "words in a text in C (see _wordcount.c)", methods)
