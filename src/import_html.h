/* import_html.h: a web page's FAQ read into doc: its schema.org FAQPage
 * (JSON-LD) when it has one, else its own HTML's <details> (the <summary>
 * the question), <dl> (<dt> and <dd>) and the headings of the level most
 * often ending in a question mark (the answer what follows up to the next
 * heading as high; menus, page header and footer left out).
 * The text is valid UTF-8 without a byte-order mark (import_read() sees to it).
 * Returns the number of entries, or -1 with a message in err ("line 7: ..."). */
#ifndef FAQ_IMPORT_HTML_H
#define FAQ_IMPORT_HTML_H

#include <stddef.h>

#include "import_doc.h"

int import_html(const char *text, size_t len, import_doc *doc, char *err, size_t errlen);

#endif
