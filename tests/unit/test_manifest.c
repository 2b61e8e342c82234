#include "check.h"
#include "config/manifest.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char src[2048], data[2048], tmp[2048];

static const char *fixture(const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/manifest/%s/booklet.yaml", data, name);
    return path;
}

static void print_diags(const oct_diag *d)
{
    for (size_t i = 0; i < oct_diag_size(d); i++) {
        const oct_diag_msg *m = oct_diag_at(d, i);
        fprintf(stderr, "  %s:%d:%d: %s [%s]\n", m->file ? m->file : "-", m->line, m->col,
                m->message, m->code);
    }
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = s ? strlen(s) : 0, m = strlen(suffix);
    return s && n >= m && strcmp(s + n - m, suffix) == 0;
}

static void test_django(void)
{
    static const char *const files[] = {"000-general-questions.txt", "001-categorized-list.txt",
                                        "002-hundred-item-guide.txt", "003-twenty-six-answered.txt",
                                        "004-categorized-bullets.txt"};
    static const char *const titles[] = {
        "General Questions", "Questions by Category", "The Hundred-Question Guide",
        "Twenty-Six Questions Answered", "Frequently Asked, by Topic"};
    char path[8192], dir[4096], want[8192];
    snprintf(dir, sizeof dir, "%s/content/django", src);
    snprintf(path, sizeof path, "%s/booklet.yaml", dir);
    oct_diag *d = oct_diag_new(NULL);
    oct_manifest m;
    CHECK(oct_manifest_load(path, &m, d) == 0);
    CHECK(oct_diag_size(d) == 0);
    print_diags(d);
    CHECK_STR(m.path, path);
    CHECK_STR(m.dir, dir);
    CHECK_STR(m.slug, "django");
    CHECK_STR(m.title, "Django Interview Questions");
    CHECK_STR(m.subtitle, "Questions and answers collected from five sets of notes");
    CHECK_STR(m.author, "octavo contributors");
    CHECK_STR(m.language, "en");
    CHECK_STR(m.identifier, "urn:uuid:5b0f3c2e-8d1a-4c77-9a52-2f4e0d9c6a11");
    CHECK_STR(m.date, "2025-01-15");
    CHECK_STR(m.layout, "a4");
    CHECK(m.nkeywords == 4);
    if (m.nkeywords == 4) {
        CHECK_STR(m.keywords[0], "Django");
        CHECK_STR(m.keywords[3], "web development");
    }
    CHECK(m.nsources == 5);
    for (size_t i = 0; i < 5 && i < m.nsources; i++) {
        snprintf(want, sizeof want, "%s/%s", dir, files[i]);
        CHECK_STR(m.sources[i].path, want);
        CHECK_STR(m.sources[i].title, titles[i]);
    }
    oct_manifest_release(&m);
    CHECK(m.title == NULL && m.sources == NULL && m.nsources == 0);
    oct_diag_free(d);
}

/* Relative manifest paths give relative source paths (short diagnostics
 * later), and the slug still comes from the real directory name. */
static void test_relative_paths(void)
{
    char cwd[4096];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/content/django", src);
    CHECK(chdir(dir) == 0);
    oct_diag *d = oct_diag_new(NULL);
    oct_manifest m;
    CHECK(oct_manifest_load("booklet.yaml", &m, d) == 0);
    CHECK_STR(m.dir, ".");
    CHECK_STR(m.slug, "django");
    CHECK(m.nsources == 5 && !strcmp(m.sources[0].path, "000-general-questions.txt"));
    oct_manifest_release(&m);

    CHECK(chdir("..") == 0);
    CHECK(oct_manifest_load("django/booklet.yaml", &m, d) == 0);
    CHECK_STR(m.dir, "django");
    CHECK(m.nsources == 5 && !strcmp(m.sources[4].path, "django/004-categorized-bullets.txt"));
    oct_manifest_release(&m);
    CHECK(oct_diag_size(d) == 0);
    oct_diag_free(d);
    CHECK(chdir(cwd) == 0);
}

static void test_good_fixture(void)
{
    oct_diag *d = oct_diag_new(NULL);
    oct_manifest m;
    CHECK(oct_manifest_load(fixture("good"), &m, d) == 0);
    print_diags(d);
    CHECK_STR(m.slug, "good");
    CHECK_STR(m.title, "Good Booklet");
    CHECK_STR(m.subtitle, "Fixtures: a subtitle with a colon");
    CHECK_STR(m.language, "pt-BR");
    CHECK_STR(m.date, "2024-02-29");
    CHECK_STR(m.description, "A folded description on two lines.");
    /* uuid.uuid5(uuid.NAMESPACE_URL, "urn:octavo:booklet:Good Booklet") */
    CHECK_STR(m.identifier, "urn:uuid:cc06588e-df24-5f7f-bcca-256d952ba9f1");
    CHECK(ends_with(m.layout, "/manifest/good/../../layout/override.yaml"));
    CHECK(m.nkeywords == 2 && !strcmp(m.keywords[1], "two words"));
    CHECK(m.nsources == 3);
    if (m.nsources == 3) {
        CHECK(ends_with(m.sources[0].path, "/manifest/good/first.txt"));
        CHECK(m.sources[0].title == NULL);
        CHECK(ends_with(m.sources[1].path, "/manifest/good/notes/second.md"));
        CHECK_STR(m.sources[1].title, "The Second Part");
        CHECK(ends_with(m.sources[2].path, "/manifest/good/third.txt"));
        CHECK_STR(m.sources[2].title, "Title First");
    }
    oct_manifest_release(&m);
    oct_diag_free(d);
}

typedef struct {
    int line, col;
    const char *code, *text;
} expected;

static void expect_errors(const char *path, const expected *want, size_t n)
{
    oct_diag *d = oct_diag_new(NULL);
    oct_manifest m;
    CHECK(oct_manifest_load(path, &m, d) == -1);
    CHECK(m.title == NULL && m.path == NULL && m.nsources == 0);
    CHECK(oct_diag_size(d) == n && oct_diag_count(d, OCT_ERROR) == n);
    for (size_t i = 0; i < n && i < oct_diag_size(d); i++) {
        const oct_diag_msg *g = oct_diag_at(d, i);
        int ok = g->line == want[i].line && g->col == want[i].col &&
                 !strcmp(g->code, want[i].code) && strstr(g->message, want[i].text) && g->file &&
                 !strcmp(g->file, path);
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "  #%zu want %d:%d [%s] \"%s\"\n", i, want[i].line, want[i].col,
                    want[i].code, want[i].text);
    }
    if (oct_diag_size(d) != n) print_diags(d);
    oct_manifest_release(&m);
    oct_diag_free(d);
}

static void test_bad_fixtures(void)
{
    static const expected missing[] = {
        {4, 11, "missing-source", "source file 'absent.txt' not found (looked for "},
        {6, 5, "missing-source", "source file 'also-absent.txt' not found"},
    };
    expect_errors(fixture("missing-source"), missing, 2);

    static const expected errors[] = {
        {2, 11, "invalid-value", "'language' must be a BCP 47 language tag"},
        {3, 7, "invalid-value",
         "'date' must be a calendar date written YYYY-MM-DD, got "
         "'2025-02-30'"},
        {4, 11, "wrong-type", "'keywords' must be a list, got 'Django, Python'"},
        {5, 1, "unknown-key", "unknown key 'identifer' (did you mean 'identifier'?)"},
        {6, 9, "wrong-type", "'layout' must be a string, got a list"},
        {9, 5, "wrong-type", "item 2 of 'sources' must be a file name or a mapping"},
        {10, 5, "missing-key", "missing key 'file' in item 3 of 'sources'"},
        {12, 5, "unknown-key", "unknown key 'titel' in 'sources' (did you mean 'title'?)"},
        {11, 11, "duplicate-source", "source 'ok.txt' is listed twice (first at line 8)"},
    };
    expect_errors(fixture("errors"), errors, sizeof errors / sizeof errors[0]);

    static const expected incomplete[] = {
        {3, 11, "invalid-value", "got 'en_US'; use '-', as in 'en-US'"},
        {2, 1, "missing-key", "missing key 'title'"},
        {2, 1, "missing-key", "missing key 'sources'"},
    };
    expect_errors(fixture("incomplete"), incomplete, 3);

    static const expected empty[] = {
        {1, 8, "invalid-value", "'title' must not be empty"},
        {2, 10, "invalid-value", "'sources' must list at least one file"},
    };
    expect_errors(fixture("empty-sources"), empty, 2);

    expect_errors(fixture("duplicate"),
                  (expected[]){{4, 5, "duplicate-source", "'./a.txt' is listed twice"}}, 1);
    expect_errors("/nonexistent/booklet.yaml", (expected[]){{0, 0, "cannot-read", "No such file"}},
                  1);
}

/* Writes tmp/<dir>/booklet.yaml (and a source a.txt) and returns its path. */
static const char *write_manifest(const char *dir, const char *text)
{
    static char path[8192];
    snprintf(path, sizeof path, "%s/%s", tmp, dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/%s/a.txt", tmp, dir);
    FILE *f = fopen(path, "w");
    if (f) fclose(f);
    snprintf(path, sizeof path, "%s/%s/booklet.yaml", tmp, dir);
    f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

/* Loads a manifest with the given extra line; returns the load status and
 * stores a copy of field `which` (0 language, 1 date, 2 identifier, 3 slug). */
static int load_with(const char *dir, const char *line, int which, char *out, size_t outn)
{
    char text[1024];
    snprintf(text, sizeof text, "title: T\nsources: [a.txt]\n%s\n", line);
    const char *path = write_manifest(dir, text);
    oct_diag *d = oct_diag_new(NULL);
    oct_manifest m;
    int rc = oct_manifest_load(path, &m, d);
    const char *fields[] = {m.language, m.date, m.identifier, m.slug};
    snprintf(out, outn, "%s", rc == 0 && fields[which] ? fields[which] : "");
    oct_manifest_release(&m);
    oct_diag_free(d);
    return rc;
}

static void test_languages_and_dates(void)
{
    char got[256];
    const char *good_lang[] = {"en",        "pt-BR",     "zh-Hant-TW", "es-419",
                               "sgn-BE-FR", "x-private", "i-klingon",  "cmn"};
    for (size_t i = 0; i < sizeof good_lang / sizeof good_lang[0]; i++) {
        char line[128];
        snprintf(line, sizeof line, "language: %s", good_lang[i]);
        CHECK(load_with("lang", line, 0, got, sizeof got) == 0);
        CHECK_STR(got, good_lang[i]);
    }
    const char *bad_lang[] = {"C",     "POSIX",        "\"\"", "e", "en-",   "-en",   "en--US",
                              "en_US", "en-abcdefghi", "12",   "x", "en US", "\"é\"", "en.UTF-8"};
    for (size_t i = 0; i < sizeof bad_lang / sizeof bad_lang[0]; i++) {
        char line[128];
        snprintf(line, sizeof line, "language: %s", bad_lang[i]);
        CHECK(load_with("lang", line, 0, got, sizeof got) == -1);
        if (!strcmp(got, "")) continue;
        fprintf(stderr, "  accepted language %s\n", bad_lang[i]);
    }
    CHECK(load_with("lang", "# no language", 0, got, sizeof got) == 0);
    CHECK_STR(got, ""); /* absent: the CLI defaults it with a warning */

    const char *good_date[] = {"2024-02-29", "2000-02-29", "1999-12-31", "2025-01-01"};
    for (size_t i = 0; i < sizeof good_date / sizeof good_date[0]; i++) {
        char line[128];
        snprintf(line, sizeof line, "date: %s", good_date[i]);
        CHECK(load_with("date", line, 1, got, sizeof got) == 0);
        CHECK_STR(got, good_date[i]);
    }
    const char *bad_date[] = {"2023-02-29", "1900-02-29",      "2025-13-01", "2025-00-10",
                              "2025-04-31", "2025-1-5",        "25-01-15",   "2025/01/15",
                              "15.01.2025", "2025-01-15T10:00"};
    for (size_t i = 0; i < sizeof bad_date / sizeof bad_date[0]; i++) {
        char line[128];
        snprintf(line, sizeof line, "date: %s", bad_date[i]);
        CHECK(load_with("date", line, 1, got, sizeof got) == -1);
    }
}

static void test_identifier_and_slug(void)
{
    char a[256], b[256], c[256];
    /* No identifier: derived from the title, the same every time. */
    CHECK(load_with("id", "", 2, a, sizeof a) == 0);
    CHECK(load_with("id2", "", 2, b, sizeof b) == 0);
    CHECK_STR(a, b);
    /* uuid.uuid5(uuid.NAMESPACE_URL, "urn:octavo:booklet:T") */
    CHECK_STR(a, "urn:uuid:94872c07-5607-54f9-9f93-5e58349fc0d9");
    /* A given identifier wins. */
    CHECK(load_with("id", "identifier: isbn:9780000000000", 2, c, sizeof c) == 0);
    CHECK_STR(c, "isbn:9780000000000");

    CHECK(load_with("My Notes (2025)!", "", 3, a, sizeof a) == 0);
    CHECK_STR(a, "My-Notes-2025");
    CHECK(load_with("notes.v2", "", 3, a, sizeof a) == 0);
    CHECK_STR(a, "notes.v2");
}

static void test_not_a_file(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/manifest", data);
    expect_errors(path, (expected[]){{0, 0, "cannot-read", "is a directory"}}, 1);
    /* A source that is a directory. */
    const char *p = write_manifest("dirsource", "title: T\nsources:\n  - .\n");
    expect_errors(p, (expected[]){{3, 5, "missing-source", "source '.' is a directory"}}, 1);
    /* Not a mapping at all. */
    p = write_manifest("list", "- a.txt\n");
    expect_errors(p, (expected[]){{1, 1, "wrong-type", "the document must be a mapping"}}, 1);
    p = write_manifest("empty", "# nothing\n");
    expect_errors(p, (expected[]){{0, 0, "missing-key", "empty manifest"}}, 1);
}

int main(void)
{
    const char *s = getenv("OCTAVO_SRC");
    CHECK(s != NULL);
    if (!s) return check_done();
    snprintf(src, sizeof src, "%s", s);
    snprintf(data, sizeof data, "%s/tests/data/config", s);
    snprintf(tmp, sizeof tmp, "/tmp/octavo-test-manifest-XXXXXX");
    CHECK(mkdtemp(tmp) != NULL);
    test_django();
    test_relative_paths();
    test_good_fixture();
    test_bad_fixtures();
    test_languages_and_dates();
    test_identifier_and_slug();
    test_not_a_file();
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    CHECK(system(cmd) == 0);
    return check_done();
}
