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
 * c->q; prev is the conversation's language or -1, page the page's (a tie's
 * prior when there is no conversation) or -1. */
uint32_t langev_detect(const search_ctx *c, langid *li, int prev, int page, const char *text, size_t len);

#endif
