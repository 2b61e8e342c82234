#include "ingest/places.h"
#include "tree/anchors.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* GitHub collections end each answer with "**[⬆ Back to Top](#table-of-
 * contents)**": on screen a way back, in a printed booklet clutter with
 * no place to go. A link is one of them when it points inside the file
 * ("#…") and its words, lower-cased with arrows and punctuation gone, are
 * one of these phrases. */
static const char *const PHRASES[] = {"top",
                                      "to top",
                                      "back to top",
                                      "back to the top",
                                      "go to top",
                                      "go back to top",
                                      "return to top",
                                      "scroll to top",
                                      "back up",
                                      "back to toc",
                                      "back to contents",
                                      "back to table of contents",
                                      "back to the table of contents",
                                      "back to index",
                                      "nach oben",
                                      "zurück nach oben",
                                      "zum anfang",
                                      "zum seitenanfang",
                                      "zurück zum anfang",
                                      "zurück zum inhaltsverzeichnis",
                                      "zum inhaltsverzeichnis",
                                      "retour en haut",
                                      "retour en haut de page",
                                      "haut de page",
                                      "retour au début",
                                      "retour au sommaire",
                                      "retour à la table des matières",
                                      "volver arriba",
                                      "ir arriba",
                                      "volver al inicio",
                                      "volver al índice",
                                      "torna su",
                                      "torna all inizio",
                                      "torna all indice",
                                      "voltar ao topo",
                                      "voltar ao início",
                                      "voltar ao índice",
                                      "наверх",
                                      "к содержанию",
                                      "返回顶部",
                                      "回到顶部",
                                      "返回目录",
                                      "トップへ戻る",
                                      "先頭へ戻る",
                                      "目次に戻る",
                                      NULL};

/* Fragments that name the top of a README or its contents. */
static const char *const TOPS[] = {"",      "top",    "table-of-contents", "contents", "toc",
                                   "index", "readme", "user-content-top",  NULL};

static bool has_picture(const oct_node *n)
{
    oct_iter it;
    oct_event ev;
    oct_iter_init(&it, n);
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->kind == OCT_IMAGE) return true;
    return false;
}

/* The link's words: letters and digits lower-cased, every run of
 * anything else one space, trimmed. */
static void words_of(const oct_node *link, oct_buf *out)
{
    oct_buf raw = OCT_BUF_INIT;
    oct_node_plain_text_to(link, &raw);
    const uint8_t *s = (const uint8_t *)(raw.data ? raw.data : "");
    int32_t len = (int32_t)raw.len, i = 0;
    bool gap = false;
    while (i < len) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        /* a mark counts after a letter ("zurück" decomposed), never alone
         * (U+FE0F after an arrow) */
        bool mark = c >= 0 && u_charType(c) == U_NON_SPACING_MARK && !gap && out->len;
        if (c >= 0 && (u_isalnum(c) || mark)) {
            if (gap && out->len) oct_buf_putc(out, ' ');
            oct_buf_put_utf8(out, (unsigned)u_tolower(c));
            gap = false;
        } else {
            gap = true;
        }
    }
    oct_buf_free(&raw);
}

static bool is_nav_link(const oct_node *n)
{
    const char *url = n->u.link.url;
    if (!url || url[0] != '#') return false;
    oct_buf w = OCT_BUF_INIT;
    words_of(n, &w);
    bool hit = false;
    for (size_t i = 0; PHRASES[i] && !hit && w.data; i++)
        hit = strcmp(w.data, PHRASES[i]) == 0;
    /* an arrow alone ("⬆", "↑") pointing at the top or the contents */
    for (size_t i = 0; TOPS[i] && !hit && !w.len && !has_picture(n); i++)
        hit = strcasecmp(url + 1, TOPS[i]) == 0;
    oct_buf_free(&w);
    return hit;
}

/* Whether p shows anything but punctuation and symbols (a "|" between
 * two navigation links, the "**" left around one). */
static bool has_words(const oct_node *p)
{
    oct_buf b = OCT_BUF_INIT;
    oct_node_plain_text_to(p, &b);
    const uint8_t *s = (const uint8_t *)(b.data ? b.data : "");
    int32_t len = (int32_t)b.len, i = 0;
    bool any = false;
    while (i < len && !any) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        any = c >= 0 && u_isalnum(c);
    }
    oct_buf_free(&b);
    bool pictures = false;
    for (const oct_node *k = p->first; k && !pictures; k = k->next)
        pictures = k->kind == OCT_IMAGE || k->kind == OCT_FOOTNOTE_REF;
    return any || pictures;
}

/* Trims the separator ("|", "·", "•", "/") that stood between text t and a
 * dropped link: from t's start when the link came before it, else its end. */
static void trim_separator(oct_tree *t, oct_node *x, bool at_start)
{
    if (!x || x->kind != OCT_TEXT || !x->text) return;
    const char *s = x->text, *e = s + strlen(s);
    static const char *const SEPS[] = {"|", "\xC2\xB7", "\xE2\x80\xA2", "/", NULL};
    const char *a = s, *b = e;
    if (at_start) {
        while (a < e && *a == ' ')
            a++;
        for (size_t i = 0; SEPS[i]; i++)
            if (strncmp(a, SEPS[i], strlen(SEPS[i])) == 0) {
                a += strlen(SEPS[i]);
                while (a < e && *a == ' ')
                    a++;
                break;
            }
    } else {
        while (b > s && b[-1] == ' ')
            b--;
        for (size_t i = 0; SEPS[i]; i++) {
            size_t k = strlen(SEPS[i]);
            if ((size_t)(b - s) >= k && strncmp(b - k, SEPS[i], k) == 0) {
                b -= k;
                while (b > s && b[-1] == ' ')
                    b--;
                break;
            }
        }
    }
    if (a == b)
        oct_node_unlink(x);
    else if (a != s || b != e)
        x->text = oct_arena_strndup(t->arena, a, (size_t)(b - a));
}

/* Unlinks n and the inline wrappers it leaves empty; then the paragraph
 * if nothing with words is left in it. */
static void drop(oct_tree *t, oct_node *n)
{
    oct_node *up = n->parent;
    trim_separator(t, n->next, true);
    if (!n->next) trim_separator(t, n->prev, false);
    oct_node_unlink(n);
    while (up && oct_kind_is_inline(up->kind) && !up->first) {
        oct_node *next = up->parent;
        oct_node_unlink(up);
        up = next;
    }
    while (up && oct_kind_is_inline(up->kind))
        up = up->parent;
    if (up && up->kind == OCT_PARAGRAPH && !has_words(up)) oct_node_unlink(up);
}

void oct_ingest_drop_nav_links(oct_tree *t, oct_node *chapter, const char *path, oct_diag *diag)
{
    size_t n;
    oct_node **links = oct_node_collect(chapter, OCT_LINK, &n);
    oct_buf lines = OCT_BUF_INIT;
    int count = 0, first = 0, last = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_nav_link(links[i])) continue;
        int line = links[i]->span.line;
        if (!count) first = line;
        if (line != last) oct_buf_printf(&lines, "%s%d", lines.len ? ", " : "", line);
        last = line;
        count++;
        drop(t, links[i]);
    }
    free(links);
    if (count)
        oct_diag_report(diag, OCT_NOTE, path, first, 1, "nav-link-dropped",
                        "dropped %d 'back to top' link%s (navigation a printed booklet has no "
                        "use for) on line%s %s",
                        count, count == 1 ? "" : "s", strchr(lines.data, ',') ? "s" : "",
                        lines.data);
    oct_buf_free(&lines);
}
