/* Org's inline markup as Markdown (org_inline.h). Emphasis follows Org's
 * rules: a marker opens after the line's start, a blank or one of -({'"
 * and before a non-blank; it closes before a non-blank ... after one and
 * before the line's end, a blank or punctuation, on the same line. */
#include "ingest/formats/org_inline.h"
#include "ingest/formats/mdwrite.h"
#include "unicode/texmath.h"

#include <string.h>

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool pre_ok(const char *s, size_t i)
{
    return i == 0 || blank(s[i - 1]) || strchr("-({'\"", s[i - 1]);
}

static bool post_ok(const char *s, size_t n, size_t j)
{
    return j + 1 >= n || blank(s[j + 1]) || strchr("-.,;:!?')}\"\\[", s[j + 1]);
}

static const char *memstr(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (!memcmp(s + i, needle, k)) return s + i;
    return NULL;
}

/* Where a search for a closer found none: a later search for the same
 * closer from further on finds none either (what closes does not depend
 * on where the opener was), so a line of openers costs one pass, not one
 * per opener. Slots: the six emphasis markers, "]]", ">>". */
typedef struct {
    size_t none_from[8];
} memo;

static const char MARKERS[] = "*/_=~+";

/* The closing marker of emphasis opened by s[i]: its index, or 0. */
static size_t emphasis_end(const char *s, size_t n, size_t i, memo *mo)
{
    char m = s[i];
    const char *slot = m ? strchr(MARKERS, m) : NULL;
    if (!slot || !pre_ok(s, i) || i + 2 >= n || blank(s[i + 1]) || s[i + 1] == m) return 0;
    size_t *none = &mo->none_from[slot - MARKERS];
    if (i >= *none) return 0;
    for (size_t j = i + 2; j < n; j++)
        if (s[j] == m && !blank(s[j - 1]) && post_ok(s, n, j)) return j;
    *none = i;
    return 0;
}

/* s[from..n) searched for needle, through memo slot k. */
static const char *find_close(const char *s, size_t n, size_t from, const char *needle, memo *mo,
                              int k)
{
    if (from >= mo->none_from[k] || from > n) return NULL;
    const char *p = memstr(s + from, n - from, needle);
    if (!p) mo->none_from[k] = from;
    return p;
}

bool org_is_picture(const char *s, size_t n)
{
    static const char *const EXT[] = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"};
    for (size_t k = 0; k < sizeof EXT / sizeof *EXT; k++) {
        size_t e = strlen(EXT[k]);
        if (n > e && md_eq_nocase(s + n - e, e, EXT[k])) return true;
    }
    return false;
}

static bool has_scheme(const char *s, size_t n)
{
    return (n > 7 && !memcmp(s, "http://", 7)) || (n > 8 && !memcmp(s, "https://", 8)) ||
           (n > 7 && !memcmp(s, "mailto:", 7)) || (n > 6 && !memcmp(s, "ftp://", 6));
}

/* [[target][words]] or [[target]] at s[i]: written; returns its end. */
static size_t link(org_inline_ctx *c, oct_buf *b, const char *s, size_t n, size_t i, memo *mo)
{
    const char *close = find_close(s, n, i + 2, "]]", mo, 6);
    if (!close) return 0;
    size_t e = (size_t)(close - s);
    const char *mid = memstr(s + i + 2, e - i - 2, "][");
    size_t t0 = i + 2, t1 = mid ? (size_t)(mid - s) : e;
    const char *t = s + t0;
    size_t tn = t1 - t0;
    if (tn > 5 && !memcmp(t, "file:", 5)) {
        t += 5;
        tn -= 5;
    }
    if (!mid && org_is_picture(t, tn) && !memchr(t, ' ', tn)) {
        oct_buf_puts(b, "![");
        md_escape(b, t, tn, false);
        oct_buf_puts(b, "](<");
        oct_buf_put(b, t, tn);
        oct_buf_puts(b, ">)");
        return e + 2;
    }
    bool web = has_scheme(t, tn) && !memchr(t, '>', tn) && !memchr(t, ' ', tn);
    if (web) oct_buf_putc(b, '[');
    if (mid) {
        org_inline(c, b, mid + 2, (size_t)(close - mid - 2), false);
    } else {
        /* [[*Heading]] and [[#id]] name a place: its words */
        size_t skip = tn && (t[0] == '*' || t[0] == '#') ? 1 : 0;
        md_escape(b, t + skip, tn - skip, false);
    }
    if (web) {
        oct_buf_puts(b, "](<");
        oct_buf_put(b, t, tn);
        oct_buf_puts(b, ">)");
    }
    return e + 2;
}

/* [fn:label], [fn:label:text], [fn::text] at s[i]; returns its end. */
static size_t footnote(org_inline_ctx *c, oct_buf *b, const char *s, size_t n, size_t i)
{
    size_t k = i + 4, depth = 1, e = k;
    if (n - k > 4096) n = k + 4096; /* a footnote is not longer: a bounded look */
    for (; e < n; e++) {
        depth += s[e] == '[';
        if (s[e] == ']' && --depth == 0) break;
    }
    if (e >= n) return 0;
    const char *colon = memchr(s + k, ':', e - k);
    size_t lab_end = colon ? (size_t)(colon - s) : e;
    oct_buf label = OCT_BUF_INIT;
    if (lab_end > k)
        for (size_t j = k; j < lab_end; j++)
            oct_buf_putc(&label, (s[j] == ' ' || s[j] == ']' || s[j] == '[') ? '-' : s[j]);
    else
        oct_buf_printf(&label, "anon-%d", ++c->anon);
    oct_buf_printf(b, "[^%s]", label.data);
    if (colon) {
        oct_buf_printf(&c->defs, "[^%s]: ", label.data);
        org_inline(c, &c->defs, colon + 1, e - (size_t)(colon - s) - 1, false);
        oct_buf_putc(&c->defs, '\n');
    }
    oct_buf_free(&label);
    return e + 1;
}

/* A drill cloze "[words]" or "[words||hint]" at s[i] (not a link, a
 * footnote, a checkbox or a cookie): its end, or 0. */
static size_t cloze_end(const char *s, size_t n, size_t i)
{
    if (s[i] != '[' || i + 2 >= n || s[i + 1] == '[' || s[i + 1] == ' ' ||
        (n - i > 4 && !memcmp(s + i, "[fn:", 4)))
        return 0;
    for (size_t j = i + 1; j < n; j++) {
        if (s[j] == '[') return 0;
        if (s[j] != ']') continue;
        if (j + 1 < n && (s[j + 1] == '[' || s[j + 1] == '(')) return 0;
        bool cookie = true;
        for (size_t k = i + 1; k < j; k++)
            cookie &= (s[k] >= '0' && s[k] <= '9') || s[k] == '/' || s[k] == '%';
        if (cookie || (j == i + 2 && strchr(" xX-", s[i + 1]))) return 0;
        return j;
    }
    return 0;
}

bool org_has_cloze(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '[' && cloze_end(s, n, i)) return true;
    return false;
}

static size_t cloze(org_inline_ctx *c, oct_buf *b, const char *s, size_t j0, size_t e)
{
    const char *hint = memstr(s + j0 + 1, e - j0 - 1, "||");
    size_t we = hint ? (size_t)(hint - s) : e;
    oct_buf_printf(b, "{{c%d::", ++c->nclozes);
    org_inline(c, b, s + j0 + 1, we - j0 - 1, false);
    if (hint) {
        oct_buf_puts(b, "::");
        md_escape(b, hint + 2, e - (size_t)(hint - s) - 2, false);
    }
    oct_buf_puts(b, "}}");
    return e + 1;
}

void org_inline(org_inline_ctx *c, oct_buf *b, const char *s, size_t n, bool at_start)
{
    size_t plain = 0, i = 0;
    memo mo;
    for (size_t k = 0; k < sizeof mo.none_from / sizeof *mo.none_from; k++)
        mo.none_from[k] = (size_t)-1;
#define FLUSH()                                                                                    \
    do {                                                                                           \
        if (i > plain) {                                                                           \
            md_escape(b, s + plain, i - plain, at_start);                                          \
            at_start = false;                                                                      \
        }                                                                                          \
        plain = i;                                                                                 \
    } while (0)
    while (i < n) {
        size_t end = 0, j;
        if (s[i] == '[' && i + 1 < n && s[i + 1] == '[') {
            FLUSH();
            if ((end = link(c, b, s, n, i, &mo))) goto next;
        } else if (s[i] == '[' && n - i > 4 && !memcmp(s + i, "[fn:", 4)) {
            FLUSH();
            if ((end = footnote(c, b, s, n, i))) goto next;
        } else if (c->cloze && s[i] == '[' && (j = cloze_end(s, n, i))) {
            FLUSH();
            end = cloze(c, b, s, i, j);
            goto next;
        } else if (s[i] == '<' && i + 1 < n && s[i + 1] == '<') {
            const char *close = find_close(s, n, i + 2, ">>", &mo, 7);
            if (close) {
                FLUSH();
                size_t k = i + 2 + (s[i + 2] == '<'), e = (size_t)(close - s);
                if (k > i + 2) org_inline(c, b, s + k, e - k, false); /* <<<radio>>> prints */
                end = e + 2 + (k > i + 2 && e + 2 < n && s[e + 2] == '>');
                goto next;
            }
        } else if ((s[i] == '$' || s[i] == '\\') && (j = oct_math_span(s + i, n - i))) {
            FLUSH();
            md_math(b, s + i, n - i);
            end = i + j;
            goto next;
        } else if ((j = emphasis_end(s, n, i, &mo))) {
            FLUSH();
            char m = s[i];
            if (m == '=' || m == '~') {
                md_code_span(b, s + i + 1, j - i - 1);
            } else {
                const char *mark = m == '*' ? "**" : m == '+' ? "~~" : "*";
                oct_buf_puts(b, mark);
                org_inline(c, b, s + i + 1, j - i - 1, false);
                oct_buf_puts(b, mark);
            }
            end = j + 1;
            goto next;
        } else if (s[i] == '\\' && i + 2 == n && s[i + 1] == '\\') {
            FLUSH();
            oct_buf_putc(b, '\\'); /* a line break */
            end = n;
            goto next;
        }
        i++;
        continue;
    next:
        i = plain = end;
        at_start = false;
    }
    FLUSH();
#undef FLUSH
}
