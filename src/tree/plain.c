#include "tree/tree.h"
#include "util/scripts.h"

#include <string.h>

/* Plain text of a node for titles, outline entries, contents lines and ids:
 * what a reader sees, on one line. Every backend and the id pass use this
 * one walk, so a heading reads the same everywhere. */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Runs of non-blank bytes go in whole (this walk reads every question and
 * answer several times); each blank run becomes one space. */
static void put_squashed(oct_buf *b, const char *s)
{
    while (*s) {
        const char *run = s;
        while (*s && !is_blank(*s))
            s++;
        if (s > run) oct_buf_put(b, run, (size_t)(s - run));
        if (!*s) break;
        if (b->len && b->data[b->len - 1] != ' ') oct_buf_putc(b, ' ');
        s++;
    }
}

/* A superscript or subscript holding only text Unicode has small forms
 * for (x², H₃O⁺, a₁₀) reads so in a title or an outline entry; false for
 * any other (K_c's "c": its letters stay at the line). */
static bool put_script(const oct_node *c, oct_buf *out)
{
    oct_buf t = OCT_BUF_INIT;
    bool ok = c->first != NULL;
    for (const oct_node *k = c->first; k && ok; k = k->next) {
        ok = k->kind == OCT_TEXT && k->text;
        if (ok) oct_buf_puts(&t, k->text);
    }
    ok = ok && oct_script_form(t.data, t.len, c->kind == OCT_SUPERSCRIPT, out);
    oct_buf_free(&t);
    return ok;
}

void oct_node_plain_text_to(const oct_node *n, oct_buf *out)
{
    size_t start = out->len;
    oct_iter it;
    oct_iter_init(&it, n);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *c = it.cur;
        if (ev == OCT_EV_EXIT) {
            /* blocks inside (an item's paragraphs) are separated by a space */
            if (c != n && !oct_kind_is_inline(c->kind)) put_squashed(out, " ");
            continue;
        }
        if ((c->kind == OCT_TEXT || c->kind == OCT_CODE || c->kind == OCT_CODE_BLOCK) && c->text)
            put_squashed(out, c->text);
        else if (c->kind == OCT_SOFT_BREAK || c->kind == OCT_LINE_BREAK)
            put_squashed(out, " ");
        else if (c != n && (c->kind == OCT_SUPERSCRIPT || c->kind == OCT_SUBSCRIPT) &&
                 put_script(c, out))
            oct_iter_skip_children(&it);
        else if (c != n &&
                 (c->kind == OCT_ANSWER || c->kind == OCT_WORDING || c->kind == OCT_FOOTNOTE_REF ||
                  c->kind == OCT_FOOTNOTE_DEF || c->kind == OCT_INDEX_TERM))
            oct_iter_skip_children(&it);
    }
    /* trim: nothing leading (relative to where we started) or trailing */
    size_t lead = start;
    while (lead < out->len && out->data[lead] == ' ')
        lead++;
    if (lead > start) {
        memmove(out->data + start, out->data + lead, out->len - lead);
        out->len -= lead - start;
    }
    while (out->len > start && out->data[out->len - 1] == ' ')
        out->len--;
    if (out->data) out->data[out->len] = '\0';
}

char *oct_node_plain_text(oct_arena *a, const oct_node *n)
{
    oct_buf b = OCT_BUF_INIT;
    oct_node_plain_text_to(n, &b);
    char *s = oct_arena_strndup(a, b.data ? b.data : "", b.len);
    oct_buf_free(&b);
    return s;
}
