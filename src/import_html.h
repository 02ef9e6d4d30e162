/* import_html.h: a web page's FAQ read into doc: its schema.org FAQPage
 * (JSON-LD) when it has one, else its own HTML's <details> (the <summary>
 * the question), <dl> (<dt> and <dd>) and the headings of the level most
 * often ending in a question mark (the answer what follows up to the next
 * heading as high; menus, page header and footer left out).
 * The text is valid UTF-8 without a byte-order mark (import_read() sees to
 * it), but for import_html_in's.
 * Returns the number of entries, or -1 with a message in err ("line 7: ..."). */
#ifndef FAQ_IMPORT_HTML_H
#define FAQ_IMPORT_HTML_H

#include <stddef.h>

#include "import_doc.h"


int import_html(const char *text, size_t len, import_doc *doc, char *err, size_t errlen);
/* The same, the text in charset (a name iconv knows, as "windows-1252"):
 * a page saved as its server sent it, in the charset it declares. */
int import_html_in(const char *text, size_t len, const char *charset, import_doc *doc, char *err, size_t errlen);
/* The charset libxml2 finds the page in, other than UTF-8, into out (cap
 * bytes): its byte-order mark's (UTF-16, UCS-4), else the one its <meta>
 * declares (charset=..., or http-equiv's "text/html; charset=...", known
 * to libxml2 or not); 1, or 0 when it declares none or UTF-8. */
int import_html_charset(const char *text, size_t len, char *out, size_t cap);

#endif
