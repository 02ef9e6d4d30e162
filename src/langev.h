/* langev.h: which language a question is in, from the index's own
 * evidence: its stop words and question words, its vocabulary, its small
 * talk and synonyms, then, in a close call, words an edit away and the
 * n-gram models of libexttextcat. */
#ifndef FAQ_LANGEV_H
#define FAQ_LANGEV_H

#include <stddef.h>
#include <stdint.h>

#include "langid.h"
#include "query.h"

/* The language of the question text (len bytes) whose tokens are in
 * c->q; prev is the conversation's language or -1; a tie goes to it, else
 * to the first of the page's (c->page) among the tied. */
uint32_t langev_detect(const search_ctx *c, langid *li, int prev, const char *text, size_t len);

#endif
