/* Rows pasted from a spreadsheet saved as CSV → GFM pipe tables.
 *
 * "country,capital,population" over rows of "Peru,Lima,34.0" read as a
 * paragraph ran the rows together into one line of commas. Three or more
 * consecutive lines make a table when each splits into the same number
 * (2 to NL_MAX_COLS) of fields at commas, or else at semicolons (Excel's
 * CSV where the comma is the decimal mark), fields quoted as in RFC 4180
 * ("Korea, South", a doubled "" for a quote). Prose has a blank after
 * its commas: a separator followed by a blank is no CSV, nor is a line
 * of code, an indented line, or rows whose first or last field is
 * empty on every one (";" ending statements). The first row is the header when it has no number and
 * a row below has one in some column ("population_m" over "68.0"); else the table is headless. A
 * whole file of two-field records is a deck of cards instead (normalize_deck.c), which runs first.
 */
#include "ingest/normalize/normalize_internal.h"

#include <string.h>

/* The fields of s[0..n) split at sep: up to max byte ranges a[k]..b[k]
 * (a quoted field without its quotes); returns the count, -1 when the
 * line is no CSV record (a blank after a separator, a quote left open,
 * text after a closing quote). */
int nl_csv_fields(const char *s, size_t n, char sep, size_t *a, size_t *b, int max)
{
    int count = 0;
    size_t i = 0;
    for (;;) {
        size_t fa, fb;
        if (i < n && s[i] == '"') { /* quoted: up to the lone closing quote */
            size_t j = i + 1;
            while (j < n && !(s[j] == '"' && (j + 1 >= n || s[j + 1] != '"')))
                j += s[j] == '"' ? 2 : 1;
            if (j >= n) return -1;
            fa = i + 1;
            fb = j;
            i = j + 1;
            if (i < n && s[i] != sep) return -1;
        } else {
            const char *e = memchr(s + i, sep, n - i);
            fa = i;
            fb = e ? (size_t)(e - s) : n;
            if (memchr(s + fa, '"', fb - fa)) return -1; /* a stray quote: not CSV */
            i = fb;
        }
        if (count < max) a[count] = fa, b[count] = fb;
        count++;
        if (i >= n) return count;
        i++; /* the separator */
        if (i < n && (s[i] == ' ' || s[i] == '\t')) return -1;
    }
}

static bool row_candidate(const nl_line *l)
{
    const unsigned skip = NL_BLANK | NL_FENCE | NL_PIPE | NL_LIST | NL_ITEM | NL_QUOTE |
                          NL_HEADING | NL_BREAK | NL_MDCODE | NL_CODE | NL_TABLE | NL_HTML;
    return !(l->flags & skip) && l->lead == 0 && l->cls.strength < NL_STRONG;
}

/* The fields of line l at sep (-1: no record); *ends: its first or last
 * field is empty. */
static int fields_of(const nl_line *l, char sep, bool *ends)
{
    size_t a[NL_MAX_COLS], b[NL_MAX_COLS];
    size_t n = l->len;
    while (n > l->lead && nl_is_space(l->s[n - 1]))
        n--;
    if (!memchr(l->s + l->lead, sep, n - l->lead)) return -1;
    int k = nl_csv_fields(l->s + l->lead, n - l->lead, sep, a, b, NL_MAX_COLS);
    *ends = k >= 2 && k <= NL_MAX_COLS && (a[k - 1] == b[k - 1] || a[0] == b[0]);
    return k;
}

static bool numeric_field(const char *s, size_t n)
{
    size_t digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (!strchr(".,-+% ", s[i]))
            return false;
    }
    return digits > 0;
}

/* Whether some field of line l is a number. */
static bool has_number(const nl_line *l, char sep)
{
    size_t a[NL_MAX_COLS], b[NL_MAX_COLS];
    int k = nl_csv_fields(l->s + l->lead, l->len - l->lead, sep, a, b, NL_MAX_COLS);
    for (int j = 0; j < k && j < NL_MAX_COLS; j++)
        if (numeric_field(l->s + l->lead + a[j], b[j] - a[j])) return true;
    return false;
}

/* The rows from line i split at sep into as many fields as line i: how
 * many (0 when line i is no record, or every row has an empty first or
 * last field: "output;" ends a statement or a sentence, not a field);
 * *span: the lines looked at, which no later start could make a table
 * of when these make none (so a long run is read once). */
static size_t rows_from(const nl_doc *d, size_t i, char sep, int *count, size_t *span)
{
    bool ends, all_ends;
    *span = 1;
    *count = row_candidate(&d->lines[i]) ? fields_of(&d->lines[i], sep, &all_ends) : -1;
    if (*count < 2 || *count > NL_MAX_COLS) return 0;
    size_t j = i + 1;
    while (j < d->n && row_candidate(&d->lines[j]) &&
           fields_of(&d->lines[j], sep, &ends) == *count) {
        all_ends &= ends;
        j++;
    }
    *span = j - i;
    return all_ends ? 0 : j - i;
}

void nl_detect_csv(nl_doc *d)
{
    static const char SEPS[] = {',', ';'};
    size_t dead[2] = {0, 0}; /* per separator: no table of it starts before this line */
    for (size_t i = 0; i < d->n;) {
        size_t rows = 0, span;
        int count = 0;
        char sep = 0;
        for (size_t k = 0; k < sizeof SEPS && rows < 3; k++) {
            if (i < dead[k]) continue;
            sep = SEPS[k];
            rows = rows_from(d, i, sep, &count, &span);
            if (rows < 3) dead[k] = i + span;
        }
        if (rows < 3) {
            i++;
            continue;
        }
        size_t last = i + rows - 1;
        bool numbers_below = false;
        for (size_t j = i + 1; j <= last && !numbers_below; j++)
            numbers_below = has_number(&d->lines[j], sep);
        nl_region *r = nl_add_region(d, NL_R_TABLE, i, last);
        r->ncols = count;
        r->headless = has_number(&d->lines[i], sep) || !numbers_below;
        for (size_t j = i; j <= last; j++) {
            d->lines[j].flags |= NL_TABLE;
            d->lines[j].split = sep == ',' ? NL_SPLIT_CSV_COMMA : NL_SPLIT_CSV_SEMICOLON;
        }
        i = last + 1;
    }
}
