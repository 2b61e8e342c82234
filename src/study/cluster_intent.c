#include "study/cluster_int.h"

#include <stdio.h>
#include <string.h>

/* What a question asks for, read from its words: two questions about the
 * same thing that ask for different things ("What is a migration?" and
 * "Why are migrations needed?") never merge. The opening words decide,
 * except that a comparison or a list anywhere wins: "What is the
 * difference between X and Y?" compares. */

/* " word word " of s: ASCII lower-case, everything else a space. */
static void words_of(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    out[k++] = ' ';
    for (size_t i = 0; i < n && k + 2 < cap; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c | 0x20);
        bool w = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '\'';
        if (!w) c = ' ';
        if (c == ' ' && out[k - 1] == ' ') continue;
        out[k++] = c;
    }
    if (out[k - 1] != ' ') out[k++] = ' ';
    out[k] = 0;
}

/* Whether any key occurs in w. Every key opens with a space, so it is
 * only tried where w has one and the next letter matches (strstr per key
 * was the costliest part of merging questions at scale). */
static bool has_any(const char *w, const char *const *keys)
{
    for (const char *p = w; (p = strchr(p, ' ')) && p[1]; p++)
        for (const char *const *k = keys; *k; k++)
            if ((*k)[1] == p[1] && strncmp(p, *k, strlen(*k)) == 0) return true;
    return false;
}

static bool opens_with(const char *w, const char *const *keys)
{
    for (; *keys; keys++)
        if ((*keys)[0] == w[0] && (*keys)[1] == w[1] && strncmp(w, *keys, strlen(*keys)) == 0)
            return true;
    return false;
}

static const char *const DIFF_ANY[] = {
    " difference ",     " differences ", " differ ",      " differs ",
    " different from ", " vs ",          " versus ",      " compare ",
    " comparing ",      " comparison ",  " distinguish ", " contrast ",
    " unterschied ",    " différence ",  " diferencia ",  NULL};
static const char *const DIFF_OPEN[] = {" which is better ", " should you use ", " should i use ",
                                        " when to use ", NULL};
static const char *const LIST_ANY[] = {" types of ",
                                       " kinds of ",
                                       " list of ",
                                       " name some ",
                                       " name a few ",
                                       " what are some ",
                                       " what are the different ",
                                       " what are the various ",
                                       " what are the main ",
                                       NULL};
static const char *const LIST_OPEN[] = {" list ", " name ", " enumerate ", " give some ", NULL};
static const char *const WHY_OPEN[] = {" why ", " warum ", " pourquoi ", " por qué ", NULL};
static const char *const HOWTO_OPEN[] = {" how do you ",   " how do i ",      " how do we ",
                                         " how to ",       " how can ",       " how would you ",
                                         " how should ",   " how will you ",  " how you ",
                                         " how does one ", " create ",        " write ",
                                         " implement ",    " configure ",     " set up ",
                                         " build ",        " design ",        " show how ",
                                         " wie kann ",     " comment faire ", NULL};
static const char *const DEF_OPEN[] = {" what is ",
                                       " what are ",
                                       " what's ",
                                       " what does ",
                                       " what do you mean ",
                                       " what do you understand ",
                                       " define ",
                                       " explain ",
                                       " describe ",
                                       " tell me about ",
                                       " how does ",
                                       " how do ",
                                       " how is ",
                                       " how are ",
                                       " what was ",
                                       " meaning of ",
                                       " what happens ",
                                       " what do ",
                                       " can you explain ",
                                       " could you explain ",
                                       " can you describe ",
                                       " was ist ",
                                       " was sind ",
                                       " erkläre ",
                                       " qu'est ce ",
                                       " qu est ce ",
                                       " expliquez ",
                                       " qué es ",
                                       " que es ",
                                       " can someone explain ",
                                       " was versteht man ",
                                       " was bedeutet ",
                                       " erklären sie ",
                                       " que signifie ",
                                       " qu'entend on par ",
                                       " qué significa ",
                                       NULL};

/* Leading "Q3:", "12." and symbols are already gone from prompts; "or"
 * between two short alternatives at the end reads as a choice. */
static bool choice_or(const char *w)
{
    const char *o = strstr(w, " or ");
    return o && (opens_with(w, (const char *const[]){" is it better ", " should ", " which ",
                                                     " do you prefer ", NULL}));
}

ci_intent ci_intent_of(const char *s, size_t n)
{
    char w[512];
    words_of(s, n, w, sizeof w);
    if (has_any(w, DIFF_ANY) || opens_with(w, DIFF_OPEN) || choice_or(w)) return CI_DIFFERENCE;
    if (has_any(w, LIST_ANY) || opens_with(w, LIST_OPEN)) return CI_LIST;
    if (opens_with(w, WHY_OPEN)) return CI_WHY;
    if (opens_with(w, HOWTO_OPEN)) return CI_HOWTO;
    if (opens_with(w, DEF_OPEN)) return CI_DEFINITION;
    /* a title without a verb ("Django signals") asks to define it */
    if (!strchr(s, '?') && n < 60 && !strstr(w, " how ") && !strstr(w, " why "))
        return CI_DEFINITION;
    return CI_OTHER;
}

const char *ci_intent_name(ci_intent i)
{
    static const char *const NAMES[] = {"other",      "definition", "how-to",
                                        "difference", "why",        "list"};
    return (unsigned)i < sizeof NAMES / sizeof NAMES[0] ? NAMES[i] : "other";
}
