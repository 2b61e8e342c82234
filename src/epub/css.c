#include "epub/docs.h"
#include "epub/render.h"
#include "tree/phrases.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <string.h>

/* Conservative CSS: block margins, borders and font sizes only. No flex,
 * grid, positioning, colours for text or backgrounds (they break night
 * modes), and nothing that Kobo, Kindle (KF8) or phone readers are known
 * to mishandle. Code wraps (pre-wrap) instead of running off the page. */

static const char BASE[] =
    /* Margins in em (2% was 8px on a phone) and a measure of at most 36em
     * (about 80 characters), centred: a tablet no longer sets 110-character
     * lines. Padding, not margin, so the reader's own margins add to it and
     * a reader that sets the measure itself overrides max-width. A word
     * too long for the line breaks instead of running off the page. */
    "body { margin: 0 auto; padding: 0 1em; max-width: 36em; line-height: 1.4;"
    " word-wrap: break-word; overflow-wrap: break-word; }\n"
    "h1, h2, h3, h4, h5, h6 { line-height: 1.2; text-align: left;"
    " page-break-after: avoid; page-break-inside: avoid; }\n"
    "h5, h6 { font-size: 1em; margin: 1em 0 0.4em; }\n"
    "p { margin: 0.4em 0; }\n"
    /* Code wraps only where a line must, at a space or punctuation when
     * it can (overflow-wrap, not word-break: break-all), never hyphenated
     * by a reader that hyphenates the book. */
    "pre { white-space: pre-wrap; word-wrap: break-word; overflow-wrap: break-word;"
    " -webkit-hyphens: none; hyphens: none; font-family: monospace;"
    " font-size: 0.85em; line-height: 1.3; margin: 0.6em 0; padding: 0.4em;"
    " border: 1px solid #999; text-align: left; }\n"
    "code { font-family: monospace; }\n"
    /* a subscript and a superscript on one symbol, one above the other */
    ".scripts { display: inline-block; vertical-align: -0.45em; line-height: 1;"
    " font-size: 0.75em; text-align: left; }\n"
    ".scripts sup, .scripts sub { display: block; font-size: 1em; vertical-align: baseline;"
    " line-height: 1.05; }\n"
    "pre code, pre samp { font-size: 1em; font-family: monospace; }\n"
    /* A program's output (a notebook's), as Jupyter sets it apart from
     * its code: no box but a rule down its left, under a muted "Out"
     * (put_output_label: the word in the booklet's language). */
    "pre.output { border: 0; border-left: 2px solid #999; padding: 0.1em 0 0.1em 0.6em; }\n"
    "pre.output::before { display: block; font-style: italic;"
    " font-size: 0.85em; color: #666; }\n"
    /* A source line (codehl.c) hangs: what wraps continues 3 columns in
     * from the line's own indent, off the grid of 2- and 4-column indents,
     * so it never reads as a statement of its own. em first for readers
     * that do not know ch (a column is about 0.6em in monospace). */
    "pre .cl { display: block; padding-left: 1.8em; text-indent: -1.8em;"
    " padding-left: 3ch; text-indent: -3ch; }\n"
    ".nb { white-space: nowrap; }\n"
    "blockquote { margin: 0.6em 0 0.6em 0.8em; padding-left: 0.5em;"
    " border-left: 2px solid #999; }\n"
    "hr { border: 0; border-top: 1px solid #999; margin: 1em 0; }\n"
    "ul, ol { margin: 0.4em 0; padding-left: 1.6em; }\n"
    "li { margin: 0.2em 0; }\n"
    "ul.task-list { padding-left: 1.2em; }\n"
    "li.task { list-style-type: none; }\n"
    ".task-box { font-weight: bold; }\n"
    "table { border-collapse: collapse; margin: 0.6em 0; }\n"
    /* Narrow columns on a phone: a word is hyphenated (in the document's
     * language) where the reader can, and broken only when it cannot fit
     * its cell alone (overflow-wrap, not word-break, which broke
     * "Formula" into "For/mul/a" with room to spare). Tables that are
     * wide for a phone (table.c) are set smaller instead, on a phone's
     * width only: a tablet or a desktop reader has room for them. */
    "th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; "
    "-webkit-hyphens: auto; hyphens: auto; word-wrap: break-word; overflow-wrap: break-word; }\n"
    "table.widest { table-layout: fixed; width: 100%; }\n"
    "@media (max-width: 40em) {\n"
    "  table.wide { font-size: 0.85em; }\n"
    "  table.wider, table.widest { font-size: 0.75em; }\n"
    "}\n"
    "th { font-weight: bold; }\n"
    ".align-left { text-align: left; }\n"
    ".align-center { text-align: center; }\n"
    ".align-right { text-align: right; }\n"
    ".question { margin: 1em 0; }\n"
    ".prompt { font-weight: bold; margin-bottom: 0.3em; page-break-after: avoid; }\n"
    ".qnum { font-weight: bold; }\n"
    ".marks { font-weight: normal; color: #666; }\n"
    ".answer { margin-left: 1em; }\n"
    ".no-answer { font-style: italic; margin-left: 1em; }\n"
    ".continued { font-style: italic; font-size: 0.85em; margin: 0 0 0.8em; }\n"
    "ol.chapter-contents { font-size: 0.9em; margin: 0 0 1em; }\n"
    ".answered-elsewhere, .to-research { font-style: italic; font-size: 0.9em; margin-left: 1em; "
    "}\n"
    ".research-list li { margin-bottom: 0.4em; }\n"
    ".research-source { font-style: italic; color: #666; }\n"
    ".image-alt { font-style: italic; }\n"
    "img { max-width: 100%; height: auto; }\n"
    "figure.picture { margin: 1em 0; text-align: center; page-break-inside: avoid; }\n"
    "figcaption { font-style: italic; font-size: 0.9em; margin-top: 0.3em; }\n"
    ".footnotes { margin-top: 2em; border-top: 1px solid #999; font-size: 0.9em; }\n"
    "aside.footnote { margin: 0.6em 0; }\n"
    ".fn-back, .fn-num { font-weight: bold; }\n"
    ".fn-label { margin-bottom: 0; }\n"
    ".titlepage { text-align: center; margin-top: 3em; }\n"
    ".titlepage .title { font-size: 2em; text-align: center; }\n"
    ".titlepage .subtitle { font-size: 1.2em; margin-top: 0.6em; }\n"
    ".titlepage .author, .titlepage .date { margin-top: 1.2em; }\n"
    "nav ol { list-style-type: none; padding-left: 1.2em; }\n"
    "ol.most-asked li { margin-bottom: 0.5em; }\n"
    ".asked-in { display: block; font-size: 0.85em; font-style: italic; color: #555; }\n"
    "p.asked-in, p.also-asked { margin: 0 0 0.1em 1em; }\n"
    ".also-asked { font-size: 0.85em; font-style: italic; color: #555; }\n"
    ".quiz-link { margin: 0.2em 0 0 1em; font-size: 0.9em; }\n"
    /* The key starts a page under its heading: after the last question
     * a reader without pop-ups showed the first answers on the same
     * screen. */
    ".quiz-key { margin-top: 2.5em; border-top: 1px solid #999;"
    " page-break-before: always; break-before: page; }\n"
    "aside.quiz-answer { margin: 1.2em 0 0 0; }\n"
    ".quiz-for { font-weight: bold; margin-bottom: 0.2em; }\n"
    ".quiz-back { font-size: 0.85em; }\n"
    ".card { margin: 1.2em 0; padding: 0.6em 0.8em; border: 1px solid #bbb; "
    "border-radius: 0.5em; page-break-inside: avoid; }\n"
    ".card-label { margin: 0 0 0.4em 0; font-size: 0.8em; font-weight: bold; color: #a8432a; }\n"
    ".card-topic { font-weight: normal; color: #666; margin-left: 0.8em; }\n"
    ".card-prompt { font-weight: bold; font-size: 1.1em; margin: 0.3em 0 0.6em 0; }\n"
    ".card-show { margin: 0; font-size: 0.9em; }\n"
    "aside.card-back { margin: 0.6em 0 0 0; padding: 0.4em 0 0 0; border-top: 1px dashed #bbb; }\n"
    ".card-alias { margin: 0.8em 0; }\n"
    ".card-same { font-size: 0.9em; font-style: italic; margin: 0; }\n"
    ".answer-source { font-size: 0.85em; font-weight: bold; color: #8a3a12; "
    "margin: 0.6em 0 0.2em 0; page-break-after: avoid; }\n"
    "ul.index-entries { list-style-type: none; padding-left: 0; }\n"
    "ul.index-entries li { margin: 0.15em 0 0.15em 1.5em; text-indent: -1.5em; }\n"
    ".index-expansion { font-style: italic; color: #555; }\n"
    /* Highlighted code (codehl.c), the PDF's theme (pdf/code_hl.c): the
     * classes that are dark there keep the reader's text colour and only
     * their weight, so night modes lose nothing; the rest are mid-grey
     * hues that read on white and on black. */
    ".hl-keyword, .hl-type, .hl-tag { font-weight: bold; }\n"
    ".hl-string { color: #338a3a; }\n"
    ".hl-comment { color: #7a7a7a; font-style: italic; }\n"
    ".hl-number { color: #a02c2c; }\n"
    ".hl-function { color: #7a4b00; }\n"
    ".hl-preproc { color: #9c4a00; font-style: italic; }\n"
    ".hl-operator { color: #555555; }\n"
    ".hl-variable { color: #00656b; }\n";

/* A heading size relative to the body text, kept within sane bounds, in
 * hundredths of an em (printed without printf's locale-dependent %f). */
static int ratio(double v, double fallback)
{
    if (!(v > 0)) v = fallback;
    v = v < 1.0 ? 1.0 : v > 3.0 ? 3.0 : v;
    return (int)(v * 100 + 0.5);
}

static void put_heading(oct_buf *b, int level, int size, const char *margin)
{
    oct_buf_printf(b, "h%d { font-size: %d.%02dem; margin: %s; }\n", level, size / 100, size % 100,
                   margin);
}

/* The hanging indent of a code line indented `cols` columns (codehl.c
 * writes class iN for N = 1..OCT_EPUB_CODE_MAX_INDENT): its continuation
 * lines start 3 columns right of its first character. */
static void put_code_indents(oct_buf *b)
{
    for (int cols = 1; cols <= OCT_EPUB_CODE_MAX_INDENT; cols++) {
        int tenths = (cols + 3) * 6; /* 0.6em a column */
        oct_buf_printf(b,
                       "pre .i%d { padding-left: %d.%dem; text-indent: -%d.%dem;"
                       " padding-left: %dch; text-indent: -%dch; }\n",
                       cols, tenths / 10, tenths % 10, tenths / 10, tenths % 10, cols + 3,
                       cols + 3);
    }
}

/* The label over a program's output as CSS generated content: the
 * phrase a string, each character past ASCII (and a quote or backslash)
 * as an escape, so the stylesheet is ASCII whatever the language. */
static void put_output_label(oct_buf *b, const char *lang)
{
    const char *s = oct_phrase(lang, OCT_PH_OUTPUT);
    size_t n = strlen(s);
    oct_buf_puts(b, "pre.output::before { content: \"");
    for (size_t i = 0; i < n;) {
        size_t len = 0;
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\')
            oct_buf_putc(b, (char)cp);
        else
            oct_buf_printf(b, "\\%X ", cp);
        i += len ? len : 1;
    }
    oct_buf_puts(b, "\"; }\n");
}

char *oct_epub_css(const oct_epub_style *s, const char *lang, size_t *len)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, BASE);
    put_output_label(&b, lang);
    put_code_indents(&b);
    put_heading(&b, 1, ratio(s->h1, 1.8), "0.8em 0 0.6em");
    put_heading(&b, 2, ratio(s->h2, 1.5), "1.2em 0 0.5em");
    put_heading(&b, 3, ratio(s->h3, 1.25), "1em 0 0.4em");
    put_heading(&b, 4, ratio(s->h4, 1.1), "1em 0 0.4em");
    *len = b.len;
    return oct_buf_detach(&b);
}
