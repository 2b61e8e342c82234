/* The study pass on hand-built trees: every recognizer and the shape of
 * what it builds, independent of ingest. */
#include "oct_limits.h"
#include "test_study_support.h"

#include <time.h>

static int line_no;

static oct_span sp(void)
{
    return (oct_span){0, ++line_no, 1};
}

static oct_node *chapter(oct_tree *t)
{
    line_no = 0;
    oct_tree_add_file(t, "notes.md");
    oct_node *ch = oct_node_new(t, OCT_CHAPTER, (oct_span){0, 1, 1});
    ch->u.chapter.title = "Notes";
    oct_node_append(t->root, ch);
    return ch;
}

/* Inlines of s into parent: '\n' is a soft break, "**x**" bold. */
static void add_inlines(oct_tree *t, oct_node *parent, const char *s)
{
    while (*s) {
        if (*s == '\n') {
            oct_node_append(parent, oct_node_new(t, OCT_SOFT_BREAK, sp()));
            s++;
            continue;
        }
        if (strncmp(s, "**", 2) == 0 && strstr(s + 2, "**")) {
            const char *e = strstr(s + 2, "**");
            oct_node *b = oct_node_new(t, OCT_STRONG, (oct_span){0, line_no, 1});
            oct_node_append(b, oct_node_new_text(t, OCT_TEXT, b->span, s + 2, (size_t)(e - s - 2)));
            oct_node_append(parent, b);
            s = e + 2;
            continue;
        }
        size_t n = strcspn(s, "\n");
        const char *b = strstr(s, "**");
        if (b && (size_t)(b - s) < n) n = (size_t)(b - s);
        oct_node_append(parent, oct_node_new_text(t, OCT_TEXT, (oct_span){0, line_no, 1}, s, n));
        s += n;
    }
}

static oct_node *para(oct_tree *t, oct_node *parent, const char *s)
{
    oct_node *p = oct_node_new(t, OCT_PARAGRAPH, sp());
    oct_node_append(parent, p);
    add_inlines(t, p, s);
    return p;
}

static oct_node *heading(oct_tree *t, oct_node *parent, int level, const char *s)
{
    oct_node *h = oct_node_new(t, OCT_SECTION, sp());
    h->u.section.level = level;
    oct_node_append(parent, h);
    add_inlines(t, h, s);
    return h;
}

static oct_node *list(oct_tree *t, oct_node *parent, bool ordered, int start)
{
    oct_node *l = oct_node_new(t, OCT_LIST, sp());
    l->u.list.ordered = ordered;
    l->u.list.start = start;
    l->u.list.delim = '.';
    oct_node_append(parent, l);
    return l;
}

static oct_node *item(oct_tree *t, oct_node *l, const char *s)
{
    oct_node *it = oct_node_new(t, OCT_ITEM, (oct_span){0, line_no + 1, 1});
    oct_node_append(l, it);
    para(t, it, s);
    return it;
}

static oct_node *code(oct_tree *t, oct_node *parent, const char *s)
{
    oct_node *c = oct_node_new_text(t, OCT_CODE_BLOCK, sp(), s, strlen(s));
    oct_node_append(parent, c);
    return c;
}

/* Runs the pass and the common checks: shape, no lost words. */
static qcount study(oct_tree *t)
{
    wordset before = {0};
    words_of_tree(t, &before);
    oct_study_run(t, NULL);
    CHECK(bad_questions(t) == 0);
    CHECK(words_lost(&before, t) == 0);
    words_free(&before);
    return count_questions(t->root);
}

static void test_heading_questions(void)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = chapter(t);
    heading(t, ch, 1, "Django notes");
    heading(t, ch, 2, "What is a view?");
    para(t, ch, "A function that takes a request.");
    heading(t, ch, 3, "Examples");
    code(t, ch, "def index(request): ...");
    heading(t, ch, 2, "Models");
    para(t, ch, "Models map tables.");
    heading(t, ch, 2, "12. Explain middleware");
    heading(t, ch, 2, "How does routing work?");
    qcount q = study(t);
    CHECK(q.questions == 3 && q.answered == 1);
    const oct_node *q1 = nth_question(ch, 0);
    CHECK_STR(text_of(t, q1), "What is a view?");
    /* the answer runs to the next heading of the same level, deeper
     * headings included */
    const oct_node *a = answer_of(q1);
    CHECK(a && a->first->kind == OCT_PARAGRAPH && a->first->next->kind == OCT_SECTION &&
          a->last->kind == OCT_CODE_BLOCK);
    const oct_node *q2 = nth_question(ch, 1);
    CHECK_STR(text_of(t, q2), "Explain middleware");
    CHECK(q2->u.question.number == 12 && !q2->u.question.answered);
    CHECK(ch->first->kind == OCT_SECTION); /* "Django notes" stays a heading */
    oct_tree_free(t);
}

static void test_bold_items(void)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = chapter(t);
    oct_node *l = list(t, ch, true, 11);
    oct_node *i1 = item(t, l, "**What is a model?**\nA Python class.");
    i1->u.item.number = 11;
    oct_node *i2 = item(t, l, "**Define a model:**");
    i2->u.item.number = 12;
    code(t, ch, "class Book(models.Model): ...");
    heading(t, ch, 2, "Terms");
    oct_node *b = list(t, ch, false, 0);
    item(t, b, "**Model**: handles data");
    qcount q = study(t);
    CHECK(q.questions == 2 && q.answered == 2);
    const oct_node *q2 = nth_question(ch, 1);
    CHECK_STR(text_of(t, q2), "Define a model:");
    CHECK(q2->u.question.number == 12);
    /* the code block after the list answers the prompt-only item */
    CHECK(answer_of(q2) && answer_of(q2)->first->kind == OCT_CODE_BLOCK);
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 0))), "A Python class.");
    /* a bold term in a bullet is no question */
    CHECK(ch->last->kind == OCT_LIST);
    oct_tree_free(t);
}

static void test_question_lines(void)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = chapter(t);
    para(t, ch,
         "Some intro text.\nWhat is an ORM?\nExplain settings.py.\nHow do you create a project?");
    para(t, ch, "What is photosynthesis?\nIt turns light into chemical energy.");
    para(t, ch, "Why does it matter for\ngenetic diversity?\nBecause meiosis shuffles alleles.");
    qcount q = study(t);
    CHECK(q.questions == 5 && q.answered == 2);
    CHECK(ch->first->kind == OCT_PARAGRAPH); /* the intro stays a paragraph */
    CHECK_STR(text_of(t, nth_question(ch, 1)), "Explain settings.py.");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 3))), "It turns light into chemical energy.");
    /* a question wrapped over two lines is one prompt */
    CHECK_STR(text_of(t, nth_question(ch, 4)), "Why does it matter for genetic diversity?");
    oct_tree_free(t);
}

static void test_labels(void)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = chapter(t);
    para(t, ch, "Q: What is the basic unit of life?\nA: The cell.");
    para(t, ch, "**Q:** What is osmosis?\n**A:** Water moving across a membrane.");
    para(t, ch, "Question 9: When did Rome fall?");
    para(t, ch, "Answer - In 476 AD.");
    para(t, ch, "More context on the fall.");
    heading(t, ch, 2, "Options");
    para(t, ch, "A: Lydia\nB: undefined");
    para(t, ch, "Answer: an answer with no question");
    qcount q = study(t);
    CHECK(q.questions == 3 && q.answered == 3);
    CHECK_STR(text_of(t, nth_question(ch, 0)), "What is the basic unit of life?");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 0))), "The cell.");
    CHECK_STR(text_of(t, nth_question(ch, 1)), "What is osmosis?");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 1))), "Water moving across a membrane.");
    const oct_node *q3 = nth_question(ch, 2);
    CHECK(q3->u.question.number == 9);
    /* the label goes, the paragraph after the answer belongs to it */
    CHECK_STR(text_of(t, answer_of(q3)), "In 476 AD. More context on the fall.");
    /* an option run "A: … B: …" is no answer, and an orphan label stays */
    CHECK(ch->last->kind == OCT_PARAGRAPH);
    CHECK_STR(text_of(t, ch->last), "Answer: an answer with no question");
    oct_tree_free(t);
}

/* An answer label no question claims takes the paragraph right before it
 * as its question when that reads as a sentence (a quiz bowl tossup, which
 * asks with no mark); a title or a mnemonic's "R - " line stays text, with
 * an orphan-answer warning. "Problem 3." labels a question. */
static void test_labels_without_question(void)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = chapter(t);
    para(t, ch, "Capitals");
    para(t, ch, "Answer: Paris");
    para(t, ch, "Causes of a fever, by the mnemonic FIRE, in order:");
    para(t, ch, "R - Recent travel");
    para(t, ch, "Problem 3. Solve 2x = 8.");
    para(t, ch, "Solution. Halve both sides: x = 4.");
    para(t, ch, "This gas makes up most of the air we breathe.\nFor ten points, name it.");
    para(t, ch, "ANSWER: nitrogen");
    para(t, ch, "This noble gas glows red in signs. For ten points, name it.");
    para(t, ch, "ANSWER: neon");
    oct_diag *d = oct_diag_new(NULL);
    wordset before = {0};
    words_of_tree(t, &before);
    oct_study_run(t, d);
    CHECK(words_lost(&before, t) == 0); /* "Problem 3." and "Solution." are labels */
    words_free(&before);
    qcount q = count_questions(t->root);
    CHECK(q.questions == 3 && q.answered == 3);
    CHECK(nth_question(ch, 0)->u.question.number == 3);
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 0))), "Halve both sides: x = 4.");
    CHECK_STR(text_of(t, nth_question(ch, 1)),
              "This gas makes up most of the air we breathe. For ten points, name it.");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 1))), "nitrogen");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 2))), "neon");
    CHECK(oct_diag_count(d, OCT_WARNING) == 2);
    for (size_t i = 0; i < 2; i++)
        CHECK_STR(oct_diag_at(d, i)->code, "orphan-answer");
    oct_diag_free(d);
    oct_tree_free(t);
}

/* A DETAILS box as ingest makes it: a SUMMARY, then the blocks of `body`
 * (one paragraph each, NULL-terminated). */
static oct_node *details(oct_tree *t, oct_node *parent, const char *summary,
                         const char *const *body)
{
    oct_node *d = oct_node_new(t, OCT_DETAILS, sp());
    oct_node_append(parent, d);
    oct_node *s = oct_node_new(t, OCT_SUMMARY, d->span);
    oct_node_append(d, s);
    add_inlines(t, s, summary);
    for (; body && *body; body++)
        para(t, d, *body);
    return d;
}

static void test_details(void)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = chapter(t);
    para(t, ch, "Which planet is the Red Planet?");
    oct_node *l = list(t, ch, false, 0);
    item(t, l, "A) Venus");
    item(t, l, "B) Mars");
    details(t, ch, "Answer", (const char *const[]){"B) Mars, for its iron oxide.", NULL});
    oct_node_append(ch, oct_node_new(t, OCT_THEMATIC_BREAK, sp()));
    para(t, ch, "The largest ocean is ___.");
    para(t, ch, "A) Atlantic\nB) Pacific");
    details(t, ch, "Hint & answer", (const char *const[]){"B) Pacific <3", NULL});
    details(t, ch, "Answer", (const char *const[]){"Nothing asked", NULL});
    details(t, ch, "12. What is a closure?",
            (const char *const[]){"A function with its scope.", "Used for callbacks.", NULL});
    details(t, ch, "Table of contents", (const char *const[]){"Intro, setup, usage", NULL});
    details(t, ch, "Explain the event loop", (const char *const[]){"One thread, a queue.", NULL});
    oct_diag *d = oct_diag_new(NULL);
    wordset before = {0};
    words_of_tree(t, &before);
    oct_study_run(t, d);
    CHECK(bad_questions(t) == 0);
    CHECK(words_lost(&before, t) == 0);
    words_free(&before);
    qcount q = count_questions(ch);
    CHECK(q.questions == 4 && q.answered == 4);
    const oct_node *q1 = nth_question(ch, 0);
    /* the options join the prompt, the caption goes, the answer stays */
    CHECK_STR(text_of(t, q1), "Which planet is the Red Planet? A) Venus B) Mars");
    CHECK_STR(text_of(t, answer_of(q1)), "B) Mars, for its iron oxide.");
    const oct_node *q2 = nth_question(ch, 1);
    CHECK_STR(text_of(t, q2), "The largest ocean is ___. A) Atlantic B) Pacific");
    /* a caption that says more than "Answer" is kept */
    CHECK_STR(text_of(t, answer_of(q2)), "Hint & answer B) Pacific <3");
    /* a summary that asks is the prompt, its number kept, its body the answer */
    const oct_node *q3 = nth_question(ch, 2);
    CHECK_STR(text_of(t, q3), "What is a closure?");
    CHECK(q3->u.question.number == 12);
    CHECK_STR(text_of(t, answer_of(q3)), "A function with its scope. Used for callbacks.");
    CHECK_STR(text_of(t, nth_question(ch, 3)), "Explain the event loop");
    /* an "Answer" box without a question, and a box that neither asks nor
     * answers: its summary in bold, then its blocks; no DETAILS is left */
    int boxes = 0, bold = 0;
    for (const oct_node *n = ch->first; n; n = n->next) {
        boxes += n->kind == OCT_DETAILS || n->kind == OCT_SUMMARY;
        bold += n->kind == OCT_PARAGRAPH && n->first && n->first->kind == OCT_STRONG;
    }
    CHECK(boxes == 0 && bold == 2);
    CHECK(oct_diag_count(d, OCT_WARNING) == 1);
    CHECK_STR(oct_diag_at(d, 0)->code, "orphan-answer");
    oct_diag_free(d);
    oct_tree_free(t);
}

static void test_pairing(void)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = chapter(t);
    oct_node *l = list(t, ch, true, 1);
    item(t, l, "What is an acid?");
    item(t, l, "What is a base?");
    item(t, l, "what is path parameters and queries?");
    item(t, l, "What is electrolysis?");
    oct_node *a1 = list(t, ch, true, 1);
    item(t, a1, "What is an acid?\nA proton donor.");
    oct_node *a2 = list(t, ch, true, 2);
    item(t, a2, "What is a base?");
    para(t, ch, "A proton acceptor.");
    oct_node *sub = list(t, ch, true, 1);
    item(t, sub, "It turns litmus blue.");
    item(t, sub, "It feels slippery.");
    heading(t, ch, 3, "3. Path parameters vs Query parameters");
    para(t, ch, "Path parameters identify a resource.");
    heading(t, ch, 2, "Other notes");
    qcount q = study(t);
    CHECK(q.questions == 4 && q.answered == 3);
    CHECK_STR(text_of(t, nth_question(ch, 0)), "What is an acid?");
    const oct_node *base = nth_question(ch, 1);
    CHECK_STR(text_of(t, base), "What is a base?");
    CHECK(base->u.question.number == 2);
    /* its numbered sub-points count down: they stay in the answer */
    CHECK(answer_of(base) && answer_of(base)->last->kind == OCT_LIST);
    const oct_node *path = nth_question(ch, 2);
    CHECK(path->u.question.number == 3);
    CHECK_STR(text_of(t, path), "Path parameters vs Query parameters");
    /* the other wording opens the answer */
    CHECK(strstr(text_of(t, answer_of(path)), "what is path parameters and queries?") != NULL);
    /* the unanswered one follows the last answered question, in list order */
    CHECK_STR(text_of(t, nth_question(ch, 3)), "What is electrolysis?");
    CHECK(nth_question(ch, 3)->u.question.number == 4);
    CHECK(!nth_question(ch, 3)->u.question.answered);
    CHECK(ch->last->kind == OCT_SECTION); /* the answer stops at the heading */
    oct_tree_free(t);
}

static void test_contents_links(void)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = chapter(t);
    oct_node *l = list(t, ch, true, 1);
    oct_node *it = oct_node_new(t, OCT_ITEM, sp());
    oct_node_append(l, it);
    oct_node *p = oct_node_new(t, OCT_PARAGRAPH, it->span);
    oct_node_append(it, p);
    oct_node *a = oct_node_new(t, OCT_LINK, it->span);
    a->u.link.url = "#what-is-django";
    oct_node_append(p, a);
    oct_node_append(a, oct_node_new_text(t, OCT_TEXT, it->span, "What is Django?", 15));
    heading(t, ch, 2, "What is Django?");
    para(t, ch, "A web framework.");
    qcount q = study(t);
    /* the contents entry points at the question, it is not one */
    CHECK(q.questions == 1 && q.answered == 1);
    CHECK(ch->first->kind == OCT_LIST);
    oct_tree_free(t);
}

static void test_idempotent_and_stable(void)
{
    oct_buf d1 = OCT_BUF_INIT, d2 = OCT_BUF_INIT;
    for (int round = 0; round < 2; round++) {
        oct_tree *t = oct_tree_new();
        oct_node *ch = chapter(t);
        para(t, ch, "What is X?\nX is a thing.\nWhy Y?");
        heading(t, ch, 2, "How does Z work?");
        para(t, ch, "Z works.");
        oct_study_run(t, NULL);
        oct_buf *d = round ? &d2 : &d1;
        oct_tree_dump(t, t->root, d);
        /* a second run finds nothing new */
        oct_buf again = OCT_BUF_INIT;
        oct_study_run(t, NULL);
        oct_tree_dump(t, t->root, &again);
        CHECK_STR(again.data, d->data);
        oct_buf_free(&again);
        oct_tree_free(t);
    }
    CHECK_STR(d1.data, d2.data);
    oct_buf_free(&d1);
    oct_buf_free(&d2);
}

static void test_empty_and_odd(void)
{
    oct_tree *t = oct_tree_new();
    CHECK(oct_study_run(t, NULL) == 0); /* no chapter at all */
    oct_node *ch = chapter(t);
    oct_node_append(ch, oct_node_new(t, OCT_PARAGRAPH, sp())); /* empty paragraph */
    list(t, ch, true, 1);                                      /* empty list */
    heading(t, ch, 2, "");
    para(t, ch, "?\n??\n");
    oct_study_run(t, NULL);
    CHECK(count_questions(ch).questions == 0);
    CHECK(ch->first != NULL);
    oct_tree_free(t);
}

/* Many questions and one huge paragraph of question lines must go in about
 * linear time. */
static void test_large(void)
{
    enum { N = 20000 };
    oct_tree *t = oct_tree_new();
    oct_node *ch = chapter(t);
    oct_node *p = oct_node_new(t, OCT_PARAGRAPH, sp());
    oct_node_append(ch, p);
    char buf[64];
    for (int i = 0; i < N; i++) {
        if (i) oct_node_append(p, oct_node_new(t, OCT_SOFT_BREAK, sp()));
        snprintf(buf, sizeof buf, "What is item %d?", i);
        oct_node_append(
            p, oct_node_new_text(t, OCT_TEXT, (oct_span){0, line_no, 1}, buf, strlen(buf)));
    }
    oct_node *l = list(t, ch, true, 1);
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "How does part %d work?", i);
        item(t, l, buf);
    }
    clock_t start = clock();
    oct_study_run(t, NULL);
    double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
    /* all 2N are found; past the limit they print as paragraphs again */
    CHECK(count_questions(ch).questions == OCT_LIMIT_QUESTIONS);
    CHECK(secs < 20.0);
    if (secs >= 20.0) fprintf(stderr, "large input took %.1f s\n", secs);
    oct_tree_free(t);
}

/* A question asked inside a labelled answer is the answer's own; one
 * with an answer label after it, or a label of its own, is a question. */
static void test_question_in_answer(void)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = chapter(t);
    para(t, ch,
         "Q.3 State Newton's first law.\nAns. A body keeps its motion unless a force acts.\n"
         "Does this hold in orbit? Yes, which is why probes coast.\n"
         "Why do satellites stay up?\nAns. They fall around the Earth.\n"
         "Q.5 Define mass.\nAns. The amount of matter in a body.");
    qcount q = study(t);
    CHECK(q.questions == 3 && q.answered == 3);
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 0))),
              "A body keeps its motion unless a force acts. Does this hold in orbit? Yes, which "
              "is why probes coast.");
    CHECK_STR(text_of(t, nth_question(ch, 1)), "Why do satellites stay up?");
    CHECK_STR(text_of(t, nth_question(ch, 2)), "Define mass.");
    oct_tree_free(t);
}

int main(void)
{
    test_heading_questions();
    test_question_in_answer();
    test_bold_items();
    test_question_lines();
    test_labels();
    test_labels_without_question();
    test_details();
    test_pairing();
    test_contents_links();
    test_idempotent_and_stable();
    test_empty_and_odd();
    test_large();
    return check_done();
}
