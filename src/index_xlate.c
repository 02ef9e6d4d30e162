/* index_xlate.c: an index build's translation sections and LACKING
 * (index_xlate.h). */
#include "index_xlate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int xlate_parts_make(xlate_parts *x, const translate_lang *langs, uint32_t n_langs,
                     uint32_t n_terms, translate_term_fn term, void *ctx, uint64_t keys_at,
                     char *err, size_t errlen)
{
    memset(x, 0, sizeof *x);
    if (translate_build(NULL, langs, n_langs, n_terms, term, ctx, &x->xt, err, errlen) != 0)
        return -1;
    size_t n = x->xt.n_rows;
    x->hash_cap = 16;
    while (x->hash_cap < n * 2)
        x->hash_cap <<= 1;
    x->rows = calloc(n + 1, sizeof *x->rows);
    x->hash = calloc(x->hash_cap, sizeof *x->hash);
    if (!x->rows || !x->hash) {
        snprintf(err, errlen, "out of memory while building the index");
        return -1;
    }
    for (size_t r = 0; r < n; r++) {
        const translate_row *t = &x->xt.rows[r];
        const char *key = x->xt.keys + t->key_off;
        x->rows[r] = (ix_xlate){{(uint32_t)(keys_at + t->key_off), t->key_len}, t->lang,
                                t->first, t->count, t->both};
        size_t i = ix_hash(t->lang, key, t->key_len) & (x->hash_cap - 1);
        while (x->hash[i])
            i = (i + 1) & (x->hash_cap - 1);
        x->hash[i] = (uint32_t)r + 1;
    }
    return 0;
}

void xlate_parts_free(xlate_parts *x)
{
    translate_table_free(&x->xt);
    free(x->rows);
    free(x->hash);
    memset(x, 0, sizeof *x);
}

