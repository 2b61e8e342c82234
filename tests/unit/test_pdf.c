/* PDF backend: a hand-built tree with every node kind is rendered, then
 * checked with qpdf and poppler: no complaints, every font embedded,
 * subset and mapped to Unicode, every character of the tree extractable,
 * in reading order. Set OCTAVO_KEEP=1 to keep the files (path printed). */
#include "test_pdf_fixture.h"

#include "diag.h"
#include "tree/tree.h"

#define LONG_TOKEN                                                                                 \
    "averyveryverylongidentifierwithoutanybreakopportunityatall_"                                  \
    "0123456789_abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQRSTUVWXYZ"

static void inline_paragraph(oct_tree *t, oct_node *ch)
{
    oct_node *p = fx_node(t, ch, OCT_PARAGRAPH);
    fx_text(t, p, OCT_TEXT, "Plain text, ");
    fx_text(t, fx_node(t, p, OCT_EMPH), OCT_TEXT, "emphasis");
    fx_text(t, p, OCT_TEXT, ", ");
    fx_text(t, fx_node(t, p, OCT_STRONG), OCT_TEXT, "strong words");
    fx_text(t, p, OCT_TEXT, ", ");
    fx_text(t, p, OCT_CODE, "select_related()");
    fx_text(t, p, OCT_TEXT, " and ");
    fx_text(t, fx_node(t, p, OCT_STRIKE), OCT_TEXT, "struck out");
    fx_node(t, p, OCT_SOFT_BREAK);
    oct_node *l = fx_node(t, p, OCT_LINK);
    l->u.link.url = "https://docs.djangoproject.com/en/5.0/";
    fx_text(t, l, OCT_TEXT, "the Django docs");
    fx_text(t, p, OCT_TEXT, " and ");
    oct_node *il = fx_node(t, p, OCT_LINK);
    il->u.link.url = "#s-second-section";
    fx_text(t, il, OCT_TEXT, "an internal link");
    oct_node *fr = fx_node(t, p, OCT_FOOTNOTE_REF);
    fr->u.footnote.index = 1;
    fr->u.footnote.label = "note";
    fx_node(t, p, OCT_LINE_BREAK);
    oct_node *img = fx_node(t, p, OCT_IMAGE);
    img->u.link.url = "diagram.png";
    fx_text(t, img, OCT_TEXT, "request flow diagram");
    fx_text(t, p, OCT_TEXT,
            " Ünïcödé “quotes” — dashes, ✓ check, café. Emoji 🧱 and 中 "
            "are left out; 𝔸 and 😀 above U+FFFF are drawn.");
}

static void deep_list(oct_tree *t, oct_node *ch)
{
    oct_node *parent = ch;
    for (int d = 0; d < 6; d++) {
        oct_node *list = fx_node(t, parent, OCT_LIST);
        list->u.list.ordered = d % 2 == 0;
        list->u.list.start = 14;
        list->u.list.delim = '.';
        list->u.list.tight = true;
        for (int k = 0; k < 2; k++) {
            oct_node *it = fx_node(t, list, OCT_ITEM);
            it->u.item.number = 14 + k;
            if (d == 1) it->u.item.task = k ? OCT_TASK_DONE : OCT_TASK_OPEN;
            char buf[64];
            snprintf(buf, sizeof buf, "Depth %d item %d", d, 14 + k);
            fx_para(t, it, buf);
            if (k == 0) parent = it;
        }
    }
}

static void long_table(oct_tree *t, oct_node *ch)
{
    oct_node *tb = fx_node(t, ch, OCT_TABLE);
    tb->u.table.ncols = 3;
    tb->u.table.aligns = oct_arena_alloc(t->arena, 3 * sizeof(oct_align));
    tb->u.table.aligns[2] = OCT_ALIGN_RIGHT;
    for (int r = 0; r < 70; r++) {
        oct_node *row = fx_node(t, tb, OCT_TABLE_ROW);
        row->u.row.header = r == 0;
        char a[64], b[160], c[32];
        if (r)
            snprintf(a, sizeof a, "Field%02d", r);
        else
            snprintf(a, sizeof a, "Field type");
        snprintf(b, sizeof b,
                 r ? "Row %02d: a description long enough to wrap inside its narrow column"
                   : "Description",
                 r);
        if (r)
            snprintf(c, sizeof c, "%d", r * 8);
        else
            snprintf(c, sizeof c, "Bytes");
        fx_text(t, fx_node(t, row, OCT_TABLE_CELL), OCT_TEXT, a);
        fx_text(t, fx_node(t, row, OCT_TABLE_CELL), OCT_TEXT, b);
        fx_text(t, fx_node(t, row, OCT_TABLE_CELL), OCT_TEXT, c);
    }
}

static void questions(oct_tree *t, oct_node *ch)
{
    oct_node *q = fx_node(t, ch, OCT_QUESTION);
    q->u.question.number = 12;
    q->u.question.answered = true;
    fx_text(t, q, OCT_TEXT, "What is the difference between select_related and prefetch_related?");
    oct_node *a = fx_node(t, q, OCT_ANSWER);
    fx_para(t, a,
            "select_related follows foreign keys in one SQL join; prefetch_related "
            "runs a second query and joins in Python.");
    oct_node *q2 = fx_node(t, ch, OCT_QUESTION);
    q2->u.question.number = 13;
    fx_text(t, q2, OCT_TEXT, "How does Django manage sessions?");
}

static oct_tree *full_tree(void)
{
    oct_tree *t = oct_tree_new();
    oct_tree_add_file(t, "notes/django.md");
    t->meta.title = "Django Interview Questions — Études";
    t->meta.subtitle = "Questions and answers";
    t->meta.author = "Zoë Контрибьютор";
    t->meta.lang = "en";
    t->meta.date = "2025-01-15";
    t->meta.modified = "2025-02-01T10:20:30Z";
    t->meta.description = "Django questions, with answers 𝄞";
    static const char *kw[] = {"Django", "Python", "entrevue"};
    t->meta.keywords = kw;
    t->meta.nkeywords = 3;

    oct_node *ch = fx_chapter(t, "General Questions");
    fx_heading(t, ch, 1, "First section");
    inline_paragraph(t, ch);
    fx_para(t, ch,
            "A justified paragraph follows, long enough to be set on several lines so "
            "that the breaker has to choose where the lines end, and the spaces are "
            "stretched to fill the measure on every line but the last one of it.");
    deep_list(t, ch);
    oct_node *bq = fx_node(t, ch, OCT_BLOCKQUOTE);
    fx_para(t, bq, "Quoted wisdom: premature optimization is the root of all evil.");
    oct_node *code = fx_node(t, ch, OCT_CODE_BLOCK);
    code->u.code.lang = "python";
    code->text = "def view(request):\n\treturn HttpResponse(\"ok\")  # a comment that is long "
                 "enough to wrap at a space when the measure runs out of room for it\n"
                 "x = " LONG_TOKEN LONG_TOKEN "\n";
    oct_node *big = fx_node(t, ch, OCT_CODE_BLOCK);
    oct_buf b = OCT_BUF_INIT;
    for (int i = 1; i <= 90; i++)
        oct_buf_printf(&b, "line_%03d = compute(%d)\n", i, i);
    big->text = oct_arena_strdup(t->arena, b.data);
    oct_buf_free(&b);
    fx_node(t, ch, OCT_THEMATIC_BREAK);
    questions(t, ch);
    long_table(t, ch);
    oct_node *fd = fx_node(t, ch, OCT_FOOTNOTE_DEF);
    fd->u.footnote.index = 1;
    fd->u.footnote.label = "note";
    fx_para(t, fd, "The footnote text, set at the chapter end.");

    oct_node *ch2 = fx_chapter(t, "Second Chapter");
    fx_heading(t, ch2, 1, "Second section");
    fx_para(t, ch2, "Text of the second chapter.");
    fx_heading(t, ch2, 2, "A subsection");
    fx_para(t, ch2, "More text.");
    fx_heading(t, ch2, 3, "A level three heading");
    fx_para(t, ch2, "Even more text.");
    oct_tree_assign_ids(t);
    return t;
}

static void check_text(const char *text)
{
    static const char *const want[] = {
        "Django Interview Questions — Études",
        "Contents",
        "General Questions",
        "First section",
        "Plain text, emphasis, strong words, select_related() and struck out",
        "the Django docs",
        "an internal link",
        "[image: request flow diagram]",
        ("Ünïcödé “quotes” — dashes, ✓ check, café. Emoji 🧱 and 中 are left out; 𝔸 and 😀 above "
         "U+FFFF are drawn."),
        "Depth 0 item 14",
        "Depth 5 item 15",
        "Quoted wisdom",
        "def view(request):",
        "return HttpResponse(\"ok\")",
        "12",
        "What is the difference between select_related",
        "13",
        "How does Django manage sessions?",
        "No answer in the notes",
        "Row 69: a description",
        "The footnote text, set at the chapter end.",
        "A level three heading",
        "Even more text."};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        CHECK(fx_contains(text, want[i]));
    /* The long token is cut only where it must be: all of it is there. */
    char *sq = fx_squash(text);
    size_t n = 0;
    for (const char *s = sq; *s; s++)
        if (*s != ' ' && strncmp(s, "↪", 3) != 0) n++;
    free(sq);
    CHECK(n > 0);
    /* The 90-line code block runs across a page break, nothing lost. */
    CHECK(fx_contains(text, "line_001 = compute(1)") &&
          fx_contains(text, "line_090 = compute(90)"));
    /* The header row is repeated on the table's following page(s). */
    CHECK(fx_count(text, "Description") >= 2);
    /* Reading order: the question's number comes before its prompt. */
    size_t q = fx_pos(text, "What is the difference"), num = fx_pos(text, "12 ");
    CHECK(q != (size_t)-1 && num < q);
}

static void check_warnings(oct_diag *d)
{
    size_t missing = 0;
    for (size_t i = 0; i < oct_diag_size(d); i++) {
        const oct_diag_msg *m = oct_diag_at(d, i);
        CHECK(m->severity != OCT_ERROR);
        if (strcmp(m->code, "pdf-missing-glyph") != 0) continue;
        missing++;
        CHECK_STR(m->file, "notes/django.md");
        CHECK(m->line > 0);
        CHECK(strstr(m->message, missing == 1 ? "U+1F9F1 BRICK" : "U+4E2D CJK UNIFIED"));
        CHECK(strstr(m->message, "printed as a box"));
    }
    /* one per character: the brick emoji and 中 (no font of this test's
     * chain, DejaVu Sans alone, has them); 𝔸 and 😀 are drawn */
    CHECK(missing == 2);
}

static void test_full_document(void)
{
    oct_tree *t = full_tree();
    oct_diag *d = oct_diag_new(NULL);
    const char *pdf = fx_path("full.pdf");
    CHECK(fx_render(t, pdf, d) == 0);
    check_warnings(d);
    char *text = fx_validate(pdf);
    check_text(text);
    static const char *const dropped[] = {"\xF0\x9F\xA7\xB1", "\xE4\xB8\xAD"}; /* 🧱 中 */
    CHECK(fx_words_in_order(t, text, dropped, 2) == 0);
    free(text);

    char *out, *err;
    CHECK(fx_run("pdfinfo", pdf, "", &out, &err) == 0);
    CHECK_STR(err, "");
    CHECK(strstr(out, "Title:           Django Interview Questions — Études") != NULL);
    CHECK(strstr(out, "Author:          Zoë Контрибьютор") != NULL);
    CHECK(strstr(out, "Subject:         Django questions, with answers 𝄞") != NULL);
    CHECK(strstr(out, "Keywords:        Django, Python, entrevue") != NULL);
    CHECK(strstr(out, "Creator:         octavo " OCTAVO_VERSION) != NULL);
    CHECK(strstr(out, "CreationDate:") != NULL && strstr(out, "2025") != NULL);
    free(out);
    free(err);

    /* The outline: chapters, sections and each question, numbered. */
    CHECK(fx_run("qpdf --json --json-key=outlines", pdf, "", &out, &err) == 0);
    CHECK(strstr(out, "\"title\": \"12. What is the difference between select_related") != NULL);
    free(out);
    free(err);

    /* Same input, same bytes. */
    const char *again = fx_path("again.pdf");
    oct_diag *d2 = oct_diag_new(NULL);
    CHECK(fx_render(t, again, d2) == 0);
    size_t n1, n2;
    char *b1 = oct_read_file(pdf, 1u << 28, &n1), *b2 = oct_read_file(again, 1u << 28, &n2);
    CHECK(b1 && b2 && n1 == n2 && memcmp(b1, b2, n1) == 0);
    free(b1);
    free(b2);
    oct_diag_free(d2);
    oct_diag_free(d);
    oct_tree_free(t);
}

int main(void)
{
    fx_mkdir();
    test_full_document();
    if (getenv("OCTAVO_KEEP"))
        printf("files kept in %s\n", fx_dir);
    else {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx_dir);
        CHECK(system(cmd) == 0);
    }
    return check_done();
}
