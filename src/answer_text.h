/* answer_text.h: an answer as text for a terminal (ask, repl). */
#ifndef FAQ_ANSWER_TEXT_H
#define FAQ_ANSWER_TEXT_H

#include <stdio.h>

#include "search.h"

/* Print a to out; with numbered, clarify choices and suggestions are
 * numbered 1.. so that a REPL can take a number as the next question. */
void answer_print(FILE *out, const faq_index *ix, const faq_answer *a, int numbered);

#endif
