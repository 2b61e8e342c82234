/* The JSON of a notebook (internal to src/ingest/formats): read with
 * JSON-GLib, opened at first use (util/dynlib.h: it brings GObject and GIO,
 * which a run without notebooks should not load), keeping the line each
 * value ends on so that cells and their lines point into the .ipynb. */
#ifndef OCT_FORMATS_NB_JSON_H
#define OCT_FORMATS_NB_JSON_H
#include <stddef.h>

#include <json-glib/json-glib.h>

#include "diag.h"
#include "ingest/formats/notebook.h"

typedef struct {
    JsonParser *parser; /* owns every node */
    JsonNode *root;
    GHashTable *node_lines;   /* JsonNode * → line its value ends on */
    GHashTable *object_lines; /* JsonObject * → line of its first member */
} nb_doc;

/* Parses bytes[0..len) (a UTF-8 BOM skipped). Returns 0 (doc filled;
 * release it), or -1 after an error [notebook] at the line and column of
 * the fault: not UTF-8, nested too deep, not JSON, or JSON-GLib missing. */
int nb_json_load(const char *path, const char *bytes, size_t len, nb_doc *doc, oct_diag *diag);
void nb_json_release(nb_doc *doc);

/* Typed access; each returns NULL (0) when n is NULL or of another type. */
JsonObject *nb_object(JsonNode *n);
JsonArray *nb_array(JsonNode *n);
const char *nb_string(JsonNode *n);
/* An integer, or fallback for anything else. */
long nb_int(JsonNode *n, long fallback);
JsonNode *nb_member(JsonObject *o, const char *name);
size_t nb_length(JsonArray *a);
JsonNode *nb_element(JsonArray *a, size_t i);
/* Names of o's members in their order (g_list_free the list, not the
 * names). */
GList *nb_member_names(JsonObject *o);

/* The line n's value ends on (a string: its line), 0 when unknown. */
int nb_line(const nb_doc *doc, JsonNode *n);
/* The line of o's first member, 0 when unknown or empty. */
int nb_object_line(const nb_doc *doc, JsonObject *o);

#endif
