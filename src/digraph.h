/* digraph.h: letters typed as two where a keyboard lacks them (German
 * "ae", "oe", "ue" for "ä", "ö", "ü": "moechte" for "möchte"), and two
 * letters one spelling of a language writes where another writes one
 * (Portuguese before the 1990 agreement: "actualizar", "correcção" for
 * "atualizar", "correção"), as a language's stopwords.txt sets them:
 *
 *   !digraphs ae:ä oe:ö ue:ü          each pair, the letter it stands for
 *   !digraphs_not_after aeiouyäöüq    a pair after one of these stays
 *   !digraphs_not_after ue:aeiouyäöüq this pair after one of these stays
 *
 * The analyzer reads a word's pairs as their letters before it looks the
 * word up among the stop words and stems it, in the texts and in the
 * questions alike: the two spellings become one term, and a word whose pair
 * is no such letter ("aktuell") meets only itself. Snowball's "german2"
 * reads German so; "neue", "Feuer" (a u between vowels) and "Quelle" keep
 * their pair there too; only u's pair, as there: "geoeffnet", "geaendert"
 * (a vowel before ö, ä) are "geöffnet", "geändert".
 *
 *   !letters ä ö å                    letters of the alphabet, not accented
 *
 * A word holding one of those letters is a stop word only as the list
 * writes it: accent folding makes Finnish "sää" (weather) "saa" (gets), a
 * stop word; a word typed without them is read as before.
 */
#ifndef FAQ_DIGRAPH_H
#define FAQ_DIGRAPH_H

#include <stddef.h>
#include <utf8proc.h>

#define DIGRAPHS_MAX 8
#define DIGRAPH_TO_BYTES 8

typedef struct digraph_pair {
    char pair[DIGRAPH_TO_BYTES];   /* two letters, case-folded, as UTF-8 */
    size_t pair_len;
    size_t first_len;              /* the bytes of its first letter */
    char to[DIGRAPH_TO_BYTES];  /* the letter, case-folded, NUL-ended */
    size_t to_len;
} digraph_pair;

/* A "!digraphs_not_after" item that names its pair ("ue:aeiouq"). */
typedef struct digraph_after {
    char pair[DIGRAPH_TO_BYTES];   /* case-folded, NUL-ended */
    char letters[64];              /* case-folded, NUL-ended */
} digraph_after;

typedef struct digraphs {
    digraph_pair pairs[DIGRAPHS_MAX];
    int n;
    char not_after[64];         /* case-folded letters, NUL-ended: every pair's */
    digraph_after after[DIGRAPHS_MAX];  /* one pair's */
    int n_after;
    char letters[64];           /* "!letters": case-folded, NUL-ended */
    unsigned char starts[32];   /* a bit for each byte a pair begins with */
} digraphs;

/* The "!digraphs" and "!digraphs_not_after" lines of text (a stopwords.txt,
 * NUL-ended) into r, which starts zeroed; a second line of either adds to
 * the first. An item that is not two letters, a colon and a letter, or past
 * DIGRAPHS_MAX, is passed over; so is a "!digraphs_not_after" item with a
 * colon whose left side is not two letters. */
void digraphs_parse(digraphs *r, const char *text);

/* Does case-folded word w (n bytes) hold one of r's "!letters"? */
int digraphs_own_letter(const digraphs *r, const char *w, size_t n);

/* Case-folded word w, n bytes of valid UTF-8, with r's pairs read as the
 * letters they stand for, into out (cap bytes, NUL-ended): its length, or
 * -1 when it has none or out is short. Left to right, each pair once; a
 * pair after a letter of not_after, or of its own item's (in w), stays as
 * it is. */
long digraphs_read(const digraphs *r, const char *w, size_t n, char *out, size_t cap);

/* Word w, n bytes of valid UTF-8, case- and accent-folded as the analyzer
 * folds a token, its pairs read between the two, into folded (cap bytes),
 * with cps (cps_cap) and cased (cap bytes) as scratch: a stop word as the
 * texts' words will be looked up. Returns its length, or -1 as
 * fold_into(). */
long digraphs_fold(const digraphs *r, utf8proc_int32_t *cps, size_t cps_cap, const char *w,
                   size_t n, char *cased, char *folded, size_t cap);

#endif
