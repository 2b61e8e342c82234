/* A question and its answer on one line, with no label between them:
 *
 *   - What is the largest organ of the body? The skin.
 *   What shifts the supply curve? Input prices, technology and taxes.
 *   水的化学式是什么？H₂O。
 *
 * Read whole, the line is a prompt that holds its own answer (and, with
 * no question word the study pass knows, "Which chamber ...? The left
 * ventricle." was no question at all). The paragraph is cut after the
 * question mark, as if the answer began a line of its own, when:
 *   - the first line opens with one sentence of three words or more that
 *     asks and ends there;
 *   - what follows starts a sentence (a capital, a figure, a letter of a
 *     script without case) that asks nothing itself and is not the
 *     question's own instruction ("Give an example.", "Explain why.",
 *     "(2 marks)"), which stays part of the prompt, or a call to the
 *     reader ("Any questions? Email me."). */
#include "study/study_int.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <string.h>
#include <utf8proc.h>

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Words that go on with the question rather than answer it: the
 * instructions of exam questions and a second question's first word. */
static const char *const GOES_ON[] = {
    "give", "explain", "describe", "discuss", "justify", "list", "name", "state", "show", "compare",
    "contrast", "illustrate", "include", "provide", "support", "write", "draw", "define",
    "identify", "outline", "mention", "cite", "consider", "think", "hint", "note", "assume",
    "suppose", "answer", "use", "for", "if", "why", "how", "what", "when", "where", "which", "who",
    "whom", "whose", "is", "are", "do", "does", "did", "can", "could", "should", "would", "will",
    "also", "and", "or", "please", "e", "i", "example", "choose", "select", "pick", "tick",
    "circle", "erkläre", "erklären", "nenne", "nennen", "beschreibe", "begründe", "expliquez",
    "explique", "décrivez", "donnez", "citez", "justifiez", "explica", "menciona", "justifica",
    "spiega", "descrivi",
    /* a call to the reader, not an answer: "Any questions? Email me." */
    "email", "contact", "ask", "see", "read", "click", "visit", "check", "join", "let", "feel",
    "reach", "drop", "send", "follow", "subscribe", "comment", NULL};

static bool goes_on(const char *s, size_t n)
{
    char w[16];
    size_t k = 0;
    while (k < n && k + 1 < sizeof w && (unsigned char)s[k] >= 0x41 &&
           !strchr(" \t.,:;!?)]", s[k])) {
        w[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
        k++;
    }
    if (k == 0 || k + 1 >= sizeof w) return false;
    w[k] = '\0';
    for (size_t i = 0; GOES_ON[i]; i++)
        if (strcmp(w, GOES_ON[i]) == 0) return true;
    return false;
}

/* Whether s[0..n) may be the answer: it starts a sentence, asks nothing,
 * and is no instruction of the question's. */
static bool answers(const char *s, size_t n)
{
    while (n > 0 && is_blank(s[n - 1]))
        n--;
    if (n == 0 || st_ends_question(s, n) || goes_on(s, n)) return false;
    size_t len;
    unsigned cp = oct_utf8_decode(s, n, &len);
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LO ||
           cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_NO;
}

/* The first question mark of s[0..n) that ends a question: its end, and
 * where the text after it starts (*rest); 0 if none. A Latin or Arabic
 * mark wants a blank after it, a full-width one does not. */
static size_t question_end(const char *s, size_t n, size_t *rest)
{
    for (size_t i = 0; i < n; i++) {
        size_t m = 0;
        bool wide = false;
        if (s[i] == '?')
            m = 1;
        else if (i + 2 <= n && memcmp(s + i, "\xD8\x9F", 2) == 0) /* ؟ */
            m = 2;
        else if (i + 3 <= n && memcmp(s + i, "\xEF\xBC\x9F", 3) == 0) /* ？ */
            m = 3, wide = true;
        if (!m) continue;
        size_t j = i + m;
        if (j < n && !is_blank(s[j]) && !wide) continue; /* "?!", "?)", a URL's query */
        size_t r = j;
        while (r < n && is_blank(s[r]))
            r++;
        if (r >= n) return 0;
        *rest = r;
        return j;
    }
    return 0;
}

/* Whether s[0..n) is one sentence of three words or more ("Any
 * questions?" is a call, "Why two photosystems?" a question): no ". " or
 * "! " before a capital. */
static bool one_sentence(const char *s, size_t n)
{
    int words = 0;
    for (size_t i = 0, len; i < n; i += len) {
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        words += !is_blank(s[i]) && (i == 0 || is_blank(s[i - 1]));
        words += cp >= 0x2E80 && cp <= 0x9FFF; /* Han and kana: a word a sign, near enough */
    }
    if (words < 3) return false;
    for (size_t i = 0; i + 2 < n; i++)
        if ((s[i] == '.' || s[i] == '!') && is_blank(s[i + 1]) && s[i + 2] >= 'A' &&
            s[i + 2] <= 'Z')
            return false;
    return true;
}

/* The text node of line ln holding byte `at` of the line's text (as
 * st_range_text reads it), with a blank before it there unless !blank;
 * NULL if that byte is inside markup (emphasis, a link) or opens a node. */
static oct_node *node_at(const st_line *ln, size_t at, bool blank, oct_buf *part, size_t *off)
{
    size_t base = 0;
    for (oct_node *t = ln->first; t; t = t == ln->last ? NULL : t->next) {
        size_t len = st_inline_length(t, part);
        if (at < base + len) {
            size_t k = at - base;
            if (t->kind != OCT_TEXT || !t->text || k == 0 || (blank && !is_blank(t->text[k - 1])))
                return NULL;
            *off = k;
            return t;
        }
        base += len;
    }
    return NULL;
}

oct_node *st_split_asked_line(oct_tree *tree, oct_node *p, st_lines *l)
{
    /* no question mark in the paragraph's texts: nothing to cut */
    bool mark = false;
    for (const oct_node *k = p->first; k && !mark; k = k->next)
        mark = k->kind == OCT_TEXT && k->text &&
               (strchr(k->text, '?') || strstr(k->text, "\xEF\xBC\x9F") ||
                strstr(k->text, "\xD8\x9F"));
    if (!mark) return NULL;
    st_lines_of(p, l);
    if (l->n == 0 || !l->v[0].first) return NULL;
    oct_buf line = OCT_BUF_INIT, part = OCT_BUF_INIT;
    st_range_text(l->v[0].first, l->v[0].last, &line);
    oct_node *np = NULL, *t = NULL;
    size_t rest = 0, end = line.data ? question_end(line.data, line.len, &rest) : 0, at = 0;
    if (end && end <= ST_MAX_QUESTION_BYTES && one_sentence(line.data, end) &&
        st_text_asks(line.data, end) && answers(line.data + rest, line.len - rest))
        t = node_at(&l->v[0], rest, rest > end, &part, &at);
    if (t) np = st_cut_paragraph(tree, p, t, at, l->v[0].line);
    oct_buf_free(&line);
    oct_buf_free(&part);
    return np;
}
