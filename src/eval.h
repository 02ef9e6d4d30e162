/* eval.h: measures answer quality on TSV files of (lang, query, expected id
 * or NONE): top-1 accuracy, MRR@3, off-topic declines, false declines, the
 * share answered in the asker's language, per language and in all. */
#ifndef FAQ_EVAL_H
#define FAQ_EVAL_H

#include <stdio.h>

#include "index_read.h"
#include "search_params.h"

typedef struct eval_opts {
    const search_params *params;    /* the ranking's parameters; NULL: the defaults */
    double threshold;               /* < 0: the parameters' */
    int show_misses;                /* list the questions answered wrong */
    int explain;                    /* ... each with the rerank factors of the first two */
    int sweep;                      /* a table of the figures by decline threshold */
    int ablate;                     /* per file, the figures with each use_* switch off */
    const char *vary;               /* "name=v1,v2,...": the figures for each value, or NULL */
} eval_opts;

/* The ranking's parameters, a line each: name, type, default, range, why. */
void eval_list_params(FILE *out);

/* Prints the report to out. Returns 0, -1 with a message in err
 * (unreadable file, out of memory), or -2 (a bad vary). */
int eval_run(const faq_index *ix, char *const *files, int n_files, const eval_opts *o, FILE *out,
             char *err, size_t errlen);

/* Writes, per row of the query files, whether the leading entry was right
 * and the decline model's features (decline_model.h), for eval_fit.h. */
int eval_features(const faq_index *ix, char *const *files, int n_files,
                  const search_params *params, FILE *out, char *err, size_t errlen);

#endif
