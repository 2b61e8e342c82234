/* The plain-text normalizer's driver: splits the text into lines, runs the
 * passes (see normalize_internal.h) and writes the result with its line
 * map. Everything no pass claimed is copied as it was. */
#include "ingest/normalize/normalize.h"
#include "ingest/normalize/normalize_internal.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

void nl_out_line(nl_out *o, const char *s, size_t n, int src)
{
    oct_buf_put(&o->text, s, n);
    oct_buf_putc(&o->text, '\n');
    OCT_GROW(o->map, o->cap, o->n + 1);
    o->map[o->n++] = src;
}

nl_region *nl_add_region(nl_doc *d, nl_region_kind kind, size_t start, size_t end)
{
    OCT_GROW(d->regions, d->capregions, d->nregions + 1);
    nl_region *r = &d->regions[d->nregions++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->start = start;
    r->end = end;
    return r;
}

static size_t split_lines(const char *text, size_t len, nl_line **out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    if (len > 0 && text[len - 1] != '\n') n++;
    nl_line *lines = oct_xcalloc(n ? n : 1, sizeof *lines);
    size_t start = 0;
    for (size_t k = 0; k < n; k++) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        nl_line *l = &lines[k];
        l->s = text + start;
        l->len = end - start;
        l->src = (int)k + 1;
        l->indent = nl_indent_of(l->s, l->len, &l->lead);
        size_t rest = l->len - l->lead;
        nl_trim(l->s + l->lead, &rest);
        if (rest == 0) l->flags |= NL_BLANK;
        start = end + 1;
    }
    *out = lines;
    return n;
}

static int cmp_regions(const void *a, const void *b)
{
    const nl_region *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static size_t fence_length(const nl_doc *d, const nl_region *r)
{
    size_t longest = 0;
    for (size_t i = r->start; i <= r->end; i++) {
        const nl_line *l = &d->lines[i];
        size_t k = 0;
        while (l->lead + k < l->len && l->s[l->lead + k] == '`')
            k++;
        if (k > longest) longest = k;
    }
    return longest >= 3 ? longest + 1 : 3;
}

static void emit_code(const nl_doc *d, const nl_region *r, nl_out *o)
{
    oct_buf b = OCT_BUF_INIT;
    size_t fence = fence_length(d, r);
    for (int k = 0; k < r->fence_indent; k++)
        oct_buf_putc(&b, ' ');
    for (size_t k = 0; k < fence; k++)
        oct_buf_putc(&b, '`');
    oct_buf_puts(&b, nl_lang_name(r->lang));
    nl_out_line(o, b.data, b.len, d->lines[r->start].src);
    for (size_t i = r->start; i <= r->end; i++) {
        const nl_line *l = &d->lines[i];
        oct_buf_clear(&b);
        if (!(l->flags & NL_BLANK)) {
            for (int k = 0; k < r->fence_indent; k++)
                oct_buf_putc(&b, ' ');
            nl_put_dedented(&b, l->s, l->len, r->dedent + r->fence_indent);
        }
        nl_out_line(o, b.data ? b.data : "", b.len, l->src);
    }
    oct_buf_clear(&b);
    for (int k = 0; k < r->fence_indent; k++)
        oct_buf_putc(&b, ' ');
    for (size_t k = 0; k < fence; k++)
        oct_buf_putc(&b, '`');
    nl_out_line(o, b.data, b.len, d->lines[r->end].src);
    oct_buf_free(&b);
}

static bool last_line_blank(const nl_out *o)
{
    return o->text.len <= 1 || (o->text.len >= 2 && o->text.data[o->text.len - 2] == '\n');
}

static void emit_table(const nl_doc *d, const nl_region *r, nl_out *o)
{
    /* A table needs a blank line before it (else it joins a paragraph or a
     * list item) and after it (else the next line becomes a row). */
    if (o->n > 0 && !last_line_blank(o)) nl_out_line(o, "", 0, d->lines[r->start].src);
    nl_emit_table(d, r, o);
    size_t next = r->end + 1;
    if (next < d->n && !(d->lines[next].flags & NL_BLANK))
        nl_out_line(o, "", 0, d->lines[r->end].src);
}

static void emit(const nl_doc *d, nl_out *o)
{
    size_t r = 0;
    for (size_t i = 0; i < d->n;) {
        if (r < d->nregions && d->regions[r].start == i) {
            const nl_region *reg = &d->regions[r++];
            if (reg->kind == NL_R_CODE)
                emit_code(d, reg, o);
            else
                emit_table(d, reg, o);
            i = reg->end + 1;
            continue;
        }
        const nl_line *l = &d->lines[i];
        if (l->flags & NL_MATH) { /* a display formula: a paragraph of its own */
            if (o->n > 0 && !last_line_blank(o)) nl_out_line(o, "", 0, l->src);
            i = nl_emit_display_math(d, i, o);
            if (i < d->n && !(d->lines[i].flags & NL_BLANK))
                nl_out_line(o, "", 0, d->lines[i - 1].src);
            continue;
        }
        i++;
        if (!(l->flags & NL_DROP)) nl_out_prose(o, l, d->plain);
    }
}

/* Flags a round of detection recomputes (all but blank lines and the
 * block edges found so far). */
#define NL_KEEP (NL_BLANK | NL_OPENS_BLOCK | NL_CLOSES_BLOCK)
#define MAX_ROUNDS 8

/* Marks where the blocks just found start and end; returns whether any
 * of those edges is new. */
static bool note_block_edges(nl_doc *d)
{
    bool changed = false;
    for (size_t r = 0; r < d->nregions; r++) {
        const nl_region *reg = &d->regions[r];
        nl_line *first = &d->lines[reg->start], *last = &d->lines[reg->end];
        if (reg->fence_indent == 0 && !(first->flags & NL_OPENS_BLOCK)) {
            first->flags |= NL_OPENS_BLOCK;
            changed = true;
        }
        if (!(last->flags & NL_CLOSES_BLOCK)) {
            last->flags |= NL_CLOSES_BLOCK;
            changed = true;
        }
    }
    return changed;
}

/* One round: Markdown structure, line classes, tables, code. A block
 * written as a fence changes the structure around it (it ends lists and
 * paragraphs), so rounds repeat with the edges found until none is new:
 * what the next normalization would see is what this one decides on. */
static void detect(nl_doc *d)
{
    for (int round = 0; round < MAX_ROUNDS; round++) {
        for (size_t i = 0; i < d->n; i++) {
            nl_line *l = &d->lines[i];
            l->flags &= NL_KEEP;
            l->list_indent = l->split = l->html = 0;
            memset(&l->cls, 0, sizeof l->cls);
        }
        d->nregions = 0;
        d->has_fences = false;
        nl_mark_markdown(d);
        nl_mark_html_blocks(d);
        nl_mark_display_math(d);
        if (round == 0) nl_clean_artefacts(d);
        nl_classify_doc(d);
        nl_detect_tables(d);
        nl_detect_csv(d);
        nl_detect_code(d);
        if (!note_block_edges(d)) break;
    }
}

int oct_normalize(const char *path, const char *text, size_t len, const oct_normalize_options *opts,
                  oct_normalized *out, oct_diag *diag)
{
    memset(out, 0, sizeof *out);
    nl_doc d = {.path = path, .diag = diag, .plain = opts && opts->plain};
    /* same lines, items written without a marker given one, some lines
     * indented further: the line map stays 1:1 */
    size_t chat_len = 0, marked_len = 0, nested_len = 0, bare_len = 0;
    char *bare = d.plain ? NULL : nl_strip_comments(text, len, &bare_len, path, diag);
    if (bare) {
        text = bare;
        len = bare_len;
    }
    size_t page_len = 0;
    char *page = d.plain ? NULL : nl_read_logseq(text, len, &page_len, &out->title, path, diag);
    if (page) {
        text = page;
        len = page_len;
    }
    size_t tags_len = 0;
    char *tags = d.plain ? NULL : nl_strip_tags(text, len, &tags_len, &out->deck_tag, path, diag);
    if (tags) {
        text = tags;
        len = tags_len;
    }
    size_t hugo_len = 0;
    char *hugo = d.plain ? NULL : nl_mark_shortcodes(text, len, &hugo_len, path, diag);
    if (hugo) {
        text = hugo;
        len = hugo_len;
    }
    size_t adm_len = 0;
    char *adm = d.plain ? NULL : nl_mark_admonitions(text, len, &adm_len);
    if (adm) {
        text = adm;
        len = adm_len;
    }
    char *chat = nl_mark_chat_turns(text, len, &chat_len, path, diag);
    if (chat) {
        text = chat;
        len = chat_len;
    }
    size_t grid_len = 0;
    char *grid = nl_ungrid_tables(text, len, &grid_len);
    if (grid) {
        text = grid;
        len = grid_len;
    }
    size_t exam_len = 0;
    char *exam = nl_mark_exam_parts(text, len, &exam_len, &out->exam, path, diag);
    if (exam) {
        text = exam;
        len = exam_len;
    }
    /* a paper's scheme is read by its labels, not as a quiz's key */
    size_t key_len = 0;
    char *key = out->exam ? NULL : nl_mark_answer_keys(text, len, &key_len, path, diag);
    if (key) {
        text = key;
        len = key_len;
    }
    char *marked = nl_mark_plain_items(text, len, &marked_len);
    if (marked) {
        text = marked;
        len = marked_len;
    }
    char *nested = nl_nest_sublists(text, len, &nested_len);
    if (nested) {
        text = nested;
        len = nested_len;
    }
    d.n = split_lines(text, len, &d.lines);

    nl_out o = {OCT_BUF_INIT, NULL, 0, 0};
    size_t settings;
    char sep;
    if (nl_is_deck(&d, &settings, &sep)) { /* a deck exported as text: cards */
        nl_emit_deck(&d, settings, sep, &o);
    } else {
        detect(&d);
        nl_detect_filler(&d, opts && opts->keep_filler);
        nl_detect_page_furniture(&d, opts && opts->keep_filler);
        if (d.nregions > 1) qsort(d.regions, d.nregions, sizeof *d.regions, cmp_regions);
        emit(&d, &o);
    }
    /* Keep the input's choice of a final newline. */
    if (len > 0 && text[len - 1] != '\n' && o.text.len > 0) o.text.len--;
    if (o.text.data) o.text.data[o.text.len] = '\0';
    out->len = o.text.len;
    out->text = oct_buf_detach(&o.text);
    out->nlines = o.n;
    out->line_map = o.map ? o.map : oct_xmalloc(sizeof(int));
    free(d.lines);
    free(d.regions);
    free(nested);
    free(marked);
    free(key);
    free(exam);
    free(chat);
    free(grid);
    free(bare);
    free(tags);
    free(page);
    free(adm);
    free(hugo);
    return 0;
}

void oct_normalized_release(oct_normalized *n)
{
    free(n->text);
    free(n->line_map);
    free(n->title);
    n->title = NULL;
    n->text = NULL;
    n->line_map = NULL;
    n->len = 0;
    n->nlines = 0;
}
