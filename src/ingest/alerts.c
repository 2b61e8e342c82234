#include "ingest/alerts.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const KINDS[][2] = {{"NOTE", "Note"},
                                       {"TIP", "Tip"},
                                       {"IMPORTANT", "Important"},
                                       {"WARNING", "Warning"},
                                       {"CAUTION", "Caution"}};

/* The title for marker text "[!KIND]" (blanks around it allowed), or NULL. */
static const char *alert_title(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (s[0] != '[' || s[1] != '!') return NULL;
    for (size_t i = 0; i < sizeof KINDS / sizeof *KINDS; i++) {
        size_t n = strlen(KINDS[i][0]);
        if (strncasecmp(s + 2, KINDS[i][0], n) != 0 || s[2 + n] != ']') continue;
        const char *rest = s + 3 + n;
        while (*rest == ' ' || *rest == '\t')
            rest++;
        return *rest ? NULL : KINDS[i][1];
    }
    return NULL;
}

/* The quote's first paragraph starts with the marker alone on its line:
 * the marker becomes the bold title, the break after it a line break. */
static void convert(oct_tree *t, oct_node *quote)
{
    oct_node *p = quote->first;
    if (!p || p->kind != OCT_PARAGRAPH || !p->first || p->first->kind != OCT_TEXT) return;
    oct_node *marker = p->first;
    if (marker->next && !oct_node_is_break(marker->next)) return;
    const char *title = alert_title(marker->text ? marker->text : "");
    if (!title) return;
    oct_node *strong = oct_node_new(t, OCT_STRONG, marker->span);
    oct_node_append(strong, oct_node_new_text(t, OCT_TEXT, marker->span, title, strlen(title)));
    oct_node_insert_before(marker, strong);
    oct_node_unlink(marker);
    if (strong->next) strong->next->kind = OCT_LINE_BREAK;
}

void oct_ingest_alerts(oct_tree *t, oct_node *chapter)
{
    size_t n;
    oct_node **quotes = oct_node_collect(chapter, OCT_BLOCKQUOTE, &n);
    for (size_t i = 0; i < n; i++)
        convert(t, quotes[i]);
    free(quotes);
}
