/* eval.h: measures answer quality on TSV files of (lang, query, expected id
 * or NONE): top-1 accuracy, MRR@3, off-topic declines, false declines, the
 * share answered in the asker's language, per language and in all. */
#ifndef FAQ_EVAL_H
#define FAQ_EVAL_H

#include <stdio.h>

#include "index_read.h"

/* Prints the report to out; with sweep, a table of the figures by decline
 * threshold. Returns 0, or -1 with a message in err (unreadable file). */
int eval_run(const faq_index *ix, char *const *files, int n_files, double threshold,
             int sweep, int show_misses, FILE *out, char *err, size_t errlen);

/* Writes, per row of the query files, whether the leading entry was right
 * and the decline model's features (decline_model.h), for eval_fit(). */
int eval_features(const faq_index *ix, char *const *files, int n_files, FILE *out, char *err,
                  size_t errlen);

/* Fits the decline model to features files, one per corpus, and prints its
 * coefficients and each corpus's figures with the model fitted on all of
 * them and, left out, on the others. use[f] == 0 keeps feature f out (use
 * NULL: all in). */
int eval_fit(char *const *files, int n_files, const int *use, FILE *out, char *err,
             size_t errlen);

#endif
