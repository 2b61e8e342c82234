/* Front matter: the title page, and the contents (chapters and their
 * level-1/2 sections, with dot leaders, page numbers and links). The
 * contents are laid out after the body has been paginated, so the numbers
 * are the real ones; they are folios of the body, which is numbered from 1
 * whatever the length of the front matter. */
#include "pdf/internal.h"
#include "tree/dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pdf_front_line(oct_pdf *p, const pdf_ctx *c, const char *s, int fam, int var, double size,
                    oct_color col, double lh_factor)
{
    if (!s || !*s) return;
    pdf_style st = pdf_style_make(fam, var, size, col);
    pdf_text t = {0};
    pdf_text_add(p, &t, s, strlen(s), &st, NULL, false);
    pdf_layout_text(p, c, &t, size * lh_factor, PDF_AL_LEFT, false, true);
    pdf_text_free(&t);
}

pdf_ctx pdf_front_open(oct_pdf *p, pdf_flow *f, const char *key, const char *title)
{
    p->cur = f;
    f->chapter = -1;
    pdf_ctx c = {0, pdf_body_width(p), p->L.body_size, 0, 0, false};
    pdf_item *strut = pdf_flow_push(f, pdf_body_height(p) * 0.06,
                                    PDF_IT_NEW_PAGE | PDF_IT_OPENER | PDF_IT_KEEP_NEXT);
    pdf_item_dest(p, strut, key, 0);
    pdf_front_line(p, &c, title, PDF_FAM_HEAD, PDF_VAR_B, p->L.h1_size, p->L.heading_color, 1.18);
    pdf_flow_space(f, p->L.h1_size * 1.2);
    pdf_flow_keep_last(f);
    return c;
}

void pdf_layout_title_page(oct_pdf *p, pdf_flow *f)
{
    const oct_meta *m = &p->tree->meta;
    if (!m->title && !m->subtitle && !m->author) return;
    pdf_flow *saved = p->cur;
    p->cur = f;
    f->chapter = -1;
    pdf_ctx c = {0, pdf_body_width(p), p->L.body_size, 0, 0, false};
    pdf_flow_push(f, pdf_body_height(p) * 0.2, PDF_IT_KEEP_NEXT | PDF_IT_OPENER);
    pdf_front_line(p, &c, m->title, PDF_FAM_HEAD, PDF_VAR_B, p->L.h1_size * 1.45,
                   p->L.heading_color, 1.12);
    pdf_item *rule = pdf_flow_push(f, p->L.h1_size * 1.2, PDF_IT_KEEP_NEXT);
    pdf_op *op = pdf_item_op(rule, PDF_OP_LINE);
    op->color = pdf_color_id(p, p->L.accent);
    op->lw = 2.0f;
    op->w = p->L.h1_size * 2.5;
    op->y = p->L.h1_size * 0.6;
    pdf_front_line(p, &c, m->subtitle, PDF_FAM_HEAD, PDF_VAR_R, p->L.h2_size, p->L.muted, 1.3);
    pdf_flow_push(f, p->L.h1_size * 2.5, PDF_IT_KEEP_NEXT);
    pdf_front_line(p, &c, m->author, PDF_FAM_BODY, PDF_VAR_R, p->L.h3_size, p->L.text, 1.4);
    char *date = oct_date_long(m->date, m->lang);
    pdf_front_line(p, &c, date, PDF_FAM_BODY, PDF_VAR_I, p->L.body_size, p->L.muted, 1.6);
    free(date);
    p->cur = saved;
}

static int folio_of(const oct_pdf *p, const char *key)
{
    const pdf_anchor *a = pdf_find_anchor(p, key);
    return a ? p->pages[a->page].number : 0;
}

/* The largest body folio, as text: sets the width of the folio column. */
static const char *folio_max(const oct_pdf *p)
{
    static const char *const widths[] = {"0", "00", "000", "0000", "00000", "000000"};
    int max = 1;
    for (size_t i = 0; i < p->npages; i++)
        if (p->pages[i].kind == PDF_PG_BODY && p->pages[i].number > max) max = p->pages[i].number;
    int digits = 1;
    while (max >= 10 && digits < 6)
        max /= 10, digits++;
    return widths[digits - 1];
}

/* One entry: title lines (ragged), leaders after the last line, the folio
 * flush right; the whole entry is one link to the anchor `key`. */
void pdf_front_entry(oct_pdf *p, const pdf_ctx *c, const char *title, const char *key,
                     const oct_node *node, bool chapter, int depth)
{
    double size = p->L.body_size, lh = pdf_lh(p, size);
    double indent = size * 1.6 * depth;
    char folio[24];
    int num = folio_of(p, key);
    snprintf(folio, sizeof folio, "%d", num);
    pdf_style st =
        pdf_style_make(chapter ? PDF_FAM_HEAD : PDF_FAM_BODY, chapter ? PDF_VAR_B : PDF_VAR_R,
                       chapter ? size * 0.95 : size, p->L.text);
    pdf_text fol = {0}, t = {0};
    pdf_text_add(p, &fol, folio, num ? strlen(folio) : 0, &st, NULL, false);
    double folw = pdf_text_width(&fol, 0, fol.n), numcol = size * 2.6;
    pdf_text_add(p, &t, title, strlen(title), &st, node, false);
    pdf_text_breaks(p, &t);
    double avail = c->w - indent - numcol - size;
    pdf_measure m = {.first = avail, .rest = avail - size * 1.5, .mode = PDF_BREAK_TOTAL_FIT};
    pdf_line *lines;
    size_t n = pdf_break_lines(&t, &m, &lines);
    int link = pdf_link_internal(p, key);
    double base = pdf_baseline(lh, size);
    bool rtl = pdf_text_rtl(title); /* the title on the right, its folio on the left */
    for (size_t k = 0; k < n; k++) {
        pdf_item *it = pdf_flow_push(p->cur, lh, k + 1 < n ? PDF_IT_KEEP_NEXT : 0);
        it->base = base;
        double x = c->x + indent + (k > 0 ? size * 1.5 : 0);
        pdf_set_line(p, it, &t, &lines[k], pdf_flip(c, rtl, x, lines[k].avail), base, PDF_AL_LEFT);
        if (k + 1 == n) {
            pdf_op *d = pdf_item_op(it, PDF_OP_DOTS);
            d->color = pdf_color_id(p, p->L.muted);
            d->x = x + lines[k].width + size * 0.6;
            /* leaders end in one column, left of the widest folio */
            double widest = pdf_font_width(p->fonts, PDF_SLOT(PDF_FAM_BODY, PDF_VAR_B), '0') *
                            size / 1000.0 * (double)strlen(folio_max(p));
            if (widest < folw) widest = folw;
            d->w = c->x + c->w - widest - size * 0.45 - d->x;
            d->x = pdf_flip(c, rtl, d->x, d->w);
            d->y = base;
            d->size = (float)size;
            pdf_line fl = {0, fol.n, fol.n, folw, folw, 0, false, false};
            pdf_set_line(p, it, &fol, &fl, pdf_flip(c, rtl, c->x + c->w - folw, folw), base,
                         PDF_AL_LEFT);
        }
        if (link >= 0) {
            pdf_op *op = pdf_item_op(it, PDF_OP_LINK);
            op->link = link;
            op->w = c->w - indent;
            op->x = pdf_flip(c, rtl, c->x + indent, op->w);
            op->h = lh;
        }
    }
    free(lines);
    pdf_text_free(&t);
    pdf_text_free(&fol);
}

/* Sections are indented by their depth within the chapter's entries, so a
 * chapter whose headings start at level 2 is not indented twice. */
static int shallowest(const oct_pdf *p, size_t from)
{
    int top = 2;
    for (size_t i = from; i < p->nheads && p->heads[i].level != 0; i++)
        if (p->heads[i].level < top) top = p->heads[i].level;
    return top;
}

/* A contents page earns its place by sending the reader somewhere: one
 * listing a couple of lines, or a single chapter that opens on the next
 * page anyway, is a page of paper for nothing (the outline still has
 * them). A single chapter long enough to have many sections keeps it. */
#define CONTENTS_MIN_ENTRIES 3
#define CONTENTS_MIN_ONE_CHAPTER 10

static bool contents_worth_a_page(const oct_pdf *p, size_t entries)
{
    if (entries < CONTENTS_MIN_ENTRIES) return false;
    return p->nchapters > 1 || entries >= CONTENTS_MIN_ONE_CHAPTER;
}

void pdf_layout_contents(oct_pdf *p, pdf_flow *f)
{
    size_t count = 0;
    for (size_t i = 0; i < p->nheads; i++)
        if (p->heads[i].level <= 2) count++;
    if (!contents_worth_a_page(p, count)) return;
    pdf_flow *saved = p->cur;
    pdf_ctx c = pdf_front_open(p, f, PDF_CONTENTS_KEY, pdf_phrase(p, OCT_PH_CONTENTS));
    int top = 1; /* the shallowest section level listed in the current chapter */
    for (size_t i = 0; i < p->nheads; i++) {
        const pdf_heading *h = &p->heads[i];
        if (h->level > 2) continue;
        if (h->level == 0) top = shallowest(p, i + 1);
        if (h->level == 0 && i > 0) pdf_flow_space(f, p->L.paragraph_gap * 1.6);
        pdf_front_entry(p, &c, h->title, h->key, h->node, h->level == 0,
                        h->level == 0 ? 0 : h->level - top + 1);
        if (h->level == 0) pdf_flow_keep_last(f);
    }
    p->cur = saved;
}
