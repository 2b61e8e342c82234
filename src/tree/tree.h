/* octavo's document tree: the contract between ingest, study and backends.
 *
 * Ownership: one oct_tree owns one arena; every node and every string
 * reachable from the tree lives in that arena and dies with
 * oct_tree_free(). Backends receive `const oct_tree *` and own nothing of it.
 *
 * Shape:
 *   DOCUMENT
 *     CHAPTER (one per source file; u.chapter.title, span.file)
 *       blocks...
 * Blocks: SECTION (a heading: u.section.level 1..6, inline children),
 * PARAGRAPH (inlines), LIST (ITEM children), ITEM (blocks), CODE_BLOCK
 * (text, u.code.lang), TABLE (TABLE_ROW children, u.table), TABLE_ROW
 * (TABLE_CELL children, u.row.header), TABLE_CELL (inlines), BLOCKQUOTE
 * (blocks), THEMATIC_BREAK, FOOTNOTE_DEF (blocks; all definitions of a
 * chapter sit at the chapter's end, numbered in order of first reference),
 * QUESTION (inline children form the prompt, optionally followed by one
 * ANSWER child as the last child), ANSWER (blocks), FIGURE (exactly one
 * IMAGE child whose picture is available; its u.link.title is the caption),
 * DETAILS (a disclosure box: first child a SUMMARY, then blocks), SUMMARY
 * (inlines).
 * Inlines: TEXT (text), CODE (text), EMPH, STRONG, STRIKE, LINK (u.link),
 * IMAGE (u.link; children are the alt text; u.link.image: see below),
 * FOOTNOTE_REF (u.footnote), SOFT_BREAK, LINE_BREAK, INDEX_TERM (text),
 * SUPERSCRIPT, SUBSCRIPT (inlines, raised or lowered), XREF (no children:
 * a reference to the question u.xref.target, printed as its number).
 *
 * Arranged booklets (oct_study_arrange, grouped by topic): the document
 * holds one CHAPTER per topic (u.chapter.arranged), each QUESTION there
 * standing for a whole cluster: its prompt inlines, then one WORDING per
 * member question (span = where a source asks it, u.question.number/label
 * as the source numbers it, inline children = its wording when that
 * differs from the prompt, none otherwise), then one ANSWER per answer
 * found (u.answer.from = the WORDING it answers; an answer that says what
 * an earlier one says is left empty with u.answer.same_as set). A last
 * CHAPTER "Sources" keeps what each source holds besides its questions,
 * under a level-1 SECTION per source (u.section.source), its questions
 * replaced by XREFs.
 *
 * HTML in a source becomes structure, never markup: ingest maps the
 * elements GitHub renders (<details>, <h2>, <table>, <b>, <sup>, <img>, …)
 * onto these kinds, drops the rest (<script>, <iframe>, …) with a warning,
 * and keeps text that only looks like a tag ("<token>") as TEXT, so
 * backends print every TEXT literally. The study pass turns every DETAILS
 * into a QUESTION, an ANSWER's content or a PARAGRAPH (its summary in
 * STRONG) followed by its blocks: after it, backends see no DETAILS or
 * SUMMARY (they still print a stray one as a bold line and its blocks). */
#ifndef OCT_TREE_H
#define OCT_TREE_H
#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/buf.h"

typedef enum {
    /* blocks */
    OCT_DOCUMENT,
    OCT_PART,
    OCT_CHAPTER,
    OCT_SECTION,
    OCT_QUESTION,
    OCT_ANSWER,
    OCT_PARAGRAPH,
    OCT_LIST,
    OCT_ITEM,
    OCT_CODE_BLOCK,
    OCT_TABLE,
    OCT_TABLE_ROW,
    OCT_TABLE_CELL,
    OCT_BLOCKQUOTE,
    OCT_THEMATIC_BREAK,
    OCT_FOOTNOTE_DEF,
    OCT_FIGURE,
    OCT_DETAILS,
    OCT_SUMMARY,
    OCT_WORDING,
    /* inlines */
    OCT_TEXT,
    OCT_CODE,
    OCT_EMPH,
    OCT_STRONG,
    OCT_STRIKE,
    OCT_LINK,
    OCT_IMAGE,
    OCT_FOOTNOTE_REF,
    OCT_SOFT_BREAK,
    OCT_LINE_BREAK,
    OCT_INDEX_TERM,
    OCT_SUPERSCRIPT,
    OCT_SUBSCRIPT,
    OCT_XREF,
    OCT_KIND_COUNT
} oct_kind;

typedef enum { OCT_ALIGN_NONE, OCT_ALIGN_LEFT, OCT_ALIGN_CENTER, OCT_ALIGN_RIGHT } oct_align;
typedef enum { OCT_TASK_NONE, OCT_TASK_OPEN, OCT_TASK_DONE } oct_task;

/* Where a node came from: file is an index into oct_tree.files. */
typedef struct {
    unsigned file;
    int line, col;
} oct_span;

typedef struct oct_node oct_node;

/* The info string of a fence that holds a program's output rather than
 * code (the notebook reader writes its cells' outputs so). */
#define OCT_CODE_OUTPUT "output"

struct oct_node {
    oct_kind kind;
    /* A node made to hold inlines (oct_kind_holds_inlines: a paragraph, a
     * heading, a cell, an inline...) with a block somewhere below it.
     * Ingest should never make one, but node.c marks it when a block is
     * linked in, so oct_node_collect may skip the inside of every other
     * such node and still find every block. */
    bool holds_block;
    /* Set by ingest on the last block of an answer whose end the source
     * marks: a question callout's body, a flashcard's answer ("a::b");
     * and by the study pass on the last block of a card a quote held.
     * The study pass gives the question before it nothing after it (an
     * ordinary "A:" answer runs on to the next question). */
    bool ends_answer;
    oct_node *parent, *first, *last, *next, *prev;
    oct_span span;
    /* Stable anchor id (derived from content), set by oct_tree_assign_ids
     * for CHAPTER, PART, SECTION, QUESTION, ANSWER, FOOTNOTE_DEF; NULL otherwise. */
    const char *id;
    /* The places a link may name here (see anchors.h): a NULL-terminated
     * arena array or NULL. Ingest gives a SECTION GitHub's anchor of its
     * heading as written ("12-what-is-x"), and any block the anchors of an
     * "<a name>", "<a id>" or "id=" it holds or follows; study keeps them on
     * the QUESTION a heading or <details> becomes. Owned by the anchors
     * helper (src/tree/anchors.c). */
    const char **anchors;
    /* Literal UTF-8 text of TEXT, CODE, CODE_BLOCK, INDEX_TERM; else NULL. */
    const char *text;
    union {
        struct {
            const char *title; /* plain text */
            const char *lang;  /* the language its source's front matter names, or NULL */
            bool arranged;     /* made by oct_study_arrange (a topic, Sources), not a source */
            bool exam;         /* an exam paper and its mark scheme (ingest's normalize_parts.c) */
        } chapter;
        struct {
            int level;   /* 1..6 */
            bool source; /* stands for a whole source file (arranged booklets) */
        } section;
        struct {
            bool ordered, tight;
            int start;  /* first number of an ordered list */
            char delim; /* '.' or ')' for ordered lists */
        } list;
        struct {
            oct_task task;
            int number; /* the item's own number in an ordered list */
        } item;
        struct {
            const char *lang; /* NULL or "" when unknown */
            /* what a program printed (a notebook cell's output; a fence
             * whose info string is OCT_CODE_OUTPUT), not code: backends
             * set it apart from the code above it, as Jupyter does */
            bool output;
        } code;
        struct {
            int ncols;
            oct_align *aligns; /* ncols entries */
        } table;
        struct {
            bool header;
        } row;
        struct {
            const char *url, *title;
            int image; /* IMAGE: 1-based index into oct_tree.images; 0 = not
                          available (backends print the alt text) */
        } link;
        struct {
            const char *label;
            int index; /* 1-based, shared by a definition and its references */
        } footnote;
        struct {
            int number;        /* the number the source gave it, 0 if none */
            const char *label; /* that number as written ("12", "4a", "12.1"), NULL if none */
            bool answered;     /* has an ANSWER child */
            const char *topic; /* taxonomy topic name, "Other", or NULL (no taxonomy) */
            int cluster;
            int asked_in; /* distinct sources asking it (arranged booklets), else 0 */
            int marks;    /* an exam part's marks ("[2]"), kept out of its wording; 0 if none */
            /* the stem of an exam question printed above its parts ("3 A
             * ball is thrown…"): a block before it, which a card that
             * stands alone repeats; under several stems ("2…", "2(b)…"
             * above "2(b)(ii)") an unlinked paragraph in the arena with a
             * copy of each, outermost first; NULL if none */
            const oct_node *context;
        } question;
        struct {
            const oct_node *from;    /* the WORDING it answers (arranged), or NULL */
            const oct_node *same_as; /* an earlier ANSWER saying the same, or NULL */
        } answer;
        struct {
            const oct_node *target; /* a QUESTION */
        } xref;
    } u;
};

/* One topic of the booklet's taxonomy (manifest 'topics'); arena strings. */
typedef struct {
    const char *name;
    const char **keywords;
    size_t nkeywords;
    int order; /* sort key; ties keep list order */
} oct_topic;

typedef struct {
    const char *title, *subtitle, *author, *lang, *identifier;
    const char *date;     /* ISO 8601 (YYYY-MM-DD or full), NULL if none */
    const char *modified; /* YYYY-MM-DDThh:mm:ssZ, NULL if none */
    const char *description;
    const char **keywords;
    size_t nkeywords;
    /* The taxonomy in list order (NULL/0: none) and how backends group
     * questions: "topic" or "source" (never NULL after the CLI filled it).
     * The study pass sets every QUESTION's u.question.topic from it. */
    const oct_topic *topics;
    size_t ntopics;
    const char *group_by;
    /* "study" (each question followed by its answers) or "quiz" (the
     * questions alone, their answers in a key that links back); never
     * NULL after the CLI filled it. */
    const char *mode;
} oct_meta;

/* A picture the ingest pass loaded and checked (src/ingest/images/images.c):
 * fully decoded once, so backends may hand it to their libraries as is. */
typedef enum { OCT_IMAGE_PNG, OCT_IMAGE_JPEG, OCT_IMAGE_SVG } oct_image_type;

typedef struct {
    oct_image_type type;       /* from the magic bytes, not the file name */
    const unsigned char *data; /* the file's bytes (arena) */
    size_t len;
    int width, height; /* natural size in px (CSS px for SVG), upright */
    double dpi;        /* px per inch the file states; 0: unknown (use 96) */
    /* PNG and SVG: the picture as an 8-bit RGB or RGBA PNG written by
     * octavo (arena), raster_width x raster_height px (an SVG is
     * rasterised at twice its natural size); NULL for JPEG. */
    const unsigned char *raster;
    size_t raster_len;
    int raster_width, raster_height;
    /* JPEG: the EXIF orientation (1..8; 0 none stated). For 2..8 `data`
     * is stored turned (the PDF draws it through a matrix) and `upright`
     * is the picture re-encoded upright without Exif (arena), for the
     * EPUB; NULL otherwise. */
    int orientation;
    const unsigned char *upright;
    size_t upright_len;
    /* The file in an EPUB: a stable name derived from the content
     * ("img/<hash>.png"), its media type, and its bytes: `data` for PNG
     * and JPEG (`upright` when set), `raster` for SVG (kept as PNG; see README "Pictures"). */
    const char *name, *media_type;
} oct_image;

typedef struct {
    oct_arena *arena;
    oct_node *root;     /* DOCUMENT */
    const char **files; /* source paths as given (for messages), by span.file */
    size_t nfiles;
    /* The manifest's title of each source (arena, nfiles entries, entries
     * may be NULL), set by the study pass; see oct_tree_source_title. */
    const char **file_titles;
    oct_meta meta;

    /* Each distinct picture once (malloc'd array); IMAGE nodes point here. */
    oct_image *images;
    size_t nimages, capimages;
} oct_tree;

oct_tree *oct_tree_new(void);
void oct_tree_free(oct_tree *t); /* NULL-safe */

/* Registers a source path; returns its span.file index. */
unsigned oct_tree_add_file(oct_tree *t, const char *path);

oct_node *oct_node_new(oct_tree *t, oct_kind kind, oct_span span);
void oct_node_append(oct_node *parent, oct_node *child);
void oct_node_insert_before(oct_node *sibling, oct_node *child);
void oct_node_unlink(oct_node *n);
/* Changes n's kind, keeping holds_block right (a heading set as a paragraph). */
void oct_node_set_kind(oct_node *n, oct_kind kind);
/* TEXT node with a copy of s[0..len). */
oct_node *oct_node_new_text(oct_tree *t, oct_kind kind, oct_span span, const char *s, size_t len);

static inline bool oct_kind_is_inline(oct_kind k)
{
    return k >= OCT_TEXT && k < OCT_KIND_COUNT;
}
/* A block made to hold inlines (paragraph, heading, cell, summary, a
 * question's wording), or an inline: what oct_node_collect skips when it
 * holds no block. (Inline: asked for every node of every walk.) */
static inline bool oct_kind_holds_inlines(oct_kind k)
{
    return k == OCT_PARAGRAPH || k == OCT_SECTION || k == OCT_TABLE_CELL || k == OCT_SUMMARY ||
           k == OCT_WORDING || oct_kind_is_inline(k);
}
/* n is a SOFT_BREAK or LINE_BREAK (NULL is not). */
bool oct_node_is_break(const oct_node *n);
/* A CODE_BLOCK's text as the outputs set it: without the fence's final
 * newline (which would show as an empty last line); *len its bytes. */
const char *oct_code_block_text(const oct_node *n, size_t *len);
/* An ordered list keeps the numbers its source gave: HTML puts `start` on
 * the list and `value` on an item whose number does not follow the one
 * before (3, 14, 15 reads 3, 14, 15). Whether list's items carry numbers
 * (a tree built without them numbers from start); then, item by item, its
 * value (-1: none needed), *expected starting at the list's start. */
bool oct_list_has_numbers(const oct_node *list);
long oct_list_item_value(bool numbered, const oct_node *item, long *expected);
const char *oct_kind_name(oct_kind k);

/* What a reader sees of n on one line: its text (TEXT, CODE, CODE_BLOCK),
 * breaks and whitespace runs as one space, trimmed; answers, footnotes and
 * index terms inside it left out. Used for titles, outline and contents
 * entries and ids. The _to form appends to out (no allocation in the tree,
 * so backends can call it on a const tree); the other returns a copy owned
 * by arena a. */
void oct_node_plain_text_to(const oct_node *n, oct_buf *out);
char *oct_node_plain_text(oct_arena *a, const oct_node *n);
/* What a plain-text reader sees of block n, appended to out: paragraphs
 * and headings a line each (as above), blocks parted by a blank line,
 * list items with their marker ("- ", "2. ", "[x] ") and their other
 * lines indented, code as written, table rows a line each with " | "
 * between cells, quotations marked "> ". For a QUESTION: the text of its
 * answers (nothing without one). For exports (blocktext.c). */
void oct_node_block_text_to(const oct_node *n, oct_buf *out);

/* Drops a chapter's opening level-1 heading when it only repeats the
 * chapter's title (see titles.c). Call after the study pass. */
void oct_tree_fold_title_headings(oct_tree *t);

/* Sets the straight quotes of the tree's text as the quotation marks of
 * its language (meta.lang: “…” in English, „…“ in German, « … » in French)
 * and the apostrophe ’; code, and quotes whose side is unclear, stay as
 * typed (quotes.c). Call once the language is known, after the study pass
 * (which reads the text as written). */
void oct_tree_smart_quotes(oct_tree *t);
/* The opening and closing quotation marks of language tag lang (static
 * strings): the ones oct_tree_smart_quotes sets, also for the languages
 * whose typed quotes it leaves alone. */
void oct_quote_marks(const char *lang, const char **open, const char **close);
/* q has an ANSWER child with content (an arranged question has one per
 * source, and one that repeats an earlier is left empty). */
bool oct_question_has_answer(const oct_node *q);
/* A question's number as its booklet prints it: the label as written
 * ("4a", "12.1"), else the number, else "" (no number). Into buf; returns buf. */
const char *oct_question_name(const oct_node *q, char *buf, size_t n);
/* The footnote definitions of a finished tree, filed once so that the
 * notes a block refers to are found without a walk of the tree each
 * (footnotes.c). A definition matches a reference of the same source with
 * the same number and label (an arranged booklet moves answers away from
 * their chapter's definitions). */
typedef struct oct_footnote_defs oct_footnote_defs;
oct_footnote_defs *oct_footnote_defs_new(const oct_tree *t);
void oct_footnote_defs_free(oct_footnote_defs *d); /* NULL-safe */
/* fn(def, ctx) for the definition of each footnote reference inside n, in
 * order (a reference repeating the one before it is skipped): the notes a
 * card must carry, having no page foot. */
void oct_footnote_defs_each(const oct_footnote_defs *d, const oct_node *n,
                            void (*fn)(const oct_node *def, void *ctx), void *ctx);
/* True if the booklet is set in `mode` ("study", "quiz", "flashcards");
 * a tree no CLI filled is in study mode. */
bool oct_tree_in_mode(const oct_tree *t, const char *mode);
/* The CHAPTER holding n, or NULL. */
const oct_node *oct_node_chapter(const oct_node *n);
/* How a reader names source file `file`: its title, else its base name. */
const char *oct_tree_source_title(const oct_tree *t, unsigned file);
/* A deep copy of n (and its subtree) in t's arena, unlinked, no id. */
oct_node *oct_node_clone(oct_tree *t, const oct_node *n);

/* The prefix of the ids of kind k ("ch", "s", "q", …), or NULL for kinds
 * that get no id. */
const char *oct_kind_id_prefix(oct_kind k);

/* What follows a question's label before its prompt in running text
 * (contents, outline, EPUB prompt): "." after "12" or "4a", nothing after
 * a label with a dot of its own ("12.1"), which would read "12.1.", or
 * one ending on a bracket (an exam part's "1(a)"). */
const char *oct_question_label_dot(const char *label);

/* Assigns stable ids (content-derived, unique within the tree). Call once
 * after the study pass, before any backend runs. */
void oct_tree_assign_ids(oct_tree *t);

/* --- iteration (iter.c): ENTER/EXIT events, no recursion --- */
typedef enum { OCT_EV_NONE, OCT_EV_ENTER, OCT_EV_EXIT } oct_event;
typedef struct {
    const oct_node *root, *cur;
    oct_event ev;
} oct_iter;

void oct_iter_init(oct_iter *it, const oct_node *root);
/* Next event; OCT_EV_NONE when done. Leaf nodes get ENTER and EXIT too. */
oct_event oct_iter_next(oct_iter *it);
/* The next node entered (parents before children), NULL when done: for
 * walks that only look at nodes on the way in. */
const oct_node *oct_iter_next_node(oct_iter *it);
/* After ENTER: skip the current node's children (next event is its EXIT). */
void oct_iter_skip_children(oct_iter *it);
/* Every node of kind k at or below root, in document order, as a malloc'd
 * array (caller frees; *count set): for passes that change the tree while
 * they go over it. Looking for a block, it does not go into a paragraph
 * or an inline that holds none (most of a tree's nodes). */
oct_node **oct_node_collect(oct_node *root, oct_kind k, size_t *count);

/* --- golden dump (dump.c): one node a line, indented two spaces a level --- */
void oct_tree_dump(const oct_tree *t, const oct_node *n, oct_buf *out);

#endif
