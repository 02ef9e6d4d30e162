/* import_csv.h: QnA Maker's CSV or TSV export (delim ',' or '\t') read into doc;
 * the question and answer are the header's columns qname and aname (in any
 * case; NULL: "Question" and "Answer").
 * The text is valid UTF-8 without a byte-order mark (import_read() sees to it).
 * Returns the number of entries, or -1 with a message in err ("line 7: ..."). */
#ifndef FAQ_IMPORT_CSV_H
#define FAQ_IMPORT_CSV_H

#include <stddef.h>

#include "import_doc.h"

int import_csv(const char *text, size_t len, char delim, const char *qname, const char *aname, import_doc *doc,
               char *err, size_t errlen);

#endif
