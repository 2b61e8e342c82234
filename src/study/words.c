#include "study/study_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Reading a line of notes: does it ask something? Notes are written by many
 * hands in several languages, so the test is lexical and deliberately
 * conservative for words that often open ordinary sentences ("List
 * comprehensions…", "When the server starts…"): those count only with a
 * second word that makes them a question or an instruction. */

enum { WORD_MAX = ST_WORD_MAX };

static bool is_alnum_cp(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* A combining mark: inside a word it is part of it (the vowel signs and
 * viramas of Devanagari, Bengali, Thai...: "प्रश्न" is one word). */
static bool is_mark_cp(unsigned cp)
{
    if (cp < 0x300) return false;
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    return cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
}

/* oct_utf8_decode with ASCII inline: words are read many times over. */
static inline unsigned decode(const char *s, size_t n, size_t *len)
{
    if (n && (unsigned char)*s < 0x80) {
        *len = 1;
        return (unsigned char)*s;
    }
    return oct_utf8_decode(s, n, len);
}

static bool is_apostrophe(unsigned cp)
{
    return cp == '\'' || cp == 0x2019;
}

/* The word starting at or after *pos: letters/digits with inner apostrophes
 * and hyphens, lower-cased into out (truncated to WORD_MAX bytes, a
 * curly apostrophe written as '). Returns false at the end of s. */
static bool next_word(const char *s, size_t n, size_t *pos, char out[WORD_MAX + 1])
{
    size_t i = *pos, len;
    while (i < n && !is_alnum_cp(decode(s + i, n - i, &len)))
        i += len;
    if (i >= n) {
        *pos = n;
        return false;
    }
    size_t o = 0;
    while (i < n) {
        unsigned cp = decode(s + i, n - i, &len);
        if (!is_alnum_cp(cp) && !(o > 0 && is_mark_cp(cp))) {
            /* an apostrophe or hyphen inside a word keeps it going */
            size_t l2;
            bool inner = (is_apostrophe(cp) || cp == '-') && i + len < n &&
                         is_alnum_cp(decode(s + i + len, n - i - len, &l2));
            if (!inner) break;
            cp = cp == '-' ? '-' : '\'';
        } else if (cp < 0x80) {
            if (cp >= 'A' && cp <= 'Z') cp |= 0x20;
        } else {
            cp = (unsigned)utf8proc_tolower((utf8proc_int32_t)cp);
        }
        if (cp < 0x80) {
            if (o + 1 <= WORD_MAX) out[o++] = (char)cp;
            i += len;
            continue;
        }
        char enc[4];
        size_t k = oct_utf8_encode(cp, enc);
        if (o + k <= WORD_MAX) {
            memcpy(out + o, enc, k);
            o += k;
        }
        i += len;
    }
    out[o] = '\0';
    *pos = i;
    return true;
}

bool st_next_word(const char *s, size_t n, size_t *pos, char out[ST_WORD_MAX + 1])
{
    return next_word(s, n, pos, out);
}

/* The first byte is compared inline: most words differ there, and this
 * runs for every word of every question wording. */
/* English interrogatives that ask only when a verb follows ("What is…",
 * "How does…"), as opposed to "When the server starts…". */
static const char *const EN_WH[] = {"how", "when", "where", "which", "who", "whom", "whose", NULL};
static const char *const EN_WH_ALWAYS[] = {"what's", "how's",  "where's", "who's",
                                           "why",    "when's", NULL};
static const char *const EN_AUX[] = {
    "is",       "are",    "was",   "were",    "do",    "does", "did",     "can",
    "could",    "should", "would", "will",    "shall", "may",  "might",   "must",
    "has",      "have",   "had",   "many",    "much",  "long", "often",   "happens",
    "happened", "one",    "kind",  "type",    "types", "of",   "exactly", "would",
    "isn't",    "aren't", "don't", "doesn't", NULL};
static const char *const EN_AUX_START[] = {
    "is",  "are",  "does", "do",   "did",   "can", "could", "would", "will", "should",
    "has", "have", "was",  "were", "shall", "may", "might", "must",  NULL};
static const char *const EN_SUBJECT[] = {
    "you",   "we",    "i",   "they",    "he",     "she",    "it",     "there", "this", "that",
    "these", "those", "one", "someone", "anyone", "your",   "our",    "my",    "the",  "a",
    "an",    "all",   "any", "each",    "every",  "django", "python", "he",    NULL};
static const char *const FR_ALWAYS[] = {"qu'est-ce", "qu'est", "est-ce", "pourquoi", NULL};
static const char *const FR_WH[] = {"quel",     "quelle",     "quels",   "quelles", "comment",
                                    "quand",    "où",         "combien", "lequel",  "laquelle",
                                    "lesquels", "lesquelles", "que",     "qui",     NULL};
static const char *const FR_AUX[] = {
    "est",        "sont",     "était", "étaient", "peut", "peuvent", "faut",
    "fonctionne", "fait",     "font",  "ont",     "se",   "s'est",   "sert",
    "servent",    "signifie", "doit",  "doivent", "a",    "y",       NULL};
static const char *const DE_WH[] = {
    "was",   "wie",     "wann",   "wo",      "woher",   "wohin",   "wer",      "wen",
    "wem",   "wessen",  "welche", "welcher", "welches", "welchen", "welchem",  "wozu",
    "womit", "wodurch", "worin",  "worauf",  "wofür",   "wieviel", "wieviele", NULL};
static const char *const DE_ALWAYS[] = {"warum", "wieso", "weshalb", NULL};
static const char *const DE_AUX[] = {
    "ist",           "sind",          "war",      "waren",        "kann",
    "können",        "bedeutet",      "bedeuten", "versteht",     "macht",
    "passiert",      "heißt",         "heisst",   "gibt",         "hat",
    "haben",         "wird",          "werden",   "funktioniert", "funktionieren",
    "unterscheidet", "unterscheiden", "entsteht", "entstehen",    "viele",
    "lange",         "oft",           NULL};

/* Ends in a question mark (ASCII, full-width or Arabic), ignoring the
 * decoration notes leave after it ("?~", "?**", "?)"). */
/* Whether the letter before s[n] is Greek: Greek asks with ';' (U+037E,
 * which Unicode normalization turns into a semicolon). */
static bool greek_before(const char *s, size_t n)
{
    size_t i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0) return false;
    size_t len;
    unsigned cp = oct_utf8_decode(s + i - 1, n - i + 1, &len);
    return (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF);
}

static bool ends_with_question_mark(const char *s, size_t n)
{
    while (n > 0 && strchr(" \t\r\n~*_\"')]`", s[n - 1]))
        n--;
    if (n >= 1 && s[n - 1] == '?') return true;
    if (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x9F", 3) == 0) return true; /* ？ */
    if (n >= 2 && memcmp(s + n - 2, "\xD8\x9F", 2) == 0) return true;     /* ؟ */
    if (n >= 3 && memcmp(s + n - 3, "\xEF\xB9\x96", 3) == 0) return true; /* small ﹖ */
    if (n >= 3 && memcmp(s + n - 3, "\xE1\x8D\xA7", 3) == 0) return true; /* Ethiopic ፧ */
    if (n >= 3 && memcmp(s + n - 3, "\xE2\xB8\xAE", 3) == 0) return true; /* reversed ⸮ */
    if (n >= 2 && memcmp(s + n - 2, "\xCD\xBE", 2) == 0) return true;     /* Greek ; */
    if (n >= 2 && s[n - 1] == ';' && greek_before(s, n - 1)) return true; /* the same, folded */
    if (n >= 3 && (memcmp(s + n - 3, "\xE2\x80\x9D", 3) == 0 ||           /* ” ’ » after ? */
                   memcmp(s + n - 3, "\xE2\x80\x99", 3) == 0))
        return ends_with_question_mark(s, n - 3);
    if (n >= 2 && memcmp(s + n - 2, "\xC2\xBB", 2) == 0) return ends_with_question_mark(s, n - 2);
    return false;
}

bool st_ends_question(const char *s, size_t n)
{
    return ends_with_question_mark(s, n);
}

size_t st_leading_symbols(const char *s, size_t n)
{
    size_t i = 0, len;
    while (i < n) {
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (is_alnum_cp(cp) || cp == 0xBF /* ¿ */) break;
        i += len;
    }
    return i;
}

size_t st_leading_number(const char *s, size_t n, int *number)
{
    size_t i = 0;
    int v = 0;
    while (i < n && i < 6 && s[i] >= '0' && s[i] <= '9')
        v = v * 10 + (s[i++] - '0');
    if (i == 0 || i >= n || (s[i] != '.' && s[i] != ')')) return 0;
    i++;
    if (i < n && s[i] != ' ' && s[i] != '\t') return 0; /* "1.5 GHz" */
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (number) *number = v;
    return i;
}

static bool has_letter(const char *s, size_t n)
{
    size_t i = 0, len;
    while (i < n) {
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (is_alnum_cp(cp) && !(cp >= '0' && cp <= '9')) return true;
        i += len;
    }
    return false;
}

static bool ends_with_colon(const char *s, size_t n)
{
    while (n > 0 && strchr(" \t*_", s[n - 1]))
        n--;
    return n > 0 && s[n - 1] == ':';
}

/* The lexical test on the first two words. A word can open questions in
 * two languages ("was" in English and German), so every rule is tried. */
/* Section titles that open like questions but ask nothing (without a
 * question mark): "What's new in version 2", "What's next", "Why this
 * matters", "What you'll learn", "What to expect". */
static bool title_idiom(const char *w1, const char *w2)
{
    static const char *const WHATS[] = {"new", "next", "included", "inside", "changed", NULL};
    static const char *const WHY[] = {"this", "it", "that", "these", "we", "you", NULL};
    static const char *const WHAT[] = {"you", "you'll", "we", "we'll", "to", "i", NULL};
    return (strcmp(w1, "what's") == 0 && st_in_set(w2, WHATS)) ||
           (strcmp(w1, "why") == 0 && st_in_set(w2, WHY)) ||
           (strcmp(w1, "what") == 0 && st_in_set(w2, WHAT));
}

/* s[0..n) is the text from w1 on (commands.c reads past w2). */
static bool words_ask(const char *w1, const char *w2, bool colon, const char *s, size_t n)
{
    bool w2set = w2[0] != '\0';
    if (!w2set || title_idiom(w1, w2)) return false;
    if (strcmp(w1, "what") == 0 && !colon) return true;
    if (st_in_set(w1, EN_WH_ALWAYS) || st_in_set(w1, FR_ALWAYS) || st_in_set(w1, DE_ALWAYS))
        return true;
    if (st_in_set(w1, EN_WH) && st_in_set(w2, EN_AUX)) return true;
    if (st_in_set(w1, EN_AUX_START) && st_in_set(w2, EN_SUBJECT) &&
        !(strcmp(w1, "do") == 0 && strcmp(w2, "not") == 0))
        return true;
    if (st_command_asks(w1, w2, s, n)) return true;
    if (st_in_set(w1, FR_WH) && st_in_set(w2, FR_AUX)) return true;
    return st_in_set(w1, DE_WH) && st_in_set(w2, DE_AUX);
}

/* Whether s[0..n) opens or ends within a few bytes of a character past
 * U+07FF (Thai, Han, Hangul, …): only such a line can ask by particle. */
static bool wide_script_near(const char *s, size_t n)
{
    if ((unsigned char)s[0] >= 0xE0) return true;
    for (size_t i = n > 16 ? n - 16 : 0; i < n; i++)
        if ((unsigned char)s[i] >= 0xE0) return true;
    return false;
}

bool st_text_asks(const char *s, size_t n)
{
    while (n > 0 && strchr(" \t\r\n", s[n - 1]))
        n--;
    if (n == 0 || n > ST_MAX_QUESTION_BYTES) return false;
    size_t p = st_leading_symbols(s, n);
    int num;
    size_t k = st_leading_number(s + p, n - p, &num);
    if (k) p += k + st_leading_symbols(s + p + k, n - p - k);
    if (p >= n || !has_letter(s + p, n - p)) return false;
    if (ends_with_question_mark(s + p, n - p)) return !st_quiz_instruction(s + p, n - p);
    if (wide_script_near(s + p, n - p) && st_asks_by_particle(s + p, n - p)) return true;
    /* Armenian marks the word that asks, not the sentence's end: "Ի՞նչ է…" */
    for (const char *a = s + p, *e = s + n; (a = memchr(a, 0xD5, (size_t)(e - a))) && a + 1 < e;
         a++)
        if ((unsigned char)a[1] == 0x9E) return true;
    char w1[WORD_MAX + 1], w2[WORD_MAX + 1] = "";
    size_t pos = p;
    if (!next_word(s, n, &pos, w1)) return false;
    /* the second word must follow within the same clause */
    size_t save = pos;
    while (save < n && (s[save] == ' ' || s[save] == '\t'))
        save++;
    if (save < n && !strchr(":;,.", s[save])) next_word(s, n, &pos, w2);
    return words_ask(w1, w2, ends_with_colon(s + p, n - p), s + p, n - p) ||
           st_world_asks(s + p, n - p, w1, w2);
}

/* A label word, an optional number, then a delimiter; returns the length
 * through the blanks after it, 0 if s does not open with one. */
/* Past the blanks at s[i]: spaces, tabs and the no-break spaces French
 * typography (and a word processor) puts before a colon. */
static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    for (;;) {
        if (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        else if (i + 2 <= n && memcmp(s + i, "\xC2\xA0", 2) == 0)
            i += 2;
        else if (i + 3 <= n && memcmp(s + i, "\xE2\x80\xAF", 3) == 0)
            i += 3;
        else
            return i;
    }
}

/* The delimiter after a label at s[i]: its length, 0 for none. A letter
 * label (colon: "A", "R", "P") wants a colon, or after a number of its
 * own ("A2.", "A2)") a period or parenthesis too, or a dash set apart
 * ("A - ", not "A-level"); spaced: blanks came before s[i]. */
static size_t delimiter(const char *s, size_t n, size_t i, bool colon, bool numbered, bool spaced)
{
    bool loose = !colon || numbered;
    if (s[i] == ':' || (loose && (s[i] == '.' || s[i] == ')'))) return 1;
    if (i + 3 <= n && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0) return 3; /* a full-width colon */
    if (!loose && !spaced) return 0;
    if (s[i] == '-') return 1;
    if (i + 3 <= n &&
        (memcmp(s + i, "\xE2\x80\x93", 3) == 0 || memcmp(s + i, "\xE2\x80\x94", 3) == 0))
        return 3;
    return 0;
}

/* Labels of two words ("câu hỏi", "trả lời"): when w and the word after
 * it, set apart by blanks alone, make an entry of words, pos moves past
 * the second. */
static bool two_word_label(const char *s, size_t n, size_t *pos, const char *w,
                           const char *const *words)
{
    /* the words that open one: label_at runs on every line that might
     * ask, so the entries are not searched for most words */
    static const char *const OPENERS[] = {"câu", "trả", "đáp", "lời", NULL};
    size_t i = *pos, len;
    if (i >= n || (s[i] != ' ' && s[i] != '\t') || !st_in_set(w, OPENERS)) return false;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    char w2[WORD_MAX + 1], both[2 * WORD_MAX + 2];
    if (i >= n || !is_alnum_cp(oct_utf8_decode(s + i, n - i, &len)) || !next_word(s, n, &i, w2))
        return false;
    snprintf(both, sizeof both, "%s %s", w, w2);
    if (!st_in_set(both, words)) return false;
    *pos = i;
    return true;
}

/* A label word, an optional number, then a delimiter; returns the length
 * through the blanks after it, 0 if s does not open with one. A number
 * written onto a question's word ("Q1", "問1") may be followed by a blank
 * alone when a question follows: "Q1 What is a cell?" (not "Q3 2024
 * revenue grew", nor an answer's "A4 paper is standard"). */
static size_t label_at(const char *s, size_t n, const char *const *words,
                       const char *const *colon_only, int *number, bool alone_ok)
{
    size_t p = 0;
    while (p < n && (s[p] == ' ' || s[p] == '\t'))
        p++;
    char w[WORD_MAX + 1];
    size_t pos = p, len;
    /* the label must start right here, not after symbols */
    if (p >= n || !is_alnum_cp(oct_utf8_decode(s + p, n - p, &len))) return 0;
    if (!next_word(s, n, &pos, w)) return 0;
    /* "Q1" and "A2" are one word: split the digits off */
    size_t wl = strlen(w), d = wl;
    while (d > 0 && w[d - 1] >= '0' && w[d - 1] <= '9')
        d--;
    int v = 0;
    if (d < wl) {
        if (wl - d > 6) return 0; /* before the sum, which would overflow */
        for (size_t i = d; i < wl; i++)
            v = v * 10 + (w[i] - '0');
        w[d] = '\0';
    }
    /* "đáp án" before "đáp" */
    bool plain = d == wl && two_word_label(s, n, &pos, w, words);
    plain = plain || st_in_set(w, words);
    bool colon = !plain && colon_only && st_in_set(w, colon_only);
    if (!plain && !colon) return 0;
    size_t i = skip_blanks(s, n, pos);
    bool numbered = d < wl;
    if (d == wl && i < n && s[i] == '#') i++;
    if (d == wl && i < n && s[i] >= '0' && s[i] <= '9') {
        size_t j = i;
        v = 0;
        while (j < n && j - i < 6 && s[j] >= '0' && s[j] <= '9')
            v = v * 10 + (s[j++] - '0');
        i = skip_blanks(s, n, j);
        numbered = true;
    }
    if (i >= n) return alone_ok && plain ? n : 0;
    bool dotted = s[i] == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9'; /* "A.3" */
    size_t dl = delimiter(s, n, i, colon, numbered || dotted, i > pos);
    if (!dl && !alone_ok && d < wl && i > pos && is_alnum_cp(oct_utf8_decode(s + i, n - i, &len)) &&
        ends_with_question_mark(s + i, n - i)) {
        if (number) *number = v; /* "Q1 What ...?", not "Q3 2024 revenue grew." */
        return i;
    }
    if (!dl) return 0;
    bool dash =
        s[i] == '-' || (dl == 3 && (unsigned char)s[i] == 0xE2); /* not a full-width colon */
    i += dl;
    if (dash && i < n && s[i] != ' ' && s[i] != '\t') return 0; /* "Q-learning" */
    if (!numbered && s[i - 1] == '.' && i < n && s[i] >= '0' && s[i] <= '9') {
        /* "Q.3 Define liquidity.": the number after the period */
        size_t j = i;
        int w = 0;
        while (j < n && j - i < 6 && s[j] >= '0' && s[j] <= '9')
            w = w * 10 + (s[j++] - '0');
        if (j < n && (s[j] == '.' || s[j] == ')' || s[j] == ':')) j++;
        if (j < n && (s[j] == ' ' || s[j] == '\t')) {
            v = w;
            i = j;
        }
    }
    i = skip_blanks(s, n, i);
    if (i >= n && !alone_ok) return 0;
    /* a one-letter question label ("P:", "س:") only before a question:
     * "P: 0.05 is the threshold" is a definition */
    if (colon && !alone_ok && !ends_with_question_mark(s + i, n - i)) return 0;
    if (number) *number = v;
    return i;
}

/* The word for "question" and "answer" in the languages notes are most
 * often written in (lower case; Han and Hangul words end at a digit or a
 * colon as Latin ones at a blank). */
static const char *const Q_WORDS[] = {
    "q", "ques", "question", "qn", "frage", "pregunta", "pergunta", "questão", "domanda", "vraag",
    "pytanie", "otázka", "soru", "kérdés", "fråga", "spørgsmål", "spørsmål", "kysymys", "întrebare",
    "вопрос", "питання", "ερώτηση", "سؤال", "שאלה", "问题", "問題", "질문", "问", "問", "प्रश्न",
    "প্রশ্ন", "pertanyaan", "soalan", "swali", "คำถาม", "質問", "문제", "پرسش", "سوال", "câu hỏi",
    "hỏi", "ถาม", "ข้อ", "soal",
    /* an interview's or an oral exam's prompt */
    "interviewer", "examiner", NULL};
/* Letters that label a question only before a colon: Spanish and
 * Portuguese "P:" (pregunta, pergunta), Arabic "س:" (سؤال). */
static const char *const Q_COLON_ONLY[] = {"p", "س", NULL};
static const char *const A_WORDS[] = {
    "ans",      "answer", "answers", "antwort",  "réponse",  "reponse",   "respuesta", "resposta",
    "solution", "lösung", "loesung", "risposta", "antwoord", "odpowiedź", "odpověď",   "cevap",
    "válasz",   "svar",   "vastaus", "răspuns",  "ответ",    "відповідь", "απάντηση",  "جواب",
    "إجابة",    "תשובה",  "答案",    "答え",     "解答",     "정답",      "答",        "उत्तर",
    "উত্তর",     "yanıt",  "jawaban", "jawapan",  "jibu",     "คำตอบ",     "回答",      "답",
    "답변",     "پاسخ",   "trả lời", "đáp án",   "lời giải", "đáp",       "ตอบ",       "เฉลย",
    "jawab",    NULL};
/* ... and an interview's reply ("Me: ...", "Candidate: ...") */
static const char *const A_COLON_ONLY[] = {"a", "r", "ج", "me", "candidate", "interviewee", NULL};

/* Words that label a question only with its number: "Problem 1.",
 * "Exercise 3:", "Aufgabe 2)", a quiz bowl's "Tossup 4." ("Problem: the
 * build fails" is a note). */
static const char *const Q_NUMBERED_ONLY[] = {"problem", "exercise",  "exercice", "aufgabe",
                                              "übung",   "ejercicio", "problema", "esercizio",
                                              "tossup",  "toss-up",   NULL};

size_t st_question_label(const char *s, size_t n, int *number)
{
    int v = 0;
    size_t k = label_at(s, n, Q_WORDS, Q_COLON_ONLY, &v, false);
    if (!k) {
        k = label_at(s, n, Q_NUMBERED_ONLY, NULL, &v, false);
        if (v <= 0) k = 0;
    }
    if (k && number) *number = v;
    return k;
}

size_t st_answer_label(const char *s, size_t n)
{
    size_t k = label_at(s, n, A_WORDS, A_COLON_ONLY, NULL, true);
    /* "Answers" alone on its line captions a list of answers (an answer
     * key); it does not label the one answer that follows */
    if (k && n <= 12) {
        oct_buf f = OCT_BUF_INIT;
        oct_buf_put(&f, s, n);
        oct_buf g = OCT_BUF_INIT;
        st_fold_alnum(f.data, &g);
        bool caption = g.data && strcmp(g.data, "answers") == 0;
        oct_buf_free(&f);
        oct_buf_free(&g);
        if (caption) return 0;
    }
    return k;
}

char st_column_role(const char *s)
{
    static const char *const Q_EXTRA[] = {"questions", "prompt", "front", NULL};
    static const char *const A_EXTRA[] = {"answers", "back", "solutions", NULL};
    static const char *const NUMBER[] = {"", "no", "nr", "n", "num", "number", "nº", "n°", NULL};
    oct_buf f = OCT_BUF_INIT;
    st_fold_alnum(s, &f);
    const char *w = f.len ? f.data : ""; /* "#" folds to nothing */
    char role = st_in_set(w, Q_WORDS) || st_in_set(w, Q_EXTRA)   ? 'Q'
                : st_in_set(w, A_WORDS) || st_in_set(w, A_EXTRA) ? 'A'
                : strcmp(w, "a") == 0 || strcmp(w, "r") == 0     ? 'A'
                : st_in_set(w, NUMBER) && strlen(s) < 8          ? '#'
                                                                 : 0;
    oct_buf_free(&f);
    return role;
}

size_t st_line_answer_label(const char *s, size_t n, const char *next, size_t nn)
{
    size_t k = st_answer_label(s, n);
    if (k && st_option_letter(s, n) == 'A' && next && st_option_letter(next, nn) == 'B') return 0;
    return k;
}

char st_option_letter(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    bool paren = i < n && s[i] == '(';
    if (paren) i++;
    if (i >= n) return 0;
    char c = s[i];
    if (c >= 'a' && c <= 'h') c = (char)(c - 'a' + 'A');
    if (c < 'A' || c > 'H') return 0;
    i++;
    if (i >= n) return 0;
    if (paren ? s[i] != ')' : !strchr(").:", s[i])) return 0;
    i++;
    if (i < n && s[i] != ' ' && s[i] != '\t') return 0;
    return c;
}

bool st_is_answer_caption(const char *s, size_t n)
{
    static const char *const CAPTIONS[] = {"answer",
                                           "answers",
                                           "showanswer",
                                           "showanswers",
                                           "showtheanswer",
                                           "seeanswer",
                                           "seetheanswer",
                                           "revealanswer",
                                           "clicktoseeanswer",
                                           "clicktoseetheanswer",
                                           "clicktoshowanswer",
                                           "clickforanswer",
                                           "clickfortheanswer",
                                           "clicktorevealanswer",
                                           "clicktoreveal",
                                           "clicktoexpand",
                                           "solution",
                                           "showsolution",
                                           "réponse",
                                           "voirlaréponse",
                                           "afficherlaréponse",
                                           "laréponse",
                                           "antwort",
                                           "lösung",
                                           "antwortanzeigen",
                                           "lösunganzeigen",
                                           "respuesta",
                                           "verrespuesta",
                                           "ans",
                                           "reveal",
                                           "show",
                                           "spoiler",
                                           "revealtheanswer",
                                           NULL};
    char buf[96];
    size_t o = 0, pos = 0;
    char w[WORD_MAX + 1];
    while (next_word(s, n, &pos, w)) {
        for (const char *q = w; *q; q++)
            if (*q != '\'' && *q != '-' && o + 1 < sizeof buf) buf[o++] = *q;
    }
    buf[o] = '\0';
    return o > 0 && st_in_set(buf, CAPTIONS);
}

/* Sentence-ending marks of other scripts: 。 ． ！ ： ； … । ۔ ؛ (CJK full-width,
 * ellipsis, Devanagari danda, Arabic full stop and semicolon). */
static bool is_terminal_mark(unsigned cp)
{
    static const unsigned MARKS[] = {0x3002, 0xFF0E, 0xFF01, 0xFF1A, 0xFF1B,
                                     0x2026, 0x0964, 0x06D4, 0x061B};
    for (size_t i = 0; i < sizeof MARKS / sizeof *MARKS; i++)
        if (cp == MARKS[i]) return true;
    return false;
}

bool st_ends_sentence(const char *s, size_t n)
{
    while (n > 0 && strchr(" \t\"')]*_~`", s[n - 1]))
        n--;
    if (n == 0) return false;
    if (strchr(".?!:;", s[n - 1])) return true;
    size_t k = n, len;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k > 0 && n - k < 4 && is_terminal_mark(oct_utf8_decode(s + k - 1, n - k + 1, &len)))
        return true;
    return ends_with_question_mark(s, n);
}

bool st_starts_lower(const char *s, size_t n)
{
    size_t i = 0, len;
    while (i < n) {
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (is_alnum_cp(cp)) {
            utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
            return cat == UTF8PROC_CATEGORY_LL;
        }
        if (cp != ' ' && cp != '\t') return false;
        i += len;
    }
    return false;
}

void st_fold_alnum(const char *s, oct_buf *out)
{
    size_t n = strlen(s), i = 0, len;
    oct_buf_grow(out, n); /* folding never lengthens ASCII; the rest grows as it goes */
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) { /* the short way: a lookup through utf8proc was a third of the pairing */
            if (is_alnum_cp(ch)) oct_buf_putc(out, (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
            i++;
            continue;
        }
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (is_alnum_cp(cp))
            oct_buf_put_utf8(out, (unsigned)utf8proc_tolower((utf8proc_int32_t)cp));
        i += len;
    }
}

/* --- similarity of two wordings ------------------------------------------ */

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorted (strcmp order) for bsearch: every word of every wording is looked up. */
static const char *const STOP[] = {
    "about",   "after", "all",    "also",     "and",   "any",        "are",         "between",
    "but",     "can",   "define", "describe", "did",   "difference", "differences", "does",
    "explain", "for",   "from",   "give",     "has",   "have",       "how",         "into",
    "its",     "not",   "one",    "our",      "some",  "that",       "the",         "their",
    "them",    "there", "they",   "this",     "use",   "used",       "using",       "versus",
    "was",     "were",  "what",   "when",     "where", "which",      "who",         "why",
    "with",    "you",   "your",
};

void st_words_of(const char *s, st_words *out)
{
    size_t n = strlen(s), pos = 0, k = 0;
    char w[WORD_MAX + 1];
    while (k < ST_SIM_WORDS && next_word(s, n, &pos, w)) {
        size_t l = strlen(w);
        const char *key = w;
        if (l < 3 || bsearch(&key, STOP, sizeof STOP / sizeof *STOP, sizeof *STOP, cmp_word))
            continue;
        if (l > 3 && w[l - 1] == 's' && w[l - 2] != 's') w[l - 1] = '\0';
        bool dup = false;
        for (size_t i = 0; i < k && !dup; i++)
            dup = out->w[i][0] == w[0] && strcmp(out->w[i], w) == 0;
        if (!dup) memcpy(out->w[k++], w, sizeof w);
    }
    out->n = k;
}

double st_words_similarity(const st_words *a, const st_words *b)
{
    if (a->n == 0 || b->n == 0) return 0.0;
    size_t shared = 0;
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            if (a->w[i][0] == b->w[j][0] && strcmp(a->w[i], b->w[j]) == 0) {
                shared++;
                break;
            }
    return (double)shared / (double)(a->n < b->n ? a->n : b->n);
}

double st_similarity(const char *a, const char *b)
{
    st_words *wa = oct_xmalloc(sizeof *wa), *wb = oct_xmalloc(sizeof *wb);
    st_words_of(a, wa);
    st_words_of(b, wb);
    double r = st_words_similarity(wa, wb);
    free(wa);
    free(wb);
    return r;
}

char *st_casefold(const char *s, size_t n, char *buf, size_t cap, bool compat, size_t *len)
{
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80 && s[i];
    if (ascii) {
        char *out = buf && n < cap ? buf : oct_xmalloc(n + 1);
        for (size_t i = 0; i < n; i++)
            out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
        out[n] = '\0';
        *len = n;
        return out;
    }
    utf8proc_uint8_t *f = NULL;
    utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    if (compat) opt |= UTF8PROC_COMPAT;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f, opt);
    if (r < 0) {
        free(f);
        return NULL;
    }
    *len = (size_t)r;
    return (char *)f;
}

bool st_is_key_caption(const char *s, size_t n)
{
    static const char *const KEYS[] = {
        "answerkey", "answers",    "solutions",   "lösungen",   "antworten", "réponses",
        "corrigé",   "respuestas", "soluciones",  "odpowiedzi", "risposte",  "soluzioni",
        "respostas", "theanswers", "quizanswers", "key",        NULL};
    if (n == 0 || n > 40) return false;
    char *c = oct_xstrndup(s, n);
    oct_buf f = OCT_BUF_INIT;
    st_fold_alnum(c, &f);
    bool key = false;
    for (size_t i = 0; KEYS[i] && !key && f.data; i++)
        key = strcmp(f.data, KEYS[i]) == 0;
    oct_buf_free(&f);
    free(c);
    return key;
}
