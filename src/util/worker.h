/* One background thread that runs jobs in the order they are given, for
 * work that can go on beside the caller's (the PDF's stream compression
 * while pages are painted and the file is written).
 *
 *   oct_worker *w = oct_worker_new(32u << 20);
 *   job->work.run = deflate_job; job->work.weight = bytes;
 *   oct_worker_submit(w, &job->work);   ... later:
 *   oct_worker_wait(w, &job->work);     the job has run: use its result
 *   oct_worker_free(w);                 waits for every job, joins
 *
 * The caller owns each job (an oct_work inside its own struct) and must
 * not free it before oct_worker_wait returns for it. Submitting blocks
 * while the weight of the jobs waiting exceeds the limit, so a producer
 * faster than the worker holds a bounded amount. Without a thread (one
 * could not be made) a job runs inside oct_worker_submit. */
#ifndef OCT_UTIL_WORKER_H
#define OCT_UTIL_WORKER_H
#include <stdbool.h>
#include <stddef.h>

typedef struct oct_work {
    void (*run)(struct oct_work *); /* called once, on the worker */
    size_t weight;                  /* what it holds while waiting (bytes) */
    struct oct_work *next;          /* the queue's */
    bool done;                      /* the queue's */
} oct_work;

typedef struct oct_worker oct_worker;

oct_worker *oct_worker_new(size_t max_weight);
void oct_worker_submit(oct_worker *w, oct_work *job);
void oct_worker_wait(oct_worker *w, oct_work *job);
/* Runs job here, on the caller's thread, if the worker's has not begun
 * it (it is taken off the queue); false when it has begun or run. A
 * caller that would only wait for a job (a parser faster than the reader
 * ahead of it) can do a later one meanwhile. */
bool oct_worker_steal(oct_worker *w, oct_work *job);
/* Whether job has run (without waiting). */
bool oct_worker_done(oct_worker *w, oct_work *job);
/* Waits for every job, stops the thread and frees w (NULL-safe). */
void oct_worker_free(oct_worker *w);

#endif
