/* OpenDocument text notes (.odt): content.xml walked into the tree
 * (docint.h). Headings by text:h's outline level; paragraph and text
 * styles (automatic ones in content.xml, named ones in styles.xml,
 * through their parents) for bold, italic, struck, raised and lowered
 * text, monospace code, titles and quotations; lists numbered or not by
 * their list style; tables with spanned and covered cells; pictures from
 * Pictures/; footnotes and endnotes; links. Annotations and tracked
 * deletions are dropped with a note; anything else keeps its text, with
 * a warning. */
#define _GNU_SOURCE /* strcasestr */
#include "ingest/formats/docint.h"

#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_DEPTH 200
#define MAX_PARENTS 16

typedef struct {
    db *b;
    oct_doc *doc;
    const xmlNode **styles; /* style:style and text:list-style elements */
    size_t nstyles, capstyles;
    oct_strmap names, list_names; /* → index in styles: the first of a name */
    int list_depth;
    const xmlNode *outline; /* text:outline-style: how headings are numbered */
    int outline_count[11];  /* the last number of each outline level (1..10) */
    bool in_quote;
    bool space; /* the text so far ends in white space (or the paragraph is new) */
} od;

static void blocks(od *c, const xmlNode *parent, int depth);
static void inlines(od *c, const xmlNode *parent, unsigned flags, int depth);

static void gather(od *c, const xmlNode *container)
{
    for (const xmlNode *n = container ? container->children : NULL; n; n = n->next)
        if (oct_xml_is(n, NS_STYLE, "style") || oct_xml_is(n, NS_TEXT, "list-style")) {
            const char *name = oct_xml_attr(n, NS_STYLE, "name");
            oct_strmap *m = oct_xml_is(n, NS_TEXT, "list-style") ? &c->list_names : &c->names;
            size_t old;
            if (!name || oct_strmap_get(m, name, strlen(name), &old)) continue;
            OCT_GROW(c->styles, c->capstyles, c->nstyles + 1);
            oct_strmap_put(m, name, strlen(name), c->nstyles);
            c->styles[c->nstyles++] = n;
        }
}

/* Automatic styles first: they may reuse a named style's name. */
static void load_styles(od *c)
{
    const xmlNode *root = xmlDocGetRootElement(c->doc->main);
    gather(c, oct_xml_child(root, NS_OFFICE, "automatic-styles"));
    const xmlNode *sroot = c->doc->styles ? xmlDocGetRootElement(c->doc->styles) : NULL;
    gather(c, oct_xml_child(sroot, NS_OFFICE, "styles"));
    gather(c, oct_xml_child(sroot, NS_OFFICE, "automatic-styles"));
}

static const xmlNode *style(const od *c, const char *name, bool list)
{
    size_t i;
    const oct_strmap *m = list ? &c->list_names : &c->names;
    return name && oct_strmap_get(m, name, strlen(name), &i) ? c->styles[i] : NULL;
}

static bool mono(const char *f)
{
    static const char *const fonts[] = {"mono",   "courier",     "consolas",   "menlo",
                                        "monaco", "source code", "inconsolata"};
    for (size_t k = 0; f && k < sizeof fonts / sizeof *fonts; k++)
        if (strcasestr(f, fonts[k])) return true;
    return false;
}

/* The format a text style gives, its parents' first. */
static unsigned text_flags(const od *c, const char *name, int depth)
{
    const xmlNode *s = style(c, name, false);
    if (!s || depth > MAX_PARENTS) return 0;
    unsigned f = text_flags(c, oct_xml_attr(s, NS_STYLE, "parent-style-name"), depth + 1);
    const xmlNode *tp = oct_xml_child(s, NS_STYLE, "text-properties");
    const char *w = oct_xml_attr(tp, NS_FO, "font-weight");
    if (w) f = !strcmp(w, "bold") || atoi(w) >= 600 ? f | DB_STRONG : f & ~(unsigned)DB_STRONG;
    const char *i = oct_xml_attr(tp, NS_FO, "font-style");
    if (i) f = strcmp(i, "normal") ? f | DB_EMPH : f & ~(unsigned)DB_EMPH;
    const char *u = oct_xml_attr(tp, NS_STYLE, "text-underline-style");
    if (u && strcmp(u, "none")) f |= DB_EMPH;
    const char *lt = oct_xml_attr(tp, NS_STYLE, "text-line-through-style");
    if (lt) f = strcmp(lt, "none") ? f | DB_STRIKE : f & ~(unsigned)DB_STRIKE;
    const char *pos = oct_xml_attr(tp, NS_STYLE, "text-position");
    if (pos) {
        f &= ~(unsigned)(DB_SUP | DB_SUB);
        if (!strncmp(pos, "super", 5) || (pos[0] != '-' && atoi(pos) > 0)) f |= DB_SUP;
        if (!strncmp(pos, "sub", 3) || pos[0] == '-') f |= DB_SUB;
    }
    const char *font = oct_xml_attr(tp, NS_STYLE, "font-name");
    if (!font) font = oct_xml_attr(tp, NS_FO, "font-family");
    if (font) f = mono(font) ? f | DB_CODE : f & ~(unsigned)DB_CODE;
    const char *nm = oct_xml_attr(s, NS_STYLE, "display-name");
    if (!nm) nm = oct_xml_attr(s, NS_STYLE, "name");
    if (nm && (strcasestr(nm, "source") || strcasestr(nm, "code") || strcasestr(nm, "preformat")))
        f |= DB_CODE;
    return f;
}

/* Whether a paragraph style, or a parent of it, is named like one of words. */
static bool named(const od *c, const char *name, const char *const *words, int depth)
{
    const xmlNode *s = style(c, name, false);
    if (!name || depth > MAX_PARENTS) return false;
    const char *dn = s ? oct_xml_attr(s, NS_STYLE, "display-name") : NULL;
    for (int k = 0; words[k]; k++)
        if (strcasestr(name, words[k]) || (dn && strcasestr(dn, words[k]))) return true;
    return s && named(c, oct_xml_attr(s, NS_STYLE, "parent-style-name"), words, depth + 1);
}

/* The heading level a paragraph style gives: its outline level, or a
 * name like "Heading 2" ("Heading_20_2" as a name), its own or a
 * parent's (LibreOffice writes a heading as text:p of a style based on
 * "Heading 1" when it imports one). */
static int style_heading(const od *c, const char *name, int depth)
{
    const xmlNode *s = style(c, name, false);
    if (!name || depth > MAX_PARENTS) return 0; /* a style not defined still has its name */
    const char *ol = oct_xml_attr(s, NS_STYLE, "default-outline-level");
    if (ol && atoi(ol) > 0) return atoi(ol) > 6 ? 6 : atoi(ol);
    const char *dn = oct_xml_attr(s, NS_STYLE, "display-name");
    int h = dn ? db_heading_name(dn) : 0;
    if (!h) {
        char plain[120];
        size_t w = 0;
        for (const char *p = name; *p && w + 1 < sizeof plain; p++) {
            if (!strncmp(p, "_20_", 4)) {
                plain[w++] = ' ';
                p += 3;
            } else
                plain[w++] = *p;
        }
        plain[w] = '\0';
        h = db_heading_name(plain);
    }
    if (h || !s) return h;
    return style_heading(c, oct_xml_attr(s, NS_STYLE, "parent-style-name"), depth + 1);
}

/* ---- numbered headings -------------------------------------------------- */

/* The level style (text:outline-level-style, text:list-level-style-number)
 * of `level` in an outline or list style. */
static const xmlNode *level_style(const xmlNode *style, int level)
{
    for (const xmlNode *l = style ? style->children : NULL; l; l = l->next) {
        const char *lv = oct_xml_attr(l, NS_TEXT, "level");
        if (l->type == XML_ELEMENT_NODE && lv && atoi(lv) == level) return l;
    }
    return NULL;
}

/* ODF's num-format ("1", "a", "A", "i", "I") as db_number_text's; 0 none. */
static char odf_number_style(const xmlNode *ls)
{
    const char *f = oct_xml_attr(ls, NS_STYLE, "num-format");
    return f && strchr("1aAiI", f[0]) && f[0] ? f[0] : 0;
}

/* A text:h counted in the outline, and the number the outline style
 * gives it ("2.1 ": its prefix, the numbers of the levels it displays
 * joined by dots, its suffix, a space) into out; nothing for a level
 * without a number format, or when the heading holds its number itself
 * (text:number, which the text keeps). */
static void outline_number(od *c, const xmlNode *h, int level, oct_buf *out)
{
    const char *sv = oct_xml_attr(h, NS_TEXT, "start-value");
    const char *header = oct_xml_attr(h, NS_TEXT, "is-list-header");
    if (header && !strcmp(header, "true")) return;
    const xmlNode *ls = level_style(c->outline, level);
    const char *rs = oct_xml_attr(h, NS_TEXT, "restart-numbering");
    int start = oct_xml_attr(ls, NS_TEXT, "start-value")
                    ? atoi(oct_xml_attr(ls, NS_TEXT, "start-value"))
                    : 1;
    int *n = c->outline_count;
    n[level] = sv && atoi(sv) > 0          ? atoi(sv)
               : rs && !strcmp(rs, "true") ? start
               : n[level] > 0              ? n[level] + 1
                                           : start;
    for (int k = level + 1; k <= 10; k++)
        n[k] = 0;
    if (!odf_number_style(ls) || oct_xml_child(h, NS_TEXT, "number")) return;
    const char *dl = oct_xml_attr(ls, NS_TEXT, "display-levels");
    int shown = dl && atoi(dl) > 1 ? atoi(dl) : 1;
    if (shown > level) shown = level;
    const char *prefix = oct_xml_attr(ls, NS_STYLE, "num-prefix");
    const char *suffix = oct_xml_attr(ls, NS_STYLE, "num-suffix");
    oct_buf_puts(out, prefix ? prefix : "");
    for (int k = level - shown + 1; k <= level; k++) {
        char st = odf_number_style(level_style(c->outline, k));
        db_number_text(n[k] > 0 ? n[k] : 1, st ? st : '1', out);
        if (k < level) oct_buf_putc(out, '.');
    }
    oct_buf_puts(out, suffix ? suffix : "");
    oct_buf_putc(out, ' ');
}

/* ---- inlines ------------------------------------------------------------ */

static void keep_text(od *c, const xmlNode *n, const char *what)
{
    db_keep_text(c->b, n, (const char *)n->name, what);
}

static void frame(od *c, const xmlNode *n)
{
    const xmlNode *img = oct_xml_find(n, NS_DRAW, "image");
    const xmlNode *box = oct_xml_find(n, NS_DRAW, "text-box");
    if (img) {
        const char *href = oct_xml_attr(img, NS_XLINK, "href");
        const xmlNode *d = oct_xml_find(n, "svg", "desc");
        if (!d) d = oct_xml_find(n, "svg", "title");
        oct_buf alt = OCT_BUF_INIT;
        if (d) oct_xml_text_to(d, &alt);
        bool linked = !href || !strncmp(href, "http:", 5) || !strncmp(href, "https:", 6) ||
                      href[0] == '/' || !strncmp(href, "../", 3) || strstr(href, "://");
        if (!linked)
            oct_doc_picture(c->b, c->doc, href[0] == '.' && href[1] == '/' ? href + 2 : href,
                            alt.data ? alt.data : "", oct_xml_line(img));
        else {
            oct_diag_report(c->b->diag, OCT_WARNING, c->b->path, oct_xml_line(img), 1,
                            "image-outside",
                            "picture '%s' is linked to a file, not embedded in the package; %s "
                            "is printed instead",
                            href ? href : "", alt.len ? "its alt text" : "\"[image]\"");
            db_picture(c->b, href ? href : "", NULL, 0, alt.data, oct_xml_line(img));
        }
        oct_buf_free(&alt);
    } else if (box)
        keep_text(c, box, "a text box");
}

static void note(od *c, const xmlNode *n, int depth)
{
    const char *id = oct_xml_attr(n, NS_TEXT, "id");
    char key[32];
    snprintf(key, sizeof key, "n%p", (const void *)n);
    oct_node *def = db_note_ref(c->b, id ? id : key, oct_xml_line(n));
    const xmlNode *body = oct_xml_child(n, NS_TEXT, "note-body");
    if (!def || !body) return;
    /* its blocks are read at once, into the definition, and the paragraph
     * goes on: keep what the builder had open */
    db saved = *c->b;
    db *b = c->b;
    b->para = b->base = NULL;
    b->nfmt = 0;
    b->pend = (oct_buf)OCT_BUF_INIT;
    b->nlists = 0;
    b->cell = NULL;
    b->table_depth = 0;
    b->code = NULL;
    b->codetext = (oct_buf)OCT_BUF_INIT;
    b->container = def;
    int ld = c->list_depth;
    bool space = c->space;
    c->list_depth = 0;
    blocks(c, body, depth + 1);
    if (b->para) db_end(b, false);
    b->container = def; /* close the code block into the note */
    db_note_end(b);
    oct_buf_free(&b->pend);
    oct_buf_free(&b->codetext);
    c->list_depth = ld;
    c->space = space;
    saved.notes = b->notes, saved.nnotes = b->nnotes, saved.capnotes = b->capnotes;
    saved.warned = b->warned, saved.note_keys = b->note_keys, saved.failed = b->failed;
    saved.total_bytes = b->total_bytes, saved.deep_warned = b->deep_warned;
    saved.dropped_comments = b->dropped_comments, saved.dropped_deleted = b->dropped_deleted;
    /* what the note's reading added to the source's bookkeeping stays */
    saved.pictures = b->pictures, saved.more_kinds = b->more_kinds;
    saved.picture_warnings = b->picture_warnings;
    *b = saved;
}

/* ODF's text is HTML's: a run of white space (line ends and indenting
 * of a pretty-printed content.xml too) is one space, and none at the
 * start of a paragraph; text:s and text:tab are its written spaces. */
static void odf_text(od *c, unsigned flags, const char *s, int line)
{
    oct_buf t = OCT_BUF_INIT;
    for (; *s; s++) {
        bool ws = *s == ' ' || *s == '\t' || *s == '\r' || *s == '\n';
        if (ws && c->space) continue;
        oct_buf_putc(&t, ws ? ' ' : *s);
        c->space = ws;
    }
    if (t.len) db_text(c->b, flags, t.data, t.len, line);
    oct_buf_free(&t);
}

static void inlines(od *c, const xmlNode *parent, unsigned flags, int depth)
{
    for (const xmlNode *n = parent->children; n; n = n->next) {
        /* a text node's line is where it ends: its element's is where it begins */
        int line = oct_xml_line(n->type == XML_ELEMENT_NODE ? n : parent);
        if (n->type == XML_TEXT_NODE && n->content) {
            odf_text(c, flags, (const char *)n->content, line);
            continue;
        }
        if (n->type == XML_ENTITY_REF_NODE) {
            db_warn_once(c->b, "entity", line, "an entity reference (&%s;) is not expanded",
                         (const char *)n->name);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) continue;
        if (oct_xml_is(n, NS_TEXT, "span")) {
            if (depth < MAX_DEPTH)
                inlines(c, n, flags | text_flags(c, oct_xml_attr(n, NS_TEXT, "style-name"), 0),
                        depth + 1);
        } else if (oct_xml_is(n, NS_TEXT, "s")) {
            const char *k = oct_xml_attr(n, NS_TEXT, "c");
            int count = k ? atoi(k) : 1;
            for (int i = 0; i < (count > 0 && count < 100 ? count : 1); i++)
                db_text(c->b, flags, " ", 1, line);
            c->space = true;
        } else if (oct_xml_is(n, NS_TEXT, "tab")) {
            db_tab(c->b, flags, line);
            c->space = true;
        } else if (oct_xml_is(n, NS_TEXT, "line-break")) {
            db_break(c->b, line);
            c->space = true;
        } else if (oct_xml_is(n, NS_TEXT, "a")) {
            const char *href = oct_xml_attr(n, NS_XLINK, "href");
            db_link_begin(c->b, href && href[0] != '#' ? href : NULL, line);
            if (depth < MAX_DEPTH) inlines(c, n, flags, depth + 1);
            db_link_end(c->b);
        } else if (oct_xml_is(n, NS_TEXT, "note")) {
            note(c, n, depth);
        } else if (oct_xml_is(n, NS_DRAW, "frame")) {
            frame(c, n);
        } else if (oct_xml_is(n, NS_OFFICE, "annotation")) {
            c->b->dropped_comments++;
        } else if (oct_xml_is(n, NS_OFFICE, "annotation-end") ||
                   oct_xml_is(n, NS_TEXT, "bookmark") || oct_xml_is(n, NS_TEXT, "bookmark-start") ||
                   oct_xml_is(n, NS_TEXT, "bookmark-end") ||
                   oct_xml_is(n, NS_TEXT, "soft-page-break") ||
                   oct_xml_is(n, NS_TEXT, "change-start") || oct_xml_is(n, NS_TEXT, "change-end") ||
                   oct_xml_is(n, NS_TEXT, "reference-mark-start") ||
                   oct_xml_is(n, NS_TEXT, "reference-mark-end")) {
        } else if (oct_xml_is(n, NS_TEXT, "change")) {
            c->b->dropped_deleted++;
        } else if (depth < MAX_DEPTH && n->ns && strstr((const char *)n->ns->href, NS_TEXT) &&
                   !oct_xml_is(n, NS_TEXT, "p") && !oct_xml_is(n, NS_TEXT, "h") &&
                   !oct_xml_is(n, NS_TEXT, "list")) {
            inlines(c, n, flags, depth + 1); /* fields: text:date, text:page-number… */
        } else
            keep_text(c, n, "an element");
    }
}

/* ---- blocks ------------------------------------------------------------- */

static const char *const PREFORMATTED_NAMES[] = {"preformat", "source", "code", NULL};
static const char *const QUOTE_NAMES[] = {"quotation", "quote", "zitat", "citation", NULL};
static const char *const TITLE_NAMES[] = {"title", "titel", NULL};
static const char *const SUBTITLE_NAMES[] = {"subtitle", "untertitel", NULL};

static void paragraph(od *c, const xmlNode *p, const db_listpos *lp, int depth)
{
    db *b = c->b;
    int line = oct_xml_line(p);
    const char *sn = oct_xml_attr(p, NS_TEXT, "style-name");
    int level = 0;
    oct_buf number = OCT_BUF_INIT;
    if (oct_xml_is(p, NS_TEXT, "h")) {
        const char *ol = oct_xml_attr(p, NS_TEXT, "outline-level");
        level = ol ? atoi(ol) : 1;
        level = level < 1 ? 1 : level > 10 ? 10 : level;
        outline_number(c, p, level, &number);
        level = level > 6 ? 6 : level;
    }
    if (!level && !lp) level = style_heading(c, sn, 0);
    bool subtitle = !level && named(c, sn, SUBTITLE_NAMES, 0);
    if (!level && !subtitle && named(c, sn, TITLE_NAMES, 0)) level = 1;
    bool code = !level && !lp && named(c, sn, PREFORMATTED_NAMES, 0);
    bool quote = !level && !lp && named(c, sn, QUOTE_NAMES, 0);
    if (quote != c->in_quote && !b->cell && !lp) {
        if (quote)
            db_blockquote_begin(b, line);
        else
            db_blockquote_end(b);
        c->in_quote = quote;
    }
    unsigned flags = level ? 0 : text_flags(c, sn, 0);
    if (subtitle) flags |= DB_EMPH;
    if (code) flags |= DB_CODE;
    db_begin(b, level ? OCT_SECTION : OCT_PARAGRAPH, level, lp, line);
    if (number.len) db_text(b, 0, number.data, number.len, line);
    oct_buf_free(&number);
    c->space = true;
    inlines(c, p, flags, depth + 1);
    if (!code && !level && !lp) code = db_all_code(b);
    db_end(b, code);
}

/* Whether level (1-based) of list style `ls` numbers its items, and from what. */
static bool list_numbered(const od *c, const char *ls, int level, int *start)
{
    const xmlNode *s = style(c, ls, true);
    *start = 1;
    for (const xmlNode *l = s ? s->children : NULL; l; l = l->next) {
        const char *lv = oct_xml_attr(l, NS_TEXT, "level");
        if (!lv || atoi(lv) != level) continue;
        const char *sv = oct_xml_attr(l, NS_TEXT, "start-value");
        if (sv && atoi(sv) > 0) *start = atoi(sv);
        const char *fmt = oct_xml_attr(l, NS_STYLE, "num-format");
        return oct_xml_is(l, NS_TEXT, "list-level-style-number") && fmt && *fmt;
    }
    return false;
}

static void list(od *c, const xmlNode *ls, const char *style_name, int depth)
{
    const char *sn = oct_xml_attr(ls, NS_TEXT, "style-name");
    if (sn) style_name = sn;
    int level = c->list_depth++;
    int start;
    bool ordered = list_numbered(c, style_name, level + 1, &start);
    int number = start - 1;
    for (const xmlNode *it = ls->children; it; it = it->next) {
        bool header = oct_xml_is(it, NS_TEXT, "list-header");
        if (!oct_xml_is(it, NS_TEXT, "list-item") && !header) continue;
        const char *sv = oct_xml_attr(it, NS_TEXT, "start-value");
        number = sv && atoi(sv) > 0 ? atoi(sv) : number + 1;
        db_listpos lp = {.level = level, .key = ls, .ordered = ordered, .number = number};
        for (const xmlNode *k = it->children; k; k = k->next) {
            if (oct_xml_is(k, NS_TEXT, "p") || oct_xml_is(k, NS_TEXT, "h")) {
                paragraph(c, k, &lp, depth + 1);
                lp.cont = true;
            } else if (oct_xml_is(k, NS_TEXT, "list") && depth < MAX_DEPTH) {
                list(c, k, style_name, depth + 1);
                lp.cont = true;
            } else if (k->type == XML_ELEMENT_NODE) {
                blocks(c, it, depth + 1); /* a table in an item: outside the list */
                break;
            }
        }
    }
    c->list_depth--;
}

static void cells(od *c, const xmlNode *row, int depth)
{
    for (const xmlNode *tc = row->children; tc; tc = tc->next) {
        bool covered = oct_xml_is(tc, NS_TABLE, "covered-table-cell");
        if (!covered && !oct_xml_is(tc, NS_TABLE, "table-cell")) continue;
        const char *rep = oct_xml_attr(tc, NS_TABLE, "number-columns-repeated");
        int times = rep && atoi(rep) > 1 ? atoi(rep) : 1;
        if (times > 64) times = 64; /* a spreadsheet's "the rest of the row" */
        /* the columns a cell spans follow it as covered cells: empty ones */
        for (int t = 0; t < times; t++) {
            db_cell_begin(c->b, 1, oct_xml_line(tc));
            if (!covered) blocks(c, tc, depth + 1);
            db_cell_end(c->b);
        }
    }
}

static void rows(od *c, const xmlNode *parent, bool header, int depth)
{
    for (const xmlNode *r = parent->children; r; r = r->next) {
        if (oct_xml_is(r, NS_TABLE, "table-header-rows"))
            rows(c, r, true, depth + 1);
        else if (oct_xml_is(r, NS_TABLE, "table-rows") ||
                 oct_xml_is(r, NS_TABLE, "table-row-group"))
            rows(c, r, header, depth + 1);
        else if (oct_xml_is(r, NS_TABLE, "table-row")) {
            db_row_begin(c->b, header, oct_xml_line(r));
            cells(c, r, depth + 1);
            db_row_end(c->b);
        }
    }
}

static void blocks(od *c, const xmlNode *parent, int depth)
{
    for (const xmlNode *n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (depth >= MAX_DEPTH)
            keep_text(c, n, "an element nested too deep,");
        else if (oct_xml_is(n, NS_TEXT, "p") || oct_xml_is(n, NS_TEXT, "h"))
            paragraph(c, n, NULL, depth);
        else if (oct_xml_is(n, NS_TEXT, "list"))
            list(c, n, NULL, depth);
        else if (oct_xml_is(n, NS_TABLE, "table")) {
            db_table_begin(c->b, oct_xml_line(n));
            rows(c, n, false, depth + 1);
            db_table_end(c->b);
        } else if (oct_xml_is(n, NS_TEXT, "section") || oct_xml_is(n, NS_TEXT, "index-body"))
            blocks(c, n, depth + 1);
        else if (oct_xml_is(n, NS_TEXT, "table-of-content")) {
            db_warn_once(c->b, "table-of-content", oct_xml_line(n),
                         "the document's own table of contents is left out (the booklet "
                         "makes one)");
        } else if (oct_xml_is(n, NS_TEXT, "sequence-decls") ||
                   oct_xml_is(n, NS_TEXT, "variable-decls") ||
                   oct_xml_is(n, NS_TEXT, "tracked-changes") || oct_xml_is(n, NS_OFFICE, "forms") ||
                   oct_xml_is(n, NS_TEXT, "soft-page-break") ||
                   oct_xml_is(n, NS_TEXT, "user-field-decls")) {
            if (oct_xml_is(n, NS_TEXT, "tracked-changes"))
                for (const xmlNode *ch = n->children; ch; ch = ch->next)
                    if (oct_xml_find(ch, NS_TEXT, "deletion")) c->b->dropped_deleted++;
        } else if (oct_xml_is(n, NS_DRAW, "frame")) {
            db_begin(c->b, OCT_PARAGRAPH, 0, NULL, oct_xml_line(n));
            frame(c, n);
            db_end(c->b, false);
        } else
            keep_text(c, n, "an element");
    }
}

int oct_odt_build(db *b, oct_doc *doc)
{
    od c = {.b = b, .doc = doc};
    load_styles(&c);
    const xmlNode *sroot = doc->styles ? xmlDocGetRootElement(doc->styles) : NULL;
    c.outline = sroot ? oct_xml_find(sroot, NS_TEXT, "outline-style") : NULL;
    b->part = "content.xml";
    const xmlNode *root = xmlDocGetRootElement(doc->main);
    const xmlNode *text = oct_xml_child(oct_xml_child(root, NS_OFFICE, "body"), NS_OFFICE, "text");
    if (!text)
        oct_diag_report(b->diag, OCT_WARNING, b->path, oct_xml_line(root), 1, "document-unknown",
                        "content.xml has no <office:text>: the document is empty");
    else
        blocks(&c, text, 1);
    if (c.in_quote) db_blockquote_end(b);
    free(c.styles);
    oct_strmap_free(&c.names);
    oct_strmap_free(&c.list_names);
    return b->failed ? -1 : 0;
}
