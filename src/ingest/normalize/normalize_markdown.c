/* What Markdown already structures, marked before any detection so that
 * nothing the author wrote as Markdown is rewritten: fenced code (never
 * touched), pipe tables, list items and their content, headings, thematic
 * breaks, block quotes and indented code blocks.
 *
 * This follows CommonMark's block rules closely enough for that purpose
 * (containers by indentation, lazy continuation lines), not exactly: it
 * only has to know where not to look. */
#include "ingest/normalize/normalize_internal.h"

#include <string.h>

#define MAX_LIST_DEPTH 32

static bool fence_open(const char *t, size_t n, char *ch, size_t *len)
{
    if (n < 3 || (t[0] != '`' && t[0] != '~')) return false;
    size_t k = 0;
    while (k < n && t[k] == t[0])
        k++;
    if (k < 3) return false;
    if (t[0] == '`' && memchr(t + k, '`', n - k)) return false; /* inline code */
    *ch = t[0];
    *len = k;
    return true;
}

static bool fence_close(const char *t, size_t n, char ch, size_t len)
{
    size_t k = 0;
    while (k < n && t[k] == ch)
        k++;
    if (k < len) return false;
    while (k < n && nl_is_space(t[k]))
        k++;
    return k == n;
}

static bool thematic_break(const char *t, size_t n)
{
    if (n < 3 || (t[0] != '-' && t[0] != '*' && t[0] != '_')) return false;
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == t[0])
            count++;
        else if (!nl_is_space(t[i]))
            return false;
    }
    return count >= 3;
}

static bool atx_heading(const char *t, size_t n)
{
    size_t k = 0;
    while (k < n && t[k] == '#')
        k++;
    return k >= 1 && k <= 6 && (k == n || t[k] == ' ' || t[k] == '\t');
}

static bool setext_underline(const char *t, size_t n)
{
    if (n == 0 || (t[0] != '=' && t[0] != '-')) return false;
    size_t k = 0;
    while (k < n && t[k] == t[0])
        k++;
    while (k < n && nl_is_space(t[k]))
        k++;
    return k == n;
}

/* List item marker: "-", "*", "+", "1." or "1)" followed by a space or the
 * end of the line. *width gets the columns up to the item's content. */
static bool item_marker(const char *t, size_t n, int *width)
{
    size_t k = 0;
    if (n >= 1 && (t[0] == '-' || t[0] == '*' || t[0] == '+')) {
        k = 1;
    } else {
        while (k < n && k < 9 && t[k] >= '0' && t[k] <= '9')
            k++;
        if (k == 0 || k >= n || (t[k] != '.' && t[k] != ')')) return false;
        k++;
    }
    if (k == n) {
        *width = (int)k + 1;
        return true;
    }
    if (t[k] != ' ' && t[k] != '\t') return false;
    size_t sp = 0;
    while (k + sp < n && t[k + sp] == ' ')
        sp++;
    if (k + sp == n || sp > 4) sp = 1;
    *width = (int)(k + sp);
    return true;
}

/* A block start for a line indented `rel` columns past its container. */
static bool block_start_rel(const char *t, size_t len, int rel)
{
    if (rel >= 4) return false;
    char ch;
    size_t fl;
    int w;
    return (len > 0 && t[0] == '>') || atx_heading(t, len) || thematic_break(t, len) ||
           fence_open(t, len, &ch, &fl) || (item_marker(t, len, &w) && len > (size_t)w);
}

bool nl_is_block_start(const char *s, size_t n)
{
    size_t lead;
    int ind = nl_indent_of(s, n, &lead);
    return block_start_rel(s + lead, n - lead, ind);
}

/* Cells of a pipe-table row: the number of '|'-separated parts, ignoring a
 * leading and a trailing pipe and escaped pipes. */
static int pipe_cells(const char *t, size_t n)
{
    if (n == 0) return 0;
    size_t a = 0, b = n;
    if (t[0] == '|') a = 1;
    if (b > a && t[b - 1] == '|' && !(b >= 2 && t[b - 2] == '\\')) b--;
    int cells = 1;
    for (size_t i = a; i < b; i++) {
        if (t[i] == '\\') {
            i++;
            continue;
        }
        if (t[i] == '|') cells++;
    }
    return cells;
}

static bool delimiter_row(const char *t, size_t n)
{
    bool pipe = false, dash = false;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (c == '|')
            pipe = true;
        else if (c == '-')
            dash = true;
        else if (c != ':' && !nl_is_space(c))
            return false;
    }
    return pipe && dash;
}

static void mark_pipe_tables(nl_doc *d)
{
    for (size_t i = 0; i + 1 < d->n; i++) {
        nl_line *h = &d->lines[i], *r = &d->lines[i + 1];
        if ((h->flags | r->flags) & (NL_FENCE | NL_BLANK | NL_MDCODE)) continue;
        const char *ht = h->s + h->lead, *rt = r->s + r->lead;
        size_t hn = h->len - h->lead, rn = r->len - r->lead;
        ht = nl_trim(ht, &hn);
        rt = nl_trim(rt, &rn);
        if (!memchr(ht, '|', hn) || !delimiter_row(rt, rn)) continue;
        if (pipe_cells(ht, hn) != pipe_cells(rt, rn)) continue;
        size_t j = i;
        while (j < d->n && !(d->lines[j].flags & (NL_BLANK | NL_FENCE))) {
            if (j > i + 1 && nl_is_block_start(d->lines[j].s, d->lines[j].len)) break;
            d->lines[j].flags |= NL_PIPE;
            j++;
        }
        i = j;
    }
}

typedef struct {
    int stack[MAX_LIST_DEPTH];
    int sp;
    bool in_fence, prev_blank, prev_para, prev_mdcode;
    char fence_ch;
    size_t fence_len;
} md_state;

/* Pops list items the line is not indented enough to belong to, unless it
 * is a lazy continuation of the paragraph just above. Returns true for a
 * lazy line. */
static bool match_containers(md_state *st, nl_line *l)
{
    while (st->sp > 0 && l->indent < st->stack[st->sp - 1]) {
        int parent = st->sp > 1 ? st->stack[st->sp - 2] : 0;
        if (!st->prev_blank && st->prev_para &&
            !block_start_rel(l->s + l->lead, l->len - l->lead, l->indent - parent))
            return true;
        st->sp--;
    }
    return false;
}

static void mark_line(nl_doc *d, md_state *st, nl_line *l)
{
    size_t n = l->len - l->lead;
    const char *t = nl_trim(l->s + l->lead, &n);
    if (l->flags & NL_OPENS_BLOCK) { /* our fence or table closes every list */
        st->sp = 0;
        st->prev_para = false;
    }
    int base = st->sp > 0 ? st->stack[st->sp - 1] : 0;
    bool lazy = match_containers(st, l);
    if (!lazy) base = st->sp > 0 ? st->stack[st->sp - 1] : 0;
    int rel = l->indent - base;
    int width;
    bool para = false;
    if (lazy) {
        l->flags |= NL_LAZY;
        para = true;
    } else if (rel >= 4 && st->sp == 0 && !st->prev_para && !(l->flags & NL_OPENS_BLOCK)) {
        /* indented code cannot interrupt a paragraph, and needs none */
        l->flags |= NL_MDCODE;
    } else if (rel < 4 && fence_open(t, n, &st->fence_ch, &st->fence_len)) {
        l->flags |= NL_FENCE;
        st->in_fence = true;
        d->has_fences = true;
    } else if (rel < 4 && thematic_break(t, n)) {
        l->flags |= NL_BREAK;
    } else if (rel < 4 && setext_underline(t, n) && st->prev_para && !st->prev_blank) {
        l->flags |= NL_BREAK;
    } else if (rel < 4 && item_marker(t, n, &width)) {
        l->flags |= NL_ITEM;
        if (st->sp < MAX_LIST_DEPTH) st->stack[st->sp++] = l->indent + width;
        para = true;
    } else if (rel < 4 && atx_heading(t, n)) {
        l->flags |= NL_HEADING;
    } else if (rel < 4 && n > 0 && t[0] == '>' && !(d->plain && nl_starts_with(t, n, ">>> "))) {
        /* plain text's ">>> " is Python's prompt, not a quote three deep */
        l->flags |= NL_QUOTE;
    } else {
        para = !(rel >= 4 && st->prev_blank);
    }
    if (st->sp > 0 && !lazy && !(l->flags & NL_ITEM)) {
        l->flags |= NL_LIST;
        l->list_indent = st->stack[st->sp - 1];
    }
    st->prev_para = para;
    st->prev_mdcode = (l->flags & NL_MDCODE) != 0;
    st->prev_blank = false;
    if (l->flags & NL_CLOSES_BLOCK) st->prev_para = false; /* after our closing fence */
}

void nl_mark_markdown(nl_doc *d)
{
    md_state st = {.prev_blank = true};
    for (size_t i = 0; i < d->n; i++) {
        nl_line *l = &d->lines[i];
        if (l->flags & NL_BLANK) {
            if (st.in_fence) l->flags |= NL_FENCE;
            if (st.prev_mdcode) l->flags |= NL_MDCODE;
            st.prev_blank = true;
            st.prev_para = false;
            continue;
        }
        if (st.in_fence) {
            l->flags |= NL_FENCE;
            size_t n = l->len - l->lead;
            const char *t = nl_trim(l->s + l->lead, &n);
            if (fence_close(t, n, st.fence_ch, st.fence_len)) {
                st.in_fence = false;
                st.prev_para = false;
                st.prev_blank = false;
            }
            continue;
        }
        mark_line(d, &st, l);
    }
    mark_pipe_tables(d);
}
