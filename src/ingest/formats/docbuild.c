/* The tree builder the Word and OpenDocument readers share (docint.h):
 * runs of text with their format become STRONG, EMPH, STRIKE, SUPERSCRIPT,
 * SUBSCRIPT and CODE nodes (runs of one format merged, as Word splits a
 * word's runs for its spelling marks); paragraphs land in lists, table
 * cells, block quotes or the chapter; code paragraphs join into one code
 * block; footnote definitions wait for the end. A cell holds inlines
 * only, so its paragraphs are lines of it, and a table inside a cell is
 * written as rows of text: nesting stays within what a page can show. */
#include "ingest/formats/docint.h"

#include "oct_limits.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

static oct_span at(const db *b, int line)
{
    return (oct_span){b->file, line > 0 ? line : 1, 1};
}

void db_init(db *b, oct_tree *t, oct_node *chapter, const char *path, oct_diag *diag)
{
    memset(b, 0, sizeof *b);
    b->t = t;
    b->diag = diag;
    b->path = path;
    b->file = chapter->span.file;
    b->chapter = b->o.container = chapter;
    b->o.pend = b->o.codetext = (oct_buf)OCT_BUF_INIT;
    b->picture_warnings = (oct_diag_capped){.d = diag, .file = path, .limit = DB_WARN_KINDS};
}

void db_release(db *b)
{
    oct_buf_free(&b->o.pend);
    oct_buf_free(&b->o.codetext);
    oct_strmap_free(&b->warned);
    oct_diag_cap_free(&b->more_kinds);
    oct_diag_capped_free(&b->picture_warnings);
    oct_strmap_free(&b->pictures);
    oct_strmap_free(&b->note_keys);
    free(b->notes);
}

/* The first DB_WARN_KINDS kinds get a warning each; the kinds after them
 * are gathered (their names and first lines, diag_cap.h) for one warning
 * at the end, so a hostile package of a hundred thousand element names
 * says so in eleven lines, not a hundred thousand. */
static void warn_kind(db *b, const char *code, const char *what, int line, const char *fmt,
                      va_list ap)
{
    size_t seen;
    if (oct_strmap_get(&b->warned, what, strlen(what), &seen)) return;
    oct_strmap_put(&b->warned, what, strlen(what), 1);
    if (!oct_diag_cap_take(&b->more_kinds, DB_WARN_KINDS, what, line)) return;
    char msg[400];
    vsnprintf(msg, sizeof msg, fmt, ap);
    oct_diag_report(b->diag, OCT_WARNING, b->path, line, 1, code, "%s", msg);
}

void db_warn_once(db *b, const char *what, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    warn_kind(b, "document-unknown", what, line, fmt, ap);
    va_end(ap);
}

void db_warn_code(db *b, const char *code, const char *what, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    warn_kind(b, code, what, line, fmt, ap);
    va_end(ap);
}

static void warn_more_kinds(db *b)
{
    if (!b->more_kinds.more) return;
    oct_buf what = OCT_BUF_INIT;
    oct_diag_cap_describe(&b->more_kinds, &what);
    oct_diag_report(b->diag, OCT_WARNING, b->path, b->more_kinds.lines[0], 1, "document-unknown",
                    "%d more kinds of content the reader does not map keep their text or are "
                    "left out, without a warning each (%s)",
                    b->more_kinds.more, what.data);
    oct_buf_free(&what);
}

/* ---- style names -------------------------------------------------------- */

/* "heading 3", "Überschrift 3", "Titre 3"… → 3. */
int db_heading_name(const char *name)
{
    static const char *const words[] = {
        "heading",
        "\xc3\x9c"
        "berschrift",
        "\xc3\xbc"
        "berschrift",
        "titre",
        "t\xc3\xadtulo",
        "titolo",
        "kop",
        "rubrik",
        "overskrift",
        "otsikko",
        "nadpis",
        "nag\xc5\x82\xc3\xb3wek",
        "\xd0\x97\xd0\xb0\xd0\xb3\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xba",
        "\xd0\xb7\xd0\xb0\xd0\xb3\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xba",
        "berschrift",
        "ttulo"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t n = strlen(words[k]);
        if (strncasecmp(name, words[k], n)) continue;
        const char *p = name + n;
        while (*p == ' ')
            p++;
        if (p[0] >= '1' && p[0] <= '9' && !p[1]) return p[0] - '0' > 6 ? 6 : p[0] - '0';
    }
    return 0;
}

static void roman(int n, bool upper, oct_buf *out)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const sym[] = {"m",  "cm", "d",  "cd", "c",  "xc", "l",
                                      "xl", "x",  "ix", "v",  "iv", "i"};
    for (int k = 0; k < 13; k++)
        for (; n >= val[k]; n -= val[k])
            for (const char *c = sym[k]; *c; c++)
                oct_buf_putc(out, upper ? (char)(*c - 'a' + 'A') : *c);
}

void db_number_text(int n, char style, oct_buf *out)
{
    if (n < 0) n = 0;
    if ((style == 'i' || style == 'I') && n > 0 && n < 4000) {
        roman(n, style == 'I', out);
    } else if ((style == 'a' || style == 'A') && n > 0) {
        /* a..z, then aa..zz, as Word and LibreOffice count */
        int times = (n - 1) / 26 + 1;
        for (int k = 0; k < times && k < 8; k++)
            oct_buf_putc(out, (char)(style + (n - 1) % 26));
    } else {
        oct_buf_printf(out, style == '0' && n < 10 ? "0%d" : "%d", n);
    }
}

/* ---- inlines ------------------------------------------------------------ */

static oct_kind fmt_kind(unsigned flag)
{
    switch (flag) {
    case DB_STRONG:
        return OCT_STRONG;
    case DB_EMPH:
        return OCT_EMPH;
    case DB_STRIKE:
        return OCT_STRIKE;
    case DB_SUP:
        return OCT_SUPERSCRIPT;
    default:
        return OCT_SUBSCRIPT;
    }
}

/* The open format nodes made to match flags: the ones flags lacks are
 * closed (and all opened after them), the missing ones opened, outermost
 * first in the order STRONG, EMPH, STRIKE, SUP, SUB. */
static oct_node *format_to(db *b, unsigned flags, int line)
{
    int keep = 0;
    while (keep < b->o.nfmt && (flags & b->o.fmtflag[keep]))
        keep++;
    b->o.nfmt = keep;
    unsigned have = 0;
    for (int k = 0; k < b->o.nfmt; k++)
        have |= b->o.fmtflag[k];
    for (int i = 0; i < DB_NFLAGS && b->o.nfmt < DB_MAX_FMT; i++) {
        unsigned f = 1u << i;
        if (!(flags & f) || (have & f)) continue;
        oct_node *parent = b->o.nfmt ? b->o.fmt[b->o.nfmt - 1] : b->o.base;
        oct_node *n = oct_node_new(b->t, fmt_kind(f), at(b, line));
        oct_node_append(parent, n);
        b->o.fmt[b->o.nfmt] = n;
        b->o.fmtflag[b->o.nfmt++] = f;
    }
    return b->o.nfmt ? b->o.fmt[b->o.nfmt - 1] : b->o.base;
}

static bool para_empty(const db *b)
{
    return b->o.cell ? b->o.cell_empty : !b->o.para || !b->o.para->first;
}

/* The text of the runs waiting, as one node. Leading blanks of a
 * paragraph go (Word keeps the spaces a writer typed before a word). */
static void flush(db *b)
{
    if (!b->o.para || !b->o.pend.len) {
        oct_buf_clear(&b->o.pend);
        return;
    }
    const char *s = b->o.pend.data;
    size_t n = b->o.pend.len;
    if (para_empty(b) && b->o.base == b->o.para && !(b->o.pend_flags & DB_CODE))
        while (n && (*s == ' ' || *s == '\t'))
            s++, n--;
    if (n) {
        oct_node *parent = format_to(b, b->o.pend_flags & ~(unsigned)DB_CODE, b->o.pend_line);
        oct_kind k = (b->o.pend_flags & DB_CODE) ? OCT_CODE : OCT_TEXT;
        oct_node_append(parent, oct_node_new_text(b->t, k, at(b, b->o.pend_line), s, n));
        b->o.cell_empty = false;
    }
    oct_buf_clear(&b->o.pend);
}

static void over_limit(db *b, int line)
{
    if (b->failed) return;
    b->failed = true;
    if (b->total_bytes > OCT_LIMIT_SOURCE_BYTES)
        oct_diag_report(b->diag, OCT_ERROR, b->path, line, 1, "limit-source-size",
                        "the document's text is more than the limit of %u bytes",
                        OCT_LIMIT_SOURCE_BYTES);
    else
        oct_diag_report(b->diag, OCT_ERROR, b->path, line, 1, "limit-line-length",
                        "a paragraph (line %d of %s) is more than the limit of %u bytes", line,
                        b->part ? b->part : "the document", OCT_LIMIT_LINE_BYTES);
}

void db_text(db *b, unsigned flags, const char *s, size_t len, int line)
{
    if (!b->o.para || !len || b->failed) return;
    b->o.para_bytes += len;
    b->total_bytes += len;
    if (b->o.para_bytes > OCT_LIMIT_LINE_BYTES || b->total_bytes > OCT_LIMIT_SOURCE_BYTES) {
        over_limit(b, line);
        return;
    }
    if (b->o.pend.len && flags != b->o.pend_flags) flush(b);
    if (!b->o.pend.len) {
        b->o.pend_flags = flags;
        b->o.pend_line = line;
    }
    oct_buf_put(&b->o.pend, s, len);
}

void db_tab(db *b, unsigned flags, int line)
{
    bool heading = b->o.para && b->o.para->kind == OCT_SECTION;
    db_text(b, flags, heading ? " " : "\t", 1, line);
}

/* An inline that is no text, after the text before it. */
void db_inline(db *b, oct_node *n)
{
    flush(b);
    b->o.nfmt = 0;
    oct_node_append(b->o.base, n);
    b->o.cell_empty = false;
}

bool db_all_code(db *b)
{
    if (!b->o.para || b->o.cell) return false;
    flush(b);
    bool any = false;
    for (const oct_node *k = b->o.para->first; k; k = k->next) {
        if (k->kind == OCT_CODE)
            any = true;
        else if (!oct_node_is_break(k))
            return false;
    }
    return any;
}

void db_break(db *b, int line)
{
    if (!b->o.para || para_empty(b)) return; /* a break opening a paragraph shows nothing */
    db_inline(b, oct_node_new(b->t, OCT_LINE_BREAK, at(b, line)));
}

void db_link_begin(db *b, const char *url, int line)
{
    if (!b->o.para || !url || b->o.base != b->o.para) return;
    oct_node *l = oct_node_new(b->t, OCT_LINK, at(b, line));
    l->u.link.url = oct_arena_strdup(b->t->arena, url);
    db_inline(b, l);
    b->o.base = l;
}

void db_link_end(db *b)
{
    if (!b->o.para) return;
    flush(b);
    b->o.nfmt = 0;
    oct_node *l = b->o.base;
    b->o.base = b->o.para;
    if (l != b->o.para && !l->first) oct_node_unlink(l); /* a link around nothing */
}

oct_node *db_note_ref(db *b, const char *key, int line)
{
    if (!b->o.para) return NULL;
    size_t found;
    oct_node *def =
        oct_strmap_get(&b->note_keys, key, strlen(key), &found) ? b->notes[found] : NULL;
    bool fresh = !def;
    if (fresh) {
        oct_strmap_put(&b->note_keys, key, strlen(key), b->nnotes);
        def = oct_node_new(b->t, OCT_FOOTNOTE_DEF, at(b, line));
        def->u.footnote.label = oct_arena_strdup(b->t->arena, key);
        def->u.footnote.index = (int)b->nnotes + 1;
        OCT_GROW(b->notes, b->capnotes, b->nnotes + 1);
        b->notes[b->nnotes++] = def;
    }
    oct_node *r = oct_node_new(b->t, OCT_FOOTNOTE_REF, at(b, line));
    r->u.footnote.label = def->u.footnote.label;
    r->u.footnote.index = def->u.footnote.index;
    db_inline(b, r);
    return fresh ? def : NULL;
}

/* ---- blocks ------------------------------------------------------------- */

static void close_code(db *b)
{
    if (!b->o.code) return;
    b->o.code->text = oct_arena_strndup(b->t->arena, b->o.codetext.data, b->o.codetext.len);
    b->o.code = NULL;
    oct_buf_clear(&b->o.codetext);
}

static void close_lists(db *b, int upto)
{
    while (b->o.nlists > upto)
        b->o.nlists--;
}

/* Where a block goes: the item of the list lp names (opening lists and
 * items as its level asks), else the container. */
static oct_node *place(db *b, const db_listpos *lp, int line)
{
    if (!lp) {
        close_lists(b, 0);
        return b->o.container;
    }
    int level = lp->level < 0 ? 0 : lp->level;
    if (level >= DB_MAX_LISTS) {
        if (!b->deep_warned)
            oct_diag_report(b->diag, OCT_WARNING, b->path, line, 1, "limit-nesting",
                            "a list nested %d deep is set at depth %d", level + 1, DB_MAX_LISTS);
        b->deep_warned = true;
        level = DB_MAX_LISTS - 1;
    }
    while (b->o.nlists && b->o.lists[b->o.nlists - 1].level > level)
        b->o.nlists--;
    if (b->o.nlists) {
        db_list *top = &b->o.lists[b->o.nlists - 1];
        if (top->level == level && (top->key != lp->key || top->ordered != lp->ordered))
            b->o.nlists--;
        else if (top->level == level && lp->cont)
            return top->item;
    }
    if (!b->o.nlists || b->o.lists[b->o.nlists - 1].level < level) {
        oct_node *parent = b->o.nlists ? b->o.lists[b->o.nlists - 1].item : b->o.container;
        oct_node *list = oct_node_new(b->t, OCT_LIST, at(b, line));
        list->u.list.ordered = lp->ordered;
        list->u.list.tight = true;
        list->u.list.start = lp->number > 0 ? lp->number : 1;
        list->u.list.delim = '.';
        oct_node_append(parent, list);
        b->o.lists[b->o.nlists].list = list;
        b->o.lists[b->o.nlists].level = level;
        b->o.lists[b->o.nlists].key = lp->key;
        b->o.lists[b->o.nlists].ordered = lp->ordered;
        b->o.nlists++;
    }
    db_list *top = &b->o.lists[b->o.nlists - 1];
    oct_node *item = oct_node_new(b->t, OCT_ITEM, at(b, line));
    item->u.item.number = lp->ordered ? lp->number : 0;
    oct_node_append(top->list, item);
    top->item = item;
    return item;
}

/* In a cell: a list item's marker, written out. */
static void cell_marker(db *b, const db_listpos *lp, int line)
{
    char m[32];
    int indent = lp->level > 0 ? lp->level * 2 : 0;
    if (indent > 16) indent = 16;
    if (lp->ordered)
        snprintf(m, sizeof m, "%*s%d. ", indent, "", lp->number);
    else
        snprintf(m, sizeof m, "%*s\xe2\x80\xa2 ", indent, ""); /* • */
    db_text(b, 0, m, strlen(m), line);
}

void db_begin(db *b, oct_kind kind, int level, const db_listpos *lp, int line)
{
    b->o.para_bytes = 0;
    b->o.nfmt = 0;
    oct_buf_clear(&b->o.pend);
    if (b->o.cell) {
        b->o.para = b->o.base = b->o.cell;
        if (!b->o.cell_empty && !b->o.joined)
            db_inline(b, oct_node_new(b->t, OCT_LINE_BREAK, at(b, line)));
        b->o.joined = false;
        if (lp && !lp->cont) cell_marker(b, lp, line);
        return;
    }
    oct_node *parent = place(b, lp, line);
    oct_node *p = oct_node_new(b->t, kind, at(b, line));
    if (kind == OCT_SECTION) p->u.section.level = level < 1 ? 1 : level > 6 ? 6 : level;
    oct_node_append(parent, p);
    b->o.para = b->o.base = p;
}

/* Trailing blanks of a paragraph's last text (the node is ours: its
 * string is cut in place). */
static void trim_end(oct_node *p)
{
    oct_node *n = p->last;
    while (n && n->last && n->kind != OCT_TEXT)
        n = n->last;
    if (!n || n->kind != OCT_TEXT || !n->text) return;
    char *s = (char *)n->text;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        s[--len] = '\0';
}

static bool only_breaks(const oct_node *p)
{
    for (const oct_node *c = p->first; c; c = c->next)
        if (c->kind != OCT_LINE_BREAK && c->kind != OCT_SOFT_BREAK) return false;
    return true;
}

/* Whether n holds what a code block's text cannot: a footnote's
 * reference or a picture (it would vanish, or leave its alt text). */
static bool holds_more_than_text(const oct_node *n)
{
    for (const oct_node *c = n->first; c; c = c->next)
        if (c->kind == OCT_FOOTNOTE_REF || c->kind == OCT_IMAGE || holds_more_than_text(c))
            return true;
    return false;
}

/* The paragraph's text as code lines: CODE and TEXT as written, breaks
 * as newlines. */
static void code_text(const oct_node *n, oct_buf *out)
{
    for (const oct_node *c = n->first; c; c = c->next) {
        if (c->kind == OCT_TEXT || c->kind == OCT_CODE)
            oct_buf_puts(out, c->text ? c->text : "");
        else if (oct_node_is_break(c))
            oct_buf_putc(out, '\n');
        else
            code_text(c, out);
    }
}

/* A paragraph holding one picture and nothing else becomes a FIGURE. */
static void figure(oct_node *p)
{
    if (p->kind != OCT_PARAGRAPH || !p->first || p->first != p->last) return;
    const oct_node *img = p->first;
    if (img->kind == OCT_IMAGE && img->u.link.image > 0) p->kind = OCT_FIGURE;
}

void db_end(db *b, bool code)
{
    if (!b->o.para) return;
    flush(b);
    oct_node *p = b->o.para;
    b->o.para = b->o.base = NULL;
    b->o.nfmt = 0;
    if (p == b->o.cell) return;
    trim_end(p);
    if (only_breaks(p)) {
        oct_node_unlink(p); /* Word's empty paragraphs are spacing */
        return;
    }
    if (code && p->kind != OCT_SECTION && !holds_more_than_text(p)) {
        oct_node *parent = p->parent;
        bool join = b->o.code && b->o.code->parent == parent && b->o.code->next == p;
        oct_node_unlink(p);
        if (!join) {
            close_code(b);
            b->o.code = oct_node_new(b->t, OCT_CODE_BLOCK, p->span);
            oct_node_append(parent, b->o.code);
        }
        code_text(p, &b->o.codetext);
        oct_buf_putc(&b->o.codetext, '\n');
        return;
    }
    close_code(b);
    figure(p);
}

void db_blockquote_begin(db *b, int line)
{
    if (b->o.cell) return;
    oct_node *q = oct_node_new(b->t, OCT_BLOCKQUOTE, at(b, line));
    oct_node_append(place(b, NULL, line), q);
    b->o.container = q;
}

void db_blockquote_end(db *b)
{
    if (b->o.cell || b->o.container->kind != OCT_BLOCKQUOTE) return;
    oct_node *q = b->o.container;
    close_lists(b, 0);
    b->o.container = q->parent;
    if (!q->first) oct_node_unlink(q);
}

void db_note_begin(db *b, oct_node *def)
{
    close_lists(b, 0);
    close_code(b);
    b->o.container = def;
}

void db_note_end(db *b)
{
    close_lists(b, 0);
    close_code(b);
    b->o.container = b->chapter;
}

void db_nest_begin(db *b, oct_node *def, db_open *saved)
{
    *saved = b->o;
    memset(&b->o, 0, sizeof b->o);
    b->o.pend = b->o.codetext = (oct_buf)OCT_BUF_INIT;
    b->o.container = def;
}

void db_nest_end(db *b, db_open *saved)
{
    if (b->o.para) db_end(b, false);
    close_lists(b, 0);
    close_code(b);
    oct_buf_free(&b->o.pend);
    oct_buf_free(&b->o.codetext);
    b->o = *saved;
}

/* ---- tables ------------------------------------------------------------- */

void db_table_begin(db *b, int line)
{
    if (b->o.table_depth++ > 0) return; /* inside a cell: rows become its lines */
    close_code(b);
    oct_node *t = oct_node_new(b->t, OCT_TABLE, at(b, line));
    oct_node_append(place(b, NULL, line), t);
    b->o.table = t;
}

void db_row_begin(db *b, bool header, int line)
{
    b->o.row_cells = 0;
    if (b->o.table_depth > 1) {
        if (b->o.cell && !b->o.cell_empty) {
            b->o.para = b->o.base = b->o.cell;
            db_inline(b, oct_node_new(b->t, OCT_LINE_BREAK, at(b, line)));
            b->o.joined = true;
        }
        return;
    }
    if (!b->o.table) return;
    b->o.row = oct_node_new(b->t, OCT_TABLE_ROW, at(b, line));
    b->o.row->u.row.header = header && !b->o.table->first;
    oct_node_append(b->o.table, b->o.row);
}

void db_cell_begin(db *b, int span, int line)
{
    if (b->o.table_depth > 1) {
        if (b->o.row_cells++ && b->o.cell) {
            b->o.para = b->o.base = b->o.cell;
            db_text(b, 0, " | ", 3, line);
            flush(b);
            b->o.joined = true;
        }
        return;
    }
    if (!b->o.row) return;
    b->o.cell = oct_node_new(b->t, OCT_TABLE_CELL, at(b, line));
    b->o.cell_empty = true;
    oct_node_append(b->o.row, b->o.cell);
    if (span > 64) span = 64; /* a hostile gridSpan */
    for (int k = 1; k < span; k++)
        oct_node_append(b->o.row, oct_node_new(b->t, OCT_TABLE_CELL, at(b, line)));
}

void db_cell_end(db *b)
{
    if (b->o.table_depth > 1) return;
    flush(b);
    if (b->o.cell) trim_end(b->o.cell);
    b->o.cell = NULL;
    b->o.para = b->o.base = NULL;
}

void db_row_end(db *b)
{
    if (b->o.table_depth > 1) return;
    b->o.row = NULL;
}

void db_table_end(db *b)
{
    if (--b->o.table_depth > 0) return;
    oct_node *t = b->o.table;
    b->o.table = NULL;
    if (!t) return;
    int ncols = 0;
    for (oct_node *r = t->first; r; r = r->next) {
        int n = 0;
        for (oct_node *c = r->first; c; c = c->next)
            n++;
        if (n > ncols) ncols = n;
    }
    if (!ncols) {
        oct_node_unlink(t);
        return;
    }
    for (oct_node *r = t->first; r; r = r->next) {
        int n = 0;
        for (oct_node *c = r->first; c; c = c->next)
            n++;
        for (; n < ncols; n++)
            oct_node_append(r, oct_node_new(b->t, OCT_TABLE_CELL, r->span));
    }
    t->u.table.ncols = ncols;
    t->u.table.aligns = oct_arena_alloc(b->t->arena, (size_t)ncols * sizeof(oct_align));
    for (int k = 0; k < ncols; k++)
        t->u.table.aligns[k] = OCT_ALIGN_NONE;
}

/* ---- the end ------------------------------------------------------------ */

int db_finish(db *b)
{
    if (b->o.para) db_end(b, false);
    close_code(b);
    close_lists(b, 0);
    for (size_t i = 0; i < b->nnotes; i++)
        oct_node_append(b->chapter, b->notes[i]);
    db_tab_tables(b->t, b->chapter);
    warn_more_kinds(b);
    oct_diag_capped_finish(&b->picture_warnings, "pictures with the same problem");
    if (b->dropped_comments)
        oct_diag_report(b->diag, OCT_NOTE, b->path, 0, 0, "document-dropped",
                        "the document's reviewer comments are not printed (%d found)",
                        b->dropped_comments);
    if (b->dropped_deleted)
        oct_diag_report(b->diag, OCT_NOTE, b->path, 0, 0, "document-dropped",
                        "%d deletion%s of tracked changes left out (insertions are kept)",
                        b->dropped_deleted, b->dropped_deleted == 1 ? "" : "s");
    return b->failed ? -1 : 0;
}

void db_keep_text(db *b, const xmlNode *n, const char *name, const char *what)
{
    oct_buf t = OCT_BUF_INIT;
    oct_xml_text_to(n, &t);
    db_warn_once(b, name, oct_xml_line(n), "%s <%s> %s", what, name,
                 t.len ? "is read as plain text" : "has no text and is left out");
    if (t.len) {
        bool open = b->o.para != NULL;
        if (!open) db_begin(b, OCT_PARAGRAPH, 0, NULL, oct_xml_line(n));
        db_text(b, 0, t.data, t.len, oct_xml_line(n));
        if (!open) db_end(b, false);
    }
    oct_buf_free(&t);
}
