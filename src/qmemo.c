/* qmemo.c: a thread's memory of question words (see qmemo.h).
 *
 * Each table is a set of four-row buckets. A new word takes an empty row,
 * else one not asked again since it came (the one-off words of questions,
 * a name, a number, a slip, go first), else any: a row asked again is
 * marked, and the marks of a bucket are wiped when all four are. */
#include "qmemo.h"

#include <stdlib.h>
#include <string.h>

#include "index_format.h"
#include "utf8.h"

/* Sizes: the seed FAQ's eval questions (about 800 in four languages) make
 * some 1,100 slots and name 1,000 words; the tables hold twice that, so
 * that the one-off words of questions do not push them out. Rows fit the
 * words most languages write; a longer one is not remembered. A row holds
 * every alternative a slot may have: a common word the FAQ holds has more
 * than eight with its thesaurus synonyms (nearly four slots in ten made for
 * make bench's generated questions), and is the dearest to make again. */
#define WAYS 4
#define LANGS_SETS 512
#define SLOT_SETS 1024
#define LANGS_WORD 42       /* a folded word's bytes */
#define SLOT_KEY 72         /* the token's text, word and term, NUL between */
#define SYN_SETS 2048
#define SYN_WORD 42         /* a synonym's bytes */

typedef struct langs_row {
    qmemo_word facts;
    uint32_t hash;
    uint8_t len;            /* 0: empty */
    uint8_t used;           /* asked again since it came */
    char word[LANGS_WORD];
} langs_row;

typedef struct slot_row {
    uint32_t hash;
    uint8_t key_len;        /* 0: empty */
    uint8_t used;
    uint8_t lang, flags, n_alts;
    uint8_t unknown, is_qword, is_phrase, corrected;
    double weight, idf;
    char key[SLOT_KEY];
    alt_term alts[QUERY_MAX_ALTS];
} slot_row;

typedef struct syn_row {
    qmemo_syn facts;
    uint32_t hash;
    uint8_t len;            /* 0: empty */
    uint8_t used;
    uint8_t lang;
    char word[SYN_WORD];
} syn_row;

struct qmemo {
    int empty;                  /* nothing put since it was made or emptied */
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

/* The row of a bucket a new word takes, by the rows' lengths (0: empty)
 * and marks; wipes the marks when every row has one. */
#define PICK_ROW(bucket, len_field)                                     \
    do {                                                                \
        pick = -1;                                                      \
        for (int k_ = 0; k_ < WAYS && pick < 0; k_++)                   \
            if (!(bucket)[k_].len_field)                                \
                pick = k_;                                              \
        for (int k_ = 0; k_ < WAYS && pick < 0; k_++)                   \
            if (!(bucket)[k_].used)                                     \
                pick = k_;                                              \
        if (pick < 0) {                                                 \
            for (int k_ = 0; k_ < WAYS; k_++)                           \
                (bucket)[k_].used = 0;                                  \
            pick = (int)(h >> 30) % WAYS;                               \
        }                                                               \
    } while (0)

/* Is every row of bucket taken? A number ("2024", a question's counter)
 * takes only an empty row, never a word's: it is seldom asked again, and
 * a memory crowded with counters forgets the words that come back. */
#define BUCKET_FULL(bucket, len_field)                                  \
    ((bucket)[0].len_field && (bucket)[1].len_field && (bucket)[2].len_field && (bucket)[3].len_field)
_Static_assert(WAYS == 4, "BUCKET_FULL reads four rows");

/* r: the row of bucket a new word w (n bytes, hash h) takes, its key
 * set. */
#define TAKE_ROW(r, bucket, w, n)                                       \
    do {                                                                \
        int pick;                                                       \
        PICK_ROW(bucket, len);                                          \
        (r) = &(bucket)[pick];                                          \
        (r)->hash = h;                                                  \
        (r)->len = (uint8_t)(n);                                        \
        (r)->used = 0;                                                  \
        memcpy((r)->word, (w), (n));                                    \
    } while (0)

/* w's row, or NULL. */
static langs_row *word_row(qmemo *m, const char *w, size_t n, uint32_t h)
{
    langs_row *b = m->langs[h % LANGS_SETS];
    for (int k = 0; k < WAYS; k++)
        if (b[k].len == n && b[k].hash == h && memcmp(b[k].word, w, n) == 0)
            return &b[k];
    return NULL;
}

int qmemo_word_get(qmemo *m, const char *w, size_t n, qmemo_word *out)
{
    memset(out, 0, sizeof *out);
    if (!n || n > LANGS_WORD)
        return 0;
    langs_row *r = word_row(m, w, n, ix_hash(0, w, n));
    if (!r)
        return 0;
    r->used = 1;
    *out = r->facts;
    return 1;
}

void qmemo_word_put(qmemo *m, const char *w, size_t n, const qmemo_word *facts)
{
    if (!n || n > LANGS_WORD)
        return;
    uint32_t h = ix_hash(0, w, n);
    langs_row *r = word_row(m, w, n, h);
    if (!r && utf8_is_number(w, n) && BUCKET_FULL(m->langs[h % LANGS_SETS], len))
        return;
    if (!r)
        TAKE_ROW(r, m->langs[h % LANGS_SETS], w, n);
    m->empty = 0;
    r->facts = *facts;
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

int qmemo_slot_get(qmemo *m, const qmemo_token *t, slot *sl, int *corrected)
{
    char key[SLOT_KEY];
    size_t n = slot_key(t, key);
    if (!n)
        return 0;
    uint32_t h = slot_hash(t, key, n);
    slot_row *b = m->slots[h % SLOT_SETS];
    for (int k = 0; k < WAYS; k++) {
        slot_row *r = &b[k];
        if (r->key_len != n || r->hash != h || r->lang != t->lang || r->flags != t->flags ||
            memcmp(r->key, key, n) != 0)
            continue;
        r->used = 1;
        memcpy(sl->alts, r->alts, r->n_alts * sizeof *r->alts);
        sl->n_alts = r->n_alts;
        sl->unknown = r->unknown;
        sl->weight = r->weight;
        sl->idf = r->idf;
        sl->is_qword = r->is_qword;
        sl->is_phrase = r->is_phrase;
        *corrected = r->corrected;
        return 1;
    }
    return 0;
}

void qmemo_slot_put(qmemo *m, const qmemo_token *t, const slot *sl, int corrected)
{
    char key[SLOT_KEY];
    size_t n = slot_key(t, key);
    if (!n)
        return;
    uint32_t h = slot_hash(t, key, n);
    slot_row *b = m->slots[h % SLOT_SETS];
    if (utf8_is_number(t->word, t->word_len) && BUCKET_FULL(b, key_len))
        return;
    int pick;
    PICK_ROW(b, key_len);
    slot_row *r = &b[pick];
    m->empty = 0;
    r->hash = h;
    r->key_len = (uint8_t)n;
    r->used = 0;
    r->lang = (uint8_t)t->lang;
    r->flags = (uint8_t)t->flags;
    r->n_alts = (uint8_t)sl->n_alts;
    r->unknown = (uint8_t)sl->unknown;
    r->is_qword = (uint8_t)sl->is_qword;
    r->is_phrase = (uint8_t)sl->is_phrase;
    r->corrected = (uint8_t)corrected;
    r->weight = sl->weight;
    r->idf = sl->idf;
    memcpy(r->key, key, n);
    memcpy(r->alts, sl->alts, (size_t)sl->n_alts * sizeof *sl->alts);
}

/* ---- synonyms ---- */

static syn_row *syn_row_of(qmemo *m, uint32_t lang, const char *w, size_t n, uint32_t h)
{
    syn_row *b = m->syns[h % SYN_SETS];
    for (int k = 0; k < WAYS; k++)
        if (b[k].len == n && b[k].hash == h && b[k].lang == lang && memcmp(b[k].word, w, n) == 0)
            return &b[k];
    return NULL;
}

int qmemo_syn_get(qmemo *m, uint32_t lang, const char *w, size_t n, qmemo_syn *out)
{
    if (!n || n > SYN_WORD)
        return 0;
    syn_row *r = syn_row_of(m, lang, w, n, ix_hash(lang, w, n));
    if (!r)
        return 0;
    r->used = 1;
    *out = r->facts;
    return 1;
}

void qmemo_syn_put(qmemo *m, uint32_t lang, const char *w, size_t n, const qmemo_syn *facts)
{
    if (!n || n > SYN_WORD)
        return;
    uint32_t h = ix_hash(lang, w, n);
    syn_row *r = syn_row_of(m, lang, w, n, h);
    if (!r) {
        TAKE_ROW(r, m->syns[h % SYN_SETS], w, n);
        r->lang = (uint8_t)lang;
    }
    m->empty = 0;
    r->facts = *facts;
}
