/* Deciding which sequences of a mojibake candidate to replace. Internal
 * to ingest/decode/repair.c. */
#ifndef OCT_REPAIR_PLAN_H
#define OCT_REPAIR_PLAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ingest/decode/codepages.h"
#include "ingest/decode/repair_segment.h"

#define OCT_REPAIR_CONTEXT 2   /* neighbours on each side that the rules see */
#define OCT_REPAIR_MAX_DEPTH 3 /* layers of mojibake undone */

/* Per-byte flags of repaired text; also "which code pages were involved". */
enum { OCT_RF_REPAIRED = 1, OCT_RF_CP1252 = 2, OCT_RF_LATIN1 = 4, OCT_RF_MACROMAN = 8 };

typedef struct {
    uint32_t *v;
    size_t n, cap;
} oct_u32vec;

void oct_u32vec_push(oct_u32vec *a, uint32_t c);

/* One replacement: input bytes [start, end) become cps[first..first+count). */
typedef struct {
    size_t start, end;
    size_t first, count;
    unsigned bits; /* OCT_RF_* code pages behind it */
} oct_repair_edit;

typedef struct {
    oct_repair_edit *edit;
    size_t nedit, edit_cap;
    oct_u32vec cps;
    int gain;   /* how much badness the edits remove; 0 for no edits */
    bool clean; /* one edit for the whole run, leaving no badness at all */
    /* scratch, reused between calls */
    oct_u32vec before, after, vals, deep;
} oct_repair_plan;

/* The code points around a candidate: what precedes it in the repaired
 * output, what follows it in the input. */
typedef struct {
    uint32_t lc[OCT_REPAIR_CONTEXT], rc[OCT_REPAIR_CONTEXT];
    size_t nl, nr;
} oct_repair_context;

/* Fills plan with the edits worth making in seg (read with code page cp):
 * the whole run if that is more plausible (with inner layers repaired
 * too, below OCT_REPAIR_MAX_DEPTH), else whichever single sequences are. */
void oct_repair_plan_segment(oct_repair_plan *plan, const oct_repair_segment *seg, oct_codepage cp,
                             const oct_repair_context *cx, int depth);

void oct_repair_plan_free(oct_repair_plan *plan);

/* Repairs s[0..n) as one layer `depth` deep (defined in repair.c); ORs the
 * OCT_RF_* code page bits used into *used. Returns a malloc'd string. */
char *oct_repair_layer(const char *s, size_t n, int depth, size_t *out_len, unsigned *used);

#endif
