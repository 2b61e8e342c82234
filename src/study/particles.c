/* Questions written without a question mark, in languages that ask with
 * a word at the end of the sentence and often leave the mark out: Thai
 * and Lao notes hardly ever write one, Burmese ends a question with its
 * particle and "။", Japanese study notes title a question "…とは何か" or
 * "…ですか。", Chinese notes "…是什么" or "…吗". st_text_asks reads
 * them here when a line has no '?' to go by.
 *
 * A line asks when, after its closing punctuation, it ends with one of
 * its script's question words or particles. Chinese also asks with a
 * question word inside the line ("为什么…会…"): that counts in a line of
 * Han text with no full stop. Japanese か is a particle only after a
 * verb or copula form, or in a line that holds a question word: "明らか"
 * and "静か" end in the same kana and ask nothing. */
#include "study/study_int.h"

#include <string.h>

static const char *const FINAL_WORDS[] = {
    /* Thai: what, how, why, yes/no, or not, how much, who, where, when,
     * which, (what) all */
    "อะไร", "อย่างไร", "ยังไง", "ทำไม", "ไหม", "มั้ย", "หรือไม่", "หรือเปล่า", "เท่าไร", "เท่าไหร่", "ใคร",
    "ที่ไหน", "เมื่อไร", "เมื่อไหร่", "บ้าง", "ใด", "ไหน",
    /* Lao: how, what, yes/no, who, where, how much */
    "ແນວໃດ", "ຫຍັງ", "ບໍ", "ໃຜ", "ຢູ່ໃສ", "ເທົ່າໃດ", "ໃດ",
    /* Burmese: wh- and yes/no particles, colloquial and formal */
    "လဲ", "လား", "သနည်း", "လော",
    /* Khmer: what, how, how many, who, or not */
    "អ្វី", "ដូចម្តេច", "ប៉ុន្មាន", "នរណា", "ឬទេ", "ឬអត់",
    /* Korean question endings (formal, polite, written) */
    "니까", "까요", "나요", "인가요", "는가", "을까", "할까", "일까", "될까",
    /* Chinese yes/no and follow-up particles */
    "吗", "嗎", "呢",
    /* Japanese: か after a verb or copula form */
    "ですか", "ますか", "でしょうか", "だろうか", "のか", "んか", NULL};

/* Words that open a question in Thai, Lao and Khmer (why, what is, who
 * is, which, how many) and the imperative that opens an exam's task
 * ("จงอธิบาย…", explain). These scripts put a space between clauses, not
 * words: each clause is read on its own ("…มีกี่คู่ ใครเป็นผู้ค้นพบ…"). */
static const char *const CLAUSE_OPENERS[] = {
    "ทำไม",        "เหตุใด",      "อะไรคือ", "ใครคือ", "ใครเป็น",  "อย่างไร", "จงอธิบาย", "จงบอก",
    "จงเปรียบเทียบ", "จงยกตัวอย่าง", "ເປັນຫຍັງ", "ຫຍັງຄື",  "ເພາະຫຍັງ", "ហេតុអ្វី",  "តើ",      NULL};

/* Chinese question words: a line opening with one asks ("为什么要…",
 * "如何实现…"), and so does one where one stands in its last few
 * characters ("…是什么", "…各有什么优缺点"). */
static const char *const CHINESE_WH[] = {"什么", "什麼", "为什么", "為什麼", "为何", "為何",
                                         "如何", "怎么", "怎麼",   "怎样",   "怎樣", "哪些",
                                         "哪个", "哪個", "哪种",   "哪種",   "哪里", "哪裡",
                                         "多少", "是否", "谁",     "誰",     NULL};
/* Bytes after the question word that may still end the line: four Han
 * characters ("优缺点", "区别"). */
enum { WH_TAIL = 12 };

/* Japanese か ends a question in a line holding a question word. */
static const char *const JAPANESE_WH[] = {"何",     "なに", "なん",   "どう", "なぜ",
                                          "どの",   "どこ", "いつ",   "誰",   "だれ",
                                          "いくつ", "どれ", "どんな", NULL};

/* Question words of Indian languages, read as whole words: Hindi,
 * Marathi, Bengali, Tamil, Telugu. They stand before the final verb ("…
 * क्या है", "… कैसे काम करता है"), so a short line holding one asks when
 * it ends with no full stop (a statement ends with "।" or "."). Words that
 * are also postpositions ("का", "के", "को") are left out. */
static const char *const INDIC_WH[] = {
    "क्या", "क्यों",    "कैसे",  "कौन",  "कौनसा", "कौन-सा", "कितना",  "कितने",   "कितनी",
    "कब",  "कहाँ",    "कहां", "काय",  "कसे",    "कसा",    "कशी",    "कोण",    "किती",
    "कधी", "कुठे",     "কী",  "কি",   "কেন",   "কীভাবে", "কিভাবে", "কে",     "কত",
    "কখন", "কোথায়",  "என்ன", "ஏன்",   "எப்படி", "யார்",    "எத்தனை",  "எப்போது", "எங்கே",
    "ఏమిటి", "ఎందుకు", "ఎలా",  "ఎవరు", "ఎన్ని",   "ఎప్పుడు", "ఎక్కడ",   NULL};
/* Longest line (bytes) read so: a heading or a prompt, not a paragraph. */
enum { INDIC_MAX = 240 };

/* Punctuation a question may end with instead of '?': full stops,
 * Burmese's section mark, a colon before its answer, closing quotes. */
static const char *const CLOSERS[] = {"。", "．", "။",  "၊", "।", "॥", "：", ":",      ".", "」",
                                      "』", "”",  "\"", "*", "_", " ", "\t", "\u3000", NULL};

static size_t strip_closers(const char *s, size_t n)
{
    for (bool again = true; again && n > 0;) {
        again = false;
        for (const char *const *c = CLOSERS; *c; c++) {
            size_t k = strlen(*c);
            if (n >= k && memcmp(s + n - k, *c, k) == 0) {
                n -= k;
                again = true;
                break;
            }
        }
    }
    return n;
}

static bool ends_with_any(const char *s, size_t n, const char *const *set)
{
    for (; *set; set++) {
        size_t k = strlen(*set);
        if (n >= k && memcmp(s + n - k, *set, k) == 0) return true;
    }
    return false;
}

/* Where the first of set occurs in s[from..n), n when none does. */
static size_t find_any(const char *s, size_t from, size_t n, const char *const *set, size_t *len)
{
    for (size_t i = from; i < n; i++)
        for (const char *const *w = set; *w; w++) {
            size_t k = strlen(*w);
            if (i + k <= n && memcmp(s + i, *w, k) == 0) {
                *len = k;
                return i;
            }
        }
    return n;
}

static bool holds(const char *s, size_t n, const char *w)
{
    const char *set[] = {w, NULL};
    size_t k;
    return find_any(s, 0, n, set, &k) < n;
}

/* A Chinese question word opens the line or stands near its end. */
static bool chinese_wh(const char *s, size_t n)
{
    size_t k = 0, at = find_any(s, 0, n, CHINESE_WH, &k);
    if (at == n) return false;
    if (at == 0) return true;
    for (size_t last = at; last < n; last = find_any(s, last + k, n, CHINESE_WH, &k))
        at = last;
    return n - (at + k) <= WH_TAIL;
}

static bool starts_with_any(const char *s, size_t n, const char *const *set)
{
    for (; *set; set++) {
        size_t k = strlen(*set);
        if (n >= k && memcmp(s, *set, k) == 0) return true;
    }
    return false;
}

/* Whether s opens with a letter of Thai, Lao (U+0E00-0EFF), Burmese
 * (U+1000-109F) or Khmer (U+1780-17FF): the scripts with blanks between
 * clauses. Korean puts one between words, so a word in the middle ending
 * like a question ("오니까", because it rains) asks nothing. */
static bool clause_script(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n < 3) return false;
    if (u[0] == 0xE0 && u[1] >= 0xB8 && u[1] <= 0xBB) return true;
    return u[0] == 0xE1 && (u[1] <= 0x82 || u[1] == 0x9E || u[1] == 0x9F) && u[1] >= 0x80;
}

/* A clause of s (between blanks) opens with a question word or ends with
 * a final one. */
static bool clause_asks(const char *s, size_t n)
{
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && s[b] != ' ')
            b++;
        if (b > a && clause_script(s + a, b - a) &&
            (starts_with_any(s + a, b - a, CLAUSE_OPENERS) ||
             ends_with_any(s + a, b - a, FINAL_WORDS)))
            return true;
        a = b + 1;
    }
    return false;
}

/* A whole word of set (between blanks, or a comma after it) in s. */
static bool holds_word(const char *s, size_t n, const char *const *set)
{
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && s[b] != ' ' && s[b] != ',')
            b++;
        for (const char *const *w = set; *w; w++)
            if (strlen(*w) == b - a && memcmp(s + a, *w, b - a) == 0) return true;
        a = b + 1;
    }
    return false;
}

/* A short Indian-language line with a question word and no full stop. */
static bool indic_asks(const char *s, size_t n, size_t end)
{
    if (end != n || n > INDIC_MAX) return false; /* it ends with punctuation */
    const unsigned char *u = (const unsigned char *)s + n - 3;
    /* its last letter is Devanagari to Telugu (U+0900-0C7F) */
    if (n < 3 || u[0] != 0xE0 || u[1] < 0xA4 || u[1] > 0xB1) return false;
    return holds_word(s, n, INDIC_WH);
}

bool st_asks_by_particle(const char *s, size_t n)
{
    size_t end = strip_closers(s, n);
    /* a line that says a thing and goes on after its full stop asks
     * nothing at its end */
    if (end == 0 || holds(s, end, "。") || holds(s, end, "။")) return false;
    if (ends_with_any(s, end, FINAL_WORDS) || clause_asks(s, end)) return true;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '*' || s[n - 1] == '_'))
        n--; /* (emphasis and blanks are no full stop) */
    if (indic_asks(s, n, strip_closers(s, n))) return true;
    size_t k;
    if (ends_with_any(s, end, (const char *const[]){"か", NULL}) &&
        find_any(s, 0, end, JAPANESE_WH, &k) < end)
        return true;
    return chinese_wh(s, end);
}
