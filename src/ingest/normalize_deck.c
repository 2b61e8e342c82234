/* A flashcard deck exported as text. Anki ("Notes in Plain Text") and
 * Quizlet write one card a line, its front and its back separated by a
 * tab, Anki with "#separator:tab"-style settings on the first lines.
 * Read as plain text the file became a table whose first card was its
 * header row, and no card was a question. A file that is such a deck and
 * nothing else (two fields on every line, two cards or more) is written
 * as "Q: front" / "A: back" pairs instead, each at its card's line, which
 * the study pass reads as questions and answers; Anki's settings lines are
 * reported, not printed. Anki's settings name the columns that are no
 * field ("#tags column:3", "#deck column:", "#notetype column:", "#guid
 * column:"): they are left out (the note says which), so a deck exported
 * with its tags is cards too. A deck with more columns than that (a third
 * field) stays a table: which column is the answer is not known. */
#include "ingest/normalize_internal.h"

#include <stdint.h>
#include <string.h>

enum { MIN_CARDS = 2, MAX_COLUMNS = 32 };

/* Anki's settings naming a column that is no field of the card. */
static const char *const NOT_FIELD[] = {
    "#tags column:", "#deck column:", "#notetype column:", "#guid column:"};

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

/* The columns (bit k: column k + 1) the settings lines [0, first) say
 * are no field. */
static uint32_t other_columns(const nl_doc *d, size_t first)
{
    uint32_t mask = 0;
    for (size_t i = 0; i < first; i++) {
        const nl_line *l = &d->lines[i];
        for (size_t k = 0; k < sizeof NOT_FIELD / sizeof *NOT_FIELD; k++) {
            size_t n = strlen(NOT_FIELD[k]), col = 0, j = n;
            if (l->len <= n || strncmp(l->s, NOT_FIELD[k], n) != 0) continue;
            while (j < l->len && l->s[j] >= '0' && l->s[j] <= '9' && col <= MAX_COLUMNS)
                col = col * 10 + (size_t)(l->s[j++] - '0');
            if (col >= 1 && col <= MAX_COLUMNS) mask |= 1u << (col - 1);
        }
    }
    return mask;
}

/* The two fields of a card line, trimmed, its other columns left out;
 * false unless there are exactly two, neither empty. */
static bool card_fields(const nl_line *l, uint32_t other, const char **f, size_t *fn,
                        const char **b, size_t *bn)
{
    if (l->lead > 0 || !memchr(l->s, '\t', l->len)) return false; /* indented: code */
    const char *field[2];
    size_t len[2], nfield = 0, col = 0;
    for (const char *p = l->s, *end = l->s + l->len; p <= end; col++) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        size_t n = tab ? (size_t)(tab - p) : (size_t)(end - p);
        if (col >= MAX_COLUMNS || !(other >> col & 1)) {
            if (nfield == 2) return false; /* a third field */
            field[nfield] = nl_trim(p, &n);
            len[nfield++] = n;
        }
        p += n + 1;
        if (!tab) break;
    }
    if (nfield != 2) return false;
    *f = field[0];
    *fn = len[0];
    *b = field[1];
    *bn = len[1];
    return len[0] > 0 && len[1] > 0;
}

/* Lines [0, *first) are Anki's settings; true when every other line is a
 * card or blank, and there are enough cards. */
bool nl_is_deck(const nl_doc *d, size_t *first)
{
    size_t i = 0, cards = 0;
    while (i < d->n && settings_line(&d->lines[i]))
        i++;
    *first = i;
    uint32_t other = other_columns(d, i);
    for (; i < d->n; i++) {
        const nl_line *l = &d->lines[i];
        if (l->flags & NL_BLANK) continue;
        const char *f, *b;
        size_t fn, bn;
        if (!card_fields(l, other, &f, &fn, &b, &bn)) return false;
        cards++;
    }
    return cards >= MIN_CARDS;
}

void nl_emit_deck(const nl_doc *d, size_t first, nl_out *o)
{
    uint32_t other = other_columns(d, first);
    if (first > 0)
        oct_diag_report(d->diag, OCT_NOTE, d->path, 1, 1, "front-matter",
                        "lines 1-%zu are the settings of a flashcard deck exported as text "
                        "(\"%.*s\"); not printed%s",
                        first, (int)(d->lines[0].len > 40 ? 40 : d->lines[0].len), d->lines[0].s,
                        other ? ", nor the columns they name (tags, deck, note type, guid)" : "");
    oct_buf b = OCT_BUF_INIT;
    for (size_t i = first; i < d->n; i++) {
        const nl_line *l = &d->lines[i];
        const char *f, *k;
        size_t fn, kn;
        if (!card_fields(l, other, &f, &fn, &k, &kn)) continue; /* a blank line */
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
