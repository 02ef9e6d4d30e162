/* review.h: `faqbot review`: turns what users asked and did not get into
 * alternate questions for the FAQ. It reads the declined-question logs of
 * `faqbot serve --unanswered` (TIME<TAB>LANG<TAB>QUESTION, C-style escapes)
 * and the feedback logs of `--feedback-log` (JSON lines {q, id, lang, vote};
 * only "down" votes count, and never for the entry they were given to),
 * groups the questions of a language whose analysed terms (the searcher's
 * analyzer: stems, synonym groups) mostly overlap, asks the searcher with no
 * decline threshold which entries each question is closest to, and proposes
 * for each group the entry with the highest mean confidence. */
#ifndef FAQ_REVIEW_H
#define FAQ_REVIEW_H

#include <stdint.h>
#include <stdio.h>

#include "index_read.h"

#define REVIEW_DEFAULT_THRESHOLD 0.2   /* mean confidence below which no entry is proposed */

/* One group, as review_run reports it. */
typedef struct review_group {
    uint32_t entry;          /* proposed entry (in the group's language when it has
                                one), or UINT32_MAX: the FAQ does not answer it */
    uint32_t voted_down;     /* with no entry proposed: the entry whose answer the
                                questions were given and voted 👎 on (the one most
                                of them were), or UINT32_MAX: declined, never answered */
    uint32_t lang;           /* the questions' language */
    double confidence;       /* the proposal's mean confidence over the questions */
    int n_questions;         /* distinct questions */
    int times;               /* lines of the logs they come from */
    const char *const *questions;  /* one line each, most asked first */
} review_group;

typedef void (*review_fn)(void *ctx, const review_group *g);

/* What the logs held besides questions, as review_run counts it. */
typedef struct review_counts {
    int skipped;             /* lines of neither format */
    int gone;                /* 👎 votes on an id the index does not hold
                                (renamed or deleted since the vote) */
    char gone_ids[256];      /* the first of those ids, comma apart */
} review_counts;

/* Reads the logs, groups and proposes; calls fn once per group, proposed
 * entries first (most asked first), then the groups no other entry answers
 * whose answer was voted 👎 (answered wrongly), then those never answered. The
 * strings are valid during the call. Returns the number of groups, or -1
 * with a message in err (a log cannot be read, memory ran out). Lines of
 * neither format are skipped, and votes on ids gone, counted in *counts. */
int review_run(const faq_index *ix, char *const *files, int n_files, double threshold,
               review_fn fn, void *ctx, review_counts *counts, char *err, size_t errlen);

#endif
