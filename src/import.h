/* import.h: FAQs written in other formats, read into entries and written out
 * as faqbot Markdown (faqbot import). A front end of the corpus: nothing of
 * the index or the search is used.
 *
 * Formats: QnA Maker's export (CSV or TSV: Question, Answer, Source,
 * Metadata; rows sharing one answer are one entry with alternate
 * questions; or a spreadsheet's, its columns named), "Q:" / "A:" text,
 * numbered FAQs ("1.2. Question" lines, the answers indented or not), and a
 * web page: its schema.org FAQPage markup (JSON-LD), else its <details>,
 * <dl> and question headings; a Markdown document's question headings (a
 * README's FAQ section).
 *
 * This module tells the format and hands the text to its reader
 * (import_csv.h, import_faq.h, import_html.h, import_md.h, import_qa.h); the document
 * they fill, its ownership and its Markdown writing are import_doc.h's.
 */
#ifndef FAQ_IMPORT_H
#define FAQ_IMPORT_H

#include <stddef.h>

#include "import_doc.h"

typedef enum {
    IMPORT_GUESS = 0,
    IMPORT_CSV,
    IMPORT_TSV,
    IMPORT_QA,
    IMPORT_NUMBERED,
    IMPORT_HTML,
    IMPORT_MARKDOWN
} import_format;

/* "csv", "tsv", "qa", "numbered", "html", "markdown" (any case; "md" and
 * "htm" as the files are named) -> 0 and *f; else -1. */
int import_format_parse(const char *name, import_format *f);
const char *import_format_name(import_format f);
/* The format told by a file name's extension (name may be NULL), else by
 * the text itself. */
import_format import_guess(const char *name, const char *text, size_t len);

/* Reads text (len bytes) in format f into doc. Returns the number of
 * entries, or -1 with a message in err ("line 7: ..."). */
int import_read(import_format f, const char *text, size_t len, import_doc *doc, char *err,
                size_t errlen);
/* The same, a CSV's or TSV's question and answer read from the header's
 * columns qname and aname (a spreadsheet's own names, "Frage" and
 * "Antwort"); NULL for QnA Maker's "Question" and "Answer". */
int import_read_columns(import_format f, const char *qname, const char *aname, const char *text, size_t len,
                        import_doc *doc, char *err, size_t errlen);

#endif
