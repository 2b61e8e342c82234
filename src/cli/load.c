#include "cli/cli.h"
#include "cli/progress.h"
#include "cli/hlahead.h"
#include "cli/readahead.h"
#include "unicode/script.h"
#include "config/layout.h"
#include "ingest/ingest.h"
#include "study/study.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Booklet metadata: command line over manifest over defaults. Dates come
 * from SOURCE_DATE_EPOCH or the manifest, never from the clock, so the
 * same input gives the same bytes. */
int oct_cli_parse_group_by(const char *s, const char **out)
{
    if (s && (!strcmp(s, "topic") || !strcmp(s, "source"))) {
        *out = s;
        return 0;
    }
    fprintf(stderr, "octavo: error: --group-by must be 'topic' or 'source', got '%s' [usage]\n",
            s ? s : "");
    return -1;
}

int oct_cli_shared_option(int c, const char *arg, oct_build_opts *o, oct_timings *timings,
                          void (*usage)(FILE *))
{
    switch (c) {
    case 'k':
        o->keep_filler = true;
        return -1;
    case 'M':
        o->no_merge = true;
        return -1;
    case 'T':
        o->timings = timings;
        return -1;
    case 'g':
        return oct_cli_parse_group_by(arg, &o->group_by) == 0 ? -1 : OCT_EXIT_USAGE;
    case 'L':
        if (!arg || !*arg || strcmp(arg, "C") == 0 || strcmp(arg, "POSIX") == 0) {
            fprintf(stderr, "octavo: error: --lang needs a language tag such as 'en' or 'de-CH' "
                            "[usage]\n");
            return OCT_EXIT_USAGE;
        }
        o->lang = arg;
        return -1;
    case 'h':
        usage(stdout);
        return OCT_EXIT_OK;
    default: /* getopt named the option */
        usage(stderr);
        return OCT_EXIT_USAGE;
    }
}

/* The manifest's taxonomy, copied into the tree's arena. */
static void fill_topics(oct_tree *t, const oct_manifest *m)
{
    oct_arena *a = t->arena;
    if (!m->ntopics) return;
    oct_topic *tp = oct_arena_alloc(a, m->ntopics * sizeof *tp);
    for (size_t i = 0; i < m->ntopics; i++) {
        const oct_manifest_topic *s = &m->topics[i];
        tp[i].name = oct_arena_strdup(a, s->name);
        tp[i].order = s->order;
        tp[i].nkeywords = s->nkeywords;
        tp[i].keywords = NULL;
        if (s->nkeywords) {
            const char **kw = oct_arena_alloc(a, s->nkeywords * sizeof *kw);
            for (size_t k = 0; k < s->nkeywords; k++)
                kw[k] = oct_arena_strdup(a, s->keywords[k]);
            tp[i].keywords = kw;
        }
    }
    t->meta.topics = tp;
    t->meta.ntopics = m->ntopics;
}

/* --group-by over the manifest's group_by over "topic when there are
 * topics". Grouping by topic without a taxonomy falls back to source. */
static void fill_group_by(oct_tree *t, const oct_manifest *m, const oct_build_opts *o,
                          oct_diag *diag)
{
    const char *g = o && o->group_by ? o->group_by : m->group_by;
    if (!g) g = m->ntopics ? "topic" : "source";
    if (!strcmp(g, "topic") && !m->ntopics) {
        oct_diag_report(diag, OCT_WARNING, m->path, 0, 0, "no-topics",
                        "--group-by topic, but the manifest lists no 'topics'; grouping by "
                        "source");
        g = "source";
    }
    t->meta.group_by = strcmp(g, "topic") ? "source" : "topic";
}

int oct_cli_parse_mode(const char *s, const char **out)
{
    if ((*out = oct_mode_name(s)) != NULL) return 0;
    fprintf(stderr, "octavo: --mode must be 'study', 'quiz' or 'flashcards', not '%s'\n", s);
    return -1;
}

static void fill_meta(oct_tree *t, const oct_manifest *m, const oct_build_opts *o, oct_diag *diag)
{
    oct_arena *a = t->arena;
    oct_meta *meta = &t->meta;
    meta->title = oct_arena_strdup(a, m->title ? m->title : "Notes");
    meta->subtitle = oct_arena_strdup(a, m->subtitle);
    meta->author = oct_arena_strdup(a, m->author);
    meta->identifier = oct_arena_strdup(a, m->identifier);
    meta->date = oct_arena_strdup(a, m->date);
    meta->description = oct_arena_strdup(a, m->description);
    if (m->nkeywords) {
        meta->keywords = oct_arena_alloc(a, m->nkeywords * sizeof *meta->keywords);
        for (size_t i = 0; i < m->nkeywords; i++)
            meta->keywords[i] = oct_arena_strdup(a, m->keywords[i]);
        meta->nkeywords = m->nkeywords;
    }
    if (o && o->lang)
        meta->lang = oct_arena_strdup(a, o->lang);
    else if (m->language)
        meta->lang = oct_arena_strdup(a, m->language);
    else
        meta->lang = NULL; /* read from the notes once they are parsed (guess_language) */
    fill_topics(t, m);
    fill_group_by(t, m, o, diag);
    const char *mode = o && o->mode ? o->mode : m->mode;
    t->meta.mode = mode && oct_mode_name(mode) ? oct_mode_name(mode) : "study";
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (errno || *end || v < 0) {
            oct_diag_report(diag, OCT_WARNING, NULL, 0, 0, "bad-source-date-epoch",
                            "SOURCE_DATE_EPOCH '%s' is not a number of seconds; ignored", sde);
        } else {
            time_t tt = (time_t)v;
            struct tm tm;
            gmtime_r(&tt, &tm);
            char buf[32];
            strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
            meta->modified = oct_arena_strdup(a, buf);
        }
    }
    if (!meta->modified && meta->date && strlen(meta->date) == 10)
        meta->modified = oct_arena_printf(a, "%sT00:00:00Z", meta->date);
}

/* The language every source whose front matter names one names, or NULL
 * (none does, or they differ); *all: every source names it. */
static const char *front_matter_language(const oct_tree *t, bool *all)
{
    const char *lang = NULL;
    *all = true;
    for (const oct_node *ch = t->root->first; ch; ch = ch->next) {
        if (ch->kind != OCT_CHAPTER) continue;
        if (!ch->u.chapter.lang) {
            *all = false;
            continue;
        }
        if (lang && strcasecmp(lang, ch->u.chapter.lang) != 0) return NULL;
        lang = ch->u.chapter.lang;
    }
    return lang;
}

/* The booklet's language when neither the manifest nor --lang gave one:
 * the one its sources' front matter names (when every source names it,
 * or the text of all of them reads as it), else what its letters and
 * words tell (unicode/script.h), else English, with a warning saying
 * which. One Arabic note beside English ones does not make the booklet
 * Arabic. */
static void guess_language(oct_tree *t, const oct_manifest *m, oct_diag *diag)
{
    bool all;
    const char *named = front_matter_language(t, &all);
    if (named && all) {
        t->meta.lang = named;
        return;
    }
    enum { SAMPLE = 64 * 1024 };
    oct_buf text = OCT_BUF_INIT;
    oct_iter it;
    oct_iter_init(&it, t->root);
    for (const oct_node *n; text.len < SAMPLE && (n = oct_iter_next_node(&it));)
        if (n->kind == OCT_TEXT && n->text) {
            oct_buf_puts(&text, n->text);
            oct_buf_putc(&text, ' ');
        }
    const char *lang = oct_guess_language(text.data ? text.data : "", text.len);
    oct_buf_free(&text);
    if (named && (!lang || oct_language_same(lang, named))) {
        t->meta.lang = named;
        return;
    }
    t->meta.lang = lang ? lang : "en";
    if (named)
        oct_diag_report(diag, OCT_WARNING, m->path, 0, 0, "no-language",
                        "no language given for the booklet (manifest 'language' or --lang); a "
                        "source's front matter names '%s', the other notes' text says '%s'",
                        named, t->meta.lang);
    else
        oct_diag_report(diag, OCT_WARNING, m->path, 0, 0, "no-language",
                        "no language given (manifest 'language' or --lang); %s '%s'",
                        lang ? "the notes' text says" : "assuming", t->meta.lang);
}

/* Source i, made ready by the readahead, parsed into t. */
/* A booklet of one note that names itself (its first heading, its front
 * matter's title) takes that name rather than the file's: "Acids, bases
 * and buffers", not "Chemistry" from chemistry.md. */
static void title_from_chapter(oct_tree *t)
{
    const oct_node *only = NULL;
    for (const oct_node *c = t->root->first; c; c = c->next) {
        if (c->kind != OCT_CHAPTER) continue;
        if (only) return; /* several notes: the name of what holds them */
        only = c;
    }
    const char *title = only ? only->u.chapter.title : NULL;
    if (!title || !*title || strcasecmp(title, t->meta.title) == 0) return;
    const char *file = oct_tree_source_title(t, only->span.file);
    if (file && strcmp(title, file) == 0) return; /* the chapter took the file's name too */
    t->meta.title = oct_arena_strdup(t->arena, title);
}

static int ingest_one(oct_tree *t, oct_readahead *ra, size_t i, const oct_source *src,
                      const oct_ingest_options *io, oct_diag *diag, oct_hl_ahead *ahead)
{
    const oct_ingest_text *text;
    int e;
    if (oct_readahead_take(ra, i, &text, &e, diag, io->timings) != 0) {
        if (e == 0) return OCT_EXIT_INPUT; /* not decoded: reported */
        if (e == EFBIG) {
            oct_diag_report(diag, OCT_ERROR, src->path, 0, 0, "limit-source-size",
                            "source is larger than the limit of %u bytes",
                            (unsigned)oct_ingest_max_bytes(src->path));
            return OCT_EXIT_INPUT;
        }
        oct_diag_report(diag, OCT_ERROR, src->path, 0, 0, "read-failed", "cannot read: %s",
                        strerror(e));
        return e == ENOENT ? OCT_EXIT_INPUT : OCT_EXIT_IO;
    }
    double clock = oct_timings_now(io->timings);
    oct_node *ch = oct_ingest_parse(t, src->path, text, src->title, io, diag);
    oct_timings_lap(io->timings, OCT_PHASE_PARSE, clock);
    if (ch && !ch->first) { /* an empty file, or one of blanks */
        oct_diag_report(diag, OCT_WARNING, src->path, 0, 0, "empty-source",
                        "no text in this source: it adds no chapter to the booklet");
        oct_node_unlink(ch);
    } else {
        oct_hl_ahead_add(ahead, ch);
    }
    return ch ? 0 : OCT_EXIT_INPUT;
}

static size_t count_questions(const oct_tree *t)
{
    size_t n = 0;
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->kind == OCT_QUESTION) n++;
    return n;
}

/* The bank is written from the tree as inspect sees it (ids of the
 * unarranged tree); only then is it arranged and given its ids again. */
static void arrange_after_bank(oct_tree *t, const oct_build_opts *o, oct_diag *diag, oct_buf *bank)
{
    if (bank) oct_study_write_json(t, diag, bank);
    if (!o || !o->arrange) return;
    oct_study_arrange(t, diag);
    oct_tree_fold_title_headings(t);
    oct_tree_assign_ids(t);
}

oct_tree *oct_cli_load_tree_bank(const oct_manifest *m, const oct_build_opts *o, oct_diag *diag,
                                 int *status, oct_buf *bank)
{
    return oct_cli_load_tree_ahead(m, o, diag, status, bank, NULL);
}

oct_tree *oct_cli_load_tree_ahead(const oct_manifest *m, const oct_build_opts *o, oct_diag *diag,
                                  int *status, oct_buf *bank, oct_hl_ahead **ahead)
{
    oct_tree *t = oct_tree_new();
    fill_meta(t, m, o, diag);
    *status = 0;
    oct_ingest_options io = {.keep_filler = o && o->keep_filler,
                             .normalize = true,
                             .root = m->dir ? m->dir : ".",
                             .timings = o ? o->timings : NULL};
    oct_readahead *ra = oct_readahead_start(m, &io, diag);
    /* the code blocks are coloured on a worker from the first source on */
    oct_hl_ahead *hl = ahead ? oct_hl_ahead_new() : NULL;
    if (ahead) *ahead = hl;
    for (size_t i = 0; i < m->nsources; i++) {
        int r = ingest_one(t, ra, i, &m->sources[i], &io, diag, hl);
        oct_progress_source_read(o ? o->progress : NULL);
        if (r > *status) *status = r;
    }
    oct_readahead_free(ra);
    oct_hl_ahead_close(hl);
    if (*status) {
        oct_tree_free(t);
        return NULL;
    }
    if (!t->meta.lang) guess_language(t, m, diag);
    /* The study pass only adds structure; ids come after it so questions get theirs. */
    /* check counts the questions as found, before merging, as the bank does */
    bool count = o && o->stats;
    oct_study_options so = {.merge = !(o && o->no_merge),
                            .arrange = o && o->arrange && !bank && !count};
    oct_timings *tm = o ? o->timings : NULL;
    double clock = oct_timings_now(tm);
    int rc = oct_study_run_with(t, diag, &so);
    clock = oct_timings_lap(tm, OCT_PHASE_STUDY, clock);
    if (rc != 0) {
        oct_tree_free(t);
        *status = OCT_EXIT_INPUT;
        return NULL;
    }
    oct_tree_fold_title_headings(t);
    if (m->title_from_name) title_from_chapter(t);
    oct_tree_assign_ids(t);
    if (count) o->stats->questions += count_questions(t);
    if (bank || count) {
        arrange_after_bank(t, o, diag, bank);
        oct_timings_lap(tm, OCT_PHASE_STUDY, clock);
    }
    return t;
}

oct_tree *oct_cli_load_tree(const oct_manifest *m, const oct_build_opts *o, oct_diag *diag,
                            int *status)
{
    return oct_cli_load_tree_bank(m, o, diag, status, NULL);
}
