/* The lexical tests of the study pass: what reads as a question, labels,
 * numbers, options, captions, similarity of two wordings. */
#include "check.h"
#include "study/study_int.h"

#include <stdio.h>
#include <string.h>

static bool asks(const char *s)
{
    return st_text_asks(s, strlen(s));
}

static void test_questions_in_english(void)
{
    CHECK(asks("What is Django?"));
    CHECK(asks("what is a django"));                    /* no mark, lower case */
    CHECK(asks("Explain the concept of Django apps.")); /* instruction */
    CHECK(asks("Differentiate between HttpResponse and JsonResponse in Django."));
    CHECK(asks("Describe the request-response cycle in Django."));
    CHECK(asks("Discuss the support for multiple databases in Django."));
    CHECK(asks("What are querysets and managers in Django?~")); /* trailing noise */
    CHECK(asks("Can you explain the concept of Django middleware"));
    CHECK(asks("List the advantages of Django"));
    CHECK(asks("Give an example of a signal"));
    CHECK(asks("Name three field types"));
    CHECK(asks("How does Django handle caching"));
    CHECK(asks("Why Django"));
    CHECK(asks("12. What is a catalyst?")); /* number skipped */
    CHECK(asks("**Is it thread-safe?**"));
    CHECK(asks("¿Qué es Django?"));

    CHECK(!asks("Django Basics"));
    CHECK(!asks("2. Models & Database"));
    CHECK(!asks("🧱 1. Django Basics"));
    CHECK(!asks("List comprehensions are a compact way to build lists."));
    CHECK(!asks("When the server starts, it loads the settings."));
    CHECK(!asks("Which means the environment must be ready."));
    CHECK(!asks("How it works: the scheduler wakes up."));
    CHECK(!asks("Name: build server"));
    CHECK(!asks("State of the art: nobody knows."));
    CHECK(!asks("What you need:"));
    CHECK(!asks("Do not run this in production."));
    CHECK(!asks(""));
    CHECK(!asks("?"));
    CHECK(!asks("Outline of the course"));
}

static void test_questions_in_french_and_german(void)
{
    CHECK(asks("Qu'est-ce que la photosynthèse ?"));
    CHECK(asks("Qu’est-ce qu’un allèle")); /* curly apostrophes, no mark */
    CHECK(asks("Expliquez le rôle de la membrane."));
    CHECK(asks("Pourquoi les feuilles sont-elles vertes"));
    CHECK(asks("Quels sont les organites ?"));
    CHECK(asks("Comment fonctionne un neurone"));
    CHECK(asks("Was ist eine Kraft"));
    CHECK(asks("Erklären Sie das dritte Newtonsche Gesetz."));
    CHECK(asks("Warum fallen alle Körper gleich schnell"));
    CHECK(asks("Wie funktioniert ein Transistor"));
    CHECK(asks("Nennen Sie zwei Leiter."));
    CHECK(!asks("Comment on the results below."));
    CHECK(!asks("Les cellules se divisent par mitose."));
    CHECK(!asks("Der Strom fließt vom Pluspol zum Minuspol."));
    CHECK(!asks("Was used to be the capital."));
}

/* Exam command words (commands.c): a weak one ("Label", "Balance",
 * "Ajuste") asks only before an object; "Compare" with something to set
 * against or as a sentence; the other languages' imperatives. */
static void test_command_words(void)
{
    CHECK(asks("Label the chambers of the heart."));
    CHECK(asks("Balance the combustion of propane."));
    CHECK(asks("Sketch the graph of y = x^2"));
    CHECK(asks("Convert 25 °C to kelvin."));
    CHECK(asks("Draw a labelled diagram of a neuron"));
    CHECK(asks("Compare mitosis and meiosis"));
    CHECK(asks("Compare common acids."));
    CHECK(asks("Annotate the poem's first stanza"));
    CHECK(asks("Beschreiben Sie den Zellzyklus"));
    CHECK(asks("Beschrifte die Teile des Auges."));
    CHECK(asks("Beweisen Sie den Satz des Pythagoras."));
    CHECK(asks("Décrivez le cycle de l'eau"));
    CHECK(asks("Trace la courbe de f."));
    CHECK(asks("Describa el ciclo del agua"));
    CHECK(asks("Explique la fotosíntesis."));
    CHECK(asks("Ajuste la ecuación química."));
    CHECK(asks("Spiega la fotosintesi"));
    CHECK(asks("Descreva o ciclo do carbono"));
    CHECK(asks("Beschrijf de celdeling"));
    CHECK(asks("Опишите строение клетки"));
    CHECK(asks("Поясніть закон Ома"));
    CHECK(asks("Wyjaśnij pojęcie entropii"));
    CHECK(!asks("Compare plans"));
    CHECK(!asks("Label encoding gives each category an integer."));
    CHECK(!asks("Balance sheet basics"));
    CHECK(!asks("Plot twists in the second act"));
    CHECK(!asks("Beweise für die Evolution"));
    CHECK(!asks("Trace de la matrice"));
    CHECK(!asks("Ajuste de curvas"));
    CHECK(!asks("Nombre del alumno"));
    CHECK(!asks("Definite integrals"));
    CHECK(!asks("Leg muscles"));
    CHECK(!asks("Create a form"));
    CHECK(!asks("Install the dependencies"));
}

static void test_labels(void)
{
    int n = -1;
    const char *s = "Q: What is osmosis?";
    CHECK(st_question_label(s, strlen(s), &n) == 3 && n == 0);
    s = "Q1: What does DNA stand for?";
    CHECK(st_question_label(s, strlen(s), &n) == 4 && n == 1);
    s = "Q5) What is a gene?";
    CHECK(st_question_label(s, strlen(s), &n) == 4 && n == 5);
    s = "Question 9: When did Rome fall?";
    CHECK(st_question_label(s, strlen(s), &n) == 12 && n == 9);
    s = "Question 11 - Who was the first emperor?";
    CHECK(st_question_label(s, strlen(s), &n) == 14 && n == 11);
    s = "Frage 4: Wie lautet das Ohmsche Gesetz?";
    CHECK(st_question_label(s, strlen(s), &n) == 9 && n == 4);
    s = "Q : Qu'appelle-t-on un allèle ?";
    CHECK(st_question_label(s, strlen(s), &n) == 4);
    s = "Q-learning is a reinforcement learning method.";
    CHECK(st_question_label(s, strlen(s), &n) == 0);
    s = "Questions remain open.";
    CHECK(st_question_label(s, strlen(s), &n) == 0);
    s = "Question 3:"; /* nothing asked yet */
    CHECK(st_question_label(s, strlen(s), &n) == 0);

    s = "A: The cell.";
    CHECK(st_answer_label(s, strlen(s)) == 3);
    s = "Answer - In 476 AD.";
    CHECK(st_answer_label(s, strlen(s)) == 9);
    s = "Answer:";
    CHECK(st_answer_label(s, strlen(s)) == strlen(s));
    s = "Answer";
    CHECK(st_answer_label(s, strlen(s)) == strlen(s));
    s = "R : Une version d'un gène.";
    CHECK(st_answer_label(s, strlen(s)) == 4);
    s = "Antwort: U = R · I";
    CHECK(st_answer_label(s, strlen(s)) == 9);
    s = "A) Sydney"; /* an option, not an answer */
    CHECK(st_answer_label(s, strlen(s)) == 0);
    s = "Answers vary by region, see below.";
    CHECK(st_answer_label(s, strlen(s)) == 0);
    s = "A1: Deoxyribonucleic acid.";
    CHECK(st_answer_label(s, strlen(s)) == 4);
}

/* Labels as other notes write them: a number on the word and a blank,
 * "A2." and "A - ", no-break spaces before the colon, one-letter and
 * one-character labels of Spanish, Arabic, Chinese and Japanese, Hindi
 * and Bengali words (their vowel signs inside the word), Vietnamese labels
 * of two words. */
static void test_labels_elsewhere(void)
{
    static const struct {
        const char *s;
        bool question;
        size_t len;
        int number;
    } cases[] = {
        {"Q1 What is a cell?", true, 3, 1},
        {"A1: The unit of life.", false, 4, 0},
        {"A2. The genetic material.", false, 4, 0},
        {"A - Cell division.", false, 4, 0},
        {"Q\u00A0: Qu'est-ce qu'une cellule ?", true, 5, 0},
        {"R\u202F: L'unité du vivant.", false, 6, 0},
        {"P: ¿Cuándo terminó la Reconquista?", true, 3, 0},
        {"س: ما وظيفة الأنسولين؟", true, 4, 0},
        {"ج: يخفض مستوى السكر في الدم.", false, 4, 0},
        {"问：水的化学式是什么？", true, 6, 0},
        {"問1 水の沸点は何度ですか？", true, 5, 1},
        {"答：100度です。", false, 6, 0},
        {"प्रश्न 1: प्रकाश संश्लेषण क्या है?", true, 22, 1},
        {"उत्तर: पौधे सूर्य के प्रकाश से भोजन बनाते हैं।", false, 17, 0},
        {"Interviewer: Walk me through a cash flow statement.", true, 13, 0},
        {"Q.3 Define liquidity.", true, 4, 3},
        {"A.3 Cash at hand.", false, 4, 0},
        {"Me: Operating, investing and financing.", false, 4, 0},
        /* two words, and the words of more languages */
        {"Câu hỏi 2: Sông nào dài nhất?", true, 14, 2},
        {"Trả lời: Sông Mê Kông.", false, 13, 0},
        {"Đáp án: Hà Nội.", false, 11, 0},
        {"Pertanyaan: Apa ibu kota Indonesia?", true, 12, 0},
        {"Jawaban: Jakarta.", false, 9, 0},
        {"Swali: Mlima mrefu zaidi ni upi?", true, 7, 0},
        {"Jibu: Kilimanjaro.", false, 6, 0},
        {"คำถาม: แม่น้ำสายหลักชื่ออะไร?", true, 17, 0},
        {"คำตอบ: แม่น้ำเจ้าพระยา", false, 17, 0},
        {"문제 3. 한국의 수도는?", true, 10, 3},
        {"답: 서울", false, 5, 0},
        {"Yanıt: Ankara.", false, 8, 0},
        /* not labels */
        {"A-level results come out in August.", false, 0, 0},
        {"A4 paper is the standard size.", false, 0, 0},
        {"Q3 2024 revenue grew by 5%.", true, 0, 0},
        {"P: 0.05 is the usual threshold.", true, 0, 0},
        {"P-values below 0.05 are significant.", true, 0, 0},
        {"Q3earnings rose.", true, 0, 0},
        {"Câu này là một ghi chú: không hỏi gì.", true, 0, 0},
        {"Trả tiền: 20.000 đồng.", false, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *s = cases[i].s;
        int n = 0;
        size_t got =
            cases[i].question ? st_question_label(s, strlen(s), &n) : st_answer_label(s, strlen(s));
        if (got != cases[i].len || (cases[i].question && n != cases[i].number))
            fprintf(stderr, "label of \"%s\": %zu (number %d)\n", s, got, n);
        CHECK(got == cases[i].len);
        CHECK(!cases[i].question || n == cases[i].number);
    }
}

/* Section titles that open like questions ask nothing without a mark. */
static void test_title_idioms(void)
{
    CHECK(!asks("What's new in version 2"));
    CHECK(!asks("What's next"));
    CHECK(!asks("Why this matters"));
    CHECK(!asks("What you'll learn"));
    CHECK(!asks("What to expect on exam day"));
    CHECK(asks("What's new in version 2?"));
    CHECK(asks("Why is the sky blue"));
    CHECK(asks("What is a closure"));
}

/* A worksheet's exercise heading tells how to answer the items below; it
 * asks nothing. A true-or-false item with its statement still asks. */
static void test_quiz_instructions(void)
{
    CHECK(!asks("True or False?"));
    CHECK(!asks("TRUE OR FALSE?"));
    CHECK(!asks("True/False?"));
    CHECK(!asks("T/F?"));
    CHECK(!asks("Astronomy — True or false? (answers after the arrow)?"));
    CHECK(!asks("Part B – Multiple choice questions?"));
    CHECK(!asks("Section 2: Fill in the blanks?"));
    CHECK(!asks("Vrai ou faux ?"));
    CHECK(!asks("Richtig oder falsch?"));
    CHECK(!asks("¿Verdadero o falso?"));
    CHECK(!asks("3. True or false? (1 point each)"));
    CHECK(st_quiz_instruction("Multiple Choice", 15));
    CHECK(st_quiz_instruction("Fill in the blanks:", 19));
    CHECK(st_quiz_instruction("Match the following.", 20));
    CHECK(asks("True or false: zero is an even number?"));
    CHECK(asks("Is it true or false that zero is even?"));
    CHECK(asks("Why is the statement true or false?"));
    CHECK(asks("Which answers are multiple choice?"));
    CHECK(asks("What is a true-or-false question?"));
    CHECK(!st_quiz_instruction("True or false: zero is even.", 28));
    /* the line's last word is looked at first (instructions.c): in any
     * case, outside brackets, past non-ASCII letters */
    CHECK(st_quiz_instruction("MULTIPLE CHOICE QUESTIONS", 25));
    CHECK(st_quiz_instruction("Biology - True or false statements", 34));
    CHECK(st_verdict_instruction("PRAWDA CZY FAŁSZ", strlen("PRAWDA CZY FAŁSZ")));
    CHECK(st_verdict_instruction("Lückentext", strlen("Lückentext")) == false);
    CHECK(st_quiz_instruction("LÜCKENTEXT", strlen("LÜCKENTEXT")));
    CHECK(st_quiz_instruction("Fill in the gaps [Unit 3", 24));
    CHECK(!st_quiz_instruction("True or false nonsense", 22));
}

/* Word lists (wordset.c): hashed or scanned, the same answers, by whole
 * word, for a list asked about again. */
static void test_word_sets(void)
{
    static const char *const BIG[] = {"alpha", "beta", "gamma", "delta",  "epsilon", "zeta", "eta",
                                      "theta", "iota", "kappa", "lambda", "mü",      NULL};
    static const char *const SMALL[] = {"ja", "nein", NULL};
    for (int round = 0; round < 2; round++) {
        CHECK(st_in_set("alpha", BIG));
        CHECK(st_in_set("lambda", BIG));
        CHECK(st_in_set("mü", BIG));
        CHECK(!st_in_set("alp", BIG));
        CHECK(!st_in_set("alphas", BIG));
        CHECK(!st_in_set("", BIG));
        CHECK(st_in_set_n("betamax", 4, BIG));
        CHECK(!st_in_set_n("betamax", 5, BIG));
        CHECK(st_in_set("nein", SMALL));
        CHECK(!st_in_set("nei", SMALL));
        CHECK(st_in_set_n("jaja", 2, SMALL));
    }
}

/* Greek asks with ';' (U+037E, a semicolon once normalized). */
static void test_greek_question_mark(void)
{
    CHECK(asks("Τι είναι το ένζυμο;"));
    CHECK(asks("Τι είναι το ένζυμο\u037E"));
    CHECK(!asks("x = 1;"));
    CHECK(asks("Ի՞նչ է բջիջը")); /* Armenian: the mark on the word */
    CHECK(!asks("Բջիջը կյանքի միավորն է։"));
    CHECK(asks("ሕዋስ ምንድን ነው፧"));         /* Ethiopic question mark */
    CHECK(asks("What is a cell\uFE56")); /* small question mark */
    CHECK(!asks("Το ένζυμο είναι πρωτεΐνη."));
}

/* Languages that ask with a final word and leave the mark out
 * (particles.c), and statements in them that must not ask. */
static void test_questions_by_particle(void)
{
    CHECK(asks("1. ไมโทคอนเดรียทำหน้าที่อะไร"));    /* Thai: what */
    CHECK(asks("ยีนเด่นและยีนด้อยต่างกันอย่างไร"));    /* Thai: how */
    CHECK(asks("ผนังเซลล์พบในสิ่งมีชีวิตกลุ่มใดบ้าง"));   /* Thai: which (all) */
    CHECK(asks("ແມ່ນຫຍັງ"));                      /* Lao: what is it */
    CHECK(!asks("ဆရာ၏ သင်ကြားနည်း"));             /* Burmese "teaching method" */
    CHECK(asks("ဓာတ်ပေါင်းဖိုဆိုတာ ဘာလဲ။"));           /* Burmese: what */
    CHECK(asks("តើកោសិកាជាអ្វី"));                 /* Khmer: what */
    CHECK(asks("광합성이란 무엇입니까"));       /* Korean, formal */
    CHECK(asks("ミトコンドリアとは何か"));      /* Japanese, question word + か */
    CHECK(asks("酵素は熱に弱いですか。"));      /* Japanese, copula + か */
    CHECK(asks("线程和进程的区别是什么"));      /* Chinese: wh at the end */
    CHECK(asks("为什么要使用线程池"));          /* Chinese: opening why */
    CHECK(asks("Java中的HashMap是如何实现的")); /* Latin first, wh near the end */
    CHECK(asks("各种排序算法各有什么优缺点"));  /* wh and a short noun after */
    CHECK(asks("Redis是单线程的吗"));           /* yes/no particle */

    CHECK(!asks("ไมโทคอนเดรียเป็นแหล่งผลิตพลังงานของเซลล์")); /* Thai statement */
    CHECK(!asks("明らか"));                             /* か ending an adjective */
    CHECK(!asks("この部屋は静か。"));
    CHECK(!asks("线程是操作系统调度的最小单位。"));
    CHECK(!asks("这取决于你用什么数据库。然后再配置连接池")); /* says, then goes on */
    CHECK(!asks("细胞核里保存着遗传信息和多种蛋白质的合成模板"));
    CHECK(!asks("한국 가요"));
    CHECK(!asks("비가 오니까 우산을 가져가라"));
    CHECK(asks("प्रकाश संश्लेषण क्या है"));        /* Hindi: what is */
    CHECK(asks("2. पौधे हरे क्यों होते हैं"));      /* Hindi: why */
    CHECK(asks("**इंजन कैसे काम करता है**"));    /* Hindi: how, in bold */
    CHECK(asks("সালোকসংশ্লেষণ কী"));          /* Bengali: what */
    CHECK(asks("ஒளிச்சேர்க்கை என்றால் என்ன"));     /* Tamil: what */
    CHECK(asks("కిరణజన్య సంయోగక్రియ అంటే ఏమిటి"));   /* Telugu: what */
    CHECK(!asks("मुझे नहीं पता कि वह क्या है।")); /* a statement, danda */
    CHECK(!asks("पौधे हरे होते हैं क्योंकि उनमें क्लोरोफिल होता है."));
    CHECK(!asks("राम का घर"));                              /* "का" is "of" */
    CHECK(!asks("प्रकाश संश्लेषण")); /* a heading that names */ /* "because it rains" mid-line */
    CHECK(asks("ทำไมลูกจึงมีลักษณะคล้ายพ่อแม่"));                  /* Thai: opening why */
    CHECK(asks("มีกี่คู่ ใครเป็นผู้ค้นพบจำนวนที่ถูกต้อง"));
    /* a later clause asks */ /* "songs", not a question */
    CHECK(!asks("광합성은 빛 에너지를 화학 에너지로 바꾼다"));
}

/* Other languages' question words, where notes leave the mark out
 * (asks_world.c), and lines in them that say, not ask. */
static void test_questions_world(void)
{
    static const char *const ask[] = {"Что такое фотосинтез",
                                      "3. Почему небо голубое",
                                      "Как работает сборщик мусора",
                                      "Qué es la fotosíntesis",
                                      "Cómo funciona un motor",
                                      "Por qué el cielo es azul",
                                      "Cos'è la fotosintesi",
                                      "Come funziona il motore",
                                      "Perché il cielo è blu",
                                      "O que é fotossíntese",
                                      "Como funciona o motor",
                                      "Czym jest fotosynteza",
                                      "Jak działa silnik",
                                      "Dlaczego niebo jest niebieskie",
                                      "Wat is fotosynthese",
                                      "Hoe werkt een motor",
                                      "Fotosentez nedir",
                                      "Motor nasıl çalışır",
                                      "Gökyüzü neden mavidir",
                                      "Apa itu fotosintesis",
                                      "Bagaimana cara kerja mesin",
                                      "Co je fotosyntéza",
                                      "Τι είναι η φωτοσύνθεση",
                                      "Mikä on fotosynteesi",
                                      "Vad är fotosyntes",
                                      "Hvad er fotosyntese",
                                      "Mi a fotoszintézis",
                                      "Ce este fotosinteza",
                                      "Що таке фотосинтез",
                                      "Quang hợp là gì",
                                      "Tại sao bầu trời màu xanh",
                                      "ما هو التمثيل الضوئي",
                                      "فتوسنتز چیست",
                                      "מהי פוטוסינתזה",
                                      "**Kiedy indeks pomaga**",
                                      NULL};
    for (size_t i = 0; ask[i]; i++) {
        bool ok = asks(ask[i]);
        if (!ok) fprintf(stderr, "does not ask: %s\n", ask[i]);
        CHECK(ok);
    }
    static const char *const say[] = {"Когда сервер стартует, он загружает настройки",
                                      "Как правило используется индекс",
                                      "Что касается памяти",
                                      "Como resultado del proceso se forma agua",
                                      "Cuando el servidor arranca carga la configuración",
                                      "Mi casa es tu casa",
                                      "Ce chapitre présente les bases",
                                      "Come back after the break",
                                      "Care instructions",
                                      "Wat een mooie dag",
                                      "Mit Python programmieren",
                                      "Perché è più veloce.",
                                      "Quale che sia il risultato, si procede",
                                      "Jak wyżej",
                                      "Apa potabilă",
                                      "Cine español",
                                      "Fotosentez bitkilerde olur",
                                      "Quang hợp xảy ra ở lá",
                                      "التمثيل الضوئي يحدث في الأوراق",
                                      "Qué: una palabra interrogativa",
                                      NULL};
    for (size_t i = 0; say[i]; i++) {
        bool ok = !asks(say[i]);
        if (!ok) fprintf(stderr, "asks: %s\n", say[i]);
        CHECK(ok);
    }
}

static void test_numbers_options_captions(void)
{
    int n = 0;
    CHECK(st_leading_number("12. Define a model", 18, &n) == 4 && n == 12);
    CHECK(st_leading_number("3) Use caching", 14, &n) == 3 && n == 3);
    CHECK(st_leading_number("1.5 GHz is fast", 15, &n) == 0);
    CHECK(st_leading_number("Django", 6, &n) == 0);
    CHECK(st_option_letter("A) Sydney", 9) == 'A');
    CHECK(st_option_letter("b. Mars", 7) == 'B');
    CHECK(st_option_letter("(c) Jupiter", 11) == 'C');
    CHECK(st_option_letter("D: none", 7) == 'D');
    CHECK(st_option_letter("Apple pie", 9) == 0);
    CHECK(st_option_letter("Z) last", 7) == 0);
    CHECK(st_is_answer_caption("Answer", 6));
    CHECK(st_is_answer_caption("Show answer", 11));
    CHECK(st_is_answer_caption(" Click to see the answer! ", 26));
    CHECK(st_is_answer_caption("Réponse", strlen("Réponse")));
    CHECK(st_is_answer_caption("Lösung", strlen("Lösung")));
    CHECK(!st_is_answer_caption("Think first, then open", 22));
    CHECK(!st_is_answer_caption("", 0));
}

static void test_similarity(void)
{
    CHECK(st_similarity("Difference between Django, Flask, and FastAPI",
                        "difference between django, flask and fastapi?") > 0.99);
    CHECK(st_similarity("Path parameters vs Query parameters",
                        "what is path parameters and queries?") >= 0.5);
    CHECK(st_similarity("Which returns data after applying filters: ORM or raw SQL?",
                        "which one is gives the data after adding the filter orm or raw sql?") >=
          0.5);
    CHECK(st_similarity("Put on goggles and gloves.", "What is a catalyst?") < 0.1);
    CHECK(st_similarity("", "anything") == 0.0);
    oct_buf b = OCT_BUF_INIT;
    st_fold_alnum("What's the ÉTAT, now?", &b);
    CHECK_STR(b.data, "whatsthe\xc3\xa9tatnow");
    oct_buf_free(&b);
}

static void test_sentences(void)
{
    CHECK(st_ends_sentence("It ends.", 8));
    CHECK(st_ends_sentence("Does it?**", 10));
    CHECK(!st_ends_sentence("and why does it matter for", 26));
    /* other scripts' full stops: a sentence, never a topic line */
    static const char *const ENDS[] = {"次の質問です。", "यह उत्तर है।", "هذا هو الجواب۔",
                                       "Und dann…",      "終わり！",   NULL};
    for (const char *const *e = ENDS; *e; e++)
        CHECK(st_ends_sentence(*e, strlen(*e)));
    CHECK(!st_ends_sentence("質問の一覧", strlen("質問の一覧")));
    CHECK(st_starts_lower("  genetic diversity?", 20));
    CHECK(!st_starts_lower("Mitosis produces", 16));
    CHECK(!st_starts_lower("12 cells", 8));
}

int main(void)
{
    test_questions_in_english();
    test_questions_in_french_and_german();
    test_command_words();
    test_labels();
    test_labels_elsewhere();
    test_greek_question_mark();
    test_questions_by_particle();
    test_questions_world();
    test_quiz_instructions();
    test_word_sets();
    test_title_idioms();
    test_numbers_options_captions();
    test_similarity();
    test_sentences();
    return check_done();
}
