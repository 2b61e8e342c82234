/* The inotify side of `octavo watch`: which paths a build depends on, the
 * watches on them, and whether an event concerns one of them. */
#ifndef OCT_CLI_WATCHSET_H
#define OCT_CLI_WATCHSET_H
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/deps.h"

typedef struct oct_watchset oct_watchset;

/* A new set with its own inotify descriptor, or NULL with errno set. */
oct_watchset *oct_watchset_new(void);
void oct_watchset_free(oct_watchset *w); /* NULL-safe; closes the descriptor */

/* Takes the paths deps recorded: each input (and each file that was
 * missing) is watched itself and through its directory, so a save by
 * rename is seen too; a directory listed for sources is watched for notes
 * (.md, .txt, .markdown), manifests and subdirectories, outputs, hidden
 * and temporary files left out. Returns the number of watches that could
 * not be added. */
size_t oct_watchset_add(oct_watchset *w, const oct_deps *deps);

/* Counts for the status line. */
size_t oct_watchset_files(const oct_watchset *w);
size_t oct_watchset_dirs(const oct_watchset *w);

/* The inotify descriptor, for poll(). */
int oct_watchset_fd(const oct_watchset *w);

/* Reads what is pending on the descriptor; returns how many events
 * concern the build (0: only outputs, temporary or unrelated files). */
size_t oct_watchset_read(oct_watchset *w);

/* The distinct paths changed since the last call, ", "-joined into names
 * (at most three, then "and N more"); returns their number and forgets
 * them. */
size_t oct_watchset_take_changes(oct_watchset *w, oct_buf *names);

#endif
