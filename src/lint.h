/* lint.h: checks an index for what makes a FAQ hard to answer from: entries
 * whose questions are near-duplicates, entries that their own question does
 * not retrieve first, and ids missing from some language. */
#ifndef FAQ_LINT_H
#define FAQ_LINT_H

#include <stdint.h>

#include "index_read.h"

typedef enum {
    LINT_NEAR_DUPLICATE,     /* entry and other answer each other's question almost equally */
    LINT_UNREACHABLE,        /* entry's own question retrieves other first, or none
                                (other UINT32_MAX) */
    LINT_MISSING_TRANSLATION /* entry's id has no entry in language lang; other, when
                                not UINT32_MAX, is lang's entry whose id is entry's
                                written another way (late_fee for late-fee) */
} lint_kind;

typedef struct lint_finding {
    lint_kind kind;
    uint32_t entry;
    uint32_t other;          /* UINT32_MAX when none */
    uint32_t lang;           /* for LINT_MISSING_TRANSLATION */
    double ratio;            /* other's score over entry's (near-duplicates) */
} lint_finding;

typedef void (*lint_fn)(void *ctx, const lint_finding *f);

/* Calls fn for each finding; returns how many, or -1 if memory ran out. */
int faq_lint(const faq_index *ix, lint_fn fn, void *ctx);

#endif
