/* index_fixture.h: what the unit tests that need a real index share: an
 * entry made in memory, and a corpus (in memory or a folder) indexed and
 * opened with a searcher on it. Included by one test file at a time
 * (static functions); include cmocka.h first. */
#ifndef FAQ_INDEX_FIXTURE_H
#define FAQ_INDEX_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus.h"
#include "corpus_load.h"
#include "index_read.h"
#include "index_write.h"
#include "search.h"
#include "search_params.h"

static __attribute__((unused)) corpus_entry fixture_entry(const char *id, const char *q,
                                                          const char *a, entry_kind kind)
{
    corpus_entry e;
    memset(&e, 0, sizeof e);
    e.id = (char *)id;
    e.question = (char *)q;
    e.answer = (char *)a;
    e.file = (char *)"mem.md";
    e.line = 1;
    e.kind = kind;
    return e;
}

/* One language of a corpus in memory: its entries and stop words. */
static __attribute__((unused)) corpus_lang fixture_lang(const char *code, corpus_entry *entries,
                                                        size_t n, const char *stopwords)
{
    corpus_lang l;
    memset(&l, 0, sizeof l);
    snprintf(l.code, sizeof l.code, "%s", code);
    l.entries = entries;
    l.n_entries = n;
    l.stopwords = (char *)stopwords;
    return l;
}

/* Writes c's index to idx_path, opens it into *ix with a searcher in *s;
 * a failure fails the test with the library's message. */
static __attribute__((unused)) void fixture_open(const corpus *c, const char *idx_path,
                                                 faq_index **ix, searcher **s)
{
    char err[512];
    if (index_write(c, idx_path, NULL, err, sizeof err) != 0)
        fail_msg("index_write: %s", err);
    if (faq_index_open(idx_path, ix, err, sizeof err) != FAQ_INDEX_OK)
        fail_msg("faq_index_open: %s", err);
    *s = searcher_new(*ix);
    assert_non_null(*s);
}

/* The same for the corpus folder dir, read with corpus_load. */
static __attribute__((unused)) void fixture_open_dir(const char *dir, const char *idx_path,
                                                     faq_index **ix, searcher **s)
{
    char err[512];
    corpus *c;
    if (corpus_load(dir, &c, err, sizeof err) != 0)
        fail_msg("corpus_load %s: %s", dir, err);
    fixture_open(c, idx_path, ix, s);
    corpus_free(c);
}

/* The corpus folder rel (a path under $ROOT, else under the current
 * folder) indexed in a new folder made from dir (a mkdtemp() template,
 * rewritten), at idx_path (cap bytes), opened as fixture_open() does. */
static __attribute__((unused)) void fixture_open_rel(const char *rel, char *dir, char *idx_path,
                                                     size_t cap, faq_index **ix, searcher **s)
{
    const char *root = getenv("ROOT");
    char corpus_dir[512];
    if (!mkdtemp(dir))
        fail_msg("mkdtemp %s", dir);
    snprintf(idx_path, cap, "%s/faq.idx", dir);
    snprintf(corpus_dir, sizeof corpus_dir, "%s/%s", root && *root ? root : ".", rel);
    fixture_open_dir(corpus_dir, idx_path, ix, s);
}

/* The seed corpus (corpus/), so. */
static __attribute__((unused)) void fixture_open_seed(char *dir, char *idx_path, size_t cap,
                                                      faq_index **ix, searcher **s)
{
    fixture_open_rel("corpus", dir, idx_path, cap, ix, s);
}

/* q asked of ix by a new searcher with parameters p, no threshold: its
 * answer into *a. */
static __attribute__((unused)) void fixture_ask(const faq_index *ix, const search_params *p,
                                                const char *q, faq_answer *a)
{
    searcher *s = searcher_new(ix);
    assert_non_null(s);
    searcher_set_params(s, p);
    faq_query_opts o = {0};
    o.threshold = -1;
    assert_int_equal(searcher_ask(s, q, strlen(q), &o, a), 0);
    searcher_free(s);
}

/* Is entry e of ix's id id? */
static __attribute__((unused)) int fixture_entry_is(const faq_index *ix, uint32_t e, const char *id)
{
    assert_true(e < faq_index_entry_count(ix));
    faq_entry x;
    faq_index_entry(ix, e, &x);
    return x.id.len == strlen(id) && memcmp(x.id.s, id, x.id.len) == 0;
}

/* What fixture_open() made, let go; the index file removed. */
static __attribute__((unused)) void fixture_close(faq_index *ix, searcher *s, const char *idx_path)
{
    searcher_free(s);
    faq_index_close(ix);
    unlink(idx_path);
}

#endif
