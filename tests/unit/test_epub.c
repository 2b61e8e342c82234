/* EPUB backend: hand-built trees with every node kind, rendered, then
 * checked the way a reader or a store would: epubcheck 4.2.6 and 5.1.0,
 * the ZIP layout byte by byte, the XHTML text, and build-to-build
 * identity. */
#include "check.h"
#include "epubcheck.h"
#include "epub/epub.h"
#include "util/buf.h"
#include "util/fileio.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/octavo-epub-XXXXXX";

/* ---- tree building ---- */

static oct_node *add(oct_tree *t, oct_node *parent, oct_kind kind)
{
    oct_node *n = oct_node_new(t, kind, (oct_span){0, 1, 1});
    oct_node_append(parent, n);
    return n;
}

static oct_node *text(oct_tree *t, oct_node *parent, const char *s)
{
    oct_node *n = oct_node_new_text(t, OCT_TEXT, (oct_span){0, 1, 1}, s, strlen(s));
    oct_node_append(parent, n);
    return n;
}

static oct_node *para(oct_tree *t, oct_node *parent, const char *s)
{
    oct_node *p = add(t, parent, OCT_PARAGRAPH);
    text(t, p, s);
    return p;
}

static oct_node *add_link(oct_tree *t, oct_node *parent, const char *url, const char *label)
{
    oct_node *l = add(t, parent, OCT_LINK);
    l->u.link.url = url;
    if (label) text(t, l, label);
    return l;
}

static oct_node *section(oct_tree *t, oct_node *parent, int level, const char *s)
{
    oct_node *h = add(t, parent, OCT_SECTION);
    h->u.section.level = level;
    text(t, h, s);
    return h;
}

static void add_inlines(oct_tree *t, oct_node *ch)
{
    oct_node *p = add(t, ch, OCT_PARAGRAPH);
    text(t, p, "Plain <b>not bold</b> & \"quoted\" ");
    text(t, add(t, p, OCT_EMPH), "emph");
    text(t, add(t, p, OCT_STRONG), "strong");
    text(t, add(t, p, OCT_STRIKE), "struck");
    oct_node *c = oct_node_new_text(t, OCT_CODE, (oct_span){0, 1, 1}, "a<b>&c", 6);
    oct_node_append(p, c);
    add(t, p, OCT_SOFT_BREAK);
    text(t, p, "emoji \xF0\x9F\x98\x80 clef \xF0\x9D\x84\x9E control\x01\x7F char \xEF\xBF\xBF");
    add(t, p, OCT_LINE_BREAK);
    add_link(t, p, "https://example.com/a b?x=<1>#f#g", "good link");
    add_link(t, p, "javascript:alert(1)", "js link");
    add_link(t, p, "docs/intro.md", "relative link");
    add_link(t, p, "http://", "empty host");
    add_link(t, p, "#s-getting-started", "internal link");
    add_link(t, p, "#getting-started", "github-style link");
    add_link(t, p, "#q12-what-is-a-view", "question link");
    add_link(t, p, "#nowhere", "dangling link");
    add_link(t, p, "mailto:someone@example.com", NULL);
    oct_node *outer = add_link(t, p, "https://outer.example.com/", "outer ");
    add_link(t, outer, "https://inner.example.com/", "inner");
    oct_node *ref_in_link = add(t, outer, OCT_FOOTNOTE_REF);
    ref_in_link->u.footnote.index = 1;
    oct_node *img = add(t, p, OCT_IMAGE);
    img->u.link.url = "https://example.com/cat.png";
    text(t, img, "a cat");
    oct_node *img2 = add(t, p, OCT_IMAGE);
    img2->u.link.url = "x.png";
    oct_node *ref = add(t, p, OCT_FOOTNOTE_REF);
    ref->u.footnote.index = 1;
    ref->u.footnote.label = "note";
    oct_node *ref2 = add(t, p, OCT_FOOTNOTE_REF);
    ref2->u.footnote.index = 1;
    oct_node *orphan = add(t, p, OCT_FOOTNOTE_REF);
    orphan->u.footnote.index = 7;
    oct_node *term = oct_node_new_text(t, OCT_INDEX_TERM, (oct_span){0, 1, 1}, "ZZINDEX", 7);
    oct_node_append(p, term);
}

static void add_lists(oct_tree *t, oct_node *ch)
{
    oct_node *ol = add(t, ch, OCT_LIST);
    ol->u.list.ordered = true;
    ol->u.list.tight = true;
    ol->u.list.start = 3;
    int numbers[] = {3, 14, 15};
    for (int i = 0; i < 3; i++) {
        oct_node *it = add(t, ol, OCT_ITEM);
        it->u.item.number = numbers[i];
        para(t, it, "ordered item");
    }
    oct_node *ul = add(t, ch, OCT_LIST);
    ul->u.list.tight = false;
    oct_node *done = add(t, ul, OCT_ITEM);
    done->u.item.task = OCT_TASK_DONE;
    para(t, done, "done task");
    oct_node *open = add(t, ul, OCT_ITEM);
    open->u.item.task = OCT_TASK_OPEN;
    para(t, open, "open task");
    oct_node *nested = add(t, open, OCT_LIST);
    para(t, add(t, nested, OCT_ITEM), "nested item");
}

static void add_code_and_table(oct_tree *t, oct_node *ch)
{
    const char *src = "def f(x):\n    return x < 1 and \"&amp;\"\n";
    oct_node *code = oct_node_new_text(t, OCT_CODE_BLOCK, (oct_span){0, 1, 1}, src, strlen(src));
    code->u.code.lang = "python {.class}";
    oct_node_append(ch, code);
    oct_node *bare = oct_node_new_text(t, OCT_CODE_BLOCK, (oct_span){0, 1, 1}, "x", 1);
    oct_node_append(ch, bare);
    const char *tabs = "a\tb\n\tpip --trusted-host h";
    oct_node_append(ch,
                    oct_node_new_text(t, OCT_CODE_BLOCK, (oct_span){0, 1, 1}, tabs, strlen(tabs)));

    oct_node *table = add(t, ch, OCT_TABLE);
    table->u.table.ncols = 3;
    table->u.table.aligns = oct_arena_alloc(t->arena, 3 * sizeof(oct_align));
    table->u.table.aligns[0] = OCT_ALIGN_LEFT;
    table->u.table.aligns[1] = OCT_ALIGN_CENTER;
    table->u.table.aligns[2] = OCT_ALIGN_RIGHT;
    const char *cells[2][3] = {{"Name", "Kind", "Count"}, {"a|b", "<x>", "42"}};
    for (int r = 0; r < 2; r++) {
        oct_node *row = add(t, table, OCT_TABLE_ROW);
        row->u.row.header = r == 0;
        for (int c = 0; c < 3; c++)
            text(t, add(t, row, OCT_TABLE_CELL), cells[r][c]);
    }
    oct_node *extra = add(t, table, OCT_TABLE_ROW); /* more cells than columns */
    for (int c = 0; c < 4; c++)
        text(t, add(t, extra, OCT_TABLE_CELL), "e");

    /* words too long for a phone even at 0.75em: a fixed layout */
    oct_node *wide = add(t, ch, OCT_TABLE);
    wide->u.table.ncols = 2;
    oct_node *row = add(t, wide, OCT_TABLE_ROW);
    text(t, add(t, row, OCT_TABLE_CELL), "FASTQUEUE_DEFAULT_TIMEOUT_SECONDS_OF_EVERY_RUNNING_JOB");
    text(t, add(t, row, OCT_TABLE_CELL), "seconds before a running job is lost, re-queued");

    /* the same characters as code are wider than as prose: 13-letter
     * names fit a phone's line set smaller as text, not as code */
    for (int as_code = 0; as_code < 2; as_code++) {
        oct_node *names = add(t, ch, OCT_TABLE);
        names->u.table.ncols = 3;
        oct_node *nr = add(t, names, OCT_TABLE_ROW);
        for (int c = 0; c < 3; c++) {
            oct_node *cell = add(t, nr, OCT_TABLE_CELL);
            const char *w = as_code ? "select_relate" : "Selectrelated";
            oct_node_append(cell, oct_node_new_text(t, as_code ? OCT_CODE : OCT_TEXT,
                                                    (oct_span){0, 1, 1}, w, strlen(w)));
        }
    }
}

static void add_questions(oct_tree *t, oct_node *ch)
{
    oct_node *q = add(t, ch, OCT_QUESTION);
    q->u.question.number = 12;
    q->u.question.answered = true;
    text(t, q, "What is a view?");
    oct_node *a = add(t, q, OCT_ANSWER);
    para(t, a, "A callable that takes a request.");
    oct_node *q2 = add(t, ch, OCT_QUESTION);
    q2->u.question.number = 13;
    text(t, q2, "What is middleware?");
    oct_node *q3 = add(t, ch, OCT_QUESTION); /* no number, empty prompt */
    (void)q3;
}

static void add_deep(oct_tree *t, oct_node *ch)
{
    oct_node *cur = ch;
    for (int i = 0; i < 300; i++)
        cur = add(t, cur, OCT_BLOCKQUOTE);
    para(t, cur, "deep quote text");
    oct_node *p = add(t, ch, OCT_PARAGRAPH);
    cur = p;
    for (int i = 0; i < 300; i++)
        cur = add(t, cur, i % 2 ? OCT_EMPH : OCT_STRONG);
    text(t, cur, "deep emphasis text");
}

static oct_tree *full_tree(void)
{
    oct_tree *t = oct_tree_new();
    oct_tree_add_file(t, "notes.md");
    t->meta.title = "Test <Book> & Co";
    t->meta.subtitle = "A subtitle";
    t->meta.author = "A. Author";
    t->meta.lang = "en";
    t->meta.date = "2025-01-15";
    t->meta.modified = "2025-02-03T04:05:06Z";
    t->meta.description = "Every node kind.";
    static const char *kw[] = {"django", "python"};
    t->meta.keywords = kw;
    t->meta.nkeywords = 2;

    oct_node *ch = add(t, t->root, OCT_CHAPTER);
    ch->u.chapter.title = "Basics & <Intro>";
    section(t, ch, 1, "Getting started");
    add_inlines(t, ch);
    add_lists(t, ch);
    section(t, ch, 2, "Code & tables");
    add_code_and_table(t, ch);
    oct_node *bq = add(t, ch, OCT_BLOCKQUOTE);
    para(t, bq, "quoted");
    add(t, ch, OCT_THEMATIC_BREAK);
    section(t, ch, 6, "Level six");
    section(t, ch, 3, "");
    add_questions(t, ch);
    add_deep(t, ch);
    text(t, ch, "stray inline text in a chapter");
    oct_node *def = add(t, ch, OCT_FOOTNOTE_DEF);
    def->u.footnote.index = 1;
    def->u.footnote.label = "note";
    para(t, def, "The footnote text.");
    oct_node *unused = add(t, ch, OCT_FOOTNOTE_DEF);
    unused->u.footnote.index = 2;
    unused->u.footnote.label = "unused";
    add(t, unused, OCT_THEMATIC_BREAK);

    oct_node *ch2 = add(t, t->root, OCT_CHAPTER); /* no title */
    para(t, ch2, "Second chapter.");
    add_link(t, add(t, ch2, OCT_PARAGRAPH), "#q12-what-is-a-view", "back to question 12");
    oct_tree_assign_ids(t);
    return t;
}

/* ---- helpers ---- */

static char *path_in_tmp(const char *name)
{
    size_t n = strlen(tmpdir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", tmpdir, name);
    return p;
}

static int write_epub(const oct_tree *t, const char *path, oct_diag *d)
{
    oct_epub *e = oct_epub_new(NULL, d);
    int rc = oct_epub_render(e, t);
    if (rc == 0) rc = oct_epub_close(e, path);
    oct_epub_free(e);
    return rc;
}

static char *member(const char *epub, const char *name)
{
    char cmd[1024];
    int st;
    snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s'", epub, name);
    char *s = check_run(cmd, &st);
    CHECK(st == 0);
    return s;
}

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Walks the local headers: mimetype first, stored, then every entry
 * without extra fields, all with the given DOS date and time. */
static void check_zip_layout(const char *path, unsigned dos_date, unsigned dos_time)
{
    size_t len = 0;
    unsigned char *z = (unsigned char *)oct_read_file(path, 64u << 20, &len);
    CHECK(z != NULL && len > 30);
    if (!z || len < 30) return;
    CHECK(le32(z) == 0x04034b50);
    CHECK(le16(z + 8) == 0);  /* stored */
    CHECK(le16(z + 26) == 8); /* name length */
    CHECK(memcmp(z + 30, "mimetype", 8) == 0);
    CHECK(le32(z + 18) == 20 && memcmp(z + 38, "application/epub+zip", 20) == 0);
    size_t off = 0, entries = 0;
    while (off + 30 <= len && le32(z + off) == 0x04034b50) {
        CHECK(le16(z + off + 28) == 0);      /* no extra field */
        CHECK((le16(z + off + 6) & 8) == 0); /* no data descriptor */
        CHECK(le16(z + off + 10) == dos_time);
        CHECK(le16(z + off + 12) == dos_date);
        off += 30 + le16(z + off + 26) + le16(z + off + 28) + le32(z + off + 18);
        entries++;
    }
    CHECK(entries >= 8);
    CHECK(off + 4 <= len && le32(z + off) == 0x02014b50); /* central directory follows */
    /* central directory entries: no extra fields either */
    while (off + 46 <= len && le32(z + off) == 0x02014b50) {
        CHECK(le16(z + off + 30) == 0);
        off += 46 + le16(z + off + 28) + le16(z + off + 30) + le16(z + off + 32);
    }
    free(z);
}

static int contains(const char *hay, const char *needle)
{
    int ok = hay && strstr(hay, needle) != NULL;
    if (!ok) fprintf(stderr, "  missing: %s\n", needle);
    return ok;
}

static int lacks(const char *hay, const char *needle)
{
    int ok = hay && strstr(hay, needle) == NULL;
    if (!ok) fprintf(stderr, "  unexpected: %s\n", needle);
    return ok;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *s = hay; s && (s = strstr(s, needle)); s++)
        n++;
    return n;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    return (unsigned char *)oct_read_file(path, 64u << 20, len);
}

/* ---- tests ---- */

static void check_chapter_one(const char *epub)
{
    char *x = member(epub, "OEBPS/ch-basics-intro.xhtml");
    CHECK(contains(x, "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                      "xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"en\" lang=\"en\">"));
    CHECK(contains(x, "<section epub:type=\"chapter\" role=\"doc-chapter\" "
                      "id=\"ch-basics-intro\">"));
    CHECK(contains(x, "<h1>Basics &amp; &lt;Intro&gt;</h1>"));
    CHECK(contains(x, "<h2 id=\"s-getting-started\">Getting started</h2>"));
    CHECK(contains(x, "<h3 id=\"s-code-tables\">"));
    CHECK(contains(x, "<h6 id=\"s-level-six\">"));
    /* lists: start, own numbers, tasks */
    CHECK(contains(x, "<ol start=\"3\">"));
    CHECK(contains(x, "<li value=\"14\">ordered item</li>"));
    CHECK(lacks(x, "value=\"15\"") && lacks(x, "value=\"3\""));
    CHECK(contains(x,
                   "<li class=\"task\"><p><span class=\"task-box\">\xE2\x98\x91</span> done task"));
    CHECK(contains(x, "<span class=\"task-box\">\xE2\x98\x90</span> open task"));
    CHECK(lacks(x, "<input"));
    /* code and table */
    /* highlighted (src/highlight/), and escaped inside the spans */
    /* every line its own span (a hanging indent in css.c), its newline
     * inside it and the block's last one dropped; iN is its indent */
    CHECK(contains(x, "<pre><code class=\"language-python\"><span class=\"cl\">"
                      "<span class=\"hl-keyword\">def</span> "
                      "<span class=\"hl-function\">f</span>"));
    CHECK(contains(x, ":</span>\n</span><span class=\"cl i4\">    "));
    CHECK(contains(x,
                   "<span class=\"hl-operator\">&lt;</span> <span class=\"hl-number\">1</span> "
                   "<span class=\"hl-keyword\">and</span> "
                   "<span class=\"hl-string\">&quot;&amp;amp;&quot;</span></span></code></pre>"));
    CHECK(contains(x, "<pre><code><span class=\"cl\">x</span></code></pre>"));
    /* tabs to 4 columns; an option's hyphens held to its first letter */
    CHECK(contains(x, "<pre><code><span class=\"cl\">a   b\n</span><span class=\"cl i4\">    pip "
                      "<span class=\"nb\">--t</span>rusted-host h</span></code></pre>"));
    CHECK(contains(x, "<thead>") && contains(x, "<tbody>"));
    /* a table that fits a phone keeps the book's size; one that does not is
     * smaller, and one too wide even so gets its columns' shares */
    CHECK(contains(x, "<table>\n<thead>"));
    CHECK(contains(x, "<table class=\"widest\">\n<colgroup><col style=\"width: 64%\"/>"
                      "<col style=\"width: 36%\"/></colgroup>"));
    CHECK(contains(x, "<table class=\"wide\">\n<tbody>\n<tr><td>Selectrelated</td>"));
    CHECK(
        contains(x, "<table class=\"wider\">\n<tbody>\n<tr><td><code class=\"nb\">select_relate"));
    CHECK(contains(x, "<th scope=\"col\" class=\"align-left\">Name</th>"));
    CHECK(contains(x, "<td class=\"align-right\">42</td>"));
    CHECK(contains(x, "<td class=\"align-center\">&lt;x&gt;</td>"));
    /* inlines and escaping */
    CHECK(contains(x, "Plain &lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot; "));
    CHECK(contains(x, "<em>emph</em><strong>strong</strong><del>struck</del>"));
    /* short inline code is kept whole (a reader would cut it after a hyphen) */
    CHECK(contains(x, "<code class=\"nb\">a&lt;b&gt;&amp;c</code>"));
    CHECK(contains(x, "emoji \xF0\x9F\x98\x80 clef \xF0\x9D\x84\x9E"));
    CHECK(contains(x, "control\xEF\xBF\xBD\xEF\xBF\xBD char \xEF\xBF\xBD"));
    CHECK(contains(x, "<br/>"));
    CHECK(lacks(x, "ZZINDEX"));
    /* links */
    CHECK(contains(x, "<a href=\"https://example.com/a%20b?x=%3C1%3E#f%23g\">good link</a>"));
    CHECK(lacks(x, "javascript") && contains(x, "js link"));
    CHECK(lacks(x, "docs/intro.md") && contains(x, "relative link"));
    CHECK(lacks(x, "href=\"http://\"") && contains(x, "empty host"));
    CHECK(count(x, "href=\"ch-basics-intro.xhtml#s-getting-started\"") == 2);
    CHECK(contains(x, "<a href=\"ch-basics-intro.xhtml#q12-what-is-a-view\">question link</a>"));
    CHECK(lacks(x, "nowhere") && contains(x, "dangling link"));
    CHECK(contains(x, "<a href=\"mailto:someone@example.com\">mailto:someone@example.com</a>"));
    CHECK(contains(x, "<a href=\"https://outer.example.com/\">outer inner<sup>1</sup></a>"));
    CHECK(lacks(x, "inner.example.com"));
    /* images never load */
    CHECK(contains(x, "<span class=\"image-alt\">[image: a cat]</span>"));
    CHECK(contains(x, "<span class=\"image-alt\">[image]</span>"));
    CHECK(lacks(x, "<img") && lacks(x, "cat.png"));
    /* footnotes */
    CHECK(contains(x, "<a epub:type=\"noteref\" role=\"doc-noteref\" id=\"fnref-fn-note\" "
                      "href=\"#fn-note\"><sup>1</sup></a>"));
    CHECK(contains(x, "id=\"fnref2-fn-note\""));
    CHECK(contains(x, "<sup>7</sup>") && lacks(x, "fn-x7"));
    CHECK(contains(x, "<aside epub:type=\"footnote\" role=\"doc-footnote\" class=\"footnote\" "
                      "id=\"fn-note\">"));
    CHECK(contains(x, "<p><a class=\"fn-back\" role=\"doc-backlink\" href=\"#fnref-fn-note\">1."
                      "</a> The footnote text.</p>"));
    CHECK(contains(x, "id=\"fn-unused\"") && contains(x, "<span class=\"fn-num\">2.</span>"));
    CHECK(lacks(x, "href=\"#fnref-fn-unused\""));
    /* questions */
    CHECK(contains(x, "<div class=\"question\" id=\"q12-what-is-a-view\">"));
    CHECK(contains(x, "<p class=\"prompt\"><span class=\"qnum\">12.</span> What is a view?</p>"));
    CHECK(contains(x, "<div class=\"answer\" id=\"a-"));
    CHECK(contains(x, "<span class=\"qnum\">13.</span> What is middleware?"));
    CHECK(count(x, "<p class=\"no-answer\">No answer in the notes</p>") == 2);
    /* deep nesting is flattened, not lost */
    CHECK(contains(x, "deep quote text") && contains(x, "deep emphasis text"));
    CHECK(count(x, "<blockquote") <= 13);
    CHECK(contains(x, "<p>stray inline text in a chapter</p>"));
    free(x);
}

static void check_frame(const char *epub)
{
    char *nav = member(epub, "OEBPS/nav.xhtml");
    CHECK(contains(nav, "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\">"));
    CHECK(contains(nav, "<a href=\"title.xhtml\">Test &lt;Book&gt; &amp; Co</a>"));
    CHECK(contains(nav, "<a href=\"ch-basics-intro.xhtml\">Basics &amp; &lt;Intro&gt;</a>"));
    CHECK(contains(nav, "<a href=\"ch-basics-intro.xhtml#s-getting-started\">Getting started"));
    CHECK(contains(nav, ">12. What is a view?</a>"));
    CHECK(contains(nav, "<a href=\"ch-x.xhtml\">Chapter 2</a>"));
    CHECK(contains(nav, "epub:type=\"landmarks\""));
    CHECK(lacks(nav, "<a href=\"nav.xhtml#toc\">Contents</a>"));
    CHECK(lacks(nav, "Level six"));
    free(nav);

    char *ncx = member(epub, "OEBPS/toc.ncx");
    CHECK(contains(ncx, "<meta name=\"dtb:uid\" content=\"urn:uuid:"));
    CHECK(contains(ncx, "playOrder=\"1\"") && contains(ncx, "<content src=\"title.xhtml\"/>"));
    CHECK(contains(ncx, "<text>Chapter 2</text>"));
    CHECK(contains(ncx, "<content src=\"nav.xhtml#toc\"/>"));
    free(ncx);

    char *opf = member(epub, "OEBPS/content.opf");
    CHECK(count(opf, "dcterms:modified") == 1);
    CHECK(contains(opf, "<meta property=\"dcterms:modified\">2025-02-03T04:05:06Z</meta>"));
    CHECK(contains(opf, "<dc:language>en</dc:language>"));
    CHECK(contains(opf, "<dc:date>2025-01-15</dc:date>"));
    CHECK(contains(opf, "<dc:title id=\"title\">Test &lt;Book&gt; &amp; Co</dc:title>"));
    CHECK(contains(opf, "<dc:creator id=\"creator\">A. Author</dc:creator>"));
    CHECK(contains(opf, "<dc:identifier id=\"bookid\">urn:uuid:"));
    CHECK(contains(opf, "<dc:subject>django</dc:subject>"));
    const char *a11y[] = {"schema:accessMode\">textual",
                          "schema:accessModeSufficient\">textual",
                          "schema:accessibilityFeature\">structuralNavigation",
                          "schema:accessibilityFeature\">tableOfContents",
                          "schema:accessibilityFeature\">readingOrder",
                          "schema:accessibilityHazard\">none",
                          "schema:accessibilitySummary\">",
                          "dcterms:conformsTo\">EPUB Accessibility 1.1"};
    for (size_t i = 0; i < sizeof a11y / sizeof *a11y; i++)
        CHECK(contains(opf, a11y[i]));
    CHECK(contains(opf, "<itemref idref=\"titlepage\"/>\n<itemref idref=\"nav\"/>\n"
                        "<itemref idref=\"i-ch-basics-intro\"/>\n<itemref idref=\"i-ch-x\"/>"));
    free(opf);

    char *ch2 = member(epub, "OEBPS/ch-x.xhtml");
    CHECK(contains(ch2, "<h1>Chapter 2</h1>"));
    CHECK(contains(ch2, "<a href=\"ch-basics-intro.xhtml#q12-what-is-a-view\">"));
    free(ch2);

    char *css = member(epub, "OEBPS/style.css");
    CHECK(contains(css, "white-space: pre-wrap"));
    CHECK(lacks(css, "flex") && lacks(css, "grid") && lacks(css, "position"));
    /* tables shrink on a phone's width only; a wide one is fixed everywhere */
    const char *phone = strstr(css, "@media (max-width: 40em) {");
    CHECK(phone && strstr(phone, "table.wide {") && lacks(css, "}\ntable.wide {"));
    CHECK(contains(css, "table.widest { table-layout: fixed; width: 100%; }"));
    free(css);

    int st;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "zipinfo -1 '%s'", epub);
    char *names = check_run(cmd, &st);
    CHECK(st == 0);
    CHECK(contains(names, "mimetype\nMETA-INF/container.xml\nOEBPS/content.opf\n"
                          "OEBPS/style.css\nOEBPS/nav.xhtml\nOEBPS/toc.ncx\nOEBPS/title.xhtml\n"
                          "OEBPS/ch-basics-intro.xhtml\nOEBPS/ch-x.xhtml\n"));
    CHECK(strncmp(names, "mimetype\n", 9) == 0);
    free(names);
}

static void test_full_book(void)
{
    oct_tree *t = full_tree();
    oct_diag *d = oct_diag_new(NULL);
    char *path = path_in_tmp("full.epub");
    CHECK(write_epub(t, path, d) == 0);
    CHECK(oct_diag_count(d, OCT_ERROR) == 0 && oct_diag_count(d, OCT_WARNING) == 0);
    /* one note per dropped link: js, relative, empty host, dangling */
    CHECK(oct_diag_count(d, OCT_NOTE) == 4);
    check_zip_layout(path, (45u << 9) | (2u << 5) | 3u, (4u << 11) | (5u << 5) | 3u);
    check_chapter_one(path);
    check_frame(path);
    epubcheck_queue(path);

    /* Same tree built again, later: identical bytes. */
    oct_tree *t2 = full_tree();
    char *path2 = path_in_tmp("full2.epub");
    sleep(1);
    CHECK(write_epub(t2, path2, d) == 0);
    size_t n1 = 0, n2 = 0;
    unsigned char *b1 = slurp(path, &n1), *b2 = slurp(path2, &n2);
    CHECK(b1 && b2 && n1 == n2 && memcmp(b1, b2, n1) == 0);
    free(b1);
    free(b2);
    free(path2);
    oct_tree_free(t2);
    free(path);
    oct_diag_free(d);
    oct_tree_free(t);
}

/* Metadata that needs repair, no ids, a PART, loose blocks, duplicate and
 * unusable ids: still a valid book, with warnings for the metadata. */
static oct_tree *odd_tree(const char *lang, const char *identifier, const char *date,
                          const char *modified)
{
    oct_tree *t = oct_tree_new();
    t->meta.title = NULL;
    t->meta.lang = lang;
    t->meta.identifier = identifier;
    t->meta.date = date;
    t->meta.modified = modified;
    para(t, t->root, "Loose paragraph before any chapter.");
    oct_node *part = add(t, t->root, OCT_PART);
    section(t, part, 1, "Part one title");
    para(t, part, "Part introduction.");
    oct_node *ch = add(t, part, OCT_CHAPTER);
    ch->u.chapter.title = "Inside the part";
    oct_node *h1 = section(t, ch, 1, "Same");
    h1->id = "dup";
    oct_node *h2 = section(t, ch, 1, "Same again");
    h2->id = "dup";
    oct_node *h3 = section(t, ch, 2, "Bad id");
    h3->id = "1bad id";
    oct_node *h4 = section(t, ch, 2, "Reserved id");
    h4->id = "fnref-x";
    oct_node *q = add(t, ch, OCT_QUESTION);
    text(t, q, "Unnumbered question?");
    oct_node *a = add(t, q, OCT_ANSWER);
    text(t, a, "Inline text directly in an answer.");
    add_link(t, add(t, ch, OCT_PARAGRAPH), "#dup", "to dup");
    oct_node *ch2 = add(t, t->root, OCT_CHAPTER);
    ch2->u.chapter.title = "   ";
    oct_node *list = add(t, ch2, OCT_LIST);
    list->u.list.ordered = true;
    list->u.list.start = 1; /* items without numbers */
    para(t, add(t, list, OCT_ITEM), "one");
    para(t, add(t, list, OCT_ITEM), "two");
    para(t, list, "not an item");
    oct_node *def = add(t, ch2, OCT_FOOTNOTE_DEF); /* never referenced, no paragraph */
    def->u.footnote.index = 1;
    para(t, t->root, "Loose paragraph at the end.");
    return t;
}

static void test_odd_book(void)
{
    oct_tree *t = odd_tree("en_US", "urn:uuid:not-a-uuid", "15/01/2025", "2025-01-15");
    oct_diag *d = oct_diag_new(NULL);
    char *path = path_in_tmp("odd.epub");
    CHECK(write_epub(t, path, d) == 0);
    CHECK(oct_diag_count(d, OCT_ERROR) == 0);
    CHECK(oct_diag_count(d, OCT_WARNING) == 2); /* identifier, date */
    check_zip_layout(path, (45u << 9) | (1u << 5) | 15u, 0);
    char *opf = member(path, "OEBPS/content.opf");
    CHECK(contains(opf, "<dc:language>en-US</dc:language>"));
    CHECK(contains(opf, "<dc:title id=\"title\">Untitled</dc:title>"));
    CHECK(contains(opf, ">2025-01-15T00:00:00Z</meta>"));
    CHECK(lacks(opf, "dc:date") && lacks(opf, "not-a-uuid"));
    CHECK(lacks(opf, "dc:creator"));
    CHECK(contains(opf, "href=\"notes-1.xhtml\"") && contains(opf, "href=\"notes-2.xhtml\""));
    CHECK(contains(opf, "href=\"part-x1.xhtml\""));
    free(opf);
    char *part = member(path, "OEBPS/part-x1.xhtml");
    CHECK(contains(part, "<section epub:type=\"part\" role=\"doc-part\""));
    CHECK(contains(part, ">Part one title</h1>") && contains(part, "Part introduction."));
    CHECK(lacks(part, "Inside the part"));
    free(part);
    char *ch = member(path, "OEBPS/ch-x3.xhtml");
    CHECK(count(ch, "id=\"dup\"") == 1);
    CHECK(lacks(ch, "1bad") && lacks(ch, "id=\"fnref-x\""));
    CHECK(contains(ch, "<a href=\"ch-x3.xhtml#dup\">to dup</a>"));
    CHECK(contains(ch, "<p>Inline text directly in an answer.</p>"));
    free(ch);
    char *ch2 = member(path, "OEBPS/ch-x9.xhtml");
    CHECK(contains(ch2, "<h1>Chapter 2</h1>"));
    CHECK(contains(ch2, "<ol>") && lacks(ch2, "value="));
    CHECK(contains(ch2, "<li><p>not an item</p>\n</li>"));
    CHECK(contains(ch2, "<p class=\"fn-label\"><span class=\"fn-num\">1.</span> </p>"));
    free(ch2);
    epubcheck_queue(path);

    /* An unusable language falls back to en; the identifier is derived
     * from the title, the same every time. */
    oct_tree *t2 = odd_tree("english please", NULL, NULL, NULL);
    CHECK(write_epub(t2, path, d) == 0);
    opf = member(path, "OEBPS/content.opf");
    CHECK(contains(opf, "<dc:language>en</dc:language>"));
    CHECK(contains(opf, ">2000-01-01T00:00:00Z</meta>"));
    check_zip_layout(path, (0u << 9) | (1u << 5) | 1u, 0);
    char *x = member(path, "OEBPS/notes-1.xhtml");
    CHECK(contains(x, "xml:lang=\"en\" lang=\"en\""));
    free(x);
    const char *id = strstr(opf, "urn:uuid:");
    CHECK(id && strlen(id) > 45 && id[9 + 14] == '8');
    char *opf2 = NULL;
    oct_tree *t3 = odd_tree("en", NULL, NULL, NULL);
    CHECK(write_epub(t3, path, d) == 0);
    opf2 = member(path, "OEBPS/content.opf");
    CHECK(id && strstr(opf2, "urn:uuid:") && strncmp(id, strstr(opf2, "urn:uuid:"), 45) == 0);
    free(opf);
    free(opf2);
    oct_tree_free(t3);
    oct_tree_free(t2);
    free(path);
    oct_diag_free(d);
    oct_tree_free(t);
}

static void test_failures(void)
{
    oct_diag *d = oct_diag_new(NULL);
    oct_tree *t = odd_tree("en", NULL, NULL, NULL);
    char *path = path_in_tmp("keep.epub");
    CHECK(write_epub(t, path, d) == 0);
    size_t before_len = 0;
    unsigned char *before = slurp(path, &before_len);

    /* close without a successful render: error, old file untouched */
    oct_epub *e = oct_epub_new(NULL, d);
    size_t errors = oct_diag_count(d, OCT_ERROR);
    CHECK(oct_epub_close(e, path) == -1);
    CHECK(oct_diag_count(d, OCT_ERROR) == errors + 1);
    oct_epub_free(e);

    /* an unwritable destination: error, nothing left behind */
    e = oct_epub_new(NULL, d);
    CHECK(oct_epub_render(e, t) == 0);
    char *bad = path_in_tmp("no-such-dir/x.epub");
    CHECK(oct_epub_close(e, bad) == -1);
    CHECK(access(bad, F_OK) != 0);
    oct_epub_free(e);
    free(bad);

    size_t after_len = 0;
    unsigned char *after = slurp(path, &after_len);
    CHECK(before && after && before_len == after_len && !memcmp(before, after, after_len));
    int st;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -c tmp", tmpdir);
    char *out = check_run(cmd, &st);
    CHECK(out && atoi(out) == 0);
    free(out);
    free(before);
    free(after);

    /* a tree without a root is refused, not crashed on */
    oct_tree empty = {0};
    e = oct_epub_new(NULL, d);
    CHECK(oct_epub_render(e, &empty) == -1);
    oct_epub_free(e);
    oct_epub_free(NULL);
    free(path);
    oct_tree_free(t);
    oct_diag_free(d);
}

/* No chapters at all, rendered twice with one backend: still a valid book
 * (title page and contents), and the second render replaces the first. */
static void test_empty_book(void)
{
    oct_tree *t = oct_tree_new();
    oct_tree *full = full_tree();
    oct_diag *d = oct_diag_new(NULL);
    char *path = path_in_tmp("empty.epub");
    oct_epub *e = oct_epub_new(NULL, d);
    CHECK(oct_epub_render(e, full) == 0);
    CHECK(oct_epub_render(e, t) == 0);
    CHECK(oct_epub_close(e, path) == 0);
    oct_epub_free(e);
    int st;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "zipinfo -1 '%s'", path);
    char *names = check_run(cmd, &st);
    CHECK(st == 0 && lacks(names, "ch-"));
    free(names);
    char *opf = member(path, "OEBPS/content.opf");
    CHECK(contains(opf, "<dc:title id=\"title\">Untitled</dc:title>"));
    CHECK(contains(opf, "<dc:language>en</dc:language>"));
    free(opf);
    epubcheck_queue(path);
    free(path);
    oct_diag_free(d);
    oct_tree_free(full);
    oct_tree_free(t);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    test_full_book();
    test_odd_book();
    test_failures();
    test_empty_book();
    /* the validators' verdicts are each book's: a file that is no EPUB,
     * queued after the good books, is rejected and they are not */
    char *bad = path_in_tmp("not-a-book.epub");
    FILE *f = fopen(bad, "w");
    CHECK(f && fputs("not a zip\n", f) >= 0 && fclose(f) == 0);
    epubcheck_queue_broken(bad);
    free(bad);
    epubcheck_run();
    int st;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    /* OCTAVO_EPUB_KEEP=1 keeps the books for a look at them. */
    if (!check_failures && !getenv("OCTAVO_EPUB_KEEP"))
        free(check_run(cmd, &st));
    else
        fprintf(stderr, "output kept in %s\n", tmpdir);
    return check_done();
}
