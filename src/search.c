/* search.c: from a question to an answer (see search.h).
 *
 * The query path: tokenize once, pick the query language from the index's
 * own evidence (stop words and vocabulary hits), resolve each content word
 * to "slots" of alternative terms (exact, synonym, another language's word,
 * typo correction), score groups term-at-a-time with precomputed BM25F
 * impacts, rerank the best few by proximity in the question, and decide
 * from the coverage of the question's weight whether to answer.
 */
#include "search.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "corpus.h"
#include "decline_model.h"
#include "decompound.h"
#include "index_internal.h"
#include "langid.h"
#include "lemma.h"
#include "typo.h"

#define MAX_ALTS 12             /* alternative terms for one query word */
#define MAX_SYN 8               /* synonyms added for one term */
#define RERANK 12               /* candidates reranked by proximity */
#define W_FOREIGN 0.9f          /* the word exists only in another language */
#define W_SYNONYM 0.8f
#define W_TYPO1 0.75f
#define W_TYPO2 0.55f
#define EXACT_MIN_WORDS 4        /* a run of the question's words said word for word ... */
#define EXACT_BONUS 0.5          /* ... raises an entry by up to this share ... */
#define EXACT_RANGE 0.6          /* ... when it scores this near the lead */
#define W_VARIANT 0.75f          /* a stem one edit from the word's own */
#define W_LEMMA 0.8f             /* the dictionary's lemma of a word the FAQ lacks */
#define W_PART 0.6f              /* a part of a compound the FAQ lacks */
#define VARIANT_MIN_CHARS 5      /* shorter stems have too many neighbours */
#define W_ANSWER_ONLY 0.6f      /* a match only in the answer covers less */
#define PROXIMITY_BONUS 0.35    /* per adjacent pair, times their idf */
#define QUESTION_FIT 1.0        /* score x (1 + this x how well question and entry question match) */
#define WEIGHT_FLOOR 0.5        /* a content word's least share of the question */
#define UNKNOWN_WEIGHT 0.9      /* an unknown word's share, above the floor (known: idf / largest idf) */
#define QWORD_WEIGHT 0.15       /* a question word's share, times its weight */
#define QWORD_RANK 0.5f         /* ... and its match in ranking, times this */
#define NAME_LIST_MIN 5         /* an answer naming this many in a list is a list ... */
#define NAME_BONUS 0.8          /* ... that a question naming an unknown place or body
                                   prefers by this share */
#define FOCUS_BONUS 1.0         /* "qué países": an entry whose question asks of the
                                   same thing, and holds the query's other words */
#define CLARIFY_RATIO 0.97      /* second score this close to the first: a tie */
#define ALT_RATIO 0.2           /* alternatives score at least this share of the best */
#define USE_LEMMA 0              /* a lemma for a word the FAQ lacks: no gain measured */
#define USE_DECOMPOUND 0         /* parts for a compound the FAQ lacks: no gain measured */

enum alt_kind { ALT_EXACT, ALT_SYNONYM, ALT_FOREIGN, ALT_TYPO, ALT_VARIANT, ALT_LEMMA,
                ALT_PART };
static const char *const alt_kind_name[] = {"exact", "synonym", "other-language", "typo",
                                              "variant", "lemma", "compound-part"};

typedef struct alt_term {
    uint32_t term;
    float weight;
    uint8_t kind;
    uint32_t word;              /* the vocabulary word (typo, foreign), or IX_NONE */
} alt_term;

typedef struct slot {
    char word[FAQ_MAX_TERM_BYTES * 4 + 1];  /* folded word of the question */
    size_t word_len;
    size_t raw_off, raw_len;
    unsigned pos;
    int phrase;                 /* 0, or the number of its quoted phrase */
    int is_name;                /* a name: 1 the FAQ does not know it ("UK", "España"),
                                   2 it does ("Morocco") */
    int is_qword;               /* "qué", "which" */
    int is_phrase;              /* it stands for a phrase of synonyms.txt in the question */
    alt_term alts[MAX_ALTS];
    int n_alts;
    int unknown;                /* the FAQ lacks it: 1 a word of the language, 2 not one */
    double weight;              /* its share of the question: idf, or more if unknown */
    double idf;                 /* of its best alternative */
} slot;

typedef struct qtok {           /* one token of the question, stop words included */
    char word[FAQ_MAX_TERM_BYTES * 4 + 1];
    size_t word_len;
    char term[FAQ_MAX_TERM_BYTES * 4 + 1];
    size_t term_len;
    size_t raw_off, raw_len;
    unsigned pos;
    int is_stop;
    int is_qword;
    int is_synonym;             /* the one-word synonym of a phrase of the question */
    int phrase;
} qtok;

typedef struct syn_entry {      /* a stem -> the terms of its synonyms */
    uint64_t key;               /* syn_key(language, stem) */
    uint32_t first, count;      /* in syn_terms */
} syn_entry;

typedef struct cand {
    uint32_t group;
    double score, cover;
    uint32_t mask;
    double bm25;                /* its score before the rerank */
} cand;

/* A cursor walks one term's postings in group order. */
#define END_GROUP UINT32_MAX

typedef struct cursor {
    const unsigned char *data, *end;    /* postings bytes, after the block table */
    const ix_block *blk;
    uint32_t n_blocks, df;
    uint32_t bi;                /* cur_shallow's block: none before it holds a
                                 * posting at or after the groups asked */
    uint32_t lb;                /* the block loaded */
    uint32_t limit;             /* the index's group count: beyond is corrupt */
    int i, n;                   /* position in the block, its postings */
    uint32_t group;             /* current group, END_GROUP past the end */
    unsigned byte;              /* its impact << 1 | in_question */
    float mul, cq, ca;          /* score per impact unit; coverage in question / answer */
    float ub;                   /* the largest score it can give */
    /* a bitmap block is read in place (bits is NULL for a block of deltas) */
    const unsigned char *bits, *bytes, *ranks;
    uint32_t base, words;
    /* a block of deltas is decoded at once, in a tight loop, rather than a
     * posting at a time: walking and seeking then read plain arrays */
    uint32_t docs[IX_BLOCK];
    unsigned char imps[IX_BLOCK];
} cursor;

typedef struct slot_cur {
    cursor c[MAX_ALTS];
    int n;
    int slot;                   /* its number in s->slots */
    float ub;
} slot_cur;

/* (language, folded word) pairs in an open-addressing hash set that owns
 * its words: the vocabulary a language shows besides its FAQ's. */
typedef struct wordset {
    struct ws_item { uint32_t lang, len; char *word; } *items;
    size_t cap, n;
} wordset;

struct searcher {
    const faq_index *ix;
    analyzer **an;              /* per language */
    langid *langid;
    syn_entry *syn;             /* sorted by term */
    size_t n_syn;
    uint32_t *syn_terms;
    size_t n_syn_terms;
    /* the one-word members' terms, sorted by language then bytes, for a
     * question's word one edit from one ("attend" for "attendre") */
    char *syn_text;
    size_t syn_text_len, syn_text_cap;
    ix_str *syn_vocab;
    size_t n_syn_vocab, syn_vocab_cap;
    uint32_t syn_vocab_first[FAQ_MAX_LANGS], syn_vocab_count[FAQ_MAX_LANGS];
    double *max_idf;            /* per language */
    lexicon **lex;              /* per language, opened on its first question */
    unsigned char *lex_tried;
    /* smalltalk phrases: folded word sequences, per entry */
    struct st_phrase {
        uint32_t entry, lang;
        char *words;            /* its folded words, stop words included, each NUL-ended */
        size_t n_words;
        char *keys;             /* its words but stop and question words:
                                 * term, word, each NUL-ended */
        size_t n_keys;
    } *st;
    size_t n_st;
    wordset st_words;           /* every word of the small talk, by language */
    wordset syn_words;          /* every one-word member of synonyms.txt, by language */
    /* per-query scratch */
    const char *q;              /* the question being answered */
    slot_cur *scur;             /* cursors, per slot */
    int pruning;                /* MaxScore on (off only to check it) */
    qtok toks[FAQ_MAX_QUERY_TERMS * 2];
    int n_toks;
    qtok syn_toks[FAQ_MAX_QUERY_TERMS];     /* what its phrases stand for ... */
    int syn_after[FAQ_MAX_QUERY_TERMS];     /* ... each after this token */
    int n_syn_toks;
    int names_unknown;          /* the question names something the FAQ does not ("UK") */
    int16_t *names_listed;      /* per entry, listed_names(), or -1 before it is read */
    slot slots[FAQ_MAX_QUERY_TERMS];
    int n_slots;
    int phrase_count;
    cand top[RERANK];
    int n_top;
    char corrected[FAQ_MAX_QUESTION_BYTES * 2 + 64];
    char matched_buf[FAQ_MAX_QUERY_TERMS * (FAQ_MAX_TERM_BYTES * 4 + 1)];
    char *explain;
    size_t explain_len, explain_cap;
};

/* ---- setup ---- */

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
    uint64_t h = 1469598103934665603ull ^ ((uint64_t)lang << 56);
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)stem[i]) * 1099511628211ull;
    return h;
}

/* Keep a one-word member's term for the variant lookup, in its sorted
 * place among the terms of its language (those from first on), once. A
 * qsort would need the text as context, which only a global could give,
 * and searchers are made on several threads. */
static int keep_member_term(searcher *s, size_t first, const char *term, size_t n)
{
    size_t lo = first, hi = s->n_syn_vocab;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const ix_str *x = &s->syn_vocab[mid];
        size_t k = x->len < n ? x->len : n;
        int c = memcmp(s->syn_text + x->off, term, k);
        if (c == 0)
            c = (x->len > n) - (x->len < n);
        if (c == 0)
            return 0;   /* kept already */
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (s->syn_text_len + n + 1 > s->syn_text_cap) {
        size_t cap = (s->syn_text_cap ? s->syn_text_cap * 2 : 1024) + n;
        char *t = realloc(s->syn_text, cap);
        if (!t)
            return -1;
        s->syn_text = t;
        s->syn_text_cap = cap;
    }
    if (s->n_syn_vocab == s->syn_vocab_cap) {
        size_t cap = s->syn_vocab_cap ? s->syn_vocab_cap * 2 : 128;
        ix_str *v = realloc(s->syn_vocab, cap * sizeof *v);
        if (!v)
            return -1;
        s->syn_vocab = v;
        s->syn_vocab_cap = cap;
    }
    memcpy(s->syn_text + s->syn_text_len, term, n);
    s->syn_text[s->syn_text_len + n] = '\0';
    memmove(s->syn_vocab + lo + 1, s->syn_vocab + lo, (s->n_syn_vocab - lo) * sizeof *s->syn_vocab);
    s->syn_vocab[lo] = (ix_str){(uint32_t)s->syn_text_len, (uint32_t)n};
    s->n_syn_vocab++;
    s->syn_text_len += n + 1;
    return 0;
}

/* synonyms.txt: one group a line, members separated by commas. A member of
 * one word stands for the others; a phrase stands in the index as its
 * group's mark (analyzer_set_synonyms). A member need not be in the FAQ: a
 * question's word that is only in synonyms.txt still finds the members
 * that are. */
typedef struct syn_load {
    searcher *s;
    uint32_t lang;
    size_t vocab_first;         /* where the language's member terms start */
    size_t cap_syn, cap_terms;
} syn_load;

static int on_syn_group(void *ctx, const synonym_member *ms, int n)
{
    syn_load *ld = ctx;
    searcher *s = ld->s;
    const faq_index *ix = s->ix;
    uint32_t l = ld->lang;
    uint64_t keys[65];
    uint32_t terms[65];
    int nk = 0, nt = 0, phrases = 0;
    char mark[FAQ_MAX_TERM_BYTES * 4 + 2] = "";
    for (int i = 0; i < n; i++) {
        const synonym_member *m = &ms[i];
        phrases += m->n_words > 1;
        if (m->n_words != 1 || m->n_stop || !m->term_len || m->term_len >= sizeof mark - 1)
            continue;   /* "learn more" is a phrase, not "learn" */
        if (wordset_add(&s->syn_words, l, m->word, m->word_len) != 0 ||
            keep_member_term(s, ld->vocab_first, m->term, m->term_len) != 0)
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
         * words find it, first since a word takes only its first MAX_SYN
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
        if (s->n_syn == ld->cap_syn) {
            ld->cap_syn = ld->cap_syn ? ld->cap_syn * 2 : 64;
            syn_entry *ns = realloc(s->syn, ld->cap_syn * sizeof *ns);
            if (!ns)
                return -1;
            s->syn = ns;
        }
        if (s->n_syn_terms + (size_t)nt > ld->cap_terms) {
            ld->cap_terms = (ld->cap_terms ? ld->cap_terms * 2 : 256) + (size_t)nt;
            uint32_t *ntp = realloc(s->syn_terms, ld->cap_terms * sizeof *ntp);
            if (!ntp)
                return -1;
            s->syn_terms = ntp;
        }
        syn_entry *e = &s->syn[s->n_syn++];
        e->key = keys[a];
        e->first = (uint32_t)s->n_syn_terms;
        e->count = (uint32_t)nt;
        memcpy(s->syn_terms + s->n_syn_terms, terms, (size_t)nt * sizeof *terms);
        s->n_syn_terms += (size_t)nt;
    }
    return 0;
}

static int load_synonyms(searcher *s)
{
    const faq_index *ix = s->ix;
    syn_load ld = {s, 0, 0, 0, 0};
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        faq_str text = faq_index_lang_synonyms(ix, l);
        ld.lang = l;
        ld.vocab_first = s->n_syn_vocab;
        if (text.len && analyzer_read_synonyms(s->an[l], text.s, text.len, on_syn_group, &ld) != 0)
            return -1;
        s->syn_vocab_first[l] = (uint32_t)ld.vocab_first;
        s->syn_vocab_count[l] = (uint32_t)(s->n_syn_vocab - ld.vocab_first);
    }
    if (s->n_syn)
        qsort(s->syn, s->n_syn, sizeof *s->syn, cmp_syn);
    return 0;
}

typedef struct wordlist { char *buf; size_t len, cap, n; int oom; } wordlist;

static int collect_word(void *ctx, const token *t)
{
    if (t->is_synonym)
        return 0;   /* only what the text says */
    wordlist *w = ctx;
    if (w->len + t->word_len + 1 > w->cap) {
        size_t cap = (w->cap ? w->cap * 2 : 64) + t->word_len;
        char *b = realloc(w->buf, cap);
        if (!b) {
            w->oom = 1;
            return 1;
        }
        w->buf = b;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, t->word, t->word_len);
    w->len += t->word_len;
    w->buf[w->len++] = '\0';
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

static int add_phrase(searcher *s, uint32_t entry, uint32_t lang, const char *text, size_t len,
                      size_t *cap)
{
    wordlist w = {0}, k = {0};
    analyzer_keep_stopwords(s->an[lang], 1);
    analyzer_run(s->an[lang], text, len, collect_word, &w);
    analyzer_keep_stopwords(s->an[lang], 0);
    analyzer_run(s->an[lang], text, len, collect_key, &k);

    if (w.oom || k.oom || !w.n) {
        free(w.buf);
        free(k.buf);
        return w.oom || k.oom ? -1 : 0;
    }
    if (s->n_st == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        struct st_phrase *n = realloc(s->st, *cap * sizeof *n);
        if (!n) {
            free(w.buf);
            free(k.buf);
            return -1;
        }
        s->st = n;
    }
    s->st[s->n_st++] = (struct st_phrase){entry, lang, w.buf, w.n, k.buf, k.n / 2};
    return 0;
}

static int smalltalk_word(const searcher *s, uint32_t l, const char *w, size_t n)
{
    return wordset_has(&s->st_words, l, w, n);
}

static int index_smalltalk_words(searcher *s)
{
    for (size_t k = 0; k < s->n_st; k++) {
        const char *x = s->st[k].words;
        for (size_t j = 0; j < s->st[k].n_words; j++) {
            size_t n = strlen(x);
            if (wordset_add(&s->st_words, s->st[k].lang, x, n) != 0)
                return -1;
            x += n + 1;
        }
    }
    return 0;
}

static int load_smalltalk(searcher *s)
{
    size_t cap = 0;
    for (uint32_t e = 0; e < s->ix->n_entries; e++) {
        const ix_entry *E = &s->ix->entries[e];
        if (E->kind != ENTRY_SMALLTALK)
            continue;
        faq_entry fe;
        faq_index_entry(s->ix, e, &fe);
        if (add_phrase(s, e, E->lang, fe.question.s, fe.question.len, &cap))
            return -1;
        const char *p = fe.alts.s, *end = fe.alts.s + fe.alts.len;
        while (p < end) {
            const char *eol = memchr(p, '\n', (size_t)(end - p));
            if (!eol)
                eol = end;
            if (add_phrase(s, e, E->lang, p, (size_t)(eol - p), &cap))
                return -1;
            p = eol + 1;
        }
    }
    return 0;
}

searcher *searcher_new(const faq_index *ix)
{
    searcher *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->ix = ix;
    const char *codes[FAQ_MAX_LANGS];
    for (uint32_t l = 0; l < ix->n_langs; l++)
        codes[l] = ix->langs[l].code;
    s->langid = langid_new(codes, (int)ix->n_langs);
    s->pruning = 1;
    s->an = calloc(ix->n_langs, sizeof *s->an);
    s->max_idf = calloc(ix->n_langs, sizeof *s->max_idf);
    s->scur = calloc(FAQ_MAX_QUERY_TERMS, sizeof *s->scur);
    s->lex = calloc(ix->n_langs, sizeof *s->lex);
    s->lex_tried = calloc(ix->n_langs, 1);
    if (!s->an || !s->max_idf || !s->scur || !s->langid || !s->lex || !s->lex_tried)
        goto fail;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        faq_str sw = faq_index_lang_stopwords(ix, l);
        char *copy = malloc((size_t)sw.len + 1);
        if (!copy)
            goto fail;
        memcpy(copy, sw.s, sw.len);
        copy[sw.len] = '\0';
        s->an[l] = analyzer_new(ix->langs[l].code, copy);
        free(copy);
        if (!s->an[l])
            goto fail;
        faq_str syn = faq_index_lang_synonyms(ix, l);
        if (syn.len) {
            char *text = malloc((size_t)syn.len + 1);
            if (!text)
                goto fail;
            memcpy(text, syn.s, syn.len);
            text[syn.len] = '\0';
            int rc = analyzer_set_synonyms(s->an[l], text);
            free(text);
            if (rc != 0)
                goto fail;
        }
        double N = ix->langs[l].n_faq;
        s->max_idf[l] = log(1.0 + (N + 0.5) / 0.5);
    }
    if (load_synonyms(s) != 0 || load_smalltalk(s) != 0 || index_smalltalk_words(s) != 0)
        goto fail;
    return s;
fail:
    searcher_free(s);
    return NULL;
}

void searcher_free(searcher *s)
{
    if (!s)
        return;
    if (s->an)
        for (uint32_t l = 0; l < s->ix->n_langs; l++)
            analyzer_free(s->an[l]);
    free(s->an);
    if (s->lex)
        for (uint32_t l = 0; l < s->ix->n_langs; l++)
            lexicon_free(s->lex[l]);
    free(s->lex);
    free(s->lex_tried);
    langid_free(s->langid);
    free(s->max_idf);
    free(s->syn);
    free(s->syn_terms);
    for (size_t i = 0; i < s->n_st; i++) {
        free(s->st[i].words);
        free(s->st[i].keys);
    }
    free(s->st);
    wordset_free(&s->st_words);
    wordset_free(&s->syn_words);
    free(s->syn_text);
    free(s->syn_vocab);
    free(s->names_listed);
    free(s->scur);
    free(s->explain);
    free(s);
}

const faq_index *searcher_index(const searcher *s) { return s->ix; }

void searcher_set_pruning(searcher *s, int on) { s->pruning = on; }

double searcher_default_threshold(void) { return DECLINE_THRESHOLD; }

/* Language l's general dictionary, or NULL when the system has none. */
static lexicon *lex_of(searcher *s, uint32_t l)
{
    if (!s->lex_tried[l]) {
        s->lex_tried[l] = 1;
        s->lex[l] = lexicon_open(s->ix->langs[l].code, NULL);
    }
    return s->lex[l];
}

/* ---- explain buffer ---- */

static void explainf(searcher *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void explainf(searcher *s, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof line)
        n = sizeof line - 1;
    if (s->explain_len + (size_t)n + 1 > s->explain_cap) {
        size_t cap = (s->explain_cap ? s->explain_cap * 2 : 4096) + (size_t)n;
        char *b = realloc(s->explain, cap);
        if (!b)
            return;
        s->explain = b;
        s->explain_cap = cap;
    }
    memcpy(s->explain + s->explain_len, line, (size_t)n);
    s->explain_len += (size_t)n;
    s->explain[s->explain_len] = '\0';
}

/* ---- tokens and language ---- */

typedef struct tokctx { searcher *s; const char *q; size_t qlen; } tokctx;

static int phrase_of(const char *q, size_t off)
{
    /* the number of the quoted phrase the offset is in, 0 if none:
     * quotes are counted from the start, so an odd count means inside */
    int quotes = 0;
    for (size_t i = 0; i < off; i++)
        if (q[i] == '"')
            quotes++;
    return quotes % 2 ? quotes / 2 + 1 : 0;
}

static int on_qtoken(void *ctx, const token *t)
{
    tokctx *c = ctx;
    searcher *s = c->s;
    if (s->n_toks == (int)(sizeof s->toks / sizeof *s->toks))
        return 1;
    qtok *q;
    if (t->is_synonym) {
        /* kept apart: the question's own words are what small talk,
         * language and exactness read */
        if (s->n_syn_toks == FAQ_MAX_QUERY_TERMS)
            return 0;
        s->syn_after[s->n_syn_toks] = s->n_toks - 1;
        q = &s->syn_toks[s->n_syn_toks++];
    } else {
        q = &s->toks[s->n_toks++];
    }
    memcpy(q->word, t->word, t->word_len);
    q->word[t->word_len] = '\0';
    q->word_len = t->word_len;
    memcpy(q->term, t->term, t->term_len);
    q->term[t->term_len] = '\0';
    q->term_len = t->term_len;
    q->raw_off = t->offset;
    q->raw_len = t->raw_len;
    q->pos = t->pos;
    q->is_stop = t->is_stop;
    q->is_qword = t->is_qword;
    q->is_synonym = t->is_synonym;
    q->phrase = memchr(c->q, '"', c->qlen) ? phrase_of(c->q, t->offset) : 0;
    return 0;
}

static void tokenize(searcher *s, uint32_t lang, const char *q, size_t len)
{
    s->n_toks = 0;
    s->n_syn_toks = 0;
    tokctx c = {s, q, len};
    analyzer_keep_stopwords(s->an[lang], 1);
    analyzer_run(s->an[lang], q, len, on_qtoken, &c);
    analyzer_keep_stopwords(s->an[lang], 0);
}

/* Which language's vocabulary the question's words fall in: stop words are
 * the strongest evidence (function words are what tells "que" from "what"),
 * content words in the vocabulary next. The conversation's language gets a
 * head start so that "ok" or a bare name does not flip it. */

static uint32_t detect_lang(searcher *s, int prev, const char *q, size_t len)
{
    const faq_index *ix = s->ix;
    double ev[FAQ_MAX_LANGS];
    uint32_t known = 0;         /* tokens some language knows, by bit */
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        ev[l] = (int)l == prev ? 0.75 : 0;
        for (int i = 0; i < s->n_toks; i++) {
            const qtok *t = &s->toks[i];
            int hit = analyzer_is_stopword(s->an[l], t->word, t->word_len) ||
                      analyzer_is_question_word(s->an[l], t->word, t->word_len) ||
                      ix_find_word(ix, l, t->word, t->word_len) != IX_NONE ||
                      smalltalk_word(s, l, t->word, t->word_len) ||
                      wordset_has(&s->syn_words, l, t->word, t->word_len);
            /* function words tell "que" from "what"; then its vocabulary,
             * its small talk ("gracias") and its synonyms ("obligatorio") */
            if (hit) {
                ev[l] += 1.0;
                if (i < 32)
                    known |= 1u << i;
            }
        }
    }
    /* a close call with a word no language knows, misspelt: of the
     * languages in the running, the one with a word an edit away is
     * likelier ("aderri" is Portuguese "aderir") */
    double top1 = -1, top2 = -1;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        if (ev[l] > top1) {
            top2 = top1;
            top1 = ev[l];
        } else if (ev[l] > top2) {
            top2 = ev[l];
        }
    }
    for (int i = 0; i < s->n_toks && i < 32 && top2 >= 0 && top1 - top2 < 1.0; i++) {
        const qtok *t = &s->toks[i];
        if ((known >> i) & 1)
            continue;
        if (typo_budget(utf8_length(t->word, t->word_len)) == 0)
            continue;
        for (uint32_t l = 0; l < ix->n_langs; l++) {
            if (top1 - ev[l] >= 1.0)
                continue;
            typo_vocab v = {ix->strings, ix->words, sizeof(ix_word), offsetof(ix_word, text),
                            ix->langs[l].word_first, ix->langs[l].word_count};
            typo_match m[1];
            if (typo_search(&v, t->word, t->word_len, 1, m, 1) > 0)
                ev[l] += 0.5;
        }
    }
    /* a close call on a longer question: ask the n-gram models too */
    uint32_t a = 0, b = UINT32_MAX;
    for (uint32_t l = 1; l < ix->n_langs; l++)
        if (ev[l] > ev[a])
            a = l;
    for (uint32_t l = 0; l < ix->n_langs; l++)
        if (l != a && (b == UINT32_MAX || ev[l] > ev[b]))
            b = l;
    if (b != UINT32_MAX && ev[a] - ev[b] < 1.0 && s->n_toks >= 3) {
        char guess[2][8];
        int n = langid_guess(s->langid, q, len, guess, 2);
        for (int i = 0; i < n; i++) {
            int l = faq_index_lang_find(ix, guess[i]);
            if (l >= 0)
                ev[l] += i == 0 ? 1.0 : 0.5;
        }
    }
    /* ties: the conversation's language, else the one with most entries */
    uint32_t best = prev >= 0 ? (uint32_t)prev : 0;
    if (prev < 0)
        for (uint32_t l = 0; l < ix->n_langs; l++)
            if (ix->langs[l].n_faq > ix->langs[best].n_faq)
                best = l;
    for (uint32_t l = 0; l < ix->n_langs; l++)
        if (ev[l] > ev[best] + 1e-9)
            best = l;
    return best;
}

/* ---- slots ---- */

static void add_alt(slot *sl, uint32_t term, float w, int kind, uint32_t word)
{
    for (int i = 0; i < sl->n_alts; i++)
        if (sl->alts[i].term == term) {
            if (w > sl->alts[i].weight)
                sl->alts[i].weight = w;
            return;
        }
    if (sl->n_alts < MAX_ALTS)
        sl->alts[sl->n_alts++] = (alt_term){term, w, (uint8_t)kind, word};
}

/* The groups of synonyms a stem of language lang belongs to: how many, the
 * first at *first. A word may mean two things ("participar": join, or be
 * part of), and then it has the synonyms of both. */
static size_t find_syn(const searcher *s, uint32_t lang, const char *stem, size_t n,
                       const syn_entry **first)
{
    uint64_t key = syn_key(lang, stem, n);
    size_t lo = 0, hi = s->n_syn;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->syn[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo;
    while (k < s->n_syn && s->syn[k].key == key)
        k++;
    *first = s->syn + lo;
    return k - lo;
}

typedef struct term_ctx {
    const faq_index *ix;
    uint32_t lang;
    uint32_t term;              /* the first token's term in the index, or IX_NONE */
} term_ctx;

static int on_first_term(void *ctx, const token *t)
{
    term_ctx *c = ctx;
    if (t->is_stop || t->is_synonym)
        return 0;
    c->term = ix_find_term(c->ix, c->lang, t->term, t->term_len);
    return 1;
}

/* The index's term for text (a word), as the analyzer of language L makes
 * it, or IX_NONE. */
static uint32_t text_term(searcher *s, uint32_t L, const char *text, size_t len)
{
    term_ctx c = {s->ix, L, IX_NONE};
    analyzer_run(s->an[L], text, len, on_first_term, &c);
    return c.term;
}

/* A word the FAQ lacks whose lemma it holds ("muere" -> "morir", which the
 * stemmer makes "mor" and "muer"): the lemma stands in for it. */
static void add_lemma(searcher *s, slot *sl, uint32_t L, const qtok *t)
{
    char lemma[FAQ_MAX_TERM_BYTES * 4 + 1];
    size_t n = lexicon_lemma(lex_of(s, L), s->q + t->raw_off, t->raw_len, lemma, sizeof lemma);
    if (!n)
        return;
    uint32_t term = text_term(s, L, lemma, n);
    if (term != IX_NONE)
        add_alt(sl, term, W_LEMMA, ALT_LEMMA, IX_NONE);
}

static int has_word(void *ctx, const char *w, size_t n)
{
    const term_ctx *c = ctx;
    return ix_find_word(c->ix, c->lang, w, n) != IX_NONE;
}

/* A compound the FAQ lacks whose two parts it holds ("spiegelserver"):
 * either part stands in for it, below the word itself. */
static void add_parts(searcher *s, slot *sl, uint32_t L, const qtok *t)
{
    term_ctx c = {s->ix, L, IX_NONE};
    decompound_split sp;
    /* a word the language has on its own ("entreprise") is no compound */
    if (lexicon_is_simple(lex_of(s, L), s->q + t->raw_off, t->raw_len))
        return;
    if (!decompound(t->word, t->word_len, has_word, &c, &sp))
        return;
    uint32_t w1 = ix_find_word(s->ix, L, t->word, sp.head_len);
    uint32_t w2 = ix_find_word(s->ix, L, t->word + sp.tail_off, t->word_len - sp.tail_off);
    float w = W_PART;
    if (w1 != IX_NONE)
        add_alt(sl, s->ix->words[w1].term, w, ALT_PART, w1);
    if (w2 != IX_NONE)
        add_alt(sl, s->ix->words[w2].term, w, ALT_PART, w2);
}

static int build_slots(searcher *s, uint32_t L, int typos)
{
    const faq_index *ix = s->ix;
    int corrected = 0;
    s->n_slots = 0;
    /* the question's words in order, each followed by what a phrase
     * ending with it stands for */
    const qtok *order[FAQ_MAX_QUERY_TERMS * 3];
    int n_order = 0;
    for (int i = 0, k = 0; i < s->n_toks; i++) {
        order[n_order++] = &s->toks[i];
        for (; k < s->n_syn_toks && s->syn_after[k] <= i; k++)
            order[n_order++] = &s->syn_toks[k];
    }
    for (int i = 0; i < n_order && s->n_slots < FAQ_MAX_QUERY_TERMS; i++) {
        const qtok *t = order[i];
        if (t->is_stop)
            continue;
        slot *sl = &s->slots[s->n_slots];
        memset(sl, 0, offsetof(slot, alts));
        sl->n_alts = 0;
        memcpy(sl->word, t->word, t->word_len + 1);
        sl->word_len = t->word_len;
        sl->raw_off = t->raw_off;
        sl->raw_len = t->raw_len;
        sl->pos = t->pos;
        sl->phrase = t->phrase;
        uint32_t w = t->is_synonym ? IX_NONE : ix_find_word(ix, L, t->word, t->word_len);
        uint32_t term = w != IX_NONE ? ix->words[w].term : ix_find_term(ix, L, t->term, t->term_len);
        if (term != IX_NONE)
            add_alt(sl, term, 1.0f, ALT_EXACT, IX_NONE);
        const syn_entry *se;
        size_t n_groups = find_syn(s, L, t->term, t->term_len, &se);
        for (size_t gi = 0; gi < n_groups; gi++)
            for (uint32_t k = 0; k < se[gi].count && k < MAX_SYN; k++)
                add_alt(sl, s->syn_terms[se[gi].first + k], W_SYNONYM, ALT_SYNONYM, IX_NONE);
        int in_dict = !sl->n_alts && !t->is_synonym &&
                      lexicon_knows(lex_of(s, L), s->q + t->raw_off, t->raw_len);
        if (!sl->n_alts && !t->is_synonym) {
            /* a word of another language of the corpus: "precursores" in
             * an English question */
            for (uint32_t l = 0; l < ix->n_langs; l++) {
                if (l == L)
                    continue;
                uint32_t fw = ix_find_word(ix, l, t->word, t->word_len);
                if (fw != IX_NONE)
                    add_alt(sl, ix->words[fw].term, W_FOREIGN, ALT_FOREIGN, fw);
            }
            if (!sl->n_alts && USE_LEMMA)
                add_lemma(s, sl, L, t);
            if (!sl->n_alts && USE_DECOMPOUND)
                add_parts(s, sl, L, t);
            if (!sl->n_alts && typos) {
                int budget = typo_budget(utf8_length(t->word, t->word_len));
                typo_vocab v = {ix->strings, ix->words, sizeof(ix_word), offsetof(ix_word, text),
                                ix->langs[L].word_first, ix->langs[L].word_count};
                typo_match m[8];
                int n = typo_search(&v, t->word, t->word_len, budget, m, 8);
                int best_d = n ? m[0].dist : 0;
                /* among the nearest, the most frequent words first */
                uint32_t picked[3];
                int np = 0;
                for (int round = 0; round < 3 && np < 3; round++) {
                    int bi = -1;
                    for (int k = 0; k < n; k++) {
                        if (m[k].dist != best_d)
                            continue;
                        int used = 0;
                        for (int j = 0; j < np; j++)
                            used |= picked[j] == m[k].word;
                        if (!used && (bi < 0 || ix->words[m[k].word].df > ix->words[m[bi].word].df))
                            bi = k;
                    }
                    if (bi < 0)
                        break;
                    picked[np++] = m[bi].word;
                    add_alt(sl, ix->words[m[bi].word].term, best_d == 1 ? W_TYPO1 : W_TYPO2,
                            ALT_TYPO, m[bi].word);
                }
                if (np)
                    corrected = 1;
            }
            if (!sl->n_alts && typos && utf8_length(t->term, t->term_len) >= VARIANT_MIN_CHARS) {
                /* no word is near: a stem one edit from the word's own is
                 * often another form of it that the stemmer splits off
                 * (Spanish "convierte" -> conviert, "convertirse" ->
                 * convert; Portuguese -ão / -ões) */
                typo_vocab v = {ix->strings, ix->terms, sizeof(ix_term), offsetof(ix_term, text),
                                ix->langs[L].term_first, ix->langs[L].term_count};
                typo_match m[4];
                int n = typo_search(&v, t->term, t->term_len, 1, m, 4);
                for (int k = 0; k < n && sl->n_alts < 2; k++)
                    add_alt(sl, m[k].word, W_VARIANT, ALT_VARIANT, IX_NONE);
            }
            if (!sl->n_alts && !t->is_qword && s->syn_vocab_count[L] &&
                utf8_length(t->term, t->term_len) >= VARIANT_MIN_CHARS) {
                /* nothing near in the FAQ, but a synonyms group for a stem an
                 * edit away: another form of the verb ("attend", "attendre") */
                typo_vocab v = {s->syn_text, s->syn_vocab, sizeof(ix_str), 0,
                                s->syn_vocab_first[L], s->syn_vocab_count[L]};
                typo_match m[2];
                int nm = typo_search(&v, t->term, t->term_len, 1, m, 2);
                for (int j = 0; j < nm; j++) {
                    const ix_str *x = &s->syn_vocab[m[j].word];
                    size_t ng = find_syn(s, L, s->syn_text + x->off, x->len, &se);
                    for (size_t gi = 0; gi < ng; gi++)
                        for (uint32_t k = 0; k < se[gi].count && k < MAX_SYN; k++)
                            add_alt(sl, s->syn_terms[se[gi].first + k], W_SYNONYM * W_VARIANT,
                                    ALT_SYNONYM, IX_NONE);
                }
            }
        }
        /* its weight in the question: the idf of what it stands for, or,
         * for a word the FAQ does not know, nearly the largest idf: an
         * unknown word is what makes a question off-topic */
        double idf = 0;
        for (int k = 0; k < sl->n_alts; k++) {
            double v = ix->terms[sl->alts[k].term].idf;
            if (sl->alts[k].kind == ALT_EXACT || v > idf)
                idf = sl->alts[k].kind == ALT_EXACT ? v : (idf > v ? idf : v);
        }
        if (t->is_synonym && !sl->n_alts)
            continue;   /* a phrase's synonym the FAQ does not hold adds nothing */
        sl->idf = idf;
        /* its share of the question, for the confidence: every content word
         * counts (WEIGHT_FLOOR), rarer ones more; a word the FAQ does not
         * know counts nearly as the rarest, since unknown words are what
         * makes a question off-topic; a question word counts little, since
         * "when" or "which" says nothing of whether the FAQ knows the topic */
        double norm = s->max_idf[L] > 0 ? idf / s->max_idf[L] : 0;
        double unknown = WEIGHT_FLOOR + UNKNOWN_WEIGHT;
        /* ... but a word of three letters or fewer that the FAQ does not
         * know is as likely a slip ("qeu", "teh") or an abbreviation as a
         * topic: it counts as a common word */
        if (!sl->n_alts && utf8_length(t->word, t->word_len) <= 3)
            unknown = WEIGHT_FLOOR;
        sl->unknown = in_dict ? 1 : sl->n_alts ? 0 : 2;
        sl->weight = sl->n_alts ? WEIGHT_FLOOR + norm : unknown;
        if (sl->n_alts && (sl->alts[0].kind == ALT_TYPO || sl->alts[0].kind == ALT_VARIANT))
            sl->weight = (sl->weight + unknown) / 2;   /* a guess weighs as what it may be */
        sl->is_qword = t->is_qword;
        sl->is_phrase = t->is_synonym;
        if (t->is_qword) {
            /* "how", "cuándo": they tell the kind of question, not its
             * topic; they count little in the confidence, half in ranking */
            sl->weight *= QWORD_WEIGHT;
            for (int k = 0; k < sl->n_alts; k++)
                sl->alts[k].weight *= QWORD_RANK;
        }
        s->n_slots++;
    }
    return corrected;
}

/* ---- scoring ---- */


static inline uint64_t bm_word(const cursor *c, uint32_t w)
{
    uint64_t x;
    memcpy(&x, c->bits + (size_t)w * 8, 8);
    return x;
}

/* Stand on the first set bit at or after bit pos of the bitmap block, whose
 * rank (bits set before it) is rank, or -1 to count it; 0 past the block. */
static int bm_find(cursor *c, uint32_t pos, int rank)
{
    uint32_t w = pos / 64;
    if (w >= c->words)
        return 0;
    uint64_t x = bm_word(c, w) & (~0ull << (pos % 64));
    while (!x) {
        if (++w >= c->words)
            return 0;
        x = bm_word(c, w);
    }
    uint32_t at = w * 64 + (uint32_t)__builtin_ctzll(x);
    if (rank < 0)
        rank = c->ranks[w] + __builtin_popcountll(bm_word(c, w) & ((1ull << (at % 64)) - 1));
    if (rank >= c->n || c->base + at >= c->limit)
        return 0;   /* a corrupt block: the index was checked, but stay safe */
    c->i = rank;
    c->group = c->base + at;
    c->byte = c->bytes[rank];
    return 1;
}

/* Load block b (the whole list when it has no blocks) and stand on its
 * first posting. */
static void cur_load(cursor *c, uint32_t b)
{
    const unsigned char *p = c->data, *stop = c->end;
    uint32_t g = 0;
    c->lb = b;
    c->bits = NULL;
    if (c->n_blocks) {
        if (b >= c->n_blocks) {
            c->group = END_GROUP;
            return;
        }
        p = c->data + c->blk[b].off;
        if (c->blk[b].kind == IX_BLOCK_BITMAP) {
            c->base = b ? c->blk[b - 1].last + 1 : 0;
            c->words = (c->blk[b].last - c->base) / 64 + 1;
            c->n = b + 1 < c->n_blocks ? IX_BLOCK : (int)(c->df - b * IX_BLOCK);
            c->bytes = p;
            c->ranks = p + c->n;
            c->bits = c->ranks + c->words;
            if (!bm_find(c, 0, 0))
                c->group = END_GROUP;
            return;
        }
        if (b + 1 < c->n_blocks && c->data + c->blk[b + 1].off < stop)
            stop = c->data + c->blk[b + 1].off;
        if (b > 0)
            g = c->blk[b - 1].last;     /* deltas count from the block before */
    }
    int n = 0;
    while (n < IX_BLOCK && p < stop) {
        uint32_t d;
        if (*p < 0x80)
            d = *p++;
        else if (!ix_varint(&p, stop, &d))
            break;
        if (p >= stop || (g += d) >= c->limit)
            break;  /* a corrupt list: the index was checked, but stay safe */
        c->docs[n] = g;
        c->imps[n++] = *p++;
    }
    c->n = n;
    c->i = 0;
    c->group = n ? c->docs[0] : END_GROUP;
    c->byte = n ? c->imps[0] : 0;
}

static inline void cur_next(cursor *c)
{
    if (c->bits) {
        if (!bm_find(c, c->group - c->base + 1, c->i + 1))
            cur_load(c, c->lb + 1);
    } else if (++c->i < c->n) {
        c->group = c->docs[c->i];
        c->byte = c->imps[c->i];
    } else if (c->n_blocks) {
        cur_load(c, c->lb + 1);
    } else {
        c->group = END_GROUP;
    }
}

/* Point bi at the block that holds the first posting at or after group g,
 * without decoding anything: the block tables alone say where g falls. */
static inline void cur_shallow(cursor *c, uint32_t g)
{
    while (c->bi < c->n_blocks && c->blk[c->bi].last < g)
        c->bi++;
}

/* Move to the first posting at or after group g, skipping whole blocks. */
static inline void cur_seek(cursor *c, uint32_t g)
{
    if (c->group >= g)
        return;
    if (c->n_blocks) {
        cur_shallow(c, g);
        if (c->bi != c->lb)
            cur_load(c, c->bi);
    }
    while (c->group < g) {      /* END_GROUP is above every g */
        if (c->bits) {
            if (bm_find(c, g - c->base, -1))
                return;
        } else {
            int i = c->i;
            while (i < c->n && c->docs[i] < g)
                i++;
            if (i < c->n) {
                c->i = i;
                c->group = c->docs[i];
                c->byte = c->imps[i];
                return;
            }
            if (!c->n_blocks) {
                c->group = END_GROUP;
                return;
            }
        }
        cur_load(c, c->lb + 1);
    }
}

static void cur_open(cursor *c, const faq_index *ix, const alt_term *a, float wslot)
{
    const ix_term *T = &ix->terms[a->term];
    const float impact_scale = (float)((BM25_K1 + 1) / IX_IMPACT_MAX);
    c->blk = (const ix_block *)(ix->postings + T->post_off);
    c->n_blocks = T->n_blocks;
    c->df = T->df;
    c->bi = 0;
    c->data = ix->postings + T->post_off + (size_t)T->n_blocks * sizeof(ix_block);
    c->end = ix->postings + T->post_off + T->post_len;
    c->limit = ix->n_groups;
    c->mul = a->weight * T->idf * impact_scale;
    c->cq = a->weight * wslot;
    c->ca = c->cq * W_ANSWER_ONLY;
    c->ub = c->mul * (float)T->max_impact;
    cur_load(c, 0);
}


/* Add slot sc's part of group g (the best of its alternatives). */
static inline void slot_eval(slot_cur *sc, uint32_t g, int seek, float *score, float *cov,
                             uint32_t *mask)
{
    float best = 0, bcov = 0;
    for (int k = 0; k < sc->n; k++) {
        cursor *c = &sc->c[k];
        if (seek)
            cur_seek(c, g);
        if (c->group != g)
            continue;
        float v = c->mul * (float)(c->byte >> 1), cv = (c->byte & 1) ? c->cq : c->ca;
        if (v > best)
            best = v;
        if (cv > bcov)
            bcov = cv;
        if (!seek)
            cur_next(c);
    }
    if (best > 0 || bcov > 0) {
        *score += best;
        *cov += bcov;
        if (sc->slot < 32)
            *mask |= 1u << sc->slot;
    }
}

static int cmp_slot_ub(const void *a, const void *b)
{
    const slot_cur *x = *(slot_cur *const *)a, *y = *(slot_cur *const *)b;
    return x->ub < y->ub ? -1 : x->ub > y->ub;
}

/* Keep the RERANK best: a min-heap on (score, then larger group first out). */
static inline int cand_less(const cand *a, const cand *b)
{
    return a->score < b->score || (a->score == b->score && a->group > b->group);
}

static void heap_push(cand *h, int *n, int cap, cand c)
{
    int i;
    if (*n < cap) {
        i = (*n)++;
        while (i > 0 && cand_less(&c, &h[(i - 1) / 2])) {
            h[i] = h[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        h[i] = c;
        return;
    }
    if (!cand_less(&h[0], &c))
        return;
    i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        const cand *mc = &c;
        if (l < *n && cand_less(&h[l], mc)) { m = l; mc = &h[l]; }
        if (r < *n && cand_less(&h[r], mc)) { m = r; mc = &h[r]; }
        if (m == i)
            break;
        h[i] = h[m];
        i = m;
    }
    h[i] = c;
}

/* A score the RERANK-th best group reaches for sure: the RERANK-th best
 * part that one slot alone gives to distinct groups (scores only add up).
 * Known before the walk, it prunes from the first group on, where the list
 * would otherwise fill with whatever comes first. */
static float score_floor(const slot_cur *x)
{
    int best = 0;
    for (int k = 1; k < x->n; k++)
        if (x->c[k].ub > x->c[best].ub)
            best = k;
    cursor c = x->c[best];      /* a copy: the walk itself starts afresh */
    cand h[RERANK];             /* the best parts, a min-heap as the walk's */
    int n = 0;
    while (c.group != END_GROUP) {
        if (n == RERANK && c.n_blocks) {
            cur_shallow(&c, c.group);
            uint32_t b = c.bi;
            while (b < c.n_blocks && c.mul * (float)c.blk[b].max_impact <= (float)h[0].score)
                b++;
            if (b != c.bi) {
                cur_seek(&c, b < c.n_blocks ? c.blk[b - 1].last + 1 : END_GROUP);
                continue;
            }
        }
        heap_push(h, &n, RERANK, (cand){c.group, c.mul * (float)(c.byte >> 1), 0, 0, 0});
        cur_next(&c);
    }
    return n == RERANK ? (float)h[0].score : 0;
}

/* Document-at-a-time with MaxScore pruning: slots sorted by the most they
 * can add; once the RERANK-th best score is above what the weakest slots
 * can reach together, a group matched only by those cannot make the list,
 * so only the others ("essential") drive the walk, and the weak ones are
 * looked up by skipping, for the groups that may still make it. */
static void score_slots(searcher *s)
{
    const faq_index *ix = s->ix;
    /* the slots' cursors, ordered through pointers: a slot_cur is large */
    slot_cur *sc[FAQ_MAX_QUERY_TERMS];
    int ns = 0;
    for (int si = 0; si < s->n_slots; si++) {
        slot *sl = &s->slots[si];
        if (!sl->n_alts)
            continue;
        slot_cur *x = &s->scur[ns];
        x->n = 0;
        x->slot = si;
        x->ub = 0;
        for (int k = 0; k < sl->n_alts; k++) {
            cursor *c = &x->c[x->n];
            cur_open(c, ix, &sl->alts[k], (float)sl->weight);
            if (c->group == END_GROUP)
                continue;
            if (c->ub > x->ub)
                x->ub = c->ub;
            x->n++;
        }
        if (x->n) {
            sc[ns] = x;
            ns++;
        }
    }
    qsort(sc, (size_t)ns, sizeof *sc, cmp_slot_ub);
    float prefix[FAQ_MAX_QUERY_TERMS + 1];
    prefix[0] = 0;
    for (int i = 0; i < ns; i++)
        prefix[i + 1] = prefix[i] + sc[i]->ub;
    cand *heap = s->top;
    int nh = 0;
    /* a group cannot make the list when the most it can score is at or
     * below theta (the list's weakest, once full) or below floor_score */
    float theta = -1, floor_score = ns && s->pruning ? score_floor(sc[ns - 1]) : 0;
#define CANNOT_ENTER(bound) (((bound) <= theta && nh == RERANK) || (bound) < floor_score)
    int first_ess = 0;
    while (s->pruning && first_ess < ns && CANNOT_ENTER(prefix[first_ess + 1]))
        first_ess++;
    for (;;) {
        if (s->pruning && first_ess == ns - 1 && sc[first_ess]->n == 1) {
            /* one essential list, the usual case: walk it alone, past
             * postings (and whole blocks) that cannot make the list even
             * with the best of every other slot */
            cursor *c = &sc[first_ess]->c[0];
            float rest = prefix[first_ess];
            while (c->group != END_GROUP) {
                if (c->n_blocks) {
                    /* whole blocks are passed on their table entry alone */
                    cur_shallow(c, c->group);
                    uint32_t b = c->bi;
                    while (b < c->n_blocks &&
                           CANNOT_ENTER(c->mul * (float)c->blk[b].max_impact + rest))
                        b++;
                    if (b != c->bi) {
                        cur_seek(c, b < c->n_blocks ? c->blk[b - 1].last + 1 : END_GROUP);
                        continue;
                    }
                }
                if (!CANNOT_ENTER(c->mul * (float)(c->byte >> 1) + rest))
                    break;
                cur_next(c);
            }
        }
        uint32_t g = END_GROUP;
        for (int i = first_ess; i < ns; i++)
            for (int k = 0; k < sc[i]->n; k++)
                if (sc[i]->c[k].group < g)
                    g = sc[i]->c[k].group;
        if (g == END_GROUP)
            break;
        float score = 0, cov = 0;
        uint32_t mask = 0;
        for (int i = first_ess; i < ns; i++)
            slot_eval(sc[i], g, 0, &score, &cov, &mask);
        int pruned = 0;
        for (int i = first_ess - 1; i >= 0; i--) {
            if (s->pruning && CANNOT_ENTER(score + prefix[i + 1])) {
                pruned = 1;
                break;
            }
            slot_eval(sc[i], g, 1, &score, &cov, &mask);
        }
        if (pruned || score <= 0)
            continue;
        if (nh < RERANK || score > theta) {
            heap_push(heap, &nh, RERANK, (cand){g, score, cov, mask, score});
            if (nh == RERANK && s->pruning) {
                theta = (float)heap[0].score;
                while (first_ess < ns && CANNOT_ENTER(prefix[first_ess + 1]))
                    first_ess++;
            }
        }
    }
#undef CANNOT_ENTER
    s->n_top = nh;
}

/* Does entry e's question (any phrasing) hold some alternative of slot a
 * right before some alternative of slot b? */
static int adjacent_in_question(const searcher *s, uint32_t e, const slot *a, const slot *b)
{
    const ix_entry *E = &s->ix->entries[e];
    const uint32_t *q = s->ix->qseq + E->qseq_off;
    for (uint32_t i = 0; i + 1 < E->qseq_len; i++) {
        int ha = 0, hb = 0;
        for (int k = 0; k < a->n_alts; k++)
            ha |= q[i] == a->alts[k].term;
        if (!ha)
            continue;
        for (int k = 0; k < b->n_alts; k++)
            hb |= q[i + 1] == b->alts[k].term;
        if (hb)
            return 1;
    }
    return 0;
}

/* The index's term for a token of an entry's text: by its word where the
 * vocabulary has it (the term the index gave it), else by its stem. */
static uint32_t token_term(const faq_index *ix, uint32_t lang, const token *t)
{
    uint32_t w = ix_find_word(ix, lang, t->word, t->word_len);
    return w != IX_NONE ? ix->words[w].term : ix_find_term(ix, lang, t->term, t->term_len);
}

static int slot_has_term(const slot *sl, uint32_t term)
{
    for (int k = 0; k < sl->n_alts; k++)
        if (sl->alts[k].term == term)
            return 1;
    return 0;
}

static int term_is_qword(const searcher *s, uint32_t term)
{
    const ix_term *T = &s->ix->terms[term];
    return analyzer_is_question_word(s->an[T->lang], s->ix->strings + T->text.off, T->text.len);
}

/* Does some phrasing of entry e's question ask, as the query does, of the
 * thing slot b names: b's word right after a question word, stop words
 * counted ("¿qué países son...?" and "¿Qué países forman parte...?",
 * whichever question word; not "¿Cómo puede un Estado...?")? */
typedef struct focus_ctx {
    const searcher *s;
    const slot *b;
    uint32_t lang;
    int after_qword, found;
} focus_ctx;

static int on_focus_token(void *ctx, const token *t)
{
    focus_ctx *c = ctx;
    if (t->is_synonym)
        return 0;
    if (c->after_qword && !t->is_stop) {
        uint32_t term = token_term(c->s->ix, c->lang, t);
        for (int k = 0; k < c->b->n_alts && term != IX_NONE; k++)
            if (c->b->alts[k].term == term) {
                c->found = 1;
                return 1;
            }
    }
    c->after_qword = t->is_qword;
    return 0;
}

/* Does a phrasing of entry e's question hold a term of slot x? */
static int in_question(const searcher *s, uint32_t e, const slot *x)
{
    const ix_entry *E = &s->ix->entries[e];
    const uint32_t *q = s->ix->qseq + E->qseq_off;
    for (uint32_t k = 0; k < E->qseq_len; k++)
        if (q[k] != IX_NONE && slot_has_term(x, q[k]))
            return 1;
    return 0;
}

/* Do entry e's questions hold every content word of the query but x and
 * y, one phrasing or another? ("which countries can join?" asks of
 * countries, but of joining too.) */
static int question_holds_rest(const searcher *s, uint32_t e, const slot *x, const slot *y)
{
    for (int i = 0; i < s->n_slots; i++) {
        const slot *z = &s->slots[i];
        if (z != x && z != y && !z->is_qword && z->n_alts && !in_question(s, e, z))
            return 0;
    }
    return 1;
}

static int asks_of(searcher *s, uint32_t e, const slot *b)
{
    const ix_entry *E = &s->ix->entries[e];
    /* first the question's terms, where stop words are gone: b's term right
     * after a question word there is needed, and is cheap to look for */
    const uint32_t *q = s->ix->qseq + E->qseq_off;
    int maybe = 0;
    for (uint32_t i = 1; i < E->qseq_len && !maybe; i++)
        maybe = q[i] != IX_NONE && q[i - 1] != IX_NONE && slot_has_term(b, q[i]) &&
                term_is_qword(s, q[i - 1]);
    if (!maybe)
        return 0;
    faq_entry fe;
    faq_index_entry(s->ix, e, &fe);
    focus_ctx c = {s, b, E->lang, 0, 0};
    analyzer *an = s->an[E->lang];
    analyzer_keep_stopwords(an, 1);
    analyzer_run(an, fe.question.s, fe.question.len, on_focus_token, &c);
    c.after_qword = 0;
    if (!c.found)
        analyzer_run(an, fe.alts.s, fe.alts.len, on_focus_token, &c);
    analyzer_keep_stopwords(an, 0);
    return c.found;
}

/* How well the query and the entry's question match: over each phrasing
 * of the question (in every language the group has), the F1 of the idf
 * share of its terms that some slot holds and the weight share of the
 * slots it holds; the best phrasing counts. An FAQ question that the query
 * restates whole is a better match than a longer one that merely contains
 * the query's words, and than a shorter one that says half of it. */
static double question_fit(const searcher *s, uint32_t g)
{
    const faq_index *ix = s->ix;
    double best = 0;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        uint32_t e = faq_index_group_entry(ix, g, l);
        if (e == IX_NONE)
            continue;
        const ix_entry *E = &ix->entries[e];
        const uint32_t *q = ix->qseq + E->qseq_off;
        double all = 0, hit = 0;
        uint32_t start = 0;
        for (uint32_t i = 0; i <= E->qseq_len; i++) {
            if (i == E->qseq_len || q[i] == IX_NONE) {
                double f = all > 0 ? hit / all : 0;
                if (all > 0) {
                    /* and how much of the question this phrasing says: a
                     * short entry question the user's words cover says
                     * little of a longer question (F1 of the two shares) */
                    double tot = 0, got = 0;
                    for (int sl = 0; sl < s->n_slots; sl++) {
                        const slot *x = &s->slots[sl];
                        if (!x->n_alts)
                            continue;
                        tot += x->weight;
                        for (uint32_t k = start; k < i; k++)
                            if (slot_has_term(x, q[k])) {
                                got += x->weight;
                                break;
                            }
                    }
                    double r = tot > 0 ? got / tot : 0;
                    f = f + r > 0 ? 2 * f * r / (f + r) : 0;
                }
                if (f > best)
                    best = f;
                all = hit = 0;
                start = i + 1;
                continue;
            }
            /* a term repeated in one phrasing counts once */
            int seen = 0;
            for (uint32_t k = i; k-- > 0 && q[k] != IX_NONE && !seen;)
                seen = q[k] == q[i];
            if (seen)
                continue;
            double w = ix->terms[q[i]].idf;
            all += w;
            for (int sl = 0; sl < s->n_slots; sl++)
                if (slot_has_term(&s->slots[sl], q[i])) {
                    hit += w;
                    break;
                }
        }
    }
    return best;
}

typedef struct phrase_ctx {
    const searcher *s;
    const slot *first;          /* the phrase's slots, in order */
    int n;
    int at;                     /* how many matched so far */
    int found;
    uint32_t lang;
} phrase_ctx;


static int on_phrase_token(void *ctx, const token *t)
{
    if (t->is_synonym)
        return 0;   /* only what the text says */
    phrase_ctx *c = ctx;
    uint32_t term = token_term(c->s->ix, c->lang, t);
    if (term != IX_NONE && slot_has_term(&c->first[c->at], term))
        c->at++;
    else
        c->at = (term != IX_NONE && slot_has_term(&c->first[0], term)) ? 1 : 0;
    if (c->at == c->n) {
        c->found = 1;
        return 1;
    }
    return 0;
}

/* Does entry e hold the quoted phrase p (its slots consecutive, stop words
 * skipped) in its question, an alternate phrasing or its answer? */
static int has_phrase(searcher *s, uint32_t e, int p)
{
    int first = -1, n = 0;
    for (int i = 0; i < s->n_slots; i++)
        if (s->slots[i].phrase == p) {
            if (first < 0)
                first = i;
            n++;
        }
    if (n < 2)
        return 1;
    const ix_entry *E = &s->ix->entries[e];
    phrase_ctx c = {s, &s->slots[first], n, 0, 0, E->lang};
    faq_entry fe;
    faq_index_entry(s->ix, e, &fe);
    faq_str texts[3] = {fe.question, fe.alts, fe.answer};
    for (int k = 0; k < 3 && !c.found; k++) {
        c.at = 0;
        analyzer_run(s->an[E->lang], texts[k].s, texts[k].len, on_phrase_token, &c);
    }
    return c.found;
}

/* The longest run of the question's words, stop words included, that an
 * entry's question repeats word for word ("quels sont les pays champions"
 * in "Quels sont les pays champions actuels ...?"): Meilisearch calls it
 * exactness. A dynamic programme over the entry's words as they come. */
typedef struct exact_ctx {
    const searcher *s;
    int run[FAQ_MAX_QUERY_TERMS * 2 + 1];   /* run[j + 1]: run ending at query word j */
    int best;
} exact_ctx;

static int on_exact_token(void *ctx, const token *t)
{
    if (t->is_synonym)
        return 0;   /* only what the text says */
    exact_ctx *c = ctx;
    const searcher *s = c->s;
    for (int j = s->n_toks - 1; j >= 0; j--) {
        const qtok *q = &s->toks[j];
        int same = q->word_len == t->word_len && memcmp(q->word, t->word, t->word_len) == 0;
        c->run[j + 1] = same ? c->run[j] + 1 : 0;
        if (c->run[j + 1] > c->best)
            c->best = c->run[j + 1];
    }
    return 0;
}

static int exact_run(searcher *s, uint32_t e)
{
    const ix_entry *E = &s->ix->entries[e];
    faq_entry fe;
    faq_index_entry(s->ix, e, &fe);
    exact_ctx c;
    memset(&c, 0, sizeof c);
    c.s = s;
    analyzer *an = s->an[E->lang];
    analyzer_keep_stopwords(an, 1);
    analyzer_skip_stemming(an, 1);
    analyzer_run(an, fe.question.s, fe.question.len, on_exact_token, &c);
    memset(c.run, 0, sizeof c.run);
    analyzer_run(an, fe.alts.s, fe.alts.len, on_exact_token, &c);
    analyzer_skip_stemming(an, 0);
    analyzer_keep_stopwords(an, 0);
    return c.best;
}

/* The entry to show for group g to someone asking in lang L. */
static uint32_t entry_for(const searcher *s, uint32_t g, uint32_t L)
{
    uint32_t e = faq_index_group_entry(s->ix, g, L);
    if (e != IX_NONE)
        return e;
    for (uint32_t l = 0; l < s->ix->n_langs; l++) {
        e = faq_index_group_entry(s->ix, g, l);
        if (e != IX_NONE && s->ix->entries[e].kind == ENTRY_FAQ)
            return e;
    }
    return IX_NONE;
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->group < y->group ? -1 : x->group > y->group;
}

/* Names an answer lists: capitalised words right after a comma, a
 * parenthesis or a semicolon ("(Ethiopia, Ghana, Morocco"). A sentence's
 * first word or a title ("the Global Compact") does not count. */
typedef struct names_ctx {
    const searcher *s;
    const char *text;
    size_t prev_end;
    int n;
    int known_listed;           /* a known name of the question is one of them */
} names_ctx;

static int on_name_token(void *ctx, const token *t)
{
    names_ctx *c = ctx;
    if (t->is_synonym)
        return 0;
    if (c->prev_end && starts_upper(t->raw, t->raw_len)) {
        int sep = 0;
        for (size_t k = c->prev_end; k < t->offset && !sep; k++)
            sep = c->text[k] == ',' || c->text[k] == '(' || c->text[k] == ';';
        c->n += sep;
        for (int i = 0; i < c->s->n_slots && sep && !c->known_listed; i++) {
            const slot *sl = &c->s->slots[i];
            c->known_listed = sl->is_name == 2 && sl->word_len == t->word_len &&
                              memcmp(sl->word, t->word, t->word_len) == 0;
        }
    }
    c->prev_end = t->offset + t->raw_len;
    return 0;
}

static int read_names(searcher *s, uint32_t e, int *known_listed)
{
    faq_entry fe;
    faq_index_entry(s->ix, e, &fe);
    analyzer *an = s->an[s->ix->entries[e].lang];
    names_ctx c = {s, fe.answer.s, 0, 0, 0};
    analyzer_keep_stopwords(an, 1);
    analyzer_skip_stemming(an, 1);
    analyzer_run(an, fe.answer.s, fe.answer.len, on_name_token, &c);
    analyzer_skip_stemming(an, 0);
    analyzer_keep_stopwords(an, 0);
    *known_listed = c.known_listed;
    return c.n;
}

static int listed_names(searcher *s, uint32_t e)
{
    if (!s->names_listed) {
        s->names_listed = malloc((size_t)s->ix->n_entries * sizeof *s->names_listed);
        if (!s->names_listed)
            return 0;
        memset(s->names_listed, 0xff, (size_t)s->ix->n_entries * sizeof *s->names_listed);
    }
    if (s->names_listed[e] >= 0)
        return s->names_listed[e];
    int unused;
    int n = read_names(s, e, &unused);
    s->names_listed[e] = (int16_t)(n < INT16_MAX ? n : INT16_MAX);
    return n;
}

/* Mark the question's words that name something no language of the FAQ
 * knows: capitalised, past its first word ("is the UK...", "¿está
 * España..."). Returns how many. */
static int mark_names(searcher *s, const char *q)
{
    const faq_index *ix = s->ix;
    int n = 0;
    for (int i = 0; i < s->n_slots; i++) {
        slot *sl = &s->slots[i];
        sl->is_name = 0;
        if (!s->n_toks || sl->raw_off == s->toks[0].raw_off || sl->is_qword ||
            !starts_upper(q + sl->raw_off, sl->raw_len))
            continue;
        if (sl->n_alts) {
            /* a word of the FAQ: a name only where an answer lists it,
             * which listed_names() tells ("Morocco", not "Fondo") */
            sl->is_name = 2;
            n++;
            continue;
        }
        int known = 0;
        for (uint32_t l = 0; l < ix->n_langs && !known; l++)
            known = smalltalk_word(s, l, sl->word, sl->word_len) ||
                    wordset_has(&s->syn_words, l, sl->word, sl->word_len);
        sl->is_name = !known;
        n += sl->is_name;
    }
    return n;
}

/* Two words of the question side by side in an answer ("nota
 * informativa") say more than each alone: where they stand so, they cover
 * the question as words of the entry's question do. For a leader that
 * would be declined only. */
typedef struct pair_ctx {
    const searcher *s;
    uint32_t lang;
    const slot *x, *y;
    int prev_x, found;
} pair_ctx;

static int on_pair_token(void *ctx, const token *t)
{
    pair_ctx *c = ctx;
    if (t->is_synonym)
        return 0;
    uint32_t term = token_term(c->s->ix, c->lang, t);
    if (term == IX_NONE) {
        c->prev_x = 0;
        return 0;
    }
    if (c->prev_x && slot_has_term(c->y, term)) {
        c->found = 1;
        return 1;
    }
    c->prev_x = slot_has_term(c->x, term);
    return 0;
}


static void cover_answer_pairs(searcher *s, cand *c, uint32_t L)
{
    uint32_t e = entry_for(s, c->group, L);
    if (e == IX_NONE)
        return;
    double total = 0, gain = 0;
    for (int i = 0; i < s->n_slots; i++)
        total += s->slots[i].weight;
    faq_entry fe;
    faq_index_entry(s->ix, e, &fe);
    uint8_t counted[FAQ_MAX_QUERY_TERMS] = {0};
    for (int a = 0; a + 1 < s->n_slots && a + 1 < 32; a++) {
        const slot *x = &s->slots[a], *y = &s->slots[a + 1];
        if (x->is_qword || y->is_qword || !((c->mask >> a) & 1) || !((c->mask >> (a + 1)) & 1) ||
            y->pos != x->pos + 1 || in_question(s, e, x) || in_question(s, e, y))
            continue;
        pair_ctx p = {s, s->ix->entries[e].lang, x, y, 0, 0};
        analyzer_run(s->an[p.lang], fe.answer.s, fe.answer.len, on_pair_token, &p);
        if (!p.found)
            continue;
        for (int k = a; k <= a + 1; k++)
            if (!counted[k]) {
                counted[k] = 1;
                gain += (1 - W_ANSWER_ONLY) * s->slots[k].weight;
            }
    }
    if (total > 0)
        c->cover += gain / total;
    if (c->cover > 1)
        c->cover = 1;
}

/* Rank: the best RERANK groups by BM25F, then proximity and phrases. */
static void rank(searcher *s, uint32_t L)
{
    cand *top = s->top;
    int n = s->n_top;
    double total = 0;
    for (int i = 0; i < s->n_slots; i++)
        total += s->slots[i].weight;
    for (int i = 0; i < n; i++) {
        cand *c = &top[i];
        c->cover = total > 0 ? c->cover / total : 0;
        if (c->cover > 1)
            c->cover = 1;
        uint32_t e = entry_for(s, c->group, L);
        if (e == IX_NONE)
            continue;
        /* words of the question standing together in the entry's question */
        double bonus = 0;
        for (int a = 0; a + 1 < s->n_slots; a++) {
            const slot *x = &s->slots[a], *y = &s->slots[a + 1];
            if (!x->n_alts || !y->n_alts || a + 1 >= 32)
                continue;
            if (!((c->mask >> a) & 1) || !((c->mask >> (a + 1)) & 1))
                continue;
            uint32_t eq = faq_index_group_entry(s->ix, c->group, s->ix->terms[x->alts[0].term].lang);
            if (eq != IX_NONE && adjacent_in_question(s, eq, x, y))
                bonus += PROXIMITY_BONUS * (x->idf + y->idf) / 2;
        }
        /* the thing asked about: "what countries", "qué países" */
        for (int a = 0; a + 1 < s->n_slots; a++) {
            const slot *x = &s->slots[a], *y = &s->slots[a + 1];
            if (x->is_qword && !y->is_qword && y->n_alts && y->pos == x->pos + 1) {
                uint32_t eq = faq_index_group_entry(s->ix, c->group, s->ix->terms[y->alts[0].term].lang);
                if (eq != IX_NONE && question_holds_rest(s, eq, x, y) && asks_of(s, eq, y)) {
                    c->score *= 1 + FOCUS_BONUS;
                    break;
                }
            }
        }
        c->score += bonus;
        c->score *= 1 + QUESTION_FIT * question_fit(s, c->group);
        for (int p = 1; p <= s->phrase_count; p++) {
            uint32_t ep = faq_index_group_entry(s->ix, c->group, L);
            if (ep == IX_NONE)
                ep = e;
            if (!has_phrase(s, ep, p)) {
                c->score = 0;
                break;
            }
        }
    }
    /* a question naming a place or body the FAQ does not know ("is the UK
     * a champion country?") is best answered by the list of those it does;
     * but a name is no evidence that the FAQ knows the topic: the
     * confidence stays as it is ("who is Antonio Vitorino?") */
    if (s->names_unknown) {
        int unknown = 0;
        for (int i = 0; i < s->n_slots; i++)
            unknown |= s->slots[i].is_name == 1;
        for (int i = 0; i < n; i++) {
            uint32_t e = entry_for(s, top[i].group, L);
            if (e == IX_NONE || listed_names(s, e) < NAME_LIST_MIN)
                continue;
            int known_listed = 0;
            if (!unknown)
                read_names(s, e, &known_listed);
            if (unknown || known_listed)
                top[i].score *= 1 + NAME_BONUS;
        }
    }
    /* the question said word for word in an entry's question: among the
     * close contenders only, since reading questions costs */
    double lead = 0;
    for (int i = 0; i < n; i++)
        if (top[i].score > lead)
            lead = top[i].score;
    for (int i = 0; i < n && s->n_toks >= EXACT_MIN_WORDS; i++) {
        uint32_t e = entry_for(s, top[i].group, L);
        if (e == IX_NONE || top[i].score < EXACT_RANGE * lead)
            continue;
        int run = exact_run(s, e);
        if (run >= EXACT_MIN_WORDS)
            top[i].score *= 1 + EXACT_BONUS * run / s->n_toks;
    }
    qsort(top, (size_t)n, sizeof *top, cmp_cand);
    while (n > 0 && top[n - 1].score <= 0)
        n--;
    s->n_top = n;
}

/* ---- small talk ---- */


/* Is question word q small-talk word w, or one typo away ("holaa")? */
static int same_word(const qtok *q, const char *w, size_t m)
{
    if (q->word_len == m && memcmp(q->word, w, m) == 0)
        return 1;
    return m >= 4 && q->word_len >= 4 && q->word[0] == w[0] &&
           typo_distance(q->word, q->word_len, w, m) == 1;
}

/* Is phrase p a run of the question's words starting at token i? */
static int st_at(const searcher *s, const struct st_phrase *p, int i)
{
    const char *x = p->words;
    for (size_t k = 0; k < p->n_words; k++, i++) {
        size_t n = strlen(x);
        if (i >= s->n_toks || !same_word(&s->toks[i], x, n))
            return 0;
        x += n + 1;
    }
    return 1;
}

/* Does phrase p stand whole somewhere in the question? */
static int phrase_whole(const searcher *s, const struct st_phrase *p)
{
    for (int i = 0; i < s->n_toks; i++)
        if (st_at(s, p, i))
            return 1;
    return 0;
}

/* Does the question hold the small-talk word whose term is t and folded
 * form w, or a word one typo away from it ("holaa")? */
static int question_has_key(const searcher *s, const char *t, const char *w)
{
    size_t n = strlen(t), m = strlen(w);
    for (int i = 0; i < s->n_toks; i++) {
        const qtok *q = &s->toks[i];
        /* a stop word may still be a key by its stem: "pode" for "podes" */
        if ((q->term_len == n && memcmp(q->term, t, n) == 0) || (!q->is_stop && same_word(q, w, m)))
            return 1;
    }
    return 0;
}

/* Does every key word of phrase p stand in the question? (A phrase of stop
 * words alone, "hola", "how are you", has to stand whole.) */
static int phrase_within(const searcher *s, const struct st_phrase *p)
{
    if (!p->n_keys)
        return 0;
    const char *t = p->keys;
    for (size_t i = 0; i < p->n_keys; i++) {
        const char *w = t + strlen(t) + 1;
        if (!question_has_key(s, t, w))
            return 0;
        t = w + strlen(w) + 1;
    }
    return 1;
}

/* Is word i of the question a word of language l's small talk, by its
 * form or by its term ("pode" for "podes")? */
static int smalltalk_token(const searcher *s, uint32_t l, int i)
{
    const qtok *q = &s->toks[i];
    if (smalltalk_word(s, l, q->word, q->word_len))
        return 1;
    for (size_t k = 0; k < s->n_st; k++) {
        const struct st_phrase *p = &s->st[k];
        if (p->lang != l)
            continue;
        const char *t = p->keys;
        for (size_t j = 0; j < p->n_keys; j++) {
            size_t n = strlen(t);
            if (n == q->term_len && memcmp(t, q->term, n) == 0)
                return 1;
            t += n + 1;
            t += strlen(t) + 1;
        }
        const char *w = p->words;
        for (size_t j = 0; j < p->n_words; j++) {
            size_t n = strlen(w);
            if (same_word(q, w, n))
                return 1;
            w += n + 1;
        }
    }
    return 0;
}

/* A greeting, thanks...: every word of the question belongs to the small
 * talk of one language (or is a stop word of it) and one of its phrases
 * stands whole in the question, or all its key words do ("o que você pode
 * fazer" for "o que podes fazer"). Returns the entry, or IX_NONE. */
static uint32_t match_smalltalk(searcher *s, uint32_t L)
{
    if (!s->n_st || !s->n_toks || s->n_toks > 12)
        return IX_NONE;
    uint32_t best = IX_NONE;
    size_t best_words = 0;
    int best_in_L = 0;
    for (uint32_t l = 0; l < s->ix->n_langs; l++) {
        int all = 1;
        for (int i = 0; i < s->n_toks && all; i++) {
            const qtok *t = &s->toks[i];
            if (analyzer_is_stopword(s->an[l], t->word, t->word_len))
                continue;
            all = smalltalk_token(s, l, i);
        }
        if (!all)
            continue;
        for (size_t k = 0; k < s->n_st; k++) {
            const struct st_phrase *p = &s->st[k];
            if (p->lang != l)
                continue;
            /* a phrase standing whole beats one whose key words are
             * scattered; then the longer, then the question's language */
            int whole = phrase_whole(s, p);
            if (!whole && !phrase_within(s, p))
                continue;
            size_t rank = p->n_words + (whole ? 100 : 0);
            int in_L = l == L;
            if (rank > best_words || (rank == best_words && in_L && !best_in_L)) {
                best = p->entry;
                best_words = rank;
                best_in_L = in_L;
            }
        }
    }
    return best;
}

/* A short question the FAQ does not answer may still be small talk said
 * with other words around it ("how are you today?", "merci pour ces
 * informations"): a phrase of the question's language whose key words
 * stand in the question and make at least half of its words that are not
 * stop or question words, or a phrase of stop words alone standing whole
 * beside at most one other word. Returns the entry of the phrase with the
 * most key words, or IX_NONE. */
static uint32_t smalltalk_within(const searcher *s, uint32_t L)
{
    size_t content = 0;
    for (int i = 0; i < s->n_toks; i++)
        content += !s->toks[i].is_stop && !s->toks[i].is_qword;
    uint32_t best = IX_NONE;
    size_t best_keys = 0, best_words = 0;
    for (size_t k = 0; k < s->n_st; k++) {
        const struct st_phrase *p = &s->st[k];
        if (p->lang != L)
            continue;
        int ok = p->n_keys ? 2 * p->n_keys >= content && phrase_within(s, p)
                           : content <= 1 && phrase_whole(s, p);
        if (ok && (p->n_keys > best_keys || (p->n_keys == best_keys && p->n_words > best_words))) {
            best = p->entry;
            best_keys = p->n_keys;
            best_words = p->n_words;
        }
    }
    return best;
}

/* ---- the query ---- */

static uint32_t prepare(searcher *s, const char *q, size_t len, const faq_query_opts *o,
                        int *corrected)
{
    const faq_index *ix = s->ix;
    int forced = o && o->lang ? faq_index_lang_find(ix, o->lang) : -1;
    int prev = o && o->prev_lang ? faq_index_lang_find(ix, o->prev_lang) : -1;
    uint32_t first = forced >= 0 ? (uint32_t)forced : prev >= 0 ? (uint32_t)prev : 0;
    s->q = q;
    tokenize(s, first, q, len);
    uint32_t L = forced >= 0 ? (uint32_t)forced : detect_lang(s, prev, q, len);
    if (L != first)
        tokenize(s, L, q, len);   /* stems and stop words are the language's own */
    s->phrase_count = 0;
    for (int i = 0; i < s->n_toks; i++)
        if (s->toks[i].phrase > s->phrase_count)
            s->phrase_count = s->toks[i].phrase;
    *corrected = build_slots(s, L, !(o && o->no_typos));
    s->names_unknown = mark_names(s, q);
    score_slots(s);
    rank(s, L);
    return L;
}

int searcher_topk(searcher *s, const char *q, size_t len, const faq_query_opts *opts,
                  faq_hit *hits, int k)
{
    if (len > FAQ_MAX_QUESTION_BYTES || !utf8_valid(q, len))
        return 0;
    int corrected;
    uint32_t L = prepare(s, q, len, opts, &corrected);
    int n = 0;
    for (int i = 0; i < s->n_top && n < k; i++) {
        uint32_t e = entry_for(s, s->top[i].group, L);
        if (e != IX_NONE)
            hits[n++] = (faq_hit){e, s->top[i].score};
    }
    return n;
}

static void build_corrected(searcher *s, const char *q, size_t len)
{
    /* the question with each corrected word replaced by its correction */
    size_t o = 0, at = 0;
    char *out = s->corrected;
    size_t cap = sizeof s->corrected;
    for (int i = 0; i < s->n_slots; i++) {
        const slot *sl = &s->slots[i];
        if (!sl->n_alts || sl->alts[0].kind != ALT_TYPO)
            continue;
        const ix_word *w = &s->ix->words[sl->alts[0].word];
        size_t keep = sl->raw_off - at;
        if (o + keep + w->text.len + 1 > cap)
            break;
        memcpy(out + o, q + at, keep);
        o += keep;
        memcpy(out + o, s->ix->strings + w->text.off, w->text.len);
        o += w->text.len;
        at = sl->raw_off + sl->raw_len;
    }
    if (o + (len - at) + 1 <= cap) {
        memcpy(out + o, q + at, len - at);
        o += len - at;
    }
    out[o] = '\0';
}

static void explain_answer(searcher *s, uint32_t L, double threshold)
{
    const faq_index *ix = s->ix;
    s->explain_len = 0;
    explainf(s, "query language: %s\n", ix->langs[L].code);
    for (int i = 0; i < s->n_slots; i++) {
        const slot *sl = &s->slots[i];
        explainf(s, "%s \"%s\": weight %.3f%s\n", sl->is_phrase ? "phrase, as" : "word", sl->word,
                 sl->weight, sl->n_alts ? "" : " (unknown to the FAQ)");
        for (int k = 0; k < sl->n_alts; k++) {
            const alt_term *a = &sl->alts[k];
            const ix_term *T = &ix->terms[a->term];
            explainf(s, "  -> %s term \"%.*s\" (%s) x%.2f idf %.3f df %u\n", alt_kind_name[a->kind],
                     (int)T->text.len, ix->strings + T->text.off, ix->langs[T->lang].code,
                     a->weight, T->idf, T->df);
        }
    }
    for (int i = 0; i < s->n_top && i < 4; i++) {
        const cand *c = &s->top[i];
        uint32_t e = entry_for(s, c->group, L);
        if (e == IX_NONE)
            continue;
        const ix_entry *E = &ix->entries[e];
        explainf(s, "#%d %.*s: score %.3f, coverage %.3f; matched:", i + 1, (int)E->id.len,
                 ix->strings + E->id.off, c->score, c->cover);
        for (int k = 0; k < s->n_slots && k < 32; k++)
            if ((c->mask >> k) & 1)
                explainf(s, " %s", s->slots[k].word);
        explainf(s, "\n");
    }
    explainf(s, "decline threshold on confidence: %.2f\n", threshold);
}

typedef struct hl_ctx { searcher *s; faq_answer *a; uint32_t lang; size_t used; } hl_ctx;

/* Collect the entry's own words that carry a matched term, for highlighting. */
static int on_highlight(void *ctx, const token *t)
{
    if (t->is_synonym)
        return 0;   /* only what the text says */
    hl_ctx *h = ctx;
    searcher *s = h->s;
    faq_answer *a = h->a;
    if (a->n_matched >= FAQ_MAX_QUERY_TERMS)
        return 1;
    const faq_index *ix = s->ix;
    uint32_t w = ix_find_word(ix, h->lang, t->word, t->word_len);
    uint32_t term = w != IX_NONE ? ix->words[w].term : IX_NONE;
    if (term == IX_NONE)
        return 0;
    uint32_t mask = s->top[0].mask;
    int hit = 0;
    for (int i = 0; i < s->n_slots && i < 32 && !hit; i++)
        if ((mask >> i) & 1)
            hit = slot_has_term(&s->slots[i], term);
    if (!hit)
        return 0;
    for (int i = 0; i < a->n_matched; i++)
        if (a->matched_len[i] == t->word_len && memcmp(a->matched[i], t->word, t->word_len) == 0)
            return 0;
    if (h->used + t->word_len + 1 > sizeof s->matched_buf)
        return 1;
    char *dst = s->matched_buf + h->used;
    memcpy(dst, t->word, t->word_len);
    dst[t->word_len] = '\0';
    h->used += t->word_len + 1;
    a->matched[a->n_matched] = dst;
    a->matched_len[a->n_matched] = t->word_len;
    a->n_matched++;
    return 0;
}

/* The decline model's features of leader c1 (entry e1): see decline_model.h. */
static void decline_features(const searcher *s, const cand *c1, uint32_t e1, double *x)
{
    double total = 0, known = 0, in_q = 0, most = 0;
    int content = 0, unk_word = 0, unk_other = 0;
    for (int i = 0; i < s->n_slots; i++) {
        const slot *sl = &s->slots[i];
        total += sl->weight;
        if (!sl->is_qword) {
            /* a name the dictionary holds ("España") is no ordinary word */
            int kind = sl->unknown == 1 && sl->is_name ? 2 : sl->unknown;
            content++;
            unk_word += kind == 1;
            unk_other += kind == 2;
        }
        if (!sl->n_alts)
            continue;
        known += sl->weight;
        double m = 0;
        for (int k = 0; k < sl->n_alts; k++) {
            double v = sl->alts[k].weight * s->ix->terms[sl->alts[k].term].idf;
            if (v > m)
                m = v;
        }
        most += m * (BM25_K1 + 1);
        if (i < 32 && ((c1->mask >> i) & 1) && e1 != IX_NONE && in_question(s, e1, sl))
            in_q += sl->weight;
    }
    x[DF_COVER] = c1->cover;
    x[DF_KNOWN_COVER] = known > 0 ? fmin(1, c1->cover * total / known) : 0;
    x[DF_UNK_WORD] = content ? (double)unk_word / content : 0;
    x[DF_UNK_OTHER] = content ? (double)unk_other / content : 0;
    x[DF_QFIELD] = known > 0 ? in_q / known : 0;
    x[DF_MARGIN] = s->n_top > 1 && c1->score > 0 ? 1 - s->top[1].score / c1->score : 1;
    x[DF_FIT] = question_fit(s, c1->group);
    x[DF_BM25] = most > 0 ? fmin(1, c1->bm25 / most) : 0;
}

int searcher_ask(searcher *s, const char *q, size_t len, const faq_query_opts *opts,
                 faq_answer *out)
{
    const faq_index *ix = s->ix;
    memset(out, 0, sizeof *out);
    out->outcome = OUTCOME_DECLINE;
    out->best = (faq_hit){UINT32_MAX, 0};
    double threshold = opts && opts->threshold >= 0 ? opts->threshold : DECLINE_THRESHOLD;
    if (!utf8_valid(q, len)) {
        out->bad_utf8 = 1;
        int l = opts && opts->lang ? faq_index_lang_find(ix, opts->lang) : -1;
        if (l < 0 && opts && opts->prev_lang)
            l = faq_index_lang_find(ix, opts->prev_lang);
        out->query_lang = ix->langs[l < 0 ? 0 : l].code;
        return 0;
    }
    if (len > FAQ_MAX_QUESTION_BYTES) {
        /* front ends refuse longer; the core cuts, on a code point boundary */
        len = FAQ_MAX_QUESTION_BYTES;
        while (len > 0 && ((unsigned char)q[len] & 0xC0) == 0x80)
            len--;
    }
    int corrected;
    uint32_t L = prepare(s, q, len, opts, &corrected);
    out->query_lang = ix->langs[L].code;
    /* the coverage below which the leader's answer is read for pairs of
     * the question's words, and small talk is looked for within */
    double cover_th = DECLINE_COVER_FLOOR;
    if (s->n_top && s->top[0].cover < cover_th)
        cover_answer_pairs(s, &s->top[0], L);

    uint32_t st = match_smalltalk(s, L);
    if (st == IX_NONE && (s->n_top == 0 || s->top[0].cover < cover_th))
        st = smalltalk_within(s, L);
    if (st != IX_NONE) {
        /* answer in the asker's language when the small talk has it */
        uint32_t e = faq_index_group_entry(ix, ix->entries[st].group, L);
        out->outcome = OUTCOME_SMALLTALK;
        out->best = (faq_hit){e != IX_NONE ? e : st, 1.0};
        out->confidence = 1.0;
        if (opts && opts->explain) {
            s->explain_len = 0;
            explainf(s, "small talk: %.*s\n", (int)ix->entries[st].id.len,
                     ix->strings + ix->entries[st].id.off);
            out->explain = s->explain;
        }
        return 0;
    }
    if (s->n_top == 0) {
        if (opts && opts->explain) {
            explain_answer(s, L, threshold);
            out->explain = s->explain;
        }
        return 0;
    }
    const cand *c1 = &s->top[0];
    uint32_t e1 = entry_for(s, c1->group, L);
    out->best = (faq_hit){e1, c1->score};
    out->other_lang = e1 != IX_NONE && ix->entries[e1].lang != L;
    /* confidence: the decline model's (decline_model.h) */
    decline_features(s, c1, e1, out->features);
    out->has_features = 1;
    out->confidence = decline_confidence(decline_model_default(), out->features);
    int n_alt = 0;
    for (int i = 1; i < s->n_top && n_alt < FAQ_MAX_ALTERNATIVES; i++) {
        if (s->top[i].score < ALT_RATIO * c1->score && out->confidence >= threshold)
            break;
        uint32_t e = entry_for(s, s->top[i].group, L);
        if (e != IX_NONE)
            out->alts[n_alt++] = (faq_hit){e, s->top[i].score};
    }
    out->n_alts = n_alt;
    if (out->confidence < threshold) {
        out->outcome = OUTCOME_DECLINE;
    } else if (s->n_top > 1 && s->top[1].score >= CLARIFY_RATIO * c1->score &&
               s->top[1].cover >= c1->cover - 0.02 && s->top[1].cover >= cover_th) {
        out->outcome = OUTCOME_CLARIFY;
    } else {
        out->outcome = OUTCOME_ANSWER;
    }
    if (corrected) {
        /* show "did you mean" only when a correction counts in the winner */
        int used = 0;
        for (int i = 0; i < s->n_slots && i < 32; i++)
            if (s->slots[i].n_alts && s->slots[i].alts[0].kind == ALT_TYPO && ((c1->mask >> i) & 1))
                used = 1;
        if (used) {
            build_corrected(s, q, len);
            out->corrected = s->corrected;
        }
    }
    if (e1 != IX_NONE && out->outcome != OUTCOME_DECLINE && opts && opts->highlight) {
        const ix_entry *E = &ix->entries[e1];
        faq_entry fe;
        faq_index_entry(ix, e1, &fe);
        hl_ctx h = {s, out, E->lang, 0};
        analyzer_skip_stemming(s->an[E->lang], 1);
        analyzer_run(s->an[E->lang], fe.question.s, fe.question.len, on_highlight, &h);
        analyzer_run(s->an[E->lang], fe.answer.s, fe.answer.len, on_highlight, &h);
        analyzer_skip_stemming(s->an[E->lang], 0);
    }
    if (opts && opts->explain) {
        explain_answer(s, L, threshold);
        out->explain = s->explain;
    }
    return 0;
}
