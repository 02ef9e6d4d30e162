/* decompound.c: a compound word as two words the index knows. */
#include "decompound.h"

/* Is byte c the first of a code point? */
static int cp_start(unsigned char c) { return (c & 0xC0) != 0x80; }

static size_t cps(const char *w, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += cp_start((unsigned char)w[i]);
    return k;
}

int decompound(const char *word, size_t len, decompound_has_fn has, void *ctx,
               decompound_split *out)
{
    size_t total = cps(word, len);
    if (total < 2 * DECOMPOUND_MIN_PART)
        return 0;
    /* the longest head first: a longer known head is the likelier reading
     * ("bildschirm|schoner" before "bild|schirmschoner") */
    for (size_t cut = len; cut-- > 1;) {
        if (!cp_start((unsigned char)word[cut]))
            continue;
        size_t head_cps = cps(word, cut);
        if (head_cps < DECOMPOUND_MIN_PART || total - head_cps < DECOMPOUND_MIN_PART)
            continue;
        if (!has(ctx, word + cut, len - cut))
            continue;
        if (has(ctx, word, cut)) {
            *out = (decompound_split){cut, cut};
            return 1;
        }
        /* a linking element between the parts: "Versions|nummer", "Debian-|Version" */
        if ((word[cut - 1] == 's' || word[cut - 1] == '-') && head_cps - 1 >= DECOMPOUND_MIN_PART &&
            has(ctx, word, cut - 1)) {
            *out = (decompound_split){cut - 1, cut};
            return 1;
        }
    }
    return 0;
}
