/* Anki decks from a studied tree: one note per question cluster (the
 * clearest wording on the front, every distinct answer on the back),
 * written as a tab-separated text file Anki 2.1.55+ imports as it is
 * (tsv.c) or as Anki's own package, an .apkg (apkg.c). A backend: it sees
 * a const tree, never source text. */
#ifndef OCT_ANKI_H
#define OCT_ANKI_H
#include "util/strmap.h"
#include <stddef.h>

#include "diag.h"
#include "tree/tree.h"

typedef struct {
    char guid[17]; /* 16 hex digits: identifier + canonical prompt */
    char *deck;    /* "Title" or "Title::Topic" */
    char *front;   /* HTML */
    char *back;    /* HTML */
    char *sort;    /* the front as plain text (Anki's sort field) */
    char *tags;    /* tag-safe names separated by single spaces, "" if none */
} oct_anki_note;

typedef struct {
    oct_anki_note *notes;
    size_t n, cap;
    const char *title; /* the booklet's, or "octavo" */
    long long epoch;   /* seconds: SOURCE_DATE_EPOCH or the booklet date, never the clock */
    oct_strmap guids;  /* the GUIDs given so far (one look-up a note) */
} oct_anki_deck;

/* One note per cluster of t's question bank, in document order. */
void oct_anki_deck_build(oct_anki_deck *d, const oct_tree *t);
void oct_anki_deck_free(oct_anki_deck *d);

/* Write atomically to path; 0, or -1 after reporting to diag. */
int oct_anki_write_tsv(const oct_anki_deck *d, const char *path, oct_diag *diag);
int oct_anki_write_apkg(const oct_anki_deck *d, const char *path, oct_diag *diag);

#endif
