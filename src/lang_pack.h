/* lang_pack.h: the language packs faqbot ships, lang/<code>/ in its source
 * (stopwords.txt, synonyms.txt, smalltalk.md, messages.txt; starter.md, the
 * sample FAQ of faqbot init), compiled in by
 * tools/embed-packs. A corpus language folder adds to its pack, or replaces a
 * file of it (corpus.h); a language with no pack has what its folder gives.
 */
#ifndef FAQ_LANG_PACK_H
#define FAQ_LANG_PACK_H

#include <stddef.h>

/* The text of file name ("stopwords.txt") of language lang's pack, or NULL
 * when faqbot ships none. Static storage: never freed. */
const char *lang_pack_file(const char *lang, const char *name);

/* The i-th language faqbot ships a pack for ("de"), by code; NULL past the
 * last. */
const char *lang_pack_code(size_t i);

#endif
