/* The background worker (util/worker.h): jobs run once each, in the order
 * given; waiting for one returns after it ran; a producer faster than the
 * worker is held back by the weight limit (never more than the limit
 * waits, but a job heavier than the limit alone still runs); freeing waits
 * for the jobs still queued; a worker given no job starts no thread; a
 * job not begun can be run by the caller instead (steal), once. */
#include "check.h"
#include "util/worker.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
    oct_work work;
    int id;
    int *order; /* where it records itself */
    atomic_int *next;
    atomic_size_t *waiting; /* weight queued and not yet run (test's own count) */
    atomic_size_t *peak;
    bool slow;
} job;

static void run(oct_work *w)
{
    job *j = (job *)w;
    if (j->slow) {
        struct timespec ts = {0, 200000}; /* 0.2 ms: the producer gets ahead */
        nanosleep(&ts, NULL);
    }
    j->order[atomic_fetch_add(j->next, 1)] = j->id;
    atomic_fetch_sub(j->waiting, j->work.weight);
}

static void test_order_and_bound(void)
{
    enum { N = 200, LIMIT = 1000 };
    static job jobs[N];
    static int order[N];
    atomic_int next = 0;
    atomic_size_t waiting = 0, peak = 0;
    oct_worker *w = oct_worker_new(LIMIT);
    for (int i = 0; i < N; i++) {
        jobs[i] = (job){.id = i,
                        .order = order,
                        .next = &next,
                        .waiting = &waiting,
                        .peak = &peak,
                        .slow = true};
        jobs[i].work.run = run;
        jobs[i].work.weight = i == 7 ? 5000 : 100; /* one job alone over the limit */
        size_t now = atomic_fetch_add(&waiting, jobs[i].work.weight) + jobs[i].work.weight;
        if (now > atomic_load(&peak)) atomic_store(&peak, now);
        oct_worker_submit(w, &jobs[i].work);
    }
    oct_worker_wait(w, &jobs[N / 2].work);
    CHECK(jobs[N / 2].work.done);
    for (int i = 0; i <= N / 2; i++)
        CHECK(jobs[i].work.done); /* in order: all before it ran too */
    oct_worker_free(w);
    CHECK(atomic_load(&next) == N);
    bool in_order = true;
    for (int i = 0; i < N; i++)
        in_order &= order[i] == i;
    CHECK(in_order);
    /* what was queued at once: the limit plus the job being submitted
     * plus the one running (counted until it ends), or the heavy one */
    CHECK(atomic_load(&peak) <= 5000 + 2 * 100 + LIMIT);
}

/* The caller runs the jobs the thread has not begun: each runs once, on
 * one thread or the other, and the thread goes on with the rest. */
static void test_steal(void)
{
    enum { N = 100 };
    static job jobs[N];
    static int order[N];
    atomic_int next = 0;
    atomic_size_t waiting = 0, peak = 0;
    oct_worker *w = oct_worker_new((size_t)-1);
    for (int i = 0; i < N; i++) {
        jobs[i] = (job){.id = i,
                        .order = order,
                        .next = &next,
                        .waiting = &waiting,
                        .peak = &peak,
                        .slow = true};
        jobs[i].work.run = run;
        oct_worker_submit(w, &jobs[i].work);
    }
    int stolen = 0;
    bool took[N] = {false};
    for (int i = N - 1; i >= N / 2; i--) { /* from the back: the thread is at the front */
        took[i] = oct_worker_steal(w, &jobs[i].work);
        stolen += took[i];
    }
    CHECK(stolen > 0);
    /* a stolen job ran here, before steal returned; one the thread had
     * begun (on a loaded machine it may reach the back half) may still run */
    bool stolen_done = true;
    for (int i = N / 2; i < N; i++)
        stolen_done &= !took[i] || oct_worker_done(w, &jobs[i].work);
    CHECK(stolen_done);
    oct_worker_wait(w, &jobs[N - 1].work);
    CHECK(!oct_worker_steal(w, &jobs[N - 1].work)); /* ran: not again */
    oct_worker_wait(w, &jobs[0].work);
    oct_worker_free(w);
    CHECK(atomic_load(&next) == N); /* every job once */
    bool seen[N] = {false}, once = true;
    for (int i = 0; i < N; i++) {
        once &= !seen[order[i]];
        seen[order[i]] = true;
    }
    CHECK(once);
}

static void test_unused(void)
{
    oct_worker *w = oct_worker_new(10);
    oct_worker_free(w); /* no job, no thread: nothing to join */
    oct_worker_free(NULL);
    CHECK(1);
}

int main(void)
{
    test_order_and_bound();
    test_steal();
    test_unused();
    return check_done();
}
