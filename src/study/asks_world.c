/* Questions written without a question mark in the languages whose
 * question words words.c does not read (it reads English, French and
 * German): "Что такое фотосинтез", "Cómo funciona un motor", "Fotosentez
 * nedir", "Apa itu fotosintesis", "Quang hợp là gì".
 *
 * A heading or a prompt is short and has no full stop; a sentence that
 * opens with a relative or a conjunction spelt like a question word
 * ("Когда сервер стартует, он…", "Como resultado, …") goes on after a
 * comma or ends with one. So a line asks here when it has that shape and
 * opens with a question word of one of these languages (or a pair of
 * words), or ends with one where the language puts it last (Turkish,
 * Persian, Urdu, Vietnamese). Words that are also common words of another
 * language in the list are left out or read only in pairs: Spanish "mi"
 * (my), French "ce" (this), English "come", "care", "dove", German "mit",
 * Spanish "cine", Romanian "apa" (water). */
#include "study/study_int.h"

#include <string.h>

/* Most words in a line read so (a heading or a prompt, not a sentence). */
enum { MAX_WORDS = 16 };

static const char *const OPENERS[] = {
    /* Spanish (the accent marks the question word), Portuguese, Italian */
    "qué", "cómo", "cuándo", "dónde", "cuál", "cuáles", "quién", "quiénes", "cuánto", "cuánta",
    "cuántos", "cuántas", "qual", "quais", "quem", "quanto", "quantos", "quantas", "onde", "cos'è",
    "cosa", "perché", "quale", "quali", "quanti", "quante",
    /* Dutch, Swedish, Danish, Norwegian */
    "wat", "waarom", "wanneer", "welke", "welk", "hoeveel", "vad", "hur", "varför", "när", "vilken",
    "vilket", "vilka", "vem", "hvad", "hva", "hvordan", "hvorfor", "hvornår", "hvilken", "hvilket",
    "hvilke", "hvem", "hvor",
    /* Polish, Czech, Slovak, Croatian/Serbian/Bosnian (Latin) */
    "czym", "dlaczego", "kiedy", "gdzie", "który", "która", "które", "którzy", "ile", "kto", "czy",
    "proč", "kdy", "kde", "kolik", "kdo", "čím", "prečo", "kedy", "koľko", "čo", "što", "šta",
    "zašto", "kako", "kada", "gdje", "gde", "koji", "koja", "koje", "koliko", "tko",
    /* Russian, Ukrainian, Bulgarian, Serbian (Cyrillic) */
    "что", "чем", "почему", "зачем", "как", "когда", "где", "какой", "какая", "какое", "какие",
    "каков", "какова", "каковы", "сколько", "кто", "куда", "откуда", "що", "чому", "навіщо", "як",
    "коли", "де", "який", "яка", "яке", "які", "скільки", "хто", "какво", "защо", "кога", "къде",
    "кой", "коя", "кое", "кои", "колко", "шта", "зашто", "како", "када", "који", "колико",
    /* Finnish, Hungarian, Romanian, Greek */
    "mikä", "mitä", "miksi", "miten", "kuinka", "milloin", "missä", "mistä", "mihin", "kuka",
    "mitkä", "millainen", "montako", "paljonko", "onko", "voiko", "miért", "hogyan", "mikor",
    "melyik", "hány", "mennyi", "milyen", "când", "unde", "cât", "câte", "câți", "τι", "πώς",
    "γιατί", "πότε", "πού", "ποιος", "ποια", "ποιο", "ποιοι", "ποιες", "πόσο", "πόσα", "πόσοι",
    /* Turkish, Indonesian/Malay */
    "nasıl", "neden", "niçin", "niye", "hangi", "kaç", "nerede", "nereden", "nereye", "apakah",
    "mengapa", "kenapa", "bagaimana", "kapan", "siapa", "berapa", "dimana",
    /* Arabic, Persian, Urdu, Hebrew */
    "ماذا", "لماذا", "كيف", "متى", "أين", "هل", "كم", "چرا", "چگونه", "کدام", "آیا", "کیوں", "کیسے",
    "کب", "کہاں", "کون", "מה", "מהי", "מהו", "מהם", "מהן", "למה", "מדוע", "איך", "כיצד", "מתי",
    "איפה", "היכן", "האם", NULL};

/* A first word that asks only with the second ("Como funciona…", not
 * "Como resultado…"), as "first second" pairs. */
static const char *const PAIRS[] = {"o que",         "por que",       "por qué",
                                    "para qué",      "como funciona", "como funcionam",
                                    "come funziona", "che cos'è",     "che cosa",
                                    "hoe werkt",     "hoe werken",    "hoe maak",
                                    "hoe kan",       "hoe kun",       "hoe wordt",
                                    "hoe worden",    "co to",         "co jest",
                                    "co oznacza",    "co je",         "po co",
                                    "jak działa",    "jak działają",  "jak funguje",
                                    "ako funguje",   "mi a",          "mi az",
                                    "de ce",         "ce este",       "ce sunt",
                                    "ce înseamnă",   "ce reprezintă", "cum funcționează",
                                    "ne zaman",      "ne işe",        "apa itu",
                                    "apa yang",      "apa saja",      "apa perbedaan",
                                    "apa kegunaan",  "apa fungsi",    "apa arti",
                                    "apa maksud",    "apa manfaat",   "apa tujuan",
                                    "di mana",       "tại sao",       "vì sao",
                                    "làm sao",       "làm thế",       "ما هو",
                                    "ما هي",         "ما الفرق",      "ما معنى",
                                    "ما المقصود",    "ما أهمية",      "ما فائدة",
                                    "ما دور",        "کیا ہے",        NULL};

/* The first words of PAIRS, looked up (hashed) before the pairs are
 * scanned: this runs for every line of the notes that asks nothing. */
static const char *const PAIR_FIRST[] = {"o",   "por", "para", "como", "come", "che", "hoe", "co",
                                         "po",  "jak", "ako",  "mi",   "de",   "ce",  "cum", "ne",
                                         "apa", "di",  "tại",  "vì",   "làm",  "ما",  "کیا", NULL};

/* An opener asks nothing before these ("Как правило", "Что касается",
 * "Jak wyżej", "Wat een …!"). */
static const char *const NOT_AFTER[] = {"правило",  "видно", "известно", "следствие", "уже",
                                        "касается", "wyżej", "niżej",    "poniżej",   "powyżej",
                                        "również",  "een",   NULL};
/* Turkish question words stand before the verb, anywhere in the line
 * ("Motor nasıl çalışır", "Gökyüzü neden mavidir"). */
static const char *const MIDDLES[] = {"nasıl",  "neden", "niçin", "niye",
                                      "nerede", "hangi", "kaç",   NULL};

/* Words that end a question where the language asks last. */
static const char *const FINALS[] = {"nedir", "nelerdir", "midir", "mıdır", "mudur",  "müdür",
                                     "mi",    "mı",       "mu",    "mü",    "kimdir", "hangisidir",
                                     "nasıl", "neden",    "چیست",  "کیست",  "چیه",    "کجاست",
                                     "چقدر",  "gì",       "nào",   "đâu",   "nhiêu",  NULL};
/* The same as the last two words (Urdu "… کیا ہے", what is …). */
static const char *const FINAL_PAIRS[] = {"کیا ہے", "کیا ہیں", "کیوں ہے", "کیسے ہے", NULL};

static bool in_pairs(const char *w1, const char *w2, const char *const *set)
{
    size_t n1 = strlen(w1);
    for (; *set; set++) {
        const char *p = *set;
        if (strncmp(p, w1, n1) == 0 && p[n1] == ' ' && strcmp(p + n1 + 1, w2) == 0) return true;
    }
    return false;
}

/* The length of s[0..n) without trailing blanks and emphasis, 0 when it
 * is empty or ends with a full stop, a colon or the like: most lines of
 * answers do, and are left here before any look-up. */
static size_t open_end(const char *s, size_t n)
{
    while (n > 0 && strchr(" \t*_`", s[n - 1]))
        n--;
    if (n == 0 || strchr(".:;!", s[n - 1])) return 0;
    if (n >= 3 && (memcmp(s + n - 3, "\xE3\x80\x82", 3) == 0 || /* 。 */
                   memcmp(s + n - 3, "\xE0\xA5\xA4", 3) == 0))  /* । */
        return 0;
    return n;
}

/* Whether s[0..n) (its open_end) is shaped like a heading or a prompt:
 * no comma, semicolon or colon, at most MAX_WORDS words (blank-separated). */
static bool prompt_shaped(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ',' || s[i] == ';' || s[i] == ':') return false; /* (a "term: text" line) */
        unsigned char c = (unsigned char)s[i];
        if (c == 0xD8 && i + 1 < n && (unsigned char)s[i + 1] == 0x8C) return false;       /* ، */
        if (c == 0xEF && i + 2 < n && memcmp(s + i, "\xEF\xBC\x8C", 3) == 0) return false; /* ， */
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ') && ++words > MAX_WORDS) return false;
    }
    return true;
}

/* The last two words of s[0..n), folded (prev empty when there is one). */
static void last_words(const char *s, size_t n, char last[ST_WORD_MAX + 1],
                       char prev[ST_WORD_MAX + 1])
{
    size_t at = n, blanks = 0;
    while (at > 0 && blanks < 2) { /* back to the start of the word before last */
        at--;
        if (s[at] == ' ' && at + 1 < n && s[at + 1] != ' ') blanks++;
    }
    if (blanks == 2) at++;
    last[0] = prev[0] = '\0';
    char w[ST_WORD_MAX + 1];
    for (size_t pos = at; st_next_word(s, n, &pos, w);) {
        memcpy(prev, last, sizeof w);
        memcpy(last, w, sizeof w);
    }
}

/* A Turkish question word before the verb; only a line with a letter
 * of Latin-1 or Latin Extended-A (ı ş ğ ö ü ç) is read word by word for
 * it. */
static bool middle_asks(const char *s, size_t n)
{
    bool turkish_letters = false;
    for (size_t i = 0; i < n && !turkish_letters; i++)
        turkish_letters = (unsigned char)s[i] >= 0xC3 && (unsigned char)s[i] <= 0xC5;
    if (!turkish_letters) return false;
    char w[ST_WORD_MAX + 1];
    for (size_t pos = 0; st_next_word(s, n, &pos, w);)
        if (st_in_set(w, MIDDLES)) return true;
    return false;
}

/* Whether w ends like an infinitive (Spanish, Portuguese, Italian,
 * Russian, Ukrainian, Polish): "Cómo instalar…", "Как установить…" title
 * a how-to section, as "How to install…" does in English, and ask
 * nothing. */
static bool infinitive(const char *w)
{
    static const char *const ENDS[] = {"ar",  "er", "ir",   "arse", "erse", "irse", "are", "ere",
                                       "ire", "ть", "ться", "чь",   "ти",   "ć",    NULL};
    size_t n = strlen(w);
    if (n < 4) return false;
    for (const char *const *e = ENDS; *e; e++) {
        size_t k = strlen(*e);
        if (n > k && strcmp(w + n - k, *e) == 0) return true;
    }
    return false;
}

bool st_world_asks(const char *s, size_t n, const char *w1, const char *w2)
{
    /* most lines of answers end with a full stop: no look-up for them */
    n = open_end(s, n);
    if (n == 0) return false;
    bool opens = st_in_set(w1, OPENERS)      ? !st_in_set(w2, NOT_AFTER)
                 : st_in_set(w1, PAIR_FIRST) ? in_pairs(w1, w2, PAIRS)
                                             : false;
    if (opens && infinitive(w2)) return false;
    if (!opens && !w2[0]) return false; /* one word: only an opener asks */
    if (!prompt_shaped(s, n)) return false;
    if (opens) return true;
    char last[ST_WORD_MAX + 1], prev[ST_WORD_MAX + 1];
    last_words(s, n, last, prev);
    return st_in_set(last, FINALS) || in_pairs(prev, last, FINAL_PAIRS) || middle_asks(s, n);
}
