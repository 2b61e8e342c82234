/* Sublists indented less than a wide number. Notes indent a sublist by a
 * fixed amount (two or four spaces, a tab) whatever the width of the number
 * above it, so under "100. **What is X?**" a "    - item" starts at column
 * 4 while the item's content starts at column 5: CommonMark then reads the
 * bullets as text of the question line (or as indented code after a blank
 * line). The author meant a sublist of item 100, so such a list (and
 * everything indented as deep as it, up to the first line indented less)
 * moves right to the item's content column (when the author meant it:
 * see meant_nested). Only lists under an ordered item are moved; a next number ("9." then "  10.")
 * is a sibling, not a sublist. Fenced code is left alone, and the output needs no second pass. */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    bool open, ordered;
    int m, content; /* marker column and content column */
    long num;
} sl_item;

/* A list marker at t[0..n): its width through the spaces after it (as
 * CommonMark counts them), whether it is ordered and its number. */
static bool marker(const char *t, size_t n, int *width, bool *ordered, long *num)
{
    size_t k = 0;
    *num = 0;
    *ordered = false;
    if (n >= 1 && (t[0] == '-' || t[0] == '*' || t[0] == '+')) {
        k = 1;
    } else {
        while (k < n && k < 9 && t[k] >= '0' && t[k] <= '9')
            *num = *num * 10 + (t[k++] - '0');
        if (k == 0 || k >= n || (t[k] != '.' && t[k] != ')')) return false;
        k++;
        *ordered = true;
    }
    if (k >= n || t[k] != ' ') return false; /* an empty item moves nothing */
    size_t sp = 0;
    while (k + sp < n && t[k + sp] == ' ')
        sp++;
    if (k + sp == n) return false;
    if (sp > 4) sp = 1;
    *width = (int)(k + sp);
    return true;
}

/* A heading or a rule at the item's own indent ends it even without a
 * blank line before. */
static bool ends_item(const char *t, size_t n)
{
    if (n > 0 && t[0] == '#') return true;
    size_t dash = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == t[0] && strchr("-*_", t[0]))
            dash++;
        else if (t[i] != ' ' && t[i] != '\t')
            return false;
    }
    return dash >= 3;
}

typedef struct {
    sl_item item;
    bool active, in_fence, prev_blank;
    int base, shift; /* the moved region: its first indent, columns added */
    char fch;
    size_t flen;
    bool scan;         /* first pass: only gathers evidence */
    unsigned evidence; /* bit k: a sublist at indent k nests properly somewhere */
} sl_state;

enum { SL_MAX_EVIDENCE = 31 };

/* The author's own habit decides: a sublist of four or more columns is
 * never meant as code or as text of the item line, and a smaller indent
 * counts when the same indent nests a sublist properly elsewhere (under
 * "1." the "   - x" that under "10." falls short). A lone "10) foo" over
 * "   - bar" keeps its CommonMark reading. */
static bool meant_nested(const sl_state *st, int ind)
{
    return ind >= 4 || (ind <= SL_MAX_EVIDENCE && (st->evidence >> ind & 1u));
}

/* Columns to add to a line of indent `ind` whose text is t[0..n). */
static int line_shift(sl_state *st, int ind, const char *t, size_t n)
{
    if (st->active && ind < st->base) st->active = false;
    int shift = st->active ? st->shift : 0, eff = ind + shift, w;
    bool ordered;
    long num;
    bool mk = marker(t, n, &w, &ordered, &num);
    sl_item *it = &st->item;
    bool sub = mk && it->open && it->ordered && eff > it->m;
    if (sub && st->scan && eff >= it->content && ind <= SL_MAX_EVIDENCE) st->evidence |= 1u << ind;
    if (sub && !st->scan && !st->active && eff < it->content && meant_nested(st, ind) &&
        (!ordered || num == 1 || num != it->num + 1)) {
        st->active = true;
        st->base = ind;
        st->shift = shift = it->content - ind;
        eff = it->content;
    }
    if (mk)
        *it = (sl_item){true, ordered, eff, eff + w, num};
    else if (eff <= it->m && (st->prev_blank || ends_item(t, n)))
        it->open = false;
    return shift;
}

/* One pass over the lines; writes to out unless st->scan. Returns whether
 * a line moved. */
static bool walk(const char *text, size_t len, sl_state *st, oct_buf *out)
{
    bool changed = false;
    for (size_t start = 0; start < len;) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len, lead;
        const char *s = text + start;
        int ind = nl_indent_of(s, end - start, &lead);
        size_t n = end - start - lead;
        const char *t = nl_trim(s + lead, &n);
        int shift = 0;
        if (n == 0) {
            st->prev_blank = true;
        } else if (st->in_fence) {
            shift = st->active && ind >= st->base ? st->shift : 0;
            size_t k = 0;
            while (k < n && t[k] == st->fch)
                k++;
            if (k >= st->flen && k == n) st->in_fence = false;
        } else {
            shift = line_shift(st, ind, t, n);
            st->in_fence = nl_fence_run(t, n, &st->fch, &st->flen);
            st->prev_blank = false;
        }
        changed |= shift > 0;
        if (!st->scan) {
            if (shift > 0) {
                for (int k = 0; k < ind + shift; k++)
                    oct_buf_putc(out, ' ');
                oct_buf_put(out, s + lead, end - start - lead);
            } else {
                oct_buf_put(out, s, end - start);
            }
            if (nl) oct_buf_putc(out, '\n');
        }
        start = end + 1;
    }
    return changed;
}

char *nl_nest_sublists(const char *text, size_t len, size_t *outlen)
{
    sl_state scan = {.prev_blank = true, .scan = true};
    walk(text, len, &scan, NULL);
    sl_state st = {.prev_blank = true, .evidence = scan.evidence};
    oct_buf out = OCT_BUF_INIT;
    if (!walk(text, len, &st, &out)) {
        oct_buf_free(&out);
        return NULL;
    }
    *outlen = out.len;
    return oct_buf_detach(&out);
}
