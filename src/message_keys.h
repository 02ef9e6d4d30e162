/* message_keys.h: the keys of the bot's own texts (messages.txt, the table
 * of docs/messages.md), so that a misspelt key in a corpus is told at index
 * time rather than silently never used. */
#ifndef FAQ_MESSAGE_KEYS_H
#define FAQ_MESSAGE_KEYS_H

#include <stddef.h>

/* Whether key (len bytes) is one of the keys the front ends read. */
int message_key_known(const char *key, size_t len);

/* The i-th key, NULL past the last. */
const char *message_key(size_t i);

/* Checks a messages.txt text: each line blank, a "#" comment, or
 * "key = value" with a known key. Returns 0, or the 1-based number of the
 * first bad line with the reason in err. */
unsigned message_text_check(const char *text, char *err, size_t errlen);

#endif
