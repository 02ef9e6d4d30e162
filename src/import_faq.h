/* import_faq.h: turns a numbered plain-text FAQ (like Debian's, "1.2. What
 * is Debian?" headings at the start of a line, indented answers) into
 * faqbot's Markdown, with ids from the section numbers so that the
 * translations of one document share them. */
#ifndef FAQ_IMPORT_FAQ_H
#define FAQ_IMPORT_FAQ_H

#include <stdio.h>

/* Writes the Markdown of text (len bytes) to out: "# title", then one
 * "## question {#prefix-N.M}" entry a numbered section. Returns the number
 * of entries, or -1 with a message in err (invalid UTF-8, no sections). */
int import_numbered_faq(const char *text, size_t len, const char *title, const char *prefix,
                        FILE *out, char *err, size_t errlen);

#endif
