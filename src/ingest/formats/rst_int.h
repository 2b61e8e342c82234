/* State shared by the reStructuredText reader's files (rst.c: the
 * driver, paragraphs, sections, lists; rst_directive.c: explicit markup;
 * rst_table.c: tables; rst_inline.c: inline markup). Internal.
 *
 * The reader walks the lines once. A construct's body (an item's, a
 * directive's) is read by the same walk over its lines with a base
 * column: the first line of an item or of "note:: text" is cut in place
 * (s advanced past the marker, col[] its text's column), so the walk
 * reads it as the body's first line. */
#ifndef OCT_FORMATS_RST_INT_H
#define OCT_FORMATS_RST_INT_H
#include "ingest/formats/include_near.h"
#include "ingest/formats/mdwrite.h"

enum { RST_MAX_STYLES = 16, RST_MAX_DEPTH = 48, RST_MAX_COLS = 64 };

typedef struct rst_ctx rst_ctx;

/* The files being read, innermost first (include:: nests a read; its
 * limits are include_near.h's). */
typedef oct_incl rst_file;

typedef struct {
    char *name; /* normalized: lower case, blanks collapsed */
    char *uri;  /* NULL: an internal target */
} rst_target;

typedef struct {
    char *name;
    char *text; /* replace:: text, or NULL */
    char *image;
} rst_subst;

struct rst_ctx {
    md_writer w;
    rst_file file;
    nl_raw_line *v;
    int *col; /* each line's indentation column */
    size_t n;
    rst_target *targets;
    size_t ntargets, captargets;
    char **anon; /* anonymous targets' URIs ("__ uri", ".. __: uri"), in order */
    size_t nanon, capanon, anon_used;
    rst_subst *substs;
    size_t nsubsts, capsubsts;
    int auto_refs, auto_defs;       /* [#]_ numbered so far */
    char styles[RST_MAX_STYLES][2]; /* section adornments: char, overlined */
    int nstyles;
    char *highlight;   /* the language of literal blocks (highlight::), or NULL */
    bool body_seen;    /* something but a title came: a field list is no docinfo */
    oct_buf pending;   /* list markers waiting for the line that carries them */
    size_t pending_at; /* where in the prefix they go */
    const char *label; /* "**term**: " before the next paragraph, or NULL */
    oct_buf label_buf;
    int depth;
    int subst_depth; /* substitutions being expanded inside each other (rst_inline.c) */
    /* inline closers searched for in vain (rst_inline.c): in memo_s,
     * none of end string k after none_from[k] */
    const char *memo_s;
    size_t memo_n, none_from[5];
    md_lines meta, comments;
    char *lang;
};

/* Writes one Markdown line s[0..n) from source line src under prefix,
 * the pending list markers in place of their columns of it. */
void rst_out(rst_ctx *c, const char *prefix, const char *s, size_t n, int src);
void rst_blank(rst_ctx *c, const char *prefix, int src);
/* Writes a term's label still waiting for its paragraph as a line. */
void rst_flush_label(rst_ctx *c, const char *prefix, int src);
/* Lines [a, e) with text at column base or deeper, as blocks. */
void rst_blocks(rst_ctx *c, size_t a, size_t e, int base, const char *prefix);
/* The end of the block indented past column base that starts at line a
 * (blank lines inside it kept, trailing ones not). */
size_t rst_body_end(const rst_ctx *c, size_t a, int base);
/* Explicit markup ".. " at line i: written; returns the line after it. */
size_t rst_explicit(rst_ctx *c, size_t i, size_t e, int base, const char *prefix);
/* Collects targets and substitution definitions before the walk. */
void rst_collect(rst_ctx *c);
/* A table opening at line i (grid "+--", simple "=== ==="): written;
 * returns the line after it, or i when there is none. */
size_t rst_table(rst_ctx *c, size_t i, size_t e, const char *prefix);
/* Inline markup of s[0..n) (may hold newlines) into b as Markdown. */
void rst_inline(rst_ctx *c, oct_buf *b, const char *s, size_t n);
/* The target named s[0..n) (any case, blanks collapsed), or NULL. */
const rst_target *rst_find_target(const rst_ctx *c, const char *s, size_t n);
/* One row of a table being written: its cells' rst text and its line. */
typedef struct {
    oct_buf cell[RST_MAX_COLS];
    int src;
} rst_row;
/* Writes rows[0..n) as a GFM table: the first nhead of them the header
 * (joined into one), or an empty header when nhead is 0 (rst_table.c). */
void rst_table_emit(rst_ctx *c, const char *prefix, rst_row *rows, size_t n, size_t nhead,
                    size_t ncols);
void rst_row_free(rst_row *r, size_t ncols);
/* A table directive's title arg[0..na) as its caption, in italics on a
 * line of its own before the table (csv-table, list-table). */
void rst_table_caption(rst_ctx *c, const char *prefix, const char *arg, size_t na, int src);
/* A grid table opening at line i (rst_grid.c): written; returns the line
 * after it, or i when there is none. */
size_t rst_grid_table(rst_ctx *c, size_t i, size_t e, const char *prefix);
/* Reads path's text as reStructuredText into out, as oct_rst_read does,
 * as the file self (its includer NULL for the source itself). */
void rst_read_file(const char *path, const char *text, size_t len, oct_normalized *out, char **lang,
                   oct_diag *diag, const rst_file *self, rst_ctx *includer);
/* The text of the file `name` (a directive's argument or :file:) beside
 * the source being read, as oct_incl_read reads it (warnings
 * [rst-include]). */
char *rst_read_near(rst_ctx *c, const char *name, size_t nn, int src, const char *what, size_t *len,
                    char **real, char **shown);
/* Line l as a directive's option ":key: value": true, its key and value
 * (trimmed; the value may be empty). */
bool rst_option_line(const nl_raw_line *l, const char **k, size_t *kn, const char **v, size_t *vn);
/* include:: (rst_include.c), csv-table:: (rst_csv.c), raw:: and the
 * autodoc directives (rst_include.c) at line i, body to end. */
void rst_include(rst_ctx *c, size_t i, size_t end, const char *arg, size_t na, const char *prefix);
void rst_csv_table(rst_ctx *c, size_t i, size_t end, const char *arg, size_t na,
                   const char *prefix);
/* list-table:: at line i, body to end (rst_listtable.c). */
void rst_list_table(rst_ctx *c, size_t i, size_t end, const char *arg, size_t na,
                    const char *prefix);
void rst_raw(rst_ctx *c, size_t i, size_t end, const char *arg, size_t na, const char *prefix);
void rst_autodoc(rst_ctx *c, size_t i, size_t end, const char *name, size_t nn);
/* Fenced code of lines [a, e) dedented to their least indentation. */
void rst_fence(rst_ctx *c, const char *prefix, size_t a, size_t e, const char *lang, int src);

#endif
