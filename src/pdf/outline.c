/* Anchors (where each id ended up), destinations, and the outline
 * (bookmarks): the contents, then chapters with their sections nested by
 * level. Titles are written as UTF-16BE strings built here, because
 * libharu's UTF-8 encoder turns anything above U+FFFF into a space. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <hpdf_objects.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void pdf_free_anchors(oct_pdf *p)
{
    free(p->anchors);
    p->anchors = NULL;
    p->nanchors = 0;
    oct_strmap_free(&p->anchor_at);
    free(p->anchor_dests);
    p->anchor_dests = NULL;
}

/* Whether a lies before b in the booklet. */
static bool before(const pdf_anchor *a, const pdf_anchor *b)
{
    return a->page != b->page ? a->page < b->page : a->y < b->y;
}

void pdf_collect_anchors(oct_pdf *p)
{
    size_t n = 0, cap = 0;
    pdf_free_anchors(p);
    OCT_GROW(p->anchors, cap, 1); /* never NULL: lookups do pointer arithmetic on it */
    for (size_t i = 0; i < p->npages; i++) {
        const pdf_page *pg = &p->pages[i];
        for (size_t k = 0; k < pg->count; k++) {
            const pdf_place *pl = &p->places[pg->first + k];
            const pdf_item *it = &pg->flow->it[pl->item];
            for (size_t o = 0; o < it->nops; o++) {
                const pdf_op *op = &it->ops[o];
                if (op->kind != PDF_OP_DEST) continue;
                pdf_anchor a = {i, pl->y + op->y};
                const char *key = p->pool.data + op->text;
                size_t at;
                if (oct_strmap_get(&p->anchor_at, key, op->len, &at)) {
                    if (before(&a, &p->anchors[at])) p->anchors[at] = a;
                    continue;
                }
                OCT_GROW(p->anchors, cap, n + 1);
                p->anchors[n] = a;
                oct_strmap_put(&p->anchor_at, key, op->len, n++);
            }
        }
    }
    p->nanchors = n;
}

const pdf_anchor *pdf_find_anchor(const oct_pdf *p, const char *key)
{
    size_t at;
    return oct_strmap_get(&p->anchor_at, key, strlen(key), &at) ? &p->anchors[at] : NULL;
}

/* [page /XYZ null top null]: keep the reader's zoom, show a little above. */
static HPDF_Destination make_dest(oct_pdf *p, const pdf_anchor *a)
{
    HPDF_Page page = p->hpages[a->page];
    HPDF_Destination d = HPDF_Page_CreateDestination(page);
    if (!d) return NULL;
    double top = p->L.page_height - p->L.margin_top - a->y + p->L.body_size;
    if (top > p->L.page_height) top = p->L.page_height;
    double dx, dy; /* imposed: the page's half of the sheet side */
    pdf_page_offset(p, a->page, &dx, &dy);
    HPDF_MMgr mm = p->doc->mmgr;
    HPDF_Array_Clear(d);
    HPDF_STATUS ret = HPDF_Array_Add(d, page);
    ret += HPDF_Array_AddName(d, "XYZ");
    if (p->imp)
        ret += HPDF_Array_AddReal(d, (HPDF_REAL)dx);
    else
        ret += HPDF_Array_Add(d, HPDF_Null_New(mm));
    ret += HPDF_Array_AddReal(d, (HPDF_REAL)(top + dy));
    ret += HPDF_Array_Add(d, HPDF_Null_New(mm));
    return ret == HPDF_OK ? d : NULL;
}

/* One destination per anchor, however many links and outline entries go
 * there (a booklet of thousands of pages has three links to a place on
 * average: each destination is some 500 bytes of libharu objects until
 * the document is saved, and 40 bytes of the file). */
HPDF_Destination pdf_dest(oct_pdf *p, const pdf_anchor *a)
{
    bool ours = p->anchors && a >= p->anchors && a < p->anchors + p->nanchors;
    size_t ai = ours ? (size_t)(a - p->anchors) : 0;
    if (ours && !p->anchor_dests)
        p->anchor_dests = oct_xcalloc(p->nanchors, sizeof *p->anchor_dests);
    if (ours && p->anchor_dests[ai]) return p->anchor_dests[ai];
    HPDF_Destination d = make_dest(p, a);
    if (ours) p->anchor_dests[ai] = d;
    return d;
}

static HPDF_Outline add_entry(oct_pdf *p, HPDF_Outline parent, const char *title, const char *key)
{
    const pdf_anchor *a = pdf_find_anchor(p, key);
    if (!a) return NULL;
    HPDF_Outline o = HPDF_CreateOutline(p->doc, parent, "", NULL);
    if (!o) return NULL;
    void *t = pdf_string_obj(p, title);
    if (t) HPDF_Dict_Add(o, "Title", t);
    HPDF_Destination d = pdf_dest(p, a);
    if (d) HPDF_Outline_SetDestination(o, d);
    HPDF_Outline_SetOpened(o, HPDF_FALSE);
    return o;
}

typedef struct {
    int level;
    HPDF_Outline o;
} outline_level;

static const char *entry_title(const oct_pdf *p, const pdf_heading *h)
{
    if (*h->title || h->level > 0) return h->title;
    const oct_node *n = h->node;
    if (n->span.file < p->tree->nfiles && p->tree->files[n->span.file]) {
        const char *f = p->tree->files[n->span.file], *slash = strrchr(f, '/');
        return slash ? slash + 1 : f;
    }
    return "Chapter";
}

int pdf_outline(oct_pdf *p)
{
    if (p->nheads == 0) return 0;
    add_entry(p, NULL, pdf_phrase(p, OCT_PH_CONTENTS), PDF_CONTENTS_KEY);
    add_entry(p, NULL, pdf_phrase(p, OCT_PH_MOST_ASKED),
              PDF_MOST_ASKED_KEY); /* none without the page */
    outline_level stack[8];
    int top = 0;
    for (size_t i = 0; i < p->nheads; i++) {
        const pdf_heading *h = &p->heads[i];
        while (top > 0 && stack[top - 1].level >= h->level)
            top--;
        HPDF_Outline parent = top > 0 ? stack[top - 1].o : NULL;
        HPDF_Outline o = add_entry(p, parent, entry_title(p, h), h->key);
        if (o && top < 8) stack[top++] = (outline_level){h->level, o};
    }
    HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
    return pdf_check(p, "writing the outline");
}
