/* import_doc.h: the document faqbot import's readers build (entries with
 * their alternates, ids, metadata and source), the helpers that build it,
 * and its writing as faqbot Markdown. Knows no input format: the readers
 * (import_csv.h, import_faq.h, import_html.h, import_qa.h) and the dispatch
 * (import.h) include it, never the other way round.
 *
 * Ownership: an import_doc owns its entries, its notes and their strings; free it with
 * import_doc_free() (which accepts an empty doc).
 */
#ifndef FAQ_IMPORT_DOC_H
#define FAQ_IMPORT_DOC_H

#include <stddef.h>
#include <stdio.h>

typedef struct import_entry {
    char *question;     /* one line */
    char **alts;        /* other phrasings */
    size_t n_alts;
    char *answer;       /* Markdown */
    char *id;           /* id after the prefix ("1.7"), or NULL: its number */
    int id_whole;       /* id is the whole id, without the prefix (one faqbot export wrote) */
    char *meta;         /* "name=value, name=value" (the server's form), or NULL */
    char *source;       /* where the entry came from (QnA Maker's Source), or NULL */
    char *file;         /* the corpus file faqbot export named in Source ("faq.md"), or NULL */
    char *part;         /* the title of the document's part it stands in ("Cards"), or NULL */
    char *lang;         /* its language's code, from a spreadsheet's language column, or NULL */
} import_entry;

/* Something of the input a reader left out, or wrote but doubts, told
 * rather than passed over silently: its line (1-based) and what. */
typedef struct import_note {
    unsigned line;
    int left_out;       /* an entry left out (the import's summary counts them), not only a warning */
    char *what;
} import_note;

typedef struct import_doc {
    char *title;        /* the document's own title, one line (a page's <h1>, a Markdown
                           document's one "# Title" over its questions), or NULL */
    import_entry *entries;
    size_t n, cap;
    import_note *notes;
    size_t n_notes, cap_notes;
} import_doc;

/* The doc as a faqbot Markdown document: "# title", then one "## question
 * {#prefix-id}" entry each (a prefix ending in "-", "_" or "." takes no
 * second "-"), a "# part" heading before the first entry of
 * each part, its metadata and source first in the answer as
 * "<!-- meta: name=value, ... -->" and "<!-- source: ... -->"; answer lines that would read as a heading or an
 * alternate question are escaped. Returns 0, or -1 on a write error. */
int import_write_md(const import_doc *doc, const char *title, const char *prefix, FILE *out);

void import_doc_free(import_doc *doc);

/* The corpus files doc's entries came from (import_entry.file), each once
 * in the order met, comma-separated, into out (cut to cap); returns how
 * many. */
size_t import_doc_files(const import_doc *doc, char *out, size_t cap);

/* Keeps only the entries of corpus file name, in their order; returns how
 * many are left. */
size_t import_doc_keep_file(import_doc *doc, const char *name);

/* A reader's result: doc's number of entries, or -1 when it has none, with
 * "no <what> found; for another format, see --format" in err. */
int import_doc_found(const import_doc *doc, const char *what, char *err, size_t errlen);
/* For the readers: a new empty entry at the end of doc, or NULL when memory
 * runs out (an alternate question is strv_add()'s, buf.h). */
import_entry *import_doc_add(import_doc *doc);
/* A note at line, what formatted as printf's, left_out as import_note's;
 * 0, or -1 when memory runs out. */
int import_doc_note(import_doc *doc, unsigned line, int left_out, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Is href (n bytes) a link the chat follows: a whole address of the web,
 * of mail or of a phone? */
int import_link_whole(const char *href, size_t n);
/* Is href a relative address ("/afspraak", "prijzen.html"), which has no
 * site to stand on once out of its page: not empty, not an anchor ("#x"),
 * no scheme. */
int import_link_relative(const char *href, size_t n);
/* Tells in doc, at line, that the link text to the relative href is kept as
 * its text only, so that the editor writes the whole address; the one
 * wording of every format's reader. 0, or -1 when memory runs out. */
int import_note_relative_link(import_doc *doc, unsigned line, const char *text, size_t tn, const char *href,
                              size_t hn);
/* A Markdown answer (s, n bytes, its first line at line of the input) with
 * each inline link to a relative address ("[x](/path)") as its text only,
 * each told in doc at its line (import_note_relative_link); a link in code
 * is code and stays. Malloc'd, or NULL when memory runs out. */
char *import_md_answer(import_doc *doc, const char *s, size_t n, unsigned line);

/* A growable string for the readers: NUL-ended once anything is put; on
 * running out of memory oom is set and later puts do nothing. */
typedef struct import_text { char *s; size_t n, cap; int oom; } import_text;
void import_text_put(import_text *t, const char *s, size_t n);

#endif
