/* fuzz_analyze.c: arbitrary bytes through the analyzer of every language the
 * first byte picks (with synonym phrases, some with stop words), and through
 * folding: no crash, no read out of bounds, and every token's slices stay
 * inside their buffers. With bit 0x20 of the first byte, the input up to its
 * first NUL is a synonyms.txt for a fresh analyzer, the rest its text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "fold.h"

static const char *const langs[] = {"es", "en", "fr", "pt", "de", "it", "ru", "ar", "el", "tr"};
static analyzer *an[10];

static int check(void *ctx, const token *t)
{
    size_t len = *(size_t *)ctx;
    if (t->offset + t->raw_len > len || !utf8_valid(t->word, t->word_len) ||
        !utf8_valid(t->term, t->term_len))
        __builtin_trap();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int l = data[0] % 10;
    if (!an[l]) {
        an[l] = analyzer_new(langs[l], "la\nde\nthe\nl\nd\n");
        if (!an[l] || analyzer_set_synonyms(an[l], "casa, la casa, casa de la\n"
                                                  "end, the end, a b, b c d e\n"
                                                  "x, de la\n# a, b\n") != 0)
            return 0;
    }
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    if (data[0] & 0x20) {
        const char *nul = memchr(text, '\0', len);
        if (!nul)
            return 0;
        analyzer *fresh = analyzer_new(langs[l], "la\nde\nthe\n");
        if (!fresh)
            return 0;
        if (utf8_valid(text, (size_t)(nul - text)))
            analyzer_set_synonyms(fresh, text);
        len = size - 1 - (size_t)(nul + 1 - text);
        text = nul + 1;
        analyzer_run(fresh, text, len, check, &len);
        analyzer_free(fresh);
        return 0;
    }
    analyzer_keep_stopwords(an[l], data[0] & 0x10);
    analyzer_run(an[l], text, len, check, &len);
    char out[256];
    fold_text(text, len, out, sizeof out);
    return 0;
}
