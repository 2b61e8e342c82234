/* Shared by layout.c (the document and its fields) and layout_fonts.c (the
 * `fonts:` section and the fallback chain). Internal to src/config. */
#ifndef OCT_LAYOUT_INTERNAL_H
#define OCT_LAYOUT_INTERNAL_H
#include "config/layout.h"
#include "config/yaml.h"

enum { LAYOUT_FAMILIES = 3, LAYOUT_VARIANTS = 4 }; /* body, heading, mono */

/* A font file name and the node that named it (NULL: built-in default). */
typedef struct {
    const char *name;
    const oct_yaml_node *at;
} font_ref;

typedef struct {
    oct_yaml_doc *doc;
    oct_layout *l;
    const char *fonts_dir;
    font_ref fonts[LAYOUT_FAMILIES][LAYOUT_VARIANTS];
    font_ref chain[OCT_MAX_FALLBACK][LAYOUT_VARIANTS]; /* the fallback chain, in order */
    int nchain;
    const oct_yaml_node *margins_at, *size_at, *cards_at, *impose_at;
} loader;

/* Index of key in the NULL-terminated keys, or -1. */
int oct_layout_key_index(const char *const keys[], const char *key);
/* name if absolute, else dir/name (caller frees). */
char *oct_layout_join_path(const char *dir, const char *name);

/* A paper name's size (A4, A5, Letter, Legal; any case), portrait; -1 if unknown. */
int oct_layout_paper(const char *name, double *w, double *h);

/* YAML 1.2 core booleans only: a typo is an error, not a silent false. */
void oct_layout_read_bool(loader *ld, const oct_yaml_node *n, bool *out);
/* A whole number from lo to hi into *out; false (reported) otherwise. */
bool oct_layout_read_whole(loader *ld, const oct_yaml_node *n, int *out, int lo, int hi);

/* layout_breaks.c: the `breaks:` key. */
void oct_layout_read_breaks(loader *ld, const oct_yaml_node *n);

/* layout_impose.c: the `impose:` key, and whether its sheet holds the pages. */
void oct_layout_read_impose(loader *ld, const oct_yaml_node *n);
void oct_layout_check_impose(loader *ld);

/* layout_fonts.c */
void oct_layout_default_fonts(loader *ld);
void oct_layout_read_fonts(loader *ld, const oct_yaml_node *fonts);
void oct_layout_read_emoji(loader *ld, const oct_yaml_node *n);
/* Checks the built-in fonts still in use and fills ld->l's font paths. */
void oct_layout_resolve_fonts(loader *ld);
void oct_layout_release_fonts(oct_layout *l);

#endif
