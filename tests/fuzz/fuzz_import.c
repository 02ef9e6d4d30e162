/* fuzz_import.c: arbitrary bytes through faqbot import's readers (the first
 * byte chooses the format: guessed, CSV, TSV, Q:/A:, numbered, HTML, Markdown) and the
 * entries read written out as Markdown: read or refused with a message,
 * never a crash or a leak; what is written parses as a corpus (faqbot index
 * takes what faqbot import wrote). */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "corpus_parse.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    import_format f = (import_format)(data[0] % (IMPORT_MARKDOWN + 1));
    char err[512];
    import_doc doc = {0};
    int n = import_read(f, (const char *)data + 1, size - 1, &doc, err, sizeof err);
    if (n < 0 && !err[0])
        abort();    /* a refusal says why */
    if (n >= 0) {
        char *md = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&md, &len);
        if (out && import_write_md(&doc, "FAQ", "faq", out) == 0 && fclose(out) == 0) {
            corpus_lang lang;
            memset(&lang, 0, sizeof lang);
            strcpy(lang.code, "es");
            if (corpus_parse_md(&lang, "import.md", "import", md, len, ENTRY_FAQ, err, sizeof err) != 0) {
                fprintf(stderr, "the import's Markdown does not parse: %s\n", err);
                abort();
            }
            corpus_lang_clear(&lang);
        } else if (out) {
            fclose(out);
        }
        free(md);
    }
    import_doc_free(&doc);
    return 0;
}
