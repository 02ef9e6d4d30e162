/* utf8.h: UTF-8 checks shared by the analyzer, the corpus reader, the
 * search and the front ends; no state, no allocation. */
#ifndef FAQ_UTF8_H
#define FAQ_UTF8_H

#include <stddef.h>

/* Is text valid UTF-8 (no NUL bytes, no overlong forms, no surrogates)? */
int utf8_valid(const char *text, size_t len);

/* Why text is not valid UTF-8, said for the one who saved it, or NULL when
 * it is: a file saved as UTF-16, a NUL byte, or text in another encoding
 * (Latin-1 or Windows-1252, most often), each with its remedy. *line: the
 * 1-based line of the first fault. */
const char *utf8_problem(const char *text, size_t len, unsigned *line);

/* Does valid UTF-8 text start with an upper-case letter ("España", "UK")? */
int starts_upper(const char *text, size_t len);

/* Is text ASCII digits alone ("2024", a counter a question ends with)? */
int utf8_is_number(const char *text, size_t len);

/* The ASCII digits (0-9) of text, bytes that no other code point's
 * UTF-8 form holds. */
size_t utf8_digit_count(const char *text, size_t len);

/* Number of code points in valid UTF-8 text. */
size_t utf8_length(const char *text, size_t len);

#endif
