/* Footnotes after arranging: an answer keeps citing its note, though the
 * answer now sits in a topic chapter beside answers from other sources
 * whose notes have the same numbers. Every chapter's notes are numbered
 * anew in order of first reference, each definition moved to the end of
 * the chapter that cites it (copied when a second chapter cites it too). */
#include "study/arrange_int.h"
#include "util/xalloc.h"

#include <stdlib.h>

typedef struct {
    oct_node *def;   /* the source's definition */
    oct_node *owner; /* chapter it moved to, or NULL */
    int index;       /* its number there */
    oct_node *seen_in;
    int seen_index; /* its copy's number in seen_in */
} note;

static note *find(note **by, const int *nby, size_t nfiles, const oct_node *ref)
{
    unsigned f = ref->span.file;
    int k = ref->u.footnote.index;
    if (f >= nfiles || k <= 0 || k >= nby[f] || !by[f][k].def) return NULL;
    return &by[f][k];
}

static void renumber_chapter(oct_tree *t, oct_node *ch, note **by, const int *nby)
{
    int next = 0;
    oct_node *tail = oct_node_new(t, OCT_DOCUMENT, ch->span); /* definitions to append */
    size_t n = 0;
    oct_node **refs = oct_node_collect(ch, OCT_FOOTNOTE_REF, &n);
    for (size_t i = 0; i < n; i++) {
        note *d = find(by, nby, t->nfiles, refs[i]);
        if (!d) continue;
        if (d->owner == ch) {
            refs[i]->u.footnote.index = d->index;
        } else if (!d->owner) {
            d->owner = ch;
            d->index = ++next;
            d->def->u.footnote.index = d->index;
            oct_node_append(tail, d->def);
            refs[i]->u.footnote.index = d->index;
        } else if (d->seen_in == ch) {
            refs[i]->u.footnote.index = d->seen_index;
        } else {
            oct_node *copy = oct_node_clone(t, d->def);
            d->seen_in = ch;
            d->seen_index = ++next;
            copy->u.footnote.index = d->seen_index;
            oct_node_append(tail, copy);
            refs[i]->u.footnote.index = d->seen_index;
        }
    }
    free(refs);
    while (tail->first)
        oct_node_append(ch, tail->first);
}

void ar_renumber_notes(oct_tree *t, oct_node ***by_file, const int *nby, oct_node *rest)
{
    note **by = oct_xcalloc(t->nfiles + 1, sizeof *by);
    for (size_t f = 0; f < t->nfiles; f++) {
        by[f] = oct_xcalloc((size_t)nby[f] + 1, sizeof *by[f]);
        for (int k = 0; k < nby[f]; k++)
            by[f][k].def = by_file[f] ? by_file[f][k] : NULL;
    }
    int ndefs = 0;
    for (size_t f = 0; f < t->nfiles; f++)
        ndefs += nby[f];
    /* without a definition no reference changes: the chapters are not walked */
    for (oct_node *ch = t->root->first; ndefs && ch; ch = ch->next)
        if (ch->kind == OCT_CHAPTER) renumber_chapter(t, ch, by, nby);
    /* definitions nothing cites any more keep a place at the very end */
    int last = 0;
    for (const oct_node *d = rest->first; d; d = d->next)
        if (d->kind == OCT_FOOTNOTE_DEF && d->u.footnote.index > last) last = d->u.footnote.index;
    for (size_t f = 0; f < t->nfiles; f++)
        for (int k = 0; k < nby[f]; k++)
            if (by[f][k].def && !by[f][k].owner) {
                by[f][k].def->u.footnote.index = ++last;
                oct_node_append(rest, by[f][k].def);
            }
    for (size_t f = 0; f < t->nfiles; f++)
        free(by[f]);
    free(by);
}
