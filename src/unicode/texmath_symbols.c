/* The commands texmath knows (texmath_int.h): symbols, operator names,
 * text commands, accents. */
#include "unicode/texmath_int.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by name in byte order (bsearch). An operator name (\\sin, \\log)
 * is the one entry whose text is its name: it is set upright with a space
 * either side, as TeX sets it (tex_is_operator). */
static const tex_symbol SYMBOLS[] = {
    {"Delta", "Δ"},
    {"Gamma", "Γ"},
    {"Im", "ℑ"},
    {"Lambda", "Λ"},
    {"Leftarrow", "⇐"},
    {"Leftrightarrow", "⇔"},
    {"Omega", "Ω"},
    {"Phi", "Φ"},
    {"Pi", "Π"},
    {"Pr", "Pr"},
    {"Psi", "Ψ"},
    {"Re", "ℜ"},
    {"Rightarrow", "⇒"},
    {"Sigma", "Σ"},
    {"Theta", "Θ"},
    {"Upsilon", "Υ"},
    {"Vert", "‖"},
    {"Xi", "Ξ"},
    {"aleph", "ℵ"},
    {"alpha", "α"},
    {"angle", "∠"},
    {"approx", "≈"},
    {"arccos", "arccos"},
    {"arcsin", "arcsin"},
    {"arctan", "arctan"},
    {"arg", "arg"},
    {"ast", "∗"},
    {"because", "∵"},
    {"beta", "β"},
    {"bigcap", "⋂"},
    {"bigcup", "⋃"},
    {"bullet", "•"},
    {"cap", "∩"},
    {"cdot", "·"},
    {"cdotp", "·"},
    {"cdots", "⋯"},
    {"chi", "χ"},
    {"circ", "∘"},
    {"coloneqq", "≔"},
    {"cong", "≅"},
    {"coprod", "∐"},
    {"cos", "cos"},
    {"cosh", "cosh"},
    {"cot", "cot"},
    {"coth", "coth"},
    {"csc", "csc"},
    {"cup", "∪"},
    {"ddots", "⋱"},
    {"deg", "deg"},
    {"degree", "°"},
    {"delta", "δ"},
    {"det", "det"},
    {"dim", "dim"},
    {"div", "÷"},
    {"dots", "…"},
    {"downarrow", "↓"},
    {"ell", "ℓ"},
    {"emptyset", "∅"},
    {"epsilon", "ε"},
    {"equiv", "≡"},
    {"eta", "η"},
    {"exists", "∃"},
    {"exp", "exp"},
    {"forall", "∀"},
    {"gamma", "γ"},
    {"gcd", "gcd"},
    {"ge", "≥"},
    {"geq", "≥"},
    {"gg", "≫"},
    {"hbar", "ℏ"},
    {"hom", "hom"},
    {"iff", "⟺"},
    {"iiint", "∭"},
    {"iint", "∬"},
    {"implies", "⟹"},
    {"in", "∈"},
    {"inf", "inf"},
    {"infty", "∞"},
    {"int", "∫"},
    {"iota", "ι"},
    {"kappa", "κ"},
    {"ker", "ker"},
    {"lVert", "‖"},
    {"lambda", "λ"},
    {"land", "∧"},
    {"langle", "⟨"},
    {"lceil", "⌈"},
    {"ldots", "…"},
    {"le", "≤"},
    {"leftarrow", "←"},
    {"leftrightarrow", "↔"},
    {"leftrightharpoons", "⇌"},
    {"leq", "≤"},
    {"lfloor", "⌊"},
    {"lg", "lg"},
    {"lim", "lim"},
    {"liminf", "liminf"},
    {"limsup", "limsup"},
    {"ll", "≪"},
    {"ln", "ln"},
    {"log", "log"},
    {"longrightarrow", "⟶"},
    {"lor", "∨"},
    {"lvert", "|"},
    {"mapsto", "↦"},
    {"max", "max"},
    {"mid", "∣"},
    {"min", "min"},
    {"mp", "∓"},
    {"mu", "μ"},
    {"nabla", "∇"},
    {"ne", "≠"},
    {"neg", "¬"},
    {"neq", "≠"},
    {"ngeq", "≱"},
    {"ni", "∋"},
    {"nleq", "≰"},
    {"notin", "∉"},
    {"nu", "ν"},
    {"oint", "∮"},
    {"omega", "ω"},
    {"omicron", "ο"},
    {"oplus", "⊕"},
    {"otimes", "⊗"},
    {"parallel", "∥"},
    {"partial", "∂"},
    {"perp", "⊥"},
    {"phi", "φ"},
    {"pi", "π"},
    {"pm", "±"},
    {"prime", "′"},
    {"prod", "∏"},
    {"propto", "∝"},
    {"psi", "ψ"},
    {"qquad", "\xE2\x80\x83\xE2\x80\x83"},
    {"quad", "\xE2\x80\x83"},
    {"rVert", "‖"},
    {"rangle", "⟩"},
    {"rceil", "⌉"},
    {"rfloor", "⌋"},
    {"rho", "ρ"},
    {"rightarrow", "→"},
    {"rightleftharpoons", "⇌"},
    {"rvert", "|"},
    {"sec", "sec"},
    {"setminus", "∖"},
    {"sigma", "σ"},
    {"sim", "∼"},
    {"simeq", "≃"},
    {"sin", "sin"},
    {"sinh", "sinh"},
    {"sqrt", "√"},
    {"star", "⋆"},
    {"subset", "⊂"},
    {"subseteq", "⊆"},
    {"sum", "∑"},
    {"sup", "sup"},
    {"supset", "⊃"},
    {"supseteq", "⊇"},
    {"tan", "tan"},
    {"tanh", "tanh"},
    {"tau", "τ"},
    {"textdegree", "°"},
    {"therefore", "∴"},
    {"theta", "θ"},
    {"times", "×"},
    {"to", "→"},
    {"triangle", "△"},
    {"uparrow", "↑"},
    {"upsilon", "υ"},
    {"varepsilon", "ε"},
    {"varnothing", "∅"},
    {"varphi", "φ"},
    {"varpi", "ϖ"},
    {"varrho", "ϱ"},
    {"varsigma", "ς"},
    {"vartheta", "ϑ"},
    {"vdots", "⋮"},
    {"vee", "∨"},
    {"vert", "|"},
    {"wedge", "∧"},
    {"xi", "ξ"},
    {"zeta", "ζ"},
};

/* Commands whose braced argument is printed as it is written: text
 * mode (a '-' there is a hyphen, not a minus sign) or a math alphabet. */
static const char *const TEXT_MODE[] = {"text",   "textrm", "textbf", "textit", "textsf",
                                        "texttt", "mbox",   "hbox",   NULL};
static const char *const ALPHABETS[] = {"mathrm",   "mathbf",  "mathit",  "mathsf",
                                        "mathtt",   "mathcal", "mathbb",  "boldsymbol",
                                        "mathfrak", "bm",      "mathscr", NULL};
/* Commands that only size or space: nothing printed. */
static const char *const SILENT[] = {"left",   "right",     "big",
                                     "Big",    "bigg",      "Bigg",
                                     "bigl",   "bigr",      "Bigl",
                                     "Bigr",   "middle",    "displaystyle",
                                     "limits", "nolimits",  "textstyle",
                                     "hline",  "hdashline", "nonumber",
                                     "notag",  NULL}; /* (rules and numbering of rows too) */
/* Accents: their argument, then a combining mark. */
static const tex_symbol ACCENTS[] = {{"bar", "\xCC\x84"},       {"dot", "\xCC\x87"},
                                     {"ddot", "\xCC\x88"},      {"hat", "\xCC\x82"},
                                     {"widehat", "\xCC\x82"},   {"tilde", "\xCC\x83"},
                                     {"widetilde", "\xCC\x83"}, {"vec", "\xE2\x83\x97"},
                                     {"overline", "\xCC\x85"},  {NULL, NULL}};

static int cmp_symbol(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const tex_symbol *)elem)->name);
}

static bool in_list(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], w) == 0) return true;
    return false;
}

const tex_symbol *tex_symbol_named(const char *name)
{
    return bsearch(name, SYMBOLS, sizeof SYMBOLS / sizeof *SYMBOLS, sizeof *SYMBOLS, cmp_symbol);
}

bool tex_is_operator(const tex_symbol *sym)
{
    return sym && strcmp(sym->name, sym->text) == 0;
}

const char *tex_accent(const char *name)
{
    for (size_t a = 0; ACCENTS[a].name; a++)
        if (strcmp(name, ACCENTS[a].name) == 0) return ACCENTS[a].text;
    return NULL;
}

tex_class tex_command_class(const char *name)
{
    if (in_list(SILENT, name)) return TEX_SILENT;
    if (in_list(TEXT_MODE, name)) return TEX_TEXT;
    if (in_list(ALPHABETS, name)) return TEX_ALPHABET;
    if (strcmp(name, "operatorname") == 0) return TEX_OPERATORNAME;
    if (!strcmp(name, "frac") || !strcmp(name, "dfrac") || !strcmp(name, "tfrac") ||
        !strcmp(name, "cfrac"))
        return TEX_FRAC;
    if (strcmp(name, "sqrt") == 0) return TEX_SQRT;
    if (!strcmp(name, "degree") || !strcmp(name, "textdegree")) return TEX_DEGREE;
    if (tex_accent(name)) return TEX_ACCENT;
    return tex_symbol_named(name) ? TEX_SYMBOL : TEX_UNKNOWN;
}
