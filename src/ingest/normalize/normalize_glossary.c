/* Glossaries typed without Markdown: a block of lines (between blank
 * lines, at the margin) each giving a term and its meaning,
 *
 *   Osmosis: movement of water across a membrane
 *   hola - hello
 *   ¿Dónde está el baño? — where is the bathroom?
 *
 * ran together into one paragraph. They become a list, one item per
 * line, the term bold (normalize_items.c writes it).
 *
 * A dash glossary ("term - meaning", "–", "—") is three lines or more,
 * every one with a term of words (no code or markup signs) and a meaning,
 * most of them a short term: a phrase the vocabulary lists ("¿Dónde
 * está…?") may run longer. A colon glossary ("Term: meaning") must look
 * less like anything else written with colons, labels above all, which
 * the study pass reads ("Q:", "Answer:", "Frage 2:"), and YAML: three
 * lines or more, terms of one to four words without digits or code
 * signs, each term used once and longer than two letters, no meaning
 * asking ('?') or looking like code, and most meanings of two words or
 * more. */
#include "ingest/normalize/normalize_internal.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

enum {
    MIN_LINES = 3,
    MAX_TERM_BYTES = 48,
    MAX_TERM_WORDS = 6,
    MAX_LONG_TERM_BYTES = 96,
    MAX_COLON_WORDS = 4,
    MAX_BLOCK = 512, /* lines: a longer run of such lines is read no further */
};

static bool blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

typedef struct {
    size_t term; /* bytes of the term */
    bool strict; /* a short term (dash) or a meaning of 2+ words (colon) */
} entry;

/* "term - meaning" at t[0..n). */
static bool dash_entry(const char *t, size_t n, entry *e)
{
    static const char *const DASHES[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    if (n == 0 || t[0] == '-' || t[0] == '+' || t[0] == '*' || (t[0] >= '0' && t[0] <= '9'))
        return false;
    for (size_t d = 0; d < sizeof DASHES / sizeof *DASHES; d++) {
        size_t k = strlen(DASHES[d]);
        const char *at = NULL;
        for (const char *sp = memchr(t, ' ', n); sp && !at;
             sp = memchr(sp + 1, ' ', n - (size_t)(sp + 1 - t)))
            if ((size_t)(sp - t) + k <= n && memcmp(sp, DASHES[d], k) == 0) at = sp;
        if (!at) continue;
        size_t term = (size_t)(at - t);
        while (term && blank(t[term - 1]))
            term--;
        int tw = nl_count_words(t, term, "=(){}[];<>|`#*_\\", NULL);
        int mw = nl_count_words(at + k, n - term - k, "`|", NULL);
        if (tw < 1 || mw < 1 || term > MAX_LONG_TERM_BYTES) return false;
        e->term = term;
        e->strict = term <= MAX_TERM_BYTES && tw <= MAX_TERM_WORDS;
        return true;
    }
    return false;
}

/* Words no colon glossary defines: labels the study pass reads. */
static bool label_word(const char *t, size_t n)
{
    static const char LABELS[] = " question answer solution hint note example task exercise "
                                 "problem frage antwort aufgabe losung reponse pregunta respuesta "
                                 "domanda risposta vraag antwoord pergunta resposta ";
    return nl_in_word_list(LABELS, t, n);
}

/* "Term: meaning" at t[0..n). */
static bool colon_entry(const char *t, size_t n, entry *e)
{
    const char *colon = memchr(t, ':', n);
    if (!colon || colon == t) return false;
    size_t term = (size_t)(colon - t);
    if (term + 2 > n || !blank(colon[1]) || blank(colon[-1]) || term > MAX_TERM_BYTES) return false;
    bool digit = false;
    int tw = nl_count_words(t, term, "=(){}[];<>|`#*_\\/.\"'$@", &digit);
    if (tw < 1 || tw > MAX_COLON_WORDS || digit || term <= 2 || label_word(t, term)) return false;
    const char *m = colon + 2;
    size_t mn = n - term - 2;
    while (mn && blank(m[mn - 1]))
        mn--;
    int mw = nl_count_words(m, mn, "`|{}[]=;<>", NULL);
    if (mw < 1 || m[mn - 1] == '?' || m[0] == '"' || m[0] == '\'') return false;
    e->term = term;
    e->strict = mw >= 2;
    return true;
}

/* Each term of lines i..e used once (any case). */
static bool distinct_terms(const nl_raw_line *v, size_t i, size_t e, const size_t *terms)
{
    for (size_t a = i; a < e; a++)
        for (size_t b = a + 1; b < e; b++)
            if (terms[a] == terms[b] && !strncasecmp(v[a].s, v[b].s, terms[a])) return false;
    return true;
}

size_t nl_glossary_run(const nl_raw_line *v, size_t n, size_t i, size_t *terms)
{
    for (int colon = 0; colon < 2; colon++) {
        size_t e = i, strict = 0;
        entry en;
        while (e < n && e - i < MAX_BLOCK && v[e].n > v[e].lead && v[e].lead == 0 && !v[e].fenced &&
               (colon ? colon_entry(v[e].s, v[e].n, &en) : dash_entry(v[e].s, v[e].n, &en))) {
            terms[e++] = en.term;
            strict += en.strict;
        }
        bool ends = e == n || v[e].n == v[e].lead;
        if (e - i >= MIN_LINES && ends && strict * 2 > e - i &&
            (!colon || distinct_terms(v, i, e, terms)))
            return e - i;
        for (size_t k = i; k < e; k++) /* no glossary: no term to set bold */
            terms[k] = 0;
    }
    return 0;
}
