/* corpus.h: reads a corpus folder (corpus/<lang>/...) as FAQ entries.
 *
 * Layout of a corpus folder, one sub-folder per language (its name is the
 * two-letter code of a Snowball stemmer, e.g. "es", "en", "fr"):
 *   corpus/<lang>/<name>.md    FAQ documents in Markdown (see below)
 *   corpus/<lang>/<name>.txt   plain-text FAQ documents (questions found by a PCRE2 rule)
 *   corpus/<lang>/smalltalk.md greetings, thanks...: entries of kind ENTRY_SMALLTALK
 *   corpus/<lang>/stopwords.txt  one stop word a line ('#' starts a comment)
 *   corpus/<lang>/synonyms.txt   one group a line: "concluir, terminar, acabar"
 *   corpus/<lang>/messages.txt   the bot's own texts: "key = value" lines
 * These four language files add to the same file of the language's pack
 * (lang_pack.h), if faqbot ships one: stop words and synonyms are both
 * lists' lines, a message key or small-talk id the folder sets wins over
 * the pack's. A file whose first line is "# replace" replaces the pack's.
 * Files and folders whose name starts with '.' are skipped; so is README.md.
 *   corpus/settings.txt          settings that travel with the index, "key =
 *                                value" lines ('#' a comment); the one key:
 *                                threshold, the decline threshold (0 to 1)
 *
 * Markdown documents: an optional "# Title"; each level-2 heading is an
 * entry's question, with an optional explicit id in Pandoc form
 * "## Question? {#some-id}". A list of alternate phrasings may follow the
 * heading directly, as lines "? other phrasing" (one a line); the answer is
 * everything after, up to the next level-2 heading, trimmed of blank lines.
 * Without an explicit id, an entry's id is "<name>-<n>", n its position from 1.
 *
 * Plain-text documents: a question is a line that opens with '¿' or ends
 * with '?' (after trimming); its answer is the lines up to the next question.
 * A first line "# question-pattern: REGEX" replaces that rule by a PCRE2
 * pattern matched against each (trimmed) line. Lines before the first
 * question are the document's preamble and are not indexed.
 *
 * The documents' parsers are corpus_parse.h's, the reading of its other
 * files corpus_file.h's. corpus_stream() reads a corpus a document at a
 * time and hands each entry on as it comes, so that a large corpus need
 * never be in memory whole (the index build reads it so); corpus_load.h's
 * corpus_load() is a reading that keeps every entry, in a corpus.
 *
 * Ownership: a corpus is freed with corpus_free(), every string in it
 * belonging to it; an entry handed on is the sink's.
 */
#ifndef FAQ_CORPUS_H
#define FAQ_CORPUS_H

#include <stddef.h>

typedef enum { ENTRY_FAQ = 0, ENTRY_SMALLTALK = 1 } entry_kind;

typedef struct corpus_entry {
    char *id;          /* explicit id, or "<name>-<n>" */
    char *question;    /* heading text, the "{#id}" removed, trimmed */
    char **alts;       /* alternate phrasings of the question */
    unsigned *alt_lines;  /* each one's 1-based line, for lint to point at */
    size_t n_alts;
    char *answer;      /* Markdown (or plain text) as written, trimmed */
    char *file;        /* path of the file it came from */
    unsigned line;     /* 1-based line of its question */
    entry_kind kind;
} corpus_entry;

typedef struct corpus_lang {
    char code[8];         /* folder name: "es" */
    char *stopwords;      /* stopwords.txt and the pack's, or NULL */
    char *synonyms;       /* synonyms.txt and the pack's, or NULL */
    char *messages;       /* messages.txt and the pack's, or NULL */
    corpus_entry *entries;
    size_t n_entries, entries_cap;
} corpus_lang;

typedef struct corpus {
    corpus_lang *langs;   /* sorted by code */
    size_t n_langs;
    char *settings;       /* settings.txt, checked, or NULL */
} corpus;

/* One problem of a corpus: where, and what. */
typedef struct corpus_problem {
    char *file;           /* a folder's ends in '/' */
    unsigned line;        /* 0: the folder or file as a whole, no line of it */
    int warning;          /* a malformed line read leniently */
    char *what;           /* "duplicate id ..." (no "file:line: ") */
} corpus_problem;

/* Every problem of a reading, not only the first. */
typedef struct corpus_report {
    int lenient;          /* in: a malformed line is a warning (read as text, as
                             CommonMark would), not an error */
    int asked_told_apart; /* in: a question asked twice is not told here: the
                             caller tells it, with alternates (corpus_dups.h) */
    corpus_problem *items;  /* out: the first FAQ_MAX_CORPUS_PROBLEMS, in file order */
    size_t n;
    unsigned n_errors, n_warnings;  /* out: all of them, kept or not */
} corpus_report;

/* A problem's line as "file:line: " shows it: ":42" into ln, or "" when
 * line is 0 (a folder, or a file as a whole, has no line to name). */
#define CORPUS_LINE_ROOM 16
const char *corpus_problem_line(unsigned line, char ln[CORPUS_LINE_ROOM]);

/* Frees rep's items (not rep); the caller's to call after any reading with
 * a report, whatever its result. */
void corpus_report_free(corpus_report *rep);

/* What corpus_stream() hands on, in corpus order: each language folder
 * (sorted by name), its entries (its documents sorted by name, each in
 * order, then its pack's small talk). Each callback returns 0, or -1 to
 * stop the reading with its message in err. */
typedef struct corpus_sink {
    void *ctx;
    /* Once, first: the language folders there are, by name (sorted;
     * valid during the call), not yet checked. */
    int (*begin)(void *ctx, const char *const *names, size_t n_langs, char *err, size_t errlen);
    /* A language, before its entries: its code, stop words, synonyms and
     * messages (the folder's and its pack's); entries is empty. The sink
     * may take the texts (setting them to NULL). */
    int (*lang)(void *ctx, corpus_lang *lang, char *err, size_t errlen);
    /* Before each entry: 1 when an entry of the language handed on before
     * has this id, with the last such one's file and line in *file, *line
     * (valid until the next call), else 0. A small-talk entry of the pack
     * whose id the language has is left out: that one is not handed on. */
    int (*has_id)(void *ctx, const corpus_entry *e, const char **file, unsigned *line,
                  char *err, size_t errlen);
    /* An entry, its strings now the sink's whatever it returns. */
    int (*entry)(void *ctx, corpus_entry *e, char *err, size_t errlen);
    /* settings.txt, checked: the sink may take the text (setting it to NULL). */
    int (*settings)(void *ctx, char **text, char *err, size_t errlen);
} corpus_sink;

/* Read the corpus folder dir, a document at a time, handing what it holds
 * to sink. A problem of the corpus's text (invalid UTF-8, an entry with no
 * answer, a duplicate id within a language, a malformed line: one that
 * looks like a heading, an id or an alternate question and is not,
 * "##¿Qué?", "## Q {#id" unclosed, "{#}", "? alt" away from its heading; a
 * messages.txt line not "key = value" with a known key; a settings.txt line
 * with an unknown key or a bad value; a folder whose name is not a language
 * libstemmer knows, told at its path, line 1) ends the reading with
 * "file:line: what" in err; with rep, the reading goes on past each one,
 * putting it in rep in file order (a language's own texts in their turn
 * among its documents, though read before them), and returns -1 at its end
 * when any is an error (err says how many). The sink is handed entries
 * whatever their problems (an entry with no answer has a NULL one); a
 * document or language text that is not UTF-8, a messages.txt or
 * settings.txt with a bad line, and a folder of no known language are left
 * out. An unreadable file ends any reading.
 * Returns 0, or -1 with err saying why (a problem, or the sink's
 * failure). */
int corpus_stream(const char *dir, corpus_report *rep, const corpus_sink *sink, char *err,
                  size_t errlen);

/* libstemmer's algorithm name for a two-letter code ("es" -> "spanish"),
 * or NULL when libstemmer has none. */
const char *corpus_stemmer_name(const char *code);

/* Is code a language folder's name: a lowercase code of two or three
 * letters that libstemmer stems, its usual one ("da"; not "english",
 * not "xx", not "dan")? */
int corpus_lang_code_stemmed(const char *code);

/* Is code a language libstemmer does not stem, written with spaces between
 * words ("pl", "cs", "uk"; not "ja"), indexed with the fallback of
 * analyzer_stem()? */
int corpus_lang_code_unstemmed(const char *code);

/* Is code a language folder's name: corpus_lang_code_stemmed() or
 * corpus_lang_code_unstemmed()? */
int corpus_lang_code_folder(const char *code);

/* When code is another name for a language libstemmer stems ("nb", "nn",
 * "deu", "pt-BR", "EN", "danish"): the code a folder of it is named ("no", "de",
 * "pt", "en"), and its libstemmer algorithm into *language (when not
 * NULL); otherwise NULL. */
const char *corpus_lang_code_usual(const char *code, const char **language);

/* The code the system's files for a language (Hunspell's dictionaries,
 * MyThes's thesauri, libexttextcat's models) name it by, where that is
 * not the folder's code: libstemmer's one Norwegian is "no", the files'
 * are Bokmål's "nb" (and Nynorsk's "nn"), and Bokmål is what most
 * Norwegians write. Otherwise code itself. */
const char *corpus_lang_code_written(const char *code);

/* Why code is not a language folder's name, a phrase into out (cut to
 * cap): the code to use instead, or the codes there are. Returns its
 * length. */
size_t corpus_lang_code_problem(const char *code, char *out, size_t cap);

/* For language folder dir/code when faqbot ships no pack for code: what
 * the bot lacks in it that the folder does not give itself (no small talk,
 * the bot's texts in English...) and the files that would give it, a
 * sentence into out (cut to cap); returns its length, or 0 (out empty)
 * when there is a pack or the folder gives all four files. For a language
 * with no stemmer, a first line says how its words are matched instead
 * (the lines apart by a newline). */
size_t corpus_pack_note(const char *dir, const char *code, char *out, size_t cap);

/* corpus_pack_note() for each language folder of corpus dir, a line each;
 * the caller's to free, or NULL when there is none to tell (or the folder
 * cannot be read: corpus_stream() tells that). */
char *corpus_pack_notes(const char *dir);

/* What an empty folder of language code would hold, handed on to sink as
 * corpus_stream() hands on a folder (lang, then each entry): its pack's
 * stop words, synonyms, messages and small talk (lang_pack.h). For a sink
 * that adds a language the corpus lacks, in its place among the folders.
 * Returns 0, or -1 with err saying why. */
int corpus_stream_pack(const char *code, const corpus_sink *sink, char *err, size_t errlen);

/* The small talk of language code's pack (lang_pack.h), its entries parsed
 * into pack (cleared by the caller, corpus_lang_clear(), whatever this
 * returns); none when faqbot ships no pack for code. Returns 0, or -1 with
 * err saying why. */
int corpus_pack_smalltalk(const char *code, corpus_lang *pack, char *err, size_t errlen);

void corpus_lang_clear(corpus_lang *lang);
void corpus_free(corpus *c);

#endif
