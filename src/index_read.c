/* index_read.c: maps an index file and checks it before anything reads it. */
#include "index_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "entry_stream.h"
#include "index_format.h"
#include "index_internal.h"
#include "index_model.h"
#include "limits.h"
#include "message_keys.h"
#include "spellings.h"

/* Human-readable text for a negative code, the head of every error's text. */
static const char *faq_index_strerror(int code)
{
    switch (code) {
    case FAQ_INDEX_OK: return "ok";
    case FAQ_INDEX_EIO: return "cannot read the file";
    case FAQ_INDEX_EFOREIGN: return "not a faqbot index";
    case FAQ_INDEX_EVERSION: return "index format version not supported by this faqbot";
    case FAQ_INDEX_ECORRUPT: return "index file is corrupt or truncated";
    }
    return "unknown error";
}

static int str_ok(const faq_index *ix, ix_str s)
{
    return (uint64_t)s.off + s.len <= ix->strings_len;
}

/* n bytes at off lie inside TEXTS (off is any u64: no sum that wraps). */
static int text_ok(const faq_index *ix, uint64_t off, uint64_t n)
{
    return off <= ix->texts_len && n <= ix->texts_len - off;
}

/* At open: every section inside the file, each table's size matching its
 * count, the hash tables' shapes, the languages. Reads the header and the
 * language table only. */
static const char *check_layout(faq_index *ix, int unfinished)
{
    const ix_header *h = ix->h;
    /* back to back in their order, 8-aligned, the file ending with the last */
    uint64_t at = sizeof *h;
    for (int s = 0; s < IX_SECTIONS; s++) {
        if (h->sec[s].off != at || h->sec[s].off > ix->size ||
            h->sec[s].len > ix->size - h->sec[s].off)
            return "section out of bounds";
        at = (at + h->sec[s].len + 7) & ~(uint64_t)7;
    }
    if (at != ix->size)
        return "section table does not cover the file";
    const unsigned char *base = ix->map;
#define SEC(name, type, count)                                                  \
    do {                                                                        \
        if (h->sec[name].len != (uint64_t)(count) * sizeof(type))               \
            return "section size does not match its count";                     \
    } while (0)
    if (h->n_langs == 0 || h->n_langs > FAQ_MAX_LANGS || h->n_entries > FAQ_MAX_ENTRIES ||
        h->n_groups > h->n_entries)
        return "bad counts";
    SEC(IX_LANGS, ix_lang, h->n_langs);
    SEC(IX_ENTRIES, ix_entry, h->n_entries);
    SEC(IX_GROUPS, uint32_t, (uint64_t)h->n_groups * h->n_langs);
    SEC(IX_TERMS, ix_term, h->n_terms);
    SEC(IX_WORDS, ix_word, h->n_words);
    SEC(IX_IDS, uint32_t, h->n_entries);
    SEC(IX_EWORDOFF, uint32_t, (uint64_t)h->n_entries + 1);
    SEC(IX_TOKOFF, uint64_t, (uint64_t)h->n_entries * ENTRY_STREAM_TEXTS + 1);
    SEC(IX_SHOWN, ix_shown, h->n_entries);
    SEC(IX_XLATE, ix_xlate, h->n_xlates);
    SEC(IX_XLTERMS, uint32_t, h->n_xlterms);
    if (h->sec[IX_DICTHEADS].len % sizeof(uint32_t))
        return "section size does not match its count";
    if (h->sec[IX_LACKING].len)   /* or empty: no term lacks a language */
        SEC(IX_LACKING, uint64_t, h->n_terms);
#undef SEC
    ix->texts = (const char *)base + h->sec[IX_TEXTS].off;
    ix->texts_len = h->sec[IX_TEXTS].len;
    ix->strings = (const char *)base + h->sec[IX_STRINGS].off;
    ix->strings_len = h->sec[IX_STRINGS].len;
    ix->langs = (const ix_lang *)(base + h->sec[IX_LANGS].off);
    ix->entries = (const ix_entry *)(base + h->sec[IX_ENTRIES].off);
    ix->groups = (const uint32_t *)(base + h->sec[IX_GROUPS].off);
    ix->terms = (const ix_term *)(base + h->sec[IX_TERMS].off);
    ix->term_hash = (const uint32_t *)(base + h->sec[IX_TERMHASH].off);
    ix->term_hash_cap = h->sec[IX_TERMHASH].len / sizeof(uint32_t);
    ix->postings = base + h->sec[IX_POSTINGS].off;
    ix->postings_len = h->sec[IX_POSTINGS].len;
    ix->words = (const ix_word *)(base + h->sec[IX_WORDS].off);
    ix->word_hash = (const uint32_t *)(base + h->sec[IX_WORDHASH].off);
    ix->word_hash_cap = h->sec[IX_WORDHASH].len / sizeof(uint32_t);
    ix->qseq = (const uint32_t *)(base + h->sec[IX_QSEQ].off);
    ix->qseq_len = h->sec[IX_QSEQ].len / sizeof(uint32_t);
    ix->ids = (const uint32_t *)(base + h->sec[IX_IDS].off);
    ix->ewords_off = (const uint32_t *)(base + h->sec[IX_EWORDOFF].off);
    ix->ewords = (const uint32_t *)(base + h->sec[IX_EWORDS].off);
    ix->ewords_len = h->sec[IX_EWORDS].len / sizeof(uint32_t);
    if (h->sec[IX_EWORDS].len % sizeof(uint32_t))
        return "section size does not match its count";
    ix->tok_off = (const uint64_t *)(base + h->sec[IX_TOKOFF].off);
    ix->tokens = base + h->sec[IX_TOKENS].off;
    ix->tokens_len = h->sec[IX_TOKENS].len;
    ix->xlates = (const ix_xlate *)(base + h->sec[IX_XLATE].off);
    ix->xlterms = (const uint32_t *)(base + h->sec[IX_XLTERMS].off);
    ix->xlate_hash = (const uint32_t *)(base + h->sec[IX_XLHASH].off);
    ix->xlate_hash_cap = h->sec[IX_XLHASH].len / sizeof(uint32_t);
    ix->n_xlates = h->n_xlates;
    ix->n_xlterms = h->n_xlterms;
    ix->dict_heads = (const uint32_t *)(base + h->sec[IX_DICTHEADS].off);
    ix->n_dict_heads = h->sec[IX_DICTHEADS].len / sizeof(uint32_t);
    ix->lacking = h->sec[IX_LACKING].len ? (const uint64_t *)(base + h->sec[IX_LACKING].off) : NULL;
    ix->shown = (const ix_shown *)(base + h->sec[IX_SHOWN].off);
    ix->shown_text = (const char *)base + h->sec[IX_SHOWNTEXT].off;
    ix->shown_text_len = h->sec[IX_SHOWNTEXT].len;
    if (spellings_open(base + h->sec[IX_SPELLINGS].off, h->sec[IX_SPELLINGS].len,
                       &ix->spellings) != 0)
        return "bad spellings section";
    ix->n_langs = h->n_langs;
    ix->n_entries = h->n_entries;
    ix->n_groups = h->n_groups;
    ix->n_terms = h->n_terms;
    ix->n_words = h->n_words;

    /* Hash tables: a power of two, larger than what they hold, values in range. */
    size_t caps[3] = {ix->term_hash_cap, ix->word_hash_cap, ix->xlate_hash_cap};
    uint32_t limits[3] = {h->n_terms, h->n_words, h->n_xlates};
    for (int t = 0; t < 3; t++)
        if (caps[t] < 16 || (caps[t] & (caps[t] - 1)) || caps[t] <= limits[t])
            return "bad hash table";
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        const ix_lang *L = &ix->langs[l];
        if (memchr(L->code, '\0', sizeof L->code) == NULL || L->code[0] == '\0')
            return "bad language code";
        if (!str_ok(ix, L->stopwords) || !str_ok(ix, L->synonyms) || !str_ok(ix, L->messages) ||
            !str_ok(ix, ix->h->settings))
            return "language string out of bounds";
        if ((uint64_t)L->entry_first + L->entry_count > ix->n_entries ||
            (uint64_t)L->term_first + L->term_count > ix->n_terms ||
            (uint64_t)L->word_first + L->word_count > ix->n_words || L->n_faq > L->entry_count)
            return "language range out of bounds";
    }
    ix->model = base + h->sec[IX_MODEL].off;
    ix->model_len = h->sec[IX_MODEL].len;
    if (!(unfinished && !ix->model_len) &&
        index_model_read(ix->model, ix->model_len, ix->n_langs, ix->n_entries, ix->n_terms,
                         ix->n_words, 0, NULL, NULL) != 0)
        return "bad search model tables";
    return NULL;
}

/* For faq_index_check(): every offset, length and number of every table
 * stays inside what it points into. The checksums catch accidents, this
 * catches a crafted file. */
static int stream_ok(void *ctx, const token *t) { return 0; }

/* TOKOFF in order and within TOKENS, and each stream read to its end
 * within its text. */
static const char *check_streams(const faq_index *ix)
{
    size_t n_off = (size_t)ix->n_entries * ENTRY_STREAM_TEXTS;
    if (ix->tok_off[0] != 0 || ix->tok_off[n_off] != ix->tokens_len)
        return "token streams do not match their table";
    for (size_t i = 0; i < n_off; i++)
        if (ix->tok_off[i] > ix->tok_off[i + 1])
            return "token streams out of order";
    for (uint32_t e = 0; e < ix->n_entries; e++) {
        faq_entry fe;
        faq_index_entry(ix, e, &fe);
        const faq_str text[ENTRY_STREAM_TEXTS] = {fe.question, fe.alts, fe.answer};
        for (int k = 0; k < ENTRY_STREAM_TEXTS; k++) {
            const uint64_t *o = ix->tok_off + (size_t)e * ENTRY_STREAM_TEXTS + k;
            if (entry_stream_run(ix->tokens + o[0], (size_t)(o[1] - o[0]), text[k].s, text[k].len,
                                 1, 0, stream_ok, NULL) != 0)
                return "token stream out of bounds";
        }
    }
    return NULL;
}

static const char *check_elements(const faq_index *ix)
{
    size_t caps[3] = {ix->term_hash_cap, ix->word_hash_cap, ix->xlate_hash_cap};
    const uint32_t *tabs[3] = {ix->term_hash, ix->word_hash, ix->xlate_hash};
    uint32_t limits[3] = {ix->n_terms, ix->n_words, ix->n_xlates};
    for (int t = 0; t < 3; t++)
        for (size_t i = 0; i < caps[t]; i++)
            if (tabs[t][i] > limits[t])
                return "hash table value out of range";
    for (uint32_t e = 0; e < ix->n_entries; e++) {
        const ix_entry *E = &ix->entries[e];
        if (!text_ok(ix, E->text_off,
                     (uint64_t)E->id_len + E->question_len + E->file_len + E->alts_len) ||
            !text_ok(ix, E->answer_off, E->answer_len))
            return "entry text out of bounds";
        if (E->lang >= ix->n_langs || E->group >= ix->n_groups ||
            (uint64_t)E->qseq_off + E->qseq_len > ix->qseq_len)
            return "entry field out of range";
        if (ix->groups[(size_t)E->group * ix->n_langs + E->lang] != e)
            return "group table inconsistent";
    }
    for (size_t i = 0; i < (size_t)ix->n_groups * ix->n_langs; i++)
        if (ix->groups[i] != IX_NONE && ix->groups[i] >= ix->n_entries)
            return "group entry out of range";
    for (uint32_t t = 0; t < ix->n_terms; t++) {
        const ix_term *T = &ix->terms[t];
        if (!str_ok(ix, T->text) || T->lang >= ix->n_langs ||
            T->post_off > ix->postings_len || T->post_len > ix->postings_len - T->post_off ||
            T->post_off % 4 || T->max_impact > IX_IMPACT_MAX ||
            T->n_blocks != (T->df > IX_BLOCK ? (T->df + IX_BLOCK - 1) / IX_BLOCK : 0) ||
            (uint64_t)T->n_blocks * sizeof(ix_block) > T->post_len)
            return "term out of bounds";
        const ix_block *B = (const ix_block *)(ix->postings + T->post_off);
        uint32_t data_len = T->post_len - T->n_blocks * (uint32_t)sizeof(ix_block);
        for (uint32_t b = 0; b < T->n_blocks; b++) {
            if (B[b].off >= data_len || B[b].last >= ix->n_groups ||
                B[b].max_impact > IX_IMPACT_MAX || B[b].kind > IX_BLOCK_BITMAP ||
                (b && (B[b].last <= B[b - 1].last || B[b].off <= B[b - 1].off)))
                return "posting block out of bounds";
            if (B[b].kind == IX_BLOCK_BITMAP) {
                uint32_t first = b ? B[b - 1].last + 1 : 0;
                uint32_t count = b + 1 < T->n_blocks ? IX_BLOCK : T->df - b * IX_BLOCK;
                uint32_t end = b + 1 < T->n_blocks ? B[b + 1].off : data_len;
                uint32_t words = (B[b].last - first) / 64 + 1;
                if (words > IX_BITMAP_WORDS || (uint64_t)B[b].off + count + words * 9 > end)
                    return "posting bitmap out of bounds";
            }
        }
    }
    for (uint32_t w = 0; w < ix->n_words; w++) {
        const ix_word *W = &ix->words[w];
        if (!str_ok(ix, W->text) || W->lang >= ix->n_langs || W->term >= ix->n_terms ||
            W->dict > IX_WORD_DICT_LACKS || (W->lemma != IX_NONE && W->lemma >= ix->n_terms))
            return "word out of bounds";
    }
    for (uint32_t x = 0; x < ix->n_xlates; x++) {
        const ix_xlate *X = &ix->xlates[x];
        if (!str_ok(ix, X->text) || X->lang >= ix->n_langs ||
            (uint64_t)X->first + X->count > ix->n_xlterms || X->both > X->count)
            return "translation out of bounds";
    }
    for (uint32_t i = 0; i < ix->n_xlterms; i++)
        if (ix->xlterms[i] >= ix->n_terms)
            return "translation term out of range";
    for (size_t i = 0; i < ix->qseq_len; i++)
        if (ix->qseq[i] != IX_NONE && ix->qseq[i] >= ix->n_terms)
            return "question sequence out of range";
    for (uint32_t i = 0; i < ix->n_entries; i++)
        if (ix->ids[i] >= ix->n_entries)
            return "id table out of range";
    if (ix->ewords_off[ix->n_entries] != ix->ewords_len)
        return "entry words do not match their table";
    for (uint32_t e = 0; e < ix->n_entries; e++)
        if (ix->ewords_off[e] > ix->ewords_off[e + 1])
            return "entry words out of order";
    for (size_t i = 0; i < ix->ewords_len; i++)
        if (ix->ewords[i] >= ix->n_words)
            return "entry word out of range";
    const char *why = check_streams(ix);
    if (why)
        return why;
    for (uint32_t e = 0; e < ix->n_entries; e++) {
        const ix_shown *S = &ix->shown[e];
        uint64_t n = (uint64_t)S->id + S->question + S->answer + (S->html == IX_NONE ? 0 : S->html);
        if (S->off > ix->shown_text_len || n > ix->shown_text_len - S->off ||
            S->id < 2 || S->question < 2 || S->answer < 2 || (S->html != IX_NONE && S->html < 2))
            return "shown text out of bounds";
    }
    if (index_model_read(ix->model, ix->model_len, ix->n_langs, ix->n_entries, ix->n_terms,
                         ix->n_words, 1, NULL, NULL) != 0)
        return "bad search model tables";
    return spellings_check(&ix->spellings);
}

/* The checksum of n bytes at p, read a few MiB at a time, each piece given
 * back as soon as it is summed: on a read-only file mapping MADV_DONTNEED
 * drops only this process's view of the pages (the page cache keeps them),
 * so checking a large index does not leave the whole file resident. */
static uint64_t checksum_released(const unsigned char *p, size_t n)
{
    size_t whole = n & ~(size_t)7;
    const size_t chunk = (size_t)4 << 20;   /* a multiple of 8: the same sum */
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    ix_sum s;
    ix_sum_init(&s);
    for (size_t off = 0; off < whole; off += chunk) {
        size_t len = whole - off < chunk ? whole - off : chunk;
        ix_sum_words(&s, p + off, len);
        uintptr_t a = ((uintptr_t)(p + off) + page - 1) & ~(page - 1);
        uintptr_t b = (uintptr_t)(p + off + len) & ~(page - 1);
        if (b > a)
            madvise((void *)a, b - a, MADV_DONTNEED);   /* advice: failure is harmless */
    }
    return ix_sum_final(&s, p + whole, n & 7, n);
}

static const char *const section_names[IX_SECTIONS] = {
    "TEXTS", "STRINGS", "LANGS", "ENTRIES", "GROUPS", "TERMS", "TERMHASH", "POSTINGS",
    "WORDS", "WORDHASH", "QSEQ", "IDS", "EWORDOFF", "EWORDS", "TOKOFF", "TOKENS", "XLATE", "XLTERMS", "XLHASH",
    "DICTHEADS", "LACKING", "SHOWNTEXT", "SHOWN", "SPELLINGS", "MODEL",
};

int faq_index_check(const faq_index *ix, char *err, size_t errlen)
{
    for (int k = 0; k < IX_SECTIONS; k++)
        if (checksum_released(ix->map + ix->h->sec[k].off, (size_t)ix->h->sec[k].len) !=
            ix->h->sec[k].sum) {
            snprintf(err, errlen, "%s (checksum mismatch in section %s)",
                     faq_index_strerror(FAQ_INDEX_ECORRUPT), section_names[k]);
            return FAQ_INDEX_ECORRUPT;
        }
    /* the padding after each section is zeros: no byte goes unchecked */
    for (int k = 0; k < IX_SECTIONS; k++) {
        uint64_t end = ix->h->sec[k].off + ix->h->sec[k].len;
        for (uint64_t i = end; i < ((end + 7) & ~(uint64_t)7); i++)
            if (ix->map[i]) {
                snprintf(err, errlen, "%s (padding after section %s)",
                         faq_index_strerror(FAQ_INDEX_ECORRUPT), section_names[k]);
                return FAQ_INDEX_ECORRUPT;
            }
    }
    const char *why = check_elements(ix);
    if (why) {
        snprintf(err, errlen, "%s (%s)", faq_index_strerror(FAQ_INDEX_ECORRUPT), why);
        return FAQ_INDEX_ECORRUPT;
    }
    return FAQ_INDEX_OK;
}

static int index_open(const char *path, int unfinished, faq_index **out, char *err, size_t errlen)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return FAQ_INDEX_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        close(fd);
        return FAQ_INDEX_EIO;
    }
    int code = FAQ_INDEX_ECORRUPT;
    const char *why = NULL;
    faq_index *ix = calloc(1, sizeof *ix);
    if (!ix) {
        close(fd);
        snprintf(err, errlen, "%s: out of memory", path);
        return FAQ_INDEX_EIO;
    }
    ix->size = (uint64_t)st.st_size;
    if (ix->size < 8) {
        code = ix->size == 0 ? FAQ_INDEX_ECORRUPT : FAQ_INDEX_EFOREIGN;
        why = ix->size == 0 ? "empty file" : "too short to be an index";
        goto fail;
    }
    ix->map = mmap(NULL, (size_t)ix->size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (ix->map == MAP_FAILED) {
        ix->map = NULL;
        code = FAQ_INDEX_EIO;
        why = strerror(errno);
        goto fail;
    }
    close(fd);
    fd = -1;
    if (memcmp(ix->map, FAQ_INDEX_MAGIC, 8) != 0) {
        code = FAQ_INDEX_EFOREIGN;
        why = "no faqbot index magic";
        goto fail;
    }
    if (ix->size < sizeof(ix_header)) {
        why = "truncated header";
        goto fail;
    }
    ix->h = (const ix_header *)ix->map;
    if (ix->h->version != FAQ_INDEX_VERSION) {
        code = FAQ_INDEX_EVERSION;
        /* a newer one is most often a serve started before an upgrade
         * meeting the index the upgraded faqbot wrote: rebuilding with the
         * same command would write the same */
        if (ix->h->version > FAQ_INDEX_VERSION)
            snprintf(err, errlen,
                     "%s: index format version %u, a newer faqbot's (this one reads version %u): "
                     "read it with the faqbot that wrote it (after an upgrade, restart `faqbot "
                     "serve`), or rebuild it with this one",
                     path, ix->h->version, FAQ_INDEX_VERSION);
        else
            snprintf(err, errlen,
                     "%s: index format version %u, an older faqbot's (this one reads version %u): "
                     "rebuild it with `faqbot index`",
                     path, ix->h->version, FAQ_INDEX_VERSION);
        faq_index_close(ix);
        return code;
    }
    if (ix->h->header_size != sizeof(ix_header) || ix->h->n_sections != IX_SECTIONS) {
        why = "bad header";
        goto fail;
    }
    if (ix->h->file_size != ix->size) {
        why = ix->h->file_size > ix->size ? "truncated file" : "trailing bytes after the index";
        goto fail;
    }
    if (ix_checksum(ix->map + IX_HEADER_SUMMED, sizeof(ix_header) - IX_HEADER_SUMMED) !=
        ix->h->checksum) {
        why = "header checksum mismatch";
        goto fail;
    }
    why = check_layout(ix, unfinished);
    if (why)
        goto fail;
    /* every answer of a server names its index by it: formatted once */
    snprintf(ix->checksum_hex, sizeof ix->checksum_hex, "%016llx", (unsigned long long)ix->h->checksum);
    *out = ix;
    return FAQ_INDEX_OK;
fail:
    snprintf(err, errlen, "%s: %s (%s)", path, faq_index_strerror(code), why ? why : "?");
    if (fd >= 0)
        close(fd);
    faq_index_close(ix);
    return code;
}

int faq_index_open(const char *path, faq_index **out, char *err, size_t errlen)
{
    return index_open(path, 0, out, err, errlen);
}

int ix_open_unfinished(const char *path, faq_index **out, char *err, size_t errlen)
{
    return index_open(path, 1, out, err, errlen);
}

void faq_index_close(faq_index *ix)
{
    if (!ix)
        return;
    if (ix->map)
        munmap((void *)ix->map, (size_t)ix->size);
    free(ix);
}

uint32_t faq_index_entry_count(const faq_index *ix) { return ix->n_entries; }
uint32_t faq_index_lang_count(const faq_index *ix) { return ix->n_langs; }

uint32_t faq_index_lang_default(const faq_index *ix)
{
    for (uint32_t l = 0; l < ix->n_langs; l++)
        if (ix->langs[l].n_faq)
            return l;
    return 0;
}
uint64_t faq_index_build_time(const faq_index *ix) { return ix->h->build_time; }
uint64_t faq_index_checksum(const faq_index *ix) { return ix->h->checksum; }
const char *faq_index_checksum_hex(const faq_index *ix) { return ix->checksum_hex; }
uint64_t faq_index_size(const faq_index *ix) { return ix->size; }
uint32_t faq_index_group_count(const faq_index *ix) { return ix->n_groups; }

const char *faq_index_lang_code(const faq_index *ix, uint32_t lang)
{
    return lang < ix->n_langs ? ix->langs[lang].code : NULL;
}

int faq_index_lang_find(const faq_index *ix, const char *code)
{
    if (!code)
        return -1;
    for (uint32_t l = 0; l < ix->n_langs; l++)
        if (strcmp(ix->langs[l].code, code) == 0)
            return (int)l;
    return -1;
}

int faq_str_line(faq_str *rest, faq_str *line)
{
    if (!rest->len)
        return 0;
    const char *eol = memchr(rest->s, '\n', rest->len);
    uint32_t n = eol ? (uint32_t)(eol - rest->s) : rest->len, past = n + (eol != NULL);
    *line = (faq_str){rest->s, n};
    rest->s += past;
    rest->len -= past;
    return 1;
}

static faq_str mk(const faq_index *ix, ix_str s)
{
    return (faq_str){ix->strings + s.off, s.len};
}

faq_str faq_index_lang_stopwords(const faq_index *ix, uint32_t l) { return mk(ix, ix->langs[l].stopwords); }
faq_str faq_index_lang_synonyms(const faq_index *ix, uint32_t l) { return mk(ix, ix->langs[l].synonyms); }
uint32_t faq_index_lang_entries(const faq_index *ix, uint32_t l) { return ix->langs[l].n_faq; }

void faq_index_entry(const faq_index *ix, uint32_t e, faq_entry *out)
{
    const ix_entry *E = &ix->entries[e];
    const char *p = ix->texts + E->text_off;
    out->id = (faq_str){p, E->id_len};
    p += E->id_len;
    out->question = (faq_str){p, E->question_len};
    p += E->question_len;
    out->file = (faq_str){p, E->file_len};
    p += E->file_len;
    out->alts = (faq_str){p, E->alts_len};
    out->answer = (faq_str){ix->texts + E->answer_off, E->answer_len};
    out->line = E->line;
    out->lang = E->lang;
    out->group = E->group;
    out->kind = E->kind;
}

int faq_index_entry_stream(const faq_index *ix, uint32_t e, int which, const unsigned char **p,
                           size_t *n)
{
    if (ix->entries[e].kind != ENTRY_FAQ)
        return -1;
    const uint64_t *o = ix->tok_off + (size_t)e * ENTRY_STREAM_TEXTS + which;
    *p = ix->tokens + o[0];
    *n = (size_t)(o[1] - o[0]);
    return 0;
}

void faq_index_entry_shown(const faq_index *ix, uint32_t e, faq_entry_shown *out)
{
    const ix_shown *S = &ix->shown[e];
    const char *p = ix->shown_text + S->off;
    out->id = (faq_str){p, S->id};
    p += S->id;
    out->question = (faq_str){p, S->question};
    p += S->question;
    out->answer = (faq_str){p, S->answer};
    p += S->answer;
    out->html = S->html == IX_NONE ? (faq_str){NULL, 0} : (faq_str){p, S->html};
}

uint32_t faq_index_group_entry(const faq_index *ix, uint32_t g, uint32_t lang)
{
    if (g >= ix->n_groups || lang >= ix->n_langs)
        return UINT32_MAX;
    return ix->groups[(size_t)g * ix->n_langs + lang];
}

uint32_t faq_index_find_id(const faq_index *ix, const char *id, size_t id_len, uint32_t lang)
{
    size_t lo = 0, hi = ix->n_entries;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const ix_entry *E = &ix->entries[ix->ids[mid]];
        size_t n = E->id_len < id_len ? E->id_len : id_len;
        int c = memcmp(ix->texts + E->text_off, id, n);
        if (!c)
            c = E->id_len < id_len ? -1 : E->id_len > id_len;
        if (!c)
            c = E->lang < lang ? -1 : E->lang > lang;
        if (c < 0)
            lo = mid + 1;
        else if (c > 0)
            hi = mid;
        else
            return ix->ids[mid];
    }
    return UINT32_MAX;
}

const char *faq_index_message(const faq_index *ix, uint32_t lang, const char *key,
                              char *buf, size_t cap)
{
    if (!cap || lang >= ix->n_langs)
        return NULL;
    faq_str text = mk(ix, ix->langs[lang].messages);
    return message_value(text.s, text.len, key, buf, cap);
}

double faq_index_threshold(const faq_index *ix)
{
    char buf[64], *end;
    faq_str text = mk(ix, ix->h->settings);
    if (!message_value(text.s, text.len, "threshold", buf, sizeof buf))
        return -1;
    double v = strtod(buf, &end);
    return end != buf && v >= 0 && v <= 1 ? v : -1;
}
