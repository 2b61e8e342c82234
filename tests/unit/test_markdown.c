/* Markdown → tree: every node kind, item numbers, footnotes, HTML (more
 * in test_html.c), tables, task lists, positions through a line map, nesting limits,
 * and every example of the GFM spec ingested under a structural check. */
#include "check.h"
#include "corpus.h"
#include "ingest/ingest.h"
#include "ingest/markdown.h"
#include "util/fileio.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    oct_tree *t;
    oct_diag *d;
    oct_node *ch;
} doc;

static doc ingest_opts(const char *md, bool normalize)
{
    doc r = {oct_tree_new(), oct_diag_new(NULL), NULL};
    oct_ingest_options o = {.normalize = normalize};
    r.ch = oct_ingest_source(r.t, "notes.md", md, strlen(md), NULL, &o, r.d);
    return r;
}

static doc ingest(const char *md)
{
    return ingest_opts(md, false);
}

static void release(doc *r)
{
    oct_tree_free(r->t);
    oct_diag_free(r->d);
}

/* The nth (0-based) node of kind k in preorder under root, or NULL. */
static const oct_node *find(const oct_node *root, oct_kind k, int nth)
{
    oct_iter it;
    oct_iter_init(&it, root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->kind == k && nth-- == 0) return it.cur;
    return NULL;
}

static int count(const oct_node *root, oct_kind k)
{
    int n = 0;
    while (find(root, k, n))
        n++;
    return n;
}

static int nchildren(const oct_node *n)
{
    int k = 0;
    for (const oct_node *c = n ? n->first : NULL; c; c = c->next)
        k++;
    return k;
}

static const char *text_of(const oct_node *n)
{
    return n ? n->text : NULL;
}

/* Whether some TEXT under root contains `sub`. */
static bool has_text(const oct_node *root, const char *sub)
{
    for (int i = 0; find(root, OCT_TEXT, i); i++)
        if (strstr(find(root, OCT_TEXT, i)->text, sub)) return true;
    return false;
}

static bool has_warning(const oct_diag *d, const char *code)
{
    for (size_t i = 0; i < oct_diag_size(d); i++)
        if (strcmp(oct_diag_at(d, i)->code, code) == 0) return true;
    return false;
}

/* ---- structural check ---------------------------------------------------- */

static bool holds_inlines(oct_kind k)
{
    return k == OCT_PARAGRAPH || k == OCT_SECTION || k == OCT_TABLE_CELL || k == OCT_EMPH ||
           k == OCT_STRONG || k == OCT_STRIKE || k == OCT_LINK || k == OCT_IMAGE ||
           k == OCT_SUMMARY || k == OCT_SUPERSCRIPT || k == OCT_SUBSCRIPT;
}

static bool is_leaf(oct_kind k)
{
    return k == OCT_CODE_BLOCK || k == OCT_THEMATIC_BREAK || k == OCT_TEXT || k == OCT_CODE ||
           k == OCT_FOOTNOTE_REF || k == OCT_SOFT_BREAK || k == OCT_LINE_BREAK;
}

static bool child_allowed(oct_kind parent, oct_kind child)
{
    if (is_leaf(parent)) return false;
    if (parent == OCT_LIST) return child == OCT_ITEM;
    if (parent == OCT_TABLE) return child == OCT_TABLE_ROW;
    if (parent == OCT_TABLE_ROW) return child == OCT_TABLE_CELL;
    if (holds_inlines(parent)) return oct_kind_is_inline(child);
    /* chapter, blockquote, item, footnote definition: blocks */
    return !oct_kind_is_inline(child) && child != OCT_ITEM && child != OCT_TABLE_ROW &&
           child != OCT_TABLE_CELL && child != OCT_CHAPTER && child != OCT_DOCUMENT;
}

static bool valid_text(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t len;
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (cp == OCT_REPLACEMENT_CHAR && memcmp(s + i, "\xEF\xBF\xBD", 3) != 0) return false;
        if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x80 && cp <= 0x9F)) return false;
        if (cp == 0xFFFE || cp == 0xFFFF) return false;
        i += len;
    }
    return true;
}

static const char *node_problem(const oct_node *n, const oct_node *ch, int depth)
{
    if (n->span.file != ch->span.file) return "wrong file";
    if (n->span.line < 1 || n->span.col < 1) return "no position";
    if (depth > OCT_MAX_NESTING + 4) return "too deep";
    if (n->first && n->first->prev) return "first has prev";
    if (n->last && n->last->next) return "last has next";
    for (const oct_node *c = n->first; c; c = c->next) {
        if (c->parent != n) return "bad parent link";
        if (c->next && c->next->prev != c) return "bad sibling link";
        if (!c->next && n->last != c) return "bad last link";
        if (!child_allowed(n->kind, c->kind)) return "child of wrong kind";
        if (c->kind == OCT_TEXT && c->next && c->next->kind == OCT_TEXT) return "unmerged text";
    }
    if ((n->kind == OCT_TEXT || n->kind == OCT_CODE || n->kind == OCT_CODE_BLOCK) && !n->text)
        return "missing text";
    if (n->kind == OCT_TEXT && !*n->text) return "empty text";
    if (n->text && !valid_text(n->text)) return "invalid text";
    if (n->kind == OCT_SECTION && (n->u.section.level < 1 || n->u.section.level > 6))
        return "bad level";
    if (n->kind == OCT_TABLE && (n->u.table.ncols < 1 || !n->u.table.aligns)) return "bad table";
    if (n->kind == OCT_LINK && !n->u.link.url) return "link without url";
    if (n->kind == OCT_ITEM && n->parent->u.list.ordered) {
        int i = 0;
        for (const oct_node *s = n->parent->first; s != n; s = s->next)
            i++;
        if (n->u.item.number != n->parent->u.list.start + i) return "bad item number";
    }
    return NULL;
}

/* Footnote definitions: a suffix of the chapter numbered 1..k; every
 * reference names one of them by index and label. */
static const char *footnote_problem(const oct_node *ch)
{
    int k = 0;
    bool in_defs = false;
    for (const oct_node *c = ch->first; c; c = c->next) {
        if (c->kind == OCT_FOOTNOTE_DEF) {
            in_defs = true;
            if (c->u.footnote.index != ++k || !c->u.footnote.label) return "def numbering";
        } else if (in_defs) {
            return "block after footnote definitions";
        }
    }
    for (int i = 0; find(ch, OCT_FOOTNOTE_DEF, i); i++)
        if (find(ch, OCT_FOOTNOTE_DEF, i)->parent != ch) return "nested def";
    for (int i = 0;; i++) {
        const oct_node *r = find(ch, OCT_FOOTNOTE_REF, i);
        if (!r) break;
        if (r->u.footnote.index < 1 || r->u.footnote.index > k) return "dangling ref";
        const oct_node *def = ch->first;
        while (def &&
               !(def->kind == OCT_FOOTNOTE_DEF && def->u.footnote.index == r->u.footnote.index))
            def = def->next;
        if (!def || !r->u.footnote.label || strcmp(def->u.footnote.label, r->u.footnote.label))
            return "ref label differs from def";
    }
    return NULL;
}

static const char *tree_problem(const oct_tree *t, const oct_node *ch)
{
    if (!ch) return "no chapter";
    if (ch->kind != OCT_CHAPTER || ch->parent != t->root) return "chapter not in document";
    if (ch->span.file >= t->nfiles || !ch->u.chapter.title) return "chapter attributes";
    oct_iter it;
    oct_iter_init(&it, ch);
    oct_event ev;
    int depth = -1;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev == OCT_EV_EXIT) {
            depth--;
            continue;
        }
        depth++;
        const char *p = node_problem(it.cur, ch, depth);
        if (p) return p;
    }
    return footnote_problem(ch);
}

#define CHECK_SANE(r)                                                                              \
    do {                                                                                           \
        const char *p_ = tree_problem((r).t, (r).ch);                                              \
        if (p_) fprintf(stderr, "  tree problem: %s\n", p_);                                       \
        CHECK(p_ == NULL);                                                                         \
    } while (0)

/* ---- node kinds ------------------------------------------------------------ */

static void test_blocks(void)
{
    doc r = ingest("# One *big*\n\nSetext\n------\n\n### Three\n\npara one\nline two\n\n"
                   "***\n\n> quoted\n> text\n\n```python  extra words\nprint(1)\n\n```\n\n"
                   "    indented\n    code\n");
    CHECK_SANE(r);
    const oct_node *c = r.ch;
    CHECK(nchildren(c) == 8);
    const oct_node *h1 = find(c, OCT_SECTION, 0), *h2 = find(c, OCT_SECTION, 1);
    CHECK(h1 && h1->u.section.level == 1 && h1->span.line == 1);
    CHECK(h1 && h1->last && h1->last->kind == OCT_EMPH);
    CHECK(h2 && h2->u.section.level == 2 && h2->span.line == 3);
    CHECK(find(c, OCT_SECTION, 2) && find(c, OCT_SECTION, 2)->u.section.level == 3);
    const oct_node *p = find(c, OCT_PARAGRAPH, 0);
    CHECK(p && p->span.line == 8 && nchildren(p) == 3);
    CHECK(p && p->first->next->kind == OCT_SOFT_BREAK);
    CHECK(p && p->last->span.line == 9);
    CHECK(count(c, OCT_THEMATIC_BREAK) == 1);
    const oct_node *q = find(c, OCT_BLOCKQUOTE, 0);
    CHECK(q && q->first && q->first->kind == OCT_PARAGRAPH && q->span.line == 13);
    const oct_node *code = find(c, OCT_CODE_BLOCK, 0);
    CHECK_STR(text_of(code), "print(1)\n");
    CHECK_STR(code ? code->u.code.lang : NULL, "python");
    CHECK(code && code->span.line == 16);
    const oct_node *ind = find(c, OCT_CODE_BLOCK, 1);
    CHECK_STR(text_of(ind), "indented\ncode");
    CHECK(ind && (!ind->u.code.lang || !*ind->u.code.lang));
    CHECK_STR(c->u.chapter.title, "One big");
    CHECK(oct_diag_size(r.d) == 0);
    release(&r);
}

static void test_lists(void)
{
    doc r = ingest("14. fourteen\n15. fifteen\n\n"
                   "- a\n- b\n\n\n"
                   "1) x\n2) y\n\n"
                   "0. zero\n\n   para\n1. one\n\n"
                   "- outer\n\n  3. in\n  4. in2\n");
    CHECK_SANE(r);
    const oct_node *l = find(r.ch, OCT_LIST, 0);
    CHECK(l && l->u.list.ordered && l->u.list.start == 14 && l->u.list.tight);
    CHECK(l && l->u.list.delim == '.');
    CHECK(l && nchildren(l) == 2 && l->first->u.item.number == 14 && l->last->u.item.number == 15);
    const oct_node *b = find(r.ch, OCT_LIST, 1);
    CHECK(b && !b->u.list.ordered && b->first->u.item.number == 0);
    CHECK(b && b->first->u.item.task == OCT_TASK_NONE);
    const oct_node *paren = find(r.ch, OCT_LIST, 2);
    CHECK(paren && paren->u.list.delim == ')' && paren->u.list.start == 1);
    const oct_node *loose = find(r.ch, OCT_LIST, 3);
    CHECK(loose && !loose->u.list.tight && loose->u.list.start == 0);
    CHECK(loose && loose->last->u.item.number == 1 && nchildren(loose->first) == 2);
    const oct_node *inner = find(r.ch, OCT_LIST, 5);
    CHECK(inner && inner->parent->kind == OCT_ITEM && inner->u.list.start == 3);
    CHECK(inner && inner->last->u.item.number == 4 && inner->last->span.line == 19);
    release(&r);
}

static void test_tasklist(void)
{
    doc r = ingest("- [ ] open\n- [x] done\n- [X] done too\n- plain\n");
    CHECK_SANE(r);
    const oct_node *l = find(r.ch, OCT_LIST, 0);
    CHECK(l && nchildren(l) == 4);
    CHECK(find(r.ch, OCT_ITEM, 0)->u.item.task == OCT_TASK_OPEN);
    CHECK(find(r.ch, OCT_ITEM, 1)->u.item.task == OCT_TASK_DONE);
    CHECK(find(r.ch, OCT_ITEM, 2)->u.item.task == OCT_TASK_DONE);
    CHECK(find(r.ch, OCT_ITEM, 3)->u.item.task == OCT_TASK_NONE);
    CHECK_STR(text_of(find(find(r.ch, OCT_ITEM, 0), OCT_TEXT, 0)), "open");
    release(&r);
}

static void test_tables(void)
{
    doc r = ingest("| Left | Mid | Right | None |\n|:-----|:---:|------:|------|\n"
                   "| a *b* | `c` | d \\| e | |\n| only |\n");
    CHECK_SANE(r);
    const oct_node *tb = find(r.ch, OCT_TABLE, 0);
    CHECK(tb && tb->u.table.ncols == 4);
    if (tb && tb->u.table.ncols == 4) {
        CHECK(tb->u.table.aligns[0] == OCT_ALIGN_LEFT);
        CHECK(tb->u.table.aligns[1] == OCT_ALIGN_CENTER);
        CHECK(tb->u.table.aligns[2] == OCT_ALIGN_RIGHT);
        CHECK(tb->u.table.aligns[3] == OCT_ALIGN_NONE);
    }
    CHECK(tb && nchildren(tb) == 3);
    const oct_node *hdr = tb ? tb->first : NULL;
    CHECK(hdr && hdr->kind == OCT_TABLE_ROW && hdr->u.row.header && nchildren(hdr) == 4);
    const oct_node *row = hdr ? hdr->next : NULL;
    CHECK(row && !row->u.row.header && row->span.line == 3);
    CHECK(row && row->first->last && row->first->last->kind == OCT_EMPH);
    CHECK_STR(text_of(find(row, OCT_CODE, 0)), "c");
    CHECK_STR(text_of(find(row->first->next->next, OCT_TEXT, 0)), "d | e");
    CHECK_STR(text_of(find(hdr, OCT_TEXT, 0)), "Left");
    release(&r);
}

static void test_inlines(void)
{
    doc r = ingest("*em* **strong** ~~gone~~ `co de` [link](http://x.org \"T\") "
                   "![alt *x*](img.png) <https://auto.link> www.example.com &amp; &copy;\n"
                   "hard  \nbreak\\\nend\n");
    CHECK_SANE(r);
    const oct_node *p = find(r.ch, OCT_PARAGRAPH, 0);
    CHECK_STR(text_of(find(p, OCT_EMPH, 0) ? find(p, OCT_EMPH, 0)->first : NULL), "em");
    CHECK_STR(text_of(find(p, OCT_STRONG, 0) ? find(p, OCT_STRONG, 0)->first : NULL), "strong");
    CHECK_STR(text_of(find(p, OCT_STRIKE, 0) ? find(p, OCT_STRIKE, 0)->first : NULL), "gone");
    CHECK_STR(text_of(find(p, OCT_CODE, 0)), "co de");
    const oct_node *ln = find(p, OCT_LINK, 0);
    CHECK_STR(ln ? ln->u.link.url : NULL, "http://x.org");
    CHECK_STR(ln ? ln->u.link.title : NULL, "T");
    CHECK_STR(text_of(ln ? ln->first : NULL), "link");
    const oct_node *img = find(p, OCT_IMAGE, 0);
    CHECK_STR(img ? img->u.link.url : NULL, "img.png");
    CHECK(img && img->first && img->last->kind == OCT_EMPH);
    CHECK_STR(find(p, OCT_LINK, 1) ? find(p, OCT_LINK, 1)->u.link.url : NULL, "https://auto.link");
    CHECK_STR(find(p, OCT_LINK, 2) ? find(p, OCT_LINK, 2)->u.link.url : NULL,
              "http://www.example.com");
    CHECK(count(p, OCT_LINE_BREAK) == 2 && count(p, OCT_SOFT_BREAK) == 1);
    CHECK(find(p, OCT_LINE_BREAK, 0)->span.line == 2);
    const oct_node *end = p ? p->last : NULL;
    CHECK_STR(text_of(end), "end");
    CHECK(end && end->span.line == 4 && end->span.col == 1);
    CHECK(has_text(p, " & \xC2\xA9"));
    release(&r);
}

/* HTML elements become structure (html.h); a tag of no HTML element stays
 * text, and <script> goes with its content. */
static void test_html_structure(void)
{
    doc r = ingest("Authorization: Token <token>\n\n<div class=\"x\">\n<b>bold</b> & <token>\n"
                   "</div>\n\nsay <em>hi</em> <!-- note --> now\n\n<script>alert(1)</script>\n");
    CHECK_SANE(r);
    const oct_node *p = find(r.ch, OCT_PARAGRAPH, 0);
    CHECK(p && nchildren(p) == 1);
    CHECK_STR(text_of(p ? p->first : NULL), "Authorization: Token <token>");
    const oct_node *blk = find(r.ch, OCT_PARAGRAPH, 1);
    CHECK(blk && nchildren(blk) == 2 && blk->span.line == 4);
    CHECK(blk && blk->first->kind == OCT_STRONG);
    CHECK_STR(text_of(blk ? blk->first->first : NULL), "bold");
    CHECK_STR(text_of(blk ? blk->last : NULL), " & <token>");
    const oct_node *inl = find(r.ch, OCT_PARAGRAPH, 2);
    CHECK(inl && nchildren(inl) == 3 && inl->first->next->kind == OCT_EMPH);
    CHECK_STR(text_of(inl ? inl->first : NULL), "say ");
    CHECK_STR(text_of(inl ? inl->last : NULL), " now");
    CHECK(find(r.ch, OCT_PARAGRAPH, 3) == NULL); /* the script is gone */
    CHECK(!has_text(r.ch, "alert"));
    release(&r);
}

static void test_footnotes(void)
{
    doc r = ingest("Second[^b], first[^a], again[^B] and none[^nope].\n\n"
                   "[^a]: Alpha.\n\n"
                   "> [^b]: Beta in a quote\n>     with more[^a].\n\n"
                   "[^unused]: Never cited.\n\n"
                   "Tail paragraph.\n");
    CHECK_SANE(r);
    const oct_node *c = r.ch;
    CHECK(count(c, OCT_FOOTNOTE_DEF) == 3);
    CHECK(count(c, OCT_FOOTNOTE_REF) == 4);
    const oct_node *r0 = find(c, OCT_FOOTNOTE_REF, 0), *r1 = find(c, OCT_FOOTNOTE_REF, 1),
                   *r2 = find(c, OCT_FOOTNOTE_REF, 2);
    CHECK(r0 && r0->u.footnote.index == 1);
    CHECK_STR(r0 ? r0->u.footnote.label : NULL, "b");
    CHECK(r1 && r1->u.footnote.index == 2);
    CHECK_STR(r1 ? r1->u.footnote.label : NULL, "a");
    CHECK(r2 && r2->u.footnote.index == 1); /* labels match without case */
    CHECK(r0 && r0->span.line == 1 && r0->span.col == 7);
    const oct_node *p = find(c, OCT_PARAGRAPH, 0);
    CHECK(p && strstr(text_of(p->last) ? text_of(p->last) : "", "none[^nope].") != NULL);
    /* Definitions: last, in order, the unused one kept after a warning. */
    const oct_node *d1 = c->last ? c->last->prev->prev : NULL;
    CHECK(d1 && d1->kind == OCT_FOOTNOTE_DEF && d1->u.footnote.index == 1);
    CHECK_STR(d1 ? d1->u.footnote.label : NULL, "b");
    CHECK(d1 && d1->span.line == 5 && d1->span.col == 3);
    CHECK_STR(text_of(find(d1, OCT_TEXT, 0)), "Beta in a quote");
    const oct_node *d3 = c->last;
    CHECK(d3 && d3->kind == OCT_FOOTNOTE_DEF && d3->u.footnote.index == 3);
    CHECK_STR(d3 ? d3->u.footnote.label : NULL, "unused");
    CHECK_STR(text_of(find(d3, OCT_TEXT, 0)), "Never cited.");
    CHECK(has_warning(r.d, "unused-footnote") && oct_diag_size(r.d) == 1);
    CHECK(oct_diag_size(r.d) && oct_diag_at(r.d, 0)->line == 8);
    /* The quote that held [^b] stays (empty), and so does the tail. */
    const oct_node *tail = c->last ? c->last->prev->prev->prev : NULL;
    CHECK(tail && tail->kind == OCT_PARAGRAPH && tail->span.line == 10);
    CHECK(find(c, OCT_BLOCKQUOTE, 0) && !find(c, OCT_BLOCKQUOTE, 0)->first);
    release(&r);

    /* Only unused definitions, in a list and with odd labels. */
    r = ingest("- [^x-1]: in a list\n\n[^Y]: top\n\n```\n[^code]: not a definition\n```\n");
    CHECK_SANE(r);
    CHECK(count(r.ch, OCT_FOOTNOTE_DEF) == 2);
    CHECK(oct_diag_count(r.d, OCT_WARNING) == 2);
    CHECK_STR(text_of(find(r.ch, OCT_CODE_BLOCK, 0)), "[^code]: not a definition");
    CHECK(find(r.ch, OCT_PARAGRAPH, 0) == NULL ||
          find(r.ch, OCT_PARAGRAPH, 0)->parent->kind == OCT_FOOTNOTE_DEF);
    release(&r);
}

static void test_text_merged(void)
{
    doc r = ingest("a <T> c &amp; d\\* [not a link] e_f_g <!-- x --> h\n");
    CHECK_SANE(r);
    const oct_node *p = find(r.ch, OCT_PARAGRAPH, 0);
    CHECK(p && nchildren(p) == 1);
    CHECK_STR(text_of(p ? p->first : NULL), "a <T> c & d* [not a link] e_f_g h");
    release(&r);
}

static void test_parser_made_characters(void)
{
    /* Character references to code points XML cannot carry. */
    doc r = ingest("a &#1; b &#x85; c &#xFFFE; d &#9; &#13;\n\n&#1;\n\n[x](/&#2; \"&#3;t\")\n");
    CHECK_SANE(r);
    /* (cmark writes U+FFFE as a lone byte 0xFE: that becomes U+FFFD) */
    CHECK_STR(text_of(find(r.ch, OCT_TEXT, 0)), "a  b  c \xEF\xBF\xBD d \t ");
    CHECK(count(r.ch, OCT_PARAGRAPH) == 3 && nchildren(find(r.ch, OCT_PARAGRAPH, 1)) == 0);
    CHECK_STR(find(r.ch, OCT_LINK, 0) ? find(r.ch, OCT_LINK, 0)->u.link.title : NULL, "t");
    CHECK(oct_diag_size(r.d) == 1 && has_warning(r.d, "invalid-character"));
    release(&r);
    /* cmark-gfm 0.29.0.gfm.6 cuts a footnote label that spans two lines by
     * byte count, inside a character: the tree must stay valid UTF-8. */
    r = ingest("^^[^\t\xc5\x87:\n#.\xcb\x9b\xc4\xbd<*Z_|-\xc3\xa7T%\xcb\x9b"
               "a!\xc5\x9e\\(|(]\n");
    CHECK_SANE(r);
    release(&r);
}

static void test_line_map(void)
{
    /* The normalizer's line map: text line i+1 came from source line map[i]. */
    static const int map[] = {10, 11, 12, 30, 31, 32, 33};
    const char *md = "# Head\n\npara *em*\n\n- item\n  more\n\n";
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    unsigned f = oct_tree_add_file(t, "x.txt");
    oct_node *ch = oct_node_new(t, OCT_CHAPTER, (oct_span){f, 1, 1});
    oct_node_append(t->root, ch);
    oct_markdown_source src = {"x.txt", f, map, sizeof map / sizeof *map};
    CHECK(oct_markdown_parse(t, ch, &src, md, strlen(md), d) == 0);
    CHECK(find(ch, OCT_SECTION, 0) && find(ch, OCT_SECTION, 0)->span.line == 10);
    CHECK(find(ch, OCT_TEXT, 0) && find(ch, OCT_TEXT, 0)->span.line == 10);
    CHECK(find(ch, OCT_PARAGRAPH, 0) && find(ch, OCT_PARAGRAPH, 0)->span.line == 12);
    const oct_node *em = find(ch, OCT_EMPH, 0);
    CHECK(em && em->span.line == 12 && em->span.col == 6);
    CHECK(find(ch, OCT_ITEM, 0) && find(ch, OCT_ITEM, 0)->span.line == 31);
    const oct_node *more = find(find(ch, OCT_ITEM, 0), OCT_TEXT, 1);
    CHECK_STR(text_of(more), "more");
    CHECK(more && more->span.line == 32 && more->span.file == f);
    /* Without a map, lines are the text's own. */
    oct_node *ch2 = oct_node_new(t, OCT_CHAPTER, (oct_span){f, 1, 1});
    oct_node_append(t->root, ch2);
    oct_markdown_source plain = {"x.txt", f, NULL, 0};
    CHECK(oct_markdown_parse(t, ch2, &plain, md, strlen(md), d) == 0);
    CHECK(find(ch2, OCT_ITEM, 0) && find(ch2, OCT_ITEM, 0)->span.line == 5);
    oct_tree_free(t);
    oct_diag_free(d);
}

static void test_crlf_positions(void)
{
    doc r = ingest("\xEF\xBB\xBFone\r\n\r\ntwo \xFF\r\nthree");
    CHECK_SANE(r);
    const oct_node *p = find(r.ch, OCT_PARAGRAPH, 1);
    CHECK(p && p->span.line == 3 && p->last->span.line == 4);
    CHECK(has_warning(r.d, "invalid-utf8"));
    CHECK(oct_diag_size(r.d) && oct_diag_at(r.d, 0)->line == 3 && oct_diag_at(r.d, 0)->col == 5);
    release(&r);
}

static void test_titles(void)
{
    doc r = ingest("Intro line\n\n# Later heading\n");
    CHECK_STR(r.ch ? r.ch->u.chapter.title : NULL, "notes");
    release(&r);
    r = ingest("## Not level one\n");
    CHECK_STR(r.ch ? r.ch->u.chapter.title : NULL, "notes");
    release(&r);
    r = ingest("#   Spaced `code` title   \n\nbody\n");
    CHECK_STR(r.ch ? r.ch->u.chapter.title : NULL, "Spaced code title");
    CHECK(r.ch && r.ch->first && r.ch->first->kind == OCT_SECTION); /* heading kept */
    release(&r);
    /* a README's logo and badge beside the name: the name is the title */
    r = ingest("# ![fastkv logo](logo.png) fastkv "
               "[![build](https://ci.example.org/b.svg)](https://ci.example.org)\n");
    CHECK_STR(r.ch ? r.ch->u.chapter.title : NULL, "fastkv");
    release(&r);
    r = ingest("# ![Cell biology](banner.png)\n"); /* nothing else: its alt text */
    CHECK_STR(r.ch ? r.ch->u.chapter.title : NULL, "Cell biology");
    release(&r);

    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_ingest_options o = {.normalize = false};
    oct_node *a = oct_ingest_source(t, "dir/sub/notes-on_x.md", "text", 4, NULL, &o, d);
    oct_node *b = oct_ingest_source(t, "y.md", "# Heading\n", 10, "Given", &o, d);
    oct_node *c = oct_ingest_source(t, "dir/.hidden", "", 0, NULL, &o, d);
    oct_node *e = oct_ingest_source(t, "--.md", "", 0, NULL, &o, d);
    CHECK_STR(a ? a->u.chapter.title : NULL, "notes on x");
    CHECK_STR(b ? b->u.chapter.title : NULL, "Given");
    CHECK_STR(c ? c->u.chapter.title : NULL, ".hidden");
    CHECK(e && e->u.chapter.title && *e->u.chapter.title);
    CHECK(t->nfiles == 4 && strcmp(t->files[0], "dir/sub/notes-on_x.md") == 0);
    CHECK(a && b && a->span.file == 0 && b->span.file == 1);
    CHECK(nchildren(t->root) == 4 && t->root->first == a);
    oct_tree_free(t);
    oct_diag_free(d);
}

/* ---- robustness -------------------------------------------------------------- */

static char *repeat(const char *unit, int n, const char *tail)
{
    oct_buf b = OCT_BUF_INIT;
    for (int i = 0; i < n; i++)
        oct_buf_puts(&b, unit);
    oct_buf_puts(&b, tail);
    return oct_buf_detach(&b);
}

static void test_nesting(void)
{
    char *quotes = repeat(">", 200, " deep *text*\n");
    doc r = ingest(quotes);
    CHECK_SANE(r);
    CHECK(count(r.ch, OCT_BLOCKQUOTE) <= OCT_MAX_NESTING);
    CHECK(count(r.ch, OCT_BLOCKQUOTE) >= OCT_MAX_NESTING - 1);
    CHECK(strstr(oct_node_plain_text(r.t->arena, r.ch), "deep text") != NULL);
    CHECK(oct_diag_size(r.d) == 1 && has_warning(r.d, "limit-nesting"));
    release(&r);
    free(quotes);

    oct_buf b = OCT_BUF_INIT;
    for (int i = 0; i < 150; i++) {
        for (int k = 0; k < i; k++)
            oct_buf_puts(&b, "  ");
        oct_buf_printf(&b, "- [x] item%d\n", i);
    }
    r = ingest(b.data);
    CHECK_SANE(r);
    CHECK(count(r.ch, OCT_LIST) < OCT_MAX_NESTING);
    char *plain = oct_node_plain_text(r.t->arena, r.ch);
    CHECK(strstr(plain, "item0") && strstr(plain, "item100") && strstr(plain, "item149"));
    CHECK(oct_diag_count(r.d, OCT_WARNING) == 1);
    release(&r);
    oct_buf_free(&b);

    /* Emphasis and images nest without limit in CommonMark. */
    for (int i = 0; i < 100; i++)
        oct_buf_puts(&b, i % 2 ? "_a " : "*a ");
    oct_buf_puts(&b, "x");
    for (int i = 99; i >= 0; i--)
        oct_buf_puts(&b, i % 2 ? "b_ " : "b* ");
    oct_buf_puts(&b, "\n\n");
    for (int i = 0; i < 200; i++)
        oct_buf_puts(&b, "![");
    oct_buf_puts(&b, "y");
    for (int i = 0; i < 200; i++)
        oct_buf_puts(&b, "](u)");
    oct_buf_puts(&b, "\n");
    r = ingest(b.data);
    CHECK_SANE(r);
    CHECK(count(r.ch, OCT_EMPH) > 40 && count(r.ch, OCT_IMAGE) > 40);
    CHECK(has_text(r.ch, "x") && has_text(r.ch, "y"));
    CHECK(oct_diag_size(r.d) == 1 && has_warning(r.d, "limit-nesting"));
    release(&r);
    oct_buf_free(&b);

    char *mixed = repeat("> - ", 120, "x\n");
    r = ingest(mixed);
    CHECK_SANE(r);
    CHECK(strstr(oct_node_plain_text(r.t->arena, r.ch), "x") != NULL);
    release(&r);
    free(mixed);
}

static void test_wide_tables(void)
{
    /* 128 columns is the limit: no warning, all cells. */
    char *head = repeat("|h", 128, "|\n"), *delim = repeat("|-", 128, "|\n");
    char *row = repeat("|c", 128, "|\n");
    oct_buf b = OCT_BUF_INIT;
    oct_buf_printf(&b, "%s%s%s", head, delim, row);
    doc r = ingest(b.data);
    CHECK_SANE(r);
    const oct_node *tb = find(r.ch, OCT_TABLE, 0);
    CHECK(tb && tb->u.table.ncols == 128 && nchildren(tb->last) == 128);
    CHECK(oct_diag_size(r.d) == 0);
    release(&r);

    /* A row of 20000 cells: cmark-gfm is quadratic in them, so the excess
     * is one cell's text; code keeps its pipes unescaped. */
    char *wide = repeat("|x", 20000, "|\n");
    oct_buf_clear(&b);
    oct_buf_printf(&b, "|a|b|\n|-|-|\n%s\n```\n%s```\n", wide, wide);
    r = ingest(b.data);
    CHECK_SANE(r);
    tb = find(r.ch, OCT_TABLE, 0);
    CHECK(tb && tb->u.table.ncols == 2 && nchildren(tb) == 2);
    CHECK(has_warning(r.d, "limit-table-columns") && has_warning(r.d, "table-extra-cells"));
    CHECK(oct_diag_size(r.d) == 2);
    CHECK(oct_diag_size(r.d) && oct_diag_at(r.d, 0)->line == 3);
    const oct_node *code = find(r.ch, OCT_CODE_BLOCK, 0);
    CHECK(code && strlen(code->text) == strlen(wide) - 1 && !strchr(code->text, '\\'));
    release(&r);

    /* Past 128 columns the table stays one: its last column holds the
     * rest of each row, the header's and the delimiter row's too. */
    char *widehead = repeat("|h", 300, "|\n"), *widedelim = repeat("|-", 300, "|\n");
    oct_buf_clear(&b);
    oct_buf_printf(&b, "%s%s%s", widehead, widedelim, row);
    r = ingest(b.data);
    CHECK_SANE(r);
    tb = find(r.ch, OCT_TABLE, 0);
    CHECK(tb && tb->u.table.ncols == 128 && nchildren(tb) == 2);
    CHECK(has_warning(r.d, "limit-table-columns"));
    release(&r);
    oct_buf_free(&b);
    free(head);
    free(delim);
    free(row);
    free(wide);
    free(widehead);
    free(widedelim);
}

static void test_one_parser_per_source(void)
{
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_ingest_options o = {.normalize = false};
    const char *a = "Text\n\n```\nunclosed fence\n", *b = "# Second\n\n<pre>\n", *c = "Third *x*\n";
    oct_node *ca = oct_ingest_source(t, "a.md", a, strlen(a), NULL, &o, d);
    oct_node *cb = oct_ingest_source(t, "b.md", b, strlen(b), NULL, &o, d);
    oct_node *cc = oct_ingest_source(t, "c.md", c, strlen(c), NULL, &o, d);
    CHECK_STR(text_of(find(ca, OCT_CODE_BLOCK, 0)), "unclosed fence");
    CHECK(cb && cb->first && cb->first->kind == OCT_SECTION);
    CHECK_STR(cb ? cb->u.chapter.title : NULL, "Second");
    CHECK(cc && find(cc, OCT_EMPH, 0) != NULL);
    CHECK(cc && cc->span.file == 2 && find(cc, OCT_EMPH, 0)->span.file == 2);
    oct_tree_free(t);
    oct_diag_free(d);
}

static void test_too_large(void)
{
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_node *ch =
        oct_ingest_source(t, "huge.md", "x", (size_t)OCT_MAX_SOURCE_BYTES + 1, NULL, NULL, d);
    CHECK(ch == NULL && t->root->first == NULL);
    CHECK(oct_diag_count(d, OCT_ERROR) == 1 && has_warning(d, "limit-source-size"));
    oct_tree_free(t);
    oct_diag_free(d);
}

/* ---- the spec examples as a corpus ------------------------------------------ */

typedef struct {
    const char *path;
    int bad;
} spec_run;

/* Every example through ingest (with and without the normalizer) under the
 * structural check. */
static void ingest_example(const char *md, size_t len, int number, void *arg)
{
    spec_run *run = arg;
    (void)len;
    for (int norm = 0; norm < 2; norm++) {
        doc r = ingest_opts(md, norm);
        const char *problem = tree_problem(r.t, r.ch);
        if (problem && run->bad++ < 10)
            fprintf(stderr, "%s: example %d (normalize=%d): %s\n", run->path, number, norm,
                    problem);
        release(&r);
    }
}

static int run_spec_file(const char *path)
{
    spec_run run = {path, 0};
    int examples = corpus_examples(path, ingest_example, &run);
    if (examples < 0) fprintf(stderr, "cannot read %s\n", path);
    CHECK(run.bad == 0);
    printf("%s: %d examples ingested\n", path, examples);
    return examples;
}

/* Random documents from markdown's special characters, bad bytes
 * included (fixed seed: failures reproduce). */
static void test_random_documents(void)
{
    static const char *const atoms[] = {
        "*",     "_",     "~~",       "`",      "```\n", "[",
        "]",     "(",     ")",        "![",     "[^a]",  "[^a]: ",
        "<b>",   "</b>",  "<div>\n",  "|",      "|-|\n", "> ",
        "- ",    "1. ",   "14) ",     "- [x] ", "# ",    "\n",
        "\n\n",  "    ",  "\t",       "\\",     "&amp;", "http://x.y ",
        "word ", "\xFF",  "\xC2\x85", "\r\n",   "\r",    "\xED\xA0\x80",
        "\x01",  "===\n", "---\n",    "<!--",   "-->"};
    unsigned seed = 12345;
    int bad = 0;
    for (int doc_i = 0; doc_i < 3000; doc_i++) {
        oct_buf b = OCT_BUF_INIT;
        int natoms = (int)(seed % 60) + 1;
        for (int k = 0; k < natoms; k++) {
            seed = seed * 1103515245u + 12345u;
            oct_buf_puts(&b, atoms[(seed >> 16) % (sizeof atoms / sizeof *atoms)]);
        }
        doc r = ingest_opts(b.data, doc_i % 2);
        const char *p = tree_problem(r.t, r.ch);
        if (p && bad++ < 5) fprintf(stderr, "random document %d: %s\n", doc_i, p);
        release(&r);
        oct_buf_free(&b);
    }
    CHECK(bad == 0);
}

/* The CommonMark spec (npm) always; the GFM spec files when they are there. */
static void test_gfm_spec(void)
{
    static const int MIN_EXAMPLES[CORPUS_COUNT] = {640, 600, 20};
    char path[4200];
    for (corpus_id id = 0; id < CORPUS_COUNT; id++)
        if (corpus_path(id, path, sizeof path)) CHECK(run_spec_file(path) >= MIN_EXAMPLES[id]);
}

int main(void)
{
    test_blocks();
    test_lists();
    test_tasklist();
    test_tables();
    test_inlines();
    test_html_structure();
    test_footnotes();
    test_text_merged();
    test_parser_made_characters();
    test_line_map();
    test_crlf_positions();
    test_titles();
    test_nesting();
    test_wide_tables();
    test_one_parser_per_source();
    test_too_large();
    test_random_documents();
    test_gfm_spec();
    return check_done();
}
