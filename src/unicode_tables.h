/* unicode_tables.h: what utf8proc and PCRE2 say of each code point of one
 * or two bytes in UTF-8 (U+0000 to U+07FF: ASCII and the letters of Latin,
 * Greek, Cyrillic...), asked of them when faqbot is built
 * (tools/gen-unicode-tables.c, run by the Makefile, linked with the same
 * libraries) and compiled in: a process asked them itself on its first
 * word, some 7 million instructions before the first answer. The analyzer
 * splits (analyze.c) and folds (fold.c) a word of such letters by these
 * tables; anything else goes to the libraries as before.
 * tests/unit/test_unicode_tables.c asks the libraries again and compares. */
#ifndef FAQ_UNICODE_TABLES_H
#define FAQ_UNICODE_TABLES_H

#define UNICODE_TABLES_END 0x800

/* A code point's class in the analyzer's token pattern,
 * "[\p{L}\p{N}][\p{L}\p{M}\p{N}]*", as PCRE2 (UTF, UCP) reads it. */
#define UNICODE_CLASS_START 1   /* [\p{L}\p{N}]: may begin a token */
#define UNICODE_CLASS_GO_ON 2   /* [\p{L}\p{M}\p{N}]: may continue one */
extern const unsigned char unicode_token_class[UNICODE_TABLES_END];

/* What utf8proc_map() folds a two-byte code point to, with
 * UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE, and
 * UTF8PROC_STRIPMARK too in [1]: len bytes, or len 0xFF for a code point
 * left to utf8proc (a combining mark joins the letter before it; a fold
 * longer than 7 bytes). */
#define UNICODE_FOLD2_FIRST 0x80
typedef struct unicode_fold2 {
    unsigned char len;
    char bytes[7];
} unicode_fold2;
extern const unicode_fold2 unicode_fold2_table[2][UNICODE_TABLES_END - UNICODE_FOLD2_FIRST];

#endif
