/* Obsidian's inline syntax in notes (wikilinks.h): "[[Target]]",
 * "[[Target|shown]]", "[[Target#Heading]]" and "![[picture.png]]" embeds,
 * and "==highlighted==" text. CommonMark leaves all of them as text with
 * their brackets and signs. A wikilink becomes a link showing its words,
 * to "Target#heading" (the heading's GitHub anchor): when the note is
 * one of the booklet's sources it leads to its chapter or heading (the
 * anchor table finds a note by its name wherever it lies, as Obsidian
 * does), and otherwise prints as its words, as every link inside the
 * booklet that names nothing does. An embedded picture becomes a picture,
 * found beside the note as any other; a highlight prints bold, as a
 * highlighter pen reads on paper. */
#include "ingest/wikilinks.h"
#include "tree/anchors.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_LINK = 256 }; /* a longer "[[...]]" is not a wikilink */

static bool is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80 || c == '_';
}

static bool is_picture(const char *s, size_t n)
{
    static const char *const EXT[] = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"};
    for (size_t i = 0; i < sizeof EXT / sizeof *EXT; i++) {
        size_t e = strlen(EXT[i]);
        if (n > e && strncasecmp(s + n - e, EXT[i], e) == 0) return true;
    }
    return false;
}

/* Splits text node n at [a, b): n keeps what is before, `mid` is put after
 * it, and a text node with what follows b after that. */
static void splice(oct_tree *t, oct_node *n, size_t a, size_t b, oct_node *mid)
{
    const char *s = n->text;
    size_t len = strlen(s);
    oct_node *after = b < len ? oct_node_new_text(t, OCT_TEXT, n->span, s + b, len - b) : NULL;
    oct_node *next = n->next;
    oct_node *parent = n->parent;
    if (next) {
        oct_node_insert_before(next, mid);
        if (after) oct_node_insert_before(next, after);
    } else {
        oct_node_append(parent, mid);
        if (after) oct_node_append(parent, after);
    }
    if (a > 0)
        n->text = oct_arena_strndup(t->arena, s, a);
    else
        oct_node_unlink(n);
}

/* Appends to b the words a wikilink's inside [p, p + n) shows: the part
 * after '|', else the target with " › " for '#' and without a block id
 * ("^abc"); returns their length. */
static size_t link_words(char *b, const char *p, size_t n)
{
    const char *bar = memchr(p, '|', n);
    if (bar) {
        memcpy(b, bar + 1, (size_t)(p + n - bar - 1));
        return (size_t)(p + n - bar - 1);
    }
    size_t k = 0;
    for (size_t i = 0; i < n && p[i] != '^'; i++) {
        if (p[i] == '#' && i + 1 < n && p[i + 1] == '^') break; /* "[[Note#^id]]": a block */
        if (p[i] == '#') {
            if (k == 0) continue; /* "[[#Heading]]": a heading of this note */
            memcpy(b + k, " \xE2\x80\xBA ", 5);
            k += 5;
        } else {
            b[k++] = p[i];
        }
    }
    while (k && b[k - 1] == ' ')
        k--;
    return k;
}

/* The first wikilink in n's text at or after `from`: [*a, *b) with the
 * embed sign; false when there is none. */
static bool find_link(const char *s, size_t from, size_t *a, size_t *b)
{
    for (const char *o = strstr(s + from, "[["); o; o = strstr(o + 1, "[[")) {
        const char *in = o + 2, *c = in;
        while (*c && *c != ']' && *c != '[' && *c != '\n' && c - in <= MAX_LINK)
            c++;
        if (c == in || c[0] != ']' || c[1] != ']' || *in == ' ' || c - in > MAX_LINK) continue;
        *a = (size_t)(o - s) - (o > s && o[-1] == '!');
        *b = (size_t)(c - s) + 2;
        return true;
    }
    return false;
}

/* The first "==text==" at or after `from`: between signs that a word
 * character does not touch from outside, with no blank inside them. */
static bool find_highlight(const char *s, size_t from, size_t *a, size_t *b)
{
    for (const char *o = strstr(s + from, "=="); o; o = strstr(o + 1, "==")) {
        if ((o > s && (is_word_char(o[-1]) || o[-1] == '=')) || o[2] == '=' || o[2] == ' ' ||
            o[2] == '\0')
            continue;
        for (const char *c = strstr(o + 3, "=="); c; c = strstr(c + 1, "==")) {
            if (c[-1] == ' ' || c[2] == '=' || is_word_char(c[2])) continue;
            *a = (size_t)(o - s);
            *b = (size_t)(c - s) + 2;
            return true;
        }
        return false;
    }
    return false;
}

/* The parts of the wikilink s[a, b) (find_link's). */
typedef struct {
    bool embed;
    const char *in; /* between the brackets */
    size_t inlen;
    size_t target;   /* bytes of `in` before '|' (all of it without one) */
    const char *bar; /* the '|', or NULL */
} wikilink;

static wikilink parse_link(const char *s, size_t a, size_t b)
{
    wikilink w = {.embed = s[a] == '!'};
    w.in = s + a + (w.embed ? 3 : 2);
    w.inlen = (size_t)(s + b - 2 - w.in);
    w.bar = memchr(w.in, '|', w.inlen);
    w.target = w.bar ? (size_t)(w.bar - w.in) : w.inlen;
    return w;
}

static bool is_picture_embed(const wikilink *w)
{
    return w->embed && is_picture(w->in, w->target);
}

/* The url a wikilink names: its note's name as written (percent-encoded,
 * no extension: a note found by its name, anchors.h), then "#" and the
 * GitHub anchor of its heading; a block id ("^abc") names the note.
 * "[[#Heading]]" is a heading of this note. */
static const char *link_url(oct_tree *t, const wikilink *w)
{
    const char *hash = memchr(w->in, '#', w->target);
    size_t name = strcspn(w->in, "#^|");
    if (name > w->target) name = w->target;
    oct_buf u = OCT_BUF_INIT;
    for (size_t i = 0; i < name; i++) {
        unsigned char c = (unsigned char)w->in[i];
        if (c <= ' ' || c == '%' || c == '#' || c == '?' || c >= 0x7F)
            oct_buf_printf(&u, "%%%02X", c);
        else
            oct_buf_putc(&u, (char)c);
    }
    if (hash && hash[1] != '^' && (size_t)(hash - w->in) + 1 < w->target) {
        oct_buf_putc(&u, '#');
        oct_buf heading = OCT_BUF_INIT;
        oct_buf_put(&heading, hash + 1, (size_t)(w->in + w->target - hash - 1));
        oct_anchor_slug(heading.data, &u);
        oct_buf_free(&heading);
    }
    const char *url = oct_arena_strndup(t->arena, u.data ? u.data : "", u.len);
    oct_buf_free(&u);
    return url;
}

/* The node wikilink w becomes: a picture (an embed of one) or a link
 * showing its words; NULL when it has no words to show ("[[^abc]]"). */
static oct_node *wikilink_node(oct_tree *t, const wikilink *w, oct_span at)
{
    oct_node *mid;
    if (is_picture_embed(w)) {
        mid = oct_node_new(t, OCT_IMAGE, at);
        mid->u.link.url = oct_arena_strndup(t->arena, w->in, w->target);
        /* "![[x.png|300]]" gives a width, not words: the file name is the alt */
        size_t after = w->bar ? w->inlen - w->target - 1 : 0;
        bool words = w->bar && strspn(w->bar + 1, "0123456789x") != after;
        oct_node_append(mid, oct_node_new_text(t, OCT_TEXT, at, words ? w->bar + 1 : w->in,
                                               words ? after : w->target));
        return mid;
    }
    char words[MAX_LINK * 5 + 16]; /* " › " for a '#' */
    size_t k = link_words(words, w->in, w->inlen);
    if (k == 0) return NULL;
    mid = oct_node_new(t, OCT_LINK, at);
    mid->u.link.url = link_url(t, w);
    oct_node_append(mid, oct_node_new_text(t, OCT_TEXT, at, words, k));
    return mid;
}

/* The first wikilink, picture embed or highlight in n's text becomes a node of
 * its own between the text before and after it; returns the node holding
 * the text after it, to go on with, or NULL. */
static oct_node *split(oct_tree *t, oct_node *n)
{
    const char *s = n->text;
    size_t a = 0, b = 0, ha = 0, hb = 0;
    bool link = find_link(s, 0, &a, &b), mark = find_highlight(s, 0, &ha, &hb);
    if (!link && !mark) return NULL;
    oct_node *mid;
    if (!link || (mark && ha < a)) {
        mid = oct_node_new(t, OCT_STRONG, n->span);
        oct_node_append(mid, oct_node_new_text(t, OCT_TEXT, n->span, s + ha + 2, hb - ha - 4));
        for (oct_node *cur = mid->first; cur;) /* "==see [[X]]==": the link inside */
            cur = split(t, cur);
        a = ha;
        b = hb;
    } else {
        wikilink w = parse_link(s, a, b);
        mid = wikilink_node(t, &w, n->span);
        if (!mid) { /* "[[^abc]]", "[[#]]": nothing to show */
            n->text = oct_arena_cat(t->arena, oct_arena_strndup(t->arena, s, a), s + b, "");
            return n;
        }
    }
    splice(t, n, a, b, mid);
    return mid->next && mid->next->kind == OCT_TEXT ? mid->next : NULL;
}

void oct_ingest_wikilinks(oct_tree *t, oct_node *chapter)
{
    size_t n;
    oct_node **texts = oct_node_collect(chapter, OCT_TEXT, &n);
    for (size_t i = 0; i < n; i++) {
        /* code is CODE, never TEXT; a link's words stay as written */
        bool in_link = false;
        for (const oct_node *p = texts[i]->parent; p && !in_link; p = p->parent)
            in_link = p->kind == OCT_LINK || p->kind == OCT_IMAGE;
        if (in_link) continue;
        for (oct_node *cur = texts[i]; cur;)
            cur = split(t, cur);
    }
    free(texts);
}
