/* Code blocks: monospaced, on a tinted ground, never clipped. A
 * program's output (u.code.output: a notebook's) is set apart from the
 * code above it as Jupyter sets it: no tint, a rule down its left edge
 * and a muted "Out" over it (Jupyter's own prompt word, which Jupyter
 * does not translate either). A source line
 * longer than the measure is wrapped at a break opportunity (inside a
 * token only when the token alone is too long); each continuation line
 * starts with a muted hook arrow. Every visual line is its own item, so a
 * block can run across pages; the tint is drawn per line. */
#include "pdf/internal.h"
#include "tree/phrases.h"

#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARROW "\xE2\x86\xAA" /* U+21AA RIGHTWARDS ARROW WITH HOOK */

typedef struct {
    double x, w, pad_x, pad_y, lh, size, arrow_w;
    pdf_text arrow;
    bool output; /* a program's output: a rule, not a tint */
} code_geom;

/* The block's ground on item it, h high: the tint, or an output's rule. */
static void ground(oct_pdf *p, const code_geom *g, pdf_item *it, double h)
{
    pdf_op *bg = pdf_item_op(it, PDF_OP_RECT);
    bg->color = pdf_color_id(p, g->output ? p->L.rule : p->L.code_background);
    bg->x = g->x;
    bg->w = g->output ? g->size * 0.12 : g->w;
    bg->h = h;
}

/* A visual line: a line of a source line (a view into the block's text)
 * and how far that source line is indented. */
typedef struct {
    pdf_text view;
    pdf_line ln;
    double lead;
} code_line;

/* An empty line (a source's blank line between two parts). */
static bool blank_line(const code_line *cl)
{
    for (size_t i = cl->ln.a; i < cl->ln.b; i++)
        if (!pdf_is_space(cl->view.c[i].cp)) return false;
    return true;
}

/* blank_next: the line after this one is empty; a page may end after that
 * empty line but not before it, so a continued block never opens with one */
static void code_item(oct_pdf *p, const code_geom *g, const code_line *cl, size_t k, size_t n,
                      bool blank_next)
{
    bool first = k == 0, last = k + 1 == n;
    double top = first ? g->pad_y : 0;
    double h = g->lh + top + (last ? g->pad_y : 0);
    /* a short block never splits; a longer one keeps as many lines
     * together at either end of a page break as a paragraph */
    bool keep = !last && (n <= (size_t)p->L.breaks.code_lines || pdf_keep_line(p, k, n) ||
                          (blank_next && k + 2 < n));
    pdf_item *it = pdf_flow_push(p->cur, h, keep ? PDF_IT_KEEP_NEXT : 0);
    it->base = top + pdf_baseline(g->lh, g->size);
    ground(p, g, it, h + (last ? 0 : 0.4)); /* overlap: no seam between lines */
    double x = g->x + g->pad_x;
    if (cl->ln.cont) {
        /* continuation: under the source line's indentation, behind a hook */
        pdf_line al = {0, g->arrow.n, g->arrow.n, 0, 0, 0, false, false};
        pdf_set_line(p, it, &g->arrow, &al, x + cl->lead, it->base, PDF_AL_LEFT);
        x += cl->lead + g->arrow_w;
    }
    pdf_set_line(p, it, &cl->view, &cl->ln, x, it->base, PDF_AL_LEFT);
}

/* A comment's marker ("# ", "// ", "-- ") never ends a wrapped line
 * alone: the space after it is no break, so it goes on with its text. */
static void keep_comment_markers(pdf_text *t)
{
    for (size_t i = 0; i + 1 < t->n; i++) {
        uint32_t c = t->c[i].cp;
        bool opens = i == 0 || t->c[i - 1].cp == ' ' || t->c[i - 1].cp == '\n';
        size_t after = i + 1; /* the space after a one-character marker */
        if ((c == '/' || c == '-') && after < t->n && t->c[after].cp == c)
            after++;
        else if (c != '#')
            continue;
        if (opens && after < t->n && t->c[after].cp == ' ')
            t->c[after].brk = (uint8_t)((t->c[after].brk & ~OCT_LB_MASK) | OCT_LB_NONE);
    }
}

/* Breaks each source line [s, e) of t on its own: continuation lines are
 * narrower by the line's indentation and the hook. */
static size_t break_source_lines(const pdf_text *t, const code_geom *g, code_line **out)
{
    double inner = g->w - 2 * g->pad_x;
    size_t n = 0, cap = 0, s = 0;
    code_line *v = NULL;
    for (;;) {
        size_t e = s;
        while (e < t->n && t->c[e].cp != '\n')
            e++;
        bool last = e == t->n;
        if (!last) e++; /* the newline ends its line (and is trimmed) */
        pdf_text view = *t;
        view.c = t->c ? t->c + s : NULL; /* an empty block has no characters */
        view.n = e - s;
        double lead = 0;
        for (size_t i = 0; i < view.n && view.c[i].cp == ' '; i++)
            lead += pdf_char_width(&view, i);
        if (lead > inner * 0.5) lead = inner * 0.5;
        pdf_measure m = {
            .first = inner, .rest = inner - lead - g->arrow_w, .mode = PDF_BREAK_GREEDY};
        pdf_line *lines;
        size_t nl = pdf_break_lines(&view, &m, &lines);
        for (size_t k = 0; k < nl; k++) {
            OCT_GROW(v, cap, n + 1);
            v[n++] = (code_line){view, lines[k], lead};
        }
        free(lines);
        if (last) break;
        s = e;
    }
    *out = v;
    return n;
}

/* "python (continued)" in the block's tint, placed only where the block
 * goes on after a page break (pages.c); returns its item's index. */
static size_t continued_item(oct_pdf *p, const code_geom *g, const oct_node *n)
{
    size_t index = p->cur->n;
    double h = g->lh + g->pad_y;
    pdf_item *it = pdf_flow_push(p->cur, h, PDF_IT_REPEAT_ONLY | PDF_IT_KEEP_NEXT);
    it->base = g->pad_y + pdf_baseline(g->lh, g->size);
    ground(p, g, it, h + 0.4);
    const char *lang = n->u.code.lang && *n->u.code.lang ? n->u.code.lang : "\u2026";
    char label[160];
    snprintf(label, sizeof label, oct_phrase(p->tree->meta.lang, OCT_PH_CONTINUED), lang);
    pdf_style st = pdf_style_make(PDF_FAM_MONO, PDF_VAR_I, g->size * 0.9, p->L.muted);
    pdf_text t = {0};
    pdf_text_add(p, &t, label, strlen(label), &st, n, false);
    pdf_line ln = {0, t.n, t.n, pdf_text_width(&t, 0, t.n), g->w, 0, false, false};
    pdf_set_line(p, it, &t, &ln, g->x + g->pad_x, it->base, PDF_AL_LEFT);
    pdf_text_free(&t);
    return index;
}

/* An output's "Out" (in the booklet's language) over its first line,
 * kept with it. */
static void out_label(oct_pdf *p, const code_geom *g, const oct_node *n)
{
    double size = g->size * 0.85, h = g->lh * 0.9;
    pdf_item *it = pdf_flow_push(p->cur, h, PDF_IT_KEEP_NEXT);
    it->base = pdf_baseline(h, size);
    pdf_style st = pdf_style_make(PDF_FAM_MONO, PDF_VAR_I, size, p->L.muted);
    pdf_text t = {0};
    const char *label = oct_phrase(p->tree->meta.lang, OCT_PH_OUTPUT);
    pdf_text_add(p, &t, label, strlen(label), &st, n, false);
    pdf_line ln = {0, t.n, t.n, pdf_text_width(&t, 0, t.n), g->w, 0, false, false};
    pdf_set_line(p, it, &t, &ln, g->x, it->base, PDF_AL_LEFT);
    pdf_text_free(&t);
}

void pdf_layout_code(oct_pdf *p, const pdf_ctx *c, const oct_node *n)
{
    code_geom g;
    memset(&g, 0, sizeof g);
    g.size = p->L.code_size * c->size / p->L.body_size;
    g.lh = g.size * 1.42;
    g.pad_x = g.size * 0.8;
    g.pad_y = g.size * 0.55;
    g.x = c->x;
    g.w = c->w;
    g.output = n->u.code.output;
    pdf_style as = pdf_style_make(PDF_FAM_MONO, PDF_VAR_R, g.size, p->L.muted);
    pdf_text_add(p, &g.arrow, ARROW, strlen(ARROW), &as, n, false);
    g.arrow_w = pdf_text_width(&g.arrow, 0, g.arrow.n) + g.size * 0.4;

    size_t len;
    const char *src = oct_code_block_text(n, &len);
    pdf_style st = pdf_style_make(PDF_FAM_MONO, PDF_VAR_R, g.size, p->L.text);
    pdf_text t = {0};
    pdf_code_text(p, &t, src, len, &st, n);
    /* code reads left to right whatever script its comments and strings
     * are in (an Arabic comment first set the whole block right to left,
     * ":for n in names"); the words of those scripts still read their way */
    t.dir = 1;
    pdf_text_breaks(p, &t);
    keep_comment_markers(&t);
    code_line *lines;
    size_t nl = break_source_lines(&t, &g, &lines);
    /* a block long enough to split says so at the top of its next page */
    if (g.output) out_label(p, &g, n);
    size_t head = nl > (size_t)p->L.breaks.code_lines ? continued_item(p, &g, n) : (size_t)-1;
    for (size_t k = 0; k < nl; k++) {
        code_item(p, &g, &lines[k], k, nl, k + 1 < nl && blank_line(&lines[k + 1]));
        if (head != (size_t)-1) {
            p->cur->it[p->cur->n - 1].head0 = head;
            p->cur->it[p->cur->n - 1].nhead = 1;
        }
    }
    free(lines);
    pdf_text_free(&t);
    pdf_text_free(&g.arrow);
}
