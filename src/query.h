/* query.h: the question as the stages of a search see it: its tokens
 * (stop words included, and what its phrases of synonyms stand for), its
 * quoted phrases, and the slots the slot expansion makes of its content
 * words; and the context every stage reads (search_ctx).
 *
 * A query is per-thread scratch, filled anew for each question. */
#ifndef FAQ_QUERY_H
#define FAQ_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "entry_stream.h"
#include "index_read.h"
#include "lemma.h"
#include "thesaurus.h"
#include "limits.h"
#include "search_model.h"
#include "search_params.h"

#define QUERY_MAX_ALTS 16       /* alternative terms for one query word */
#define QUERY_WORD_BYTES (FAQ_MAX_TERM_BYTES * 4 + 1)

/* Slot masks hold a bit per slot. */
_Static_assert(FAQ_MAX_QUERY_TERMS <= 32, "a slot mask is 32 bits");

enum alt_kind { ALT_EXACT, ALT_SYNONYM, ALT_FOREIGN, ALT_TYPO, ALT_VARIANT, ALT_LEMMA, ALT_PART,
                ALT_THESAURUS, ALT_TRANSLATION, ALT_COGNATE };

typedef struct alt_term {
    uint32_t term;
    float weight;
    uint8_t kind;               /* enum alt_kind */
    uint32_t word;              /* the vocabulary word (typo, foreign), or IX_NONE */
    float rank_share;           /* the share of weight it scores with (1 but where a rarer
                                   form would outweigh the word: slots.c); the whole
                                   weight covers the question */
} alt_term;

typedef struct slot {
    char word[QUERY_WORD_BYTES];    /* folded word of the question */
    size_t word_len;
    size_t raw_off, raw_len;
    unsigned pos;
    int phrase;                 /* 0, or the number of its quoted phrase */
    int is_name;                /* a name: 1 the FAQ does not know it ("UK", "España"),
                                   2 it does ("Morocco") */
    int is_qword;               /* "qué", "which" */
    int is_phrase;              /* it stands for a phrase of synonyms.txt in the question */
    int unknown;                /* the FAQ lacks it: 1 a word of the language, 2 not one;
                                   the FAQ has it: 3 the language has not ("dpkg") */
    int dict_head;              /* the FAQ lacks it (unknown 1 or 2) and a dictionary
                                   from the question's language into one of the FAQ's
                                   holds it: translated, but into words no entry has */
    int is_time;                /* a word of time ("!time" in stopwords.txt) */
    alt_term alts[QUERY_MAX_ALTS];
    int n_alts;
    double weight;              /* its share of the question: idf, or more if unknown */
    double idf;                 /* of its best alternative */
} slot;

typedef struct qtok {           /* one token of the question, stop words included */
    char word[QUERY_WORD_BYTES];
    size_t word_len;
    int word_cp;                /* its typo_cp_count() */
    char term[QUERY_WORD_BYTES];
    size_t term_len;
    size_t raw_off, raw_len;
    unsigned pos;
    int is_stop;
    int is_qword;
    int is_situation;           /* a word of the asker's situation (analyze.h) */
    int is_time;                /* a word of time ("tomorrow": analyze.h) */
    int is_synonym;             /* the one-word synonym of a phrase of the question */
    int is_joined;              /* two of its words the FAQ writes as one (slots.c) */
    int phrase;
} qtok;

/* The query's terms, each with the slots that hold it (bit i: slot i), in
 * term order: one lookup per term where a loop over every slot's
 * alternatives would cost a scan per term; a bit filter of the terms
 * answers most lookups, those of terms the query lacks, at once. */
typedef struct term_masks {
    uint32_t term[FAQ_MAX_QUERY_TERMS * QUERY_MAX_ALTS];
    uint32_t mask[FAQ_MAX_QUERY_TERMS * QUERY_MAX_ALTS];
    int n;
    uint64_t filter[16];        /* bit term_filter_bit(t) set for each term t */
    uint64_t langs;             /* bit l: a term of language l is among them */
} term_masks;

typedef struct query {
    qtok toks[FAQ_MAX_QUERY_TERMS * 2];
    int n_toks;
    qtok syn_toks[FAQ_MAX_QUERY_TERMS];     /* what its phrases stand for ... */
    int syn_after[FAQ_MAX_QUERY_TERMS];     /* ... each after this token */
    int n_syn_toks;
    int phrase_count;           /* quoted phrases */
    slot slots[FAQ_MAX_QUERY_TERMS];
    int n_slots;
    term_masks masks;           /* of the slots' terms, made with them (slots_build) */
    int names_unknown;          /* the question names something the FAQ does not ("UK") */
    uint32_t lang;              /* the language its slots were made for */
} query;

/* What every stage reads: the index and its model, the parameters, the
 * thread's analyzers and dictionaries (one per language of the index) and
 * the query and its text. */
typedef struct search_ctx {
    const faq_index *ix;
    const search_model *m;
    const search_params *p;
    analyzer **an;
    query *q;
    int *failed;                /* set to 1 when memory runs out: the search is void */
    struct rerank_scratch *rerank;  /* the thread's rerank memory (rerank.h) */
    const char *text;           /* the question being answered */
    struct qmemo *memo;         /* the thread's memory of question words (qmemo.h), or NULL */
    struct present_memo *forms; /* the thread's memory of words' written forms (present.h), or NULL */
    /* the page's languages, most wanted first, when there is no
     * conversation (search.h's page_lang): a tie's priors */
    const int *page;
    int n_page;
    /* the languages an entry the asker's language lacks is shown in, most
     * wanted first: the conversation's, then the page's (none: the FAQ's
     * first that has it) */
    const int *shown;
    int n_shown;
} search_ctx;

/* Language l's general dictionary (lemma.h), or NULL when the system has
 * none: the search model's, shared by every thread. */
lexicon *query_lexicon(const search_ctx *c, uint32_t l);

/* What language l's dictionary says of a question's word raw (len bytes,
 * as typed): from the index's verdicts where it keeps them for this
 * dictionary (spellings.h), else from the dictionary, which is loaded
 * then; the same either way. As lexicon_knows() of query_lexicon(c, l)
 * (0 when there is none); as lexicon_is_name(), or -1 when there is no
 * dictionary; as lexicon_lemma() (0, out untouched, when there is none). */
int query_knows(const search_ctx *c, uint32_t l, const char *raw, size_t len);
int query_name_verdict(const search_ctx *c, uint32_t l, const char *raw, size_t len);
size_t query_lemma(const search_ctx *c, uint32_t l, const char *raw, size_t len, char *out,
                   size_t cap);

/* Does language l's dictionary lack the question's word raw (raw_len
 * bytes), which the FAQ holds as index word w (IX_NONE: none) and which
 * folds to word (word_len bytes)? The index says so for the word as it
 * stored it, which answers for the question's word when it was typed so
 * (the dictionary's verdict hangs on case and accents); otherwise, or when
 * there was no dictionary at index time, the dictionary is asked. 0 when
 * there is none. */
int query_dict_lacks(const search_ctx *c, uint32_t l, const char *raw, size_t raw_len,
                     const char *word, size_t word_len, uint32_t w);

/* Language l's thesaurus (thesaurus.h), or NULL: the search model's,
 * shared by every thread. */
thesaurus *query_thesaurus(const search_ctx *c, uint32_t l);

/* Tokens of text (len bytes, valid UTF-8) by language lang's analyzer,
 * stop words kept; sets q's tokens and phrase_count. */
void query_tokenize(query *q, analyzer *an, const char *text, size_t len);

/* Does slot sl hold term among its alternatives? */
int slot_has_term(const slot *sl, uint32_t term);

/* Make q->masks from q's slots (their terms ix's). */
void query_term_masks(query *q, const faq_index *ix);

static inline unsigned term_filter_bit(uint32_t term)
{
    return (unsigned)((term * 2654435761u) >> 22);   /* 10 bits */
}

/* The slots holding term, 0 for none. */
uint32_t term_masks_search(const term_masks *tm, uint32_t term);

/* As term_masks_get(), the term's term_filter_bit() b given (a caller
 * that meets the same terms again keeps it). */
static inline uint32_t term_masks_get_at(const term_masks *tm, uint32_t term, unsigned b)
{
    if (!((tm->filter[b >> 6] >> (b & 63)) & 1))
        return 0;
    return term_masks_search(tm, term);
}

static inline uint32_t term_masks_get(const term_masks *tm, uint32_t term)
{
    return term_masks_get_at(tm, term, term_filter_bit(term));
}

/* The entry to show for group g to someone asking in language L: L's,
 * else the one of the first of c's shown languages that has it (an
 * English question in an Italian conversation about an entry in Italian
 * and German gets the Italian), else the first FAQ entry of another
 * language; IX_NONE if none. */
uint32_t query_entry_shown(const search_ctx *c, uint32_t g, uint32_t L);

/* An entry's texts, for query_entry_run(). */
enum { QTEXT_QUESTION = ENTRY_STREAM_QUESTION, QTEXT_ALTS = ENTRY_STREAM_ALTS,
       QTEXT_ANSWER = ENTRY_STREAM_ANSWER };

/* The tokens of entry e's text which (QTEXT_*) by its language's analyzer,
 * stop words kept or not, stemming skipped or not, as analyzer_run() gives
 * them: from the stream the index stores (entry_stream.h), read by the
 * analyzer only for small talk, which has none. Returns as analyzer_run. */
int query_entry_run(const search_ctx *c, uint32_t e, int which, int keep_stop, int skip_stem,
                    token_fn fn, void *ctx);

/* Language L's stop and question words typed in Latin letters (L written
 * in Cyrillic or Greek ones; search_model_translit_stop()): each token of
 * c's question whose Latin key is one's is that word ("kak" is "как", a
 * question word), read by L's analyzer as if so typed, its place in the
 * question kept; a word L's FAQ writes so is left as typed. */
void query_translit_stops(const search_ctx *c, uint32_t L);

/* The index's term for a token of an entry's text in language lang: by its
 * word where the vocabulary has it (the term the index gave it), else by
 * its stem; IX_NONE if neither. */
uint32_t query_token_term(const faq_index *ix, uint32_t lang, const token *t);

#endif
