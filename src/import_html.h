/* import_html.h: a web page's schema.org FAQPage (JSON-LD) read into doc.
 * The text is valid UTF-8 without a byte-order mark (import_read() sees to it).
 * Returns the number of entries, or -1 with a message in err ("line 7: ..."). */
#ifndef FAQ_IMPORT_HTML_H
#define FAQ_IMPORT_HTML_H

#include <stddef.h>

#include "import_doc.h"

int import_html(const char *text, size_t len, import_doc *doc, char *err, size_t errlen);

#endif
