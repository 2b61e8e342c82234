#include "ingest/linkscheme.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool oct_link_unsafe(const char *url)
{
    static const char *const SAFE[] = {"http", "https", "mailto"};
    if (!url) return false;
    while (*url && (unsigned char)*url <= 0x20)
        url++;
    char scheme[16];
    size_t n = 0;
    for (const char *s = url; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\t' || c == '\n' || c == '\r') continue;
        if (c == ':') {
            if (n == 0) return false;
            scheme[n] = '\0';
            for (size_t i = 0; i < sizeof SAFE / sizeof *SAFE; i++)
                if (strcasecmp(scheme, SAFE[i]) == 0) return false;
            return true;
        }
        bool ok = n == 0 ? isalpha(c) : (isalnum(c) || c == '+' || c == '-' || c == '.');
        if (!ok) return false;                   /* a path ("a/b:c"), a fragment or a query */
        if (n + 1 >= sizeof scheme) return true; /* no real scheme is this long */
        scheme[n++] = (char)c;
    }
    return false;
}

/* Joins TEXT node b into TEXT node a before it (a link's text meets the
 * text around it: the tree keeps adjacent text in one node). */
static void merge_text(oct_tree *t, oct_node *a, oct_node *b)
{
    if (!a || !b || a->kind != OCT_TEXT || b->kind != OCT_TEXT) return;
    a->text = oct_arena_printf(t->arena, "%s%s", a->text, b->text);
    oct_node_unlink(b);
}

static void unwrap(oct_tree *t, oct_node *link)
{
    oct_node *before = link->prev, *after = link->next, *first = link->first, *last = link->last;
    while (link->first) {
        oct_node *c = link->first;
        oct_node_unlink(c);
        oct_node_insert_before(link, c);
    }
    oct_node_unlink(link);
    if (!first) {
        merge_text(t, before, after);
        return;
    }
    merge_text(t, last, after);
    merge_text(t, before, first);
}

void oct_ingest_unsafe_links(oct_tree *t, oct_node *chapter, const char *path, oct_diag *diag)
{
    size_t n = 0;
    oct_node **links = oct_node_collect(chapter, OCT_LINK, &n);
    size_t count = 0;
    oct_span first = {0};
    char scheme[24] = "";
    for (size_t i = 0; i < n; i++) {
        if (!oct_link_unsafe(links[i]->u.link.url)) continue;
        if (!count++) {
            first = links[i]->span;
            const char *u = links[i]->u.link.url;
            size_t k = strcspn(u, ":");
            if (k > sizeof scheme - 2) k = sizeof scheme - 2;
            memcpy(scheme, u, k);
            scheme[k] = '\0';
            for (size_t j = 0; j < k; j++)
                if ((unsigned char)scheme[j] < 0x20 || (unsigned char)scheme[j] >= 0x7F)
                    scheme[j] = '?';
        }
        unwrap(t, links[i]);
    }
    free(links);
    if (count == 1)
        oct_diag_report(diag, OCT_WARNING, path, first.line, first.col, "link-unsafe",
                        "link to a '%s:' URL printed as plain text (only http, https and mailto "
                        "links are kept)",
                        scheme);
    else if (count > 1)
        oct_diag_report(diag, OCT_WARNING, path, first.line, first.col, "link-unsafe",
                        "%zu links to URLs other than http, https and mailto (the first "
                        "'%s:') printed as plain text",
                        count, scheme);
}
