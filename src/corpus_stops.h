/* corpus_stops.h: stop words and question words of a language read off its
 * own FAQ entries, for a language that has neither a pack nor a
 * stopwords.txt (Dutch, Swedish, Finnish...: a Snowball stemmer, no list).
 *
 * The rule, stated once (no language's words in it):
 *   - a stop word is a word in at least CORPUS_STOPS_SHARE of the
 *     language's entries (question, alternate phrasings and answer), once
 *     the language has CORPUS_STOPS_MIN_ENTRIES entries: words that common
 *     are the language's grammar ("de", "een", "och", "jag"), not a topic;
 *     a word with a digit is never one;
 *   - a question word is a word, not a stop word, that opens the questions
 *     of at least CORPUS_STOPS_OPENINGS entries ("hoe", "waar", "hur",
 *     "vad"): it tells the kind of question, as a pack's "?word" does.
 * The result is a stopwords.txt text, read as a pack's would be, whose
 * first line names the three values; the index keeps it as the language's
 * list. They act at index time, as BM25's constants do (index_format.h),
 * and are documented beside them (docs/tuning.md). */
#ifndef FAQ_CORPUS_STOPS_H
#define FAQ_CORPUS_STOPS_H

#include "corpus.h"

/* Below this many entries a share of them says too little of the language. */
#define CORPUS_STOPS_MIN_ENTRIES 8
/* A word in at least this share of the entries is a stop word. */
#define CORPUS_STOPS_SHARE 0.5
/* A word opening the questions of at least this many entries is a question
 * word: one entry's opening is its topic as often as its kind. */
#define CORPUS_STOPS_OPENINGS 2

typedef struct corpus_stops corpus_stops;

/* An empty count, or NULL when out of memory. */
corpus_stops *corpus_stops_new(void);

/* Counts one FAQ entry's words (small talk is not counted). 0, or -1 when
 * out of memory. */
int corpus_stops_add(corpus_stops *cs, const corpus_entry *e);

/* The stopwords.txt text of the words counted (malloc'd), into *text: NULL
 * when the rule names none (too few entries). 0, or -1 when out of memory. */
int corpus_stops_text(const corpus_stops *cs, char **text);

void corpus_stops_free(corpus_stops *cs);

#endif
