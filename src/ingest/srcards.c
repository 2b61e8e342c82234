/* Spaced-repetition flashcards (srcards.h) as the study pass's labels.
 *
 * A paragraph is read line by line (its soft and hard breaks end lines).
 * A single-line card's separator is the first run of two or three colons
 * in a text node of the line (code spans are never read), with words on
 * both sides. The card becomes two paragraphs, "Q: <left>" and
 * "A: <right>", and the lines between cards paragraphs of their own, each
 * at its first line, so that every message names the writer's line. A
 * multi-line card's lines before its "?" line become the "Q:" paragraph
 * and those after it the "A:" one, each joined into one line. Nothing of
 * the writer's text is dropped but the separators. */
#include "ingest/srcards.h"
#include "ingest/cloze.h"

#include <stdlib.h>
#include <string.h>

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (unsigned char)c >= 0x80;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

bool oct_srcards_tag_at(const char *s, size_t n, size_t i)
{
    static const char TAG[] = "flashcards";
    size_t k = sizeof TAG - 1;
    if (i + k > n || memcmp(s + i, TAG, k) != 0) return false;
    char after = i + k < n ? s[i + k] : ' ';
    return !is_name_char(after) && after != '-';
}

bool oct_srcards_tagged(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, '#', (size_t)(s + n - p))); p++) {
        size_t i = (size_t)(p - s);
        bool starts = i == 0 || is_space(s[i - 1]) || s[i - 1] == '\n' || s[i - 1] == '(' ||
                      s[i - 1] == '[' || s[i - 1] == ',' || s[i - 1] == '"' || s[i - 1] == '\'';
        if (starts && oct_srcards_tag_at(s, n, i + 1)) return true;
    }
    return false;
}

bool oct_srcards_possible(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, ':', (size_t)(s + n - p))) && p + 1 < s + n; p++)
        if (p[1] == ':') return true;
    for (const char *p = s; (p = memchr(p, '?', (size_t)(s + n - p))); p++) {
        size_t i = (size_t)(p - s);
        size_t a = i, b = i + 1;
        while (b < n && s[b] == '?')
            b++;
        while (a > 0 && is_space(s[a - 1]))
            a--;
        while (b < n && is_space(s[b]))
            b++;
        if ((a == 0 || s[a - 1] == '\n') && (b == n || s[b] == '\n')) return true;
    }
    return false;
}

/* The first separator in text s: a run of exactly two or three colons,
 * outside "{{...}}" (*depth: the braces open before s on its line, for a
 * cloze "{{c1::seven}}" or its hint is no side of a card). *a, *b its
 * bytes. (Outside a deck the left side must end with '?', so that a name
 * such as "std::vector" is never a card; in a deck every "a::b" is one,
 * as the plugin reads it.) */
static bool separator(const char *s, size_t *a, size_t *b, int *depth)
{
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '{' && s[i + 1] == '{') {
            ++*depth;
            i++;
        } else if (s[i] == '}' && s[i + 1] == '}' && *depth > 0) {
            --*depth;
            i++;
        }
        if (s[i] != ':' || s[i + 1] != ':' || *depth > 0) continue;
        size_t j = i;
        while (s[j] == ':')
            j++;
        if (j - i <= 3) {
            *a = i;
            *b = j;
            return true;
        }
        i = j - 1;
    }
    return false;
}

/* The plain text of inline nodes [from, to) (to excluded, NULL: the
 * line's end) appended to out. */
void oct_cards_line_text(const oct_node *from, const oct_node *to, oct_buf *out)
{
    for (const oct_node *c = from; c && c != to && !oct_node_is_break(c); c = c->next)
        oct_node_plain_text_to(c, out);
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_space(s[i]) && s[i] != '\n') return false;
    return true;
}

/* s with its leading (lead) or trailing blanks taken off, in the arena. */
static const char *trimmed(oct_tree *t, const char *s, size_t n, bool lead)
{
    size_t a = 0, b = n;
    if (lead)
        while (a < b && is_space(s[a]))
            a++;
    else
        while (b > a && is_space(s[b - 1]))
            b--;
    return oct_arena_strndup(t->arena, s + a, b - a);
}

/* Puts label ("Q: ", "A: ") at the head of the line that starts at n. */
void oct_cards_label_line(oct_tree *t, oct_node *n, const char *label)
{
    if (n->kind == OCT_TEXT && n->text) {
        n->text = oct_arena_cat(t->arena, label, n->text, "");
        return;
    }
    oct_node_insert_before(n, oct_node_new_text(t, OCT_TEXT, n->span, label, strlen(label)));
}

/* Moves the nodes [from, to) (to NULL: to the end) into a new paragraph
 * put before para, without the break that ended them; labelled; returned
 * (NULL when nothing was moved). Each paragraph carries the line of its
 * first node, so every message about a card names the writer's line. */
oct_node *oct_cards_move_lines(oct_tree *t, oct_node *para, oct_node *from, oct_node *to,
                               const char *label)
{
    if (!from || from == to) return NULL;
    oct_node *p = oct_node_new(t, OCT_PARAGRAPH, from->span);
    oct_node_insert_before(para, p);
    while (from && from != to) {
        oct_node *next = from->next;
        oct_node_append(p, from);
        from = next;
    }
    if (oct_node_is_break(p->last)) oct_node_unlink(p->last);
    if (!p->first) {
        oct_node_unlink(p);
        return NULL;
    }
    if (label) oct_cards_label_line(t, p->first, label);
    /* a card's answer is its own lines: the paragraph after it is a note
     * of the deck, no more of the answer */
    p->ends_answer = label && label[0] == 'A';
    return p;
}

/* The separator of a single-line card on the line that starts at first:
 * its text node (*at) and bytes [*a, *b); false when the line is none. */
static bool card_line(oct_node *first, bool deck, oct_buf *tmp, oct_node **at, size_t *a, size_t *b)
{
    int depth = 0;
    for (oct_node *c = first; c && !oct_node_is_break(c); c = c->next) {
        if (c->kind != OCT_TEXT || !c->text || !separator(c->text, a, b, &depth)) continue;
        oct_buf_clear(tmp);
        oct_cards_line_text(first, c, tmp);
        oct_buf_put(tmp, c->text, *a);
        size_t left = tmp->len;
        while (left > 0 && is_space(tmp->data[left - 1]))
            left--;
        if (left == 0 || blank(tmp->data, left) || (!deck && tmp->data[left - 1] != '?'))
            return false;
        oct_buf_clear(tmp);
        oct_buf_puts(tmp, c->text + *b);
        oct_cards_line_text(c->next, NULL, tmp);
        if (blank(tmp->data, tmp->len)) return false;
        *at = c;
        return true;
    }
    return false;
}

/* The node after the break that ends the line starting at n, or NULL. */
oct_node *oct_cards_next_line(oct_node *n)
{
    while (n && !oct_node_is_break(n))
        n = n->next;
    return n ? n->next : NULL;
}

/* A deck's line [l, next) that holds a cloze: a card as Anki makes it,
 * "Q:" the line with each cloze blanked, "A:" the line with its words in
 * bold (cloze.h), both at the line; the lines [run, l) before it a
 * paragraph of their own. */
static bool cloze_card(oct_tree *t, oct_node *para, oct_node *run, oct_node *l, oct_node *next)
{
    bool any = false;
    for (oct_node *c = l; c != next && !oct_node_is_break(c) && !any; c = c->next)
        any = c->kind == OCT_TEXT && c->text && oct_cloze_possible(c->text, strlen(c->text));
    if (!any) return false;
    oct_node *q = oct_node_new(t, OCT_PARAGRAPH, l->span);
    for (oct_node *c = l; c != next && !oct_node_is_break(c); c = c->next)
        oct_node_append(q, oct_node_clone(t, c));
    if (!oct_cloze_mark(t, q->first, NULL, OCT_CLOZE_BLANK, NULL)) return false;
    oct_cards_move_lines(t, para, run, l, NULL);
    oct_cloze_mark(t, l, next, OCT_CLOZE_SHOW, NULL);
    oct_node *first = para->first; /* l may have gone: the cloze opened it */
    oct_node_insert_before(para, q);
    oct_cards_label_line(t, q->first, "Q: ");
    oct_cards_move_lines(t, para, first, next, "A: ");
    return true;
}

/* Single-line cards: each line that is one becomes a "Q:" and an "A:"
 * paragraph, the lines between them paragraphs of their own. */
static void single_lines(oct_tree *t, oct_node *para, bool deck, oct_buf *tmp)
{
    oct_node *run = NULL; /* the first line of lines that are no card */
    bool made = false;
    for (oct_node *l = para->first; l;) {
        oct_node *next = oct_cards_next_line(l), *c;
        size_t a, b;
        if (!card_line(l, deck, tmp, &c, &a, &b)) {
            if (deck && cloze_card(t, para, run, l, next)) {
                run = NULL;
                made = true;
            } else if (!run) {
                run = l;
            }
            l = next;
            continue;
        }
        oct_cards_move_lines(t, para, run, l, NULL);
        run = NULL;
        const char *s = c->text;
        size_t len = strlen(s);
        oct_node *right = oct_node_new_text(t, OCT_TEXT, c->span, "", 0);
        right->text = trimmed(t, s + b, len - b, true);
        c->text = trimmed(t, s, a, false);
        if (c->next)
            oct_node_insert_before(c->next, right);
        else
            oct_node_append(para, right);
        if (!*c->text && c != l) oct_node_unlink(c);
        oct_cards_move_lines(t, para, l, right, "Q: ");
        oct_cards_move_lines(t, para, right, next, "A: ");
        made = true;
        l = next;
    }
    if (!made) return;
    oct_cards_move_lines(t, para, run, NULL, NULL);
    oct_node_unlink(para);
}

/* A multi-line card's side as one line: its soft breaks (spaces, in
 * Markdown) become spaces in the text, so that the study pass does not
 * read a line of an answer ("what the cell takes in.") as a question. */
void oct_cards_join_lines(oct_tree *t, oct_node *para)
{
    for (oct_node *c = para ? para->first : NULL; c;) {
        oct_node *next = c->next;
        if (c->kind != OCT_SOFT_BREAK) {
            c = next;
            continue;
        }
        oct_node *prev = c->prev;
        oct_node_unlink(c);
        if (prev && prev->kind == OCT_TEXT && next && next->kind == OCT_TEXT) {
            prev->text = oct_arena_cat(t->arena, prev->text, " ", next->text);
            oct_node *after = next->next;
            oct_node_unlink(next);
            next = after;
        } else if (prev && prev->kind == OCT_TEXT) {
            prev->text = oct_arena_cat(t->arena, prev->text, " ", "");
        } else if (next && next->kind == OCT_TEXT) {
            next->text = oct_arena_cat(t->arena, " ", next->text, "");
        } else if (next) {
            oct_node_insert_before(next, oct_node_new_text(t, OCT_TEXT, c->span, " ", 1));
        }
        c = next;
    }
}

/* A line that is only "?" or "??". */
static bool question_mark_line(const oct_node *n)
{
    if (!n || n->kind != OCT_TEXT || !n->text || (n->next && !oct_node_is_break(n->next)))
        return false;
    const char *s = n->text;
    while (is_space(*s))
        s++;
    size_t q = 0;
    while (s[q] == '?')
        q++;
    return (q == 1 || q == 2) && blank(s + q, strlen(s + q));
}

/* A multi-line card (a deck's): lines, "?", lines, as a "Q:" and an "A:"
 * paragraph. */
static bool multi_line(oct_tree *t, oct_node *para)
{
    for (oct_node *l = oct_cards_next_line(para->first); l; l = oct_cards_next_line(l)) {
        if (!question_mark_line(l)) continue;
        oct_node *answer = oct_cards_next_line(l);
        if (!answer) return false;
        oct_cards_join_lines(t, oct_cards_move_lines(t, para, para->first, l, "Q: "));
        oct_node_unlink(l->next); /* the break after the "?" */
        oct_node_unlink(l);
        oct_cards_join_lines(t, oct_cards_move_lines(t, para, answer, NULL, "A: "));
        oct_node_unlink(para);
        return true;
    }
    return false;
}

static void paragraph(oct_tree *t, oct_node *para, bool deck, oct_buf *tmp)
{
    if (!para->first) return;
    if (deck && multi_line(t, para)) return;
    single_lines(t, para, deck, tmp);
}

void oct_ingest_srcards(oct_tree *t, oct_node *chapter, bool deck)
{
    size_t n;
    oct_node **paras = oct_node_collect(chapter, OCT_PARAGRAPH, &n);
    oct_buf tmp = OCT_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        paragraph(t, paras[i], deck, &tmp);
    oct_buf_free(&tmp);
    free(paras);
}
