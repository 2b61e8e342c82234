/* A flashcard deck exported as text. Anki ("Notes in Plain Text") and
 * Quizlet write one card a line, its front and its back separated by a
 * tab, Anki with "#separator:tab"-style settings on the first lines.
 * Read as plain text the file became a table whose first card was its
 * header row, and no card was a question. A file that is such a deck and
 * nothing else (two fields on every line, two cards or more) is written
 * as "Q: front" / "A: back" pairs instead, each at its card's line, which
 * the study pass reads as questions and answers; Anki's settings lines are
 * reported, not printed. A deck with more columns (tags, a third field)
 * stays a table: which column is the answer is not known. */
#include "ingest/normalize_internal.h"

#include <string.h>

enum { MIN_CARDS = 2 };

/* Anki's settings line: "#key:value" with no blank before the colon. */
static bool settings_line(const nl_line *l)
{
    if (l->len < 3 || l->s[0] != '#' || l->s[1] == ' ' || l->s[1] == '#') return false;
    const char *colon = memchr(l->s, ':', l->len);
    if (!colon) return false;
    for (const char *p = l->s + 1; p < colon; p++)
        if (*p == '\t') return false;
    return true;
}

/* The two fields of a card line, trimmed; false unless there are exactly
 * two, neither empty. */
static bool card_fields(const nl_line *l, const char **f, size_t *fn, const char **b, size_t *bn)
{
    const char *tab = memchr(l->s, '\t', l->len);
    if (l->lead > 0 || !tab ||
        /* indented: code, not a card */ memchr(tab + 1, '\t', l->len - (size_t)(tab + 1 - l->s)))
        return false;
    size_t n1 = (size_t)(tab - l->s), n2 = l->len - n1 - 1;
    *f = nl_trim(l->s, &n1);
    *b = nl_trim(tab + 1, &n2);
    *fn = n1;
    *bn = n2;
    return n1 > 0 && n2 > 0;
}

/* Lines [0, *first) are Anki's settings; true when every other line is a
 * card or blank, and there are enough cards. */
bool nl_is_deck(const nl_doc *d, size_t *first)
{
    size_t i = 0, cards = 0;
    while (i < d->n && settings_line(&d->lines[i]))
        i++;
    *first = i;
    for (; i < d->n; i++) {
        const nl_line *l = &d->lines[i];
        if (l->flags & NL_BLANK) continue;
        const char *f, *b;
        size_t fn, bn;
        if (!card_fields(l, &f, &fn, &b, &bn)) return false;
        cards++;
    }
    return cards >= MIN_CARDS;
}

void nl_emit_deck(const nl_doc *d, size_t first, nl_out *o)
{
    if (first > 0)
        oct_diag_report(d->diag, OCT_NOTE, d->path, 1, 1, "front-matter",
                        "lines 1-%zu are the settings of a flashcard deck exported as text "
                        "(\"%.*s\"); not printed",
                        first, (int)(d->lines[0].len > 40 ? 40 : d->lines[0].len), d->lines[0].s);
    oct_buf b = OCT_BUF_INIT;
    for (size_t i = first; i < d->n; i++) {
        const nl_line *l = &d->lines[i];
        const char *f, *k;
        size_t fn, kn;
        if (!card_fields(l, &f, &fn, &k, &kn)) continue; /* a blank line */
        oct_buf_clear(&b);
        oct_buf_puts(&b, "Q: ");
        oct_buf_put(&b, f, fn);
        nl_out_line(o, b.data, b.len, l->src);
        oct_buf_clear(&b);
        oct_buf_puts(&b, "A: ");
        oct_buf_put(&b, k, kn);
        nl_out_line(o, b.data, b.len, l->src);
        nl_out_line(o, "", 0, l->src);
    }
    oct_buf_free(&b);
}
