/* fuzz_corpus.c: arbitrary bytes as a Markdown and as a plain-text FAQ
 * document: parsed or refused with a message, never a crash or a leak. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "corpus.h"
#include "corpus_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    corpus_lang lang;
    memset(&lang, 0, sizeof lang);
    strcpy(lang.code, "es");
    corpus_parse_md(&lang, "fuzz.md", "fuzz", (const char *)data, size, ENTRY_FAQ, err, sizeof err);
    corpus_lang_clear(&lang);
    memset(&lang, 0, sizeof lang);
    strcpy(lang.code, "es");
    corpus_parse_txt(&lang, "fuzz.txt", "fuzz", (const char *)data, size, err, sizeof err);
    corpus_lang_clear(&lang);
    return 0;
}
