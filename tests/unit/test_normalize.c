/* The plain-text normalizer: code and table detection on notes in several
 * styles and languages (tests/data/normalize/), prose that must stay prose,
 * artefacts, chat filler, the line map, idempotence on every fixture, on
 * the Django notes and on the GFM spec examples (real Markdown must pass
 * through unchanged). */
#define _GNU_SOURCE /* memmem */
#include "check.h"
#include "corpus.h"
#include "diag.h"
#include "ingest/normalize/normalize.h"
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *src_path(const char *rel)
{
    const char *root = getenv("OCTAVO_SRC");
    if (!root) root = OCTAVO_DATA_DIR;
    size_t n = strlen(root) + strlen(rel) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", root, rel);
    return p;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n < 2) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

enum { KEEP = 1, PLAIN = 2 }; /* --keep-filler; a .txt source */

/* Normalizes text; diagnostics go to *diag (created here, caller frees). */
static oct_normalized norm(const char *text, size_t len, unsigned how, oct_diag **diag)
{
    oct_normalized out;
    oct_normalize_options opts = {.keep_filler = how & KEEP, .plain = how & PLAIN};
    *diag = oct_diag_new(NULL);
    int rc = oct_normalize("notes.txt", text, len, &opts, &out, *diag);
    CHECK(rc == 0);
    return out;
}

static char *norm_str(const char *text)
{
    oct_diag *d;
    oct_normalized out = norm(text, strlen(text), 0, &d);
    char *s = out.text;
    free(out.line_map);
    oct_diag_free(d);
    return s;
}

/* Code blocks and tables as cmark-gfm (with the table extension) sees
 * them; lang_counts[k] counts fences whose info string is langs[k]. */
typedef struct {
    int code, tables;
    int by_lang[16];
} census;

static const char *const LANGS[] = {"python", "bash",       "sql",        "html", "django", "json",
                                    "yaml",   "javascript", "dockerfile", "",     NULL};

static census count_blocks(const char *md, size_t len)
{
    census c = {0};
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
    cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
    cmark_parser_feed(p, md, len);
    cmark_node *doc = cmark_parser_finish(p);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node *n = cmark_iter_get_node(it);
        if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK) {
            c.code++;
            const char *info = cmark_node_get_fence_info(n);
            for (int k = 0; LANGS[k]; k++)
                if (info && strcmp(info, LANGS[k]) == 0) c.by_lang[k]++;
        } else if (strcmp(cmark_node_get_type_string(n), "table") == 0) {
            c.tables++;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    cmark_parser_free(p);
    return c;
}

static int lang_count(const census *c, const char *lang)
{
    for (int k = 0; LANGS[k]; k++)
        if (strcmp(LANGS[k], lang) == 0) return c->by_lang[k];
    return -1;
}

static size_t count_lines(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == '\n';
    return n + (len > 0 && s[len - 1] != '\n');
}

/* Pointer to line `no` (1-based) of s and its length. */
static const char *line_at(const char *s, size_t len, size_t no, size_t *n)
{
    size_t cur = 1, i = 0;
    while (i < len && cur < no)
        cur += s[i++] == '\n';
    const char *e = memchr(s + i, '\n', len - i);
    *n = e ? (size_t)(e - (s + i)) : len - i;
    return s + i;
}

static bool fence_like(const char *s, size_t n)
{
    return n >= 3 && (memcmp(s, "```", 3) == 0 || memcmp(s, "~~~", 3) == 0);
}

/* Every output line points at a source line, in order, and text the
 * normalizer kept is found in the line it points at. */
static void check_line_map(const char *name, const char *src, size_t slen,
                           const oct_normalized *out)
{
    size_t nsrc = count_lines(src, slen);
    int ok = out->nlines == count_lines(out->text, out->len);
    int prev = 1;
    for (size_t i = 0; i < out->nlines && ok; i++) {
        int m = out->line_map[i];
        if (m < 1 || (size_t)m > nsrc || m < prev) ok = 0;
        prev = m;
        size_t on, sn;
        const char *o = line_at(out->text, out->len, i + 1, &on);
        const char *s = line_at(src, slen, (size_t)m, &sn);
        while (on > 0 && (*o == ' ' || *o == '\t'))
            o++, on--;
        while (on > 0 && (o[on - 1] == ' ' || o[on - 1] == '\t'))
            on--;
        if (on == 0 || o[0] == '|' || fence_like(o, on)) continue;
        bool found = false;
        for (size_t k = 0; k + on <= sn && !found; k++)
            found = memcmp(s + k, o, on) == 0;
        /* an item written without a marker got "- " (normalize_items.c), a
         * deck's card "Q: " and "A: " (normalize_deck.c) */
        size_t skip = on > 2 && o[0] == '-' && o[1] == ' '                                   ? 2
                      : on > 3 && (o[0] == 'Q' || o[0] == 'A') && o[1] == ':' && o[2] == ' ' ? 3
                                                                                             : 0;
        /* a glossary's term set bold ("- **term** - meaning"): without its signs */
        char bare[512];
        const char *close = on > 4 && on < sizeof bare && skip == 2 && !memcmp(o + 2, "**", 2)
                                ? memmem(o + 4, on - 4, "**", 2)
                                : NULL;
        if (close) {
            size_t t = (size_t)(close - o) - 4;
            memcpy(bare, o + 4, t);
            memcpy(bare + t, close + 2, on - t - 6);
            o = bare;
            on -= 6;
            skip = 0;
            for (size_t k = 0; !found && k + on <= sn; k++)
                found = memcmp(s + k, o, on) == 0;
        }
        for (size_t k = 0; !found && skip && k + on - skip <= sn; k++)
            found = memcmp(s + k, o + skip, on - skip) == 0;
        if (!found) {
            fprintf(stderr, "%s: output line %zu \"%.*s\" not in source line %d\n", name, i + 1,
                    (int)on, o, m);
            ok = 0;
        }
    }
    CHECK(ok);
}

static void check_idempotent(const char *name, const oct_normalized *first, unsigned how)
{
    oct_diag *d;
    oct_normalized again = norm(first->text, first->len, how, &d);
    bool same = again.len == first->len && memcmp(again.text, first->text, first->len) == 0;
    if (!same) fprintf(stderr, "%s: normalizing twice changes the text\n", name);
    CHECK(same);
    CHECK(oct_diag_size(d) == 0);
    oct_normalized_release(&again);
    oct_diag_free(d);
}

/* A fixture: its normalized form equals NAME.expected, it parses into the
 * given code blocks (by fence language) and tables, its line map holds,
 * and normalizing it again changes nothing. */
typedef struct {
    const char *name;
    int tables;
    const char *langs; /* "python:7 bash:1"; ":3" counts fences without a language */
    int code;
} fixture;

static void check_langs(const char *name, const census *c, const char *p)
{
    while (p && *p) {
        char lang[32] = "";
        int want, used;
        if (*p == ':') {
            if (sscanf(p, ":%d%n", &want, &used) != 1) break;
        } else if (sscanf(p, "%31[^:]:%d%n", lang, &want, &used) != 2) {
            break;
        }
        int got = lang_count(c, lang);
        if (got != want) fprintf(stderr, "%s: %d '%s' blocks, want %d\n", name, got, lang, want);
        CHECK(got == want);
        p += used;
        while (*p == ' ')
            p++;
    }
}

static void check_fixture(const fixture *fx)
{
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/normalize/%s", fx->name);
    char *path = src_path(rel);
    size_t len;
    char *text = read_all(path, &len);
    CHECK(text != NULL);
    if (!text) {
        fprintf(stderr, "missing fixture %s\n", path);
        free(path);
        return;
    }
    oct_diag *d;
    size_t nl = strlen(fx->name);
    unsigned how = nl > 4 && strcmp(fx->name + nl - 4, ".txt") == 0 ? PLAIN : 0;
    oct_normalized out = norm(text, len, how, &d);

    snprintf(rel, sizeof rel, "tests/data/normalize/%s.expected", fx->name);
    char *epath = src_path(rel);
    size_t elen;
    char *expected = read_all(epath, &elen);
    CHECK(expected != NULL);
    if (expected && (elen != out.len || memcmp(expected, out.text, elen) != 0)) {
        fprintf(stderr, "%s: output differs from %s\n----\n%s----\n", fx->name, epath, out.text);
        CHECK(!"output matches the expected file");
    }

    census c = count_blocks(out.text, out.len);
    if (c.tables != fx->tables || c.code != fx->code)
        fprintf(stderr, "%s: %d tables, %d code blocks\n", fx->name, c.tables, c.code);
    CHECK(c.tables == fx->tables);
    CHECK(c.code == fx->code);
    check_langs(fx->name, &c, fx->langs);
    check_line_map(fx->name, text, len, &out);
    check_idempotent(fx->name, &out, how);
    oct_normalized_release(&out);
    oct_diag_free(d);
    free(expected);
    free(epath);
    free(text);
    free(path);
}

static void test_fixtures(void)
{
    static const fixture fixtures[] = {
        {"chemistry-sql.txt", 1, "sql:2", 2},
        {"python-de.txt", 0, "python:7 bash:1", 8},
        {"shell-fr.txt", 0, "bash:7", 7},
        {"js-snippets.txt", 0, "javascript:4 json:1", 5},
        {"yaml-config.txt", 0, "yaml:2 dockerfile:1", 3},
        {"html-template.txt", 0, "django:3", 3},
        {"tables-mixed.txt", 3, "python:1 bash:1", 2},
        {"tables-plain.txt", 2, "", 0},
        {"columns-two.txt", 2, "", 0},
        {"list-code.txt", 0, "bash:3", 3},
        {"markdown-clean.md", 1, "bash:2 python:1 :3", 6},
        {"prose-traps.txt", 0, "", 0},
        {"filler.txt", 0, "", 0},
        {"items.txt", 0, ":1", 1},
        {"deck.txt", 0, "", 0},
        {"csv-rows.txt", 3, "", 0},
    };
    for (size_t i = 0; i < sizeof fixtures / sizeof *fixtures; i++)
        check_fixture(&fixtures[i]);
}

/* Markdown the author wrote, and prose, never change. */
static void test_unchanged(void)
{
    static const char *const names[] = {"markdown-clean.md", "prose-traps.txt"};
    for (size_t i = 0; i < 2; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "tests/data/normalize/%s", names[i]);
        char *path = src_path(rel);
        size_t len;
        char *text = read_all(path, &len);
        CHECK(text != NULL);
        if (text) {
            char *out = norm_str(text);
            CHECK_STR(out, text);
            free(out);
        }
        free(text);
        free(path);
    }
}

static void test_prose_lines(void)
{
    static const char *const prose[] = {
        "Use select_related and prefetch_related\n",
        "Install Dependencies\n",
        "Example of inefficient query:\n",
        "Configure ALLOWED_HOSTS and DEBUG=False in settings.py\n",
        "Authorization: Token <token>\n",
        "class Meta is a common pattern in Django.\n",
        "Authentication = process of verifying who a user or system is (identity).\n",
        ("QuerySet: Represents a collection of database records.\n"
         "Manager: Provides the API for database queries.\n"), /* two lines, one text */
        "Client sends Authorization: Basic base64(user:pass) each request.\n",
        "python is easy\ngit is a version control system\n",
        "F = m * a\nE = mc^2\n",
    };
    for (size_t i = 0; i < sizeof prose / sizeof *prose; i++) {
        char *out = norm_str(prose[i]);
        CHECK_STR(out, prose[i]);
        free(out);
    }
}

/* Plain text keeps what Markdown would take from it: a path's or a
 * pattern's backslashes, a tag named in a sentence; markup, escapes and
 * code spans stay. The output reads the same when normalized again. */
static void test_plain_literals(void)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"The <script> tag runs code in the page.\n",
         "The \\<script> tag runs code in the page.\n"},
        {"What is the difference between <b> and <strong>?\n",
         "What is the difference between \\<b> and \\<strong>?\n"},
        {"The pattern \\d+\\.\\d* matches 3.14 here.\n",
         "The pattern \\d+\\\\.\\d* matches 3.14 here.\n"},
        {"Run dir C:\\logs\\*.log in the prompt.\n", "Run dir C:\\logs\\\\*.log in the prompt.\n"},
        {"Press <kbd>Ctrl</kbd> and <b>go</b> in the page.\n", NULL},
        {"The <br> tag and an unknown <token> stay as they are.\n", NULL},
        {"<object data=\"film.swf\"></object>\n", NULL},
        {"Use `C:\\x\\*` and [a](C:\\y\\*) and \\*stars\\* in the text.\n", NULL},
        {"[ref]: /url\\bar\\*baz\n", NULL},
        /* Python's prompt, not a quote three deep, and what it printed */
        {"Try it:\n\n>>> sorted([3, 1, 2])\n[1, 2, 3]\n\nDone.\n",
         "Try it:\n\n```python\n>>> sorted([3, 1, 2])\n[1, 2, 3]\n```\n\nDone.\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        oct_diag *d;
        const char *in = cases[i].in, *want = cases[i].want ? cases[i].want : in;
        oct_normalized out = norm(in, strlen(in), PLAIN, &d);
        CHECK_STR(out.text, want);
        check_idempotent(in, &out, PLAIN);
        oct_normalized_release(&out);
        oct_diag_free(d);
    }
}

static void expect(const char *in, const char *want)
{
    char *out = norm_str(in);
    CHECK_STR(out, want);
    free(out);
}

static void test_code_shapes(void)
{
    /* a one-line shell command is a block */
    expect("Apply migrations to the database:\npython manage.py migrate\n\nDone.\n",
           "Apply migrations to the database:\n```bash\npython manage.py migrate\n```\n\nDone.\n");
    /* a function with a blank line inside, ended by the first prose line */
    expect("def f(x):\n    y = x + 1\n\n    return y\nThat was f.\n",
           "```python\ndef f(x):\n    y = x + 1\n\n    return y\n```\nThat was f.\n");
    /* a bracketed literal spans lines whatever they hold */
    expect("DATABASES = {\n    'default': {\n        'NAME': 'db',\n    }\n}\nNext.\n",
           "```python\nDATABASES = {\n    'default': {\n        'NAME': 'db',\n    }\n}\n```\n"
           "Next.\n");
    /* an indented snippet after a sentence is dedented into the fence */
    expect("Example:\n    SELECT * FROM t;\n", "Example:\n```sql\nSELECT * FROM t;\n```\n");
    /* an indented code block after a blank line is Markdown already */
    expect("Example:\n\n    print(x)\n", "Example:\n\n    print(x)\n");
    /* existing fences are never touched, not even their artefacts */
    expect("```\nreturn f(x)\\\n\nWhat?~\n```\n", "```\nreturn f(x)\\\n\nWhat?~\n```\n");
    /* backticks inside the code get a longer fence around them */
    expect("def f():\n    s = '''\n    ```\n    '''\n",
           "````python\ndef f():\n    s = '''\n    ```\n    '''\n````\n");
    /* lists that already use fences are left alone */
    expect("1. Run:\n   ```bash\n   ls\n   ```\n2. Then:\n   pip install django\n",
           "1. Run:\n   ```bash\n   ls\n   ```\n2. Then:\n   pip install django\n");
    /* a comment glued above the code belongs to it */
    expect("# Step 1: create the file\ntouch notes.txt\n",
           "```bash\n# Step 1: create the file\ntouch notes.txt\n```\n");
    /* a heading is no comment */
    expect("# Setup\n\npip install django\n", "# Setup\n\n```bash\npip install django\n```\n");
}

static void test_artefacts(void)
{
    oct_diag *d;
    const char *in = "20. What are querysets and managers in Django?~\n"
                     "cd ~\n"
                     "docker run \\\n  -p 80:80 web\n"
                     "\n"
                     "def f():\n    return {\"a\": str(x)}\\\n\nEnd.\n";
    oct_normalized out = norm(in, strlen(in), 0, &d);
    CHECK_STR(out.text, "20. What are querysets and managers in Django?\n"
                        "```bash\ncd ~\n"
                        "docker run \\\n  -p 80:80 web\n```\n"
                        "\n"
                        "```python\ndef f():\n    return {\"a\": str(x)}\n```\n\nEnd.\n");
    CHECK(check_count_code(d, "artefact") == 2);
    if (oct_diag_size(d) >= 2) {
        const oct_diag_msg *m = oct_diag_at(d, 0);
        CHECK(m->line == 1 && m->col == 47 && m->severity == OCT_WARNING);
        CHECK(oct_diag_at(d, 1)->line == 7);
    }
    oct_normalized_release(&out);
    oct_diag_free(d);
}

/* A chat copied as text: the person's turns become questions, the
 * assistant's announcements answer labels; one note. */
static void test_chat_turns(void)
{
    static const char *const in = "You said:\n"
                                  "what is osmosis\n"
                                  "ChatGPT said:\n"
                                  "Osmosis is the movement of water across a membrane.\n"
                                  "\n"
                                  "You said:\n"
                                  "Q: and diffusion?\n"
                                  "Gemini said:\n"
                                  "Net movement down a gradient.\n";
    oct_diag *d;
    oct_normalized out = norm(in, strlen(in), 0, &d);
    CHECK_STR(out.text, "\n"
                        "Q: what is osmosis\n"
                        "Answer:\n"
                        "Osmosis is the movement of water across a membrane.\n"
                        "\n"
                        "\n"
                        "Q: and diffusion?\n"
                        "Answer:\n"
                        "Net movement down a gradient.\n");
    CHECK(out.nlines == 9);
    CHECK(check_count_code(d, "chat-turns") == 1);
    check_idempotent("chat", &out, 0);
    oct_normalized_release(&out);
    oct_diag_free(d);
    /* two TAB tables, a blank line between: two tables (the second's
     * header, like the first's, holds no figure) */
    expect("Drug\tDose\tRoute\nMorphine\t2-4 mg\tIV\nHeparin\t5000 units\tSC\n\n"
           "Lab\tNormal\tUnit\nSodium\t135-145\tmmol/L\nPotassium\t3.5-5.0\tmmol/L\n",
           "| Drug | Dose | Route |\n| --- | --- | --- |\n| Morphine | 2-4 mg | IV |\n"
           "| Heparin | 5000 units | SC |\n\n| Lab | Normal | Unit |\n| --- | --- | --- |\n"
           "| Sodium | 135-145 | mmol/L |\n| Potassium | 3.5-5.0 | mmol/L |\n");
    /* unfenced snippets: Python's "with ... as f:" is no SQL, and a C-family
     * "if (...) statement;" is code, so each snippet stays one block */
    expect("Reading a file in Python:\nimport json\nwith open(\"data.json\") as f:\n"
           "    data = json.load(f)\nprint(data[\"name\"])\n",
           "Reading a file in Python:\n```python\nimport json\nwith open(\"data.json\") as f:\n"
           "    data = json.load(f)\nprint(data[\"name\"])\n```\n");
    expect("Fetch example:\nconst res = await fetch(\"/api/users\");\n"
           "if (!res.ok) throw new Error(\"failed\");\nconst users = await res.json();\n",
           "Fetch example:\n```javascript\nconst res = await fetch(\"/api/users\");\n"
           "if (!res.ok) throw new Error(\"failed\");\nconst users = await res.json();\n```\n");
    /* a console's output under its prompt belongs to the block */
    expect(
        "A new frame:\n\nIn [4]: frame.sort_values(\"km\")\nOut[4]:\n    river    km\n"
        "1  Amazon  6400\n\nDone.\n",
        "A new frame:\n\n```python\nIn [4]: frame.sort_values(\"km\")\nOut[4]:\n    river    km\n"
        "1  Amazon  6400\n```\n\nDone.\n");
    /* a deck whose first line names its columns: not a card */
    expect("front\tback\nla mela\tthe apple\nil cane\tthe dog\nla casa\tthe house\n",
           "\nQ: la mela\n\nA: the apple\n\nQ: il cane\n\nA: the dog\n\nQ: la casa\n\nA: the "
           "house\n\n");
    /* a table drawn with ASCII borders: a GFM table; one with rules
     * between its rows, and one in code, as drawn */
    expect("+--------+-------+\n| Planet | Moons |\n+--------+-------+\n| Mars   | 2     |\n"
           "| Saturn | 146   |\n+--------+-------+\n",
           "\n| Planet | Moons |\n| --- | --- |\n| Mars   | 2     |\n| Saturn | 146   |\n\n");
    expect("+---+---+\n| a | b |\n+---+---+\n| 1 | 2 |\n+---+---+\n| 3 | 4 |\n+---+---+\n",
           "+---+---+\n| a | b |\n+---+---+\n| 1 | 2 |\n+---+---+\n| 3 | 4 |\n+---+---+\n");
    /* lines enumerated in turn, or led by dashes: items; options under a
     * question stay its lines */
    expect("(a) roux is flour plus fat\n(b) a white roux cooks 2 minutes\n",
           "- (a) roux is flour plus fat\n- (b) a white roux cooks 2 minutes\n");
    expect("i. sweat the onions\nii. add the stock\niii. simmer\n",
           "- i. sweat the onions\n- ii. add the stock\n- iii. simmer\n");
    expect("\xE2\x80\x93 one item\n\xE2\x80\x94 two items\n", "- one item\n- two items\n");
    expect("Which river flows through Cairo?\na) The Niger\nb) The Nile\n",
           "Which river flows through Cairo?\na) The Niger\nb) The Nile\n");
    expect("a. m. and p. m. are times\nb. c. is a date\n",
           "a. m. and p. m. are times\nb. c. is a date\n");
    expect("(a) one\n(c) three\n", "(a) one\n(c) three\n"); /* not in turn */
    /* an answer key typed without Markdown: an ordered list */
    expect("1 - Nairobi\n2 \xE2\x80\x93 Santiago\n3: Lima\n", "1. Nairobi\n2. Santiago\n3. Lima\n");
    expect("1 - Nairobi\n3 - Lima\n", "1 - Nairobi\n3 - Lima\n"); /* not in turn */
    expect("10:30 - 11:00 talk\n11:00 - 12:00 lab\n", "10:30 - 11:00 talk\n11:00 - 12:00 lab\n");
    /* one side only, or the names inside code or a sentence: no chat */
    expect("Me:\nI think so.\n", "Me:\nI think so.\n");
    expect("```\nYou said:\nx\nChatGPT said:\n```\n", "```\nYou said:\nx\nChatGPT said:\n```\n");
    expect("You said: hello\nChatGPT said: hi\n", "You said: hello\nChatGPT said: hi\n");
}

static void test_filler(void)
{
    char *path = src_path("tests/data/normalize/filler.txt");
    size_t len;
    char *text = read_all(path, &len);
    CHECK(text != NULL);
    if (!text) {
        free(path);
        return;
    }
    oct_diag *d;
    oct_normalized out = norm(text, len, 0, &d);
    CHECK(check_count_code(d, "filler") == 1);
    if (oct_diag_size(d) == 1) {
        const oct_diag_msg *m = oct_diag_at(d, 0);
        const char *head =
            "dropped chat filler at lines 1, 9, 11, 17, 19, 21, 25: \"Great question!";
        CHECK(m->severity == OCT_WARNING && m->line == 1);
        CHECK(strncmp(m->message, head, strlen(head)) == 0);
    }
    CHECK(strstr(out.text, "Awesome!") == NULL);
    CHECK(strstr(out.text, "Sure! Here's a quick summary") != NULL);
    CHECK(strstr(out.text, "Warning! You will lose") != NULL);
    CHECK(strstr(out.text, "Great! Django's ORM") != NULL);
    CHECK(count_lines(text, len) - 7 == out.nlines);
    oct_normalized_release(&out);
    oct_diag_free(d);

    out = norm(text, len, KEEP, &d); /* --keep-filler */
    CHECK_STR(out.text, text);
    CHECK(oct_diag_size(d) == 0);
    oct_normalized_release(&out);
    oct_diag_free(d);
    free(text);
    free(path);
}

static void test_line_map(void)
{
    oct_diag *d;
    const char *in = "Intro\nName\tAge\tCity\nAda\t36\tLondon\nAlan\t41\tWilmslow\nAfter.\n"
                     "Run:\npip install x\n";
    oct_normalized out = norm(in, strlen(in), 0, &d);
    CHECK_STR(out.text, "Intro\n\n| Name | Age | City |\n| --- | --- | --- |\n"
                        "| Ada | 36 | London |\n| Alan | 41 | Wilmslow |\n\nAfter.\n"
                        "Run:\n```bash\npip install x\n```\n");
    static const int want[] = {1, 2, 2, 2, 3, 4, 4, 5, 6, 7, 7, 7};
    CHECK(out.nlines == sizeof want / sizeof *want);
    for (size_t i = 0; i < out.nlines && i < sizeof want / sizeof *want; i++)
        CHECK(out.line_map[i] == want[i]);
    oct_normalized_release(&out);
    oct_diag_free(d);
}

static void test_edges(void)
{
    oct_diag *d;
    oct_normalized out = norm("", 0, 0, &d);
    CHECK(out.len == 0 && out.nlines == 0 && out.text && out.line_map);
    oct_normalized_release(&out);
    oct_diag_free(d);
    expect("Run:\nls -la", "Run:\n```bash\nls -la\n```"); /* no final newline stays so */
    expect("\n\n  \n", "\n\n  \n");
    /* unbalanced brackets and quotes, lone symbols: no crash */
    char *s = norm_str("print((((\n]]]]\n'''\n\"\n\\\n~\n|\n\t\t\n{%\n<div\n");
    CHECK(s != NULL);
    free(s);
    /* a NUL byte inside the text is just a byte */
    out = norm("a\0b\nc\n", 6, 0, &d);
    CHECK(out.len == 6 && memcmp(out.text, "a\0b\nc\n", 6) == 0);
    oct_normalized_release(&out);
    oct_diag_free(d);
}

/* content/django: the acceptance bar, idempotence, the line map. */
static void test_django(void)
{
    static const char *const files[] = {"000-general-questions.txt", "001-categorized-list.txt",
                                        "002-hundred-item-guide.txt", "003-twenty-six-answered.txt",
                                        "004-categorized-bullets.txt"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "content/django/%s", files[i]);
        char *path = src_path(rel);
        size_t len;
        char *text = read_all(path, &len);
        CHECK(text != NULL);
        if (!text) {
            free(path);
            continue;
        }
        oct_diag *d;
        oct_normalized out = norm(text, len, PLAIN, &d);
        census c = count_blocks(out.text, out.len);
        census before = count_blocks(text, len);
        if (i == 3) {
            fprintf(stderr, "003: %d code blocks, %d tables\n", c.code, c.tables);
            CHECK(c.code >= 20);
            CHECK(c.tables >= 4);
            CHECK(check_count_code(d, "artefact") == 2);
            CHECK(strstr(out.text, "managers in Django?~") == NULL);
        } else if (i == 2) {
            CHECK(check_count_code(d, "filler") == 1);
            CHECK(c.code == before.code); /* the author's fences, nothing more */
            CHECK(c.tables == 0);
        } else {
            CHECK(c.code == 0 && c.tables == 0);
            CHECK(out.len == len && memcmp(out.text, text, len) == 0);
        }
        check_line_map(files[i], text, len, &out);
        check_idempotent(files[i], &out, PLAIN);
        oct_normalized_release(&out);
        oct_diag_free(d);
        free(text);
        free(path);
    }
}

/* Every spec example passes through the normalizer unchanged. */
static void normalize_example(const char *md, size_t len, int number, void *arg)
{
    int *changed = arg;
    (void)len;
    char *out = norm_str(md);
    if (strcmp(out, md) != 0 && (*changed)++ < 10)
        fprintf(stderr, "spec example %d changed:\n%s----\n%s====\n", number, md, out);
    free(out);
}

static void test_gfm_examples(void)
{
    char path[4200];
    for (corpus_id id = 0; id < CORPUS_COUNT; id++) {
        if (!corpus_path(id, path, sizeof path)) continue;
        int changed = 0, examples = corpus_examples(path, normalize_example, &changed);
        CHECK(examples > 20);
        CHECK(changed == 0);
    }
}

/* Linear time: four times the text takes about four times as long. */
static double time_copies(size_t copies)
{
    static const char *const unit = "Some prose about Django models and views.\n"
                                    "x = 1\n"
                                    "key: value\n"
                                    "Term  with  gaps\n"
                                    "employees = Employee.objects.all()\n"
                                    "for e in employees:\n"
                                    "    print(e)\n"
                                    "\n"
                                    "Name\tAge\n"
                                    "[foo]\n";
    oct_buf b = OCT_BUF_INIT;
    for (size_t i = 0; i < copies; i++)
        oct_buf_puts(&b, unit);
    clock_t t0 = clock();
    char *out = norm_str(b.data);
    double t = (double)(clock() - t0) / CLOCKS_PER_SEC;
    free(out);
    oct_buf_free(&b);
    return t;
}

static void test_linear(void)
{
    double small = time_copies(2000), big = time_copies(8000);
    fprintf(stderr, "20k lines: %.3fs, 80k lines: %.3fs\n", small, big);
    CHECK(big < 10 * (small + 0.02));
}

/* The classifiers' word tables, searched by name: exact matches only
 * (not a prefix, not a longer word), the first of two entries of one
 * name, and the stop words in any case. */
static void test_name_search(void)
{
    static const struct {
        const char *name;
        int tag;
    } table[] = {{"pip", 1}, {"git", 2}, {"pip3", 3}, {"go", 4}, {"git", 5}, {"", 6}};
    enum { N = sizeof table / sizeof *table };
    nl_name sorted[N];
    nl_names_sort(sorted, table, N, sizeof *table);
    CHECK(nl_names_find(sorted, N, "git", 3) == 1); /* the first "git" */
    CHECK(nl_names_find(sorted, N, "pip3", 4) == 2);
    CHECK(nl_names_find(sorted, N, "pip", 3) == 0);
    CHECK(nl_names_find(sorted, N, "pi", 2) == -1);
    CHECK(nl_names_find(sorted, N, "gitk", 4) == -1);
    CHECK(nl_names_find(sorted, N, "gi\0", 3) == -1);
    CHECK(nl_names_find(sorted, N, "", 0) == 5);
    CHECK(nl_names_find(sorted, 0, "go", 2) == -1);
    CHECK(nl_is_stopword("The", 3) && nl_is_stopword("der", 3) && !nl_is_stopword("thee", 4));
    CHECK(!nl_is_stopword("", 0) && !nl_is_stopword("pip", 3));
}

/* Decks exported with quoted fields (normalize_deck.c): a field quoted over
 * two lines, a doubled quote, <br> in a front, another separator, and a
 * field that only opens with a quote. */
static void test_quoted_decks(void)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"#separator:tab\n\"Front one\nwith a hint<br />here\"\t\"Back one\nsecond line\"\n"
         "Front \"\"two\"\"\t\"Back \"\"two\"\"\"\n",
         "Q: Front one with a hint here\n\nA: Back one\nsecond line\n\n"
         "Q: Front \"\"two\"\"\n\nA: Back \"two\"\n\n"},
        {"#separator:Semicolon\n\"la mesa; el mueble\";the table\nel vaso;\"the glass; a cup\"\n",
         "Q: la mesa; el mueble\n\nA: the table\n\nQ: el vaso\n\nA: the glass; a cup\n\n"},
        {"\"Carpe diem\" means?\tSeize the day\n\"Open\tquote\n",
         "Q: \"Carpe diem\" means?\n\nA: Seize the day\n\nQ: \"Open\n\nA: quote\n\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *out = norm_str(cases[i].in);
        CHECK_STR(out, cases[i].want);
        free(out);
    }
}

/* Decks with a separator no setting names (normalize_deck.c): a
 * semicolon or a comma followed by no blank, on every line, three cards
 * or more, a spreadsheet's header left out; prose with commas, two cards,
 * or one line that is no card stay text. */
static void test_guessed_decks(void)
{
    static const struct {
        const char *in, *want;
    } cards[] = {
        {"la mesa;the table\nel libro;the book\n\nla ventana;the window\n",
         "Q: la mesa\n\nA: the table\n\nQ: el libro\n\nA: the book\n\n"
         "Q: la ventana\n\nA: the window\n\n"},
        {"Term,Definition\nalkane,a saturated hydrocarbon\nisomer,\"same formula, other "
         "structure\"\nester,made from an acid and an alcohol\n",
         "\nQ: alkane\n\nA: a saturated hydrocarbon\n\nQ: isomer\n\nA: same formula, other "
         "structure\n\nQ: ester\n\nA: made from an acid and an alcohol\n\n"},
    };
    for (size_t i = 0; i < sizeof cards / sizeof *cards; i++) {
        char *out = norm_str(cards[i].in);
        CHECK_STR(out, cards[i].want);
        free(out);
    }
    static const char *const text[] = {
        "Apples, pears and plums.\nRed, green, blue.\nOne, two, three.\n", /* blanks */
        "la mesa;the table\nel libro;the book\n",                          /* two cards */
        "la mesa;the table\nel libro;the book\nA line of prose.\n",        /* no card */
        "x=1;y=2;z=3\na=1;b=2;c=3\nd=1;e=2;f=3\n",                         /* three fields */
    };
    for (size_t i = 0; i < sizeof text / sizeof *text; i++) {
        char *out = norm_str(text[i]);
        CHECK(strstr(out, "Q: ") == NULL);
        free(out);
    }
}

/* A Q&A site's page furniture goes with one warning; a note's own lines
 * that share its words stay. */
static void test_page_furniture(void)
{
    const char *page = "Why is the sky blue?\nAsked 4 years ago  Viewed 2k times\n\n31\n\n"
                       "Rayleigh scattering.\n\nShare Improve this answer Follow\n"
                       "answered May 2, 2021 at 8:15\nsky_fan\n1,204 \xE2\x97\x8F 9\n";
    oct_diag *d;
    oct_normalized out = norm(page, strlen(page), PLAIN, &d);
    CHECK(check_count_code(d, "page-furniture") == 1);
    CHECK(strstr(out.text, "Rayleigh scattering.") != NULL);
    CHECK(strstr(out.text, "Viewed") == NULL && strstr(out.text, "31") == NULL);
    CHECK(strstr(out.text, "sky_fan") == NULL && strstr(out.text, "Follow") == NULL);
    check_line_map("page", page, strlen(page), &out);
    oct_normalized_release(&out);
    oct_diag_free(d);
    const char *notes = "Asked at Google in 2021: reverse a list.\n\n42\n\nA comment\n\n"
                        "Share this\n\nFollow the steps.\n\n1. a\n";
    out = norm(notes, strlen(notes), PLAIN, &d);
    CHECK(check_count_code(d, "page-furniture") == 0);
    CHECK_STR(out.text, notes);
    oct_normalized_release(&out);
    oct_diag_free(d);
    /* a blog's footer at the page's end goes; the same words inside the
     * notes, or a footer line alone with no rights named, stay */
    const char *blog = "Q3. What is a Dockerfile?\nA text file of build steps.\n\n"
                       "Related posts\nShare this: Twitter Facebook LinkedIn\n"
                       "\xC2\xA9 2024 DevBlog. All rights reserved.\n";
    out = norm(blog, strlen(blog), PLAIN, &d);
    CHECK(check_count_code(d, "page-furniture") == 1);
    CHECK(strstr(out.text, "build steps.") && !strstr(out.text, "Related") &&
          !strstr(out.text, "Twitter") && !strstr(out.text, "DevBlog"));
    check_line_map("blog", blog, strlen(blog), &out);
    oct_normalized_release(&out);
    oct_diag_free(d);
    const char *kept = "Related posts\n\nThe post on caching is below.\n\nPrevious post\n";
    out = norm(kept, strlen(kept), PLAIN, &d);
    CHECK(check_count_code(d, "page-furniture") == 0);
    CHECK_STR(out.text, kept);
    oct_normalized_release(&out);
    oct_diag_free(d);
}

int main(void)
{
    test_name_search();
    test_page_furniture();
    test_quoted_decks();
    test_guessed_decks();
    test_fixtures();
    test_unchanged();
    test_prose_lines();
    test_plain_literals();
    test_code_shapes();
    test_artefacts();
    test_filler();
    test_chat_turns();
    test_line_map();
    test_edges();
    test_django();
    test_gfm_examples();
    test_linear();
    return check_done();
}
