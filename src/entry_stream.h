/* entry_stream.h: an entry text's tokens as the index stores them (TOKOFF,
 * TOKENS in index_format.h), so that the rerank and "did you mean" walk
 * them instead of analysing the candidates' texts on every question.
 *
 * A stream is what the analyzer of the entry's language gives for the text
 * with stop words kept and stems made, every token in order: its flags,
 * where its raw form lies in the text, its position, its word and its term
 * (stored as the length of the start it shares with the word and the rest).
 * The same stream serves the other settings: without stop words it is the
 * stream less the tokens flagged is_stop (a phrase of synonyms is read
 * across them either way), without stemming each term is its word and
 * there are no phrases of synonyms (analyze.c's analyzer_run). */
#ifndef FAQ_ENTRY_STREAM_H
#define FAQ_ENTRY_STREAM_H

#include <stddef.h>

#include "analyze.h"

/* An entry's texts, each with a stream: its question, its alternate
 * phrasings (one a line, read as one text), its answer. */
enum { ENTRY_STREAM_QUESTION, ENTRY_STREAM_ALTS, ENTRY_STREAM_ANSWER, ENTRY_STREAM_TEXTS };

/* A token's word and term may be given as one of the last
 * ENTRY_STREAM_RING distinct pairs of its text, those ENTRY_STREAM_PAIR_MAX
 * bytes long at most. */
#define ENTRY_STREAM_RING 64
#define ENTRY_STREAM_PAIR_MAX 128

/* The encoder's memory of the text so far. */
typedef struct entry_stream_enc {
    size_t offset, raw_len;     /* of the token before */
    unsigned pos;
    int started;
    int n_ring, next_ring;
    struct stream_pair {
        size_t word_len, term_len;
        char bytes[ENTRY_STREAM_PAIR_MAX];   /* the word, then the term */
    } ring[ENTRY_STREAM_RING];
} entry_stream_enc;

/* st ready for a text's first token. */
void entry_stream_begin(entry_stream_enc *st);

/* The most bytes entry_stream_put() writes for t. */
size_t entry_stream_bound(const token *t);

/* Token t (of a walk with stop words kept and stems made) encoded at out,
 * which holds entry_stream_bound(t) bytes. Returns the bytes written. */
size_t entry_stream_put(entry_stream_enc *st, const token *t, unsigned char *out);

/* Walk the stream p[0..n) of text (the text it was made from), as
 * analyzer_run() with stop words kept or not (keep_stop) and stemming
 * skipped or not (skip_stem) would: fn gets each token (lower NULL, the
 * rest as the analyzer gives it). Returns fn's first non-zero value, 0 at
 * the end, or -1 when the stream is malformed (runs past its end or past
 * the text). */
int entry_stream_run(const unsigned char *p, size_t n, const char *text, size_t len,
                     int keep_stop, int skip_stem, token_fn fn, void *ctx);

#endif
