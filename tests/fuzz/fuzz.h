/* Shared by the libFuzzer targets in tests/fuzz/ (each defines
 * LLVMFuzzerTestOneInput) and by replay.c, the plain main() that feeds
 * corpus files to the same function in ordinary builds. */
#ifndef OCT_FUZZ_H
#define OCT_FUZZ_H
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A private scratch directory for targets whose code under test reads or
 * writes files (made on first use under $TMPDIR, else /dev/shm or /tmp).
 * Returns its path (static). */
const char *oct_fuzz_scratch(void);
/* Removes the scratch directory and its files (flat names only); each
 * target calls it at the end of every input, so libFuzzer's exits (which
 * skip atexit handlers) leave nothing behind. */
void oct_fuzz_cleanup(void);
/* Writes data to <scratch>/name and returns that path (static buffer, valid
 * until the next call). Aborts if it cannot (the fuzzer's machine is broken,
 * not the input). */
const char *oct_fuzz_write(const char *name, const uint8_t *data, size_t size);

#endif
