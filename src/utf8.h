/* utf8.h: UTF-8 checks shared by the analyzer, the corpus reader, the
 * search and the front ends; no state, no allocation. */
#ifndef FAQ_UTF8_H
#define FAQ_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Is text valid UTF-8 (no NUL bytes, no overlong forms, no surrogates)? */
int utf8_valid(const char *text, size_t len);

/* Why text is not valid UTF-8, said for the one who saved it, or NULL when
 * it is: a file saved as UTF-16, a NUL byte, or text in another encoding
 * (Latin-1 or Windows-1252, most often), each with its remedy. *line: the
 * 1-based line of the first fault. */
const char *utf8_problem(const char *text, size_t len, unsigned *line);

/* text as UTF-8 when it is UTF-16 with its byte-order mark (as a
 * spreadsheet saves "Unicode text"): a new string (NUL-terminated, *out_len
 * bytes, the mark dropped, each line where it was), or NULL when text has
 * no such mark, is not whole UTF-16 (an odd byte, a lone surrogate, a NUL)
 * or memory runs out. */
char *utf8_from_utf16(const char *text, size_t len, size_t *out_len);

/* Does valid UTF-8 text start with an upper-case letter ("España", "UK")? */
int starts_upper(const char *text, size_t len);

/* text (n bytes of UTF-8) with its first letter put in upper case (upper)
 * or in lower case, into out (cap bytes, NUL-terminated): its length, or 0
 * when that letter has no such other case or out has no room. Any script's
 * letter ("Цена", "Ángel"); the new form may be shorter or longer (lowered,
 * "İ" is "i"). */
size_t utf8_first_case(const char *text, size_t n, int upper, char *out, size_t cap);

/* Is text ASCII digits alone ("2024", a counter a question ends with)? */
int utf8_is_number(const char *text, size_t len);

/* 1 when valid UTF-8 text holds nothing to read: only white space
 * (Unicode's separators, ASCII's controls) and invisible format characters
 * (zero-width space, byte order mark); 1 for the empty text too. */
int utf8_blank(const char *text, size_t len);

/* The next item of a settings line (its items separated by spaces, tabs,
 * a CR before the line end) from *c, before end: *c moved to its first
 * byte; its length, 0 at the line's end. */
size_t utf8_next_item(const char **c, const char *end);

/* The ASCII digits (0-9) of text, bytes that no other code point's
 * UTF-8 form holds. */
size_t utf8_digit_count(const char *text, size_t len);

/* Is c a continuation byte, the second to fourth of a character? */
static inline int utf8_continues(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* The bytes of a character whose first byte is lead, by that byte alone
 * (1 for ASCII and for a byte no character begins with). Inline: the typo
 * distance decodes every word with it. */
static inline size_t utf8_lead_len(unsigned char lead)
{
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

/* Eight bytes read as one word (memcpy'd into a uint64_t): is some byte
 * of w below b (b <= 0x80)? Exact for the word as a whole; a text's
 * plain runs are checked eight bytes at a time with it. */
static inline int utf8_word_has_below(uint64_t w, unsigned b)
{
    const uint64_t ones = 0x0101010101010101ull;
    return ((w - b * ones) & ~w & (0x80 * ones)) != 0;
}

/* Is some byte of w byte c? */
static inline int utf8_word_has(uint64_t w, unsigned char c)
{
    return utf8_word_has_below(w ^ (c * 0x0101010101010101ull), 1);
}

/* Bytes of the valid UTF-8 sequence at s[i] (i < n), or 0 when the byte
 * there begins none or is NUL: a text that is not UTF-8 shows each such
 * byte as U+FFFD. */
size_t utf8_seq_at(const char *s, size_t n, size_t i);

/* Where the last character of text (len bytes) starts; 0 for no text. */
size_t utf8_last_start(const char *text, size_t len);

/* Number of code points in valid UTF-8 text. */
size_t utf8_length(const char *text, size_t len);

/* The longest prefix of text (len bytes) no longer than max that ends on a
 * character boundary: len when max >= len, else max less the continuation
 * bytes of a character cut in two (so 0 over continuation bytes alone).
 * What a quote, a token or a question cut to a byte budget keeps. */
size_t utf8_cut(const char *text, size_t len, size_t max);

/* len, less a last character whose bytes are not all there: text that
 * was cut to a buffer's size without looking. */
size_t utf8_whole(const char *text, size_t len);

#endif
