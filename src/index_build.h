/* index_build.h: the state of an index build (index_write.c), shared with
 * the part that ends it once every entry is in (index_end.c): the final
 * numbers, the postings, the words, the translation tables. Internal to
 * the two; index_write.h is the build's public face. */
#ifndef FAQ_INDEX_BUILD_H
#define FAQ_INDEX_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "corpus.h"
#include "index_analyze.h"
#include "index_format.h"
#include "index_ids.h"
#include "index_spill.h"
#include "index_table.h"
#include "index_xlate.h"
#include "limits.h"

/* Posting records held in memory at least, whatever the budget: fewer and
 * the spill's writes would be small. */
#define RECS_FLOOR 4096

/* The tables' caches (index_table.h) each take at most this part of the
 * budget: the id map's two (three while it grows) and the groups'. */
#define TABLE_SHARE 16

/* Per entry, in the lens spill. */
typedef struct entry_lens {
    uint32_t group, qlen, alen;
} entry_lens;

typedef struct ixb {
    const char *path;
    size_t memory;
    const corpus_report *rep;     /* the reading's: once it has an error, nothing is analyzed */
    int owned;                    /* the entries handed over are the build's to free
                                     (a pack's always are: corpus_stream_pack()) */
    int rc;                       /* a failure, msg says which */
    int stopped_reading;          /* a callback failed, the reading stopped */
    char msg[1024];
    /* languages: n_langs so far of the n_dirs the reading counted and
     * the packs added to be asked in (translate.h), handed on in their
     * place among the folders, packs[next_pack] the next */
    uint32_t n_dirs, n_langs;
    ix_lang *langs;
    const char *packs[FAQ_MAX_LANGS];
    uint32_t n_packs, next_pack;
    int in_pack;                  /* a pack's language is being handed on */
    corpus_sink sink;             /* this build's, for corpus_stream_pack() */
    char *stopwords[FAQ_MAX_LANGS], *synonyms[FAQ_MAX_LANGS];   /* for the translations */
    double *sum_q, *sum_a;        /* per language, of its FAQ entries' lengths */
    uint64_t n_entries;
    uint32_t n_faq_all;
    bytes lang_text;              /* STRINGS up to the terms: the languages' texts */
    /* groups: a row of GROUPS_ROW(ib) u32s per group, in a table: the
     * entry + 1 of each language (0: none), then 1 when one is a FAQ
     * entry; and, for the entry after has_id(), its group */
    id_map ids;
    table groups;
    uint32_t next_group;
    /* the spills: TEXTS up to the answers, the answers, ENTRIES (answer
     * offsets from the answers' start), QSEQ, EWORDS and each entry's
     * count of them, TOKENS and each entry's texts' bytes there (u32
     * each), SHOWN (made with the file), POSTINGS, and per entry its group
     * and lengths (entry_lens) for the postings' impacts */
    spill head, answers, entries, qseq, ewords, ewcount, toks, toklen, shown, post, lens;
    rec_store recs;
    ana an[2];
    ana_item *batch;
    size_t n_batch, batch_cap, batch_bytes;
    const char *settings;
    char *settings_owned;
    char where[4200];             /* has_id()'s file */
    /* the end */
    uint32_t n_terms, n_words, n_groups;
    uint64_t qseq_at;             /* u32s of QSEQ so far */
    uint32_t *term_order, *term_rank, *word_order, *word_rank;
    uint8_t *word_dict;         /* per word, in word_order: its dictionary's verdict
                                   (IX_WORD_DICT_*, 0 for none) */
    unsigned char *spellings;     /* SPELLINGS (spellings.h) */
    size_t spellings_len;
    ix_term *terms;
    ix_word *words;
    uint32_t *term_hash, *word_hash;
    size_t th_cap, wh_cap;
    uint64_t *lacking;            /* LACKING, or NULL: none */
    uint64_t lacks_any;           /* the languages some FAQ group lacks */
    xlate_parts xp;
    uint32_t *smalltalk;          /* the small talk's entry numbers, for MODEL */
    size_t n_smalltalk, smalltalk_cap;
} ixb;

/* The build's first failure, in ib->msg (later ones are dropped). */
void ixb_fail(ixb *ib, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ixb_fail_oom(ixb *ib);
void ixb_fail_spill(ixb *ib, int e);
/* Bytes of memory the build holds besides the posting records. */
size_t ixb_held_bytes(const ixb *ib);
/* Posting records the budget leaves room for, held bytes held. */
size_t ixb_recs_limit(const ixb *ib, size_t held);

/* Once every entry is in and analyzed: numbers for good, the postings,
 * the words, the translation tables and the hash tables (index_end.c). */
void ixb_end(ixb *ib);

/* u32s in a row of the groups' table: one per language, then the FAQ mark. */
#define GROUPS_ROW(ib) ((ib)->n_dirs + 1)

#endif
