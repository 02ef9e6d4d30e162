/* index_read.h: opens an index file (mmap, checked, never parsed into the heap)
 * and gives read access to its entries, languages and terms.
 *
 * Ownership: faq_index_open() returns an index the caller closes with
 * faq_index_close(); every pointer it hands out points into the mapping and
 * stays valid until then. Strings handed out are NOT NUL-terminated unless
 * said so: each comes with its length. A faq_index is read-only and may be
 * shared by any number of threads.
 */
#ifndef FAQ_INDEX_READ_H
#define FAQ_INDEX_READ_H

#include <stddef.h>
#include <stdint.h>

typedef struct faq_index faq_index;

/* Where an index is read and written when no path is named: the command
 * line and the server both take it from here. */
#define FAQ_DEFAULT_INDEX "build/faq.idx"

/* A slice of the mapped file. */
typedef struct faq_str {
    const char *s;
    uint32_t len;
} faq_str;

/* The first line of *rest (an entry's phrasings, a messages.txt: one a
 * line), its '\n' left out, into *line, and *rest made what follows it: 1,
 * or 0 when *rest is empty. */
int faq_str_line(faq_str *rest, faq_str *line);

enum {
    FAQ_INDEX_OK = 0,
    FAQ_INDEX_EIO = -1,       /* cannot open or map */
    FAQ_INDEX_EFOREIGN = -2,  /* not a faqbot index (bad magic) */
    FAQ_INDEX_EVERSION = -3,  /* a format version this binary does not read */
    FAQ_INDEX_ECORRUPT = -4   /* truncated, bad checksum or bad structure */
};

/* Returns FAQ_INDEX_OK and *out, or a negative code, *out = NULL and a
 * message naming the file in err. */
int faq_index_open(const char *path, faq_index **out, char *err, size_t errlen);

void faq_index_close(faq_index *ix);

/* Opening checks the header and the layout only, in the same time at any
 * size. This reads the whole file: every section's checksum, and every
 * offset, length and number in every table. Returns FAQ_INDEX_OK, or
 * FAQ_INDEX_ECORRUPT with the reason in err. A server or a tool that takes
 * an index from elsewhere calls it before trusting the file. */
int faq_index_check(const faq_index *ix, char *err, size_t errlen);

uint32_t faq_index_entry_count(const faq_index *ix);
uint32_t faq_index_lang_count(const faq_index *ix);
uint64_t faq_index_build_time(const faq_index *ix);   /* seconds since the epoch */
/* The header's checksum, which covers its build time and every section's
 * checksum: what tells one index from another (a rebuild of the same FAQ
 * included) without reading more than the header. */
uint64_t faq_index_checksum(const faq_index *ix);
/* The same as 16 lower-case hex digits, NUL-terminated, for as long as ix
 * is open. */
const char *faq_index_checksum_hex(const faq_index *ix);
uint64_t faq_index_size(const faq_index *ix);         /* bytes of the file */

/* Languages: 0 .. lang_count-1. Code is NUL-terminated. */
const char *faq_index_lang_code(const faq_index *ix, uint32_t lang);
int faq_index_lang_find(const faq_index *ix, const char *code);  /* -1 if absent */
/* The language to speak when none is known: the first with FAQ entries
 * (the others are only asked in: a language of the packs the corpus
 * lacks), else 0. */
uint32_t faq_index_lang_default(const faq_index *ix);
faq_str faq_index_lang_stopwords(const faq_index *ix, uint32_t lang);
faq_str faq_index_lang_synonyms(const faq_index *ix, uint32_t lang);
uint32_t faq_index_lang_entries(const faq_index *ix, uint32_t lang); /* FAQ entries in it */

/* Entries: 0 .. entry_count-1. */
typedef struct faq_entry {
    faq_str id;
    faq_str question;
    faq_str alts;        /* alternate questions, separated by '\n' */
    faq_str answer;      /* Markdown */
    faq_str file;
    uint32_t line;
    uint32_t lang;       /* language number */
    uint32_t group;      /* entries with the same id share a group */
    uint32_t kind;       /* entry_kind of corpus.h */
} faq_entry;

void faq_index_entry(const faq_index *ix, uint32_t e, faq_entry *out);

/* An entry's texts as the answer object shows them, stored at index time:
 * JSON string literals, quotes included (json_escape.h). html is the
 * answer's HTML (cmark, safe mode), or {NULL, 0} when the object leaves it
 * out. */
typedef struct faq_entry_shown {
    faq_str id, question, answer, html;
} faq_entry_shown;

void faq_index_entry_shown(const faq_index *ix, uint32_t e, faq_entry_shown *out);

/* The token stream of entry e's text which (ENTRY_STREAM_* of
 * entry_stream.h) as the index stores it, for entry_stream_run() over that
 * text: 0 with its bytes at *p (*n of them), or -1 when the entry has none
 * (small talk, whose texts are not analyzed at index time). */
int faq_index_entry_stream(const faq_index *ix, uint32_t e, int which, const unsigned char **p,
                           size_t *n);
uint32_t faq_index_group_count(const faq_index *ix);
/* The entry of group g in language lang, or UINT32_MAX. */
uint32_t faq_index_group_entry(const faq_index *ix, uint32_t g, uint32_t lang);
/* Find an entry by id and language; UINT32_MAX if absent. */
uint32_t faq_index_find_id(const faq_index *ix, const char *id, size_t id_len, uint32_t lang);

/* The value of key in language lang's messages.txt as the index keeps it
 * (its pack's and its corpus folder's); NULL when it has none (an index
 * written before the key existed). NUL-terminated copy in buf.
 * messages.h's msg_format() falls back from it. */
const char *faq_index_message(const faq_index *ix, uint32_t lang, const char *key,
                              char *buf, size_t cap);

/* The decline threshold of the corpus's settings.txt, or -1 when it sets
 * none. */
double faq_index_threshold(const faq_index *ix);

#endif
