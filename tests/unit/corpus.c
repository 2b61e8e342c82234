#include "corpus.h"
#include "check.h"
#include "util/buf.h"
#include "util/fileio.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const NAMES[CORPUS_COUNT] = {"commonmark", "gfm", "ext"};
static const char *const FILES[CORPUS_COUNT] = {"spec.txt", "gfm-spec.txt", "gfm-extensions.txt"};

const char *corpus_name(corpus_id id)
{
    return id < CORPUS_COUNT ? NAMES[id] : "?";
}

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

bool corpus_path(corpus_id id, char *out, size_t size)
{
    const char *src = env_or("OCTAVO_SRC", ".");
    if (id == CORPUS_COMMONMARK) {
        const char *env = getenv("OCTAVO_COMMONMARK_SPEC");
        if (env && *env)
            snprintf(out, size, "%s", env);
        else
            snprintf(out, size, "%s/build/tools/corpora/node_modules/commonmark-spec/spec.txt",
                     src);
    } else {
        const char *env = getenv("OCTAVO_TESTDATA");
        if (env && *env)
            snprintf(out, size, "%s/%s", env, FILES[id]);
        else
            snprintf(out, size, "%s/../shared/testdata/%s", src, FILES[id]);
    }
    if (access(out, R_OK) == 0) return true;
    if (id != CORPUS_COMMONMARK) {
        fprintf(stderr, "note: optional corpus %s not found; its examples are not run\n", out);
        return false;
    }
    fprintf(stderr,
            "%s: the CommonMark spec is missing (test.sh installs it from npm: "
            "commonmark-spec); set OCTAVO_COMMONMARK_SPEC\n",
            out);
    const char *strict = getenv("OCTAVO_STRICT");
    if (strict && strcmp(strict, "1") == 0) CHECK(!"the CommonMark spec corpus is installed");
    return false;
}

static const char FENCE[] = "```````````````````````````````` example";

int corpus_examples(const char *path, corpus_fn fn, void *arg)
{
    size_t len;
    char *spec = oct_read_file(path, 16u << 20, &len);
    if (!spec) return -1;
    int n = 0;
    for (char *p = strstr(spec, FENCE); p; p = strstr(p, FENCE)) {
        char *start = strchr(p, '\n');
        if (!start) break;
        start++;
        /* an example with empty input has its "." right away */
        char *dot = start[0] == '.' && start[1] == '\n' ? start - 1 : strstr(start, "\n.\n");
        if (!dot) break;
        oct_buf md = OCT_BUF_INIT;
        for (char *s = start; s < dot + 1; s++) {
            if (strncmp(s, "\xE2\x86\x92", 3) == 0) { /* "→" stands for a tab */
                oct_buf_putc(&md, '\t');
                s += 2;
            } else {
                oct_buf_putc(&md, *s);
            }
        }
        fn(md.data ? md.data : "", md.len, ++n, arg);
        oct_buf_free(&md);
        p = dot + 2;
    }
    free(spec);
    return n;
}
