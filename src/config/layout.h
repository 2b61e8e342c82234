/* Layouts (layouts/NAME.yaml): page geometry, fonts, sizes and colours,
 * and `question_checkbox: true|false` (default true): an empty square in
 * the margin beside each question, for ticking what one knows, and
 * `mode: study|quiz|flashcards` (see the README "Quiz mode"; the manifest's
 * mode and --mode come first), and `cards:` (README "Flashcards"): the card
 * grid of flashcards mode.
 * Read with libyaml's event API (see yaml.h); unknown keys, wrong types,
 * aliases and duplicate keys are errors naming file:line and the key. */
#ifndef OCT_LAYOUT_H
#define OCT_LAYOUT_H
#include "diag.h"

#include <stdbool.h>

typedef struct {
    double r, g, b; /* 0..1 */
} oct_color;

/* Font file paths, absolute (resolved against the fonts directory). A
 * family without bold/italic files reuses regular. */
typedef struct {
    char *regular, *bold, *italic, *bold_italic;
} oct_font_family;

/* Faces tried, in order, for a character the text's own font lacks. */
enum { OCT_MAX_FALLBACK = 32 };

/* `emoji:` how the PDF draws emoji: as pictures from the chain's colour
 * font, as text from its outline fonts, or not at all. */
typedef enum { OCT_EMOJI_IMAGE, OCT_EMOJI_TEXT, OCT_EMOJI_OMIT } oct_emoji_mode;

/* The card grid of flashcards mode (layout key `cards:`). The grid is
 * centred on the page, so a back page with its columns mirrored puts each
 * answer behind its question after a long-edge duplex flip. */
typedef struct {
    double columns, rows;   /* whole numbers, 1..8 */
    double width, height;   /* card size, points; 0: share the page inside its margins */
    double gutter, padding; /* space between cards; inside a card around its text */
    double prompt_size, answer_size, floor_size, label_size; /* type sizes */
    bool cut_marks;                                          /* marks outside the grid */
} oct_cards;

/* `impose:` saddle-stitch imposition of the PDF (README "Saddle-stitch
 * booklets"): pages two-up on landscape sheets in folding order. */
typedef struct {
    bool saddle;                      /* impose; false: one page a PDF page */
    double sheet_width, sheet_height; /* landscape sheet, points; 0: two pages side by side */
    double signature;                 /* sheets per signature (whole), 0: one signature */
    double creep;                     /* per sheet from the outside, points */
    bool crop_marks;                  /* marks at each page's corners, outside it */
} oct_impose;

/* `breaks:` how pages end (README "Pages: two-sided, kept together"). */
typedef struct {
    int orphans;         /* first lines of a paragraph kept together at a page foot */
    int widows;          /* last lines of a paragraph kept together at a page head */
    int code_lines;      /* a code block this short never splits */
    bool flush_bottom;   /* a chapter's pages end on the same line (gaps stretch) */
    bool recto_chapters; /* a chapter opens on a right-hand page (else any page) */
} oct_breaks;

typedef struct {
    char *name;                                                   /* layout name, e.g. "a4" */
    char *path;                                                   /* the file it was read from */
    double page_width, page_height;                               /* points */
    double margin_top, margin_bottom, margin_inner, margin_outer; /* points */
    oct_font_family body, heading, mono;
    oct_font_family fallback[OCT_MAX_FALLBACK]; /* the chain (files that exist) */
    int nfallback;
    oct_emoji_mode emoji;
    double body_size, leading; /* leading: line height as a multiple of size */
    double h1_size, h2_size, h3_size, h4_size, code_size, small_size;
    double paragraph_gap; /* space between blocks, points */
    oct_color text, heading_color, link, code_background, rule, muted, accent;
    bool question_checkbox; /* a check-box beside each question (print) */
    bool justify;           /* `justify: false`: running text ragged right */
    const char *mode;       /* "study", "quiz", "flashcards" (static strings), or NULL: not given */
    oct_cards cards;        /* flashcards mode only */
    oct_impose impose;      /* booklet imposition (not flashcards) */
    oct_breaks breaks;      /* page breaking */
} oct_layout;

/* Resolves NAME (a layout name looked up in layouts_dir as NAME.yaml) or a
 * path to a .yaml file, loads it, and resolves font names against
 * fonts_dir. Returns 0, or -1 after reporting errors to diag. On success
 * the caller owns *out's strings: release with oct_layout_release(). */
int oct_layout_load(const char *name_or_path, const char *layouts_dir, const char *fonts_dir,
                    oct_layout *out, oct_diag *diag);
void oct_layout_release(oct_layout *l);

/* The booklet modes: s's static string ("study", "quiz", "flashcards"),
 * or NULL when s names none. One list for --mode, manifests and layouts. */
const char *oct_mode_name(const char *s);

#endif
