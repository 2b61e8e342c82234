/* Aligned columns → GFM pipe tables.
 *
 * Notes paste tables from web pages and spreadsheets as TAB-separated rows,
 * often with spaces mixed in for alignment ("Feature\t   Django ORM\t   …"),
 * or type them with runs of spaces. Three or more consecutive rows make a
 * table when they agree:
 *   - with TABs: every row splits into the same number of cells, by TAB
 *     runs, by single TABs, or by TABs and runs of 2+ spaces (rows differ
 *     in which one works: "Feature   Django ORM\tSQLAlchemy");
 *   - with spaces only: every cell starts inside a column the first row
 *     defines, so prose with double spaces after full stops never lines up.
 * The first row is the header; a rule under it ("-----  ----") is taken
 * along. Space-aligned rows without a rule must show a header that differs
 * from them, or they are a list ("Copyright (C) 2004  Name", "-c  compact
 * output", "AUTHORS  - the authors"), and so is any table with a column of
 * dash-led descriptions. Rows that look like code (aligned comments,
 * "key:   value," entries, assignments) are left to code detection. */
#include "ingest/normalize/normalize_internal.h"
#include "util/utf8.h"

#include <string.h>

enum { SPLIT_TAB_RUNS, SPLIT_TAB, SPLIT_HYBRID, SPLIT_COLUMNS, SPLIT_RULE };

#define VOTE_ROWS 8 /* rows that vote on a TAB table's column count */

typedef struct {
    size_t a, b; /* byte range in the line, trimmed */
    int col;     /* character column of the start */
} cell;

static bool is_separator(const char *s, size_t n, size_t i, int mode, size_t *end)
{
    size_t j = i;
    bool tab = false;
    while (j < n && (s[j] == ' ' || s[j] == '\t')) {
        tab |= s[j] == '\t';
        j++;
    }
    *end = j;
    switch (mode) {
    case SPLIT_TAB:
        *end = i + 1;
        return s[i] == '\t';
    case SPLIT_TAB_RUNS:
        return tab;
    default:
        return tab || j - i >= 2;
    }
}

/* Splits s[lead..n) into cells; returns the count (max + 1 when more). */
static int split_cells(const char *s, size_t n, size_t lead, int mode, cell *cells, int max)
{
    int count = 0;
    size_t i = lead, start = lead;
    while (i <= n) {
        size_t end = i;
        bool sep = i < n && is_separator(s, n, i, mode, &end);
        if (i == n || sep) {
            size_t a = start, b = i;
            while (a < b && nl_is_space(s[a]))
                a++;
            while (b > a && nl_is_space(s[b - 1]))
                b--;
            if (count < max) {
                cells[count].a = a;
                cells[count].b = b;
                cells[count].col = (int)oct_utf8_count(s, a);
            }
            count++;
            if (count > max) return count;
            if (i == n) break;
            start = end;
            i = end;
            continue;
        }
        i++;
    }
    return count;
}

static bool has_gap(const char *s, size_t n)
{
    for (size_t i = 1; i + 1 < n; i++)
        if (s[i] == '\t' || (s[i] == ' ' && s[i + 1] == ' ')) return true;
    return false;
}

static size_t text_end(const nl_line *l)
{
    size_t n = l->len;
    while (n > l->lead && nl_is_space(l->s[n - 1]))
        n--;
    return n;
}

static bool candidate(const nl_line *l)
{
    const unsigned skip = NL_BLANK | NL_FENCE | NL_PIPE | NL_LIST | NL_ITEM | NL_QUOTE |
                          NL_HEADING | NL_BREAK | NL_MDCODE | NL_CODE | NL_TABLE | NL_HTML;
    if ((l->flags & skip) || l->indent > 3) return false;
    size_t n = text_end(l);
    const char *t = l->s + l->lead;
    if ((t[0] == '|' && l->s[n - 1] == '|') || !has_gap(t, n - l->lead)) return false;
    cell c[2];
    return split_cells(l->s, n, l->lead, SPLIT_HYBRID, c, 1) >= 2;
}

/* Cells that belong to code: an aligned comment or operator column, a
 * "key:" or "x =" cell, or a line that classifies as code as a whole. */
static bool codeish(const nl_line *l, const cell *cells, int count)
{
    if (l->cls.strength >= NL_WEAK && l->cls.lang != NL_LANG_NONE) return true;
    for (int k = 0; k < count; k++) {
        const char *c = l->s + cells[k].a;
        size_t len = cells[k].b - cells[k].a;
        if (len == 0) continue;
        if (k > 0 && (nl_in_set(c[0], "=#:") || nl_starts_with(c, len, "//") ||
                      nl_starts_with(c, len, "--")))
            return true;
        if (k + 1 < count && nl_in_set(c[len - 1], ":,=([{")) return true;
    }
    return false;
}

static int row_count(const nl_line *l, int mode)
{
    cell c[NL_MAX_COLS];
    return split_cells(l->s, text_end(l), l->lead, mode, c, NL_MAX_COLS);
}

/* The column count most TAB rows agree on. */
static int common_count(const nl_doc *d, const size_t *rows, size_t nrows)
{
    int votes[NL_MAX_COLS + 2] = {0};
    for (size_t r = 0; r < nrows; r++) {
        const nl_line *l = &d->lines[rows[r]];
        bool tab = memchr(l->s + l->lead, '\t', text_end(l) - l->lead) != NULL;
        int c = row_count(l, tab ? SPLIT_TAB_RUNS : SPLIT_HYBRID);
        if (c <= NL_MAX_COLS) votes[c]++;
    }
    int best = 0;
    for (int c = 2; c <= NL_MAX_COLS; c++)
        if (votes[c] > votes[best]) best = c;
    return best;
}

static bool fit_row(nl_line *l, int want)
{
    static const int modes[] = {SPLIT_TAB_RUNS, SPLIT_TAB, SPLIT_HYBRID};
    cell c[NL_MAX_COLS];
    for (size_t m = 0; m < 3; m++) {
        int count = split_cells(l->s, text_end(l), l->lead, modes[m], c, NL_MAX_COLS);
        if (count == want) {
            if (codeish(l, c, count)) return false;
            l->split = modes[m];
            return true;
        }
    }
    return false;
}

/* The column a cell starting at character column `col` falls in. */
static int column_of(const nl_region *r, int col)
{
    int j = r->ncols - 1;
    while (j > 0 && col < r->cols[j] - 1)
        j--;
    return j;
}

static bool numeric(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || nl_in_set(s[i], ".,-+%"))) return false;
    return n > 0;
}

/* Column of each cell of a space-aligned row, by the header's starts. */
static bool fit_columns(nl_line *l, const nl_region *r)
{
    cell c[NL_MAX_COLS];
    int count = split_cells(l->s, text_end(l), l->lead, SPLIT_HYBRID, c, NL_MAX_COLS);
    if (count < 2 || count > r->ncols || c[0].col != r->cols[0]) return false;
    int last = 0;
    for (int k = 1; k < count; k++) {
        int j = column_of(r, c[k].col);
        if (j <= last) return false;
        /* text starts where its column starts; numbers may be right-aligned */
        if (c[k].col > r->cols[j] + 1 && !numeric(l->s + c[k].a, c[k].b - c[k].a)) return false;
        last = j;
    }
    if (codeish(l, c, count)) return false;
    l->split = SPLIT_COLUMNS;
    return true;
}

static bool header_words_ok(const nl_line *l, const cell *c, int count)
{
    for (int k = 0; k < count; k++) {
        const char *t = l->s + c[k].a;
        size_t len = c[k].b - c[k].a, words = 1;
        for (size_t i = 0; i < len; i++)
            words += t[i] == ' ';
        if (words > 6 || (len > 0 && nl_in_set(t[len - 1], ".!?"))) return false;
    }
    return true;
}

static bool has_tab(const nl_line *l)
{
    return memchr(l->s + l->lead, '\t', text_end(l) - l->lead) != NULL;
}

/* "-------   ----", "----+----" or one long "------": a rule typed under a
 * header row. */
static bool rule_row(const nl_line *l)
{
    if (l->flags & NL_BLANK) return false;
    int groups = 0, dashes = 0;
    bool in_group = false;
    for (size_t i = l->lead; i < text_end(l); i++) {
        char c = l->s[i];
        if (c == '-' || c == '=') {
            dashes++;
            if (!in_group) groups++;
            in_group = true;
        } else if (nl_in_set(c, " \t+|:")) {
            in_group = false;
        } else {
            return false;
        }
    }
    return dashes >= 3 && groups >= 1;
}

/* Up to `max` candidate rows from line i on (TAB tables may have blank
 * lines between rows, any table a rule under its header); returns how
 * many. */
static size_t gather_rows(const nl_doc *d, size_t i, size_t *rows, size_t max, bool *tabs)
{
    size_t nrows = 0;
    *tabs = false;
    for (size_t j = i; j < d->n && nrows < max; j++) {
        const nl_line *l = &d->lines[j];
        if (candidate(l)) {
            *tabs |= has_tab(l);
            rows[nrows++] = j;
        } else if (nrows == 1 && j == i + 1 && rule_row(l)) {
            continue;
        } else if (!(l->flags & NL_BLANK) || j + 1 >= d->n || !candidate(&d->lines[j + 1]) ||
                   !has_tab(&d->lines[j + 1])) {
            break;
        }
    }
    return nrows;
}

static bool has_digit(const nl_line *l)
{
    for (size_t k = 0; k < l->len; k++)
        if (l->s[k] >= '0' && l->s[k] <= '9') return true;
    return false;
}

/* After a blank line inside a TAB table (line j the next row): whether
 * that row heads a table of its own, as the first row (i) heads this one:
 * no figure in either, where the row above the blank has some ("Lab Normal
 * Unit" after "Heparin 5000 units SC"). */
static bool heads_next_table(const nl_doc *d, size_t i, size_t j)
{
    return j > i + 1 && !has_digit(&d->lines[j]) && !has_digit(&d->lines[i]) &&
           has_digit(&d->lines[j - 2]);
}

/* How the table starting at line i splits, from its first rows: the
 * column count for TAB tables, the column starts for space tables. *list
 * is set when a rule above the first row says the header is further up,
 * out of reach: none of the rows may head a table then. */
static bool probe_table(nl_doc *d, size_t i, nl_region *probe, bool *tabs, bool *list)
{
    size_t rows[VOTE_ROWS];
    if (i > 0 && rule_row(&d->lines[i - 1])) {
        *list = true;
        return false;
    }
    size_t nrows = gather_rows(d, i, rows, VOTE_ROWS, tabs);
    if (nrows < 3) return false;
    if (*tabs) {
        probe->ncols = common_count(d, rows, nrows);
        return probe->ncols >= 2;
    }
    nl_line *h = &d->lines[i];
    cell c[NL_MAX_COLS];
    int count = split_cells(h->s, text_end(h), h->lead, SPLIT_HYBRID, c, NL_MAX_COLS);
    if (count < 2 || count > NL_MAX_COLS || !header_words_ok(h, c, count)) return false;
    probe->ncols = count;
    for (int k = 0; k < count; k++)
        probe->cols[k] = c[k].col;
    return true;
}

/* The kind of text a cell holds, to tell a header row from a data row. */
enum { CELL_EMPTY, CELL_NUMBER, CELL_DASH, CELL_LOWER, CELL_UPPER, CELL_OTHER, CELL_KINDS };

static int cell_kind(const char *t, size_t n)
{
    if (n == 0) return CELL_EMPTY;
    if (numeric(t, n) || (t[0] >= '0' && t[0] <= '9' && n <= 12)) return CELL_NUMBER;
    if (t[0] == '-' || nl_starts_with(t, n, "\xe2\x80\x93") || nl_starts_with(t, n, "\xe2\x80\x94"))
        return CELL_DASH;
    if (t[0] >= 'a' && t[0] <= 'z') return CELL_LOWER;
    if (t[0] >= 'A' && t[0] <= 'Z') return CELL_UPPER;
    return CELL_OTHER;
}

/* Kinds of the cells of a taken row, by column. */
static void row_kinds(const nl_line *l, const nl_region *r, int kinds[NL_MAX_COLS])
{
    cell c[NL_MAX_COLS];
    int mode = l->split == SPLIT_COLUMNS ? SPLIT_HYBRID : l->split;
    int count = split_cells(l->s, text_end(l), l->lead, mode, c, NL_MAX_COLS);
    if (count > NL_MAX_COLS) count = NL_MAX_COLS;
    for (int j = 0; j < r->ncols; j++)
        kinds[j] = CELL_EMPTY;
    for (int k = 0; k < count; k++) {
        int j = l->split == SPLIT_COLUMNS ? (k == 0 ? 0 : column_of(r, c[k].col)) : k;
        if (j < r->ncols) kinds[j] = cell_kind(l->s + c[k].a, c[k].b - c[k].a);
    }
}

/* Rows that are a list rather than a table: "AUTHORS   - the authors",
 * "-c   compact output", "Copyright (C) 2004  Name": the first row is one
 * of them, not a header. A table typed with spaces and no rule under its
 * header must show a header that differs from its rows (text over
 * numbers, capitals over lower case…), else two columns are a table
 * without one; a dash-led column is a list of descriptions whatever the
 * separators. */
enum { ROWS_TABLE, ROWS_LIST, ROWS_HEADLESS };

/* Some row of lines first..last pads its first cell to reach the next
 * column (a gap of three blanks or more): the columns were lined up.
 * Cells of one width apart by two blanks line up by chance
 * ("Copyright (C) 2004-2009  Name" over "Copyright (C) 2004-2005  Name"). */
static bool padded(const nl_doc *d, size_t first, size_t last)
{
    for (size_t i = first; i <= last; i++) {
        const nl_line *l = &d->lines[i];
        if ((l->flags & NL_BLANK) || l->split == SPLIT_RULE) continue;
        cell c[2];
        if (split_cells(l->s, text_end(l), l->lead, SPLIT_HYBRID, c, 2) >= 2 && c[1].a - c[0].b > 2)
            return true;
    }
    return false;
}

static int looks_like_list(const nl_doc *d, size_t first, size_t last, const nl_region *r,
                           bool tabs, bool rule)
{
    int count[NL_MAX_COLS][CELL_KINDS];
    int header[NL_MAX_COLS], kinds[NL_MAX_COLS], rows = 0;
    memset(count, 0, sizeof count);
    bool header_seen = false;
    for (size_t i = first; i <= last; i++) {
        const nl_line *l = &d->lines[i];
        if ((l->flags & NL_BLANK) || l->split == SPLIT_RULE) continue;
        row_kinds(l, r, header_seen ? kinds : header);
        if (!header_seen) {
            header_seen = true;
            continue;
        }
        rows++;
        for (int j = 0; j < r->ncols; j++)
            count[j][kinds[j]]++;
    }
    bool distinct = false;
    for (int j = 0; j < r->ncols; j++) {
        int best = CELL_EMPTY;
        for (int k = 1; k < CELL_KINDS; k++)
            if (count[j][k] > count[j][best]) best = k;
        if (j > 0 && 3 * (count[j][CELL_DASH] + (header[j] == CELL_DASH)) >= 2 * (rows + 1))
            return ROWS_LIST;
        if (header[j] != best) distinct = true;
    }
    if (tabs || rule || distinct) return ROWS_TABLE;
    /* two aligned columns, all rows alike: a vocabulary or a command and
     * its meaning, a table without a header (an option list's dash-led
     * first column stays a list) */
    bool headless = r->ncols == 2 && header[0] != CELL_DASH && padded(d, first, last);
    return headless ? ROWS_HEADLESS : ROWS_LIST;
}

/* Takes the rows from line i on that fit the probe as a table; returns how
 * many, 0 when fewer than three fit (then nothing is marked). *list is set
 * when they fit but make a list: none of them may then head a table. */
static size_t take_table(nl_doc *d, size_t i, const nl_region *probe, bool tabs, bool *list)
{
    size_t last = i, taken = 0;
    bool rule = false;
    for (size_t j = i; j < d->n; j++) {
        nl_line *l = &d->lines[j];
        if (j == i + 1 && rule_row(l)) {
            l->split = SPLIT_RULE;
            rule = true;
            continue;
        }
        if ((l->flags & NL_BLANK) && tabs && j + 1 < d->n && candidate(&d->lines[j + 1]) &&
            has_tab(&d->lines[j + 1]) && !heads_next_table(d, i, j + 1))
            continue;
        if (!candidate(l)) break;
        if (!(tabs ? fit_row(l, probe->ncols) : fit_columns(l, probe))) break;
        taken++;
        last = j;
    }
    if (taken < 3) return 0;
    int kind = looks_like_list(d, i, last, probe, tabs, rule);
    if (kind == ROWS_LIST) {
        *list = true;
        return 0;
    }
    nl_region *r = nl_add_region(d, NL_R_TABLE, i, last);
    r->headless = kind == ROWS_HEADLESS;
    r->ncols = probe->ncols;
    memcpy(r->cols, probe->cols, sizeof r->cols);
    for (size_t j = i; j <= last; j++)
        d->lines[j].flags |= NL_TABLE;
    return taken;
}

void nl_detect_tables(nl_doc *d)
{
    size_t i = 0;
    while (i < d->n) {
        nl_region probe = {.kind = NL_R_TABLE};
        bool tabs = false, list = false;
        if (candidate(&d->lines[i]) && probe_table(d, i, &probe, &tabs, &list) &&
            take_table(d, i, &probe, tabs, &list)) {
            while (i < d->n && (d->lines[i].flags & NL_TABLE))
                i++;
        } else if (list) { /* skip the rows, or the second would head a table */
            while (i < d->n && (candidate(&d->lines[i]) || rule_row(&d->lines[i])))
                i++;
        } else {
            i++;
        }
    }
}

/* A cell's text between pipes, blank runs as one space; quoted: a CSV
 * field's doubled quotes as one. */
static void put_cell(oct_buf *out, const char *s, size_t a, size_t b, bool quoted)
{
    oct_buf_puts(out, " ");
    bool space = false;
    for (size_t i = a; i < b; i++) {
        char c = s[i];
        if (quoted && c == '"' && i + 1 < b && s[i + 1] == '"') i++;
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space) oct_buf_putc(out, ' ');
        space = false;
        if (c == '|') oct_buf_putc(out, '\\');
        oct_buf_putc(out, c);
    }
    oct_buf_puts(out, " |");
}

/* A CSV row (normalize_csv.c): its fields as cells. */
static void emit_csv_row(const nl_region *r, const nl_line *l, oct_buf *row)
{
    size_t a[NL_MAX_COLS], b[NL_MAX_COLS];
    char sep = l->split == NL_SPLIT_CSV_COMMA ? ',' : ';';
    int count = nl_csv_fields(l->s + l->lead, text_end(l) - l->lead, sep, a, b, NL_MAX_COLS);
    oct_buf_puts(row, "|");
    for (int j = 0; j < r->ncols; j++) {
        if (j < count)
            put_cell(row, l->s + l->lead, a[j], b[j], true);
        else
            oct_buf_puts(row, "  |");
    }
}

bool nl_table_cells(const nl_region *r, const nl_line *l, size_t *a, size_t *b)
{
    if (l->split == NL_SPLIT_CSV_COMMA || l->split == NL_SPLIT_CSV_SEMICOLON ||
        l->split == SPLIT_RULE || (l->flags & NL_BLANK))
        return false;
    cell c[NL_MAX_COLS];
    int slot[NL_MAX_COLS];
    int mode = l->split == SPLIT_COLUMNS ? SPLIT_HYBRID : l->split;
    int count = split_cells(l->s, text_end(l), l->lead, mode, c, NL_MAX_COLS);
    if (count > NL_MAX_COLS) count = NL_MAX_COLS;
    for (int j = 0; j < r->ncols; j++)
        slot[j] = l->split == SPLIT_COLUMNS ? -1 : j;
    if (l->split == SPLIT_COLUMNS) {
        slot[0] = 0;
        for (int k = 1; k < count; k++)
            slot[column_of(r, c[k].col)] = k;
    }
    for (int j = 0; j < r->ncols; j++) {
        bool has = slot[j] >= 0 && slot[j] < count;
        a[j] = has ? c[slot[j]].a : 0;
        b[j] = has ? c[slot[j]].b : 0;
    }
    return true;
}

static void emit_row(const nl_region *r, const nl_line *l, oct_buf *row)
{
    if (l->split == NL_SPLIT_CSV_COMMA || l->split == NL_SPLIT_CSV_SEMICOLON) {
        emit_csv_row(r, l, row);
        return;
    }
    size_t a[NL_MAX_COLS], b[NL_MAX_COLS];
    nl_table_cells(r, l, a, b);
    oct_buf_puts(row, "|");
    for (int j = 0; j < r->ncols; j++) /* an empty cell is written "  |" */
        put_cell(row, l->s, a[j], b[j], false);
}

void nl_emit_table(const nl_doc *d, const nl_region *r, nl_out *out)
{
    bool header = true;
    oct_buf row = OCT_BUF_INIT;
    if (r->headless) { /* GFM wants a header row: an empty one (ingest drops it) */
        oct_buf_puts(&row, "|");
        for (int k = 0; k < r->ncols; k++)
            oct_buf_puts(&row, "  |");
        nl_out_line(out, row.data, row.len, d->lines[r->start].src);
        oct_buf_clear(&row);
        oct_buf_puts(&row, "|");
        for (int k = 0; k < r->ncols; k++)
            oct_buf_puts(&row, " --- |");
        nl_out_line(out, row.data, row.len, d->lines[r->start].src);
        header = false;
    }
    for (size_t i = r->start; i <= r->end; i++) {
        const nl_line *l = &d->lines[i];
        if ((l->flags & NL_BLANK) || l->split == SPLIT_RULE) continue;
        oct_buf_clear(&row);
        emit_row(r, l, &row);
        nl_out_line(out, row.data, row.len, l->src);
        if (header) {
            oct_buf_clear(&row);
            oct_buf_puts(&row, "|");
            for (int k = 0; k < r->ncols; k++)
                oct_buf_puts(&row, " --- |");
            nl_out_line(out, row.data, row.len, l->src);
            header = false;
        }
    }
    oct_buf_free(&row);
}
