/* Highlighted code in the EPUB: each token of src/highlight/ becomes a
 * <span class="hl-CLASS"> inside the block's <code>; css.c styles the
 * classes. Plain text stays bare text. */
#include "epub/render.h"
#include "epub/xwriter.h"
#include "highlight/highlight.h"

#include <stdio.h>
#include <stdlib.h>

void oct_epub_code_text(oct_epub_ctx *r, const char *lang, const char *text, size_t len)
{
    oct_hl_span *v = NULL;
    size_t nv = oct_hl_spans(lang, text, len, &v);
    size_t at = 0;
    for (size_t k = 0; k < nv; k++) {
        if (v[k].off < at || v[k].off + v[k].len > len) continue; /* defensive */
        if (v[k].off > at) oct_epub_xw_textn(r->xw, text + at, v[k].off - at);
        char cls[32];
        snprintf(cls, sizeof cls, "hl-%s", oct_hl_class_name(v[k].cls));
        oct_epub_xw_start(r->xw, "span");
        oct_epub_xw_attr(r->xw, "class", cls);
        oct_epub_xw_textn(r->xw, text + v[k].off, v[k].len);
        oct_epub_xw_end(r->xw);
        at = v[k].off + v[k].len;
    }
    if (at < len) oct_epub_xw_textn(r->xw, text + at, len - at);
    free(v);
}
