/* Per-phase wall-clock times of one command (`octavo build --timings`).
 *
 * One oct_timings is passed down to whatever the phases run; a NULL
 * pointer means "not timing" and every call below does nothing then, so
 * callers need no `if`. Timers are read at phase boundaries only (per
 * command, per source file, per backend), never in inner loops. To time a
 * new phase, add it to oct_phase before OCT_PHASE_COUNT and name it in
 * timing.c. */
#ifndef OCT_TIMING_H
#define OCT_TIMING_H
#include <stdio.h>

typedef enum {
    OCT_PHASE_LOAD,   /* manifest, layout, reading the source files */
    OCT_PHASE_DECODE, /* charset, UTF-8 check, mojibake repair, normalizer */
    OCT_PHASE_PARSE,  /* cmark-gfm / HTML → document tree, ingest fix-ups */
    OCT_PHASE_STUDY,  /* src/study: questions, answers, topics, clusters */
    OCT_PHASE_PDF,    /* PDF layout and writing */
    OCT_PHASE_EPUB,   /* EPUB writing */
    /* parts of OCT_PHASE_PDF (printed under it, not added to the total) */
    OCT_PHASE_PDF_LAYOUT, /* placing, line and page breaking, hyphens */
    OCT_PHASE_PDF_SHAPE,  /* shaping text, subsetting and embedding fonts */
    OCT_PHASE_PDF_WRITE,  /* painting pages, compressing, saving the file */
    OCT_PHASE_COUNT
} oct_phase;

typedef struct oct_timings {
    double start;                /* oct_timings_begin's clock */
    double sec[OCT_PHASE_COUNT]; /* seconds spent per phase */
    double overlap;              /* seconds counted in two phases run side by side */
} oct_timings;

/* Seconds on the monotonic clock (for intervals only). */
double oct_clock_now(void);

/* Zeroes tm and starts the total clock. */
void oct_timings_begin(oct_timings *tm);

/* The monotonic clock in seconds (CLOCK_MONOTONIC), or 0 when tm is NULL. */
double oct_timings_now(const oct_timings *tm);

/* Adds the time from `since` (an oct_timings_now value) to now to phase p
 * and returns now, so consecutive phases chain:
 *   t = oct_timings_lap(tm, OCT_PHASE_DECODE, t); */
double oct_timings_lap(oct_timings *tm, oct_phase p, double since);

/* Adds sec to phase p, of which `overlapped` seconds ran side by side with
 * other timed work (another thread's): "other" stays right. */
void oct_timings_add(oct_timings *tm, oct_phase p, double sec, double overlapped);

/* Prints the table: each phase in ms and its share of the total (the
 * time since oct_timings_begin), the PDF's parts under it ("pdf.layout"),
 * "other" for the rest, then the total;
 * after phases run side by side, a last line says by how much they
 * overlapped (their shares then add up to more than 100 %). */
void oct_timings_print(const oct_timings *tm, FILE *f);

#endif
