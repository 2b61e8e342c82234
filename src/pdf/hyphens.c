/* Hyphenation points and separator breaks in the PDF's text.
 *
 * After ICU has marked the line-break opportunities, each token (a run of
 * characters between spaces) goes through oct_hyph_token: prose words
 * get PDF_BRK_HYPHEN where the patterns allow a hyphen, URLs and
 * identifiers get breaks after their separators (PDF_BRK_SEP, an allowed
 * break the breaker weighs with a penalty). Code blocks are left alone;
 * inline code gets separator breaks only. The breaker (breaking.c)
 * decides which are taken, lineops.c draws the hyphen. */
#include "pdf/internal.h"
#include "unicode/hyphenate.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

void oct_pdf_preload_hyphenation(oct_pdf *p, const char *lang)
{
    if (!p || !lang || p->hyph) return;
    p->hyph = oct_hyph_open(lang, getenv("OCTAVO_HYPHEN_DIR"));
    p->hyph_lang = p->hyph ? oct_xstrdup(lang) : NULL;
}

void oct_pdf_load_hyphenation(oct_pdf *p)
{
    if (p) oct_hyph_load(p->hyph);
}

void oct_pdf_await_hyphenation(oct_pdf *p, void (*wait)(void *), void *arg)
{
    p->hyph_wait = wait;
    p->hyph_wait_arg = arg;
}

/* Before the patterns are first used (or freed): the thread loading them
 * is done. */
static void hyphen_ready(oct_pdf *p)
{
    if (!p->hyph_wait) return;
    p->hyph_wait(p->hyph_wait_arg);
    p->hyph_wait = NULL;
}

void pdf_hyphen_open(oct_pdf *p, const char *lang)
{
    if (p->hyph && lang && p->hyph_lang && !strcmp(lang, p->hyph_lang)) return; /* preloaded */
    pdf_hyphen_close(p);
    p->hyph = oct_hyph_open(lang, getenv("OCTAVO_HYPHEN_DIR"));
    if (!p->hyph && oct_hyph_wanted(lang))
        oct_diag_report(p->diag, OCT_WARNING, NULL, 0, 0, "no-hyphenation",
                        "no hyphenation patterns for language \"%s\" (install its hyphen-* "
                        "package); the PDF is set without hyphens",
                        lang);
}

static void show(oct_hyph *h, const char *s)
{
    if (s) oct_hyph_add_text(h, s, strlen(s));
}

void pdf_hyphen_show_tree(oct_pdf *p, const oct_tree *t)
{
    oct_hyph *h = p->hyph;
    if (!oct_hyph_wants_text(h)) return;
    oct_iter it; /* every text node */
    oct_iter_init(&it, t->root);
    for (const oct_node *n; (n = oct_iter_next_node(&it));) {
        if (n->kind == OCT_TEXT) show(h, n->text);
        if (n->kind == OCT_CHAPTER) show(h, n->u.chapter.title);
    }
    /* and the words octavo adds: titles, source names, its own phrases */
    show(h, t->meta.title);
    show(h, t->meta.subtitle);
    for (size_t i = 0; i < t->nfiles; i++)
        show(h, oct_tree_source_title(t, (unsigned)i));
    for (int id = 0; id < OCT_PH_COUNT; id++)
        show(h, pdf_phrase(p, (oct_phrase_id)id));
}

void pdf_hyphen_close(oct_pdf *p)
{
    hyphen_ready(p);
    oct_hyph_free(p->hyph);
    p->hyph = NULL;
    free(p->hyph_lang);
    p->hyph_lang = NULL;
}

/* Code block text: set verbatim, never hyphenated nor broken more. */
static bool verbatim(const pdf_text *t, size_t i)
{
    const pdf_style *st = &t->st[t->c[i].style];
    return st->fam == PDF_FAM_MONO && !(st->flags & PDF_ST_CODE);
}

static bool code(const pdf_text *t, size_t i)
{
    const pdf_style *st = &t->st[t->c[i].style];
    return st->fam == PDF_FAM_MONO || (st->flags & PDF_ST_CODE);
}

/* Marks the token t[a, b): separator breaks, and hyphenation points when
 * h is given (without it, oct_hyph_token leaves prose words alone). Run
 * again with h, it adds the points and leaves the rest as it was. */
static void mark_token(oct_pdf *p, oct_hyph *h, pdf_text *t, size_t a, size_t b, uint32_t *cps,
                       uint8_t *f)
{
    bool words = true;
    for (size_t i = a; i < b; i++) {
        if (verbatim(t, i)) return;
        if (code(t, i)) words = false;
        cps[i - a] = t->c[i].cp;
    }
    oct_hyph_token(h, cps, b - a, words, f);
    for (size_t i = a; i + 1 < b; i++) {
        pdf_char *c = &t->c[i];
        if (f[i - a] == OCT_HY_NONE || (c->brk & OCT_LB_MASK) != OCT_LB_NONE) continue;
        if (!(t->c[i + 1].brk & OCT_GRAPHEME_START)) continue;
        if (f[i - a] == OCT_HY_SEP) {
            c->brk |= OCT_LB_ALLOWED | PDF_BRK_SEP;
            continue;
        }
        int w = c->slot == PDF_SLOT_NONE ? -1 : pdf_font_width(p->fonts, c->slot, '-');
        if (w <= 0 || w > 510) continue;
        c->brk |= PDF_BRK_HYPHEN;
        c->hyw = (uint8_t)((w + 1) / 2);
    }
}

/* Every token of t of five chars or more (nothing shorter gets a break). */
static void mark_tokens(oct_pdf *p, oct_hyph *h, pdf_text *t)
{
    /* most words fit on the stack: two allocations per text were 1 % of
     * laying out */
    enum { SHORT = 64 };
    uint32_t short_cps[SHORT];
    uint8_t short_f[SHORT];
    uint32_t *cps = NULL;
    uint8_t *f = NULL;
    size_t capc = 0, capf = 0;
    for (size_t a = 0; a < t->n;) {
        if (pdf_is_space(t->c[a].cp)) {
            a++;
            continue;
        }
        size_t b = a;
        while (b < t->n && !pdf_is_space(t->c[b].cp))
            b++;
        if (b - a >= 5 && b - a <= SHORT) {
            mark_token(p, h, t, a, b, short_cps, short_f);
        } else if (b - a > SHORT) {
            OCT_GROW(cps, capc, b - a);
            OCT_GROW(f, capf, b - a);
            mark_token(p, h, t, a, b, cps, f);
        }
        a = b;
    }
    free(cps);
    free(f);
}

void pdf_hyphenate(oct_pdf *p, pdf_text *t)
{
    mark_tokens(p, NULL, t);
    t->hyph_later = p->hyph ? p : NULL;
}

void pdf_hyphenate_words(pdf_text *t)
{
    oct_pdf *p = t->hyph_later;
    if (!p) return;
    t->hyph_later = NULL;
    hyphen_ready(p);
    if (p->hyph) mark_tokens(p, p->hyph, t);
}
