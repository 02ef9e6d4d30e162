/* qmemo.c: a thread's memory of question words (see qmemo.h).
 *
 * Each table is a set of four-row buckets. A new word takes an empty row,
 * else one not asked again since it came (the one-off words of questions,
 * a name, a number, a slip, go first), else any: a row asked again is
 * marked, and the marks of a bucket are wiped when all four are.
 *
 * A bucket's hashes, lengths and marks are kept apart from its rows, in a
 * head of 24 bytes: a word looked up or put touches its bucket's head and
 * at most the row that holds it, not four rows' headers in four cache lines
 * (a slot's row is 424 bytes). The memories of a server's threads are
 * megabytes, beyond a core's cache: a new word (a counter, a name, a slip)
 * missed four rows from memory on every look-up. */
#include "qmemo.h"

#include <stdlib.h>
#include <string.h>

#include "index_format.h"
#include "utf8.h"

/* Sizes: the seed FAQ's eval questions (about 800 in four languages) make
 * some 1,100 slots and name 1,000 words; the tables hold twice that, so
 * that the one-off words of questions do not push them out, and the words'
 * four times: at twice, the words that hash to a bucket already holding
 * four went out and came back at every question that asked them (about
 * one question in ten), each a look-up in every language again. Rows fit the
 * words most languages write; a longer one is not remembered. A row holds
 * every alternative a slot may have: a common word the FAQ holds has more
 * than eight with its thesaurus synonyms (nearly four slots in ten made for
 * make bench's generated questions), and is the dearest to make again. */
#define WAYS 4
#define LANGS_SETS 1024
#define SLOT_SETS 1024
#define LANGS_WORD 42       /* a folded word's bytes */
#define SLOT_KEY 72         /* the token's text, word and term, NUL between */
#define SYN_SETS 2048
#define SYN_WORD 42         /* a synonym's bytes */

typedef struct bucket_head {
    uint32_t hash[WAYS];
    uint8_t len[WAYS];          /* the row's key bytes; 0: empty */
    uint8_t used[WAYS];         /* asked again since it came */
} bucket_head;

typedef struct langs_row {
    qmemo_word facts;
    char word[LANGS_WORD];
} langs_row;

typedef struct slot_row {
    uint8_t lang, flags, n_alts;
    uint8_t unknown, is_qword, is_phrase, corrected, dict_head;
    double weight, idf;
    char key[SLOT_KEY];
    alt_term alts[QUERY_MAX_ALTS];
} slot_row;

/* A row of the words table: a thesaurus synonym's facts, the count of a
 * word as typed that the FAQ lacks, or a word's verdict as a name (kind:
 * ROW_*). */
enum { ROW_SYNONYM, ROW_GENERAL, ROW_NAME };

typedef struct syn_row {
    union {
        qmemo_syn facts;        /* ROW_SYNONYM */
        uint32_t number;        /* ROW_GENERAL: the synonyms; ROW_NAME: the verdict + 1 */
    } u;
    uint8_t lang, kind;
    char word[SYN_WORD];
} syn_row;

struct qmemo {
    int empty;                  /* nothing put since it was made or emptied */
    bucket_head langs_head[LANGS_SETS];
    bucket_head slots_head[SLOT_SETS];
    bucket_head syns_head[SYN_SETS];
    langs_row langs[LANGS_SETS][WAYS];
    slot_row slots[SLOT_SETS][WAYS];
    syn_row syns[SYN_SETS][WAYS];
};

qmemo *qmemo_new(void)
{
    qmemo *m = calloc(1, sizeof(qmemo));
    if (m)
        m->empty = 1;
    return m;
}

void qmemo_free(qmemo *m)
{
    free(m);
}

void qmemo_clear(qmemo *m)
{
    /* a new searcher is tuned at once: its pages stay untouched */
    if (m->empty)
        return;
    memset(m, 0, sizeof *m);
    m->empty = 1;
}

/* found: the way k of bucket hd whose key is n bytes with hash h and for
 * which same (an expression of k) holds, or -1; the row is read only when
 * the head matches. */
#define FIND_WAY(found, hd, h, n, same)                                 \
    do {                                                                \
        (found) = -1;                                                   \
        for (int k = 0; k < WAYS && (found) < 0; k++)                   \
            if ((hd)->len[k] == (n) && (hd)->hash[k] == (h) && (same))  \
                (found) = k;                                            \
    } while (0)

/* The way of hd a new key of n bytes with hash h takes, by the rows'
 * lengths (0: empty) and marks, its head set; wipes the marks when every
 * row has one. */
static int take_way(bucket_head *hd, uint32_t h, size_t n)
{
    int pick = -1;
    for (int k = 0; k < WAYS && pick < 0; k++)
        if (!hd->len[k])
            pick = k;
    for (int k = 0; k < WAYS && pick < 0; k++)
        if (!hd->used[k])
            pick = k;
    if (pick < 0) {
        memset(hd->used, 0, sizeof hd->used);
        pick = (int)(h >> 30) % WAYS;
    }
    hd->hash[pick] = h;
    hd->len[pick] = (uint8_t)n;
    hd->used[pick] = 0;
    return pick;
}

/* Is every row of hd taken? A number ("2024", a question's counter)
 * takes only an empty row, never a word's: it is seldom asked again, and
 * a memory crowded with counters forgets the words that come back. */
static int bucket_full(const bucket_head *hd)
{
    for (int k = 0; k < WAYS; k++)
        if (!hd->len[k])
            return 0;
    return 1;
}

/* w's way in its bucket of langs, or -1. */
static int word_way(const qmemo *m, const char *w, size_t n, uint32_t h)
{
    const langs_row *b = m->langs[h % LANGS_SETS];
    int way;
    FIND_WAY(way, &m->langs_head[h % LANGS_SETS], h, n, memcmp(b[k].word, w, n) == 0);
    return way;
}

int qmemo_word_get(qmemo *m, const char *w, size_t n, qmemo_word *out)
{
    memset(out, 0, sizeof *out);
    if (!n || n > LANGS_WORD)
        return 0;
    uint32_t h = ix_hash(0, w, n);
    int k = word_way(m, w, n, h);
    if (k < 0)
        return 0;
    m->langs_head[h % LANGS_SETS].used[k] = 1;
    *out = m->langs[h % LANGS_SETS][k].facts;
    return 1;
}

void qmemo_word_put(qmemo *m, const char *w, size_t n, const qmemo_word *facts)
{
    if (!n || n > LANGS_WORD)
        return;
    uint32_t h = ix_hash(0, w, n);
    bucket_head *hd = &m->langs_head[h % LANGS_SETS];
    int k = word_way(m, w, n, h);
    if (k < 0 && utf8_is_number(w, n) && bucket_full(hd))
        return;
    if (k < 0) {
        k = take_way(hd, h, n);
        memcpy(m->langs[h % LANGS_SETS][k].word, w, n);
    }
    m->empty = 0;
    m->langs[h % LANGS_SETS][k].facts = *facts;
}

/* t's key (text, word, term, NUL between) in key; its length, or 0 when
 * it does not fit a row. */
static size_t slot_key(const qmemo_token *t, char *key)
{
    size_t n = t->raw_len + 1 + t->word_len + 1 + t->term_len;
    if (n > SLOT_KEY || t->lang > UINT8_MAX || t->flags > UINT8_MAX)
        return 0;
    memcpy(key, t->raw, t->raw_len);
    key[t->raw_len] = '\0';
    memcpy(key + t->raw_len + 1, t->word, t->word_len);
    key[t->raw_len + 1 + t->word_len] = '\0';
    memcpy(key + t->raw_len + 2 + t->word_len, t->term, t->term_len);
    return n;
}

/* The flags are not hashed: a token's slots under other switches are
 * rare, and the rows compare them. */
static uint32_t slot_hash(const qmemo_token *t, const char *key, size_t n)
{
    return ix_hash(t->lang, key, n);
}

/* t's way in its bucket of slots (key: its key, n bytes, hash h), or -1. */
static int slot_way(const qmemo *m, const qmemo_token *t, const char *key, size_t n, uint32_t h)
{
    const slot_row *b = m->slots[h % SLOT_SETS];
    int way;
    FIND_WAY(way, &m->slots_head[h % SLOT_SETS], h, n,
             b[k].lang == t->lang && b[k].flags == t->flags && memcmp(b[k].key, key, n) == 0);
    return way;
}

int qmemo_slot_get(qmemo *m, const qmemo_token *t, slot *sl, int *corrected)
{
    char key[SLOT_KEY];
    size_t n = slot_key(t, key);
    if (!n)
        return 0;
    uint32_t h = slot_hash(t, key, n);
    int k = slot_way(m, t, key, n, h);
    if (k < 0)
        return 0;
    m->slots_head[h % SLOT_SETS].used[k] = 1;
    const slot_row *r = &m->slots[h % SLOT_SETS][k];
    memcpy(sl->alts, r->alts, r->n_alts * sizeof *r->alts);
    sl->n_alts = r->n_alts;
    sl->unknown = r->unknown;
    sl->dict_head = r->dict_head;
    sl->weight = r->weight;
    sl->idf = r->idf;
    sl->is_qword = r->is_qword;
    sl->is_phrase = r->is_phrase;
    *corrected = r->corrected;
    return 1;
}

void qmemo_slot_put(qmemo *m, const qmemo_token *t, const slot *sl, int corrected)
{
    char key[SLOT_KEY];
    size_t n = slot_key(t, key);
    if (!n)
        return;
    uint32_t h = slot_hash(t, key, n);
    bucket_head *hd = &m->slots_head[h % SLOT_SETS];
    if (utf8_is_number(t->word, t->word_len) && bucket_full(hd))
        return;
    slot_row *r = &m->slots[h % SLOT_SETS][take_way(hd, h, n)];
    m->empty = 0;
    r->lang = (uint8_t)t->lang;
    r->flags = (uint8_t)t->flags;
    r->n_alts = (uint8_t)sl->n_alts;
    r->unknown = (uint8_t)sl->unknown;
    r->dict_head = (uint8_t)sl->dict_head;
    r->is_qword = (uint8_t)sl->is_qword;
    r->is_phrase = (uint8_t)sl->is_phrase;
    r->corrected = (uint8_t)corrected;
    r->weight = sl->weight;
    r->idf = sl->idf;
    memcpy(r->key, key, n);
    memcpy(r->alts, sl->alts, (size_t)sl->n_alts * sizeof *sl->alts);
}

/* ---- synonyms, and the synonyms of a word the FAQ lacks ---- */

/* w's way in its bucket of the words table, as a row of kind, or -1. */
static int syn_way(const qmemo *m, unsigned kind, uint32_t lang, const char *w, size_t n, uint32_t h)
{
    const syn_row *b = m->syns[h % SYN_SETS];
    int way;
    FIND_WAY(way, &m->syns_head[h % SYN_SETS], h, n,
             b[k].lang == lang && b[k].kind == kind && memcmp(b[k].word, w, n) == 0);
    return way;
}

/* w's row of kind, marked as asked again, or NULL. */
static const syn_row *syn_get(qmemo *m, unsigned kind, uint32_t lang, const char *w, size_t n)
{
    if (!n || n > SYN_WORD || lang > UINT8_MAX)
        return NULL;
    uint32_t h = ix_hash(lang, w, n);
    int k = syn_way(m, kind, lang, w, n, h);
    if (k < 0)
        return NULL;
    m->syns_head[h % SYN_SETS].used[k] = 1;
    return &m->syns[h % SYN_SETS][k];
}

/* w's row of kind to write, taken when w has none, or NULL when w is not
 * remembered (too long; a number where no row is empty). */
static syn_row *syn_put(qmemo *m, unsigned kind, uint32_t lang, const char *w, size_t n)
{
    if (!n || n > SYN_WORD || lang > UINT8_MAX)
        return NULL;
    uint32_t h = ix_hash(lang, w, n);
    bucket_head *hd = &m->syns_head[h % SYN_SETS];
    int k = syn_way(m, kind, lang, w, n, h);
    if (k < 0 && utf8_is_number(w, n) && bucket_full(hd))
        return NULL;
    syn_row *r = &m->syns[h % SYN_SETS][k < 0 ? take_way(hd, h, n) : k];
    if (k < 0) {
        memcpy(r->word, w, n);
        r->lang = (uint8_t)lang;
        r->kind = (uint8_t)kind;
    }
    m->empty = 0;
    return r;
}

int qmemo_syn_get(qmemo *m, uint32_t lang, const char *w, size_t n, qmemo_syn *out)
{
    const syn_row *r = syn_get(m, ROW_SYNONYM, lang, w, n);
    if (r)
        *out = r->u.facts;
    return r != NULL;
}

void qmemo_syn_put(qmemo *m, uint32_t lang, const char *w, size_t n, const qmemo_syn *facts)
{
    syn_row *r = syn_put(m, ROW_SYNONYM, lang, w, n);
    if (r)
        r->u.facts = *facts;
}

/* A word's row of kind holding one number (ROW_GENERAL, ROW_NAME). */
static int number_get(qmemo *m, unsigned kind, uint32_t lang, const char *w, size_t n, uint32_t *v)
{
    const syn_row *r = syn_get(m, kind, lang, w, n);
    if (r)
        *v = r->u.number;
    return r != NULL;
}

static void number_put(qmemo *m, unsigned kind, uint32_t lang, const char *w, size_t n, uint32_t v)
{
    syn_row *r = syn_put(m, kind, lang, w, n);
    if (r)
        r->u.number = v;
}

int qmemo_general_get(qmemo *m, uint32_t lang, const char *w, size_t n, uint32_t *synonyms)
{
    return number_get(m, ROW_GENERAL, lang, w, n, synonyms);
}

void qmemo_general_put(qmemo *m, uint32_t lang, const char *w, size_t n, uint32_t synonyms)
{
    number_put(m, ROW_GENERAL, lang, w, n, synonyms);
}

/* The verdict (-1, 0 or 1) kept as one more, a number like the count. */
int qmemo_name_get(qmemo *m, uint32_t lang, const char *w, size_t n, int *verdict)
{
    uint32_t v;
    if (!number_get(m, ROW_NAME, lang, w, n, &v))
        return 0;
    *verdict = (int)v - 1;
    return 1;
}

void qmemo_name_put(qmemo *m, uint32_t lang, const char *w, size_t n, int verdict)
{
    number_put(m, ROW_NAME, lang, w, n, (uint32_t)(verdict + 1));
}
