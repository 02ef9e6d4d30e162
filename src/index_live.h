/* index_live.h: a pool of searchers over an index file that may be
 * replaced while it is in use. Each generation of the file is opened with
 * its search model (search_model.h), built once and shared by the
 * searchers of every thread; each thread takes its searcher on the current
 * generation, asks, and puts it back; a reload opens the new file and makes
 * it current, and the old one is closed when its last user is done. A file
 * that fails to open is refused and the current one stays. The first
 * index's dictionaries are loaded in the background once it opens; a new
 * one's before it is made current, so that it is ready from the swap on.
 * A thread that idles keeps no old generation: the next look lets it go.
 * Thread-safe, but for index_live_check() and index_live_close(), which
 * one thread calls (the one that watches the file). */
#ifndef FAQ_INDEX_LIVE_H
#define FAQ_INDEX_LIVE_H

#include <stddef.h>
#include <stdint.h>

#include "search.h"
#include "search_params.h"

typedef struct index_live index_live;

/* Opens path; NULL with a message in err when it cannot. */
index_live *index_live_open(const char *path, char *err, size_t errlen);
void index_live_close(index_live *l);   /* after every user has put back */

/* The tuning every searcher of l uses from now on (the defaults until
 * this is called); call it before the first index_live_get(). */
void index_live_set_params(index_live *l, const search_params *p);

/* Re-open the file if it changed since the last look (or always, with
 * force), and load its dictionaries, while the current index serves.
 * Returns 1 if a new index is now current, 0 if nothing changed, -1 if the
 * new file was refused, or its dictionaries did not load (message in err):
 * the current index stays. */
int index_live_check(index_live *l, int force, char *err, size_t errlen);

/* The calling thread's searcher on the current index; valid until
 * index_live_put(), and so is all that its answers point to in the index
 * (codes, texts): a swap unmaps the old index once no thread uses it. */
searcher *index_live_get(index_live *l);
void index_live_put(index_live *l, searcher *s);

/* The number of the index the calling thread's searcher is on (after
 * index_live_get): answers cached under it are answers of that index. */
uint64_t index_live_thread_generation(index_live *l);

uint64_t index_live_reloads(const index_live *l);
/* Waits until the current index's dictionaries have loaded, so that what
 * a process holds afterwards no longer depends on how fast they did
 * (tests and measurements; a server never needs to wait). Called by the
 * thread that calls index_live_check(). */
void index_live_settle(index_live *l);
/* 1 when the current index's dictionaries have loaded, 0 while they still
 * load (the first index's alone: a new one is made current loaded): a
 * question asked meanwhile waits for those it needs (the answer is the
 * same, only later), so a server tells it as not ready yet. */
int index_live_ready(index_live *l);
/* Entries and build time of the current index. */
void index_live_info(index_live *l, uint32_t *entries, uint64_t *build_time);
/* fn called with the current index, which no swap closes meanwhile (a
 * summary of it without a searcher, from a thread that asks nothing). */
void index_live_with(index_live *l, void (*fn)(const faq_index *ix, void *ctx), void *ctx);

#endif
