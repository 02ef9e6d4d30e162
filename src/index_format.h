/* index_format.h: the byte layout of a faqbot index file, shared by the
 * writer (index_write.c), the reader (index_read.c), the posting cursor
 * (index_postings.c) and the ranking stages that read its tables.
 * Front ends never include it.
 *
 * The file is little-endian and built to be mmap'ed and used in place.
 *
 *   offset  size  field
 *   0       8     magic "FAQBOTIX"
 *   8       4     format version (FAQ_INDEX_VERSION)
 *   12      4     header size in bytes (sizeof(ix_header))
 *   16      8     file size in bytes
 *   24      8     checksum: ix_checksum() of the header's bytes from
 *                 offset 32 to its end (the counts and the section table,
 *                 whose checksums cover the rest of the file)
 *   32      8     build time, seconds since the epoch
 *   40      4     languages          44  4  entries
 *   48      4     groups             52  4  terms
 *   56      4     words              60  4  sections (IX_SECTIONS)
 *   64      4     translation rows   68  4  translations (XLTERMS' count)
 *   72      ...   section table: IX_SECTIONS x {u64 offset, u64 length,
 *                 u64 checksum: ix_checksum() of the section's length bytes}
 *   ...     8     settings: the corpus's settings.txt, a string of STRINGS
 *                 (length 0: none)
 *
 * Sections, back to back in this order from the end of the header (680
 * bytes), each starting on an 8-byte boundary with zeros before it, the last
 * ending the file:
 *   TEXTS     bytes: the entries' texts, each entry's id, question, file
 *             path and alternate phrasings back to back (ENTRIES' text_off),
 *             then every answer (answer_off), so that the pages ranking
 *             reads (ids, questions) are few. Offsets into it are u64: the
 *             corpus's texts have no size limit but the disk's.
 *   STRINGS   bytes: every other string of the file (the languages' stop
 *             words, synonyms and messages, terms, words, the settings,
 *             the translation tables' words (XLATE));
 *             a string is (u32 offset into STRINGS, u32 length). What it
 *             holds is what a build keeps in memory, so u32 offsets do not
 *             cap the corpus.
 *   LANGS     ix_lang[languages], sorted by code
 *   ENTRIES   ix_entry[entries], grouped by language, in corpus order;
 *             64 bytes each:
 *               0   8  text_off   offset in TEXTS of its id, question,
 *                                 file and alternate phrasings (one a
 *                                 line), back to back
 *               8   8  answer_off offset in TEXTS of its answer
 *               16  4  id_len, question_len, file_len, alts_len,
 *                      answer_len: their bytes (20 bytes)
 *               36  4  line, lang, group, kind (16 bytes)
 *               52  8  qseq_off, qseq_len: in QSEQ, in u32 units
 *               60  4  zero
 *   GROUPS    u32[groups x languages]: the entry of group g in language l
 *             at g*languages+l, or IX_NONE. A group is one id: the same
 *             entry in its translations.
 *   TERMS     ix_term[terms], sorted by (language, bytes): folded stems;
 *             a synonym group's mark ("=adher") and a lemma's ("~mor") are
 *             terms no text spells, posted where the text has a member of
 *             the group or a form of the lemma
 *   TERMHASH  u32[2^k]: term number + 1, or 0 for an empty slot; open
 *             addressing on ix_hash(language, term)
 *   POSTINGS  per term, its groups in increasing order: varint(group delta)
 *             then one byte: impact << 1 | in_question. impact (1..127) is
 *             the BM25F term-frequency factor tf*(k1+1)/(tf+k1), scaled so
 *             that 127 stands for k1+1. A term in more than IX_BLOCK groups
 *             has its postings cut in blocks of IX_BLOCK, preceded by a
 *             table of ix_block (one per block); a block's first delta
 *             counts from the previous block's last group. The table lets
 *             the ranker skip to a group and bound a block's scores
 *             (block-max pruning) without decoding it. A block whose groups
 *             lie close together (a common word) is stored instead as a
 *             bitmap block, when that is smaller: its postings' bytes, one
 *             byte per bitmap word (the bits set in the words before it),
 *             then u64 words of a bitmap whose bit i stands for group base+i,
 *             base being the previous block's last group + 1 (0 for the
 *             first block) and the last bit the block's last group; a
 *             group is found there, and its byte by counting bits, without
 *             decoding the block.
 *   WORDS     ix_word[words], sorted by (language, bytes): the folded,
 *             unstemmed words of the corpus (stop words excluded), each
 *             with its term: for exact lookups and typo correction; its
 *             dict field says whether the language's dictionary holds the
 *             word as stored (IX_WORD_DICT_*), looked up once here so that a
 *             question of words the FAQ knows needs no dictionary; its lemma
 *             field, the term its dictionary lemma is posted under beside
 *             its stem, where the lemma's stem is another ("muere": "muer",
 *             and "~mor" for "morir"; lemma.h), else IX_NONE.
 *   WORDHASH  u32[2^k], as TERMHASH for words
 *   QSEQ      u32[]: per entry, the term numbers of its question, then of
 *             each alternate phrasing, IX_NONE between two phrasings (for
 *             proximity and phrase matching)
 *   IDS       u32[entries]: entry numbers sorted by (id bytes, language)
 *   EWORDOFF  u32[entries + 1]: where each entry's words start in EWORDS;
 *             entry e's are EWORDS[EWORDOFF[e] .. EWORDOFF[e+1]), the last
 *             value being EWORDS' count
 *   EWORDS    u32[]: per entry, the word numbers (in WORDS) of its question
 *             then its answer (not its alternate phrasings), each once, in
 *             the order they first occur; none for small talk. What the
 *             highlighting of an answer reads, instead of analysing the
 *             text again per request.
 *   TOKOFF    u64[entries x 3 + 1]: where each entry's token streams start
 *             in TOKENS, its question's at 3e, its alternate phrasings'
 *             (one a line, read as one text) at 3e+1, its answer's at
 *             3e+2; each ends where the next starts, the last value being
 *             TOKENS' length. Small talk has empty ones.
 *   TOKENS    bytes: the streams (entry_stream.h): what the analyzer of the
 *             entry's language gives for each text, stop words kept and
 *             stems made, each token as a flags byte (1 stop word, 2
 *             question word, 4 a phrase's synonym), then varints: its raw
 *             form's offset in the text (zigzag, less the token before's),
 *             its raw form's length, its position (zigzag, less the token
 *             before's), its word's length, the word's bytes, how many
 *             bytes its term shares with the start of its word, the rest's
 *             length, the rest's bytes. What the rerank and "did you mean"
 *             read of the candidates, instead of analysing their texts
 *             again per question.
 *   XLATE     ix_xlate[translation rows], sorted by (language, bytes): the
 *             translation tables (translate.h): a word of a language one
 *             may ask in, by its term (folded stem, in STRINGS; the
 *             language need not have entries: a language of the packs
 *             that the corpus lacks has only its small talk), and its
 *             translations, the terms XLTERMS[first .. first + count) of
 *             other languages of the index: the first both of them given
 *             by both dictionaries of the pair (L->C and C->L), then the
 *             others, each in the dictionaries' order.
 *   XLTERMS   u32[translations]: term numbers
 *   XLHASH    u32[2^k]: row number + 1, or 0; open addressing on
 *             ix_hash(language, term), as TERMHASH
 *   DICTHEADS u32[n], sorted, each once: ix_hash(L, term) of every
 *             headword of each dictionary the tables read from a
 *             language one may ask in (L) into one with FAQ entries, the
 *             headword analysed as L's words are (one word once stop words
 *             are gone): whether a word the FAQ lacks is one the
 *             dictionaries hold, whose translations no entry has (another
 *             topic), or one they miss (a gap, which says little). Empty
 *             without dictionaries. A 32-bit key: another word taken for a
 *             headword once in 2^32 / n.
 *   LACKING   u64[terms], or nothing when no term has a bit: per term,
 *             bit l set when a FAQ group holding it has no entry in
 *             language l (every language of the packs the corpus lacks, a
 *             language of the corpus where the FAQ is not all translated).
 *             A translation (or a cognate) into the term serves one asking
 *             in l only then; made by the build, so that opening an index
 *             does not walk its postings.
 *   SHOWNTEXT bytes: each entry's id, question, answer (Markdown) and the
 *             answer's HTML (cmark, safe mode, markdown.h), ready to be
 *             shown: each a JSON string literal, quotes included, escaped
 *             as json_escape.h says (what jansson writes), so the answer
 *             object is written by copying them, with no rendering or
 *             escaping per request. Kept out of TEXTS, whose pages ranking
 *             reads. Written before SHOWN, so
 *             that a writer streams it, SHOWN's records kept aside.
 *   SHOWN     ix_shown[entries]: where an entry's texts lie in SHOWNTEXT;
 *             24 bytes each:
 *               0   8  off       offset in SHOWNTEXT of the first text
 *               8   4  id        bytes of the id's literal
 *               12  4  question  bytes of the question's literal
 *               16  4  answer    bytes of the answer's literal
 *               20  4  html      bytes of the HTML's literal, or IX_NONE
 *                                when that HTML is not UTF-8 and the
 *                                answer object leaves it out
 *             The four texts lie back to back from off, in that order.
 *   SPELLINGS what each language's dictionary says of the spellings of
 *             the corpus's words (spellings.h, where its layout is), and
 *             which dictionary said it; empty when no language had one
 *   MODEL     the search model's tables (index_model.h), analyzed by the
 *             build from the finished file, so that opening an index folds,
 *             splits and stems none of its languages' texts. Numbers are
 *             u32 (the keys u64), little-endian, unaligned; a list is u32
 *             strings, u32 bytes, then the bytes: that many NUL-ended
 *             strings back to back (the last byte a NUL; none: 0, 0).
 *             Per language, in LANGS' order:
 *               list  one string: the "!" lines of its stopwords.txt
 *               list  its stop words, folded
 *               list  its question words ("?word"), folded
 *               list  synonyms.txt's one-word members, folded, file order
 *               list  their terms, sorted by bytes, each once
 *               list  one string, the stamp of the thesaurus the build
 *                     found for it (thesaurus_order_stamp()) when its .idx
 *                     is strictly in order, or none (since format 13)
 *               u32   phrases, then each (analyzer.h's phrases of
 *                     synonyms.txt, in the order they are tried):
 *                     u32 words (1-4), u32 strict (0, 1), list its words'
 *                     keys (words strings), list its member's word and
 *                     term (2 strings)
 *             then:
 *               u32   terms, then u32[terms]: the synonym groups' term
 *                     numbers
 *               u32   stems, then {u64 key, u32 first, u32 count} each:
 *                     a stem's hash (index_model_syn_key()) and its
 *                     group's terms [first, first + count), sorted by
 *                     (key, first)
 *               u32   small talk phrases, then each: u32 entry, u32
 *                     language, list its words (stop words kept), list a
 *                     term and a word for each of its words but stop and
 *                     question words
 *               per language, in LANGS' order: list its small talk
 *                     phrases' words, non-empty, once each, sorted by
 *                     bytes (since format 13)
 *               u32   words (0, or WORDS' count), u32 items, then
 *                     u32[words], u32[items]: per word of WORDS, where in
 *                     the items the terms of the synonyms its language's
 *                     thesaurus (the one its stamp above names) gives it
 *                     start, those the FAQ holds and that pass a search's
 *                     checks, in the lookup's order, or IX_NONE: none kept;
 *                     there a u32, their count (at most 12) with bit 31
 *                     set when the thesaurus gave no more, then the terms
 *                     (known_synonyms.h; since format 15)
 *               u32   cap (a power of two, or 0), u32 bytes of records,
 *                     u32[cap]: the table of words, open addressing on
 *                     ix_hash(language, word): 0 for an empty slot, else
 *                     the offset from MODEL's start of a record: u32
 *                     language, u32 IX_MODEL_* bits (index_model.h), u32
 *                     length, the word's bytes; then the records
 *
 * Opening reads the header alone, so that it costs the same at any size: a
 * reader checks magic, version, sizes, the header's checksum, that every
 * section lies inside the file and that each table's size matches its
 * count. faq_index_check() (`faqbot check`) reads everything: each
 * section's checksum, and that every offset, length and number in every
 * table stays inside what it points into.
 */
#ifndef FAQ_INDEX_FORMAT_H
#define FAQ_INDEX_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

#define FAQ_INDEX_MAGIC "FAQBOTIX"
#define FAQ_INDEX_VERSION 18u
#define IX_NONE UINT32_MAX

/* BM25F parameters, fixed at index time since impacts are precomputed. */
#define BM25_K1 1.2
#define BM25_B 0.75
#define BM25_W_QUESTION 3.0
#define BM25_W_ANSWER 1.0
#define IX_IMPACT_MAX 127

enum {
    IX_TEXTS, IX_STRINGS, IX_LANGS, IX_ENTRIES, IX_GROUPS, IX_TERMS, IX_TERMHASH,
    IX_POSTINGS, IX_WORDS, IX_WORDHASH, IX_QSEQ, IX_IDS, IX_EWORDOFF, IX_EWORDS,
    IX_TOKOFF, IX_TOKENS, IX_XLATE, IX_XLTERMS, IX_XLHASH, IX_DICTHEADS, IX_LACKING, IX_SHOWNTEXT, IX_SHOWN,
    IX_SPELLINGS, IX_MODEL,
    IX_SECTIONS
};

typedef struct ix_str { uint32_t off, len; } ix_str;

typedef struct ix_header {
    char magic[8];
    uint32_t version;
    uint32_t header_size;
    uint64_t file_size;
    uint64_t checksum;
    uint64_t build_time;
    uint32_t n_langs, n_entries;
    uint32_t n_groups, n_terms;
    uint32_t n_words, n_sections;
    uint32_t n_xlates, n_xlterms;
    struct { uint64_t off, len, sum; } sec[IX_SECTIONS];
    ix_str settings;
} ix_header;

/* Where the header's own checksum starts. */
#define IX_HEADER_SUMMED 32

typedef struct ix_lang {
    char code[8];
    ix_str stopwords, synonyms, messages;
    uint32_t entry_first, entry_count;  /* all its entries, smalltalk included */
    uint32_t n_faq;                     /* its FAQ entries: BM25's N */
    uint32_t term_first, term_count;
    uint32_t word_first, word_count;
    uint32_t pad;
} ix_lang;

typedef struct ix_entry {
    uint64_t text_off;                  /* in TEXTS: id, question, file, alts */
    uint64_t answer_off;                /* in TEXTS */
    uint32_t id_len, question_len, file_len, alts_len, answer_len;
    uint32_t line, lang, group, kind;
    uint32_t qseq_off, qseq_len;        /* in QSEQ, in u32 units */
    uint32_t pad;
} ix_entry;

typedef struct ix_term {
    ix_str text;
    uint32_t lang;
    uint32_t df;                        /* groups of its language holding it */
    uint64_t post_off;                  /* in POSTINGS */
    uint32_t post_len;                  /* bytes, block table included */
    float idf;
    uint32_t max_impact;                /* largest impact in its postings */
    uint32_t n_blocks;                  /* 0, or ceil(df / IX_BLOCK) */
} ix_term;

#define IX_BLOCK 64

typedef struct ix_block {
    uint32_t last;                      /* last group of the block */
    uint32_t off;                       /* its bytes, from the end of the table */
    uint16_t max_impact;
    uint16_t kind;                      /* IX_BLOCK_DELTAS or IX_BLOCK_BITMAP */
} ix_block;

#define IX_BLOCK_DELTAS 0
#define IX_BLOCK_BITMAP 1
/* A bitmap block spans at most this many groups (IX_BITMAP_WORDS u64). */
#define IX_BITMAP_WORDS 16

typedef struct ix_xlate {
    ix_str text;                        /* the word's term, in its language */
    uint32_t lang;
    uint32_t first, count;              /* its translations, in XLTERMS ... */
    uint32_t both;                      /* ... the first both: found both ways */
} ix_xlate;

typedef struct ix_shown {
    uint64_t off;                       /* in SHOWNTEXT */
    uint32_t id, question, answer;      /* lengths, back to back from off */
    uint32_t html;                      /* length, or IX_NONE: left out */
} ix_shown;

typedef struct ix_word {
    ix_str text;
    uint32_t lang;
    uint32_t term;                      /* its stem's term number */
    uint32_t df;                        /* entries holding this word */
    uint32_t dict;                      /* IX_WORD_DICT_* */
    uint32_t lemma;                     /* the term of its lemma (LEMMA_MARK + the
                                           lemma's stem), or IX_NONE */
} ix_word;

/* ix_word.dict: NONE when the language had no dictionary at index time
 * (the question then asks it itself, as for a word the FAQ lacks). */
#define IX_WORD_DICT_NONE 0u
#define IX_WORD_DICT_KNOWN 1u
#define IX_WORD_DICT_LACKS 2u

/* The hash of (language, bytes) for TERMHASH and WORDHASH. */
static inline uint32_t ix_hash(uint32_t lang, const char *s, size_t n)
{
    return hash_fold32(hash_bytes(HASH_SEED ^ (lang * 0x9E3779B97F4A7C15ull), s, n));
}

/* Checksum of a section (or of the header): 8 bytes at a time, so checking
 * a large index costs little. Incremental, for one who reads it in pieces:
 * feed whole 8-byte words, then the tail. */
typedef struct ix_sum { uint64_t h; } ix_sum;

static inline void ix_sum_init(ix_sum *s)
{
    s->h = 0x243F6A8885A308D3ull;
}

static inline void ix_sum_words(ix_sum *s, const unsigned char *p, size_t n)
{
    uint64_t h = s->h;
    for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t w;
        __builtin_memcpy(&w, p + i, 8);
        h = (h ^ (w * 0x87C37B91114253D5ull));
        h = ((h << 31) | (h >> 33)) * 0x4CF5AD432745937Full;
    }
    s->h = h;
}

/* The tail (fewer than 8 bytes) and the whole length, known only at the end
 * by a writer that streams a section. */
static inline uint64_t ix_sum_final(ix_sum *s, const unsigned char *tail, size_t n, uint64_t total_len)
{
    uint64_t h = s->h ^ (total_len * 0x9E3779B97F4A7C15ull);
    for (size_t i = 0; i < n; i++)
        h = (h ^ tail[i]) * 0x100000001B3ull;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return h;
}

static inline uint64_t ix_checksum(const unsigned char *p, size_t n)
{
    ix_sum s;
    ix_sum_init(&s);
    ix_sum_words(&s, p, n & ~(size_t)7);
    return ix_sum_final(&s, p + (n & ~(size_t)7), n & 7, n);
}

/* Encode v as a varint at out (10 bytes at most); returns its length. */
static inline size_t ix_put_varint(unsigned char *out, uint64_t v)
{
    size_t n = 0;
    while (v >= 0x80) {
        out[n++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    out[n++] = (unsigned char)v;
    return n;
}

/* Decode one varint at *p (not past end); returns 0 when it runs over. */
static inline int ix_varint(const unsigned char **p, const unsigned char *end, uint32_t *out)
{
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (*p >= end)
            return 0;
        unsigned char b = *(*p)++;
        v |= (uint32_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return 1;
        }
    }
    return 0;
}

#endif
