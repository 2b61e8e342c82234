/* Org's export selection (org_int.h). Org's exporters leave out a
 * subtree whose heading is COMMENTed or carries an exclude tag
 * (#+EXCLUDE_TAGS, by default :noexport:), and, when some heading
 * carries a select tag (#+SELECT_TAGS, by default :export:), every
 * subtree that neither carries nor holds one (the text before the first
 * heading stays). A booklet is an export of the notes, so it does the
 * same; each subtree left out gets a note at its heading's line, never
 * silence. Headings are only read outside #+BEGIN/#+END blocks, where
 * the reader reads them. */
#include "ingest/formats/org_int.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WHY_NONE, WHY_COMMENT, WHY_EXCLUDE, WHY_SELECT };

typedef struct {
    size_t line;
    int level;
    unsigned char why;
    bool keep; /* selected, below a selected heading or above one */
} heading;

/* The tags of "#+KEY: a b" into list as " a b " (replacing the default
 * when the file names its own). */
static void tag_list(oct_buf *list, bool *own, const char *v, size_t vn)
{
    if (!*own) oct_buf_clear(list);
    *own = true;
    if (!list->len) oct_buf_putc(list, ' ');
    for (size_t a = 0; a < vn;) {
        size_t w = 0;
        while (a + w < vn && v[a + w] != ' ' && v[a + w] != '\t')
            w++;
        if (w) oct_buf_printf(list, "%.*s ", (int)w, v + a);
        a += w + 1;
    }
}

/* Whether heading l carries one of the tags of list (" a b "). */
static bool tagged_any(const nl_raw_line *l, int lvl, const char *list)
{
    for (const char *p = list; p && *p;) {
        while (*p == ' ')
            p++;
        size_t w = strcspn(p, " ");
        if (w && org_heading_tagged(l, lvl, p, w)) return true;
        p += w;
    }
    return false;
}

static bool keyword_is(const char *s, size_t n, const char *key, const char **v, size_t *vn)
{
    size_t k = strlen(key);
    if (n < k + 3 || s[0] != '#' || s[1] != '+' || !md_eq_nocase(s + 2, k, key) || s[k + 2] != ':')
        return false;
    *vn = n - k - 3;
    *v = nl_trim(s + k + 3, vn);
    return true;
}

/* The headings outside blocks, and the tag lists the file names. */
static heading *read_headings(org_ctx *c, size_t *nh, oct_buf *exclude, oct_buf *select)
{
    heading *h = NULL;
    size_t cap = 0;
    bool own_ex = false, own_sel = false, in_block = false;
    *nh = 0;
    for (size_t i = 0; i < c->n; i++) {
        const nl_raw_line *l = &c->v[i];
        const char *s = l->s + l->lead, *v;
        size_t n = l->n - l->lead, vn;
        if (n >= 8 && md_eq_nocase(s, 8, "#+begin_")) in_block = true;
        if (n >= 6 && md_eq_nocase(s, 6, "#+end_")) in_block = false;
        if (keyword_is(s, n, "exclude_tags", &v, &vn)) tag_list(exclude, &own_ex, v, vn);
        if (keyword_is(s, n, "select_tags", &v, &vn)) tag_list(select, &own_sel, v, vn);
        int lvl = org_heading_level(l);
        if (!lvl || in_block) continue;
        OCT_GROW(h, cap, *nh + 1);
        h[(*nh)++] = (heading){i, lvl, WHY_NONE, false};
    }
    return h;
}

/* Marks kept headings: a selected one, those below it and those above. */
static void mark_selected(org_ctx *c, heading *h, size_t nh, const char *select)
{
    size_t *stack = oct_xmalloc((nh ? nh : 1) * sizeof *stack), depth = 0;
    for (size_t k = 0; k < nh; k++) {
        while (depth && h[stack[depth - 1]].level >= h[k].level)
            depth--;
        bool inherited = false;
        for (size_t d = 0; d < depth && !inherited; d++)
            inherited = tagged_any(&c->v[h[stack[d]].line], h[stack[d]].level, select);
        if (tagged_any(&c->v[h[k].line], h[k].level, select)) {
            h[k].keep = true;
            for (size_t d = 0; d < depth; d++)
                h[stack[d]].keep = true;
        }
        h[k].keep |= inherited;
        stack[depth++] = k;
    }
    free(stack);
}

void org_export_scan(org_ctx *c)
{
    oct_buf exclude = OCT_BUF_INIT, select = OCT_BUF_INIT;
    oct_buf_puts(&exclude, " noexport ");
    oct_buf_puts(&select, " export ");
    size_t nh;
    heading *h = read_headings(c, &nh, &exclude, &select);
    bool any_selected = false;
    for (size_t k = 0; k < nh && !any_selected; k++)
        any_selected = tagged_any(&c->v[h[k].line], h[k].level, select.data);
    if (any_selected) mark_selected(c, h, nh, select.data);
    for (size_t k = 0; k < nh; k++) {
        const nl_raw_line *l = &c->v[h[k].line];
        h[k].why = org_heading_commented(c, l, h[k].level)   ? WHY_COMMENT
                   : tagged_any(l, h[k].level, exclude.data) ? WHY_EXCLUDE
                   : any_selected && !h[k].keep              ? WHY_SELECT
                                                             : WHY_NONE;
        if (h[k].why == WHY_NONE) continue;
        size_t end = k + 1;
        while (end < nh && h[end].level > h[k].level)
            end++;
        if (!c->drop_to) {
            c->drop_to = oct_xcalloc(c->n, sizeof *c->drop_to);
            c->drop_why = oct_xcalloc(c->n, 1);
        }
        c->drop_to[h[k].line] = end < nh ? h[end].line : c->n;
        c->drop_why[h[k].line] = h[k].why;
    }
    free(h);
    oct_buf_free(&exclude);
    oct_buf_free(&select);
}

size_t org_export_skip(org_ctx *c, size_t i)
{
    if (!c->drop_to || !c->drop_to[i]) return i;
    const nl_raw_line *l = &c->v[i];
    int lvl = org_heading_level(l);
    size_t n = l->n - (size_t)lvl;
    const char *title = nl_trim(l->s + lvl, &n);
    static const char *const WHY[] = {
        "", "it is COMMENTed", "it carries an exclude tag (#+EXCLUDE_TAGS, :noexport:)",
        "it carries no select tag (#+SELECT_TAGS) while other headings do"};
    size_t end = c->drop_to[i];
    char lines[48];
    if (end > i + 1)
        snprintf(lines, sizeof lines, "lines %zu-%zu", i + 1, end);
    else
        snprintf(lines, sizeof lines, "line %zu", i + 1);
    oct_diag_report(c->w.diag, OCT_NOTE, c->w.path, (int)i + 1, 1, "org-excluded",
                    "subtree '%.*s%s' not printed, as Org's export leaves it out: %s (%s)",
                    (int)(n > 60 ? 60 : n), title, n > 60 ? "..." : "", WHY[c->drop_why[i]], lines);
    return end;
}
