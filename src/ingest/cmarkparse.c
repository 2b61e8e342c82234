/* cmark-gfm's parser behind one lock (cmarkparse.h). */
#include "ingest/cmarkparse.h"

#include <cmark-gfm-core-extensions.h>
#include <pthread.h>

static pthread_once_t register_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t parsing = PTHREAD_MUTEX_INITIALIZER;

static void register_extensions(void)
{
    cmark_gfm_core_extensions_ensure_registered();
}

/* A parser with the GFM extensions, or NULL when one is missing. */
static cmark_parser *gfm_parser(void)
{
    static const char *const EXTENSIONS[] = {"table", "strikethrough", "autolink", "tasklist"};
    pthread_once(&register_once, register_extensions);
    cmark_parser *p = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    for (size_t i = 0; i < sizeof EXTENSIONS / sizeof *EXTENSIONS; i++) {
        cmark_syntax_extension *ext = cmark_find_syntax_extension(EXTENSIONS[i]);
        if (!ext) {
            cmark_parser_free(p);
            return NULL;
        }
        cmark_parser_attach_syntax_extension(p, ext);
    }
    return p;
}

cmark_node *oct_cmark_parse(const char *prefix, size_t plen, const char *text, size_t len, bool gfm)
{
    cmark_parser *p = gfm ? gfm_parser() : cmark_parser_new(CMARK_OPT_DEFAULT);
    if (!p) return NULL;
    pthread_mutex_lock(&parsing);
    if (plen) cmark_parser_feed(p, prefix, plen);
    if (len) cmark_parser_feed(p, text, len);
    cmark_node *doc = cmark_parser_finish(p);
    pthread_mutex_unlock(&parsing);
    cmark_parser_free(p);
    return doc;
}
