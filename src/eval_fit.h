/* eval_fit.h: the decline model (decline_model.h) fitted offline to the
 * features files eval_features() writes, one per corpus, each corpus's
 * figures shown with the model fitted on all of them and, left out, on
 * the others (leave-one-corpus-out). */
#ifndef FAQ_EVAL_FIT_H
#define FAQ_EVAL_FIT_H

#include <stddef.h>
#include <stdio.h>

#include "decline_model.h"

/* Fits the model to files and prints its coefficients (also as search
 * parameters) and the figures to out. use[f] == 0 keeps feature f out, 2
 * fits it after the others with theirs held (decline_fit_after); use NULL:
 * all in. held non-NULL: no first fit, the features fitted after start
 * from held's bias and weights (the shipped model: a feature added to it
 * moves no question it reads as 0). Returns 0, or -1 with a message in err (an unreadable or
 * malformed file, too many files, a singular system). */
int eval_fit(char *const *files, int n_files, const int *use, const decline_model *held,
             FILE *out, char *err, size_t errlen);

#endif
