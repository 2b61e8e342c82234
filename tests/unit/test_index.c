/* The index (study/index.c) on notes written for it in three subjects and
 * languages: what is a term and what is not, abbreviations, keywords,
 * merging, the cap on places, and the order of the booklet's language. */
#include "check.h"
#include "ingest/ingest.h"
#include "study/index.h"
#include "study/study.h"
#include "tree/tree.h"

#include <stdio.h>
#include <string.h>

static oct_tree *studied(const char *lang, const char *const *kw, const char *md)
{
    oct_tree *t = oct_tree_new();
    size_t nk = 0;
    while (kw && kw[nk])
        nk++;
    oct_topic *tp = oct_arena_alloc(t->arena, sizeof *tp);
    *tp = (oct_topic){"Topic", (const char **)kw, nk, 1};
    t->meta.lang = lang;
    t->meta.title = "Notes";
    t->meta.topics = nk ? tp : NULL;
    t->meta.ntopics = nk ? 1 : 0;
    oct_diag *d = oct_diag_new(NULL);
    oct_ingest_options o = {.normalize = true};
    oct_ingest_source(t, "notes.md", md, strlen(md), NULL, &o, d);
    oct_study_run(t, d);
    oct_tree_assign_ids(t);
    oct_diag_free(d);
    return t;
}

static const oct_index_term *term(const oct_index *ix, const char *text)
{
    size_t n;
    const oct_index_term *t = oct_index_terms(ix, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].text, text) == 0) return &t[i];
    return NULL;
}

static size_t position(const oct_index *ix, const char *text)
{
    size_t n;
    const oct_index_term *t = oct_index_terms(ix, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].text, text) == 0) return i;
    return (size_t)-1;
}

static void expect_term(const oct_index *ix, const char *text, bool yes)
{
    bool got = term(ix, text) != NULL;
    if (got != yes) fprintf(stderr, "%s: expected %s\n", text, yes ? "a term" : "no term");
    CHECK(got == yes);
}

static const char PYTHON[] =
    "# Python notes\n\n"
    "## 1. What is the Global Interpreter Lock (GIL)?\n\n"
    "The **GIL** lets one thread run Python bytecode at a time. **Answer:** see below.\n"
    "Use `threading.Thread` for I/O and `multiprocessing` for CPU work; a\n"
    "`for i in range(10): print(i)` loop shows nothing about it.\n\n"
    "## 2. What does `list.append()` do?\n\n"
    "It adds one item. **This is very important to remember every single time.**\n"
    "Compare `list.extend()` and the decorators below. `Path` and `path` differ.\n\n"
    "## 3. How do decorators work?\n\n"
    "A **decorator** wraps a function; `@functools.wraps` keeps its name. The GIL\n"
    "is not involved. Templates use `{% url 'home' pk=1 %}` and run `pip install "
    "requests`.\n\n"
    "1. **What is a generator?**\n\n"
    "   It yields values lazily.\n";

static void test_python(void)
{
    static const char *const kw[] = {"decorator", "thread", NULL};
    oct_tree *t = studied("en", kw, PYTHON);
    oct_index *ix = oct_index_build(t);
    expect_term(ix, "threading.Thread", true);
    expect_term(ix, "multiprocessing", true);
    expect_term(ix, "list.append()", true);
    expect_term(ix, "@functools.wraps", true);
    expect_term(ix, "{% url %}", true);
    expect_term(ix, "pip install requests", true);
    expect_term(ix, "Path", true);
    expect_term(ix, "path", true);
    expect_term(ix, "for i in range(10): print(i)", false);
    expect_term(ix, "Answer", false);
    expect_term(ix, "This is very important to remember every single time.", false);
    expect_term(ix, "What is a generator?", false);
    /* bold GIL and the abbreviation are one entry, with its expansion */
    const oct_index_term *gil = term(ix, "GIL");
    CHECK(gil != NULL);
    if (gil) {
        CHECK_STR(gil->expansion, "Global Interpreter Lock");
        CHECK(!gil->code);
        CHECK(gil->nlocs == 2); /* questions 1 and 3 */
        CHECK(gil->locs[0].target->kind == OCT_QUESTION && gil->locs[0].target->id);
    }
    /* the keyword "decorator" meets "decorators" and the bold "decorator" */
    const oct_index_term *dec = term(ix, "decorator");
    CHECK(dec != NULL && dec->nlocs == 2);
    const oct_index_term *code = term(ix, "list.append()");
    CHECK(code && code->code && code->locs[0].len == 0 && code->locs[0].node->kind == OCT_CODE);
    CHECK(position(ix, "decorator") < position(ix, "GIL"));
    CHECK(position(ix, "{% url %}") > position(ix, "threading.Thread")); /* sorts as "url" */
    oct_index_free(ix);
    oct_tree_free(t);
}

/* German notes on version control: collation puts Ä with A. */
static const char GERMAN[] =
    "# Versionsverwaltung\n\n"
    "## 1. Was ist ein Version Control System (VCS)?\n\n"
    "Ein **VCS** speichert jede **Änderung**. Die **Ablage** heißt Repository.\n\n"
    "## 2. Wie erstellt man einen Zweig?\n\n"
    "Mit `git branch neu` entsteht ein **Zweig**; `git rebase` setzt ihn um. Jeder\n"
    "**Commit** hat eine Nummer. **Wichtig:** nie auf `main` umschreiben.\n";

static void test_german(void)
{
    static const char *const kw[] = {"Repository", NULL};
    oct_tree *t = studied("de", kw, GERMAN);
    oct_index *ix = oct_index_build(t);
    expect_term(ix, "git branch neu", true);
    expect_term(ix, "git rebase", true);
    expect_term(ix, "Zweig", true);
    expect_term(ix, "Wichtig", false);
    expect_term(ix, "Repository", true);
    const oct_index_term *vcs = term(ix, "VCS");
    CHECK(vcs && vcs->expansion && strcmp(vcs->expansion, "Version Control System") == 0);
    size_t a = position(ix, "Ablage"), ae = position(ix, "Änderung"), c = position(ix, "Commit"),
           z = position(ix, "Zweig");
    CHECK(a < ae && ae < c && c < z);
    const oct_index_term *aend = term(ix, "Änderung");
    CHECK(aend && strcmp(aend->group, "A") == 0);
    oct_index_free(ix);
    oct_tree_free(t);
}

/* French biology notes, and a term in more questions than the cap. */
static void test_french_cap(void)
{
    char md[8192] = "# Biologie\n\n";
    size_t len = strlen(md);
    static const char *const words[] = {"**Écran**", "**Ecorce**", "**Fenêtre**"};
    for (int i = 1; i <= 14; i++)
        len += (size_t)snprintf(md + len, sizeof md - len,
                                "## %d. Qu'est-ce que la cellule numéro %d ?\n\n"
                                "La `mitochondrie` produit l'énergie ; voir %s.\n\n",
                                i, i, words[i % 3]);
    oct_tree *t = studied("fr", NULL, md);
    oct_index *ix = oct_index_build(t);
    const oct_index_term *mito = term(ix, "mitochondrie");
    CHECK(mito != NULL);
    if (mito) CHECK(mito->nlocs == OCT_INDEX_MAX_LOCS); /* 14 questions, 10 listed */
    size_t e1 = position(ix, "Ecorce"), e2 = position(ix, "Écran"), f = position(ix, "Fenêtre");
    CHECK(e1 < e2 && e2 < f); /* French order, not bytes ("É" > "F") */
    CHECK(term(ix, "Écran") && strcmp(term(ix, "Écran")->group, "E") == 0);
    oct_index_free(ix);
    oct_tree_free(t);
}

/* A handful of terms, or a short list of code names only, is no index;
 * the Python notes (words and code) are. */
static void test_worth_printing(void)
{
    oct_tree *t = studied("en", NULL,
                          "# Shell\n\n## 1. How to list files?\n\nUse `ls -la` or `find .`.\n\n"
                          "## 2. How to copy?\n\nUse `cp -r`.\n");
    oct_index *ix = oct_index_build(t);
    size_t n;
    oct_index_terms(ix, &n);
    CHECK(n >= 2);
    CHECK(!oct_index_worth_printing(ix));
    oct_index_free(ix);
    oct_tree_free(t);
    static const char *const kw[] = {"decorator", "thread", NULL};
    t = studied("en", kw, PYTHON);
    ix = oct_index_build(t);
    CHECK(oct_index_worth_printing(ix));
    oct_index_free(ix);
    oct_tree_free(t);
    CHECK(!oct_index_worth_printing(NULL));
}

int main(void)
{
    test_worth_printing();
    test_python();
    test_german();
    test_french_cap();
    return check_done();
}
