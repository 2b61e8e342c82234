#include "anki/schema.h"
#include "util/sha1.h"

#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

const char OCT_ANKI_SCHEMA_SQL[] =
    "PRAGMA page_size=4096;"
    "CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,"
    " scm integer not null, ver integer not null, dty integer not null, usn integer not null,"
    " ls integer not null, conf text not null, models text not null, decks text not null,"
    " dconf text not null, tags text not null);"
    "CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,"
    " mod integer not null, usn integer not null, tags text not null, flds text not null,"
    " sfld integer not null, csum integer not null, flags integer not null,"
    " data text not null);"
    "CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,"
    " ord integer not null, mod integer not null, usn integer not null, type integer not null,"
    " queue integer not null, due integer not null, ivl integer not null,"
    " factor integer not null, reps integer not null, lapses integer not null,"
    " left integer not null, odue integer not null, odid integer not null,"
    " flags integer not null, data text not null);"
    "CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,"
    " ease integer not null, ivl integer not null, lastIvl integer not null,"
    " factor integer not null, time integer not null, type integer not null);"
    "CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);"
    "CREATE INDEX ix_notes_usn on notes (usn);"
    "CREATE INDEX ix_cards_usn on cards (usn);"
    "CREATE INDEX ix_revlog_usn on revlog (usn);"
    "CREATE INDEX ix_cards_nid on cards (nid);"
    "CREATE INDEX ix_cards_sched on cards (did, queue, due);"
    "CREATE INDEX ix_revlog_cid on revlog (cid);"
    "CREATE INDEX ix_notes_csum on notes (csum);";

long long oct_anki_deck_id(const char *name)
{
    unsigned char h[20];
    oct_sha1(name, strlen(name), h);
    long long v = 0;
    for (int i = 0; i < 6; i++)
        v = v << 8 | h[i];
    return v + 2; /* 48 bits: exact in JSON doubles; 1 is Default */
}

static const char CSS[] = ".card { font-family: sans-serif; font-size: 20px; text-align: left;"
                          " color: black; background-color: white; }"
                          " pre { white-space: pre-wrap; }";

void oct_anki_models_json(long long mod, long long did, oct_buf *out)
{
    oct_buf_printf(out,
                   "{\"%lld\": {\"id\": %lld, \"name\": \"Basic\", \"type\": 0, \"mod\": %lld,"
                   " \"usn\": -1, \"sortf\": 0, \"did\": %lld, \"tags\": [], \"vers\": [],",
                   OCT_ANKI_MODEL_ID, OCT_ANKI_MODEL_ID, mod, did);
    oct_buf_puts(out, " \"flds\": [");
    static const char *const names[] = {"Front", "Back"};
    for (int i = 0; i < 2; i++)
        oct_buf_printf(out,
                       "%s{\"name\": \"%s\", \"ord\": %d, \"sticky\": false, \"rtl\": false,"
                       " \"font\": \"Arial\", \"size\": 20, \"media\": []}",
                       i ? ", " : "", names[i], i);
    oct_buf_puts(out, "], \"tmpls\": [{\"name\": \"Card 1\", \"ord\": 0, \"qfmt\": \"{{Front}}\","
                      " \"afmt\": \"{{FrontSide}}\\n\\n<hr id=answer>\\n\\n{{Back}}\","
                      " \"bqfmt\": \"\", \"bafmt\": \"\", \"did\": null, \"bfont\": \"\","
                      " \"bsize\": 0}], \"css\": ");
    oct_buf_put_json(out, CSS);
    oct_buf_puts(
        out, ", \"latexPre\": \"\\\\documentclass[12pt]{article}\\n\\\\special{papersize=3in,5in}"
             "\\n\\\\usepackage[utf8]{inputenc}\\n\\\\usepackage{amssymb,amsmath}\\n"
             "\\\\pagestyle{empty}\\n\\\\setlength{\\\\parindent}{0in}\\n"
             "\\\\begin{document}\\n\", \"latexPost\": \"\\\\end{document}\","
             " \"latexsvg\": false, \"req\": [[0, \"any\", [0]]]}}");
}

static void deck_json(oct_buf *out, long long id, const char *name, long long mod)
{
    oct_buf_printf(out, "\"%lld\": {\"id\": %lld, \"name\": ", id, id);
    oct_buf_put_json(out, name);
    oct_buf_printf(out,
                   ", \"mod\": %lld, \"usn\": -1, \"desc\": \"\", \"dyn\": 0, \"conf\": 1,"
                   " \"collapsed\": false, \"browserCollapsed\": false,"
                   " \"extendNew\": 10, \"extendRev\": 50, \"newToday\": [0, 0],"
                   " \"revToday\": [0, 0], \"lrnToday\": [0, 0], \"timeToday\": [0, 0]}",
                   mod);
}

/* Adds name[0..len) to the list unless it is there already. */
static void add_name(char ***names, size_t *n, size_t *cap, const char *name, size_t len)
{
    for (size_t i = 0; i < *n; i++)
        if (strlen((*names)[i]) == len && strncmp((*names)[i], name, len) == 0) return;
    OCT_GROW(*names, *cap, *n + 1);
    char *s = oct_xmalloc(len + 1);
    memcpy(s, name, len);
    s[len] = '\0';
    (*names)[(*n)++] = s;
}

void oct_anki_decks_json(const oct_anki_deck *d, oct_buf *out)
{
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < d->n; i++) {
        /* A parent deck is implied by "A::B", but Anki wants it listed too. */
        const char *name = d->notes[i].deck, *sep = strstr(name, "::");
        if (sep) add_name(&names, &n, &cap, name, (size_t)(sep - name));
        add_name(&names, &n, &cap, name, strlen(name));
    }
    oct_buf_putc(out, '{');
    deck_json(out, 1, "Default", d->epoch);
    for (size_t i = 0; i < n; i++) {
        oct_buf_puts(out, ", ");
        deck_json(out, oct_anki_deck_id(names[i]), names[i], d->epoch);
        free(names[i]);
    }
    free(names);
    oct_buf_putc(out, '}');
}

void oct_anki_dconf_json(long long mod, oct_buf *out)
{
    oct_buf_printf(
        out,
        "{\"1\": {\"id\": 1, \"name\": \"Default\", \"mod\": %lld, \"usn\": -1, \"maxTaken\": 60,"
        " \"autoplay\": true, \"timer\": 0, \"replayq\": true, \"dyn\": false,"
        " \"new\": {\"bury\": true, \"delays\": [1.0, 10.0], \"initialFactor\": 2500,"
        " \"ints\": [1, 4, 7], \"order\": 1, \"perDay\": 20, \"separate\": true},"
        " \"rev\": {\"bury\": true, \"ease4\": 1.3, \"fuzz\": 0.05, \"ivlFct\": 1.0,"
        " \"maxIvl\": 36500, \"minSpace\": 1, \"perDay\": 200, \"hardFactor\": 1.2},"
        " \"lapse\": {\"delays\": [10.0], \"leechAction\": 1, \"leechFails\": 8, \"minInt\": 1,"
        " \"mult\": 0.0}}}",
        mod);
}

void oct_anki_conf_json(long long did, oct_buf *out)
{
    oct_buf_printf(out,
                   "{\"activeDecks\": [%lld], \"curDeck\": %lld, \"newSpread\": 0,"
                   " \"collapseTime\": 1200, \"timeLim\": 0, \"estTimes\": true,"
                   " \"dueCounts\": true, \"curModel\": \"%lld\", \"nextPos\": 1,"
                   " \"sortType\": \"noteFld\", \"sortBackwards\": false, \"addToCur\": true}",
                   did, did, OCT_ANKI_MODEL_ID);
}
