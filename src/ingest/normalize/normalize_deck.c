/* A flashcard deck exported as text. Anki ("Notes in Plain Text") and
 * Quizlet write one card a record, its front and its back separated by a
 * tab (Anki: or the separator its "#separator:" setting names: comma,
 * semicolon, pipe), Anki with "#separator:tab"-style settings on the first
 * lines. A field holding a line break, the separator or a quote is quoted
 * as in CSV: it opens with '"', a doubled quote stands for one, and it may
 * run over several lines. Read as plain text the file became a table
 * whose first card was its header row, and no card was a question. A file
 * that is such a deck and nothing else (two fields on every record, two
 * cards or more) is written as "Q: front" / "A: back" pairs instead, each
 * at its card's line, which the study pass reads as questions and
 * answers; Anki's settings lines are reported, not printed. A front is
 * one prompt: its line breaks (and Anki's <br>) become spaces; a back
 * keeps its lines. Anki's settings name the columns that are no field
 * ("#tags column:3", "#deck column:", "#notetype column:", "#guid
 * column:"): they are left out (the note says which), so a deck exported
 * with its tags is cards too. A deck with more columns than that (a third
 * field) stays a table: which column is the answer is not known. */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

enum { MIN_CARDS = 2, MIN_GUESSED_CARDS = 3, MAX_COLUMNS = 32, MAX_CARD_LINES = 200 };

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

/* The settings of lines [0, first): the columns (bit k: column k + 1)
 * that are no field, and the separator. */
typedef struct {
    uint32_t other;
    char sep;
    bool named;   /* "#separator:" named it */
    bool guessed; /* a separator no setting names (';' ','): strictly */
} deck_settings;

static char separator_named(const char *s, size_t n)
{
    static const struct {
        const char *name;
        char sep;
    } SEPS[] = {{"tab", '\t'}, {"comma", ','}, {"semicolon", ';'}, {"pipe", '|'},
                {",", ','},    {";", ';'},     {"|", '|'},         {"\t", '\t'}};
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    for (size_t k = 0; k < sizeof SEPS / sizeof *SEPS; k++)
        if (strlen(SEPS[k].name) == n && strncasecmp(s, SEPS[k].name, n) == 0) return SEPS[k].sep;
    return 0;
}

static deck_settings settings_of(const nl_doc *d, size_t first)
{
    deck_settings st = {0, '\t'};
    for (size_t i = 0; i < first; i++) {
        const nl_line *l = &d->lines[i];
        static const char SEP[] = "#separator:";
        if (l->len > sizeof SEP - 1 && strncmp(l->s, SEP, sizeof SEP - 1) == 0) {
            char c = separator_named(l->s + sizeof SEP - 1, l->len - (sizeof SEP - 1));
            if (c) st.sep = c, st.named = true;
        }
        for (size_t k = 0; k < sizeof NOT_FIELD / sizeof *NOT_FIELD; k++) {
            size_t n = strlen(NOT_FIELD[k]), col = 0, j = n;
            if (l->len <= n || strncmp(l->s, NOT_FIELD[k], n) != 0) continue;
            while (j < l->len && l->s[j] >= '0' && l->s[j] <= '9' && col <= MAX_COLUMNS)
                col = col * 10 + (size_t)(l->s[j++] - '0');
            if (col >= 1 && col <= MAX_COLUMNS) st.other |= 1u << (col - 1);
        }
    }
    return st;
}

/* A card: its two fields, unquoted, their lines joined by '\n' (trimmed),
 * each with the index of the line it starts on; end: the line after its
 * last. */
typedef struct {
    oct_buf f[2];
    size_t at[2];
    size_t end;
} deck_card;

/* A quoted field starting at line *li, byte *k (its opening quote), into
 * out (NULL: a column left out), up to its lone closing quote; moves past
 * it. Returns 1 at the end of the record, 0 when a separator follows, -1
 * when it is no quoted field (a quote left open within `last`, or text
 * after the closing quote). */
static int read_quoted(const nl_doc *d, size_t *li, size_t *k, char sep, size_t last, oct_buf *out)
{
    const nl_line *l = &d->lines[*li];
    for (size_t i = *k + 1;;) {
        if (i >= l->len) { /* the field goes on on the next line */
            if (*li + 1 >= d->n || *li + 1 > last) return -1;
            if (out) oct_buf_putc(out, '\n');
            l = &d->lines[++*li];
            i = 0;
            continue;
        }
        if (l->s[i] != '"') {
            if (out) oct_buf_putc(out, l->s[i]);
            i++;
        } else if (i + 1 < l->len && l->s[i + 1] == '"') {
            if (out) oct_buf_putc(out, '"');
            i += 2;
        } else {
            *k = i + 1;
            if (*k >= l->len) return 1;
            if (l->s[*k] != sep) return -1;
            ++*k;
            return 0;
        }
    }
}

/* Reads one field starting at line *li, byte *k, into out (NULL: a column
 * left out); moves past it. Returns 1 at the end of the record, 0 when a
 * separator follows. A field that opens with a quote but is not quoted
 * ("Carpe diem" means?) is read as it stands, as Quizlet writes it. */
static int read_field(const nl_doc *d, size_t *li, size_t *k, char sep, size_t last, oct_buf *out,
                      bool strict)
{
    const nl_line *l = &d->lines[*li];
    if (*k < l->len && l->s[*k] == '"') {
        size_t li0 = *li, k0 = *k, len0 = out ? out->len : 0;
        int r = read_quoted(d, li, k, sep, last, out);
        const nl_line *at = &d->lines[*li];
        if (r == 0 && strict && *k < at->len && (at->s[*k] == ' ' || at->s[*k] == '\t')) return -1;
        if (r >= 0) return r;
        *li = li0;
        *k = k0;
        if (out) out->len = len0;
    }
    const char *s = l->s + *k, *e = memchr(s, sep, l->len - *k);
    size_t n = e ? (size_t)(e - s) : l->len - *k;
    /* a guessed separator is followed by no blank: "a, b" is prose */
    if (strict && e && (size_t)(e - l->s) + 1 < l->len && (e[1] == ' ' || e[1] == '\t')) return -1;
    if (out) oct_buf_put(out, s, n);
    *k += n + (e ? 1 : 0);
    return e ? 0 : 1;
}

/* The card whose record starts at line i (not blank), its other columns
 * left out; false unless it has exactly two fields, neither empty. */
static bool read_card(const nl_doc *d, size_t i, const deck_settings *st, deck_card *c)
{
    const nl_line *l = &d->lines[i];
    if (l->lead > 0) return false; /* indented: code */
    size_t li = i, k = 0, nfield = 0, last = i + MAX_CARD_LINES;
    oct_buf_clear(&c->f[0]);
    oct_buf_clear(&c->f[1]);
    for (size_t col = 0;; col++) {
        bool field = col >= MAX_COLUMNS || !(st->other >> col & 1);
        if (field && nfield == 2) return false; /* a third field */
        if (field) c->at[nfield] = li;
        int r = read_field(d, &li, &k, st->sep, last, field ? &c->f[nfield] : NULL, st->guessed);
        if (r < 0) return false;
        nfield += field;
        if (r == 1) break;
    }
    c->end = li + 1;
    if (nfield != 2) return false;
    for (int f = 0; f < 2; f++) { /* trimmed: the field's own blanks */
        size_t n = c->f[f].len;
        const char *t = n ? nl_trim(c->f[f].data, &n) : "";
        if (n == 0) return false;
        memmove(c->f[f].data, t, n);
        c->f[f].len = n;
        c->f[f].data[n] = '\0';
    }
    return true;
}

static void card_free(deck_card *c)
{
    oct_buf_free(&c->f[0]);
    oct_buf_free(&c->f[1]);
}

/* The cards from line i on with settings st: their count, 0 unless every
 * record but blank lines is one. */
static size_t count_cards(const nl_doc *d, size_t i, const deck_settings *st)
{
    size_t cards = 0;
    deck_card c = {0};
    while (i < d->n) {
        if (d->lines[i].flags & NL_BLANK) {
            i++;
            continue;
        }
        if (!read_card(d, i, st, &c)) {
            cards = 0;
            break;
        }
        cards++;
        i = c.end;
    }
    card_free(&c);
    return cards;
}

/* Lines [0, *first) are Anki's settings; true when every other record is
 * a card or a blank line, and there are enough cards. Without a
 * "#separator:" setting the separator is a tab, else (Quizlet's other
 * choices, a spreadsheet saved as CSV) a semicolon or a comma followed by
 * no blank on every card, in three cards or more: "la mesa;the table",
 * "alkane,a saturated hydrocarbon". */
bool nl_is_deck(const nl_doc *d, size_t *first, char *sep)
{
    size_t i = 0;
    while (i < d->n && settings_line(&d->lines[i]))
        i++;
    *first = i;
    deck_settings st = settings_of(d, i);
    *sep = st.sep;
    if (count_cards(d, i, &st) >= MIN_CARDS) return true;
    if (st.named) return false;
    static const char GUESSES[] = {';', ','};
    for (size_t k = 0; k < sizeof GUESSES; k++) {
        st.sep = GUESSES[k];
        st.guessed = true;
        if (count_cards(d, i, &st) >= MIN_GUESSED_CARDS) {
            *sep = st.sep;
            return true;
        }
    }
    return false;
}

/* Whether s[i..] is Anki's line break, "<br>", "<br/>" or "<br />";
 * its length in *n. */
static bool br_at(const char *s, size_t len, size_t i, size_t *n)
{
    static const char *const BR[] = {"<br>", "<br/>", "<br />"};
    for (size_t k = 0; k < 3; k++) {
        size_t m = strlen(BR[k]);
        if (i + m <= len && strncasecmp(s + i, BR[k], m) == 0) {
            *n = m;
            return true;
        }
    }
    return false;
}

/* The front as one line: its line breaks become single spaces. */
static void put_front(oct_buf *b, const oct_buf *f)
{
    bool space = false;
    for (size_t i = 0, n; i < f->len; i++) {
        if (f->data[i] == '\n' || br_at(f->data, f->len, i, &n)) {
            if (f->data[i] != '\n') i += n - 1;
            space = true;
            continue;
        }
        if (space && b->len && b->data[b->len - 1] != ' ') oct_buf_putc(b, ' ');
        space = false;
        oct_buf_putc(b, f->data[i]);
    }
}

/* Whether the card is the columns' names a deck exported from Quizlet or
 * a spreadsheet starts with ("front<TAB>back", "Term,Definition"). */
static bool header_card(const deck_card *c)
{
    static const char *const PAIRS[][2] = {{"front", "back"},       {"term", "definition"},
                                           {"question", "answer"},  {"word", "meaning"},
                                           {"word", "translation"}, {"prompt", "response"}};
    for (size_t k = 0; k < sizeof PAIRS / sizeof *PAIRS; k++) {
        size_t a = strlen(PAIRS[k][0]), b = strlen(PAIRS[k][1]);
        if (c->f[0].len == a && c->f[1].len == b &&
            strncasecmp(c->f[0].data, PAIRS[k][0], a) == 0 &&
            strncasecmp(c->f[1].data, PAIRS[k][1], b) == 0)
            return true;
    }
    return false;
}

void nl_emit_deck(const nl_doc *d, size_t first, char sep, nl_out *o)
{
    deck_settings st = settings_of(d, first);
    st.guessed = !st.named && sep != st.sep; /* as nl_is_deck found it */
    st.sep = sep;
    if (first > 0)
        oct_diag_report(d->diag, OCT_NOTE, d->path, 1, 1, "front-matter",
                        "lines 1-%zu are the settings of a flashcard deck exported as text "
                        "(\"%.*s\"); not printed%s",
                        first, (int)(d->lines[0].len > 40 ? 40 : d->lines[0].len), d->lines[0].s,
                        st.other ? ", nor the columns they name (tags, deck, note type, guid)"
                                 : "");
    oct_buf b = OCT_BUF_INIT;
    deck_card c = {0};
    bool opening = true;
    for (size_t i = first; i < d->n;) {
        if ((d->lines[i].flags & NL_BLANK) || !read_card(d, i, &st, &c)) {
            i++;
            continue;
        }
        if (opening && header_card(&c)) {
            oct_diag_report(d->diag, OCT_NOTE, d->path, d->lines[c.at[0]].src, 1, "front-matter",
                            "the deck's first line names its columns (\"%.*s\", \"%.*s\"); not "
                            "printed",
                            (int)c.f[0].len, c.f[0].data, (int)c.f[1].len, c.f[1].data);
            nl_out_line(o, "", 0, d->lines[c.end - 1].src);
            opening = false;
            i = c.end;
            continue;
        }
        opening = false;
        oct_buf_clear(&b);
        oct_buf_puts(&b, "Q: ");
        put_front(&b, &c.f[0]);
        nl_out_line(o, b.data, b.len, d->lines[c.at[0]].src);
        /* a paragraph of its own: a label split off the front's paragraph
         * would count its line from the front's, one past the card's */
        nl_out_line(o, "", 0, d->lines[c.at[0]].src);
        /* the back line by line, each at its own line of the source */
        const char *s = c.f[1].data, *end = s + c.f[1].len;
        for (size_t li = c.at[1]; s <= end; li++) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
            oct_buf_clear(&b);
            if (s == c.f[1].data) oct_buf_puts(&b, "A: ");
            oct_buf_put(&b, s, n);
            nl_out_line(o, b.data, b.len, d->lines[li < c.end ? li : c.end - 1].src);
            if (!nl) break;
            s = nl + 1;
        }
        nl_out_line(o, "", 0, d->lines[c.end - 1].src);
        i = c.end;
    }
    card_free(&c);
    oct_buf_free(&b);
}
