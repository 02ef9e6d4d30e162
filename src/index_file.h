/* index_file.h: an index file put together from the parts a build made
 * (index_write.c): its tables in memory and its spills, section by section
 * in the order of index_format.h, written beside the target, fsync'ed and
 * renamed over it, so a reader never sees half an index and a failure
 * leaves the old one as it was. */
#ifndef FAQ_INDEX_FILE_H
#define FAQ_INDEX_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "index_analyze.h"
#include "index_format.h"
#include "index_ids.h"
#include "index_spill.h"
#include "index_table.h"
#include "index_xlate.h"

typedef struct ix_parts {
    uint32_t n_langs, n_entries, n_groups, n_terms, n_words;
    /* TEXTS: the entries' texts, then their answers */
    spill *head, *answers;
    /* STRINGS: the languages' texts, the terms' and words' bytes (keys of
     * the maps, in the final order), the settings */
    const bytes *lang_text, *keys;
    const keymap *term_keys, *word_keys;
    const uint32_t *term_order, *word_order;
    const char *settings;         /* or NULL */
    const ix_lang *langs;
    spill *entries;               /* ix_entry, answers' offsets from their start */
    table *groups;                /* row g: the entry + 1 of group g in each language (0: none) */
    uint32_t groups_stride;       /* u32s a row */
    const ix_term *terms;
    const uint32_t *term_hash;
    size_t term_hash_cap;
    spill *postings;
    const ix_word *words;
    const uint32_t *word_hash;
    size_t word_hash_cap;
    spill *qseq;                  /* u32 provisional term numbers ... */
    const uint32_t *term_rank;    /* ... and their final ones */
    id_map *ids;
    size_t sort_memory;           /* for the sort of the ids (IDS) */
    spill *ewcount;               /* u32 per entry: its words in ewords */
    spill *ewords;                /* u32 provisional word numbers ... */
    const uint32_t *word_rank;    /* ... and their final ones */
    spill *toklen;                /* u32 per entry's text: its stream's bytes in toks */
    spill *toks;                  /* TOKENS */
    spill *shown;                 /* SHOWN's records, made as SHOWNTEXT is */
    const xlate_parts *xlate;     /* XLATE, XLTERMS, XLHASH; its keys end STRINGS */
    const uint64_t *lacking;      /* LACKING, per term, or NULL: none */
    const uint32_t *smalltalk;    /* the small talk's entry numbers, ascending */
    uint32_t n_smalltalk;
    const unsigned char *spellings; /* SPELLINGS (spellings.h) */
    size_t spellings_len;
} ix_parts;

/* The file at path. Returns 0 with its size in *size, or -1 with err. */
int index_file_write(const char *path, const ix_parts *p, uint64_t *size, char *err, size_t errlen);

/* Removes the temporary file index_file_write() is writing, if any: for a
 * front end's handler of an interrupt (Ctrl-C), which would otherwise leave
 * it beside the index, as large as the index, one more each time.
 * Async-signal-safe; the index at path is the old one still. */
void index_file_abandon(void);

#endif
