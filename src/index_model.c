/* index_model.c: the MODEL section, made and read (index_model.h). */
#include "index_model.h"

#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "buf.h"
#include "corpus.h"
#include "index_internal.h"
#include "known_synonyms.h"
#include "limits.h"
#include "thesaurus.h"
#include "utf8.h"

/* ---- made by the build ---- */

#define MODEL_MAX_BYTES ((size_t)1 << 30)

uint64_t index_model_syn_key(uint32_t lang, const char *stem, size_t n)
{
    return hash_bytes(HASH_SEED ^ ((uint64_t)lang << 56), stem, n);
}

/* Strings, each NUL-ended, back to back; how many. */
typedef struct strlist {
    buf b;
    uint32_t n;
} strlist;

#define STRLIST_INIT {BUF_INIT(MODEL_MAX_BYTES), 0}

static int strlist_add(strlist *l, const char *s, size_t n)
{
    if (buf_add_str0(&l->b, s, n) != BUF_OK)
        return -1;
    l->n++;
    return 0;
}

static int put_u32(buf *out, uint32_t v) { return buf_add(out, &v, sizeof v) != BUF_OK ? -1 : 0; }
static int put_u64(buf *out, uint64_t v) { return buf_add(out, &v, sizeof v) != BUF_OK ? -1 : 0; }

/* A list: its strings' count, its bytes' count, its bytes. */
static int put_list(buf *out, const char *s, uint32_t n, size_t len)
{
    if (put_u32(out, n) || put_u32(out, (uint32_t)len))
        return -1;
    return len && buf_add(out, s, len) != BUF_OK ? -1 : 0;
}

static int put_strlist(buf *out, const strlist *l) { return put_list(out, l->b.s, l->n, l->b.len); }

typedef struct syn_entry_rec {
    uint64_t key;
    uint32_t first, count;
} syn_entry_rec;

/* The table of words as the build gathers it: (language, word) once each
 * with its bits, in an open-addressing table of record numbers + 1. */
typedef struct word_rec {
    uint32_t lang, flags;
    size_t off, len;            /* in text */
} word_rec;

typedef struct word_table {
    word_rec *v;
    size_t n, cap_v;
    uint32_t *slots;
    size_t cap;
    buf text;
} word_table;

static size_t word_slot(const word_table *t, uint32_t lang, const char *w, size_t n)
{
    size_t i = ix_hash(lang, w, n) & (t->cap - 1);
    for (; t->slots[i]; i = (i + 1) & (t->cap - 1)) {
        const word_rec *r = &t->v[t->slots[i] - 1];
        if (r->lang == lang && r->len == n && memcmp(t->text.s + r->off, w, n) == 0)
            break;
    }
    return i;
}

/* Language lang's word w (n bytes) in the table, with bit flag. */
static int word_mark(word_table *t, uint32_t lang, const char *w, size_t n, uint32_t flag)
{
    if ((t->n + 1) * 2 > t->cap) {   /* half full at most, as the reader expects nothing */
        size_t cap = t->cap ? t->cap * 2 : 64;
        uint32_t *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        free(t->slots);
        t->slots = slots;
        t->cap = cap;
        for (size_t k = 0; k < t->n; k++)
            t->slots[word_slot(t, t->v[k].lang, t->text.s + t->v[k].off, t->v[k].len)] =
                (uint32_t)k + 1;
    }
    size_t i = word_slot(t, lang, w, n);
    if (t->slots[i]) {
        t->v[t->slots[i] - 1].flags |= flag;
        return 0;
    }
    if (grow(&t->v, &t->cap_v, t->n + 1, sizeof *t->v, 256) != 0)
        return -1;
    size_t off = t->text.len;
    if (buf_add(&t->text, w, n) != BUF_OK)
        return -1;
    t->v[t->n++] = (word_rec){lang, flag, off, n};
    t->slots[i] = (uint32_t)t->n;
    return 0;
}

/* Each NUL-ended word of a list, marked. */
static int word_mark_list(word_table *t, uint32_t lang, const char *s, size_t n, uint32_t flag,
                          int every_other)
{
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(s);
        if ((!every_other || k % 2 == 0) && word_mark(t, lang, s, len, flag) != 0)
            return -1;
        s += len + 1;
    }
    return 0;
}

/* The table: cap, the records' bytes, the slots (each record's offset from
 * the section's start, at start in out), the records. */
static int put_words(buf *out, size_t start, const word_table *t)
{
    size_t rec_bytes = 0;
    for (size_t k = 0; k < t->n; k++)
        rec_bytes += 12 + t->v[k].len;
    if (put_u32(out, (uint32_t)t->cap) || put_u32(out, (uint32_t)rec_bytes))
        return -1;
    size_t first = out->len - start + t->cap * 4;
    size_t *at = malloc((t->n + 1) * sizeof *at);
    if (!at)
        return -1;
    for (size_t k = 0, off = first; k < t->n; k++) {
        at[k] = off;
        off += 12 + t->v[k].len;
    }
    int rc = first + rec_bytes > UINT32_MAX;
    for (size_t i = 0; i < t->cap && !rc; i++)
        rc = put_u32(out, t->slots[i] ? (uint32_t)at[t->slots[i] - 1] : 0);
    for (size_t k = 0; k < t->n && !rc; k++)
        rc = put_u32(out, t->v[k].lang) || put_u32(out, t->v[k].flags) ||
             put_u32(out, (uint32_t)t->v[k].len) ||
             buf_add(out, t->text.s + t->v[k].off, t->v[k].len) != BUF_OK;
    free(at);
    return rc ? -1 : 0;
}

/* What the build gathers of the index's languages before writing it. */
typedef struct model_make {
    const faq_index *ix;
    analyzer **an;
    uint32_t lang;              /* the language whose synonyms.txt is read */
    strlist syn_words;          /* its one-word members' words */
    strlist member_text;        /* their terms */
    syn_entry_rec *syn;
    size_t n_syn, cap_syn;
    uint32_t *syn_terms;
    size_t n_syn_terms, cap_syn_terms;
    word_table words;
    strlist *st_words;          /* per language: its small talk phrases' words */
    const thesaurus **thes;     /* per language: its thesaurus when its .idx is in order */
} model_make;

/* synonyms.txt: one group a line, members separated by commas. A member of
 * one word stands for the others; a phrase stands in the index as its
 * group's mark (analyzer_set_synonyms). A member need not be in the FAQ: a
 * question's word that is only in synonyms.txt still finds the members
 * that are. */
static int on_syn_group(void *ctx, const synonym_member *ms, int n)
{
    model_make *mk = ctx;
    const faq_index *ix = mk->ix;
    uint32_t l = mk->lang;
    uint64_t keys[ANALYZER_MAX_MEMBERS + 1];
    uint32_t terms[ANALYZER_MAX_MEMBERS + 1];
    int nk = 0, nt = 0, phrases = 0;
    char mark[FAQ_MAX_TERM_BYTES * 4 + 2] = "";
    for (int i = 0; i < n; i++) {
        const synonym_member *m = &ms[i];
        phrases += m->n_words > 1;
        if (m->n_words != 1 || m->n_stop || !m->term_len || m->term_len >= sizeof mark - 1)
            continue;   /* "learn more" is a phrase, not "learn" */
        if (strlist_add(&mk->syn_words, m->word, m->word_len) != 0 ||
            strlist_add(&mk->member_text, m->term, m->term_len) != 0)
            return -1;
        if (!mark[0]) {
            mark[0] = ANALYZER_GROUP_MARK;
            memcpy(mark + 1, m->term, m->term_len);
            mark[m->term_len + 1] = '\0';
        }
        keys[nk++] = index_model_syn_key(l, m->term, m->term_len);
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
        keys[nk++] = index_model_syn_key(l, mark, ml);
        uint32_t term = ix_find_term(ix, l, mark, ml);
        if (term != IX_NONE) {
            memmove(terms + 1, terms, (size_t)nt * sizeof *terms);
            terms[0] = term;
            nt++;
        }
    }
    for (int a = 0; a < nk && nt > 0; a++) {
        if (grow(&mk->syn, &mk->cap_syn, mk->n_syn + 1, sizeof *mk->syn, 64) != 0 ||
            grow(&mk->syn_terms, &mk->cap_syn_terms, mk->n_syn_terms + (size_t)nt,
                 sizeof *mk->syn_terms, 256) != 0)
            return -1;
        mk->syn[mk->n_syn++] = (syn_entry_rec){keys[a], (uint32_t)mk->n_syn_terms, (uint32_t)nt};
        memcpy(mk->syn_terms + mk->n_syn_terms, terms, (size_t)nt * sizeof *terms);
        mk->n_syn_terms += (size_t)nt;
    }
    return 0;
}

static int cmp_syn(const void *a, const void *b)
{
    const syn_entry_rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;   /* groups in file order */
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The strings of t, sorted by bytes, each once, as a list. */
static int put_sorted_once(buf *out, const strlist *t)
{
    const char **v = t->n ? malloc(t->n * sizeof *v) : NULL;
    if (t->n && !v)
        return -1;
    const char *x = t->b.s;
    for (uint32_t i = 0; i < t->n; i++, x += strlen(x) + 1)
        v[i] = x;
    if (t->n)
        qsort(v, t->n, sizeof *v, cmp_str);
    strlist sorted = STRLIST_INIT;
    int rc = 0;
    for (uint32_t i = 0; i < t->n && !rc; i++)
        if (i == 0 || strcmp(v[i - 1], v[i]) != 0)
            rc = strlist_add(&sorted, v[i], strlen(v[i]));
    free(v);
    rc = rc || put_strlist(out, &sorted);
    buf_free(&sorted.b);
    return rc ? -1 : 0;
}

typedef struct word_put { strlist *l[2]; } word_put;

static int put_stopword(void *ctx, const char *w, size_t n, int q)
{
    word_put *wp = ctx;
    return strlist_add(wp->l[q != 0], w, n);
}

/* Language l's words that tell it: its stop and question words, its
 * synonyms' one-word members. */
static int mark_lang_words(model_make *mk, uint32_t l, const strlist *stop, const strlist *qwords)
{
    return word_mark_list(&mk->words, l, stop->b.s, stop->n, IX_MODEL_LANG, 0) ||
           word_mark_list(&mk->words, l, qwords->b.s, qwords->n, IX_MODEL_LANG, 0) ||
           word_mark_list(&mk->words, l, mk->syn_words.b.s, mk->syn_words.n,
                          IX_MODEL_SYNONYM | IX_MODEL_LANG, 0);
}

typedef struct phrase_put {
    buf *out;
    uint32_t n;
} phrase_put;

static int count_phrase(void *ctx, const char *keys, int n, int strict, const char *word,
                        const char *term)
{
    ((phrase_put *)ctx)->n++;
    return 0;
}

static int put_phrase(void *ctx, const char *keys, int n, int strict, const char *word,
                      const char *term)
{
    buf *out = ((phrase_put *)ctx)->out;
    size_t klen = 0;
    for (int k = 0; k < n; k++)
        klen += strlen(keys + klen) + 1;
    size_t wl = strlen(word) + 1, tl = strlen(term) + 1;
    if (put_u32(out, (uint32_t)n) || put_u32(out, (uint32_t)strict) ||
        put_list(out, keys, (uint32_t)n, klen) || put_u32(out, 2) ||
        put_u32(out, (uint32_t)(wl + tl)) || buf_add(out, word, wl) != BUF_OK ||
        buf_add(out, term, tl) != BUF_OK)
        return -1;
    return 0;
}

/* The "!" lines of a stopwords.txt (digraph.h), each ended by a newline. */
static int settings_lines(const char *text, size_t len, strlist *out)
{
    buf b = BUF_INIT(MODEL_MAX_BYTES);
    const char *end = text + len;
    for (const char *p = text; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        if (*p == '!' && (buf_add(&b, p, (size_t)(eol - p)) != BUF_OK || buf_add(&b, "\n", 1) != BUF_OK))
            return -1;
        p = eol + 1;
    }
    int rc = strlist_add(out, b.s ? b.s : "", b.len);
    buf_free(&b);
    return rc;
}

/* Language l's part: its analyzer made from its texts, as a search of the
 * index reads them. */
/* The language's thesaurus's order stamp (thesaurus_order_stamp()) as a
 * list of one string, or of none when its .idx is not known in order;
 * the thesaurus so stamped into *th (else NULL). */
static int put_thesaurus_order(buf *out, const char *code, const thesaurus **th)
{
    char stamp[1400];
    int known = thesaurus_order_stamp(code, NULL, stamp, sizeof stamp);
    thesaurus *t = NULL;
    if (known < 0 || (known && thesaurus_open_ordered(code, NULL, stamp, strlen(stamp), &t) < 0))
        return -1;
    *th = t;
    return known ? put_list(out, stamp, 1, strlen(stamp) + 1) : put_list(out, NULL, 0, 0);
}

/* What a thesaurus with an order stamp gives each word of the index
 * (known_synonyms.h): u32 words (0 when no language has one), u32 items,
 * then both tables. */
static int put_known_synonyms(buf *out, model_make *mk)
{
    const faq_index *ix = mk->ix;
    int any = 0;
    for (uint32_t l = 0; l < ix->n_langs; l++)
        any |= mk->thes[l] != NULL;
    buf firsts = BUF_INIT(MODEL_MAX_BYTES), items = BUF_INIT(MODEL_MAX_BYTES);
    int rc = any ? known_synonyms_table(ix, mk->an, mk->thes, &firsts, &items) : 0;
    rc = rc || put_u32(out, (uint32_t)(firsts.len / 4)) ||
         put_u32(out, (uint32_t)(items.len / 4)) ||
         (firsts.len && buf_add(out, firsts.s, firsts.len) != BUF_OK) ||
         (items.len && buf_add(out, items.s, items.len) != BUF_OK);
    buf_free(&firsts);
    buf_free(&items);
    return rc ? -1 : 0;
}

static int put_lang(buf *out, model_make *mk, uint32_t l)
{
    const faq_index *ix = mk->ix;
    faq_str stop = faq_index_lang_stopwords(ix, l), syn = faq_index_lang_synonyms(ix, l);
    char *stopwords = malloc((size_t)stop.len + 1);   /* the analyzer reads it NUL-ended */
    if (!stopwords)
        return -1;
    memcpy(stopwords, stop.s, stop.len);
    stopwords[stop.len] = '\0';
    mk->an[l] = analyzer_new(ix->langs[l].code, stopwords);
    free(stopwords);
    mk->lang = l;
    strlist settings = STRLIST_INIT, words[2] = {STRLIST_INIT, STRLIST_INIT};
    word_put wp = {{&words[0], &words[1]}};
    phrase_put pp = {out, 0};
    int rc = !mk->an[l] ||
             (syn.len && analyzer_set_synonyms_each(mk->an[l], syn.s, syn.len, on_syn_group, mk) != 0) ||
             settings_lines(stop.s, stop.len, &settings) != 0 ||
             analyzer_each_stopword(mk->an[l], put_stopword, &wp) != 0 ||
             put_strlist(out, &settings) || put_strlist(out, &words[0]) ||
             put_strlist(out, &words[1]) || put_strlist(out, &mk->syn_words) ||
             put_sorted_once(out, &mk->member_text) != 0 ||
             put_thesaurus_order(out, ix->langs[l].code, &mk->thes[l]) != 0 ||
             mark_lang_words(mk, l, &words[0], &words[1]) != 0;
    if (!rc) {
        analyzer_each_phrase(mk->an[l], count_phrase, &pp);
        rc = put_u32(out, pp.n) || analyzer_each_phrase(mk->an[l], put_phrase, &pp) != 0;
    }
    buf_free(&settings.b);
    buf_free(&words[0].b);
    buf_free(&words[1].b);
    buf_free(&mk->syn_words.b);
    buf_free(&mk->member_text.b);
    mk->syn_words.n = mk->member_text.n = 0;
    return rc ? -1 : 0;
}

/* Words, then keys, of a small talk phrase. */
static int collect_word(void *ctx, const token *t)
{
    if (t->is_synonym)
        return 0;   /* only what the text says */
    return strlist_add(ctx, t->word, t->word_len) != 0;
}

/* A word that is not a stop word: its term, then the word itself. Question
 * words ("qué", "how") say nothing of which small talk it is. */
static int collect_key(void *ctx, const token *t)
{
    if (t->is_synonym || (t->is_qword && !t->is_stop))
        return 0;
    return strlist_add(ctx, t->term, t->term_len) != 0 || strlist_add(ctx, t->word, t->word_len) != 0;
}

/* Each non-empty string of the n at s added to l. */
static int strlist_add_each(strlist *l, const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        size_t len = strlen(s);
        if (len && strlist_add(l, s, len) != 0)
            return -1;
        s += len + 1;
    }
    return 0;
}

static int put_phrase_words(buf *out, uint32_t *count, word_table *words, strlist *st_words,
                            analyzer *an, uint32_t e, uint32_t lang, const char *text, size_t len)
{
    strlist w = STRLIST_INIT, k = STRLIST_INIT;
    analyzer_keep_stopwords(an, 1);
    int rw = analyzer_run(an, text, len, collect_word, &w);
    analyzer_keep_stopwords(an, 0);
    int rk = analyzer_run(an, text, len, collect_key, &k);
    int rc = 0;
    if (rw > 0 || rk > 0)
        rc = -1;   /* a list did not fit */
    else if (w.n) {
        rc = put_u32(out, e) || put_u32(out, lang) || put_strlist(out, &w) || put_strlist(out, &k) ||
             word_mark_list(words, lang, w.b.s, w.n, IX_MODEL_SMALLTALK | IX_MODEL_LANG, 0) ||
             word_mark_list(words, lang, k.b.s, k.n, IX_MODEL_SMALLTALK_TERM, 1) ||
             strlist_add_each(st_words, w.b.s, w.n);
        (*count)++;
    }
    buf_free(&w.b);
    buf_free(&k.b);
    return rc ? -1 : 0;
}

static int put_smalltalk_entry(buf *out, uint32_t *count, model_make *mk, uint32_t e)
{
    const ix_entry *E = &mk->ix->entries[e];
    faq_entry fe;
    faq_index_entry(mk->ix, e, &fe);
    analyzer *an = mk->an[E->lang];
    strlist *st_words = &mk->st_words[E->lang];
    if (put_phrase_words(out, count, &mk->words, st_words, an, e, E->lang, fe.question.s,
                         fe.question.len))
        return -1;
    for (faq_str alt; faq_str_line(&fe.alts, &alt);)
        if (put_phrase_words(out, count, &mk->words, st_words, an, e, E->lang, alt.s, alt.len))
            return -1;
    return 0;
}

/* The small talk phrases, in the order of their entries (the n numbers at
 * st, ascending: the build names them, so that a large index's entries are
 * not all read, and their pages not all in the build's memory, to find a
 * few); their count goes in front of them (at *at in out). */
static int put_smalltalk(buf *out, model_make *mk, const uint32_t *st, uint32_t n)
{
    const faq_index *ix = mk->ix;
    size_t at = out->len;
    uint32_t count = 0;
    if (put_u32(out, 0))
        return -1;
    for (uint32_t i = 0; i < n; i++)
        if (st[i] < ix->n_entries && ix->entries[st[i]].kind == ENTRY_SMALLTALK &&
            put_smalltalk_entry(out, &count, mk, st[i]))
            return -1;
    memcpy(out->s + at, &count, sizeof count);
    return 0;
}

/* Per language, its small talk phrases' words once each, sorted by bytes:
 * what a question's word one typo from one is compared with, which
 * opening an index then need not sort. */
static int put_smalltalk_words(buf *out, model_make *mk)
{
    for (uint32_t l = 0; l < mk->ix->n_langs; l++)
        if (put_sorted_once(out, &mk->st_words[l]) != 0)
            return -1;
    return 0;
}

int index_model_build(const faq_index *ix, const uint32_t *smalltalk, uint32_t n_smalltalk,
                      buf *out)
{
    size_t start = out->len;
    model_make mk = {ix, calloc(ix->n_langs ? ix->n_langs : 1, sizeof(analyzer *)), 0,
                     STRLIST_INIT, STRLIST_INIT, NULL, 0, 0, NULL, 0, 0,
                     {NULL, 0, 0, NULL, 0, BUF_INIT(MODEL_MAX_BYTES)},
                     calloc(ix->n_langs ? ix->n_langs : 1, sizeof(strlist)),
                     calloc(ix->n_langs ? ix->n_langs : 1, sizeof(thesaurus *))};
    for (uint32_t l = 0; mk.st_words && l < ix->n_langs; l++)
        mk.st_words[l] = (strlist)STRLIST_INIT;
    int rc = mk.an && mk.st_words && mk.thes ? 0 : -1;
    for (uint32_t l = 0; l < ix->n_langs && !rc; l++)
        rc = put_lang(out, &mk, l);
    if (!rc && mk.n_syn)
        qsort(mk.syn, mk.n_syn, sizeof *mk.syn, cmp_syn);
    if (!rc) {
        rc = put_u32(out, (uint32_t)mk.n_syn_terms) ||
             (mk.n_syn_terms && buf_add(out, mk.syn_terms, mk.n_syn_terms * sizeof *mk.syn_terms));
        rc = rc || put_u32(out, (uint32_t)mk.n_syn);
        for (size_t i = 0; i < mk.n_syn && !rc; i++)
            rc = put_u64(out, mk.syn[i].key) || put_u32(out, mk.syn[i].first) ||
                 put_u32(out, mk.syn[i].count);
    }
    rc = rc || put_smalltalk(out, &mk, smalltalk, n_smalltalk) || put_smalltalk_words(out, &mk) ||
         put_known_synonyms(out, &mk) || put_words(out, start, &mk.words);
    for (uint32_t l = 0; mk.st_words && l < ix->n_langs; l++)
        buf_free(&mk.st_words[l].b);
    free(mk.st_words);
    for (uint32_t l = 0; mk.thes && l < ix->n_langs; l++)
        thesaurus_free((thesaurus *)mk.thes[l]);
    free(mk.thes);
    free(mk.words.v);
    free(mk.words.slots);
    buf_free(&mk.words.text);
    for (uint32_t l = 0; mk.an && l < ix->n_langs; l++)
        analyzer_free(mk.an[l]);
    free(mk.an);
    free(mk.syn);
    free(mk.syn_terms);
    if (rc)
        buf_free(out);
    return rc ? -1 : 0;
}

/* ---- read by the search model ---- */

typedef struct model_cursor {
    const unsigned char *p, *end;
    int bad;
} model_cursor;

/* n bytes into out, or zeros and the cursor bad when fewer are left. */
static void take(model_cursor *c, void *out, size_t n)
{
    if ((size_t)(c->end - c->p) < n) {
        c->bad = 1;
        memset(out, 0, n);
        return;
    }
    memcpy(out, c->p, n);
    c->p += n;
}

static uint32_t take_u32(model_cursor *c)
{
    uint32_t v;
    take(c, &v, sizeof v);
    return v;
}

static uint64_t take_u64(model_cursor *c)
{
    uint64_t v;
    take(c, &v, sizeof v);
    return v;
}

/* A list, checked: its bytes inside the section, exactly n NUL-ended
 * strings (the last byte a NUL). */
static ix_model_list take_list(model_cursor *c)
{
    uint32_t n = take_u32(c), len = take_u32(c);
    ix_model_list l = {"", 0};
    if (c->bad || len > (size_t)(c->end - c->p) || (n == 0) != (len == 0) ||
        (len && c->p[len - 1] != '\0')) {
        c->bad = 1;
        return l;
    }
    uint32_t nuls = 0;
    for (const unsigned char *q = c->p, *e = c->p + len; q < e; q++) {
        q = memchr(q, '\0', (size_t)(e - q));
        nuls++;
    }
    if (nuls != n) {
        c->bad = 1;
        return l;
    }
    l = (ix_model_list){len ? (const char *)c->p : "", n};
    c->p += len;
    return l;
}

/* The record at off: its language, bits and bytes, or 0 when it does not
 * lie inside the section. */
static int word_at(const ix_model_words *t, uint32_t off, uint32_t *lang, uint32_t *flags,
                   const char **w, uint32_t *n)
{
    if (off > t->model_len || t->model_len - off < 12)
        return 0;
    const unsigned char *r = t->model + off;
    memcpy(lang, r, 4);
    memcpy(flags, r + 4, 4);
    memcpy(n, r + 8, 4);
    if (*n > t->model_len - off - 12)
        return 0;
    *w = (const char *)r + 12;
    return 1;
}

uint32_t index_model_word(const ix_model_words *t, uint32_t lang, const char *w, size_t n)
{
    if (!t->cap)
        return 0;
    uint32_t mask = t->cap - 1;
    for (uint32_t i = ix_hash(lang, w, n) & mask, probes = 0; probes < t->cap; i = (i + 1) & mask, probes++) {
        uint32_t off, l, flags, len;
        const char *s;
        memcpy(&off, t->slots + 4 * (size_t)i, 4);
        if (!off || !word_at(t, off, &l, &flags, &s, &len))
            return 0;
        if (l == lang && len == n && memcmp(s, w, n) == 0)
            return flags;
    }
    return 0;
}

uint32_t index_model_lang_digits(const ix_model_words *t, uint32_t lang)
{
    uint32_t most = 0;
    for (uint32_t i = 0; i < t->cap; i++) {
        uint32_t off, l, flags, len;
        const char *s;
        memcpy(&off, t->slots + 4 * (size_t)i, 4);
        if (off && word_at(t, off, &l, &flags, &s, &len) && l == lang && (flags & IX_MODEL_LANG)) {
            uint32_t d = (uint32_t)utf8_digit_count(s, len);
            most = d > most ? d : most;
        }
    }
    return most;
}

/* The table of words at the cursor: its slots and records inside the
 * section; when deep, each slot's record too. */
static int take_words(model_cursor *c, const unsigned char *p, uint64_t n, uint32_t n_langs,
                      int deep, ix_model_words *t)
{
    uint32_t cap = take_u32(c), rec_bytes = take_u32(c);
    if (c->bad || (cap & (cap - 1)) || cap > (size_t)(c->end - c->p) / 4 ||
        rec_bytes != (size_t)(c->end - c->p) - (size_t)cap * 4)
        return -1;
    *t = (ix_model_words){p, n, c->p, cap};
    for (uint32_t i = 0; deep && i < cap; i++) {
        uint32_t off, l, flags, len;
        const char *s;
        memcpy(&off, t->slots + 4 * (size_t)i, 4);
        if (off && (off < (uint64_t)(t->slots - p) + (uint64_t)cap * 4 ||
                    !word_at(t, off, &l, &flags, &s, &len) || l >= n_langs || !flags ||
                    flags > 15 || index_model_word(t, l, s, len) != flags))
            return -1;
    }
    c->p = c->end;
    return 0;
}

/* Are a list's strings each non-empty and each after the one before? */
static int strictly_sorted(ix_model_list l)
{
    const char *prev = NULL, *x = l.s;
    for (uint32_t i = 0; i < l.n; i++) {
        if (!*x || (prev && strcmp(prev, x) >= 0))
            return 0;
        prev = x;
        x += strlen(x) + 1;
    }
    return 1;
}

/* Every kept list inside the items, its count at most KNOWN_SYNONYMS_MAX,
 * its terms terms of the index. */
static int known_table_sound(const unsigned char *firsts, uint32_t n_words,
                             const unsigned char *items, uint32_t n_items, uint32_t n_terms)
{
    for (uint32_t w = 0; w < n_words; w++) {
        uint32_t first, head, term;
        memcpy(&first, firsts + 4 * (size_t)w, 4);
        if (first == IX_NONE)
            continue;
        if (first >= n_items)
            return 0;
        memcpy(&head, items + 4 * (size_t)first, 4);
        uint32_t count = head & KNOWN_SYNONYMS_COUNT;
        if (count > KNOWN_SYNONYMS_MAX || count > n_items - first - 1)
            return 0;
        for (uint32_t i = 0; i < count; i++) {
            memcpy(&term, items + 4 * ((size_t)first + 1 + i), 4);
            if (term >= n_terms)
                return 0;
        }
    }
    return 1;
}

int index_model_read(const unsigned char *p, uint64_t n, uint32_t n_langs, uint32_t n_entries,
                     uint32_t n_terms, uint32_t n_words, int deep, const ix_model_visitor *v,
                     void *ctx)
{
    model_cursor c = {p, p + n, 0};
    int rc = 0;
    for (uint32_t l = 0; l < n_langs && !rc; l++) {
        ix_model_lang ml;
        ml.settings = take_list(&c);
        ml.stop = take_list(&c);
        ml.qwords = take_list(&c);
        ml.syn_words = take_list(&c);
        ml.member_terms = take_list(&c);
        ml.thesaurus_order = take_list(&c);
        if (c.bad || ml.settings.n != 1 || ml.thesaurus_order.n > 1)
            return IX_MODEL_CORRUPT;
        if (v && v->lang && (rc = v->lang(ctx, l, &ml)) != 0)
            return rc;
        uint32_t phrases = take_u32(&c);
        for (uint32_t i = 0; i < phrases && !c.bad && !rc; i++) {
            uint32_t words = take_u32(&c), strict = take_u32(&c);
            ix_model_list keys = take_list(&c), wt = take_list(&c);
            if (c.bad || words < 1 || words > 4 || keys.n != words || strict > 1 || wt.n != 2)
                return IX_MODEL_CORRUPT;
            if (v && v->phrase)
                rc = v->phrase(ctx, l, keys.s, (int)words, (int)strict, wt.s, wt.s + strlen(wt.s) + 1);
        }
    }
    if (rc)
        return rc;
    uint32_t nt = take_u32(&c);
    if (c.bad || nt > (size_t)(c.end - c.p) / sizeof(uint32_t))
        return IX_MODEL_CORRUPT;
    const unsigned char *terms = c.p;
    for (uint32_t i = 0; i < nt; i++)
        if (take_u32(&c) >= n_terms)
            return IX_MODEL_CORRUPT;
    if (v && v->syn_terms && (rc = v->syn_terms(ctx, terms, nt)) != 0)
        return rc;
    uint32_t ns = take_u32(&c);
    for (uint32_t i = 0; i < ns && !c.bad && !rc; i++) {
        uint64_t key = take_u64(&c);
        uint32_t first = take_u32(&c), count = take_u32(&c);
        if (c.bad || first > nt || count > nt - first)
            return IX_MODEL_CORRUPT;
        if (v && v->syn_entry)
            rc = v->syn_entry(ctx, key, first, count);
    }
    uint32_t nst = c.bad || rc ? 0 : take_u32(&c);
    for (uint32_t i = 0; i < nst && !c.bad && !rc; i++) {
        uint32_t entry = take_u32(&c), lang = take_u32(&c);
        ix_model_list words = take_list(&c), keys = take_list(&c);
        if (c.bad || entry >= n_entries || lang >= n_langs || !words.n || keys.n % 2)
            return IX_MODEL_CORRUPT;
        if (v && v->smalltalk)
            rc = v->smalltalk(ctx, entry, lang, words, keys);
    }
    for (uint32_t l = 0; l < n_langs && !c.bad && !rc; l++) {
        ix_model_list sw = take_list(&c);
        if (c.bad || (deep && !strictly_sorted(sw)))
            return IX_MODEL_CORRUPT;
        if (v && v->smalltalk_words)
            rc = v->smalltalk_words(ctx, l, sw);
    }
    if (rc)
        return rc;
    uint32_t known_words = take_u32(&c), known_items = take_u32(&c);
    if (c.bad || (known_words && known_words != n_words) ||
        known_words > (size_t)(c.end - c.p) / 4 ||
        known_items > ((size_t)(c.end - c.p) - (size_t)known_words * 4) / 4)
        return IX_MODEL_CORRUPT;
    const unsigned char *firsts = c.p, *items = c.p + (size_t)known_words * 4;
    c.p = items + (size_t)known_items * 4;
    if (deep && !known_table_sound(firsts, known_words, items, known_items, n_terms))
        return IX_MODEL_CORRUPT;
    if (v && v->known_synonyms &&
        (rc = v->known_synonyms(ctx, firsts, known_words, items, known_items)) != 0)
        return rc;
    ix_model_words words;
    if (c.bad || take_words(&c, p, n, n_langs, deep, &words) != 0)
        return IX_MODEL_CORRUPT;
    return v && v->words ? v->words(ctx, &words) : 0;
}
