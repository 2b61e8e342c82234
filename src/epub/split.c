/* Long documents split into pieces under a byte budget, so that e-readers
 * open every document quickly and validators finish: a chapter (or a run
 * of loose blocks) at the boundaries of its top-level blocks, preferring
 * the place before a question or a heading; "To research" and the index
 * between entries. A single block bigger than the budget stays whole in
 * a piece of its own.
 *
 * Sizes are measured, not guessed: each top-level block is written once
 * into a scratch document (with the quiz answers and footnotes that will
 * follow it into its piece), while hrefs still name the unsplit files; a
 * piece name is a few bytes longer, which the margin below absorbs.
 *
 * (A note that a later piece references again is copied there, and that
 * copy is not counted: notes are short.)
 *
 * After splitting, each piece ends with the footnotes it references (a
 * pop-up must be in the same document as its noteref), and the id →
 * document map is rebuilt (a note's id: the piece of its first
 * reference): every href is made from it. */
#include "epub/docs.h"
#include "epub/render.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Head, section, heading, answer-key and footnote wrappers of a piece,
 * plus the few bytes per link a longer file name adds. */
enum { PIECE_OVERHEAD = 2048, DEFAULT_DOC_KB = 300, DEFAULT_NAV_KB = 600 };

/* OCTAVO_EPUB_DOC_KB / OCTAVO_EPUB_NAV_KB (for tests: thresholds small
 * enough for a small book); 0 means no limit. */
static size_t knob(const char *name, size_t dflt)
{
    const char *v = getenv(name);
    if (!v || !*v) return dflt * 1000;
    char *end;
    long k = strtol(v, &end, 10);
    if (*end || k < 0) return dflt * 1000;
    return k == 0 ? SIZE_MAX / 2 : (size_t)k * 1000;
}

typedef struct {
    const oct_node **tops;
    size_t *sizes;
    size_t n, tcap, scap;
} measure;

static void add_top(measure *m, const oct_node *top, size_t size)
{
    OCT_GROW(m->tops, m->tcap, m->n + 1);
    OCT_GROW(m->sizes, m->scap, m->n + 1);
    m->tops[m->n] = top;
    m->sizes[m->n++] = size;
}

/* Writes, after top, what follows it into its piece: quiz answers of its
 * questions and footnotes it is the first to reference. */
static void write_followers(oct_epub_ctx *r, const oct_node *top, bool quiz, oct_epub_map *done)
{
    oct_iter it;
    oct_iter_init(&it, top);
    for (const oct_node *n; (n = oct_iter_next_node(&it));) {
        r->depth = r->block_depth = 0;
        if (quiz && n->kind == OCT_QUESTION && oct_question_has_answer(n)) {
            oct_epub_quiz_answer(r, n);
        } else if (n->kind == OCT_FOOTNOTE_REF) {
            const oct_node *def = oct_epub_note_def(r->book, r->unit, n->u.footnote.index);
            if (def && !oct_epub_map_has(done, def)) {
                oct_epub_map_put(done, def, (void *)1);
                oct_epub_footnote(r, def);
            }
        }
    }
}

/* The top-level nodes of unit i and the bytes each brings to a piece. */
static void measure_unit(const oct_epub_book *b, size_t i, measure *m)
{
    const oct_epub_unit *u = &b->units[i];
    bool quiz = oct_tree_in_mode(b->tree, "quiz");
    oct_epub_ctx r = {.book = b, .xw = oct_epub_xw_counter(), .unit = i, .quiet = 1};
    oct_epub_map done = {.by_pointer = 1};
    oct_epub_xw_start(r.xw, "body");
    oct_epub_xw_drain(r.xw);
    for (const oct_node *top = u->from; top; top = top->next) {
        if (oct_epub_unit_holds(u, top) && top != u->title_node) {
            r.depth = r.block_depth = 0;
            oct_epub_blocks(&r, top, top, false);
            write_followers(&r, top, quiz, &done);
        }
        add_top(m, top, oct_epub_xw_drain(r.xw));
        if (top == u->to) break;
    }
    oct_epub_map_free(&done);
    oct_epub_map_free(&r.refs);
    oct_epub_xw_free(r.xw);
}

/* A good place to start a piece: before a question or a heading, and
 * never right after a heading. */
static int good_cut(const measure *m, size_t j)
{
    oct_kind k = m->tops[j]->kind, before = m->tops[j - 1]->kind;
    return (k == OCT_QUESTION || k == OCT_SECTION) && before != OCT_SECTION;
}

/* Where the piece that began at `start` ends, given that block i does
 * not fit: the last good cut that keeps the piece at least half full,
 * else the last cut not after a heading, else just before i. */
static size_t choose_cut(const measure *m, size_t start, size_t i, size_t budget)
{
    size_t filled = PIECE_OVERHEAD, half_at = i;
    for (size_t j = start; j < i; j++) {
        filled += m->sizes[j];
        if (filled >= budget / 2) {
            half_at = j + 1;
            break;
        }
    }
    for (size_t j = i; j >= half_at && j > start; j--)
        if (good_cut(m, j)) return j;
    for (size_t j = i; j >= half_at && j > start; j--)
        if (m->tops[j - 1]->kind != OCT_SECTION) return j;
    return i;
}

/* Indices (into sizes[0..n)) where pieces after the first begin; with
 * the blocks `m` (chapters), cuts prefer question and heading boundaries.
 * The first piece has first_extra bytes less room. */
static size_t plan_cuts(const measure *m, const size_t *sizes, size_t n, size_t budget,
                        size_t first_extra, size_t **cuts)
{
    size_t ncuts = 0, cap = 0, start = 0, cur = PIECE_OVERHEAD + first_extra;
    *cuts = NULL;
    for (size_t i = 0; i < n; i++) {
        if (i > start && cur + sizes[i] > budget) {
            size_t j = m ? choose_cut(m, start, i, budget) : i;
            OCT_GROW(*cuts, cap, ncuts + 1);
            (*cuts)[ncuts++] = j;
            start = j;
            cur = PIECE_OVERHEAD;
            for (size_t k = j; k < i; k++)
                cur += sizes[k];
            if (j < i && cur + sizes[i] > budget) {
                OCT_GROW(*cuts, cap, ncuts + 1);
                (*cuts)[ncuts++] = start = i;
                cur = PIECE_OVERHEAD;
            }
        }
        cur += sizes[i];
    }
    return ncuts;
}

typedef struct {
    oct_epub_unit *units;
    size_t n, cap;
} unit_list;

static oct_epub_unit *push(unit_list *l, const oct_epub_unit *u)
{
    OCT_GROW(l->units, l->cap, l->n + 1);
    l->units[l->n] = *u;
    return &l->units[l->n++];
}

/* The file, item id and title of piece k > 0 of the group led by first. */
static void name_piece(oct_epub_book *b, oct_epub_unit *p, const oct_epub_unit *first)
{
    size_t blen = strlen(first->file) - strlen(".xhtml");
    const char *base = oct_arena_printf(b->arena, "%.*s-%u", (int)blen, first->file, p->piece + 1);
    bool appendix = p->kind == OCT_EPUB_UNIT_RESEARCH || p->kind == OCT_EPUB_UNIT_INDEX;
    if (appendix) {
        /* "research-2", "index-2": no chapter file looks like these (they
         * begin with "ch-" or "notes-"), and the appendices are planned
         * twice, so their names are not claimed */
        p->file = oct_arena_printf(b->arena, "%s.xhtml", base);
        p->item_id = base;
        return;
    }
    for (unsigned extra = 1; oct_epub_map_has(&b->seen, base); extra++)
        base =
            oct_arena_printf(b->arena, "%.*s-%u-%u", (int)blen, first->file, p->piece + 1, extra);
    oct_epub_map_put(&b->seen, base, (void *)1);
    p->file = oct_arena_printf(b->arena, "%s.xhtml", base);
    p->item_id = oct_arena_printf(b->arena, "i-%s", base);
}

/* Unit u cut before the given blocks (chapters) or entries (appendices). */
static void add_pieces(oct_epub_book *b, unit_list *out, const oct_epub_unit *u, const measure *m,
                       const size_t *cuts, size_t ncuts, size_t nentries)
{
    size_t group = out->n;
    for (size_t k = 0; k <= ncuts; k++) {
        oct_epub_unit *p = push(out, u);
        p->group = group;
        p->piece = (unsigned)k;
        size_t lo = k ? cuts[k - 1] : 0, hi = k < ncuts ? cuts[k] : nentries;
        if (m) {
            p->from = m->tops[lo];
            p->to = m->tops[hi - 1];
        } else {
            p->lo = lo;
            p->hi = hi;
        }
        if (k) name_piece(b, p, &out->units[group]);
    }
}

static void split_chapter(oct_epub_book *b, size_t i, unit_list *out)
{
    const oct_epub_unit *u = &b->units[i];
    measure m = {0};
    if (u->kind != OCT_EPUB_UNIT_PART && u->from) measure_unit(b, i, &m);
    /* the first piece makes room for the list of pieces (pieces.c) */
    size_t *cuts = NULL, ncuts = 0, before;
    do {
        before = ncuts;
        free(cuts);
        cuts = NULL;
        size_t extra = ncuts ? OCT_EPUB_PIECE_LIST_BYTES(ncuts + 1) : 0;
        ncuts = m.n ? plan_cuts(&m, m.sizes, m.n, b->doc_budget, extra, &cuts) : 0;
    } while (ncuts > before);
    if (ncuts)
        add_pieces(b, out, u, &m, cuts, ncuts, m.n);
    else
        push(out, u)->group = out->n - 1;
    free(cuts);
    free(m.tops);
    free(m.sizes);
}

static void add_appendix(oct_epub_book *b, unit_list *out, oct_epub_unit_kind kind)
{
    size_t n = b->bank.ntodo;
    size_t *sizes =
        kind == OCT_EPUB_UNIT_RESEARCH ? oct_epub_research_sizes(b) : oct_epub_index_sizes(b, &n);
    bool research = kind == OCT_EPUB_UNIT_RESEARCH;
    oct_epub_unit u = {
        .kind = kind,
        .file = research ? OCT_EPUB_RESEARCH : OCT_EPUB_INDEX,
        .item_id = research ? "research" : "index",
        .anchor = research ? "research" : "index",
        .title = oct_phrase(b->meta.lang, research ? OCT_PH_TO_RESEARCH : OCT_PH_INDEX),
        .hi = n,
    };
    size_t *cuts = NULL, ncuts = plan_cuts(NULL, sizes, n, b->doc_budget, 0, &cuts);
    add_pieces(b, out, &u, NULL, cuts, ncuts, n);
    free(cuts);
    free(sizes);
}

typedef struct {
    size_t unit, def; /* a note (index into the defs in tree order) a piece ends with */
} note_at;

static int by_unit_then_def(const void *x, const void *y)
{
    const note_at *a = x, *b = y;
    if (a->unit != b->unit) return a->unit < b->unit ? -1 : 1;
    return a->def < b->def ? -1 : a->def > b->def;
}

/* The nodes of kind k in unit u's documents, in tree order (malloc'd). */
static const oct_node **unit_nodes(const oct_epub_unit *u, oct_kind k, size_t *n)
{
    const oct_node **out = NULL;
    size_t cap = 0;
    *n = 0;
    for (const oct_node *top = u->from; top; top = top->next) {
        oct_iter it;
        oct_event ev;
        oct_iter_init(&it, top);
        while (oct_epub_unit_holds(u, top) && (ev = oct_iter_next(&it)) != OCT_EV_NONE) {
            if (ev != OCT_EV_ENTER || it.cur->kind != k) continue;
            OCT_GROW(out, cap, *n + 1);
            out[(*n)++] = it.cur;
        }
        if (top == u->to) break;
    }
    return out;
}

/* Which footnotes each piece ends with: every note a piece references
 * (a pop-up must be in its noteref's document, so a note referenced from
 * two pieces is in both), and a note nobody references where it is
 * defined; in definition order. The map sends a note's id to the piece of
 * its first reference. */
static void place_notes(oct_epub_book *b)
{
    oct_epub_map index = {.by_pointer = 1};
    const oct_node **defs = NULL;
    size_t *def_unit = NULL, ndefs = 0, cap = 0, ucap = 0;
    for (size_t i = 0; i < b->nunits; i++) {
        size_t n;
        const oct_node **found = unit_nodes(&b->units[i], OCT_FOOTNOTE_DEF, &n);
        for (size_t j = 0; j < n; j++) {
            OCT_GROW(defs, cap, ndefs + 1);
            OCT_GROW(def_unit, ucap, ndefs + 1);
            def_unit[ndefs] = i;
            defs[ndefs++] = found[j];
            oct_epub_map_put(&index, found[j], (void *)(uintptr_t)ndefs);
        }
        free(found);
    }
    bool *referenced = oct_xcalloc(ndefs + 1, sizeof *referenced);
    note_at *at = NULL;
    size_t nat = 0, acap = 0;
    for (size_t i = 0; i < b->nunits; i++) {
        oct_epub_map here = {.by_pointer = 1};
        size_t n;
        const oct_node **refs = unit_nodes(&b->units[i], OCT_FOOTNOTE_REF, &n);
        for (size_t j = 0; j < n; j++) {
            const oct_node *def = oct_epub_note_def(b, i, refs[j]->u.footnote.index);
            uintptr_t k = def ? (uintptr_t)oct_epub_map_get(&index, def) : 0;
            if (!k || oct_epub_map_has(&here, def)) continue;
            oct_epub_map_put(&here, def, (void *)1);
            OCT_GROW(at, acap, nat + 1);
            at[nat++] = (note_at){i, k - 1};
            if (!referenced[k - 1]) def_unit[k - 1] = i; /* its first reference */
            referenced[k - 1] = true;
        }
        free(refs);
        oct_epub_map_free(&here);
    }
    for (size_t k = 0; k < ndefs; k++) {
        if (!referenced[k]) {
            OCT_GROW(at, acap, nat + 1);
            at[nat++] = (note_at){def_unit[k], k};
        }
        const char *anchor = oct_epub_anchor(b, defs[k]);
        if (anchor) oct_epub_map_put(&b->unit_of, anchor, (void *)(uintptr_t)(def_unit[k] + 1));
    }
    if (nat) qsort(at, nat, sizeof *at, by_unit_then_def);
    for (size_t j = 0; j < nat;) {
        size_t e = j;
        while (e < nat && at[e].unit == at[j].unit)
            e++;
        oct_epub_unit *u = &b->units[at[j].unit];
        u->notes = oct_arena_alloc(b->arena, (e - j) * sizeof *u->notes);
        for (; j < e; j++)
            u->notes[u->nnotes++] = defs[at[j].def];
    }
    free(at);
    free(referenced);
    free(def_unit);
    free(defs);
    oct_epub_map_free(&index);
}

/* Appends the pieces of an appendix to the book's units and maps them
 * (the units before keep their places). */
static void append_appendix(oct_epub_book *b, oct_epub_unit_kind kind)
{
    unit_list l = {b->units, b->nunits, b->units_cap};
    size_t first = b->nunits;
    add_appendix(b, &l, kind);
    b->units = l.units;
    b->nunits = l.n;
    b->units_cap = l.cap;
    oct_epub_book_map_from(b, first);
}

int oct_epub_split(oct_epub_book *b)
{
    b->doc_budget = knob("OCTAVO_EPUB_DOC_KB", DEFAULT_DOC_KB);
    b->nav_budget = knob("OCTAVO_EPUB_NAV_KB", DEFAULT_NAV_KB);
    bool research = oct_epub_has_research(b), index = oct_epub_has_index(b);
    size_t nchapters = b->nunits;
    /* Chapters link to "To research" entries: those must have their
     * final-looking hrefs while the chapters are measured. */
    if (research) append_appendix(b, OCT_EPUB_UNIT_RESEARCH);
    unit_list out = {0};
    for (size_t i = 0; i < nchapters; i++)
        split_chapter(b, i, &out);
    free(b->units);
    b->units = out.units;
    b->nunits = out.n;
    b->units_cap = out.cap;
    oct_epub_book_map(b);
    /* The appendices link to the chapters' pieces: measured now. */
    if (research) append_appendix(b, OCT_EPUB_UNIT_RESEARCH);
    if (index) append_appendix(b, OCT_EPUB_UNIT_INDEX);
    place_notes(b);
    return 0;
}
