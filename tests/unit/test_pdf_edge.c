/* PDF backend, the edges: bad layouts and fonts, unwritable outputs, empty
 * and pathological trees, strings beyond the BMP in the document info and
 * the outline, link schemes, the ToUnicode CMap itself. */
#include "test_pdf_fixture.h"

#include "diag.h"
#include "tree/tree.h"

#include <dirent.h>

static const oct_diag_msg *find_code(oct_diag *d, const char *code)
{
    for (size_t i = 0; i < oct_diag_size(d); i++)
        if (strcmp(oct_diag_at(d, i)->code, code) == 0) return oct_diag_at(d, i);
    return NULL;
}

/* The file expanded by qpdf (uncompressed, one object a line). */
static char *qdf(const char *pdf)
{
    char *out, *err;
    CHECK(fx_run("qpdf --qdf --object-streams=disable", pdf, "-", &out, &err) == 0);
    CHECK_STR(err, "");
    free(err);
    return out;
}

static void test_bad_setup(void)
{
    oct_diag *d = oct_diag_new(NULL);
    oct_layout l = fx_layout();
    l.mono.regular = "/nonexistent/Mono.ttf";
    l.mono.bold = l.mono.italic = l.mono.bold_italic = NULL;
    CHECK(oct_pdf_new(&l, d) == NULL);
    const oct_diag_msg *m = find_code(d, "pdf-font");
    CHECK(m && m->file && strcmp(m->file, "/nonexistent/Mono.ttf") == 0);

    l = fx_layout();
    l.margin_inner = 400;
    l.margin_outer = 400;
    CHECK(oct_pdf_new(&l, d) == NULL);
    CHECK(find_code(d, "pdf-layout") != NULL);
    oct_diag_free(d);

    /* NULL-safe API */
    oct_pdf_free(NULL);
    CHECK(oct_pdf_render(NULL, NULL) == -1);
    CHECK(oct_pdf_close(NULL, "x.pdf") == -1);
}

static bool dir_has_temp(const char *dir)
{
    DIR *dp = opendir(dir);
    bool found = false;
    struct dirent *e;
    while (dp && (e = readdir(dp)))
        if (strstr(e->d_name, ".tmp.")) found = true;
    if (dp) closedir(dp);
    return found;
}

static void test_outputs(void)
{
    oct_tree *t = oct_tree_new();
    oct_tree_add_file(t, "a.md");
    fx_para(t, fx_chapter(t, "Only chapter"), "Some text.");
    oct_diag *d = oct_diag_new(NULL);
    CHECK(fx_render(t, "/nonexistent-dir/out.pdf", d) == -1);
    const oct_diag_msg *m = find_code(d, "pdf-write");
    CHECK(m && strcmp(m->file, "/nonexistent-dir/out.pdf") == 0);

    /* render twice on one backend is refused; close before render fails */
    oct_layout l = fx_layout();
    oct_pdf *p = oct_pdf_new(&l, d);
    CHECK(oct_pdf_close(p, fx_path("never.pdf")) == -1);
    CHECK(access(fx_path("never.pdf"), F_OK) != 0);
    CHECK(oct_pdf_render(p, t) == 0);
    CHECK(oct_pdf_render(p, t) == -1);
    CHECK(oct_pdf_close(p, fx_path("ok.pdf")) == 0);
    oct_pdf_free(p);
    CHECK(!dir_has_temp(fx_dir));
    char *text = fx_validate(fx_path("ok.pdf"));
    CHECK(fx_contains(text, "Some text."));
    free(text);
    oct_diag_free(d);
    oct_tree_free(t);
}

static void test_empty(void)
{
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    CHECK(fx_render(t, fx_path("empty.pdf"), d) == 0);
    CHECK(oct_diag_size(d) == 0);
    char *out, *err;
    CHECK(fx_run("qpdf --check", fx_path("empty.pdf"), "", &out, &err) == 0);
    CHECK_STR(err, "");
    free(out);
    free(err);
    oct_diag_free(d);
    oct_tree_free(t);
}

/* 400 nested quotes and 400 nested lists: no crash, every word kept. */
static void test_deep(void)
{
    oct_tree *t = oct_tree_new();
    oct_tree_add_file(t, "deep.md");
    oct_node *ch = fx_chapter(t, "Deep");
    oct_node *q = ch;
    for (int i = 0; i < 400; i++)
        q = fx_node(t, q, OCT_BLOCKQUOTE);
    fx_para(t, q, "innermost quote");
    oct_node *it = ch;
    for (int i = 0; i < 400; i++) {
        oct_node *l = fx_node(t, it, OCT_LIST);
        it = fx_node(t, l, OCT_ITEM);
    }
    fx_para(t, it, "innermost item");
    oct_node *p = fx_node(t, ch, OCT_PARAGRAPH);
    for (int i = 0; i < 400; i++)
        p = fx_node(t, p, i % 2 ? OCT_STRONG : OCT_EMPH);
    fx_text(t, p, OCT_TEXT, "innermost emphasis");
    oct_diag *d = oct_diag_new(NULL);
    CHECK(fx_render(t, fx_path("deep.pdf"), d) == 0);
    char *text = fx_validate(fx_path("deep.pdf"));
    CHECK(fx_contains(text, "innermost quote"));
    CHECK(fx_contains(text, "innermost item"));
    CHECK(fx_contains(text, "innermost emphasis"));
    free(text);
    oct_diag_free(d);
    oct_tree_free(t);
}

static void test_strings_beyond_bmp(void)
{
    oct_tree *t = oct_tree_new();
    oct_tree_add_file(t, "emoji.md");
    t->meta.title = "Rocket 🚀 notes";
    t->meta.author = "Ada";
    oct_node *ch = fx_chapter(t, "Launch 🚀 day");
    fx_heading(t, ch, 1, "Ünïcode “section”");
    fx_para(t, ch, "Control \x01 character and a \xF0\x9F\x9A\x80 rocket.");
    oct_tree_assign_ids(t);
    oct_diag *d = oct_diag_new(NULL);
    CHECK(fx_render(t, fx_path("emoji.pdf"), d) == 0);
    /* one warning per character: the rocket (title page, chapter title,
     * paragraph: a box each time) and U+0001 (left out) */
    CHECK(check_count_code(d, "pdf-missing-glyph") == 2);
    int rocket = 0, control = 0;
    for (size_t i = 0; i < oct_diag_size(d); i++) {
        const oct_diag_msg *m = oct_diag_at(d, i);
        if (strcmp(m->code, "pdf-missing-glyph") != 0) continue;
        rocket += strstr(m->message, "U+1F680 ROCKET is in no font") != NULL;
        control += strstr(m->message, "U+0001 (control) left out") != NULL;
    }
    CHECK(rocket == 1 && control == 1);
    char *out, *err;
    CHECK(fx_run("pdfinfo", fx_path("emoji.pdf"), "", &out, &err) == 0);
    CHECK(strstr(out, "Title:           Rocket 🚀 notes") != NULL);
    free(out);
    free(err);
    char *q = qdf(fx_path("emoji.pdf"));
    /* outline titles: UTF-16BE with BOM, the rocket as a surrogate pair */
    CHECK(strstr(q, "/Title <feff004c00610075006e006300680020d83dde800020006400610079>") != NULL);
    CHECK(strstr(q, "/Title <feff00dc006e00ef0063006f00640065002020") != NULL);
    CHECK(strstr(q, "begincidrange") == NULL);
    CHECK(strstr(q, "/CMapType 2 def") != NULL);
    CHECK(strstr(q, "/Ordering (Identity-H)") == NULL);
    free(q);
    char *text = fx_validate(fx_path("emoji.pdf"));
    CHECK(fx_contains(text, "Control character and a 🚀 rocket."));
    free(text);
    oct_diag_free(d);
    oct_tree_free(t);
}

static void test_links(void)
{
    oct_tree *t = oct_tree_new();
    oct_tree_add_file(t, "links.md");
    oct_node *ch = fx_chapter(t, "Links");
    oct_node *p = fx_node(t, ch, OCT_PARAGRAPH);
    const char *urls[] = {"https://example.org/päth?q=1", "javascript:alert(1)", "notes.md",
                          "#s-target", "#missing"};
    for (int i = 0; i < 5; i++) {
        oct_node *l = fx_node(t, p, OCT_LINK);
        l->u.link.url = urls[i];
        fx_text(t, l, OCT_TEXT, urls[i]);
        fx_text(t, p, OCT_TEXT, " ");
    }
    fx_heading(t, ch, 1, "Target");
    oct_tree_assign_ids(t);
    oct_diag *d = oct_diag_new(NULL);
    CHECK(fx_render(t, fx_path("links.pdf"), d) == 0);
    char *q = qdf(fx_path("links.pdf"));
    CHECK(strstr(q, "/URI (https://example.org/p%C3%A4th?q=1)") != NULL);
    CHECK(strstr(q, "/URI (javascript") == NULL);
    CHECK(strstr(q, "notes.md)") == NULL);
    /* URL, #s-target: one chapter has no contents page */
    CHECK(fx_count(q, "/Subtype /Link") == 2);
    CHECK(strstr(q, "/XYZ\n  null\n") != NULL);
    free(q);
    char *text = fx_validate(fx_path("links.pdf"));
    CHECK(fx_contains(text, "javascript:alert(1) notes.md #s-target #missing"));
    free(text);
    oct_diag_free(d);
    oct_tree_free(t);
}

/* More than 100 separate code points in one font: the CMap needs several
 * bfchar blocks; every character must still come back out. */
static void test_many_code_points(void)
{
    oct_tree *t = oct_tree_new();
    oct_tree_add_file(t, "chars.md");
    oct_buf b = OCT_BUF_INIT;
    for (unsigned cp = 0x100; cp < 0x250; cp += 2) {
        oct_buf_put_utf8(&b, cp);
        if (cp % 16 == 14) oct_buf_putc(&b, ' ');
    }
    fx_para(t, fx_chapter(t, "Latin Extended"), b.data);
    oct_diag *d = oct_diag_new(NULL);
    CHECK(fx_render(t, fx_path("chars.pdf"), d) == 0);
    CHECK(check_count_code(d, "pdf-missing-glyph") == 0);
    char *text = fx_validate(fx_path("chars.pdf"));
    CHECK(fx_contains(text, b.data));
    free(text);
    oct_buf_free(&b);
    oct_diag_free(d);
    oct_tree_free(t);
}

/* A font without an OS/2 table (libharu 2.3.0 refused it when it loaded
 * fonts itself): octavo writes the font objects, so the booklet renders,
 * drawn from that face, with its descriptor taken from the other tables. */
static void test_font_without_os2(void)
{
    size_t n;
    char *ttf = oct_read_file(fx_font(15, "DejaVuSans.ttf"), 1u << 24, &n);
    CHECK(ttf != NULL);
    if (!ttf) return;
    char *tag = NULL;
    for (size_t i = 12; i + 4 < n && i < 12 + 16 * 64; i += 16)
        if (memcmp(ttf + i, "OS/2", 4) == 0) tag = ttf + i;
    CHECK(tag != NULL);
    if (tag) tag[3] = '3';
    FILE *f = fopen(fx_path("bad.ttf"), "wb");
    CHECK(f && fwrite(ttf, 1, n, f) == n);
    if (f) fclose(f);
    free(ttf);

    oct_layout l = fx_layout();
    l.fallback[0].regular = l.fallback[0].bold = fx_path("bad.ttf");
    oct_tree *t = oct_tree_new();
    oct_tree_add_file(t, "x.md");
    fx_para(t, fx_chapter(t, "Fallback"), "A knight \u265E needs the fallback face.");
    oct_diag *d = oct_diag_new(NULL);
    oct_pdf *p = oct_pdf_new(&l, d);
    CHECK(p != NULL);
    CHECK(oct_pdf_render(p, t) == 0);
    CHECK(oct_pdf_close(p, fx_path("no-os2.pdf")) == 0);
    oct_pdf_free(p);
    CHECK(check_count_code(d, "pdf-internal") == 0);
    CHECK(check_count_code(d, "pdf-missing-glyph") == 0); /* the knight is drawn */
    CHECK(access(fx_path("no-os2.pdf"), F_OK) == 0);
    CHECK(!dir_has_temp(fx_dir));
    oct_diag_free(d);
    oct_tree_free(t);
}

/* Random trees (fixed seed): any nesting of any kinds, odd characters,
 * empty nodes. Rendering must succeed and stay valid. */
static unsigned rnd_state = 12345;
static unsigned rnd(unsigned n)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return (rnd_state >> 16) % n;
}

static const char *const SNIPPETS[] = {
    "word",
    "two words here",
    "",
    "  ",
    "tab\tand\nnewline",
    "😀",
    "中文",
    "\x7f\x02",
    "averyveryverylongtokenwithoutanybreakopportunitiesatallaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "ÀÉÎÕÜ ß æ œ",
    "– — … “ ” ‘ ’ • ✓ ✗ → ⇒",
    "x\u200by",
    "\xC2\xAD soft",
    "https://example.org/a_b?c=d&e=f#g"};

static oct_node *random_node(oct_tree *t, oct_node *parent, int depth)
{
    static const oct_kind blocks[] = {
        OCT_PARAGRAPH,    OCT_SECTION,      OCT_LIST,       OCT_ITEM,       OCT_CODE_BLOCK,
        OCT_TABLE,        OCT_TABLE_ROW,    OCT_TABLE_CELL, OCT_BLOCKQUOTE, OCT_THEMATIC_BREAK,
        OCT_FOOTNOTE_DEF, OCT_QUESTION,     OCT_ANSWER,     OCT_FIGURE,     OCT_TEXT,
        OCT_CODE,         OCT_EMPH,         OCT_STRONG,     OCT_STRIKE,     OCT_LINK,
        OCT_IMAGE,        OCT_FOOTNOTE_REF, OCT_SOFT_BREAK, OCT_LINE_BREAK, OCT_INDEX_TERM};
    oct_kind k = blocks[rnd(sizeof blocks / sizeof *blocks)];
    oct_node *n = fx_node(t, parent, k);
    n->text = SNIPPETS[rnd(sizeof SNIPPETS / sizeof *SNIPPETS)];
    if (k != OCT_TEXT && k != OCT_CODE && k != OCT_CODE_BLOCK && k != OCT_INDEX_TERM && rnd(3))
        n->text = NULL;
    if (k == OCT_SECTION) n->u.section.level = (int)rnd(9) - 1;
    if (k == OCT_LIST) n->u.list.start = (int)rnd(100), n->u.list.ordered = rnd(2);
    if (k == OCT_ITEM) n->u.item.number = (int)rnd(30), n->u.item.task = (oct_task)rnd(3);
    if (k == OCT_TABLE) n->u.table.ncols = (int)rnd(4);
    if (k == OCT_LINK || k == OCT_IMAGE) n->u.link.url = rnd(2) ? "#nowhere" : "http://x.y/";
    if (k == OCT_FOOTNOTE_REF || k == OCT_FOOTNOTE_DEF) {
        n->u.footnote.index = (int)rnd(4);
        n->u.footnote.label = rnd(2) ? "n" : NULL;
    }
    if (k == OCT_QUESTION) n->u.question.number = (int)rnd(50), n->u.question.answered = rnd(2);
    int kids = depth < 7 ? (int)rnd(5) : 0;
    for (int i = 0; i < kids; i++)
        random_node(t, n, depth + 1);
    return n;
}

static void test_random_trees(void)
{
    for (int round = 0; round < 20; round++) {
        oct_tree *t = oct_tree_new();
        oct_tree_add_file(t, "random.md");
        if (rnd(2)) t->meta.title = SNIPPETS[rnd(sizeof SNIPPETS / sizeof *SNIPPETS)];
        int nch = (int)rnd(4);
        for (int c = 0; c < nch; c++) {
            oct_node *ch = fx_chapter(t, SNIPPETS[rnd(sizeof SNIPPETS / sizeof *SNIPPETS)]);
            int n = (int)rnd(12);
            for (int i = 0; i < n; i++)
                random_node(t, ch, 0);
        }
        if (rnd(3) == 0) random_node(t, t->root, 0);
        oct_tree_assign_ids(t);
        oct_diag *d = oct_diag_new(NULL);
        CHECK(fx_render(t, fx_path("random.pdf"), d) == 0);
        CHECK(oct_diag_count(d, OCT_ERROR) == 0);
        if (round % 10 == 0) free(fx_validate(fx_path("random.pdf")));
        oct_diag_free(d);
        oct_tree_free(t);
    }
}

int main(void)
{
    fx_mkdir();
    test_bad_setup();
    test_outputs();
    test_empty();
    test_deep();
    test_strings_beyond_bmp();
    test_links();
    test_many_code_points();
    test_font_without_os2();
    test_random_trees();
    if (getenv("OCTAVO_KEEP"))
        printf("files kept in %s\n", fx_dir);
    else {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx_dir);
        CHECK(system(cmd) == 0);
    }
    return check_done();
}
