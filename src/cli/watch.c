/* `octavo watch [build options] INPUTS…`: builds once, then again whenever
 * a file the last build read (or tried to read) changes.
 *
 * Each build runs in this process through oct_cli_build_with(), with a
 * fresh dependency recorder; its paths become the next watch set (see
 * watchset.c). A burst of events (an editor's save is several) is one
 * rebuild: events are collected until none has come for DEBOUNCE_MS.
 * Outputs are written atomically, so a build that fails before writing
 * leaves the last good outputs in place. SIGINT and SIGTERM are taken
 * through a signalfd: a build under way finishes, then watch stops. */
#include "cli/cli.h"
#include "cli/watchset.h"
#include "util/deps.h"
#include "util/timing.h"
#include "util/xalloc.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { DEBOUNCE_MS = 100, DEBOUNCE_MAX_MS = 1000 };

static void usage_watch(FILE *f)
{
    fputs("usage: octavo watch [build options] [DIR | booklet.yaml | FILE...]\n"
          "  Builds as `octavo build` does, then rebuilds whenever a file the build read\n"
          "  changes (sources, manifest, layout, fonts, pictures), printing one line per\n"
          "  build. A failed build keeps the last good outputs. Ctrl-C (SIGINT) or\n"
          "  SIGTERM stops it once the build under way is done.\n",
          f);
}

static double now_ms(void)
{
    return oct_clock_now() * 1e3;
}

/* One build with `-q` added (the status line replaces "wrote" lines). */
static int run_build(int argc, char **argv, oct_deps *deps, size_t *errors)
{
    char **bargv = oct_xcalloc((size_t)argc + 2, sizeof *bargv);
    bargv[0] = "watch"; /* getopt names the command in its messages */
    bargv[1] = "-q";
    for (int i = 1; i < argc; i++)
        bargv[i + 1] = argv[i];
    oct_build_report rep = {.deps = deps};
    int rc = oct_cli_build_with(argc + 1, bargv, &rep);
    free(bargv);
    *errors = rep.errors;
    return rc;
}

static size_t count_outputs(const oct_deps *deps)
{
    size_t n = 0;
    for (size_t i = 0; i < oct_deps_count(deps); i++) {
        oct_dep_kind k;
        oct_deps_path(deps, i, &k);
        n += k == OCT_DEP_OUTPUT;
    }
    return n;
}

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

/* One line per build: "watch: rebuilt in 142 ms (2 files written) after a
 * change to a.md" or "watch: build failed (3 errors) after a change to
 * a.md; kept the last good outputs". */
static void print_status(int rc, double ms, size_t errors, const oct_deps *deps, const char *why,
                         bool first)
{
    size_t outs = count_outputs(deps);
    if (rc == 0)
        printf("watch: %s in %.0f ms (%zu file%s written)", first ? "built" : "rebuilt", ms, outs,
               plural(outs));
    else
        printf("watch: build failed (%zu error%s)", errors, plural(errors));
    if (why && *why) printf(" after a change to %s", why);
    if (rc != 0 && outs == 0)
        fputs("; kept the last good outputs", stdout);
    else if (rc != 0)
        printf("; %zu file%s written before it failed", outs, plural(outs));
    putchar('\n');
    fflush(stdout);
}

/* Waits for a change that concerns the build, then for the burst to end.
 * Returns 1 to rebuild, 0 when a signal asks to stop. */
static int wait_change(oct_watchset *w, int sigfd)
{
    struct pollfd p[2] = {{oct_watchset_fd(w), POLLIN, 0}, {sigfd, POLLIN, 0}};
    double first = 0;
    for (;;) {
        int timeout = first > 0 ? DEBOUNCE_MS : -1;
        int n = poll(p, 2, timeout);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 || (p[1].revents & POLLIN)) return 0;
        if (n == 0) return 1; /* quiet for DEBOUNCE_MS after a change */
        if (oct_watchset_read(w) && first == 0) first = now_ms();
        if (first > 0 && now_ms() - first > DEBOUNCE_MAX_MS) return 1;
    }
}

/* The first build runs before any watch exists: an input modified after
 * it started changed while it ran (appended to why). */
static bool changed_during(const oct_deps *deps, const struct timespec *start, oct_buf *why)
{
    for (size_t i = 0; i < oct_deps_count(deps); i++) {
        oct_dep_kind k;
        const char *path = oct_deps_path(deps, i, &k);
        struct stat st;
        if (k != OCT_DEP_INPUT || stat(path, &st) != 0) continue;
        if (st.st_mtim.tv_sec > start->tv_sec ||
            (st.st_mtim.tv_sec == start->tv_sec && st.st_mtim.tv_nsec > start->tv_nsec)) {
            oct_buf_puts(why, path);
            return true;
        }
    }
    return false;
}

static bool stop_asked(int sigfd)
{
    struct pollfd p = {sigfd, POLLIN, 0};
    return poll(&p, 1, 0) > 0;
}

/* A new watch set for what the last build recorded. */
static oct_watchset *watch_deps(const oct_deps *deps)
{
    oct_watchset *w = oct_watchset_new();
    if (!w) {
        fprintf(stderr, "octavo: error: cannot watch files (inotify): %s [watch]\n",
                strerror(errno));
        return NULL;
    }
    oct_watchset_add(w, deps);
    return w;
}

static int block_signals(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    if (sigprocmask(SIG_BLOCK, &set, NULL) != 0) return -1;
    return signalfd(-1, &set, SFD_CLOEXEC);
}

int oct_cmd_watch(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage_watch(stdout);
            return OCT_EXIT_OK;
        }
    int sigfd = block_signals();
    if (sigfd < 0) {
        fprintf(stderr, "octavo: error: cannot catch signals: %s [watch]\n", strerror(errno));
        return OCT_EXIT_IO;
    }
    oct_watchset *w = NULL;
    oct_buf why = OCT_BUF_INIT;
    int status = OCT_EXIT_OK;
    for (bool first = true;; first = false) {
        oct_deps *deps = oct_deps_new();
        size_t errors = 0;
        double t0 = now_ms();
        struct timespec start;
        clock_gettime(CLOCK_REALTIME, &start);
        int rc = run_build(argc, argv, deps, &errors);
        if (rc == OCT_EXIT_USAGE) { /* bad options do not get better by waiting */
            oct_deps_free(deps);
            status = rc;
            break;
        }
        /* Watch the new set before forgetting the old one: a change made
         * during the build is still pending on the old descriptor. */
        oct_watchset *next = watch_deps(deps);
        print_status(rc, now_ms() - t0, errors, deps, why.data, first);
        if (first && next) {
            size_t nf = oct_watchset_files(next), nd = oct_watchset_dirs(next);
            printf("watch: watching %zu file%s in %zu director%s (Ctrl-C stops)\n", nf, plural(nf),
                   nd, nd == 1 ? "y" : "ies");
        }
        fflush(stdout);
        oct_buf_clear(&why);
        bool pending = w ? oct_watchset_read(w) > 0 : changed_during(deps, &start, &why);
        if (pending && w) oct_watchset_take_changes(w, &why);
        oct_deps_free(deps);
        oct_watchset_free(w);
        w = next;
        if (!w) {
            status = OCT_EXIT_IO;
            break;
        }
        if (stop_asked(sigfd)) break;
        if (!pending) {
            if (!wait_change(w, sigfd)) break;
            oct_watchset_take_changes(w, &why);
        }
    }
    oct_watchset_free(w);
    oct_buf_free(&why);
    close(sigfd);
    if (status == OCT_EXIT_OK) {
        puts("watch: stopped");
        fflush(stdout);
    }
    return status;
}
