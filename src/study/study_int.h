/* Internals of the study pass, shared by the files of src/study/ only.
 *
 * A chapter is studied as a flat sequence of "units": its top-level blocks,
 * with every LIST opened up into its ITEMs (a question can be one item of a
 * list and its answer the blocks after the list). Each unit gets a role;
 * question units then claim the units that answer them (owner); finally the
 * chapter's children are rebuilt from the units in order, grouping items
 * that stay plain back into lists. */
#ifndef OCT_STUDY_INT_H
#define OCT_STUDY_INT_H
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "tree/tree.h"
#include "util/buf.h"
#include "util/strmap.h"

/* --- stemmer.c ------------------------------------------------------------ */

/* Snowball's stemmer for a BCP 47 tag ("en-GB" → english), or NULL when
 * there is none or lang is NULL; the caller frees it (sb_stemmer_delete). */
struct sb_stemmer *st_stemmer_for(const char *lang);

/* Longest text (bytes) still read as one question line or heading. */
#define ST_MAX_QUESTION_BYTES 600

/* --- words.c: what a line of plain text says --------------------------- */

enum { ST_WORD_MAX = 48 }; /* bytes of a word kept for comparing */

/* True when s[0..n) reads as a question or an exam instruction: it ends in
 * '?', or opens with an interrogative or imperative (English, French,
 * German). A leading "12." or symbol run (emoji) is skipped. */
bool st_text_asks(const char *s, size_t n);
/* The word at or after *pos (letters and digits, inner apostrophes and
 * hyphens), lower-cased into out; *pos moves past it. False at the end. */
bool st_next_word(const char *s, size_t n, size_t *pos, char out[ST_WORD_MAX + 1]);
/* commands.c: w1 w2 open an exam instruction ("Explain…", "Label the…",
 * "Beschreiben Sie…", "Décrivez…", "Describa…"); s[0..n) is the text from
 * w1 on. */
bool st_command_asks(const char *w1, const char *w2, const char *s, size_t n);
/* instructions.c: s[0..n) is the heading of a worksheet's exercise ("True
 * or False?", "Part B – Multiple choice", "Fill in the blanks:", "Vrai ou
 * faux ?"), which asks nothing itself; st_text_asks is false for it. */
bool st_quiz_instruction(const char *s, size_t n);
/* One of those that asks for a verdict on each statement below it ("True
 * or false?", "Richtig oder falsch", "Vrai ou faux"). */
bool st_verdict_instruction(const char *s, size_t n);
/* Length of a question label ("Q:", "Q1:", "Q5)", "Question 9:", "Frage 2 -")
 * plus following blanks, 0 if none; *number gets its number (0 if none). */
size_t st_question_label(const char *s, size_t n, int *number);
/* Same for answer labels ("A:", "Ans.", "Answer -", "Réponse :", "Antwort:");
 * a label alone on its line ("Answer") counts too. */
size_t st_answer_label(const char *s, size_t n);
/* st_answer_label of a line, 0 when the line opens a multiple-choice run
 * ("A: …" followed by "B: …"; next[0..nn) is the line after, NULL if
 * none). */
size_t st_line_answer_label(const char *s, size_t n, const char *next, size_t nn);
/* Length of a leading "12. " / "12) " (with blanks), 0 if none. */
size_t st_leading_number(const char *s, size_t n, int *number);
/* True when s[0..n) ends in a question mark (any script's, decoration
 * after it ignored). */
bool st_ends_question(const char *s, size_t n);
/* particles.c: s[0..n) asks without a question mark, with a question word
 * or particle at its end (Thai, Lao, Burmese, Khmer, Korean, Chinese,
 * Japanese) or, in Chinese, a question word opening it. */
bool st_asks_by_particle(const char *s, size_t n);
/* asks_world.c: s[0..n), shaped like a heading or a prompt (short, no
 * comma, no full stop), opens with a question word of another language
 * than English, French or German (w1 w2: its first two words, folded) or
 * ends with one where the language asks last (Turkish, Persian, Urdu,
 * Vietnamese). */
bool st_world_asks(const char *s, size_t n, const char *w1, const char *w2);
/* Bytes of leading non-alphanumeric symbols and blanks (emoji, bullets). */
size_t st_leading_symbols(const char *s, size_t n);
/* Letter of a multiple-choice option ("A) x", "b. x", "(c) x", "D: x"),
 * upper-cased, or 0. */
char st_option_letter(const char *s, size_t n);
/* True for a <summary> text that only says "answer" ("Answer", "Show answer",
 * "Solution", "Réponse", "Lösung"…). */
bool st_is_answer_caption(const char *s, size_t n);
/* The caption of an answer key, s[0..n) folded: "Answers", "Answer key",
 * "Key", "Solutions", "Lösungen", "Respuestas"… (pairing.c, inline_key.c;
 * ingest's normalize_key.c reads plain text before any tree). */
bool st_is_key_caption(const char *s, size_t n);
/* Paragraphs of chapter ch that are an answer key on one line ("Answers:
 * 1. Lima, 2. Santiago") become its caption and an ordered list
 * (inline_key.c). */
void st_split_inline_keys(oct_tree *t, oct_node *ch);
/* A bulleted list under an answer-key caption with as many items as the
 * numbered questions before it takes their numbers (inline_key.c). */
void st_number_bullet_keys(oct_node *ch);
/* Last non-blank byte of s[0..n) is one of . ? ! : ; (or a closing quote
 * or bracket after one). */
bool st_ends_sentence(const char *s, size_t n);
/* First letter of s is lower-case. */
bool st_starts_lower(const char *s, size_t n);
/* Share of the content words of the shorter text that also occur in the
 * other (0..1); crude plural folding, stop words ignored. */
double st_similarity(const char *a, const char *b);
/* The same in two steps, for comparing one wording with many: the content
 * words of s once (st_words_of), then any two sets. */
enum { ST_SIM_WORDS = 64 };
typedef struct {
    size_t n;
    char w[ST_SIM_WORDS][ST_WORD_MAX + 1];
} st_words;
void st_words_of(const char *s, st_words *out);
double st_words_similarity(const st_words *a, const st_words *b);
/* What a table's header cell s names: 'Q' its questions ("Question",
 * "Frage", "Q", "Front"), 'A' their answers ("Answer", "Respuesta", "A",
 * "Back"), '#' their numbers ("#", "No.", "Nr"), else 0. */
char st_column_role(const char *s);
/* A table with a question column and an answer column (qatable.c): each
 * row becomes a labelled question paragraph and its answer paragraph in
 * the table's place, the other columns' cells lines of the answer. */
void st_unfold_qa_tables(oct_tree *t, oct_node *container);
/* Letters and digits of s, case-folded, appended to out (for comparing two
 * wordings of the same question). */
void st_fold_alnum(const char *s, oct_buf *out);
/* Whether w is one of set's words (a static NULL-terminated array,
 * folded as w is; hashed on first use: wordset.c). */
bool st_in_set(const char *w, const char *const *set);
/* The same for the word w[0..n). */
bool st_in_set_n(const char *w, size_t n, const char *const *set);
/* s[0..n) case-folded and composed (NFC; compat: NFKC) for comparing
 * words: ASCII is lowered with no call to utf8proc (most notes' text,
 * and these run for every line that might ask), into buf when it holds
 * cap > n bytes (buf may be NULL), anything else goes through
 * utf8proc_map. Returns buf, a malloc'd string (free it when it is not
 * buf), or NULL for text utf8proc refuses; *len its length. */
char *st_casefold(const char *s, size_t n, char *buf, size_t cap, bool compat, size_t *len);

/* --- exam papers (exam_labels.c, exam_parts.c, exam_scheme.c) ------------ */

/* Length of the full label opening a paper's line as ingest writes it
 * ("1(a)(ii) ", "1.2 ", "3 ", "Problem 3 ", "Aufgabe 1(a) ", "Q2 ") with
 * the blank after it, 0 if none; *num its number, *parts how many parts
 * follow it. */
size_t st_exam_label(const char *s, size_t n, int *num, int *parts);
/* Label s[0..n) folded for matching, however it is written ("1 (a) (ii)",
 * "1(a)(ii)", "Q1aii", "Ejercicio 1(a)(ii)" → "1aii"; "1.2" keeps its
 * dot), into out. */
void st_exam_key(const char *s, size_t n, oct_buf *out);
/* Where the marks " [2]" ending s[0..n) start, n if none; *marks. */
size_t st_exam_marks(const char *s, size_t n, int *marks);
/* "Total: 30 marks", "[Total 6]", "Gesamt: 20 Punkte": a line that adds up. */
bool st_exam_total(const char *s, size_t n);
/* A heading that opens a mark scheme ("MARK SCHEME", "Lösungen", "Corrigé"). */
bool st_exam_caption(const char *s, size_t n);
/* The label s without the word of its number ("Problem 3(a)" → "3(a)"). */
const char *st_exam_bare(const char *s);
/* The questions of a paper, in order, for its scheme to answer; keys:
 * each label's st_exam_key → its index (the first of a label). */
typedef struct {
    oct_node **v;
    size_t n, cap;
    oct_strmap keys;
} st_exam_questions;
/* --- numbers.c: how headings are numbered ------------------------------ */

/* Length of a heading number at s[0..n) ("12. ", "12) ", "4a. ", "12.1 ",
 * "3.2.1. ", "Q7: ", "Q7 ", "12 - ") through the blanks after it, 0 if none. *number gets
 * the leading integer; s[*lab .. *lab + *lablen) is the number as written,
 * without a "Q" or the delimiter ("4a", "12.1"). */
size_t st_heading_number(const char *s, size_t n, int *number, size_t *lab, size_t *lablen);
/* True when the title s[0..n) (its number stripped) opens like a step of
 * a tutorial or a README section ("Install …", "Configure", "Usage"). */
bool st_step_title(const char *s, size_t n);
/* True when s (a title, a path) names a collection of questions
 * ("Interview Questions", "FAQ", "Fragen", "Preguntas"…). */
bool st_names_questions(const char *s);

/* --- lines.c: inline lines of a paragraph ------------------------------- */

typedef struct {
    oct_node *first, *last; /* inline siblings of the line; first NULL if empty */
    oct_node *brk;          /* SOFT_BREAK/LINE_BREAK ending the line, or NULL */
    int line;               /* source line */
} st_line;

typedef struct {
    st_line *v;
    size_t n, cap;
} st_lines;

/* Splits the inline children of `para` at its top-level breaks. */
void st_lines_of(const oct_node *para, st_lines *out);
void st_lines_free(st_lines *l);
/* Plain text of inline siblings first..last (inclusive), appended to out:
 * TEXT and CODE literally, breaks as one space, answers skipped. */
void st_range_text(const oct_node *first, const oct_node *last, oct_buf *out);
/* Bytes of inline node t's plain text as st_range_text reads it (scratch:
 * a buffer for nodes other than TEXT). */
size_t st_inline_length(const oct_node *t, oct_buf *scratch);
/* Plain text of all inline children of n (cleared first). */
const char *st_node_text(const oct_node *n, oct_buf *out);
/* Removes the first `nbytes` bytes of n's inline plain text (a label or
 * number, as measured by st_range_text) and the blanks after them; nodes
 * left empty are unlinked. */
void st_strip_prefix(oct_tree *t, oct_node *n, size_t nbytes);
/* Unlinks leading and trailing breaks and blank TEXT of n's inlines. */
void st_trim_inlines(oct_node *n);
/* Moves inline siblings first..last (inclusive) to the end of dst. */
void st_move_range(oct_node *first, oct_node *last, oct_node *dst);
/* Splits p before line `from` (> 0) of its lines l: lines from.. move to
 * a new paragraph placed right after p, which is returned. */
oct_node *st_split_at(oct_tree *t, oct_node *p, const st_lines *l, size_t from);
/* Splits top-level paragraphs of `container` before every line that opens
 * a question or an answer (see lines.c); new paragraphs follow the old. */
void st_presplit(oct_tree *t, oct_node *container);
/* Cards written inside block quotes of `container` (and of the quotes and
 * list items in it) leave their quotes, to be read as cards written
 * without ">" (quotecards.c). l is scratch. */
void st_unwrap_quoted_cards(oct_tree *t, oct_node *container, st_lines *l);

/* --- units ---------------------------------------------------------------- */

typedef enum {
    ST_PLAIN,    /* any other block or item */
    ST_SECTION,  /* a heading that does not ask: ends answers */
    ST_BREAK,    /* thematic break: ends answers */
    ST_END,      /* footnote definitions: nothing after them answers */
    ST_QUESTION, /* opens a question */
    ST_ALABEL,   /* opens with an answer label */
    ST_DETAILS,  /* a DETAILS whose summary only says "Answer" */
} st_role;

typedef enum {
    ST_PROMPT_NONE,
    ST_PROMPT_SECTION, /* the heading's inlines */
    ST_PROMPT_LINES,   /* the first `nprompt` lines of `para` */
    ST_PROMPT_BOLD,    /* the STRONG opening `para` */
    ST_PROMPT_SUMMARY, /* the SUMMARY of a DETAILS; its blocks answer */
} st_prompt;

typedef struct {
    oct_node *node; /* the block, or the ITEM */
    oct_node *list; /* the ITEM's original LIST; NULL for blocks */
    oct_node *para; /* paragraph holding the prompt or label, or NULL */
    st_role role;
    st_prompt pk;
    int nprompt;        /* ST_PROMPT_LINES: lines of the prompt */
    size_t strip;       /* bytes of label/number before the prompt */
    int number;         /* the number the source gave the question */
    int level;          /* heading level (ST_SECTION, section questions) */
    bool numbered;      /* heading that opens with a number (numbers.c) */
    const char *label;  /* that number as written, or NULL (arena) */
    const char *lead;   /* symbols before the number, kept in the prompt */
    bool has_rest;      /* holds answer content beyond the prompt */
    bool single;        /* ITEM that is alone in its list */
    bool done;          /* answer range already decided (pairing) */
    bool stem;          /* joins its owner's prompt (multiple choice) */
    bool in_details;    /* an ST_DETAILS answer: its body joins the answer */
    bool consumed;      /* index-list item merged into a later question */
    size_t defer_after; /* unpaired index item: 1 + the unit it follows (0: in place) */
    int owner;          /* index of the question unit it answers, or -1 */
    size_t details_end; /* ST_DETAILS: last unit of the region */
    oct_node *alt;      /* pairing: the index ITEM with the other wording */
    bool alt_is_prompt; /* that wording is fuller: it becomes the prompt */
} st_unit;

typedef struct {
    oct_tree *t;
    oct_diag *diag;
    oct_node *chapter;
    const char *path;
    st_unit *u;
    size_t n, cap;
    size_t ndeferred; /* units waiting for defer_after */
    oct_buf tmp;
    st_lines lines;
    bool details_run; /* numbered DETAILS summaries mostly ask (details.c) */
    /* The run of questions just answered (questions.c): how many blocks
     * each answer took, for `shape_run` answers in a row that the next
     * question ended. */
    size_t shape_units;
    int shape_run;
    oct_kind shape_kind; /* the questions' own kind, prompt and label word */
    st_prompt shape_pk;  /* ("Q" of "**Q1:**"), alike in a run */
    char shape_label[16];
} st_ctx;

/* A card written on one line ("Q: What is X? A: It is Y."): paragraph p
 * is cut before the first such answer label; the answer and the lines
 * after it go to a new paragraph right after p, which is returned (NULL:
 * no card). l is scratch (inline_answer.c). */
oct_node *st_split_inline_card(oct_tree *t, oct_node *p, st_lines *l);
/* Cuts paragraph p in two at byte `at` of its text node t (a blank before
 * it): p keeps what comes before, less its blanks and a separator; the
 * rest goes to a new paragraph right after p, which starts on `line` and
 * is returned. */
oct_node *st_cut_paragraph(oct_tree *t, oct_node *p, oct_node *text, size_t at, int line);
/* A question and its answer written as one line, no label between them
 * ("What is the largest organ? The skin."): paragraph p is cut after the
 * question mark when its first line opens with a question that the rest
 * answers (inline_question.c); returns the answer's paragraph or NULL. */
oct_node *st_split_asked_line(oct_tree *t, oct_node *p, st_lines *l);

/* The list that items emitted into one target currently go to. */
typedef struct {
    oct_node *list; /* LIST node in the target, or NULL */
    oct_node *src;  /* the original LIST its items came from */
} st_open;

/* units.c: detaches the chapter's children into units (lists opened up). */
void st_units_build(st_ctx *c);
/* units.c: rebuilds the chapter's children from the classified units. */
void st_units_emit(st_ctx *c);
/* units.c: appends a unit's node to target; consecutive items of one
 * original list go back into one list (the original LIST node the first
 * time, a copy after that). */
void st_emit_unit(st_ctx *c, st_unit *u, oct_node *target, st_open *open);

/* classify.c: role, prompt shape, number of one unit. */
void st_classify(st_ctx *c, st_unit *u, const st_unit *next);
/* classify.c: the first block of an item (or the paragraph itself), when
 * it is a paragraph; else NULL. */
oct_node *st_lead_paragraph(const oct_node *n);

/* runs.c: runs of numbered headings that are questions, whatever their
 * phrasing, with their bodies as answers; a heading that asks and opens on
 * a deeper heading that asks is a topic. */
void st_numbered_runs(st_ctx *c);
/* truefalse.c: the one-line statements listed under a verdict instruction (st_verdict_instruction)
 * are its questions (the key's "1. True – …" their answers); the
 * instruction itself stays a heading. After st_classify. */
void st_true_false(st_ctx *c);
/* options.c: LIST list holds a question's multiple-choice options (letters
 * in turn, or three to six short items) and an answer label follows it. */
bool st_option_list(st_ctx *c, const oct_node *list);
/* options.c: LIST list holds options lettered in turn ("A.", "b)"), with
 * or without a label after it (a listed question's, answered by a key). */
bool st_lettered_options(st_ctx *c, const oct_node *list);
/* options.c: the end of the run of option items (one list's units) from
 * unit `from` when an answer label follows them; `from` if none. */
size_t st_option_units(st_ctx *c, size_t from);
/* runs.c: unit w still belongs to the answer of heading question q. */
bool st_in_heading_scope(const st_unit *q, const st_unit *w);

/* pairing.c: numbered question lists answered later under the same numbers. */
void st_pair_numbered(st_ctx *c);
/* headings.c: short title lines before runs of questions become headings. */
void st_promote_topics(st_ctx *c);
/* questions.c: gives every question unit its answer units. */
void st_assign_answers(st_ctx *c);
/* build.c: turns question unit i (and the units it owns, which follow it)
 * into a QUESTION node, appended to target. Returns the index after the
 * last unit used. */
size_t st_build_question(st_ctx *c, size_t i, oct_node *target);

/* build.c: a block whose content can all join a prompt as inlines
 * (paragraphs, code, lists of those). */
bool st_inlinable(const oct_node *b);

/* details.c: DETAILS boxes (see details.c) */
/* True when p is a DETAILS whose summary only says "Answer". */
bool st_opens_details(st_ctx *c, const oct_node *p);
/* True when p ends a details region: a DETAILS is one whole region. */
bool st_closes_details(st_ctx *c, const oct_node *p);
/* Before classifying: notes whether the chapter's numbered DETAILS form a
 * run of questions. */
void st_details_prepare(st_ctx *c);
/* Role of a DETAILS unit: ST_DETAILS, an ST_QUESTION with the summary as
 * prompt, or ST_PLAIN. */
void st_classify_details(st_ctx *c, st_unit *u);
/* Moves the blocks of DETAILS d (not its summary) to the end of dst and
 * unlinks d. */
void st_details_unwrap(st_ctx *c, oct_node *d, oct_node *dst);
/* Replaces every DETAILS left under root by its summary in bold and its
 * blocks. */
void st_details_flatten(st_ctx *c, oct_node *root);

/* Topics (topics.c): sets u.question.topic of every QUESTION from
 * t->meta.topics, "Other" when none matches; nothing without a taxonomy. */
void st_assign_topics(oct_tree *t);
/* oct_study_limit_questions, returning the questions left, in tree order
 * (malloc'd, *n set), for st_cluster_questions: the study pass walks the
 * tree for them once. */
oct_node **st_limit_questions(oct_tree *t, oct_diag *diag, size_t *n);
/* oct_study_cluster over the questions qs[0..n) (all of the tree's, in
 * tree order; the caller's, still all of them after: clusters are
 * numbered, no question is moved). */
void st_cluster_questions(oct_tree *t, bool merge, oct_node **qs, size_t n);
/* Questions read for merging ahead of it (cluster.c), chapter by chapter
 * on a worker while the pass goes on: ct_reader_new on the tree before the
 * pass changes it (its lexicon learns the abbreviations), ct_reader_add
 * with each studied chapter's questions, then st_cluster_questions_read
 * takes what was read when the questions are the same, in order (else it
 * reads them again). */
typedef struct ct_reader ct_reader;
ct_reader *ct_reader_new(const oct_tree *t);
void ct_reader_add(ct_reader *r, oct_node *const *qs, size_t n);
void ct_reader_free(ct_reader *r); /* NULL-safe */
void st_cluster_questions_read(oct_tree *t, bool merge, oct_node **qs, size_t n, ct_reader *r);
/* oct_study_arrange with the tree's questions qs[0..n) in tree order
 * (malloc'd; taken). */
void st_arrange_with(oct_tree *t, oct_diag *diag, oct_node **qs, size_t n);
/* repeats.c: in a booklet not arranged by topic, each question of
 * qs[0..n) (tree order, clustered) worded exactly as an earlier one of
 * the same source and cluster joins it (a WORDING each, the answers
 * after its own) and leaves the tree, its qs slot set to NULL; one note
 * [merged-question] per source. */
void st_fold_repeats(oct_tree *t, oct_diag *diag, oct_node **qs, size_t n);

/* --- exam papers, continued ------------------------------------------------ */

/* A labelled part of a paper's paragraph (a question, or an answer in
 * the scheme), or a run of other lines, or a block. */
typedef struct {
    oct_node *node;    /* a block, or a new paragraph of the segment's lines */
    int number, parts; /* its label's (number 0: none) */
    size_t lablen;     /* bytes of its label and the blank after it */
    int marks;         /* " [2]" cut off its lines (parts only) */
    char label[24];    /* the label as written ("1(a)(ii)"), "" if none */
} st_exam_seg;
typedef struct {
    st_exam_seg *v;
    size_t n, cap;
} st_exam_segs;
/* Paragraph p cut into its labelled parts (each with the unlabelled lines
 * after it) and the runs of other lines; a total is a run of its own
 * (exam_parts.c). p is left empty. marks: a part's " [2]" is cut off
 * into its marks (a paper; a scheme keeps what it writes). */
void st_exam_split(st_ctx *c, oct_node *p, bool marks, st_exam_segs *out);
/* Chapter ch is an exam paper (ingest said so): its parts become
 * questions, its scheme their answers; false, and nothing done, if not. */
bool st_exam_paper(st_ctx *c, oct_node *ch);
/* exam_scheme.c: blocks b[0..n) of the mark scheme (after its caption,
 * ch's last child) answer qs by label; what answers none is appended to
 * ch. A caption with nothing left under it goes, with a [mark-scheme]
 * note. */
void st_exam_scheme(st_ctx *c, oct_node *ch, oct_node **b, size_t n, const st_exam_questions *qs);

#endif
