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
 * Callers run it once (pthread_once); the library stays loaded. */
#ifndef OCT_UTIL_DYNLIB_H
#define OCT_UTIL_DYNLIB_H
#include <stdbool.h>
#include <stddef.h>

/* Opens soname and sets each *fns[k] (a function pointer) to the function
 * names[k]; true when the library and every name were found. */
bool oct_dl_load(const char *soname, const char *const *names, void *const *fns, size_t n);

#endif
