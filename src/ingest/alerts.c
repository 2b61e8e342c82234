#include "ingest/alerts.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Types and the title each shows without one of its own: GitHub's five,
 * then Obsidian's (with their aliases). */
static const char *const KINDS[][2] = {
    {"note", "Note"},       {"tip", "Tip"},         {"important", "Important"},
    {"warning", "Warning"}, {"caution", "Caution"}, {"abstract", "Summary"},
    {"summary", "Summary"}, {"tldr", "Summary"},    {"info", "Info"},
    {"todo", "To do"},      {"hint", "Tip"},        {"success", "Done"},
    {"check", "Done"},      {"done", "Done"},       {"question", "Question"},
    {"help", "Question"},   {"faq", "Question"},    {"attention", "Warning"},
    {"failure", "Failed"},  {"fail", "Failed"},     {"missing", "Missing"},
    {"danger", "Danger"},   {"error", "Error"},     {"bug", "Bug"},
    {"example", "Example"}, {"quote", "Quote"},     {"cite", "Quote"},
};

enum { MAX_TYPE = 24 };

typedef struct {
    size_t len;        /* bytes of "[!type]" and a fold sign and blanks after it */
    const char *title; /* the type's own title (static), or NULL for a new type */
    char type[MAX_TYPE + 1];
    bool question; /* question, help, faq */
} marker;

static bool type_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

/* The marker "[!type]" (then '+' or '-', Obsidian's folding) opening s. */
static bool read_marker(const char *s, marker *m)
{
    memset(m, 0, sizeof *m);
    const char *p = s;
    while (*p == ' ' || *p == '\t')
        p++;
    if (p[0] != '[' || p[1] != '!') return false;
    size_t n = 0;
    while (type_char(p[2 + n]))
        n++;
    if (n == 0 || n > MAX_TYPE || p[2 + n] != ']') return false;
    for (size_t i = 0; i < n; i++)
        m->type[i] = (char)(p[2 + i] >= 'A' && p[2 + i] <= 'Z' ? p[2 + i] - 'A' + 'a' : p[2 + i]);
    for (size_t i = 0; i < sizeof KINDS / sizeof *KINDS && !m->title; i++)
        if (!strcmp(m->type, KINDS[i][0])) m->title = KINDS[i][1];
    m->question = m->title && !strcmp(m->title, "Question");
    p += 3 + n;
    if (*p == '+' || *p == '-') p++;
    while (*p == ' ' || *p == '\t')
        p++;
    m->len = (size_t)(p - s);
    return true;
}

/* A type of the writer's own: its word, capitalised ("[!recipe]": "Recipe"). */
static oct_node *type_title(oct_tree *t, const marker *m, oct_span at)
{
    char buf[MAX_TYPE + 1];
    strcpy(buf, m->type);
    if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
    for (char *c = buf; *c; c++)
        if (*c == '-' || *c == '_') *c = ' ';
    return oct_node_new_text(t, OCT_TEXT, at, buf, strlen(buf));
}

/* A question callout with a title of its own ("> [!faq] Why ...?"): the
 * title, bold, and the body after it, in the quote's place, where the
 * study pass reads a bold question and its answer. The answer is the
 * body: its last block (else the title) is marked to end it, so that a
 * later callout or paragraph does not run into it. */
static void unwrap_question(oct_tree *t, oct_node *quote, oct_node *p)
{
    oct_node *title = oct_node_new(t, OCT_PARAGRAPH, p->span);
    oct_node_insert_before(quote, title);
    oct_node_append(title, p->first); /* the strong title */
    oct_node *brk = p->first;
    if (brk) oct_node_unlink(brk); /* the line break after it */
    if (!p->first) oct_node_unlink(p);
    oct_node *last = quote->last ? quote->last : title;
    last->ends_answer = true;
    while (quote->first)
        oct_node_insert_before(quote, quote->first);
    oct_node_unlink(quote);
}

/* Whether the inlines from n to the next break (or the end) end in '?'
 * (any script's question mark, a closing quote or emphasis after it). */
static bool line_asks(oct_node *n)
{
    oct_buf b = OCT_BUF_INIT;
    for (; n && !oct_node_is_break(n); n = n->next)
        oct_node_plain_text_to(n, &b);
    size_t len = b.len;
    while (len > 0 && strchr(" \t*_\"')", b.data[len - 1]))
        len--;
    bool asks = (len >= 1 && b.data[len - 1] == '?') ||
                (len >= 3 && memcmp(b.data + len - 3, "\xEF\xBC\x9F", 3) == 0) || /* ？ */
                (len >= 2 && memcmp(b.data + len - 2, "\xD8\x9F", 2) == 0);       /* ؟ */
    oct_buf_free(&b);
    return asks;
}

/* An untitled question callout ("> [!faq]" / "> Why does ice melt?" /
 * "> Because …") whose first body line asks: that line becomes the title
 * (in place of the type's "Question", which the writer did not write),
 * so that the study pass reads the question and the rest as its answer.
 * strong is the title made from the type's name; true when replaced. */
static bool title_from_body(oct_node *p, oct_node *strong)
{
    oct_node *brk = strong->next, *line = brk ? brk->next : NULL, *from = p;
    if (!brk && p->next && p->next->kind == OCT_PARAGRAPH) {
        from = p->next; /* "> [!faq]", a blank line, then the question */
        line = from->first;
    }
    if (!line || !line_asks(line)) return false;
    while (strong->first)
        oct_node_unlink(strong->first);
    if (brk) oct_node_unlink(brk);
    while (line && !oct_node_is_break(line)) {
        oct_node *next = line->next;
        oct_node_append(strong, line);
        line = next;
    }
    if (from != p) {
        /* the question's break goes too; its paragraph's rest stays */
        if (line) oct_node_unlink(line);
        if (!from->first) oct_node_unlink(from);
    } else if (line) {
        line->kind = OCT_LINE_BREAK;
    }
    return true;
}

/* The quote's first paragraph opens with a marker: what follows it on its
 * line (else the type's name) becomes the bold title, the break after it
 * a line break. */
static void convert(oct_tree *t, oct_node *quote)
{
    oct_node *p = quote->first;
    if (!p || p->kind != OCT_PARAGRAPH || !p->first || p->first->kind != OCT_TEXT) return;
    oct_node *first = p->first;
    marker m;
    if (!read_marker(first->text ? first->text : "", &m)) return;
    oct_node *strong = oct_node_new(t, OCT_STRONG, first->span);
    oct_node_insert_before(first, strong);
    const char *rest = first->text + m.len;
    bool titled = *rest != '\0' || (first->next && !oct_node_is_break(first->next));
    if (*rest) {
        first->text = oct_arena_strdup(t->arena, rest);
    } else {
        oct_node_unlink(first);
    }
    /* the title: the rest of the marker's line */
    while (titled && strong->next && !oct_node_is_break(strong->next))
        oct_node_append(strong, strong->next);
    if (!titled) {
        oct_node *name =
            m.title ? oct_node_new_text(t, OCT_TEXT, strong->span, m.title, strlen(m.title))
                    : type_title(t, &m, strong->span);
        oct_node_append(strong, name);
    }
    if (strong->next) strong->next->kind = OCT_LINE_BREAK;
    if (m.question && !titled) titled = title_from_body(p, strong);
    if (m.question && titled) unwrap_question(t, quote, p);
}

void oct_ingest_alerts(oct_tree *t, oct_node *chapter)
{
    size_t n;
    oct_node **quotes = oct_node_collect(chapter, OCT_BLOCKQUOTE, &n);
    for (size_t i = 0; i < n; i++)
        convert(t, quotes[i]);
    free(quotes);
}
