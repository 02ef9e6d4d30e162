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
 * Danish, Finnish...) gets the English one. Returns 0 with the file's path
 * in path, 1 likewise when the text is English's for want of lang's, or -1
 * with a message in err (a language libstemmer does not stem, a file
 * already there, a write failure). */
int starter_write(const char *dir, const char *lang, char *path, size_t pathlen, char *err,
                  size_t errlen);

#endif
