#include "anki/anki.h"
#include "anki/html.h"
#include "util/sha1.h"
#include "study/bank.h"
#include "tree/phrases.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A tag Anki keeps as one: no white space (Anki splits tags there), no
 * double quote (the text importer's quoting), no control characters. */
static void put_tag(oct_buf *tags, const char *name)
{
    if (!name || !*name) return;
    oct_buf one = OCT_BUF_INIT;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            oct_buf_putc(&one, '_');
        else if (*p >= 0x20 && *p != '"' && *p != 0x7f)
            oct_buf_putc(&one, (char)*p);
    }
    if (one.len) {
        /* the same tag twice is one tag: look for it between spaces */
        oct_buf probe = OCT_BUF_INIT;
        oct_buf_printf(&probe, " %s ", one.data);
        oct_buf hay = OCT_BUF_INIT;
        oct_buf_printf(&hay, " %s ", tags->data ? tags->data : "");
        if (!strstr(hay.data, probe.data)) {
            if (tags->len) oct_buf_putc(tags, ' ');
            oct_buf_puts(tags, one.data);
        }
        oct_buf_free(&probe);
        oct_buf_free(&hay);
    }
    oct_buf_free(&one);
}

/* How the notes name source `file`: its title, which an arranged booklet
 * keeps in file_titles and an unarranged one on the source's chapter. */
static const char *source_name(const oct_tree *t, unsigned file)
{
    if (!t->file_titles)
        for (const oct_node *ch = t->root->first; ch; ch = ch->next)
            if (ch->kind == OCT_CHAPTER && !ch->u.chapter.arranged && ch->span.file == file &&
                ch->u.chapter.title && *ch->u.chapter.title)
                return ch->u.chapter.title;
    return oct_tree_source_title(t, file);
}

/* A deck name part: "::" would open a subdeck, tabs and line ends would
 * break the text file's line, a double quote could start a quoted field. */
static void put_deck_part(oct_buf *out, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == ':' && p[1] == ':') {
            oct_buf_putc(out, ':');
            p++;
        } else if (*p == '\t' || *p == '\n' || *p == '\r')
            oct_buf_putc(out, ' ');
        else if (*p == '"') /* the text importer's quote */
            oct_buf_putc(out, '\'');
        else
            oct_buf_putc(out, *p);
    }
}

/* GUID: the first 8 bytes of SHA-1(identifier NUL canonical-prompt [NUL
 * n]) in hex; the canonical prompt is the plain text folded to ASCII
 * lower case (white space already collapsed by oct_bank_prompt_text), so
 * a changed wording gives a new note and re-importing the same booklet
 * updates the old ones. n counts earlier clusters with the same prompt. */
static void make_guid(const char *ident, const char *prompt, int n, char out[17])
{
    oct_buf key = OCT_BUF_INIT;
    oct_buf_puts(&key, ident);
    oct_buf_putc(&key, '\0');
    for (const char *p = prompt; *p; p++)
        oct_buf_putc(&key, (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p);
    if (n) oct_buf_printf(&key, "%c%d", '\0', n);
    unsigned char h[20];
    oct_sha1(key.data, key.len, h);
    for (int i = 0; i < 8; i++)
        snprintf(out + 2 * i, 3, "%02x", h[i]);
    oct_buf_free(&key);
}

static int guid_taken(const oct_anki_deck *d, const char *g)
{
    return oct_strmap_get(&d->guids, g, strlen(g), NULL);
}

typedef struct {
    char **html;
    unsigned *file;
    size_t n, cap;
} answers;

/* A card has no page foot: the notes an answer refers to follow it. */
static void append_note(const oct_node *def, void *ctx)
{
    oct_buf *h = ctx;
    oct_buf_printf(h, "<div><small><sup>%d</sup> ", def->u.footnote.index);
    oct_anki_html_blocks(def, h);
    oct_buf_puts(h, "</small></div>");
}

/* Every ANSWER with content of q (an arranged question has one per
 * source; one repeating an earlier one is empty), each HTML once. */
static void collect_answers(const oct_footnote_defs *notes, const oct_node *q, answers *a)
{
    for (const oct_node *c = q->first; c; c = c->next) {
        if (c->kind != OCT_ANSWER || !c->first) continue;
        oct_buf h = OCT_BUF_INIT;
        oct_anki_html_blocks(c, &h);
        oct_footnote_defs_each(notes, c, append_note, &h);
        int dup = 0;
        for (size_t i = 0; i < a->n && !dup; i++)
            dup = strcmp(a->html[i], h.data ? h.data : "") == 0;
        if (dup || !h.len) {
            oct_buf_free(&h);
            continue;
        }
        size_t cap = a->cap;
        OCT_GROW(a->html, cap, a->n + 1);
        OCT_GROW(a->file, a->cap, a->n + 1);
        a->file[a->n] = c->u.answer.from ? c->u.answer.from->span.file : q->span.file;
        a->html[a->n++] = oct_buf_detach(&h);
    }
}

static char *back_html(const oct_tree *t, answers *a)
{
    oct_buf b = OCT_BUF_INIT;
    const char *lang = t->meta.lang;
    if (a->n == 0) {
        oct_buf_puts(&b, "<p><i>");
        oct_anki_html_text(oct_phrase(lang, OCT_PH_NO_ANSWER), 0, &b);
        oct_buf_puts(&b, "</i></p>");
    }
    /* name the sources only when the answers come from more than one */
    int several = 0;
    for (size_t i = 1; i < a->n; i++)
        several |= a->file[i] != a->file[0];
    for (size_t i = 0; i < a->n; i++) {
        if (several) {
            oct_buf_puts(&b, "<p><b>");
            oct_anki_html_text(oct_phrase(lang, OCT_PH_ANSWER_FROM), 0, &b);
            oct_anki_html_text(source_name(t, a->file[i]), 0, &b);
            oct_buf_puts(&b, "</b></p>");
        }
        oct_buf_puts(&b, a->html[i]);
        free(a->html[i]);
    }
    free(a->html);
    free(a->file);
    return oct_buf_detach(&b);
}

static void tags_of(const oct_tree *t, const oct_node *q, oct_buf *tags)
{
    put_tag(tags, q->u.question.topic);
    put_tag(tags, source_name(t, q->span.file));
    for (const oct_node *w = q->first; w; w = w->next)
        if (w->kind == OCT_WORDING) put_tag(tags, source_name(t, w->span.file));
}

static void add_note(oct_anki_deck *d, const oct_tree *t, const oct_bank *b,
                     const oct_footnote_defs *notes, size_t c)
{
    const oct_node *pick = b->q[oct_bank_pick(b, c)];
    OCT_GROW(d->notes, d->cap, d->n + 1);
    oct_anki_note *n = &d->notes[d->n];
    memset(n, 0, sizeof *n);
    oct_buf tmp = OCT_BUF_INIT, text = OCT_BUF_INIT, buf = OCT_BUF_INIT;
    oct_bank_prompt_text(pick, &tmp, &text);
    const char *ident = t->meta.identifier ? t->meta.identifier : d->title;
    for (int k = 0;; k++) {
        make_guid(ident, text.data, k, n->guid);
        if (!guid_taken(d, n->guid)) break;
    }
    oct_strmap_put(&d->guids, n->guid, strlen(n->guid), d->n);
    /* an exam part's stem above it: the card stands alone */
    if (pick->u.question.context) {
        oct_anki_html_inlines(pick->u.question.context, &buf);
        if (buf.len) oct_buf_puts(&buf, "<br><br>");
    }
    size_t front = buf.len;
    oct_anki_html_inlines(pick, &buf);
    if (buf.len == front)
        oct_anki_html_text(text.data, 0, &buf); /* no inline left: the plain prompt */
    n->sort = oct_buf_detach(&text);
    n->front = oct_buf_detach(&buf);
    answers a = {0};
    for (size_t i = b->first[c]; i != (size_t)-1; i = b->next[i]) {
        collect_answers(notes, b->q[i], &a);
        tags_of(t, b->q[i], &buf);
    }
    n->tags = oct_buf_detach(&buf);
    n->back = back_html(t, &a);
    put_deck_part(&buf, d->title);
    if (pick->u.question.topic && *pick->u.question.topic) {
        oct_buf_puts(&buf, "::");
        put_deck_part(&buf, pick->u.question.topic);
    }
    n->deck = oct_buf_detach(&buf);
    oct_buf_free(&tmp);
    d->n++;
}

/* "YYYY-MM-DD[Thh:mm:ssZ]" as seconds since 1970 (days from civil). */
static long long parse_epoch(const char *s)
{
    int y, m, dd, hh = 0, mi = 0, ss = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &dd) != 3) return 1577836800LL; /* 2020-01-01 */
    if (strlen(s) >= 19) sscanf(s + 11, "%2d:%2d:%2d", &hh, &mi, &ss);
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long long days = era * 146097 + doe - 719468;
    return days * 86400 + hh * 3600 + mi * 60 + ss;
}

void oct_anki_deck_build(oct_anki_deck *d, const oct_tree *t)
{
    memset(d, 0, sizeof *d);
    d->title = t->meta.title && *t->meta.title ? t->meta.title : "octavo";
    d->epoch = parse_epoch(t->meta.modified ? t->meta.modified : t->meta.date);
    oct_bank b;
    oct_bank_init(&b, t);
    oct_footnote_defs *notes = oct_footnote_defs_new(t);
    for (size_t c = 0; c < b.nclusters; c++)
        if (b.first[c] != (size_t)-1) add_note(d, t, &b, notes, c);
    oct_footnote_defs_free(notes);
    oct_bank_free(&b);
}

void oct_anki_deck_free(oct_anki_deck *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->notes[i].deck);
        free(d->notes[i].front);
        free(d->notes[i].back);
        free(d->notes[i].sort);
        free(d->notes[i].tags);
    }
    free(d->notes);
    oct_strmap_free(&d->guids);
    memset(d, 0, sizeof *d);
}
