/* index_analyze.c: the per-entry work of an index build (index_analyze.h). */
#include "index_analyze.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"


/* ---- bytes ---- */

/* n more bytes at the end, to be written by the caller; NULL (and oom
 * set) when memory ran out. */
static void *bytes_grow(bytes *b, size_t n)
{
    if (b->oom)
        return NULL;
    if (b->len + n < b->len || grow(&b->p, &b->cap, b->len + n, 1, 4096) != 0) {
        b->oom = 1;
        return NULL;
    }
    void *at = b->p + b->len;
    b->len += n;
    return at;
}

void bytes_put(bytes *b, const void *src, size_t n)
{
    void *at = bytes_grow(b, n);
    if (at && n)
        memcpy(at, src, n);
}

/* ---- keymap ---- */

int keymap_init(keymap *m)
{
    memset(m, 0, sizeof *m);
    m->cap = 1024;
    m->slots = calloc(m->cap, sizeof *m->slots);
    return m->slots ? 0 : -1;
}

void keymap_free(keymap *m)
{
    free(m->slots);
    free(m->keys);
    free(m->langs);
    memset(m, 0, sizeof *m);
}

static int keymap_rehash(keymap *m, const bytes *strings)
{
    size_t cap = m->cap * 2;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t v = 0; v < m->count; v++) {
        ix_str k = m->keys[v];
        size_t i = ix_hash(m->langs[v], (const char *)strings->p + k.off, k.len) & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = (uint32_t)v + 1;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

uint32_t keymap_get(keymap *m, bytes *strings, uint32_t lang, const char *s, size_t n,
                    int *added)
{
    *added = 0;
    size_t i = ix_hash(lang, s, n) & (m->cap - 1);
    while (m->slots[i]) {
        uint32_t v = m->slots[i] - 1;
        ix_str k = m->keys[v];
        if (m->langs[v] == lang && k.len == n && memcmp(strings->p + k.off, s, n) == 0)
            return v;
        i = (i + 1) & (m->cap - 1);
    }
    if (m->count == m->keys_cap) {   /* two arrays of one capacity */
        size_t cap = m->keys_cap, langs_cap = m->keys_cap;
        if (grow(&m->keys, &cap, m->count + 1, sizeof *m->keys, 1024) != 0 ||
            grow(&m->langs, &langs_cap, m->count + 1, sizeof *m->langs, 1024) != 0)
            return UINT32_MAX;
        m->keys_cap = cap;
    }
    uint32_t v = (uint32_t)m->count++;
    m->keys[v] = (ix_str){(uint32_t)strings->len, (uint32_t)n};
    bytes_put(strings, s, n);
    m->langs[v] = lang;
    m->slots[i] = v + 1;
    *added = 1;
    if (strings->oom)
        return UINT32_MAX;
    if (m->count * 2 > m->cap && keymap_rehash(m, strings) != 0)
        return UINT32_MAX;
    return v;
}

static size_t keymap_bytes(const keymap *m)
{
    return m->cap * sizeof *m->slots + m->keys_cap * (sizeof *m->keys + sizeof *m->langs);
}

/* A key as keymap_sort() compares it: qsort has no context argument, so
 * each carries its bytes (no global, so two builds may run at once). */
typedef struct sort_key {
    uint32_t lang, len;
    const unsigned char *p;
    uint32_t v;                   /* its provisional number */
} sort_key;

static int cmp_key(const void *x, const void *y)
{
    const sort_key *a = x, *b = y;
    if (a->lang != b->lang)
        return a->lang < b->lang ? -1 : 1;
    int c = memcmp(a->p, b->p, a->len < b->len ? a->len : b->len);
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

int keymap_sort(const keymap *m, const bytes *strings, uint32_t **order, uint32_t **rank)
{
    *order = malloc((m->count + 1) * sizeof **order);
    *rank = malloc((m->count + 1) * sizeof **rank);
    sort_key *k = malloc((m->count + 1) * sizeof *k);
    if (!*order || !*rank || !k) {
        free(k);
        return -1;
    }
    for (size_t i = 0; i < m->count; i++)
        k[i] = (sort_key){m->langs[i], m->keys[i].len, strings->p + m->keys[i].off, (uint32_t)i};
    qsort(k, m->count, sizeof *k, cmp_key);
    for (size_t i = 0; i < m->count; i++) {
        (*order)[i] = k[i].v;
        (*rank)[k[i].v] = (uint32_t)i;
    }
    free(k);
    return 0;
}

uint32_t *keymap_hash_table(const keymap *m, const bytes *strings, const uint32_t *order,
                            size_t *cap_out)
{
    size_t cap = 16;
    while (cap < m->count * 2)
        cap <<= 1;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t)
        return NULL;
    for (size_t f = 0; f < m->count; f++) {
        uint32_t v = order[f];
        ix_str k = m->keys[v];
        size_t i = ix_hash(m->langs[v], (const char *)strings->p + k.off, k.len) & (cap - 1);
        while (t[i])
            i = (i + 1) & (cap - 1);
        t[i] = (uint32_t)f + 1;
    }
    *cap_out = cap;
    return t;
}

/* ---- the work ---- */

int ana_init(ana *a, int second)
{
    memset(a, 0, sizeof *a);
    a->track_dirty = second;
    return keymap_init(&a->terms) || keymap_init(&a->words) || keymap_init(&a->forms) ||
                   keymap_init(&a->cased) || keymap_init(&a->compounds)
               ? -1
               : 0;
}

void ana_free(ana *a)
{
    for (size_t l = 0; l < FAQ_MAX_LANGS; l++) {
        analyzer_free(a->an[l]);
        analyzer_free(a->lemma_an[l]);
        lexicon_free(a->lex[l]);
    }
    free(a->strings.p);
    keymap_free(&a->terms);
    keymap_free(&a->words);
    keymap_free(&a->forms);
    free(a->form_text.p);
    free(a->form_lemma);
    keymap_free(&a->cased);
    free(a->cased_text.p);
    free(a->compound_text.p);
    keymap_free(&a->compounds);
    free(a->form_parts);
    free(a->part_terms);
    free(a->winfo);
    free(a->recs);
    free(a->qseq.p);
    free(a->ewords.p);
    free(a->toks.p);
    free(a->alts_text.p);
    free(a->tmap);
    free(a->wmap);
    free(a->dirty);
    free(a->etf_terms);
    free(a->etf);
    free(a->seen_entry);
    free(a->seen_slot);
    memset(a, 0, sizeof *a);
}

void ana_drop_dictionaries(ana *a)
{
    for (size_t l = 0; l < FAQ_MAX_LANGS; l++) {
        analyzer_free(a->lemma_an[l]);
        lexicon_free(a->lex[l]);
        a->lemma_an[l] = NULL;
        a->lex[l] = NULL;
    }
}

int ana_lang(ana *a, uint32_t l, const char *code, const char *stopwords, const char *synonyms,
             int dictionary)
{
    if (!(a->an[l] = analyzer_new(code, stopwords)))
        return -1;
    analyzer_cache_stems(a->an[l]);
    if (analyzer_set_synonyms(a->an[l], synonyms) != 0)
        return -2;
    /* a language without a dictionary has no lemmas */
    if (dictionary && lexicon_open(code, NULL, &a->lex[l]) != 0)
        return -2;
    if (a->lex[l] && !(a->lemma_an[l] = analyzer_new(code, stopwords)))
        return -2;
    if (stopwords)
        decompound_links_parse(&a->links[l], stopwords);
    return 0;
}

size_t ana_bytes(const ana *a)
{
    return a->strings.cap + keymap_bytes(&a->terms) + keymap_bytes(&a->words) +
           a->winfo_cap * sizeof *a->winfo + a->seen_cap * 2 * sizeof *a->seen_entry +
           (a->terms_merged + a->words_merged) * sizeof(uint32_t) +
           a->dirty_cap * sizeof *a->dirty + a->form_text.cap + keymap_bytes(&a->forms) +
           a->cased_text.cap + keymap_bytes(&a->cased) +
           a->form_lemma_cap * sizeof *a->form_lemma + a->compound_text.cap +
           keymap_bytes(&a->compounds) + a->form_parts_cap * sizeof *a->form_parts +
           a->part_terms_cap * sizeof *a->part_terms;
}

static int winfo_reserve(ana *a)
{
    return grow(&a->winfo, &a->winfo_cap, a->words.count, sizeof *a->winfo, 1024);
}

/* Word w's df grew: a second thread lists it for the next merge. */
static int mark_dirty(ana *a, uint32_t w)
{
    if (!a->track_dirty || a->winfo[w].df != 1)
        return 0;
    if (grow(&a->dirty, &a->dirty_cap, a->n_dirty + 1, sizeof *a->dirty, 1024) != 0)
        return -1;
    a->dirty[a->n_dirty++] = w;
    return 0;
}

/* Count term in the entry being analyzed, in the current field. */
static int post_term(ana *a, uint32_t term)
{
    ana_item *it = a->it;
    /* the term's slot among the entry's distinct terms, found in O(1):
     * a search of them would make an entry cost the square of its length */
    if (term >= a->seen_cap) {   /* two arrays of one capacity */
        size_t cap = a->seen_cap, slot_cap = a->seen_cap;
        if (grow(&a->seen_entry, &cap, (size_t)term + 1, sizeof *a->seen_entry, 1024) != 0 ||
            grow(&a->seen_slot, &slot_cap, (size_t)term + 1, sizeof *a->seen_slot, 1024) != 0)
            return -1;
        memset(a->seen_entry + a->seen_cap, 0, (cap - a->seen_cap) * sizeof *a->seen_entry);
        a->seen_cap = cap;
    }
    if (a->seen_entry[term] == it->entry + 1) {
        uint32_t i = a->seen_slot[term];
        if (a->etf[i][a->field] < UINT16_MAX)
            a->etf[i][a->field]++;
        return 0;
    }
    if (a->n_etf == a->etf_cap) {   /* two arrays of one capacity */
        size_t cap = a->etf_cap, etf_cap = a->etf_cap;
        if (grow(&a->etf_terms, &cap, a->n_etf + 1, sizeof *a->etf_terms, 256) != 0 ||
            grow(&a->etf, &etf_cap, a->n_etf + 1, sizeof *a->etf, 256) != 0)
            return -1;
        a->etf_cap = cap;
    }
    a->seen_entry[term] = it->entry + 1;
    a->seen_slot[term] = (uint32_t)a->n_etf;
    a->etf_terms[a->n_etf] = term;
    a->etf[a->n_etf][0] = a->field == 0;
    a->etf[a->n_etf][1] = a->field == 1;
    a->n_etf++;
    return 0;
}

/* The term of the lemma of t's form (lemma_term), or UINT32_MAX when it
 * has none; *oom set when memory ran out. */
static uint32_t form_lemma(ana *a, const token *t, int *oom)
{
    uint32_t l = a->it->lang;
    char key[FAQ_MAX_TERM_BYTES * 4 + 2];
    key[0] = LEMMA_MARK;
    long n = lemma_term(a->lex[l], a->lemma_an[l], t->lower, t->lower_len, t->term, t->term_len,
                        key + 1, sizeof key - 1);
    *oom = n < 0;
    if (n <= 0)
        return UINT32_MAX;
    int added;
    uint32_t v = keymap_get(&a->terms, &a->strings, l, key, (size_t)n + 1, &added);
    *oom = v == UINT32_MAX;
    return v;
}

/* The term of the lemma of t's form, a form of word w: asked of the
 * dictionary once per form and thread. */
static uint32_t token_lemma(ana *a, const token *t, uint32_t w, int *oom)
{
    if (!a->lex[a->it->lang])
        return UINT32_MAX;
    if (t->lower_len == t->word_len && memcmp(t->lower, t->word, t->word_len) == 0) {
        if (a->winfo[w].plain == LEMMA_UNASKED)
            a->winfo[w].plain = form_lemma(a, t, oom);
        return a->winfo[w].plain;
    }
    int added;
    uint32_t f = keymap_get(&a->forms, &a->form_text, a->it->lang, t->lower, t->lower_len, &added);
    if (f == UINT32_MAX || (added && grow(&a->form_lemma, &a->form_lemma_cap, (size_t)f + 1,
                                          sizeof *a->form_lemma, 1024) != 0)) {
        *oom = 1;
        return UINT32_MAX;
    }
    if (added)
        a->form_lemma[f] = form_lemma(a, t, oom);
    return a->form_lemma[f];
}

/* ---- a compound's parts ---- */

/* decompound_has_fn of the language's dictionary: a word it knows, and of
 * those, one it holds on its own (it gives a stem, in lower case or
 * capitalised: German's nouns) is not split further. */
typedef struct part_term_ctx {
    const char *stem;           /* the compound's own term */
    size_t stem_len;
    char *out;
    size_t cap, len;
} part_term_ctx;

static int on_part_token(void *ctx, const token *t)
{
    part_term_ctx *p = ctx;
    if (t->is_stop || t->is_synonym)
        return 1;   /* a stop word is no part worth a term */
    if (t->term_len + 1 < p->cap &&
        !(t->term_len == p->stem_len && memcmp(t->term, p->stem, t->term_len) == 0)) {
        memcpy(p->out + 1, t->term, t->term_len);
        p->len = t->term_len + 1;
    }
    return 1;
}

/* The parts of t's form (lower case), asked of the dictionary: their
 * marked terms appended to part_terms behind their count. Returns 0, or
 * -1 when memory ran out. */
static int form_parts(ana *a, const token *t)
{
    uint32_t l = a->it->lang;
    size_t at = a->n_part_terms;
    if (grow(&a->part_terms, &a->part_terms_cap, at + 1 + DECOMPOUND_MAX_PARTS,
             sizeof *a->part_terms, 256) != 0)
        return -1;
    a->part_terms[a->n_part_terms++] = 0;
    lexicon *lx = a->lex[l];
    decompound_part parts[DECOMPOUND_MAX_PARTS];
    size_t n = lexicon_compound_parts(lx, &a->links[l], t->lower, t->lower_len, parts,
                                      DECOMPOUND_MAX_PARTS);
    int listed = n == 0;
    if (listed)
        n = lexicon_listed_compound_heads(lx, &a->links[l], t->lower, t->lower_len, parts,
                                          DECOMPOUND_MAX_PARTS);
    /* a listed word of a language that writes its nouns in lower case
     * ("fietsenstalling"): every part under the listed head's mark, so
     * that w_part_listed_head weighs (and 0 turns off) the whole rule */
    int lowercase = listed && n == 0;
    if (lowercase)
        n = lexicon_lowercase_listed_parts(lx, &a->links[l], t->lower, t->lower_len, parts,
                                           DECOMPOUND_MAX_PARTS);
    /* a head that is a stop word names no thing: the split is a misreading
     * ("Inst|aller", "Vorhanden|sein") */
    int named = n ? analyzer_names_word(a->lemma_an[l], t->lower + parts[n - 1].off,
                                        parts[n - 1].len)
                  : 0;
    if (named < 0)
        return -1;
    if (!named)
        n = 0;
    for (size_t i = 0; i < n; i++) {
        char key[FAQ_MAX_TERM_BYTES * 4 + 2];
        key[0] = i + 1 < n && !listed ? PART_MODIFIER_MARK
                 : listed ? PART_LISTED_HEAD_MARK : PART_HEAD_MARK;
        part_term_ctx p = {t->term, t->term_len, key, sizeof key, 0};
        if (analyzer_run(a->lemma_an[l], t->lower + parts[i].off, parts[i].len, on_part_token,
                         &p) < 0)
            return -1;
        if (!p.len)
            continue;
        int added;
        uint32_t v = keymap_get(&a->terms, &a->strings, l, key, p.len, &added);
        if (v == UINT32_MAX)
            return -1;
        a->part_terms[a->n_part_terms++] = v;
        a->part_terms[at]++;
    }
    return 0;
}

/* Post the parts' terms of t, a word of a compounding language, beside
 * its own term: asked of the dictionary once per form and thread. Returns
 * 0, or -1 when memory ran out. */
static int post_parts(ana *a, const token *t)
{
    uint32_t l = a->it->lang;
    if (!a->links[l].on || !a->lex[l] || !a->lemma_an[l] || !t->lower)
        return 0;
    int added;
    uint32_t f = keymap_get(&a->compounds, &a->compound_text, l, t->lower, t->lower_len, &added);
    if (f == UINT32_MAX || (added && grow(&a->form_parts, &a->form_parts_cap, (size_t)f + 1,
                                          sizeof *a->form_parts, 1024) != 0))
        return -1;
    if (added) {
        a->form_parts[f] = (uint32_t)a->n_part_terms;
        if (form_parts(a, t) != 0)
            return -1;
    }
    const uint32_t *p = a->part_terms + a->form_parts[f];
    for (uint32_t i = 0; i < p[0]; i++)
        if (post_term(a, p[1 + i]) != 0)
            return -1;
    return 0;
}

/* t as the text writes it, kept when it is not in lower case. Returns 0,
 * or -1 when memory ran out. */
static int cased_spelling(ana *a, const token *t)
{
    int added;
    if (!a->lex[a->it->lang] || !t->raw || !t->lower ||
        (t->raw_len == t->lower_len && memcmp(t->raw, t->lower, t->raw_len) == 0))
        return 0;
    return keymap_get(&a->cased, &a->cased_text, a->it->lang, t->raw, t->raw_len, &added) ==
                   UINT32_MAX
               ? -1
               : 0;
}

/* t to the entry's token stream. */
static void stream_token(ana *a, const token *t)
{
    unsigned char *at = bytes_grow(&a->toks, entry_stream_bound(t));
    if (at)
        a->toks.len -= entry_stream_bound(t) - entry_stream_put(&a->tok_enc, t, at);
}

static int on_stream_token(void *ctx, const token *t)
{
    stream_token(ctx, t);
    return 0;
}

/* The walk keeps stop words, for the stream; the index has none of them. */
static int on_token(void *ctx, const token *t)
{
    ana *a = ctx;
    ana_item *it = a->it;
    int added, oom = 0;
    if (a->in_toks)
        stream_token(a, t);
    if (t->is_stop)
        return 0;
    uint32_t term = keymap_get(&a->terms, &a->strings, it->lang, t->term, t->term_len, &added);
    if (term == UINT32_MAX)
        goto oom;
    uint32_t lemma = UINT32_MAX;
    if (t->is_synonym)
        goto posting;   /* a phrase's synonym: a term of the entry, not a word of its text */
    uint32_t w = keymap_get(&a->words, &a->strings, it->lang, t->word, t->word_len, &added);
    if (w == UINT32_MAX)
        goto oom;
    if (added) {
        if (winfo_reserve(a) != 0)
            goto oom;
        a->winfo[w] = (word_info){term, 0, UINT32_MAX, 0, UINT32_MAX, LEMMA_UNASKED};
    }
    lemma = token_lemma(a, t, w, &oom);
    if (oom || cased_spelling(a, t) != 0)
        goto oom;
    if (added)
        a->winfo[w].lemma = lemma;
    if (a->winfo[w].last_entry != it->entry) {
        a->winfo[w].last_entry = it->entry;
        a->winfo[w].df++;
        if (mark_dirty(a, w) != 0)
            goto oom;
    }
    if (a->in_shown && a->winfo[w].shown_entry != it->entry + 1) {
        a->winfo[w].shown_entry = it->entry + 1;
        bytes_put(&a->ewords, &w, sizeof w);
        it->n_ewords++;
    }
    a->field_len[a->field]++;
posting:
    if (a->in_qseq)
        bytes_put(&a->qseq, &term, sizeof term);
    /* the lemma's term beside the word's, in the same field; not in the
     * question's sequence, which holds what the text says */
    if (post_term(a, term) != 0 || (lemma != UINT32_MAX && post_term(a, lemma) != 0))
        goto oom;
    /* a compound's parts beside it, so that a question's "Platte" meets
     * the text's "Festplatte" */
    if (!t->is_synonym && post_parts(a, t) != 0)
        goto oom;
    return 0;
oom:
    a->oom = 1;
    return 1;
}

static int add_postings(ana *a, uint32_t entry)
{
    if (grow(&a->recs, &a->recs_cap, a->n_recs + a->n_etf, sizeof *a->recs, 4096) != 0)
        return -1;
    for (size_t i = 0; i < a->n_etf; i++)
        a->recs[a->n_recs++] = (posting_rec){.term = a->etf_terms[i], .group = entry,
                                             .tf_q = a->etf[i][0], .tf_a = a->etf[i][1]};
    return 0;
}

static void begin_stream(ana *a)
{
    a->in_toks = 1;
    entry_stream_begin(&a->tok_enc);
}

/* The stream of the alternate phrasings as the entry stores them, one a
 * line: read as one text (a walk of its own, the index reads each apart). */
static void stream_alts(ana *a, analyzer *an, const corpus_entry *ce)
{
    a->alts_text.len = 0;
    for (size_t k = 0; k < ce->n_alts; k++) {
        if (k)
            bytes_put(&a->alts_text, "\n", 1);
        bytes_put(&a->alts_text, ce->alts[k], strlen(ce->alts[k]));
    }
    if (!a->alts_text.len || a->alts_text.oom)
        return;
    entry_stream_begin(&a->tok_enc);
    analyzer_run(an, (const char *)a->alts_text.p, a->alts_text.len, on_stream_token, a);
}

/* An entry's terms, words, postings, question sequence and token streams. */
static void analyze_item(ana *a, ana_item *it)
{
    static const uint32_t sep = IX_NONE;
    const corpus_entry *ce = &it->e;
    size_t qseq_at = a->qseq.len;
    memset(it->tok_len, 0, sizeof it->tok_len);
    if (ce->kind != ENTRY_FAQ)
        return;   /* small talk is matched apart, not ranked */
    analyzer *an = a->an[it->lang];
    a->it = it;
    a->n_etf = 0;
    a->field_len[0] = a->field_len[1] = 0;
    a->field = 0;
    a->in_qseq = 1;
    a->in_shown = 1;
    analyzer_keep_stopwords(an, 1);
    size_t toks_at = a->toks.len;
    begin_stream(a);
    analyzer_run(an, ce->question, strlen(ce->question), on_token, a);
    a->in_toks = 0;
    a->in_shown = 0;
    for (size_t k = 0; k < ce->n_alts && !a->oom; k++) {
        bytes_put(&a->qseq, &sep, sizeof sep);
        analyzer_run(an, ce->alts[k], strlen(ce->alts[k]), on_token, a);
    }
    a->in_qseq = 0;
    it->tok_len[ENTRY_STREAM_QUESTION] = (uint32_t)(a->toks.len - toks_at);
    toks_at = a->toks.len;
    if (!a->oom)
        stream_alts(a, an, ce);
    it->tok_len[ENTRY_STREAM_ALTS] = (uint32_t)(a->toks.len - toks_at);
    toks_at = a->toks.len;
    a->in_shown = 1;
    a->field = 1;
    begin_stream(a);
    if (!a->oom)
        analyzer_run(an, ce->answer, strlen(ce->answer), on_token, a);
    a->in_toks = 0;
    it->tok_len[ENTRY_STREAM_ANSWER] = (uint32_t)(a->toks.len - toks_at);
    a->in_shown = 0;
    analyzer_keep_stopwords(an, 0);
    if (a->oom || a->qseq.oom || a->ewords.oom || a->toks.oom || a->alts_text.oom ||
        add_postings(a, it->entry) != 0) {
        a->oom = 1;
        return;
    }
    it->qseq_len = (uint32_t)((a->qseq.len - qseq_at) / sizeof(uint32_t));
    /* A question's length is that of one phrasing, so listing alternates
     * does not make an entry look long. */
    it->qlen = (a->field_len[0] + (uint32_t)ce->n_alts) / (1 + (uint32_t)ce->n_alts);
    it->alen = a->field_len[1];
}

void ana_run(ana *a, ana_item *items, size_t n)
{
    a->n_recs = 0;
    a->qseq.len = a->ewords.len = a->toks.len = 0;
    for (size_t i = 0; i < n && !a->oom; i++)
        analyze_item(a, &items[i]);
}

/* Grow a renumbering to n values. */
static int map_reserve(uint32_t **map, size_t n)
{
    uint32_t *m = realloc(*map, (n + 1) * sizeof *m);
    if (!m)
        return -1;
    *map = m;
    return 0;
}

int ana_merge(ana *a, ana *from)
{
    int added;
    if (map_reserve(&from->tmap, from->terms.count) || map_reserve(&from->wmap, from->words.count))
        return -1;
    for (size_t t = from->terms_merged; t < from->terms.count; t++) {
        ix_str k = from->terms.keys[t];
        from->tmap[t] = keymap_get(&a->terms, &a->strings, from->terms.langs[t],
                                   (const char *)from->strings.p + k.off, k.len, &added);
        if (from->tmap[t] == UINT32_MAX)
            return -1;
    }
    from->terms_merged = from->terms.count;
    for (size_t w = from->words_merged; w < from->words.count; w++) {
        ix_str k = from->words.keys[w];
        uint32_t v = keymap_get(&a->words, &a->strings, from->words.langs[w],
                                (const char *)from->strings.p + k.off, k.len, &added);
        if (v == UINT32_MAX || winfo_reserve(a) != 0)
            return -1;
        if (added) {
            const word_info *f = &from->winfo[w];
            a->winfo[v] = (word_info){from->tmap[f->term], 0, UINT32_MAX, 0,
                                      f->lemma == UINT32_MAX ? UINT32_MAX : from->tmap[f->lemma],
                                      f->plain >= LEMMA_UNASKED ? f->plain : from->tmap[f->plain]};
        }
        from->wmap[w] = v;
    }
    from->words_merged = from->words.count;
    for (size_t i = 0; i < from->n_dirty; i++) {
        uint32_t w = from->dirty[i];
        a->winfo[from->wmap[w]].df += from->winfo[w].df;
        from->winfo[w].df = 0;
    }
    from->n_dirty = 0;
    for (size_t i = 0; i < from->n_recs; i++)
        from->recs[i].term = from->tmap[from->recs[i].term];
    uint32_t *q = (uint32_t *)from->qseq.p;
    for (size_t i = 0; i < from->qseq.len / sizeof *q; i++)
        if (q[i] != IX_NONE)
            q[i] = from->tmap[q[i]];
    uint32_t *ew = (uint32_t *)from->ewords.p;
    for (size_t i = 0; i < from->ewords.len / sizeof *ew; i++)
        ew[i] = from->wmap[ew[i]];
    return 0;
}
