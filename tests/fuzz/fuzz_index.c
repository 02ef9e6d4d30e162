/* fuzz_index.c: arbitrary bytes as an index file. Opening must refuse what
 * its header and layout checks cannot trust, faq_index_check() what the
 * rest cannot, and an index that passed both must answer questions safely.
 * The input is a real index with bytes changed (the seed corpus built by
 * the run script), so the checks past the checksums are reached: half the
 * time the section checksums and the header's are recomputed over the
 * mutated bytes before loading. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "index_format.h"
#include "index_read.h"
#include "search.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    static unsigned char buf[1 << 21];
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/faqbot-fuzz-index-%ld.idx", (long)getpid());
    if (size > sizeof buf)
        return 0;
    memcpy(buf, data, size);
    /* half the time, make the checksum match so the structure checks run */
    if (size >= sizeof(ix_header) && (size & 1)) {
        ix_header h;
        memcpy(&h, buf, sizeof h);
        for (int k = 0; k < IX_SECTIONS; k++)
            if (h.sec[k].off <= size && h.sec[k].len <= size - h.sec[k].off)
                h.sec[k].sum = ix_checksum(buf + h.sec[k].off, (size_t)h.sec[k].len);
        h.checksum = ix_checksum((const unsigned char *)&h + IX_HEADER_SUMMED,
                                 sizeof h - IX_HEADER_SUMMED);
        memcpy(buf, &h, sizeof h);
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(buf, 1, size, f);
    fclose(f);
    faq_index *ix;
    char err[512];
    if (faq_index_open(path, &ix, err, sizeof err) == FAQ_INDEX_OK &&
        faq_index_check(ix, err, sizeof err) != FAQ_INDEX_OK) {
        faq_index_close(ix);
    } else if (ix) {
        searcher *s = searcher_new(ix);
        if (s) {
            static const char *qs[] = {"¿Cuándo concluye la iniciativa?", "paises precursores",
                                       "iniciatvia", "hola", "\"fondo fiduciario\""};
            faq_query_opts o = {0};
            o.threshold = -1;
            o.explain = 1;
            o.highlight = 1;
            for (int i = 0; i < 5; i++) {
                faq_answer a;
                searcher_ask(s, qs[i], strlen(qs[i]), &o, &a);
            }
            searcher_free(s);
        }
        for (uint32_t e = 0; e < faq_index_entry_count(ix); e++) {
            faq_entry fe;
            faq_index_entry(ix, e, &fe);
        }
        char buf2[256];
        faq_index_message(ix, 0, "decline", buf2, sizeof buf2);
        faq_index_close(ix);
    }
    return 0;
}
