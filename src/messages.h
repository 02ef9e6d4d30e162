/* messages.h: the bot's localized sentences (corpus/<lang>/messages.txt, kept
 * in the index) with their {placeholders} filled. */
#ifndef FAQ_MESSAGES_H
#define FAQ_MESSAGES_H

#include <stddef.h>
#include <stdint.h>

#include "index_read.h"

/* Format message key of language lang into out (NUL-terminated, cut to
 * cap, never inside a character), replacing {name} by its value from kv
 * (name, value, ..., NULL). A key the index lacks for lang (an index
 * written before the key existed): the text of the language pack faqbot
 * ships for lang, else English's (the index's, else the pack's); for
 * "lang_name", the language's code. A key faqbot does not know: the key
 * itself. Returns the length. */
size_t msg_format(const faq_index *ix, uint32_t lang, const char *key,
                  const char *const *kv, char *out, size_t cap);

/* The name of language named as a sentence in language in says it, into
 * out, as msg_format(): "German" in English, "alemán" in Spanish, from the
 * languages.txt of the pack faqbot ships for the language in's texts are
 * written in (msg_text_lang()); a language that table does not name (or a
 * language without a pack, whose texts the corpus wrote): named's own
 * lang_name. Returns the length. */
size_t msg_lang_name(const faq_index *ix, uint32_t in, uint32_t named, char *out, size_t cap);

/* The decline's sentence for a question in language lang into out, as
 * msg_format(): "decline"; for a language the FAQ has no entry in (one it
 * is only asked in: English of a FAQ written in Russian) "decline_langs",
 * which names the languages it has entries in, each as lang's sentence
 * names it (msg_lang_name()), so that the asker knows which to ask in. */
size_t msg_decline(const faq_index *ix, uint32_t lang, char *out, size_t cap);

/* The code of the language lang's page texts are written in: lang's own
 * when the index or a pack faqbot ships has them, else "en", which they
 * fall back to. What a page's lang attribute says of its texts: a
 * Romanian FAQ's English ones marked "ro" are read by a screen reader
 * in a Romanian voice. */
const char *msg_text_lang(const faq_index *ix, uint32_t lang);

/* "rtl" for a language written from the right (Arabic, Persian, Hebrew,
 * Urdu), else "ltr": what a page's dir attribute says of texts in code,
 * before any script runs. */
const char *msg_text_dir(const char *code);

/* The language number of code, or faq_index_lang_default()'s when code is
 * NULL or not in the index. */
uint32_t msg_lang(const faq_index *ix, const char *code);

#endif
