/* SQL statements ("SELECT * FROM employees WHERE …;") and the clause lines
 * that continue them ("FROM t", "WHERE x = 1").
 *
 * "Select the fields you need" starts like SQL too; what gives it away is
 * its words: SQL is made of keywords, names and literals, and words such as
 * "the" or "you" are none of them. Title case ("Select", "Update") is how
 * sentences start, never how SQL is written, so only UPPER or lower case
 * keywords count; lower case needs one more sign (';', '*', '=', '('). */
#include "ingest/normalize/normalize_internal.h"
#include "util/utf8.h"

#include <string.h>

static const char *const SQL_WORDS =
    " add all alter and any as asc avg begin between by cascade case check column commit "
    "constraint count create cross database default delete desc distinct do drop else end "
    "except exists explain foreign from full grant group having if in index inner insert "
    "intersect into is join key left like limit max min not null offset on only or order "
    "outer over partition primary references replace returning revoke right rollback schema "
    "select set show some sum table then to truncate union unique update use using values "
    "view when where with ";

static const char *const CLAUSES =
    " from where and or join inner left right full cross outer on group order having limit "
    "offset values set union returning into case when then else end using except intersect ";

static bool ieq(const char *w, const char *lower, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((char)(w[i] | 0x20) != lower[i]) return false;
    return true;
}

typedef enum { CASE_MIXED, CASE_UPPER, CASE_LOWER } word_case;

static word_case case_of(const char *w, size_t n)
{
    bool up = false, low = false;
    for (size_t i = 0; i < n; i++) {
        if (w[i] >= 'A' && w[i] <= 'Z') up = true;
        if (w[i] >= 'a' && w[i] <= 'z') low = true;
    }
    return up && !low ? CASE_UPPER : low && !up ? CASE_LOWER : CASE_MIXED;
}

static size_t alpha_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
        i++;
    return i;
}

typedef struct {
    bool bad, star, eq, paren, semi;
    bool kw[8]; /* which structural keywords occur, see KEYS */
    int words;
} sql_scan;

static const char *const KEYS[] = {"from", "into", "set", "table", "as", "on", "select", "index"};

/* Looks at every word outside quotes: no prose function words, no
 * typographic punctuation, keywords in the statement's case. */
static void scan_sql(const char *s, size_t n, word_case kcase, sql_scan *sc)
{
    memset(sc, 0, sizeof *sc);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\'' || c == '"' || c == '`') {
            size_t j = i + 1;
            while (j < n && s[j] != (char)c)
                j++;
            if (j >= n) {
                sc->bad = true;
                return;
            }
            i = j + 1;
            continue;
        }
        if (c == '-' && i + 1 < n && s[i + 1] == '-') break; /* comment */
        if (nl_is_ident_start(c)) {
            size_t k = 0;
            while (i + k < n && nl_is_ident_char((unsigned char)s[i + k]))
                k++;
            const char *w = s + i;
            sc->words++;
            if (!nl_in_word_list(SQL_WORDS, w, k) && nl_is_stopword(w, k)) sc->bad = true;
            if (case_of(w, k) == kcase)
                for (size_t q = 0; q < sizeof KEYS / sizeof *KEYS; q++)
                    if (k == strlen(KEYS[q]) && ieq(w, KEYS[q], k)) sc->kw[q] = true;
            i += k;
            continue;
        }
        if (c >= 0x80) {
            size_t k;
            unsigned cp = oct_utf8_decode(s + i, n - i, &k);
            if (nl_is_symbol_cp(cp)) sc->bad = true;
            i += k;
            continue;
        }
        if (c == '*') sc->star = true;
        if (c == '=' || c == '<' || c == '>') sc->eq = true;
        if (c == '(') sc->paren = true;
        if (c == '?' || c == '!') {
            size_t j = i + 1;
            while (j < n && nl_is_space(s[j]))
                j++;
            if (j >= n) sc->bad = true; /* a sentence ends here */
        }
        i++;
    }
    size_t end = n;
    while (end > 0 && nl_is_space(s[end - 1]))
        end--;
    sc->semi = end > 0 && s[end - 1] == ';';
}

static nl_strength statement_strength(const char *kw, size_t k, const char *s, size_t n,
                                      const sql_scan *sc)
{
    char low[12];
    for (size_t i = 0; i < k; i++)
        low[i] = (char)(kw[i] | 0x20);
    low[k] = '\0';
    size_t i = k;
    while (i < n && s[i] == ' ')
        i++;
    size_t k2 = alpha_len(s + i, n - i);
    const char *w2 = s + i;
    if (!strcmp(low, "select"))
        return sc->kw[0] || sc->semi ? NL_STRONG : (sc->words >= 1 ? NL_WEAK : NL_NONE);
    if (!strcmp(low, "insert")) return sc->kw[1] ? NL_STRONG : NL_NONE;
    if (!strcmp(low, "update")) return sc->kw[2] ? NL_STRONG : (sc->words == 2 ? NL_WEAK : NL_NONE);
    if (!strcmp(low, "delete")) return sc->kw[0] ? NL_STRONG : NL_NONE;
    if (!strcmp(low, "create") || !strcmp(low, "drop") || !strcmp(low, "alter") ||
        !strcmp(low, "truncate"))
        return nl_in_word_list(" table index unique view database schema or trigger function "
                               "procedure sequence extension role type materialized temp "
                               "temporary user ",
                               w2, k2)
                   ? NL_STRONG
                   : NL_NONE;
    if (!strcmp(low, "with")) return sc->kw[4] && sc->paren ? NL_STRONG : NL_NONE;
    if (!strcmp(low, "explain")) return sc->kw[6] ? NL_STRONG : NL_NONE;
    if (!strcmp(low, "grant") || !strcmp(low, "revoke")) return sc->kw[5] ? NL_STRONG : NL_NONE;
    if (!strcmp(low, "begin") || !strcmp(low, "commit") || !strcmp(low, "rollback") ||
        !strcmp(low, "show") || !strcmp(low, "describe") || !strcmp(low, "use"))
        return sc->semi && sc->words <= 4 ? NL_STRONG : NL_NONE;
    return NL_NONE;
}

bool nl_sql_classify(const char *s, size_t n, nl_class *out)
{
    size_t k = alpha_len(s, n);
    if (k < 3 || k > 8 || (k < n && nl_is_ident_char((unsigned char)s[k]))) return false;
    if (!nl_in_word_list(" select insert update delete create drop alter truncate with explain "
                         "grant revoke begin commit rollback show describe use ",
                         s, k))
        return false;
    size_t end = n;
    while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    if (end > 0 && s[end - 1] == ':') return false; /* Python's "with open(p) as f:" */
    word_case wc = case_of(s, k);
    if (wc == CASE_MIXED) return false;
    sql_scan sc;
    scan_sql(s, n, wc, &sc);
    if (sc.bad) return false;
    if (wc == CASE_LOWER && !(sc.semi || sc.star || sc.eq || sc.paren)) return false;
    nl_strength st = statement_strength(s, k, s, n, &sc);
    if (st == NL_NONE) return false;
    memset(out, 0, sizeof *out);
    out->strength = (unsigned char)st;
    out->lang = NL_LANG_SQL;
    if (sc.semi) out->feat |= NL_F_SEMI;
    return true;
}

bool nl_sql_continues(const char *s, size_t n)
{
    if (n == 0) return false;
    if (s[0] == '(' || s[0] == ')') return true;
    if (n >= 2 && s[0] == '-' && s[1] == '-') return true;
    size_t k = alpha_len(s, n);
    if (k == 0 || (k < n && nl_is_ident_char((unsigned char)s[k]))) return false;
    if (!nl_in_word_list(CLAUSES, s, k)) return false;
    word_case wc = case_of(s, k);
    if (wc == CASE_MIXED) return false;
    sql_scan sc;
    scan_sql(s, n, wc, &sc);
    return !sc.bad;
}
