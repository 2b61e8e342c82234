#include "ingest/decode/decode.h"
#include "ingest/html/html_int.h"
#include "util/xalloc.h"

#include <libxml/parser.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The libxml2 side of the HTML mapper: one push parser per chapter, its
 * SAX events handed to html_map.c, positions and source text of tags. */

/* Only these names are markup; any other "<word>" is text ("<token>",
 * "List<String>"). Dropped kinds are those whose content is no reading
 * matter, or active content an EPUB must never carry. */
static const h_elem ELEMS[] = {
    {"html", H_ROOT, 0, 0},
    {"head", H_ROOT, 0, 0},
    {"body", H_ROOT, 0, 0},
    {"wbr", H_VOID, 0, 0},
    {"source", H_VOID, 0, 0},
    {"script", H_DROP, 0, 0},
    {"style", H_DROP, 0, 0},
    {"iframe", H_DROP, 0, 0},
    {"form", H_DROP, 0, 0},
    {"input", H_DROP, 0, 0},
    {"button", H_DROP, 0, 0},
    {"select", H_DROP, 0, 0},
    {"textarea", H_DROP, 0, 0},
    {"object", H_DROP, 0, 0},
    {"embed", H_DROP, 0, 0},
    {"applet", H_DROP, 0, 0},
    {"video", H_DROP, 0, 0},
    {"audio", H_DROP, 0, 0},
    {"svg", H_DROP, 0, 0},
    {"math", H_DROP, 0, 0},
    {"canvas", H_DROP, 0, 0},
    {"noscript", H_DROP, 0, 0},
    {"template", H_DROP, 0, 0},
    {"frame", H_DROP, 0, 0},
    {"frameset", H_DROP, 0, 0},
    {"title", H_DROP, 0, 0},
    {"meta", H_DROP, 0, 0},
    {"link", H_DROP, 0, 0},
    {"base", H_DROP, 0, 0},
    {"div", H_TBLOCK, 0, 0},
    {"center", H_TBLOCK, 0, 0},
    {"section", H_TBLOCK, 0, 0},
    {"article", H_TBLOCK, 0, 0},
    {"header", H_TBLOCK, 0, 0},
    {"footer", H_TBLOCK, 0, 0},
    {"main", H_TBLOCK, 0, 0},
    {"nav", H_DROP, 0, 0}, /* a saved page's site links: no reading matter */
    {"aside", H_TBLOCK, 0, 0},
    {"figure", H_TBLOCK, 0, 0},
    {"figcaption", H_P, 0, 0},
    {"picture", H_TINLINE, 0, 0},
    {"dl", H_TBLOCK, 0, 0},
    {"dt", H_P, 0, 0},
    {"dd", H_P, 0, 0},
    {"caption", H_P, 0, 0},
    {"address", H_P, 0, 0},
    {"span", H_TINLINE, 0, 0},
    {"font", H_TINLINE, 0, 0},
    {"small", H_TINLINE, 0, 0},
    {"big", H_TINLINE, 0, 0},
    {"u", H_TINLINE, 0, 0},
    {"ins", H_TINLINE, 0, 0},
    {"mark", H_TINLINE, 0, 0},
    {"abbr", H_TINLINE, 0, 0},
    {"cite", H_TINLINE, 0, 0},
    {"q", H_TINLINE, 0, 0},
    {"nobr", H_TINLINE, 0, 0},
    {"details", H_DETAILS, 0, 0},
    {"summary", H_SUMMARY, 0, 0},
    {"h1", H_HEADING, 0, 1},
    {"h2", H_HEADING, 0, 2},
    {"h3", H_HEADING, 0, 3},
    {"h4", H_HEADING, 0, 4},
    {"h5", H_HEADING, 0, 5},
    {"h6", H_HEADING, 0, 6},
    {"p", H_P, 0, 0},
    {"br", H_BR, 0, 0},
    {"hr", H_HR, 0, 0},
    {"blockquote", H_QUOTE, 0, 0},
    {"pre", H_PRE, 0, 0},
    {"ul", H_LIST, 0, 0},
    {"ol", H_LIST, 0, 0},
    {"li", H_LI, 0, 0},
    {"table", H_TABLE, 0, 0},
    {"thead", H_TSECTION, 0, 0},
    {"tbody", H_TSECTION, 0, 0},
    {"tfoot", H_TSECTION, 0, 0},
    {"tr", H_TR, 0, 0},
    {"td", H_CELL, 0, 0},
    {"th", H_CELL, 0, 0},
    {"col", H_COL, 0, 0},
    {"colgroup", H_COL, 0, 0},
    {"b", H_INLINE, OCT_STRONG, 0},
    {"strong", H_INLINE, OCT_STRONG, 0},
    {"i", H_INLINE, OCT_EMPH, 0},
    {"em", H_INLINE, OCT_EMPH, 0},
    {"var", H_INLINE, OCT_EMPH, 0},
    {"dfn", H_INLINE, OCT_EMPH, 0},
    {"code", H_INLINE, OCT_CODE, 0},
    {"kbd", H_INLINE, OCT_CODE, 0},
    {"tt", H_INLINE, OCT_CODE, 0},
    {"samp", H_INLINE, OCT_CODE, 0},
    {"sup", H_INLINE, OCT_SUPERSCRIPT, 0},
    {"sub", H_INLINE, OCT_SUBSCRIPT, 0},
    {"s", H_INLINE, OCT_STRIKE, 0},
    {"del", H_INLINE, OCT_STRIKE, 0},
    {"strike", H_INLINE, OCT_STRIKE, 0},
    {"a", H_LINK, 0, 0},
    {"img", H_IMG, 0, 0},
};

const h_elem *oct_html_elem(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof ELEMS / sizeof *ELEMS; i++)
        if (strlen(ELEMS[i].name) == len && strncasecmp(ELEMS[i].name, name, len) == 0)
            return &ELEMS[i];
    return NULL;
}

/* ---- SAX ------------------------------------------------------------------ */

static void on_start(void *ud, const xmlChar *name, const xmlChar **attrs)
{
    oct_html_start(ud, (const char *)name, (const char **)attrs);
}

static void on_end(void *ud, const xmlChar *name)
{
    oct_html_end(ud, (const char *)name);
}

static void on_chars(void *ud, const xmlChar *s, int n)
{
    if (n > 0) oct_html_chars(ud, (const char *)s, (size_t)n);
}

/* Errors are expected (fragments are not documents) and never printed. */
static void on_error(void *ud, xmlErrorPtr e)
{
    (void)ud;
    (void)e;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

/* A parser with its document open: a stray end tag first ("</details>")
 * would otherwise end libxml2's document and with it the parse. */
static void start_parser(oct_html *h)
{
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_chars;
    sax.ignorableWhitespace = on_chars;
    sax.cdataBlock = on_chars;
    sax.serror = on_error;
    sax.initialized = XML_SAX2_MAGIC;
    h->xdepth = 0;
    h->ctxt = htmlCreatePushParserCtxt(&sax, h, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
    if (!h->ctxt) return;
    htmlCtxtUseOptions(h->ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                    HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD);
    static const char OPEN[] = "<html><body><!--o-->";
    htmlParseChunk(h->ctxt, OPEN, (int)(sizeof OPEN - 1), 0);
}

oct_html *oct_html_new(const oct_html_env *env)
{
    pthread_once(&init_once, init_libxml);
    oct_html *h = oct_xcalloc(1, sizeof *h);
    h->env = *env;
    h->sink = oct_node_new(env->t, OCT_PARAGRAPH, (oct_span){env->file, 0, 0});
    start_parser(h);
    return h;
}

static int lx_line(const oct_html *h)
{
    return h->ctxt && h->ctxt->input ? h->ctxt->input->line : 0;
}

/* An empty comment after each fragment: the push parser holds back text
 * until it sees the next '<', and this makes it deliver every event of the
 * fragment before the feed returns. */
static const char MARK[] = "<!--o-->";

/* A block that ends inside a tag ("<div id=x" and no '>') would take the
 * next fragment as the rest of that tag: the parser waits for it at the
 * end of its input. Such a tail is text as written (a comment: nothing),
 * and the parser goes on after it. */
static void literal_tail(oct_html *h)
{
    xmlParserInputPtr in = h->ctxt->input;
    if (!in || !in->cur || in->cur >= in->end || in->cur[0] != '<') return;
    const char *s = (const char *)in->cur;
    size_t n = (size_t)(in->end - in->cur);
    bool comment = n >= 4 && memcmp(s, "<!--", 4) == 0;
    if (!comment) oct_html_literal(h, s, n);
    in->cur = in->end;
    h->ctxt->checkIndex = 0;
}

/* "</body>" or "</html>" would end libxml2's document and stop the parser;
 * they never reach it (strip_frame_tags). Should the document end anyway,
 * a new parser takes the rest (what was open closes). */
static bool restart_if_ended(oct_html *h, oct_buf *rest)
{
    if (!h->ctxt || (h->ctxt->instate != XML_PARSER_EOF && h->ctxt->instate != XML_PARSER_EPILOG))
        return false;
    xmlParserInputPtr in = h->ctxt->input;
    oct_buf_clear(rest);
    if (in && in->cur && in->cur < in->end) oct_buf_put(rest, in->cur, (size_t)(in->end - in->cur));
    oct_html_close_from(h, 0);
    h->finishing = true; /* the old parser's last events map to nothing */
    htmlFreeParserCtxt(h->ctxt);
    h->finishing = false;
    h->ctxt = NULL;
    start_parser(h);
    return h->ctxt != NULL;
}

static void feed(oct_html *h, const char *s, size_t n)
{
    if (!h->ctxt) return;
    while (n > 0) {
        int k = n > (1u << 20) ? 1 << 20 : (int)n;
        htmlParseChunk(h->ctxt, s, k, 0);
        s += k;
        n -= (size_t)k;
    }
    if (!h->inline_frag) literal_tail(h);
    htmlParseChunk(h->ctxt, MARK, (int)(sizeof MARK - 1), 0);
    oct_buf rest = OCT_BUF_INIT;
    for (int round = 0; round < 64 && restart_if_ended(h, &rest); round++)
        if (rest.len) {
            htmlParseChunk(h->ctxt, rest.data, (int)rest.len, 0);
            htmlParseChunk(h->ctxt, MARK, (int)(sizeof MARK - 1), 0);
        }
    oct_buf_free(&rest);
    oct_html_flush(h);
}

static size_t name_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                     (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
        i++;
    return i;
}

/* A document's frame tags (<!DOCTYPE>, <html>, <head>, <body> and their
 * end tags, as in a pasted page): "</body>" would end libxml2's document,
 * so they never reach it. Their newlines stay, for the line numbers. */
bool oct_html_is_frame_tag(const char *s, size_t n, size_t *len)
{
    static const char *const NAMES[] = {"html", "head", "body", "!doctype"};
    if (n < 2 || s[0] != '<') return false;
    size_t at = s[1] == '/' ? 2 : 1, k = 0;
    if (at < n && s[at] == '!') k = 1;
    k += name_len(s + at + k, n - at - k);
    bool hit = false;
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES && !hit; i++)
        hit = strlen(NAMES[i]) == k && strncasecmp(NAMES[i], s + at, k) == 0;
    if (!hit) return false;
    const char *gt = memchr(s, '>', n);
    *len = gt ? (size_t)(gt - s) + 1 : n;
    return true;
}

static void strip_frame_tags(const char *s, size_t n, oct_buf *out)
{
    for (size_t i = 0; i < n;) {
        size_t len;
        if (s[i] == '<' && oct_html_is_frame_tag(s + i, n - i, &len)) {
            for (size_t k = i; k < i + len; k++)
                if (s[k] == '\n') oct_buf_putc(out, '\n');
            i += len;
        } else {
            oct_buf_putc(out, s[i++]);
        }
    }
}

void oct_html_block(oct_html *h, size_t owner, oct_node *base, const char *s, size_t n,
                    int raw_line, oct_span sp)
{
    h->owner = owner;
    h->base = base;
    h->raw_line = raw_line;
    h->lx_base = lx_line(h);
    h->sp = sp;
    h->inline_frag = false;
    h->feeds++;
    oct_buf b = OCT_BUF_INIT;
    strip_frame_tags(s, n, &b);
    feed(h, b.data ? b.data : "", b.len);
    oct_buf_free(&b);
    oct_html_end_block_drops(h);
}

bool oct_html_is_markup(const char *s, size_t n)
{
    /* cmark has already parsed the tag (one tag per inline node): its name
     * follows "<" or "</" and decides whether it is markup at all. */
    if (n >= 4 && memcmp(s, "<!--", 4) == 0) return true;
    size_t at = n > 1 && s[1] == '/' ? 2 : 1;
    if (n <= at || s[0] != '<') return false;
    return oct_html_elem(s + at, name_len(s + at, n - at)) != NULL;
}

bool oct_html_inline(oct_html *h, size_t owner, oct_node *base, const char *s, size_t n,
                     oct_span sp)
{
    if (!oct_html_is_markup(s, n)) return false;
    size_t len;
    if (oct_html_is_frame_tag(s, n, &len)) return true; /* see strip_frame_tags */
    h->owner = owner;
    h->base = base;
    h->sp = sp;
    h->inline_frag = true;
    feed(h, s, n);
    return true;
}

oct_span oct_html_here(const oct_html *h)
{
    oct_span sp = h->sp;
    if (h->inline_frag) return sp;
    long d = (long)lx_line(h) - h->lx_base;
    if (d > 0 && h->raw_line > 0 && d < INT_MAX - h->raw_line) {
        sp.line = h->env.map_line(h->env.line_ctx, h->raw_line + (int)d);
        sp.col = 1;
    }
    return sp;
}

char *oct_html_clean(oct_html *h, const char *s, size_t n, oct_span sp)
{
    oct_buf_clear(&h->scratch);
    if (oct_decode_clean(s ? s : "", s ? n : 0, &h->scratch) && !h->warned_chars) {
        h->warned_chars = true;
        oct_diag_report(h->env.diag, OCT_WARNING, h->env.path, sp.line, sp.col, "invalid-character",
                        "control or noncharacter code points removed from HTML text");
    }
    return oct_arena_strndup(h->env.t->arena, h->scratch.data ? h->scratch.data : "",
                             h->scratch.len);
}

void oct_html_raw_tag(const oct_html *h, oct_buf *out)
{
    const xmlParserInput *in = h->ctxt ? h->ctxt->input : NULL;
    if (!in || !in->cur || !in->base) return;
    const xmlChar *p = in->cur;
    while (p > in->base && *p != '<')
        p--;
    if (*p != '<') return;
    oct_buf_put(out, p, (size_t)(in->cur - p));
    if (in->cur[0] == '/' && in->cur[1] == '>')
        oct_buf_puts(out, "/>");
    else if (in->cur[0] == '>')
        oct_buf_putc(out, '>');
}

bool oct_html_explicit_end(const oct_html *h, const char *name)
{
    const xmlParserInput *in = h->ctxt ? h->ctxt->input : NULL;
    if (!in || !in->cur || !in->base || in->cur == in->base || in->cur[-1] != '>') return false;
    const xmlChar *p = in->cur - 1;
    while (p > in->base && *p != '<')
        p--;
    size_t n = strlen(name);
    return p[0] == '<' && p[1] == '/' && strncasecmp((const char *)p + 2, name, n) == 0 &&
           name_len((const char *)p + 2, n + 1) == n;
}

static void report_drops(oct_html *h)
{
    for (size_t i = 0; i < h->ndrops; i++) {
        h_drop *d = &h->drops[i];
        oct_buf b = OCT_BUF_INIT;
        for (int k = 0; k < d->nlines; k++)
            oct_buf_printf(&b, "%s%d", k ? ", " : "", d->lines[k]);
        if (d->count > d->nlines) oct_buf_printf(&b, " and %d more", d->count - d->nlines);
        oct_diag_report(h->env.diag, OCT_WARNING, h->env.path, d->lines[0], 1, "html-dropped",
                        "<%s> dropped with its content (line%s %s)", d->name,
                        d->count > 1 ? "s" : "", b.data ? b.data : "");
        oct_buf_free(&b);
    }
}

void oct_html_finish(oct_html *h)
{
    if (!h) return;
    oct_html_flush(h);
    if (h->n) oct_html_close_from(h, 0);
    h->finishing = true;
    if (h->ctxt) {
        /* nothing open is left to map: the end events find no entries */
        htmlParseChunk(h->ctxt, NULL, 0, 1);
        htmlFreeParserCtxt(h->ctxt);
    }
    report_drops(h);
    free(h->st);
    oct_buf_free(&h->text);
    oct_buf_free(&h->pre);
    oct_buf_free(&h->scratch);
    free(h);
}
