/* Merging questions: precision and recall on question sets written for
 * this test (Python, databases, networking, biology), the Django notes
 * through the real pipeline, --no-merge, and a run at scale. */
#include "test_study_support.h"
#include "study/bank.h"
#include "study/cluster_int.h"

#include <time.h>

/* A subject: its booklet title and keywords, a glossary paragraph (where
 * abbreviations may be defined), groups of wordings that must merge (a
 * group ends at NULL, the list at a second NULL) and pairs that must not. */
typedef struct {
    const char *title, *keyword, *glossary;
    const char *const *groups;
    const char *const (*apart)[2];
    size_t napart;
    const char *lang; /* NULL: "en" */
} subject;

static const char *const PY_GROUPS[] = {
    "What is a decorator in Python?",
    "Explain decorators.",
    "What are Python decorators and how do you use them?",
    NULL,
    "What is the Global Interpreter Lock (GIL)?",
    "Explain the GIL in Python.",
    "What is the global interpreter lock?",
    NULL,
    "What is a list comprehension?",
    "Explain list comprehensions in Python.",
    NULL,
    "What are generators in Python?",
    "What is a generator?",
    "Explain Python generators.",
    NULL,
    "What is the difference between a list and a tuple?",
    "List vs tuple in Python?",
    "How does a list differ from a tuple?",
    NULL,
    "How do you handle exceptions in Python?",
    "How can you handle exceptions in Python?",
    "How to handle exceptions in Python?",
    NULL,
    "Why is Python dynamically typed?",
    "Why is Python considered dynamically typed?",
    NULL,
    "What are *args and **kwargs?",
    "Explain *args and **kwargs in Python.",
    "What do *args and **kwargs mean?",
    NULL,
    "What is a virtual environment?",
    "Explain Python virtual environments.",
    NULL,
    "What is the difference between deep copy and shallow copy?",
    "Shallow copy vs deep copy?",
    "Compare shallow and deep copies in Python.",
    NULL,
    "What is PEP 8?",
    "Explain PEP 8.",
    NULL,
    "How do you reverse a list in Python?",
    "How can you reverse a list?",
    NULL,
    NULL};
static const char *const PY_APART[][2] = {
    {"What is a decorator in Python?", "How do you write a decorator that takes arguments?"},
    {"What is a decorator in Python?", "What is a class decorator?"},
    {"What are generators in Python?", "What are generator expressions?"},
    {"What are generators in Python?", "What is the difference between generators and iterators?"},
    {"What is a list comprehension?", "What is a dictionary comprehension?"},
    {"How do you handle exceptions in Python?", "How do you raise a custom exception?"},
    {"How do you handle exceptions in Python?", "Why should you avoid a bare except?"},
    {"What is the Global Interpreter Lock (GIL)?", "How does the GIL affect multithreading?"},
    {"What is PEP 8?", "What is PEP 20?"},
    {"How do you reverse a list in Python?", "How do you sort a list in Python?"},
    {"What is a virtual environment?", "How do you create a virtual environment?"},
    {"What are *args and **kwargs?", "What are keyword-only arguments?"},
};

static const char *const DB_GROUPS[] = {"What is a primary key?",
                                        "Define primary key.",
                                        "Explain what a primary key is.",
                                        NULL,
                                        "What is a foreign key?",
                                        "What are foreign keys in SQL?",
                                        NULL,
                                        "What is normalization?",
                                        "Explain database normalization.",
                                        "What is normalisation in databases?",
                                        NULL,
                                        "What is the difference between INNER JOIN and LEFT JOIN?",
                                        "INNER JOIN vs LEFT JOIN?",
                                        "How does an inner join differ from a left join?",
                                        NULL,
                                        "What is an index in a database?",
                                        "What are database indexes?",
                                        "Explain indexes in SQL.",
                                        NULL,
                                        "What are ACID properties?",
                                        "Explain the ACID properties.",
                                        NULL,
                                        "What is a transaction in SQL?",
                                        "What are database transactions?",
                                        NULL,
                                        "How do you remove duplicate rows from a table?",
                                        "How can you remove duplicate rows from a SQL table?",
                                        NULL,
                                        "What is the difference between WHERE and HAVING?",
                                        "WHERE vs HAVING clause?",
                                        NULL,
                                        "What is a stored procedure?",
                                        "Explain stored procedures.",
                                        NULL,
                                        "Why do we use indexes?",
                                        "Why are indexes used in databases?",
                                        NULL,
                                        NULL};
static const char *const DB_APART[][2] = {
    {"What is a primary key?", "What is a foreign key?"},
    {"What is a primary key?", "What is a composite primary key?"},
    {"What is normalization?", "What is denormalization?"},
    {"What is normalization?", "What is the third normal form?"},
    {"INNER JOIN vs LEFT JOIN?", "INNER JOIN vs CROSS JOIN?"},
    {"What is an index in a database?", "What is a clustered index?"},
    {"What is an index in a database?", "Why do we use indexes?"},
    {"What is a transaction in SQL?", "How do you roll back a transaction?"},
    {"WHERE vs HAVING clause?", "What is the HAVING clause?"},
    {"What is a stored procedure?",
     "What is the difference between a stored procedure and a function?"},
    {"How do you remove duplicate rows from a table?",
     "How do you find duplicate rows in a table?"},
    {"What is a foreign key?", "How do you add a foreign key constraint?"},
};

static const char *const NET_GROUPS[] = {"What is TCP?",
                                         "Explain the Transmission Control Protocol.",
                                         "What is the Transmission Control Protocol?",
                                         NULL,
                                         "What is the difference between TCP and UDP?",
                                         "TCP vs UDP?",
                                         "Compare TCP and UDP.",
                                         "How does TCP differ from UDP?",
                                         NULL,
                                         "What is DNS?",
                                         "How does the Domain Name System work?",
                                         "Explain DNS.",
                                         NULL,
                                         "What is a subnet mask?",
                                         "Explain subnet masks.",
                                         NULL,
                                         "What happens during the TCP three-way handshake?",
                                         "Explain the TCP three-way handshake.",
                                         NULL,
                                         "What is NAT?",
                                         "Explain Network Address Translation (NAT).",
                                         NULL,
                                         "How do you troubleshoot a slow network connection?",
                                         "How would you troubleshoot a slow network connection?",
                                         NULL,
                                         "What is the OSI model?",
                                         "Explain the seven layers of the OSI model.",
                                         "Describe the OSI model.",
                                         NULL,
                                         NULL};
static const char *const NET_APART[][2] = {
    {"What is TCP?", "What is UDP?"},
    {"What is DNS?", "What is a DNS resolver?"},
    {"What is DNS?", "Why does DNS use UDP?"},
    {"TCP vs UDP?", "What is TCP?"},
    {"What is a subnet mask?", "How do you calculate a subnet mask?"},
    {"What is NAT?", "What is NAT traversal?"},
    {"Explain the TCP three-way handshake.", "Explain the TLS handshake."},
    {"What is the OSI model?", "What is the TCP/IP model?"},
    {"What is an IP address?", "What is a MAC address?"},
    {"What is IPv4?", "What is IPv6?"},
};

static const char *const BIO_GROUPS[] = {"What is photosynthesis?",
                                         "Explain photosynthesis.",
                                         "Describe the process of photosynthesis.",
                                         NULL,
                                         "What is the role of mitochondria?",
                                         "Explain the role of the mitochondria in the cell.",
                                         NULL,
                                         "What is the difference between mitosis and meiosis?",
                                         "Mitosis vs meiosis?",
                                         "How does mitosis differ from meiosis?",
                                         NULL,
                                         "What is DNA replication?",
                                         "Explain how DNA replicates.",
                                         NULL,
                                         "What are enzymes?",
                                         "What is an enzyme?",
                                         "Explain what enzymes are.",
                                         NULL,
                                         "Why do cells need ATP?",
                                         "Why is ATP needed by cells?",
                                         NULL,
                                         "What is natural selection?",
                                         "Explain natural selection.",
                                         NULL,
                                         "List the stages of mitosis.",
                                         "Name the stages of mitosis.",
                                         NULL,
                                         NULL};
static const char *const BIO_APART[][2] = {
    {"What is mitosis?", "What is meiosis?"},
    {"What is photosynthesis?", "What are the light-dependent reactions of photosynthesis?"},
    {"What is DNA replication?", "What is DNA transcription?"},
    {"What are enzymes?", "What factors affect enzyme activity?"},
    {"What is natural selection?", "What is artificial selection?"},
    {"List the stages of mitosis.", "List the stages of meiosis."},
    {"Why do cells need ATP?", "What is ATP?"},
    {"What is the role of mitochondria?", "What is the role of ribosomes?"},
    {"What is a gene?", "What is a gene mutation?"},
    {"What is the difference between mitosis and meiosis?",
     "What is the difference between DNA and RNA?"},
};

#define NAPART(a) (sizeof(a) / sizeof(a)[0])
static const subject SUBJECTS[] = {
    {"Python Interview Questions", "Python", "Python has a Global Interpreter Lock (GIL).",
     PY_GROUPS, PY_APART, NAPART(PY_APART)},
    {"Database Interview Notes", "SQL", "Every table should have a primary key.", DB_GROUPS,
     DB_APART, NAPART(DB_APART)},
    {"Networking Basics", "networking",
     "The Transmission Control Protocol (TCP) and the User Datagram Protocol (UDP) run over "
     "IP; the Domain Name System (DNS) maps names to addresses.",
     NET_GROUPS, NET_APART, NAPART(NET_APART)},
    {"Biology Revision", "biology", "Cells make ATP in their mitochondria.", BIO_GROUPS, BIO_APART,
     NAPART(BIO_APART)},
};

/* --- building a bank --------------------------------------------------------- */

typedef struct {
    oct_tree *t;
    oct_node *ch[3];
    const char *text[256];
    oct_node *q[256];
    size_t n;
} bank;

static oct_node *node(bank *b, oct_kind k, oct_node *parent, unsigned f, const char *s)
{
    oct_span sp = {f, (int)b->n + 1, 1};
    oct_node *n = oct_node_new(b->t, k, sp);
    if (s) oct_node_append(n, oct_node_new_text(b->t, OCT_TEXT, sp, s, strlen(s)));
    oct_node_append(parent, n);
    return n;
}

/* The question worded s (added to source f when new). */
static oct_node *question(bank *b, const char *s, unsigned f)
{
    for (size_t i = 0; i < b->n; i++)
        if (strcmp(b->text[i], s) == 0) return b->q[i];
    if (b->n == 256) return NULL;
    b->text[b->n] = s;
    b->q[b->n] = node(b, OCT_QUESTION, b->ch[f], f, s);
    return b->q[b->n++];
}

static void bank_open(bank *b, const subject *s)
{
    memset(b, 0, sizeof *b);
    b->t = oct_tree_new();
    b->t->meta.lang = s->lang ? s->lang : "en";
    b->t->meta.title = s->title;
    b->t->meta.keywords = (const char **)&s->keyword;
    b->t->meta.nkeywords = 1;
    static const char *const FILES[] = {"a.md", "b.txt", "c.md"};
    for (unsigned f = 0; f < 3; f++) {
        unsigned id = oct_tree_add_file(b->t, FILES[f]);
        b->ch[f] = node(b, OCT_CHAPTER, b->t->root, id, NULL);
    }
    node(b, OCT_PARAGRAPH, b->ch[0], 0, s->glossary);
    unsigned f = 0;
    for (const char *const *g = s->groups; *g; g++, f = 0)
        for (; *g; g++, f = (f + 1) % 3)
            question(b, *g, f);
    for (size_t i = 0; i < s->napart; i++) {
        question(b, s->apart[i][0], 1);
        question(b, s->apart[i][1], 2);
    }
}

typedef struct {
    int tp, fn, fp, tn;
} tally;

static void score_subject(const subject *s, tally *r)
{
    bank b;
    bank_open(&b, s);
    oct_study_cluster(b.t, true);
    for (const char *const *g = s->groups; *g; g++) {
        const char *const *start = g;
        for (; *g; g++)
            for (const char *const *h = start; h < g; h++) {
                bool same = question(&b, *h, 0)->u.question.cluster ==
                            question(&b, *g, 0)->u.question.cluster;
                same ? r->tp++ : r->fn++;
                if (!same) fprintf(stderr, "  missed: \"%s\" ~ \"%s\"\n", *h, *g);
            }
    }
    for (size_t i = 0; i < s->napart; i++) {
        bool same = question(&b, s->apart[i][0], 0)->u.question.cluster ==
                    question(&b, s->apart[i][1], 0)->u.question.cluster;
        same ? r->fp++ : r->tn++;
        if (same) fprintf(stderr, "  WRONG: \"%s\" ~ \"%s\"\n", s->apart[i][0], s->apart[i][1]);
    }
    oct_tree_free(b.t);
}

static void test_precision_recall(void)
{
    tally r = {0};
    for (size_t i = 0; i < sizeof SUBJECTS / sizeof SUBJECTS[0]; i++)
        score_subject(&SUBJECTS[i], &r);
    double precision = r.tp + r.fp ? (double)r.tp / (r.tp + r.fp) : 0;
    double recall = r.tp + r.fn ? (double)r.tp / (r.tp + r.fn) : 0;
    fprintf(stderr,
            "merge pairs %d (merged %d), near-miss pairs %d (merged %d): precision %.3f, "
            "recall %.3f\n",
            r.tp + r.fn, r.tp, r.fp + r.tn, r.fp, precision, recall);
    CHECK(r.tp + r.fn >= 60);
    CHECK(r.fp + r.tn >= 40);
    CHECK(precision >= 0.95);
    CHECK(recall >= 0.8);
}

/* The pairs the issue names, in a small Django bank that defines its
 * abbreviations the way notes do. */
static void test_issue_pairs(void)
{
    static const char *const G[] = {"What are signals in Django?",
                                    "What are Django signals, and how do you use them?",
                                    "Explain the use of Django signals.", NULL, NULL};
    static const char *const A[][2] = {
        {"What is middleware?", "How do you create custom middleware?"},
        {"What is DRF?", "What are serializers in DRF?"},
        {"FBV vs CBV", "When should you use generic class-based views?"},
        {"What are migrations?", "makemigrations vs migrate"},
        {"What is middleware?", "What is custom middleware?"},
    };
    subject s = {"Django Interview Questions",
                 "Django",
                 "Django REST Framework (DRF) builds APIs; function-based views (FBV) and "
                 "class-based views (CBV) handle requests.",
                 G,
                 A,
                 NAPART(A)};
    tally r = {0};
    score_subject(&s, &r);
    CHECK(r.tp == 3 && r.fn == 0);
    CHECK(r.fp == 0 && r.tn == (int)NAPART(A));
}

/* Abbreviations are learned from the booklet's text: without the glossary
 * "NAT" and "Network Address Translation" stay apart. */
static void test_abbreviation_learned(void)
{
    static const char *const G[] = {"What is NAT?", "What is Network Address Translation?", NULL,
                                    NULL};
    subject with = {
        "Networking", "networking", "Routers use Network Address Translation (NAT).", G, NULL, 0};
    subject without = {"Networking", "networking", "Routers forward packets.", G, NULL, 0};
    tally a = {0}, b = {0};
    score_subject(&with, &a);
    score_subject(&without, &b);
    CHECK(a.tp == 1);
    CHECK(b.tp == 0);
}

/* A negation in one wording and not the other asks the opposite: "Is zero
 * not an even number?" answered "No" must not show under "Is zero an even
 * number?". Negated rewordings still merge, and a contraction reads as its
 * two words. Per language: words of the booklet's, in its stop list or
 * not. */
static void test_negation(void)
{
    static const char *const EN_G[] = {"Why doesn't Python have a switch statement?",
                                       "Why does Python not have a switch statement?",
                                       NULL,
                                       "Which of these is not a noble gas?",
                                       "Which one of these is NOT a noble gas?",
                                       NULL,
                                       "Why can't a primary key be NULL?",
                                       "Why cannot a primary key be NULL?",
                                       "Why can a primary key not be null?",
                                       NULL,
                                       "Can a foreign key be NULL?",
                                       "Can foreign keys be null?",
                                       NULL,
                                       NULL};
    static const char *const EN_A[][2] = {
        {"Is zero an even number?", "Is zero not an even number?"},
        {"Which of these is a noble gas?", "Which of these is not a noble gas?"},
        {"Why does Python have a GIL?", "Why doesn’t Python have a GIL?"},
        {"Which planet has moons?", "Which planet has no moons?"},
        {"Which metal is the most reactive?", "Which metal is the least reactive?"},
        {"Which statement about enzymes is correct?",
         "Which statement about enzymes is incorrect?"},
        {"Can a foreign key be NULL?", "Can't a foreign key be NULL?"},
        {"How do you deploy Django with Docker?", "How do you deploy Django without Docker?"},
        {"Which of the following are mammals?", "Which of the following are not mammals?"},
        {"Which of the following are mammals?", "All of the following are mammals EXCEPT which?"},
        {"Is the statement about osmosis true?", "Is the statement about osmosis false?"},
        {"Does a virus ever have a cell wall?", "Does a virus never have a cell wall?"},
    };
    static const char *const DE_G[] = {"Warum ist Null eine gerade Zahl?",
                                       "Warum ist die Null eine gerade Zahl?", NULL, NULL};
    static const char *const DE_A[][2] = {
        {"Ist Null eine gerade Zahl?", "Ist Null keine gerade Zahl?"},
        {"Ist die Null gerade?", "Ist die Null nicht gerade?"},
        {"Ist die Zahl Eins prim?", "Ist die Zahl Eins nie prim?"},
    };
    static const char *const FR_G[] = {"Pourquoi le zéro est-il pair ?",
                                       "Pourquoi zéro est-il pair ?", NULL, NULL};
    static const char *const FR_A[][2] = {
        {"Le zéro est-il un nombre pair ?", "Le zéro n'est-il pas un nombre pair ?"},
        {"Un virus a-t-il une paroi ?", "Un virus n’a-t-il jamais de paroi ?"},
    };
    static const char *const ES_G[] = {"¿Por qué el cero es par?", "¿Por qué es par el cero?", NULL,
                                       NULL};
    static const char *const ES_A[][2] = {
        {"¿Es el cero un número par?", "¿No es el cero un número par?"},
        {"¿Cuál de estos es un gas noble?", "¿Cuál de estos nunca es un gas noble?"},
    };
    const subject S[] = {
        {"Quiz", "quiz", "Notes.", EN_G, EN_A, NAPART(EN_A), "en"},
        {"Quiz", "Quiz", "Notizen.", DE_G, DE_A, NAPART(DE_A), "de"},
        {"Quiz", "quiz", "Notes.", FR_G, FR_A, NAPART(FR_A), "fr"},
        {"Quiz", "quiz", "Notas.", ES_G, ES_A, NAPART(ES_A), "es"},
    };
    int groups[] = {6, 1, 1, 1};
    for (size_t i = 0; i < NAPART(S); i++) {
        tally r = {0};
        score_subject(&S[i], &r);
        CHECK(r.tp == groups[i] && r.fn == 0);
        CHECK(r.fp == 0 && r.tn == (int)S[i].napart);
    }
}

/* A question of framing words alone asks about the heading above it:
 * "What is it used for?" under Volumes and under ConfigMaps are two
 * questions; naming the topic, the same words merge. */
static void test_context(void)
{
    static const char *const ASKS[][2] = {
        {"What is it used for?", "What is it used for?"},
        {"Give an example.", "Give an example."},
        {"Why?", "Why?"},
        {"Explain the difference.", "What is the difference?"},
        {"What is Docker used for?", "What's Docker used for?"}, /* merges */
    };
    const char *const none = NULL;
    const subject S = {"Quiz", "quiz", "Notes.", &none, NULL, 0, "en"};
    bank b;
    bank_open(&b, &S);
    oct_node *q[NAPART(ASKS)][2];
    for (size_t i = 0; i < NAPART(ASKS); i++)
        for (unsigned f = 0; f < 2; f++)
            q[i][f] = node(&b, OCT_QUESTION, b.ch[f + 1], f + 1, ASKS[i][f]);
    oct_study_cluster(b.t, true);
    for (size_t i = 0; i < NAPART(ASKS); i++) {
        bool same = q[i][0]->u.question.cluster == q[i][1]->u.question.cluster;
        CHECK(same == (i + 1 == NAPART(ASKS)));
        if (same != (i + 1 == NAPART(ASKS))) fprintf(stderr, "  context: %s\n", ASKS[i][0]);
    }
    oct_tree_free(b.t);
}

/* An exam question's marks are no part of what it asks: "[1 mark]" after
 * one wording does not keep it from the other's answer. */
static void test_marks(void)
{
    static const struct {
        const char *in, *out;
    } CUT[] = {
        {"What does DNS stand for? [1 mark]", "What does DNS stand for?"},
        {"Explain osmosis. (4 marks)", "Explain osmosis."},
        {"Why is the sky blue? [2]", "Why is the sky blue?"},
        {"Define entropy (5)", "Define entropy"},
        {"Was ist Osmose? (3 Punkte)  ", "Was ist Osmose?"},
        {"Name two halogens. [2 marks] (1)", "Name two halogens."},
        {"Compute f(5)", "Compute f(5)"},
        {"What is PEP 8 (style guide)?", "What is PEP 8 (style guide)?"},
        {"Who wrote [Hamlet]", "Who wrote [Hamlet]"},
        {"(5)", "(5)"},
        {"Explain the list [1, 2]", "Explain the list [1, 2]"},
    };
    for (size_t i = 0; i < NAPART(CUT); i++) {
        size_t n = ct_without_marks(CUT[i].in, strlen(CUT[i].in));
        bool ok = n == strlen(CUT[i].out) && strncmp(CUT[i].in, CUT[i].out, n) == 0;
        if (!ok) fprintf(stderr, "marks: \"%s\" -> \"%.*s\"\n", CUT[i].in, (int)n, CUT[i].in);
        CHECK(ok);
    }
    static const char *const G[] = {"What does DNS stand for? [1 mark]",
                                    "What does DNS stand for?",
                                    "What does DNS stand for? (2 marks)",
                                    NULL,
                                    "Explain osmosis. [4]",
                                    "Explain osmosis.",
                                    "Explain osmosis (5 points)",
                                    NULL,
                                    NULL};
    static const char *const A[][2] = {
        {"Name 2 noble gases. (2 marks)", "Name 3 noble gases. (3 marks)"},
        {"What does DNS stand for? [1 mark]", "What does DNS resolve? [1 mark]"},
    };
    subject s = {"Exam", "exam", "Papers.", G, A, NAPART(A), "en"};
    tally r = {0};
    score_subject(&s, &r);
    CHECK(r.tp == 6 && r.fn == 0);
    CHECK(r.fp == 0 && r.tn == (int)NAPART(A));
}

/* A merged cluster shows its best-typed wording: sentence case, no blank
 * before the question mark, no words in capitals. */
static void test_pick(void)
{
    static const char *const G[] = {"who wrote HAMLET ?",
                                    "Who wrote Hamlet?",
                                    "WHO WROTE HAMLET?",
                                    NULL,
                                    "what is the capital of peru?",
                                    "What is the capital of Peru ?",
                                    "What is the capital of Peru?",
                                    NULL,
                                    NULL};
    static const char *const WANT[] = {"Who wrote Hamlet?", "What is the capital of Peru?"};
    subject s = {"Quiz", "quiz", "Trivia.", G, NULL, 0, "en"};
    bank b;
    bank_open(&b, &s);
    oct_study_cluster(b.t, true);
    oct_bank k;
    oct_bank_init(&k, b.t);
    CHECK(k.nclusters == 2);
    oct_buf tmp = OCT_BUF_INIT, text = OCT_BUF_INIT;
    for (size_t c = 0; c < k.nclusters && c < 2; c++) {
        oct_bank_prompt_text(k.q[oct_bank_pick(&k, c)], &tmp, &text);
        if (strcmp(text.data, WANT[c]) != 0) fprintf(stderr, "picked \"%s\"\n", text.data);
        CHECK_STR(text.data, WANT[c]);
    }
    oct_buf_free(&tmp);
    oct_buf_free(&text);
    oct_bank_free(&k);
    oct_tree_free(b.t);
}

/* --no-merge: every question its own cluster, numbered in document order;
 * with merging, numbers are still dense and in order of first members. */
static void test_numbering(void)
{
    bank b;
    bank_open(&b, &SUBJECTS[3]);
    oct_study_cluster(b.t, false);
    size_t n = 0;
    oct_node **qs = oct_node_collect(b.t->root, OCT_QUESTION, &n);
    for (size_t i = 0; i < n; i++)
        CHECK(qs[i]->u.question.cluster == (int)i + 1);
    oct_study_cluster(b.t, true);
    int top = 0;
    for (size_t i = 0; i < n; i++) {
        int c = qs[i]->u.question.cluster;
        CHECK(c >= 1 && c <= top + 1); /* a new cluster gets the next number */
        if (c > top) top = c;
    }
    CHECK(top < (int)n); /* something merged */
    free(qs);
    oct_tree_free(b.t);
}

/* --- the Django notes through ingest and the study pass ---------------------- */

static const char *const DJANGO_FILES[] = {
    "000-general-questions.txt", "001-categorized-list.txt", "002-hundred-item-guide.txt",
    "003-twenty-six-answered.txt", "004-categorized-bullets.txt"};

static const oct_node *find_q(oct_tree *t, const char *prefix, unsigned file)
{
    size_t n = 0;
    oct_node **qs = oct_node_collect(t->root, OCT_QUESTION, &n);
    const oct_node *hit = NULL;
    for (size_t i = 0; i < n && !hit; i++)
        if (qs[i]->span.file == file && strncmp(text_of(t, qs[i]), prefix, strlen(prefix)) == 0)
            hit = qs[i];
    free(qs);
    if (!hit) fprintf(stderr, "no question \"%s\" in file %u\n", prefix, file);
    return hit;
}

static int cluster_of(oct_tree *t, const char *prefix, unsigned file)
{
    const oct_node *q = find_q(t, prefix, file);
    return q ? q->u.question.cluster : -1;
}

/* Both questions exist and sit in different clusters. */
static void apart(oct_tree *t, const char *a, unsigned fa, const char *b, unsigned fb)
{
    int ca = cluster_of(t, a, fa), cb = cluster_of(t, b, fb);
    CHECK(ca > 0 && cb > 0 && ca != cb);
}

static void test_django(void)
{
    oct_tree *t = oct_tree_new();
    static const char *const KW[] = {"Django", "Python", "interview", "web development"};
    t->meta.lang = "en";
    t->meta.title = "Django Interview Questions";
    t->meta.keywords = (const char **)KW;
    t->meta.nkeywords = 4;
    char rel[256];
    for (int i = 0; i < 5; i++) {
        snprintf(rel, sizeof rel, "content/django/%s", DJANGO_FILES[i]);
        if (!ingest_file(t, rel, DJANGO_FILES[i], NULL)) {
            CHECK(0);
            oct_tree_free(t);
            return;
        }
    }
    oct_study_run(t, NULL);
    int sig = cluster_of(t, "What are signals in Django?", 1);
    CHECK(sig > 0);
    CHECK(cluster_of(t, "What are Django signals and how are they used?", 1) == sig);
    CHECK(cluster_of(t, "What are signals in Django?", 2) == sig);
    CHECK(cluster_of(t, "What are Django signals? How are they used?", 3) == sig);
    CHECK(cluster_of(t, "What are Django signals, and how do you use them?", 4) == sig);
    apart(t, "What are signals in Django?", 1, "Explain Django's pre_save", 4);
    size_t n = 0;
    oct_node **qs = oct_node_collect(t->root, OCT_QUESTION, &n);
    fprintf(stderr, "Django signals cluster %d:\n", sig);
    for (size_t i = 0; i < n; i++)
        if (qs[i]->u.question.cluster == sig)
            fprintf(stderr, "  %s:%d %s\n", t->files[qs[i]->span.file], qs[i]->span.line,
                    text_of(t, qs[i]));
    free(qs);
    /* the pairs that must stay apart, as these notes word them */
    apart(t, "What is middleware?", 2, "How do you create custom middleware", 4);
    apart(t, "What is DRF?", 2, "What are serializers in DRF?", 2);
    apart(t, "makemigrations vs migrate", 2, "What are Django migrations", 0);
    apart(t, "FBV vs CBV:", 2, "FBV vs CBV in DRF:", 2);
    /* and a merge the issue names: middleware asked in 000 and 002 */
    CHECK(cluster_of(t, "What is Django middleware", 0) == cluster_of(t, "What is middleware?", 2));
    /* the same words, all of them framing or the booklet's subject, still
     * ask the same thing (002 answers it, 004 only asks it) */
    CHECK(cluster_of(t, "What is Django, and why is it used?", 2) ==
          cluster_of(t, "What is Django, and why is it used?", 4));
    oct_tree_free(t);
}

/* --- scale ------------------------------------------------------------------- */

/* 100 copies of 300 generated questions, each copy with its own words. */
static void test_scale(void)
{
    static const char *const FORMS[] = {"What is %s?",
                                        "Explain %s.",
                                        "How do you configure %s with %s?",
                                        "What is the difference between %s and %s?",
                                        "Why is %s used in %s?",
                                        "List the types of %s.",
                                        "What are %s and how do you use them?",
                                        "%s vs %s?",
                                        "How can you debug %s in %s?",
                                        "Describe the %s of %s."};
    oct_tree *t = oct_tree_new();
    t->meta.lang = "en";
    unsigned f = oct_tree_add_file(t, "big.md");
    oct_span sp = {f, 1, 1};
    oct_node *ch = oct_node_new(t, OCT_CHAPTER, sp);
    oct_node_append(t->root, ch);
    char a[32], b[32], s[128];
    for (int copy = 0; copy < 100; copy++)
        for (int k = 0; k < 300; k++) {
            snprintf(a, sizeof a, "term%dq%d", copy, k % 37);
            snprintf(b, sizeof b, "tool%dz%d", copy, (k * 7) % 23);
            snprintf(s, sizeof s, FORMS[k % 10], a, b);
            oct_node *q = oct_node_new(t, OCT_QUESTION, sp);
            oct_node_append(q, oct_node_new_text(t, OCT_TEXT, sp, s, strlen(s)));
            oct_node_append(ch, q);
        }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    oct_study_cluster(t, true);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    size_t n = 0;
    oct_node **qs = oct_node_collect(t->root, OCT_QUESTION, &n);
    int top = 0;
    bool cross = false;
    for (size_t i = 0; i < n; i++) {
        if (qs[i]->u.question.cluster > top) top = qs[i]->u.question.cluster;
        /* copies share no word: no cluster spans two of them */
        if (i >= 300 && qs[i]->u.question.cluster <= qs[i - i % 300 - 1]->u.question.cluster)
            cross = true;
    }
    fprintf(stderr, "scale: %zu questions, %d clusters, %.3f s\n", n, top, secs);
    CHECK(n == 30000);
    CHECK(!cross);
    CHECK(top < 30000 && top > 300 * 100 / 10);
    free(qs);
    oct_tree_free(t);
}

int main(void)
{
    test_precision_recall();
    test_issue_pairs();
    test_abbreviation_learned();
    test_negation();
    test_context();
    test_marks();
    test_pick();
    test_numbering();
    test_django();
    test_scale();
    return check_done();
}
