/* Inline content -> styled characters, each bound to the face that will
 * draw it, with its advance and its line-break class.
 *
 * A character the style's face lacks is drawn from the first face of the
 * layout's fallback chain that has it; an emoji sequence from the chain's
 * colour face. What no face can draw is drawn as a box (the character
 * stays in the text layer) and reported once per character. */
#include "pdf/internal.h"
#include "unicode/bidi.h"
#include "unicode/emoji.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

pdf_style pdf_style_make(int fam, int var, double size, oct_color color)
{
    pdf_style s;
    memset(&s, 0, sizeof s);
    s.fam = (uint8_t)fam;
    s.var = (uint8_t)var;
    s.size = (float)size;
    s.color = color;
    s.link = -1;
    return s;
}

void pdf_text_clear(pdf_text *t)
{
    t->n = 0;
    t->ng = 0;
    t->dir = 0;
    t->nst = 0;
    t->broken = false;
    t->hyph_later = NULL;
}

uint16_t pdf_text_style(pdf_text *t, const pdf_style *s)
{
    for (size_t i = 0; i < t->nst; i++)
        if (memcmp(&t->st[i], s, sizeof *s) == 0) return (uint16_t)i;
    if (t->nst == t->capst) pdf_text_grow_styles(t, t->nst + 1);
    t->st[t->nst] = *s;
    return (uint16_t)t->nst++;
}

static void push_char(pdf_text *t, uint32_t cp, uint16_t style, int slot, int w)
{
    if (t->n == t->cap) pdf_text_grow_chars(t, t->n + 1);
    t->c[t->n++] = (pdf_char){
        .cp = cp, .style = style, .slot = (uint8_t)slot, .brk = OCT_LB_NONE, .w = (int16_t)w};
    t->broken = false;
    t->hyph_later = NULL;
}

/* Default-ignorable characters: invisible by definition, never warned. */
static bool is_ignorable(unsigned cp)
{
    return cp == 0xAD || cp == 0x34F || cp == 0x61C || (cp >= 0x115F && cp <= 0x1160) ||
           (cp >= 0x180B && cp <= 0x180E) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || (cp >= 0xFFF0 && cp <= 0xFFF8) ||
           (cp >= 0xE0000 && cp <= 0xE0FFF) || cp == 0x3164 || cp == 0xFFA0;
}

static bool is_control(unsigned cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* A combining mark stays in its base's face when that face has it, so
 * the two are shaped together (a mark from another face would not sit on
 * its letter). */
static bool is_mark(unsigned cp)
{
    return cp >= 0x300 && (U_GET_GC_MASK((UChar32)cp) & U_GC_M_MASK) != 0;
}

/* The face that draws cp in `slot` (PDF_SLOT_BOX: none); *w its advance. */
static int resolve(oct_pdf *p, const pdf_text *t, int slot, unsigned cp, int *w)
{
    if (is_mark(cp) && t->n > 0) {
        int prev = t->c[t->n - 1].slot;
        if (prev != PDF_SLOT_NONE && prev != PDF_SLOT_BOX && prev != slot &&
            pdf_font_kind(p->fonts, prev) == PDF_FACE_OUTLINE) {
            *w = pdf_font_width(p->fonts, prev, cp);
            if (*w >= 0) return prev;
        }
    }
    return pdf_font_resolve(p->fonts, slot, cp, w);
}

static size_t column(const pdf_text *t)
{
    size_t col = 0;
    for (size_t i = t->n; i > 0 && t->c[i - 1].cp != '\n'; i--)
        col++;
    return col;
}

/* True if the text ends with characters left out (or invisible) right
 * after a space or at its very start. */
static bool after_gap(const pdf_text *t)
{
    size_t k = t->n;
    bool dropped = false;
    while (k > 0 && t->c[k - 1].slot == PDF_SLOT_NONE && t->c[k - 1].cp != ' ' &&
           t->c[k - 1].cp != '\n') {
        dropped = true;
        k--;
    }
    return dropped && (k == 0 || t->c[k - 1].cp == ' ');
}

/* `run`: the script run cp is in (scriptrun.c): its face comes first. */
static void add_cp(oct_pdf *p, pdf_text *t, unsigned cp, uint16_t si, int slot, bool verbatim,
                   const oct_node *node, const pdf_script_run *run)
{
    int w;
    if (cp == '\t' && verbatim) {
        size_t spaces = 4 - column(t) % 4;
        int r = resolve(p, t, slot, ' ', &w);
        for (size_t i = 0; i < spaces; i++)
            push_char(t, ' ', si, r, w);
        return;
    }
    if (cp == '\n' && verbatim) {
        push_char(t, '\n', si, PDF_SLOT_NONE, 0);
        return;
    }
    if (cp == '\t' || cp == '\n') cp = ' ';
    if (cp == ' ' && !verbatim && after_gap(t)) {
        /* "a 😀 b" without the emoji: one space, not two (a zero-width
         * space keeps the break opportunity). */
        push_char(t, 0x200B, si, PDF_SLOT_NONE, 0);
        return;
    }
    if (cp == '\r' || is_ignorable(cp)) {
        push_char(t, cp, si, PDF_SLOT_NONE, 0);
        return;
    }
    if (is_control(cp)) {
        pdf_missing_add(p, node, PDF_MISS_CONTROL, cp);
        push_char(t, cp, si, PDF_SLOT_NONE, 0);
        return;
    }
    int r = run && pdf_script_run_has(run, cp) ? run->slot : -1;
    if (r < 0 || (w = pdf_font_width(p->fonts, r, cp)) < 0) r = resolve(p, t, slot, cp, &w);
    if (r == PDF_SLOT_BOX) pdf_missing_add(p, node, PDF_MISS_NOGLYPH, cp);
    push_char(t, cp, si, r, w);
}

/* An emoji sequence s[0..n) (unicode/emoji.h): the whole sequence from the
 * chain's colour face, shaped into one picture; nothing at all with
 * `emoji: omit`. False when no colour face has it: its characters then
 * go through the text faces one by one. */
static bool add_emoji(oct_pdf *p, pdf_text *t, const char *s, size_t n, uint16_t si)
{
    size_t len;
    unsigned first = oct_utf8_decode(s, n, &len);
    int slot = PDF_SLOT_NONE;
    if (p->L.emoji == OCT_EMOJI_IMAGE) {
        slot = pdf_font_emoji_slot(p->fonts, first);
        if (slot < 0) return false;
    }
    for (size_t i = 0; i < n; i += len)
        push_char(t, oct_utf8_decode(s + i, n - i, &len), si, slot, 0);
    return true;
}

/* A printable ASCII character at s[i] that starts no emoji sequence (a
 * keycap's base, # * or a digit, needs a mark after it) and makes a
 * script run of its own, as pdf_script_run_at says of anything below
 * U+0370: most of the characters of most booklets. */
static bool plain_ascii(const char *s, size_t i, size_t n)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x20 || b >= 0x7F) return false;
    bool keycap_base = b == '#' || b == '*' || (b >= '0' && b <= '9');
    return !keycap_base || i + 1 == n || (unsigned char)s[i + 1] < 0x80;
}

void pdf_text_add(oct_pdf *p, pdf_text *t, const char *s, size_t n, const pdf_style *st,
                  const oct_node *node, bool verbatim)
{
    uint16_t si = pdf_text_style(t, st);
    int slot = PDF_SLOT(st->fam, st->var);
    size_t i = 0, len, first = t->n;
    pdf_script_run run = {0, 0, -1};
    while (i < n) {
        if (plain_ascii(s, i, n)) {
            if (i >= run.end) run = (pdf_script_run){i + 1, USCRIPT_COMMON, -1};
            add_cp(p, t, (unsigned char)s[i++], si, slot, verbatim, node, &run);
            continue;
        }
        size_t seq = p->L.emoji != OCT_EMOJI_TEXT ? oct_emoji_sequence(s + i, n - i) : 0;
        if (seq > 0 && add_emoji(p, t, s + i, seq, si)) {
            i += seq;
            continue;
        }
        if (i >= run.end) run = pdf_script_run_at(p, s, i, n, slot);
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        i += len;
        add_cp(p, t, cp, si, slot, verbatim, node, &run);
    }
    pdf_shape(p, t, first, t->n);
    for (size_t k = first; k < t->n && t->dir == 0; k++) {
        int strong = oct_bidi_strong(t->c[k].cp);
        if (strong >= 0) t->dir = (uint8_t)(strong + 1);
    }
}

static void add_str(oct_pdf *p, pdf_text *t, const char *s, const pdf_style *st,
                    const oct_node *node)
{
    pdf_text_add(p, t, s, strlen(s), st, node, false);
}

/* Superscript footnote number, linked to its definition when there is one. */
static void add_footnote_ref(oct_pdf *p, pdf_text *t, const oct_node *n, const pdf_style *st)
{
    pdf_style s = *st;
    s.size = st->size * 0.68f;
    s.flags = (uint8_t)((s.flags | PDF_ST_SUPER) & ~PDF_ST_STRIKE);
    s.color = p->L.link;
    s.link = -1;
    for (const oct_node *d = p->cur_chapter ? p->cur_chapter->first : NULL; d; d = d->next) {
        if (d->kind != OCT_FOOTNOTE_DEF || d->u.footnote.index != n->u.footnote.index) continue;
        char buf[64];
        s.link = pdf_link_internal(p, pdf_node_key(p, d, buf, sizeof buf));
        break;
    }
    if (s.link >= 0) s.flags |= PDF_ST_LINK;
    char num[24];
    snprintf(num, sizeof num, "%d", n->u.footnote.index);
    add_str(p, t, num, &s, n);
}

/* A reference to a question: its number in the booklet, linked to it. */
static void add_xref(oct_pdf *p, pdf_text *t, const oct_node *n, const pdf_style *st)
{
    const oct_node *q = n->u.xref.target;
    char num[40], key[64];
    if (q) oct_question_name(q, num, sizeof num);
    if (!q || !*num) snprintf(num, sizeof num, "?");
    pdf_style s = *st;
    if (q) {
        s.link = pdf_link_internal(p, pdf_node_key(p, q, key, sizeof key));
        s.flags |= PDF_ST_LINK;
        s.color = p->L.link;
    }
    pdf_text_add(p, t, num, strlen(num), &s, n, false);
}

static bool styled_kind(oct_kind k)
{
    return k == OCT_EMPH || k == OCT_STRONG || k == OCT_STRIKE || k == OCT_IMAGE || k == OCT_LINK ||
           k == OCT_SUPERSCRIPT || k == OCT_SUBSCRIPT;
}

/* Style of the content of an inline container node. */
static void enter_style(oct_pdf *p, const oct_node *n, pdf_style *s)
{
    switch (n->kind) {
    case OCT_EMPH:
    case OCT_IMAGE:
        s->var ^= PDF_VAR_I;
        break;
    case OCT_STRONG:
        s->var |= PDF_VAR_B;
        break;
    case OCT_STRIKE:
        s->flags |= PDF_ST_STRIKE;
        break;
    case OCT_SUPERSCRIPT:
    case OCT_SUBSCRIPT:
        /* smaller, raised or lowered (lineops.c) */
        s->size *= 0.72f;
        s->flags = (uint8_t)((s->flags & ~(PDF_ST_SUPER | PDF_ST_SUB)) |
                             (n->kind == OCT_SUPERSCRIPT ? PDF_ST_SUPER : PDF_ST_SUB));
        break;
    case OCT_LINK: {
        int l = n->u.link.url ? pdf_link_add(p, n->u.link.url, n->span.file) : -1;
        if (l >= 0) {
            s->link = l;
            s->flags |= PDF_ST_LINK;
            s->color = p->L.link;
        }
        break;
    }
    default:
        break;
    }
}

/* Moves the pen after char i (a cluster's first: it carries the width)
 * by `pts` more points. */
static void widen(pdf_text *t, size_t i, double pts)
{
    long w = t->c[i].w + lround(pts * 1000.0 / t->st[t->c[i].style].size);
    t->c[i].w = (int16_t)(w < INT16_MIN ? INT16_MIN : w > INT16_MAX ? INT16_MAX : w);
}

/* The last char of [a, b) that moves the pen, or b if none. */
static size_t last_advancing(const pdf_text *t, size_t a, size_t b)
{
    for (size_t i = b; i-- > a;)
        if (t->c[i].w != 0) return i;
    return b;
}

/* A subscript and a superscript on one symbol (x_i^2, H_2^+: chars [a0,
 * a1) then [a1, b1)) stand one above the other, as TeX sets them, not
 * side by side: the pen goes back over the first to set the second, then
 * on past the wider of the two. */
static void stack_scripts(pdf_text *t, size_t a0, size_t a1, size_t b1)
{
    size_t la = last_advancing(t, a0, a1), lb = last_advancing(t, a1, b1);
    if (la == a1 || lb == b1) return;
    double wa = pdf_text_width(t, a0, a1), wb = pdf_text_width(t, a1, b1);
    widen(t, la, -wa);
    if (wa > wb) widen(t, lb, wa - wb);
}

/* A script node's chars, for stacking it with the next. */
typedef struct {
    const oct_node *node;
    size_t from, to;
} script_run;

/* On leaving script node n (its chars [from, t->n)): stacked over the
 * script just before it when that is its sibling of the other kind. */
static void end_script(pdf_text *t, const oct_node *n, size_t from, script_run *last)
{
    bool script = n->kind == OCT_SUPERSCRIPT || n->kind == OCT_SUBSCRIPT;
    if (!script) return;
    if (last->node && last->node == n->prev && last->node->kind != n->kind && last->to == from)
        stack_scripts(t, last->from, from, t->n);
    *last = (script_run){n, from, t->n};
}

/* The end of a picture set as its text: a picture not drawn keeps its
 * title too ("Figure 1. …"). */
static void close_image(oct_pdf *p, pdf_text *t, const oct_node *n, const pdf_style *st)
{
    const char *title = n->u.link.title;
    if (!n->first) add_str(p, t, "image", st, n);
    if (title && *title) {
        add_str(p, t, " \xE2\x80\x94 ", st, n);
        add_str(p, t, title, st, n);
    }
    add_str(p, t, "]", st, n);
}

/* The walk is iterative (cmark-style ENTER/EXIT events) with an explicit
 * style stack, so deeply nested emphasis cannot exhaust the C stack. */
void pdf_text_inlines(oct_pdf *p, pdf_text *t, const oct_node *container, const pdf_style *st)
{
    /* per styled node entered: its style, and where its chars begin */
    struct frame {
        pdf_style s;
        size_t start;
    } *stack = NULL;
    size_t depth = 0, cap = 0;
    OCT_GROW(stack, cap, 16);
    script_run last = {0};
    stack[0].s = *st;
    oct_iter it;
    oct_iter_init(&it, container);
    oct_event ev;
    bool after_picture = false; /* a space already stands where a picture was left out */
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (n == container) continue;
        if (ev == OCT_EV_EXIT) {
            if (n->kind == OCT_IMAGE && p->defer_images && pdf_image_available(p, n)) continue;
            if (n->kind == OCT_IMAGE) close_image(p, t, n, &stack[depth].s);
            if (depth > 0 && n->first && styled_kind(n->kind)) {
                end_script(t, n, stack[depth].start, &last);
                depth--;
            }
            continue;
        }
        pdf_style s = stack[depth].s;
        bool skip_space = after_picture;
        after_picture = false;
        switch (n->kind) {
        case OCT_TEXT:
            if (n->text && pdf_index_text(p, t, n, skip_space && n->text[0] == ' ', &s)) continue;
            add_str(p, t, n->text ? n->text + (skip_space && n->text[0] == ' ') : "", &s, n);
            continue;
        case OCT_CODE:
            s.fam = PDF_FAM_MONO;
            s.size = stack[depth].s.size * 0.88f;
            s.flags |= PDF_ST_CODE;
            if (pdf_index_spot(p, n)) s.mark = pdf_index_spot(p, n);
            pdf_text_add(p, t, n->text ? n->text : "", n->text ? strlen(n->text) : 0, &s, n, false);
            continue;
        case OCT_SOFT_BREAK:
            add_str(p, t, " ", &s, n);
            continue;
        case OCT_LINE_BREAK:
            pdf_text_add(p, t, "\n", 1, &s, n, true);
            continue;
        case OCT_FOOTNOTE_REF:
            add_footnote_ref(p, t, n, &s);
            oct_iter_skip_children(&it);
            continue;
        case OCT_XREF:
            add_xref(p, t, n, &s);
            continue;
        case OCT_ANSWER:
        case OCT_WORDING:
        case OCT_INDEX_TERM:
            oct_iter_skip_children(&it);
            continue;
        default:
            break;
        }
        if (!styled_kind(n->kind)) continue;
        if (n->kind == OCT_IMAGE && p->defer_images && pdf_image_available(p, n)) {
            oct_iter_skip_children(&it); /* drawn after the paragraph */
            after_picture = t->n > 0 && t->c[t->n - 1].cp == ' ';
            continue;
        }
        if (!n->first) {
            if (n->kind == OCT_IMAGE) add_str(p, t, "[", &s, n);
            continue;
        }
        enter_style(p, n, &s);
        if (n->kind == OCT_STRONG && pdf_index_spot(p, n)) s.mark = pdf_index_spot(p, n);
        if (n->kind == OCT_IMAGE) add_str(p, t, "[image: ", &s, n);
        OCT_GROW(stack, cap, ++depth + 1);
        stack[depth] = (struct frame){s, t->n};
    }
    free(stack);
}

void pdf_text_breaks(oct_pdf *p, pdf_text *t)
{
    if (t->broken || t->n == 0 || !p->breaker) return;
    uint32_t *u = oct_xmalloc(t->n * sizeof *u);
    uint8_t *brk = oct_xmalloc(t->n);
    for (size_t i = 0; i < t->n; i++)
        u[i] = t->c[i].cp;
    oct_breaker_run(p->breaker, u, t->n, brk);
    for (size_t i = 0; i < t->n; i++)
        t->c[i].brk = brk[i];
    pdf_hyphenate(p, t);
    free(u);
    free(brk);
    t->broken = true;
}

double pdf_text_width(const pdf_text *t, size_t a, size_t b)
{
    double w = 0;
    for (size_t i = a; i < b; i++)
        w += pdf_char_width(t, i);
    return w;
}

/* Bytes of s's first code points, at least `want` bytes (or all of s). */
static size_t prefix_bytes(const char *s, size_t slen, size_t want)
{
    size_t at = want < slen ? want : slen;
    while (at < slen && ((unsigned char)s[at] & 0xC0) == 0x80)
        at++;
    return at;
}

double pdf_text_fit(oct_pdf *p, pdf_text *t, const char *s, const pdf_style *st,
                    const oct_node *node, double width)
{
    /* Only a prefix twice as wide as the room is set to find the cut: a
     * running head of a prompt thousands of characters long was set whole
     * on every page. Shaping acts across a few glyphs, so the characters
     * before the cut measure as they would in the whole text. */
    size_t slen = strlen(s), take = 0;
    for (size_t want = 256;; want *= 4) {
        take = prefix_bytes(s, slen, want);
        pdf_text_clear(t);
        pdf_text_add(p, t, s, take, st, node, false);
        if (take == slen || pdf_text_width(t, 0, t->n) > 2 * width) break;
    }
    size_t n = t->n;
    if (take == slen && pdf_text_width(t, 0, n) <= width) return pdf_text_width(t, 0, n);
    double ell = pdf_font_width(p->fonts, PDF_SLOT(st->fam, st->var), 0x2026) * st->size / 1000.0;
    pdf_text_breaks(p, t); /* cut between grapheme clusters only */
    /* the widths of every start, summed once as pdf_text_width sums them:
     * asking it for each shorter end was quadratic in a long prompt (a
     * running head of thousands of characters took seconds a page) */
    double *upto = oct_xmalloc((n + 1) * sizeof *upto);
    upto[0] = 0;
    for (size_t i = 0; i < n; i++)
        upto[i + 1] = upto[i] + pdf_char_width(t, i);
    while (n > 0 && (upto[n] + ell > width || (n < t->n && !(t->c[n].brk & OCT_GRAPHEME_START))))
        n--;
    free(upto);
    /* end on a whole word when one ends in the last third of the room: "how
     * do you optimize…" reads, "how do you optimize datab…" does not */
    size_t word = n;
    while (word > 0 && !pdf_is_space(t->c[word - 1].cp) && !pdf_is_space(t->c[word].cp))
        word--;
    if (word < n && word > 0 && pdf_text_width(t, 0, word) >= width * 2 / 3) n = word;
    while (n > 0 && (pdf_is_space(t->c[n - 1].cp) || (t->c[n - 1].cp && t->c[n - 1].cp < 128 &&
                                                      strchr(",;:", (int)t->c[n - 1].cp))))
        n--;
    /* set again, shortened (a cut through a ligature must reshape): each
     * code point of s made one char */
    size_t bytes = 0, len;
    for (size_t i = 0; i < n && bytes < slen; i++) {
        oct_utf8_decode(s + bytes, slen - bytes, &len);
        bytes += len;
    }
    pdf_text_clear(t);
    pdf_text_add(p, t, s, bytes, st, NULL, false);
    pdf_text_add(p, t, "\xE2\x80\xA6", 3, st, NULL, false);
    return pdf_text_width(t, 0, t->n);
}
