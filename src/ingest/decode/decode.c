#include "ingest/decode/decode.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Problems are tallied per kind while decoding and reported afterwards, so a
 * file full of bad bytes yields a handful of lines instead of thousands. */
typedef enum {
    K_INVALID,
    K_NUL,
    K_CONTROL,
    K_ESCAPE,
    K_NONCHAR,
    K_SURROGATE,
    K_CESU8,
    K_COUNT
} kind;

typedef struct {
    size_t count;
    int line, col;   /* first occurrence */
    unsigned detail; /* its byte or code point */
} tally;

typedef struct {
    const unsigned char *s;
    size_t len, pos;
    int line;
    size_t line_start; /* input offset of the current line */
    oct_buf out;
    tally t[K_COUNT];
} decoder;

static const char *const CODES[K_COUNT] = {
    "invalid-utf8", "nul-byte",  "control-char", "control-char",
    "noncharacter", "surrogate", "cesu-8",
};

static int clamp_int(size_t v)
{
    return v > INT_MAX ? INT_MAX : (int)v;
}

static void note(decoder *d, kind k, unsigned detail)
{
    tally *t = &d->t[k];
    if (t->count++ == 0) {
        t->line = d->line;
        t->col = clamp_int(d->pos - d->line_start + 1);
        t->detail = detail;
    }
}

static void put_replacement(decoder *d)
{
    oct_buf_put_utf8(&d->out, OCT_REPLACEMENT_CHAR);
}

/* Length of the well-formed sequence at s[0..n) (code point in *cp), or 0
 * with *bad = length of its maximal ill-formed subpart (at least 1), as
 * Unicode recommends for U+FFFD substitution. */
static size_t scan_sequence(const unsigned char *s, size_t n, unsigned *cp, size_t *bad)
{
    unsigned c = s[0], lo = 0x80, hi = 0xBF, v;
    size_t need;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* below is overlong */
        else if (c == 0xED)
            hi = 0x9F; /* above are surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90; /* below is overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* above is beyond U+10FFFF */
    } else {
        *bad = 1;
        return 0;
    }
    for (size_t i = 1; i <= need; i++) {
        unsigned l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (i >= n || s[i] < l || s[i] > h) {
            *bad = i;
            return 0;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return need + 1;
}

/* A UTF-16 surrogate encoded like a character (ED A0..BF 80..BF), as
 * CESU-8 and "WTF-8" write them; its value in *cp. */
static bool encoded_surrogate(const unsigned char *s, size_t n, unsigned *cp)
{
    if (n < 3 || s[0] != 0xED || s[1] < 0xA0 || s[1] > 0xBF || (s[2] & 0xC0) != 0x80) return false;
    *cp = 0xD000u | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    return true;
}

/* The length of the terminal escape sequence at s (ESC '[', parameter
 * bytes, intermediate bytes, a final byte: ECMA-48's CSI, as the colours
 * of a pasted compiler or test log write it), 0 for none. Without this
 * only the ESC went, and "[31merror[0m" was printed. */
static size_t escape_length(const unsigned char *s, size_t n)
{
    if (n < 3 || s[1] != '[') return 0;
    size_t i = 2;
    while (i < n && i < 40 && s[i] >= 0x30 && s[i] <= 0x3F)
        i++;
    while (i < n && i < 40 && s[i] >= 0x20 && s[i] <= 0x2F)
        i++;
    return i < n && s[i] >= 0x40 && s[i] <= 0x7E ? i + 1 : 0;
}

static void decode_ascii(decoder *d)
{
    unsigned char c = d->s[d->pos];
    if (c == '\r' || c == '\n') {
        oct_buf_putc(&d->out, '\n');
        d->pos++;
        if (c == '\r' && d->pos < d->len && d->s[d->pos] == '\n') d->pos++;
        d->line++;
        d->line_start = d->pos;
        return;
    }
    size_t esc = c == 0x1B ? escape_length(d->s + d->pos, d->len - d->pos) : 0;
    if (esc) {
        note(d, K_ESCAPE, d->s[d->pos + esc - 1]);
        d->pos += esc;
        return;
    }
    if (c == 0) {
        note(d, K_NUL, 0);
        put_replacement(d);
    } else if (c < 0x20 && c != '\t') {
        note(d, K_CONTROL, c);
    } else {
        /* Copy the whole run of ordinary ASCII at once. */
        size_t end = d->pos + 1;
        while (end < d->len && d->s[end] < 0x80 && (d->s[end] >= 0x20 || d->s[end] == '\t'))
            end++;
        oct_buf_put(&d->out, d->s + d->pos, end - d->pos);
        d->pos = end;
        return;
    }
    d->pos++;
}

/* An encoded surrogate: half of a CESU-8 pair (join it) or a lone one that
 * XML cannot carry (drop it). */
static void decode_surrogate(decoder *d, unsigned cp)
{
    size_t at = d->pos + 3;
    unsigned lowcp;
    if (cp <= 0xDBFF && encoded_surrogate(d->s + at, d->len - at, &lowcp) && lowcp >= 0xDC00) {
        unsigned joined = 0x10000 + ((cp - 0xD800) << 10) + (lowcp - 0xDC00);
        note(d, K_CESU8, joined);
        oct_buf_put_utf8(&d->out, joined);
        d->pos += 6;
        return;
    }
    note(d, K_SURROGATE, cp);
    d->pos += 3;
}

static void decode_multibyte(decoder *d)
{
    size_t bad = 1;
    unsigned cp = 0;
    if (encoded_surrogate(d->s + d->pos, d->len - d->pos, &cp)) {
        decode_surrogate(d, cp);
        return;
    }
    size_t n = scan_sequence(d->s + d->pos, d->len - d->pos, &cp, &bad);
    if (!n) {
        note(d, K_INVALID, d->s[d->pos]);
        put_replacement(d);
        d->pos += bad;
    } else if (cp == 0xFFFE || cp == 0xFFFF) {
        note(d, K_NONCHAR, cp);
        d->pos += n;
    } else {
        oct_buf_put(&d->out, d->s + d->pos, n);
        d->pos += n;
    }
}

static void format_problem(kind k, unsigned detail, char *msg, size_t size)
{
    switch (k) {
    case K_INVALID:
        snprintf(msg, size, "invalid UTF-8 byte 0x%02x replaced by U+FFFD", detail);
        break;
    case K_NUL:
        snprintf(msg, size, "NUL byte replaced by U+FFFD");
        break;
    case K_CONTROL:
        snprintf(msg, size, "control character U+%04X removed", detail);
        break;
    case K_ESCAPE:
        snprintf(msg, size,
                 "terminal escape sequence (colour or cursor code, ESC [ ... %c) removed",
                 (char)detail);
        break;
    case K_NONCHAR:
        snprintf(msg, size, "noncharacter U+%04X removed", detail);
        break;
    case K_SURROGATE:
        snprintf(msg, size, "UTF-16 surrogate U+%04X encoded in UTF-8 removed", detail);
        break;
    default:
        snprintf(msg, size, "UTF-16 surrogate pair encoded as UTF-8 (CESU-8) read as U+%04X",
                 detail);
        break;
    }
}

/* One warning per kind, in the order the kinds first occurred. */
static void report_tallies(const char *path, const tally *t, oct_diag *diag)
{
    bool done[K_COUNT] = {false};
    for (;;) {
        int best = -1;
        for (int k = 0; k < K_COUNT; k++) {
            if (done[k] || !t[k].count) continue;
            if (best < 0 || t[k].line < t[best].line ||
                (t[k].line == t[best].line && t[k].col < t[best].col))
                best = k;
        }
        if (best < 0) return;
        done[best] = true;
        char msg[160], more[64] = "";
        format_problem((kind)best, t[best].detail, msg, sizeof msg);
        if (t[best].count > 1)
            snprintf(more, sizeof more, " (%zu more in this file)", t[best].count - 1);
        oct_diag_report(diag, OCT_WARNING, path, t[best].line, t[best].col, CODES[best], "%s%s",
                        msg, more);
    }
}

char *oct_decode_utf8(const char *path, const char *bytes, size_t len, size_t *out_len,
                      oct_diag *diag)
{
    decoder d = {.s = (const unsigned char *)bytes, .len = bytes ? len : 0, .line = 1};
    oct_buf_grow(&d.out, d.len);
    if (d.len >= 3 && memcmp(d.s, "\xEF\xBB\xBF", 3) == 0) d.pos = d.line_start = 3;
    while (d.pos < d.len) {
        if (d.s[d.pos] < 0x80)
            decode_ascii(&d);
        else
            decode_multibyte(&d);
    }
    oct_buf_put(&d.out, "", 0); /* terminates even an empty result */
    report_tallies(path, d.t, diag);
    *out_len = d.out.len;
    return oct_buf_detach(&d.out);
}

size_t oct_decode_drop_c1(const char *path, char *text, size_t *len, oct_diag *diag)
{
    size_t n = *len, w = 0, removed = 0, line_start = 0;
    int line = 1, first_line = 0, first_col = 0;
    unsigned first_cp = 0;
    for (size_t r = 0; r < n; r++) {
        unsigned char c = (unsigned char)text[r];
        if (c == 0xC2 && r + 1 < n && (unsigned char)text[r + 1] >= 0x80 &&
            (unsigned char)text[r + 1] <= 0x9F) {
            if (removed++ == 0) {
                first_line = line;
                first_col = clamp_int(r - line_start + 1);
                first_cp = (unsigned char)text[r + 1];
            }
            r++;
            continue;
        }
        if (c == '\n') {
            line++;
            line_start = r + 1;
        }
        text[w++] = (char)c;
    }
    text[w] = '\0';
    *len = w;
    if (removed == 1)
        oct_diag_report(diag, OCT_WARNING, path, first_line, first_col, "c1-control",
                        "C1 control character U+%04X removed", first_cp);
    else if (removed > 1)
        oct_diag_report(diag, OCT_WARNING, path, first_line, first_col, "c1-control",
                        "C1 control character U+%04X removed (%zu more in this file)", first_cp,
                        removed - 1);
    return removed;
}

size_t oct_decode_unligate(char *text, size_t *len)
{
    /* U+FB00..FB06 as UTF-8 (EF AC 80..86), and their letters: never
     * longer, so the text is rewritten in place */
    static const char *const LETTERS[] = {"ff", "fi", "fl", "ffi", "ffl", "\xC5\xBFt", "st"};
    size_t n = *len, w = 0, changed = 0;
    for (size_t r = 0; r < n; r++) {
        if ((unsigned char)text[r] == 0xEF && r + 2 < n && (unsigned char)text[r + 1] == 0xAC &&
            (unsigned char)text[r + 2] <= 0x86) {
            const char *l = LETTERS[(unsigned char)text[r + 2] - 0x80];
            size_t k = strlen(l);
            memmove(text + w, l, k);
            w += k;
            r += 2;
            changed++;
            continue;
        }
        text[w++] = text[r];
    }
    text[w] = '\0';
    *len = w;
    return changed;
}

size_t oct_decode_clean(const char *s, size_t n, oct_buf *out)
{
    size_t changes = 0, run = 0; /* s[run..i) is clean and not yet copied */
    oct_buf_grow(out, n);
    for (size_t i = 0; i < n;) {
        size_t len;
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        bool invalid = cp == OCT_REPLACEMENT_CHAR && len == 1;
        bool drop = (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x80 && cp <= 0x9F) ||
                    cp == 0xFFFE || cp == 0xFFFF;
        if (invalid || drop) {
            oct_buf_put(out, s + run, i - run);
            if (invalid) oct_buf_put_utf8(out, OCT_REPLACEMENT_CHAR);
            changes++;
            run = i + len;
        }
        i += len;
    }
    oct_buf_put(out, s + run, n - run);
    return changes;
}
