/* A Jupyter notebook read as notes: its cells in order become one
 * Markdown text (notebook.h), so that everything a .md file gets (front
 * matter, HTML, the normalizer, questions and answers) a notebook gets
 * too, and every line keeps its line in the .ipynb for messages and node
 * spans. Cells are kept apart: a fence or HTML block a Markdown cell
 * leaves open is closed at its end (nb_close.c), as Jupyter renders each
 * cell on its own
 *
 * Columns: a message's column is one in the cell's line, for the lines
 * that are their cell's as written (line_cols). It is not the .ipynb's
 * column: JSON-GLib says where a value ends but not where it starts, a
 * string's escapes (\", \n, \u00e9) widen it by varying amounts, one
 * string may hold many lines, and the normalizer's line map, which
 * messages and nodes pass through, keeps no columns. The cell's column is
 * what Jupyter's editor shows. */
#include "ingest/formats/notebook.h"
#include "ingest/formats/nb_cells.h"
#include "tree/tree.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool oct_notebook_is_path(const char *path)
{
    size_t n = strlen(path);
    return n >= 6 && strcmp(path + n - 6, ".ipynb") == 0;
}

void nb_mark_lines(nb_writer *w, bool verbatim)
{
    OCT_GROW(w->cols, w->capcols, w->md.n + 1);
    while (w->ncols < w->md.n)
        w->cols[w->ncols++] = verbatim;
}

void nb_write_fenced(nb_writer *w, const nb_lines *lines, const char *lang)
{
    size_t run = nb_longest_run(lines, '`');
    size_t n = run >= 3 ? run + 1 : 3;
    char fence[64];
    if (n > sizeof fence - 1) n = sizeof fence - 1;
    memset(fence, '`', n);
    fence[n] = '\0';
    int first = lines->n ? lines->map[0] : w->cell_line;
    int last = lines->n ? lines->map[lines->n - 1] : w->cell_line;
    oct_buf open = OCT_BUF_INIT;
    oct_buf_printf(&open, "%s%s", fence, lang ? lang : "");
    nb_lines_put(&w->md, open.data, open.len, first);
    oct_buf_free(&open);
    nb_mark_lines(w, false);
    bool code = !lang || strcmp(lang, OCT_CODE_OUTPUT) != 0; /* an output's lines are cleaned */
    size_t pos = 0, len, i = 0;
    for (const char *s; (s = nb_lines_next(lines, &pos, &len)); i++) {
        int line = lines->map[i < lines->n ? i : lines->n - 1];
        /* the fence is at most 63 long: a line opening with as many
         * backticks (after up to three spaces) is indented four spaces
         * more, where no fence can close */
        size_t sp = 0;
        while (sp < len && sp < 3 && s[sp] == ' ')
            sp++;
        bool shift = len >= sp + n && !strncmp(s + sp, fence, n);
        oct_buf b = OCT_BUF_INIT;
        if (shift) oct_buf_puts(&b, "    ");
        oct_buf_put(&b, s, len);
        nb_lines_put(&w->md, b.data, b.len, line);
        nb_mark_lines(w, code && !shift);
        oct_buf_free(&b);
    }
    nb_lines_put(&w->md, fence, n, last);
    nb_lines_put(&w->md, "", 0, last);
}

/* ---- pictures ----------------------------------------------------------- */

int nb_add_picture(nb_writer *w, const char *url, JsonNode *data, bool base64, int first, int last)
{
    nb_lines joined = {0};
    if (nb_lines_take(&joined, &w->doc, data, first, NB_SOURCE) != 0 || !joined.text.len) {
        nb_lines_free(&joined);
        return -1;
    }
    unsigned char *bytes;
    size_t len;
    if (!base64) { /* SVG: its XML text */
        len = joined.text.len;
        bytes = (unsigned char *)oct_buf_detach(&joined.text);
    } else {
        gsize n = 0;
        guchar *raw = g_base64_decode(joined.text.data, &n); /* skips the newlines */
        len = n;
        bytes = oct_xmalloc(len ? len : 1);
        if (len) memcpy(bytes, raw, len);
        g_free(raw);
    }
    nb_lines_free(&joined);
    if (!len) {
        free(bytes);
        return -1;
    }
    oct_notebook *nb = w->nb;
    OCT_GROW(nb->pictures, nb->cappictures, nb->npictures + 1);
    nb->pictures[nb->npictures++] =
        (oct_notebook_picture){oct_xstrdup(url), bytes, len, first, last, w->cell};
    return 0;
}

const oct_notebook_picture *oct_notebook_picture_at(const oct_notebook *nb, const char *url,
                                                    int line)
{
    for (size_t i = 0; nb && url && i < nb->npictures; i++) {
        const oct_notebook_picture *p = &nb->pictures[i];
        if (!strcmp(p->url, url) && line >= p->first && line <= p->last) return p;
    }
    return NULL;
}

/* A Markdown cell's "attachments": {"name.png": {"image/png": base64}}. */
static void take_attachments(nb_writer *w, JsonObject *cell, int first, int last)
{
    JsonObject *att = nb_object(nb_member(cell, "attachments"));
    GList *names = nb_member_names(att);
    for (GList *k = names; k; k = k->next) {
        const char *name = k->data;
        JsonObject *forms = nb_object(nb_member(att, name));
        GList *types = nb_member_names(forms);
        bool taken = false;
        for (GList *t = types; t && !taken; t = t->next) {
            const char *type = t->data;
            if (strncmp(type, "image/", 6) != 0) continue;
            char *url = g_strdup_printf("attachment:%s", name);
            bool base64 = strcmp(type, "image/svg+xml") != 0;
            taken = nb_add_picture(w, url, nb_member(forms, type), base64, first, last) == 0;
            g_free(url);
        }
        g_list_free(types);
        if (!taken)
            oct_diag_report(w->diag, OCT_WARNING, w->path, first, 1, "notebook-output",
                            "cell %d: attachment '%.200s' holds no picture; it is left out",
                            w->cell, name);
    }
    g_list_free(names);
}

/* ---- cells -------------------------------------------------------------- */

/* A language name as a fence's info string takes it: lower-case, only
 * letters, digits and "+#._-" ("Python 3" → "python3"), at most 31 bytes;
 * out is empty when nothing is left. */
static void clean_language(const char *s, char out[32])
{
    size_t n = 0;
    for (; s && *s && n + 1 < 32; s++)
        if (isalnum((unsigned char)*s) || strchr("+#._-", *s)) out[n++] = (char)tolower(*s);
    out[n] = '\0';
}

/* The code cells' language ("python", "r", "julia") from the kernel's
 * metadata; NULL when it names none. */
static char *notebook_language(JsonObject *meta)
{
    const char *s = nb_string(nb_member(nb_object(nb_member(meta, "kernelspec")), "language"));
    if (!s) s = nb_string(nb_member(nb_object(nb_member(meta, "language_info")), "name"));
    if (!s) s = nb_string(nb_member(meta, "language"));
    char out[32];
    clean_language(s, out);
    return *out ? oct_xstrdup(out) : NULL;
}

static void put_all(nb_writer *w, const nb_lines *src)
{
    size_t pos = 0, len, i = 0;
    for (const char *s; (s = nb_lines_next(src, &pos, &len)); i++)
        nb_lines_put(&w->md, s, len, src->map[i]);
}

static void write_markdown(nb_writer *w, JsonObject *cell, const nb_lines *src)
{
    /* the cell's lines: its first member's (where Jupyter writes
     * "attachments") to its last source line, whatever the keys' order */
    int first = w->cell_line, last = w->cell_line;
    for (size_t i = 0; i < src->n; i++) {
        if (src->map[i] < first) first = src->map[i];
        if (src->map[i] > last) last = src->map[i];
    }
    take_attachments(w, cell, first, last);
    if (!src->n) return;
    nb_mark_lines(w, false);
    put_all(w, src);
    nb_mark_lines(w, true);
    nb_close_cell(w, src);
    nb_lines_put(&w->md, "", 0, src->map[src->n - 1]);
}

/* nbformat 3's heading cell: its text at its level. */
static void write_heading(nb_writer *w, JsonObject *cell, const nb_lines *src)
{
    long level = nb_int(nb_member(cell, "level"), 1);
    if (level < 1) level = 1;
    if (level > 6) level = 6;
    oct_buf b = OCT_BUF_INIT;
    for (long k = 0; k < level; k++)
        oct_buf_putc(&b, '#');
    size_t pos = 0, len;
    for (const char *s; (s = nb_lines_next(src, &pos, &len));) {
        oct_buf_putc(&b, ' ');
        oct_buf_put(&b, s, len);
    }
    int line = src->n ? src->map[0] : w->cell_line;
    nb_lines_put(&w->md, b.data, b.len, line);
    nb_lines_put(&w->md, "", 0, line);
    oct_buf_free(&b);
}

/* A raw cell (LaTeX, reST... for nbconvert) prints as the text it is:
 * every ASCII punctuation mark escaped, its line breaks kept. */
static void write_raw(nb_writer *w, const nb_lines *src)
{
    size_t pos = 0, len, i = 0;
    for (const char *s; (s = nb_lines_next(src, &pos, &len)); i++) {
        size_t lead = strspn(s, " \t");
        if (lead > len) lead = len;
        oct_buf b = OCT_BUF_INIT;
        for (size_t k = lead; k < len; k++) {
            unsigned char c = (unsigned char)s[k];
            if (c < 0x80 && ispunct(c)) oct_buf_putc(&b, '\\');
            oct_buf_putc(&b, (char)c);
        }
        size_t npos = pos, nlen;
        const char *next = nb_lines_next(src, &npos, &nlen);
        bool more = next && nlen > strspn(next, " \t") && nlen > 0;
        if (b.len && more) oct_buf_putc(&b, '\\'); /* a hard line break */
        nb_lines_put(&w->md, b.data ? b.data : "", b.len, src->map[i]);
        oct_buf_free(&b);
    }
    if (src->n) nb_lines_put(&w->md, "", 0, src->map[src->n - 1]);
}

static void write_code(nb_writer *w, JsonObject *cell, const nb_lines *src)
{
    bool blank = true;
    for (size_t i = 0; i < src->text.len && blank; i++)
        blank = src->text.data[i] == '\n' || src->text.data[i] == ' ' || src->text.data[i] == '\t';
    char own[32]; /* nbformat 3 names the language in each code cell */
    clean_language(nb_string(nb_member(cell, "language")), own);
    if (!blank) nb_write_fenced(w, src, *own ? own : w->lang);
    nb_write_outputs(w, cell);
}

static void write_cell(nb_writer *w, JsonNode *node)
{
    JsonObject *cell = nb_object(node);
    w->cell_line = cell ? nb_object_line(&w->doc, cell) : 0;
    if (!w->cell_line) w->cell_line = nb_line(&w->doc, node);
    const char *type = nb_string(nb_member(cell, "cell_type"));
    if (!type) {
        oct_diag_report(w->diag, OCT_WARNING, w->path, w->cell_line, 1, "notebook",
                        "cell %d is %s; it is skipped", w->cell,
                        cell ? "without a \"cell_type\" string" : "not a JSON object");
        return;
    }
    JsonNode *source = nb_member(cell, "source");
    if (!source) source = nb_member(cell, "input"); /* nbformat 3's code cells */
    nb_lines src = {0};
    if (nb_lines_take(&src, &w->doc, source, w->cell_line, NB_SOURCE) != 0)
        oct_diag_report(w->diag, OCT_WARNING, w->path, w->cell_line, 1, "notebook",
                        "cell %d: its \"source\" is not a string or a list of strings; %s", w->cell,
                        src.n ? "only its strings are read" : "it is skipped");
    if (!strcmp(type, "markdown"))
        write_markdown(w, cell, &src);
    else if (!strcmp(type, "code"))
        write_code(w, cell, &src);
    else if (!strcmp(type, "heading"))
        write_heading(w, cell, &src);
    else if (!strcmp(type, "raw"))
        write_raw(w, &src);
    else {
        oct_diag_report(w->diag, OCT_WARNING, w->path, w->cell_line, 1, "notebook",
                        "cell %d has the unknown type '%.60s'; its text is read as raw text",
                        w->cell, type);
        write_raw(w, &src);
    }
    nb_lines_free(&src);
}

/* ---- the notebook -------------------------------------------------------- */

static int refuse(const char *path, int line, oct_diag *diag, const char *what)
{
    oct_diag_report(diag, OCT_ERROR, path, line, 1, "notebook", "not a Jupyter notebook: %s", what);
    return -1;
}

int oct_notebook_read(const char *path, const char *bytes, size_t len, oct_notebook *out,
                      oct_diag *diag)
{
    memset(out, 0, sizeof *out);
    nb_writer w = {.path = path, .diag = diag, .nb = out};
    if (nb_json_load(path, bytes, len, &w.doc, diag) != 0) return -1;
    int rc = -1;
    JsonObject *root = nb_object(w.doc.root);
    JsonArray *cells = nb_array(nb_member(root, "cells"));
    JsonArray *sheets = nb_array(nb_member(root, "worksheets"));
    if (!root) {
        refuse(path, 1, diag, "its JSON is not an object");
        goto out;
    }
    if (!cells && !sheets) {
        refuse(path, 1, diag, "it has no \"cells\" (nbformat 4) or \"worksheets\" (nbformat 3)");
        goto out;
    }
    JsonObject *meta = nb_object(nb_member(root, "metadata"));
    const char *title = nb_string(nb_member(meta, "title"));
    if (title && *title) out->title = oct_xstrdup(title);
    char *lang = notebook_language(meta);
    w.lang = lang;
    for (size_t i = 0; i < nb_length(cells); i++) {
        w.cell++;
        write_cell(&w, nb_element(cells, i));
    }
    for (size_t s = 0; !cells && s < nb_length(sheets); s++) {
        JsonArray *v3 = nb_array(nb_member(nb_object(nb_element(sheets, s)), "cells"));
        for (size_t i = 0; i < nb_length(v3); i++) {
            w.cell++;
            write_cell(&w, nb_element(v3, i));
        }
    }
    free(lang);
    nb_mark_lines(&w, false);
    out->line_cols = w.cols;
    w.cols = NULL;
    out->len = w.md.text.len;
    out->text = oct_buf_detach(&w.md.text);
    out->line_map = w.md.map;
    out->nlines = w.md.n;
    w.md.map = NULL;
    rc = 0;
out:
    free(w.cols);
    nb_lines_free(&w.md);
    nb_json_release(&w.doc);
    if (rc != 0) oct_notebook_release(out);
    return rc;
}

void oct_notebook_release(oct_notebook *nb)
{
    if (!nb) return;
    free(nb->text);
    free(nb->line_map);
    free(nb->line_cols);
    free(nb->title);
    for (size_t i = 0; i < nb->npictures; i++) {
        free(nb->pictures[i].url);
        free(nb->pictures[i].data);
    }
    free(nb->pictures);
    memset(nb, 0, sizeof *nb);
}
