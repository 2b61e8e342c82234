#include "util/dynlib.h"

#include <dlfcn.h>
#include <string.h>

bool oct_dl_load(const char *soname, const char *const *names, void *const *fns, size_t n)
{
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) return false;
    for (size_t k = 0; k < n; k++) {
        void *p = dlsym(h, names[k]);
        if (!p) return false;
        memcpy(fns[k], &p, sizeof p); /* object pointer to function pointer, as POSIX allows */
    }
    return true;
}
