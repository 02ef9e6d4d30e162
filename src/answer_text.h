/* answer_text.h: an answer as text for a terminal (ask, repl). */
#ifndef FAQ_ANSWER_TEXT_H
#define FAQ_ANSWER_TEXT_H

#include <stdio.h>

#include "search.h"

/* Print a to out; with numbered, clarify choices and suggestions are
 * numbered 1.. so that a REPL can take a number as the next question. A
 * width above 0 is a terminal's: the answer's Markdown shown as text (bold,
 * italic, "text <address>") and, from 20 columns, its lines wrapped at
 * spaces to that many (the terminal would break them mid-word), list items
 * and quotes hanging under their text; 0 prints them as written, as a
 * pipe's reader wants them. */
void answer_print(FILE *out, const faq_index *ix, const faq_answer *a, int numbered, int width);

/* The columns of the terminal out writes to (re-read each time: it may
 * have been resized), $COLUMNS when it tells none, else 1 (a terminal, of
 * unknown width); 0 when out is no terminal. */
int answer_term_width(FILE *out);

/* One of the bot's texts (no Markdown) and its end of line, wrapped at
 * width as answer_print wraps an answer. */
void text_print(FILE *out, const char *s, size_t n, int width);

#endif
