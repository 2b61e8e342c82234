/* Diagnostics: the code registry is sorted, unique and well formed; -W
 * no-CODE drops and -W error=CODE promotes; the JSON and GitHub styles
 * escape what a message or a path may hold (quotes, control characters,
 * CR/LF, '%', ':' and ',', invalid UTF-8). */
#include "check.h"
#include "diag_codes.h"

#include <stdlib.h>
#include <string.h>

/* What one message prints as in a style. */
static char *printed(const oct_diag_msg *m, oct_diag_style style)
{
    FILE *f = tmpfile();
    oct_diag_print_as(m, style, f);
    long n = ftell(f);
    rewind(f);
    char *s = calloc((size_t)n + 1, 1);
    if (fread(s, 1, (size_t)n, f) != (size_t)n) s[0] = '\0';
    fclose(f);
    return s;
}

static void registry(void)
{
    size_t n;
    const oct_diag_code *c = oct_diag_codes(&n);
    CHECK(n >= 60);
    for (size_t i = 0; i < n; i++) {
        if (i) CHECK(strcmp(c[i - 1].code, c[i].code) < 0); /* sorted, unique */
        bool kebab = c[i].code[0] != '\0' && c[i].code[0] != '-';
        for (const char *p = c[i].code; *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) kebab = false;
        CHECK(kebab);
        CHECK(c[i].meaning && strlen(c[i].meaning) > 10 && strlen(c[i].meaning) < 100);
        CHECK(oct_diag_code_find(c[i].code) == &c[i]);
    }
    CHECK(oct_diag_code_find("mojibake")->severity == OCT_WARNING);
    CHECK(oct_diag_code_find("write-failed")->severity == OCT_ERROR);
    CHECK(oct_diag_code_find("no-such-code") == NULL);
    CHECK(oct_diag_code_find("") == NULL);
    CHECK_STR(oct_diag_code_suggest("mojibak"), "mojibake");
    CHECK_STR(oct_diag_code_suggest("filer"), "filler");
    CHECK_STR(oct_diag_code_suggest("pdf-missing"), "pdf-missing-glyph");
    CHECK(oct_diag_code_suggest("zzzzzzzzzzzzzzzz") == NULL);
}

static void policy(void)
{
    oct_diag *d = oct_diag_new(NULL);
    oct_diag_silence(d, "filler");
    oct_diag_promote(d, "mojibake");
    oct_diag_silence(d, "artefact");
    oct_diag_promote(d, "artefact"); /* the later wins */
    oct_diag_report(d, OCT_WARNING, "a.md", 3, 1, "filler", "dropped");
    oct_diag_report(d, OCT_NOTE, "a.md", 3, 1, "filler", "dropped too");
    oct_diag_report(d, OCT_ERROR, "a.md", 3, 1, "filler", "errors are never silenced");
    oct_diag_report(d, OCT_WARNING, "a.md", 4, 1, "mojibake", "promoted");
    oct_diag_report(d, OCT_WARNING, "a.md", 5, 1, "artefact", "promoted as well");
    oct_diag_report(d, OCT_WARNING, "a.md", 6, 1, "c1-control", "untouched");
    CHECK(oct_diag_size(d) == 4);
    CHECK(oct_diag_count(d, OCT_ERROR) == 3);
    CHECK(oct_diag_count(d, OCT_WARNING) == 1);
    CHECK_STR(oct_diag_at(d, 1)->code, "mojibake");
    CHECK(oct_diag_at(d, 1)->severity == OCT_ERROR);
    oct_diag_free(d);
}

static void styles(void)
{
    oct_diag_msg m = {
        OCT_WARNING, "dir/a,b:c%.md",
        12,          3,
        "mojibake",  "say \"hi\"\\ 100%\r\nnext\x01 line\x7f \xff\xc3 caf\xc3\xa9 \xe2\x80\xa8"};
    char *s = printed(&m, OCT_DIAG_JSON);
    CHECK_STR(s, "{\"file\":\"dir/a,b:c%.md\",\"line\":12,\"col\":3,\"severity\":\"warning\","
                 "\"code\":\"mojibake\",\"message\":\"say \\\"hi\\\"\\\\ 100%\\r\\nnext\\u0001 "
                 "line\\u007f \xef\xbf\xbd\xef\xbf\xbd caf\xc3\xa9 \\u2028\"}\n");
    CHECK(check_valid_utf8(s, strlen(s)));
    free(s);
    s = printed(&m, OCT_DIAG_GITHUB);
    CHECK_STR(s, "::warning file=dir/a%2Cb%3Ac%25.md,line=12,col=3,title=mojibake::say "
                 "\"hi\"\\ 100%25%0D%0Anext\x01 line\x7f \xef\xbf\xbd\xef\xbf\xbd caf\xc3\xa9 "
                 "\xe2\x80\xa8\n");
    CHECK(check_valid_utf8(s, strlen(s)));
    free(s);
    s = printed(&m, OCT_DIAG_GCC);
    CHECK(strncmp(s, "dir/a,b:c%.md:12:3: warning: say", 32) == 0);
    free(s);

    oct_diag_msg e = {OCT_ERROR, NULL, 0, 0, "usage", "no file"};
    s = printed(&e, OCT_DIAG_GITHUB);
    CHECK_STR(s, "::error title=usage::no file\n");
    free(s);
    s = printed(&e, OCT_DIAG_JSON);
    CHECK_STR(s, "{\"file\":null,\"line\":0,\"col\":0,\"severity\":\"error\",\"code\":\"usage\","
                 "\"message\":\"no file\"}\n");
    free(s);
    oct_diag_msg n = {OCT_NOTE, "x.md", 0, 0, "filler", "whole file"};
    s = printed(&n, OCT_DIAG_GITHUB);
    CHECK_STR(s, "::notice file=x.md,title=filler::whole file\n");
    free(s);
}

int main(void)
{
    registry();
    policy();
    styles();
    return check_done();
}
