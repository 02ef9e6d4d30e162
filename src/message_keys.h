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

/* A "key = value" text (a messages.txt, a settings.txt, a languages.txt)
 * read a line at a time: blanks around the key, the "=" and the value do
 * not count, nor a "\r" before the "\n", nor a UTF-8 BOM opening the text.
 * The key is [a-z0-9_]+; the value is all after the first "=". Every
 * pointer points into the text, which the caller keeps. */
typedef enum {
    MESSAGE_LINE_END,    /* no line left */
    MESSAGE_LINE_PAIR,   /* "key = value": key, value set */
    MESSAGE_LINE_NONE,   /* blank, or a "#" comment */
    MESSAGE_LINE_BAD,    /* anything else */
} message_line_kind;

typedef struct {
    const char *line, *eol;      /* the line, its "\n" (or the text's end) */
    unsigned number;             /* 1-based */
    const char *key, *value;     /* MESSAGE_LINE_PAIR only */
    size_t key_len, value_len;
    const char *next_, *end_;    /* the rest of the text: the iterator's */
} message_line;

/* l at the start of text (len bytes). */
void message_line_start(message_line *l, const char *text, size_t len);

/* The next line into l: its kind (MESSAGE_LINE_END past the last). */
message_line_kind message_line_next(message_line *l);

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
