/* corpus_parse.h: FAQ documents (Markdown, plain text; corpus.h says how
 * they are written) into entries, each problem told with its file and
 * line: the parsers of the corpus reader (corpus.c), and of whoever has a
 * document's text in hand (import, tests).
 *
 * Ownership: entries are appended to the caller's corpus_lang, whose
 * strings it then owns (corpus_lang_clear()). */
#ifndef FAQ_CORPUS_PARSE_H
#define FAQ_CORPUS_PARSE_H

#include <stddef.h>

#include "corpus.h"

/* Editors on some systems open a UTF-8 file with a byte-order mark; it would
 * hide a first-line heading or "# question-pattern:" directive. */
#define CORPUS_UTF8_BOM "\xEF\xBB\xBF"

/* A code fence line of a Markdown document: three or more '`' or '~'.
 * Returns the run's length (0: not a fence), its character in *ch, and
 * whether only blanks follow (a fence that closes). */
size_t corpus_md_fence(const char *p, size_t ln, char *ch, int *bare);

/* Parse one Markdown document (text of len bytes, from file path, whose
 * base name without extension is name) and append its entries to lang.
 * Returns 0, or -1 with "path:line: what" in err. */
int corpus_parse_md(corpus_lang *lang, const char *path, const char *name,
                    const char *text, size_t len, entry_kind kind,
                    char *err, size_t errlen);

/* The same for a plain-text document. */
int corpus_parse_txt(corpus_lang *lang, const char *path, const char *name,
                     const char *text, size_t len, char *err, size_t errlen);

/* Where the problems of a reading go: into a report, reading on, or (with
 * none) into err, the first one ending the reading. */
typedef struct corpus_reader {
    corpus_report *rep;
    char *err;
    size_t errlen;
    /* how far lines were counted in the document being read (text: its
     * first byte), so that its entries, told in order, count on from there */
    const char *counted_text, *counted_at;
    unsigned counted_line;
    /* in: room for a Markdown document's title, or NULL; out: its "# Title"
     * as corpus_md_outside() tells it (cut on a character to title_cap - 1
     * bytes), "" when it has none: taken in the reading that segments it,
     * not by reading it again */
    char *title;
    size_t title_cap;
} corpus_reader;

/* A problem at path:line (line 0: at path as a whole). A malformed line (one that looks like a heading,
 * an id or an alternate question but is not one) is only a warning in a
 * lenient report; malformed CORPUS_NOTICE is a warning in any report, and
 * nothing without one (a document with no question). Returns 0 when reading
 * may go on, -1 when it must stop (no report: the problem is in err; or
 * memory ran out). */
#define CORPUS_NOTICE 2
int corpus_report_problem(corpus_reader *r, int malformed, const char *path, unsigned line,
                          const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* corpus_parse_md() and corpus_parse_txt() telling their problems to r:
 * with a report, a document reads on past each one. On failure (-1) the
 * document's entries are taken back, lang as it was. */
int corpus_read_md(corpus_reader *r, corpus_lang *lang, const char *path, const char *name,
                   const char *text, size_t len, entry_kind kind);
int corpus_read_txt(corpus_reader *r, corpus_lang *lang, const char *path, const char *name,
                    const char *text, size_t len);

/* What a Markdown document holds that none of its entries does, which a
 * form of one row an entry (export's CSV) has no place for: its title (a
 * "# " heading before the first question), a part's title (a later "# "
 * heading), and text under neither a question nor its answer (before the
 * first question, or under a part's title), told at the first line of each
 * such stretch. fn has the line's text, its "#"s trimmed from a heading. */
typedef enum { CORPUS_MD_TITLE, CORPUS_MD_PART, CORPUS_MD_TEXT } corpus_md_outside_kind;
typedef void (*corpus_md_outside_fn)(void *ctx, corpus_md_outside_kind kind, unsigned line,
                                     const char *s, size_t n);
void corpus_md_outside(const char *text, size_t len, corpus_md_outside_fn fn, void *ctx);

/* Is text valid UTF-8? Its problem told to r ("path:line: ..."): 0 when it is
 * (its BOM skipped), 1 when the problem was told and the reading may go on
 * past the file, -1 when it must stop. */
int corpus_read_check_text(corpus_reader *r, const char *path, const char **text, size_t *len);

/* Room for one more entry at the end of lang (its capacity grown on need):
 * 0, or -1 with "path:line: what" in err when out of memory or past
 * FAQ_MAX_ENTRIES. */
int corpus_lang_reserve(corpus_lang *lang, const char *path, unsigned line, char *err,
                        size_t errlen);

/* Is id[0..n) an entry id: CORPUS_ID_RULE? (An importer checks an id it
 * reads by the rule the corpus will apply to it.) */
#define CORPUS_ID_RULE "letters, digits, '.', '_', '-'; at most 128 bytes"
int corpus_id_valid(const char *id, size_t n);

/* The name a document's entries without an id take theirs from,
 * "<name>-<n>": file's base name (after its last '/') less its extension
 * (".md", ".txt"), as a slice of file (file_len bytes), its length in *len. */
const char *corpus_doc_name(const char *file, size_t file_len, size_t *len);

/* Frees an entry's strings (not the entry). */
void corpus_entry_free(corpus_entry *e);

#endif
