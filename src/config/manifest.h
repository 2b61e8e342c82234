/* Booklet manifests (content/NAME/booklet.yaml):
 *
 *   title: Django Interview Questions      # required
 *   subtitle: …                            # optional
 *   author: …                              # optional
 *   language: en                           # BCP 47 tag
 *   identifier: urn:uuid:…                 # stable; derived from the title if absent
 *   date: 2025-01-15                       # optional, YYYY-MM-DD
 *   description: …  keywords: [a, b]       # optional
 *   layout: a4                             # optional default layout
 *   sources:                               # required, in reading order
 *     - file: 000-general.txt              # relative to the manifest
 *       title: General questions           # optional chapter title
 *     - 001-categorized.txt                # short form
 *   topics:                                # optional taxonomy for the question bank
 *     - name: Models & ORM                 # required, unique
 *       keywords: [model, orm, QuerySet]   # optional; several words match as a phrase
 *       order: 3                           # optional integer; default: list position
 *     - Templates                          # short form: a name only
 *   mode: quiz                             # study (default) | quiz: answers in a key
 *   group_by: topic                        # topic | source; default topic when
 *                                          # there are topics, else source
 *
 * Unknown keys, wrong types and missing source files are errors naming
 * file:line and the key. */
#ifndef OCT_MANIFEST_H
#define OCT_MANIFEST_H
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef struct {
    char *path;  /* resolved path of the source file */
    char *title; /* NULL when the manifest gives none */
} oct_source;

typedef struct {
    char *name;
    char **keywords;
    size_t nkeywords;
    int order; /* as given, or the 1-based list position */
} oct_manifest_topic;

typedef struct {
    char *path; /* the manifest file, or the directory for implicit booklets */
    char *dir;  /* directory holding the sources */
    char *slug; /* output base name: the directory name, e.g. "django" */
    char *title, *subtitle, *author, *language, *identifier, *date, *description, *layout;
    bool title_from_name; /* title made from a file's or directory's name, not given */
    char **keywords;
    size_t nkeywords;
    oct_source *sources;
    size_t nsources;
    oct_manifest_topic *topics; /* in list order */
    size_t ntopics;
    char *group_by; /* "topic", "source", or NULL when not given */
    char *mode;     /* "study", "quiz", "flashcards", or NULL when not given */
} oct_manifest;

/* Loads path (a booklet.yaml). Returns 0, or -1 after reporting to diag. */
int oct_manifest_load(const char *path, oct_manifest *out, oct_diag *diag);
void oct_manifest_release(oct_manifest *m);

#endif
