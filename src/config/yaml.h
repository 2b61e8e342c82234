/* A small, strict YAML reader for configuration files (layouts, manifests).
 *
 * oct_yaml_load() reads one file with libyaml's event API into a tree of
 * scalar / mapping / sequence nodes, each with its 1-based line and column.
 * Configuration should mean one thing only, so it rejects what YAML allows
 * but a config file never needs: anchors and aliases, explicit tags,
 * non-scalar mapping keys, duplicate keys, nesting deeper than
 * OCT_YAML_MAX_DEPTH, more than one document, NUL characters in scalars.
 * Every problem is reported through oct_diag_report as
 * `file:line:col: error: message [code]`.
 *
 * The typed lookups below are what the loaders build on: each names the
 * key in its message ("'body' must be a number, got 'big'"), reports
 * through the document's diag sink and returns -1 on a bad value. */
#ifndef OCT_YAML_H
#define OCT_YAML_H
#include <stddef.h>

#include "diag.h"
#include "util/arena.h"

enum {
    OCT_YAML_MAX_DEPTH = 32,      /* nested mappings/sequences */
    OCT_YAML_MAX_NODES = 20000,   /* a config file is small; bounds the work */
    OCT_YAML_MAX_BYTES = 1 << 20, /* 1 MiB */
};

typedef enum { OCT_YAML_SCALAR, OCT_YAML_MAPPING, OCT_YAML_SEQUENCE } oct_yaml_kind;

typedef struct oct_yaml_node oct_yaml_node;
struct oct_yaml_node {
    oct_yaml_kind kind;
    int line, col;    /* 1-based position of the value */
    const char *text; /* SCALAR: the value, NUL-terminated */
    int plain;        /* SCALAR: written unquoted (only plain scalars can be null) */
    const char *key;  /* when this node is a mapping value: its key, else NULL */
    int key_line, key_col;
    size_t index; /* when this node is a sequence item: its 0-based index */
    const oct_yaml_node *parent;
    oct_yaml_node *first, *last, *next; /* children: mapping values or sequence items */
    size_t count;
};

typedef struct {
    oct_arena *arena; /* owns every node and string */
    char *file;       /* path as given, used in diagnostics */
    oct_diag *diag;
    oct_yaml_node *root; /* NULL when the file holds no document (empty or comments) */
    int errors;          /* errors reported through this document so far */
} oct_yaml_doc;

/* Reads and checks path. Returns the document (free with oct_yaml_free),
 * or NULL after reporting every problem found to diag. */
oct_yaml_doc *oct_yaml_load(const char *path, oct_diag *diag);
/* Same, from memory; `name` is used in diagnostics. */
oct_yaml_doc *oct_yaml_load_string(const char *name, const char *data, size_t len, oct_diag *diag);
/* Releases the document and all its nodes. NULL-safe. */
void oct_yaml_free(oct_yaml_doc *doc);

/* Reports an error at node n (or at the start of the file when n is NULL)
 * and counts it in doc->errors. */
void oct_yaml_error(oct_yaml_doc *doc, const oct_yaml_node *n, const char *code, const char *fmt,
                    ...) __attribute__((format(printf, 4, 5)));

/* Same, but at n's key when n is a mapping value ("missing key 'regular'
 * in 'mono'" points at "mono:", not at the first line inside it). */
void oct_yaml_error_key(oct_yaml_doc *doc, const oct_yaml_node *n, const char *code,
                        const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Value of `key` in mapping `map`; NULL when absent or when map is NULL or
 * not a mapping. */
const oct_yaml_node *oct_yaml_get(const oct_yaml_node *map, const char *key);

/* How messages name n: "'margins'" for a mapping value, "item 2 of
 * 'sources'" for a sequence item, "the document" for the root. Returns a
 * string owned by doc's arena. */
const char *oct_yaml_describe(oct_yaml_doc *doc, const oct_yaml_node *n);

/* True for a plain scalar that YAML reads as null: empty, "~", "null". */
int oct_yaml_is_null(const oct_yaml_node *n);

/* Reports "unknown key 'k' in 'where'" (where may be NULL at the top
 * level) at the key of mapping value n, suggesting the closest key from
 * the NULL-terminated list `allowed` when one is near. */
void oct_yaml_unknown_key(oct_yaml_doc *doc, const oct_yaml_node *n, const char *where,
                          const char *const allowed[]);
/* oct_yaml_unknown_key for every key of map not in `allowed`. Returns the
 * number of unknown keys. */
int oct_yaml_check_keys(oct_yaml_doc *doc, const oct_yaml_node *map, const char *where,
                        const char *const allowed[]);

/* Type checks and conversions. Each returns 0 and stores the value, or
 * reports "<name> must be <what>, got <value>" [wrong-type] or
 * [invalid-value] and returns -1. n must not be NULL. */
int oct_yaml_expect(oct_yaml_doc *doc, const oct_yaml_node *n, oct_yaml_kind kind);
/* Any non-null scalar; the string is owned by doc. */
int oct_yaml_string(oct_yaml_doc *doc, const oct_yaml_node *n, const char **out);
/* Like oct_yaml_string, but empty or all-blank strings are errors too. */
int oct_yaml_nonempty(oct_yaml_doc *doc, const oct_yaml_node *n, const char **out);
/* A finite decimal number: 12, -3.5, .5, 1e2. */
int oct_yaml_number(oct_yaml_doc *doc, const oct_yaml_node *n, double *out);
/* A length in points: a bare number is points; 20mm, 1.5cm, 0.75in, 12pt
 * (a space before the unit is allowed). */
int oct_yaml_length(oct_yaml_doc *doc, const oct_yaml_node *n, double *out_pt);
/* "#rrggbb" (hex digits in either case) as r, g, b in 0..1. */
int oct_yaml_color(oct_yaml_doc *doc, const oct_yaml_node *n, double rgb[3]);

/* Parsers behind the lookups, usable on any string. Return 0 or -1. */
int oct_yaml_parse_number(const char *s, double *out);
int oct_yaml_parse_length(const char *s, double *out_pt);
int oct_yaml_parse_color(const char *s, double rgb[3]);

#endif
