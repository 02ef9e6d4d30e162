/* export_csv.h: a corpus written back as QnA Maker's import CSV (faqbot
 * export): Question, Answer, Source, Metadata, QnaId (the entry's id, so
 * that a FAQ edited in a spreadsheet and imported again keeps its ids, which
 * link its translations and its feedback); one row a question, an
 * entry's alternate questions in rows of their own with its answer. The
 * answer's "<!-- meta: name=value, ... -->" comment is the Metadata
 * ("name:value|name:value") and its "<!-- source: ... -->" the Source (else
 * the entry's file name); both are taken out of the Answer. */
#ifndef FAQ_EXPORT_CSV_H
#define FAQ_EXPORT_CSV_H

#include <stdio.h>

#include "corpus.h"

/* The FAQ entries (not small talk) of language lang (NULL: the corpus's
 * only language) to out. Returns the
 * number of entries, or -1 with a message in err (no such language, a
 * corpus of several languages and none chosen, a write error). */
int export_csv(const corpus *c, const char *lang, FILE *out, char *err, size_t errlen);

#endif
