/* The deck as an Anki package: a zip holding `collection.anki2` (an
 * SQLite database in Anki's legacy schema 11, built in memory and
 * serialised, so no journal or temporary database touches the disk) and
 * `media` ("{}": the deck has no media). Every id and time stamp comes
 * from the deck's epoch (SOURCE_DATE_EPOCH or the booklet date) and the
 * zip entries carry one fixed DOS time, so equal input gives equal bytes. */
#include "anki/anki.h"
#include "anki/schema.h"
#include "util/dynlib.h"
#include "util/fileio.h"
#include "util/sha1.h"
#include "util/zip.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* SQLite, opened at first use (util/dynlib.h): only an Anki deck needs it. */
#define SQLITE_SONAME "libsqlite3.so.0"
#define SQLITE_FUNCTIONS(X, a)                                                                     \
    X(a, prepare_v2)                                                                               \
    X(a, bind_int64)                                                                               \
    X(a, bind_text)                                                                                \
    X(a, step)                                                                                     \
    X(a, finalize)                                                                                 \
    X(a, reset)                                                                                    \
    X(a, exec)                                                                                     \
    X(a, open)                                                                                     \
    X(a, serialize)                                                                                \
    X(a, errmsg)                                                                                   \
    X(a, close)                                                                                    \
    X(a, free)
OCT_DL_LIBRARY(SQLITE_FUNCTIONS, sqlite3_, Q, SQLITE_SONAME)

static int fail(oct_diag *diag, const char *path, const char *what, const char *why)
{
    oct_diag_report(diag, OCT_ERROR, path, 0, 0, "anki-write", "cannot %s: %s", what, why);
    return -1;
}

/* Anki's csum: the first 8 hex digits of the SHA-1 of the first field
 * stripped of HTML, as an integer (our plain-text prompt). */
static long long csum(const char *plain)
{
    unsigned char h[20];
    oct_sha1(plain, strlen(plain), h);
    return (long long)h[0] << 24 | h[1] << 16 | h[2] << 8 | h[3];
}

static int insert_col(sqlite3 *db, const oct_anki_deck *d)
{
    long long first_did = d->n ? oct_anki_deck_id(d->notes[0].deck) : 1;
    oct_buf models = OCT_BUF_INIT, decks = OCT_BUF_INIT, dconf = OCT_BUF_INIT, conf = OCT_BUF_INIT;
    oct_anki_models_json(d->epoch, first_did, &models);
    oct_anki_decks_json(d, &decks);
    oct_anki_dconf_json(d->epoch, &dconf);
    oct_anki_conf_json(first_did, &conf);
    sqlite3_stmt *st = NULL;
    int rc = Q.prepare_v2(db,
                          "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, "
                          "?6, '{}')",
                          -1, &st, NULL);
    if (rc == SQLITE_OK) {
        Q.bind_int64(st, 1, d->epoch - d->epoch % 86400);
        Q.bind_int64(st, 2, d->epoch * 1000);
        Q.bind_text(st, 3, conf.data, (int)conf.len, SQLITE_STATIC);
        Q.bind_text(st, 4, models.data, (int)models.len, SQLITE_STATIC);
        Q.bind_text(st, 5, decks.data, (int)decks.len, SQLITE_STATIC);
        Q.bind_text(st, 6, dconf.data, (int)dconf.len, SQLITE_STATIC);
        rc = Q.step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    Q.finalize(st);
    oct_buf_free(&models);
    oct_buf_free(&decks);
    oct_buf_free(&dconf);
    oct_buf_free(&conf);
    return rc == SQLITE_OK ? 0 : -1;
}

static int insert_note(sqlite3_stmt *sn, sqlite3_stmt *sc, const oct_anki_deck *d, size_t i)
{
    const oct_anki_note *n = &d->notes[i];
    long long id = d->epoch * 1000 + (long long)i;
    oct_buf flds = OCT_BUF_INIT, tags = OCT_BUF_INIT;
    oct_buf_printf(&flds, "%s\x1f%s", n->front, n->back);
    /* Anki keeps tags with a space on either side */
    oct_buf_printf(&tags, "%s%s%s", *n->tags ? " " : "", n->tags, *n->tags ? " " : "");
    Q.bind_int64(sn, 1, id);
    Q.bind_text(sn, 2, n->guid, -1, SQLITE_STATIC);
    Q.bind_int64(sn, 3, OCT_ANKI_MODEL_ID);
    Q.bind_int64(sn, 4, d->epoch);
    Q.bind_text(sn, 5, tags.data, (int)tags.len, SQLITE_STATIC);
    Q.bind_text(sn, 6, flds.data, (int)flds.len, SQLITE_STATIC);
    Q.bind_text(sn, 7, n->sort, -1, SQLITE_STATIC);
    Q.bind_int64(sn, 8, csum(n->sort));
    int ok = Q.step(sn) == SQLITE_DONE;
    Q.reset(sn);
    oct_buf_free(&flds);
    oct_buf_free(&tags);
    /* one new card, due in note order */
    Q.bind_int64(sc, 1, id);
    Q.bind_int64(sc, 2, id);
    Q.bind_int64(sc, 3, oct_anki_deck_id(n->deck));
    Q.bind_int64(sc, 4, d->epoch);
    Q.bind_int64(sc, 5, (long long)i + 1);
    ok = ok && Q.step(sc) == SQLITE_DONE;
    Q.reset(sc);
    return ok ? 0 : -1;
}

static int fill(sqlite3 *db, const oct_anki_deck *d)
{
    if (Q.exec(db, OCT_ANKI_SCHEMA_SQL, NULL, NULL, NULL) != SQLITE_OK) return -1;
    if (Q.exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) return -1;
    if (insert_col(db, d) != 0) return -1;
    sqlite3_stmt *sn = NULL, *sc = NULL;
    int rc =
        Q.prepare_v2(db, "INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')", -1,
                     &sn, NULL) == SQLITE_OK &&
                Q.prepare_v2(db,
                             "INSERT INTO cards VALUES (?1, ?2, ?3, 0, ?4, -1, 0, 0, ?5, "
                             "0, 0, 0, 0, 0, 0, 0, 0, '')",
                             -1, &sc, NULL) == SQLITE_OK
            ? 0
            : -1;
    for (size_t i = 0; rc == 0 && i < d->n; i++)
        rc = insert_note(sn, sc, d, i);
    Q.finalize(sn);
    Q.finalize(sc);
    if (rc == 0 && Q.exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) rc = -1;
    return rc;
}

/* The collection's bytes (sqlite3_free them), or NULL. */
static unsigned char *collection(const oct_anki_deck *d, sqlite3_int64 *size, const char **why)
{
    sqlite3 *db = NULL;
    unsigned char *bytes = NULL;
    *why = "out of memory";
    if (Q.open(":memory:", &db) == SQLITE_OK) {
        if (fill(db, d) == 0) bytes = Q.serialize(db, "main", size, 0);
    }
    static char msg[256];
    if (!bytes && db) {
        snprintf(msg, sizeof msg, "%s", Q.errmsg(db));
        *why = msg;
    }
    Q.close(db);
    return bytes;
}

static void dos_time(long long epoch, unsigned *t, unsigned *dd)
{
    time_t tt = (time_t)epoch;
    struct tm tm;
    gmtime_r(&tt, &tm);
    if (tm.tm_year < 80) tm = (struct tm){.tm_year = 80, .tm_mday = 1};
    *t = (unsigned)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
    *dd = (unsigned)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
}

static int write_zip(const char *tmp, const unsigned char *db, size_t len, long long epoch,
                     const char **why)
{
    unsigned t, dd;
    dos_time(epoch, &t, &dd);
    const oct_zip_entry entries[] = {{"collection.anki2", db, len, 0, 0, 0, 0, 0},
                                     {"media", "{}", 2, 0, 0, 0, 0, 0}};
    const char *step;
    return oct_zip_write(tmp, entries, 2, t, dd, &step, why);
}

int oct_anki_write_apkg(const oct_anki_deck *d, const char *path, oct_diag *diag)
{
    const char *why = NULL;
    if (!Q_open())
        return fail(diag, path, "build the Anki collection",
                    "SQLite (" SQLITE_SONAME ") cannot be loaded");
    sqlite3_int64 size = 0;
    unsigned char *db = collection(d, &size, &why);
    if (!db) return fail(diag, path, "build the Anki collection", why);
    char *tmp = oct_atomic_begin(path);
    if (!tmp) {
        Q.free(db);
        return fail(diag, path, "write", strerror(errno));
    }
    int rc = write_zip(tmp, db, (size_t)size, d->epoch, &why);
    Q.free(db);
    if (rc != 0) {
        oct_atomic_abort(tmp);
        return fail(diag, path, "write", why);
    }
    if (oct_atomic_commit(tmp, path) != 0) return fail(diag, path, "write", strerror(errno));
    return 0;
}
