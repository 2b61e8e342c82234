/* The PDF backend's public face: new, render, close, free; libharu error
 * recording; link targets; once-only warnings. */
#include "pdf/answerkey.h"
#include "pdf/internal.h"
#include "pdf/shapecache.h"
#include "tree/anchors.h"
#include "util/fileio.h"
#include "util/timing.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* libharu calls this on every error; the first one is kept and reported
 * by pdf_check() after the block of calls that caused it. */
static void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    oct_pdf *p = user;
    if (p->err == 0) {
        p->err = error;
        p->err_detail = detail;
    }
}

int pdf_check(oct_pdf *p, const char *what)
{
    if (p->err == 0) return 0;
    oct_diag_report(p->diag, OCT_ERROR, NULL, 0, 0, "pdf-internal",
                    "libharu failed while %s (error 0x%04X, detail %u)", what, (unsigned)p->err,
                    (unsigned)p->err_detail);
    /* libharu keeps its error state and raises it again from later calls */
    HPDF_ResetError(p->doc);
    p->err = 0;
    p->failed = true;
    return -1;
}

static bool layout_ok(const oct_layout *l, oct_diag *d)
{
    bool ok = l->page_width > l->margin_inner + l->margin_outer + 72 &&
              l->page_height > l->margin_top + l->margin_bottom + 72 && l->body_size > 1 &&
              l->leading > 0.5 && l->h1_size > 1 && l->h2_size > 1 && l->h3_size > 1 &&
              l->h4_size > 1 && l->code_size > 1 && l->small_size > 1 && l->paragraph_gap >= 0 &&
              l->margin_top >= 0 && l->margin_bottom >= 0 && l->margin_inner >= 0 &&
              l->margin_outer >= 0 && l->page_width < 14400 && l->page_height < 14400;
    if (!ok)
        oct_diag_report(d, OCT_ERROR, l->path, 0, 0, "pdf-layout",
                        "page size, margins or type sizes leave no room to set text");
    return ok;
}

static double clamp01(double v)
{
    return v >= 0 && v <= 1 ? v : v > 1 ? 1 : 0; /* NaN -> 0 */
}

/* libharu rejects colour components outside 0..1 with an error. */
static void clamp_colors(oct_layout *l)
{
    oct_color *cs[] = {&l->text, &l->heading_color, &l->link,  &l->code_background,
                       &l->rule, &l->muted,         &l->accent};
    for (size_t i = 0; i < sizeof cs / sizeof *cs; i++) {
        cs[i]->r = clamp01(cs[i]->r);
        cs[i]->g = clamp01(cs[i]->g);
        cs[i]->b = clamp01(cs[i]->b);
    }
}

oct_pdf *oct_pdf_new(const oct_layout *layout, oct_diag *diag)
{
    if (!layout_ok(layout, diag)) return NULL;
    oct_pdf *p = oct_xcalloc(1, sizeof *p);
    p->recto_base = -1;
    p->L = *layout;
    p->diag = diag;
    clamp_colors(&p->L);
    p->fonts = pdf_fonts_open(layout, diag);
    if (!p->fonts) {
        free(p);
        return NULL;
    }
    p->shaped = pdf_shape_cache_new();
    pdf_shape_warm(p);
    p->doc = HPDF_New(on_hpdf_error, p);
    if (!p->doc) {
        oct_diag_report(diag, OCT_ERROR, NULL, 0, 0, "pdf-internal", "libharu failed to start");
        oct_pdf_free(p);
        return NULL;
    }
    HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(p->doc);
    if (pdf_check(p, "starting a document") != 0) {
        oct_pdf_free(p);
        return NULL;
    }
    return p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void collect_ids(oct_pdf *p)
{
    size_t cap = 0;
    oct_iter it;
    oct_iter_init(&it, p->tree->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev != OCT_EV_ENTER || !it.cur->id) continue;
        OCT_GROW(p->ids, cap, p->nids + 1);
        p->ids[p->nids++] = it.cur->id;
    }
    if (p->nids) qsort(p->ids, p->nids, sizeof *p->ids, cmp_str);
}

static void add_chapter(oct_pdf *p, const oct_node *ch)
{
    OCT_GROW(p->chapters, p->capchapters, p->nchapters + 1);
    p->chapters[p->nchapters] = ch;
    pdf_layout_chapter(p, ch, (int)p->nchapters++);
}

/* Chapters (also inside parts); stray top-level blocks are set as they come. */
static void layout_document(oct_pdf *p, const oct_node *parent, int depth)
{
    pdf_ctx c = {0, pdf_body_width(p), p->L.body_size, 1, 0, false};
    for (const oct_node *n = parent->first; n; n = n->next) {
        if (n->kind == OCT_CHAPTER) {
            add_chapter(p, n);
        } else if (n->kind == OCT_PART && depth < 4) {
            layout_document(p, n, depth + 1);
        } else {
            p->cur->chapter = -1;
            pdf_flow_space(p->cur, p->L.paragraph_gap);
            pdf_layout_block(p, &c, n);
        }
    }
}

/* Title and contents pages go first; they were paginated last because the
 * contents needed the body's page numbers. */
static void front_to_start(oct_pdf *p, size_t nbody)
{
    size_t nfront = p->npages - nbody;
    if (nfront == 0 || nbody == 0) return;
    pdf_page *tmp = oct_xmalloc(p->npages * sizeof *tmp);
    memcpy(tmp, p->pages + nbody, nfront * sizeof *tmp);
    memcpy(tmp + nfront, p->pages, nbody * sizeof *tmp);
    memcpy(p->pages, tmp, p->npages * sizeof *tmp);
    free(tmp);
}

/* The booklet: body, answer key, "To research", index, then the title,
 * contents and "Most asked" pages in front, painted with outline and
 * metadata. */
static int render_booklet(oct_pdf *p)
{
    pdf_index_prepare(p);
    layout_document(p, p->tree->root, 0);
    pdf_layout_answer_key(p);
    pdf_layout_research(p);
    pdf_flow_trim(&p->body);
    /* two-sided: the body's page 1 and each chapter on a recto; the
     * front matter (title, contents) the same, and an even number of
     * pages of it, so the body's first page stays a recto */
    p->recto_base = 0;
    pdf_paginate(p, &p->body, PDF_PG_BODY);
    pdf_collect_anchors(p);
    pdf_answer_links_resolve(p);   /* needs the answer key's pages */
    pdf_layout_index(p, &p->back); /* needs the body's pages */
    pdf_paginate(p, &p->back, PDF_PG_BODY);
    size_t nbody = p->npages;
    pdf_collect_anchors(p);
    pdf_layout_title_page(p, &p->title);
    pdf_layout_contents(p, &p->front);
    pdf_layout_most_asked(p, &p->front);
    p->recto_base = (long)nbody;
    pdf_paginate(p, &p->title, PDF_PG_TITLE);
    pdf_paginate(p, &p->front, PDF_PG_FRONT);
    pdf_pad_to_recto(p, PDF_PG_FRONT);
    p->recto_base = -1;
    front_to_start(p, nbody);
    pdf_collect_anchors(p);
    if (p->npages == 0) { /* an empty document is still a valid PDF */
        pdf_flow_push(&p->body, 1, 0);
        pdf_paginate(p, &p->body, PDF_PG_BODY);
    }
    pdf_flow_trim(&p->back);
    pdf_flow_trim(&p->title);
    pdf_flow_trim(&p->front);
    pdf_pool_trim(p);
    double t = pdf_clock(p);
    if (pdf_paint(p) != 0) return -1;
    pdf_layout_free(p);
    int rc = pdf_outline(p) != 0 || pdf_metadata(p) != 0 ? -1 : 0;
    pdf_clock_add(p, &p->times.write, t);
    return rc;
}

void oct_pdf_use_index(oct_pdf *p, const struct oct_index *ix)
{
    if (p && !p->rendered) p->index = ix;
}

int oct_pdf_render(oct_pdf *p, const oct_tree *tree)
{
    if (!p || !tree || !tree->root || p->rendered || p->failed) return -1;
    p->rendered = true;
    p->tree = tree;
    const char *why = "";
    p->breaker = oct_breaker_new(tree->meta.lang, &why);
    if (!p->breaker) {
        oct_diag_report(p->diag, OCT_ERROR, NULL, 0, 0, "pdf-internal",
                        "ICU cannot open its line-break rules (%s)", why);
        goto fail;
    }
    pdf_hyphen_open(p, tree->meta.lang);
    pdf_hyphen_show_tree(p, tree);
    collect_ids(p);
    p->anchor_table = oct_anchor_table_build(tree);
    p->cur = &p->body;
    oct_bank_init(&p->bank, tree);
    if (oct_tree_in_mode(tree, "flashcards")) {
        if (p->L.impose.saddle) /* cards have sheets of their own */
            oct_diag_report(p->diag, OCT_NOTE, NULL, 0, 0, "impose-cards",
                            "flashcards are not imposed: their sheets print as they are");
        p->L.impose.saddle = false;
        if (pdf_cards_render(p) != 0 || pdf_metadata(p) != 0) goto fail;
    } else if (render_booklet(p) != 0) {
        goto fail;
    }
    pdf_missing_report(p);
    double t = pdf_clock(p);
    int frc = pdf_fonts_finish(p->fonts, p->doc);
    pdf_clock_add(p, &p->times.shape, t);
    if (frc != 0) {
        oct_diag_report(p->diag, OCT_ERROR, NULL, 0, 0, "pdf-internal",
                        "cannot write the font objects");
        goto fail;
    }
    if (pdf_check(p, "finishing the document") != 0 || p->failed) goto fail;
    return 0;
fail:
    p->failed = true;
    return -1;
}

int oct_pdf_close(oct_pdf *p, const char *path)
{
    if (!p || !p->rendered || p->failed || !path) return -1;
    char *tmp = oct_atomic_begin(path);
    if (!tmp) {
        oct_diag_report(p->diag, OCT_ERROR, path, 0, 0, "pdf-write", "cannot create: %s",
                        strerror(errno));
        return -1;
    }
    double t = pdf_clock(p);
    pdf_deflate_streams(p);
    HPDF_SaveToFile(p->doc, tmp);
    pdf_deflate_end(p);
    pdf_clock_add(p, &p->times.write, t);
    if (pdf_check(p, "writing the file") != 0) {
        oct_atomic_abort(tmp);
        return -1;
    }
    if (oct_atomic_commit(tmp, path) != 0) {
        oct_diag_report(p->diag, OCT_ERROR, path, 0, 0, "pdf-write", "cannot write: %s",
                        strerror(errno));
        return -1;
    }
    return 0;
}

/* Every page names its fonts and pictures in one resources dictionary,
 * an indirect object: libharu gives each page a copy of its own (with its
 * own /ProcSet), some 2 KB a page held until the file is saved. */
static void share_resources(oct_pdf *p, HPDF_Page pg)
{
    HPDF_MMgr mm = p->doc->mmgr;
    if (!p->resources) {
        HPDF_Dict r = HPDF_Dict_New(mm);
        if (!r || HPDF_Xref_Add(p->doc->xref, r) != HPDF_OK) return; /* the page's own, then */
        p->res_fonts = HPDF_Dict_New(mm);
        p->res_xobjects = HPDF_Dict_New(mm);
        if (!p->res_fonts || HPDF_Dict_Add(r, "Font", p->res_fonts) != HPDF_OK ||
            !p->res_xobjects || HPDF_Dict_Add(r, "XObject", p->res_xobjects) != HPDF_OK)
            return;
        p->resources = r;
    }
    HPDF_PageAttr attr = pg->attr;
    if (HPDF_Dict_Add(pg, "Resources", p->resources) != HPDF_OK) return;
    attr->fonts = p->res_fonts; /* where fonts.c and libharu's image names look */
    attr->xobjects = p->res_xobjects;
}

HPDF_Page pdf_add_page(oct_pdf *p, double width, double height)
{
    HPDF_Page pg = HPDF_AddPage(p->doc);
    if (!pg) return NULL;
    HPDF_Page_SetWidth(pg, (HPDF_REAL)width);
    HPDF_Page_SetHeight(pg, (HPDF_REAL)height);
    share_resources(p, pg);
    return pg;
}

void oct_pdf_time(oct_pdf *p, bool on)
{
    if (p) p->timed = on;
}

oct_pdf_times oct_pdf_times_of(const oct_pdf *p)
{
    return p ? p->times : (oct_pdf_times){0, 0};
}

double pdf_clock(const oct_pdf *p)
{
    return p->timed ? oct_clock_now() : 0;
}

void pdf_clock_add(oct_pdf *p, double *into, double since)
{
    if (p->timed) *into += oct_clock_now() - since;
}

size_t oct_pdf_page_count(const oct_pdf *p)
{
    return p && !p->failed ? p->npages : 0;
}

size_t oct_pdf_sheet_count(const oct_pdf *p, size_t *signatures)
{
    if (signatures) *signatures = 0;
    return p && !p->failed ? pdf_impose_sheets(p, signatures) : 0;
}

void oct_pdf_free(oct_pdf *p)
{
    if (!p) return;
    if (p->doc) HPDF_Free(p->doc); /* waits for the streams being deflated */
    pdf_deflate_end(p);
    oct_breaker_free(p->breaker);
    pdf_hyphen_close(p);
    pdf_fonts_free(p->fonts);
    pdf_shape_cache_free(p->shaped);
    pdf_flow_free(&p->body);
    pdf_flow_free(&p->title);
    pdf_flow_free(&p->front);
    pdf_flow_free(&p->back);
    pdf_index_free(p);
    pdf_answer_links_free(p);
    oct_buf_free(&p->pool);
    pdf_margin_memos_free(p);
    oct_buf_free(&p->line_run);
    oct_buf_free(&p->line_actual);
    free(p->colors);
    for (size_t i = 0; i < p->nlinks; i++)
        free(p->links[i].target);
    free(p->links);
    for (size_t i = 0; i < p->nheads; i++) {
        free(p->heads[i].title);
        free(p->heads[i].key);
    }
    free(p->heads);
    pdf_missing_free(p->missing);
    free(p->places);
    free(p->pages);
    pdf_free_anchors(p);
    free(p->hpages);
    pdf_impose_free(p);
    free(p->himages);
    free(p->chapters);
    free(p->ids);
    oct_bank_free(&p->bank);
    oct_footnote_defs_free(p->notes);
    oct_anchor_table_free(p->anchor_table);
    free(p);
    pdf_text_spares_release(); /* this thread's: laying out is over */
}

const char *pdf_phrase(const oct_pdf *p, oct_phrase_id id)
{
    return oct_phrase(p->tree ? p->tree->meta.lang : NULL, id);
}
