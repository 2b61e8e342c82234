/* Painting: the paginated items, in reading order, plus the running heads
 * and folios, written as content-stream operators into a buffer of the
 * page's (content.c); libharu keeps the page's resources, and makes the
 * links to URLs (internal links are made as bytes: painted.c). Per item: fills first (backgrounds),
 * then the text in one text object, then strokes, then link annotations. */
#include "pdf/internal.h"
#include "pdf/shapecache.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <hpdf_pages.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A colour the content stream has set (set: one has been). */
typedef struct {
    oct_color c;
    bool set;
} pen;

typedef struct {
    oct_pdf *p;
    HPDF_Page pg;     /* for its resources and annotations */
    oct_buf *out;     /* the page's content stream */
    const char *font; /* resource name of the font set, NULL: none yet */
    int used_slot;    /* 1 + the slot whose resource name `used` is (0: none) */
    const char *used;
    double font_size;
    oct_buf glyphs; /* scratch: the string of a run's glyph ids */
    pen fill, stroke;
    bool width_set;
    double width;  /* the line width set */
    double dx, dy; /* the page's place on its sheet side (imposition): for annotations */
    /* Inside a text object: where the current line starts (Td is relative
     * to it), and an open TJ array that the next word of the same line,
     * face, size and colour goes on in (tj: open; tj_x: where the viewer's
     * pen stands after its last glyph). */
    double lx, ly;
    bool tj;
    double tj_x, tj_y;
    const pdf_op *tj_op;
} painter;

static bool same_color(oct_color a, oct_color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void put_content(painter *w, const char *s, size_t n);
static const char *num3(char out[32], double x);

/* The fill or stroke colour, written only when it changes: "r g b rg",
 * or "g g" for a grey (most of a booklet's colours: its text, rules and
 * code; a printer then inks them with black alone). */
static void path_op(painter *w, const char *op, int n, const double *v);

static void set_pen(painter *w, pen *pn, oct_color c, bool stroke)
{
    if (pn->set && same_color(pn->c, c)) return;
    bool grey = c.r == c.g && c.g == c.b;
    const double parts[3] = {c.r, c.g, c.b};
    path_op(w, grey ? (stroke ? "G" : "g") : (stroke ? "RG" : "rg"), grey ? 1 : 3, parts);
    pn->c = c;
    pn->set = true;
}

static void set_fill(painter *w, oct_color c)
{
    set_pen(w, &w->fill, c, false);
}

static void set_stroke_color(painter *w, oct_color c)
{
    set_pen(w, &w->stroke, c, true);
}

/* The line width, written only when it changes. */
static void set_width(painter *w, double v)
{
    if (w->width_set && w->width == v) return;
    path_op(w, "w", 1, &v);
    w->width = v;
    w->width_set = true;
}

static void put_content(painter *w, const char *s, size_t n)
{
    oct_buf_put(w->out, s, n);
}

/* Operator `op` after the n numbers v (libharu's form: content.c). */
static void op_n(painter *w, const char *op, int n, const double *v)
{
    pdf_content_op(w->out, op, n, v);
}

static size_t fmt_num(char out[32], double x, int dec);

/* A path or colour operator after its n numbers, each to a thousandth
 * (libharu wrote five decimals). */
static void path_op(painter *w, const char *op, int n, const double *v)
{
    char s[32];
    for (int i = 0; i < n; i++) {
        oct_buf_put(w->out, s, fmt_num(s, v[i], 3));
        oct_buf_putc(w->out, ' ');
    }
    oct_buf_puts(w->out, op);
    oct_buf_putc(w->out, '\n');
}

/* x rounded to `dec` decimals (0-4) into out, no trailing zeros, '.'
 * whatever the locale; returns the length. The content streams' numbers
 * (libharu's formatting of each was a tenth of the painting). */
static size_t fmt_num(char out[32], double x, int dec)
{
    static const long long SCALE[] = {1, 10, 100, 1000, 10000};
    long long v = llround(x * (double)SCALE[dec]);
    char tmp[32], *e = tmp + sizeof tmp, *q = e;
    unsigned long long a = (unsigned long long)(v < 0 ? -v : v);
    bool digits = false;
    for (int k = 0; k < dec; k++, a /= 10) { /* the fraction, right to left */
        if (!digits && a % 10 == 0) continue;
        *--q = (char)('0' + a % 10);
        digits = true;
    }
    if (digits) *--q = '.';
    do {
        *--q = (char)('0' + a % 10);
        a /= 10;
    } while (a);
    if (v < 0) *--q = '-';
    size_t n = (size_t)(e - q);
    memcpy(out, q, n);
    out[n] = '\0';
    return n;
}

static void put_num(oct_buf *b, double x, int dec)
{
    char s[32];
    oct_buf_put(b, s, fmt_num(s, x, dec));
}

/* x with up to 3 decimals, in out. */
static const char *num3(char out[32], double x)
{
    fmt_num(out, x, 3);
    return out;
}

/* A glyph id in a string: its two bytes (Identity-H) as they are, but for
 * the three a literal string escapes and a carriage return, which a reader
 * would take for a line end. Hex digits took twice the bytes, and glyph
 * ids were half of a page's content stream: the pages' streams are a
 * quarter smaller, deflated too, and take a fifth less time to deflate. */
static void put_gid(oct_buf *b, unsigned gid)
{
    unsigned char byte[2] = {(unsigned char)(gid >> 8), (unsigned char)gid};
    char s[4];
    size_t n = 0;
    for (int k = 0; k < 2; k++) {
        unsigned char c = byte[k];
        if (c == '\r') {
            s[n++] = '\\';
            s[n++] = 'r';
            continue;
        }
        if (c == '(' || c == ')' || c == '\\') s[n++] = '\\';
        s[n++] = (char)c;
    }
    oct_buf_put(b, s, n);
}

/* ")n(": a move of n/1000 em inside a TJ array's string. */
static void put_move(oct_buf *b, long n)
{
    char s[32], *e = s + sizeof s, *q = e;
    *--q = '(';
    unsigned long a = n < 0 ? 0ul - (unsigned long)n : (unsigned long)n;
    do {
        *--q = (char)('0' + a % 10);
        a /= 10;
    } while (a);
    if (n < 0) *--q = '-';
    *--q = ')';
    oct_buf_put(b, q, (size_t)(e - q));
}

/* The glyphs of a run, inside an open TJ array's literal string. Each glyph's
 * place is the sum of the shaped advances before it plus its mark offset
 * (1/1000 em); a glyph is preceded by a number only where its place
 * differs from where the one before left the pen (its /W width further
 * on), so an unkerned run is bare glyph ids. A glyph raised or lowered
 * (dy) gets a rise of its own. In a cluster with ActualText, extraction
 * takes the span's end from where its last glyph leaves the pen: a mark
 * drawn last, left of its base's end, would read as a gap after the
 * cluster, so character spacing (Tc) carries that last glyph's step to the
 * cluster's end (*spaced). Returns where the viewer's pen stands after the
 * last glyph, in 1/1000 em from the run's start. */
static long put_glyphs(painter *w, const pdf_op *op, oct_buf *b, bool *spaced)
{
    oct_pdf *p = w->p;
    const char *at_glyph = p->pool.data + op->text, *end = at_glyph + op->len;
    long pen = 0, cur = 0;
    unsigned nw;
    const int16_t *gw = pdf_font_known_widths(p->fonts, op->slot, &nw);
    while (at_glyph < end) {
        pdf_glyph g = pdf_glyph_next(&at_glyph);
        long at = pen + g.dx;
        pen += g.adv;
        if (g.dy != 0) {
            oct_buf_puts(b, ")]TJ ");
            put_num(b, g.dy * op->size / 1000.0, 3);
            oct_buf_puts(b, " Ts[(");
        }
        if (at != cur) put_move(b, cur - at);
        int width = g.gid < nw && gw[g.gid] >= 0 ? gw[g.gid]
                                                 : pdf_font_glyph_width(p->fonts, op->slot, g.gid);
        cur = at + width;
        if (op->alen && at_glyph == end && cur != pen) {
            oct_buf_puts(b, ")]TJ ");
            put_num(b, (pen - cur) * op->size / 1000.0, 3);
            oct_buf_puts(b, " Tc[(");
            *spaced = true;
        }
        put_gid(b, g.gid);
        if (g.dy != 0) oct_buf_puts(b, ")]TJ 0 Ts[(");
    }
    return cur;
}

/* Ends the open TJ array, if any. */
static void close_tj(painter *w)
{
    if (!w->tj) return;
    put_content(w, ")]TJ\n", 5);
    w->tj = false;
}

/* Whether op's glyphs go on in the open array: the same line, face, size
 * and colour, drawn plainly (no ActualText span, no synthetic bold). */
static bool goes_on(const painter *w, const pdf_op *op, double y, bool embolden)
{
    const pdf_op *o = w->tj_op;
    return w->tj && !embolden && !op->alen && op->kind == PDF_OP_TEXT && o->slot == op->slot &&
           o->size == op->size && o->color == op->color && y == w->tj_y;
}

/* Opens a marked-content span whose /ActualText is UTF-8 s[0..n)
 * (UTF-16BE with its byte-order mark); paint_text closes it. */
static void put_actual_text(painter *w, const char *s, size_t n)
{
    oct_buf *b = &w->glyphs;
    oct_buf_clear(b);
    oct_buf_puts(b, "/Span<</ActualText<FEFF");
    size_t len;
    for (size_t i = 0; i < n; i += len) {
        oct_buf_put_utf16_hex(b, oct_utf8_decode(s + i, n - i, &len));
    }
    oct_buf_puts(b, ">>>BDC\n");
    put_content(w, b->data, b->len);
}

/* v as printed with `dec` decimals (put_num): positions are tracked as
 * the viewer will place them, so rounding never adds up along a line. */
static double printed(double v, int dec)
{
    double k = dec == 1 ? 10.0 : 1000.0;
    return (double)llround(v * k) / k;
}

/* A word that goes on in the open array: the gap from where the last one
 * left the pen, as a TJ number, then its glyphs. */
static void continue_tj(painter *w, const pdf_op *op, double x)
{
    oct_buf *b = &w->glyphs;
    oct_buf_clear(b);
    double num = printed((w->tj_x - x) * 1000.0 / op->size, 1); /* negative: to the right */
    if (num != 0) {
        oct_buf_putc(b, ')');
        put_num(b, num, 1);
        oct_buf_putc(b, '(');
    }
    double start = w->tj_x - num * op->size / 1000.0;
    bool spaced = false;
    long cur = put_glyphs(w, op, b, &spaced);
    w->tj_x = start + (double)cur * op->size / 1000.0;
    w->tj_op = op;
    put_content(w, b->data, b->len);
}

/* Moves to (x, y) with Td, relative to where the line starts. */
static void move_to(painter *w, double x, double y)
{
    oct_buf *b = &w->glyphs;
    oct_buf_clear(b);
    double dx = printed(x - w->lx, 3), dy = printed(y - w->ly, 3);
    put_num(b, dx, 3);
    oct_buf_putc(b, ' ');
    put_num(b, dy, 3);
    oct_buf_puts(b, " Td\n");
    put_content(w, b->data, b->len);
    w->lx += dx;
    w->ly += dy;
}

/* A run of glyphs. The words of a justified line are runs of their own,
 * each at its place: consecutive ones in one face, size and colour share
 * one TJ array, each after a number that moves the pen to it, so a line
 * is mostly one array with short numbers rather than an absolute text
 * matrix per word. */
static void paint_text(painter *w, const pdf_op *op, double x, double y)
{
    oct_pdf *p = w->p;
    if (w->used_slot != op->slot + 1) { /* a word mostly keeps its neighbour's face */
        w->used = pdf_font_use(p->fonts, p->doc, w->pg, op->slot);
        w->used_slot = w->used ? op->slot + 1 : 0;
    }
    const char *name = w->used;
    if (!name) {
        char what[600];
        snprintf(what, sizeof what, "embedding %s", pdf_font_file(p->fonts, op->slot));
        pdf_check(p, what);
        p->failed = true;
        return;
    }
    bool embolden = op->kind == PDF_OP_TEXT && pdf_font_synthetic_bold(p->fonts, op->slot);
    if (goes_on(w, op, y, embolden)) {
        continue_tj(w, op, x);
        return;
    }
    close_tj(w);
    if (name != w->font || w->font_size != op->size) {
        char num[32], line[64];
        int n = snprintf(line, sizeof line, "/%s %s Tf\n", name, num3(num, op->size));
        put_content(w, line, (size_t)n);
        w->font = name;
        w->font_size = op->size;
    }
    set_fill(w, pdf_op_color(p, op));
    move_to(w, x, y);
    if (op->alen) put_actual_text(w, p->pool.data + op->atext, op->alen);
    if (embolden) { /* fill and stroke, the outline widened by 1/30 em */
        put_content(w, "2 Tr\n", 5);
        set_width(w, op->size / 30.0);
        set_stroke_color(w, pdf_op_color(p, op));
    }
    oct_buf *b = &w->glyphs;
    oct_buf_clear(b);
    oct_buf_put(b, "[(", 2);
    bool spaced = false;
    long cur = put_glyphs(w, op, b, &spaced);
    if (!embolden && !op->alen && op->kind == PDF_OP_TEXT) { /* the next word may go on */
        put_content(w, b->data, b->len);
        w->tj = true;
        w->tj_x = w->lx + (double)cur * op->size / 1000.0;
        w->tj_y = y;
        w->tj_op = op;
        return;
    }
    oct_buf_put(b, ")]TJ\n", 5);
    if (spaced) oct_buf_puts(b, "0 Tc\n");
    put_content(w, b->data, b->len);
    if (embolden) put_content(w, "0 Tr\n", 5);
    if (op->alen) put_content(w, "EMC\n", 4);
}

static void set_stroke(painter *w, const pdf_op *op)
{
    set_stroke_color(w, pdf_op_color(w->p, op));
}

static void stroke_setup(painter *w, const pdf_op *op)
{
    set_width(w, op->lw > 0 ? op->lw : 0.5f);
    set_stroke(w, op);
}

/* Leader dots on a fixed pitch (so leaders of all entries line up): one
 * stroked line of short dashes with round caps, instead of a path per dot
 * (a contents page of 30 entries was 450 KB of curves). libharu 2.3.0 takes
 * dash lengths of 1..100 whole units only, so the line is drawn in a space
 * scaled to make the pitch 100 units: a dash of 1 unit (1/100 of the pitch)
 * is a round dot. */
static void paint_dots(painter *w, const pdf_op *op, double x, double y)
{
    double pitch = op->size * 0.5, r = op->size * 0.055;
    double start = pitch * (double)(long)((x + pitch - 0.001) / pitch);
    if (start + pitch > x + op->w || pitch <= 0) return;
    double k = pitch / 100.0, end = start + pitch * (double)(long)((x + op->w - start) / pitch);
    put_content(w, "q\n", 2);
    op_n(w, "cm", 6, (double[]){k, 0, 0, k, 0, 0});
    set_stroke(w, op);
    path_op(w, "w", 1, (double[]){2 * r / k});
    pdf_content_int(w->out, HPDF_ROUND_END, "J");
    put_content(w, "[1 99 ] 0 d\n", 12);
    path_op(w, "m", 2, (double[]){start / k, (y + r) / k});
    path_op(w, "l", 2, (double[]){end / k + 1, (y + r) / k});
    put_content(w, "S\nQ\n", 4);
    w->stroke.set = false; /* Q brought back the colour before q */
}

static void paint_stroke(painter *w, const pdf_op *op, double x, double y)
{
    if (op->kind == PDF_OP_DOTS) {
        paint_dots(w, op, x, y);
        return;
    }
    stroke_setup(w, op);
    if (op->kind == PDF_OP_LINE) {
        path_op(w, "m", 2, (double[]){x, y});
        path_op(w, "l", 2, (double[]){x + op->w, y - op->h});
    } else if (op->kind == PDF_OP_BOX) {
        path_op(w, "re", 4, (double[]){x, y - op->h, op->w, op->h});
    } else { /* CHECK */
        pdf_content_int(w->out, HPDF_ROUND_JOIN, "j");
        pdf_content_int(w->out, HPDF_ROUND_END, "J");
        path_op(w, "m", 2, (double[]){x + op->w * 0.18, y - op->h * 0.52});
        path_op(w, "l", 2, (double[]){x + op->w * 0.42, y - op->h * 0.8});
        path_op(w, "l", 2, (double[]){x + op->w * 0.9, y - op->h * 0.12});
    }
    put_content(w, "S\n", 2);
    if (op->kind == PDF_OP_CHECK) {
        pdf_content_int(w->out, HPDF_MITER_JOIN, "j");
        pdf_content_int(w->out, HPDF_BUTT_END, "J");
    }
}

static void paint_link(painter *w, const pdf_op *op, double x, double y)
{
    oct_pdf *p = w->p;
    if (op->link < 0 || (size_t)op->link >= p->nlinks || op->w <= 0) return;
    const pdf_link *l = &p->links[op->link];
    x += w->dx; /* annotation rectangles are in the page's space, not the translated one */
    y += w->dy;
    HPDF_Rect r = {(HPDF_REAL)x, (HPDF_REAL)(y - op->h), (HPDF_REAL)(x + op->w), (HPDF_REAL)y};
    HPDF_Annotation a;
    if (l->internal) {
        const pdf_anchor *an = pdf_find_anchor(p, l->target);
        if (!an) return;
        HPDF_Destination d = pdf_dest(p, an);
        if (!d || pdf_link_annot(p, w->pg, r, d)) return;
        a = HPDF_Page_CreateLinkAnnot(w->pg, r, d);
    } else {
        a = HPDF_Page_CreateURILinkAnnot(w->pg, r, l->target);
    }
    if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

static bool drawn_as_text(painter *w, const pdf_op *op)
{
    return pdf_font_kind(w->p->fonts, op->slot) == PDF_FACE_OUTLINE;
}

/* The pictures of a run whose text is invisible: an emoji image or a box
 * per glyph, where the glyph's advance puts it. */
static void paint_pictures(painter *w, const pdf_op *op, double x, double y)
{
    oct_pdf *p = w->p;
    bool boxes = pdf_font_kind(p->fonts, op->slot) == PDF_FACE_BOX;
    const char *at = p->pool.data + op->text, *end = at + op->len;
    double em = op->size;
    if (boxes) {
        set_width(w, em * 0.06);
        set_stroke(w, op);
    }
    while (at < end) {
        pdf_glyph g = pdf_glyph_next(&at);
        double gx = x + g.dx * em / 1000.0, gy = y + g.dy * em / 1000.0;
        if (boxes) {
            double bw = g.adv * em / 1000.0 - em * 0.16;
            path_op(w, "re", 4, (double[]){gx + em * 0.08, gy - em * 0.02, bw, em * 0.74});
            put_content(w, "S\n", 2);
        } else {
            double box[4];
            HPDF_Image img = pdf_font_emoji_image(p->fonts, p->doc, op->slot, g.gid, box);
            if (img)
                pdf_content_xobject(
                    w->out, w->pg, img,
                    (double[]){box[2] * em, 0, 0, box[3] * em, gx + box[0] * em, gy + box[1] * em});
        }
        x += g.adv * em / 1000.0;
    }
}

static void paint_item(painter *w, const pdf_item *it, double left, double top)
{
    for (size_t k = 0; k < it->nops; k++) {
        const pdf_op *op = &it->ops[k];
        if (op->kind != PDF_OP_RECT) continue;
        set_fill(w, pdf_op_color(w->p, op));
        path_op(w, "re", 4, (double[]){left + op->x, top - op->y - op->h, op->w, op->h});
        put_content(w, "f\n", 2);
    }
    for (size_t k = 0; k < it->nops; k++)
        if (it->ops[k].kind == PDF_OP_IMAGE)
            pdf_paint_image(w->p, w->pg, w->out, &it->ops[k], left + it->ops[k].x,
                            top - it->ops[k].y);
    bool in_text = false, hidden = false;
    for (size_t k = 0; k < it->nops; k++) {
        const pdf_op *op = &it->ops[k];
        if (op->kind != PDF_OP_TEXT && op->kind != PDF_OP_ALT) continue;
        if (!in_text) { /* the line matrix starts as the identity */
            put_content(w, "BT\n", 3);
            w->lx = w->ly = 0;
        }
        in_text = true;
        bool invisible = op->kind == PDF_OP_ALT || !drawn_as_text(w, op);
        if (invisible != hidden) {
            close_tj(w);
            hidden = !hidden;
            pdf_content_int(w->out, hidden ? HPDF_INVISIBLE : HPDF_FILL, "Tr");
        }
        paint_text(w, op, left + op->x, top - op->y);
    }
    close_tj(w);
    if (hidden) pdf_content_int(w->out, HPDF_FILL, "Tr");
    if (in_text) put_content(w, "ET\n", 3);
    for (size_t k = 0; k < it->nops; k++) {
        const pdf_op *op = &it->ops[k];
        if (op->kind == PDF_OP_TEXT && !drawn_as_text(w, op))
            paint_pictures(w, op, left + op->x, top - op->y);
    }
    for (size_t k = 0; k < it->nops; k++) {
        const pdf_op *op = &it->ops[k];
        if (op->kind == PDF_OP_LINE || op->kind == PDF_OP_BOX || op->kind == PDF_OP_CHECK ||
            op->kind == PDF_OP_DOTS)
            paint_stroke(w, op, left + op->x, top - op->y);
    }
    for (size_t k = 0; k < it->nops; k++)
        if (it->ops[k].kind == PDF_OP_LINK)
            paint_link(w, &it->ops[k], left + it->ops[k].x, top - it->ops[k].y);
}

void pdf_paint_item_at(oct_pdf *p, HPDF_Page pg, const pdf_item *it, double left, double top)
{
    oct_buf out = OCT_BUF_INIT;
    painter w = {.p = p, .pg = pg, .out = &out};
    paint_item(&w, it, left, top);
    pdf_content_flush(&out, pg);
    oct_buf_free(&out);
    oct_buf_free(&w.glyphs);
}

static void add_labels(oct_pdf *p)
{
    size_t front = 0;
    while (front < p->npages && p->pages[front].kind != PDF_PG_BODY)
        front++;
    if (front > 0) HPDF_AddPageLabel(p->doc, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, NULL);
    if (front < p->npages)
        HPDF_AddPageLabel(p->doc, (HPDF_UINT)front, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
}

/* One PDF page per logical page; or, imposed, the sheet sides (labelled
 * 1, 2... by viewers: the logical labels would not fit two-up). */
static int add_pages(oct_pdf *p)
{
    p->hpages = oct_xcalloc(p->npages ? p->npages : 1, sizeof *p->hpages);
    if (p->L.impose.saddle) return pdf_impose_pages(p);
    for (size_t i = 0; i < p->npages; i++) {
        p->hpages[i] = pdf_add_page(p, p->L.page_width, p->L.page_height);
    }
    add_labels(p);
    return pdf_check(p, "creating pages");
}

/* Page i: its running head, its items, its folio. */
static void paint_page(painter *w, size_t i, const pdf_margins *m)
{
    oct_pdf *p = w->p;
    pdf_page_offset(p, i, &w->dx, &w->dy);
    if (p->imp) { /* the page drawn on its half of the sheet side */
        put_content(w, "q\n", 2);
        op_n(w, "cm", 6, (double[]){1, 0, 0, 1, w->dx, w->dy});
    }
    for (size_t k = 0; k < m->nhead; k++)
        paint_item(w, &m->v[k].it, m->v[k].left, m->v[k].top);
    const pdf_page *pg = &p->pages[i];
    double left = pdf_page_left(p, i), top = p->L.page_height - p->L.margin_top;
    for (size_t k = 0; k < pg->count; k++) {
        const pdf_place *pl = &p->places[pg->first + k];
        paint_item(w, &pg->flow->it[pl->item], left, top - pl->y);
    }
    for (size_t k = m->nhead; k < m->n; k++)
        paint_item(w, &m->v[k].it, m->v[k].left, m->v[k].top);
    if (p->imp) put_content(w, "Q\n", 2);
}

/* Sets every page's head and folio once, for their glyphs only: after
 * them no text brings a new glyph, so the fonts are cut down on a worker
 * while the pages are painted. The words kept for the body serve them
 * here, then go (megabytes at thousands of pages); each page's head and
 * folio are set again as it is painted, since keeping them all would
 * hold megabytes too. */
static void register_margins(oct_pdf *p)
{
    size_t mark = p->pool.len;
    for (size_t i = 0; i < p->npages; i++) {
        pdf_margins m = {.glyphs_only = true};
        pdf_margins_set(p, i, &m);
        pdf_pool_drop(p, mark);
    }
    pdf_shape_cache_drop_words(p->shaped);
    pdf_fonts_subset_early(p->fonts);
}

int pdf_paint(oct_pdf *p)
{
    if (add_pages(p) != 0) return -1;
    register_margins(p);
    oct_buf glyphs = OCT_BUF_INIT, out = OCT_BUF_INIT;
    unsigned char *last = pdf_last_places(p);
    int rc = 0;
    for (size_t i = 0; i < p->npages && rc == 0; i++) {
        painter w = {.p = p, .pg = p->hpages[i], .out = &out, .glyphs = glyphs};
        size_t mark = p->pool.len; /* the margins' glyphs are needed only here */
        pdf_margins m = {0};
        pdf_margins_set(p, i, &m);
        paint_page(&w, i, &m);
        pdf_margins_free(&m);
        pdf_pool_drop(p, mark);
        glyphs = w.glyphs; /* the scratch buffers are kept from page to page */
        if (pdf_check(p, "painting a page") != 0 || p->failed) rc = -1;
        pdf_page_release(p, i, last);
        pdf_page_painted(p, w.pg, &out);
    }
    oct_buf_free(&out);
    free(last);
    oct_buf_free(&glyphs);
    return rc;
}
