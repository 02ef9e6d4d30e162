/* starter.h: a new FAQ's first corpus (faqbot init): one sample entry in the
 * language asked for, and the format explained in a comment above it, from
 * that language's pack (lang/<code>/starter.md). The
 * bot's texts, small talk, stop words and synonyms are not written: the
 * language pack supplies them until the owner adds files of their own. */
#ifndef FAQ_STARTER_H
#define FAQ_STARTER_H

#include <stddef.h>

/* Writes dir/<lang>/faq.md, making the folders as needed; never overwrites
 * a file. A language libstemmer stems that has no starter text (no pack:
 * Hungarian, Romanian...) gets an English sample entry under a comment that
 * says so, in the language's name, and what the language lacks without a
 * pack. Returns 0 with the file's path in path, 1 likewise when the entry
 * is English for want of lang's, or -1 with a message in err (a language
 * libstemmer does not stem, a file already there, a write failure).
 * program: how the owner runs faqbot ("build/faqbot"), for the commands
 * the file's comment shows. */
int starter_write(const char *dir, const char *lang, const char *program, char *path, size_t pathlen,
                  char *err, size_t errlen);

/* The English name of the language code libstemmer stems, as a sentence
 * says it ("Finnish" for "fi"; 'the language "xx"' for a code libstemmer
 * knows by no other name), into out (cut to cap). */
void starter_language_name(const char *code, char *out, size_t cap);

#endif
