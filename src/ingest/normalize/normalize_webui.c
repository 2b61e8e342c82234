/* The furniture of a question-and-answer site's page, copied with its
 * text: "Share Improve this answer Follow" under every answer, "Asked 3
 * years ago  Viewed 14k times", "answered Mar 3, 2023 at 10:15" and the
 * name and reputation after it, the vote count alone on a line, "Add a
 * comment", "Sorted by: Highest score (default)", "Profile photo for …",
 * "Upvote · 12". Printed, it read as part of the answers (the vote count
 * became an answer's first line). Each kind must be unmistakable on its
 * own (a line of only the site's button words, a date line that opens
 * with the site's verb), or sit right by one that is (a number alone, a
 * name under a date line): a note's "62" or "Follow" stays. The lines go
 * with one warning naming them, [page-furniture]; --keep-filler keeps
 * them, as it keeps chat filler. */
#define _GNU_SOURCE /* memmem */
#include "ingest/normalize/normalize_internal.h"

#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The words a page's buttons are made of: a line of them holds two of
 * the strong ones ("Share Improve this answer Follow", "Add a comment"),
 * so "A comment" or "Share this" stay; a count opens with its number
 * ("3 Answers", "12 upvotes"). */
static const char *const STRONG = " share improve follow flag cite report reply upvote upvotes "
                                  "downvote add comment comments edit ";
static const char *const WEAK = " this answer question a more show ";
static const char *const COUNTED = " answer answers comment comments vote votes upvote upvotes "
                                   "view views share shares ";

/* Whether every word of s[0..n) is in one of the lists (numbers allowed
 * when digits_ok; separators ' ', '|', '·', ',' and '.'); *strong gets
 * how many are in the first. */
static bool only_words(const char *s, size_t n, const char *first, const char *second,
                       bool digits_ok, int *strong)
{
    *strong = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '|' || c == ',' || c == '.') {
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xB7) { /* · */
            i += 2;
            continue;
        }
        size_t k = nl_word_len(s + i, n - i);
        if (k == 0) return false;
        bool number = digits_ok && s[i] >= '0' && s[i] <= '9';
        bool in_first = !number && nl_in_word_list(first, s + i, k);
        if (!number && !in_first && !(second && nl_in_word_list(second, s + i, k))) return false;
        *strong += in_first;
        i += k;
    }
    return true;
}

static bool starts_ci(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != word[i]) return false;
    }
    return n == k || s[k] == ' ' || s[k] == '\t';
}

static bool contains(const char *s, size_t n, const char *what)
{
    return memmem(s, n, what, strlen(what)) != NULL;
}

/* "answered Mar 3, 2023 at 10:15", "Asked 3 years ago  Viewed 14k times",
 * "edited Jan 5 at 3:04", "Modified today": the site's verb, then a date
 * (a month's name, a count of units ago, today), not "Asked at Google in
 * 2021", which an interview note says of its question. */
static bool date_line(const char *s, size_t n)
{
    static const char *const VERBS[] = {"asked",  "answered", "edited", "modified",
                                        "viewed", "active",   "posted", NULL};
    static const char *const MONTHS = " jan feb mar apr may jun jul aug sep oct nov dec ";
    if (n > 80) return false;
    size_t i = 0;
    for (const char *const *v = VERBS; *v && !i; v++)
        if (starts_ci(s, n, *v)) i = strlen(*v);
    if (!i) return false;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t k = nl_word_len(s + i, n - i);
    if (k >= 3 && nl_in_word_list(MONTHS, s + i, 3) && (k == 3 || (s[i + 3] >= 'a'))) return true;
    if (nl_word_eq(s + i, k, "today") || nl_word_eq(s + i, k, "yesterday")) return true;
    return k && s[i] >= '0' && s[i] <= '9' && (contains(s, n, " ago") || contains(s, n, " times"));
}

/* A line furniture on its own. */
static bool furniture(const char *s, size_t n)
{
    if (n == 0 || n > 120) return false;
    if (date_line(s, n)) return true;
    if (starts_ci(s, n, "profile") && n < 80 && contains(s, n, "photo for")) return true;
    if (starts_ci(s, n, "sorted") && n < 80 && contains(s, n, "by:")) return true;
    int strong;
    if (s[0] >= '0' && s[0] <= '9') /* "3 Answers", "1.2K views · View 3 shares" */
        return only_words(s, n, COUNTED, " view ", true, &strong) && strong >= 1;
    if (starts_ci(s, n, "upvote")) /* "Upvote · 12" */
        return only_words(s, n, STRONG, NULL, true, &strong);
    return only_words(s, n, STRONG, WEAK, false, &strong) && strong >= 2;
}

/* A vote count or a reputation line: numbers alone ("62", "12.3k 5 40"). */
static bool numbers_only(const char *s, size_t n)
{
    if (n == 0 || n > 40) return false;
    for (size_t i = 0; i < n; i++) {
        if (nl_in_set(s[i], "0123456789.,k- \t")) continue;
        /* the badge counts' separator, "8,911 ● 4 ● 33" */
        if (i + 2 < n && memcmp(s + i, "\xE2\x97\x8F", 3) == 0) {
            i += 2;
            continue;
        }
        return false;
    }
    return s[0] == '-' || (s[0] >= '0' && s[0] <= '9');
}

/* A user's name: one word of letters, digits, '_', '-', '.'. */
static bool name_like(const char *s, size_t n)
{
    if (n == 0 || n > 32) return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ' || s[i] == '\t' || nl_in_set(s[i], ":;?!()[]{}<>`*#=")) return false;
    return true;
}

static const char *trimmed(const nl_line *l, size_t *n)
{
    *n = l->len - l->lead;
    return nl_trim(l->s + l->lead, n);
}

/* A blog's or a site's footer line: share buttons ("Share this: Twitter
 * Facebook LinkedIn"), "Related posts", "Subscribe to our newsletter",
 * "© 2024 DevBlog. All rights reserved.". Only read at a page's end
 * (footer_from), where nothing but such lines follows. */
static bool footer_line(const char *s, size_t n)
{
    static const char *const SOCIAL = " share this post on via twitter facebook linkedin email "
                                      "print pinterest reddit whatsapp telegram tweet pin x "
                                      "mastodon bluesky copy link ";
    static const char *const PHRASES[] = {"related posts",
                                          "related articles",
                                          "you may also like",
                                          "you might also like",
                                          "subscribe to our newsletter",
                                          "sign up for our newsletter",
                                          "leave a comment",
                                          "leave a reply",
                                          "previous post",
                                          "next post",
                                          "back to top",
                                          "more posts",
                                          NULL};
    if (n == 0 || n > 120) return false;
    if (contains(s, n, "ll rights reserved") || starts_ci(s, n, "copyright") ||
        (n >= 2 && !memcmp(s, "\xC2\xA9", 2)))
        return true;
    for (const char *const *p = PHRASES; *p; p++) {
        size_t k = strlen(*p), m = n;
        while (m > 0 && (s[m - 1] == ':' || s[m - 1] == '.' || s[m - 1] == ' '))
            m--;
        if (m == k && starts_ci(s, m, *p)) return true;
    }
    char buf[121];
    memcpy(buf, s, n);
    for (size_t i = 0; i < n; i++)
        if (buf[i] == ':') buf[i] = ' ';
    int strong;
    return only_words(buf, n, SOCIAL, NULL, false, &strong) && strong >= 3;
}

/* Where a page's footer starts: the first of the lines at the end that are
 * all footer lines or blank, when two or more of them are (or one names
 * the rights), else d->n. */
static size_t footer_from(const nl_doc *d)
{
    size_t from = d->n, lines = 0;
    bool rights = false;
    for (size_t i = d->n; i-- > 0;) {
        const nl_line *l = &d->lines[i];
        if (l->flags & NL_BLANK) continue;
        if (l->flags & (NL_FENCE | NL_MDCODE | NL_HTML)) break;
        size_t n;
        const char *t = trimmed(l, &n);
        if (!footer_line(t, n)) break;
        rights |= contains(t, n, "ights reserved");
        from = i;
        lines++;
    }
    return lines >= 2 || (lines == 1 && rights) ? from : d->n;
}

typedef enum { K_NONE, K_LINE, K_DATE, K_NAME } kind;

/* What line i is, given what the line before it was (prev, K_NONE after
 * a blank or text) and whether only blanks stand between i and the last
 * furniture (near). */
static kind classify(const char *t, size_t n, kind prev, bool near)
{
    if (date_line(t, n)) return K_DATE;
    if (furniture(t, n)) return K_LINE;
    if (prev == K_DATE && name_like(t, n)) return K_NAME;    /* the name under "answered …" */
    if (prev == K_NAME && numbers_only(t, n)) return K_LINE; /* and its reputation */
    if (near && numbers_only(t, n)) return K_LINE;           /* a vote count */
    return K_NONE;
}

void nl_detect_page_furniture(nl_doc *d, bool keep)
{
    const unsigned skip = NL_FENCE | NL_MDCODE | NL_HTML | NL_DROP;
    oct_buf lines = OCT_BUF_INIT;
    int first = 0, count = 0;
    kind prev = K_NONE;
    bool near = false, *mine = oct_xcalloc(d->n ? d->n : 1, sizeof *mine);
    for (size_t i = 0; i < d->n && !keep; i++) {
        nl_line *l = &d->lines[i];
        if (l->flags & NL_BLANK) {
            prev = K_NONE;
            continue;
        }
        size_t n;
        const char *t = trimmed(l, &n);
        kind k = l->flags & skip ? K_NONE : classify(t, n, prev, near);
        prev = k;
        near = k != K_NONE;
        if (k == K_NONE) continue;
        l->flags |= NL_DROP;
        mine[i] = true;
        count++;
    }
    for (size_t i = keep ? d->n : footer_from(d); i < d->n; i++) {
        nl_line *l = &d->lines[i];
        if ((l->flags & (NL_BLANK | NL_DROP)) || mine[i]) continue;
        l->flags |= NL_DROP;
        mine[i] = true;
        count++;
    }
    /* between a page's furniture, a number alone between blank lines is
     * an answer's vote count too */
    size_t lo = 0, hi = 0;
    for (size_t i = 0; i < d->n; i++)
        if (mine[i]) {
            if (!hi) lo = i;
            hi = i;
        }
    for (size_t i = lo + 1; i < hi && count >= 3; i++) {
        nl_line *l = &d->lines[i];
        bool alone = (i == 0 || (d->lines[i - 1].flags & NL_BLANK)) &&
                     (i + 1 == d->n || (d->lines[i + 1].flags & NL_BLANK));
        size_t n;
        const char *t = trimmed(l, &n);
        if (!alone || (l->flags & (NL_BLANK | NL_DROP | NL_FENCE | NL_MDCODE | NL_HTML)) || n > 6 ||
            !numbers_only(t, n))
            continue;
        l->flags |= NL_DROP;
        mine[i] = true;
        count++;
    }
    for (size_t i = 0; i < d->n; i++) {
        if (!mine[i]) continue;
        oct_buf_printf(&lines, "%s%d", lines.len ? ", " : "", d->lines[i].src);
        if (!first) first = d->lines[i].src;
    }
    free(mine);
    if (count)
        oct_diag_report(d->diag, OCT_WARNING, d->path, first, 1, "page-furniture",
                        "dropped %d line%s of a web page's furniture (votes, dates, names, "
                        "'Share Improve this answer Follow', a footer) at line%s %s",
                        count, count > 1 ? "s" : "", count > 1 ? "s" : "", lines.data);
    oct_buf_free(&lines);
}
