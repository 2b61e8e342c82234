/* A code cell's outputs, as Jupyter shows them under the code: the text
 * of streams, results and errors in one fenced block without a language
 * (plain, unhighlighted: what the program printed, not code), a picture
 * where one stands. nbformat 4 keeps a result's forms under "data" by
 * MIME type; nbformat 3 keeps them on the output itself ("text", "png")
 * and names its outputs pyout and pyerr. */
#include "ingest/formats/nb_cells.h"
#include "tree/tree.h"
#include "util/buf.h"

#include <stdio.h>
#include <string.h>

/* The text block ends where too much is printed: the first lines stay,
 * the rest is named in a warning. A line over the byte limit is cut at a
 * character's start. */
static void cut_output(nb_writer *w, nb_lines *text)
{
    size_t pos = 0, len, keep = 0, bytes = 0;
    const char *s;
    bool cut_line = false;
    while (keep < OCT_NOTEBOOK_MAX_OUTPUT_LINES && (s = nb_lines_next(text, &pos, &len))) {
        if (bytes + len > OCT_NOTEBOOK_MAX_OUTPUT_BYTES) {
            cut_line = true;
            break;
        }
        bytes += len + 1;
        keep++;
    }
    if (keep == text->n && !cut_line) return;
    int line = text->map[keep < text->n ? keep : text->n - 1];
    char kept[120];
    if (keep == 0)
        snprintf(kept, sizeof kept, "the first %u bytes of its first line are",
                 OCT_NOTEBOOK_MAX_OUTPUT_BYTES);
    else
        snprintf(kept, sizeof kept, "the first %zu line%s%s %s", keep, keep == 1 ? "" : "s",
                 cut_line ? " and part of the next" : "", keep == 1 && !cut_line ? "is" : "are");
    oct_diag_report(w->diag, OCT_WARNING, w->path, line, 1, "notebook-output",
                    "cell %d: its output is %zu line%s (%zu bytes); %s printed, the rest is left "
                    "out",
                    w->cell, text->n, text->n == 1 ? "" : "s", text->text.len, kept);
    if (cut_line) { /* a part of the long line, up to a character's start */
        size_t room = OCT_NOTEBOOK_MAX_OUTPUT_BYTES - bytes;
        const char *p = text->text.data + bytes;
        while (room > 0 && ((unsigned char)p[room] & 0xc0) == 0x80)
            room--;
        nb_lines_cut(text, keep + 1);
        text->text.len = bytes + room + 1;
        text->text.data[bytes + room] = '\n';
        text->text.data[bytes + room + 1] = '\0';
    } else
        nb_lines_cut(text, keep);
}

static void flush_text(nb_writer *w, nb_lines *text)
{
    if (text->n == 0) return;
    cut_output(w, text);
    nb_write_fenced(w, text, OCT_CODE_OUTPUT); /* set apart from code (tree.h) */
    nb_lines_free(text);
}

/* A result's picture, if it has one it can show: true when written. */
static bool write_picture(nb_writer *w, JsonObject *forms, int line, int *count, nb_lines *text)
{
    static const char *const KINDS[][2] = {
        {"image/png", "png"}, {"image/jpeg", "jpg"}, {"image/svg+xml", "svg"},
        {"png", "png"},       {"jpeg", "jpg"},       {"svg", "svg"}, /* nbformat 3 */
    };
    for (size_t k = 0; k < sizeof KINDS / sizeof *KINDS; k++) {
        JsonNode *data = nb_member(forms, KINDS[k][0]);
        if (!data) continue;
        char url[96];
        snprintf(url, sizeof url, "attachment:octavo-output-%d-%d.%s", w->cell, *count + 1,
                 KINDS[k][1]);
        if (nb_add_picture(w, url, data, strcmp(KINDS[k][1], "svg") != 0, line, line) != 0)
            continue;
        (*count)++;
        flush_text(w, text);
        char md[160];
        int n = snprintf(md, sizeof md, "![output picture of cell %d](<%s>)", w->cell, url);
        nb_lines_put(&w->md, md, (size_t)n, line);
        nb_lines_put(&w->md, "", 0, line);
        return true;
    }
    return false;
}

/* The MIME types of forms, for a message: "text/html, application/json". */
static void form_names(JsonObject *forms, char *out, size_t cap)
{
    oct_buf b = OCT_BUF_INIT;
    GList *names = nb_member_names(forms);
    for (GList *k = names; k; k = k->next)
        if (strcmp(k->data, "metadata") && strcmp(k->data, "output_type") &&
            strcmp(k->data, "prompt_number") && strcmp(k->data, "execution_count"))
            oct_buf_printf(&b, "%s%s", b.len ? ", " : "", (const char *)k->data);
    g_list_free(names);
    snprintf(out, cap, "%s", b.data ? b.data : "no data");
    oct_buf_free(&b);
}

/* execute_result, display_data (pyout): a picture, else its text. */
static void write_result(nb_writer *w, JsonObject *o, int line, int *pictures, nb_lines *text)
{
    JsonObject *forms = nb_object(nb_member(o, "data"));
    if (!forms) forms = o; /* nbformat 3 */
    if (write_picture(w, forms, line, pictures, text)) return;
    static const char *const TEXTS[] = {"text/plain", "text/markdown", "text/latex", "text"};
    for (size_t k = 0; k < sizeof TEXTS / sizeof *TEXTS; k++) {
        JsonNode *t = nb_member(forms, TEXTS[k]);
        if (t && nb_lines_take(text, &w->doc, t, line, NB_OUTPUT) == 0) return;
    }
    char names[200];
    form_names(forms, names, sizeof names);
    oct_diag_report(w->diag, OCT_WARNING, w->path, line, 1, "notebook-output",
                    "cell %d: an output with no text or picture octavo can print (%s) is left out",
                    w->cell, names);
}

/* error (pyerr): its traceback, colour codes dropped, else "ename: evalue".
 * Each string of a traceback is a line of its own (Jupyter joins them
 * with newlines). */
static void write_error(nb_writer *w, JsonObject *o, int line, nb_lines *text)
{
    JsonArray *tb = nb_array(nb_member(o, "traceback"));
    bool any = false;
    for (size_t i = 0; i < nb_length(tb); i++) {
        JsonNode *e = nb_element(tb, i);
        const char *s = nb_string(e);
        if (!s) continue;
        int at = nb_line(&w->doc, e);
        nb_lines_text(text, s, at ? at : line, NB_OUTPUT);
        any = true;
    }
    if (any) return;
    const char *ename = nb_string(nb_member(o, "ename"));
    const char *evalue = nb_string(nb_member(o, "evalue"));
    oct_buf b = OCT_BUF_INIT;
    oct_buf_printf(&b, "%s: %s", ename ? ename : "Error", evalue ? evalue : "");
    nb_lines_text(text, b.data, line, NB_OUTPUT);
    oct_buf_free(&b);
}

void nb_write_outputs(nb_writer *w, JsonObject *cell)
{
    JsonNode *node = nb_member(cell, "outputs");
    JsonArray *outs = nb_array(node);
    if (node && !outs)
        oct_diag_report(w->diag, OCT_WARNING, w->path, w->cell_line, 1, "notebook",
                        "cell %d: its \"outputs\" is not a list; they are skipped", w->cell);
    nb_lines text = {0};
    int pictures = 0;
    for (size_t i = 0; i < nb_length(outs); i++) {
        JsonObject *o = nb_object(nb_element(outs, i));
        int line = o ? nb_object_line(&w->doc, o) : 0;
        if (!line) line = nb_line(&w->doc, nb_element(outs, i));
        if (!line) line = w->cell_line;
        const char *type = nb_string(nb_member(o, "output_type"));
        if (!type) {
            oct_diag_report(w->diag, OCT_WARNING, w->path, line, 1, "notebook",
                            "cell %d: output %zu has no \"output_type\"; it is skipped", w->cell,
                            i + 1);
        } else if (!strcmp(type, "stream")) {
            nb_lines_take(&text, &w->doc, nb_member(o, "text"), line, NB_OUTPUT);
        } else if (!strcmp(type, "error") || !strcmp(type, "pyerr")) {
            write_error(w, o, line, &text);
        } else if (!strcmp(type, "execute_result") || !strcmp(type, "display_data") ||
                   !strcmp(type, "pyout")) {
            write_result(w, o, line, &pictures, &text);
        } else {
            oct_diag_report(w->diag, OCT_WARNING, w->path, line, 1, "notebook-output",
                            "cell %d: an output of type '%.60s' is left out", w->cell, type);
        }
    }
    flush_text(w, &text);
    nb_lines_free(&text);
}
