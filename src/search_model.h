/* search_model.h: what a search knows of an index beyond its postings,
 * made once when the index is opened from the tables its build analyzed
 * (its MODEL section, index_model.h): the synonym groups by stem, the
 * small talk phrases, the words of the small talk and of synonyms.txt per
 * language, and the largest idf per language.
 *
 * Ownership: a search_model borrows its index (close the index after the
 * model) and is immutable once built: any number of threads may read one
 * at once. Pointers it returns live as long as it does. The parts made
 * later, the languages' dictionaries and thesauri, are opened on first use
 * under a lock and shared by every thread (lemma.h, thesaurus.h). */
#ifndef FAQ_SEARCH_MODEL_H
#define FAQ_SEARCH_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "index_read.h"
#include "known_synonyms.h"
#include "lemma.h"
#include "pack_talk.h"
#include "spellings.h"
#include "thesaurus.h"
#include "typo.h"

typedef struct search_model search_model;

/* NULL when memory runs out. */
search_model *search_model_new(const faq_index *ix);
void search_model_free(search_model *m);

const faq_index *search_model_index(const search_model *m);

/* Language l's general dictionary (lemma.h) into *out, NULL when the
 * system has none: opened on the first call, then the same one for every
 * thread. Returns 0, or -1 when memory ran out (tried again next call). */
int search_model_lexicon(const search_model *m, uint32_t l, lexicon **out);

/* Language l's thesaurus (thesaurus.h) into *out, NULL when the system has
 * none: the same. */
int search_model_thesaurus(const search_model *m, uint32_t l, thesaurus **out);

/* Whether language l compounds, and its linking elements: its
 * stopwords.txt's "!compounds" line (decompound.h). */
const decompound_links *search_model_links(const search_model *m, uint32_t l);

/* What language l's dictionary says of word (n bytes, as typed), as the
 * index keeps it (spellings.h): 1 with *out set, or 0 when the index does
 * not hold it, or holds another dictionary's verdicts: ask the dictionary. */
int search_model_spelling(const search_model *m, uint32_t l, const char *word, size_t n,
                          spelling *out);

/* The synonyms the build worked out for the index's word w of language l
 * from its thesaurus (known_synonyms.h), their terms in the order the
 * lookup gives them. */
typedef struct search_known_list {
    const unsigned char *terms;  /* count u32, little-endian, unaligned */
    uint32_t count;
    int whole;                   /* the thesaurus gave no more */
    int by_lemma;                /* the synonyms of the word's lemma, as SPELLINGS
                                    gives it: they stand only while
                                    search_model_spelling() answers for the word */
} search_known_list;

static inline uint32_t search_known_term(const search_known_list *k, uint32_t i)
{
    uint32_t t;
    __builtin_memcpy(&t, k->terms + 4 * (size_t)i, 4);
    return t;
}

/* 1 with *out set, or 0 when the index keeps none for w, or kept them
 * from another thesaurus than th (the one this process loaded for l), or
 * by other rules than the search's (known_synonyms_rules_built()): then
 * look them up. */
int search_model_known_synonyms(const search_model *m, uint32_t l, const thesaurus *th,
                                known_synonyms_rules rules, uint32_t w,
                                search_known_list *out);

/* Opens every language's dictionary and thesaurus now, so that no later
 * question pays for one (a tenth of a second each): what a long-lived
 * process does before its first question; a one-shot one opens only
 * those its question needs. Returns 0, or -1 with a message in err when
 * memory ran out (those not loaded are tried again on first use). */
int search_model_warm(const search_model *m, char *err, size_t errlen);

/* A new analyzer for language l as the index was built: its stop words and
 * its synonyms' phrases. The caller owns it; NULL when memory runs out. */
analyzer *search_model_analyzer_new(const search_model *m, uint32_t l);

/* The model's own analyzer of language l, handed over to the caller, who
 * owns it from now on: for the one searcher of a model made for it alone
 * (searcher_new()), which then makes no copy. The model makes no other
 * analyzer after this (search_model_analyzer_new() is not called again);
 * NULL if taken already. */
analyzer *search_model_analyzer_take(search_model *m, uint32_t l);

/* A stem -> the terms of its group's members (and of the group's mark). */
typedef struct syn_entry {
    uint64_t key;               /* language and stem, hashed */
    uint32_t first, count;      /* in the model's term list */
} syn_entry;

/* The groups of synonyms a stem of language lang belongs to: how many, the
 * first at *first. A word may mean two things ("participar": join, or be
 * part of), and then it has the synonyms of both. */
size_t search_model_synonyms(const search_model *m, uint32_t lang, const char *stem, size_t n,
                             const syn_entry **first);
/* The terms of group e, e->count of them. */
const uint32_t *search_model_synonym_terms(const search_model *m, const syn_entry *e);

/* A vocabulary of language l for typo_search(), its digits counted once
 * per index (typo_vocab.digits): the index's words (SEARCH_VOCAB_WORDS,
 * matches are ix_word numbers), its stems (SEARCH_VOCAB_TERMS, ix_term
 * numbers) or the one-word members' terms of its synonyms
 * (SEARCH_VOCAB_MEMBERS, their text through search_model_member_term()).
 * Returns how many words it has. */
enum { SEARCH_VOCAB_WORDS, SEARCH_VOCAB_TERMS, SEARCH_VOCAB_MEMBERS, SEARCH_VOCABS };
uint32_t search_model_vocab(const search_model *m, uint32_t l, int which, typo_vocab *v);
const char *search_model_member_term(const search_model *m, uint32_t i, size_t *len);

/* The words (which: SEARCH_VOCAB_WORDS, ix_word numbers) or stems
 * (SEARCH_VOCAB_TERMS, ix_term numbers) of language l that folded word w
 * (n bytes) may be typed without the letters a keyboard lacks: "ror" for
 * "rør", "collabor" for "col·labor" (fold_bare()). Up to cap of them into out; how many. Language l's
 * list of such words is made by the first call for l (thread-safe); none
 * are found while memory for it runs out. */
size_t search_model_bare(const search_model *m, uint32_t l, int which, const char *w, size_t n,
                         uint32_t *out, size_t cap);

/* Word w (n bytes) typed in Latin letters, read against language l's words
 * written in Cyrillic or Greek letters by their Latin key (translit_key()):
 * the words of w's key ("врачу" for "vrachu"; *which SEARCH_VOCAB_WORDS,
 * ix_word numbers), else the stems whose key, of min_chars bytes at least,
 * w's begins with, the longest ("записа" for "zapisatsya"; *which
 * SEARCH_VOCAB_TERMS, ix_term numbers). Up to cap of them into out; how
 * many. Language l's list of keys is made by the first call for l
 * (thread-safe); a language written in Latin letters has none. */
size_t search_model_translit(const search_model *m, uint32_t l, const char *w, size_t n,
                             size_t min_chars, size_t skeleton_min, int *which, uint32_t *out,
                             size_t cap);

/* 1 if language l is written in Arabic letters, so its list above holds
 * consonant skeletons (translit_skeleton()): a Latin-letter word is read
 * against it by its skeleton, a stem's of skeleton_min bytes at least (0:
 * not at all); its stop and question words likewise. */
int search_model_translit_arabic(const search_model *m, uint32_t l);

/* Word w (n bytes) typed in Latin letters, read against language l's stop
 * and question words (analyzer an's, language l's: every searcher's share
 * them, stopwords.txt) written in Cyrillic or Greek
 * letters by their Latin key (translit_key()): 1 and the word of w's key
 * into *word ("как" for "kak"; a question word's before a stop word's,
 * NUL-ended, the model's), else 0. Language l's list of keys is made by
 * the first call for l (thread-safe); a language written in Latin letters
 * has none. */
int search_model_translit_stop(const search_model *m, uint32_t l, const analyzer *an,
                               const char *w, size_t n, const char **word);

/* The most ASCII digits a form of language l's list above holds (the list
 * made if it was not): a word with more is none of them. UINT32_MAX while
 * memory for the list runs out. */
uint32_t search_model_bare_digits(const search_model *m, uint32_t l);

/* The most ASCII digits (utf8_digit_count()) a word of language l holds in
 * the three tables a question word's languages are read from: the words
 * that tell the language (search_model_lang_word()), its vocabulary
 * (ix_find_word()) and its translations' terms (ix_find_xlate()). Each
 * finds a word by its bytes, so a word with more digits than this is in
 * none of them. Counted on first use, once per index. */
uint32_t search_model_lang_digits(const search_model *m, uint32_t l);

/* Is folded word w a word of language l's small talk / a one-word member
 * of its synonyms.txt? */
int search_model_smalltalk_word(const search_model *m, uint32_t l, const char *w, size_t n);
int search_model_synonym_word(const search_model *m, uint32_t l, const char *w, size_t n);
/* Is folded word w one of language l's stop words, question words, small
 * talk words or one-word members of its synonyms.txt (any of the four)? */
int search_model_lang_word(const search_model *m, uint32_t l, const char *w, size_t n);
/* Is t the term of a key word of one of language l's small talk phrases? */
int search_model_smalltalk_term(const search_model *m, uint32_t l, const char *t, size_t n);

/* A small talk phrase (a question or alternate phrasing of a small talk
 * entry). */
typedef struct st_phrase {
    uint32_t entry, lang;
    int heading;                /* the entry's own question, not another phrasing of it */
    const char *words;          /* its folded words, stop words included, each NUL-ended */
    size_t n_words;
    const char *keys;           /* its words but stop and question words:
                                 * term, word, each NUL-ended */
    size_t n_keys;
    /* measured once, as every question compares its words with them: */
    uint32_t *word_len;         /* each word's bytes */
    int *word_cp;               /* each word's typo_cp_count() */
    uint32_t *key_len;          /* each key's term's bytes, then word's */
    int *key_cp;                /* each key's word's typo_cp_count() */
} st_phrase;

/* All the small talk phrases, language by language; of one language, l,
 * the run of them that is its, in the order of their entries. */
const st_phrase *search_model_smalltalk(const search_model *m, size_t *n);
const st_phrase *search_model_smalltalk_of(const search_model *m, uint32_t l, size_t *n);

/* The small talk of the packs whose language the index lacks (pack_talk.h),
 * made on the first call, into *out (the model's): 0, or -1 when memory
 * ran out (tried again next call). Thread-safe. */
int search_model_pack_talk(const search_model *m, const pack_talk **out);

/* A word of the small talk, measured as st_phrase's are. */
typedef struct st_word {
    const char *w;              /* not NUL-ended here: len bytes */
    uint32_t len;
    int cp;                     /* typo_cp_count() */
    uint32_t lang;
} st_word;

/* Language l's small talk words whose first byte is first, each once:
 * how many, the first at *out. */
size_t search_model_smalltalk_words(const search_model *m, uint32_t l, unsigned char first,
                                    const st_word **out);

/* The largest idf a term of language l can have: that of a term no entry
 * holds (a word the FAQ lacks, were it indexed). */
double search_model_max_idf(const search_model *m, uint32_t l);

/* The share (0..1) of its language's FAQ entries that hold term. */
double search_model_term_share(const search_model *m, uint32_t term);

/* Has the index translations of language l's words (XLATE rows from l)?
 * A FAQ in one language has none from its own: nothing a question's word
 * could be translated through. */
int search_model_translates(const search_model *m, uint32_t l);

/* Does term stand in a FAQ entry whose group has no entry in language l?
 * Only then can a translation into it (or a word spelt like it) serve one
 * asking in l. */
int search_model_serves(const search_model *m, uint32_t l, uint32_t term);

#endif
