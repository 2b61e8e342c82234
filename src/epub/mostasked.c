#include "epub/docs.h"
#include "epub/xwriter.h"
#include "study/bank.h"

#include <stdio.h>

/* The "Most asked" document, after the contents: the question clusters
 * asked in the most sources (study/bank.h chooses and orders them), each
 * a link to its clearest wording. */

#define MOST_ASKED_MAX 30 /* as in print */

/* The entries whose question has an anchor in the book, first in *a (as
 * from oct_bank_most_asked; *all entries to free); returns their count. */
static size_t entries(const oct_epub_book *b, oct_asked **a, size_t *all)
{
    size_t n = oct_bank_most_asked(&b->bank, MOST_ASKED_MAX, a), k = 0;
    *all = n;
    for (size_t i = 0; i < n; i++) {
        if (oct_epub_href(b, (*a)[i].q)) {
            oct_asked tmp = (*a)[k];
            (*a)[k++] = (*a)[i];
            (*a)[i] = tmp;
        }
    }
    return k;
}

bool oct_epub_has_most_asked(const oct_epub_book *b)
{
    oct_asked *a;
    size_t n, k = entries(b, &a, &n);
    oct_asked_free(a, n);
    return k > 0;
}

int oct_epub_most_asked(const oct_epub_book *b, char **data, size_t *len)
{
    oct_asked *a;
    size_t n, k = entries(b, &a, &n);
    oct_epub_xw *x = oct_epub_section_doc(b, oct_phrase(b->meta.lang, OCT_PH_MOST_ASKED), NULL,
                                          NULL, "most-asked");
    oct_epub_xw_start(x, "ol");
    oct_epub_xw_attr(x, "class", "most-asked");
    oct_epub_xw_nl(x);
    for (size_t i = 0; i < k; i++) {
        char count[64];
        snprintf(count, sizeof count, oct_phrase(b->meta.lang, OCT_PH_ASKED_IN_N), a[i].asked_in);
        oct_epub_xw_start(x, "li");
        oct_epub_xw_start(x, "a");
        oct_epub_xw_attr(x, "href", oct_epub_href(b, a[i].q));
        oct_epub_xw_text(x, a[i].prompt);
        oct_epub_xw_end(x);
        oct_epub_xw_text(x, " ");
        oct_epub_xw_start(x, "span");
        oct_epub_xw_attr(x, "class", "asked-in");
        oct_epub_xw_text(x, count);
        oct_epub_xw_end(x);
        oct_epub_xw_end(x);
        oct_epub_xw_nl(x);
    }
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    oct_asked_free(a, n);
    return oct_epub_xw_close(x, b->diag, "the most-asked page", data, len);
}
