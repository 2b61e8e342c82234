/* Unicode super- and subscript characters (scripts.h). Unicode has them
 * for the figures, + − = ( ) and a scattering of letters only, which is
 * why callers need a fallback (texmath: ^(...); the tree: the letters). */
#include "util/scripts.h"
#include "util/utf8.h"

#include <string.h>

static const char SUP_FROM[] = "0123456789+-=()ni";
static const char *const SUP_TO[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸",
                                     "⁹", "⁺", "⁻", "⁼", "⁽", "⁾", "ⁿ", "ⁱ"};
static const char SUB_FROM[] = "0123456789+-=()aehijklmnoprstuvx";
static const char *const SUB_TO[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉", "₊",
                                     "₋", "₌", "₍", "₎", "ₐ", "ₑ", "ₕ", "ᵢ", "ⱼ", "ₖ", "ₗ",
                                     "ₘ", "ₙ", "ₒ", "ₚ", "ᵣ", "ₛ", "ₜ", "ᵤ", "ᵥ", "ₓ"};

bool oct_script_form(const char *s, size_t n, bool sup, oct_buf *out)
{
    const char *from = sup ? SUP_FROM : SUB_FROM;
    const char *const *to = sup ? SUP_TO : SUB_TO;
    size_t mark = out->len;
    bool any = false;
    for (size_t k = 0, len; k < n; k += len) {
        unsigned cp = oct_utf8_decode(s + k, n - k, &len);
        if (cp == ' ' || cp == '\t') continue;
        if (cp == 0x2212) cp = '-'; /* the minus sign math sets */
        const char *at = cp > 0 && cp < 0x80 ? strchr(from, (int)cp) : NULL;
        if (!at) {
            out->len = mark;
            if (out->data) out->data[mark] = '\0';
            return false;
        }
        oct_buf_puts(out, to[at - from]);
        any = true;
    }
    return any;
}
