/* Typographic quotes (tree.h: oct_tree_smart_quotes). Notes are typed with
 * the keyboard's straight quotes; a printed booklet sets the quotation
 * marks of its language ("word" is “word” in English, „Wort“ in German,
 * « mot » in French) and the apostrophe ’ (don’t, l’école).
 *
 * Each run of inline text between two blocks (a paragraph, a heading, a
 * cell, a question's prompt) is read as one stream: a quote's side comes
 * from the characters around it, across emphasis and links, so the quotes
 * around *a word* in italics still pair. Code, index terms and footnote
 * marks are opaque in the stream and never changed. Where the side is not
 * clear the quote stays as typed: after a digit (5'10" is feet and
 * inches), between two letters for a double quote, alone between spaces.
 * A single quote is a quotation mark only when it pairs with another in
 * the run; otherwise it is the apostrophe ('90s, the students' books).
 * Right-to-left scripts (Hebrew, Arabic, Persian, Urdu, Yiddish) keep
 * their quotes as typed: their marks and mirroring are the writer's.
 * French text also gets its no-break spaces (french_spaces), and Polish,
 * Czech and Slovak ones after one-letter words (hold_one_letter_words). */
#include "tree/tree.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <string.h>
#include <strings.h>
#include <utf8proc.h>

typedef struct {
    const char *langs;         /* primary subtags, space-separated */
    const char *dq[2], *sq[2]; /* double (primary) and single (secondary) marks */
    bool spaced;               /* French: a narrow no-break space inside « » */
} quote_style;

static const quote_style STYLES[] = {
    {"de cs sk sl is lt et", {"\xe2\x80\x9e", "\xe2\x80\x9c"}, {"\xe2\x80\x9a", "\xe2\x80\x98"}},
    {"fr", {"\xc2\xab", "\xc2\xbb"}, {"\xe2\x80\x9c", "\xe2\x80\x9d"}, true},
    {"es it ca pt el nb no nn sq eu gl",
     {"\xc2\xab", "\xc2\xbb"},
     {"\xe2\x80\x9c", "\xe2\x80\x9d"}},
    {"ru uk be bg", {"\xc2\xab", "\xc2\xbb"}, {"\xe2\x80\x9e", "\xe2\x80\x9c"}},
    {"pl ro hr", {"\xe2\x80\x9e", "\xe2\x80\x9d"}, {"\xc2\xab", "\xc2\xbb"}},
    {"hu", {"\xe2\x80\x9e", "\xe2\x80\x9d"}, {"\xc2\xbb", "\xc2\xab"}},
    {"sv fi", {"\xe2\x80\x9d", "\xe2\x80\x9d"}, {"\xe2\x80\x99", "\xe2\x80\x99"}},
    {"da", {"\xc2\xbb", "\xc2\xab"}, {"\xe2\x80\xba", "\xe2\x80\xb9"}},
    {"ja", {"\xe3\x80\x8c", "\xe3\x80\x8d"}, {"\xe3\x80\x8e", "\xe3\x80\x8f"}},
};
/* English and every other language: “ ” and ‘ ’. */
static const quote_style DEFAULT_STYLE = {
    "", {"\xe2\x80\x9c", "\xe2\x80\x9d"}, {"\xe2\x80\x98", "\xe2\x80\x99"}};
static const char APOSTROPHE[] = "\xe2\x80\x99";
static const char NNBSP[] = "\xe2\x80\xaf";

/* Whether the space-separated list holds the word tag[0..n). */
static bool listed(const char *list, const char *tag, size_t n)
{
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && strncasecmp(p, tag, n) == 0) return true;
        p += len + (e ? 1 : 0);
    }
    return false;
}

/* The style of language tag lang, or NULL: quotes left as typed. */
static const quote_style *style_of(const char *lang)
{
    size_t n = lang ? strcspn(lang, "-_") : 0;
    if (n == 0) return &DEFAULT_STYLE;
    if (listed("he ar fa ur yi", lang, n)) return NULL;
    /* Brazil sets “ ” where Portugal sets « » */
    if (n == 2 && strncasecmp(lang, "pt", 2) == 0 && lang[2] && strncasecmp(lang + 3, "br", 2) == 0)
        return &DEFAULT_STYLE;
    for (size_t k = 0; k < sizeof STYLES / sizeof *STYLES; k++)
        if (listed(STYLES[k].langs, lang, n)) return &STYLES[k];
    return &DEFAULT_STYLE;
}

/* Right-to-left languages keep the quotes their notes were typed with
 * (style_of), but the booklet's own quotations still need marks. */
static const quote_style RTL_MARKS[] = {
    {"ar fa ur", {"\xc2\xab", "\xc2\xbb"}, {"\xe2\x80\xb9", "\xe2\x80\xba"}},
    {"he yi", {"\xe2\x80\x9e", "\xe2\x80\x9d"}, {"\xe2\x80\x9a", "\xe2\x80\x99"}},
};
/* French sets a narrow no-break space inside its guillemets. */
static const char FR_OPEN[] = "\xc2\xab\xe2\x80\xaf", FR_CLOSE[] = "\xe2\x80\xaf\xc2\xbb";

void oct_quote_marks(const char *lang, const char **open, const char **close)
{
    const quote_style *st = style_of(lang);
    size_t n = lang ? strcspn(lang, "-_") : 0;
    for (size_t k = 0; !st && k < sizeof RTL_MARKS / sizeof *RTL_MARKS; k++)
        if (listed(RTL_MARKS[k].langs, lang, n)) st = &RTL_MARKS[k];
    if (!st) st = &DEFAULT_STYLE;
    *open = st->spaced ? FR_OPEN : st->dq[0];
    *close = st->spaced ? FR_CLOSE : st->dq[1];
}

/* The stream of one run: its text, and per TEXT node where it starts in
 * it (opaque nodes stand as one letter, breaks as one space). */
typedef struct {
    oct_node *node; /* a TEXT node, or NULL: a stand-in character */
    char stand;
} piece;

typedef struct {
    piece *p;
    size_t n, cap;
    bool quoted;   /* a piece holds a straight quote: the run is read */
    oct_buf text;  /* the stream, made only then */
    size_t *start; /* where each piece starts in it */
    size_t capstart;
    const char *held; /* one-letter words kept off a line's end, or NULL */
} run;

/* What stands beside a quote. */
typedef enum { C_EDGE, C_SPACE, C_OPEN, C_LETTER, C_DIGIT, C_CLOSE } around;

static around class_of(unsigned cp)
{
    if (cp == '\'' || cp == '"') return C_CLOSE; /* decided by its own side */
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    switch (c) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return C_SPACE;
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PD:
        return C_OPEN;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return C_DIGIT;
    default:
        return oct_utf8_is_letter(cp) || c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC
                   ? C_LETTER
                   : C_CLOSE;
    }
}

/* What stands before the quote at i: a quote already decided counts as
 * the side it was given. */
static around before(const run *r, size_t i, const unsigned char *mark)
{
    if (i == 0) return C_EDGE;
    size_t at = oct_utf8_last_start(r->text.data, i), len;
    char c = r->text.data[at];
    if (mark && (c == '"' || c == '\'')) return mark[at] == 1 || mark[at] == 3 ? C_OPEN : C_CLOSE;
    return class_of(oct_utf8_decode(r->text.data + at, i - at, &len));
}

static around after(const run *r, size_t i)
{
    if (i + 1 >= r->text.len) return C_EDGE;
    size_t len;
    return class_of(oct_utf8_decode(r->text.data + i + 1, r->text.len - i - 1, &len));
}

static bool opens(around b, around a)
{
    return (b == C_EDGE || b == C_SPACE || b == C_OPEN) &&
           (a == C_LETTER || a == C_DIGIT || a == C_CLOSE || a == C_OPEN);
}

static bool closes(around b, around a)
{
    return (b == C_LETTER || b == C_DIGIT || b == C_CLOSE) &&
           (a == C_EDGE || a == C_SPACE || a == C_CLOSE);
}

/* Where the run's last single quote that can close a quotation stands (not
 * an apostrophe: nothing but a space, punctuation or the end after it, no
 * digit before it), plus one; 0 when there is none. An opening single
 * quote before it pairs. */
static size_t single_close_end(const run *r)
{
    for (size_t j = r->text.len; j-- > 0;) {
        if (r->text.data[j] != '\'') continue;
        around b = before(r, j, NULL), a = after(r, j);
        if (closes(b, a) && b != C_DIGIT) return j + 1;
    }
    return 0;
}

/* A single quote at i opens a quoted number: digits (with their commas
 * and points) and a quote that nothing of a word follows ('1984', not
 * '90s). */
static bool quoted_number(const run *r, size_t i)
{
    const char *s = r->text.data;
    size_t k = i + 1;
    while (k < r->text.len && ((s[k] >= '0' && s[k] <= '9') || s[k] == ',' || s[k] == '.'))
        k++;
    if (k == i + 1 || k >= r->text.len || s[k] != '\'') return false;
    around a = after(r, k);
    return a != C_LETTER && a != C_DIGIT;
}

/* 'n' between spaces (rock 'n' roll, fish 'n' chips) stands for "and":
 * two apostrophes, not a quoted letter. */
static bool and_contraction(const run *r, size_t i)
{
    const char *s = r->text.data;
    return i + 2 < r->text.len && (s[i + 1] == 'n' || s[i + 1] == 'N') && s[i + 2] == '\'' &&
           (i == 0 || s[i - 1] == ' ') && (i + 3 == r->text.len || s[i + 3] == ' ');
}

/* What each quote of the run becomes: 0 as typed, 1 double opening, 2
 * double closing, 3 single opening, 4 single closing, 5 apostrophe. After
 * a digit a quote closes only a quotation open in the run (else it is a
 * foot, an inch or a minute). */
static void decide(const run *r, unsigned char *mark)
{
    const char *s = r->text.data;
    size_t open_double = 0, open_single = 0, close_end = single_close_end(r);
    for (size_t i = 0; i < r->text.len; i++) {
        mark[i] = 0;
        if (s[i] != '"' && s[i] != '\'') continue;
        around b = before(r, i, mark), a = after(r, i);
        size_t *open = s[i] == '"' ? &open_double : &open_single;
        if (s[i] == '\'' && and_contraction(r, i)) {
            mark[i] = mark[i + 2] = 5;
            mark[i + 1] = 0;
            i += 2;
        } else if (s[i] == '\'' && (b == C_LETTER || b == C_DIGIT) &&
                   (a == C_LETTER || a == C_OPEN)) {
            mark[i] = 5; /* don't, l'école, l'« effet », 1990's */
        } else if (opens(b, a)) {
            if (s[i] == '"' || (a != C_DIGIT && i + 1 < close_end) ||
                (a == C_DIGIT && quoted_number(r, i))) {
                mark[i] = s[i] == '"' ? 1 : 3;
                ++*open;
            } else {
                mark[i] = 5; /* 'tis, '90s */
            }
        } else if (closes(b, a) && (b != C_DIGIT || *open)) {
            mark[i] = s[i] == '"' ? 2 : *open ? 4 : 5; /* the students' books */
            if (*open) --*open;
        }
    }
}

static void put_mark(oct_buf *b, const quote_style *st, unsigned char m)
{
    const char *marks[] = {st->dq[0], st->dq[1], st->sq[0], st->sq[1], APOSTROPHE};
    if (st->spaced && m == 2) oct_buf_puts(b, NNBSP);
    oct_buf_puts(b, marks[m - 1]);
    if (st->spaced && m == 1) oct_buf_puts(b, NNBSP);
}

/* Rewrites the run's TEXT nodes whose quotes change. */
static void apply(oct_tree *t, run *r, const quote_style *st)
{
    unsigned char *mark = oct_xmalloc(r->text.len);
    decide(r, mark);
    oct_buf b = OCT_BUF_INIT;
    for (size_t k = 0; k < r->n; k++) {
        if (!r->p[k].node) continue;
        const char *s = r->p[k].node->text;
        size_t len = strlen(s), at = r->start[k];
        bool changed = false;
        for (size_t i = 0; i < len && !changed; i++)
            changed = mark[at + i] != 0;
        if (!changed) continue;
        oct_buf_clear(&b);
        for (size_t i = 0; i < len; i++) {
            if (mark[at + i])
                put_mark(&b, st, mark[at + i]);
            else
                oct_buf_putc(&b, s[i]);
        }
        r->p[k].node->text = oct_arena_strndup(t->arena, b.data, b.len);
    }
    oct_buf_free(&b);
    free(mark);
}

/* French sets a narrow no-break space inside « » and before ; ! ? and a
 * no-break space before a colon. Where the notes have a plain space there,
 * it becomes that space: a line could otherwise end on « or start on its
 * word (line-break rules allow a break after « and a space). No space is
 * added where the writer put none. */
static void french_spaces(oct_tree *t, oct_node *n)
{
    const char *s = n->text;
    if (!strchr(s, ' ')) return;
    size_t len = strlen(s);
    oct_buf b = OCT_BUF_INIT;
    bool changed = false;
    for (size_t i = 0; i < len; i++) {
        const char *sp = NULL;
        if (s[i] == ' ') {
            char c = s[i + 1];
            if (c == ';' || c == '!' || c == '?' || (c == '\xc2' && s[i + 2] == '\xbb'))
                sp = NNBSP;
            else if (c == ':')
                sp = "\xc2\xa0";
            else if (i >= 2 && s[i - 2] == '\xc2' && s[i - 1] == '\xab')
                sp = NNBSP;
        }
        if (sp) {
            oct_buf_puts(&b, sp);
            changed = true;
        } else {
            oct_buf_putc(&b, s[i]);
        }
    }
    if (changed) n->text = oct_arena_strndup(t->arena, b.data, b.len);
    oct_buf_free(&b);
}

/* Polish, Czech and Slovak typesetting keeps a one-letter word off the end
 * of a line ("w", "z", "i" in Polish; "k", "s", "v", "z" in Czech): the
 * space after it becomes a no-break space, so it goes over with the word
 * it belongs to. The letters for lang, or NULL. */
static const char *held_letters(const char *lang)
{
    size_t n = lang ? strcspn(lang, "-_") : 0;
    if (n == 2 && !strncasecmp(lang, "pl", 2)) return "aiouwzAIOUWZ";
    if (n == 2 && (!strncasecmp(lang, "cs", 2) || !strncasecmp(lang, "sk", 2)))
        return "aikosuvzAIKOSUVZ";
    return NULL;
}

static void hold_one_letter_words(oct_tree *t, oct_node *n, const char *letters)
{
    const char *s = n->text;
    size_t len = strlen(s);
    oct_buf b = OCT_BUF_INIT;
    bool changed = false;
    for (size_t i = 0; i < len; i++) {
        bool word_start = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(';
        if (word_start && i + 1 < len && s[i + 1] == ' ' && strchr(letters, s[i]) && s[i]) {
            oct_buf_putc(&b, s[i++]);
            oct_buf_puts(&b, "\xc2\xa0");
            changed = true;
            continue;
        }
        oct_buf_putc(&b, s[i]);
    }
    if (changed) n->text = oct_arena_strndup(t->arena, b.data, b.len);
    oct_buf_free(&b);
}

/* The run read and rewritten when it holds a quote, then emptied. */
static void flush(oct_tree *t, run *r, const quote_style *st)
{
    if (r->quoted) {
        oct_buf_clear(&r->text);
        OCT_GROW(r->start, r->capstart, r->n);
        for (size_t k = 0; k < r->n; k++) {
            r->start[k] = r->text.len;
            if (r->p[k].node)
                oct_buf_puts(&r->text, r->p[k].node->text);
            else
                oct_buf_putc(&r->text, r->p[k].stand);
        }
        apply(t, r, st);
    }
    for (size_t k = 0; st->spaced && k < r->n; k++)
        if (r->p[k].node) french_spaces(t, r->p[k].node);
    for (size_t k = 0; r->held && k < r->n; k++)
        if (r->p[k].node) hold_one_letter_words(t, r->p[k].node, r->held);
    r->n = 0;
    r->quoted = false;
}

static void add_piece(run *r, oct_node *n, char stand)
{
    OCT_GROW(r->p, r->cap, r->n + 1);
    r->p[r->n++] = (piece){n, stand};
    if (n && strpbrk(n->text, "\"'")) r->quoted = true;
}

void oct_tree_smart_quotes(oct_tree *t)
{
    const quote_style *st = style_of(t->meta.lang);
    if (!st || !t->root) return;
    run r = {.text = OCT_BUF_INIT, .held = held_letters(t->meta.lang)};
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        oct_node *n = (oct_node *)it.cur;   /* the tree is the caller's to change */
        if (!oct_kind_is_inline(n->kind)) { /* a block begins or ends a run */
            flush(t, &r, st);
            continue;
        }
        if (ev != OCT_EV_ENTER) continue;
        if (n->kind == OCT_TEXT && n->text) {
            add_piece(&r, n, 0);
        } else if (n->kind == OCT_SOFT_BREAK || n->kind == OCT_LINE_BREAK) {
            add_piece(&r, NULL, ' ');
        } else if (n->kind == OCT_CODE || n->kind == OCT_INDEX_TERM ||
                   n->kind == OCT_FOOTNOTE_REF || n->kind == OCT_XREF) {
            add_piece(&r, NULL, 'x'); /* opaque, never changed */
            oct_iter_skip_children(&it);
        }
    }
    flush(t, &r, st);
    oct_buf_free(&r.text);
    free(r.p);
    free(r.start);
}
