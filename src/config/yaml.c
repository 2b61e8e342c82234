#include "config/yaml.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

/* libyaml's event API gives positions and styles that its document API
 * hides, and lets us refuse anchors, tags and deep nesting as they come
 * instead of after the whole structure is built. The reader keeps going
 * after problems it can step over (aliases, tags, duplicate keys) so one
 * run reports them all, and stops at the ones it cannot (syntax, depth). */

typedef struct {
    oct_yaml_node *node;
    oct_yaml_node *key; /* mapping: key read, value not yet */
} frame;

typedef struct {
    oct_yaml_doc *doc;
    yaml_parser_t parser;
    const char *data;
    size_t len;
    frame stack[OCT_YAML_MAX_DEPTH];
    int depth;
    size_t nodes;
    int documents;
    int stop; /* a problem after which the structure cannot be trusted */
} reader;

static void report_va(oct_yaml_doc *doc, int line, int col, const char *code, const char *fmt,
                      va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    oct_diag_report(doc->diag, OCT_ERROR, doc->file, line, col, code, "%s", msg);
    doc->errors++;
}

void oct_yaml_error(oct_yaml_doc *doc, const oct_yaml_node *n, const char *code, const char *fmt,
                    ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_va(doc, n ? n->line : 0, n ? n->col : 0, code, fmt, ap);
    va_end(ap);
}

void oct_yaml_error_key(oct_yaml_doc *doc, const oct_yaml_node *n, const char *code,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (n && n->key)
        report_va(doc, n->key_line, n->key_col, code, fmt, ap);
    else
        report_va(doc, n ? n->line : 0, n ? n->col : 0, code, fmt, ap);
    va_end(ap);
}

static void error_at(reader *r, yaml_mark_t mark, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void error_at(reader *r, yaml_mark_t mark, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_va(r->doc, (int)mark.line + 1, (int)mark.column + 1, code, fmt, ap);
    va_end(ap);
}

/* Reader errors (bad encoding) carry a byte offset instead of a mark. */
static yaml_mark_t mark_from_offset(const reader *r, size_t offset)
{
    yaml_mark_t m = {offset, 0, 0};
    for (size_t i = 0; i < offset && i < r->len; i++) {
        if (r->data[i] == '\n') {
            m.line++;
            m.column = 0;
        } else {
            m.column++;
        }
    }
    return m;
}

/* The byte at a mark: marks count characters, the data is UTF-8. */
static int byte_at_mark(const reader *r, yaml_mark_t mark)
{
    size_t i = 0, line = 0, col = 0;
    while (i < r->len && line < mark.line)
        if (r->data[i++] == '\n') line++;
    while (i < r->len && col < mark.column) {
        i++;
        while (i < r->len && ((unsigned char)r->data[i] & 0xC0) == 0x80)
            i++;
        col++;
    }
    return i < r->len ? (unsigned char)r->data[i] : -1;
}

static void report_parser_error(reader *r)
{
    yaml_parser_t *p = &r->parser;
    const char *problem = p->problem ? p->problem : "syntax error";
    const char *hint = byte_at_mark(r, p->problem_mark) == '\t'
                           ? "; YAML does not allow tabs for indentation, use spaces"
                           : "";
    if (p->error == YAML_READER_ERROR) {
        error_at(r, mark_from_offset(r, p->problem_offset), "yaml-encoding",
                 "%s (byte 0x%02X); configuration files must be UTF-8", problem,
                 (unsigned)p->problem_value & 0xFF);
    } else if (p->error == YAML_MEMORY_ERROR) {
        fputs("octavo: out of memory\n", stderr);
        exit(3);
    } else if (p->context) {
        error_at(r, p->problem_mark, "yaml-syntax", "%s (%s at line %zu)%s", problem, p->context,
                 p->context_mark.line + 1, hint);
    } else {
        error_at(r, p->problem_mark, "yaml-syntax", "%s%s", problem, hint);
    }
}

static oct_yaml_node *new_node(reader *r, oct_yaml_kind kind, yaml_mark_t mark)
{
    oct_yaml_node *n = oct_arena_alloc(r->doc->arena, sizeof *n);
    n->kind = kind;
    n->line = (int)mark.line + 1;
    n->col = (int)mark.column + 1;
    return n;
}

/* Anchors and tags give one value two meanings or two names; a config
 * file is easier to review without them. */
static void refuse_decorations(reader *r, yaml_mark_t mark, const yaml_char_t *anchor,
                               const yaml_char_t *tag)
{
    if (anchor)
        error_at(r, mark, "yaml-anchor", "anchors are not supported ('&%s'); write the value out",
                 (const char *)anchor);
    static const char core[] = "tag:yaml.org,2002:";
    if (!tag) return;
    const char *t = (const char *)tag;
    if (!strncmp(t, core, sizeof core - 1))
        error_at(r, mark, "yaml-tag", "tags are not supported ('!!%s')", t + sizeof core - 1);
    else
        error_at(r, mark, "yaml-tag", "tags are not supported ('%s')", t);
}

static void check_duplicate(reader *r, const oct_yaml_node *map, const oct_yaml_node *key)
{
    for (const oct_yaml_node *c = map->first; c; c = c->next) {
        if (strcmp(c->key, key->text) == 0) {
            oct_yaml_error(r->doc, key, "duplicate-key", "duplicate key '%s' (first at line %d)",
                           key->text, c->key_line);
            return;
        }
    }
}

/* Hangs a finished (scalar) or just-opened (collection) node into the
 * tree. In a mapping, nodes alternate key, value. */
static void attach(reader *r, oct_yaml_node *n)
{
    if (r->depth == 0) {
        r->doc->root = n;
        return;
    }
    frame *f = &r->stack[r->depth - 1];
    oct_yaml_node *parent = f->node;
    if (parent->kind == OCT_YAML_MAPPING && !f->key) {
        if (n->kind != OCT_YAML_SCALAR) {
            oct_yaml_error(r->doc, n, "yaml-complex-key",
                           "mapping keys must be plain strings, not a %s",
                           n->kind == OCT_YAML_MAPPING ? "mapping" : "list");
            r->stop = 1;
            return;
        }
        check_duplicate(r, parent, n);
        f->key = n;
        return;
    }
    n->parent = parent;
    if (parent->kind == OCT_YAML_MAPPING) {
        n->key = f->key->text;
        n->key_line = f->key->line;
        n->key_col = f->key->col;
        f->key = NULL;
    } else {
        n->index = parent->count;
    }
    if (parent->last)
        parent->last->next = n;
    else
        parent->first = n;
    parent->last = n;
    parent->count++;
}

static int count_node(reader *r, yaml_mark_t mark)
{
    if (++r->nodes <= OCT_YAML_MAX_NODES) return 0;
    error_at(r, mark, "yaml-too-large", "too many values (more than %d) for a configuration file",
             OCT_YAML_MAX_NODES);
    r->stop = 1;
    return -1;
}

static void on_scalar(reader *r, const yaml_event_t *ev)
{
    if (count_node(r, ev->start_mark)) return;
    refuse_decorations(r, ev->start_mark, ev->data.scalar.anchor, ev->data.scalar.tag);
    oct_yaml_node *n = new_node(r, OCT_YAML_SCALAR, ev->start_mark);
    const char *v = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    if (memchr(v, '\0', len)) {
        error_at(r, ev->start_mark, "invalid-value", "value contains a NUL character");
        len = strlen(v);
    }
    n->text = oct_arena_strndup(r->doc->arena, v, len);
    n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    attach(r, n);
}

static void on_alias(reader *r, const yaml_event_t *ev)
{
    if (count_node(r, ev->start_mark)) return;
    const char *name = (const char *)ev->data.alias.anchor;
    error_at(r, ev->start_mark, "yaml-alias",
             "aliases are not supported ('*%s'); write the value out", name);
    /* A stand-in keeps the key/value alternation of the parent intact. */
    oct_yaml_node *n = new_node(r, OCT_YAML_SCALAR, ev->start_mark);
    n->text = oct_arena_printf(r->doc->arena, "*%s", name);
    attach(r, n);
}

static void on_collection_start(reader *r, const yaml_event_t *ev, oct_yaml_kind kind)
{
    if (count_node(r, ev->start_mark)) return;
    if (kind == OCT_YAML_MAPPING)
        refuse_decorations(r, ev->start_mark, ev->data.mapping_start.anchor,
                           ev->data.mapping_start.tag);
    else
        refuse_decorations(r, ev->start_mark, ev->data.sequence_start.anchor,
                           ev->data.sequence_start.tag);
    if (r->depth == OCT_YAML_MAX_DEPTH) {
        error_at(r, ev->start_mark, "yaml-depth", "nesting deeper than %d levels",
                 OCT_YAML_MAX_DEPTH);
        r->stop = 1;
        return;
    }
    oct_yaml_node *n = new_node(r, kind, ev->start_mark);
    attach(r, n);
    if (r->stop) return;
    r->stack[r->depth].node = n;
    r->stack[r->depth].key = NULL;
    r->depth++;
}

/* Handles one event; returns 1 when reading is over. */
static int on_event(reader *r, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_STREAM_END_EVENT:
        return 1;
    case YAML_DOCUMENT_START_EVENT:
        if (++r->documents > 1) {
            error_at(r, ev->start_mark, "yaml-multiple-documents",
                     "only one document is allowed; remove the second '---' section");
            return 1;
        }
        break;
    case YAML_SCALAR_EVENT:
        on_scalar(r, ev);
        break;
    case YAML_ALIAS_EVENT:
        on_alias(r, ev);
        break;
    case YAML_SEQUENCE_START_EVENT:
        on_collection_start(r, ev, OCT_YAML_SEQUENCE);
        break;
    case YAML_MAPPING_START_EVENT:
        on_collection_start(r, ev, OCT_YAML_MAPPING);
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (r->depth > 0) r->depth--;
        break;
    default:
        break;
    }
    return r->stop;
}

static void read_events(reader *r)
{
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&r->parser, &ev)) {
            report_parser_error(r);
            return;
        }
        int done = on_event(r, &ev);
        yaml_event_delete(&ev);
        if (done) return;
    }
}

oct_yaml_doc *oct_yaml_load_string(const char *name, const char *data, size_t len, oct_diag *diag)
{
    oct_yaml_doc *doc = oct_xcalloc(1, sizeof *doc);
    doc->arena = oct_arena_new();
    doc->file = oct_xstrdup(name);
    doc->diag = diag;

    reader r = {.doc = doc, .data = data, .len = len};
    if (!yaml_parser_initialize(&r.parser)) {
        fputs("octavo: out of memory\n", stderr);
        exit(3);
    }
    yaml_parser_set_input_string(&r.parser, (const unsigned char *)data, len);
    read_events(&r);
    yaml_parser_delete(&r.parser);
    if (doc->errors) {
        oct_yaml_free(doc);
        return NULL;
    }
    return doc;
}

oct_yaml_doc *oct_yaml_load(const char *path, oct_diag *diag)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, "cannot-read",
                        "is a directory, not a YAML file");
        return NULL;
    }
    size_t len = 0;
    char *data = oct_read_file(path, OCT_YAML_MAX_BYTES, &len);
    if (!data) {
        if (errno == EFBIG)
            oct_diag_report(diag, OCT_ERROR, path, 0, 0, "cannot-read",
                            "file is larger than %d bytes; not a configuration file",
                            OCT_YAML_MAX_BYTES);
        else
            oct_diag_report(diag, OCT_ERROR, path, 0, 0, "cannot-read", "cannot read: %s",
                            strerror(errno));
        return NULL;
    }
    oct_yaml_doc *doc = oct_yaml_load_string(path, data, len, diag);
    free(data);
    return doc;
}

void oct_yaml_free(oct_yaml_doc *doc)
{
    if (!doc) return;
    oct_arena_free(doc->arena);
    free(doc->file);
    free(doc);
}
