/* Libraries opened at first use (dlopen) instead of linked: one that only
 * some runs need, or whose loading and relocating would cost every run
 * milliseconds before main (libzip brings libcrypto along; librsvg brings
 * cairo, pango and X). Only the functions named are looked up.
 *
 *   static struct { int (*close)(zip_t *); ... } z;
 *   static const char *const NAMES[] = {"zip_close", ...};
 *   void *const fns[] = {&z.close, ...};
 *   bool ok = oct_dl_load("libzip.so.4", NAMES, fns, n);
 *
 * Callers run it once (pthread_once); the library stays loaded. When the
 * functions share a prefix, OCT_DL_LIBRARY writes all of that. */
#ifndef OCT_UTIL_DYNLIB_H
#define OCT_UTIL_DYNLIB_H
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* Opens soname and sets each *fns[k] (a function pointer) to the function
 * names[k]; true when the library and every name were found. */
bool oct_dl_load(const char *soname, const char *const *names, void *const *fns, size_t n);

/* The functions LIST names, all called prefix + name: LIST(X, a) expands
 * to X(a, name) for each, as in
 *
 *   #define ZIP_FUNCTIONS(X, a) X(a, open_from_source) X(a, close)
 *   OCT_DL_LIBRARY(ZIP_FUNCTIONS, zip_, Z, "libzip.so.4")
 *   ... if (!Z_open()) (not loaded); Z.close(za);
 *
 * declares `table`, a struct with a pointer of the right type per function
 * (table.close for zip_close), and `table_open()`, which loads them at its
 * first call and says whether they are there. */
#define OCT_DL_FIELD(prefix, f) __typeof__(prefix##f) *f;
#define OCT_DL_NAME(prefix, f) #prefix #f,
#define OCT_DL_ADDRESS(table, f) &table.f,
#define OCT_DL_LIBRARY(LIST, prefix, table, soname)                                                \
    static struct {                                                                                \
        LIST(OCT_DL_FIELD, prefix)                                                                 \
    } table;                                                                                       \
    static bool table##_loaded;                                                                    \
    static pthread_once_t table##_once = PTHREAD_ONCE_INIT;                                        \
    static void table##_load(void)                                                                 \
    {                                                                                              \
        static const char *const names[] = {LIST(OCT_DL_NAME, prefix)};                            \
        void *const fns[] = {LIST(OCT_DL_ADDRESS, table)};                                         \
        table##_loaded = oct_dl_load(soname, names, fns, sizeof names / sizeof *names);            \
    }                                                                                              \
    static bool table##_open(void)                                                                 \
    {                                                                                              \
        pthread_once(&table##_once, table##_load);                                                 \
        return table##_loaded;                                                                     \
    }

#endif
