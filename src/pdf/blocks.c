/* Block layout: chapters, paragraphs, headings, quotes, rules, and the
 * dispatch to lists, questions, code, tables and footnotes. Everything
 * here only measures and records operations into the current flow. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double pdf_lh(const oct_pdf *p, double size)
{
    return size * p->L.leading;
}

const char *pdf_node_key(oct_pdf *p, const oct_node *n, char *buf, size_t bufsz)
{
    (void)p;
    if (n->id && *n->id) return n->id;
    /* Unique within this run and never written to the file. */
    snprintf(buf, bufsz, "\x01node-%p", (const void *)n);
    return buf;
}

char *pdf_plain_text(const oct_node *n)
{
    oct_buf b = OCT_BUF_INIT;
    oct_node_plain_text_to(n, &b);
    return oct_buf_detach(&b);
}

size_t pdf_layout_text(oct_pdf *p, const pdf_ctx *c, pdf_text *t, double lh, pdf_align al,
                       bool justify, bool keep_all)
{
    pdf_text_breaks(p, t);
    double size = t->nst ? t->st[0].size : c->size;
    /* keep_all marks display text (headings, titles): balance its lines */
    pdf_measure m = {.first = c->w,
                     .rest = c->w,
                     .justify = justify && !p->ragged && p->L.justify && c->w > 14 * size,
                     .balance = keep_all && !justify,
                     .mode = PDF_BREAK_TOTAL_FIT};
    pdf_line *lines;
    size_t n = pdf_break_lines(t, &m, &lines);
    double base = pdf_baseline(lh, size);
    for (size_t k = 0; k < n; k++) {
        bool keep = keep_all || pdf_keep_line(p, k, n);
        pdf_item *it = pdf_flow_push(p->cur, lh, keep ? PDF_IT_KEEP_NEXT : 0);
        it->base = base;
        pdf_set_line(p, it, t, &lines[k], c->x, base, al);
    }
    free(lines);
    return n;
}

void pdf_heading_add(oct_pdf *p, const oct_node *n, int level, const char *title)
{
    if (p->nheads == p->capheads) {
        p->capheads = p->capheads ? p->capheads * 2 : 32;
        p->heads = oct_xrealloc(p->heads, p->capheads * sizeof *p->heads);
    }
    pdf_heading *h = &p->heads[p->nheads++];
    memset(h, 0, sizeof *h);
    h->node = n;
    h->level = level;
    h->title = oct_xstrdup(title);
    char buf[64];
    const char *key = pdf_node_key(p, n, buf, sizeof buf);
    h->key = oct_xstrdup(key);
}

/* Lines already kept together just before item `at`: what a keep would
 * join the next block to. */
static size_t kept_run(const pdf_flow *f, size_t at)
{
    size_t lines = 0;
    while (at-- > 0 && (f->it[at].flags & PDF_IT_KEEP_NEXT))
        if (!(f->it[at].flags & PDF_IT_DISCARD)) lines++;
    return lines;
}

/* A one-line paragraph set like a run-in heading: short, no closing
 * punctuation ("Use Caching", "Indexing Fields"). It introduces the next
 * block of the same answer and must not end a page without it; not in a
 * list, nor when it already ends a run of kept lines (a run of such lines
 * may still break). */
static bool is_label(const oct_pdf *p, const pdf_ctx *c, const oct_node *n, const pdf_text *t,
                     size_t k, size_t at)
{
    if (!n->next) return false; /* nothing of its own to introduce */
    for (const oct_node *up = n->parent; up; up = up->parent)
        if (up->kind == OCT_ITEM) return false; /* a list's short items are no labels */
    static const uint32_t closing[] = {'.', '!', '?', ';', ',', 0x2026, 0x3002, 0xFF01, 0xFF1F};
    uint32_t last = t->c[k - 1].cp;
    for (size_t i = 0; i < sizeof closing / sizeof *closing; i++)
        if (last == closing[i]) return false;
    return pdf_text_width(t, 0, k) < c->w * 0.6 && kept_run(p->cur, at) < 3;
}

static void layout_paragraph(oct_pdf *p, const pdf_ctx *c, const oct_node *n)
{
    pdf_text t = {0};
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, c->size, p->L.text);
    bool para = n->kind == OCT_PARAGRAPH;
    if (oct_kind_is_inline(n->kind)) {
        if (n->text)
            pdf_text_add(p, &t, n->text, strlen(n->text), &st, n, false);
        else
            pdf_text_inlines(p, &t, n, &st);
    } else {
        /* pictures in running text are set as blocks after their paragraph */
        p->defer_images = para;
        pdf_text_inlines(p, &t, n, &st);
        p->defer_images = false;
    }
    size_t before = p->cur->n, lines = 0;
    bool only_pictures = para && t.n == 0;
    if (!only_pictures)
        lines = pdf_layout_text(p, c, &t, pdf_lh(p, c->size), PDF_AL_LEFT, true, false);
    if (para) pdf_layout_inline_figures(p, c, n);
    if (p->cur->n == before)
        pdf_layout_text(p, c, &t, pdf_lh(p, c->size), PDF_AL_LEFT, true, false);
    /* "Add this to settings.py:" introduces what follows: keep them together */
    size_t k = t.n;
    while (k > 0 && (pdf_is_space(t.c[k - 1].cp) || t.c[k - 1].slot == PDF_SLOT_NONE))
        k--;
    if (k > 0 && (t.c[k - 1].cp == ':' || (para && lines == 1 && is_label(p, c, n, &t, k, before))))
        pdf_flow_keep_last(p->cur);
    pdf_text_free(&t);
}

/* A SUMMARY the study pass did not take apart (a tree built without it):
 * a bold paragraph; its DETAILS prints its blocks after it. */
static void layout_summary(oct_pdf *p, const pdf_ctx *c, const oct_node *n)
{
    pdf_text t = {0};
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_B, c->size, p->L.text);
    pdf_text_inlines(p, &t, n, &st);
    pdf_layout_text(p, c, &t, pdf_lh(p, c->size), PDF_AL_LEFT, true, false);
    pdf_text_free(&t);
}

static double heading_size(const oct_pdf *p, int level)
{
    switch (level) {
    case 1:
        return p->L.h2_size;
    case 2:
        return p->L.h3_size;
    default:
        return p->L.h4_size;
    }
}

static void layout_heading(oct_pdf *p, const pdf_ctx *c, const oct_node *n)
{
    int level = n->u.section.level < 1 ? 1 : n->u.section.level > 6 ? 6 : n->u.section.level;
    double size = heading_size(p, level);
    int var = level >= 5 ? PDF_VAR_BI : PDF_VAR_B;
    pdf_style st = pdf_style_make(PDF_FAM_HEAD, var, size, p->L.heading_color);
    pdf_text t = {0};
    pdf_text_inlines(p, &t, n, &st);
    pdf_flow_space(p->cur, size * (level == 1 ? 1.25 : 0.95));
    size_t first = p->cur->n;
    pdf_layout_text(p, c, &t, size * 1.22, PDF_AL_LEFT, false, true);
    pdf_text_free(&t);
    char buf[64];
    pdf_item_dest(p, &p->cur->it[first], pdf_node_key(p, n, buf, sizeof buf), 0);
    char *title = pdf_plain_text(n);
    pdf_heading_add(p, n, level, title);
    free(title);
    pdf_flow_space(p->cur, size * 0.3);
    pdf_flow_keep_last(p->cur);
}

static void layout_quote(oct_pdf *p, const pdf_ctx *c, const oct_node *n)
{
    double indent = c->size * 1.4;
    pdf_ctx in = *c;
    if (c->w > 10 * indent) {
        in.x += indent;
        in.w -= indent;
    }
    bool rtl = pdf_node_rtl(n); /* the rule stands on the side lines start */
    in.x = pdf_flip(c, rtl, in.x, in.w);
    in.depth++;
    size_t first = p->cur->n;
    pdf_layout_blocks(p, &in, n->first);
    for (size_t i = first; i < p->cur->n; i++) {
        pdf_op *op = pdf_item_op(&p->cur->it[i], PDF_OP_RECT);
        op->color = pdf_color_id(p, p->L.rule);
        op->x = pdf_flip(c, rtl, c->x + 1, 2.2);
        op->w = 2.2;
        op->h = p->cur->it[i].h;
    }
}

static void layout_rule(oct_pdf *p, const pdf_ctx *c)
{
    double lh = pdf_lh(p, c->size);
    /* it separates what is on one page: at a page break it has nothing to separate */
    pdf_item *it = pdf_flow_push(p->cur, lh * 1.5, PDF_IT_DISCARD | PDF_IT_SEPARATOR);
    pdf_op *op = pdf_item_op(it, PDF_OP_LINE);
    op->color = pdf_color_id(p, p->L.rule);
    op->lw = 0.6f;
    op->x = c->x + c->w * 0.35;
    op->w = c->w * 0.3;
    op->y = lh * 0.75;
}

/* Past PDF_MAX_DEPTH, a subtree is set as one plain paragraph: every
 * character stays in the output, the C stack stays bounded. */
static void layout_flattened(oct_pdf *p, const pdf_ctx *c, const oct_node *n)
{
    char *s = pdf_plain_text(n);
    pdf_text t = {0};
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, c->size, p->L.text);
    pdf_text_add(p, &t, s, strlen(s), &st, n, false);
    pdf_layout_text(p, c, &t, pdf_lh(p, c->size), PDF_AL_LEFT, true, false);
    pdf_text_free(&t);
    free(s);
}

void pdf_layout_block(oct_pdf *p, const pdf_ctx *c, const oct_node *n)
{
    if (c->depth > PDF_MAX_DEPTH) {
        layout_flattened(p, c, n);
        return;
    }
    pdf_ctx in = *c;
    in.depth++;
    switch (n->kind) {
    case OCT_PARAGRAPH:
        layout_paragraph(p, c, n);
        break;
    case OCT_SECTION:
        layout_heading(p, c, n);
        break;
    case OCT_BLOCKQUOTE:
        layout_quote(p, c, n);
        break;
    case OCT_THEMATIC_BREAK:
        layout_rule(p, c);
        break;
    case OCT_LIST:
        pdf_layout_list(p, c, n);
        break;
    case OCT_QUESTION:
        pdf_layout_question(p, c, n);
        break;
    case OCT_CODE_BLOCK:
        pdf_layout_code(p, c, n);
        break;
    case OCT_TABLE:
        pdf_layout_table(p, c, n);
        break;
    case OCT_FOOTNOTE_DEF:
        pdf_layout_footnotes(p, c, n);
        break;
    case OCT_FIGURE:
        if (n->first && pdf_image_available(p, n->first))
            pdf_layout_figure(p, c, n->first);
        else
            layout_paragraph(p, c, n);
        break;
    case OCT_SUMMARY:
        layout_summary(p, c, n);
        break;
    default:
        if (oct_kind_is_inline(n->kind))
            layout_paragraph(p, c, n);
        else
            pdf_layout_blocks(p, &in, n->first);
        break;
    }
}

/* A paragraph whose last line must not end a page: one a list follows (an
 * item's line and its sub-items, "Examples:" and its examples) or one
 * that ends in a colon, introducing what comes next. */
static bool leads_into(const oct_node *n)
{
    if (n->kind != OCT_PARAGRAPH || !n->next || n->next->kind == OCT_FOOTNOTE_DEF) return false;
    if (n->next->kind == OCT_LIST) return true;
    const oct_node *last = n->last;
    if (!last || last->kind != OCT_TEXT || !last->text) return false;
    size_t len = strlen(last->text);
    while (len > 0 && last->text[len - 1] == ' ')
        len--;
    return len > 0 && last->text[len - 1] == ':';
}

void pdf_layout_blocks(oct_pdf *p, const pdf_ctx *c, const oct_node *first)
{
    double gap = c->tight ? p->L.paragraph_gap * 0.4 : p->L.paragraph_gap;
    for (const oct_node *n = first; n; n = n->next) {
        if (n->kind == OCT_FOOTNOTE_DEF && c->depth == 0) continue; /* chapter end */
        if (n != first) pdf_flow_space(p->cur, gap);
        pdf_layout_block(p, c, n);
        if (leads_into(n)) pdf_flow_keep_last(p->cur);
    }
}

static void layout_chapter_title(oct_pdf *p, const oct_node *ch, const pdf_ctx *c)
{
    double bh = pdf_body_height(p);
    pdf_item *strut =
        pdf_flow_push(p->cur, bh * 0.06, PDF_IT_NEW_PAGE | PDF_IT_OPENER | PDF_IT_KEEP_NEXT);
    char buf[64];
    const char *key = pdf_node_key(p, ch, buf, sizeof buf);
    pdf_item_dest(p, strut, key, 0);
    const char *title = ch->u.chapter.title ? ch->u.chapter.title : "";
    pdf_heading_add(p, ch, 0, title);
    if (*title) {
        pdf_style st = pdf_style_make(PDF_FAM_HEAD, PDF_VAR_B, p->L.h1_size, p->L.heading_color);
        pdf_text t = {0};
        pdf_text_add(p, &t, title, strlen(title), &st, ch, false);
        pdf_layout_text(p, c, &t, p->L.h1_size * 1.18, PDF_AL_LEFT, false, true);
        pdf_text_free(&t);
    }
    pdf_item *rule = pdf_flow_push(p->cur, p->L.h1_size * 0.9, PDF_IT_KEEP_NEXT);
    pdf_op *op = pdf_item_op(rule, PDF_OP_LINE);
    op->color = pdf_color_id(p, p->L.accent);
    op->lw = 1.6f;
    op->w = p->L.h1_size * 1.8;
    op->x = pdf_flip(c, pdf_text_rtl(title), c->x, op->w);
    op->y = p->L.h1_size * 0.45;
    pdf_flow_space(p->cur, pdf_lh(p, p->L.body_size));
    pdf_flow_keep_last(p->cur);
}

void pdf_layout_chapter(oct_pdf *p, const oct_node *ch, int index)
{
    pdf_ctx c = {0, pdf_body_width(p), p->L.body_size, 0, 0, false};
    p->cur->chapter = index;
    p->cur_chapter = ch;
    layout_chapter_title(p, ch, &c);
    pdf_layout_blocks(p, &c, ch->first);
    for (const oct_node *n = ch->first; n; n = n->next) {
        if (n->kind != OCT_FOOTNOTE_DEF) continue;
        pdf_flow_space(p->cur, p->L.paragraph_gap * 2);
        pdf_layout_footnotes(p, &c, n);
        break;
    }
    p->cur_chapter = NULL;
}
