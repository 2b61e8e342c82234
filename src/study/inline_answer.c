#include "study/study_int.h"

#include <string.h>

/* Drill sheets and chat answers write a card on one line:
 *
 *   Q: What is the capital of Australia? A: Canberra, not Sydney.
 *   Q3: Largest planet? -- Answer: Jupiter
 *
 * The answer's label is then read as part of the question, and the card
 * has no answer. Such a line is cut before its answer label, as if the
 * answer began a line of its own (which the rest of the study pass reads
 * as the question's answer). Only where nothing else is meant: the label
 * ends in a colon ("A:", "Answer:", "Réponse :"), follows a blank, and
 * what comes before it, separators ("--", "—", "|") left out, ends a
 * sentence; "Q: What does A: mean here?" stays one question. */

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* Bytes of a separator a card may put between its sides, ending at s[n]. */
static size_t separator_before(const char *s, size_t n)
{
    static const char *const SEPS[] = {"--", "-", "\xE2\x80\x94", "\xE2\x80\x93", "|", "/", "=>"};
    for (size_t i = 0; i < sizeof SEPS / sizeof *SEPS; i++) {
        size_t k = strlen(SEPS[i]);
        if (n >= k && memcmp(s + n - k, SEPS[i], k) == 0) return k;
    }
    return 0;
}

/* An answer label with a colon ("A:", "Answer :", "Ответ:") at s[0..n):
 * its length with the blanks after it, 0 if none or nothing follows. */
static size_t colon_label(const char *s, size_t n)
{
    size_t k = st_answer_label(s, n);
    if (!k || k >= n) return 0;
    size_t e = k;
    while (e > 0 && is_blank(s[e - 1]))
        e--;
    bool colon =
        (e >= 1 && s[e - 1] == ':') || (e >= 3 && memcmp(s + e - 3, "\xEF\xBC\x9A", 3) == 0);
    return colon ? k : 0;
}

/* s[0..n) without its trailing blanks and separator. */
static size_t side_length(const char *s, size_t n)
{
    while (n > 0 && is_blank(s[n - 1]))
        n--;
    n -= separator_before(s, n);
    while (n > 0 && is_blank(s[n - 1]))
        n--;
    return n;
}

/* Whether the question side s[0..n) is over: blanks and one separator
 * off, it ends a sentence. */
static bool side_ends(const char *s, size_t n)
{
    n = side_length(s, n);
    return n > 0 && st_ends_sentence(s, n);
}

oct_node *st_cut_paragraph(oct_tree *tree, oct_node *p, oct_node *t, size_t at, int line)
{
    const char *s = t->text;
    size_t len = strlen(s);
    oct_node *rest = oct_node_new_text(tree, OCT_TEXT, t->span, s + at, len - at);
    t->text = oct_arena_strndup(tree->arena, s, side_length(s, at));
    if (t->next)
        oct_node_insert_before(t->next, rest);
    else
        oct_node_append(p, rest);
    oct_node *np = oct_node_new(tree, OCT_PARAGRAPH, (oct_span){p->span.file, line, 1});
    if (p->next)
        oct_node_insert_before(p->next, np);
    else
        oct_node_append(p->parent, np);
    st_move_range(rest, p->last, np);
    np->ends_answer = p->ends_answer; /* the end of an answer is its last part's */
    p->ends_answer = false;
    return np;
}

/* Where line ln's answer label begins: its text node and byte, or NULL.
 * The line's text is read once (into line; part is scratch), so a line of
 * thousands of would-be labels costs no more than its length. */
static oct_node *answer_cut(const st_line *ln, oct_buf *line, oct_buf *part, size_t *at)
{
    oct_buf_clear(line);
    if (!ln->first) return NULL;
    st_range_text(ln->first, ln->last, line);
    size_t q = line->data ? st_question_label(line->data, line->len, NULL) : 0;
    if (!q) return NULL;
    size_t base = 0; /* where node t's text starts in the line's */
    for (oct_node *t = ln->first; t; t = t == ln->last ? NULL : t->next) {
        size_t len = st_inline_length(t, part);
        const char *s = t->text;
        /* every answer label here ends in a colon: most text has none */
        bool colon = t->kind == OCT_TEXT && s && (strchr(s, ':') || strstr(s, "\xEF\xBC\x9A"));
        for (size_t j = 1; colon && j < len; j++) {
            if (!is_blank(s[j - 1]) || is_blank(s[j]) || !colon_label(s + j, len - j)) continue;
            /* the question side: the line up to here, after its label */
            size_t end = base + j;
            if (end <= q || !side_ends(line->data + q, end - q)) continue;
            *at = j;
            return t;
        }
        base += len;
    }
    return NULL;
}

/* Whether line ln may open with a question label: the text of its first
 * node (or of the first node inside it: "**Q:**"). A cheap test before
 * the line is read whole. */
static bool may_open_with_label(const st_line *ln)
{
    const oct_node *f = ln->first;
    while (f && f->kind != OCT_TEXT && f->first)
        f = f->first;
    if (!f || f->kind != OCT_TEXT || !f->text) return false;
    return st_question_label(f->text, strlen(f->text), NULL) != 0;
}

oct_node *st_split_inline_card(oct_tree *tree, oct_node *p, st_lines *l)
{
    /* no colon anywhere: no card (a paragraph's texts, read once) */
    bool colon = false;
    for (const oct_node *k = p->first; k && !colon; k = k->next)
        colon = k->kind == OCT_TEXT && k->text &&
                (strchr(k->text, ':') || strstr(k->text, "\xEF\xBC\x9A"));
    if (!colon) return NULL;
    st_lines_of(p, l);
    oct_buf line = OCT_BUF_INIT, part = OCT_BUF_INIT;
    oct_node *np = NULL;
    for (size_t i = 0; i < l->n && !np; i++) {
        size_t at;
        if (!may_open_with_label(&l->v[i])) continue;
        oct_node *t = answer_cut(&l->v[i], &line, &part, &at);
        if (t) np = st_cut_paragraph(tree, p, t, at, l->v[i].line);
    }
    oct_buf_free(&line);
    oct_buf_free(&part);
    return np;
}
