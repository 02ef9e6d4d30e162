/* analyze.h: the one text analyzer used for indexing and for querying.
 *
 * Fixed order: validate UTF-8, case-fold (utf8proc), split into tokens with
 * PCRE2 Unicode classes (letters, marks and digits; an apostrophe splits, so
 * elisions such as "l'" become one-letter tokens that the stop list drops),
 * read the letters the language lets be typed as two ("!digraphs ae:ä" in
 * its stopwords.txt: "moechte" as "möchte"), drop stop words, stem with the language's Snowball stemmer (question
 * words keep their form), fold accents off the stem; after a phrase of the
 * language's synonyms, a token for its group. Each token reaches a callback
 * as slices into the analyzer's scratch memory: nothing is allocated per
 * token.
 *
 * An analyzer belongs to one language and one thread at a time; its copies
 * (analyzer_clone()) share with it, read-only, what it knows of the
 * language's texts, so each thread may have its own at little cost.
 */
#ifndef FAQ_ANALYZE_H
#define FAQ_ANALYZE_H

#include <stddef.h>
#include <stdint.h>

#include "fold.h"   /* fold_text(), fold_case(): how the analyzer folds words */
#include "utf8.h"

typedef struct analyzer analyzer;

typedef struct token {
    const char *term;      /* folded stem: what the index stores */
    size_t term_len;
    const char *word;      /* case- and accent-folded word, unstemmed */
    size_t word_len;
    const char *lower;     /* case-folded word, accents kept: "cópia" for "Cópia"
                              (analyzer_run's; NULL in entry_stream's walks) */
    size_t lower_len;
    const char *raw;       /* the token as it stands in the input text */
    size_t raw_len;
    size_t offset;         /* byte offset of raw in the input */
    unsigned pos;          /* position among all tokens, stop words included */
    int is_stop;           /* set only when the analyzer keeps stop words */
    int is_qword;          /* a question word ("?word" in stopwords.txt): ranked,
                              but says nothing of whether the FAQ knows the topic */
    int is_situation;      /* a word of the asker's situation ("!situation" in
                              stopwords.txt: "son", "home"): it searches, but
                              where the FAQ lacks it, it is no other topic */
    int is_time;           /* a word of time ("!time" in stopwords.txt:
                              "tomorrow", "tonight"): where the FAQ lacks it,
                              no other topic if the leader holds the rest */
    int is_synonym;        /* not in the text: the one-word synonym a phrase of it
                              stands for (analyzer_set_synonyms) */
} token;

/* Return 0 to go on, non-zero to stop the walk (analyzer_run returns it). */
typedef int (*token_fn)(void *ctx, const token *t);

/* The letters a word of a language with no stemmer is cut to
 * (analyzer_stem()); 0: the whole word. */
#define ANALYZER_FALLBACK_PREFIX 5   /* measured: analyzer_stem()'s fallback_stem() */

/* Is code a language libstemmer may not stem that is written with spaces
 * between words ("pl", "cs", "uk"; not "ja", "zh", "th")? Its analyzer
 * stems with the fallback when libstemmer has no stemmer for it. */
int analyzer_spaced(const char *code);
/* The i-th such code, or NULL past the last: for listing them. */
const char *analyzer_spaced_code(size_t i);

/* code: a language libstemmer knows ("es") or analyzer_spaced() does. stopwords: the text of a
 * stopwords.txt (one word a line, '#' comments, "!" settings: "!digraphs
 * ae:ä oe:ö ue:ü", "!digraphs_not_after aeiouq", "!situation son home", "!time tomorrow"),
 * or NULL. Returns NULL when the language has no stemmer or memory runs out. */
analyzer *analyzer_new(const char *code, const char *stopwords);
/* The same with its stop words and question words given folded already
 * (n_stop and n_qwords NUL-ended words back to back, as
 * analyzer_each_stopword() yields them) and settings, the "!" lines of its
 * stopwords.txt (NUL-ended, or NULL): what an index keeps of a language
 * (index_model.h), so that opening it folds no word. The words are
 * borrowed, not copied: they must outlive the analyzer and its copies (an
 * index's mapping outlives its search model's). */
analyzer *analyzer_new_folded(const char *code, const char *settings, const char *stop,
                              size_t n_stop, const char *qwords, size_t n_qwords);
void analyzer_free(analyzer *a);
/* A new analyzer as from was made: its language, stop words and synonyms'
 * phrases (not its cache of stems), for another thread. The two share the
 * stop words and phrases, which the last of them to be freed frees; from is
 * not changed, and its phrases cannot be set any more. NULL when memory
 * runs out. */
analyzer *analyzer_clone(const analyzer *from);

/* Keep stop words in the stream (flagged is_stop) instead of dropping them. */
void analyzer_keep_stopwords(analyzer *a, int keep);

/* Does a stem word to its first ANALYZER_FALLBACK_PREFIX letters (no
 * stemmer for its language)? */
int analyzer_cuts(const analyzer *a);

/* Skip stemming: each token's term is its folded word. For callers that
 * only look words up (highlighting), where the stemmer is the dear part. */
void analyzer_skip_stemming(analyzer *a, int skip);

/* Multi-word synonyms. synonyms: the text of a synonyms.txt (one group a
 * line, members separated by commas). Where the words of a member of two
 * to four words follow each other in a text (stop words between them
 * allowed), the walk also yields, right after the phrase's last word, a
 * token flagged is_synonym that stands for the group: its word is the
 * group's first one-word member, its term that member's term behind
 * ANALYZER_GROUP_MARK ("forman parte" yields "adherirse", "=adher"). A term
 * no text spells, so a search can weigh it as a synonym of the group's
 * words, not as one of them. Returns 0, or -1 when memory runs out or a
 * has copies. */
#define ANALYZER_GROUP_MARK '='

/* A member of a synonyms.txt group as the analyzer reads it. */
typedef struct synonym_member {
    int n_words, n_stop;        /* its words, stop words among them */
    const char *word;           /* its first word, folded */
    const char *term;           /* a one-word member's term, else its first key */
    size_t word_len, term_len;  /* term_len is 0 unless it is one word */
    const char *keys;           /* each word's key (a stop word's form, another
                                   word's term), NUL-ended, one after another */
} synonym_member;

/* fn gets each group's members (at most ANALYZER_MAX_MEMBERS), valid
 * during the call; its non-zero return stops the reading. */
#define ANALYZER_MAX_MEMBERS 64
typedef int (*synonym_group_fn)(void *ctx, const synonym_member *members, int n);

/* Read the text of a synonyms.txt, len bytes: a group a line, members
 * between commas, '#' lines skipped; each member analyzed as the texts are,
 * stop words counted; a member that is not valid UTF-8 is passed over.
 * Returns 0, fn's value, or -1 when memory runs out. */
int analyzer_read_synonyms(analyzer *a, const char *text, size_t len, synonym_group_fn fn, void *ctx);

int analyzer_set_synonyms(analyzer *a, const char *synonyms);

/* The same of synonyms' len bytes, with each group also handed to fn as
 * analyzer_read_synonyms() does (fn NULL: none): one reading for both.
 * Returns 0, fn's value, or -1. */
int analyzer_set_synonyms_each(analyzer *a, const char *synonyms, size_t len, synonym_group_fn fn,
                               void *ctx);

/* fn(ctx, keys, n, strict, word, term) for each phrase of the synonyms, in
 * the order they are tried: its n words' keys (a stop word's folded form,
 * another word's term), NUL-ended one after another; whether its stop words
 * must stand in the text; the one-word member it yields, word and term
 * (ANALYZER_GROUP_MARK first). fn's non-zero return stops the walk. */
typedef int (*analyzer_phrase_fn)(void *ctx, const char *keys, int n, int strict, const char *word,
                                  const char *term);
int analyzer_each_phrase(const analyzer *a, analyzer_phrase_fn fn, void *ctx);

/* One such phrase added after the others, as analyzer_each_phrase() gave
 * it: a language's phrases read back without reading its synonyms.txt.
 * Returns 0, or -1 when memory runs out, n is not 1 to 4 or a has copies. */
int analyzer_add_phrase(analyzer *a, const char *keys, int n, int strict, const char *word,
                        const char *term);

/* Remember stems of more recent words, up to about 1 MB as the words met
 * call for: for indexing large texts. Without it an analyzer keeps a small
 * cache of its own (about 60 KB). */
void analyzer_cache_stems(analyzer *a);

/* Walk the tokens of text. Returns 0, the callback's non-zero value, or -1
 * when text is not valid UTF-8 or memory runs out. */
int analyzer_run(analyzer *a, const char *text, size_t len, token_fn fn, void *ctx);
/* The same for text the caller has found valid UTF-8 (a question the
 * search checked as it came): not read for it again. */
int analyzer_run_valid(analyzer *a, const char *text, size_t len, token_fn fn, void *ctx);

/* Does text yield a word that is no stop word (1), none (0), or -1 as
 * analyzer_run()? A compound's head that yields none names no thing
 * ("Inst|aller"). */
int analyzer_names_word(analyzer *a, const char *text, size_t len);

/* Is word (case- and accent-folded) a stop word of this language? */
int analyzer_is_stopword(const analyzer *a, const char *word, size_t len);

/* Is it one of its question words ("?word" in stopwords.txt)? */
int analyzer_is_question_word(const analyzer *a, const char *word, size_t len);

/* fn(ctx, word, len, is_question_word) for each of the stop words and the
 * question words, folded; its non-zero return stops the walk (returned). */
int analyzer_each_stopword(const analyzer *a, int (*fn)(void *ctx, const char *w, size_t n, int q),
                           void *ctx);

/* Does the language's stemmer name letter (one code point of len bytes)
 * in its rules? Two letters it does not name, of one length, stand in the
 * same place of two words that are otherwise the same: the stems are the
 * same but for that letter, the same again once accents are folded off
 * when both are accents of one plain letter. 1 for a stemmer whose letters
 * are not known. */
int analyzer_stem_names(const analyzer *a, const char *letter, size_t len);

/* Stem one folded word: the result is valid until the next call on a. */
const char *analyzer_stem(analyzer *a, const char *word, size_t len, size_t *out_len);

#endif
