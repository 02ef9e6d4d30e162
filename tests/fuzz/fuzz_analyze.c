/* fuzz_analyze.c: arbitrary bytes through the analyzer of every language the
 * first byte picks, and through folding: no crash, no read out of bounds,
 * and every token's slices stay inside their buffers. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "analyze.h"

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
        if (!an[l])
            return 0;
    }
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    analyzer_keep_stopwords(an[l], data[0] & 0x10);
    analyzer_run(an[l], text, len, check, &len);
    char out[256];
    fold_text(text, len, out, sizeof out);
    return 0;
}
