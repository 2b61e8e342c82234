/* An answer key written on one line: "Answers: 1. Lima, 2. Santiago,
 * 3. Accra" or "Answer key: 1-b, 2-b, 3-a". Nothing marks it a list, so
 * the numbered questions above it found no key and the last of them took
 * the whole line for its answer. The paragraph becomes what a key on
 * lines would be -- its caption, then an ordered list of the answers --
 * and the pairing (pairing.c) reads it like any other key. Only a
 * paragraph of plain text, with a key's caption and a colon, whose
 * numbers run 1, 2, 3… between commas or semicolons. */
#include "study/study_int.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_ITEMS = 200 };

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Number `want` at s[i]: its digits, then '.', ')', ':', '-' or a blank;
 * returns where its answer starts, 0 when there is none. */
static size_t number_at(const char *s, size_t n, size_t i, long want)
{
    while (i < n && s[i] == ' ')
        i++;
    size_t d = i;
    long v = 0;
    while (i < n && digit(s[i]) && i - d < 4)
        v = v * 10 + (s[i++] - '0');
    if (i == d || v != want || i >= n) return 0;
    if (s[i] == '.' || s[i] == ')' || s[i] == ':' || s[i] == '-')
        i++;
    else if (s[i] != ' ')
        return 0;
    while (i < n && s[i] == ' ')
        i++;
    return i < n ? i : 0;
}

/* Splits s[from..n) at ", N" / "; N" for N = 2, 3…: the starts and ends
 * of the answers into a (2 per item); returns how many, 0 when fewer
 * than two. */
static size_t items(const char *s, size_t n, size_t from, size_t *a)
{
    size_t k = 0, at = number_at(s, n, from, 1);
    while (at && k < MAX_ITEMS) {
        size_t end = n, next = 0;
        for (size_t i = at; i < n; i++)
            if ((s[i] == ',' || s[i] == ';') && (next = number_at(s, n, i + 1, (long)k + 2))) {
                end = i;
                break;
            }
        while (end > at && s[end - 1] == ' ')
            end--;
        if (end == at) return 0;
        a[2 * k] = at;
        a[2 * k + 1] = end;
        k++;
        at = next;
    }
    return k >= 2 ? k : 0;
}

static void text_child(oct_tree *t, oct_node *parent, const char *s, size_t n)
{
    oct_node_append(parent, oct_node_new_text(t, OCT_TEXT, parent->span, s, n));
}

/* Paragraph p rewritten as its caption and the list of its answers, when
 * it is a key on one line. */
static void split_one(oct_tree *t, oct_node *p, oct_buf *text)
{
    /* most paragraphs end here: a caption's colon is in its first words */
    const oct_node *f = p->first;
    while (f && (f->kind == OCT_STRONG || f->kind == OCT_EMPH))
        f = f->first;
    if (!f || f->kind != OCT_TEXT || !f->text || !memchr(f->text, ':', strnlen(f->text, 41)))
        return;
    for (const oct_node *k = p->first; k; k = k->next) /* a bold caption is plain enough */
        if (k->kind != OCT_TEXT && k->kind != OCT_SOFT_BREAK && k->kind != OCT_STRONG &&
            k->kind != OCT_EMPH)
            return;
    oct_buf_clear(text);
    oct_node_plain_text_to(p, text);
    const char *s = text->data;
    size_t n = text->len, colon = s ? strcspn(s, ":") : 0;
    if (!s || colon >= n || !st_is_key_caption(s, colon)) return;
    size_t *a = malloc(2 * MAX_ITEMS * sizeof *a), count = items(s, n, colon + 1, a);
    if (count) {
        oct_node *cap = oct_node_new(t, OCT_PARAGRAPH, p->span);
        text_child(t, cap, s, colon + 1);
        oct_node *list = oct_node_new(t, OCT_LIST, p->span);
        list->u.list.ordered = list->u.list.tight = true;
        list->u.list.start = 1;
        list->u.list.delim = '.';
        for (size_t i = 0; i < count; i++) {
            oct_node *item = oct_node_new(t, OCT_ITEM, p->span);
            item->u.item.number = (int)i + 1;
            oct_node *para = oct_node_new(t, OCT_PARAGRAPH, p->span);
            text_child(t, para, s + a[2 * i], a[2 * i + 1] - a[2 * i]);
            oct_node_append(item, para);
            oct_node_append(list, item);
        }
        oct_node_insert_before(p, cap);
        oct_node_insert_before(p, list);
        oct_node_unlink(p);
    }
    free(a);
}

void st_split_inline_keys(oct_tree *t, oct_node *ch)
{
    oct_buf text = OCT_BUF_INIT;
    for (oct_node *b = ch->first; b;) {
        oct_node *next = b->next;
        if (b->kind == OCT_PARAGRAPH) split_one(t, b, &text);
        b = next;
    }
    oct_buf_free(&text);
}

/* Whether list l is a numbered list of questions (most of its items ask);
 * its items' count into *n. */
static bool question_list(const oct_node *l, oct_buf *text, size_t *n)
{
    if (!l->u.list.ordered) return false;
    size_t items = 0, asking = 0;
    for (const oct_node *it = l->first; it; it = it->next, items++) {
        oct_buf_clear(text);
        oct_node_plain_text_to(it, text);
        asking += text->data && st_text_asks(text->data, text->len);
    }
    *n = items;
    return items >= 2 && 2 * asking > items;
}

/* An "Answers" caption over a bulleted list with exactly as many items as
 * the numbered questions before it: the answers in the questions' order,
 * written without numbers. They are given the questions' numbers, so the
 * pairing reads them as a key ("No answer in the notes" forty times). */
void st_number_bullet_keys(oct_node *ch)
{
    oct_buf text = OCT_BUF_INIT;
    const oct_node *qlist = NULL;
    size_t nq = 0;
    for (oct_node *b = ch->first; b; b = b->next) {
        size_t n;
        if (b->kind == OCT_LIST && question_list(b, &text, &n)) {
            qlist = b;
            nq = n;
            continue;
        }
        if (!qlist || (b->kind != OCT_SECTION && b->kind != OCT_PARAGRAPH)) continue;
        oct_node *l = b->next;
        if (!l || l->kind != OCT_LIST || l->u.list.ordered) continue;
        oct_buf_clear(&text);
        oct_node_plain_text_to(b, &text);
        size_t items = 0;
        for (const oct_node *it = l->first; it; it = it->next)
            items++;
        if (!text.data || !st_is_key_caption(text.data, text.len) || items != nq) continue;
        int start = qlist->first ? qlist->first->u.item.number : 1;
        l->u.list.ordered = true;
        l->u.list.start = start;
        l->u.list.delim = '.';
        int k = 0;
        for (oct_node *it = l->first; it; it = it->next)
            it->u.item.number = start + k++;
        qlist = NULL;
    }
    oct_buf_free(&text);
}
