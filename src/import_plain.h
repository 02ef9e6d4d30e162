/* import_plain.h: the layout of plain text read as a reader would, for the
 * numbered-FAQ reader (import_faq.h): how far a line is indented, blank and
 * rule lines, and an answer's lines written as Markdown, where text indented
 * under the answer's margin is code (fenced, so that a shell's "# comment"
 * is not a heading) unless it is a list item or an item's continuation.
 * Lines are slices of the caller's text; nothing here allocates but the
 * import_text it writes to.
 */
#ifndef FAQ_IMPORT_PLAIN_H
#define FAQ_IMPORT_PLAIN_H

#include <stddef.h>

#include "import_doc.h"

typedef struct import_line { const char *s; size_t n; } import_line;

/* Only blanks: spaces, tabs, no-break spaces, a carriage return. */
int import_line_blank(import_line l);
/* The column of l's first non-blank character: a tab goes on to the next
 * multiple of 8, a no-break space takes one column (Debian's FAQ indents
 * some lines with them). */
size_t import_line_indent(import_line l);
/* A rule: four or more of one of "-=_~*" and nothing else but blanks. */
int import_line_rule(import_line l);
/* Does l read as a line of prose: four words or more, most of them words
 * of letters (with their punctuation), no prompt or comment sign ("#",
 * "$", "%", ">") or path ("/") leading it, and none of the signs of code
 * ("{}|$=<>`\\", " #") in it? */
int import_line_prose(import_line l);
/* l without its leading blanks and trailing spaces, no-break spaces as
 * spaces, put into t. */
void import_line_put_trimmed(import_text *t, import_line l);

/* The answer lines[0..n) as Markdown into t, its lines at column base and
 * below read as prose (one line each, trimmed), rule lines as blank ones,
 * and the runs of lines indented deeper (with the blank lines inside them)
 * as fenced code keeping their depth under the run's least indented line;
 * deeper lines that open a list item ("* ", "- ", "1. ", "(a) ") or line up
 * with an item's text are prose. No line end after the last line. */
void import_plain_answer(const import_line *lines, size_t n, size_t base, import_text *t);

#endif
