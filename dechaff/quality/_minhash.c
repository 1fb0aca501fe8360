/* The hashes MinHash starts from, in C: the first 4 bytes of each item's SHA-1 (of its UTF-8),
   datasketch's sha1_hash32, as dedup.minhash's Python twin takes them from hashlib.

   hashlib costs about 0.7 us an item in Python calls (a hash object, its digest, a slice), for
   some 0.1 us of SHA-1: a page's thousand shingles took 0.8 ms. Here one OpenSSL digest context
   (the library hashlib itself is built on, with the CPU's SHA instructions) hashes them all.
   Built only where OpenSSL's headers are (hatch_build.py links -lcrypto); elsewhere the Python
   twin runs. Same bytes as the Python twin (tests/test_minhash_twin.py).
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../_twin.h"
#include <openssl/evp.h>
#include <openssl/opensslv.h>

#if OPENSSL_VERSION_NUMBER < 0x30000000L
#error "OpenSSL 3.0 or later (EVP_MD_fetch, EVP_DigestInit_ex2): the Python twin runs instead"
#endif

/* prefixes(items) -> bytes: b"".join(hashlib.sha1(item.encode()).digest()[:4] for item in items) */
static PyObject *prefixes(PyObject *module, PyObject *items) {
    PyObject *seq = PySequence_Fast(items, "prefixes: an iterable of str");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *out = PyBytes_FromStringAndSize(NULL, 4 * n);
    EVP_MD *sha1 = out == NULL ? NULL : EVP_MD_fetch(NULL, "SHA1", NULL);
    EVP_MD_CTX *context = sha1 == NULL ? NULL : EVP_MD_CTX_new();
    if (context == NULL) {
        if (out != NULL && !PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "prefixes: OpenSSL has no SHA-1 here");
        goto fail;
    }
    unsigned char *at = (unsigned char *)PyBytes_AS_STRING(out);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "prefixes: items must be str, not %.100s", Py_TYPE(item)->tp_name);
            goto fail;
        }
        Py_ssize_t size;
        const char *utf8 = PyUnicode_AsUTF8AndSize(item, &size); /* a lone surrogate: UnicodeEncodeError */
        if (utf8 == NULL)
            goto fail;
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (!EVP_DigestInit_ex2(context, sha1, NULL) || !EVP_DigestUpdate(context, utf8, (size_t)size) ||
            !EVP_DigestFinal_ex(context, digest, &length) || length < 4) {
            PyErr_SetString(PyExc_RuntimeError, "prefixes: SHA-1 failed");
            goto fail;
        }
        memcpy(at + 4 * i, digest, 4);
    }
    EVP_MD_CTX_free(context);
    EVP_MD_free(sha1);
    Py_DECREF(seq);
    return out;
fail:
    EVP_MD_CTX_free(context);
    EVP_MD_free(sha1);
    Py_XDECREF(out);
    Py_DECREF(seq);
    return NULL;
}

static PyMethodDef methods[] = {
    {"prefixes", prefixes, METH_O, "prefixes(items) -> bytes: the first 4 bytes of each item's SHA-1 (UTF-8)"},
    {NULL, NULL, 0, NULL}};

TWIN_MODULE(_minhash, "the first bytes of SHA-1 that MinHash starts from, in C (see _minhash.c)", methods)
