#include "study/study_int.h"

#include <ctype.h>
#include <string.h>

/* Numbers that collections put before their headings. A sub-number
 * ("4a", "4b", "12.1") is part of the question's number: the reader knows
 * the question by it, so it is kept as written beside the integer. */

enum { NUM_MAX_DIGITS = 6, SUB_MAX_DIGITS = 3 };

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t digits(const char *s, size_t n, size_t i, size_t max)
{
    size_t j = i;
    while (j < n && j - i < max && digit(s[j]))
        j++;
    return j - i;
}

/* After "12" at i: blanks, a hyphen or dash, a blank; returns the index of
 * that blank, 0 if the text goes on otherwise. */
static size_t dash_after(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && s[j] == ' ')
        j++;
    if (j == i) return 0;
    if (j < n && s[j] == '-')
        j++;
    else if (j + 3 <= n &&
             (memcmp(s + j, "\xE2\x80\x93", 3) == 0 || memcmp(s + j, "\xE2\x80\x94", 3) == 0))
        j += 3;
    else
        return 0;
    return j < n && s[j] == ' ' ? j : 0;
}

size_t st_heading_number(const char *s, size_t n, int *number, size_t *lab, size_t *lablen)
{
    size_t i = 0;
    bool q = n > 1 && (s[0] == 'Q' || s[0] == 'q') && digit(s[1]);
    if (q) i = 1;
    size_t d0 = i, nd = digits(s, n, i, NUM_MAX_DIGITS);
    if (nd == 0 || (d0 + nd < n && digit(s[d0 + nd]))) return 0;
    int v = 0;
    for (size_t k = d0; k < d0 + nd; k++)
        v = v * 10 + (s[k] - '0');
    i = d0 + nd;
    bool dotted = false, letter = false;
    if (i + 1 < n && s[i] >= 'a' && s[i] <= 'z' &&
        ((s[i + 1] && strchr(".):", s[i + 1])) || dash_after(s, n, i + 1))) {
        i++; /* "4a." */
        letter = true;
    } else {
        size_t k;
        while (i + 1 < n && s[i] == '.' && (k = digits(s, n, i + 1, SUB_MAX_DIGITS)) > 0 &&
               !(i + 1 + k < n && digit(s[i + 1 + k]))) {
            i += 1 + k; /* "12.1", "3.2.1" */
            dotted = true;
        }
    }
    size_t end = i, dash = dash_after(s, n, i);
    bool delim = i < n && (s[i] == '.' || s[i] == ')' || (s[i] == ':' && (q || dotted || letter)));
    if (delim) i++;
    if (!delim && dash) {
        i = dash; /* "12 - Title", "4a – Title" */
        delim = true;
    }
    if (!delim && !dotted && !(q && i < n && s[i] == ' ')) return 0; /* "Q12 Title" */
    if (i < n && s[i] != ' ' && s[i] != '\t') return 0;              /* "1.5GHz", "3.x" */
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    *number = v;
    *lab = d0;
    *lablen = end - d0;
    return i;
}

bool st_names_questions(const char *s)
{
    static const char *const WORDS[] = {"question", "interview", "faq",      "q&a",
                                        "quiz",     "fragen",    "pregunta", "entretien",
                                        "domande",  "perguntas", NULL};
    if (!s) return false;
    char low[512];
    size_t n = 0;
    for (; s[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)s[n]);
    low[n] = '\0';
    for (const char *const *w = WORDS; *w; w++)
        if (strstr(low, *w)) return true;
    return false;
}

bool st_step_title(const char *s, size_t n)
{
    /* instructions and the usual sections of a README or a tutorial */
    static const char *const WORDS[] = {
        "install",      "configure",     "create",       "add",           "set",
        "run",          "deploy",        "build",        "open",          "download",
        "clone",        "start",         "update",       "edit",          "make",
        "use",          "initialize",    "initialise",   "enable",        "connect",
        "launch",       "import",        "prepare",      "check",         "verify",
        "copy",         "move",          "save",         "click",         "select",
        "go",           "get",           "calibrate",    "register",      "upload",
        "push",         "commit",        "mount",        "insert",        "remove",
        "delete",       "setup",         "installation", "configuration", "usage",
        "requirements", "prerequisites", "introduction", "overview",      "conclusion",
        "summary",      "license",       "contributing", "installieren",  "erstellen",
        "einrichten",   "instalar",      "crear",        "configurar",    "installer",
        "créer",        "configurer",    "einleitung",   "introducción",  NULL};
    char w[32];
    size_t i = 0, k = 0;
    while (i < n && !isalpha((unsigned char)s[i]) && !((unsigned char)s[i] & 0x80))
        i++;
    while (i < n && k + 1 < sizeof w &&
           (isalpha((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80)))
        w[k++] = (char)tolower((unsigned char)s[i++]);
    w[k] = '\0';
    for (const char *const *p = WORDS; *p; p++)
        if (strcmp(w, *p) == 0) return true;
    return false;
}
