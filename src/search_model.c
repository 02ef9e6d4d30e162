/* search_model.c: the tables a search reads besides the index, made once
 * per index from its MODEL section (see search_model.h, index_model.h). */
#include "search_model.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "index_internal.h"
#include "index_model.h"
#include "known_synonyms.h"
#include "limits.h"
#include "spellings.h"
#include "translit.h"
#include "utf8.h"

/* A word or stem of the index with a letter a keyboard lacks, as typed
 * without it (fold_bare()): its text in bare_list.text. */
typedef struct bare_form {
    uint32_t which;             /* SEARCH_VOCAB_WORDS or _TERMS */
    uint32_t off, len;
    uint32_t number;            /* ix_word or ix_term number */
    const char *text;           /* bare_list.text + off, once it is whole: qsort has no
                                   context argument, so each carries its bytes */
} bare_form;

/* A language's words and stems with such a letter, listed on the first
 * question word that language of the index lacks, not at open: a one-shot
 * process would pay for every language's at every start, and a question
 * mostly asks about few (one index's languages beside the question's, or
 * none: a language the index has small talk in holds no words). Listed
 * under the lock; once listed, read without it. */
struct bare_list {
    pthread_mutex_t mu;
    atomic_int ready;           /* forms and text are set for good */
    bare_form *forms;           /* sorted by (which, text) */
    size_t n;
    char *text;
    uint32_t digits;            /* the most ASCII digits a form holds */
    size_t arabic;              /* translit lists: the forms keyed by translit_skeleton() */
};

struct search_model {
    const faq_index *ix;
    struct bare_list *bare;     /* per language */
    struct bare_list *translit; /* per language: its Cyrillic and Greek words and stems by
                                   their Latin key (translit_key()), listed alike */
    struct bare_list *translit_stops;   /* per language: its Cyrillic and Greek stop and
                                           question words by their Latin key, listed alike
                                           (which: TRANSLIT_*, number: the word's offset) */
    analyzer **an;              /* per language: what each searcher's share */
    syn_entry *syn;             /* sorted by key */
    size_t n_syn;
    uint32_t *syn_terms;
    size_t n_syn_terms;
    /* the one-word members' terms, sorted by language then bytes, for a
     * question's word one edit from one ("attend" for "attendre"): in
     * MODEL, offsets from its start */
    const char *vocab_base;
    ix_str *syn_vocab;
    size_t n_syn_vocab, syn_vocab_cap;
    uint32_t syn_vocab_first[FAQ_MAX_LANGS], syn_vocab_count[FAQ_MAX_LANGS];
    double *max_idf;            /* per language */
    st_phrase *st;              /* small talk phrases, by language */
    size_t n_st;
    uint32_t st_lang_from[FAQ_MAX_LANGS + 1];   /* where each language's phrases start */
    uint32_t *st_measures;      /* their words' and keys' lengths, one block */
    ix_model_words words;       /* each word's standing in its language, mapped */
    st_word *st_list;           /* the small talk's distinct words, by language and first byte */
    struct model_dict *talk;    /* the small talk of the packs the index lacks (pack_talk *),
                                   made on first use: most questions never need it */
    size_t n_st_list;
    uint32_t (*st_from)[257];   /* per language: where each first byte's words start */
    struct model_dict *lex;     /* per language: its dictionary (lexicon *) */
    struct model_dict *thes;    /* per language: its thesaurus (thesaurus *) */
    decompound_links *links;    /* per language: its "!compounds" line's */
    atomic_int *spelled;        /* per language: SPELL_* */
    atomic_uint *digits;        /* per language and SEARCH_VOCAB_*: typo_vocab.digits, 0 uncounted */
    atomic_uint *lang_digits;   /* per language: search_model_lang_digits() plus one, 0 uncounted */
    const unsigned char *known_firsts, *known_items;  /* in MODEL (known_synonyms.h) */
    uint32_t n_known_words, n_known_items;
    atomic_int *thes_kept;      /* per language: SPELL_* for the thesaurus it was kept from */
    uint64_t translates;        /* bit l: XLATE has rows from language l's words */
    known_synonyms_rules kept_rules;    /* ... and the rules (known_synonyms_rules_built()) */
};

/* search_model.spelled: whether SPELLINGS' verdicts of a language are
 * those of the dictionary the process would load */
enum { SPELL_UNASKED, SPELL_SAME, SPELL_OTHER };

/* A language's dictionary or thesaurus, one for every thread of the index:
 * loading one takes up to a tenth of a second and megabytes (the process
 * keeps each, lemma.h and thesaurus.h; the model asks once). Opened on
 * first use under the lock; once opened, read without it, as every
 * question asks. */
struct model_dict {
    pthread_mutex_t mu;
    atomic_int ready;           /* p is set for good */
    void *p;
    const char *order;          /* a thesaurus's order stamp in MODEL, or NULL */
    const faq_index *ix;        /* the index, for what is made from it (the talk) */
};

/* d's, opened by open (language code) on the first call: 0, or -1 when
 * memory ran out (tried again next call). */
static int model_dict_get(struct model_dict *d,
                          int (*open)(const struct model_dict *d, const char *code, void **out),
                          const char *code, void **out)
{
    if (atomic_load_explicit(&d->ready, memory_order_acquire)) {
        *out = d->p;
        return 0;
    }
    int rc = 0;
    pthread_mutex_lock(&d->mu);
    if (!atomic_load_explicit(&d->ready, memory_order_relaxed) && (rc = open(d, code, &d->p)) == 0)
        atomic_store_explicit(&d->ready, 1, memory_order_release);
    *out = d->p;
    pthread_mutex_unlock(&d->mu);
    return rc;
}

static int open_lexicon(const struct model_dict *d, const char *code, void **out)
{
    (void)d;
    lexicon *lx;
    int rc = lexicon_open(code, NULL, &lx);
    *out = lx;
    return rc;
}

/* A thesaurus whose .idx the build found in order is not read whole
 * again, while its files are those it found (thesaurus.h). */
static int open_thesaurus(const struct model_dict *d, const char *code, void **out)
{
    thesaurus *th;
    int rc = d->order ? thesaurus_open_ordered(code, NULL, d->order, strlen(d->order), &th)
                      : thesaurus_open(code, NULL, &th);
    *out = th;
    return rc;
}

/* The MODEL section read into the model (index_model_read()'s visitor). */
typedef struct model_load {
    search_model *m;
    size_t cap_syn, cap_st;
    ix_model_list st_words[FAQ_MAX_LANGS];  /* per language: its small talk words */
} model_load;

static int load_lang(void *ctx, uint32_t l, const ix_model_lang *ml)
{
    search_model *m = ((model_load *)ctx)->m;
    m->an[l] = analyzer_new_folded(m->ix->langs[l].code, ml->settings.s, ml->stop.s, ml->stop.n,
                                   ml->qwords.s, ml->qwords.n);
    if (!m->an[l])
        return -1;
    decompound_links_parse(&m->links[l], ml->settings.s);
    m->thes[l].order = ml->thesaurus_order.n ? ml->thesaurus_order.s : NULL;
    /* the member terms stay where they are: offsets from the section's start */
    if (grow(&m->syn_vocab, &m->syn_vocab_cap, m->n_syn_vocab + ml->member_terms.n,
             sizeof *m->syn_vocab, 128) != 0)
        return -1;
    m->syn_vocab_first[l] = (uint32_t)m->n_syn_vocab;
    m->syn_vocab_count[l] = ml->member_terms.n;
    const char *t = ml->member_terms.s;
    for (uint32_t i = 0; i < ml->member_terms.n; i++) {
        size_t n = strlen(t);
        m->syn_vocab[m->n_syn_vocab++] = (ix_str){(uint32_t)(t - m->vocab_base), (uint32_t)n};
        t += n + 1;
    }
    double N = m->ix->langs[l].n_faq;
    m->max_idf[l] = log(1.0 + (N + 0.5) / 0.5);
    return 0;
}

static int load_phrase(void *ctx, uint32_t l, const char *keys, int n, int strict, const char *word,
                       const char *term)
{
    return analyzer_add_phrase(((model_load *)ctx)->m->an[l], keys, n, strict, word, term);
}

static int load_syn_terms(void *ctx, const unsigned char *p, uint32_t n)
{
    search_model *m = ((model_load *)ctx)->m;
    m->syn_terms = malloc((n ? n : 1) * sizeof *m->syn_terms);
    if (!m->syn_terms)
        return -1;
    memcpy(m->syn_terms, p, (size_t)n * sizeof *m->syn_terms);
    m->n_syn_terms = n;
    return 0;
}

static int load_syn_entry(void *ctx, uint64_t key, uint32_t first, uint32_t count)
{
    model_load *ld = ctx;
    search_model *m = ld->m;
    if (grow(&m->syn, &ld->cap_syn, m->n_syn + 1, sizeof *m->syn, 256) != 0)
        return -1;
    m->syn[m->n_syn++] = (syn_entry){key, first, count};
    return 0;
}

static int load_smalltalk_words(void *ctx, uint32_t l, ix_model_list words)
{
    ((model_load *)ctx)->st_words[l] = words;
    return 0;
}

static int load_known_synonyms(void *ctx, const unsigned char *firsts, uint32_t n_words,
                               const unsigned char *items, uint32_t n_items)
{
    search_model *m = ((model_load *)ctx)->m;
    m->known_firsts = firsts;
    m->known_items = items;
    m->n_known_words = n_words;
    m->n_known_items = n_items;
    return 0;
}

static int load_words(void *ctx, const ix_model_words *t)
{
    ((model_load *)ctx)->m->words = *t;
    return 0;
}

static int load_smalltalk(void *ctx, uint32_t entry, uint32_t lang, ix_model_list words,
                          ix_model_list keys)
{
    model_load *ld = ctx;
    search_model *m = ld->m;
    if (grow(&m->st, &ld->cap_st, m->n_st + 1, sizeof *m->st, 64) != 0)
        return -1;
    /* each entry's phrases come in order, its question first */
    int heading = m->n_st == 0 || m->st[m->n_st - 1].entry != entry;
    m->st[m->n_st++] = (st_phrase){entry, lang, heading, words.s, words.n, keys.s, keys.n / 2,
                                  NULL, NULL, NULL, NULL};
    return 0;
}

/* The small talk phrases grouped by language, each language's in the
 * order of their entries, as the index lists them: a question compares
 * its words with one language's phrases at a time, which then need not be
 * picked out of all of them (a stable counting sort: the order within a
 * language, which settles ties, is the index's). */
static int group_smalltalk(search_model *m)
{
    uint32_t n_langs = m->ix->n_langs;
    uint32_t *from = m->st_lang_from;
    memset(from, 0, sizeof m->st_lang_from);
    for (size_t k = 0; k < m->n_st; k++)
        from[m->st[k].lang + 1]++;
    for (uint32_t l = 0; l < n_langs; l++)
        from[l + 1] += from[l];
    if (!m->n_st)
        return 0;
    st_phrase *by_lang = malloc(m->n_st * sizeof *by_lang);
    if (!by_lang)
        return -1;
    uint32_t at[FAQ_MAX_LANGS];
    memcpy(at, from, n_langs * sizeof *at);
    for (size_t k = 0; k < m->n_st; k++)
        by_lang[at[m->st[k].lang]++] = m->st[k];
    free(m->st);
    m->st = by_lang;
    return 0;
}

/* Each small talk phrase's words and keys measured, into one block for
 * all phrases (m->st_measures): uint32_t and int share a size and an
 * alignment, so the four arrays of each phrase lie side by side. */
static int index_smalltalk_words(search_model *m)
{
    _Static_assert(sizeof(int) == sizeof(uint32_t), "one block of u32 and int");
    size_t total = 0;
    for (size_t k = 0; k < m->n_st; k++)
        total += 2 * m->st[k].n_words + 3 * m->st[k].n_keys;
    uint32_t *at = m->st_measures = malloc((total + 1) * sizeof *m->st_measures);
    if (!at)
        return -1;
    for (size_t k = 0; k < m->n_st; k++) {
        st_phrase *p = &m->st[k];
        p->word_len = at;
        p->word_cp = (int *)(at + p->n_words);
        p->key_len = at + 2 * p->n_words;
        p->key_cp = (int *)(at + 2 * p->n_words + 2 * p->n_keys);
        at += 2 * p->n_words + 3 * p->n_keys;
        const char *x = p->words;
        for (size_t j = 0; j < p->n_words; j++) {
            size_t n = strlen(x);
            p->word_len[j] = (uint32_t)n;
            p->word_cp[j] = typo_cp_count(x, n);
            x += n + 1;
        }
        x = p->keys;
        for (size_t j = 0; j < 2 * p->n_keys; j++) {
            size_t n = strlen(x);
            p->key_len[j] = (uint32_t)n;
            if (j % 2)
                p->key_cp[j / 2] = typo_cp_count(x, n);
            x += n + 1;
        }
    }
    return 0;
}

/* The small talk's words once each, by language and first byte: a word of
 * the question one typo from one of them shares its first byte (an edit of
 * the first letter is not counted as one typo), so it is compared with
 * those alone. The index lists each language's sorted (index_model.h). */
static int list_smalltalk_words(search_model *m, const ix_model_list *by_lang)
{
    size_t n = 0;
    for (uint32_t l = 0; l < m->ix->n_langs; l++)
        n += by_lang[l].n;
    m->st_list = malloc((n + 1) * sizeof *m->st_list);
    m->st_from = calloc(m->ix->n_langs, sizeof *m->st_from);
    if (!m->st_list || !m->st_from)
        return -1;
    for (uint32_t l = 0; l < m->ix->n_langs; l++) {
        const char *x = by_lang[l].s;
        for (uint32_t j = 0; j < by_lang[l].n; j++) {
            size_t len = strlen(x);
            m->st_list[m->n_st_list++] = (st_word){x, (uint32_t)len, typo_cp_count(x, len), l};
            x += len + 1;
        }
    }
    /* st_from[l][b]: the first word of language l whose first byte is b or
     * more (or of a later language); [256]: the end of language l's */
    size_t i = 0;
    for (uint32_t l = 0; l < m->ix->n_langs; l++)
        for (unsigned b = 0; b <= 256; b++) {
            while (i < m->n_st_list && (m->st_list[i].lang < l ||
                                (m->st_list[i].lang == l && (unsigned char)m->st_list[i].w[0] < b)))
                i++;
            m->st_from[l][b] = (uint32_t)i;
        }
    return 0;
}

size_t search_model_smalltalk_words(const search_model *m, uint32_t l, unsigned char first,
                                    const st_word **out)
{
    *out = m->st_list + m->st_from[l][first];
    return m->st_from[l][first + 1] - m->st_from[l][first];
}

analyzer *search_model_analyzer_new(const search_model *m, uint32_t l)
{
    return analyzer_clone(m->an[l]);   /* the model's stop words and phrases, shared */
}

analyzer *search_model_analyzer_take(search_model *m, uint32_t l)
{
    analyzer *a = m->an[l];
    m->an[l] = NULL;
    return a;
}

static void free_analyzers(search_model *m)
{
    if (m->an)
        for (uint32_t l = 0; l < m->ix->n_langs; l++)
            analyzer_free(m->an[l]);
    free(m->an);
    m->an = NULL;
}

/* The languages XLATE has rows from: a bit each. Its rows are sorted by
 * language, so each language's first row is found by bisection, without
 * reading the table through at open. */
static uint64_t translating_langs(const faq_index *ix)
{
    uint64_t langs = 0;
    for (uint32_t l = 0; l < ix->n_langs && l < 64; l++) {
        uint32_t lo = 0, hi = ix->n_xlates;
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (ix->xlates[mid].lang < l)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < ix->n_xlates && ix->xlates[lo].lang == l)
            langs |= (uint64_t)1 << l;
    }
    return langs;
}

/* Is (s, n) ASCII alone? Most of the index's words are (they are folded
 * without their accents), and every one is looked at when a question
 * opens the index: eight bytes at a time, then four, then one. */
static inline int all_ascii(const char *s, size_t n)
{
    uint64_t high = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        high |= v;
    }
    if (i + 4 <= n) {
        uint32_t v;
        memcpy(&v, s + i, 4);
        high |= v;
        i += 4;
    }
    for (; i < n; i++)
        high |= (unsigned char)s[i];
    return !(high & 0x8080808080808080ull);
}

/* Bare text (bare, k bytes) for table which's record number onto list b;
 * *cap: its room; its text onto text. 0, or -1 when memory ran out. */
static int push_bare_form(struct bare_list *b, buf *text, size_t *cap, uint32_t which,
                          uint32_t number, const char *bare, long k)
{
    if (k <= 0)
        return 0;
    if (grow(&b->forms, cap, b->n + 1, sizeof *b->forms, 64) != 0)
        return -1;
    b->forms[b->n++] = (bare_form){which, (uint32_t)text->len, (uint32_t)k, number, NULL};
    uint32_t digits = (uint32_t)utf8_digit_count(bare, (size_t)k);
    if (digits > b->digits)
        b->digits = digits;
    return buf_add(text, bare, (size_t)k) == BUF_OK ? 0 : -1;
}

/* The Latin key of (s, n), a word of script (translit_script()), into out:
 * Cyrillic and Greek by translit_key(), Arabic by its skeleton (counted on
 * b); 0 for a word of neither */
static long script_key(int script, struct bare_list *b, const char *s, size_t n, char *out,
                       size_t cap)
{
    if (script == TRANSLIT_CYRILLIC_GREEK)
        return translit_key(s, n, out, cap);
    if (script != TRANSLIT_ARABIC)
        return 0;
    b->arabic++;
    return translit_skeleton(s, n, out, cap);
}

/* The bare form of (s, n), table which's record number, onto list b (see
 * push_bare_form()); a word with Catalan's l·l has two: "ll" and one l
 * (fold_bare_ell()). */
static int add_bare_form(struct bare_list *b, buf *text, size_t *cap, uint32_t which,
                         uint32_t number, const char *s, size_t n, int translit)
{
    char bare[FAQ_MAX_TERM_BYTES * 8 + 1];   /* a letter of two bytes is four at most */
    long k = translit ? script_key(translit_script(s, n), b, s, n, bare, sizeof bare)
                      : fold_bare(s, n, bare, sizeof bare);
    if (push_bare_form(b, text, cap, which, number, bare, k) != 0)
        return -1;
    if (translit || k <= 0)
        return 0;
    long one = fold_bare_ell(s, n, bare, sizeof bare);   /* shorter only with an l·l */
    return one < k ? push_bare_form(b, text, cap, which, number, bare, one) : 0;
}

static int cmp_bare(const void *a, const void *b)
{
    const bare_form *x = a, *y = b;
    if (x->which != y->which)
        return x->which < y->which ? -1 : 1;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->text, y->text, n);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->number < y->number ? -1 : x->number > y->number;
}

/* List b, its forms' text in text, made whole and sorted: 0; or, when rc
 * tells that memory ran out, left empty: -1. */
static int end_list(struct bare_list *b, buf *text, int rc)
{
    if (rc != 0) {
        buf_free(text);
        free(b->forms);
        b->forms = NULL;
        b->n = 0;
        return -1;
    }
    b->text = buf_take(text);
    for (size_t i = 0; i < b->n; i++)
        b->forms[i].text = b->text + b->forms[i].off;
    if (b->n)      /* an all-ASCII index has no list to sort */
        qsort(b->forms, b->n, sizeof *b->forms, cmp_bare);
    return 0;
}

/* Every word and stem of language l of m's index with a letter a keyboard
 * lacks, and every such one-word member of its synonyms, by its bare form
 * (translit: a word or stem with a Cyrillic or Greek letter, by its Latin
 * key), onto empty list b. 0, or -1 when memory ran out (b left empty). */
static int list_bare_forms(const search_model *m, uint32_t l, struct bare_list *b, int translit)
{
    const faq_index *ix = m->ix;
    b->digits = 0;
    buf text = BUF_INIT(UINT32_MAX);   /* offsets are u32s */
    size_t cap = 0;
    int rc = 0;
    const ix_lang *L = &ix->langs[l];
    for (uint32_t w = L->word_first; w < L->word_first + L->word_count && rc == 0; w++) {
        const char *s = ix->strings + ix->words[w].text.off;
        if (!all_ascii(s, ix->words[w].text.len))
            rc = add_bare_form(b, &text, &cap, SEARCH_VOCAB_WORDS, w, s, ix->words[w].text.len,
                               translit);
    }
    for (uint32_t t = L->term_first; t < L->term_first + L->term_count && rc == 0; t++) {
        const char *s = ix->strings + ix->terms[t].text.off;
        if (!all_ascii(s, ix->terms[t].text.len))
            rc = add_bare_form(b, &text, &cap, SEARCH_VOCAB_TERMS, t, s, ix->terms[t].text.len,
                               translit);
    }
    return end_list(b, &text, rc);
}

/* translit_stops' which: a question word's key is looked up before a stop
 * word's, so a key of both reads as the question word */
enum { TRANSLIT_QWORD, TRANSLIT_STOP };

typedef struct stop_keys {
    struct bare_list *b;
    buf *text;
    size_t cap;
} stop_keys;

/* A stop (q 0) or question word w (n bytes) of Cyrillic or Greek letters
 * onto the list: its key, then the word itself, NUL-ended, at number. */
static int put_stop_key(void *ctx, const char *w, size_t n, int q)
{
    stop_keys *k = ctx;
    char key[FAQ_MAX_TERM_BYTES * 8 + 1];
    struct bare_list *b = k->b;
    int script = translit_script(w, n);
    long kn = script ? script_key(script, b, w, n, key, sizeof key) : -1;
    if (kn <= 0)
        return 0;
    if (grow(&b->forms, &k->cap, b->n + 1, sizeof *b->forms, 64) != 0)
        return -1;
    uint32_t off = (uint32_t)k->text->len;
    b->forms[b->n++] = (bare_form){q ? TRANSLIT_QWORD : TRANSLIT_STOP, off, (uint32_t)kn,
                                   off + (uint32_t)kn, NULL};
    return buf_add(k->text, key, (size_t)kn) == BUF_OK && buf_add(k->text, w, n) == BUF_OK &&
                   buf_add(k->text, "", 1) == BUF_OK
               ? 0
               : -1;
}

/* Language l's stop and question words (analyzer an's) of Cyrillic or
 * Greek letters by their Latin key, onto empty list b. 0, or -1 when
 * memory ran out (b left empty). */
static int list_stop_keys(const analyzer *an, struct bare_list *b)
{
    buf text = BUF_INIT(UINT32_MAX);
    stop_keys k = {b, &text, 0};
    b->digits = 0;
    return end_list(b, &text, analyzer_each_stopword(an, put_stop_key, &k));
}

enum { LIST_BARE, LIST_TRANSLIT, LIST_TRANSLIT_STOPS };

/* Language l's list of bare forms (LIST_TRANSLIT: of Latin keys;
 * LIST_TRANSLIT_STOPS: of its stop words' Latin keys), listed on the first
 * call (the stop words: analyzer an's): NULL when memory ran out (tried
 * again next call). */
static const struct bare_list *bare_forms(const search_model *m, uint32_t l, int kind,
                                          const analyzer *an)
{
    struct bare_list *b = kind == LIST_TRANSLIT         ? &m->translit[l]
                          : kind == LIST_TRANSLIT_STOPS ? &m->translit_stops[l]
                                                        : &m->bare[l];
    if (atomic_load_explicit(&b->ready, memory_order_acquire))
        return b;
    pthread_mutex_lock(&b->mu);
    if (!atomic_load_explicit(&b->ready, memory_order_relaxed) &&
        (kind == LIST_TRANSLIT_STOPS ? list_stop_keys(an, b)
                                     : list_bare_forms(m, l, b, kind == LIST_TRANSLIT)) == 0)
        atomic_store_explicit(&b->ready, 1, memory_order_release);
    int ready = atomic_load_explicit(&b->ready, memory_order_relaxed);
    pthread_mutex_unlock(&b->mu);
    return ready ? b : NULL;
}

uint32_t search_model_bare_digits(const search_model *m, uint32_t l)
{
    const struct bare_list *b = bare_forms(m, l, LIST_BARE, NULL);
    return b ? b->digits : UINT32_MAX;
}

/* The forms of list b that read w (n bytes), table which's; up to cap of
 * their numbers into out; how many */
static size_t find_forms(const struct bare_list *b, int which, const char *w, size_t n,
                         uint32_t *out, size_t cap)
{
    /* the first of w's, by the sort's order: number 0 comes first */
    if (!b)
        return 0;
    bare_form key = {(uint32_t)which, 0, (uint32_t)n, 0, w};
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_bare(&b->forms[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t found = 0;
    for (; lo < b->n && found < cap; lo++) {
        const bare_form *f = &b->forms[lo];
        if (f->which != key.which || f->len != n || memcmp(f->text, w, n) != 0)
            break;
        out[found++] = f->number;
    }
    return found;
}

size_t search_model_bare(const search_model *m, uint32_t l, int which, const char *w, size_t n,
                         uint32_t *out, size_t cap)
{
    return find_forms(bare_forms(m, l, LIST_BARE, NULL), which, w, n, out, cap);
}

enum { TRANSLIT_KEY_CAP = FAQ_MAX_TERM_BYTES * 8 + 1 };

/* The Latin key of Latin-letter word w (n bytes) into key, to be looked up
 * in list b: its length, or 0 when there is nothing to look up (a word of
 * Cyrillic or Greek letters, or no key; b NULL or empty: a language written
 * in Latin letters). */
static size_t latin_key(const struct bare_list *b, const char *w, size_t n,
                        char key[TRANSLIT_KEY_CAP])
{
    if (!b || !b->n)
        return 0;
    /* a language written in Arabic letters is typed in Latin ones as its
     * consonants */
    long k = translit_script(w, n)     ? -1
             : b->arabic > b->n / 2 ? translit_skeleton(w, n, key, TRANSLIT_KEY_CAP)
                                    : translit_key(w, n, key, TRANSLIT_KEY_CAP);
    return k > 0 ? (size_t)k : 0;
}

int search_model_translit_arabic(const search_model *m, uint32_t l)
{
    const struct bare_list *b = bare_forms(m, l, LIST_TRANSLIT, NULL);
    return b && b->n && b->arabic > b->n / 2;
}

size_t search_model_translit(const search_model *m, uint32_t l, const char *w, size_t n,
                             size_t min_chars, size_t skeleton_min, int *which, uint32_t *out,
                             size_t cap)
{
    const struct bare_list *b = bare_forms(m, l, LIST_TRANSLIT, NULL);
    char key[TRANSLIT_KEY_CAP];
    size_t k = latin_key(b, w, n, key);
    if (!k)
        return 0;
    if (b->arabic > b->n / 2) {
        /* a skeleton is short: three consonants make most Arabic words */
        if (!skeleton_min)
            return 0;
        min_chars = skeleton_min;
    }
    *which = SEARCH_VOCAB_WORDS;
    size_t found = find_forms(b, SEARCH_VOCAB_WORDS, key, k, out, cap);
    if (found)
        return found;
    /* the longest stem the word's key begins with: the stem leaves off the
     * ending, which visitors spell most variously ("zapisatsya",
     * "zapisatsia") */
    *which = SEARCH_VOCAB_TERMS;
    for (size_t len = k; !found && len >= min_chars && len; len--)
        found = find_forms(b, SEARCH_VOCAB_TERMS, key, len, out, cap);
    return found;
}

int search_model_translit_stop(const search_model *m, uint32_t l, const analyzer *an,
                               const char *w, size_t n, const char **word)
{
    const struct bare_list *b = bare_forms(m, l, LIST_TRANSLIT_STOPS, an);
    char key[TRANSLIT_KEY_CAP];
    size_t k = latin_key(b, w, n, key);
    if (!k)
        return 0;
    uint32_t at;
    for (int which = TRANSLIT_QWORD; which <= TRANSLIT_STOP; which++)
        if (find_forms(b, which, key, k, &at, 1)) {
            *word = b->text + at;
            return 1;
        }
    return 0;
}

search_model *search_model_new(const faq_index *ix)
{
    search_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->ix = ix;
    m->kept_rules = known_synonyms_rules_built();
    m->vocab_base = (const char *)ix->model;
    m->an = calloc(ix->n_langs, sizeof *m->an);
    m->max_idf = calloc(ix->n_langs, sizeof *m->max_idf);
    m->lex = calloc(ix->n_langs, sizeof *m->lex);
    m->thes = calloc(ix->n_langs, sizeof *m->thes);
    m->links = calloc(ix->n_langs, sizeof *m->links);
    m->spelled = calloc(ix->n_langs, sizeof *m->spelled);
    m->digits = calloc((size_t)ix->n_langs * SEARCH_VOCABS, sizeof *m->digits);
    m->lang_digits = calloc(ix->n_langs, sizeof *m->lang_digits);
    m->thes_kept = calloc(ix->n_langs, sizeof *m->thes_kept);
    m->bare = calloc(ix->n_langs, sizeof *m->bare);
    m->translit = calloc(ix->n_langs, sizeof *m->translit);
    m->translit_stops = calloc(ix->n_langs, sizeof *m->translit_stops);
    for (uint32_t l = 0; m->bare && m->translit && m->translit_stops && l < ix->n_langs; l++) {
        struct bare_list *lists[3] = {&m->bare[l], &m->translit[l], &m->translit_stops[l]};
        for (int k = 0; k < 3; k++) {
            pthread_mutex_init(&lists[k]->mu, NULL);
            atomic_init(&lists[k]->ready, 0);
        }
    }
    if ((m->talk = calloc(1, sizeof *m->talk))) {
        pthread_mutex_init(&m->talk->mu, NULL);
        atomic_init(&m->talk->ready, 0);
        m->talk->ix = ix;
    }
    for (uint32_t l = 0; m->lex && m->thes && l < ix->n_langs; l++) {
        pthread_mutex_init(&m->lex[l].mu, NULL);
        pthread_mutex_init(&m->thes[l].mu, NULL);
        atomic_init(&m->lex[l].ready, 0);
        atomic_init(&m->thes[l].ready, 0);
    }
    static const ix_model_visitor visit = {load_lang,      load_phrase,    load_syn_terms,
                                           load_syn_entry, load_smalltalk, load_smalltalk_words,
                                           load_known_synonyms, load_words};
    model_load ld = {m, 0, 0, {{NULL, 0}}};
    if (!m->an || !m->talk || !m->max_idf || !m->lex || !m->thes || !m->links || !m->spelled || !m->digits ||
        !m->lang_digits || !m->thes_kept || !m->bare || !m->translit || !m->translit_stops ||
        index_model_read(ix->model, ix->model_len, ix->n_langs, ix->n_entries, ix->n_terms,
                         ix->n_words, 0, &visit, &ld) != 0 ||
        group_smalltalk(m) != 0 || index_smalltalk_words(m) != 0 || list_smalltalk_words(m, ld.st_words) != 0) {
        search_model_free(m);
        return NULL;
    }
    m->translates = translating_langs(ix);
    /* the analyzers stay, never run again: each searcher's are copies of
     * them (search_model_analyzer_new()), which share their stop words and
     * phrases, or, for a model of one searcher, they are its own
     * (search_model_analyzer_take()) */
    return m;
}

void search_model_free(search_model *m)
{
    if (!m)
        return;
    free_analyzers(m);
    if (m->talk) {
        pack_talk_free(m->talk->p);
        pthread_mutex_destroy(&m->talk->mu);
        free(m->talk);
    }
    for (uint32_t l = 0; l < m->ix->n_langs; l++) {
        if (m->lex && m->thes) {
            lexicon_free(m->lex[l].p);
            pthread_mutex_destroy(&m->lex[l].mu);
            thesaurus_free(m->thes[l].p);
            pthread_mutex_destroy(&m->thes[l].mu);
        }
    }
    free(m->lex);
    free(m->thes);
    free(m->links);
    free(m->spelled);
    free(m->digits);
    free(m->lang_digits);
    free(m->thes_kept);
    free(m->max_idf);
    for (uint32_t l = 0; m->bare && m->translit && m->translit_stops && l < m->ix->n_langs; l++) {
        struct bare_list *lists[3] = {&m->bare[l], &m->translit[l], &m->translit_stops[l]};
        for (int k = 0; k < 3; k++) {
            pthread_mutex_destroy(&lists[k]->mu);
            free(lists[k]->forms);
            free(lists[k]->text);
        }
    }
    free(m->bare);
    free(m->translit);
    free(m->translit_stops);
    free(m->syn);
    free(m->syn_terms);
    free(m->st_measures);
    free(m->st);
    free(m->st_list);
    free(m->st_from);
    free(m->syn_vocab);
    free(m);
}

const faq_index *search_model_index(const search_model *m) { return m->ix; }

int search_model_lexicon(const search_model *m, uint32_t l, lexicon **out)
{
    void *p;
    int rc = model_dict_get(&m->lex[l], open_lexicon, m->ix->langs[l].code, &p);
    *out = p;
    return rc;
}

int search_model_thesaurus(const search_model *m, uint32_t l, thesaurus **out)
{
    void *p;
    int rc = model_dict_get(&m->thes[l], open_thesaurus, m->ix->langs[l].code, &p);
    *out = p;
    return rc;
}

const decompound_links *search_model_links(const search_model *m, uint32_t l)
{
    return &m->links[l];
}

/* Are SPELLINGS' verdicts of language l its dictionary's? Asked once:
 * the files' stamps compared. */
static int spelled_by_dictionary(const search_model *m, uint32_t l)
{
    int v = atomic_load_explicit(&m->spelled[l], memory_order_acquire);
    if (v == SPELL_UNASKED) {
        const char *kept;
        size_t n;
        char now[1024];
        v = spellings_stamp(&m->ix->spellings, l, &kept, &n) &&
                    lexicon_stamp(m->ix->langs[l].code, now, sizeof now) == 0 &&
                    strlen(now) == n && memcmp(now, kept, n) == 0
                ? SPELL_SAME
                : SPELL_OTHER;
        atomic_store_explicit(&m->spelled[l], v, memory_order_release);
    }
    return v == SPELL_SAME;
}

int search_model_spelling(const search_model *m, uint32_t l, const char *word, size_t n,
                          spelling *out)
{
    return spelled_by_dictionary(m, l) &&
           spellings_find(&m->ix->spellings, l, word, n, out);
}

/* Were language l's kept synonyms worked out from th, the thesaurus this
 * process loaded for it? Asked once. */
static int kept_from(const search_model *m, uint32_t l, const thesaurus *th)
{
    int v = atomic_load(&m->thes_kept[l]);
    if (v == SPELL_UNASKED) {
        const char *order = m->thes[l].order;
        v = order && thesaurus_has_stamp(th, order, strlen(order)) ? SPELL_SAME : SPELL_OTHER;
        atomic_store(&m->thes_kept[l], v);
    }
    return v == SPELL_SAME;
}

int search_model_known_synonyms(const search_model *m, uint32_t l, const thesaurus *th,
                                known_synonyms_rules rules, uint32_t w,
                                search_known_list *out)
{
    uint32_t first, head;
    if (w >= m->n_known_words || !known_synonyms_rules_equal(rules, m->kept_rules) ||
        !kept_from(m, l, th))
        return 0;
    memcpy(&first, m->known_firsts + 4 * (size_t)w, 4);
    if (first >= m->n_known_items)
        return 0;
    memcpy(&head, m->known_items + 4 * (size_t)first, 4);
    uint32_t count = head & KNOWN_SYNONYMS_COUNT;
    /* out of shape (faq_index_check() says so): looked up instead */
    if (count > KNOWN_SYNONYMS_MAX || count > m->n_known_items - first - 1)
        return 0;
    *out = (search_known_list){m->known_items + 4 * ((size_t)first + 1), count,
                               (head & KNOWN_SYNONYMS_WHOLE) != 0,
                               (head & KNOWN_SYNONYMS_BY_LEMMA) != 0};
    return 1;
}

int search_model_warm(const search_model *m, char *err, size_t errlen)
{
    for (uint32_t l = 0; l < faq_index_lang_count(m->ix); l++) {
        lexicon *lx;
        thesaurus *th;
        int dict = search_model_lexicon(m, l, &lx);
        if (dict != 0 || search_model_thesaurus(m, l, &th) != 0) {
            snprintf(err, errlen, "the %s %s did not load: out of memory", m->ix->langs[l].code,
                     dict != 0 ? "dictionary" : "thesaurus");
            return -1;
        }
    }
    return 0;
}

size_t search_model_synonyms(const search_model *m, uint32_t lang, const char *stem, size_t n,
                             const syn_entry **first)
{
    uint64_t key = index_model_syn_key(lang, stem, n);
    size_t lo = 0, hi = m->n_syn;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->syn[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo;
    while (k < m->n_syn && m->syn[k].key == key)
        k++;
    *first = m->syn + lo;
    return k - lo;
}

const uint32_t *search_model_synonym_terms(const search_model *m, const syn_entry *e)
{
    return m->syn_terms + e->first;
}

uint32_t search_model_vocab(const search_model *m, uint32_t l, int which, typo_vocab *v)
{
    const faq_index *ix = m->ix;
    const ix_lang *L = &ix->langs[l];
    if (which == SEARCH_VOCAB_WORDS)
        *v = (typo_vocab){ix->strings, ix->words, sizeof(ix_word), offsetof(ix_word, text),
                          L->word_first, L->word_count, 0};
    else if (which == SEARCH_VOCAB_TERMS)
        *v = (typo_vocab){ix->strings, ix->terms, sizeof(ix_term), offsetof(ix_term, text),
                          L->term_first, L->term_count, 0};
    else
        *v = (typo_vocab){m->vocab_base, m->syn_vocab, sizeof(ix_str), 0, m->syn_vocab_first[l],
                          m->syn_vocab_count[l], 0};
    /* counted on first use, not when the index opens: a thread that
     * counts it again meanwhile finds the same */
    atomic_uint *d = &m->digits[(size_t)l * SEARCH_VOCABS + (size_t)which];
    v->digits = atomic_load_explicit(d, memory_order_relaxed);
    if (!v->digits) {
        v->digits = typo_vocab_digits(v);
        atomic_store_explicit(d, v->digits, memory_order_relaxed);
    }
    return v->count;
}

uint32_t search_model_lang_digits(const search_model *m, uint32_t l)
{
    atomic_uint *d = &m->lang_digits[l];
    uint32_t most = atomic_load_explicit(d, memory_order_relaxed);
    if (most)
        return most - 1;
    /* counted on first use, as the vocabularies' digits are */
    const faq_index *ix = m->ix;
    typo_vocab words;   /* its vocabulary: the typo search's count, plus one */
    search_model_vocab(m, l, SEARCH_VOCAB_WORDS, &words);
    most = index_model_lang_digits(&m->words, l);
    most = words.digits - 1 > most ? words.digits - 1 : most;
    for (uint32_t i = 0; i < ix->n_xlates; i++)
        if (ix->xlates[i].lang == l) {
            uint32_t n = (uint32_t)utf8_digit_count(ix->strings + ix->xlates[i].text.off,
                                                    ix->xlates[i].text.len);
            most = n > most ? n : most;
        }
    atomic_store_explicit(d, most + 1, memory_order_relaxed);
    return most;
}

const char *search_model_member_term(const search_model *m, uint32_t i, size_t *len)
{
    *len = m->syn_vocab[i].len;
    return m->vocab_base + m->syn_vocab[i].off;
}

int search_model_smalltalk_word(const search_model *m, uint32_t l, const char *w, size_t n)
{
    return (index_model_word(&m->words, l, w, n) & IX_MODEL_SMALLTALK) != 0;
}

int search_model_smalltalk_term(const search_model *m, uint32_t l, const char *t, size_t n)
{
    return (index_model_word(&m->words, l, t, n) & IX_MODEL_SMALLTALK_TERM) != 0;
}

int search_model_lang_word(const search_model *m, uint32_t l, const char *w, size_t n)
{
    return (index_model_word(&m->words, l, w, n) & IX_MODEL_LANG) != 0;
}

int search_model_synonym_word(const search_model *m, uint32_t l, const char *w, size_t n)
{
    return (index_model_word(&m->words, l, w, n) & IX_MODEL_SYNONYM) != 0;
}

const st_phrase *search_model_smalltalk(const search_model *m, size_t *n)
{
    *n = m->n_st;
    return m->st;
}

/* model_dict_get()'s opener of the talk: a pack that would not parse is
 * faqbot's own fault, caught by its tests, so any failure is memory's. */
static int open_pack_talk(const struct model_dict *d, const char *code, void **out)
{
    (void)code;
    char why[256];
    pack_talk *pt;
    if (pack_talk_new(d->ix, &pt, why, sizeof why) != 0)
        return -1;
    *out = pt;
    return 0;
}

int search_model_pack_talk(const search_model *m, const pack_talk **out)
{
    void *p = NULL;
    int rc = model_dict_get(m->talk, open_pack_talk, NULL, &p);
    *out = p;
    return rc;
}

const st_phrase *search_model_smalltalk_of(const search_model *m, uint32_t l, size_t *n)
{
    *n = m->st_lang_from[l + 1] - m->st_lang_from[l];
    return m->st + m->st_lang_from[l];
}

double search_model_max_idf(const search_model *m, uint32_t l) { return m->max_idf[l]; }

double search_model_term_share(const search_model *m, uint32_t term)
{
    const ix_term *T = &m->ix->terms[term];
    double N = m->ix->langs[T->lang].n_faq;
    return N > 0 && T->df < N ? T->df / N : N > 0;
}

int search_model_translates(const search_model *m, uint32_t l)
{
    return l < 64 && (m->translates >> l & 1);
}

int search_model_serves(const search_model *m, uint32_t l, uint32_t term)
{
    return m->ix->lacking && l < 64 && (m->ix->lacking[term] >> l & 1);
}
