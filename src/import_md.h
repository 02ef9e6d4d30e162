/* import_md.h: a Markdown document with a FAQ section (a project's README,
 * a wiki page) read into doc: its question headings ("### How do I ...?")
 * at the level where most headings ask, each answered by the Markdown under
 * it up to the next heading as high.
 * The text is valid UTF-8 without a byte-order mark (import_read() sees to it).
 * Returns the number of entries, or -1 with a message in err ("line 7: ..."). */
#ifndef FAQ_IMPORT_MD_H
#define FAQ_IMPORT_MD_H

#include <stddef.h>

#include "import_doc.h"

int import_markdown(const char *text, size_t len, import_doc *doc, char *err, size_t errlen);
/* Does text hold a heading that asks ("## Why ...?") outside code? For the
 * format's guess. */
int import_markdown_asks(const char *text, size_t len);

#endif
