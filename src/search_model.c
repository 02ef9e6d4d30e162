/* search_model.c: the tables a search reads besides the index, built once
 * per index (see search_model.h). */
#include "search_model.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "hash.h"
#include "index_internal.h"
#include "limits.h"

/* (language, folded word) pairs in an open-addressing hash set that owns
 * its words: the vocabulary a language shows besides its FAQ's. */
typedef struct wordset {
    struct ws_item { uint32_t lang, len; char *word; } *items;
    size_t cap, n;
} wordset;

struct search_model {
    const faq_index *ix;
    analyzer **an;              /* per language: what each searcher's share */
    syn_entry *syn;             /* sorted by key */
    size_t n_syn;
    uint32_t *syn_terms;
    size_t n_syn_terms;
    /* the one-word members' terms, sorted by language then bytes, for a
     * question's word one edit from one ("attend" for "attendre") */
    buf syn_text;               /* the terms, each NUL-ended */
    ix_str *syn_vocab;
    size_t n_syn_vocab, syn_vocab_cap;
    uint32_t syn_vocab_first[FAQ_MAX_LANGS], syn_vocab_count[FAQ_MAX_LANGS];
    double *max_idf;            /* per language */
    st_phrase *st;              /* small talk phrases */
    size_t n_st;
    wordset st_words;           /* every word of the small talk, by language */
    wordset st_terms;           /* every key term of the small talk, by language */
    wordset syn_words;          /* every one-word member of synonyms.txt, by language */
    wordset lang_words;         /* all four above, one lookup for the language's evidence */
    st_word *st_list;           /* the small talk's distinct words, by language and first byte */
    size_t n_st_list;
    uint32_t (*st_from)[257];   /* per language: where each first byte's words start */
    struct model_dict *lex;     /* per language: its dictionary (lexicon *) */
    struct model_dict *thes;    /* per language: its thesaurus (thesaurus *) */
};

/* A language's dictionary or thesaurus, one for every thread of the index:
 * loading one takes up to a tenth of a second and megabytes (the process
 * keeps each, lemma.h and thesaurus.h; the model asks once). Opened on
 * first use under the lock; once opened, read without it, as every
 * question asks. */
struct model_dict {
    pthread_mutex_t mu;
    atomic_int ready;           /* p is set for good */
    void *p;
};

/* d's, opened by open (language code) on the first call: 0, or -1 when
 * memory ran out (tried again next call). */
static int model_dict_get(struct model_dict *d, int (*open)(const char *code, void **out),
                          const char *code, void **out)
{
    if (atomic_load_explicit(&d->ready, memory_order_acquire)) {
        *out = d->p;
        return 0;
    }
    int rc = 0;
    pthread_mutex_lock(&d->mu);
    if (!atomic_load_explicit(&d->ready, memory_order_relaxed) && (rc = open(code, &d->p)) == 0)
        atomic_store_explicit(&d->ready, 1, memory_order_release);
    *out = d->p;
    pthread_mutex_unlock(&d->mu);
    return rc;
}

static int open_lexicon(const char *code, void **out)
{
    lexicon *lx;
    int rc = lexicon_open(code, NULL, &lx);
    *out = lx;
    return rc;
}

static int open_thesaurus(const char *code, void **out)
{
    thesaurus *th;
    int rc = thesaurus_open(code, NULL, &th);
    *out = th;
    return rc;
}

static int wordset_has(const wordset *ws, uint32_t l, const char *w, size_t n)
{
    if (!ws->cap)
        return 0;
    size_t mask = ws->cap - 1;
    for (size_t i = ix_hash(l, w, n) & mask; ws->items[i].word; i = (i + 1) & mask)
        if (ws->items[i].lang == l && ws->items[i].len == n && memcmp(ws->items[i].word, w, n) == 0)
            return 1;
    return 0;
}

static void wordset_put(struct ws_item *items, size_t cap, struct ws_item it)
{
    size_t i = ix_hash(it.lang, it.word, it.len) & (cap - 1);
    while (items[i].word)
        i = (i + 1) & (cap - 1);
    items[i] = it;
}

static int wordset_add(wordset *ws, uint32_t l, const char *w, size_t n)
{
    if (wordset_has(ws, l, w, n))
        return 0;
    if ((ws->n + 1) * 2 > ws->cap) {
        size_t cap = ws->cap ? ws->cap * 2 : 64;
        struct ws_item *items = calloc(cap, sizeof *items);
        if (!items)
            return -1;
        for (size_t i = 0; i < ws->cap; i++)
            if (ws->items[i].word)
                wordset_put(items, cap, ws->items[i]);
        free(ws->items);
        ws->items = items;
        ws->cap = cap;
    }
    char *copy = malloc(n + 1);
    if (!copy)
        return -1;
    memcpy(copy, w, n);
    copy[n] = '\0';
    wordset_put(ws->items, ws->cap, (struct ws_item){l, (uint32_t)n, copy});
    ws->n++;
    return 0;
}

static void wordset_free(wordset *ws)
{
    for (size_t i = 0; i < ws->cap; i++)
        free(ws->items[i].word);
    free(ws->items);
}


static int cmp_syn(const void *a, const void *b)
{
    const syn_entry *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;   /* groups in file order */
}

static uint64_t syn_key(uint32_t lang, const char *stem, size_t n)
{
    return hash_bytes(HASH_SEED ^ ((uint64_t)lang << 56), stem, n);
}

/* Keep a one-word member's term for the variant lookup, in its sorted
 * place among the terms of its language (those from first on), once. A
 * qsort would need the text as context, which only a global could give,
 * and searchers are made on several threads. */
static int keep_member_term(search_model *m, size_t first, const char *term, size_t n)
{
    size_t lo = first, hi = m->n_syn_vocab;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const ix_str *x = &m->syn_vocab[mid];
        size_t k = x->len < n ? x->len : n;
        int c = memcmp(m->syn_text.s + x->off, term, k);
        if (c == 0)
            c = (x->len > n) - (x->len < n);
        if (c == 0)
            return 0;   /* kept already */
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (grow(&m->syn_vocab, &m->syn_vocab_cap, m->n_syn_vocab + 1, sizeof *m->syn_vocab, 128) != 0)
        return -1;
    size_t off = m->syn_text.len;
    if (buf_add_str0(&m->syn_text, term, n) != BUF_OK)
        return -1;
    memmove(m->syn_vocab + lo + 1, m->syn_vocab + lo, (m->n_syn_vocab - lo) * sizeof *m->syn_vocab);
    m->syn_vocab[lo] = (ix_str){(uint32_t)off, (uint32_t)n};
    m->n_syn_vocab++;
    return 0;
}

/* synonyms.txt: one group a line, members separated by commas. A member of
 * one word stands for the others; a phrase stands in the index as its
 * group's mark (analyzer_set_synonyms). A member need not be in the FAQ: a
 * question's word that is only in synonyms.txt still finds the members
 * that are. */
typedef struct syn_load {
    search_model *m;
    uint32_t lang;
    size_t vocab_first;         /* where the language's member terms start */
    size_t cap_syn, cap_terms;
} syn_load;

static int on_syn_group(void *ctx, const synonym_member *ms, int n)
{
    syn_load *ld = ctx;
    search_model *md = ld->m;
    const faq_index *ix = md->ix;
    uint32_t l = ld->lang;
    uint64_t keys[ANALYZER_MAX_MEMBERS + 1];
    uint32_t terms[ANALYZER_MAX_MEMBERS + 1];
    int nk = 0, nt = 0, phrases = 0;
    char mark[FAQ_MAX_TERM_BYTES * 4 + 2] = "";
    for (int i = 0; i < n; i++) {
        const synonym_member *m = &ms[i];
        phrases += m->n_words > 1;
        if (m->n_words != 1 || m->n_stop || !m->term_len || m->term_len >= sizeof mark - 1)
            continue;   /* "learn more" is a phrase, not "learn" */
        if (wordset_add(&md->syn_words, l, m->word, m->word_len) != 0 ||
            keep_member_term(md, ld->vocab_first, m->term, m->term_len) != 0)
            return -1;
        if (!mark[0]) {
            mark[0] = ANALYZER_GROUP_MARK;
            memcpy(mark + 1, m->term, m->term_len);
            mark[m->term_len + 1] = '\0';
        }
        keys[nk++] = syn_key(l, m->term, m->term_len);
        uint32_t term = ix_find_term(ix, l, m->term, m->term_len);
        int dup = term == IX_NONE;
        for (int k = 0; k < nt && !dup; k++)
            dup = terms[k] == term;
        if (!dup)
            terms[nt++] = term;
    }
    if (phrases && mark[0]) {
        /* the group's phrases stand in the index as its mark: the group's
         * words find it, first since a word takes only its first max_synonyms
         * synonyms, and the mark, said by a phrase of the question, finds
         * them */
        size_t ml = strlen(mark);
        keys[nk++] = syn_key(l, mark, ml);
        uint32_t term = ix_find_term(ix, l, mark, ml);
        if (term != IX_NONE) {
            memmove(terms + 1, terms, (size_t)nt * sizeof *terms);
            terms[0] = term;
            nt++;
        }
    }
    for (int a = 0; a < nk && nt > 0; a++) {
        if (grow(&md->syn, &ld->cap_syn, md->n_syn + 1, sizeof *md->syn, 64) != 0)
            return -1;
        if (grow(&md->syn_terms, &ld->cap_terms, md->n_syn_terms + (size_t)nt,
                 sizeof *md->syn_terms, 256) != 0)
            return -1;
        syn_entry *e = &md->syn[md->n_syn++];
        e->key = keys[a];
        e->first = (uint32_t)md->n_syn_terms;
        e->count = (uint32_t)nt;
        memcpy(md->syn_terms + md->n_syn_terms, terms, (size_t)nt * sizeof *terms);
        md->n_syn_terms += (size_t)nt;
    }
    return 0;
}

/* Words, each NUL-ended, one after another; how many; whether one did not
 * fit. */
typedef struct wordlist {
    buf b;
    size_t n;
    int failed;
} wordlist;

static int collect_word(void *ctx, const token *t)
{
    if (t->is_synonym)
        return 0;   /* only what the text says */
    wordlist *w = ctx;
    if (buf_add_str0(&w->b, t->word, t->word_len) != BUF_OK) {
        w->failed = 1;
        return 1;
    }
    w->n++;
    return 0;
}

/* A word that is not a stop word: its term, then the word itself. Question
 * words ("qué", "how") say nothing of which small talk it is. */
static int collect_key(void *ctx, const token *t)
{
    if (t->is_qword && !t->is_stop)
        return 0;
    token u = *t;
    u.word = t->term;
    u.word_len = t->term_len;
    return collect_word(ctx, &u) || collect_word(ctx, t);
}

static int add_phrase(search_model *m, uint32_t entry, uint32_t lang, const char *text, size_t len,
                      size_t *cap)
{
    wordlist w = {BUF_INIT(FAQ_MAX_FILE_BYTES), 0, 0}, k = {BUF_INIT(FAQ_MAX_FILE_BYTES), 0, 0};
    analyzer_keep_stopwords(m->an[lang], 1);
    analyzer_run(m->an[lang], text, len, collect_word, &w);
    analyzer_keep_stopwords(m->an[lang], 0);
    analyzer_run(m->an[lang], text, len, collect_key, &k);

    if (w.failed || k.failed || !w.n) {
        buf_free(&w.b);
        buf_free(&k.b);
        return w.failed || k.failed ? -1 : 0;
    }
    if (grow(&m->st, cap, m->n_st + 1, sizeof *m->st, 32) != 0) {
        buf_free(&w.b);
        buf_free(&k.b);
        return -1;
    }
    m->st[m->n_st++] = (st_phrase){entry, lang, buf_take(&w.b), w.n, buf_take(&k.b), k.n / 2,
                                  NULL, NULL, NULL, NULL};
    return 0;
}

static int index_smalltalk_words(search_model *m)
{
    for (size_t k = 0; k < m->n_st; k++) {
        st_phrase *p = &m->st[k];
        p->word_len = malloc((p->n_words + 1) * sizeof *p->word_len);
        p->word_cp = malloc((p->n_words + 1) * sizeof *p->word_cp);
        p->key_len = malloc((2 * p->n_keys + 1) * sizeof *p->key_len);
        p->key_cp = malloc((p->n_keys + 1) * sizeof *p->key_cp);
        if (!p->word_len || !p->word_cp || !p->key_len || !p->key_cp)
            return -1;
        const char *x = p->words;
        for (size_t j = 0; j < p->n_words; j++) {
            size_t n = strlen(x);
            if (wordset_add(&m->st_words, p->lang, x, n) != 0)
                return -1;
            p->word_len[j] = (uint32_t)n;
            p->word_cp[j] = typo_cp_count(x, n);
            x += n + 1;
        }
        x = p->keys;
        for (size_t j = 0; j < 2 * p->n_keys; j++) {
            size_t n = strlen(x);
            if (j % 2 == 0 && wordset_add(&m->st_terms, p->lang, x, n) != 0)
                return -1;
            p->key_len[j] = (uint32_t)n;
            if (j % 2)
                p->key_cp[j / 2] = typo_cp_count(x, n);
            x += n + 1;
        }
    }
    return 0;
}

typedef struct lang_words_ctx { search_model *m; uint32_t l; } lang_words_ctx;

static int add_lang_word(void *ctx, const char *w, size_t n, int q)
{
    lang_words_ctx *c = ctx;
    (void)q;
    return wordset_add(&c->m->lang_words, c->l, w, n);
}

/* The words that tell a language (langev.c): its stop and question words,
 * its small talk's words, its synonyms' one-word members. */
static int collect_lang_words(search_model *m)
{
    for (uint32_t l = 0; l < m->ix->n_langs; l++) {
        lang_words_ctx c = {m, l};
        if (analyzer_each_stopword(m->an[l], add_lang_word, &c) != 0)
            return -1;
    }
    const wordset *sets[2] = {&m->st_words, &m->syn_words};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < sets[k]->cap; i++) {
            const struct ws_item *it = &sets[k]->items[i];
            if (it->word && wordset_add(&m->lang_words, it->lang, it->word, it->len) != 0)
                return -1;
        }
    return 0;
}

static int cmp_st_word(const void *a, const void *b)
{
    const st_word *x = a, *y = b;
    if (x->lang != y->lang)
        return x->lang < y->lang ? -1 : 1;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->w, y->w, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The small talk's words once each, by language and first byte: a word of
 * the question one typo from one of them shares its first byte (an edit of
 * the first letter is not counted as one typo), so it is compared with
 * those alone. */
static int list_smalltalk_words(search_model *m)
{
    size_t n = 0;
    for (size_t k = 0; k < m->n_st; k++)
        n += m->st[k].n_words;
    m->st_list = malloc((n + 1) * sizeof *m->st_list);
    m->st_from = calloc(m->ix->n_langs, sizeof *m->st_from);
    if (!m->st_list || !m->st_from)
        return -1;
    for (size_t k = 0; k < m->n_st; k++) {
        const st_phrase *p = &m->st[k];
        const char *x = p->words;
        for (size_t j = 0; j < p->n_words; j++) {
            if (p->word_len[j])
                m->st_list[m->n_st_list++] = (st_word){x, p->word_len[j], p->word_cp[j], p->lang};
            x += p->word_len[j] + 1;
        }
    }
    qsort(m->st_list, m->n_st_list, sizeof *m->st_list, cmp_st_word);
    size_t kept = 0;
    for (size_t i = 0; i < m->n_st_list; i++)
        if (!kept || cmp_st_word(&m->st_list[kept - 1], &m->st_list[i]) != 0)
            m->st_list[kept++] = m->st_list[i];
    m->n_st_list = kept;
    /* st_from[l][b]: the first word of language l whose first byte is b or
     * more (or of a later language); [256]: the end of language l's */
    size_t i = 0;
    for (uint32_t l = 0; l < m->ix->n_langs; l++)
        for (unsigned b = 0; b <= 256; b++) {
            while (i < kept && (m->st_list[i].lang < l ||
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

/* Where language L's small talk begins: from there to its end its entries
 * hold all of it. Small talk is at a language's end as a rule (the pack's
 * comes last, a folder's smalltalk.md sorts late), so the search from the
 * end touches few of the FAQ's entries, and a large index opens about as
 * fast as a small one. */
static uint32_t smalltalk_start(const faq_index *ix, const ix_lang *L)
{
    uint32_t want = L->entry_count - L->n_faq, found = 0, e = L->entry_first + L->entry_count;
    while (found < want && e > L->entry_first)
        found += ix->entries[--e].kind == ENTRY_SMALLTALK;
    return e;
}

static int add_smalltalk_entry(search_model *m, uint32_t e, size_t *cap)
{
    const ix_entry *E = &m->ix->entries[e];
    faq_entry fe;
    faq_index_entry(m->ix, e, &fe);
    if (add_phrase(m, e, E->lang, fe.question.s, fe.question.len, cap))
        return -1;
    const char *p = fe.alts.s, *end = fe.alts.s + fe.alts.len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        if (add_phrase(m, e, E->lang, p, (size_t)(eol - p), cap))
            return -1;
        p = eol + 1;
    }
    return 0;
}

/* The small-talk phrases, in the order of their entries. */
static int load_smalltalk(search_model *m)
{
    const faq_index *ix = m->ix;
    size_t cap = 0;
    uint32_t at = 0;   /* languages back to back, in order: each searched from its end */
    for (uint32_t l = 0; l < ix->n_langs && at != UINT32_MAX; l++)
        at = ix->langs[l].entry_first == at ? at + ix->langs[l].entry_count : UINT32_MAX;
    if (at != ix->n_entries) {
        for (uint32_t e = 0; e < ix->n_entries; e++)
            if (ix->entries[e].kind == ENTRY_SMALLTALK && add_smalltalk_entry(m, e, &cap))
                return -1;
        return 0;
    }
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        const ix_lang *L = &ix->langs[l];
        for (uint32_t e = smalltalk_start(ix, L); e < L->entry_first + L->entry_count; e++)
            if (ix->entries[e].kind == ENTRY_SMALLTALK && add_smalltalk_entry(m, e, &cap))
                return -1;
    }
    return 0;
}

analyzer *search_model_analyzer_new(const search_model *m, uint32_t l)
{
    return analyzer_clone(m->an[l]);   /* the model's stop words and phrases, shared */
}

/* Each language's analyzer, its stop words and its synonyms' phrases, and
 * the groups of synonyms.txt read in the same pass (on_syn_group). */
static int load_languages(search_model *m)
{
    const faq_index *ix = m->ix;
    syn_load ld = {m, 0, 0, 0, 0};
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        faq_str stop = faq_index_lang_stopwords(ix, l), syn = faq_index_lang_synonyms(ix, l);
        char *stopwords = malloc((size_t)stop.len + 1);   /* the analyzer reads it NUL-ended */
        if (!stopwords)
            return -1;
        memcpy(stopwords, stop.s, stop.len);
        stopwords[stop.len] = '\0';
        m->an[l] = analyzer_new(ix->langs[l].code, stopwords);
        free(stopwords);
        ld.lang = l;
        ld.vocab_first = m->n_syn_vocab;
        if (!m->an[l] ||
            (syn.len && analyzer_set_synonyms_each(m->an[l], syn.s, syn.len, on_syn_group, &ld) != 0))
            return -1;
        m->syn_vocab_first[l] = (uint32_t)ld.vocab_first;
        m->syn_vocab_count[l] = (uint32_t)(m->n_syn_vocab - ld.vocab_first);
        double N = ix->langs[l].n_faq;
        m->max_idf[l] = log(1.0 + (N + 0.5) / 0.5);
    }
    if (m->n_syn)
        qsort(m->syn, m->n_syn, sizeof *m->syn, cmp_syn);
    return 0;
}

static void free_analyzers(search_model *m)
{
    if (m->an)
        for (uint32_t l = 0; l < m->ix->n_langs; l++)
            analyzer_free(m->an[l]);
    free(m->an);
    m->an = NULL;
}

search_model *search_model_new(const faq_index *ix)
{
    search_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->ix = ix;
    m->syn_text = BUF_INIT(FAQ_MAX_FILE_BYTES);
    m->an = calloc(ix->n_langs, sizeof *m->an);
    m->max_idf = calloc(ix->n_langs, sizeof *m->max_idf);
    m->lex = calloc(ix->n_langs, sizeof *m->lex);
    m->thes = calloc(ix->n_langs, sizeof *m->thes);
    for (uint32_t l = 0; m->lex && m->thes && l < ix->n_langs; l++) {
        pthread_mutex_init(&m->lex[l].mu, NULL);
        pthread_mutex_init(&m->thes[l].mu, NULL);
        atomic_init(&m->lex[l].ready, 0);
        atomic_init(&m->thes[l].ready, 0);
    }
    if (!m->an || !m->max_idf || !m->lex || !m->thes || load_languages(m) != 0 ||
        load_smalltalk(m) != 0 || index_smalltalk_words(m) != 0 ||
        list_smalltalk_words(m) != 0 || collect_lang_words(m) != 0) {
        search_model_free(m);
        return NULL;
    }
    /* the analyzers stay, never run again: each searcher's are copies of
     * them (search_model_analyzer_new()), which share their stop words and
     * phrases */
    return m;
}

void search_model_free(search_model *m)
{
    if (!m)
        return;
    free_analyzers(m);
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
    free(m->max_idf);
    free(m->syn);
    free(m->syn_terms);
    for (size_t i = 0; i < m->n_st; i++) {
        free(m->st[i].words);
        free(m->st[i].keys);
        free(m->st[i].word_len);
        free(m->st[i].word_cp);
        free(m->st[i].key_len);
        free(m->st[i].key_cp);
    }
    free(m->st);
    free(m->st_list);
    free(m->st_from);
    wordset_free(&m->st_words);
    wordset_free(&m->st_terms);
    wordset_free(&m->syn_words);
    wordset_free(&m->lang_words);
    buf_free(&m->syn_text);
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

void search_model_warm(const search_model *m)
{
    for (uint32_t l = 0; l < faq_index_lang_count(m->ix); l++) {
        lexicon *lx;
        thesaurus *th;
        (void)search_model_lexicon(m, l, &lx);   /* out of memory: on first use */
        (void)search_model_thesaurus(m, l, &th);
    }
}

size_t search_model_synonyms(const search_model *m, uint32_t lang, const char *stem, size_t n,
                             const syn_entry **first)
{
    uint64_t key = syn_key(lang, stem, n);
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

uint32_t search_model_member_vocab(const search_model *m, uint32_t l, typo_vocab *v)
{
    *v = (typo_vocab){m->syn_text.s, m->syn_vocab, sizeof(ix_str), 0, m->syn_vocab_first[l],
                      m->syn_vocab_count[l]};
    return m->syn_vocab_count[l];
}

const char *search_model_member_term(const search_model *m, uint32_t i, size_t *len)
{
    *len = m->syn_vocab[i].len;
    return m->syn_text.s + m->syn_vocab[i].off;
}

int search_model_smalltalk_word(const search_model *m, uint32_t l, const char *w, size_t n)
{
    return wordset_has(&m->st_words, l, w, n);
}

int search_model_smalltalk_term(const search_model *m, uint32_t l, const char *t, size_t n)
{
    return wordset_has(&m->st_terms, l, t, n);
}

int search_model_lang_word(const search_model *m, uint32_t l, const char *w, size_t n)
{
    return wordset_has(&m->lang_words, l, w, n);
}

int search_model_synonym_word(const search_model *m, uint32_t l, const char *w, size_t n)
{
    return wordset_has(&m->syn_words, l, w, n);
}

const st_phrase *search_model_smalltalk(const search_model *m, size_t *n)
{
    *n = m->n_st;
    return m->st;
}

double search_model_max_idf(const search_model *m, uint32_t l) { return m->max_idf[l]; }

double search_model_term_share(const search_model *m, uint32_t term)
{
    const ix_term *T = &m->ix->terms[term];
    double N = m->ix->langs[T->lang].n_faq;
    return N > 0 && T->df < N ? T->df / N : N > 0;
}

int search_model_serves(const search_model *m, uint32_t l, uint32_t term)
{
    return m->ix->lacking && l < 64 && (m->ix->lacking[term] >> l & 1);
}
