/* Typographic quotes (src/tree/quotes.c): each language's marks, the
 * apostrophe, quotes around emphasis, code left alone, and the quotes
 * whose side is unclear left as typed. */
#include "check.h"
#include "html_support.h"
#include "tree/tree.h"

#include <stdlib.h>
#include <string.h>

/* The chapter's visible text after the pass, one line per block. */
static char *quoted(const char *md, const char *lang)
{
    doc r = ingest(md);
    r.t->meta.lang = lang;
    oct_tree_smart_quotes(r.t);
    oct_buf b = OCT_BUF_INIT;
    for (const oct_node *k = r.ch ? r.ch->first : NULL; k; k = k->next) {
        oct_node_plain_text_to(k, &b);
        oct_buf_putc(&b, '\n');
    }
    release(&r);
    return b.data ? oct_buf_detach(&b) : calloc(1, 1);
}

static void expect(const char *md, const char *lang, const char *want)
{
    char *got = quoted(md, lang);
    CHECK_STR(got, want);
    free(got);
}

/* Markdown, the booklet's language, the text after the pass. */
static const struct {
    const char *md, *lang, *want;
} CASES[] = {
    /* English: double and single marks, apostrophes, nesting */
    {"She said \"don't 'panic' now.\"\n", "en",
     "She said \xe2\x80\x9c"
     "don\xe2\x80\x99t \xe2\x80\x98panic\xe2\x80\x99 now.\xe2\x80\x9d\n"},
    /* across emphasis and a link */
    {"\"*Carpe diem*\" and \"[the guide](https://example.org)\".\n", "en",
     "\xe2\x80\x9c"
     "Carpe diem\xe2\x80\x9d and \xe2\x80\x9cthe guide\xe2\x80\x9d.\n"},
    /* a quoted number pairs ('1984'), a year cut short is an apostrophe
     * ('90s), and rock 'n' roll has two apostrophes */
    {"Orwell's '1984' came out in '49; rock 'n' roll in the '50s.\n", "en",
     "Orwell\xe2\x80\x99s \xe2\x80\x98"
     "1984\xe2\x80\x99 came out in \xe2\x80\x99"
     "49; rock \xe2\x80\x99n\xe2\x80\x99 roll in the \xe2\x80\x99"
     "50s.\n"},
    /* Polish and Czech keep a one-letter word off a line's end; English
     * "a" and "I" may end one */
    {"Jad\xc4\x99 w g\xc3\xb3ry i nad morze z bratem.\n", "pl",
     "Jad\xc4\x99 w\xc2\xa0g\xc3\xb3ry i\xc2\xa0nad morze z\xc2\xa0"
     "bratem.\n"},
    {"Jdu k doktorovi s bratrem (v pond\xc4\x9bl\xc3\xad).\n", "cs",
     "Jdu k\xc2\xa0"
     "doktorovi s\xc2\xa0"
     "bratrem (v\xc2\xa0pond\xc4\x9bl\xc3\xad).\n"},
    {"I saw a cat.\n", "en", "I saw a cat.\n"},
    /* German, French (narrow no-break spaces), Russian, Polish, Swedish */
    {"Er sagte \"Hallo\".\n", "de", "Er sagte \xe2\x80\x9eHallo\xe2\x80\x9c.\n"},
    {"Il a dit \"bonjour\" \xc3\xa0 l'\xc3\xa9"
     "cole.\n",
     "fr-CA",
     "Il a dit \xc2\xab\xe2\x80\xaf"
     "bonjour\xe2\x80\xaf\xc2\xbb \xc3\xa0 l\xe2\x80\x99\xc3\xa9"
     "cole.\n"},
    /* French: the plain spaces inside « » and before ; ! ? : no longer break */
    {"l'\xc2\xab serre \xc2\xbb ; vrai ! Pourquoi ? Note : oui;non\n", "fr",
     "l\xe2\x80\x99\xc2\xab\xe2\x80\xafserre\xe2\x80\xaf\xc2\xbb\xe2\x80\xaf; "
     "vrai\xe2\x80\xaf! Pourquoi\xe2\x80\xaf? Note\xc2\xa0: oui;non\n"},
    {"\xd0\x9e\xd0\xbd \"\xd0\xb4\xd0\xb0\".\n", "ru",
     "\xd0\x9e\xd0\xbd \xc2\xab\xd0\xb4\xd0\xb0\xc2\xbb.\n"},
    {"Powiedzia\xc5\x82 \"tak\".\n", "pl", "Powiedzia\xc5\x82 \xe2\x80\x9etak\xe2\x80\x9d.\n"},
    {"Han sa \"ja\".\n", "sv", "Han sa \xe2\x80\x9dja\xe2\x80\x9d.\n"},
    /* Brazilian Portuguese sets English marks, Portugal's « » */
    {"Ele disse \"sim\".\n", "pt-BR", "Ele disse \xe2\x80\x9csim\xe2\x80\x9d.\n"},
    {"Ele disse \"sim\".\n", "pt", "Ele disse \xc2\xabsim\xc2\xbb.\n"},
    /* right-to-left scripts keep their quotes */
    {"\"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\"\n", "he", "\"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\"\n"},
    /* code, feet and inches, a lone quote, apostrophes of years and plurals */
    {"Run `print(\"hi\")` then \"go\".\n", "en",
     "Run print(\"hi\") then \xe2\x80\x9cgo\xe2\x80\x9d.\n"},
    {"He is 5'10\" tall; a \" alone.\n", "en", "He is 5'10\" tall; a \" alone.\n"},
    {"In the '90s the students' books were \"in 1990\".\n", "en",
     "In the \xe2\x80\x99"
     "90s the students\xe2\x80\x99 books were \xe2\x80\x9cin 1990\xe2\x80\x9d.\n"},
    /* a code block is never touched; each block is its own run */
    {"```\nx = \"a\"\n```\n\n\"one\n\ntwo\"\n", "en",
     "x = \"a\"\n\xe2\x80\x9c"
     "one\ntwo\xe2\x80\x9d\n"},
};

/* The marks the booklet quotes its own wordings with are the ones the
 * pass sets (one table for both), and right-to-left languages get theirs
 * though their typed quotes stay. */
static void test_marks(void)
{
    static const struct {
        const char *lang, *open, *close;
    } M[] = {
        {NULL, "\u201c", "\u201d"},    {"en-GB", "\u201c", "\u201d"},
        {"de", "\u201e", "\u201c"},    {"fr-CA", "\u00ab\u202f", "\u202f\u00bb"},
        {"pt-BR", "\u201c", "\u201d"}, {"pt", "\u00ab", "\u00bb"},
        {"ja", "\u300c", "\u300d"},    {"ar", "\u00ab", "\u00bb"},
        {"he", "\u201e", "\u201d"},    {"xx", "\u201c", "\u201d"},
    };
    for (size_t i = 0; i < sizeof M / sizeof *M; i++) {
        const char *o, *c;
        oct_quote_marks(M[i].lang, &o, &c);
        CHECK(strcmp(o, M[i].open) == 0 && strcmp(c, M[i].close) == 0);
    }
    /* the pass sets the same marks: French, spaced */
    char *got = quoted("Il a dit \"oui\".\n", "fr");
    const char *o, *c;
    oct_quote_marks("fr", &o, &c);
    CHECK(strstr(got, o) && strstr(got, c));
    free(got);
}

int main(void)
{
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++)
        expect(CASES[i].md, CASES[i].lang, CASES[i].want);
    test_marks();
    return check_done();
}
