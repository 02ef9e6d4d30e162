/* langid.h: evidence on a question's language besides the index's own
 * (stop words, vocabulary hits): the signs it is written with, which are
 * strong, and a second opinion from libexttextcat's n-gram models, for
 * questions long enough for them to be reliable, which breaks ties.
 *
 * A langid is loaded lazily (its models take milliseconds to read) and
 * belongs to one thread at a time.
 */
#ifndef FAQ_LANGID_H
#define FAQ_LANGID_H

#include <stddef.h>
#include <stdint.h>

typedef struct langid langid;

/* codes: the languages worth telling apart (the index's), n of them; only
 * their models are loaded, which also keeps each guess cheap. NULL if
 * memory runs out; a langid whose models cannot load guesses nothing. */
langid *langid_new(const char *const *codes, int n);
void langid_free(langid *li);

/* Up to max two- or three-letter codes, most likely first, into codes;
 * returns how many (0 when the text is too short or the models are missing). */
int langid_guess(langid *li, const char *text, size_t len, char codes[][8], int max);

/* ---- signs ---- */

/* Evidence from the letters and marks a question is written with: "¿" and
 * "¡" are Spanish alone, "ñ" Spanish, "ã õ" Portuguese, "ß ä ö ü" German,
 * "œ" French; "ç" French or Portuguese, "è ù" French or Italian; a Cyrillic
 * letter Russian, a Greek one Greek... Each
 * sign the text holds counts once, shared among the languages of codes (n
 * of them) that write it, and only when some language of codes does not
 * (a sign all of them use tells nothing): scores[i] gets what codes[i]
 * earned, LANGID_SIGN_WEIGHT for a sign it alone writes. A language whose
 * letters faqbot does not know is taken to write every sign, so a sign is
 * never held against it. Case and NFC/NFD do not matter; invalid UTF-8 is
 * skipped. Pure: no state, any thread. */
#define LANGID_SIGN_WEIGHT 2.0
void langid_signs(const char *text, size_t len, const char *const *codes, int n,
                  double *scores);

/* The signs a text holds (its letters langid_signs() weighs), a bit each:
 * read once a question, for the two below. */
uint64_t langid_text_signs(const char *text, size_t len);

/* langid_signs() for the codes li was made with (at most 64 of them),
 * whose letters were looked up once, then; seen: langid_text_signs(). */
void langid_question_signs(const langid *li, uint64_t seen, double *scores);

/* How many distinct letters the text holds that no language of li writes,
 * each one its own languages write in their own words and the other
 * languages of its script do without (Persian and Urdu "پ گ ک ی", which
 * Arabic spells "ب ج ك ي"; seen: langid_text_signs()): a question holding them is none of li's. 0
 * when a language of li has letters faqbot does not know. */
int langid_question_foreign(const langid *li, uint64_t seen);

#endif
