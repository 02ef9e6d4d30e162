/* corpus_file.h: the files of a corpus folder, read whole and checked: a
 * folder's names in a fixed order, a file's bytes, settings.txt, and a
 * language folder's own texts (stop words, synonyms, messages: corpus.h
 * says how they add to the language's pack). Errors are "path:line: what"
 * in err.
 *
 * Ownership: what is returned through a pointer is the caller's, to free
 * (corpus_file_list_free() for a listing, free() for a text). */
#ifndef FAQ_CORPUS_FILE_H
#define FAQ_CORPUS_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "corpus.h"
#include "corpus_parse.h"

/* The names in dir, sorted bytewise (not by locale, so that ids and order
 * are the same everywhere), without those starting with '.'; NULL with a
 * message when the folder cannot be read or memory runs out. */
char **corpus_file_list(const char *dir, size_t *n, char *err, size_t errlen);
void corpus_file_list_free(char **names, size_t n);

/* "dir/name" into path (size bytes): 0, or -1 with "path too long". */
int corpus_file_path(char *path, size_t size, const char *dir, const char *name, char *err,
                     size_t errlen);

/* All the bytes of stream in (a file, a pipe), as they are, NUL-terminated,
 * at most FAQ_MAX_FILE_BYTES; expect is the size to make room for first
 * (a file's size, when known). name names the input in a message. 0 with
 * *out and *len, or -1 with *out NULL. */
int corpus_file_read_stream(FILE *in, const char *name, size_t expect, char **out, size_t *len,
                            char *err, size_t errlen);

/* The bytes of the regular file path, NUL-terminated, at most
 * FAQ_MAX_FILE_BYTES (UTF-16 with its byte-order mark as the UTF-8 it
 * stands for, utf8_from_utf16()): 0 with *out and *len, or -1 with *out
 * NULL. */
int corpus_file_read(const char *path, char **out, size_t *len, char *err, size_t errlen);

/* corpus/settings.txt, valid UTF-8 without its BOM, each "key = value" line
 * a known key with a valid value (a typo is told at index time rather than
 * ignored): 0 with its text in *out; 1 when its problems were told to r and
 * the reading may go on without it, *out NULL; -1 when the reading must
 * stop (the file cannot be read, or r has no report: err says why). */
int corpus_file_settings(corpus_reader *r, const char *path, char **out);

/* The language files a language folder may hold beside its documents; each
 * adds to its pack's file of the same name, or replaces it. */
typedef enum {
    CORPUS_FILE_STOPWORDS,
    CORPUS_FILE_SYNONYMS,
    CORPUS_FILE_MESSAGES,
    CORPUS_FILE_SMALLTALK,      /* a document: its entries are small talk */
    CORPUS_FILE_KINDS
} corpus_file_kind;

/* Which language file a folder's name is, or -1 for any other. */
int corpus_file_kind_of(const char *name);

/* The name of language file kind: "stopwords.txt". */
const char *corpus_file_name(corpus_file_kind kind);

/* 1 when a language file's text (len bytes) opens with the line "# replace":
 * the pack's file of its kind is not added to it. */
int corpus_file_replaces(const char *text, size_t len);

/* Checks the stop words, synonyms or messages file path, of kind, its
 * bytes as read in text (len bytes, NUL-terminated): valid UTF-8, and each
 * line of a messages file "key = value" with a known key. Each problem is
 * told to r (corpus_parse.h): with a report, every bad line of a messages
 * file is one. Returns 0 when the text is sound (its BOM dropped, in place,
 * *len less), 1 when problems were told and the reading may go on without
 * the file, -1 when it must stop. */
int corpus_file_check_lang_text(corpus_reader *r, const char *path, corpus_file_kind kind,
                                char *text, size_t *len);

/* Adds the pack's stop words, synonyms and messages of lang->code after the
 * folder's own texts in lang (the folder's first: a messages key it sets
 * wins), but for each kind whose bit (1 << kind) replaced has. dir names
 * the folder in a message. Returns 0, or -1 when memory runs out. */
int corpus_file_add_pack(const char *dir, corpus_lang *lang, unsigned replaced, char *err,
                         size_t errlen);

/* What to add to "threshold takes a number from 0 to 1" when value (the
 * text written for it) holds a decimal comma, as in "0,5": ", written with
 * a point: 0.5, not 0,5", which Dutch, German or French writers need told;
 * else "". */
const char *corpus_decimal_comma_hint(const char *value);

#endif
