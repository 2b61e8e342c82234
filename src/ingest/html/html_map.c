#include "ingest/html/html_int.h"
#include "ingest/ingest.h"
#include "tree/anchors.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The tree side of the HTML mapper: SAX events become nodes.
 *
 * Every libxml2 start event pushes an entry and every end event pops the
 * entries from its depth up, so the stack follows libxml2's even where
 * libxml2 closes elements the source left open. An entry either made a
 * node (content goes there) or is transparent (<div>, <span>, unknown
 * elements, elements inside a dropped one). A block element met where only
 * inlines may go (<p> or <h3> inside <summary>, a list in a cell) is
 * transparent too, after a line break; text met where only blocks may go
 * opens an implicit paragraph (entries of role H_IMPLICIT, closed with
 * their container or before the next block). */

static bool holds_blocks(oct_kind k)
{
    switch (k) {
    case OCT_DOCUMENT:
    case OCT_PART:
    case OCT_CHAPTER:
    case OCT_DETAILS:
    case OCT_BLOCKQUOTE:
    case OCT_ITEM:
    case OCT_ANSWER:
    case OCT_FOOTNOTE_DEF:
    case OCT_FIGURE:
        return true;
    default:
        return false;
    }
}

static bool holds_inlines(oct_kind k)
{
    switch (k) {
    case OCT_PARAGRAPH:
    case OCT_SECTION:
    case OCT_SUMMARY:
    case OCT_TABLE_CELL:
    case OCT_QUESTION:
        return true;
    default:
        /* inline containers; TEXT, CODE, breaks and references are leaves */
        return oct_kind_is_inline(k) && k != OCT_TEXT && k != OCT_CODE && k != OCT_INDEX_TERM &&
               k != OCT_SOFT_BREAK && k != OCT_LINE_BREAK && k != OCT_FOOTNOTE_REF;
    }
}

oct_node *oct_html_target(const oct_html *h, size_t owner, oct_node *base)
{
    if (!h) return base;
    for (size_t i = h->n; i-- > 0;) {
        if (h->st[i].owner < owner) break;
        if (h->st[i].owner != owner) continue;
        size_t r = h->st[i].reach;
        if (r == SIZE_MAX) break;
        /* Markdown text inside an inline <video>…</video>: dropped too */
        return h->st[r].role == H_DROP ? h->sink : h->st[r].node;
    }
    return base;
}

static oct_node *inline_parent(oct_html *h);

oct_node *oct_html_inline_target(oct_html *h, size_t owner, oct_node *base)
{
    oct_node *d = oct_html_target(h, owner, base);
    if (!h || d == base || holds_inlines(d->kind)) return d;
    h->owner = owner;
    h->base = base;
    return inline_parent(h);
}

static oct_node *dest(const oct_html *h)
{
    return oct_html_target(h, h->owner, h->base);
}

static h_entry *push(oct_html *h, h_role role, const char *name, oct_node *node, int xdepth)
{
    OCT_GROW(h->st, h->cap, h->n + 1);
    size_t at = h->n++, below = at;
    while (below > 0 && h->st[below - 1].owner > h->owner) /* a deeper frame's, left open */
        below--;
    size_t reach =
        below > 0 && h->st[below - 1].owner == h->owner ? h->st[below - 1].reach : SIZE_MAX;
    h_entry *e = &h->st[at];
    *e = (h_entry){.role = role,
                   .name = name,
                   .node = node,
                   .owner = h->owner,
                   .xdepth = xdepth,
                   .feed = h->feeds,
                   .reach = node || role == H_DROP ? at : reach};
    if (node) h->real++;
    return e;
}

/* ---- text ------------------------------------------------------------------ */

/* Text is merged into the TEXT before it only while that is shorter than
 * this: thousands of empty elements in a row cannot make it quadratic. */
#define MERGE_MAX 4096

void oct_html_flush(oct_html *h)
{
    if (!h->text.len || !h->text_parent) {
        oct_buf_clear(&h->text);
        return;
    }
    char *s = oct_html_clean(h, h->text.data, h->text.len, h->text_span);
    oct_buf_clear(&h->text);
    oct_node *l = h->text_parent->last;
    if (!*s) return;
    /* adjacent text is one node (up to a size: merging copies) */
    if (l && l->kind == OCT_TEXT && l->text && strlen(l->text) < MERGE_MAX)
        l->text = oct_arena_printf(h->env.t->arena, "%s%s", l->text, s);
    else
        oct_node_append(h->text_parent,
                        oct_node_new_text(h->env.t, OCT_TEXT, h->text_span, s, strlen(s)));
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* A text run may start with a blank only after other content of its line. */
static bool at_line_start(const oct_html *h, const oct_node *p)
{
    if (h->text.len) return h->text.data[h->text.len - 1] == ' ';
    const oct_node *l = p->last;
    if (!l || l->kind == OCT_LINE_BREAK) return true;
    return l->kind == OCT_TEXT && l->text && *l->text && l->text[strlen(l->text) - 1] == ' ';
}

/* Where text s[0..n) from libxml2 starts: it hands text over once it has read past
 * it, so its line count already includes the newlines after the text's
 * first visible character. */
static oct_span text_start(const oct_html *h, const char *s, size_t n)
{
    oct_span sp = oct_html_here(h);
    if (h->inline_frag) return sp; /* positions come from cmark there */
    size_t i = 0;
    while (i < n && is_space(s[i]))
        i++;
    for (; i < n; i++)
        if (s[i] == '\n' && sp.line > 1) sp.line--;
    return sp;
}

/* Appends text that starts at sp to p's pending TEXT. */
static void put_text_at(oct_html *h, oct_node *p, const char *s, size_t n, bool collapse,
                        oct_span sp)
{
    if (h->text_parent != p || (h->text.len == 0 && p->last && p->last->kind != OCT_TEXT)) {
        oct_html_flush(h);
        h->text_parent = p;
        h->text_span = sp;
    }
    if (h->text.len == 0) h->text_span = sp;
    for (size_t i = 0; i < n; i++) {
        if (!collapse || !is_space(s[i]))
            oct_buf_putc(&h->text, s[i]);
        else if (!at_line_start(h, p))
            oct_buf_putc(&h->text, ' ');
    }
}

static void put_text(oct_html *h, oct_node *p, const char *s, size_t n, bool collapse)
{
    put_text_at(h, p, s, n, collapse, oct_html_here(h));
}

/* ---- contexts ------------------------------------------------------------- */

static oct_node *add(oct_html *h, oct_node *parent, oct_kind kind)
{
    oct_html_flush(h);
    oct_node *n = oct_node_new(h->env.t, kind, oct_html_here(h));
    oct_node_append(parent, n);
    return n;
}

static oct_node *implicit(oct_html *h, oct_node *parent, oct_kind kind)
{
    oct_node *n = add(h, parent, kind);
    push(h, H_IMPLICIT, NULL, n, -1);
    if (kind == OCT_ITEM && parent->u.list.ordered) {
        int k = 0;
        for (const oct_node *c = parent->first; c; c = c->next)
            k++;
        n->u.item.number = parent->u.list.start + k - 1;
    }
    return n;
}

/* Where inline content goes now (opening implicit containers), or NULL
 * inside a <pre>. */
static oct_node *inline_parent(oct_html *h)
{
    oct_node *d = dest(h);
    if (holds_inlines(d->kind)) return d;
    if (d->kind == OCT_LIST) d = implicit(h, d, OCT_ITEM);
    if (d->kind == OCT_TABLE) d = implicit(h, d, OCT_TABLE_ROW);
    if (d->kind == OCT_TABLE_ROW) return implicit(h, d, OCT_TABLE_CELL);
    if (holds_blocks(d->kind)) return implicit(h, d, OCT_PARAGRAPH);
    return d;
}

/* Closes the implicit paragraphs (and rows, cells) on top of the stack. */
static void end_implicit(oct_html *h)
{
    size_t i = h->n;
    while (i > 0 && h->st[i - 1].role == H_IMPLICIT && h->st[i - 1].owner == h->owner &&
           h->st[i - 1].node->kind != OCT_ITEM)
        i--;
    if (i < h->n) oct_html_close_from(h, i);
}

/* Where a block element goes, or NULL when only inlines may go here (the
 * element is then transparent, after a line break). */
static oct_node *block_parent(oct_html *h)
{
    end_implicit(h);
    oct_node *d = dest(h);
    if (d->kind == OCT_LIST) return implicit(h, d, OCT_ITEM);
    if (holds_blocks(d->kind)) return d;
    oct_node *p = inline_parent(h);
    if (p && p->first && p->last->kind != OCT_LINE_BREAK) add(h, p, OCT_LINE_BREAK);
    return NULL;
}

static bool too_deep(oct_html *h)
{
    if (h->real < OCT_MAX_NESTING / 2) return false;
    if (!h->warned_depth) {
        oct_span sp = oct_html_here(h);
        oct_diag_report(h->env.diag, OCT_WARNING, h->env.path, sp.line, sp.col, "limit-nesting",
                        "HTML nested deeper than %d elements is flattened", OCT_MAX_NESTING / 2);
    }
    h->warned_depth = true;
    return true;
}

static const char *attr(const char **attrs, const char *name)
{
    for (size_t i = 0; attrs && attrs[i]; i += 2)
        if (strcasecmp(attrs[i], name) == 0) return attrs[i + 1] ? attrs[i + 1] : "";
    return NULL;
}

static void record_drop(oct_html *h, const char *name)
{
    int line = oct_html_here(h).line;
    h_drop *d = NULL;
    for (size_t i = 0; i < h->ndrops && !d; i++)
        if (strcmp(h->drops[i].name, name) == 0) d = &h->drops[i];
    if (!d) {
        if (h->ndrops == H_MAX_DROPS) return;
        d = &h->drops[h->ndrops++];
        d->name = name;
    }
    d->count++;
    if (d->nlines < H_MAX_LINES && (!d->nlines || d->lines[d->nlines - 1] != line))
        d->lines[d->nlines++] = line;
    else if (d->nlines && d->lines[d->nlines - 1] == line)
        d->count--; /* the same line again: named once */
}

/* ---- elements ------------------------------------------------------------- */

static void start_pre(oct_html *h, const char **attrs, int xd)
{
    oct_node *p = block_parent(h);
    oct_node *n = p ? add(h, p, OCT_CODE_BLOCK) : add(h, inline_parent(h), OCT_CODE);
    const char *lang = attr(attrs, "lang");
    if (lang && *lang) n->u.code.lang = oct_html_clean(h, lang, strcspn(lang, " \t"), n->span);
    push(h, H_PRE, "pre", n, xd);
    if (h->in_pre++ == 0) oct_buf_clear(&h->pre);
}

/* Inside <pre>: <code class="language-x"> names the language, <br> is a
 * newline, every other tag only its text. */
static void start_in_pre(oct_html *h, const h_elem *e, const char **attrs, int xd)
{
    if (e && e->role == H_BR) oct_buf_putc(&h->pre, '\n');
    const char *cls = e && e->kind == OCT_CODE ? attr(attrs, "class") : NULL;
    oct_node *pre = NULL;
    for (size_t i = h->n; i-- > 0 && !pre;)
        if (h->st[i].role == H_PRE) pre = h->st[i].node;
    if (cls && pre && !pre->u.code.lang) {
        const char *l = strstr(cls, "language-");
        size_t skip = 9;
        if (!l) l = strstr(cls, "lang-"), skip = 5;
        if (l) pre->u.code.lang = oct_html_clean(h, l + skip, strcspn(l + skip, " \t"), pre->span);
    }
    push(h, H_TINLINE, e ? e->name : "", NULL, xd);
}

static void start_list(oct_html *h, const char *name, const char **attrs, int xd)
{
    oct_node *p = block_parent(h);
    if (!p || too_deep(h)) {
        push(h, H_TBLOCK, name, NULL, xd);
        return;
    }
    oct_node *l = add(h, p, OCT_LIST);
    l->u.list.tight = true;
    if (strcmp(name, "ol") == 0) {
        const char *st = attr(attrs, "start");
        l->u.list.ordered = true;
        l->u.list.delim = '.';
        l->u.list.start = st ? atoi(st) : 1;
        if (l->u.list.start < 0 || l->u.list.start > 999999999) l->u.list.start = 1;
    }
    push(h, H_LIST, name, l, xd);
}

static void start_item(oct_html *h, const char **attrs, int xd)
{
    oct_node *d = dest(h);
    if (d->kind != OCT_LIST) {
        oct_node *p = block_parent(h);
        d = p ? implicit(h, p, OCT_LIST) : NULL;
    }
    if (!d || too_deep(h)) {
        push(h, H_TBLOCK, "li", NULL, xd);
        return;
    }
    oct_node *it = add(h, d, OCT_ITEM);
    if (d->u.list.ordered) {
        const char *v = attr(attrs, "value");
        const oct_node *prev = it->prev;
        it->u.item.number = prev ? prev->u.item.number + 1 : d->u.list.start;
        if (v && atoi(v) > 0) it->u.item.number = atoi(v);
    }
    push(h, H_LI, "li", it, xd);
}

static void start_inline(oct_html *h, const h_elem *e, const char **attrs, int xd)
{
    oct_node *p = inline_parent(h);
    if (e->role == H_IMG) {
        const char *src = attr(attrs, "src"), *alt = attr(attrs, "alt"),
                   *title = attr(attrs, "title");
        oct_span sp = oct_html_here(h);
        if (src && *src) {
            oct_node *im = add(h, p, OCT_IMAGE);
            im->u.link.url = oct_html_clean(h, src, strlen(src), sp);
            im->u.link.title = oct_html_clean(h, title ? title : "", title ? strlen(title) : 0, sp);
            p = im;
        }
        if (alt && *alt) {
            oct_html_flush(h);
            char *s = oct_html_clean(h, alt, strlen(alt), sp);
            oct_node_append(p, oct_node_new_text(h->env.t, OCT_TEXT, sp, s, strlen(s)));
        }
        push(h, H_VOID, e->name, NULL, xd);
        return;
    }
    if (e->role == H_LINK) {
        const char *href = attr(attrs, "href"), *title = attr(attrs, "title");
        if (!href || !*href || too_deep(h)) {
            push(h, H_TINLINE, e->name, NULL, xd);
            return;
        }
        oct_node *a = add(h, p, OCT_LINK);
        a->u.link.url = oct_html_clean(h, href, strlen(href), a->span);
        a->u.link.title = oct_html_clean(h, title ? title : "", title ? strlen(title) : 0, a->span);
        push(h, H_LINK, e->name, a, xd);
        return;
    }
    if (e->kind == OCT_CODE) {
        /* code holds text only: its text is collected like a <pre>'s */
        push(h, H_PRE, e->name, add(h, p, OCT_CODE), xd);
        if (h->in_pre++ == 0) oct_buf_clear(&h->pre);
        return;
    }
    push(h, H_INLINE, e->name, too_deep(h) ? NULL : add(h, p, e->kind), xd);
}

/* Block elements with a node of their own. */
static void start_block(oct_html *h, const h_elem *e, int xd)
{
    oct_node *p = block_parent(h);
    if (!p || too_deep(h)) {
        push(h, H_TBLOCK, e->name, NULL, xd);
        return;
    }
    oct_kind k = e->role == H_DETAILS   ? OCT_DETAILS
                 : e->role == H_HEADING ? OCT_SECTION
                 : e->role == H_QUOTE   ? OCT_BLOCKQUOTE
                 : e->role == H_HR      ? OCT_THEMATIC_BREAK
                                        : OCT_PARAGRAPH;
    oct_node *n = add(h, p, k);
    if (k == OCT_SECTION) n->u.section.level = e->level;
    push(h, e->role, e->name, k == OCT_THEMATIC_BREAK ? NULL : n, xd);
}

/* <summary> is the first child of its <details>; elsewhere a paragraph. */
static void start_summary(oct_html *h, const h_elem *e, int xd)
{
    oct_node *d = dest(h);
    if (d->kind != OCT_DETAILS || (d->first && d->first->kind == OCT_SUMMARY)) {
        start_block(h, &(h_elem){"summary", H_P, 0, 0}, xd);
        return;
    }
    oct_html_flush(h);
    oct_node *s = oct_node_new(h->env.t, OCT_SUMMARY, oct_html_here(h));
    if (d->first)
        oct_node_insert_before(d->first, s);
    else
        oct_node_append(d, s);
    push(h, H_SUMMARY, e->name, s, xd);
}

static void start_literal(oct_html *h, const char *name, int xd)
{
    oct_buf raw = OCT_BUF_INIT;
    oct_html_raw_tag(h, &raw);
    oct_node *p = inline_parent(h);
    if (raw.len) put_text(h, p, raw.data, raw.len, false);
    oct_buf_free(&raw);
    push(h, H_UNKNOWN, oct_arena_strdup(h->env.t->arena, name), NULL, xd);
}

/* Elements that make no node of their own: roots, voids, unknown names,
 * anything inside a dropped element or a <pre>, dropped kinds. Returns
 * false for the others. */
static bool start_special(oct_html *h, const h_elem *e, const char *name, const char **attrs,
                          int xd)
{
    if (h->resync) {
        push(h, H_ROOT, "", NULL, xd); /* keeps the depth; makes nothing */
        return true;
    }
    if (!e && !h->dropped && !h->in_pre) {
        start_literal(h, name, xd);
        return true;
    }
    if (h->in_pre && !h->dropped) {
        start_in_pre(h, e, attrs, xd);
        return true;
    }
    if (e && e->role == H_DROP && !h->dropped) {
        oct_html_flush(h);
        /* a saved page's title: the caller's, to name the chapter */
        h->in_title = h->env.title && !h->title_seen && strcmp(e->name, "title") == 0;
        if (h->in_title) {
            h->title_seen = true;
            h->env.title->line = oct_html_here(h).line;
        } else {
            record_drop(h, e->name);
        }
        push(h, H_DROP, e->name, NULL, xd);
        h->dropped++;
        return true;
    }
    if (!h->dropped && e && e->role != H_ROOT && e->role != H_VOID) return false;
    bool root = e && e->role == H_ROOT && !h->dropped;
    if (root) {
        /* libxml2 opens its document: what is open below it can only be
         * implicit paragraphs made before (text of an unfinished tag) */
        size_t i = h->n;
        while (i > 0 && h->st[i - 1].owner > 0)
            i--;
        if (i < h->n) oct_html_close_from(h, i);
    }
    h_entry *r = push(h, H_ROOT, e ? e->name : "", NULL, xd);
    if (root) r->owner = 0; /* html, head, body: never forced */
    return true;
}

/* id= and <a name> name a place a README links to (tree/anchors.h): the
 * block holding the element gets the anchor; an anchor between blocks
 * makes an empty paragraph that ingest's anchor pass hands on. */
static void note_anchor(oct_html *h, const char **attrs)
{
    const char *id = attr(attrs, "id"), *nm = attr(attrs, "name");
    if ((!id || !*id) && (!nm || !*nm)) return;
    oct_node *n = h->n ? h->st[h->n - 1].node : NULL;
    if (!n) n = inline_parent(h);
    while (n && n->parent && oct_kind_is_inline(n->kind))
        n = n->parent;
    if (!n) return;
    if (id && *id) oct_node_add_anchor(h->env.t, n, oct_html_clean(h, id, strlen(id), n->span));
    if (nm && *nm) oct_node_add_anchor(h->env.t, n, oct_html_clean(h, nm, strlen(nm), n->span));
}

void oct_html_start(oct_html *h, const char *name, const char **attrs)
{
    int xd = h->xdepth++;
    if (h->finishing) return;
    const h_elem *e = oct_html_elem(name, strlen(name));
    if (start_special(h, e, name, attrs, xd)) return;
    switch (e->role) {
    case H_TBLOCK:
        block_parent(h);
        push(h, H_TBLOCK, e->name, NULL, xd);
        break;
    case H_TINLINE:
        push(h, H_TINLINE, e->name, NULL, xd);
        break;
    case H_BR: {
        /* a break opening a paragraph or doubling one shows nothing in print */
        oct_node *p = dest(h);
        oct_html_flush(h);
        if (holds_inlines(p->kind) && p->last && p->last->kind != OCT_LINE_BREAK)
            add(h, p, OCT_LINE_BREAK);
        push(h, H_VOID, e->name, NULL, xd);
        break;
    }
    case H_SUMMARY:
        start_summary(h, e, xd);
        break;
    case H_PRE:
        start_pre(h, attrs, xd);
        break;
    case H_LIST:
        start_list(h, e->name, attrs, xd);
        break;
    case H_LI:
        start_item(h, attrs, xd);
        break;
    case H_TABLE:
    case H_TSECTION:
    case H_TR:
    case H_CELL:
    case H_COL:
        oct_html_start_table(h, e, attrs, xd);
        break;
    case H_INLINE:
    case H_LINK:
    case H_IMG:
        start_inline(h, e, attrs, xd);
        break;
    default:
        start_block(h, e, xd);
        break;
    }
    note_anchor(h, attrs);
}

/* ---- closing ---------------------------------------------------------------- */

/* Blanks at the start and end of an inline container's text go. */
static void trim(oct_tree *t, oct_node *n)
{
    while (n->last && n->last->kind == OCT_LINE_BREAK)
        oct_node_unlink(n->last);
    oct_node *l = n->last;
    if (l && l->kind == OCT_TEXT && l->text) {
        size_t k = strlen(l->text);
        while (k > 0 && l->text[k - 1] == ' ')
            k--;
        if (k == 0)
            oct_node_unlink(l);
        else
            l->text = oct_arena_strndup(t->arena, l->text, k);
    }
    oct_node *f = n->first;
    if (f && f->kind == OCT_TEXT && f->text && f->text[0] == ' ') {
        f->text = oct_arena_strdup(t->arena, f->text + strspn(f->text, " "));
        if (!*f->text) oct_node_unlink(f);
    }
}

static void finish_code(oct_html *h, oct_node *n)
{
    const char *s = h->pre.data ? h->pre.data : "";
    size_t len = h->pre.len;
    if (n->kind == OCT_CODE_BLOCK) {
        if (len && s[0] == '\n') s++, len--;
        while (len && (s[len - 1] == '\n' || s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
    } else {
        oct_buf_clear(&h->scratch);
        for (size_t i = 0; i < len; i++) /* inline code: one line */
            oct_buf_putc(&h->scratch, is_space(s[i]) ? ' ' : s[i]);
        s = h->scratch.data ? h->scratch.data : "";
    }
    oct_buf all = OCT_BUF_INIT;
    oct_buf_put(&all, s, len);
    /* inline <code>…</code> around Markdown text: the text, flat */
    if (n->first) oct_node_plain_text_to(n, &all);
    while (n->first)
        oct_node_unlink(n->first);
    n->text = oct_html_clean(h, all.data ? all.data : "", all.len, n->span);
    oct_buf_free(&all);
    if (n->kind == OCT_CODE && !*n->text) oct_node_unlink(n);
}

static void finish_entry(oct_html *h, h_entry *e)
{
    if (e->role == H_DROP && --h->dropped == 0) h->in_title = false;
    if (e->role == H_PRE && --h->in_pre == 0 && e->node) finish_code(h, e->node);
    oct_node *n = e->node;
    if (!n) return;
    h->real--;
    switch (n->kind) {
    case OCT_PARAGRAPH:
    case OCT_SECTION:
    case OCT_TABLE_CELL:
    case OCT_SUMMARY:
        trim(h->env.t, n);
        if (!n->first && (n->kind == OCT_PARAGRAPH || n->kind == OCT_SECTION)) oct_node_unlink(n);
        break;
    case OCT_DETAILS:
        if (!n->first || (n->first->kind == OCT_SUMMARY && !n->first->first && !n->first->next)) {
            oct_node_unlink(n); /* an empty box */
            break;
        }
        if (n->first->kind != OCT_SUMMARY) {
            oct_node *s = oct_node_new(h->env.t, OCT_SUMMARY, n->span);
            if (n->first)
                oct_node_insert_before(n->first, s);
            else
                oct_node_append(n, s);
        }
        break;
    case OCT_LIST:
        if (!n->first) oct_node_unlink(n);
        break;
    case OCT_TABLE_ROW:
        /* only a table's first row can be its header */
        n->u.row.header = n->first && !n->prev && (e->all_th || e->thead);
        break;
    case OCT_TABLE:
        oct_html_finish_table(h, e);
        break;
    case OCT_EMPH:
    case OCT_STRONG:
    case OCT_STRIKE:
    case OCT_LINK:
    case OCT_SUPERSCRIPT:
    case OCT_SUBSCRIPT:
        if (!n->first) oct_node_unlink(n);
        break;
    default:
        break;
    }
}

void oct_html_close_from(oct_html *h, size_t i)
{
    oct_html_flush(h);
    while (h->n > i) {
        h_entry e = h->st[--h->n];
        finish_entry(h, &e);
    }
}

void oct_html_end(oct_html *h, const char *name)
{
    if (h->xdepth > 0) h->xdepth--;
    if (h->finishing) return;
    size_t i = h->n;
    while (i > 0 && (h->st[i - 1].xdepth >= h->xdepth || h->st[i - 1].xdepth < 0))
        i--;
    /* implicit entries below the element belong to its parent: keep them */
    while (i < h->n && h->st[i].xdepth < 0)
        i++;
    if (i == h->n) return;
    h_entry *e = &h->st[i];
    if (e->role == H_UNKNOWN && e->xdepth == h->xdepth && !h->dropped && !h->in_pre &&
        oct_html_explicit_end(h, name)) {
        /* "</token>" written in the source stays text */
        oct_buf raw = OCT_BUF_INIT;
        oct_buf_printf(&raw, "</%s>", e->name);
        oct_html_close_from(h, i + 1);
        put_text(h, inline_parent(h), raw.data, raw.len, false);
        oct_buf_free(&raw);
    }
    oct_html_close_from(h, i);
}

void oct_html_chars(oct_html *h, const char *s, size_t n)
{
    if (h->in_title && h->dropped == 1 && !h->finishing && !h->resync)
        oct_buf_put(&h->env.title->text, s, n);
    /* in a resync: the held-back text of a <script> or <style> closed by force */
    if (h->finishing || h->dropped || h->resync) return;
    if (h->in_pre) {
        oct_buf_put(&h->pre, s, n);
        return;
    }
    oct_node *d = dest(h);
    if (!holds_inlines(d->kind)) {
        size_t k = 0;
        while (k < n && is_space(s[k]))
            k++;
        if (k == n) return; /* layout between blocks */
        s += k, n -= k;
    }
    put_text_at(h, inline_parent(h), s, n, true, text_start(h, s, n));
}

void oct_html_literal(oct_html *h, const char *s, size_t n)
{
    if (h->finishing || h->dropped || h->resync) return;
    if (h->in_pre) {
        oct_buf_put(&h->pre, s, n);
        return;
    }
    while (n > 0 && is_space(s[n - 1]))
        n--;
    if (n) put_text(h, inline_parent(h), s, n, true);
}

/* ---- for html_table.c and html_hooks.c ------------------------------------------------------ */

oct_node *oct_html_dest(const oct_html *h)
{
    return dest(h);
}

h_entry *oct_html_push(oct_html *h, h_role role, const char *name, oct_node *node, int xdepth)
{
    return push(h, role, name, node, xdepth);
}

oct_node *oct_html_add(oct_html *h, oct_node *parent, oct_kind kind)
{
    return add(h, parent, kind);
}

oct_node *oct_html_implicit(oct_html *h, oct_node *parent, oct_kind kind)
{
    return implicit(h, parent, kind);
}

oct_node *oct_html_block_parent(oct_html *h)
{
    return block_parent(h);
}

oct_node *oct_html_inline_parent(oct_html *h)
{
    return inline_parent(h);
}

bool oct_html_too_deep(oct_html *h)
{
    return too_deep(h);
}

bool oct_html_holds_blocks(oct_kind k)
{
    return holds_blocks(k);
}

bool oct_html_holds_inlines(oct_kind k)
{
    return holds_inlines(k);
}

void oct_html_put_text(oct_html *h, oct_node *p, const char *s, size_t n)
{
    put_text(h, p, s, n, true);
}

const char *oct_html_attr(const char **attrs, const char *name)
{
    return attr(attrs, name);
}
