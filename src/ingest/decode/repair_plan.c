/* Judging one candidate run. The whole run is tried first because
 * mojibake of a word in another alphabet ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚") is only
 * obvious as a whole; single sequences are the fallback for runs where a
 * real character happens to sit next to the mojibake. Either way a
 * replacement must lower the badness of its neighbourhood, so text that
 * was right (badness 0) is never touched. */
#include "ingest/decode/repair_plan.h"
#include "ingest/decode/repair_badness.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN 3 /* window slack for a rule's own neighbours */

void oct_u32vec_push(oct_u32vec *a, uint32_t c)
{
    OCT_GROW(a->v, a->cap, a->n + 1);
    a->v[a->n++] = c;
}

static void decode_into(oct_u32vec *a, const char *s, size_t n)
{
    size_t i = 0, l;
    while (i < n) {
        oct_u32vec_push(a, oct_utf8_decode(s + i, n - i, &l));
        i += l;
    }
}

/* win = left context + mid[0..n) + right context; returns where mid starts. */
static size_t build_window(oct_u32vec *win, const oct_repair_context *cx, const uint32_t *mid,
                           size_t n)
{
    win->n = 0;
    for (size_t i = 0; i < cx->nl; i++)
        oct_u32vec_push(win, cx->lc[i]);
    for (size_t i = 0; i < n; i++)
        oct_u32vec_push(win, mid[i]);
    for (size_t i = 0; i < cx->nr; i++)
        oct_u32vec_push(win, cx->rc[i]);
    return cx->nl;
}

/* Badness of win's positions [lo, hi), looking only at nearby context so
 * that scoring one sequence of a long run stays cheap. */
static int local_badness(const oct_u32vec *win, size_t lo, size_t hi)
{
    size_t a = lo > MARGIN ? lo - MARGIN : 0;
    size_t b = hi + MARGIN < win->n ? hi + MARGIN : win->n;
    return oct_repair_badness(win->v + a, b - a, lo - a, hi - a);
}

static bool all_printable(const uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!oct_repair_printable(v[i])) return false;
    return true;
}

static unsigned cp_bit(oct_codepage cp, bool latin1)
{
    if (cp == OCT_CP_MACROMAN) return OCT_RF_MACROMAN;
    return latin1 ? OCT_RF_LATIN1 : OCT_RF_CP1252;
}

static void add_edit(oct_repair_plan *p, size_t start, size_t end, const uint32_t *cps, size_t n,
                     unsigned bits)
{
    if (p->nedit == p->edit_cap) {
        p->edit_cap = p->edit_cap ? p->edit_cap * 2 : 8;
        p->edit = oct_xrealloc(p->edit, p->edit_cap * sizeof *p->edit);
    }
    p->edit[p->nedit++] = (oct_repair_edit){start, end, p->cps.n, n, bits};
    for (size_t i = 0; i < n; i++)
        oct_u32vec_push(&p->cps, cps[i]);
}

/* Another layer needs a character that some code page reads from a UTF-8
 * lead byte. */
static bool may_be_mojibake(const uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int a = oct_codepage_encode(OCT_CP_WINDOWS_1252, v[i]);
        int b = oct_codepage_encode(OCT_CP_MACROMAN, v[i]);
        if ((a >= 0xC2 && a <= 0xF4) || (b >= 0xC2 && b <= 0xF4)) return true;
    }
    return false;
}

static void put_cps(oct_buf *b, const uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        oct_buf_put_utf8(b, v[i]);
}

/* Repairs the run's decoded text again (inner layers) into p->deep;
 * returns true when that changed anything. The neighbours go along so
 * that the inner layer is judged in context, and are cut off again
 * (unless the inner repair changed them: then it runs without them). */
static bool deeper_layers(oct_repair_plan *p, const oct_repair_context *cx, int depth,
                          unsigned *bits)
{
    p->deep.n = 0;
    size_t off = build_window(&p->after, cx, p->vals.v, p->vals.n);
    if (depth + 1 >= OCT_REPAIR_MAX_DEPTH || !may_be_mojibake(p->vals.v, p->vals.n) ||
        oct_repair_badness(p->after.v, p->after.n, off, off + p->vals.n) == 0) {
        for (size_t i = 0; i < p->vals.n; i++)
            oct_u32vec_push(&p->deep, p->vals.v[i]);
        return false;
    }
    oct_buf s = OCT_BUF_INIT;
    put_cps(&s, cx->lc, cx->nl);
    size_t pre = s.len;
    put_cps(&s, p->vals.v, p->vals.n);
    size_t mid = s.len - pre;
    put_cps(&s, cx->rc, cx->nr);
    size_t post = s.len - pre - mid;
    size_t n;
    unsigned used = 0;
    char *r = oct_repair_layer(s.data, s.len, depth + 1, &n, &used);
    bool kept = n >= pre + post && memcmp(r, s.data, pre) == 0 &&
                memcmp(r + n - post, s.data + pre + mid, post) == 0;
    if (!kept) {
        free(r);
        used = 0;
        r = oct_repair_layer(s.data + pre, mid, depth + 1, &n, &used);
        pre = post = 0;
    }
    bool changed = n - pre - post != mid || memcmp(r + pre, s.data + pre, mid) != 0;
    decode_into(&p->deep, r + pre, n - pre - post);
    *bits |= used;
    free(r);
    oct_buf_free(&s);
    return changed;
}

/* The whole run was accepted at one layer but its repair is not spotless:
 * keep each sequence's repair unless the sequence looked fine and its
 * replacement does not fit in. */
static void plan_accepted(oct_repair_plan *p, const oct_repair_segment *seg, oct_codepage cp,
                          const oct_repair_context *cx)
{
    size_t off = build_window(&p->before, cx, seg->orig, seg->norig);
    build_window(&p->after, cx, p->vals.v, p->vals.n);
    for (size_t k = 0; k < seg->nseq; k++) {
        const oct_repair_seq *s = &seg->seq[k];
        int before = local_badness(&p->before, off + s->first, off + s->first + s->count);
        int after = local_badness(&p->after, off + k, off + k + 1);
        if (before == 0 && after > 0) continue;
        add_edit(p, s->start, s->end, &s->value, 1, cp_bit(cp, s->latin1));
    }
}

/* The whole run was rejected: judge each sequence alone among the
 * original neighbours. */
static void plan_single(oct_repair_plan *p, const oct_repair_segment *seg, oct_codepage cp,
                        const oct_repair_context *cx)
{
    size_t off = build_window(&p->before, cx, seg->orig, seg->norig);
    for (size_t k = 0; k < seg->nseq; k++) {
        const oct_repair_seq *s = &seg->seq[k];
        if (!oct_repair_printable(s->value)) continue;
        size_t lo = off + s->first, hi = lo + s->count;
        int before = local_badness(&p->before, lo, hi);
        if (before == 0) continue;
        /* Window: up to MARGIN originals, the candidate, MARGIN originals. */
        p->after.n = 0;
        size_t a = lo > MARGIN ? lo - MARGIN : 0;
        for (size_t i = a; i < lo; i++)
            oct_u32vec_push(&p->after, p->before.v[i]);
        size_t at = p->after.n;
        oct_u32vec_push(&p->after, s->value);
        for (size_t i = hi; i < p->before.n && i < hi + MARGIN; i++)
            oct_u32vec_push(&p->after, p->before.v[i]);
        int after = oct_repair_badness(p->after.v, p->after.n, at, at + 1);
        if (after >= before) continue;
        add_edit(p, s->start, s->end, &s->value, 1, cp_bit(cp, s->latin1));
        p->gain += before - after;
    }
}

void oct_repair_plan_segment(oct_repair_plan *p, const oct_repair_segment *seg, oct_codepage cp,
                             const oct_repair_context *cx, int depth)
{
    p->nedit = 0;
    p->cps.n = 0;
    p->gain = 0;
    p->clean = false;
    bool latin1 = false;
    p->vals.n = 0;
    for (size_t k = 0; k < seg->nseq; k++) {
        oct_u32vec_push(&p->vals, seg->seq[k].value);
        latin1 |= seg->seq[k].latin1;
    }
    unsigned bits = cp_bit(cp, latin1);
    bool layered = deeper_layers(p, cx, depth, &bits);

    size_t off = build_window(&p->before, cx, seg->orig, seg->norig);
    int before = oct_repair_badness(p->before.v, p->before.n, off, off + seg->norig);
    int after = before;
    if (all_printable(p->deep.v, p->deep.n)) {
        off = build_window(&p->after, cx, p->deep.v, p->deep.n);
        after = oct_repair_badness(p->after.v, p->after.n, off, off + p->deep.n);
    }
    if (after < before) {
        p->gain = before - after;
        p->clean = after == 0;
        if (layered || after == 0)
            add_edit(p, seg->seq[0].start, seg->seq[seg->nseq - 1].end, p->deep.v, p->deep.n, bits);
        else
            plan_accepted(p, seg, cp, cx);
    } else if (seg->nseq > 1 && before > 0) {
        plan_single(p, seg, cp, cx);
    }
    if (p->nedit == 0) p->gain = 0;
}

void oct_repair_plan_free(oct_repair_plan *p)
{
    free(p->edit);
    free(p->cps.v);
    free(p->before.v);
    free(p->after.v);
    free(p->vals.v);
    free(p->deep.v);
    memset(p, 0, sizeof *p);
}
