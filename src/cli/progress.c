#define _POSIX_C_SOURCE 200809L
#include "cli/progress.h"
#include "util/timing.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct oct_progress {
    FILE *out;
    bool enabled;
    double start, last_draw;
    double show_after, redraw_every;
    size_t shown; /* width of the line on screen, 0 when none */
    size_t sources, sources_total, pages, files;
    pthread_mutex_t lock; /* booklets of --jobs report from their threads */
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
    pthread_mutex_init(&p->lock, NULL);
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

static void clear_locked(oct_progress *p)
{
    if (!p->shown) return;
    /* spaces rather than an escape sequence: works on any terminal */
    fprintf(p->out, "\r%*s\r", (int)p->shown, "");
    fflush(p->out);
    p->shown = 0;
}

void oct_progress_clear(void *ctx)
{
    oct_progress *p = ctx;
    if (!p) return;
    pthread_mutex_lock(&p->lock);
    clear_locked(p);
    pthread_mutex_unlock(&p->lock);
}

void oct_progress_free(oct_progress *p)
{
    if (!p) return;
    oct_progress_clear(p);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

static void draw(oct_progress *p)
{
    if (!p->enabled) return;
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

/* Adds n to one of p's counters and redraws (under the lock). */
static void bump(oct_progress *p, size_t *counter, size_t n, bool redraw)
{
    pthread_mutex_lock(&p->lock);
    *counter += n;
    if (redraw) draw(p);
    pthread_mutex_unlock(&p->lock);
}

void oct_progress_expect_sources(oct_progress *p, size_t n)
{
    if (p) bump(p, &p->sources_total, n, false);
}

void oct_progress_source_read(oct_progress *p)
{
    if (p) bump(p, &p->sources, 1, true);
}

void oct_progress_pages(oct_progress *p, size_t n)
{
    if (p) bump(p, &p->pages, n, true);
}

void oct_progress_file_written(oct_progress *p)
{
    if (p) bump(p, &p->files, 1, true);
}
