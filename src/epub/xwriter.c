#include "epub/xwriter.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct oct_epub_xw {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    int failed;
    oct_buf scratch; /* cleaned text, reused between calls */
    /* A counter (oct_epub_xw_counter) writes nothing: it adds up the bytes
     * libxml2 would write, and keeps what it needs for that: whether a
     * start tag waits for its '>' and the open elements' name lengths. */
    bool counting, tag_open;
    size_t count, *open, nopen, capopen;
};

/* The bytes of the XML declaration xmlTextWriterStartDocument writes. */
enum { DECLARATION_BYTES = sizeof "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" - 1 };

static void check(oct_epub_xw *x, int rc)
{
    if (rc < 0) x->failed = 1;
}

oct_epub_xw *oct_epub_xw_new(void)
{
    oct_epub_xw *x = oct_xcalloc(1, sizeof *x);
    x->buf = xmlBufferCreate();
    x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
    if (!x->w) {
        x->failed = 1;
        return x;
    }
    check(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL));
    return x;
}

oct_epub_xw *oct_epub_xw_counter(void)
{
    oct_epub_xw *x = oct_xcalloc(1, sizeof *x);
    x->counting = true;
    x->count = DECLARATION_BYTES;
    return x;
}

size_t oct_epub_xw_drain(oct_epub_xw *x)
{
    if (x->counting) {
        size_t n = x->count;
        x->count = 0;
        return n;
    }
    if (!x->w || !x->buf) return 0;
    xmlTextWriterFlush(x->w);
    size_t n = (size_t)xmlBufferLength(x->buf);
    xmlBufferEmpty(x->buf);
    return n;
}

void oct_epub_xw_free(oct_epub_xw *x)
{
    if (!x) return;
    if (x->w) xmlFreeTextWriter(x->w);
    if (x->buf) xmlBufferFree(x->buf);
    oct_buf_free(&x->scratch);
    free(x->open);
    free(x);
}

/* XML 1.0 Char, minus what HTML calls control characters and
 * noncharacters: validators and reading systems reject those. */
static int is_allowed(unsigned cp)
{
    if (cp == 0x9 || cp == 0xA) return 1;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    if (cp >= 0xFDD0 && cp <= 0xFDEF) return 0;
    if ((cp & 0xFFFE) == 0xFFFE) return 0;
    return cp <= 0x10FFFF;
}

/* How clean() escapes: not at all (outside any element, where libxml2
 * escapes nothing either), as character data (&, <, >, "), or as an
 * attribute value (newline and tab too, as &#10; and &#9;): what
 * libxml2's xmlTextWriterWriteString and WriteAttribute would write. */
typedef enum { ESC_NONE, ESC_TEXT, ESC_ATTR } escaping;

/* Bytes copied as they are: printable ASCII, tab and newline, but for
 * those the escaping turns into a reference. */
static bool plain_byte(unsigned char c, escaping e)
{
    if (c >= 0x20 && c < 0x7F)
        return e == ESC_NONE || (c != '&' && c != '<' && c != '>' && c != '"');
    return (c == '\t' || c == '\n') && e != ESC_ATTR;
}

static const char *reference(unsigned char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\n':
        return "&#10;";
    case '\t':
        return "&#9;";
    default:
        return NULL;
    }
}

/* s[0..n) with what XML or a reader refuses dropped (a CR) or replaced
 * (U+FFFD), and escaped (e). Runs of plain bytes, most of any text, are
 * copied whole: a copy per character was a tenth of the EPUB's
 * instructions. The result is written raw: libxml2 escaping it again (in
 * a copy of its own, found by strlen) was a sixth of writing the EPUB. */
static const char *clean(oct_epub_xw *x, const char *s, size_t n, escaping e)
{
    oct_buf_grow(&x->scratch, n + 1);
    oct_buf_clear(&x->scratch); /* after the growth: an empty s gives "", not fresh memory */
    for (size_t i = 0; i < n;) {
        size_t run = i;
        while (run < n && plain_byte((unsigned char)s[run], e))
            run++;
        if (run > i) {
            oct_buf_put(&x->scratch, s + i, run - i);
            i = run;
            continue;
        }
        const char *ref = e != ESC_NONE ? reference((unsigned char)s[i]) : NULL;
        if (ref) {
            oct_buf_puts(&x->scratch, ref);
            i++;
            continue;
        }
        size_t k;
        unsigned cp = oct_utf8_decode(s + i, n - i, &k);
        if (cp == '\r') {
            /* dropped: sources are LF-normalized, a stray CR is noise */
        } else if (is_allowed(cp) && (cp != OCT_REPLACEMENT_CHAR || k == 3)) {
            oct_buf_put(&x->scratch, s + i, k);
        } else {
            oct_buf_put_utf8(&x->scratch, OCT_REPLACEMENT_CHAR);
        }
        i += k;
    }
    return x->scratch.data ? x->scratch.data : "";
}

/* Content follows: a start tag still open gets its '>'. */
static void count_content(oct_epub_xw *x)
{
    if (x->tag_open) x->count++;
    x->tag_open = false;
}

void oct_epub_xw_start(oct_epub_xw *x, const char *name)
{
    size_t len = strlen(name);
    OCT_GROW(x->open, x->capopen, x->nopen + 1);
    x->open[x->nopen++] = len;
    if (x->counting) {
        count_content(x);
        x->count += 1 + len;
        x->tag_open = true;
        return;
    }
    if (x->w) check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

void oct_epub_xw_attr(oct_epub_xw *x, const char *name, const char *value)
{
    if ((!x->w && !x->counting) || !value) return;
    const char *v = clean(x, value, strlen(value), ESC_ATTR);
    size_t len = x->scratch.len;
    if (x->counting) { /* name="value" after a space */
        x->count += strlen(name) + 4 + len;
        return;
    }
    check(x, xmlTextWriterStartAttribute(x->w, BAD_CAST name));
    if (len) check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST v, (int)len));
    check(x, xmlTextWriterEndAttribute(x->w));
}

void oct_epub_xw_attr_int(oct_epub_xw *x, const char *name, long value)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", value);
    oct_epub_xw_attr(x, name, num);
}

/* </name>, or /> for an element left empty when `empty`. */
static void count_end(oct_epub_xw *x, bool empty)
{
    if (x->nopen == 0) return;
    size_t len = x->open[x->nopen - 1];
    if (empty && x->tag_open) {
        x->count += 2;
    } else {
        count_content(x);
        x->count += 3 + len;
    }
    x->tag_open = false;
}

/* Closes the innermost element: full (<p></p>) or, left empty, <br/>. */
static void close_element(oct_epub_xw *x, bool empty)
{
    if (x->counting)
        count_end(x, empty);
    else if (x->w)
        check(x, empty ? xmlTextWriterEndElement(x->w) : xmlTextWriterFullEndElement(x->w));
    if (x->nopen) x->nopen--;
}

void oct_epub_xw_end(oct_epub_xw *x)
{
    close_element(x, false);
}

void oct_epub_xw_end_empty(oct_epub_xw *x)
{
    close_element(x, true);
}

void oct_epub_xw_textn(oct_epub_xw *x, const char *s, size_t n)
{
    if ((!x->w && !x->counting) || !s || !n) return;
    const char *v = clean(x, s, n, x->nopen ? ESC_TEXT : ESC_NONE);
    size_t len = x->scratch.len;
    if (!len) return;
    if (x->counting) {
        count_content(x);
        x->count += len;
        return;
    }
    check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST v, (int)len));
}

void oct_epub_xw_text(oct_epub_xw *x, const char *s)
{
    if (s) oct_epub_xw_textn(x, s, strlen(s));
}

void oct_epub_xw_nl(oct_epub_xw *x)
{
    if (x->counting) {
        count_content(x);
        x->count++;
    } else if (x->w) {
        check(x, xmlTextWriterWriteString(x->w, BAD_CAST "\n"));
    }
}

void oct_epub_xw_element(oct_epub_xw *x, const char *name, const char *text)
{
    oct_epub_xw_start(x, name);
    oct_epub_xw_text(x, text);
    oct_epub_xw_end(x);
}

void oct_epub_xw_xhtml_begin(oct_epub_xw *x, const char *lang, const char *title,
                             const char *css_href)
{
    if (x->counting)
        x->count += sizeof "<!DOCTYPE html>" - 1;
    else if (x->w)
        check(x, xmlTextWriterWriteDTD(x->w, BAD_CAST "html", NULL, NULL, NULL));
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "html");
    oct_epub_xw_attr(x, "xmlns", "http://www.w3.org/1999/xhtml");
    oct_epub_xw_attr(x, "xmlns:epub", "http://www.idpf.org/2007/ops");
    oct_epub_xw_attr(x, "xml:lang", lang);
    oct_epub_xw_attr(x, "lang", lang);
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "head");
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "meta");
    oct_epub_xw_attr(x, "charset", "utf-8");
    oct_epub_xw_end_empty(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_element(x, "title", title);
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "link");
    oct_epub_xw_attr(x, "rel", "stylesheet");
    oct_epub_xw_attr(x, "type", "text/css");
    oct_epub_xw_attr(x, "href", css_href);
    oct_epub_xw_end_empty(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "body");
    oct_epub_xw_nl(x);
}

int oct_epub_xw_finish(oct_epub_xw *x, char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    if (x->counting) { /* nothing was written: an empty document */
        *data = oct_xstrdup("");
        return 0;
    }
    if (!x->w) return -1;
    check(x, xmlTextWriterEndDocument(x->w));
    check(x, xmlTextWriterFlush(x->w));
    if (x->failed) return -1;
    size_t n = (size_t)xmlBufferLength(x->buf);
    *data = oct_xmalloc(n + 1);
    memcpy(*data, xmlBufferContent(x->buf), n);
    (*data)[n] = '\0';
    *len = n;
    return 0;
}

int oct_epub_xw_close(oct_epub_xw *x, oct_diag *diag, const char *what, char **data, size_t *len)
{
    int rc = oct_epub_xw_finish(x, data, len);
    oct_epub_xw_free(x);
    if (rc != 0)
        oct_diag_report(diag, OCT_ERROR, NULL, 0, 0, "epub-xml", "could not write %s", what);
    return rc;
}
