/* Random notes stitched from the fragments the recognizers look for
 * (questions, labels, options, <details> tags, numbered lists, headings,
 * code fences), through ingest and the pass: no crash, a well-formed
 * question bank, no word lost, valid JSON, whatever the mix. Deterministic
 * (fixed seed) so a failure can be replayed. */
#include "test_study_support.h"

static const char *const FRAGMENTS[] = {
    "What is a closure?",
    "Explain the GIL.",
    "how does the cache work",
    "Q: What is osmosis?",
    "A: Water moving across a membrane.",
    "Q7) Why is the sky blue?",
    "Answer - Rayleigh scattering.",
    "Answer:",
    "Question 3: Name two noble gases.",
    "1. What is an acid?",
    "2. What is a base?",
    "3. Explain pH.",
    "1. Put on goggles.",
    "12. **Define a model:**",
    "   ```python",
    "   class A: pass",
    "   ```",
    "```",
    "- A) Venus",
    "- B) Mars",
    "a) Oxygen",
    "b) Carbon dioxide",
    "<details><summary>Answer</summary>",
    "<details>",
    "<summary>Show answer</summary>",
    "</details>",
    "<p>",
    "</p>",
    "<details><summary>Answer</summary>B) Mars</details>",
    "## Chapter two",
    "### What is a monad?",
    "# Notes",
    "---",
    "Plain prose that explains things.",
    "When the server starts, it reads settings.",
    "1. Django Basics",
    "Qu'est-ce que la mitose ?",
    "Erklären Sie die Photosynthese.",
    "**Q:** What is DNA?",
    "**What is RNA?** A copy of DNA.",
    "> What is quoted?",
    "| a | b |",
    "|---|---|",
    "| What? | x |",
    "",
    "",
    "",
};
enum { NFRAG = sizeof FRAGMENTS / sizeof FRAGMENTS[0] };

static unsigned long long rng = 0x9E3779B97F4A7C15ull;

static unsigned next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

/* Blocks the study pass makes or moves (questions, their wordings and
 * answers) are all found by oct_node_collect, which skips the inside of
 * nodes made for inlines unless they hold a block: counted against a walk
 * of every node. */
static int collect_misses(oct_tree *t)
{
    static const oct_kind KINDS[] = {OCT_QUESTION,  OCT_ANSWER,     OCT_WORDING,   OCT_SECTION,
                                     OCT_PARAGRAPH, OCT_CODE_BLOCK, OCT_LIST,      OCT_ITEM,
                                     OCT_DETAILS,   OCT_SUMMARY,    OCT_TABLE_CELL};
    int misses = 0;
    for (size_t k = 0; k < sizeof KINDS / sizeof *KINDS; k++) {
        size_t walked = 0, n;
        oct_iter it;
        oct_iter_init(&it, t->root);
        for (const oct_node *c; (c = oct_iter_next_node(&it));)
            walked += c->kind == KINDS[k];
        free(oct_node_collect(t->root, KINDS[k], &n));
        misses += n != walked;
    }
    return misses;
}

static void one_document(int round)
{
    oct_buf doc = OCT_BUF_INIT;
    int lines = 5 + (int)(next_rand() % 60);
    for (int i = 0; i < lines; i++) {
        oct_buf_puts(&doc, FRAGMENTS[next_rand() % NFRAG]);
        oct_buf_putc(&doc, '\n');
    }
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_ingest_options o = {.keep_filler = true, .normalize = true};
    char name[32];
    snprintf(name, sizeof name, "fuzz-%d.md", round);
    oct_node *ch = oct_ingest_source(t, name, doc.data, doc.len, NULL, &o, d);
    CHECK(ch != NULL);
    wordset before = {0};
    words_of_tree(t, &before);
    oct_study_run(t, d);
    oct_tree_assign_ids(t);
    int bad = bad_questions(t), lost = words_lost(&before, t);
    CHECK(collect_misses(t) == 0);
    CHECK(bad == 0);
    CHECK(lost == 0);
    oct_buf j = OCT_BUF_INIT;
    oct_study_write_json(t, d, &j);
    CHECK(j.data && j.data[0] == '{' && j.data[j.len - 2] == '}');
    if (bad || lost) fprintf(stderr, "--- round %d input:\n%s---\n", round, doc.data);
    oct_buf_free(&j);
    words_free(&before);
    oct_diag_free(d);
    oct_tree_free(t);
    oct_buf_free(&doc);
}

int main(void)
{
    for (int round = 0; round < 1000; round++)
        one_document(round);
    return check_done();
}
