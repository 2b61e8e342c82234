/* What kind of source a text of no name is (`octavo normalize -` reads
 * standard input): a file name of that kind ("note.org"), which the
 * readers' path tests (oct_markup_path...) take. */
#ifndef OCT_FORMATS_SNIFF_H
#define OCT_FORMATS_SNIFF_H
#include <stddef.h>

/* bytes[0..len): "note.ipynb" for a JSON object holding "cells" or
 * "nbformat"; "note.org" for Org keywords ("#+TITLE:", "#+BEGIN_SRC") or an
 * outline of "* "/"** " headings; for rst a title under- or over-and-
 * underlined with punctuation or a ".. name::" directive, in a text with
 * no Markdown "#" heading or fence ("note.rst"); "note.md" for two kinds of
 * Markdown sign (headings, a closed fence, links, code spans, strong, a
 * table, a list) or two headings; else "note.txt" (a plain note). Only
 * the first 64 KiB are looked at. */
const char *oct_sniff_kind(const char *bytes, size_t len);
/* The file name of a --from name (org, rst, md, markdown, txt, text,
 * ipynb), or NULL when there is none of that name. */
const char *oct_sniff_named(const char *name);

#endif
