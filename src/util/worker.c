/* One background thread running jobs in order (worker.h). The thread is
 * started with the first job, so a worker nobody uses costs nothing. */
#include "util/worker.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdlib.h>

struct oct_worker {
    pthread_mutex_t mu;
    pthread_cond_t queued, finished; /* a job was queued; a job ran (or room was made) */
    oct_work *head, *tail;           /* waiting to run */
    size_t weight, max_weight;       /* of the jobs waiting */
    pthread_t th;
    bool started, threadless, stopping;
};

static void *worker_main(void *arg)
{
    oct_worker *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->head && !w->stopping)
            pthread_cond_wait(&w->queued, &w->mu);
        oct_work *job = w->head;
        if (!job) break; /* stopping, and nothing left */
        w->head = job->next;
        if (!w->head) w->tail = NULL;
        pthread_mutex_unlock(&w->mu);
        job->run(job);
        pthread_mutex_lock(&w->mu);
        w->weight -= job->weight;
        job->done = true;
        pthread_cond_broadcast(&w->finished);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

oct_worker *oct_worker_new(size_t max_weight)
{
    oct_worker *w = oct_xcalloc(1, sizeof *w);
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->queued, NULL);
    pthread_cond_init(&w->finished, NULL);
    w->max_weight = max_weight;
    return w;
}

static bool start(oct_worker *w)
{
    if (!w->started && !w->threadless) {
        pthread_attr_t attr;
        bool ok = pthread_attr_init(&attr) == 0;
        if (ok) {
            pthread_attr_setstacksize(&attr, 256u << 10);
            ok = pthread_create(&w->th, &attr, worker_main, w) == 0;
            pthread_attr_destroy(&attr);
        }
        w->started = ok;
        w->threadless = !ok;
    }
    return w->started;
}

void oct_worker_submit(oct_worker *w, oct_work *job)
{
    job->next = NULL;
    job->done = false;
    if (!start(w)) { /* no thread: here and now */
        job->run(job);
        job->done = true;
        return;
    }
    pthread_mutex_lock(&w->mu);
    while (w->head && w->weight + job->weight > w->max_weight)
        pthread_cond_wait(&w->finished, &w->mu);
    w->weight += job->weight;
    if (w->tail)
        w->tail->next = job;
    else
        w->head = job;
    w->tail = job;
    pthread_cond_signal(&w->queued);
    pthread_mutex_unlock(&w->mu);
}

void oct_worker_wait(oct_worker *w, oct_work *job)
{
    if (!w->started) return; /* ran inside submit */
    pthread_mutex_lock(&w->mu);
    while (!job->done)
        pthread_cond_wait(&w->finished, &w->mu);
    pthread_mutex_unlock(&w->mu);
}

/* Takes job off the queue if it is still on it (the lock is held). */
static bool unqueue(oct_worker *w, oct_work *job)
{
    oct_work *prev = NULL;
    for (oct_work *q = w->head; q; prev = q, q = q->next) {
        if (q != job) continue;
        if (prev)
            prev->next = q->next;
        else
            w->head = q->next;
        if (w->tail == q) w->tail = prev;
        w->weight -= q->weight;
        pthread_cond_broadcast(&w->finished); /* room was made */
        return true;
    }
    return false;
}

bool oct_worker_steal(oct_worker *w, oct_work *job)
{
    if (!w->started) return false; /* ran inside submit */
    pthread_mutex_lock(&w->mu);
    bool mine = !job->done && unqueue(w, job);
    pthread_mutex_unlock(&w->mu);
    if (!mine) return false;
    job->run(job);
    pthread_mutex_lock(&w->mu);
    job->done = true;
    pthread_cond_broadcast(&w->finished);
    pthread_mutex_unlock(&w->mu);
    return true;
}

bool oct_worker_done(oct_worker *w, oct_work *job)
{
    if (!w->started) return true;
    pthread_mutex_lock(&w->mu);
    bool done = job->done;
    pthread_mutex_unlock(&w->mu);
    return done;
}

void oct_worker_free(oct_worker *w)
{
    if (!w) return;
    if (w->started) {
        pthread_mutex_lock(&w->mu);
        w->stopping = true;
        pthread_cond_signal(&w->queued);
        pthread_mutex_unlock(&w->mu);
        pthread_join(w->th, NULL);
    }
    pthread_cond_destroy(&w->queued);
    pthread_cond_destroy(&w->finished);
    pthread_mutex_destroy(&w->mu);
    free(w);
}
