/* lang_pack.h: the language packs faqbot ships, lang/<code>/ in its source
 * (stopwords.txt, synonyms.txt, smalltalk.md, messages.txt; starter.md, the
 * sample FAQ of faqbot init), compiled in by
 * tools/embed-packs. A corpus language folder adds to its pack, or replaces a
 * file of it (corpus.h); a language with no pack has what its folder gives.
 */
#ifndef FAQ_LANG_PACK_H
#define FAQ_LANG_PACK_H

#include <stddef.h>

/* The settings a stopwords.txt line may open with ("!digraphs ae:ä"),
 * named once: each reader takes its names from here (digraph.c the
 * digraphs, analyze.c the asker's situation and time, decompound.c the
 * compounds), and corpus_file.c's check for a misspelt one reads the
 * whole list, STOP_SETTINGS. A new setting goes in both. */
#define STOP_SETTING_DIGRAPHS "!digraphs"
#define STOP_SETTING_DIGRAPHS_NOT_AFTER "!digraphs_not_after"
#define STOP_SETTING_SITUATION "!situation"
#define STOP_SETTING_TIME "!time"
#define STOP_SETTING_COMPOUNDS "!compounds"
#define STOP_SETTING_PLURALS "!plurals"
#define STOP_SETTING_SUFFIXES "!suffixes"
#define STOP_SETTING_LISTED "!listed"
#define STOP_SETTING_LETTERS "!letters"
#define STOP_SETTINGS                                                                                  \
    STOP_SETTING_DIGRAPHS, STOP_SETTING_DIGRAPHS_NOT_AFTER, STOP_SETTING_SITUATION, STOP_SETTING_TIME, \
        STOP_SETTING_COMPOUNDS, STOP_SETTING_PLURALS, STOP_SETTING_SUFFIXES, STOP_SETTING_LISTED,  \
        STOP_SETTING_LETTERS

/* The text of file name ("stopwords.txt") of language lang's pack, or NULL
 * when faqbot ships none. Static storage: never freed. */
const char *lang_pack_file(const char *lang, const char *name);

/* The i-th language faqbot ships a pack for ("de"), by code; NULL past the
 * last. */
const char *lang_pack_code(size_t i);

#endif
