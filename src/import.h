/* import.h: FAQs written in other formats, read into entries and written out
 * as faqbot Markdown (faqbot import). A front end of the corpus: nothing of
 * the index or the search is used.
 *
 * Formats: QnA Maker's export (CSV or TSV: Question, Answer, Source,
 * Metadata; rows sharing one answer are one entry with alternate
 * questions), "Q:" / "A:" text, numbered FAQs ("1.2. Question" lines, the
 * answers indented or not), and a web page with schema.org FAQPage markup
 * (JSON-LD).
 *
 * Ownership: an import_doc owns its entries and their strings; free it with
 * import_doc_free() (which accepts an empty doc).
 */
#ifndef FAQ_IMPORT_H
#define FAQ_IMPORT_H

#include <stddef.h>
#include <stdio.h>

typedef struct import_entry {
    char *question;     /* one line */
    char **alts;        /* other phrasings */
    size_t n_alts;
    char *answer;       /* Markdown */
    char *id;           /* id after the prefix ("1.7"), or NULL: its number */
    char *meta;         /* "name=value, name=value" (the server's form), or NULL */
    char *source;       /* where the entry came from (QnA Maker's Source), or NULL */
} import_entry;

typedef struct import_doc {
    import_entry *entries;
    size_t n, cap;
} import_doc;

typedef enum {
    IMPORT_GUESS = 0,
    IMPORT_CSV,
    IMPORT_TSV,
    IMPORT_QA,
    IMPORT_NUMBERED,
    IMPORT_HTML
} import_format;

/* "csv", "tsv", "qa", "numbered", "html" -> 0 and *f; else -1. */
int import_format_parse(const char *name, import_format *f);
const char *import_format_name(import_format f);
/* The format told by a file name's extension (name may be NULL), else by
 * the text itself. */
import_format import_guess(const char *name, const char *text, size_t len);

/* Reads text (len bytes) in format f into doc. Returns the number of
 * entries, or -1 with a message in err ("line 7: ..."). */
int import_read(import_format f, const char *text, size_t len, import_doc *doc, char *err,
                size_t errlen);

/* The doc as a faqbot Markdown document: "# title", then one "## question
 * {#prefix-id}" entry each, its metadata and source first in the answer as
 * "<!-- meta: name=value, ... -->" and "<!-- source: ... -->"; answer lines that would read as a heading or an
 * alternate question are escaped. Returns 0, or -1 on a write error. */
int import_write_md(const import_doc *doc, const char *title, const char *prefix, FILE *out);

void import_doc_free(import_doc *doc);

/* For the readers (import_*.c): a new empty entry at the end of doc, or
 * NULL when memory runs out; an alternate question; a copy of n bytes. */
import_entry *import_doc_add(import_doc *doc);
int import_entry_add_alt(import_entry *e, const char *s, size_t n);
char *import_dup(const char *s, size_t n);

/* A growable string for the readers: NUL-ended once anything is put; on
 * running out of memory oom is set and later puts do nothing. */
typedef struct import_text { char *s; size_t n, cap; int oom; } import_text;
void import_text_put(import_text *t, const char *s, size_t n);

/* The readers, one a format (the same contract as import_read()). */
int import_csv(const char *text, size_t len, char delim, import_doc *doc, char *err, size_t errlen);
int import_qa(const char *text, size_t len, import_doc *doc, char *err, size_t errlen);
int import_numbered(const char *text, size_t len, import_doc *doc, char *err, size_t errlen);
int import_html(const char *text, size_t len, import_doc *doc, char *err, size_t errlen);

#endif
