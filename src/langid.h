/* langid.h: a second opinion on a question's language from libexttextcat's
 * n-gram models, for questions long enough for them to be reliable. The
 * ranker's own evidence (stop words, vocabulary hits) comes first; this
 * breaks its ties.
 *
 * A langid is loaded lazily (its models take milliseconds to read) and
 * belongs to one thread at a time.
 */
#ifndef FAQ_LANGID_H
#define FAQ_LANGID_H

#include <stddef.h>

typedef struct langid langid;

/* codes: the languages worth telling apart (the index's), n of them; only
 * their models are loaded, which also keeps each guess cheap. NULL if
 * memory runs out; a langid whose models cannot load guesses nothing. */
langid *langid_new(const char *const *codes, int n);
void langid_free(langid *li);

/* Up to max two- or three-letter codes, most likely first, into codes;
 * returns how many (0 when the text is too short or the models are missing). */
int langid_guess(langid *li, const char *text, size_t len, char codes[][8], int max);

#endif
