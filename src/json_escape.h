/* json_escape.h: a string as a JSON string literal, escaped exactly as
 * jansson's json_dumps() escapes it without flags (UTF-8 kept as is): the
 * answer path copies these bytes instead of building a jansson object, and
 * the index stores them, so the two must agree byte for byte.
 *
 * Escapes: '"' and '\' with a backslash; \b \f \n \r \t; every other byte
 * below 0x20 as \u00XX (upper-case hex). '/', DEL, U+2028, U+2029 and every
 * other character are copied.
 */
#ifndef FAQ_JSON_ESCAPE_H
#define FAQ_JSON_ESCAPE_H

#include <stddef.h>

/* The most bytes json_escape() writes for n bytes of input. */
#define JSON_ESCAPED_MAX(n) (6 * (n) + 2)

/* Writes s (n bytes of valid UTF-8, as utf8_valid() of analyze.h says) into
 * out, quotes included; out holds JSON_ESCAPED_MAX(n) bytes. Returns the
 * bytes written. Not NUL-terminated. */
size_t json_escape(char *out, const char *s, size_t n);

/* The same for any bytes: each byte that does not begin a valid UTF-8
 * sequence (a NUL byte included) becomes U+FFFD first, as the answer object
 * has always shown a question that is not UTF-8. */
size_t json_escape_lossy(char *out, const char *s, size_t n);

/* json_dumps()'s text of a JSON real (finite x): "%.17g", ".0" added when it
 * would read as an integer, the exponent without '+' or leading zeros.
 * out holds JSON_REAL_MAX bytes; returns the bytes written, NUL-terminated. */
#define JSON_REAL_MAX 40
size_t json_real_text(char *out, double x);

/* The same with JSON_REAL_PRECISION(precision), 1 to 17: "%.<precision>g". */
size_t json_real_text_prec(char *out, double x, int precision);

#endif
