/* slots.h: slot expansion: each content word of the question becomes a
 * slot of alternative terms, weighted: the word itself, its synonyms, the
 * same word in another language of the FAQ, the nearest words when it is
 * misspelt, a stem an edit away (another form the stemmer splits off), the
 * synonyms of such a stem; and its share of the question's weight. */
#ifndef FAQ_SLOTS_H
#define FAQ_SLOTS_H

#include <stdint.h>

#include "query.h"

/* Fill c->q's slots from its tokens for language L; typos: 0 turns typo
 * tolerance off. Returns 1 if a word was corrected as a typo, else 0. */
int slots_build(const search_ctx *c, uint32_t L, int typos);

/* Mark the question's words that name something: capitalised, past its
 * first word ("is the UK...", "¿está España..."): 1 when no language of
 * the FAQ knows them, 2 when they are words of the FAQ. text is the
 * question. Returns how many. */
int slots_mark_names(const search_ctx *c, const char *text);

/* 1 if the FAQ holds the question's word itself: sl's first alternative
 * is the word's own term (what weighs every other alternative and
 * measures how common the word is), else 0. */
int slots_has_word(const slot *sl);

/* 1 if the FAQ holds sl only as a guess: its first alternative is a typo's
 * correction, a variant, a thesaurus synonym or a cognate, else 0. */
int slots_guessed(const slot *sl);

#endif
