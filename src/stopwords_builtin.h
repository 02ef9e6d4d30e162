/* stopwords_builtin.h: the stop lists faqbot ships (corpus/<lang>/stopwords.txt
 * of its own corpus, compiled in by tools/embed-stopwords), for a corpus
 * whose language folder has none: Spanish questions still drop "de" and
 * "la" in a Spanish FAQ that came without a list. */
#ifndef FAQ_STOPWORDS_BUILTIN_H
#define FAQ_STOPWORDS_BUILTIN_H

/* The built-in stop list of a language (stopwords.txt syntax), or NULL. */
const char *stopwords_builtin(const char *lang);

#endif
