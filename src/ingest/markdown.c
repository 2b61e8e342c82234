#include "ingest/markdown.h"
#include "ingest/cmarkparse.h"
#include "ingest/fnprefix.h"
#include "ingest/guards.h"
#include "ingest/html/html.h"
#include "ingest/markdown_int.h"
#include "ingest/listnum.h"
#include "ingest/decode/newlines.h"
#include "ingest/rawblocks.h"
#include "ingest/widerows.h"
#include "ingest/decode/decode.h"
#include "ingest/ingest.h"
#include "unicode/texmath.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int map_line(const conv *c, int raw);

/* ---- positions ----------------------------------------------------------- */

static int map_line(const conv *c, int raw)
{
    long l = (long)raw - c->offset;
    if (l < 1) l = 1;
    const oct_markdown_source *s = c->src;
    if (!s->line_map || !s->nlines) return (int)l;
    if ((size_t)l > s->nlines) l = (long)s->nlines;
    return s->line_map[l - 1];
}

static int html_map_line(const void *c, int raw)
{
    return map_line(c, raw);
}

/* Inline positions from cmark drift: after a backslash hard break it stops
 * counting lines. Each break inside a block is one newline of its source,
 * so a running count (raised to cmark's line whenever cmark is ahead, as
 * after a code span over two lines) corrects the line; the column is then
 * unknown and the block's is used. */
static oct_span span_of(conv *c, cmark_node *n, const frame *up)
{
    int raw = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
    cmark_node_type type = cmark_node_get_type(n);
    bool is_inline = (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
    if (!is_inline) {
        if (raw == 0 && cmark_node_next(n)) {
            /* The paragraph the table extension split off a table lost its
             * position; the table kept the paragraph's start. */
            raw = cmark_node_get_start_line(cmark_node_next(n));
            col = 1;
        }
        if (raw <= c->offset || col <= 0) return up->block;
        c->line_hint = raw;
        return (oct_span){c->src->file, map_line(c, raw), col};
    }
    oct_span sp = up->block;
    bool known = raw >= up->first_raw && raw <= up->last_raw && raw > c->offset && col > 0;
    if (known && raw >= c->line_hint) {
        c->line_hint = raw;
        sp.line = map_line(c, raw);
        sp.col = col;
    } else if (c->line_hint > c->offset && c->line_hint <= up->last_raw) {
        sp.line = map_line(c, c->line_hint);
    }
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) c->line_hint++;
    return sp;
}

/* cmark's API does not give a definition's label: read it back from the
 * line where the definition starts (the last "[^label]:" before its text). */
static void read_def_label(conv *c, footnote *fn, const char *line, size_t n, int index)
{
    int content_col = cmark_node_get_start_column(fn->node);
    long best = -1;
    size_t best_len = 0;
    for (size_t j = 0; line && j < n; j++) {
        size_t ln = oct_md_def_label_at(line + j, n - j);
        if (!ln) continue;
        if (best < 0 || (long)(j + ln + 4) <= (long)content_col - 1) best = (long)j, best_len = ln;
    }
    if (best >= 0) {
        fn->label = oct_arena_strndup(c->t->arena, line + best + 2, best_len);
        fn->col = (int)best + 1;
    } else {
        fn->label = oct_arena_printf(c->t->arena, "%d", index);
    }
}

/* Collects the definitions at the document's end, in cmark's order, and
 * reads their labels from the text. */
static void collect_footnotes(conv *c, cmark_node *doc)
{
    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) c->nfns++;
    if (!c->nfns) return;
    c->fns = oct_xcalloc(c->nfns, sizeof *c->fns);
    size_t i = 0;
    for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) c->fns[i++].node = n;

    /* Index the line starts once: a scan per definition would be quadratic. */
    size_t nl = 1;
    for (size_t k = 0; k < c->len; k++)
        nl += c->text[k] == '\n';
    size_t *starts = oct_xmalloc(nl * sizeof *starts);
    starts[0] = 0;
    for (size_t k = 0, l = 1; k < c->len; k++)
        if (c->text[k] == '\n') starts[l++] = k + 1;
    for (i = 0; i < c->nfns; i++) {
        long k = (long)cmark_node_get_start_line(c->fns[i].node) - c->offset;
        const char *line = NULL;
        size_t n = 0;
        if (k >= 1 && (size_t)k <= nl) {
            line = c->text + starts[k - 1];
            const char *e = memchr(line, '\n', c->len - starts[k - 1]);
            n = e ? (size_t)(e - line) : c->len - starts[k - 1];
        }
        read_def_label(c, &c->fns[i], line, n, (int)i + 1);
    }
    free(starts);
}

/* ---- building the tree --------------------------------------------------- */

/* cmark can make text that XML cannot carry: "&#1;" becomes U+0001, and
 * (gfm.6) a footnote label over two lines is cut by byte count, even inside
 * a character. So every string taken from cmark passes here. */
static char *clean_text(conv *c, const char *s, size_t n, oct_span sp)
{
    oct_buf_clear(&c->scratch);
    if (oct_decode_clean(s ? s : "", s ? n : 0, &c->scratch) && !c->warned_chars) {
        c->warned_chars = true;
        oct_diag_report(c->diag, OCT_WARNING, c->src->path, sp.line, sp.col, "invalid-character",
                        "control or noncharacter code points (or broken UTF-8) removed from the "
                        "parsed text");
    }
    return oct_arena_strndup(c->t->arena, c->scratch.data, c->scratch.len);
}

static void flush_text(conv *c)
{
    if (!c->pending) return;
    c->pending->text = clean_text(c, c->merged.data, c->merged.len, c->pending->span);
    if (!*c->pending->text) oct_node_unlink(c->pending);
    c->pending = NULL;
    oct_buf_clear(&c->merged);
}

static void append(conv *c, oct_node *parent, oct_node *child)
{
    flush_text(c);
    oct_node_append(parent, child);
}

/* Adjacent text (cmark splits it at every delimiter; raw HTML becomes text
 * too) is merged into one TEXT node, in linear time. */
static void append_text(conv *c, oct_node *parent, const char *s, size_t n, oct_span sp)
{
    if (!n) return;
    if (c->eat_space && *s == ' ' && c->merged.len && c->merged.data[c->merged.len - 1] == ' ')
        s++, n--;
    c->eat_space = false;
    if (!n) return;
    oct_node *l = parent->last;
    if (!c->pending && l && l->kind == OCT_TEXT && l->text && strlen(l->text) < 4096) {
        /* text already flushed (before an HTML tag that made nothing) */
        oct_buf_puts(&c->merged, l->text);
        c->pending = l;
    }
    if (!c->pending || c->pending != parent->last) {
        flush_text(c);
        oct_node *t = oct_node_new(c->t, OCT_TEXT, sp);
        oct_node_append(parent, t);
        c->pending = t;
    }
    oct_buf_put(&c->merged, s, n);
}

static void push(conv *c, const frame *f)
{
    OCT_GROW(c->stack, c->capstack, c->nstack + 1);
    c->stack[c->nstack++] = *f;
}

static void pop(conv *c, cmark_node *n)
{
    /* The iterator pairs every EXIT with its ENTER; unwinding to the match
     * keeps the walk sane even if that ever failed. */
    while (c->nstack > 1) {
        if (oct_html_open(c->html) && !c->stack[c->nstack - 1].hown) {
            flush_text(c);
            oct_html_leave(c->html, c->nstack);
        }
        frame *f = &c->stack[--c->nstack];
        if (c->html_in_para && !f->flattened && f->dst && f->dst->kind == OCT_PARAGRAPH && f->src &&
            cmark_node_get_type(f->src) == CMARK_NODE_PARAGRAPH) {
            flush_text(c);
            oct_html_trim_paragraph(f->dst);
            c->html_in_para = false;
        }
        if (f->src == n) return;
    }
}

/* Opens `kind` as a child of up->dst into frame f. `need` is the depth the
 * node commits to (a LIST brings an ITEM level); 0 means it is never
 * flattened. Returns the node, or NULL when it was flattened. */
static oct_node *open_node(conv *c, frame *f, const frame *up, oct_kind kind, oct_span sp, int need)
{
    if (need && up->depth + need > OCT_MAX_NESTING) {
        if (!c->warned_nesting)
            oct_diag_report(c->diag, OCT_WARNING, c->src->path, sp.line, sp.col, "limit-nesting",
                            "content nested deeper than %d levels is flattened", OCT_MAX_NESTING);
        c->warned_nesting = true;
        f->flattened = true;
        return NULL;
    }
    oct_node *o = oct_node_new(c->t, kind, sp);
    append(c, up->dst, o);
    f->dst = o;
    f->depth = up->depth + 1;
    if (!oct_kind_is_inline(kind)) {
        f->block = sp;
        f->first_raw = cmark_node_get_start_line(f->src);
        f->last_raw = cmark_node_get_end_line(f->src);
        if (f->last_raw < f->first_raw) f->last_raw = f->first_raw;
    }
    return o;
}

static void open_list(conv *c, frame *f, const frame *up, oct_span sp)
{
    cmark_node *n = f->src;
    oct_node *o = open_node(c, f, up, OCT_LIST, sp, 2);
    f->next_number = cmark_node_get_list_start(n);
    f->last_written = -1;
    if (!o) return;
    o->u.list.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    o->u.list.tight = cmark_node_get_list_tight(n) != 0;
    if (o->u.list.ordered) {
        o->u.list.start = f->next_number;
        o->u.list.delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.';
    }
}

static void open_item(conv *c, frame *f, frame *up, oct_span sp)
{
    if (up->flattened || !up->dst || up->dst->kind != OCT_LIST) {
        f->flattened = true; /* its list was flattened: so is the item */
        return;
    }
    oct_node *o = open_node(c, f, up, OCT_ITEM, sp, 0);
    if (up->dst->u.list.ordered) {
        /* Keep the written number unless the notes number lazily (1. 1. 1.). */
        int raw = cmark_node_get_start_line(f->src) - c->offset;
        int w = oct_listnum_written(c->text, c->len, &c->items, raw,
                                    cmark_node_get_start_column(f->src));
        if (w >= 0 && w != up->last_written) up->next_number = w;
        up->last_written = w;
        o->u.item.number = up->next_number;
        if (up->next_number < INT_MAX) up->next_number++;
    }
    if (strcmp(cmark_node_get_type_string(f->src), "tasklist") == 0)
        o->u.item.task =
            cmark_gfm_extensions_get_tasklist_item_checked(f->src) ? OCT_TASK_DONE : OCT_TASK_OPEN;
}

static void add_code_block(conv *c, const frame *up, cmark_node *n, oct_span sp)
{
    const char *lit = cmark_node_get_literal(n);
    size_t len = lit ? strlen(lit) : 0;
    if (len && lit[len - 1] == '\n') len--;
    oct_node *o = oct_node_new(c->t, OCT_CODE_BLOCK, sp);
    o->text = clean_text(c, lit, len, sp);
    const char *info = cmark_node_get_fence_info(n);
    size_t word = info ? strcspn(info, " \t") : 0;
    if (word == strlen(OCT_CODE_OUTPUT) && !memcmp(info, OCT_CODE_OUTPUT, word))
        o->u.code.output = true; /* a program's output: no language */
    else if (word)
        o->u.code.lang = clean_text(c, info, word, sp);
    append(c, up->dst, o);
}

static void add_footnote_ref(conv *c, const frame *up, cmark_node *n, oct_span sp)
{
    const char *lit = cmark_node_get_literal(n);
    long cix = lit ? strtol(lit, NULL, 10) : 0;
    if (cix < 1 || (size_t)cix > c->nfns) {
        /* Not a reference cmark resolved: keep what the source said. */
        append_text(c, up->dst, "[^", 2, sp);
        append_text(c, up->dst, lit ? lit : "", lit ? strlen(lit) : 0, sp);
        append_text(c, up->dst, "]", 1, sp);
        return;
    }
    footnote *fn = &c->fns[cix - 1];
    if (!fn->index) fn->index = ++c->next_index;
    oct_node *o = oct_node_new(c->t, OCT_FOOTNOTE_REF, sp);
    o->u.footnote.index = fn->index;
    o->u.footnote.label = fn->label;
    append(c, up->dst, o);
}

static void open_footnote_def(conv *c, frame *f, const frame *up, oct_span sp)
{
    footnote *fn = NULL;
    for (size_t i = c->next_def; i < c->nfns && !fn; i++)
        if (c->fns[i].node == f->src) fn = &c->fns[i], c->next_def = i + 1;
    if (fn && fn->col > 0) sp.col = fn->col;
    oct_node *o = open_node(c, f, up, OCT_FOOTNOTE_DEF, sp, 0);
    if (fn)
        fn->def = o;
    else
        o->u.footnote.label = "?";
}

static void open_table(conv *c, frame *f, const frame *up, oct_span sp)
{
    oct_node *o = open_node(c, f, up, OCT_TABLE, sp, 0);
    c->warned_table = false;
    int ncols = cmark_gfm_extensions_get_table_columns(f->src);
    const uint8_t *al = cmark_gfm_extensions_get_table_alignments(f->src);
    o->u.table.ncols = ncols;
    o->u.table.aligns =
        oct_arena_alloc(c->t->arena, (size_t)(ncols ? ncols : 1) * sizeof(oct_align));
    for (int i = 0; i < ncols; i++) {
        oct_align a = OCT_ALIGN_NONE;
        if (al && al[i] == 'l')
            a = OCT_ALIGN_LEFT;
        else if (al && al[i] == 'c')
            a = OCT_ALIGN_CENTER;
        else if (al && al[i] == 'r')
            a = OCT_ALIGN_RIGHT;
        o->u.table.aligns[i] = a;
    }
}

/* GFM ignores cells beyond the header's count; say so rather than lose
 * their text silently. A row ends at most one column (its closing pipe)
 * after its last cell. */
static void check_row_width(conv *c, cmark_node *row, oct_span sp)
{
    int line = cmark_node_get_start_line(row), end = cmark_node_get_end_column(row), last = 0;
    for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
        if (cmark_node_get_start_line(cell) == line && cmark_node_get_end_column(cell) > last)
            last = cmark_node_get_end_column(cell);
    if (c->warned_table || last == 0 || end <= last + 1) return;
    c->warned_table = true;
    oct_diag_report(c->diag, OCT_WARNING, c->src->path, sp.line, last + 2, "table-extra-cells",
                    "table row has more cells than its header; the extra cells are dropped");
}

/* Nodes of the extensions carry no core type: tell them by name. */
static void open_extension(conv *c, frame *f, frame *up, oct_span sp)
{
    const char *ts = cmark_node_get_type_string(f->src);
    if (strcmp(ts, "table") == 0) {
        open_table(c, f, up, sp);
    } else if (strcmp(ts, "table_header") == 0 || strcmp(ts, "table_row") == 0) {
        oct_node *o = open_node(c, f, up, OCT_TABLE_ROW, sp, 0);
        o->u.row.header = cmark_gfm_extensions_get_table_row_is_header(f->src) != 0;
        check_row_width(c, f->src, sp);
    } else if (strcmp(ts, "table_cell") == 0) {
        open_node(c, f, up, OCT_TABLE_CELL, sp, 0);
    } else if (strcmp(ts, "strikethrough") == 0) {
        open_node(c, f, up, OCT_STRIKE, sp, 1);
    } else {
        f->flattened = true; /* unknown wrapper: keep its content */
    }
}

static void open_link(conv *c, frame *f, const frame *up, oct_kind kind, oct_span sp)
{
    oct_node *o = open_node(c, f, up, kind, sp, 1);
    if (!o) return;
    const char *url = cmark_node_get_url(f->src), *title = cmark_node_get_title(f->src);
    o->u.link.url = clean_text(c, url, url ? strlen(url) : 0, sp);
    o->u.link.title = clean_text(c, title, title ? strlen(title) : 0, sp);
}

static void add_leaf_text(conv *c, const frame *up, cmark_node *n, oct_kind kind, oct_span sp)
{
    const char *lit = cmark_node_get_literal(n);
    size_t len = lit ? strlen(lit) : 0;
    if (kind == OCT_TEXT) {
        append_text(c, up->dst, lit, len, sp);
    } else {
        oct_node *o = oct_node_new(c->t, kind, sp);
        o->text = clean_text(c, lit, len, sp);
        append(c, up->dst, o);
    }
}

/* Marked math text (texmath.h) into parent: its text as TEXT, each
 * script as a SUPERSCRIPT or SUBSCRIPT node, which both backends raise or
 * lower in the body font at a smaller size: every letter gets a real
 * script (K_c, N_A), not only those Unicode has a small form for, and a
 * charge ⁺ is as legible as the text around it. A row of a formula ends
 * in a line break in display math, in "; " inline. Returns where it
 * stopped (past the OCT_TEX_END closing parent's script, or at the end).
 * Scripts nest no deeper than texmath's reader nests groups (32). */
static const char *add_marked(conv *c, oct_node *parent, const char *m, bool display, oct_span sp)
{
    while (*m) {
        size_t run = strcspn(m, "\x01\x02\x03\x04");
        append_text(c, parent, m, run, sp);
        m += run;
        if (*m == OCT_TEX_END) return m + 1;
        if (!*m) break;
        if (*m == OCT_TEX_ROW) {
            if (display) {
                flush_text(c);
                append(c, parent, oct_node_new(c->t, OCT_LINE_BREAK, sp));
            } else {
                append_text(c, parent, "; ", 2, sp);
            }
            m++;
            continue;
        }
        oct_node *o = oct_node_new(c->t, *m == OCT_TEX_SUP ? OCT_SUPERSCRIPT : OCT_SUBSCRIPT, sp);
        append(c, parent, o);
        m = add_marked(c, o, m + 1, display, sp);
        flush_text(c);
        if (!o->first) oct_node_unlink(o);
    }
    return m;
}

/* A code span holding TeX math between its delimiters ($x^2$, $$...$$,
 * \(...\), \[...\]), as the normalizer keeps math from Markdown's escapes
 * (normalize_escape.c): its text in Unicode with real scripts, not code. */
static bool add_math(conv *c, const frame *up, cmark_node *n, oct_span sp)
{
    const char *lit = cmark_node_get_literal(n);
    size_t len = lit ? strlen(lit) : 0, open = oct_math_delimiters(lit, len);
    if (!open) return false;
    bool display = open == 2 && (lit[0] == '$' || lit[1] == '[');
    /* a matrix alone in its paragraph is drawn a row a line; among words
     * it stays on the line they are on */
    bool alone = !cmark_node_previous(n) && !cmark_node_next(n);
    char *m = display && alone ? oct_tex_display_marked(lit + open, len - 2 * open)
                               : oct_tex_to_marked(lit + open, len - 2 * open);
    add_marked(c, up->dst, m, display, sp);
    free(m);
    return true;
}

static bool is_leaf(cmark_node_type type)
{
    switch (type) {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
        return true;
    default:
        return false;
    }
}

static void enter(conv *c, cmark_node *n)
{
    frame *up = &c->stack[c->nstack - 1];
    cmark_node_type type = cmark_node_get_type(n);
    oct_span sp = span_of(c, n, up);
    oct_node *base;
    if (oct_md_html_prologue(c, up, n, sp, &base)) return;
    frame f = *up;
    f.src = n;
    f.flattened = false;
    f.hown = 0;
    switch (type) {
    case CMARK_NODE_BLOCK_QUOTE:
        open_node(c, &f, up, OCT_BLOCKQUOTE, sp, 1);
        break;
    case CMARK_NODE_LIST:
        open_list(c, &f, up, sp);
        break;
    case CMARK_NODE_ITEM:
        open_item(c, &f, up, sp);
        break;
    case CMARK_NODE_PARAGRAPH:
        open_node(c, &f, up, OCT_PARAGRAPH, sp, 0);
        break;
    case CMARK_NODE_HEADING:
        open_node(c, &f, up, OCT_SECTION, sp, 0)->u.section.level = cmark_node_get_heading_level(n);
        break;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
        open_footnote_def(c, &f, up, sp);
        break;
    case CMARK_NODE_CODE_BLOCK:
        add_code_block(c, up, n, sp);
        break;
    case CMARK_NODE_HTML_BLOCK:
        oct_md_html_block(c, base, n, sp);
        break;
    case CMARK_NODE_THEMATIC_BREAK:
        append(c, up->dst, oct_node_new(c->t, OCT_THEMATIC_BREAK, sp));
        break;
    case CMARK_NODE_TEXT:
        add_leaf_text(c, up, n, OCT_TEXT, sp);
        break;
    case CMARK_NODE_HTML_INLINE:
        oct_md_html_inline(c, up, base, n, sp);
        break;
    case CMARK_NODE_CODE:
        if (!add_math(c, up, n, sp)) add_leaf_text(c, up, n, OCT_CODE, sp);
        break;
    case CMARK_NODE_SOFTBREAK:
        append(c, up->dst,
               oct_node_new(c->t,
                            c->src->hard_breaks && oct_newline_is_hard(n) ? OCT_LINE_BREAK
                                                                          : OCT_SOFT_BREAK,
                            sp));
        break;
    case CMARK_NODE_LINEBREAK:
        append(c, up->dst, oct_node_new(c->t, OCT_LINE_BREAK, sp));
        break;
    case CMARK_NODE_EMPH:
        open_node(c, &f, up, OCT_EMPH, sp, 1);
        break;
    case CMARK_NODE_STRONG:
        open_node(c, &f, up, OCT_STRONG, sp, 1);
        break;
    case CMARK_NODE_LINK:
        open_link(c, &f, up, OCT_LINK, sp);
        break;
    case CMARK_NODE_IMAGE:
        open_link(c, &f, up, OCT_IMAGE, sp);
        break;
    case CMARK_NODE_FOOTNOTE_REFERENCE:
        add_footnote_ref(c, up, n, sp);
        break;
    default:
        open_extension(c, &f, up, sp);
        break;
    }
    up->dst = base;
    if (!is_leaf(type)) push(c, &f);
}

static int compare_by_position(const void *a, const void *b)
{
    const oct_span *x = &(*(footnote *const *)a)->def->span,
                   *y = &(*(footnote *const *)b)->def->span;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    return (x->col > y->col) - (x->col < y->col);
}

/* Definitions never referenced get the numbers after the referenced ones,
 * in source order; then all of them move to the chapter's end in number order. */
static void finish_footnotes(conv *c, oct_node *chapter)
{
    if (!c->nfns) return;
    footnote **unused = oct_xmalloc(c->nfns * sizeof *unused);
    size_t nunused = 0;
    for (size_t i = 0; i < c->nfns; i++)
        if (c->fns[i].def && !c->fns[i].index) unused[nunused++] = &c->fns[i];
    qsort(unused, nunused, sizeof *unused, compare_by_position);
    for (size_t i = 0; i < nunused; i++) {
        footnote *fn = unused[i];
        fn->index = ++c->next_index;
        oct_diag_report(c->diag, OCT_WARNING, c->src->path, fn->def->span.line, fn->def->span.col,
                        "unused-footnote", "footnote [^%s] is defined but never referenced",
                        fn->label);
    }
    free(unused);
    oct_node **order = oct_xcalloc((size_t)c->next_index + 1, sizeof *order);
    for (size_t i = 0; i < c->nfns; i++) {
        footnote *fn = &c->fns[i];
        if (!fn->def) continue;
        fn->def->u.footnote.index = fn->index;
        fn->def->u.footnote.label = fn->label;
        if (fn->index >= 1 && fn->index <= c->next_index) order[fn->index] = fn->def;
    }
    for (int i = 1; i <= c->next_index; i++)
        if (order[i]) oct_node_append(chapter, order[i]);
    free(order);
}

static void walk(conv *c, cmark_node *doc, oct_node *chapter)
{
    frame root = {.src = doc, .dst = chapter, .block = chapter->span, .last_raw = INT_MAX};
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (n == doc) {
            if (ev == CMARK_EVENT_ENTER) push(c, &root);
            continue;
        }
        if (ev == CMARK_EVENT_EXIT)
            pop(c, n);
        else
            enter(c, n);
    }
    cmark_iter_free(it);
    flush_text(c);
}

/* Drops the synthetic prefix paragraphs (see fnprefix.h). */
static void drop_prefix(cmark_node *doc, int offset)
{
    cmark_node *n = cmark_node_first_child(doc);
    /* Only nodes that start inside the prefix: cmark's table extension
     * rebuilds the paragraph before a table with start line 0. */
    while (n && cmark_node_get_start_line(n) >= 1 && cmark_node_get_start_line(n) <= offset &&
           cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION) {
        cmark_node *next = cmark_node_next(n);
        cmark_node_free(n);
        n = next;
    }
}

int oct_markdown_parse(oct_tree *t, oct_node *chapter, const oct_markdown_source *src,
                       const char *text, size_t len, oct_diag *diag)
{
    int rc = -1;
    conv c = {.t = t, .src = src, .diag = diag, .text = text ? text : "", .len = text ? len : 0};
    size_t plen = 0, wlen = 0;
    int wide = 0, many = 0;
    size_t blen = 0;
    /* brackets first: finding the wide rows parses the text with cmark,
     * whose inline parser the bracket limit is there to protect */
    char *unbracketed = oct_guard_brackets(c.text, c.len, &blen, &many);
    if (unbracketed) c.text = unbracketed, c.len = blen;
    char *escaped = oct_md_escape_wide_rows(c.text, c.len, &wlen, &wide);
    if (escaped) c.text = escaped, c.len = wlen;
    if (wide)
        oct_diag_report(diag, OCT_WARNING, src->path, map_line(&c, wide), 1, "limit-table-columns",
                        "more than %d table columns: the rest of the line is one cell",
                        MAX_TABLE_COLUMNS);
    if (many)
        oct_diag_report(diag, OCT_WARNING, src->path, map_line(&c, many), 1, "limit-brackets",
                        "more than %d link or image brackets in one paragraph: the rest are "
                        "printed as written",
                        OCT_LIMIT_BRACKETS);
    size_t rlen = 0;
    char *closed =
        oct_md_close_raw_blocks(c.text, c.len, &rlen, diag, src->path, html_map_line, &c);
    if (closed) c.text = closed, c.len = rlen;
    char *prefix = oct_md_footnote_prefix(c.text, c.len, &plen, &c.offset);
    cmark_node *doc = oct_cmark_parse(prefix, plen, c.text, c.len, true);
    c.html = oct_html_new(&(oct_html_env){.t = t,
                                          .diag = diag,
                                          .path = src->path,
                                          .file = src->file,
                                          .map_line = html_map_line,
                                          .line_ctx = &c,
                                          .title = src->html_title});
    if (!doc) {
        oct_diag_report(diag, OCT_ERROR, src->path, 0, 0, "cmark",
                        "cmark-gfm lacks its GFM extensions; cannot parse");
        goto out;
    }
    drop_prefix(doc, c.offset);
    collect_footnotes(&c, doc);
    walk(&c, doc, chapter);
    oct_html_finish(c.html);
    c.html = NULL;
    finish_footnotes(&c, chapter);
    rc = 0;
out:
    oct_html_finish(c.html);
    if (doc) cmark_node_free(doc);
    free(prefix);
    free(escaped);
    free(unbracketed);
    free(closed);
    free(c.stack);
    free(c.fns);
    oct_buf_free(&c.merged);
    oct_buf_free(&c.scratch);
    return rc;
}

/* ---- for markdown_html.c ---------------------------------------------------- */

char *oct_md_clean_text(conv *c, const char *s, size_t n, oct_span sp)
{
    return clean_text(c, s, n, sp);
}

void oct_md_flush_text(conv *c)
{
    flush_text(c);
}

void oct_md_append(conv *c, oct_node *parent, oct_node *child)
{
    append(c, parent, child);
}

void oct_md_append_text(conv *c, oct_node *parent, const char *s, size_t n, oct_span sp)
{
    append_text(c, parent, s, n, sp);
}

void oct_md_push(conv *c, const frame *f)
{
    push(c, f);
}
