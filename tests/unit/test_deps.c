/* The dependency recorder: nothing is recorded without a current recorder;
 * oct_read_file and oct_atomic_commit report what they read and wrote;
 * each path once per kind, a missing file upgraded when it is read after
 * all; an output read back is no prerequisite; depfile escaping as Make
 * and Ninja read it, and the paths no depfile can hold refused. */
#include "check.h"
#include "util/deps.h"
#include "util/fileio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void check_escape(const char *path, const char *want)
{
    oct_buf b = OCT_BUF_INIT;
    int rc = oct_depfile_escape(path, &b);
    if (want) {
        CHECK(rc == 0);
        CHECK_STR(b.data ? b.data : "", want);
    } else {
        CHECK(rc == -1);
        CHECK(b.len == 0);
    }
    oct_buf_free(&b);
}

static void test_escape(void)
{
    check_escape("notes/a.md", "notes/a.md");
    check_escape("my notes/week 1.md", "my\\ notes/week\\ 1.md");
    check_escape("c#/n#1.md", "c\\#/n\\#1.md");
    check_escape("$HOME/x$$.md", "$$HOME/x$$$$.md");
    check_escape("a:b/c.md", "a\\:b/c.md");
    check_escape("élève/€ (copie) [2]!.md", "élève/€\\ (copie)\\ [2]!.md");
    check_escape("a\\b.md", "a\\b.md"); /* a backslash before a plain character stays */
    check_escape("a\\ b.md", NULL);
    check_escape("a\\#b.md", NULL);
    check_escape("a\\", NULL);
    check_escape("tab\there.md", NULL);
    check_escape("line\nbreak.md", NULL);
    static const char *const bad[] = {"a'b", "a\"b", "a&b", "a;b", "a*b", "a?b",
                                      "a|b", "a<b",  "a>b", "a^b", "a`b"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        check_escape(bad[i], NULL);
}

static void test_recorder(void)
{
    char dir[] = "/tmp/oct-deps-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char in[256], out[256], missing[256];
    snprintf(in, sizeof in, "%s/in put.md", dir);
    snprintf(out, sizeof out, "%s/out.pdf", dir);
    snprintf(missing, sizeof missing, "%s/none.md", dir);
    FILE *f = fopen(in, "w");
    CHECK(f && fputs("# x\n", f) >= 0 && fclose(f) == 0);

    size_t len;
    free(oct_read_file(in, 100, &len)); /* no recorder: nothing happens */
    oct_deps *d = oct_deps_new();
    CHECK(oct_deps_record_to(d) == NULL);
    CHECK(oct_read_file(missing, 100, &len) == NULL);
    free(oct_read_file(in, 100, &len));
    free(oct_read_file(in, 100, &len)); /* twice: listed once */
    char *tmp = oct_atomic_begin(out);
    CHECK(tmp && oct_atomic_commit(tmp, out) == 0);
    oct_deps_note(OCT_DEP_DIR, dir);
    CHECK(oct_deps_record_to(NULL) == d);
    free(oct_read_file(in, 100, &len)); /* recorder gone */

    CHECK(oct_deps_count(d) == 4);
    oct_dep_kind k;
    CHECK_STR(oct_deps_path(d, 0, &k), missing);
    CHECK(k == OCT_DEP_MISSING);
    CHECK_STR(oct_deps_path(d, 1, &k), in);
    CHECK(k == OCT_DEP_INPUT);
    CHECK_STR(oct_deps_first_output(d), out);

    /* the missing file appears and is read: now an input */
    oct_deps_record_to(d);
    f = fopen(missing, "w");
    CHECK(f && fclose(f) == 0);
    free(oct_read_file(missing, 100, &len));
    oct_deps_record_to(NULL);
    CHECK(oct_deps_count(d) == 4);
    CHECK(oct_deps_path(d, 0, &k) && k == OCT_DEP_INPUT);

    oct_buf b = OCT_BUF_INIT;
    const char *bad = NULL;
    CHECK(oct_deps_format(d, "out.pdf", &b, &bad) == 0 && bad == NULL);
    char want[1024];
    snprintf(want, sizeof want, "out.pdf: \\\n  %s/none.md \\\n  %s/in\\ put.md\n", dir, dir);
    CHECK_STR(b.data, want);
    oct_buf_free(&b);

    /* an output read back (a deck among the notes) is no prerequisite */
    oct_deps_record_to(d);
    free(oct_read_file(out, 100, &len));
    oct_deps_record_to(NULL);
    CHECK(oct_deps_count(d) == 5);
    CHECK(oct_deps_format(d, "out.pdf", &b, &bad) == 0);
    CHECK_STR(b.data, want);
    oct_buf_free(&b);
    CHECK(oct_deps_format(d, "a&b.pdf", &b, &bad) == -1 && bad && strcmp(bad, "a&b.pdf") == 0);
    oct_buf_free(&b);

    oct_deps_free(d);
    unlink(in);
    unlink(out);
    unlink(missing);
    rmdir(dir);
}

int main(void)
{
    test_escape();
    test_recorder();
    return check_done();
}
