/* translit.h: a word written in Cyrillic or Greek letters and the same word
 * typed in Latin letters ("врачу", "vrachu"), read by one loose key. */
#ifndef FAQBOT_TRANSLIT_H
#define FAQBOT_TRANSLIT_H

#include <stddef.h>

/* The loose Latin key of word s (n bytes, lower case): its Cyrillic and
 * Greek letters by the usual Latin spelling, then the spellings visitors
 * use for one letter made one on both sides ("kh", "h" and "х" are "h";
 * "ts" and "ц" are "c"; "y", "j" and "й" are "i"; "shch", "sch" and "щ"
 * are "sh"; a letter typed twice is once; the soft and hard signs drop).
 * Into out (cap bytes, NUL-terminated); its length, or -1 when s holds
 * another letter (a Latin one with an accent) or the key does not fit. */
long translit_key(const char *s, size_t n, char *out, size_t cap);

/* 1 if s (n bytes) holds a Cyrillic or Greek letter. */
int translit_script(const char *s, size_t n);

#endif
