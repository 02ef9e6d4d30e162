/* lang_names.h: a language as a spreadsheet's language column writes it
 * ("sv", "sv-SE", "en_US", "Swedish", "svenska", "Engelska") to its code,
 * read from the shipped packs: each pack's own name (messages.txt's
 * lang_name) and the names its sentences give other languages
 * (languages.txt). Pure functions: any thread. */
#ifndef FAQ_LANG_NAMES_H
#define FAQ_LANG_NAMES_H

#include <stddef.h>

/* The code of the language s (n bytes) writes, lower case, into code (cap
 * bytes): a two- or three-letter code, with or without its region ("sv",
 * "SV", "sv-SE", "pt_BR"; another code of a language the corpus's folders
 * name otherwise as that folder's: "nb" and "nor" as "no", "swe" as "sv"),
 * or a name a pack gives a language, in any case. Returns 1, or 0 when s is neither (or code is too short). */
int lang_code_named(const char *s, size_t n, char *code, size_t cap);

#endif
