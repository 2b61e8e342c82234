/* Syntax highlighting of code blocks: a thin C face on GNU source-highlight
 * (highlight.cpp). The backends colour what it returns; they never see
 * source-highlight itself.
 *
 *   oct_hl_span *v;
 *   size_t n = oct_hl_spans("python", text, len, &v);
 *   ... v[0..n): sorted, disjoint, plain text left out ...
 *   free(v);
 *
 * Safe from any thread: language definitions are loaded once per process
 * and results are cached by (language, text), both under one mutex, so the
 * PDF and the EPUB (two threads, src/cli/backends.c) share one computation
 * per block. Never throws, never aborts: an unknown language, a missing
 * definition or any failure gives no spans (the code prints plain). */
#ifndef OCT_HIGHLIGHT_H
#define OCT_HIGHLIGHT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    OCT_HL_PLAIN,
    OCT_HL_KEYWORD,
    OCT_HL_STRING,
    OCT_HL_COMMENT,
    OCT_HL_NUMBER,
    OCT_HL_TYPE, /* types and class names */
    OCT_HL_FUNCTION,
    OCT_HL_PREPROC,  /* preprocessor, decorators, template tags */
    OCT_HL_OPERATOR, /* operators and symbols */
    OCT_HL_TAG,      /* HTML/XML tags and attributes, JSON/YAML keys */
    OCT_HL_VARIABLE,
    OCT_HL_COUNT
} oct_hl_class;

typedef struct {
    size_t off, len; /* bytes of the text given */
    oct_hl_class cls;
} oct_hl_span;

/* The spans of text[0..len) in language `lang` (a fence info word such as
 * "python", "py", "sh", "console", "yml", "django"; case-insensitive).
 * Returns their count and a malloc'd array in *out (NULL when 0). */
size_t oct_hl_spans(const char *lang, const char *text, size_t len, oct_hl_span **out);
/* Whether `lang` names a language with a definition. */
bool oct_hl_known(const char *lang);
/* Where octavo's own definitions are: DIR/highlight/NAME.lang (the data
 * directory the command found; default: $OCTAVO_DATA_DIR, else the source
 * tree the program was configured from). */
void oct_hl_set_data_dir(const char *dir);
/* The class's CSS-safe name: "keyword", "string"... ("plain" for PLAIN). */
const char *oct_hl_class_name(oct_hl_class c);

#ifdef __cplusplus
}
#endif

#endif
