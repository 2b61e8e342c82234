/* A notebook's JSON, read with JSON-GLib. Chosen over json-c and Jansson
 * because its parser says where it is while it reads: the "array-element"
 * and "object-member" signals come as each value is finished, and
 * json_parser_get_current_line then gives the line of that value, so every
 * line of a cell's "source" array keeps its own line in the .ipynb. The
 * other two give a position only in their error messages.
 *
 * Before the parser sees the bytes they are checked here: valid UTF-8 (the
 * parser only says "must be UTF-8", with no place) and nesting within
 * OCT_NOTEBOOK_MAX_DEPTH (its recursive descent overflows the stack). */
#include "ingest/formats/nb_json.h"
#include "util/dynlib.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define JSON_FUNCTIONS(X, a)                                                                       \
    X(a, parser_new_immutable)                                                                     \
    X(a, parser_load_from_data)                                                                    \
    X(a, parser_get_root)                                                                          \
    X(a, parser_get_current_line)                                                                  \
    X(a, node_get_node_type)                                                                       \
    X(a, node_get_value_type)                                                                      \
    X(a, node_get_object)                                                                          \
    X(a, node_get_array)                                                                           \
    X(a, node_get_string)                                                                          \
    X(a, node_get_int)                                                                             \
    X(a, node_get_double)                                                                          \
    X(a, object_get_member)                                                                        \
    X(a, object_get_members)                                                                       \
    X(a, array_get_length)                                                                         \
    X(a, array_get_element)
OCT_DL_LIBRARY(JSON_FUNCTIONS, json_, J, "libjson-glib-1.0.so.0")
/* GObject comes with JSON-GLib; the parser is a GObject with signals. */
#define GOBJECT_FUNCTIONS(X, a) X(a, signal_connect_data) X(a, object_unref)
OCT_DL_LIBRARY(GOBJECT_FUNCTIONS, g_, G, "libgobject-2.0.so.0")

/* ---- checks before parsing ------------------------------------------------ */

/* Line and column (1-based, in bytes) of offset off. */
static void place(const char *s, size_t off, int *line, int *col)
{
    int l = 1;
    size_t start = 0;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = (int)(off - start) + 1;
}

static int fail_at(const char *path, const char *s, size_t off, oct_diag *diag, const char *what)
{
    int line, col;
    place(s, off, &line, &col);
    oct_diag_report(diag, OCT_ERROR, path, line, col, "notebook", "not a readable notebook: %s",
                    what);
    return -1;
}

/* Whether containers nest deeper than the limit (strings skipped). */
static int check_depth(const char *path, const char *s, size_t n, oct_diag *diag)
{
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > OCT_NOTEBOOK_MAX_DEPTH) {
                char what[120];
                snprintf(what, sizeof what, "its JSON nests deeper than %d levels",
                         OCT_NOTEBOOK_MAX_DEPTH);
                return fail_at(path, s, i, diag, what);
            }
        } else if ((c == ']' || c == '}') && depth > 0)
            depth--;
    }
    return 0;
}

/* ---- parsing ------------------------------------------------------------ */

static void on_element(JsonParser *p, JsonArray *a, gint index, gpointer data)
{
    nb_doc *doc = data;
    JsonNode *n = J.array_get_element(a, (guint)index);
    g_hash_table_insert(doc->node_lines, n, GUINT_TO_POINTER(J.parser_get_current_line(p)));
}

static void on_member(JsonParser *p, JsonObject *o, gchar *name, gpointer data)
{
    nb_doc *doc = data;
    guint line = J.parser_get_current_line(p);
    JsonNode *n = J.object_get_member(o, name);
    if (n) g_hash_table_insert(doc->node_lines, n, GUINT_TO_POINTER(line));
    if (!g_hash_table_contains(doc->object_lines, o))
        g_hash_table_insert(doc->object_lines, o, GUINT_TO_POINTER(line));
}

/* JSON-GLib's message is "<data>:LINE:COL: Parse error: what". */
static void report_parse_error(const char *path, const GError *e, oct_diag *diag)
{
    int line = 0, col = 0, used = 0;
    const char *msg = e && e->message ? e->message : "unknown error";
    if (sscanf(msg, "<data>:%d:%d: %n", &line, &col, &used) == 2 && used > 0) msg += used;
    if (strncmp(msg, "Parse error: ", 13) == 0) msg += 13;
    oct_diag_report(diag, OCT_ERROR, path, line, col, "notebook",
                    "not a readable notebook: its JSON is invalid: %s", msg);
}

int nb_json_load(const char *path, const char *bytes, size_t len, nb_doc *doc, oct_diag *diag)
{
    memset(doc, 0, sizeof *doc);
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) { /* a BOM: not JSON, but harmless */
        bytes += 3;
        len -= 3;
    }
    const gchar *end = NULL;
    if (!g_utf8_validate_len(bytes, len, &end))
        return fail_at(path, bytes, (size_t)(end - bytes), diag,
                       "it is not UTF-8 text (JSON must be), or holds a NUL byte");
    if (check_depth(path, bytes, len, diag) != 0) return -1;
    if (!J_open() || !G_open()) {
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, "notebook",
                        "cannot read notebooks: JSON-GLib (libjson-glib-1.0.so.0) is not "
                        "installed");
        return -1;
    }
    doc->parser = J.parser_new_immutable();
    doc->node_lines = g_hash_table_new(g_direct_hash, g_direct_equal);
    doc->object_lines = g_hash_table_new(g_direct_hash, g_direct_equal);
    G.signal_connect_data(doc->parser, "array-element", G_CALLBACK(on_element), doc, NULL, 0);
    G.signal_connect_data(doc->parser, "object-member", G_CALLBACK(on_member), doc, NULL, 0);
    GError *e = NULL;
    if (len == 0 || !J.parser_load_from_data(doc->parser, bytes, (gssize)len, &e) ||
        !(doc->root = J.parser_get_root(doc->parser))) {
        if (e)
            report_parse_error(path, e, diag);
        else
            oct_diag_report(diag, OCT_ERROR, path, 1, 1, "notebook",
                            "not a readable notebook: the file holds no JSON");
        if (e) g_error_free(e);
        nb_json_release(doc);
        return -1;
    }
    return 0;
}

void nb_json_release(nb_doc *doc)
{
    if (doc->parser) G.object_unref(doc->parser);
    if (doc->node_lines) g_hash_table_destroy(doc->node_lines);
    if (doc->object_lines) g_hash_table_destroy(doc->object_lines);
    memset(doc, 0, sizeof *doc);
}

/* ---- typed access ----------------------------------------------------- */

JsonObject *nb_object(JsonNode *n)
{
    return n && J.node_get_node_type(n) == JSON_NODE_OBJECT ? J.node_get_object(n) : NULL;
}

JsonArray *nb_array(JsonNode *n)
{
    return n && J.node_get_node_type(n) == JSON_NODE_ARRAY ? J.node_get_array(n) : NULL;
}

const char *nb_string(JsonNode *n)
{
    if (!n || J.node_get_node_type(n) != JSON_NODE_VALUE) return NULL;
    return J.node_get_value_type(n) == G_TYPE_STRING ? J.node_get_string(n) : NULL;
}

long nb_int(JsonNode *n, long fallback)
{
    if (!n || J.node_get_node_type(n) != JSON_NODE_VALUE) return fallback;
    GType t = J.node_get_value_type(n);
    if (t == G_TYPE_INT64) return (long)J.node_get_int(n);
    if (t == G_TYPE_DOUBLE) {
        double d = J.node_get_double(n);
        return d >= -1e9 && d <= 1e9 ? (long)d : fallback;
    }
    return fallback;
}

JsonNode *nb_member(JsonObject *o, const char *name)
{
    return o ? J.object_get_member(o, name) : NULL;
}

size_t nb_length(JsonArray *a)
{
    return a ? J.array_get_length(a) : 0;
}

JsonNode *nb_element(JsonArray *a, size_t i)
{
    return a && i < J.array_get_length(a) ? J.array_get_element(a, (guint)i) : NULL;
}

GList *nb_member_names(JsonObject *o)
{
    return o ? J.object_get_members(o) : NULL;
}

int nb_line(const nb_doc *doc, JsonNode *n)
{
    return n ? (int)GPOINTER_TO_UINT(g_hash_table_lookup(doc->node_lines, n)) : 0;
}

int nb_object_line(const nb_doc *doc, JsonObject *o)
{
    return o ? (int)GPOINTER_TO_UINT(g_hash_table_lookup(doc->object_lines, o)) : 0;
}
