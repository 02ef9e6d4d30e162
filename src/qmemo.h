/* qmemo.h: what a thread remembers of the words it was asked: for each
 * word, the languages whose evidence it is and those with a word an edit
 * from it (langev.c), and whose stop or small-talk word it is (outcome.c), and the slot it made (slots.c). The words of questions repeat (a FAQ is asked about its
 * topics in its users' few words), and both cost lookups in every
 * language, a stem in each language the FAQ is only asked in, typo
 * searches and thesaurus lookups for a word the FAQ lacks; a word
 * remembered costs a hash and a compare.
 *
 * What it holds is a function of the word alone for one searcher: its
 * index, model and tuning. A new tuning empties it (qmemo_clear); an index
 * has searchers, and memos, of its own.
 *
 * Tables of four-row buckets, of fixed size; a word too long for a
 * row is not remembered, and a number (a question's counter) only in a
 * row no word holds. One memo belongs to one thread. It is the one
 * memory of question words: the thesaurus alternatives of a word, the
 * dearest part of its slot, are remembered as part of the slot, and the
 * words and terms of the synonyms they are made of. */
#ifndef FAQ_QMEMO_H
#define FAQ_QMEMO_H

#include <stddef.h>
#include <stdint.h>

#include "query.h"

typedef struct qmemo qmemo;

/* An empty memo, or NULL when memory runs out. */
qmemo *qmemo_new(void);
void qmemo_free(qmemo *m);      /* NULL is fine */
void qmemo_clear(qmemo *m);

/* ---- what a word is in each language ---- */

/* What a folded word is in each language of the index (bit l: language
 * l), each part found when first asked for. */
enum { QMEMO_LANGS = 1, QMEMO_CHAT = 2 };

typedef struct qmemo_word {
    unsigned known;             /* the parts found: QMEMO_* */
    uint64_t langs;             /* QMEMO_LANGS: evidence of it (langev.c) */
    uint64_t stop, chat;        /* QMEMO_CHAT: one of its stop words; a word of its
                                   small talk or one typo from one (outcome.c) */
    uint64_t langs_open;        /* QMEMO_LANGS: the languages whose dictionaries
                                   are still to be asked for it (langev.c) */
    uint64_t folded;            /* QMEMO_LANGS: of langs, those it is a word of only
                                   with a mark folding drops, while another
                                   language's stop, question or pack word as it is */
    uint64_t near_asked, near;  /* the languages whose words were searched for
                                   one an edit away (langev.c), and those that
                                   had one: each language asked once */
} qmemo_word;

/* 1 and *out if folded word w (n bytes) is remembered, else 0 and *out
 * with nothing known. */
int qmemo_word_get(qmemo *m, const char *w, size_t n, qmemo_word *out);

/* Remember what is known of w, in place of what was. */
void qmemo_word_put(qmemo *m, const char *w, size_t n, const qmemo_word *facts);

/* ---- the slot a token makes ---- */

/* A question token as slot expansion reads it: its language, its text as
 * typed, its folded word and its term, and what the analyzer and the
 * caller say of it (QMEMO_*). */
enum { QMEMO_QWORD = 1, QMEMO_SYNONYM = 2, QMEMO_TYPOS = 4 };

typedef struct qmemo_token {
    uint32_t lang;
    unsigned flags;
    const char *raw, *word, *term;
    size_t raw_len, word_len, term_len;
} qmemo_token;

/* The slot t made, copied into sl (its alternatives, weight, idf, unknown,
 * is_qword, is_phrase: not its place in the question), and whether a typo
 * was corrected in it; 1 if remembered, else 0 (sl untouched). */
int qmemo_slot_get(qmemo *m, const qmemo_token *t, slot *sl, int *corrected);

/* Remember the slot t made. */
void qmemo_slot_put(qmemo *m, const qmemo_token *t, const slot *sl, int corrected);

/* ---- a thesaurus synonym's word and term in the index ---- */

/* What the first word of a thesaurus synonym (as the thesaurus writes it)
 * is in the index: its word, and once its stem is made (stemmed), its
 * term and its lemma mark's term (IX_NONE: none). The thesaurus's
 * synonyms repeat from one word to the next (a third of those of corpus-
 * 10k's first 2,000 queries are distinct). */
typedef struct qmemo_syn {
    uint32_t word, term, marked;
    int stemmed;
} qmemo_syn;

/* 1 and *out if synonym w (n bytes) of language lang is remembered. */
int qmemo_syn_get(qmemo *m, uint32_t lang, const char *w, size_t n, qmemo_syn *out);

/* Remember what synonym w is, in place of what was. */
void qmemo_syn_put(qmemo *m, uint32_t lang, const char *w, size_t n, const qmemo_syn *facts);

/* ---- how many thesaurus synonyms a word the FAQ lacks has ---- */

/* The synonyms language lang's thesaurus gives word w as typed (n bytes),
 * or its lemma when it gives the word none (outcome.c: a general word).
 * Counting them walks the synonyms of all its meanings, some 3.6 k
 * instructions a word, in every decision of a question that holds it. */
int qmemo_general_get(qmemo *m, uint32_t lang, const char *w, size_t n, uint32_t *synonyms);
void qmemo_general_put(qmemo *m, uint32_t lang, const char *w, size_t n, uint32_t synonyms);

/* ---- whether a word is a name ---- */

/* Word w as typed (n bytes) a name of language lang (1), an ordinary word
 * (0), or no dictionary to tell (-1): query_name_verdict()'s, asked of a
 * question's words by the decision in every question that holds them
 * (about 1 k instructions a word: the index's spellings, else Hunspell). */
int qmemo_name_get(qmemo *m, uint32_t lang, const char *w, size_t n, int *verdict);
void qmemo_name_put(qmemo *m, uint32_t lang, const char *w, size_t n, int verdict);

#endif
