/* Fuzz target: the layout and manifest loaders (libyaml underneath). The
 * input is written to a scratch file and read as a layout and as a
 * manifest: either loads or reports errors; never a crash, and YAML alias
 * bombs cost nothing (aliases are refused). */
#include "config/layout.h"
#include "config/manifest.h"
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#ifndef OCTAVO_DATA_DIR
#define OCTAVO_DATA_DIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    oct_diag *diag = oct_diag_new(NULL);
    const char *path = oct_fuzz_write("booklet.yaml", data, size);
    oct_manifest m;
    memset(&m, 0, sizeof m);
    if (oct_manifest_load(path, &m, diag) == 0) oct_manifest_release(&m);
    oct_layout l;
    memset(&l, 0, sizeof l);
    path = oct_fuzz_write("layout.yaml", data, size);
    if (oct_layout_load(path, OCTAVO_DATA_DIR "/layouts", OCTAVO_DATA_DIR "/fonts", &l, diag) == 0)
        oct_layout_release(&l);
    oct_diag_free(diag);
    oct_fuzz_cleanup();
    return 0;
}
