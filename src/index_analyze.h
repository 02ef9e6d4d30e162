/* index_analyze.h: what an index build does for each entry, on a thread's
 * share of a batch of entries: the analysis (its terms, words, posting
 * records, question sequence, the words to highlight, its field lengths).
 *
 * Each thread has its own analyzers and its own maps of terms and words,
 * numbered as they come; after a batch, the new terms and words of the
 * second join the first's (ana_merge()), and what the second made for the
 * batch is renumbered into the first's numbers, the build's. The build
 * numbers them for good by sorting, so the numbers given here never show
 * in the file.
 *
 * Ownership: an ana owns its maps, analyzers and batch outputs, freed by
 * ana_free() (which accepts a zeroed one); items belong to the caller. */
#ifndef FAQ_INDEX_ANALYZE_H
#define FAQ_INDEX_ANALYZE_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "corpus.h"
#include "decompound.h"
#include "entry_stream.h"
#include "index_format.h"
#include "index_spill.h"
#include "lemma.h"
#include "limits.h"

/* ---- a growable byte buffer with a sticky error ---- */

typedef struct bytes {
    unsigned char *p;
    size_t len, cap;
    int oom;
} bytes;

void bytes_put(bytes *b, const void *src, size_t n);

/* ---- (language, bytes) -> number, keys kept in a bytes buffer ---- */

typedef struct keymap {
    uint32_t *slots;              /* value + 1, 0 empty */
    size_t cap, count;
    ix_str *keys;                 /* by value, in the buffer */
    uint32_t *langs;              /* by value */
    size_t keys_cap;
} keymap;

int keymap_init(keymap *m);
void keymap_free(keymap *m);
/* The number of (lang, s), added if new (*added = 1); UINT32_MAX if out
 * of memory. */
uint32_t keymap_get(keymap *m, bytes *strings, uint32_t lang, const char *s, size_t n,
                    int *added);

/* Its keys sorted by (lang, bytes): order[final] = number, and
 * rank[number] = final. Returns 0 or -1 (out of memory). */
int keymap_sort(const keymap *m, const bytes *strings, uint32_t **order, uint32_t **rank);

/* TERMHASH or WORDHASH of its keys in their final order: u32[*cap], the
 * final number + 1 at a key's ix_hash() slot (open addressing); NULL when
 * out of memory. */
uint32_t *keymap_hash_table(const keymap *m, const bytes *strings, const uint32_t *order,
                            size_t *cap);

/* ---- the work ---- */

/* An entry of a batch, and what its analysis and texts came to. */
typedef struct ana_item {
    corpus_entry e;
    uint32_t entry, lang, group;
    int new_group;                /* the first entry of its group */
    int owned;                    /* the build frees e */
    uint32_t qseq_len;            /* u32s of its question sequence */
    uint32_t n_ewords;            /* its words to highlight */
    uint32_t tok_len[ENTRY_STREAM_TEXTS];   /* bytes of its texts' token streams */
    uint32_t qlen, alen;          /* its question's and answer's lengths */
} ana_item;

typedef struct word_info {
    uint32_t term;                /* its stem's number */
    uint32_t df;                  /* entries holding it (since the last merge) */
    uint32_t last_entry;          /* the last entry counted in df */
    uint32_t shown_entry;         /* entry + 1 of the last one whose shown words hold it */
    uint32_t lemma;               /* the lemma's marked term (lemma_term) of its first
                                     form in the corpus, or UINT32_MAX: the index's */
    uint32_t plain;               /* that of its form without accents (the word
                                     itself), UINT32_MAX, or LEMMA_UNASKED */
} word_info;

/* A word's plain form not met yet, its lemma not asked. */
#define LEMMA_UNASKED (UINT32_MAX - 1)

typedef struct ana {
    bytes strings;                /* the keys of terms and words */
    keymap terms, words;
    word_info *winfo;
    size_t winfo_cap;
    analyzer *an[FAQ_MAX_LANGS];
    /* per language, the dictionary (NULL: none) and an analyzer of its own
     * for the lemmas: an[l] is mid-walk when a word's lemma is wanted */
    lexicon *lex[FAQ_MAX_LANGS];
    analyzer *lemma_an[FAQ_MAX_LANGS];
    /* each token's lemma is that of its own form in lower case ("publicó",
     * "público": another lemma each, one word "publico"), so that no
     * thread's or batch's first sight of a word decides it for the others.
     * A form without accents is its word, its lemma in word_info.plain;
     * the forms with accents, and their lemmas, are here */
    bytes form_text;
    keymap forms;
    uint32_t *form_lemma;
    size_t form_lemma_cap;
    /* the words as the text writes them where that is not in lower case
     * ("Debian", German's "Paket"), for SPELLINGS (spellings.h) */
    bytes cased_text;
    keymap cased;
    /* a compounding language's (decompound.h) forms in lower case, each
     * with its parts' marked terms: form_parts[f] is where they start in
     * part_terms, UINT32_MAX before it is asked; part_terms holds each
     * form's count, then its terms */
    decompound_links links[FAQ_MAX_LANGS];
    bytes compound_text;
    keymap compounds;
    uint32_t *form_parts;
    size_t form_parts_cap;
    uint32_t *part_terms;
    size_t n_part_terms, part_terms_cap;
    /* the batch's outputs, in its items' order */
    posting_rec *recs;
    size_t n_recs, recs_cap;
    bytes qseq;                   /* u32 term numbers, IX_NONE between phrasings */
    bytes ewords;                 /* u32 word numbers */
    bytes toks;                   /* the texts' token streams (entry_stream.h) */
    /* a second thread's renumbering into the first's: its terms and words
     * [0, n_merged) are there; dirty lists the words whose df grew since */
    uint32_t *tmap, *wmap;
    size_t terms_merged, words_merged;
    uint32_t *dirty;
    size_t n_dirty, dirty_cap;
    int track_dirty;
    /* the entry being analyzed */
    ana_item *it;
    int field;                    /* 0 question, 1 answer */
    int in_qseq, in_shown;
    int in_toks;                  /* the walk's tokens go to toks too */
    entry_stream_enc tok_enc;
    bytes alts_text;              /* the alternate phrasings, one a line */
    uint32_t *etf_terms;          /* its distinct terms ... */
    uint16_t (*etf)[2];           /* ... and their tf per field */
    size_t n_etf, etf_cap;
    uint32_t *seen_entry;         /* per term: entry + 1 of its last etf slot ... */
    uint32_t *seen_slot;          /* ... and that slot */
    size_t seen_cap;
    uint32_t field_len[2];
    int oom;
} ana;

/* A zeroed ana is ready but for ana_init(). second: it will be merged into
 * another. Returns 0 or -1. */
int ana_init(ana *a, int second);
void ana_free(ana *a);

/* Let go of its dictionaries and its lemmas' analyzers, once every word
 * has its lemma and its verdict. */
void ana_drop_dictionaries(ana *a);

/* Language l's analyzer and, when dictionary is set, its dictionary (a
 * language of the packs only asked in has none: its words are its small
 * talk's). Returns 0, -1 when libstemmer has no stemmer for code, -2 out
 * of memory. */
int ana_lang(ana *a, uint32_t l, const char *code, const char *stopwords, const char *synonyms,
             int dictionary);

/* Items [0, n) analyzed, into the batch's outputs (emptied first). Sets a->oom when memory ran out. A thread's body. */
void ana_run(ana *a, ana_item *items, size_t n);

/* from's new terms and words into a's maps, from's words' counts added to
 * a's, and from's batch outputs renumbered into a's numbers. Returns 0 or
 * -1 (out of memory). */
int ana_merge(ana *a, ana *from);

/* Bytes of memory its maps hold (not the batch's outputs). */
size_t ana_bytes(const ana *a);

#endif
