/* A booklet's sources read and decoded ahead, on a worker thread, while
 * this thread parses the ones before into the tree (load.c).
 *
 * Reading, charset conversion, mojibake repair and the plain-text
 * normalizer need no tree (ingest.h: oct_ingest_prepare); parsing does.
 * So source i + 1 is made ready while source i is parsed, at most a few
 * sources ahead (their texts are held until parsed). Each source's
 * messages wait in a buffer of their own and reach the command's in the
 * sources' order, before its parse messages, as a build source by source
 * printed them; so do the files it read (util/deps.h), for the depfile. */
#ifndef OCT_CLI_READAHEAD_H
#define OCT_CLI_READAHEAD_H
#include "config/manifest.h"
#include "diag.h"
#include "ingest/ingest.h"
#include "util/timing.h"

typedef struct oct_readahead oct_readahead;

/* Starts on m's sources (the worker only when there are two or more). */
oct_readahead *oct_readahead_start(const oct_manifest *m, const oct_ingest_options *io,
                                   const oct_diag *diag);

/* Source i made ready (sources are taken in order): its messages flushed
 * into diag, its reading and decoding time added to tm. Returns 0 with
 * *text filled (the readahead keeps it until the next call or the end),
 * or -1 when it could not be read (*read_errno: errno, 0 when the text
 * could not be decoded, which was reported). */
int oct_readahead_take(oct_readahead *r, size_t i, const oct_ingest_text **text, int *read_errno,
                       oct_diag *diag, oct_timings *tm);

/* Waits for the worker and frees everything (NULL-safe). */
void oct_readahead_free(oct_readahead *r);

#endif
