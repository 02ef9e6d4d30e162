/* index_live.c: a reloadable, reference-counted index with its search
 * model, and a searcher per thread over it (see index_live.h). */
#include "index_live.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "search_model.h"

typedef struct generation {
    faq_index *ix;
    search_model *model;        /* built once, read by every thread's searcher */
    uint64_t number;
    atomic_bool ready;          /* its dictionaries are loaded (or left to
                                   their first use): what /readyz tells */
    int refs;                   /* the holder's own, plus one per user */
    struct generation *dead;    /* the next of those a sweep let go */
} generation;

typedef struct thread_cache thread_cache;

struct index_live {
    char *path;
    pthread_mutex_t mu;
    generation *cur;
    uint64_t next_number;
    _Atomic uint64_t reloads;   /* read by /metrics without the lock */
    struct stat seen;           /* the file as last looked at */
    pthread_key_t key;          /* the thread's cached searcher */
    search_params params;       /* handed to each searcher made */
    pthread_t warm;             /* loading the dictionaries of warm_gen */
    generation *warm_gen;       /* holds a reference; NULL: no thread */
    atomic_bool warm_done;      /* the thread has returned: joining is instant */
    thread_cache *caches;       /* every thread's, under mu: swept after a swap */
};

/* A thread keeps its searcher and generation between requests, so a
 * thread that no request reaches after a swap would hold the old index
 * (its mapping and its search model) for as long as it idles; the
 * watching thread lets them go instead (sweep), when the thread is not
 * between index_live_get() and index_live_put(): busy is set there. A
 * flag, not a lock: a get without its put pins the index, as before,
 * and never blocks the thread's next get. */
struct thread_cache {
    index_live *l;
    generation *gen;
    searcher *s;
    atomic_bool busy;           /* set under mu; cleared by put */
    thread_cache *next;
};

static void gen_release(index_live *l, generation *g)
{
    pthread_mutex_lock(&l->mu);
    int last = --g->refs == 0;
    pthread_mutex_unlock(&l->mu);
    if (last) {
        search_model_free(g->model);
        faq_index_close(g->ix);
        free(g);
    }
}

/* The first question after a start is answered as fast as the next: the
 * first index's dictionaries (a tenth of a second each) and thesauri are
 * loaded by a thread of their own, not by the first asker, and the server
 * does not wait for them to listen (it tells /readyz it is loading). An
 * index swapped in later has them loaded before the swap (index_live_check()).
 * Memory running out here leaves them to their first use. */
static void *warm_run(void *arg)
{
    index_live *l = arg;
    char err[256];
    (void)search_model_warm(l->warm_gen->model, err, sizeof err);
    atomic_store(&l->warm_gen->ready, 1);
    atomic_store(&l->warm_done, 1);
    return NULL;
}

/* Reaps the warming thread: waits for it with wait, else only if it has
 * returned. Returns 1 when no thread is left. */
static int warm_reap(index_live *l, int wait)
{
    if (!l->warm_gen)
        return 1;
    if (!wait && !atomic_load(&l->warm_done))
        return 0;
    pthread_join(l->warm, NULL);
    gen_release(l, l->warm_gen);
    l->warm_gen = NULL;
    return 1;
}

/* Starts warming the first generation, g, in the background. */
static void warm_start(index_live *l, generation *g)
{
    g->refs++;      /* no other thread knows l yet */
    l->warm_gen = g;
    atomic_store(&l->warm_done, 0);
    if (pthread_create(&l->warm, NULL, warm_run, l) != 0) {
        l->warm_gen = NULL;     /* loaded on first use instead */
        atomic_store(&g->ready, 1);
        g->refs--;
    }
}

static void cache_free(void *p)
{
    thread_cache *c = p;
    if (!c)
        return;
    index_live *l = c->l;
    pthread_mutex_lock(&l->mu);
    for (thread_cache **pp = &l->caches; *pp; pp = &(*pp)->next)
        if (*pp == c) {
            *pp = c->next;
            break;
        }
    pthread_mutex_unlock(&l->mu);
    searcher_free(c->s);
    if (c->gen)
        gen_release(l, c->gen);
    free(c);
}

/* Lets go of the searchers and generations that idle threads keep on an
 * index no longer current; a thread busy with a request is left to move
 * on at its next one, or to a later sweep. The generations freed here
 * are freed outside the lock: unmapping a large index takes a while. */
static void sweep(index_live *l)
{
    generation *dead = NULL;
    pthread_mutex_lock(&l->mu);
    for (thread_cache *c = l->caches; c; c = c->next) {
        /* busy first: a busy thread writes its gen outside the lock, so
         * its gen is read only once it is seen idle (the thread's store of
         * busy = 0 comes after its last write of gen) */
        if (atomic_load(&c->busy) || !c->gen || c->gen == l->cur)
            continue;
        searcher_free(c->s);
        c->s = NULL;
        if (--c->gen->refs == 0) {
            c->gen->dead = dead;
            dead = c->gen;
        }
        c->gen = NULL;
    }
    pthread_mutex_unlock(&l->mu);
    while (dead) {
        generation *g = dead;
        dead = g->dead;
        search_model_free(g->model);
        faq_index_close(g->ix);
        free(g);
    }
}

static generation *gen_open(index_live *l, char *err, size_t errlen)
{
    faq_index *ix;
    if (faq_index_open(l->path, &ix, err, errlen) != FAQ_INDEX_OK)
        return NULL;
    /* opening reads the header alone; a file a server is handed is read
     * whole, every section's checksum, before any request meets it */
    if (faq_index_check(ix, err, errlen) != FAQ_INDEX_OK) {
        faq_index_close(ix);
        return NULL;
    }
    generation *g = calloc(1, sizeof *g);
    search_model *m = g ? search_model_new(ix) : NULL;
    if (!m) {
        free(g);
        faq_index_close(ix);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    g->model = m;
    g->ix = ix;
    g->refs = 1;
    return g;
}

index_live *index_live_open(const char *path, char *err, size_t errlen)
{
    index_live *l = calloc(1, sizeof *l);
    if (!l || !(l->path = strdup(path))) {
        free(l);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&l->mu, NULL);
    search_params_default(&l->params);
    stat(path, &l->seen);
    l->cur = gen_open(l, err, errlen);
    if (!l->cur || pthread_key_create(&l->key, cache_free) != 0) {
        if (l->cur)
            gen_release(l, l->cur);
        pthread_mutex_destroy(&l->mu);
        free(l->path);
        free(l);
        return NULL;
    }
    l->cur->number = ++l->next_number;
    warm_start(l, l->cur);
    return l;
}

void index_live_close(index_live *l)
{
    if (!l)
        return;
    /* the calling thread's cache; other threads freed theirs on exit */
    cache_free(pthread_getspecific(l->key));
    pthread_setspecific(l->key, NULL);
    pthread_key_delete(l->key);
    /* threads that outlive the index: their destructors no longer run */
    while (l->caches)
        cache_free(l->caches);
    warm_reap(l, 1);
    gen_release(l, l->cur);
    pthread_mutex_destroy(&l->mu);
    free(l->path);
    free(l);
}

int index_live_ready(index_live *l)
{
    pthread_mutex_lock(&l->mu);
    int ready = atomic_load(&l->cur->ready);
    pthread_mutex_unlock(&l->mu);
    return ready;
}

void index_live_settle(index_live *l)
{
    warm_reap(l, 1);
}

int index_live_check(index_live *l, int force, char *err, size_t errlen)
{
    warm_reap(l, 0);
    sweep(l);
    struct stat st;
    if (stat(l->path, &st) != 0)
        return 0;   /* gone for a moment (being replaced): keep serving */
    if (!force && st.st_ino == l->seen.st_ino && st.st_size == l->seen.st_size &&
        st.st_mtim.tv_sec == l->seen.st_mtim.tv_sec && st.st_mtim.tv_nsec == l->seen.st_mtim.tv_nsec)
        return 0;
    l->seen = st;   /* a refused file is not tried again until it changes */
    generation *g = gen_open(l, err, errlen);
    if (!g)
        return -1;
    /* the new index is swapped in ready: its dictionaries loaded here, while
     * the old one serves, so that /readyz stays 200 across the swap and the
     * first question on it waits for none (a tenth of a second each, for a
     * language the process had not loaded yet) */
    if (search_model_warm(g->model, err, errlen) != 0) {
        gen_release(l, g);
        return -1;
    }
    atomic_store(&g->ready, 1);
    pthread_mutex_lock(&l->mu);
    generation *old = l->cur;
    g->number = ++l->next_number;
    l->cur = g;
    l->reloads++;
    pthread_mutex_unlock(&l->mu);
    gen_release(l, old);
    sweep(l);
    return 1;
}

void index_live_set_params(index_live *l, const search_params *p)
{
    l->params = *p;
}

/* A searcher on g's model with l's tuning, or NULL when memory runs out. */
static searcher *new_searcher(const index_live *l, const generation *g)
{
    searcher *s = searcher_new_shared(g->model);
    if (s)
        searcher_set_params(s, &l->params);
    return s;
}

searcher *index_live_get(index_live *l)
{
    thread_cache *c = pthread_getspecific(l->key);
    if (!c) {
        c = calloc(1, sizeof *c);
        if (!c)
            return NULL;
        c->l = l;
        pthread_setspecific(l->key, c);
        pthread_mutex_lock(&l->mu);
        c->next = l->caches;
        l->caches = c;
        pthread_mutex_unlock(&l->mu);
    }
    /* busy set under mu: a sweep sees the thread either idle, and then
     * before this get, or busy */
    pthread_mutex_lock(&l->mu);
    atomic_store(&c->busy, 1);
    generation *g = l->cur;
    int same = c->gen == g;
    if (!same)
        g->refs++;
    pthread_mutex_unlock(&l->mu);
    if (same && !c->s)
        c->s = new_searcher(l, g);   /* the last try ran out of memory */
    if (!same) {
        /* a new index: this thread's searcher moves to it */
        searcher_free(c->s);
        c->s = NULL;
        if (c->gen)
            gen_release(l, c->gen);
        c->gen = g;
        c->s = new_searcher(l, g);
    }
    if (!c->s)
        atomic_store(&c->busy, 0);   /* no searcher: no index_live_put() */
    return c->s;
}

void index_live_put(index_live *l, searcher *s)
{
    /* the thread keeps its searcher and its generation for the next
     * request, unless a sweep lets them go meanwhile */
    (void)s;
    thread_cache *c = pthread_getspecific(l->key);
    if (c)
        atomic_store(&c->busy, 0);
}

uint64_t index_live_thread_generation(index_live *l)
{
    thread_cache *c = pthread_getspecific(l->key);
    return c && c->gen ? c->gen->number : 0;
}

uint64_t index_live_reloads(const index_live *l) { return l->reloads; }

void index_live_info(index_live *l, uint32_t *entries, uint64_t *build_time)
{
    pthread_mutex_lock(&l->mu);
    *entries = faq_index_entry_count(l->cur->ix);
    *build_time = faq_index_build_time(l->cur->ix);
    pthread_mutex_unlock(&l->mu);
}

void index_live_with(index_live *l, void (*fn)(const faq_index *ix, void *ctx), void *ctx)
{
    pthread_mutex_lock(&l->mu);
    fn(l->cur->ix, ctx);
    pthread_mutex_unlock(&l->mu);
}
