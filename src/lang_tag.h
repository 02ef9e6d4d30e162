/* lang_tag.h: the asker's language as people and browsers write it.
 *
 * Every front end that is told a language (ask --lang, the REPL's :lang,
 * the JSON API's lang, the page's ?lang=, a browser's Accept-Language)
 * reads it here, so one rule holds everywhere: any case, a region or
 * script after '-' or '_' ("pt-BR", "zh-Hant-TW", "EN-gb", "en_GB"), and
 * another name of one language the index holds under its usual code
 * ("nb", "nn": "no"; corpus.h's corpus_lang_code_usual()). */
#ifndef FAQBOT_LANG_TAG_H
#define FAQBOT_LANG_TAG_H

#include <stddef.h>
#include <stdint.h>

#include "index_read.h"

/* The index's language that tag names, or -1: tag NULL, empty, not a
 * language tag, "*", or a language the index lacks. */
int lang_tag_find(const faq_index *ix, const char *tag);

/* The index's code of the language tag names ("EN-gb", "nb": "en",
 * "no"), a string of ix, or NULL as lang_tag_find() finds none. */
const char *lang_tag_code(const faq_index *ix, const char *tag);

/* The index's languages an Accept-Language header asks for, into out (at
 * most max, each once), most wanted first: by q-value, ties in the
 * header's order; q=0 ("not acceptable") and "*" are left out, and so is
 * a language whose every tag in the header says q=0. Returns how many. */
size_t lang_tag_accepted(const faq_index *ix, const char *header, uint32_t *out, size_t max);

#endif
