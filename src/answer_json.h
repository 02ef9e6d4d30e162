/* answer_json.h: the answer object of `faqbot ask --json` and of the HTTP API,
 * built with jansson from a faq_answer. One shape for every front end.
 *
 * Fields: query, query_lang, outcome ("answer"|"clarify"|"decline"|"smalltalk"),
 * answered (bool), id (null when declined), lang, question, answer (Markdown),
 * score, confidence (0..1), other_lang (bool), corrected (string or null),
 * matched (array of words), alternatives: [{id, question, lang, score}]
 * (faq_answer_offers()'s; one in another language than query_lang has
 * lang_name too, that language named in query_lang's words, after lang),
 * message (the bot's localized sentence for decline/clarify/other_lang/
 * smalltalk, or null), explain (string, only when asked).
 */
#ifndef FAQ_ANSWER_JSON_H
#define FAQ_ANSWER_JSON_H

#include <jansson.h>

#include "search.h"

/* A new JSON object (the caller owns the reference), or NULL if memory ran
 * out. q is the question as asked (valid UTF-8 or not: invalid bytes are
 * replaced). */
json_t *answer_to_json(const faq_index *ix, const char *q, size_t q_len,
                       const faq_answer *a);

/* answer_json_text()'s flags. */
enum {
    ANSWER_JSON_HTML = 1,       /* "answer_html" last (the HTTP API's) */
    ANSWER_JSON_Q_VALID = 2,    /* q was found valid UTF-8 (the HTTP API's check):
                                   echoed without being read for bad bytes again */
};

/* The same object as compact JSON text, byte for byte what
 * json_dumps(answer_to_json(...), JSON_COMPACT) writes, without a jansson
 * object: the entries' texts are copied from the index, escaped and
 * rendered there at index time. With ANSWER_JSON_HTML in flags, "answer_html" comes last
 * (the HTTP API's field: the answer's HTML, or null when no entry is
 * named). Returns a new NUL-terminated string the caller frees, its length
 * in *len; NULL where answer_to_json() gives NULL (memory ran out). */
char *answer_json_text(const faq_index *ix, const char *q, size_t q_len, const faq_answer *a,
                       unsigned flags, size_t *len);

/* The same text written into a buffer the caller keeps from one answer to
 * the next: *text (malloc'd, *cap bytes; NULL and 0 at first) is grown as
 * needed and stays the caller's, whatever happened, to reuse or free. A
 * buffer of 1 KB or more is one glibc takes from its large bins, merging
 * the small free chunks first: a few hundred to a thousand instructions an
 * answer, not paid again when the buffer is kept. 0 with the text
 * (NUL-terminated) at *text and its length in *len; -1 where
 * answer_json_text() gives NULL. */
int answer_json_text_into(const faq_index *ix, const char *q, size_t q_len, const faq_answer *a,
                          unsigned flags, char **text, size_t *cap, size_t *len);

#endif
