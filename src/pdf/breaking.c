/* Line breaking at ICU's opportunities (src/unicode/breaks.h).
 *
 * Running text uses total fit: every feasible set of breaks of a paragraph
 * is weighed at once (dynamic programming over the break opportunities,
 * cost = (10 + badness)^2 with TeX's cubic badness of the space stretch or
 * shrink), so one tight line does not leave a loose one behind it. Code
 * uses greedy filling. A token wider than the measure is broken between
 * two grapheme clusters, only where nothing else fits; a cluster is never
 * split (a flag, an emoji sequence or a letter with its marks stays whole,
 * even if that makes the line overfull). */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BAD_MAX 10000.0
#define EMERGENCY_PENALTY 1e7
#define SPACE_STRETCH 0.6 /* of a space's width */
#define SPACE_SHRINK 0.2

typedef struct {
    size_t pos;
    bool emergency;
} cand;

typedef struct {
    const pdf_text *t;
    const pdf_measure *m;
    size_t s, e;    /* the piece */
    size_t line0;   /* lines before the piece */
    double *W, *SP; /* prefix sums from s: width, stretchable width (spaces, gaps) */
    int *NS;        /* prefix count of stretchable spaces and gaps */
    pdf_line *lines;
    size_t nlines, cap;
} breaker;

bool pdf_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\n' || cp == '\r' || cp == 0x3000;
}

/* A grapheme cluster starts at i: the text may be cut before it. */
static bool can_split_before(const pdf_text *t, size_t i)
{
    return i == 0 || i >= t->n || (t->c[i].brk & OCT_GRAPHEME_START);
}

/* A line may end after char i. ICU's line rules keep clusters together
 * already; checking the cluster too makes "never split" hold by
 * construction. */
static bool allowed_after(const pdf_text *t, size_t i)
{
    return (t->c[i].brk & OCT_LB_MASK) == OCT_LB_ALLOWED && can_split_before(t, i + 1);
}

/* Scripts written without spaces between words: Thai, Lao, Khmer,
 * Myanmar, Han, kana and CJK punctuation (Hangul uses spaces). */
static bool unspaced(uint32_t cp)
{
    return (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
           (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x3000 && cp <= 0x30FF) ||
           (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool pdf_gap_after(const pdf_text *t, size_t i)
{
    return i + 1 < t->n && allowed_after(t, i) && !pdf_is_space(t->c[i].cp) &&
           !pdf_is_space(t->c[i + 1].cp) && (unspaced(t->c[i].cp) || unspaced(t->c[i + 1].cp));
}

double pdf_gap_width(const pdf_text *t, size_t i)
{
    return t->st[t->c[i].style].size * PDF_GAP_EM;
}

static bool mandatory_after(const pdf_text *t, size_t i)
{
    return (t->c[i].brk & OCT_LB_MASK) == OCT_LB_MANDATORY;
}

static size_t trim_end(const breaker *b, size_t a, size_t e)
{
    while (e > a && pdf_is_space(b->t->c[e - 1].cp))
        e--;
    return e;
}

/* Stretchable width and count of [a, te): its spaces and the gaps inside
 * it (the gap before a, where the line starts, is not its own). */
static double stretch_of(const breaker *b, size_t a, size_t te, int *count)
{
    double spw = b->SP[te - b->s] - b->SP[a - b->s];
    int n = b->NS[te - b->s] - b->NS[a - b->s];
    if (a > b->s && te > a && pdf_gap_after(b->t, a - 1)) {
        spw -= pdf_gap_width(b->t, a - 1);
        n--;
    }
    if (count) *count = n;
    return spw;
}

static double measure_of(const breaker *b)
{
    bool first = b->nlines == 0 || (b->m->first_each && b->nlines == b->line0);
    return first ? b->m->first : b->m->rest;
}

static void push_line(breaker *b, size_t a, size_t e, bool last, bool cont, double avail)
{
    if (b->nlines == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->lines = oct_xrealloc(b->lines, b->cap * sizeof *b->lines);
    }
    size_t te = trim_end(b, a, e);
    pdf_line *ln = &b->lines[b->nlines++];
    ln->a = a;
    ln->b = te;
    ln->next = e;
    ln->width = b->W[te - b->s] - b->W[a - b->s];
    ln->avail = avail;
    stretch_of(b, a, te, &ln->nspace);
    ln->justify = b->m->justify && !last;
    ln->cont = cont;
}

/* Demerits of a line [a, e) with measure avail; INFINITY if infeasible. */
static double line_cost(const breaker *b, size_t a, size_t e, double avail, bool last)
{
    size_t te = trim_end(b, a, e);
    double nat = b->W[te - b->s] - b->W[a - b->s];
    double spw = stretch_of(b, a, te, NULL);
    double bad;
    if (nat > avail + 1e-6) {
        /* the last line is set at its natural width: it cannot shrink */
        double shrink = b->m->justify && !last ? spw * SPACE_SHRINK : 0;
        if (nat - shrink > avail + 1e-9) return INFINITY;
        bad = 100.0 * pow((nat - avail) / shrink, 3);
    } else if (last && !b->m->balance) {
        bad = 0;
    } else if (!b->m->justify) {
        bad = 100.0 * pow((avail - nat) / (avail * 0.3 + 1e-9), 3);
    } else {
        double stretch = spw * SPACE_STRETCH;
        bad = stretch > 0 ? 100.0 * pow((avail - nat) / stretch, 3) : BAD_MAX;
        /* Beyond the widest word space the setter allows (lineops.c) the
         * line would stay short: only when nothing else can be done. */
        if (avail - nat > spw * PDF_MAX_SPACE_GROWTH) bad += BAD_MAX / 2;
    }
    if (bad > BAD_MAX) bad = BAD_MAX;
    return (10 + bad) * (10 + bad);
}

static cand *candidates(const breaker *b, size_t *nc)
{
    const pdf_text *t = b->t;
    size_t cap = 64, n = 0;
    cand *c = oct_xmalloc(cap * sizeof *c);
    c[n++] = (cand){b->s, false};
    double minavail = fmin(b->m->first, b->m->rest);
    for (size_t k = b->s + 1; k <= b->e; k++) {
        if (k != b->e && !allowed_after(t, k - 1)) continue;
        size_t prev = c[n - 1].pos;
        size_t te = trim_end(b, prev, k);
        bool too_wide = b->W[te - b->s] - b->W[prev - b->s] > minavail + 1e-6;
        for (size_t j = prev + 1; too_wide && j < te; j++) {
            if (!can_split_before(t, j)) continue;
            if (n + 2 >= cap) c = oct_xrealloc(c, (cap *= 2) * sizeof *c);
            c[n++] = (cand){j, true};
        }
        if (n + 2 >= cap) c = oct_xrealloc(c, (cap *= 2) * sizeof *c);
        c[n++] = (cand){k, false};
    }
    *nc = n;
    return c;
}

static void total_fit(breaker *b)
{
    size_t nc;
    cand *c = candidates(b, &nc);
    double *best = oct_xmalloc(nc * sizeof *best);
    size_t *from = oct_xmalloc(nc * sizeof *from);
    bool first_piece = b->nlines == 0 || b->m->first_each;
    best[0] = 0;
    for (size_t j = 1; j < nc; j++) {
        best[j] = INFINITY;
        from[j] = j - 1;
        for (size_t i = j; i-- > 0;) {
            if (best[i] == INFINITY) continue;
            double avail = (i == 0 && first_piece) ? b->m->first : b->m->rest;
            double cost = line_cost(b, c[i].pos, c[j].pos, avail, j == nc - 1);
            if (cost == INFINITY) {
                if (b->W[c[j].pos - b->s] - b->W[c[i].pos - b->s] > 2 * avail + 1) break;
                continue;
            }
            if (c[j].emergency) cost += EMERGENCY_PENALTY;
            if (best[i] + cost < best[j]) {
                best[j] = best[i] + cost;
                from[j] = i;
            }
        }
        /* Nothing fits (a glyph wider than the measure): take an overfull line. */
        if (best[j] == INFINITY) best[j] = best[j - 1] + BAD_MAX * BAD_MAX;
    }
    size_t nb = 0, *chain = oct_xmalloc(nc * sizeof *chain);
    for (size_t j = nc - 1; j > 0; j = from[j])
        chain[nb++] = j;
    for (size_t k = nb; k-- > 0;) {
        size_t j = chain[k], i = k + 1 < nb ? chain[k + 1] : 0;
        push_line(b, c[i].pos, c[j].pos, k == 0, i != 0, measure_of(b));
    }
    free(chain);
    free(best);
    free(from);
    free(c);
}

static void greedy(breaker *b)
{
    const pdf_text *t = b->t;
    size_t a = b->s;
    bool cont = false;
    while (a < b->e) {
        double avail = measure_of(b), w = 0;
        size_t last_ok = a, k = a;
        for (; k < b->e; k++) {
            if (!pdf_is_space(t->c[k].cp) && w + pdf_char_width(t, k) > avail + 1e-9 && k > a)
                break;
            w += pdf_char_width(t, k);
            if (allowed_after(t, k)) last_ok = k + 1;
        }
        size_t e = k;
        if (k < b->e) {
            if (last_ok > a) {
                e = last_ok;
            } else {
                while (e > a && !can_split_before(t, e))
                    e--;
                if (e == a) { /* one cluster wider than the line: whole, overfull */
                    e = k + 1;
                    while (e < b->e && !can_split_before(t, e))
                        e++;
                }
            }
        }
        push_line(b, a, e, e >= b->e, cont, avail);
        cont = true;
        a = e;
    }
}

static void break_piece(breaker *b)
{
    size_t n = b->e - b->s;
    b->W = oct_xrealloc(b->W, (n + 1) * sizeof *b->W);
    b->SP = oct_xrealloc(b->SP, (n + 1) * sizeof *b->SP);
    b->NS = oct_xrealloc(b->NS, (n + 1) * sizeof *b->NS);
    b->W[0] = b->SP[0] = 0;
    b->NS[0] = 0;
    for (size_t i = 0; i < n; i++) {
        double w = pdf_char_width(b->t, b->s + i);
        bool sp = b->t->c[b->s + i].cp == ' ';
        /* a gap counts from the char after it, so a line ending at the
         * gap's char does not count it */
        bool gap = i > 0 && pdf_gap_after(b->t, b->s + i - 1);
        b->W[i + 1] = b->W[i] + w;
        b->SP[i + 1] = b->SP[i] + (sp ? w : gap ? pdf_gap_width(b->t, b->s + i - 1) : 0);
        b->NS[i + 1] = b->NS[i] + (sp || gap ? 1 : 0);
    }
    b->line0 = b->nlines;
    if (b->m->mode == PDF_BREAK_GREEDY)
        greedy(b);
    else
        total_fit(b);
}

size_t pdf_break_lines(const pdf_text *t, const pdf_measure *m, pdf_line **out)
{
    breaker b;
    memset(&b, 0, sizeof b);
    b.t = t;
    b.m = m;
    size_t s = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (!mandatory_after(t, i) && i + 1 < t->n) continue;
        b.s = s;
        b.e = i + 1;
        break_piece(&b);
        s = i + 1;
    }
    if (b.nlines == 0) {
        b.W = oct_xrealloc(b.W, sizeof *b.W);
        b.SP = oct_xrealloc(b.SP, sizeof *b.SP);
        b.NS = oct_xrealloc(b.NS, sizeof *b.NS);
        b.W[0] = b.SP[0] = 0;
        b.NS[0] = 0;
        b.s = 0;
        push_line(&b, 0, 0, true, false, m->first);
    }
    free(b.W);
    free(b.SP);
    free(b.NS);
    *out = b.lines;
    return b.nlines;
}

void pdf_text_extent(const pdf_text *t, double *minw, double *maxw)
{
    double mn = 0, mx = 0, seg = 0, piece = 0, trail = 0, ptrail = 0;
    for (size_t i = 0; i < t->n; i++) {
        double w = pdf_char_width(t, i);
        bool sp = pdf_is_space(t->c[i].cp);
        seg += w;
        piece += w;
        trail = sp ? trail + w : 0;
        ptrail = sp ? ptrail + w : 0;
        if (allowed_after(t, i) || mandatory_after(t, i) || i + 1 == t->n) {
            if (seg - trail > mn) mn = seg - trail;
            seg = trail = 0;
        }
        if (mandatory_after(t, i) || i + 1 == t->n) {
            if (piece - ptrail > mx) mx = piece - ptrail;
            piece = ptrail = 0;
        }
    }
    *minw = mn;
    *maxw = mx;
}
