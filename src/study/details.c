#include "study/study_int.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Multiple-choice collections hide each answer in
 *   <details><summary>Answer</summary> … </details>
 * Ingest keeps raw HTML as literal text, so here the tags are recognized
 * in the TEXT of the blocks of such a region and removed; what they
 * enclosed stays, and becomes the ANSWER. Only a caption that merely says
 * "Answer" goes with its tags. Tags are stripped only inside a region:
 * elsewhere "<token>" in a note is text. */

static const char *const TAGS[] = {
    "details", "summary",    "p",      "br",   "b",  "strong", "i",   "em",  "u",
    "code",    "pre",        "div",    "span", "ul", "ol",     "li",  "hr",  "h1",
    "h2",      "h3",         "h4",     "h5",   "h6", "sup",    "sub", "kbd", "small",
    "mark",    "blockquote", "center", "font", "tt", "s",      "del", "ins", NULL};

static const char *find_ci(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++)
        if (strncasecmp(s, needle, n) == 0) return s;
    return NULL;
}

static bool starts_tag(const char *s, const char *name)
{
    size_t n = strlen(name);
    return s[0] == '<' && strncasecmp(s + 1, name, n) == 0 &&
           (s[n + 1] == '>' || s[n + 1] == ' ' || s[n + 1] == '\t' || s[n + 1] == '/');
}

bool st_opens_details(st_ctx *c, const oct_node *p)
{
    (void)c;
    if (p->kind != OCT_PARAGRAPH || !p->first || p->first->kind != OCT_TEXT) return false;
    const char *s = p->first->text;
    while (*s == ' ' || *s == '\t')
        s++;
    return starts_tag(s, "details");
}

bool st_closes_details(st_ctx *c, const oct_node *p)
{
    (void)c;
    if (p->kind != OCT_PARAGRAPH) return false;
    for (const oct_node *k = p->first; k; k = k->next)
        if (k->kind == OCT_TEXT && find_ci(k->text, "</details")) return true;
    return false;
}

/* Length of a known tag at s ("<p>", "</summary>", "<br/>"), 0 if none. */
static size_t tag_len(const char *s)
{
    if (s[0] != '<') return 0;
    size_t i = 1;
    if (s[i] == '/') i++;
    size_t name = i;
    while (isalnum((unsigned char)s[i]))
        i++;
    if (i == name || !isalpha((unsigned char)s[name])) return 0;
    bool known = false;
    for (const char *const *t = TAGS; *t && !known; t++)
        known = strlen(*t) == i - name && strncasecmp(*t, s + name, i - name) == 0;
    if (!known) return 0;
    for (size_t k = 0; s[i] && k < 256; i++, k++) {
        if (s[i] == '>') return i + 1;
        if (s[i] == '<' || s[i] == '\n') return 0;
    }
    return 0;
}

static void strip_tags(const char *s, oct_buf *out, size_t *stripped);

/* A <summary> caption: skipped whole when it only says "answer". Returns
 * the bytes consumed at s (0: handle the tag alone). */
static size_t summary_caption(const char *s, size_t open_len)
{
    const char *close = find_ci(s + open_len, "</summary");
    if (!close) return 0;
    size_t cl = tag_len(close);
    if (!cl) return 0;
    oct_buf cap = OCT_BUF_INIT;
    size_t dummy = 0;
    char *inner = oct_xstrndup(s + open_len, (size_t)(close - s) - open_len);
    strip_tags(inner, &cap, &dummy);
    bool answer = st_is_answer_caption(cap.data ? cap.data : "", cap.len);
    free(inner);
    oct_buf_free(&cap);
    return answer ? (size_t)(close - s) + cl : 0;
}

/* Tags after which text starts a new line in a browser: their removal
 * leaves a space, so "Caption</summary>text" does not run together. */
static bool block_tag(const char *s)
{
    static const char *const BLOCK[] = {
        "details", "summary", "p",  "br", "div", "li", "ul",         "ol",     "pre", "hr",
        "h1",      "h2",      "h3", "h4", "h5",  "h6", "blockquote", "center", NULL};
    s += s[1] == '/' ? 2 : 1;
    for (const char *const *t = BLOCK; *t; t++) {
        size_t n = strlen(*t);
        if (strncasecmp(s, *t, n) == 0 && !isalnum((unsigned char)s[n])) return true;
    }
    return false;
}

static void strip_tags(const char *s, oct_buf *out, size_t *stripped)
{
    bool space = false;
    for (size_t i = 0; s[i];) {
        size_t k = tag_len(s + i);
        if (!k) {
            if (space && s[i] != ' ' && s[i] != '\t') oct_buf_putc(out, ' ');
            space = false;
            oct_buf_putc(out, s[i++]);
            continue;
        }
        (*stripped)++;
        if (block_tag(s + i) && out->len > 0 && out->data[out->len - 1] != ' ') space = true;
        size_t whole = starts_tag(s + i, "summary") ? summary_caption(s + i, k) : 0;
        i += whole ? whole : k;
    }
}

/* The few entities HTML answers use; anything else stays as written. */
static void decode_entities(const char *s, oct_buf *out)
{
    static const struct {
        const char *name;
        unsigned cp;
    } ENT[] = {{"&lt;", '<'},   {"&gt;", '>'},    {"&amp;", '&'},
               {"&quot;", '"'}, {"&apos;", '\''}, {"&nbsp;", 0xA0}};
    for (size_t i = 0; s[i];) {
        bool done = false;
        if (s[i] == '&') {
            for (size_t e = 0; e < sizeof ENT / sizeof ENT[0] && !done; e++) {
                size_t n = strlen(ENT[e].name);
                if (strncmp(s + i, ENT[e].name, n) == 0) {
                    oct_buf_put_utf8(out, ENT[e].cp);
                    i += n;
                    done = true;
                }
            }
            if (!done && s[i + 1] == '#') {
                char *end;
                bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
                long v = strtol(s + i + (hex ? 3 : 2), &end, hex ? 16 : 10);
                if (*end == ';' && v > 0 && v < 0x110000 && end > s + i + (hex ? 3 : 2)) {
                    oct_buf_put_utf8(out, (unsigned)v);
                    i = (size_t)(end - s) + 1;
                    done = true;
                }
            }
        }
        if (!done) oct_buf_putc(out, s[i++]);
    }
}

/* Strips tags from one TEXT node; entities are decoded only in text that
 * had tags (a literal HTML line), not in Markdown text cmark decoded. */
static void clean_text(st_ctx *c, oct_node *k)
{
    oct_buf a = OCT_BUF_INIT, b = OCT_BUF_INIT;
    size_t stripped = 0;
    strip_tags(k->text, &a, &stripped);
    if (stripped) {
        decode_entities(a.data ? a.data : "", &b);
        const char *s = b.data ? b.data : "";
        size_t n = b.len;
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        while (n > 0 && (*s == ' ' || *s == '\t'))
            s++, n--;
        k->text = oct_arena_strndup(c->t->arena, s, n);
    }
    oct_buf_free(&a);
    oct_buf_free(&b);
}

bool st_details_clean(st_ctx *c, oct_node *b)
{
    if (b->kind != OCT_PARAGRAPH) return true;
    for (oct_node *k = b->first; k;) {
        oct_node *next = k->next;
        if (k->kind == OCT_TEXT) {
            clean_text(c, k);
            if (!*k->text) oct_node_unlink(k);
        }
        k = next;
    }
    /* lines emptied by the strip leave their breaks behind */
    for (oct_node *k = b->first; k;) {
        oct_node *next = k->next;
        bool brk = k->kind == OCT_LINE_BREAK || k->kind == OCT_SOFT_BREAK;
        if (brk &&
            (!k->prev || !next || next->kind == OCT_LINE_BREAK || next->kind == OCT_SOFT_BREAK))
            oct_node_unlink(k);
        k = next;
    }
    return b->first != NULL;
}
