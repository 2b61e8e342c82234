/* Anki's cloze deletions (cloze.h): "{{c1::seven}}", "{{c2::Canberra::a
 * city}}". Anki shows the card's front with each deletion blanked, "[...]"
 * or its hint in brackets ("[a city]"), and its back with the deleted
 * words highlighted. So does the booklet: in a deck a line with a cloze is
 * such a card (srcards.c makes it one from two copies of the line), and
 * anywhere else a cloze prints its words in bold, as a highlight does,
 * its hint left out with a note ([cloze]): a hint helps recall, and the
 * words it hints at are printed beside it.
 *
 * A cloze runs from "{{cN::" in a text node to the first "}}" in a text
 * node among its siblings (words in bold or a link between them stay
 * what they are); its hint is what follows the last "::" before that "}}"
 * in the same node. Code spans are never read. */
#include "ingest/cloze.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The opener "{{c<digits>::" at s: its length, or 0. */
static size_t opener_at(const char *s)
{
    if (s[0] != '{' || s[1] != '{' || (s[2] != 'c' && s[2] != 'C')) return 0;
    size_t k = 3;
    while (s[k] >= '0' && s[k] <= '9' && k < 8)
        k++;
    if (k == 3 || s[k] != ':' || s[k + 1] != ':' || s[k + 2] == ':') return 0;
    return k + 2;
}

bool oct_cloze_possible(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, '{', (size_t)(s + n - p))) && p + 8 < s + n; p++)
        if (opener_at(p)) return true;
    return false;
}

/* Splits text node n at byte i: n keeps [0, i), the node returned (put
 * after n) holds the rest. */
static oct_node *split_at(oct_tree *t, oct_node *n, size_t i)
{
    oct_node *rest = oct_node_new_text(t, OCT_TEXT, n->span, n->text + i, strlen(n->text + i));
    if (n->next)
        oct_node_insert_before(n->next, rest);
    else
        oct_node_append(n->parent, rest);
    n->text = oct_arena_strndup(t->arena, n->text, i);
    return rest;
}

/* The "}}" closing a cloze whose words start in node c at byte i: its
 * node (*at) and byte; false when none on the line does. */
static bool find_close(oct_node *c, size_t i, oct_node **at, size_t *b)
{
    for (; c && !oct_node_is_break(c); c = c->next, i = 0) {
        if (c->kind != OCT_TEXT || !c->text) continue;
        const char *e = strstr(c->text + i, "}}");
        if (!e) continue;
        *at = c;
        *b = (size_t)(e - c->text);
        return true;
    }
    return false;
}

/* The cloze opening at byte a of text node c (its opener k bytes), closed
 * at byte b of node end: replaced as `mode` says. Returns the node after
 * it (NULL at the end); *hinted: it had a hint. */
static oct_node *one(oct_tree *t, oct_node *c, size_t a, size_t k, oct_node *end, size_t b,
                     oct_cloze_mode mode, bool *hinted)
{
    oct_node *after = split_at(t, end, b); /* "}}..." */
    after->text += 2;
    oct_node *words = split_at(t, c, a + k);
    c->text = oct_arena_strndup(t->arena, c->text, a); /* the words before */
    if (end == c) end = words;
    const char *sep = NULL, *hint = NULL;
    for (const char *p = strstr(end->text, "::"); p; p = strstr(p + 1, "::"))
        sep = p;
    if (sep) {
        hint = sep + 2;
        end->text = oct_arena_strndup(t->arena, end->text, (size_t)(sep - end->text));
    }
    *hinted = hint && *hint;
    oct_node *mark;
    if (mode == OCT_CLOZE_SHOW) {
        mark = oct_node_new(t, OCT_STRONG, words->span);
    } else {
        const char *shown = *hinted ? oct_arena_cat(t->arena, "[", hint, "]") : "[...]";
        mark = oct_node_new_text(t, OCT_TEXT, words->span, shown, strlen(shown));
    }
    oct_node_insert_before(words, mark);
    for (oct_node *w = words; w != after;) {
        oct_node *next = w->next;
        if (mode == OCT_CLOZE_SHOW && !(w->kind == OCT_TEXT && !*w->text))
            oct_node_append(mark, w);
        else
            oct_node_unlink(w);
        w = next;
    }
    if (mode == OCT_CLOZE_BLANK) { /* one text, as the line was typed */
        if (*c->text) {
            mark->text = oct_arena_cat(t->arena, c->text, mark->text, "");
            mark->span = c->span;
        }
        mark->text = oct_arena_cat(t->arena, mark->text, after->text, "");
        oct_node_unlink(after);
        oct_node_unlink(c);
        return mark; /* read on: another cloze may follow in it */
    }
    if (!*c->text) oct_node_unlink(c);
    if (*after->text) return after;
    oct_node *next = after->next;
    oct_node_unlink(after);
    return next;
}

int oct_cloze_mark(oct_tree *t, oct_node *first, const oct_node *stop, oct_cloze_mode mode,
                   oct_cloze_hints *hints)
{
    int n = 0;
    for (oct_node *c = first; c && c != stop;) {
        oct_node *next = c->next;
        const char *s = c->kind == OCT_TEXT ? c->text : NULL;
        for (const char *p = s ? strchr(s, '{') : NULL; p; p = strchr(p + 1, '{')) {
            size_t k = opener_at(p), a = (size_t)(p - s), b;
            oct_node *end;
            if (!k || !find_close(c, a + k, &end, &b)) continue;
            bool hinted;
            int line = end->span.line;
            next = one(t, c, a, k, end, b, mode, &hinted);
            n++;
            if (hints && hinted) {
                OCT_GROW(hints->lines, hints->cap, hints->n + 1);
                hints->lines[hints->n++] = line;
            }
            break;
        }
        c = next;
    }
    return n;
}

/* Every node whose children are inline nodes (paragraphs, headings,
 * cells, and emphasis or links inside them), in document order. */
static void containers(oct_node *n, oct_node ***v, size_t *len, size_t *cap)
{
    for (oct_node *c = n->first; c; c = c->next) {
        if (c->kind == OCT_CODE || c->kind == OCT_CODE_BLOCK) continue;
        if (c->first && oct_kind_is_inline(c->first->kind)) {
            OCT_GROW(*v, *cap, *len + 1);
            (*v)[(*len)++] = c;
        }
        containers(c, v, len, cap);
    }
}

void oct_ingest_cloze(oct_tree *t, oct_node *chapter, const char *path, oct_diag *diag)
{
    oct_node **v = NULL;
    size_t len = 0, cap = 0;
    containers(chapter, &v, &len, &cap);
    oct_cloze_hints hints = {0};
    for (size_t i = 0; i < len; i++)
        oct_cloze_mark(t, v[i]->first, NULL, OCT_CLOZE_SHOW, &hints);
    oct_buf lines = OCT_BUF_INIT;
    for (size_t i = 0; i < hints.n; i++)
        if (!i || hints.lines[i] != hints.lines[i - 1])
            oct_buf_printf(&lines, "%s%d", i ? ", " : "", hints.lines[i]);
    if (hints.n)
        oct_diag_report(diag, OCT_NOTE, path, hints.lines[0], 1, "cloze",
                        "%zu cloze hint%s not printed (the words they hint at are): line%s %s",
                        hints.n, hints.n == 1 ? "" : "s", strchr(lines.data, ',') ? "s" : "",
                        lines.data);
    oct_buf_free(&lines);
    free(hints.lines);
    free(v);
}
