/* The colours of highlighted code (src/highlight/): a print theme that
 * still separates in greyscale. Each class has a luminance of its own
 * (Rec. 601 grey, in brackets) and the classes that sit close in grey
 * differ in weight or slant too, so a black-and-white printout keeps
 * keywords (dark, bold), strings (mid grey) and comments (light, italic)
 * apart. Plain code keeps the layout's text colour. */
#include "highlight/highlight.h"
#include "pdf/internal.h"

#include <stdlib.h>

typedef struct {
    unsigned rgb;
    int var;
} hl_look;

static const hl_look THEME[OCT_HL_COUNT] = {
    [OCT_HL_PLAIN] = {0, PDF_VAR_R},
    [OCT_HL_KEYWORD] = {0x1a2f80, PDF_VAR_B},  /* navy, bold (50) */
    [OCT_HL_STRING] = {0x338a3a, PDF_VAR_R},   /* green (103) */
    [OCT_HL_COMMENT] = {0x858585, PDF_VAR_I},  /* grey, italic (133) */
    [OCT_HL_NUMBER] = {0xa02c2c, PDF_VAR_R},   /* brick red (79) */
    [OCT_HL_TYPE] = {0x5a2d91, PDF_VAR_B},     /* violet, bold (70) */
    [OCT_HL_FUNCTION] = {0x7a4b00, PDF_VAR_R}, /* brown (81) */
    [OCT_HL_PREPROC] = {0x9c4a00, PDF_VAR_I},  /* amber, italic (90) */
    [OCT_HL_OPERATOR] = {0x555555, PDF_VAR_R}, /* dark grey (85) */
    [OCT_HL_TAG] = {0x8b1a4a, PDF_VAR_B},      /* plum, bold (65) */
    [OCT_HL_VARIABLE] = {0x00656b, PDF_VAR_R}, /* teal (72) */
};

static oct_color rgb(unsigned v)
{
    oct_color c = {((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0};
    return c;
}

void pdf_code_text(oct_pdf *p, pdf_text *t, const char *src, size_t len, const pdf_style *st,
                   const oct_node *n)
{
    oct_hl_span *v = NULL;
    size_t nv = oct_hl_spans(n->u.code.lang, src, len, &v);
    size_t at = 0;
    for (size_t k = 0; k < nv; k++) {
        if (v[k].off < at || v[k].off + v[k].len > len) continue; /* defensive */
        if (v[k].off > at) pdf_text_add(p, t, src + at, v[k].off - at, st, n, true);
        pdf_style s = *st;
        const hl_look *look = &THEME[v[k].cls < OCT_HL_COUNT ? v[k].cls : 0];
        if (v[k].cls != OCT_HL_PLAIN) {
            s.color = rgb(look->rgb);
            s.var = (uint8_t)look->var;
        }
        pdf_text_add(p, t, src + v[k].off, v[k].len, &s, n, true);
        at = v[k].off + v[k].len;
    }
    if (at < len || len == 0) pdf_text_add(p, t, src + at, len - at, st, n, true);
    free(v);
}
