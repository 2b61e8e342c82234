/* The title line of a plain-text note (plaintitle.h). */
#define _GNU_SOURCE /* memmem */
#include "ingest/plaintitle.h"
#include "ingest/exam_labels.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { MAX_BYTES = 100, MAX_WORDS = 12 };

/* First words of a question, or of an instruction to answer one: a line
 * opening with them is a question written without its mark, which the
 * study pass is to read as one, not a title; and the openers of a chat's
 * answer ("Here are the questions you asked for"). Case-folded. */
static const char *const NOT_TITLE[] = {
    "here",      "sure",    "ok",       "okay",     "certainly", "absolutely", "great",  "hi",
    "hello",     "thanks",  "what",     "why",      "how",       "when",       "where",  "which",
    "who",       "whom",    "whose",    "is",       "are",       "was",        "were",   "do",
    "does",      "did",     "can",      "could",    "should",    "would",      "will",   "explain",
    "describe",  "define",  "name",     "list",     "compare",   "difference", "q",      "a",
    "question",  "answer",  "warum",    "wie",      "wo",        "wann",       "welche", "welcher",
    "welches",   "wer",     "frage",    "antwort",  "pourquoi",  "comment",    "quel",   "quelle",
    "quels",     "quelles", "que",      "qu",       "qui",       "où",         "quand",  "qué",
    "cómo",      "cuál",    "cuáles",   "dónde",    "cuándo",    "quién",      "por",    "pregunta",
    "respuesta", "perché",  "come",     "quale",    "cosa",      "dove",       "quando", "domanda",
    "risposta",  "porque",  "qual",     "onde",     "pergunta",  "resposta",   "wat",    "waarom",
    "hoe",       "welke",   "wanneer",  "vraag",    "antwoord",  "что",        "как",    "почему",
    "зачем",     "какой",   "какая",    "какое",    "какие",     "где",        "когда",  "кто",
    "вопрос",    "ответ",   "чому",     "який",     "яка",       "яке",        "які",    "питання",
    "відповідь", "co",      "jak",      "dlaczego", "jaki",      "jaka",       "jakie",  "gdzie",
    "kiedy",     "pytanie", "odpowiedź"};

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
    return true;
}

/* Whether s[0..n) holds more than white space and line ends. */
static bool has_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return true;
    return false;
}

/* Whether the line's first word (letters) is one of NOT_TITLE. */
static bool opens_no_title(const char *s, size_t n)
{
    size_t w = 0, len;
    while (w < n) {
        unsigned cp = oct_utf8_decode(s + w, n - w, &len);
        if (!len || !oct_utf8_is_letter(cp)) break;
        w += len;
    }
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)w, &folded,
                                      UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    bool asking = false;
    for (size_t i = 0; m > 0 && i < sizeof NOT_TITLE / sizeof *NOT_TITLE && !asking; i++)
        asking = strcmp((const char *)folded, NOT_TITLE[i]) == 0;
    free(folded);
    return asking;
}

/* Whether line s[0..n) reads as a title (see plaintitle.h). */
static bool title_like(const char *s, size_t n)
{
    if (n < 3 || n > MAX_BYTES || s[0] == ' ') return false;
    size_t len, at = oct_utf8_last_start(s, n);
    if (!oct_utf8_is_letter(oct_utf8_decode(s, n, &len))) return false;
    unsigned last = oct_utf8_decode(s + at, n - at, &len);
    if ((last < 0x80 && strchr(".?!:;,", (int)last)) || last == 0x2026 /* … */ || last == 0xFF1F ||
        last == 0xFF01 || last == 0xFF1A || last == 0x3002 || last == 0xFF0C || last == 0xFF1B)
        return false;
    size_t words = 1;
    for (size_t i = 0; i < n; i++) {
        if (strchr("\t:=<>{}|`$;\\", s[i]) || (s[i] == '(' && i + 1 < n && s[i + 1] == ')'))
            return false;
        if (s[i] == ' ' && i + 1 < n && s[i + 1] != ' ') words++;
        if (i > 0 && s[i] == ' ' && strchr(".!?", s[i - 1])) return false; /* two sentences */
    }
    if (words > MAX_WORDS || memmem(s, n, "://", 3) || memmem(s, n, "\xEF\xBC\x9A", 3))
        return false; /* (a full-width colon) */
    return !opens_no_title(s, n);
}

/* Whether line s[0..n) of an exam paper may be its title: no label of a
 * question or part ("Problem 3(a) Find x"), no marks at its end, no
 * section, total or mark scheme caption. */
static bool exam_title(const char *s, size_t n)
{
    oct_exam_label l;
    int marks;
    return !oct_exam_read_label(s, n, false, &l) && oct_exam_marks(s, n, false, &marks) == n &&
           !oct_exam_section(s, n) && !oct_exam_total(s, n) && !oct_exam_scheme_caption(s, n);
}

bool oct_plain_title(oct_normalized *n)
{
    const char *s = n->text, *end = s + n->len;
    const char *line = s;
    while (line < end) { /* the first line with text */
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t ln = nl ? (size_t)(nl - line) : (size_t)(end - line);
        if (!blank(line, ln)) break;
        line = nl ? nl + 1 : end;
    }
    if (line >= end) return false;
    const char *nl = memchr(line, '\n', (size_t)(end - line));
    if (!nl) return false;
    size_t ln = (size_t)(nl - line);
    /* a blank line after it, then more text; or, at an exam paper's head,
     * its rubric straight under it ("Time allowed: 1 hour"), as papers
     * are printed */
    const char *next = nl + 1, *nnl = memchr(next, '\n', (size_t)(end - next));
    size_t nextlen = nnl ? (size_t)(nnl - next) : (size_t)(end - next);
    bool apart = blank(next, nextlen) && nnl && has_text(nnl + 1, (size_t)(end - nnl - 1));
    bool head = n->exam && !blank(next, nextlen);
    if (!apart && !head) return false;
    if (!title_like(line, ln) || (n->exam && !exam_title(line, ln))) return false;
    size_t at = (size_t)(line - s);
    char *text = oct_xmalloc(n->len + 3);
    memcpy(text, s, at);
    memcpy(text + at, "# ", 2);
    memcpy(text + at + 2, line, n->len - at + 1); /* and the NUL */
    free(n->text);
    n->text = text;
    n->len += 2;
    return true;
}
