#include "study/study_int.h"

#include <string.h>

/* Exam command words: a heading or line that opens with "Explain", "Label
 * the chambers of the heart", "Beschreiben Sie", "Décrivez", "Describa" is
 * an instruction to answer, i.e. a question, though it has no question
 * mark. A heading that is not read as one becomes a section, and quiz mode
 * then prints its answer on the question pages.
 *
 * Verbs come in two strengths. A strong one is hardly ever anything but an
 * instruction at the start of a line ("Describe …", "Erläutern …",
 * "Опишите …"), so any next word will do. A weak one is also a noun or an
 * everyday verb ("Label encoding…", "Balance sheet", "Name: x", "Plot
 * twists", "Ajuste de curvas", "Beweise für…"): it asks only when what
 * follows is the start of an object — an article, a number, a quantifier.
 * Tutorial steps ("Install", "Create a form", "Run migrations") are not
 * exam words and stay out of both lists. */
/* --- strong: any next word (but "of", "is"… make it a noun) ------------- */

static const char *const EN_STRONG[] = {
    "explain",   "describe",   "differentiate", "discuss",     "define",  "distinguish",
    "elaborate", "contrast",   "illustrate",    "enumerate",   "outline", "summarize",
    "summarise", "justify",    "evaluate",      "analyze",     "analyse", "derive",
    "prove",     "classify",   "examine",       "demonstrate", "clarify", "criticize",
    "criticise", "interpret",  "assess",        "calculate",   "solve",   "determine",
    "annotate",  "paraphrase", "factorise",     "factorize",   "deduce",  NULL};

/* Words after an English strong verb that make it a noun or a statement
 * ("Outline of the course", "Proof is…"); German "was" stays a question's
 * ("Beschreibe, was passiert"). */
static const char *const EN_NOT_AFTER[] = {"of", "is", "are", "was", "were", "and", NULL};

static const char *const STRONG[] = {
    /* French (vous, infinitive, tu where it is no noun) */
    "expliquez", "explique", "expliquer", "décrivez", "décris", "décrire", "définissez", "définis",
    "définir", "comparez", "citez", "donnez", "nommez", "énumérez", "indiquez", "justifiez",
    "différenciez", "distinguez", "présentez", "montrez", "démontrez", "calculez", "précisez",
    "analysez", "commentez", "discutez", "résumez", "expliquons", "décrivons", "caractérisez",
    "dessinez", "représentez", "complétez", "équilibrez", "ajustez", "convertissez", "légendez",
    "annotez", "identifiez", "déterminez", "établissez", "résolvez", "tracez", "classez",
    "proposez", "rédigez", "reliez", "associez", "schématisez", "déduisez", "exprimez", "estimez",
    "évaluez", "interprétez", "illustrez", "relevez", "repérez", "traduisez", "justifie",
    "démontre", "énumère", "calcule",
    /* German (as before: du, Sie and the infinitive of the exam's verbs) */
    "erkläre", "erklären", "erläutere", "erläutern", "beschreibe", "beschreiben", "nenne", "nennen",
    "definiere", "definieren", "vergleiche", "vergleichen", "unterscheide", "unterscheiden",
    "begründe", "begründen", "diskutiere", "diskutieren", "skizziere", "skizzieren", "berechne",
    "berechnen", "bestimme", "bestimmen", "zeige", "zeigen", "gib", "geben", "charakterisiere",
    "charakterisieren", "analysiere", "analysieren", "beurteile", "beurteilen", "interpretiere",
    "interpretieren", "stelle", "stellen", "fasse", "beschrifte", "beschriften", "ergänze",
    "ergänzen", "vervollständige", "vervollständigen", "ermittle", "ermitteln", "erörtere",
    "erörtern", "identifiziere", "identifizieren", "leite", "wandle", "zeichne", "formuliere",
    "formulieren", "ordne",
    /* Spanish (usted and tú forms that are no English or Spanish noun) */
    "explique", "describa", "defina", "mencione", "menciona", "enumere", "enumera", "indique",
    "justifique", "justifica", "analice", "analiza", "calcula", "dibuje", "dibuja", "señale",
    "identifique", "identifica", "resuelva", "resuelve", "demuestre", "demuestra", "convierta",
    "convierte", "escriba", "etiquete", "rotule", "clasifique", "relacione", "elabore", "argumente",
    "razone", "razona", "resuma", "distinga", "diferencie", "explicar", "describir", "definir",
    "compara", "explica",
    /* Italian */
    "spiega", "spiegate", "descrivi", "descrivete", "definisci", "elenca", "elencate", "confronta",
    "confrontate", "calcola", "calcolate", "illustra", "illustrate", "giustifica", "giustificate",
    "dimostra", "dimostrate", "individua", "individuate", "disegna",
    /* Portuguese */
    "descreva", "descreve",
    /* Dutch */
    "beschrijf", "verklaar", "bereken", "vergelijk", "definieer", "noem", "omschrijf",
    /* Russian */
    "объясните", "объясни", "опишите", "опиши", "назовите", "назови", "сравните", "сравни",
    "определите", "определи", "вычислите", "вычисли", "перечислите", "перечисли", "докажите",
    "докажи", "приведите", "приведи", "охарактеризуйте", "дайте", "дай", "укажите", "укажи",
    "поясните", "рассчитайте", "найдите", "найди", "нарисуйте", "подпишите",
    /* Ukrainian */
    "поясніть", "поясни", "опишіть", "назвіть", "назви", "порівняйте", "порівняй", "визначте",
    "визнач", "обчисліть", "обчисли", "перелічіть", "доведіть", "доведи", "наведіть", "наведи",
    "охарактеризуйте", "вкажіть", "знайдіть", "розрахуйте",
    /* Polish */
    "wyjaśnij", "wyjaśnijcie", "opisz", "wymień", "porównaj", "oblicz", "zdefiniuj", "podaj",
    "scharakteryzuj", "uzasadnij", "omów", "udowodnij", "narysuj", "wskaż", "określ", NULL};

/* --- weak: only before an object ---------------------------------------- */

static const char *const WEAK[] = {
    /* English */
    "list", "name", "give", "state", "mention", "identify", "write", "show", "tell", "provide",
    "suggest", "recall", "cite", "find", "label", "balance", "sketch", "convert", "draw", "plot",
    "predict", "estimate", "construct", "complete", "translate", "simplify", "rearrange",
    /* French tu forms that are nouns too ("Trace de la matrice") */
    "trace", "nomme", "donne", "indique", "complète", "dessine", "résous", "détermine", "identifie",
    "montre",
    /* German nouns and infinitives of everyday verbs ("Beweise für…") */
    "beweise", "beweisen", "löse", "lösen", "zeichnen", "bewerte", "bewerten", "prüfe", "prüfen",
    "überprüfe", "überprüfen", "ordnen",
    /* Spanish nouns and English look-alikes ("Ajuste de curvas", "Resume") */
    "ajuste", "nombre", "resume", "diferencia", "cita", "completa", "relaciona", "clasifica",
    "interprete", "interpreta", "iguale", "balancee", "señala", "escribe",
    /* Italian and Portuguese */
    "indica", "indicate", "completate", "traduci", "mostre", "analise", "resolva", NULL};

static const char *const OBJECT[] = {
    /* English */
    "the", "a", "an", "all", "any", "some", "few", "two", "three", "four", "five", "six", "ten",
    "several", "each", "one", "its", "their", "your", "his", "her", "me", "us", "examples",
    "example", "reasons", "advantages", "disadvantages", "differences", "similarities", "ways",
    "steps", "types", "kinds", "features", "benefits", "how", "what", "why", "which", "who", "when",
    "where", "out", "at", "main", "key", "common", "various", "different", "that", "whether",
    "briefly", "down",
    /* French */
    "le", "la", "les", "un", "une", "des", "du", "ce", "cette", "ces", "deux", "trois", "quatre",
    "cinq", "quelques", "chaque", "tous", "toutes", "pourquoi", "comment", "quel", "quelle",
    "quels", "quelles", "brièvement", "son", "sa", "ses", "leur", "leurs",
    /* German */
    "sie", "du", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "zwei",
    "drei", "vier", "fünf", "alle", "jede", "jeden", "warum", "wie", "welche", "kurz",
    /* Spanish, Italian, Portuguese */
    "el", "los", "las", "una", "unos", "unas", "lo", "dos", "tres", "cuatro", "cinco", "cada",
    "qué", "cómo", "cuál", "cuáles", "por", "brevemente", "su", "sus", "il", "gli", "uno", "uma",
    "dois", "duas", "perché", "como", NULL};

/* "l'équation", "d'un", "l'atome": one word for next_word */
static bool elided_object(const char *w)
{
    return (w[0] == 'l' || w[0] == 'd') && w[1] == '\'' && w[2];
}

static bool object_word(const char *w)
{
    if (w[0] >= '0' && w[0] <= '9') return true; /* "Convert 25 °C", "Name 3 …" */
    return st_in_set(w, OBJECT) || elided_object(w);
}

/* Words that set one thing against another, after "compare". */
static const char *const VERSUS[] = {"and",     "with",    "to",  "vs",  "versus",
                                     "against", "between", "und", "mit", "et",
                                     "avec",    "y",       "con", "e",   NULL};

/* "Compare plans", "Compare editions": a comparison table's title, not an
 * exam's "Compare mitosis and meiosis" or "Compare common acids.": it asks
 * before an object, with a second thing to set it against, or as a
 * sentence of its own. */
static bool compare_asks(const char *w2, const char *s, size_t n)
{
    if (object_word(w2)) return true;
    size_t e = n;
    while (e > 0 && strchr(" \t*_", s[e - 1]))
        e--;
    if (e > 0 && s[e - 1] == '.') return true;
    char w[ST_WORD_MAX + 1];
    size_t pos = 0;
    st_next_word(s, n, &pos, w); /* "compare" */
    while (st_next_word(s, n, &pos, w))
        if (st_in_set(w, VERSUS)) return true;
    return false;
}

bool st_command_asks(const char *w1, const char *w2, const char *s, size_t n)
{
    if (!w2[0]) return false;
    if (strcmp(w1, "compare") == 0) return compare_asks(w2, s, n);
    if (st_in_set(w1, EN_STRONG)) return !st_in_set(w2, EN_NOT_AFTER);
    if (st_in_set(w1, STRONG)) return true;
    return st_in_set(w1, WEAK) && object_word(w2);
}
