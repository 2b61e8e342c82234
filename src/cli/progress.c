#define _POSIX_C_SOURCE 200809L
#include "cli/progress.h"
#include "util/timing.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct oct_progress {
    FILE *out;
    bool enabled;
    double start, last_draw;
    double show_after, redraw_every;
    size_t shown; /* width of the line on screen, 0 when none */
    size_t sources, sources_total, pages, files;
};

/* Below this the line never appears: a quick build prints nothing.
 * OCTAVO_PROGRESS_AFTER_MS changes it (0: from the first event, redrawn
 * at every one), so a test sees the line whatever the machine's speed. */
#define SHOW_AFTER 1.0
#define REDRAW_EVERY 0.1

oct_progress *oct_progress_new(FILE *out, bool enabled)
{
    oct_progress *p = oct_xcalloc(1, sizeof *p);
    p->out = out;
    p->enabled = enabled && out;
    p->start = oct_clock_now();
    p->show_after = SHOW_AFTER;
    p->redraw_every = REDRAW_EVERY;
    const char *env = getenv("OCTAVO_PROGRESS_AFTER_MS");
    if (env && *env) {
        char *end;
        double ms = strtod(env, &end);
        if (*end == '\0' && ms >= 0 && ms < 3.6e6) {
            p->show_after = ms / 1000.0;
            if (p->show_after < p->redraw_every) p->redraw_every = p->show_after;
        }
    }
    return p;
}

void oct_progress_clear(void *ctx)
{
    oct_progress *p = ctx;
    if (!p || !p->shown) return;
    /* spaces rather than an escape sequence: works on any terminal */
    fprintf(p->out, "\r%*s\r", (int)p->shown, "");
    fflush(p->out);
    p->shown = 0;
}

void oct_progress_free(oct_progress *p)
{
    if (!p) return;
    oct_progress_clear(p);
    free(p);
}

static void draw(oct_progress *p)
{
    if (!p || !p->enabled) return;
    double t = oct_clock_now();
    if (t - p->start < p->show_after || t - p->last_draw < p->redraw_every) return;
    char line[160];
    int n = snprintf(line, sizeof line,
                     "octavo: %zu/%zu sources read, %zu pages laid out, %zu files written",
                     p->sources, p->sources_total, p->pages, p->files);
    size_t len = n < 0 ? 0 : (size_t)n >= sizeof line ? sizeof line - 1 : (size_t)n;
    /* pad over a longer previous line */
    fprintf(p->out, "\r%s%*s", line, p->shown > len ? (int)(p->shown - len) : 0, "");
    fflush(p->out);
    p->shown = len > p->shown ? len : p->shown;
    p->last_draw = t;
}

void oct_progress_expect_sources(oct_progress *p, size_t n)
{
    if (p) p->sources_total += n;
}

void oct_progress_source_read(oct_progress *p)
{
    if (!p) return;
    p->sources++;
    draw(p);
}

void oct_progress_pages(oct_progress *p, size_t n)
{
    if (!p) return;
    p->pages += n;
    draw(p);
}

void oct_progress_file_written(oct_progress *p)
{
    if (!p) return;
    p->files++;
    draw(p);
}
