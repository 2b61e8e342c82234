/* Line breaking at ICU's opportunities (src/unicode/breaks.h).
 *
 * Running text uses total fit: every feasible set of breaks of a paragraph
 * is weighed at once (dynamic programming over the break opportunities,
 * cost = (10 + badness)^2 with TeX's cubic badness of the space stretch or
 * shrink), so one tight line does not leave a loose one behind it. Code
 * uses greedy filling. A token wider than the measure is broken between
 * two grapheme clusters, only where nothing else fits; a cluster is never
 * split (a flag, an emoji sequence or a letter with its marks stays whole,
 * even if that makes the line overfull).
 *
 * Hyphenation points (hyphens.c) are flagged breaks as in TeX: a line
 * ending at one carries the hyphen's width and \hyphenpenalty, one ending
 * at a hyphen of the text \exhyphenpenalty; two flagged lines in a row
 * cost \doublehyphendemerits, a third or a hyphen before a paragraph's
 * last line costs so much that it is never taken while anything else
 * fits. The dynamic programme therefore keeps, per break, the best chain
 * for each count (0, 1, 2) of flagged lines just before it. Breaks after
 * a URL's or identifier's separators carry a penalty too, no hyphen. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BAD_MAX 10000.0
#define EMERGENCY_PENALTY 1e7
#define SPACE_STRETCH 0.5 /* of a space's width */
#define SPACE_SHRINK 0.33
#define HYPHEN_PENALTY 50.0   /* TeX's \hyphenpenalty */
#define EXHYPHEN_PENALTY 50.0 /* \exhyphenpenalty */
#define SEP_PENALTY 50.0      /* after a URL's or identifier's separator */
#define DOUBLE_HYPHEN_DEMERITS 10000.0
#define NEVER_DEMERITS 1e9 /* a third flagged line, a hyphen before the last line */
#define NSTATE 3           /* flagged lines just before a break: 0, 1, 2 */

enum { K_PLAIN, K_HYPHEN, K_EXHYPHEN, K_SEP };

typedef struct {
    size_t pos;
    bool emergency;
    uint8_t kind; /* K_*: of the break after pos - 1 */
    /* worked out once for the dynamic programme, which weighs each
     * candidate against dozens of others: */
    bool gapped; /* a gap before pos, which a line starting here does not stretch */
    double gap;  /* its width */
    double hyw;  /* K_HYPHEN: the hyphen a line ending here adds */
    size_t te;   /* a line ending here ends at te, its spaces trimmed (from s) */
} cand;

typedef struct {
    pdf_text *t; /* its words hyphenated when a piece first needs them */
    const pdf_measure *m;
    size_t s, e;    /* the piece */
    size_t line0;   /* lines before the piece */
    double *W, *SP; /* prefix sums from s: width, stretchable width (spaces, gaps) */
    int *NS;        /* prefix count of stretchable spaces and gaps */
    pdf_line *lines;
    size_t nlines, cap;
    bool hyphenate; /* this pass may end lines at hyphenation points */
    /* no gap of an unspaced script and no negative advance in the piece: a
     * line starting earlier is never shorter, shrink included, so total_fit
     * stops at the first start too far back */
    bool monotone;
    size_t skipped; /* hyphenation points left out by a first pass */
    double worst;   /* the worst line's demerits in the chain taken */
} breaker;

bool pdf_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\n' || cp == '\r' || cp == 0x3000;
}

bool pdf_stretchable_space(const pdf_text *t, size_t i)
{
    return t->c[i].cp == ' ' && !(t->st[t->c[i].style].flags & PDF_ST_CODE);
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

/* The hyphen a line ending at a hyphenation point before e adds, points. */
static double hyphen_width(const breaker *b, size_t e)
{
    const pdf_char *c = &b->t->c[e - 1];
    return c->hyw * 2.0 * b->t->st[c->style].size / 1000.0;
}

static void push_line(breaker *b, size_t a, size_t e, bool last, bool cont, double avail,
                      bool hyphen)
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
    ln->hyphen = hyphen && te == e && e > a;
    if (ln->hyphen) ln->width += hyphen_width(b, e);
}

/* Demerits of a line from candidate ci to cj with measure avail;
 * INFINITY if infeasible. The same sums as push_line's and stretch_of's,
 * from what the candidates hold. */
static double line_cost(const breaker *b, const cand *ci, const cand *cj, double avail, bool last)
{
    size_t a = ci->pos, te = cj->te > a ? cj->te : a; /* trim_end(b, a, cj->pos) */
    double nat = b->W[te - b->s] - b->W[a - b->s] + (cj->kind == K_HYPHEN ? cj->hyw : 0);
    double spw = b->SP[te - b->s] - b->SP[a - b->s];
    if (ci->gapped && te > a) spw -= ci->gap;
    double bad, excess = 0;
    if (nat > avail + 1e-6) {
        /* the last line is set at its natural width: it cannot shrink */
        double shrink = b->m->justify && !last ? spw * SPACE_SHRINK : 0;
        if (nat - shrink > avail + 1e-9) return INFINITY;
        bad = 100.0 * pdf_cube((nat - avail) / shrink);
    } else if (last && !b->m->balance) {
        bad = 0;
    } else if (!b->m->justify) {
        bad = 100.0 * pdf_cube((avail - nat) / (avail * 0.3 + 1e-9));
    } else {
        double stretch = spw * SPACE_STRETCH;
        bad = stretch > 0 ? 100.0 * pdf_cube((avail - nat) / stretch) : BAD_MAX;
        /* Beyond the widest word space the setter allows (lineops.c) the
         * line would stay short: only when nothing else can be done. */
        if (avail - nat > spw * PDF_MAX_SPACE_GROWTH) {
            bad += BAD_MAX / 2;
            excess = avail - nat - spw * PDF_MAX_SPACE_GROWTH;
        }
    }
    if (bad > BAD_MAX) bad = BAD_MAX;
    bad += 100 * excess; /* of two lines left short, the less short */
    return (10 + bad) * (10 + bad);
}

/* What kind of break ends a line before char k (K_*). */
static uint8_t kind_before(const pdf_text *t, size_t k)
{
    const pdf_char *c = &t->c[k - 1];
    if (!allowed_after(t, k - 1))
        return (c->brk & PDF_BRK_HYPHEN) && can_split_before(t, k) ? K_HYPHEN : K_PLAIN;
    if (c->brk & PDF_BRK_SEP) return K_SEP;
    if ((c->cp == '-' || c->cp == 0x2010) && k >= 2 && !pdf_is_space(t->c[k - 2].cp) &&
        !pdf_is_space(t->c[k].cp))
        return K_EXHYPHEN;
    return K_PLAIN;
}

static cand *candidates(breaker *b, size_t *nc)
{
    const pdf_text *t = b->t;
    size_t cap = 0, n = 0;
    cand *c = NULL;
    OCT_GROW(c, cap, 64);
    c[n++] = (cand){.pos = b->s, .kind = K_PLAIN};
    double minavail = fmin(b->m->first, b->m->rest);
    for (size_t k = b->s + 1; k <= b->e; k++) {
        uint8_t kind = k == b->e ? K_PLAIN : kind_before(t, k);
        if (kind == K_HYPHEN && !b->hyphenate) b->skipped++;
        if (k != b->e && !allowed_after(t, k - 1) && (kind != K_HYPHEN || !b->hyphenate)) continue;
        /* display text (a heading, a prompt) is balanced between words, never
         * inside an identifier: "get_absolute_url" stays whole */
        if (kind == K_SEP && b->m->balance) continue;
        size_t prev = c[n - 1].pos;
        size_t te = trim_end(b, prev, k);
        bool too_wide = b->W[te - b->s] - b->W[prev - b->s] > minavail + 1e-6;
        for (size_t j = prev + 1; too_wide && j < te; j++) {
            if (!can_split_before(t, j)) continue;
            OCT_GROW(c, cap, n + 1);
            c[n++] = (cand){.pos = j, .emergency = true, .kind = K_PLAIN};
        }
        /* breaks with nothing visible between them (zero-width spaces left
         * by pictures that print nothing) are one: the later */
        cand *last = &c[n - 1];
        if (k != b->e && kind == K_PLAIN && n > 1 && last->kind == K_PLAIN && !last->emergency &&
            b->W[k - b->s] == b->W[last->pos - b->s]) {
            last->pos = k;
            continue;
        }
        OCT_GROW(c, cap, n + 1);
        c[n++] = (cand){.pos = k, .kind = kind};
    }
    for (size_t k = 0; k < n; k++) {
        cand *ck = &c[k];
        ck->gapped = ck->pos > b->s && pdf_gap_after(t, ck->pos - 1);
        ck->gap = ck->gapped ? pdf_gap_width(t, ck->pos - 1) : 0;
        ck->hyw = ck->kind == K_HYPHEN ? hyphen_width(b, ck->pos) : 0;
        ck->te = trim_end(b, b->s, ck->pos);
    }
    *nc = n;
    return c;
}

static bool flagged(const cand *c)
{
    return c->kind == K_HYPHEN || c->kind == K_EXHYPHEN;
}

/* The penalty and the flagged-line rules of a line from candidate i (in
 * state hi) to candidate j; *hj gets j's state. */
static double break_demerits(const cand *c, size_t i, int hi, size_t j, bool last, int *hj)
{
    double d = 0;
    *hj = 0;
    if (c[j].kind == K_HYPHEN) d += HYPHEN_PENALTY * HYPHEN_PENALTY;
    if (c[j].kind == K_EXHYPHEN) d += EXHYPHEN_PENALTY * EXHYPHEN_PENALTY;
    if (c[j].kind == K_SEP) d += SEP_PENALTY * SEP_PENALTY;
    if (c[j].emergency) d += EMERGENCY_PENALTY;
    if (flagged(&c[j]) && !last) {
        if (hi >= 1) d += DOUBLE_HYPHEN_DEMERITS;
        if (hi >= 2) d += NEVER_DEMERITS;
        *hj = hi >= 2 ? 2 : hi + 1;
    }
    if (last && i > 0 && flagged(&c[i])) d += NEVER_DEMERITS;
    return d;
}

enum { MAX_BACK = 256 }; /* break candidates a line is looked for among (total_fit) */

static void total_fit(breaker *b)
{
    size_t nc;
    cand *c = candidates(b, &nc);
    /* best[j * NSTATE + h]: least demerits of a chain ending at j whose
     * last h lines end flagged; from[]: the state it came from */
    double *best = oct_xmalloc(nc * NSTATE * sizeof *best);
    size_t *from = oct_xmalloc(nc * NSTATE * sizeof *from);
    bool first_piece = b->nlines == 0 || b->m->first_each;
    double widest = first_piece ? fmax(b->m->first, b->m->rest) : b->m->rest;
    for (size_t k = 0; k < nc * NSTATE; k++)
        best[k] = INFINITY;
    best[0] = 0;
    for (size_t j = 1; j < nc; j++) {
        bool last = j == nc - 1;
        for (int h = 0; h < NSTATE; h++)
            from[j * NSTATE + h] = (j - 1) * NSTATE;
        /* a line never holds MAX_BACK breaks of real text: past them the
         * scan stops, so text of zero-width break points (a pathological
         * run of brackets or empty pictures) stays linear */
        for (size_t i = j, back = 0; i-- > 0 && back++ < MAX_BACK;) {
            if (best[i * NSTATE] == INFINITY && best[i * NSTATE + 1] == INFINITY &&
                best[i * NSTATE + 2] == INFINITY &&
                b->W[c[j].pos - b->s] - b->W[c[i].pos - b->s] <= 2 * b->m->rest + 1)
                continue;
            double avail = (i == 0 && first_piece) ? b->m->first : b->m->rest;
            double cost = line_cost(b, &c[i], &c[j], avail, last);
            if (cost == INFINITY) {
                if (b->W[c[j].pos - b->s] - b->W[c[i].pos - b->s] > 2 * avail + 1) break;
                if (b->monotone && avail >= widest) break; /* earlier starts: longer still */
                continue;
            }
            for (int hi = 0; hi < NSTATE; hi++) {
                if (best[i * NSTATE + hi] == INFINITY) continue;
                int hj;
                double d = best[i * NSTATE + hi] + cost + break_demerits(c, i, hi, j, last, &hj);
                if (d < best[j * NSTATE + hj]) {
                    best[j * NSTATE + hj] = d;
                    from[j * NSTATE + hj] = i * NSTATE + hi;
                }
            }
        }
        /* Nothing fits (a glyph wider than the measure): take an overfull line. */
        size_t bp = (j - 1) * NSTATE;
        for (int h = 1; h < NSTATE; h++)
            if (best[(j - 1) * NSTATE + h] < best[bp]) bp = (j - 1) * NSTATE + h;
        if (best[j * NSTATE] == INFINITY && best[j * NSTATE + 1] == INFINITY &&
            best[j * NSTATE + 2] == INFINITY) {
            best[j * NSTATE] = best[bp] + BAD_MAX * BAD_MAX;
            from[j * NSTATE] = bp;
        }
    }
    size_t end = (nc - 1) * NSTATE;
    for (int h = 1; h < NSTATE; h++)
        if (best[(nc - 1) * NSTATE + h] < best[end]) end = (nc - 1) * NSTATE + h;
    size_t nb = 0, *chain = oct_xmalloc(nc * sizeof *chain);
    b->worst = 0;
    for (size_t k = end; k / NSTATE > 0; k = from[k]) {
        chain[nb++] = k / NSTATE;
        double d = best[k] - best[from[k]];
        if (d > b->worst) b->worst = d;
    }
    for (size_t k = nb; k-- > 0;) {
        size_t j = chain[k], i = k + 1 < nb ? chain[k + 1] : 0;
        push_line(b, c[i].pos, c[j].pos, k == 0, i != 0, measure_of(b), c[j].kind == K_HYPHEN);
    }
    free(chain);
    free(best);
    free(from);
    free(c);
}

/* The hyphenation points a pass without them leaves out of the piece (as
 * candidates() counts them). */
static size_t hyphen_points(const breaker *b)
{
    size_t n = 0;
    for (size_t k = b->s + 1; k < b->e; k++)
        if (kind_before(b->t, k) == K_HYPHEN) n++;
    return n;
}

/* As TeX: a first pass without hyphenation points; only when one of its
 * lines is worse than PRETOLERANCE (or the piece has nothing else to do)
 * is the piece broken again with them. Most paragraphs never look at
 * their hyphenation points, which keeps the breaker fast. */
#define PRETOLERANCE 100.0
static void fit_twice(breaker *b)
{
    size_t n0 = b->nlines;
    b->hyphenate = false;
    b->skipped = 0;
    total_fit(b);
    if (b->worst <= (10 + PRETOLERANCE) * (10 + PRETOLERANCE)) return;
    if (b->t->hyph_later) { /* the first piece of t to need them */
        pdf_hyphenate_words(b->t);
        b->skipped = hyphen_points(b);
    }
    if (b->skipped == 0) return;
    b->nlines = n0;
    b->hyphenate = true;
    total_fit(b);
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
        push_line(b, a, e, e >= b->e, cont, avail, false);
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
    b->monotone = true;
    for (size_t i = 0; i < n; i++) {
        double w = pdf_char_width(b->t, b->s + i);
        if (w < 0) b->monotone = false;
        bool sp = pdf_stretchable_space(b->t, b->s + i);
        /* a gap counts from the char after it, so a line ending at the
         * gap's char does not count it */
        bool gap = i > 0 && pdf_gap_after(b->t, b->s + i - 1);
        b->W[i + 1] = b->W[i] + w;
        b->SP[i + 1] = b->SP[i] + (sp ? w : gap ? pdf_gap_width(b->t, b->s + i - 1) : 0);
        b->NS[i + 1] = b->NS[i] + (sp || gap ? 1 : 0);
        if (gap) b->monotone = false;
    }
    b->line0 = b->nlines;
    if (b->m->mode == PDF_BREAK_GREEDY)
        greedy(b);
    else
        fit_twice(b);
}

size_t pdf_break_lines(pdf_text *t, const pdf_measure *m, pdf_line **out)
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
        push_line(&b, 0, 0, true, false, m->first, false);
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
