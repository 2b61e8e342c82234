/* Ingest: bytes of one source file → a CHAPTER in the tree. The only
 * module that knows about source syntax (and the only one that includes
 * cmark-gfm). It never knows which backends exist. */
#ifndef OCT_INGEST_H
#define OCT_INGEST_H
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "ingest/normalize/normalize.h"
#include "oct_limits.h"
#include "tree/tree.h"

struct oct_timings;
struct oct_notebook_s;

/* Limits enforced at ingest with a diagnostic, never by crashing: see
 * limits.h (the old names stay for their callers). */
#define OCT_MAX_SOURCE_BYTES OCT_LIMIT_SOURCE_BYTES
#define OCT_MAX_NESTING OCT_LIMIT_NESTING

typedef struct {
    bool keep_filler; /* --keep-filler: do not drop chat filler lines */
    bool normalize;   /* run the plain-text normalizer (default true) */
    /* The booklet's directory: images are read only beneath it (a source
     * outside it keeps to its own directory). NULL: images are not loaded
     * and print as their alt text. */
    const char *root;
    /* Decoding and parsing add their times here (util/timing.h); NULL: off. */
    struct oct_timings *timings;
} oct_ingest_options;

/* The most bytes a source of this name may have: a notebook's JSON holds
 * its pictures and outputs besides the text (OCT_LIMIT_NOTEBOOK_BYTES). */
size_t oct_ingest_max_bytes(const char *path);

/* Whether a source of this name is plain text (.txt) rather than
 * Markdown: no front matter, its backslashes and named tags literal. */
bool oct_ingest_is_plain_text(const char *path);

/* Raw bytes of a source named `path` (used in messages) → the text the
 * normalizer reads: legacy charset converted (charset.h), valid UTF-8 with
 * XML-forbidden characters dropped (decode.h), mojibake repaired
 * (repair.h), leftover C1 controls dropped. Returns a malloc'd
 * NUL-terminated string (caller frees) and its length; NULL with
 * *out_len = 0 after a [limit-source-size] or [limit-line-length] error. */
char *oct_ingest_decode(const char *path, const char *bytes, size_t len, size_t *out_len,
                        oct_diag *diag);

/* Parses one source (already read into memory) and appends a CHAPTER to
 * t->root. `title` overrides the chapter title (NULL: the title of its front
 * matter, else its first heading, else the file name). Returns the chapter, or NULL after reporting
 * an error. The same as oct_ingest_prepare, then oct_ingest_parse. */
oct_node *oct_ingest_source(oct_tree *t, const char *path, const char *bytes, size_t len,
                            const char *title, const oct_ingest_options *opts, oct_diag *diag);

/* A source's text made ready to parse: decoded, and normalized when asked
 * (or a .docx/.odt package read: see `doc`). */
typedef struct {
    char *text; /* oct_ingest_decode's */
    size_t len;
    oct_normalized norm; /* the normalizer's, when normalized */
    bool normalized;
    char *front_title; /* the title of its front matter (frontmatter.h), or NULL */
    bool front_deck;   /* its front matter tags it a flashcard deck (srcards.h) */
    char *front_lang;  /* its front matter's `lang` or `language`, or NULL */
    /* A notebook (.ipynb, formats/notebook.h): text is its cells as
     * Markdown; this keeps the .ipynb line of each line and its pictures.
     * NULL for other sources. */
    struct oct_notebook_s *notebook;
    /* A Word or OpenDocument text (formats/formats.h), unpacked and
     * parsed: then `text` is NULL and the tree is built from it. */
    struct oct_doc *doc;
} oct_ingest_text;

/* The half of oct_ingest_source that needs no tree (decoding, normalizing),
 * so it may run on another thread than the tree's, sources ahead. Returns
 * 0 (out filled; release it) or -1 after reporting an error. */
int oct_ingest_prepare(const char *path, const char *bytes, size_t len,
                       const oct_ingest_options *opts, oct_ingest_text *out, oct_diag *diag);
/* The other half: parses a prepared text into a CHAPTER of t. */
oct_node *oct_ingest_parse(oct_tree *t, const char *path, const oct_ingest_text *in,
                           const char *title, const oct_ingest_options *opts, oct_diag *diag);
void oct_ingest_text_release(oct_ingest_text *in);

#endif
