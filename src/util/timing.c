#include "util/timing.h"

#include <string.h>
#include <time.h>

/* Names as printed; tests/bench/run.sh reads these lines. */
static const char *const PHASE_NAMES[OCT_PHASE_COUNT] = {
    [OCT_PHASE_LOAD] = "load",
    [OCT_PHASE_DECODE] = "decode",
    [OCT_PHASE_PARSE] = "parse",
    [OCT_PHASE_STUDY] = "study",
    [OCT_PHASE_PDF] = "pdf",
    [OCT_PHASE_EPUB] = "epub",
    [OCT_PHASE_PDF_LAYOUT] = "pdf.layout",
    [OCT_PHASE_PDF_SHAPE] = "pdf.shape",
    [OCT_PHASE_PDF_WRITE] = "pdf.write",
};

/* A part of another phase: printed, not added. */
static int is_part(int p)
{
    return p == OCT_PHASE_PDF_LAYOUT || p == OCT_PHASE_PDF_SHAPE || p == OCT_PHASE_PDF_WRITE;
}

double oct_clock_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void oct_timings_begin(oct_timings *tm)
{
    if (!tm) return;
    memset(tm, 0, sizeof *tm);
    tm->start = oct_clock_now();
}

double oct_timings_now(const oct_timings *tm)
{
    return tm ? oct_clock_now() : 0;
}

double oct_timings_lap(oct_timings *tm, oct_phase p, double since)
{
    if (!tm || p >= OCT_PHASE_COUNT) return 0;
    double now = oct_clock_now();
    tm->sec[p] += now - since;
    return now;
}

void oct_timings_add(oct_timings *tm, oct_phase p, double sec, double overlapped)
{
    if (!tm || p >= OCT_PHASE_COUNT) return;
    tm->sec[p] += sec;
    if (overlapped > 0) tm->overlap += overlapped;
}

static void row(FILE *f, const char *name, double sec, double total)
{
    fprintf(f, "octavo: timing %-10s %7.1f ms %5.1f %%\n", name, sec * 1e3,
            total > 0 ? 100.0 * sec / total : 0.0);
}

void oct_timings_print(const oct_timings *tm, FILE *f)
{
    if (!tm) return;
    double total = oct_clock_now() - tm->start, sum = 0;
    fputs("octavo: timing phase         wall  share\n", f);
    for (int p = 0; p < OCT_PHASE_COUNT; p++) {
        if (is_part(p)) continue;
        row(f, PHASE_NAMES[p], tm->sec[p], total);
        sum += tm->sec[p];
        for (int q = 0; p == OCT_PHASE_PDF && q < OCT_PHASE_COUNT; q++)
            if (is_part(q) && tm->sec[q] > 0) row(f, PHASE_NAMES[q], tm->sec[q], total);
    }
    sum -= tm->overlap;
    row(f, "other", total > sum ? total - sum : 0, total);
    row(f, "total", total, total);
    if (tm->overlap > 0)
        fprintf(f, "octavo: timing (phases ran side by side on two threads for %.1f ms)\n",
                tm->overlap * 1e3);
}
