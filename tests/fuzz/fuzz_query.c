/* fuzz_query.c: arbitrary questions (and options from the first byte)
 * against the seed index: typo tolerance, synonyms, phrases, small talk,
 * language detection. The index path comes from $FAQBOT_FUZZ_INDEX. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_read.h"
#include "search.h"

static faq_index *ix;
static searcher *s;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ix) {
        const char *path = getenv("FAQBOT_FUZZ_INDEX");
        char err[512];
        if (!path || faq_index_open(path, &ix, err, sizeof err) != FAQ_INDEX_OK) {
            fprintf(stderr, "fuzz_query: set FAQBOT_FUZZ_INDEX to an index (%s)\n", path ? err : "unset");
            abort();
        }
        s = searcher_new(ix);
        if (!s)
            abort();
    }
    if (size < 1)
        return 0;
    static const char *langs[] = {NULL, "es", "en", "fr", "pt", "xx"};
    faq_query_opts o = {0};
    o.lang = langs[data[0] % 6];
    o.prev_lang = langs[(data[0] >> 3) % 6];
    o.threshold = -1;
    o.explain = data[0] & 0x40;
    o.highlight = data[0] & 0x80;
    faq_answer a;
    searcher_ask(s, (const char *)data + 1, size - 1, &o, &a);
    if (a.best.entry != UINT32_MAX && a.best.entry >= faq_index_entry_count(ix))
        __builtin_trap();
    faq_hit hits[10];
    searcher_topk(s, (const char *)data + 1, size - 1, &o, hits, 10);
    return 0;
}
