/* Shared helpers of the PDF backend tests (test_pdf*.c): a hand-filled
 * layout, tree builders, and running the poppler/qpdf tools on a file.
 * Everything is static: each test is its own program. */
#ifndef TEST_PDF_FIXTURE_H
#define TEST_PDF_FIXTURE_H
#include "check.h"
#include "pdf/pdf.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char fx_paths[16][512];

static inline char *fx_font(int i, const char *name)
{
    const char *src = getenv("OCTAVO_SRC");
    snprintf(fx_paths[i], sizeof fx_paths[i], "%s/fonts/%s", src ? src : OCTAVO_DATA_DIR, name);
    return fx_paths[i];
}

/* A4, Charis/Noto/JetBrains/DejaVu, the a4 layout's sizes and colours. */
static inline oct_layout fx_layout(void)
{
    oct_layout l;
    memset(&l, 0, sizeof l);
    l.name = "test";
    l.path = "test-layout.yaml";
    l.page_width = 595.28;
    l.page_height = 841.89;
    l.margin_top = 62;
    l.margin_bottom = 85;
    l.margin_inner = 71;
    l.margin_outer = 128;
    l.body = (oct_font_family){fx_font(0, "CharisSIL-Regular.ttf"),
                               fx_font(1, "CharisSIL-Bold.ttf"), fx_font(2, "CharisSIL-Italic.ttf"),
                               fx_font(3, "CharisSIL-BoldItalic.ttf")};
    l.heading =
        (oct_font_family){fx_font(4, "NotoSans-Regular.ttf"), fx_font(5, "NotoSans-Bold.ttf"),
                          fx_font(6, "NotoSans-Italic.ttf"), fx_font(7, "NotoSans-BoldItalic.ttf")};
    l.mono = (oct_font_family){
        fx_font(8, "JetBrainsMono-Regular.ttf"), fx_font(9, "JetBrainsMono-Bold.ttf"),
        fx_font(10, "JetBrainsMono-Italic.ttf"), fx_font(11, "JetBrainsMono-BoldItalic.ttf")};
    l.fallback[0] = (oct_font_family){fx_font(12, "DejaVuSans.ttf"),
                                      fx_font(13, "DejaVuSans-Bold.ttf"), NULL, NULL};
    l.nfallback = 1;
    l.body_size = 10.5;
    l.leading = 1.35;
    l.h1_size = 22;
    l.h2_size = 16;
    l.h3_size = 12.5;
    l.h4_size = 10.5;
    l.code_size = 8.5;
    l.small_size = 8.5;
    l.paragraph_gap = 6;
    l.text = (oct_color){0.1, 0.1, 0.1};
    l.heading_color = (oct_color){0.12, 0.23, 0.37};
    l.link = (oct_color){0.11, 0.37, 0.63};
    l.code_background = (oct_color){0.95, 0.95, 0.94};
    l.rule = (oct_color){0.77, 0.77, 0.77};
    l.muted = (oct_color){0.4, 0.4, 0.4};
    l.accent = (oct_color){0.66, 0.26, 0.16};
    return l;
}

/* ---- tree building ---- */

static int fx_line = 1;

static inline oct_node *fx_node(oct_tree *t, oct_node *parent, oct_kind k)
{
    oct_node *n = oct_node_new(t, k, (oct_span){0, fx_line++, 1});
    if (parent) oct_node_append(parent, n);
    return n;
}

static inline oct_node *fx_text(oct_tree *t, oct_node *parent, oct_kind k, const char *s)
{
    oct_node *n = oct_node_new_text(t, k, (oct_span){0, fx_line, 3}, s, strlen(s));
    oct_node_append(parent, n);
    return n;
}

static inline oct_node *fx_para(oct_tree *t, oct_node *parent, const char *s)
{
    oct_node *p = fx_node(t, parent, OCT_PARAGRAPH);
    fx_text(t, p, OCT_TEXT, s);
    return p;
}

static inline oct_node *fx_chapter(oct_tree *t, const char *title)
{
    oct_node *c = fx_node(t, t->root, OCT_CHAPTER);
    c->u.chapter.title = oct_arena_strdup(t->arena, title);
    return c;
}

static inline oct_node *fx_heading(oct_tree *t, oct_node *parent, int level, const char *s)
{
    oct_node *h = fx_node(t, parent, OCT_SECTION);
    h->u.section.level = level;
    fx_text(t, h, OCT_TEXT, s);
    return h;
}

/* ---- running the tools ---- */

static char fx_dir[256];

static inline void fx_mkdir(void)
{
    const char *base = getenv("TMPDIR");
    snprintf(fx_dir, sizeof fx_dir, "%s/octavo-pdf-XXXXXX", base ? base : "/tmp");
    if (!mkdtemp(fx_dir)) {
        perror("mkdtemp");
        exit(2);
    }
}

static inline char *fx_path(const char *name)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", fx_dir, name);
    return buf[k];
}

/* Runs `cmd 'FILE' tail`; returns its exit status, stdout in *out and
 * stderr in *err (caller frees both). */
/* Renders t to path with the test layout; 0 on success. */
static inline int fx_render(const oct_tree *t, const char *path, oct_diag *d)
{
    oct_layout l = fx_layout();
    oct_pdf *p = oct_pdf_new(&l, d);
    CHECK(p != NULL);
    int rc = p && oct_pdf_render(p, t) == 0 && oct_pdf_close(p, path) == 0 ? 0 : -1;
    oct_pdf_free(p);
    return rc;
}

static inline int fx_run(const char *cmd, const char *file, const char *tail, char **out,
                         char **err)
{
    char line[2048], o[512], e[512];
    snprintf(o, sizeof o, "%s/tool.out", fx_dir);
    snprintf(e, sizeof e, "%s/tool.err", fx_dir);
    snprintf(line, sizeof line, "%s '%s' %s >'%s' 2>'%s'", cmd, file, tail, o, e);
    int rc = system(line);
    size_t n;
    *out = oct_read_file(o, 1u << 28, &n);
    *err = oct_read_file(e, 1u << 20, &n);
    if (!*out) *out = oct_xstrdup("");
    if (!*err) *err = oct_xstrdup("");
    return rc;
}

/* Collapses runs of white space into one space, so text that wrapped in
 * the PDF compares with the source. */
static inline char *fx_squash(const char *s)
{
    char *o = oct_xmalloc(strlen(s) + 1), *w = o;
    int sp = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\f' || *s == '\r') {
            sp = 1;
            continue;
        }
        if (sp && w > o) *w++ = ' ';
        sp = 0;
        *w++ = *s;
    }
    *w = '\0';
    return o;
}

/* Checks a rendered file with qpdf --check, pdffonts and pdftotext: no
 * complaint on stderr, every font embedded+subset+ToUnicode. Returns the
 * raw text (caller frees). */
static inline char *fx_validate(const char *pdf)
{
    char *out, *err;
    CHECK(fx_run("qpdf --check", pdf, "", &out, &err) == 0);
    CHECK_STR(err, "");
    CHECK(strstr(out, "No syntax or stream encoding errors") != NULL);
    free(out);
    free(err);

    CHECK(fx_run("pdffonts", pdf, "", &out, &err) == 0);
    CHECK_STR(err, "");
    int fonts = 0;
    char *save = NULL;
    for (char *ln = strtok_r(out, "\n", &save); ln; ln = strtok_r(NULL, "\n", &save)) {
        if (strncmp(ln, "name", 4) == 0 || ln[0] == '-') continue;
        fonts++;
        /* name type encoding emb sub uni object ID: the three flags */
        CHECK(strstr(ln, "Identity-H       yes yes yes") != NULL);
        if (!strstr(ln, "yes yes yes")) fprintf(stderr, "  font: %s\n", ln);
    }
    CHECK(fonts > 0);
    free(out);
    free(err);

    char *text = NULL;
    CHECK(fx_run("pdftotext -raw -enc UTF-8", pdf, "-", &text, &err) == 0);
    CHECK_STR(err, "");
    free(err);
    return text;
}

/* True if `needle` (white space squashed) occurs in squashed `hay`. */
static inline int fx_contains(const char *hay, const char *needle)
{
    char *h = fx_squash(hay), *n = fx_squash(needle);
    int ok = strstr(h, n) != NULL;
    if (!ok) fprintf(stderr, "  missing from the PDF text: \"%s\"\n", n);
    free(h);
    free(n);
    return ok;
}

/* Offset of needle in hay, or (size_t)-1. */
static inline size_t fx_pos(const char *hay, const char *needle)
{
    const char *s = strstr(hay, needle);
    return s ? strlen(hay) - strlen(s) : (size_t)-1;
}

static inline size_t fx_count(const char *hay, const char *needle)
{
    size_t k = 0;
    for (const char *s = hay; (s = strstr(s, needle)); s += strlen(needle))
        k++;
    return k;
}

/* Every character of the tree's TEXT, CODE and CODE_BLOCK nodes (but
 * white space, the continuation mark and `dropped`) must come out of
 * pdftotext, word by word, in order. Returns the number of words missing. */
static inline size_t fx_words_in_order(const oct_tree *t, const char *pdf_text,
                                       const char *const *dropped, size_t ndropped)
{
    oct_buf hay = OCT_BUF_INIT;
    for (const char *s = pdf_text; *s; s++) {
        if (strncmp(s, "\xE2\x86\xAA", 3) == 0)
            s += 2;
        else if (*s != ' ' && *s != '\n' && *s != '\f' && *s != '\t')
            oct_buf_putc(&hay, *s);
    }
    size_t pos = 0, missing = 0;
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (ev != OCT_EV_ENTER || !n->text || n->kind == OCT_INDEX_TERM) continue;
        const char *s = n->text;
        while (*s) {
            oct_buf w = OCT_BUF_INIT;
            while (*s && (*s == ' ' || *s == '\n' || *s == '\t'))
                s++;
            while (*s && *s != ' ' && *s != '\n' && *s != '\t') {
                size_t k, skip = 0;
                for (k = 0; k < ndropped && !skip; k++)
                    if (strncmp(s, dropped[k], strlen(dropped[k])) == 0) skip = strlen(dropped[k]);
                if (skip)
                    s += skip;
                else
                    oct_buf_putc(&w, *s++);
            }
            if (w.len) {
                const char *f = strstr(hay.data + pos, w.data);
                if (f)
                    pos = (size_t)(f - hay.data) + w.len;
                else if (missing++ < 5)
                    fprintf(stderr, "  word not found in order: %s\n", w.data);
            }
            oct_buf_free(&w);
        }
    }
    oct_buf_free(&hay);
    return missing;
}

#endif
