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

/* TRANSLIT_CYRILLIC_GREEK if s (n bytes) holds a Cyrillic or Greek letter
 * (read by translit_key()), TRANSLIT_ARABIC if an Arabic one (read by
 * translit_skeleton()), else 0. */
enum { TRANSLIT_CYRILLIC_GREEK = 1, TRANSLIT_ARABIC = 2 };
int translit_script(const char *s, size_t n);

/* The consonant skeleton of word s (n bytes, lower case), in Arabic letters
 * or typed in Latin ones as Arabic is ("arabizi": "jawaz", "bita9a",
 * "3a9d"): each consonant by its class (س ص "s", ت ط "t", ح خ ه "h",
 * ش "sh" "ch" "S", ق "q" "9", ع "3"), the vowels dropped on both sides
 * (Arabic writes none of the short ones, and alef, waw, yeh are as often
 * vowels), a letter doubled once. So "jawaz" and "جواز" are "jz",
 * "bita9at" and "بطاقات" "btqt". Into out (cap bytes, NUL-terminated); its
 * length, or -1 when s holds a letter of neither kind. */
long translit_skeleton(const char *s, size_t n, char *out, size_t cap);

#endif
