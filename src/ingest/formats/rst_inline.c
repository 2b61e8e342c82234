/* reStructuredText inline markup as Markdown (rst_int.h): ``literal``,
 * *emphasis*, **strong**, `title` (the default role, italic), roles
 * (:func:`name` as code, :ref:`words <label>` and the others as their
 * words, :math: as TeX), hyperlinks (`words <url>`_, `words`_ and word_
 * through the named targets), |substitutions|, footnote and citation
 * references ([1]_, [#]_, [#name]_, [CIT2002]_) and backslash escapes.
 * Markup starts after a blank, the start or an opening punctuation and
 * before a non-blank; it ends after a non-blank, before a blank, the end
 * or punctuation, as docutils' inline markup recognition rules say. */
#include "ingest/formats/rst_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

static bool start_ok(const char *s, size_t i)
{
    return i == 0 || blank(s[i - 1]) || strchr("-:/'\"<([{", s[i - 1]);
}

static bool end_ok(const char *s, size_t n, size_t j)
{
    return j >= n || blank(s[j]) || strchr("-.,:;!?\\/'\")]}>", s[j]);
}

/* The end string `e` (length k) closing markup whose text starts at a:
 * the index of the end string, or 0. */
static size_t closer(const char *s, size_t n, size_t a, const char *e, size_t k)
{
    if (a >= n || blank(s[a])) return 0;
    for (size_t j = a + 1; j + k <= n; j++) {
        if (memcmp(s + j, e, k) != 0 || blank(s[j - 1]) || s[j - 1] == '\\') continue;
        size_t after = j + k;
        if (k == 1 && e[0] == '`') /* `words`_ and `words`__ end after their underscores */
            while (after < n && after < j + 3 && s[after] == '_')
                after++;
        if (end_ok(s, n, after)) return j;
    }
    return 0;
}

/* closer, remembering where none was found: a later search for the same
 * end string from further on finds none either, so a paragraph of
 * unclosed openers costs one pass, not one per opener. */
static size_t closer_m(rst_ctx *c, const char *s, size_t n, size_t a, const char *e, size_t k)
{
    static const char *const ENDS[] = {"``", "**", "*", "`", "|"};
    if (c->memo_s != s || c->memo_n != n) {
        c->memo_s = s;
        c->memo_n = n;
        for (size_t i = 0; i < 5; i++)
            c->none_from[i] = (size_t)-1;
    }
    size_t slot = 0;
    while (slot < 5 && strcmp(ENDS[slot], e) != 0)
        slot++;
    if (a >= n || blank(s[a])) return 0; /* no search: nothing learnt */
    if (slot < 5 && a >= c->none_from[slot]) return 0;
    size_t j = closer(s, n, a, e, k);
    if (!j && slot < 5 && a < c->none_from[slot]) c->none_from[slot] = a;
    return j;
}

static void plain(oct_buf *b, const char *s, size_t n)
{
    /* backslash escapes: the character after it is text */
    size_t a = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 >= n) continue;
        md_escape(b, s + a, i - a, false);
        if (s[i + 1] != ' ' && s[i + 1] != '\n') md_escape(b, s + i + 1, 1, false);
        if (s[i + 1] == '\n') oct_buf_putc(b, '\n');
        a = i + 2;
        i++;
    }
    md_escape(b, s + a, n - a, false);
}

static bool code_role(const char *r, size_t n)
{
    static const char ROLES[] =
        " func meth class mod attr data obj exc const envvar program option "
        "command file samp kbd code literal token keyword type var "
        "member macro struct enum function ";
    const char *colon = memchr(r, ':', n); /* py:func, c:macro */
    if (colon) {
        n -= (size_t)(colon - r) + 1;
        r = colon + 1;
    }
    return nl_in_word_list(ROLES, r, n);
}

/* `words <target>` → words and target; returns whether it had one. */
static bool split_target(const char *s, size_t n, size_t *wn, const char **t, size_t *tn)
{
    if (n < 3 || s[n - 1] != '>') return false;
    for (size_t i = n - 1; i-- > 0;)
        if (s[i] == '<' && (i == 0 || blank(s[i - 1]))) {
            *wn = i;
            while (*wn && blank(s[*wn - 1]))
                (*wn)--;
            *t = s + i + 1;
            *tn = n - i - 2;
            return true;
        }
    return false;
}

static void link_to(oct_buf *b, const char *w, size_t wn, const char *uri, size_t un)
{
    oct_buf_putc(b, '[');
    plain(b, w, wn);
    oct_buf_puts(b, "](<");
    for (size_t i = 0; i < un; i++)
        if (!blank(uri[i]) && uri[i] != '>') oct_buf_putc(b, uri[i]);
    oct_buf_puts(b, ">)");
}

/* A reference to target s[0..n) with words w[0..wn). */
static void reference(rst_ctx *c, oct_buf *b, const char *w, size_t wn, const char *s, size_t n)
{
    const rst_target *t = rst_find_target(c, s, n);
    for (int hops = 0; t && t->uri && hops < 8; hops++) { /* "_a: b_" chains */
        size_t un = strlen(t->uri);
        if (un < 2 || t->uri[un - 1] != '_' || strchr(t->uri, '/')) break;
        const rst_target *next = rst_find_target(c, t->uri, un - 1);
        if (!next) break;
        t = next;
    }
    if (t && t->uri)
        link_to(b, w, wn, t->uri, strlen(t->uri));
    else
        plain(b, w, wn);
}

/* `...` at i (its text a..j): a role's, a link's or the default role's. */
static size_t interpreted(rst_ctx *c, oct_buf *b, const char *s, size_t n, size_t i,
                          const char *role, size_t rn)
{
    size_t a = i + 1, j = closer_m(c, s, n, a, "`", 1);
    if (!j) return 0;
    size_t e = j + 1, wn, tn;
    const char *t;
    bool ref = !role && e < n && s[e] == '_';
    bool anonymous = ref && e + 1 < n && s[e + 1] == '_';
    if (ref) e += 1 + anonymous;
    if (role && rn == 4 && !memcmp(role, "math", 4)) { /* a code span ingest sets as math */
        oct_buf m = OCT_BUF_INIT;
        oct_buf_putc(&m, '$');
        oct_buf_put(&m, s + a, j - a);
        oct_buf_putc(&m, '$');
        if (!md_math(b, m.data, m.len)) plain(b, s + a, j - a);
        oct_buf_free(&m);
    } else if (role && code_role(role, rn)) {
        const char *x = s + a;
        size_t xn = j - a;
        if (split_target(x, xn, &wn, &t, &tn)) xn = wn;
        if (xn && x[0] == '~') { /* :meth:`~a.B.c` shows c */
            const char *dot = x + xn;
            while (dot > x + 1 && dot[-1] != '.')
                dot--;
            xn -= (size_t)(dot - x);
            x = dot;
        }
        md_code_span(b, x, xn);
    } else if (role) {
        if (split_target(s + a, j - a, &wn, &t, &tn))
            plain(b, s + a, wn);
        else /* :ref:`label`, :abbr:`LIFO (last in)`, :term:`x` */
            plain(b, s + a + (s[a] == '~'), j - a - (s[a] == '~'));
    } else if (ref && split_target(s + a, j - a, &wn, &t, &tn)) {
        if (tn && t[tn - 1] == '_')
            reference(c, b, s + a, wn ? wn : tn - 1, t, tn - 1);
        else
            link_to(b, s + a, wn ? wn : tn, t, tn);
    } else if (anonymous && c->anon_used < c->nanon) {
        const char *uri = c->anon[c->anon_used++];
        link_to(b, s + a, j - a, uri, strlen(uri));
    } else if (ref) {
        reference(c, b, s + a, j - a, s + a, j - a);
    } else {
        oct_buf_putc(b, '*');
        plain(b, s + a, j - a);
        oct_buf_putc(b, '*');
    }
    return e;
}

/* :role:`...` at i. */
static size_t role(rst_ctx *c, oct_buf *b, const char *s, size_t n, size_t i)
{
    size_t k = i + 1;
    while (k < n && (nl_is_ident_char((unsigned char)s[k]) || s[k] == ':' || s[k] == '-' ||
                     s[k] == '.' || s[k] == '+'))
        k++;
    if (k >= n || s[k] != '`' || s[k - 1] != ':' || k < i + 3) return 0;
    return interpreted(c, b, s, n, k, s + i + 1, k - i - 2);
}

static size_t footnote_ref(rst_ctx *c, oct_buf *b, const char *s, size_t n, size_t i)
{
    const char *close = memchr(s + i, ']', n - i > 256 ? 256 : n - i); /* labels are short */
    if (!close || (size_t)(close - s) + 1 >= n || close[1] != '_' || close == s + i + 1) return 0;
    size_t ln = (size_t)(close - s) - i - 1;
    const char *l = s + i + 1;
    for (size_t k = 0; k < ln; k++)
        if (blank(l[k])) return 0;
    if ((ln == 1 && (l[0] == '#' || l[0] == '*')))
        oct_buf_printf(b, "[^auto-%d]", ++c->auto_refs);
    else
        oct_buf_printf(b, "[^%.*s]", (int)(ln - (l[0] == '#')), l + (l[0] == '#'));
    return (size_t)(close - s) + 2;
}

/* Substitutions inside substitutions: docutils refuses a circular one;
 * here the text of one nested deeper than this is set as its words. */
enum { MAX_SUBST_DEPTH = 8 };

static size_t substitution(rst_ctx *c, oct_buf *b, const char *s, size_t n, size_t i)
{
    size_t j = closer_m(c, s, n, i + 1, "|", 1);
    if (!j || j - i > 200) return 0;
    size_t e = j + 1 + (j + 1 < n && s[j + 1] == '_') + (j + 2 < n && s[j + 2] == '_');
    for (size_t k = 0; k < c->nsubsts; k++) {
        const rst_subst *d = &c->substs[k];
        if (strlen(d->name) != j - i - 1 || memcmp(d->name, s + i + 1, j - i - 1)) continue;
        if (d->image) {
            oct_buf_puts(b, "![");
            plain(b, d->name, strlen(d->name));
            oct_buf_printf(b, "](<%s>)", d->image);
        } else if (d->text && c->subst_depth < MAX_SUBST_DEPTH) {
            c->subst_depth++;
            rst_inline(c, b, d->text, strlen(d->text));
            c->subst_depth--;
        } else if (d->text) { /* one that names itself, or a chain too deep: its words */
            plain(b, d->text, strlen(d->text));
        }
        return e;
    }
    plain(b, s + i + 1, j - i - 1); /* undefined: its name */
    return e;
}

/* A simple reference "word_" ending at the '_' at i: the word's start. */
static size_t word_ref_start(const char *s, size_t i)
{
    size_t a = i;
    while (a > 0 &&
           (nl_is_ident_char((unsigned char)s[a - 1]) || s[a - 1] == '-' || s[a - 1] == '.'))
        a--;
    return a;
}

void rst_inline(rst_ctx *c, oct_buf *b, const char *s, size_t n)
{
    size_t text = 0, i = 0;
    while (i < n) {
        size_t end = 0, j;
        size_t mark = b->len;
        if (s[i] == '\\') {
            i += 2;
            continue;
        }
        if (s[i] == '_' && i > 0 && !blank(s[i - 1]) && s[i - 1] != '_' && end_ok(s, n, i + 1)) {
            /* word_ : a simple reference to a named target */
            size_t a = word_ref_start(s, i);
            if (a < i && a >= text && start_ok(s, a) && rst_find_target(c, s + a, i - a)) {
                plain(b, s + text, a - text);
                reference(c, b, s + a, i - a, s + a, i - a);
                i = text = i + 1;
                continue;
            }
        }
        if (!start_ok(s, i) || !strchr("`*:[|", s[i])) {
            i++;
            continue;
        }
        plain(b, s + text, i - text);
        text = i;
        mark = b->len;
        if (n - i > 4 && !memcmp(s + i, "``", 2) && (j = closer_m(c, s, n, i + 2, "``", 2))) {
            md_code_span(b, s + i + 2, j - i - 2);
            end = j + 2;
        } else if (n - i > 4 && !memcmp(s + i, "**", 2) &&
                   (j = closer_m(c, s, n, i + 2, "**", 2))) {
            oct_buf_puts(b, "**");
            plain(b, s + i + 2, j - i - 2);
            oct_buf_puts(b, "**");
            end = j + 2;
        } else if (s[i] == '*' && (j = closer_m(c, s, n, i + 1, "*", 1))) {
            oct_buf_putc(b, '*');
            plain(b, s + i + 1, j - i - 1);
            oct_buf_putc(b, '*');
            end = j + 1;
        } else if (s[i] == '`' && (i + 1 >= n || s[i + 1] != '`')) { /* "``" unclosed: text */
            end = interpreted(c, b, s, n, i, NULL, 0);
        } else if (s[i] == ':') {
            end = role(c, b, s, n, i);
        } else if (s[i] == '[') {
            end = footnote_ref(c, b, s, n, i);
        } else if (s[i] == '|') {
            end = substitution(c, b, s, n, i);
        }
        if (!end) {
            b->len = mark;
            if (b->data) b->data[mark] = '\0';
            text = i;
            i++;
            continue;
        }
        i = text = end;
    }
    plain(b, s + text, n - text);
}
