#include "ingest/ingest.h"
#include "ingest/decode/binary.h"
#include "ingest/formats/formats.h"
#include "ingest/formats/markup.h"
#include "ingest/frontmatter.h"
#include "ingest/alerts.h"
#include "ingest/cloze.h"
#include "ingest/decode/charset.h"
#include "ingest/decode/decode.h"
#include "ingest/formats/notebook.h"
#include "ingest/guards.h"
#include "ingest/linkscheme.h"
#include "ingest/images/images.h"
#include "ingest/remnote.h"
#include "ingest/srcards.h"
#include "ingest/wikilinks.h"
#include "util/buf.h"
#include "ingest/places.h"
#include "ingest/plaintitle.h"
#include "ingest/markdown.h"
#include "ingest/normalize/normalize.h"
#include "ingest/decode/repair.h"
#include "util/timing.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Decoding runs before anything looks at the text: legacy encodings first
 * (their bytes are not UTF-8 at all), then the byte-level clean-up, then
 * mojibake repair, which needs the C1 controls the decoder kept (they are
 * what Windows-1252 mojibake is made of) and only afterwards may they go. */
char *oct_ingest_decode(const char *path, const char *bytes, size_t len, size_t *out_len,
                        oct_diag *diag)
{
    *out_len = 0;
    if (len > OCT_MAX_SOURCE_BYTES) {
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, "limit-source-size",
                        "source is %zu bytes, more than the limit of %u bytes", len,
                        OCT_MAX_SOURCE_BYTES);
        return NULL;
    }
    const char *hint, *kind = oct_binary_kind((const unsigned char *)bytes, len, &hint);
    if (kind) {
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, "binary-source",
                        "source is %s, not text: octavo reads Markdown, plain text, Word (.docx) "
                        "and OpenDocument (.odt) notes%s",
                        kind, hint);
        return NULL;
    }
    size_t conv_len = 0, dec_len = 0, rep_len = 0, repairs = 0;
    char *conv = len ? oct_charset_to_utf8(path, bytes, len, &conv_len, diag) : NULL;
    char *dec = conv ? oct_decode_utf8(path, conv, conv_len, &dec_len, diag)
                     : oct_decode_utf8(path, bytes, len, &dec_len, diag);
    free(conv);
    char *text = oct_repair_mojibake(path, dec, dec_len, &rep_len, &repairs, diag);
    free(dec);
    oct_decode_drop_c1(path, text, &rep_len, diag);
    oct_decode_unligate(text, &rep_len);
    if (oct_guard_lines(path, text, rep_len, diag) != 0) {
        free(text);
        return NULL;
    }
    *out_len = rep_len;
    return text;
}

/* "notes-on_x.md" → "notes on x": the file name is the title of last resort. */
static const char *title_from_path(oct_tree *t, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base) n = (size_t)(dot - base);
    char *s = oct_arena_strndup(t->arena, base, n);
    size_t w = 0;
    for (size_t r = 0; s[r]; r++) {
        char c = s[r] == '-' || s[r] == '_' ? ' ' : s[r];
        if (c == ' ' && (w == 0 || s[w - 1] == ' ')) continue;
        s[w++] = c;
    }
    while (w > 0 && s[w - 1] == ' ')
        w--;
    s[w] = '\0';
    return w ? s : "Untitled";
}

/* The given title, else the text of a level-1 heading that opens the file
 * (it stays in the chapter: ingest removes nothing), else the file name. */
/* Whether inline n is only a picture, or a link around nothing but one
 * (a README's logo, a badge). */
static bool only_picture(const oct_node *n)
{
    if (n->kind == OCT_IMAGE) return true;
    if (n->kind != OCT_LINK || !n->first) return false;
    for (const oct_node *k = n->first; k; k = k->next)
        if (!only_picture(k) && !(k->kind == OCT_TEXT && k->text && !k->text[strspn(k->text, " ")]))
            return false;
    return true;
}

/* A heading's text for a title: its pictures' alt text ("fastkv logo")
 * left out when it has words of its own. */
static const char *heading_title(oct_tree *t, const oct_node *h)
{
    oct_buf b = OCT_BUF_INIT;
    bool pictures = false;
    for (const oct_node *k = h->first; k; k = k->next) {
        if (only_picture(k)) {
            pictures = true;
            continue;
        }
        oct_node_plain_text_to(k, &b);
        oct_buf_putc(&b, ' ');
    }
    const char *s = NULL;
    if (pictures && b.data) {
        size_t a = 0, e = b.len;
        while (a < e && b.data[a] == ' ')
            a++;
        while (e > a && b.data[e - 1] == ' ')
            e--;
        if (e > a) s = oct_arena_strndup(t->arena, b.data + a, e - a);
    }
    oct_buf_free(&b);
    return s ? s : oct_node_plain_text(t->arena, h); /* already trimmed */
}

static const char *choose_title(oct_tree *t, const oct_node *chapter, const char *path,
                                const char *title, const char *front_title)
{
    if (title) return oct_arena_strdup(t->arena, title);
    if (front_title) return oct_arena_strdup(t->arena, front_title);
    const oct_node *first = chapter->first;
    if (first && first->kind == OCT_SECTION && first->u.section.level == 1) {
        const char *s = heading_title(t, first);
        if (*s) return s;
    }
    return title_from_path(t, path);
}

/* A saved web page (".html", ".htm"): its <title> may name its chapter. */
static bool is_web_page(const char *path)
{
    size_t n = strlen(path);
    return (n >= 5 && strcasecmp(path + n - 5, ".html") == 0) ||
           (n >= 4 && strcasecmp(path + n - 4, ".htm") == 0);
}

/* A saved page's <title> names its chapter when nothing else does (a
 * given title, front matter, a level-1 heading opening the page); either
 * way the reader hears what became of it. NULL when it names nothing. */
static const char *page_title(oct_tree *t, const oct_node *ch, const char *path,
                              const oct_html_title *pt, bool named, oct_diag *diag)
{
    if (!pt->text.len) return NULL;
    const char *site, *title = oct_html_page_title(t, pt->text.data, pt->text.len, &site);
    if (!title) return NULL;
    const oct_node *first = ch->first;
    if (named || (first && first->kind == OCT_SECTION && first->u.section.level == 1)) {
        oct_diag_report(diag, OCT_WARNING, path, pt->line, 1, "html-dropped",
                        "<title> \"%s\" dropped: %s names the chapter", title,
                        named ? "the given title" : "the page's first heading");
        return NULL;
    }
    oct_diag_report(diag, OCT_NOTE, path, pt->line, 1, "html-title",
                    "the page's <title> names the chapter \"%s\"%s%s%s", title,
                    site ? "; its site's name \"" : "", site ? site : "",
                    site ? "\" left out" : "");
    return title;
}

/* Whether the text has a "[[" or "==" at all: the wikilink pass walks every
 * text node, which most notes do not need. */
static bool may_hold_obsidian(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, '[', (size_t)(s + n - p))) && p + 1 < s + n; p++)
        if (p[1] == '[') return true;
    for (const char *p = s; (p = memchr(p, '=', (size_t)(s + n - p))) && p + 1 < s + n; p++)
        if (p[1] == '=') return true;
    return false;
}

bool oct_ingest_is_plain_text(const char *path)
{
    size_t n = strlen(path);
    return n >= 4 && strcmp(path + n - 4, ".txt") == 0;
}

/* Front matter opening a Markdown source: not text of the notes (a chat
 * pasted into a .txt file is not a site's page: "---" there is a rule). */
static void take_front_matter(const char *path, oct_ingest_text *out, oct_diag *diag)
{
    oct_front_matter fm;
    if (!oct_front_matter_take(out->text, &out->len, &fm)) return;
    size_t others = fm.nkeys - (fm.title != NULL) - (fm.lang != NULL);
    oct_buf what = OCT_BUF_INIT;
    if (fm.title) oct_buf_printf(&what, "its title \"%s\" names the chapter", fm.title);
    if (fm.lang) oct_buf_printf(&what, "%sits language is '%s'", fm.title ? "; " : "", fm.lang);
    bool named = fm.title || fm.lang;
    if (others || !named)
        oct_buf_printf(&what, "%s%zu %skey%s not printed", named ? "; " : "its ", others,
                       named ? "other " : "", others == 1 ? "" : "s");
    oct_diag_report(diag, OCT_NOTE, path, 1, 1, "front-matter", "%s front matter (lines 1-%zu): %s",
                    fm.toml ? "TOML" : "YAML", fm.lines, what.data);
    oct_buf_free(&what);
    out->front_title = fm.title; /* taken */
    out->front_deck = fm.flashcards;
    out->front_lang = fm.lang;
    fm.title = fm.lang = NULL;
    oct_front_matter_release(&fm);
}

/* An Org or reStructuredText source: its reader writes the Markdown (and
 * its line map) in the normalizer's place; the title and language it
 * names are the source's as front matter's are. */
static bool read_other_markup(const char *path, oct_ingest_text *out, oct_diag *diag)
{
    if (!oct_markup_read(path, out->text, out->len, &out->norm, &out->front_lang, diag))
        return false;
    out->normalized = true;
    out->front_title = out->norm.title;
    out->norm.title = NULL;
    return true;
}

size_t oct_ingest_max_bytes(const char *path)
{
    if (oct_notebook_is_path(path)) return OCT_LIMIT_NOTEBOOK_BYTES;
    return oct_doc_named(path) ? OCT_LIMIT_PACKAGE_BYTES : OCT_MAX_SOURCE_BYTES;
}

/* After decoding: front matter taken, then normalized when asked. */
static int prepare_text(const char *path, const oct_ingest_options *opts, oct_ingest_text *out,
                        oct_diag *diag)
{
    if (!oct_ingest_is_plain_text(path)) take_front_matter(path, out, diag);
    if (opts->normalize) {
        oct_normalize_options nopts = {.keep_filler = opts->keep_filler,
                                       .plain = oct_ingest_is_plain_text(path)};
        if (oct_normalize(path, out->text, out->len, &nopts, &out->norm, diag) != 0) return -1;
        out->normalized = true;
        if (!out->front_title) { /* a Logseq page's "title::" */
            out->front_title = out->norm.title;
            out->norm.title = NULL;
        }
        if (oct_ingest_is_plain_text(path)) oct_plain_title(&out->norm);
    }
    return 0;
}

/* A notebook: its cells as Markdown, then the path of any Markdown. The
 * messages of that path name lines of the Markdown; a buffer holds them
 * until they are put on the .ipynb's lines, and so are the node spans. */
static int prepare_notebook(const char *path, const char *bytes, size_t len,
                            const oct_ingest_options *opts, oct_ingest_text *out, oct_diag *diag)
{
    if (len > OCT_LIMIT_NOTEBOOK_BYTES) {
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, "limit-source-size",
                        "notebook is %zu bytes, more than the limit of %u bytes", len,
                        OCT_LIMIT_NOTEBOOK_BYTES);
        return -1;
    }
    oct_notebook *nb = oct_xcalloc(1, sizeof *nb);
    if (oct_notebook_read(path, bytes, len, nb, diag) != 0) {
        free(nb);
        return -1;
    }
    out->notebook = nb;
    oct_diag *buf = diag ? oct_diag_new_buffer(diag) : NULL;
    out->text = oct_ingest_decode(path, nb->text, nb->len, &out->len, buf);
    int rc = out->text ? prepare_text(path, opts, out, buf) : -1;
    oct_diag_map_lines(buf, path, nb->line_map, nb->line_cols, nb->nlines);
    oct_diag_flush(diag, buf);
    oct_diag_free(buf);
    if (rc != 0) {
        oct_ingest_text_release(out);
        return -1;
    }
    if (out->normalized) /* the normalizer's lines of the Markdown → lines of the .ipynb */
        for (size_t i = 0; i < out->norm.nlines; i++) {
            int l = out->norm.line_map[i];
            if (l >= 1 && (size_t)l <= nb->nlines) out->norm.line_map[i] = nb->line_map[l - 1];
        }
    if (!out->front_title && nb->title) out->front_title = oct_xstrdup(nb->title);
    return 0;
}

/* A Word or OpenDocument package, known by its own parts (ingest/formats):
 * 0 read (out->doc), 1 not one (decode as text), -1 after an error. A
 * .docx or .odt name on bytes that are no zip is an error of its own,
 * not a page of decoded gibberish. */
static int prepare_document(const char *path, const char *bytes, size_t len, oct_ingest_text *out,
                            oct_diag *diag)
{
    /* a package carries its pictures: its text is held to the source
     * limit as it is read (docbuild.c), the package to its own */
    if (len > OCT_MAX_SOURCE_BYTES && !oct_doc_named(path)) return 1; /* the decoder refuses it */
    if (len > OCT_LIMIT_PACKAGE_BYTES) {
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, "limit-source-size",
                        "package is %zu bytes, more than the limit of %u bytes", len,
                        OCT_LIMIT_PACKAGE_BYTES);
        return -1;
    }
    if (!oct_doc_is_zip(bytes, len)) {
        if (!oct_doc_named(path)) return 1;
        const char *hint, *kind = oct_binary_kind((const unsigned char *)bytes, len, &hint);
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, "document-damaged",
                        "not a Word or OpenDocument package (a zip archive), as its name says: it "
                        "is %s%s",
                        kind  ? kind
                        : len ? "text (name it .txt or .md)"
                              : "empty",
                        kind ? hint : "");
        return -1;
    }
    int rc = oct_doc_open(path, bytes, len, &out->doc, diag);
    if (rc == 0 && oct_doc_title(out->doc)) out->front_title = oct_xstrdup(oct_doc_title(out->doc));
    if (rc == 0 && oct_doc_lang(out->doc)) out->front_lang = oct_xstrdup(oct_doc_lang(out->doc));
    return rc;
}

int oct_ingest_prepare(const char *path, const char *bytes, size_t len,
                       const oct_ingest_options *opts, oct_ingest_text *out, oct_diag *diag)
{
    memset(out, 0, sizeof *out);
    if (oct_notebook_is_path(path)) return prepare_notebook(path, bytes, len, opts, out, diag);
    int doc = prepare_document(path, bytes, len, out, diag);
    if (doc <= 0) return doc;
    out->text = oct_ingest_decode(path, bytes, len, &out->len, diag);
    if (!out->text) return -1;
    if (read_other_markup(path, out, diag)) return 0;
    if (prepare_text(path, opts, out, diag) != 0) {
        oct_ingest_text_release(out);
        return -1;
    }
    return 0;
}

void oct_ingest_text_release(oct_ingest_text *in)
{
    if (in->normalized) oct_normalized_release(&in->norm);
    oct_doc_free(in->doc);
    free(in->text);
    free(in->front_title);
    free(in->front_lang);
    oct_notebook_release(in->notebook);
    free(in->notebook);
    memset(in, 0, sizeof *in);
}

/* A notebook's picture, for the images pass. */
static const unsigned char *find_picture(void *ctx, const char *url, int line, size_t *len)
{
    const oct_notebook_picture *p = oct_notebook_picture_at(ctx, url, line);
    *len = p ? p->len : 0;
    return p ? p->data : NULL;
}

/* A Word or OpenDocument text: its tree built from its XML, then the
 * passes of the tree that are not about Markdown's syntax. */
static oct_node *parse_document(oct_tree *t, const char *path, const oct_ingest_text *in,
                                const char *title, oct_diag *diag)
{
    oct_node *ch = oct_node_new(t, OCT_CHAPTER, (oct_span){oct_tree_add_file(t, path), 1, 1});
    if (oct_doc_build(t, ch, in->doc, path, diag) != 0) return NULL;
    oct_guard_blocks(t, ch, path, diag);
    oct_ingest_unsafe_links(t, ch, path, diag);
    oct_ingest_places(t, ch);
    ch->u.chapter.title = choose_title(t, ch, path, title, in->front_title);
    if (in->front_lang) ch->u.chapter.lang = oct_arena_strdup(t->arena, in->front_lang);
    oct_node_append(t->root, ch);
    return ch;
}

oct_node *oct_ingest_parse(oct_tree *t, const char *path, const oct_ingest_text *in,
                           const char *title, const oct_ingest_options *opts, oct_diag *diag)
{
    if (in->doc) return parse_document(t, path, in, title, diag);
    /* In plain-text notes a newline is where the writer ended a line (a
     * label, an item, a sentence), as in a chat or a GitHub comment; in
     * Markdown files it is only a soft wrap. */
    oct_markdown_source src = {.path = path, .hard_breaks = oct_ingest_is_plain_text(path)};
    const char *md = in->text;
    size_t mdlen = in->len;
    if (in->normalized) {
        md = in->norm.text;
        mdlen = in->norm.len;
        src.line_map = in->norm.line_map;
        src.nlines = in->norm.nlines;
    } else if (in->notebook) {
        src.line_map = in->notebook->line_map;
        src.nlines = in->notebook->nlines;
    }
    src.file = oct_tree_add_file(t, path);
    oct_html_title pt = {OCT_BUF_INIT, 0};
    if (is_web_page(path)) src.html_title = &pt;
    oct_node *ch = oct_node_new(t, OCT_CHAPTER, (oct_span){src.file, 1, 1});
    if (oct_markdown_parse(t, ch, &src, md, mdlen, diag) != 0) {
        oct_buf_free(&pt.text);
        return NULL;
    }
    oct_guard_blocks(t, ch, path, diag);
    oct_ingest_unsafe_links(t, ch, path, diag);
    oct_ingest_alerts(t, ch);
    if (may_hold_obsidian(md, mdlen)) oct_ingest_wikilinks(t, ch);
    if (oct_remnote_possible(md, mdlen)) oct_ingest_remnote(t, ch);
    if (oct_srcards_possible(md, mdlen))
        oct_ingest_srcards(t, ch,
                           in->front_deck || (in->normalized && in->norm.deck_tag) ||
                               oct_srcards_tagged(md, mdlen));
    if (oct_cloze_possible(md, mdlen)) oct_ingest_cloze(t, ch, path, diag);
    oct_image_memory mem = {find_picture, in->notebook};
    oct_ingest_images(t, ch, path, opts->root, in->notebook ? &mem : NULL, diag);
    oct_ingest_drop_nav_links(t, ch, path, diag);
    oct_ingest_places(t, ch);
    const char *named = title ? title : in->front_title;
    if (!named)
        named = page_title(t, ch, path, &pt, false, diag);
    else if (pt.text.len)
        page_title(t, ch, path, &pt, true, diag);
    oct_buf_free(&pt.text);
    ch->u.chapter.title = choose_title(t, ch, path, named, NULL);
    ch->u.chapter.exam = in->normalized && in->norm.exam;
    if (in->front_lang) ch->u.chapter.lang = oct_arena_strdup(t->arena, in->front_lang);
    oct_node_append(t->root, ch);
    return ch;
}

oct_node *oct_ingest_source(oct_tree *t, const char *path, const char *bytes, size_t len,
                            const char *title, const oct_ingest_options *opts, oct_diag *diag)
{
    static const oct_ingest_options defaults = {.keep_filler = false, .normalize = true};
    if (!opts) opts = &defaults;
    if (!path) path = "<input>";
    oct_ingest_text in;
    double clock = oct_timings_now(opts->timings);
    int rc = oct_ingest_prepare(path, bytes, len, opts, &in, diag);
    clock = oct_timings_lap(opts->timings, OCT_PHASE_DECODE, clock);
    oct_node *chapter = rc == 0 ? oct_ingest_parse(t, path, &in, title, opts, diag) : NULL;
    if (rc == 0) oct_timings_lap(opts->timings, OCT_PHASE_PARSE, clock);
    oct_ingest_text_release(&in);
    return chapter;
}
