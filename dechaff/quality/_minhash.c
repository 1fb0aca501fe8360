/* The hashes MinHash and the near-duplicate check start from, in C: a text cut into its shingles
   and the first bytes of each one's SHA-1 (of its UTF-8), 4 of them being datasketch's
   sha1_hash32, as dedup's Python twin takes them from hashlib.

   hashlib costs about 0.7 us a shingle in Python calls (a hash object, its digest, a slice), for
   some 0.1 us of SHA-1, and cutting the shingles in Python (a regex, a str per word, a str per
   shingle, a set) took 0.47 ms of a page's 0.79 to sign. Here one pass over the text and one
   OpenSSL digest context (the library hashlib itself is built on, with the CPU's SHA
   instructions) do both. Built only where OpenSSL's headers are (hatch_build.py links -lcrypto);
   elsewhere the Python twin runs. Same bytes as the Python twin (tests/test_minhash_twin.py).
*/
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../_twin.h"
#include <openssl/evp.h>
#include <openssl/opensslv.h>

#if OPENSSL_VERSION_NUMBER < 0x30000000L
#error "OpenSSL 3.0 or later (EVP_MD_fetch, EVP_DigestInit_ex2): the Python twin runs instead"
#endif

/* A growable byte buffer */
typedef struct {
    unsigned char *data;
    size_t size, capacity;
} Buffer;

static int reserve(Buffer *buffer, size_t more) {
    if (buffer->size + more <= buffer->capacity)
        return 0;
    size_t capacity = buffer->capacity ? buffer->capacity : 256;
    while (capacity < buffer->size + more) {
        if (capacity > PY_SSIZE_T_MAX / 2) {
            PyErr_NoMemory();
            return -1;
        }
        capacity *= 2;
    }
    unsigned char *data = PyMem_Realloc(buffer->data, capacity);
    if (data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    buffer->data = data;
    buffer->capacity = capacity;
    return 0;
}

/* ch's UTF-8 at the buffer's end (ch is never a surrogate: no token holds one) */
static int put_utf8(Buffer *buffer, Py_UCS4 ch) {
    if (reserve(buffer, 4) < 0)
        return -1;
    unsigned char *at = buffer->data + buffer->size;
    if (ch < 0x80) {
        at[0] = (unsigned char)ch;
        buffer->size += 1;
    } else if (ch < 0x800) {
        at[0] = (unsigned char)(0xC0 | (ch >> 6));
        at[1] = (unsigned char)(0x80 | (ch & 0x3F));
        buffer->size += 2;
    } else if (ch < 0x10000) {
        at[0] = (unsigned char)(0xE0 | (ch >> 12));
        at[1] = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
        at[2] = (unsigned char)(0x80 | (ch & 0x3F));
        buffer->size += 3;
    } else {
        at[0] = (unsigned char)(0xF0 | (ch >> 18));
        at[1] = (unsigned char)(0x80 | ((ch >> 12) & 0x3F));
        at[2] = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
        at[3] = (unsigned char)(0x80 | (ch & 0x3F));
        buffer->size += 4;
    }
    return 0;
}

/* dechaff.text.words.KANA_HAN: each such character is a word of its own */
static inline int kana_han(Py_UCS4 ch) {
    return (ch >= 0x3040 && ch <= 0x30FF) || (ch >= 0x3400 && ch <= 0x4DBF) || (ch >= 0x4E00 && ch <= 0x9FFF) ||
           (ch >= 0xF900 && ch <= 0xFAFF);
}

/* What one line's words become: their UTF-8 joined by single spaces, and where each word starts
   and ends in it */
typedef struct {
    Buffer text, starts, ends; /* starts, ends: arrays of size_t */
    Py_ssize_t words;
    int open; /* a word of letters and digits is being read */
} Line;

static int start_word(Line *line) {
    if (line->words > 0 && reserve(&line->text, 1) < 0)
        return -1;
    if (line->words > 0)
        line->text.data[line->text.size++] = ' ';
    if (reserve(&line->starts, sizeof(size_t)) < 0 || reserve(&line->ends, sizeof(size_t)) < 0)
        return -1;
    ((size_t *)line->starts.data)[line->words] = line->text.size;
    line->starts.size += sizeof(size_t);
    line->ends.size += sizeof(size_t);
    line->words++;
    return 0;
}

static void end_word(Line *line) {
    ((size_t *)line->ends.data)[line->words - 1] = line->text.size;
    line->open = 0;
}

/* The first `width` bytes of the SHA-1 of data[:size] at out's end */
static int digest_into(Buffer *out, EVP_MD_CTX *context, const EVP_MD *sha1, const unsigned char *data, size_t size,
                       int width) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!EVP_DigestInit_ex2(context, sha1, NULL) || !EVP_DigestUpdate(context, data, size) ||
        !EVP_DigestFinal_ex(context, digest, &length) || length < (unsigned int)width) {
        PyErr_SetString(PyExc_RuntimeError, "shingle_prefixes: SHA-1 failed");
        return -1;
    }
    if (reserve(out, (size_t)width) < 0)
        return -1;
    memcpy(out->data + out->size, digest, (size_t)width);
    out->size += (size_t)width;
    return 0;
}

/* The line's shingles hashed into out (all its words as one when they are `size` or fewer), and
   the line emptied */
static int flush_line(Line *line, Py_ssize_t size, Buffer *out, EVP_MD_CTX *context, const EVP_MD *sha1, int width) {
    if (line->open)
        end_word(line);
    const size_t *starts = (const size_t *)line->starts.data, *ends = (const size_t *)line->ends.data;
    int failed = 0;
    if (line->words > 0 && line->words <= size)
        failed = digest_into(out, context, sha1, line->text.data, ends[line->words - 1], width);
    for (Py_ssize_t w = 0; !failed && line->words > size && w + size <= line->words; w++)
        failed = digest_into(out, context, sha1, line->text.data + starts[w], ends[w + size - 1] - starts[w], width);
    line->text.size = line->starts.size = line->ends.size = 0;
    line->words = 0;
    return failed ? -1 : 0;
}

/* shingle_prefixes(lowered, size, width=4) -> bytes: sha1_prefixes(shingle_list(text, size), width) for
   lowered == text.lower(): each line's words (a KANA_HAN character, or a run of the other
   characters of regex \w, a decimal digit read as 0) in `size`-word shingles, in order, repeats
   included (a MinHash is a minimum: repeats change nothing); width 4 (MinHash) or 8 (the
   near-duplicate check's shingle hashes) */
static PyObject *shingle_prefixes(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 2 || nargs > 3 || !PyUnicode_Check(args[0]) || !PyLong_Check(args[1]) ||
        (nargs == 3 && !PyLong_Check(args[2]))) {
        PyErr_SetString(PyExc_TypeError, "shingle_prefixes(lowered: str, size: int, width: int = 4)");
        return NULL;
    }
    int width = 4;
    if (nargs == 3) {
        long asked_width = PyLong_AsLong(args[2]);
        if (asked_width == -1 && PyErr_Occurred())
            return NULL;
        if (asked_width != 4 && asked_width != 8) {
            PyErr_SetString(PyExc_ValueError, "shingle_prefixes: width must be 4 or 8");
            return NULL;
        }
        width = (int)asked_width;
    }
    int over = 0;
    long long asked = PyLong_AsLongLongAndOverflow(args[1], &over);
    if (asked == -1 && !over && PyErr_Occurred())
        return NULL;
    if (over < 0 || (!over && asked < 1)) {
        PyErr_SetString(PyExc_ValueError, "shingle_prefixes: size must be 1 or more");
        return NULL;
    }
    /* a size past any line's word count makes each line one shingle, as PY_SSIZE_T_MAX does */
    Py_ssize_t size = over > 0 || asked > PY_SSIZE_T_MAX ? PY_SSIZE_T_MAX : (Py_ssize_t)asked;
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(args[0]) < 0)
        return NULL;
#endif
    PyObject *text = args[0];
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Line line = {{NULL, 0, 0}, {NULL, 0, 0}, {NULL, 0, 0}, 0, 0};
    Buffer out = {NULL, 0, 0};
    PyObject *result = NULL;
    EVP_MD *sha1 = EVP_MD_fetch(NULL, "SHA1", NULL);
    EVP_MD_CTX *context = sha1 == NULL ? NULL : EVP_MD_CTX_new();
    if (context == NULL) {
        if (sha1 == NULL)
            PyErr_SetString(PyExc_RuntimeError, "shingle_prefixes: OpenSSL has no SHA-1 here");
        else
            PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_ISLINEBREAK(ch)) { /* str.splitlines' breaks */
            if (flush_line(&line, size, &out, context, sha1, width) < 0)
                goto done;
        } else if (kana_han(ch)) {
            if (line.open)
                end_word(&line);
            if (start_word(&line) < 0 || put_utf8(&line.text, ch) < 0)
                goto done;
            end_word(&line);
        } else if (Py_UNICODE_ISALNUM(ch) || ch == '_') { /* re's \w */
            if (!line.open) {
                if (start_word(&line) < 0)
                    goto done;
                line.open = 1;
            }
            if (put_utf8(&line.text, Py_UNICODE_ISDECIMAL(ch) ? '0' : ch) < 0) /* re's \d */
                goto done;
        } else if (line.open) {
            end_word(&line);
        }
    }
    if (flush_line(&line, size, &out, context, sha1, width) < 0)
        goto done;
    result = PyBytes_FromStringAndSize((const char *)out.data, (Py_ssize_t)out.size);
done:
    EVP_MD_CTX_free(context);
    EVP_MD_free(sha1);
    PyMem_Free(line.text.data);
    PyMem_Free(line.starts.data);
    PyMem_Free(line.ends.data);
    PyMem_Free(out.data);
    return result;
}

static PyMethodDef methods[] = {
    {"shingle_prefixes", (PyCFunction)(void (*)(void))shingle_prefixes, METH_FASTCALL,
     "shingle_prefixes(lowered, size, width=4) -> bytes: the SHA-1 prefixes of the text's shingles, in order"},
    {NULL, NULL, 0, NULL}};

TWIN_MODULE(_minhash, "the first bytes of SHA-1 that MinHash starts from, in C (see _minhash.c)", methods)
