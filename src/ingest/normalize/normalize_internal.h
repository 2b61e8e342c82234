/* Shared state of the plain-text normalizer (normalize*.c only).
 *
 * Sublists indented less than a wide number are first moved under it
 * (normalize_sublist.c). Then the normalizer works on an array of lines.
 * A round of detection runs:
 *   1. normalize_markdown.c  marks what Markdown already structures (fences,
 *      pipe tables, lists, headings, quotes, indented code) and
 *      normalize_markup.c its HTML blocks: never rewritten;
 *   2. normalize_filler.c    removes trailing artefacts (`?~`, `)\`), once;
 *   3. normalize_code.c      classifies every line (code strength, language),
 *      with normalize_stmt.c, _shell.c, _sql.c, _markup.c and _lexer.c;
 *   4. normalize_table.c     finds aligned columns and claims them as tables;
 *   5. normalize_block.c     grows code blocks from strong lines (and
 *      normalize_special.c whole YAML and Dockerfile blocks), claims them.
 * Rounds repeat while they find new block edges, because a written fence
 * changes the Markdown around it (normalize.c). Then normalize_filler.c
 * drops chat filler and normalize.c writes the text and its line map. */
#ifndef OCT_NORMALIZE_INTERNAL_H
#define OCT_NORMALIZE_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util/buf.h"

/* Line flags. */
enum {
    NL_BLANK = 1u << 0,
    NL_FENCE = 1u << 1,   /* inside or delimiting an existing fenced block */
    NL_PIPE = 1u << 2,    /* part of an existing GFM pipe table */
    NL_LIST = 1u << 3,    /* content of a list item, indented under it */
    NL_ITEM = 1u << 4,    /* a list item marker line */
    NL_LAZY = 1u << 5,    /* lazy paragraph continuation of a list item */
    NL_QUOTE = 1u << 6,   /* block quote line */
    NL_HEADING = 1u << 7, /* ATX heading (or, in code, a '#' comment) */
    NL_BREAK = 1u << 8,   /* thematic break or setext underline */
    NL_MDCODE = 1u << 9,  /* syntactically an indented code block */
    NL_DROP = 1u << 10,   /* chat filler, dropped */
    NL_CODE = 1u << 11,   /* claimed by a detected code block */
    NL_TABLE = 1u << 12,  /* claimed by a detected table */
    NL_HTML = 1u << 13,   /* inside a Markdown HTML block (see nl_line.html) */
    /* Where a detected block starts and ends; kept between the rounds of
     * detection (normalize.c) so Markdown structure is read as it will be
     * once the block is written: a fence at column 0 closes open lists, a
     * closed fence leaves no paragraph behind. */
    NL_OPENS_BLOCK = 1u << 14,
    NL_CLOSES_BLOCK = 1u << 15,
    /* A display formula written over several lines ($$ alone on a line,
     * \[, \begin{align}): NL_FENCE too, so no pass reads its lines as
     * prose, code or a table; written as one math span (normalize_math.c). */
    NL_MATH = 1u << 16,
    NL_MATH_END = 1u << 17, /* its last line */
};

/* Lines that belong to Markdown structure the author already wrote. */
#define NL_MARKDOWN (NL_FENCE | NL_PIPE | NL_QUOTE | NL_BREAK)

typedef enum {
    NL_LANG_NONE,
    NL_LANG_PYTHON,
    NL_LANG_SHELL,
    NL_LANG_SQL,
    NL_LANG_HTML,
    NL_LANG_DJANGO,
    NL_LANG_JSON,
    NL_LANG_YAML,
    NL_LANG_JS,
    NL_LANG_DOCKER,
    NL_LANG_C,
    NL_LANG_JAVA,
    NL_LANG_GO,
    NL_LANG_COUNT
} nl_lang;

/* How much a line on its own says "code". */
typedef enum {
    NL_NONE = 0, /* prose, or nothing a code block can hold at its base indent */
    NL_CONT,     /* can continue a block (comment, closing bracket, clause) */
    NL_WEAK,     /* a statement, but it could be a formula: needs company */
    NL_STRONG,   /* starts a block on its own */
} nl_strength;

/* Features of one classified line (nl_class.feat). */
enum {
    NL_F_HEADER = 1u << 0,    /* Python compound header "…:": needs a body */
    NL_F_DECORATOR = 1u << 1, /* "@name": strong when a def/class follows */
    NL_F_COMMENT = 1u << 2,   /* only a comment */
    NL_F_OPENS = 1u << 3,     /* ends with ':' '\\' ',' an operator or open bracket */
    NL_F_BACKSLASH = 1u << 4, /* ends with a line-continuation backslash */
    NL_F_TRIPLE = 1u << 5,    /* opens or closes a triple-quoted string */
    NL_F_SEMI = 1u << 6,      /* ends a statement with ';' */
    NL_F_LANG_WEAK = 1u << 7, /* language is a guess (python or js…) */
    NL_F_FEATURE = 1u << 8,   /* has a code feature (call, string, literal…) */
    NL_F_DEFCLASS = 1u << 9,  /* def / class header */
    NL_F_ONELINE = 1u << 10,  /* compound header with its body on the line */
    NL_F_ENTRY = 1u << 11,    /* "key": value — a statement only inside braces */
};

typedef struct {
    unsigned char strength; /* nl_strength */
    unsigned char lang;     /* nl_lang */
    unsigned short feat;
    signed char depth; /* net change of bracket depth over the line, clamped */
} nl_class;

typedef struct {
    const char *s; /* line text (points into the input), without '\n' */
    size_t len;    /* may shrink when an artefact is removed */
    int src;       /* 1-based source line */
    int indent;    /* columns of leading whitespace (tab stops of 4) */
    size_t lead;   /* bytes of leading whitespace */
    unsigned flags;
    int list_indent; /* content column of the enclosing list item (NL_LIST) */
    int split;       /* table rows: how the cells are split (normalize_table.c) */
    int html;        /* 1-based id of the Markdown HTML block holding the line, or 0 */
    nl_class cls;
} nl_line;

#define NL_MAX_COLS 24

typedef enum { NL_R_CODE, NL_R_TABLE } nl_region_kind;

typedef struct {
    nl_region_kind kind;
    size_t start, end; /* inclusive line indices */
    nl_lang lang;
    int fence_indent;      /* columns of the fence (list content) */
    int dedent;            /* columns removed from every code line */
    int ncols;             /* table columns */
    bool headless;         /* table: no row heads it (an empty header row is written) */
    int cols[NL_MAX_COLS]; /* table: column starts of space-aligned tables */
} nl_region;

typedef struct {
    const char *path;
    nl_line *lines;
    size_t n;
    nl_region *regions;
    size_t nregions, capregions;
    bool has_fences; /* the author already fences code somewhere */
    bool plain;      /* plain text: prose written with nl_out_prose */
    oct_diag *diag;
} nl_doc;

/* The normalized text being written, with its line map. */
typedef struct {
    oct_buf text;
    int *map; /* map[i]: source line of output line i+1 */
    size_t n, cap;
} nl_out;

/* Appends s[0..n) and a newline as one output line from source line src. */
void nl_out_line(nl_out *o, const char *s, size_t n, int src);
/* A line no block claimed: its TeX math made a code span (for ingest to
 * set as math), and when plain, written so that Markdown prints its text
 * as typed: a path's backslashes and a named tag's '<' escaped outside
 * code spans (normalize_escape.c). */
void nl_out_prose(nl_out *o, const nl_line *l, bool plain);
/* Writes s[0..n) (math with its delimiters) after `lead` as a code span
 * ingest sets as math (markdown.c), mapped to source line src. */
void nl_out_math(nl_out *o, const char *lead, size_t nlead, const char *s, size_t n, int src);

/* --- normalize_text.c: small text helpers shared by the passes --- */
bool nl_is_space(char c);
/* A run of three or more backticks or tildes opens t[0..n) (a fence line,
 * whatever follows): its character and length. */
bool nl_fence_run(const char *t, size_t n, char *ch, size_t *len);
/* c is one of the characters of set (never true for '\0'). */
bool nl_in_set(char c, const char *set);
bool nl_is_ident_start(unsigned char c);
bool nl_is_ident_char(unsigned char c);
/* Words in s[0..n) (runs of non-blanks holding a letter or digit); -1
 * when it holds one of the bytes in `not` (what code or markup holds).
 * *digit (when not NULL) is set when a word holds a digit. */
int nl_count_words(const char *s, size_t n, const char * not, bool *digit);
/* Source lines v[0..n), ascending, as ranges into b: "3-5, 9". */
void nl_put_line_ranges(oct_buf *b, const int *v, size_t n);
/* Puts s[0..n) without its first `cols` columns of indentation (tab
 * stops of 4; a tab straddling the cut leaves spaces for the rest of its
 * width). */
void nl_put_dedented(oct_buf *b, const char *s, size_t n, int cols);
/* Trims spaces/tabs on both ends of s[0..*n) in place. */
const char *nl_trim(const char *s, size_t *n);
/* Columns of leading whitespace (tabs to multiples of 4); *bytes gets the
 * byte length of that whitespace. */
int nl_indent_of(const char *s, size_t n, size_t *bytes);
bool nl_starts_with(const char *s, size_t n, const char *prefix);
bool nl_word_eq(const char *s, size_t n, const char *word);
/* True when the word is a common English/French/German/Spanish function
 * word ("the", "of", "le", "der"…): code arguments never are. */
bool nl_is_stopword(const char *w, size_t n);
/* A table's names in strcmp order, so that a word is found among them by
 * binary search: the classifiers look every word of every line up. */
typedef struct {
    const char *name;
    size_t at;  /* its entry's index in the table */
    size_t len; /* strlen(name), kept: a probe measured it every time */
} nl_name;
/* Fills out[0..count) from `count` entries `stride` bytes apart whose first
 * member is their name (a const char *), sorted by name, then index. */
void nl_names_sort(nl_name *out, const void *table, size_t count, size_t stride);
/* The index of the first entry named exactly w[0..n), or -1. */
long nl_names_find(const nl_name *names, size_t count, const char *w, size_t n);
/* w[0..n) (ASCII, any case) is one of the words of list, written as
 * " word word … " in lower case. */
bool nl_in_word_list(const char *list, const char *w, size_t n);
/* Length of the next word of letters/digits/'-'/'_' at s (0 if none). */
size_t nl_word_len(const char *s, size_t n);
/* True for typographic punctuation, arrows, symbols and emoji (U+2000
 * and above outside letters): prose, never identifiers. */
bool nl_is_symbol_cp(unsigned cp);
/* True when s holds an emoji or pictograph. */
bool nl_has_emoji(const char *s, size_t n);

/* --- normalize_lexer.c: is this a plausible expression/statement? --- */
typedef struct {
    bool ok;        /* tokens fit together like code, not like a sentence */
    int depth;      /* net bracket depth change */
    int min_depth;  /* lowest depth reached (negative: closes earlier lines) */
    bool has_call;  /* name( */
    bool long_call; /* a call on a name of 3+ characters or a dotted one */
    bool has_string;
    bool has_literal; /* [..] or {..} literal */
    bool has_dot;     /* a.b */
    bool has_const;   /* True False None null true false undefined */
    bool has_lambda;  /* lambda, await, new: only code says these */
    bool has_arrow;   /* => */
    bool has_comment; /* # or // comment */
    bool has_underscore_name;
    bool ends_open;  /* ends with an operator, ',', '\\' or an open bracket */
    bool ends_colon; /* ends with ':' (before any comment) */
    bool ends_semi;
    bool backslash;  /* ends with '\\' */
    bool triple;     /* an odd number of triple quotes */
    size_t code_len; /* bytes before a trailing comment */
    int tokens;
} nl_expr;

void nl_scan_expr(const char *s, size_t n, nl_expr *out);
/* An operator-like keyword of Python or JavaScript ("in", "not", "new"…). */
bool nl_is_keyword(const char *w, size_t n);
/* Length of a primary chain at s: name(.name | (…) | […])*, 0 if none.
 * *calls receives the number of call parentheses in it. */
size_t nl_scan_chain(const char *s, size_t n, int *calls, bool *dotted);

/* --- normalize_shell.c --- */
/* Classifies a command line ("pip install x", "$ ls", "cd app"). */
bool nl_shell_classify(const char *s, size_t n, nl_class *out);

/* --- normalize_sql.c --- */
bool nl_sql_classify(const char *s, size_t n, nl_class *out);
/* A line that continues an SQL statement ("FROM t", "WHERE x = 1"). */
bool nl_sql_continues(const char *s, size_t n);

/* --- normalize_markup.c: HTML and Django template lines --- */
bool nl_markup_classify(const char *s, size_t n, nl_class *out);
/* Marks CommonMark HTML blocks (kinds 1-7) with NL_HTML and an id, so
 * that code detection fences one whole or leaves it alone. */
void nl_mark_html_blocks(nl_doc *d);
/* normalize_math.c: marks display formulas over several lines (NL_MATH),
 * and writes one from its first line (returns the line after its last). */
void nl_mark_display_math(nl_doc *d);
size_t nl_emit_display_math(const nl_doc *d, size_t first, nl_out *o);
/* Text outside {% %}, {{ }}, {# #} and <tags> reads like a sentence (three
 * words or more, one of them a stop word). */
bool nl_prose_between_tags(const char *s, size_t n);

/* --- normalize_stmt.c --- */
/* Comment-only lines ("# …", "// …", "-- …", shebangs). */
bool nl_comment_line(const char *s, size_t n, nl_class *out);
/* Assignments, call chains, dict entries, brackets: the statement shapes
 * every language shares. Leaves out zeroed when none fits. */
void nl_statement_line(const char *s, size_t n, nl_class *out);

/* --- normalize_code.c --- */
/* Classifies one trimmed line on its own. */
void nl_classify_text(const char *s, size_t n, nl_class *out);
/* Classifies every line, then settles what needs neighbours (headers
 * need a body, decorators a def). */
void nl_classify_doc(nl_doc *d);
const char *nl_lang_name(nl_lang lang);

/* --- normalize_markdown.c --- */
void nl_mark_markdown(nl_doc *d);
/* A line that opens a Markdown container or block (list item, heading,
 * quote, fence, thematic break). */
bool nl_is_block_start(const char *s, size_t n);

/* --- normalize_table.c --- */
void nl_detect_tables(nl_doc *d);
/* The cells of row l of table region r as nl_detect_tables split it: the
 * byte range [a[j], b[j]) of l->s for each of r->ncols columns, trimmed
 * (a[j] == b[j]: empty). False for a row that is no cells (a rule under
 * the header, a blank line, a CSV row). The Word and OpenDocument readers
 * split their tab-aligned paragraphs with it (formats/doctabs.c). */
bool nl_table_cells(const nl_region *r, const nl_line *l, size_t *a, size_t *b);
/* --- normalize_csv.c --- */
/* nl_line.split of a CSV table's rows (normalize_table.c has its own
 * values below these). */
enum { NL_SPLIT_CSV_COMMA = 16, NL_SPLIT_CSV_SEMICOLON = 17 };
/* Claims three or more consecutive rows of comma (else semicolon)
 * separated fields, as many on each, as a table region. */
void nl_detect_csv(nl_doc *d);
/* The fields of s[0..n) split at sep (RFC 4180 quotes; a blank after a
 * separator makes it no record): up to max byte ranges [a[k], b[k]), a
 * quoted field's without its quotes; the count, or -1. */
int nl_csv_fields(const char *s, size_t n, char sep, size_t *a, size_t *b, int max);
/* Writes a table region as pipe rows (header, delimiter row, body). */
void nl_emit_table(const nl_doc *d, const nl_region *r, nl_out *out);

/* --- normalize_block.c --- */
void nl_detect_code(nl_doc *d);

/* --- normalize_special.c: whole-block formats (YAML, Dockerfile) --- */
/* Length in lines of a YAML / Dockerfile block starting at line i, 0 if
 * none; *lang receives the language. *yaml_skip (start it at (size_t)-1)
 * carries state between calls that keeps the scan linear. */
size_t nl_special_block(const nl_doc *d, size_t i, nl_lang *lang, size_t *yaml_skip);

/* --- normalize_filler.c --- */
void nl_clean_artefacts(nl_doc *d);
void nl_detect_filler(nl_doc *d, bool keep);
/* True when the trimmed line is chat filler addressed to the reader. */
bool nl_is_filler_text(const char *s, size_t n);

/* --- normalize_webui.c --- */
/* Marks the furniture of a Q&A site's page copied with its text (votes,
 * dates, names, "Share Improve this answer Follow") NL_DROP, with one
 * [page-furniture] warning; keep: leave it (--keep-filler). */
void nl_detect_page_furniture(nl_doc *d, bool keep);

/* --- normalize_sublist.c --- */
/* The text with every sublist indented less than the content of the
 * ordered item above it ("100. Q" then "    - x") moved to that content
 * column; line count unchanged. malloc'd (length in *outlen), or NULL when
 * nothing moves. */
char *nl_nest_sublists(const char *text, size_t len, size_t *outlen);
/* The text with list items written without a marker given one: a bullet
 * symbol ("• item") becomes "- ", a block of "term - meaning" lines gets
 * "- " before each; outside fenced code, line count unchanged. malloc'd
 * (length in *outlen), or NULL when no line changes (normalize_items.c). */
char *nl_mark_plain_items(const char *text, size_t len, size_t *outlen);
/* An answer key typed in plain text under its caption ("ANSWERS", then
 * "A1 Lima", "Q2 Eight", "3 Lima", rounds that number again): each item
 * becomes "1. Lima"; outside fenced code, line count unchanged. malloc'd
 * (length in *outlen), or NULL when no line changes (normalize_key.c).
 * Labels left out are one [answer-key] note to diag (may be NULL). */
char *nl_mark_answer_keys(const char *text, size_t len, size_t *outlen, const char *path,
                          oct_diag *diag);
/* An exam paper and its mark scheme: every labelled line written with
 * its full label first ("1(a) State… [1]"), sections and the scheme's
 * caption as headings; *exam set when the text reads as a paper (even if
 * nothing changed). The lines whose words went (labels' "Question",
 * marks' "points") are named in one [exam-paper] note. Same line count;
 * malloc'd or NULL (normalize_parts.c). */
char *nl_mark_exam_parts(const char *text, size_t len, size_t *outlen, bool *exam, const char *path,
                         oct_diag *diag);
/* A line of the text a pre-pass rewrites (chat turns, bordered tables,
 * items: each keeps the line count, so the line map stays 1:1). */
typedef struct {
    const char *s;
    size_t n;    /* without its newline */
    size_t full; /* with it */
    size_t lead; /* blanks (spaces, tabs) before its text */
    bool fenced; /* inside fenced code, or one of its fences */
} nl_raw_line;
/* The lines of text[0..len) into *out (malloc'd, caller frees); returns
 * how many. */
size_t nl_raw_lines(const char *text, size_t len, nl_raw_line **out);

/* Lines i.. as a glossary block ("term - meaning", "Term: meaning";
 * normalize_glossary.c): how many (0: none), terms[k] the bytes of line
 * k's term. */
size_t nl_glossary_run(const nl_raw_line *v, size_t n, size_t i, size_t *terms);
/* A chat copied as text ("You said:" / "ChatGPT said:" lines): the
 * person's turns get a "Q: " label, the assistant's announcement becomes
 * "Answer:", the person's a blank line; one [chat-turns] note. Returns the
 * new text (same line count; caller frees) or NULL when the text is no
 * such chat (normalize_chat.c). */
char *nl_mark_chat_turns(const char *text, size_t len, size_t *outlen, const char *path,
                         oct_diag *diag);
/* Obsidian comments ("%%...%%", on a line or over lines) taken out of a
 * Markdown source, outside code; one [comment] note names the lines.
 * Returns the new text (same line count; caller frees) or NULL when there
 * is none (normalize_comments.c). */
char *nl_strip_comments(const char *text, size_t len, size_t *outlen, const char *path,
                        oct_diag *diag);
/* A Logseq page (normalize_logseq.c): its "key:: value" properties
 * taken out (blank lines), one [property] note, *title the "title::"
 * (malloc'd, or NULL); a "#card" block over children labelled "Q: ".
 * Returns the new text (same line count; caller frees) or NULL when the
 * text is no Logseq page. */
char *nl_read_logseq(const char *text, size_t len, size_t *outlen, char **title, const char *path,
                     oct_diag *diag);
/* Obsidian / Logseq tags ("#biology") ending a line or making all of it
 * taken out of a Markdown source, outside code; one [tags] note names
 * them and the lines; *deck: one of them is #flashcards. Returns the new
 * text (same line count; caller frees) or NULL when there is none
 * (normalize_tags.c). */
char *nl_strip_tags(const char *text, size_t len, size_t *outlen, bool *deck, const char *path,
                    oct_diag *diag);
/* Admonitions as callouts (normalize_admonitions.c): mkdocs' "!!! type
 * "Title"" / "???" with a body indented 4 columns and Docusaurus'
 * ":::type Title" ... ":::" become "> [!type] Title" and "> " lines, a
 * closing line a blank one. Returns the new text (same line count; caller
 * frees) or NULL when there is none. */
char *nl_mark_admonitions(const char *text, size_t len, size_t *outlen);
/* Hugo's shortcodes alone on a line (normalize_shortcodes.c): boxes
 * ("{{< hint info >}}" ... "{{< /hint >}}", notice, alert, details...)
 * become callouts, every other such line a blank one, named by one
 * [shortcode] note. Returns the new text (same line count; caller frees)
 * or NULL when there is none. */
char *nl_mark_shortcodes(const char *text, size_t len, size_t *outlen, const char *path,
                         oct_diag *diag);
/* How a block that a line closes opens: ends[i] is 1 + the index of the
 * line closing an opener at line i (0: none opens there); marker writes
 * the callout's marker line for an opener s[0..n) into out. */
typedef struct {
    const size_t *ends;
    bool (*marker)(const char *s, size_t n, oct_buf *out, void *ctx);
    void *ctx;
} nl_adm_env;
/* The text with env's blocks and mkdocs' admonitions as callouts
 * (malloc'd, *outlen its length). */
char *nl_rewrite_admonitions(const char *text, size_t len, size_t *outlen, const nl_adm_env *env);
/* Writes "> [!type]" (type in lower case), the fold sign when not 0, and
 * " title" when the title holds more than blanks. */
void nl_adm_marker(oct_buf *out, const char *type, size_t ntype, char fold, const char *title,
                   size_t ntitle);
/* Tables drawn with ASCII borders ("+----+----+" above, under the header
 * and below, "| a | b |" rows): the rule under the header becomes a GFM
 * delimiter row, the others blank lines. Returns the new text (same line
 * count; caller frees) or NULL when there is none (normalize_grid.c). */
char *nl_ungrid_tables(const char *text, size_t len, size_t *outlen);

/* --- normalize_deck.c --- */
/* Whether the text is a flashcard deck exported as text (a tab, or the
 * separator its settings name, between a front and a back on every line
 * but blank ones, two cards or more; else a semicolon or a comma with no
 * blank after it, three cards or more), after Anki's "#key:value"
 * settings lines, lines [0, *first); *sep: the separator. */
bool nl_is_deck(const nl_doc *d, size_t *first, char *sep);
/* Writes the deck's cards as "Q: front" / "A: back" pairs, each at its
 * card's line (the settings reported, not written). */
void nl_emit_deck(const nl_doc *d, size_t first, char sep, nl_out *o);

/* --- normalize.c --- */
nl_region *nl_add_region(nl_doc *d, nl_region_kind kind, size_t start, size_t end);
/* Lines that no pass may rewrite or claim. */
bool nl_line_free(const nl_line *l);

#endif
