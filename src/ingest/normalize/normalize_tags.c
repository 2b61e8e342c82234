/* Obsidian and Logseq tags ("#biology", "#flashcards/spanish",
 * "#[[two words]]"): the apps show them as pills or hide them; printed
 * they are the app's filing, not the notes' text, and a tag left on a
 * heading ends up in the chapter's title and the Anki deck's columns.
 * So a line of nothing but tags goes (a list item's marker stays when
 * the item has children, which would otherwise become code), and a run
 * of tags ending a line is cut from it ("## Mitochondria #organelles",
 * "What does the ribosome do? #card"). One note per source names the
 * tags and the lines ([tags]); the tree has no place for them (front
 * matter's tags are not printed either). A tag inside a sentence stays:
 * it is a word of the sentence.
 *
 * Not tags: '#' that does not follow a blank or the line's start (C#,
 * F#, "page#anchor", "[#x](url)"), "#1" (a number: an issue), hex colours
 * ("#ff0000", "#fff"), headings ("# x": a blank follows the '#'), a C
 * preprocessor line ("#include <x>"), anything in fenced code or a code
 * span. Markdown sources only (in plain text '#' opens shell and Python
 * comments that no fence marks yet); the line count does not change. */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_NAMED = 6 };

typedef struct {
    oct_buf out;
    int *lines;         /* source lines that lost tags */
    size_t nlines, cap; /* entries of lines, room */
    int first_col;      /* column of the first tag cut */
    oct_buf names;      /* the first MAX_NAMED distinct tags, ", " apart */
    size_t nnames;      /* how many names holds */
    bool deck;          /* a #flashcards tag */
    bool lone;          /* the only line cut was one tag alone */
} tagstrip;

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool tag_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '/' || c >= 0x80;
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* "#fff", "#ff0000", "#ff000080": a colour, not a tag. */
static bool hex_colour(const char *s, size_t n)
{
    if (n != 3 && n != 4 && n != 6 && n != 8) return false;
    for (size_t i = 0; i < n; i++)
        if (!is_hex(s[i])) return false;
    return true;
}

/* The length of the tag at s[i] (a '#' at the line's start or after a
 * blank), 0 when none starts there. */
static size_t tag_at(const char *s, size_t n, size_t i)
{
    if (s[i] != '#' || i + 1 >= n || (i > 0 && !blank(s[i - 1]))) return 0;
    size_t k = i + 1;
    if (s[k] == '[' && k + 1 < n && s[k + 1] == '[') { /* Logseq's #[[two words]] */
        for (size_t j = k + 2; j + 1 < n; j++)
            if (s[j] == ']' && s[j + 1] == ']') return j > k + 2 ? j + 2 - i : 0;
        return 0;
    }
    unsigned char first = (unsigned char)s[k];
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_' ||
          first >= 0x80))
        return 0;
    while (k < n && tag_char((unsigned char)s[k]))
        k++;
    while (k > i + 1 && (s[k - 1] == '/' || s[k - 1] == '-')) /* "#tag-" ends before the sign */
        k--;
    if (k < n && !blank(s[k]) && !strchr(",.;:!?)", s[k])) return 0; /* "#a*b", "#x=1" */
    if (hex_colour(s + i + 1, k - i - 1)) return 0;
    return k - i;
}

/* A C preprocessor line written outside a fence: its '#' is no tag. */
static bool preprocessor(const char *s, size_t n)
{
    static const char WORDS[] = " include define undef if ifdef ifndef elif else endif pragma "
                                "error warning line region endregion import ";
    if (n < 2 || s[0] != '#') return false;
    size_t w = nl_word_len(s + 1, n - 1);
    return w && nl_in_word_list(WORDS, s + 1, w);
}

/* The bytes of the block signs opening s[0..n): quote signs, a list
 * marker, a heading's hashes and their blanks. *item: a list marker. */
static size_t block_signs(const char *s, size_t n, bool *item)
{
    size_t i = 0;
    *item = false;
    for (;;) {
        while (i < n && blank(s[i]))
            i++;
        if (i < n && s[i] == '>') {
            i++;
            continue;
        }
        break;
    }
    size_t d = i;
    while (d < n && s[d] >= '0' && s[d] <= '9')
        d++;
    if (i < n && strchr("-*+", s[i]) && i + 1 < n && blank(s[i + 1])) {
        *item = true;
        i += 2;
    } else if (d > i && d + 1 < n && (s[d] == '.' || s[d] == ')') && blank(s[d + 1])) {
        *item = true;
        i = d + 2;
    } else {
        size_t h = i;
        while (h < n && s[h] == '#')
            h++;
        if (h > i && h - i <= 6 && h < n && blank(s[h])) i = h;
    }
    while (i < n && blank(s[i]))
        i++;
    return i;
}

static void name_tag(tagstrip *st, const char *t, size_t n)
{
    if (n == 11 && !memcmp(t, "#flashcards", 11)) st->deck = true;
    if (n > 11 && !memcmp(t, "#flashcards/", 12)) st->deck = true;
    if (st->nnames > MAX_NAMED) return;
    oct_buf probe = OCT_BUF_INIT;
    oct_buf_printf(&probe, ", %.*s,", (int)n, t);
    oct_buf hay = OCT_BUF_INIT;
    oct_buf_printf(&hay, ", %s,", st->names.data ? st->names.data : "");
    bool seen = strstr(hay.data, probe.data) != NULL;
    oct_buf_free(&probe);
    oct_buf_free(&hay);
    if (seen) return;
    if (st->nnames++ == MAX_NAMED) {
        oct_buf_puts(&st->names, ", ...");
        return;
    }
    if (st->names.len) oct_buf_puts(&st->names, ", ");
    oct_buf_put(&st->names, t, n);
}

/* Where the run of tags ending s[from..n) starts (n when none ends it):
 * tags with blanks or commas between them. Code spans are never read. */
static size_t trailing_tags(const char *s, size_t from, size_t n)
{
    size_t end = n;
    while (end > from && (blank(s[end - 1]) || s[end - 1] == ','))
        end--;
    size_t start = end;
    for (;;) {
        size_t j = start;
        while (j > from && !blank(s[j - 1]))
            j--;
        if (j == start) break;
        size_t k = tag_at(s, n, j);
        size_t stop = start;
        if (stop > j && s[stop - 1] == ',') stop--;
        if (!k || j + k != stop) break;
        start = j;
        while (start > from && (blank(s[start - 1]) || s[start - 1] == ','))
            start--;
    }
    if (start == end) return n;
    return start;
}

/* s[0..n) has a code span, which tags never reach into. */
static bool has_code_span(const char *s, size_t n)
{
    return memchr(s, '`', n) != NULL;
}

/* Cuts the tags from line s[0..n) (lineno; more: the next line is
 * indented further, a list item's children). */
static void strip_line(tagstrip *st, const char *s, size_t n, int lineno, bool more)
{
    bool item;
    size_t body = block_signs(s, n, &item);
    size_t cut = body < n && !has_code_span(s, n) && !preprocessor(s + body, n - body)
                     ? trailing_tags(s, body, n)
                     : n;
    if (cut == n) {
        oct_buf_put(&st->out, s, n);
        return;
    }
    int tags = 0;
    for (size_t j = cut; j < n; j++) { /* named in the order written */
        size_t k = tag_at(s, n, j);
        if (k && !st->first_col) st->first_col = (int)j + 1;
        if (k) name_tag(st, s + j, k);
        if (k) tags++;
        j += k;
    }
    st->lone = st->nlines == 0 && cut == body && tags == 1 && !st->deck;
    OCT_GROW(st->lines, st->cap, st->nlines + 1);
    st->lines[st->nlines++] = lineno;
    if (cut > body) { /* the line's text stays, its tags go */
        while (cut > body && blank(s[cut - 1]))
            cut--;
        oct_buf_put(&st->out, s, cut);
    } else if (item && more) { /* an item of tags over children: its marker holds them */
        size_t m = body;
        while (m > 0 && blank(s[m - 1]))
            m--;
        oct_buf_put(&st->out, s, m);
    } else { /* a line of tags: quote signs keep a callout whole */
        size_t q = 0;
        while (q < body && (blank(s[q]) || s[q] == '>'))
            q++;
        while (q > 0 && blank(s[q - 1]))
            q--;
        oct_buf_put(&st->out, s, q);
    }
}

static void report(const tagstrip *st, const char *path, oct_diag *diag)
{
    oct_buf what = OCT_BUF_INIT;
    nl_put_line_ranges(&what, st->lines, st->nlines);
    oct_diag_report(diag, OCT_NOTE, path, st->lines[0], st->first_col, "tags",
                    "tags not printed (%s): line%s %s", st->names.data, st->nlines == 1 ? "" : "s",
                    what.data);
    oct_buf_free(&what);
}

char *nl_strip_tags(const char *text, size_t len, size_t *outlen, bool *deck, const char *path,
                    oct_diag *diag)
{
    if (!memchr(text, '#', len)) return NULL;
    nl_raw_line *v;
    size_t n = nl_raw_lines(text, len, &v);
    tagstrip st = {.out = OCT_BUF_INIT, .names = OCT_BUF_INIT};
    for (size_t i = 0; i < n; i++) {
        const nl_raw_line *l = &v[i];
        size_t j = i + 1;
        while (j < n && v[j].lead == v[j].n) /* blank lines */
            j++;
        bool more = j < n && !v[j].fenced && v[j].lead > l->lead;
        if (l->fenced || !memchr(l->s, '#', l->n))
            oct_buf_put(&st.out, l->s, l->n);
        else
            strip_line(&st, l->s, l->n, (int)i + 1, more);
        oct_buf_put(&st.out, l->s + l->n, l->full - l->n); /* its newline */
    }
    free(v);
    *deck = st.deck;
    /* One word after a '#' on a line of its own, and no tag anywhere else:
     * a heading typed without its blank ("#Summary") as likely as a tag,
     * and CommonMark prints it; so does octavo then. */
    if (!st.nlines || (st.nlines == 1 && st.lone)) {
        free(st.lines);
        oct_buf_free(&st.out);
        oct_buf_free(&st.names);
        return NULL;
    }
    report(&st, path, diag);
    oct_buf_free(&st.names);
    free(st.lines);
    *outlen = st.out.len;
    return oct_buf_detach(&st.out);
}
