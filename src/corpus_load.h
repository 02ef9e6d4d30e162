/* corpus_load.h: a corpus folder read whole into memory, every entry kept
 * (corpus.h's corpus), for the commands that want all of it at once
 * (export, lint). The index build reads a corpus a document at a time
 * (corpus_stream()) instead.
 *
 * Ownership: a corpus returned is the caller's, freed with corpus_free();
 * every string in it belongs to the corpus. */
#ifndef FAQ_CORPUS_LOAD_H
#define FAQ_CORPUS_LOAD_H

#include <stddef.h>

#include "corpus.h"

/* Read every language folder under dir, keeping every entry: 0 and *out,
 * or -1 at the first problem corpus_stream() tells or the first failure to
 * read, with "file:line: what" in err, *out = NULL. */
int corpus_load(const char *dir, corpus **out, char *err, size_t errlen);

/* corpus_load(), reading on past each problem of the corpus's text and
 * putting it in rep; -1 when any is an error (err says how many), or at
 * the first failure to read (err says which). rep's items are the caller's
 * to free with corpus_report_free(), whatever the result. */
int corpus_load_report(const char *dir, corpus_report *rep, corpus **out, char *err, size_t errlen);

#endif
