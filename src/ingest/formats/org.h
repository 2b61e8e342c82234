/* Emacs Org-mode notes (.org) read as the Markdown the rest of ingest
 * parses, each Markdown line mapped to its Org line (org.c):
 *   - headings (*..******, deeper ones at level 6) without their TODO
 *     keyword, priority, statistics cookie and tags (one [tags] note);
 *   - #+TITLE names the chapter, #+LANGUAGE is its language, #+AUTHOR,
 *     #+OPTIONS and the other keywords, drawers and planning lines are
 *     metadata (one [org-metadata] note), "# " comments one [org-comment];
 *   - src, example, quote, verse, center and comment blocks, ": " lines,
 *     lists (checkboxes, "term :: meaning"), tables, footnotes;
 *   - org-drill cards (a heading tagged :drill:) and anki-editor notes (an
 *     ANKI_NOTE_TYPE property) as questions and answers, drill clozes as
 *     Anki's (the note is then a deck, srcards.h).
 * Anything else keeps its text; what cannot be represented gets an
 * [org-unknown] warning. */
#ifndef OCT_FORMATS_ORG_H
#define OCT_FORMATS_ORG_H
#include "diag.h"
#include "ingest/normalize/normalize.h"

#include <stdbool.h>
#include <stddef.h>

/* Whether path names an Org file (".org"). */
bool oct_org_path(const char *path);
/* text[0..len): UTF-8 with LF line ends. Fills out (release with
 * oct_normalized_release; out->title the #+TITLE, out->deck_tag when it
 * holds drill clozes) and *lang (#+LANGUAGE, malloc'd, or NULL). */
void oct_org_read(const char *path, const char *text, size_t len, oct_normalized *out, char **lang,
                  oct_diag *diag);

#endif
