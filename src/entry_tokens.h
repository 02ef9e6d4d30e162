/* entry_tokens.h: a thread's memory of the tokens of FAQ entries' texts.
 *
 * The rerank features and "did you mean" read the question, the alternate
 * phrasings or the answer of the candidates through the analyzer of the
 * entry's language, on every question. A text's tokens do not depend on the
 * question: they are kept from the first reading and walked again from
 * memory, the same tokens the analyzer gives, in the same order, whatever
 * the stop-word and stemming settings asked for. A reading with stop words
 * kept holds both stop-word settings' tokens: without stop words it is the
 * same stream less the tokens flagged is_stop (a phrase of synonyms is read
 * across them either way). One with stems made holds the tokens without
 * stemming too (each term is its word, and there are no phrases of
 * synonyms), but a reading without stems is made for those who want none:
 * it costs what they cost before, where the memory is too small to hold a
 * large FAQ's candidates.
 *
 * Bounded: a slot per (entry, text, stems or not) under a hash,
 * ENTRY_TOKENS_SLOTS of them, the newest reading kept, ENTRY_TOKENS_BYTES
 * in all; a text of more than ENTRY_TOKENS_MAX tokens, or that the bytes
 * left would not hold, is not kept but read each time.
 *
 * Ownership: one per thread (and per index: entries are known by their
 * number); entry_tokens_free() accepts NULL. Tokens reach the callback as
 * slices valid during the call, their raw form a slice of the text given. */
#ifndef FAQ_ENTRY_TOKENS_H
#define FAQ_ENTRY_TOKENS_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"

#define ENTRY_TOKENS_SLOTS 1024
#define ENTRY_TOKENS_MAX 4096
#define ENTRY_TOKENS_BYTES (8u << 20)
#define ENTRY_TOKENS_NOMEM (-2)

typedef struct entry_tokens entry_tokens;

/* NULL when memory runs out. */
entry_tokens *entry_tokens_new(void);
void entry_tokens_free(entry_tokens *c);

/* What analyzer_run(an, text, len, fn, ctx) gives with an's stop words kept
 * or not (keep_stop) and stemming skipped or not (skip_stem), for text
 * number which (0 to 3) of entry e: text is that text, every time, and an
 * the analyzer of its language. Leaves an's settings at their defaults
 * (stop words dropped, stems made). Returns as analyzer_run does, or
 * ENTRY_TOKENS_NOMEM when memory ran out (nothing walked). */
int entry_tokens_run(entry_tokens *c, analyzer *an, uint32_t e, int which, const char *text,
                     size_t len, int keep_stop, int skip_stem, token_fn fn, void *ctx);

#endif
