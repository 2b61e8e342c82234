#include "study/cluster_int.h"
#include "study/study_int.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Whether a question is negated. Stop-word removal drops "not" and its
 * kin, so "Is zero an even number?" and "Is zero not an even number?" are
 * the same tokens, yet their answers are opposite: a merge would show one
 * question's answer under the other. Negation words are read here, on the
 * folded text, and a question with one never merges with a question
 * without (cluster.c). */

/* Negation words in any booklet: English, and words of German, French,
 * Spanish, Portuguese and Dutch that are no English word, so notes in
 * another language than the booklet's are read too. */
static const char *const NEG_ANY[] = {
    /* English */
    "not", "no", "never", "none", "nothing", "nobody", "nowhere", "neither", "nor", "cannot",
    "except", "excluding", "without", "false", "incorrect", "untrue", "least", "non",
    /* German */
    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "niemals", "weder", "außer",
    "ausser", "ohne", "falsch", "unrichtig",
    /* French */
    "jamais", "aucun", "aucune", "sauf", "faux", "fausse", "incorrecte",
    /* Spanish */
    "nunca", "jamás", "ningún", "ninguno", "ninguna", "excepto", "falso", "falsa", "incorrecto",
    "incorrecta",
    /* Portuguese, Dutch */
    "não", "nenhum", "nenhuma", "niet", "geen", "nooit", "behalve", "zonder", NULL};

/* Negation words that are also English words or abbreviations ("ne" for
 * north-east, "sin", "Ni" for nickel): read only in a booklet of their
 * language. */
typedef struct {
    const char *lang, *const *words;
} neg_lang;
static const neg_lang NEG_LANG[] = {
    {"de", (const char *const[]){"nie", NULL}},
    {"fr", (const char *const[]){"ne", "pas", "ni", "rien", "sans", "personne", NULL}},
    {"es", (const char *const[]){"ni", "sin", "nada", "nadie", "salvo", NULL}},
    {"pt", (const char *const[]){"nem", "sem", "nada", "exceto", NULL}},
    {"it", (const char *const[]){"mai", "nessuno", "nessuna", "senza", "tranne", NULL}},
};

static bool apostrophe_at(const char *s, size_t i, size_t n, size_t *len)
{
    if (s[i] == '\'') return (*len = 1), true;
    /* U+2019, what word processors type */
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99)
        return (*len = 3), true;
    return false;
}

/* The folded word w[0..n) (apostrophes kept) negates. */
static bool negating_word(const char *const *own, const char *w, size_t n)
{
    if (n <= 10 && st_in_set_n(w, n, NEG_ANY)) return true; /* none is longer */
    if (own && n <= 10 && st_in_set_n(w, n, own)) return true;
    size_t a;
    /* English "isn't", "can't", "doesn’t" */
    for (size_t k = 1; k + 1 < n; k++)
        if (w[k - 1] == 'n' && apostrophe_at(w, k, n, &a) && k + a + 1 == n && w[k + a] == 't')
            return true;
    /* French "n'est", "n’a" */
    return n > 2 && w[0] == 'n' && apostrophe_at(w, 1, n, &a) && n > 1 + a;
}

static bool word_byte(const char *s, size_t i, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    *len = 1;
    if (apostrophe_at(s, i, n, len)) return true;
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    return oct_utf8_is_word_char(oct_utf8_decode(s + i, n - i, len));
}

bool ct_negated(const char *lang, const char *s, size_t n)
{
    if (n > CT_MAX_PROMPT) n = CT_MAX_PROMPT;
    const char *const *own = NULL; /* the booklet language's own words */
    for (size_t i = 0; lang && i < sizeof NEG_LANG / sizeof NEG_LANG[0]; i++)
        if (strncmp(lang, NEG_LANG[i].lang, 2) == 0) own = NEG_LANG[i].words;
    char buf[CT_MAX_PROMPT + 1];
    size_t len, i = 0;
    char *f = st_casefold(s, n, buf, sizeof buf, true, &len);
    if (!f) return false;
    const char *w = f;
    bool neg = false;
    while (i < len && !neg) {
        size_t l, a;
        /* an apostrophe opens no word: 'not' is quoted */
        if (!word_byte(w, i, len, &l) || apostrophe_at(w, i, len, &a)) {
            i += l;
            continue;
        }
        size_t start = i, end = i;
        while (i < len && word_byte(w, i, len, &l)) {
            i += l;
            if (!apostrophe_at(w, i - l, len, &a)) end = i; /* nor closes one */
        }
        neg = negating_word(own, w + start, end - start);
    }
    if (f != buf) free(f);
    return neg;
}
