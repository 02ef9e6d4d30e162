/* index_xlate.h: what an index build adds for cross-language answers
 * (index_format.h): the translation sections (XLATE, XLTERMS, XLHASH),
 * translate.h's tables for the build's terms laid out as the file has
 * them (LACKING, the languages each term's FAQ groups lack, is made with
 * the postings: index_end.c).
 *
 * Ownership: an xlate_parts owns its arrays, freed by xlate_parts_free()
 * (which accepts a zeroed one). */
#ifndef FAQ_INDEX_XLATE_H
#define FAQ_INDEX_XLATE_H

#include <stddef.h>
#include <stdint.h>

#include "index_format.h"
#include "translate.h"

typedef struct xlate_parts {
    translate_table xt;           /* its keys go to STRINGS, at keys_at */
    ix_xlate *rows;               /* XLATE */
    uint32_t *hash;               /* XLHASH */
    size_t hash_cap;
} xlate_parts;

/* The tables of langs[0..n_langs) over the build's n_terms final terms
 * (term gives each), their keys to lie in STRINGS from offset keys_at.
 * Returns 0, or -1 with err saying why (a dictionary that is not in
 * dictd's format, by its file's name; memory). */
int xlate_parts_make(xlate_parts *x, const translate_lang *langs, uint32_t n_langs,
                     uint32_t n_terms, translate_term_fn term, void *ctx, uint64_t keys_at,
                     char *err, size_t errlen);
void xlate_parts_free(xlate_parts *x);

#endif
