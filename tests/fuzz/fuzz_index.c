/* fuzz_index.c: changes to a real index file. Opening must refuse what
 * its header and layout checks cannot trust, faq_index_check() what the
 * rest cannot, and an index that passed both must answer questions safely.
 * The index ($FAQBOT_FUZZ_INDEX, built by the run script) is megabytes,
 * past libFuzzer's -max_len, which would cut it to its first sections and
 * leave every later check unreached; so the input is edits to it. The
 * first byte: bit 0, recompute the checksums of the sections edited and
 * the header's, so the checks past the checksums are reached; bit 1, cut
 * the file at the last edit's end. Then edits: a 4-byte offset
 * (little-endian, modulo the index's size), a length byte, that many bytes.
 * The edited index is a file in memory (memfd_create), opened by its
 * /proc/self/fd name: it goes with the process, however that ends, and no
 * input leaves a file behind. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "index_format.h"
#include "index_read.h"
#include "search.h"

static unsigned char *base, *buf;
static size_t base_len;

static void load_base(void)
{
    const char *p = getenv("FAQBOT_FUZZ_INDEX");
    FILE *f = p ? fopen(p, "rb") : NULL;
    if (!f || fseek(f, 0, SEEK_END) != 0) {
        fprintf(stderr, "fuzz_index: set FAQBOT_FUZZ_INDEX to an index\n");
        abort();
    }
    base_len = (size_t)ftell(f);
    rewind(f);
    base = malloc(base_len);
    buf = malloc(base_len);
    if (base_len < sizeof(ix_header) || !base || !buf || fread(base, 1, base_len, f) != base_len)
        abort();
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    static int fd = -1;
    if (fd < 0) {
        if ((fd = memfd_create("fuzz_index", 0)) < 0) {
            perror("fuzz_index: memfd_create");
            abort();
        }
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (!base)
        load_base();
    if (size < 1)
        return 0;
    memcpy(buf, base, base_len);
    int fix_sums = data[0] & 1, cut = data[0] & 2;
    unsigned char edited[IX_SECTIONS] = {0};
    ix_header h;
    memcpy(&h, base, sizeof h);
    size_t len = base_len, i = 1;
    while (i + 5 <= size) {
        uint32_t off;
        memcpy(&off, data + i, 4);
        size_t at = off % base_len, n = data[i + 4];
        i += 5;
        if (n > size - i)
            n = size - i;
        if (n > base_len - at)
            n = base_len - at;
        memcpy(buf + at, data + i, n);
        i += n;
        /* an edit of the header may move any section */
        for (int k = 0; k < IX_SECTIONS; k++)
            if (at < sizeof h || (at < h.sec[k].off + h.sec[k].len && at + n >= h.sec[k].off))
                edited[k] = 1;
        if (cut)
            len = at + n;
    }
    if (fix_sums && len >= sizeof(ix_header)) {
        memcpy(&h, buf, sizeof h);
        for (int k = 0; k < IX_SECTIONS; k++)
            if (edited[k] && h.sec[k].off <= len && h.sec[k].len <= len - h.sec[k].off)
                h.sec[k].sum = ix_checksum(buf + h.sec[k].off, (size_t)h.sec[k].len);
        h.checksum = ix_checksum((const unsigned char *)&h + IX_HEADER_SUMMED,
                                 sizeof h - IX_HEADER_SUMMED);
        memcpy(buf, &h, sizeof h);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, len, 0) != (ssize_t)len)
        abort();
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
