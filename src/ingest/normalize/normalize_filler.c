/* Stray artefacts and chat filler.
 *
 * Artefacts: notes copied out of chat tools keep a stray '~' after a
 * question ("…managers in Django?~") or a '\' after the last line of a
 * snippet ("…access_token)}\"). Only a mark glued to the end of a sentence
 * or a closing bracket, with nothing left for a backslash to continue, is
 * an artefact; "cd ~" and a shell line continued on the next line are not.
 *
 * Filler: a line addressed to the reader about the conversation rather
 * than the subject ("Perfect! Let's keep the momentum going with the next
 * sections of your guide 🚀"). It must stand alone as a paragraph and be
 * either led by an interjection of praise or assent followed by nothing
 * but talk to the reader ("you", "your", "let's"), or an assistant's offer
 * ("Let me know if you…", "Would you like me to…"). A line that introduces
 * what follows ("Sure! Here's your cheat sheet:") is content and stays. */
#include "ingest/normalize/normalize_internal.h"
#include "util/utf8.h"

#include <string.h>

static void remove_tail(nl_doc *d, nl_line *l, size_t pos, char mark)
{
    int col = (int)oct_utf8_count(l->s, pos) + 1;
    oct_diag_report(d->diag, OCT_WARNING, d->path, l->src, col, "artefact",
                    "removed a stray '%c' at the end of the line", mark);
    size_t n = pos;
    while (n > 0 && nl_is_space(l->s[n - 1]))
        n--;
    l->len = n;
}

void nl_clean_artefacts(nl_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        nl_line *l = &d->lines[i];
        if (l->flags & (NL_BLANK | NL_FENCE | NL_MDCODE | NL_PIPE | NL_HTML)) continue;
        size_t n = l->len;
        while (n > 0 && nl_is_space(l->s[n - 1]))
            n--;
        if (n < 2 + l->lead) continue;
        char last = l->s[n - 1], before = l->s[n - 2];
        if (last == '~' && nl_in_set(before, "?.!):") && memchr(l->s, '~', n - 1) == NULL) {
            remove_tail(d, l, n - 1, '~');
        } else if (last == '\\' && nl_in_set(before, ")]}\"'?.!")) {
            bool end = i + 1 >= d->n || (d->lines[i + 1].flags & NL_BLANK);
            if (end) remove_tail(d, l, n - 1, '\\');
        }
    }
}

/* Lower-cased ASCII copy of a word with ’ folded to '. */
static size_t fold_word(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            out[o++] = '\'';
            i += 2;
        } else {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    out[o] = '\0';
    return o;
}

static const char *const PRAISE =
    " perfect great awesome excellent amazing fantastic wonderful nice cool sure absolutely "
    "certainly alright all right okay ok yay yes woohoo brilliant super done gotcha got it of "
    "course well good job work keep up you you're youre are doing so far crushing rocking this "
    "that's thats is going strong question love let's lets go here we again thanks thank "
    "hooray bravo wow boom sweet neat splendid superb outstanding fabulous incredible terrific "
    "marvelous dive in get started continue moving on next onward onwards voilà voila parfait "
    "génial genial très bien allez toll klasse perfekt prima sehr gut wunderbar super "
    "perfecto excelente muy vamos ";

static const char *const ADDRESS =
    " you your you're youre you've you'll you'd youd yourself yours let's lets we we're we'll us "
    "our ";

static bool in_lexicon(const char *lexicon, const char *w)
{
    char key[40];
    size_t k = strlen(w);
    if (k == 0 || k + 3 > sizeof key) return false;
    key[0] = ' ';
    memcpy(key + 1, w, k);
    key[k + 1] = ' ';
    key[k + 2] = '\0';
    return strstr(lexicon, key) != NULL;
}

/* Calls f on each word (letters, digits, apostrophes) of s[0..n). */
typedef struct {
    int words, praise, address;
} word_stats;

static void count_words(const char *s, size_t n, word_stats *st)
{
    size_t i = 0;
    memset(st, 0, sizeof *st);
    while (i < n) {
        size_t k;
        unsigned cp = oct_utf8_decode(s + i, n - i, &k);
        bool letter = (cp < 0x80 && nl_is_ident_char((unsigned char)cp)) || cp == '\'' ||
                      cp == 0x2019 || (cp >= 0x80 && !nl_is_symbol_cp(cp));
        if (!letter) {
            i += k;
            continue;
        }
        size_t j = i;
        while (j < n) {
            unsigned c2 = oct_utf8_decode(s + j, n - j, &k);
            bool l2 = (c2 < 0x80 && nl_is_ident_char((unsigned char)c2)) || c2 == '\'' ||
                      c2 == 0x2019 || (c2 >= 0x80 && !nl_is_symbol_cp(c2));
            if (!l2) break;
            j += k;
        }
        char w[40];
        fold_word(s + i, j - i, w, sizeof w);
        st->words++;
        st->praise += in_lexicon(PRAISE, w);
        st->address += in_lexicon(ADDRESS, w);
        i = j;
    }
}

static bool offer(const char *s, size_t n)
{
    static const char *const openers[] = {
        "let me know",     "would you like me to", "do you want me to",  "shall i ",
        "want me to ",     "if you'd like, i can", "if you want, i can", "if you want me to",
        "hope this helps", "hope that helps",      "i hope this helps",  "happy coding",
        "happy learning",  "good luck with your",  "feel free to ask",   "feel free to reach out"};
    char low[48];
    fold_word(s, n < 40 ? n : 40, low, sizeof low);
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
        if (strncmp(low, openers[i], strlen(openers[i])) == 0) return true;
    return false;
}

/* The last byte of s[0..n) before trailing blanks and symbols ("Enjoy! 😊"
 * ends in '!'), or 0. */
static char last_mark(const char *s, size_t n)
{
    while (n > 0) {
        size_t start = oct_utf8_last_start(s, n), k;
        unsigned cp = oct_utf8_decode(s + start, n - start, &k);
        bool skip = cp == ' ' || cp == '\t' || (cp >= 0x80 && nl_is_symbol_cp(cp)) ||
                    cp == 0xFE0F || cp == 0x200D;
        if (!skip) return s[n - 1];
        n = start;
    }
    return 0;
}

bool nl_is_filler_text(const char *s, size_t n)
{
    if (n == 0 || n > 400) return false;
    for (size_t i = 0; i < n; i++)
        if (nl_in_set(s[i], "`(){}[]<>=_/\\|#*")) return false; /* code or markup */
    if (s[n - 1] == ':') return false;                          /* introduces what follows */
    word_stats all;
    count_words(s, n, &all);
    if (all.words == 0 || all.words > 40) return false;
    if (offer(s, n)) return all.address > 0 || last_mark(s, n) == '!';
    if (memchr(s, '?', n)) return false;
    const char *bang = memchr(s, '!', n);
    if (!bang) return false;
    word_stats head, rest;
    count_words(s, (size_t)(bang - s), &head);
    if (head.words == 0 || head.words > 6 || head.praise < head.words) return false;
    const char *r = bang + 1;
    count_words(r, (size_t)(s + n - r), &rest);
    return rest.words == 0 || rest.address > 0;
}

static bool boundary(const nl_doc *d, size_t i)
{
    const unsigned edge =
        NL_BLANK | NL_HEADING | NL_BREAK | NL_CODE | NL_TABLE | NL_PIPE | NL_FENCE | NL_DROP;
    return i >= d->n || (d->lines[i].flags & edge);
}

void nl_detect_filler(nl_doc *d, bool keep)
{
    const unsigned skip = NL_BLANK | NL_FENCE | NL_PIPE | NL_MDCODE | NL_CODE | NL_TABLE |
                          NL_HEADING | NL_BREAK | NL_QUOTE | NL_ITEM | NL_HTML;
    oct_buf msg = OCT_BUF_INIT, quotes = OCT_BUF_INIT;
    int first = 0, count = 0;
    for (size_t i = 0; i < d->n; i++) {
        nl_line *l = &d->lines[i];
        if (l->flags & skip) continue;
        if (!(i == 0 || boundary(d, i - 1)) || !boundary(d, i + 1)) continue;
        size_t n = l->len - l->lead;
        const char *t = nl_trim(l->s + l->lead, &n);
        if (!nl_is_filler_text(t, n)) continue;
        if (keep) continue; /* --keep-filler: nothing to drop, nothing to say */
        l->flags |= NL_DROP;
        oct_buf_printf(&msg, "%s%d", count ? ", " : "", l->src);
        oct_buf_printf(&quotes, "%s\"%.*s\"", count ? "; " : "", (int)n, t);
        if (!count) first = l->src;
        count++;
    }
    if (count)
        oct_diag_report(d->diag, OCT_WARNING, d->path, first, 1, "filler",
                        "dropped chat filler at line%s %s: %s", count > 1 ? "s" : "", msg.data,
                        quotes.data);
    oct_buf_free(&msg);
    oct_buf_free(&quotes);
}
