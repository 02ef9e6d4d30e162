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

/* The placeholders the front end fills in key's text, space-separated
 * ("n smalltalk"; "" for none), or NULL for an unknown key. */
const char *message_key_placeholders(const char *key);

/* The first "{name}" placeholder (name: a-z and "_") in s..end: its name,
 * *len its length; NULL when none. */
const char *message_placeholder_next(const char *s, const char *end, size_t *len);

/* The value of key in a "key = value" text of len bytes (a messages.txt,
 * a settings.txt), trimmed, NUL-terminated in buf (cut to cap); NULL when
 * no line sets it. */
const char *message_value(const char *text, size_t len, const char *key, char *buf, size_t cap);

/* Checks a messages.txt text's lines after line number after (0: all):
 * each blank, a "#" comment, or "key = value" with a known key no line
 * before sets, whose placeholders are ones that key is given. Returns 0,
 * or the 1-based number of the first bad line with the reason in err. */
unsigned message_text_check(const char *text, unsigned after, char *err, size_t errlen);

#endif
