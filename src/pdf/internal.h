/* Internals of the PDF backend, shared by the files of src/pdf/ only.
 *
 * The backend works in three stages so that page numbers are known before
 * anything that shows them is drawn:
 *   1. layout (blocks.c, lists.c, notes.c, code.c, table.c, front.c): the
 *      tree becomes a flow of items, each a strip of page with a height and
 *      a list of drawing operations relative to its top-left corner;
 *   2. pagination (pages.c): items are placed on pages, honouring keeps;
 *   3. painting (paint.c, outline.c, meta.c): libharu draws the pages.
 * Text is measured exactly as libharu's /W array will position it
 * (fonts.c), so what the breaker decided is what the reader sees. */
#ifndef OCT_PDF_INTERNAL_H
#define OCT_PDF_INTERNAL_H
#include "pdf/pdf.h"
#include "study/bank.h"
#include "tree/phrases.h"
#include "unicode/breaks.h"
#include "util/buf.h"
#include "util/strmap.h"

#include <hb.h>
#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- fonts (fonts.c) ---------------------------------------------------- */

/* Families: body, heading, mono, then the layout's fallback chain (one
 * family per entry, PDF_FAM_FALLBACK + k). One more slot draws boxes for
 * what no face has. */
enum { PDF_FAM_BODY, PDF_FAM_HEAD, PDF_FAM_MONO, PDF_FAM_FALLBACK };
#define PDF_NFAM (PDF_FAM_FALLBACK + OCT_MAX_FALLBACK)
enum { PDF_VAR_R, PDF_VAR_B, PDF_VAR_I, PDF_VAR_BI, PDF_NVAR };
#define PDF_SLOT(fam, var) ((fam)*PDF_NVAR + (var))
#define PDF_SLOT_BOX (PDF_NFAM * PDF_NVAR)
#define PDF_NSLOTS (PDF_SLOT_BOX + 1)
#define PDF_SLOT_NONE 0xFF

/* What a face's glyphs are: outlines drawn as text; colour bitmaps drawn
 * as images over invisible text (emoji); boxes drawn for characters no
 * face has, over invisible text (so copying still gives them). */
typedef enum { PDF_FACE_OUTLINE, PDF_FACE_COLOR, PDF_FACE_BOX } pdf_face_kind;
/* Advance of a box, 1/1000 em. */
#define PDF_BOX_ADVANCE 640

typedef struct pdf_fonts pdf_fonts;

/* Opens the body, heading and mono faces of the layout with FreeType (a
 * file shared by several slots is opened once); the fallback chain is
 * opened face by face when a character first needs it. Returns NULL
 * after reporting "pdf-font" errors. */
pdf_fonts *pdf_fonts_open(const oct_layout *l, oct_diag *d);
void pdf_fonts_free(pdf_fonts *f); /* NULL-safe */
/* Advance of cp in 1/1000 em (unshaped, rounded as the /W array holds
 * it); -1 if the slot's face has no glyph for cp (or is not open). */
int pdf_font_width(pdf_fonts *f, int slot, unsigned cp);
/* The slot that draws cp for text in `slot`: the slot itself, else the
 * first outline face of the chain that has it (same variant), else
 * PDF_SLOT_BOX. *w gets its advance. */
int pdf_font_resolve(pdf_fonts *f, int slot, unsigned cp, int *w);
/* The chain's colour (emoji) face able to draw cp, or -1. */
int pdf_font_emoji_slot(pdf_fonts *f, unsigned cp);
pdf_face_kind pdf_font_kind(pdf_fonts *f, int slot);
/* A bold slot drawn with a face that is not bold (a chain font without a
 * bold file, such as the CJK one): painting emboldens it with a stroke. */
bool pdf_font_synthetic_bold(pdf_fonts *f, int slot);
/* The box glyph standing for cp (recorded for its ToUnicode entry). */
unsigned pdf_font_box_glyph(pdf_fonts *f, unsigned cp);
/* The name under which page pg's resources know the font of `slot` (added
 * on first use), or NULL if the PDF objects could not be made. */
const char *pdf_font_use(pdf_fonts *f, HPDF_Doc doc, HPDF_Page pg, int slot);
/* Shaping (shape.c) reads the face through HarfBuzz: its font (scaled to
 * units per em), its units per em, and one buffer reused for every run. */
hb_font_t *pdf_font_hb(pdf_fonts *f, int slot);
unsigned pdf_font_upem(pdf_fonts *f, int slot);
hb_buffer_t *pdf_font_buffer(pdf_fonts *f);
/* Records that glyph gid of slot's face stands for the characters
 * cps[0..n) (for the subset font, its widths and its ToUnicode map). */
void pdf_font_glyph_text(pdf_fonts *f, int slot, unsigned gid, const uint32_t *cps, size_t n);
/* The glyph of cp in slot's face (0: none), recorded as standing for cp. */
unsigned pdf_font_glyph_for(pdf_fonts *f, int slot, uint32_t cp);
/* The width /W gives glyph gid, in 1/1000 em (what a content stream's
 * glyph advances by unless adjusted). */
int pdf_font_glyph_width(pdf_fonts *f, int slot, unsigned gid);
/* The slot's face's /W advances known so far, per glyph id (-1: not yet;
 * *n of them, NULL when none): painting reads them without a call per
 * glyph, and asks pdf_font_glyph_width for the rest. */
const int16_t *pdf_font_known_widths(pdf_fonts *f, int slot, unsigned *n);
/* Glyph gid is drawn with no advance (a mark): /W says 0 for it, so text
 * extraction sees no step back after it (which it reads as a word gap). */
void pdf_font_glyph_zero(pdf_fonts *f, int slot, unsigned gid);
/* File of a slot's face, for messages. */
const char *pdf_font_file(pdf_fonts *f, int slot);
/* Family name of a slot's face, for messages. */
const char *pdf_font_family(pdf_fonts *f, int slot);
/* The picture of glyph gid of a colour slot (emoji.c): an image made once
 * per glyph, and where it sits relative to the glyph origin, in em (left,
 * bottom, width, height). NULL if the face has no bitmap for it. */
HPDF_Image pdf_font_emoji_image(pdf_fonts *f, HPDF_Doc doc, int slot, unsigned gid, double box[4]);
/* Begins cutting down the files of the faces with glyphs drawn, on a
 * worker thread, once no more text will be shaped: painting then goes on
 * beside it. pdf_fonts_finish waits for it. */
void pdf_fonts_subset_early(pdf_fonts *f);
/* Writes the font objects of every face drawn (fontobj.c), once all pages
 * are painted. Returns 0 or -1. */
int pdf_fonts_finish(pdf_fonts *f, HPDF_Doc doc);

/* ---- styled text (text.c) ------------------------------------------------ */

enum {
    PDF_ST_STRIKE = 1u << 0,
    PDF_ST_CODE = 1u << 1, /* inline code: tinted background */
    PDF_ST_SUPER = 1u << 2,
    PDF_ST_LINK = 1u << 3,
    PDF_ST_SUB = 1u << 4,
};

typedef struct {
    uint8_t fam, var;
    uint8_t flags;
    float size;
    oct_color color;
    int link; /* index into oct_pdf.links, -1 for none */
    int mark; /* a place the index lists (index.c): 1-based spot, 0 for none */
} pdf_style;

/* A shaped glyph: id in its face, advance and offsets in 1/1000 em. */
typedef struct {
    uint16_t gid;
    int16_t adv, dx, dy;
} pdf_glyph;

typedef struct {
    uint32_t cp;
    uint32_t g; /* its first glyph in pdf_text.g (ng of them) */
    uint16_t style;
    uint8_t slot; /* face that draws it; PDF_SLOT_NONE: not drawn */
    uint8_t brk;  /* OCT_LB_* of the break after it | OCT_GRAPHEME_START */
    int16_t w;    /* advance in 1/1000 em of `slot`: its cluster's, on the
                   * cluster's first char; 0 for the rest and when not drawn */
    uint8_t ng;   /* glyphs it draws (0: not drawn, or drawn by its cluster's first) */
    uint8_t hyw;  /* PDF_BRK_HYPHEN: the added hyphen's advance, 2/1000 em */
} pdf_char;
/* More pdf_char.brk flags (hyphens.c), beside OCT_LB_* and OCT_GRAPHEME_START. */
enum {
    PDF_BRK_HYPHEN = 1u << 3, /* a hyphenation point: a line may end after it, hyphen added */
    PDF_BRK_SEP = 1u << 4,    /* a break after a URL's or identifier's separator */
};

/* A run of styled characters: a paragraph, a heading, a cell. */
typedef struct {
    pdf_char *c;
    size_t n, cap;
    pdf_glyph *g; /* the glyphs of shaped chars, in order */
    size_t ng, capg;
    /* The direction of its first strong character (bidi rule P2), found
     * as text is added: 0 none yet (left to right), 1 LTR, 2 RTL. */
    uint8_t dir;
    pdf_style *st;
    size_t nst, capst;
    bool broken; /* break classes computed */
    /* Its words are not hyphenated yet: the builder whose patterns will
     * (pdf_hyphenate_words) when a piece first needs them, else NULL. */
    struct oct_pdf *hyph_later;
} pdf_text;

typedef struct oct_pdf oct_pdf;

/* Frees t's arrays, or keeps them for the thread's next texts (textmem.c). */
void pdf_text_free(pdf_text *t);
/* Room for `need` chars, glyphs or styles in t: a new text takes a freed
 * text's arrays first. */
void pdf_text_grow_chars(pdf_text *t, size_t need);
void pdf_text_grow_glyphs(pdf_text *t, size_t need);
void pdf_text_grow_styles(pdf_text *t, size_t need);
/* Frees the arrays this thread keeps (a thread's end frees them too). */
void pdf_text_spares_release(void);
void pdf_text_clear(pdf_text *t);
/* Index of style s in t (added if new). */
uint16_t pdf_text_style(pdf_text *t, const pdf_style *s);
/* Appends UTF-8 s[0..n) in style st. `node` names the source for
 * missing-glyph warnings (may be NULL). `verbatim` (code) expands tabs to
 * the next multiple of four columns and keeps newlines as forced breaks;
 * otherwise both are spaces. */
void pdf_text_add(oct_pdf *p, pdf_text *t, const char *s, size_t n, const pdf_style *st,
                  const oct_node *node, bool verbatim);
/* Appends the inline content of `container` (its inline children; an
 * ANSWER child is skipped) in base style st. */
void pdf_text_inlines(oct_pdf *p, pdf_text *t, const oct_node *container, const pdf_style *st);
/* Shapes chars [a, b) (shape.c): their glyphs and widths. pdf_text_add
 * calls it for what it added. */
void pdf_shape(oct_pdf *p, pdf_text *t, size_t a, size_t b);
/* Readies the body, heading and code faces for shaping (shapecache.h:
 * pdf_shape_cache_warm), on the thread that makes the PDF. */
void pdf_shape_warm(oct_pdf *p);
/* A run of one script (scriptrun.c) set in one face: bytes up to `end`
 * of the text being added; its letters of `script` (and marks) take
 * `slot` (-1: each letter finds its own face). */
typedef struct {
    size_t end;
    int script, slot;
} pdf_script_run;
/* The run starting at byte `at` of s[0..n) for text in `slot`. */
pdf_script_run pdf_script_run_at(oct_pdf *p, const char *s, size_t at, size_t n, int slot);
/* Whether cp is one of the run's letters or marks (set in its slot). */
bool pdf_script_run_has(const pdf_script_run *r, unsigned cp);
/* Adds separator breaks to t's break flags (hyphens.c; pdf_text_breaks
 * calls it), and leaves its words for pdf_hyphenate_words: three pieces
 * in four are set without hyphens (breaking.c), so most words are never
 * looked up, and the patterns can still be loading. */
void pdf_hyphenate(oct_pdf *p, pdf_text *t);
/* Adds the hyphenation points of t's words (t->hyph_later), once. */
void pdf_hyphenate_words(pdf_text *t);
/* Loads the patterns of the booklet's language once (a "no-hyphenation"
 * warning when it has none); pdf_hyphen_close frees them. */
void pdf_hyphen_open(oct_pdf *p, const char *lang);
/* Shows the patterns every word the booklet may hyphenate (its text, its
 * titles, octavo's phrases), so only the patterns they use are loaded. */
void pdf_hyphen_show_tree(oct_pdf *p, const oct_tree *t);
void pdf_hyphen_close(oct_pdf *p);
/* Computes line breaks and grapheme clusters (ICU) once all text is in. */
void pdf_text_breaks(oct_pdf *p, pdf_text *t);
/* Width of chars [a, b) in points. */
double pdf_text_width(const pdf_text *t, size_t a, size_t b);
static inline double pdf_char_width(const pdf_text *t, size_t i)
{
    return t->c[i].w * (double)t->st[t->c[i].style].size / 1000.0;
}
/* t := s in style st on one line of `width` points, shortened with an
 * ellipsis between grapheme clusters when it is too long (running heads,
 * folios, card labels); returns its width. `node` names the source for
 * missing-glyph warnings. */
double pdf_text_fit(oct_pdf *p, pdf_text *t, const char *s, const pdf_style *st,
                    const oct_node *node, double width);
/* A base style: family/variant/size/colour, no flags, no link. */
pdf_style pdf_style_make(int fam, int var, double size, oct_color color);
/* Appends a code block's text src[0..len) to t in base style st, each
 * highlighted token in its theme colour and weight (code_hl.c). */
void pdf_code_text(oct_pdf *p, pdf_text *t, const char *src, size_t len, const pdf_style *st,
                   const oct_node *n);

/* ---- line breaking (breaking.c) ------------------------------------------ */

typedef struct {
    size_t a, b;  /* chars [a, b) are set on the line (trailing spaces cut) */
    size_t next;  /* first char of the following line */
    double width; /* natural width of [a, b) in points */
    double avail; /* measure available to the line */
    int nspace;   /* stretchable spaces in [a, b) */
    bool justify; /* stretch/shrink the spaces to fill the measure */
    bool cont;    /* continues a line broken inside a token (code) */
    bool hyphen;  /* ends at a hyphenation point: a hyphen is drawn after b */
} pdf_line;

typedef enum { PDF_BREAK_TOTAL_FIT, PDF_BREAK_GREEDY } pdf_break_mode;

/* A justified word space grows to at most (1 + this) times its width. */
#define PDF_MAX_SPACE_GROWTH 1.5

typedef struct {
    double first, rest; /* measure of the first line and of the others */
    bool first_each;    /* `first` applies to the first line after each forced break */
    bool justify;
    bool balance; /* display text: the last line is weighed like the others */
    pdf_break_mode mode;
} pdf_measure;

/* Breaks t into lines; *out is malloc'd (caller frees). Returns the count
 * (an empty text gives one empty line). t's words get their hyphenation
 * points if a piece needs them. */
size_t pdf_break_lines(pdf_text *t, const pdf_measure *m, pdf_line **out);
/* Widest unbreakable piece and widest mandatory-break piece, points. */
void pdf_text_extent(const pdf_text *t, double *minw, double *maxw);
bool pdf_is_space(uint32_t cp);
/* Whether char i is a word space that justification may widen: not one
 * inside inline code, whose spaces keep the code's columns. */
bool pdf_stretchable_space(const pdf_text *t, size_t i);
/* A justification gap after char i: a break between characters of a
 * script written without spaces (Chinese, Japanese, Thai...), which
 * stretches like a word space of PDF_GAP_EM (pdf_gap_width, points). */
bool pdf_gap_after(const pdf_text *t, size_t i);
double pdf_gap_width(const pdf_text *t, size_t i);
#define PDF_GAP_EM 0.25

/* ---- flow: items and drawing operations (flow.c) ------------------------- */

typedef enum {
    PDF_OP_TEXT,  /* x, y = baseline start; slot, size, color; text = pdf_glyph[] */
    PDF_OP_RECT,  /* filled: x, y (top), w, h */
    PDF_OP_LINE,  /* stroked from (x, y) to (x + w, y + h), width lw */
    PDF_OP_BOX,   /* stroked rectangle x, y, w, h, width lw */
    PDF_OP_CHECK, /* a tick inside box x, y, w, h */
    PDF_OP_DOTS,  /* leader dots on baseline y from x to x + w */
    PDF_OP_LINK,  /* rect x, y, w, h; link index */
    PDF_OP_DEST,  /* anchor at y; text = key */
    PDF_OP_IMAGE, /* picture in box x, y (top), w, h; link = tree image index (1-based) */
    PDF_OP_ALT,   /* like TEXT, drawn invisible (a picture's alt text) */
} pdf_op_kind;

/* A booklet of thousands of pages holds hundreds of thousands of ops
 * until its pages are painted: the size matters (48 bytes). */
typedef struct {
    double x, y;
    union {
        struct {
            double w, h; /* RECT, LINE, BOX, CHECK, DOTS, LINK, IMAGE */
        };
        struct {
            /* TEXT, ALT: a packed glyph run (pdf_glyph_next); DEST: a key;
             * len bytes at text, into oct_pdf.pool */
            uint32_t text, len;
            /* TEXT: the source text of a cluster drawn by several glyphs
             * (UTF-8, into the pool; alen 0: none), given to extraction as
             * /ActualText: a glyph's one ToUnicode entry cannot say what a
             * conjunct, a vowel sign drawn before its consonant or a
             * stacked mark stands for here. */
            uint32_t atext, alen;
        };
    };
    float size, lw;
    int32_t link;
    uint16_t color; /* into oct_pdf.colors: pdf_color_id, pdf_op_color */
    uint8_t kind, slot;
} pdf_op;

enum {
    PDF_IT_KEEP_NEXT = 1u << 0,   /* no page break between this and the next */
    PDF_IT_DISCARD = 1u << 1,     /* a gap, dropped at the top of a page */
    PDF_IT_NEW_PAGE = 1u << 2,    /* starts a new page (chapter opener) */
    PDF_IT_OPENER = 1u << 3,      /* its page has no running head */
    PDF_IT_REPEAT_ONLY = 1u << 4, /* placed only as a repeated head (head0) after a break */
    PDF_IT_STRETCH = 1u << 5,     /* room to write: may grow like a gap to fill a page */
    PDF_IT_SEPARATOR = 1u << 6,   /* a thematic break (with DISCARD): left out at a page foot too */
};

typedef struct { /* 64 bytes: a booklet of thousands of pages has 200,000 */
    double h;
    double base; /* baseline of its first text line from its top, 0 if none */
    pdf_op *ops;
    const oct_node *question; /* the question whose prompt or answer it sets, or NULL */
    double min_h;             /* a picture: may shrink to this height to end a page (0: fixed) */
    uint32_t nops, cap;
    unsigned flags;
    int chapter;           /* running-head chapter, -1 for none */
    uint32_t head0, nhead; /* items (table header) repeated after a break */
} pdf_item;

typedef struct {
    pdf_item *it;
    size_t n, cap;
    int chapter;              /* stamped on new items */
    const oct_node *question; /* stamped on new items */
} pdf_flow;

/* The index of colour c in the booklet's palette (added if new): ops
 * hold an index, not three doubles. */
uint16_t pdf_color_id(oct_pdf *p, oct_color c);
/* The colour an op is drawn in. */
oct_color pdf_op_color(const oct_pdf *p, const pdf_op *op);

/* Appends an item of height h; the pointer is valid until the next push. */
pdf_item *pdf_flow_push(pdf_flow *f, double h, unsigned flags);
/* A collapsible gap: merges with a gap just before it (the larger wins)
 * and inherits the keep of the item before it. */
void pdf_flow_space(pdf_flow *f, double h);
/* A placed item: not a gap (dropped at a page's head) nor a line placed
 * only as a repeated head. */
static inline bool pdf_item_is_content(const pdf_item *it)
{
    return !(it->flags & (PDF_IT_DISCARD | PDF_IT_REPEAT_ONLY));
}
/* The first placed item from i on, before `to` (else `to`). */
size_t pdf_flow_content_from(const pdf_flow *f, size_t i, size_t to);
/* Whether line k of n of a paragraph keeps with the next: the layout's
 * orphans stay together at a page foot, its widows at a page head. */
bool pdf_keep_line(const oct_pdf *p, size_t k, size_t n);
/* Sets KEEP_NEXT on the last item (if any). */
void pdf_flow_keep_last(pdf_flow *f);
void pdf_flow_free(pdf_flow *f);
pdf_op *pdf_item_op(pdf_item *it, pdf_op_kind kind);
/* Inserts an op before the existing ones (reading order: labels first). */
pdf_op *pdf_item_op_front(pdf_item *it, pdf_op_kind kind);
/* Copies s[0..n) into the text pool, NUL-terminated; returns its offset. */
uint32_t pdf_pool_put(oct_pdf *p, const char *s, size_t n);
/* Packs the glyphs g[0..n) into the pool (4 bytes a glyph: id and
 * advance, 10 with offsets or an advance beyond 16 em); returns the
 * offset, *bytes gets the packed size. */
uint32_t pdf_pool_glyphs(oct_pdf *p, const pdf_glyph *g, size_t n, uint32_t *bytes);
/* The glyph packed at *at, which moves on to the next. */
pdf_glyph pdf_glyph_next(const char **at);
/* Gives back the pool's unused room once layout is over. */
void pdf_pool_trim(oct_pdf *p);
/* Forgets what was put in the pool from offset `from` on (a line painted
 * at once: a running head, a folio). */
void pdf_pool_drop(oct_pdf *p, size_t from);
/* Trims a flow's arrays to their contents (layout is over). */
void pdf_flow_trim(pdf_flow *f);
/* An anchor op (DEST) for key on item it at height y. */
void pdf_item_dest(oct_pdf *p, pdf_item *it, const char *key, double y);

/* ---- setting lines (lineops.c) ------------------------------------------- */

typedef enum { PDF_AL_LEFT, PDF_AL_CENTER, PDF_AL_RIGHT } pdf_align;

/* Adds the ops drawing line ln of t to it: left edge x, baseline y. */
void pdf_set_line(oct_pdf *p, pdf_item *it, const pdf_text *t, const pdf_line *ln, double x,
                  double y, pdf_align al);
/* Baseline offset inside a line box of height lh for text of size sz. */
double pdf_baseline(double lh, double sz);

/* ---- block layout (blocks.c, lists.c, notes.c, code.c, table.c) ---------- */

typedef struct {
    double x, w; /* column: left edge (from the body's left) and width */
    double size; /* running text size */
    int depth;   /* block nesting */
    int bullets; /* enclosing unordered lists (bullet shape) */
    bool tight;  /* inside a tight list item */
} pdf_ctx;

#define PDF_MAX_DEPTH 40

void pdf_layout_blocks(oct_pdf *p, const pdf_ctx *c, const oct_node *first);
/* Whether n's text (code left out), or s, runs from the right: its first
 * strong character's direction (UAX #9 P2) (direction.c). */
bool pdf_node_rtl(const oct_node *n);
bool pdf_text_rtl(const char *s);
/* The left edge of something w wide at x in column c, mirrored across c
 * when rtl (x itself when not): furniture laid out for left-to-right text
 * goes to the other side for right-to-left text. */
double pdf_flip(const pdf_ctx *c, bool rtl, double x, double w);
void pdf_layout_block(oct_pdf *p, const pdf_ctx *c, const oct_node *n);
void pdf_layout_chapter(oct_pdf *p, const oct_node *ch, int index);
/* Sets a text as lines into the body flow; returns the number of lines.
 * keep_all keeps the lines together and with what follows (headings). */
size_t pdf_layout_text(oct_pdf *p, const pdf_ctx *c, pdf_text *t, double lh, pdf_align al,
                       bool justify, bool keep_all);
void pdf_layout_list(oct_pdf *p, const pdf_ctx *c, const oct_node *n);
void pdf_layout_question(oct_pdf *p, const pdf_ctx *c, const oct_node *n);
void pdf_layout_footnotes(oct_pdf *p, const pdf_ctx *c, const oct_node *first_def);
void pdf_layout_code(oct_pdf *p, const pdf_ctx *c, const oct_node *n);
void pdf_layout_table(oct_pdf *p, const pdf_ctx *c, const oct_node *n);
/* The "To research" appendix (research.c): every cluster no wording of
 * which is answered, once, linked to its question; nothing if none. */
void pdf_layout_research(oct_pdf *p);
/* Opens a back-matter section (appendix.c): new page, title, destination
 * `key`, contents and outline entry. */
void pdf_appendix_open(oct_pdf *p, const pdf_ctx *c, const char *key, const char *title);
/* Only its contents and outline entry (a section that sets its own page). */
void pdf_appendix_heading(oct_pdf *p, const char *key, const char *title);
/* Every answer of q, each under its source when there are several
 * (question.c; the study layout and the answer key). */
void pdf_layout_answers(oct_pdf *p, const pdf_ctx *in, const oct_node *q);

/* ---- pictures (image.c) ---------------------------------------------------- */

/* The IMAGE node's picture is in the tree (else its alt text is printed). */
bool pdf_image_available(const oct_pdf *p, const oct_node *img);
/* Natural size in points of an available picture (0 x 0 if none). */
void pdf_image_natural(const oct_pdf *p, const oct_node *img, double *w, double *h);
/* Adds the picture in box (x, y) w x h to an item, with its alt text laid
 * invisibly over it. */
void pdf_image_op(oct_pdf *p, pdf_item *it, const oct_node *img, double x, double y, double w,
                  double h);
/* Sets an available picture as a block: scaled to fit, caption below. */
void pdf_layout_figure(oct_pdf *p, const pdf_ctx *c, const oct_node *img);
/* The available pictures inside a paragraph's text, each as a block after it. */
void pdf_layout_inline_figures(oct_pdf *p, const pdf_ctx *c, const oct_node *para);
/* A picture no smaller than this fraction of its fitted size, nor lower
 * than PDF_FIG_MIN_HEIGHT points, is still readable: rather than move on
 * and leave a gap, it shrinks to end the page. */
#define PDF_FIG_MIN_SCALE 0.4
#define PDF_FIG_MIN_HEIGHT 72.0
/* Scales a figure item (picture and its alt text) by s < 1, centred. */
void pdf_figure_shrink(pdf_item *it, double s);
/* Draws a PDF_OP_IMAGE whose box has its top-left corner at (x, top). */
void pdf_paint_image(oct_pdf *p, HPDF_Page pg, oct_buf *out, const pdf_op *op, double x,
                     double top);
/* Adds a label (already styled text) in front of the first text line of
 * the items [from, flow end): right-aligned to x_right. */
void pdf_attach_label(oct_pdf *p, size_t from, const pdf_text *label, double x_right);
/* Anchor key of a node: its id, or a synthetic key when it has none. */
const char *pdf_node_key(oct_pdf *p, const oct_node *n, char *buf, size_t bufsz);
/* Plain text of n's inline content (malloc'd). */
char *pdf_plain_text(const oct_node *n);
/* Line height for a text size. */
double pdf_lh(const oct_pdf *p, double size);

/* ---- pages (pages.c) ------------------------------------------------------ */

typedef struct {
    size_t item;
    double y;
} pdf_place;

typedef enum { PDF_PG_TITLE, PDF_PG_FRONT, PDF_PG_BODY } pdf_page_kind;

typedef struct {
    const pdf_flow *flow;
    size_t first, count; /* into oct_pdf.places */
    pdf_page_kind kind;
    int number;           /* folio (roman for front matter) */
    int chapter;          /* running head, -1 for none */
    bool opener;          /* no running head */
    bool blank;           /* left empty so the next chapter opens on a recto: no head, no folio */
    const oct_node *cont; /* a question whose answer goes on from the page before */
} pdf_page;

/* Places the items of f on new pages of the given kind (a picture that
 * would move on while most of it fits is shrunk in place: pdf_figure_shrink). */
/* Adds a blank page of `kind` when the next page would be a verso, so
 * what follows opens on a recto. */
void pdf_pad_to_recto(oct_pdf *p, pdf_page_kind kind);
void pdf_paginate(oct_pdf *p, pdf_flow *f, pdf_page_kind kind);
double pdf_body_height(const oct_pdf *p);

double pdf_body_width(const oct_pdf *p);

/* ---- anchors, painting, outline, metadata --------------------------------- */

/* Where a key's place ended up: the first of its places (lowest page,
 * then highest on it), found by key through a hash (oct_pdf.anchor_at). */
typedef struct {
    size_t page;
    double y; /* from the body top */
} pdf_anchor;

void pdf_collect_anchors(oct_pdf *p);
void pdf_free_anchors(oct_pdf *p);
const pdf_anchor *pdf_find_anchor(const oct_pdf *p, const char *key);
int pdf_paint(oct_pdf *p);
/* Content-stream operators into a page's buffer, as libharu writes them
 * (content.c): `op` after the n numbers v; `op` after one whole number;
 * an image or form (q, the matrix m, its name in pg's resources, Do, Q);
 * and the buffer's bytes moved into pg's own stream. */
void pdf_content_op(oct_buf *b, const char *op, int n, const double *v);
void pdf_content_int(oct_buf *b, long v, const char *op);
void pdf_content_xobject(oct_buf *b, HPDF_Page pg, void *xobj, const double m[6]);
void pdf_content_flush(oct_buf *b, HPDF_Page pg);
/* Page i's left margin (two-sided: the inner one on a recto). */
double pdf_page_left(const oct_pdf *p, size_t i);
/* Items set at (left, top), PDF space, for the margins of one page
 * (margins.c): the running head's are [0, nhead), the folio's after. */
typedef struct {
    pdf_item it;
    double left, top;
} pdf_placed;
typedef struct {
    pdf_placed *v;
    size_t n, cap, nhead;
    bool glyphs_only; /* shape the texts (their glyphs are registered), set nothing */
} pdf_margins;
/* A margin text as last fitted: the recto head, the verso head and the
 * folio come back page after page, so each is shaped once, not twice a
 * page (margins.c). */
typedef struct {
    char *s; /* NULL: empty */
    double width, tw;
    const void *node;
    pdf_text t;
} pdf_margin_memo;
enum { PDF_MARGIN_MEMOS = 4 };
/* Sets page i's running head and folio (shaping their text; the glyphs
 * go to the pool). */
void pdf_margins_set(oct_pdf *p, size_t i, pdf_margins *m);
void pdf_margins_free(pdf_margins *m);
/* Frees what the margins keep from page to page (oct_pdf_free). */
void pdf_margin_memos_free(oct_pdf *p);
/* Paints one item with its top-left corner at (left, top), PDF space. */
/* n ruled lines `lh` apart across [x, x + w] of the current flow: room to
 * write an answer by hand (question.c). The first `kept` stay together;
 * the others are left out when they would open a page. */
void pdf_ruled_lines(oct_pdf *p, double x, double w, double lh, int n, int kept);
void pdf_paint_item_at(oct_pdf *p, HPDF_Page pg, const pdf_item *it, double left, double top);
/* Flashcards mode (cards.c): lays out the deck and paints its sheets in
 * place of the booklet. */
int pdf_cards_render(oct_pdf *p);
int pdf_outline(oct_pdf *p);
int pdf_metadata(oct_pdf *p);
/* Destination on the anchor's page at its height. NULL on libharu error. */
HPDF_Destination pdf_dest(oct_pdf *p, const pdf_anchor *a);
/* A PDF text string value: literal when ASCII, else UTF-16BE with BOM
 * (non-BMP as surrogate pairs), as a libharu object to put in a dict. */
void *pdf_string_obj(oct_pdf *p, const char *utf8);

/* ---- saddle-stitch imposition (impose.c) ----------------------------------- */

typedef struct pdf_impose pdf_impose;
/* With L.impose.saddle: adds the sheet sides as the PDF's pages and points
 * p->hpages[i] at the side logical page i is painted on. 0 or -1. */
int pdf_impose_pages(oct_pdf *p);
/* Where logical page i's lower-left corner lies on its PDF page (0, 0
 * without imposition). */
void pdf_page_offset(const oct_pdf *p, size_t i, double *dx, double *dy);
/* Sheets (0: not imposed) and signatures. */
size_t pdf_impose_sheets(const oct_pdf *p, size_t *signatures);
void pdf_impose_free(oct_pdf *p);

/* ---- title page and contents (front.c) ------------------------------------ */

/* Questions are outline entries below every section level; the contents
 * page lists levels 0–2 only. */
#define PDF_LEVEL_QUESTION 7

typedef struct {
    const oct_node *node; /* CHAPTER, SECTION or QUESTION */
    int level;            /* 0 chapter, 1–6 section level, PDF_LEVEL_QUESTION */
    char *title;          /* malloc'd plain text */
    char *key;            /* malloc'd anchor key */
} pdf_heading;

#define PDF_CONTENTS_KEY                                                                           \
    "\x01"                                                                                         \
    "contents"

/* Records a contents/outline entry for n (title: plain text, copied). */
void pdf_heading_add(oct_pdf *p, const oct_node *n, int level, const char *title);
void pdf_layout_title_page(oct_pdf *p, pdf_flow *f);
void pdf_layout_contents(oct_pdf *p, pdf_flow *f);
/* A line of front-matter text s (skipped if empty) in the given style. */
void pdf_front_line(oct_pdf *p, const pdf_ctx *c, const char *s, int fam, int var, double size,
                    oct_color col, double lh_factor);
/* A contents entry: title, dot leaders, the folio of anchor `key`, all one
 * link to it; `chapter` sets it bold, depth indents it. */
/* Opens a front-matter page in flow f (made current): a new page, its
 * title with destination key; returns the body column to set it in. */
pdf_ctx pdf_front_open(oct_pdf *p, pdf_flow *f, const char *key, const char *title);
void pdf_front_entry(oct_pdf *p, const pdf_ctx *c, const char *title, const char *key,
                     const oct_node *node, bool chapter, int depth);

#define PDF_MOST_ASKED_KEY                                                                         \
    "\x01"                                                                                         \
    "most-asked"
/* The "Most asked" page (front matter, after the contents): the question
 * clusters asked in the most sources, with folios and links. Nothing when
 * no cluster is asked in two sources or more. */
void pdf_layout_most_asked(oct_pdf *p, pdf_flow *f);

/* ---- the index (index.c) --------------------------------------------------- */

/* Reads the index (study/index.h) before layout, so that text marks the
 * places it lists: each gets an anchor where its line is set (lineops.c),
 * and the index shows the page it really fell on. */
void pdf_index_prepare(oct_pdf *p);
void pdf_index_free(oct_pdf *p);
/* The spot (1-based) of an index place that is the whole node n (CODE,
 * STRONG), 0 if none. */
int pdf_index_spot(const oct_pdf *p, const oct_node *n);
/* Adds the text of TEXT node n from byte `from`, its index places marked;
 * false (nothing added) when n holds none. */
bool pdf_index_text(oct_pdf *p, pdf_text *t, const oct_node *n, size_t from, const pdf_style *st);
/* Anchor key of spot m. */
const char *pdf_index_key(const oct_pdf *p, int m);
/* The index pages (after the body and its appendix): terms by initial
 * letter in two columns, each with the pages it is on, linked. */
void pdf_layout_index(oct_pdf *p, pdf_flow *f);

/* A phrase of the booklet's own pages in its language (tree/phrases.h). */
const char *pdf_phrase(const oct_pdf *p, oct_phrase_id id);

/* ---- the backend state (pdf.c) -------------------------------------------- */

typedef struct {
    char *target; /* URL, or anchor key for internal links */
    bool internal;
} pdf_link;

/* x³ for a badness (TeX's cube of the stretch or shrink used), by
 * multiplying: pow() was 3 % of a large build. */
static inline double pdf_cube(double x)
{
    return x * x * x;
}

struct oct_pdf {
    oct_layout L; /* a shallow copy: strings still belong to the caller */
    oct_diag *diag;
    HPDF_Doc doc;
    HPDF_STATUS err, err_detail; /* first libharu error, 0 if none */
    oct_breaker *breaker;        /* ICU iterators in the booklet's language */
    struct oct_hyph *hyph;       /* hyphenation patterns of the language, NULL: none */
    char *hyph_lang;             /* the language they were loaded for */
    void (*hyph_wait)(void *);   /* waits for another thread loading them, or NULL */
    void *hyph_wait_arg;
    pdf_fonts *fonts;
    const oct_tree *tree;
    bool rendered, failed;
    /* Pagination puts chapter openers on rectos, counting pages from
     * recto_base (-1: it does not; flashcards have their own sheets). */
    long recto_base;

    oct_buf pool; /* op texts, anchor keys */
    pdf_margin_memo margin_memo[PDF_MARGIN_MEMOS];
    unsigned margin_memo_next;     /* the slot a new text takes */
    oct_buf line_run, line_actual; /* lineops.c's scratch, kept from line to line */
    oct_color *colors;             /* the colours ops are drawn in (pdf_color_id) */
    size_t ncolors, capcolors;
    pdf_link *links;
    size_t nlinks, caplinks;
    pdf_flow body, title, front, back; /* back: the index */
    pdf_flow *cur;                     /* the flow layout writes into */
    pdf_place *places;
    size_t nplaces, capplaces;
    pdf_page *pages;
    size_t npages, cappages;
    pdf_anchor *anchors;
    size_t nanchors;
    oct_strmap anchor_at;           /* key -> index into anchors */
    HPDF_Destination *anchor_dests; /* by anchor: its destination, made on first use */
    HPDF_Page *hpages;              /* by logical page: its PDF page (a sheet side when imposed) */
    pdf_impose *imp;                /* imposition, NULL: none */

    pdf_heading *heads; /* contents and outline entries, in order */
    size_t nheads, capheads;
    const oct_node **chapters; /* running heads by chapter index */
    size_t nchapters, capchapters;
    const oct_node *cur_chapter; /* footnote definitions are looked up here */
    const oct_node *label_scope; /* the chapter label_widest was measured in */
    double label_widest;         /* its widest question label, at 1 pt (question.c) */
    bool defer_images;           /* text leaves available pictures out (set after it) */
    bool ragged;                 /* no justified text (a card's narrow column) */
    double figure_max_h;         /* > 0: no picture taller (a flashcard leaves room for text) */
    HPDF_Image *himages;         /* loaded pictures by tree index - 1 */

    const char **ids; /* node ids of the tree, sorted (internal links) */
    size_t nids;
    /* the places links inside the booklet name (tree/anchors.h) */
    struct oct_anchor_table *anchor_table;
    oct_bank bank;                 /* question clusters: answered member, unanswered ones */
    struct pdf_missing *missing;   /* characters boxed or left out (missing.c) */
    const struct oct_index *index; /* the back-of-book index: given, or own_index */
    struct oct_index *own_index;   /* built by pdf_index_prepare when none was given */
    struct pdf_keyrefs *keyrefs;   /* quiz mode: lines naming a key page (answerkey.h) */
    struct pdf_spot *spots;        /* index places, by node then offset */
    oct_footnote_defs *notes;      /* flashcards: the notes a card carries, filed once */
    size_t nspots;
    struct pdf_shape_cache *shaped;               /* words shaped once (shapecache.h) */
    HPDF_Dict resources, res_fonts, res_xobjects; /* shared by every page (pdf_add_page) */
    struct oct_worker *deflater;                  /* deflates streams beside painting (deflate.c) */
    bool timed;                                   /* oct_pdf_time: the clock is read into times */
    oct_pdf_times times;                          /* seconds shaping and writing, when timed */
};

/* A new page of width x height points, naming its fonts and pictures in
 * the resources every page shares. */
HPDF_Page pdf_add_page(oct_pdf *p, double width, double height);

/* The clock when p is timed (else 0), and the time since `since` added
 * to *into: t = pdf_clock(p); work(); pdf_clock_add(p, &p->times.shape, t). */
double pdf_clock(const oct_pdf *p);
void pdf_clock_add(oct_pdf *p, double *into, double since);

/* Has every deflated stream of p's document deflated at octavo's level
 * (deflate.c) instead of libharu's, on the worker. Call just before saving. */
void pdf_deflate_streams(oct_pdf *p);
/* Hands a finished stream (a painted page's contents) to the worker now:
 * the document keeps the smaller bytes until it is saved, then drops them. */
void pdf_deflate_finished(oct_pdf *p, HPDF_Dict stream);
/* The same for the bytes in `bytes` (taken: it is left empty, with room
 * for as many) as the whole of an empty stream's content; false (nothing
 * done) when the stream is not a plain empty one. */
bool pdf_deflate_buf(oct_pdf *p, HPDF_Dict stream, oct_buf *bytes);
/* Waits for the streams still being deflated and stops the worker thread
 * (after saving, and before freeing the document's owner). */
void pdf_deflate_end(oct_pdf *p);
/* A painted page (painted.c) whose content is in `out` (emptied): its
 * content stream deflated, its link annotations kept as their bytes
 * instead of libharu objects. An imposed page (a sheet side holds two)
 * only has its content added to the side's stream. */
void pdf_page_painted(oct_pdf *p, HPDF_Page pg, oct_buf *out);
/* A link on pg to the destination `dest` (an indirect object), made as
 * the bytes libharu would write for it (painted.c), without its dozen
 * objects; false (nothing made) when it cannot be. */
bool pdf_link_annot(oct_pdf *p, HPDF_Page pg, HPDF_Rect r, HPDF_Destination dest);
/* For each place: whether it is the last one painting its item (one
 * flag per place, malloc'd), so its ops can go once painted. */
unsigned char *pdf_last_places(const oct_pdf *p);
/* Frees the ops of the items page i painted for the last time. */
void pdf_page_release(oct_pdf *p, size_t i, const unsigned char *last);
/* Frees the flows and the text pool once every page is painted (the
 * pages keep their count and numbers; their items are gone). */
void pdf_layout_free(oct_pdf *p);
/* Records a libharu failure as a diagnostic; returns -1 if one happened. */
int pdf_check(oct_pdf *p, const char *what);
/* Adds a link target; returns its index, or -1 when target is unusable
 * (relative URL, unknown anchor, unsafe scheme). */
int pdf_link_add(oct_pdf *p, const char *url, unsigned from);
/* A link to an anchor key laid out by this backend. */
int pdf_link_internal(oct_pdf *p, const char *key);
/* Why a character cannot be drawn. */
enum { PDF_MISS_NOGLYPH, PDF_MISS_CONTROL, PDF_MISS_KINDS };
/* Records that cp of node n has no face (printed as a box) or is a
 * control character (left out). */
void pdf_missing_add(oct_pdf *p, const oct_node *n, int why, unsigned cp);
/* One warning per character, at its first source line, with how often it
 * occurs. Call once, after painting. */
void pdf_missing_report(oct_pdf *p);
void pdf_missing_free(struct pdf_missing *m); /* NULL-safe */

#endif
