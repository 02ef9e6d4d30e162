/* analyze.c: the text analyzer shared by the indexer and the query engine. */
#include "analyze.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <libstemmer.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "digraph.h"
#include "fold.h"
#include "limits.h"
#include "unicode_tables.h"

/* Letters or digits, then letters, marks or digits: an apostrophe or a
 * hyphen ends a token, so "l'initiative" gives "l" and "initiative". */
#define TOKEN_PATTERN "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*"

typedef struct stopset {
    char **slots;      /* open addressing, NULL = empty; strings owned */
    size_t cap;        /* power of two */
} stopset;

/* A direct-mapped cache of stems: words repeat (Zipf), and the stemmer is
 * most of the analysis cost. It starts at SMALL_STEM_SLOTS and doubles when
 * half its slots are taken, up to SMALL_STEM_SLOTS for a question's
 * analyzer and STEM_CACHE_SLOTS for the indexer's (analyzer_cache_stems),
 * so that it is no larger than the words it has met call for. */
#define STEM_CACHE_SLOTS 16384
#define STEM_CACHE_WORD 30

typedef struct stem_slot {
    unsigned char wlen, tlen;
    char word[STEM_CACHE_WORD];
    char term[STEM_CACHE_WORD];
} stem_slot;

/* Every analyzer's cache to begin with, and a question's analyzer's at
 * most: questions repeat their words, stop words in every one. Its slots
 * are told taken by a bitmap, so that making one touches none of them: a
 * searcher has an analyzer per language of its index, most of which may
 * never stem a word, and zeroing each one's cache was most of the cost of
 * making it. */
#define SMALL_STEM_SLOTS 1024

#define PHRASE_MAX_TERMS 4
#define PHRASE_TERM_BYTES (FAQ_MAX_TERM_BYTES * 4 + 16)

#define PHRASE_RECENT 8          /* a phrase's words with stop words between */

/* A phrase of synonyms.txt and the one-word member it stands for. */
typedef struct phrase_rule {
    char *terms;                /* its words' keys, each NUL-ended, first to last */
    int n;
    int strict;                 /* it has stop words: they must stand in the text too */
    char *word, *term;          /* the member it yields, NUL-ended */
    size_t word_len, term_len;
} phrase_rule;

/* What an analyzer knows of its language's texts: its stop words and its
 * synonyms' phrases. Made with the analyzer, read-only once it has copies
 * (analyzer_clone()), which share it and the last of which frees it. */
typedef struct lang_rules {
    atomic_int refs;
    digraphs dg;                /* letters typed as two */
    stopset stop;
    stopset qwords;
    phrase_rule *phrases;
    int n_phrases;
    uint64_t phrase_ends[16];   /* a 1024-bit filter of the phrases' last terms */
} lang_rules;

struct analyzer {
    stem_slot *stems;           /* n_stem_slots, a power of two; unset until used */
    uint64_t *stem_used;        /* a bit per slot: it holds a word */
    size_t n_stem_slots, stems_taken, max_stem_slots;
    char code[FAQ_MAX_LANG_CODE];
    struct sb_stemmer *stemmer;
    pcre2_match_data *md;       /* for the process's token_re */
    lang_rules *r;
    int keep_stop;
    int skip_stem;
    int no_phrases;             /* while synonyms.txt itself is read */
    /* the walk's last words, stop words too: key (a stop word's form, any
     * other word's term), where each starts, whether a stop word */
    struct recent_word {
        char key[PHRASE_TERM_BYTES];
        size_t len, off;
        int stop;
    } recent[PHRASE_RECENT];
    int n_recent;
    /* Scratch for one token: code points, then the folded forms. */
    utf8proc_int32_t cps[FAQ_MAX_TERM_BYTES * 4 + 16];
    char cf[FAQ_MAX_TERM_BYTES * 4 + 16];    /* case-folded */
    char rd[FAQ_MAX_TERM_BYTES * 4 + 16];    /* case-folded, digraphs read */
    char af[FAQ_MAX_TERM_BYTES * 4 + 16];    /* case- and accent-folded */
    char term[FAQ_MAX_TERM_BYTES * 4 + 16];  /* folded stem */
};

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* ---- token boundaries ----
 * TOKEN_PATTERN's classes for every code point of one or two bytes in
 * UTF-8 (unicode_tables.h: PCRE2's own answers, tabulated when faqbot is
 * built): a token made of them is found by table, a byte or two at a time,
 * where pcre2_match() costs hundreds of instructions a token. Anything
 * longer is left to pcre2_match(). */

/* TOKEN_PATTERN compiled, for the process: every analyzer's is the same,
 * and compiling it (with its JIT code) for each was a third of the cost of
 * making an analyzer. Read-only once made; each analyzer has its own match
 * data, as PCRE2 asks of threads. */
static pcre2_code *token_re;
static pthread_once_t token_re_once = PTHREAD_ONCE_INIT;

static void token_re_init(void)
{
    int errcode;
    PCRE2_SIZE erroff;
    token_re = pcre2_compile((PCRE2_SPTR)TOKEN_PATTERN, PCRE2_ZERO_TERMINATED,
                             PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK, &errcode, &erroff, NULL);
    if (token_re)
        pcre2_jit_compile(token_re, PCRE2_JIT_COMPLETE);  /* the interpreter is the fallback */
}

/* The class of the code point at text[i] and its bytes (*w), or -1 when it
 * is longer than two bytes. */
static int class_at(const char *text, size_t len, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *w = 1;
        return unicode_token_class[c];
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < len) {
        *w = 2;
        return unicode_token_class[((uint32_t)(c & 0x1F) << 6) | ((unsigned char)text[i + 1] & 0x3F)];
    }
    return -1;
}

/* The next token at or after off: 0 with its bounds, or -1 for none. What
 * pcre2_match() of TOKEN_PATTERN finds: the first code point that may begin
 * a token, then as many as may continue it. A code point the table does
 * not hold hands the search to pcre2_match(), from where it stands (no
 * token begins before it). */
static int next_token(analyzer *a, const char *text, size_t len, size_t off, size_t *start,
                      size_t *end)
{
    size_t i = off, w = 0;
    int cls = 0;
    while (i < len && (cls = class_at(text, len, i, &w)) >= 0 && !(cls & UNICODE_CLASS_START))
        i += w;
    if (i >= len)
        return -1;
    size_t from = i;
    if (cls >= 0) {
        for (i += w; i < len && (cls = class_at(text, len, i, &w)) >= 0 && (cls & UNICODE_CLASS_GO_ON);)
            i += w;
        if (i >= len || cls >= 0) {
            *start = from;
            *end = i;
            return 0;
        }
    }
    int rc = pcre2_match(token_re, (PCRE2_SPTR)text, len, from, PCRE2_NO_UTF_CHECK, a->md, NULL);
    if (rc < 0)
        return -1;   /* PCRE2_ERROR_NOMATCH: no more tokens */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(a->md);
    *start = ov[0];
    *end = ov[1];
    return 0;
}

/* ---- stop words ---- */

static int stopset_has(const stopset *set, const char *w, size_t n)
{
    if (!set->cap)
        return 0;
    size_t i = (size_t)hash_bytes(w, n) & (set->cap - 1);
    while (set->slots[i]) {
        if (strlen(set->slots[i]) == n && memcmp(set->slots[i], w, n) == 0)
            return 1;
        i = (i + 1) & (set->cap - 1);
    }
    return 0;
}

static int stopset_build_one(const lang_rules *r, stopset *set, const char *text, int want_q);

/* Words of stopwords.txt go to r's stop; those written "?word" (question
 * words: what, when, where...) go to its qwords; "!" lines are settings
 * (digraph.h), read first, since a word's digraphs are read before
 * it is looked up. */
static int stopset_build(lang_rules *r, const char *text)
{
    digraphs_parse(&r->dg, text);
    if (stopset_build_one(r, &r->stop, text, 0) != 0)
        return -1;
    return stopset_build_one(r, &r->qwords, text, 1);
}

/* An empty set for up to n words. */
static int stopset_alloc(stopset *set, size_t n)
{
    size_t cap = 16;
    while (cap < n * 2)
        cap <<= 1;
    set->slots = calloc(cap, sizeof *set->slots);
    if (!set->slots)
        return -1;
    set->cap = cap;     /* only now: stopset_free() walks cap slots */
    return 0;
}

/* Folded word w into the set, once. */
static int stopset_put(stopset *set, const char *w, size_t n)
{
    if (stopset_has(set, w, n))
        return 0;
    size_t i = (size_t)hash_bytes(w, n) & (set->cap - 1);
    while (set->slots[i])
        i = (i + 1) & (set->cap - 1);
    char *copy = malloc(n + 1);
    if (!copy)
        return -1;
    memcpy(copy, w, n);
    copy[n] = '\0';
    set->slots[i] = copy;
    return 0;
}

static int stopset_build_one(const lang_rules *r, stopset *set, const char *text, int want_q)
{
    size_t lines = 1;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    if (stopset_alloc(set, lines) != 0)
        return -1;
    char folded[FAQ_MAX_TERM_BYTES * 4 + 16], cased[sizeof folded];
    utf8proc_int32_t cps[FAQ_MAX_TERM_BYTES * 4 + 16];
    const char *p = text;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        /* the word is the first run of non-blank bytes; '#' starts a comment */
        size_t a = 0;
        while (a < n && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r'))
            a++;
        size_t b = a;
        while (b < n && p[b] != ' ' && p[b] != '\t' && p[b] != '\r' && p[b] != '#')
            b++;
        int is_q = b > a && p[a] == '?';
        if (is_q)
            a++;
        if (is_q == want_q && b > a && p[a] != '#' && p[a] != '!' && b - a <= FAQ_MAX_TERM_BYTES &&
            utf8_valid(p + a, b - a)) {
            long k = digraphs_fold(&r->dg, cps, sizeof cps / sizeof *cps, p + a, b - a, cased,
                                   folded, sizeof folded);
            if (k > 0 && stopset_put(set, folded, (size_t)k) != 0)
                return -1;
        }
        p += n;
        if (*p == '\n')
            p++;
    }
    return 0;
}

static void stopset_free(stopset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->slots[i]);
    free(set->slots);
    set->slots = NULL;
    set->cap = 0;
}

/* ---- analyzer ---- */

static void rules_release(lang_rules *r)
{
    if (!r || atomic_fetch_sub(&r->refs, 1) != 1)
        return;
    stopset_free(&r->stop);
    stopset_free(&r->qwords);
    for (int i = 0; i < r->n_phrases; i++)
        free(r->phrases[i].terms);  /* word and term live in the same block */
    free(r->phrases);
    free(r);
}

/* An analyzer of language code with rules r (a reference taken), or NULL
 * (r let go) when the language has no stemmer or memory runs out. */
static analyzer *analyzer_with(const char *code, lang_rules *r)
{
    analyzer *a = calloc(1, sizeof *a);
    if (!a) {
        rules_release(r);
        return NULL;
    }
    a->r = r;
    strcpy(a->code, code);
    a->stemmer = sb_stemmer_new(code, "UTF_8");
    pthread_once(&token_re_once, token_re_init);
    a->md = token_re ? pcre2_match_data_create_from_pattern(token_re, NULL) : NULL;
    a->stems = malloc(SMALL_STEM_SLOTS * sizeof *a->stems);
    a->stem_used = calloc(SMALL_STEM_SLOTS / 64, sizeof *a->stem_used);
    a->n_stem_slots = a->max_stem_slots = SMALL_STEM_SLOTS;
    if (!a->r || !a->stemmer || !a->md || !a->stems || !a->stem_used) {
        analyzer_free(a);
        return NULL;
    }
    return a;
}

/* An analyzer of language code with rules of its own, empty. */
static analyzer *analyzer_fresh(const char *code)
{
    if (!code || strlen(code) >= FAQ_MAX_LANG_CODE)
        return NULL;
    lang_rules *r = calloc(1, sizeof *r);
    if (r)
        atomic_init(&r->refs, 1);
    return analyzer_with(code, r);
}

analyzer *analyzer_new(const char *code, const char *stopwords)
{
    analyzer *a = analyzer_fresh(code);
    if (a && stopwords && stopset_build(a->r, stopwords) != 0) {
        analyzer_free(a);
        return NULL;
    }
    return a;
}

/* A stop set of the n NUL-ended words at words, folded already. */
static int stopset_take(stopset *set, const char *words, size_t n)
{
    if (stopset_alloc(set, n) != 0)
        return -1;
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(words);
        if (stopset_put(set, words, len) != 0)
            return -1;
        words += len + 1;
    }
    return 0;
}

analyzer *analyzer_new_folded(const char *code, const char *settings, const char *stop,
                              size_t n_stop, const char *qwords, size_t n_qwords)
{
    analyzer *a = analyzer_fresh(code);
    if (!a)
        return NULL;
    if (settings)
        digraphs_parse(&a->r->dg, settings);
    if (stopset_take(&a->r->stop, stop, n_stop) != 0 ||
        stopset_take(&a->r->qwords, qwords, n_qwords) != 0) {
        analyzer_free(a);
        return NULL;
    }
    return a;
}

void analyzer_free(analyzer *a)
{
    if (!a)
        return;
    if (a->stemmer)
        sb_stemmer_delete(a->stemmer);
    pcre2_match_data_free(a->md);
    rules_release(a->r);
    free(a->stems);
    free(a->stem_used);
    free(a);
}

analyzer *analyzer_clone(const analyzer *from)
{
    atomic_fetch_add(&from->r->refs, 1);
    return analyzer_with(from->code, from->r);
}

const char *analyzer_lang(const analyzer *a) { return a->code; }

void analyzer_keep_stopwords(analyzer *a, int keep) { a->keep_stop = keep; }

void analyzer_skip_stemming(analyzer *a, int skip) { a->skip_stem = skip; }

void analyzer_cache_stems(analyzer *a)
{
    a->max_stem_slots = STEM_CACHE_SLOTS;
}

#define USED_WORD(i) ((i) >> 6)
#define USED_BIT(i) (1ull << ((i) & 63))

/* The cache of stems twice as large, in place (realloc), what it holds
 * kept: a word in slot i moves to i + n or stays. As it was when there is
 * no memory for it, since it only saves work. */
static void stems_double(analyzer *a)
{
    size_t n = a->n_stem_slots, cap = n, used_cap = n / 64;
    if (grow(&a->stems, &cap, 2 * n, sizeof *a->stems, SMALL_STEM_SLOTS) != 0 ||
        grow(&a->stem_used, &used_cap, 2 * n / 64, sizeof *a->stem_used, SMALL_STEM_SLOTS / 64) != 0)
        return;
    memset(a->stem_used + n / 64, 0, n / 64 * sizeof *a->stem_used);
    for (size_t i = 0; i < n; i++) {
        if (!(a->stem_used[USED_WORD(i)] & USED_BIT(i)))
            continue;
        stem_slot *sl = &a->stems[i];
        size_t j = hash_bytes(sl->word, sl->wlen) & (2 * n - 1);
        if (j != i) {
            a->stems[j] = *sl;
            a->stem_used[USED_WORD(i)] &= ~USED_BIT(i);
            a->stem_used[USED_WORD(j)] |= USED_BIT(j);
        }
    }
    a->n_stem_slots = 2 * n;
}

/* The stem of case-folded word cf, through the cache. */
static const char *stem_cached(analyzer *a, const char *cf, size_t n, size_t *out_len)
{
    if (n > STEM_CACHE_WORD)
        return analyzer_stem(a, cf, n, out_len);
    size_t i = hash_bytes(cf, n) & (a->n_stem_slots - 1);
    stem_slot *sl = &a->stems[i];
    int used = (a->stem_used[USED_WORD(i)] & USED_BIT(i)) != 0;
    if (used && sl->wlen == n && memcmp(sl->word, cf, n) == 0) {
        *out_len = sl->tlen;
        return sl->term;
    }
    const char *t = analyzer_stem(a, cf, n, out_len);
    if (t && *out_len <= STEM_CACHE_WORD) {
        a->stems_taken += !used;
        a->stem_used[USED_WORD(i)] |= USED_BIT(i);
        sl->wlen = (unsigned char)n;
        memcpy(sl->word, cf, n);
        sl->tlen = (unsigned char)*out_len;
        memcpy(sl->term, t, *out_len);
        if (a->stems_taken * 2 > a->n_stem_slots && a->n_stem_slots < a->max_stem_slots)
            stems_double(a);
    }
    return t;
}

int analyzer_is_stopword(const analyzer *a, const char *word, size_t len)
{
    return stopset_has(&a->r->stop, word, len);
}

int analyzer_is_question_word(const analyzer *a, const char *word, size_t len)
{
    return stopset_has(&a->r->qwords, word, len);
}

int analyzer_each_stopword(const analyzer *a, int (*fn)(void *ctx, const char *w, size_t n, int q),
                           void *ctx)
{
    for (int q = 0; q < 2; q++) {
        const stopset *set = q ? &a->r->qwords : &a->r->stop;
        for (size_t i = 0; i < set->cap; i++) {
            int rc = set->slots[i] ? fn(ctx, set->slots[i], strlen(set->slots[i]), q) : 0;
            if (rc)
                return rc;
        }
    }
    return 0;
}

const char *analyzer_stem(analyzer *a, const char *word, size_t len, size_t *out_len)
{
    const sb_symbol *st = sb_stemmer_stem(a->stemmer, (const sb_symbol *)word, (int)len);
    if (!st) {
        *out_len = 0;
        return NULL;
    }
    int n = sb_stemmer_length(a->stemmer);
    /* Snowball keeps some accents (é in French, ã in Portuguese): fold them
     * off the stem so an unaccented query meets it. */
    long k = fold_into(a->cps, sizeof a->cps / sizeof *a->cps, (const char *)st, (size_t)n,
                       a->term, sizeof a->term, 1);
    if (k < 0) {
        *out_len = 0;
        return NULL;
    }
    *out_len = (size_t)k;
    return a->term;
}

/* Cut a token to FAQ_MAX_TERM_BYTES at a code point boundary. */
static size_t clip_token(const char *s, size_t n)
{
    if (n <= FAQ_MAX_TERM_BYTES)
        return n;
    n = FAQ_MAX_TERM_BYTES;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* ---- multi-word synonyms ---- */

/* A member as read: its words' keys one after another, and its first
 * word. More than PHRASE_MAX_TERMS words make it no use as a phrase. */
typedef struct member_read {
    char buf[PHRASE_MAX_TERMS * PHRASE_TERM_BYTES];
    size_t len;
    int n, n_stop;
    char word[PHRASE_TERM_BYTES];
    size_t word_len;
} member_read;

/* A word's key in a phrase: a stop word has no stem worth the name. */
static void word_key(const token *t, const char **key, size_t *len)
{
    *key = t->is_stop ? t->word : t->term;
    *len = t->is_stop ? t->word_len : t->term_len;
}

static int collect_member(void *ctx, const token *t)
{
    member_read *m = ctx;
    const char *key;
    size_t klen;
    word_key(t, &key, &klen);
    if (t->is_synonym)
        return 0;
    if (m->n >= PHRASE_MAX_TERMS || klen >= PHRASE_TERM_BYTES) {
        m->n = PHRASE_MAX_TERMS + 1;
        return 1;
    }
    if (m->n == 0) {
        memcpy(m->word, t->word, t->word_len);
        m->word[t->word_len] = '\0';
        m->word_len = t->word_len;
    }
    memcpy(m->buf + m->len, key, klen);
    m->len += klen;
    m->buf[m->len++] = '\0';
    m->n++;
    m->n_stop += t->is_stop;
    return 0;
}

static unsigned end_bit(const char *term, size_t n) { return (unsigned)(hash_bytes(term, n) & 1023); }

/* The filter's bit of rule r's last key. */
static void mark_phrase_end(lang_rules *r, const phrase_rule *rule)
{
    const char *last = rule->terms;
    for (int k = 1; k < rule->n; k++)
        last += strlen(last) + 1;
    unsigned bit = end_bit(last, strlen(last));
    r->phrase_ends[bit >> 6] |= 1ull << (bit & 63);
}

int analyzer_read_synonyms(analyzer *a, const char *text, size_t len, synonym_group_fn fn, void *ctx)
{
    member_read *ms = malloc(ANALYZER_MAX_MEMBERS * sizeof *ms);
    synonym_member *out = malloc(ANALYZER_MAX_MEMBERS * sizeof *out);
    if (!ms || !out) {
        free(ms);
        free(out);
        return -1;
    }
    /* the members are analyzed as a text is, stop words counted, with no
     * phrases meanwhile */
    int no_phrases = a->no_phrases, keep_stop = a->keep_stop, skip_stem = a->skip_stem;
    a->no_phrases = 1;
    a->keep_stop = 1;
    a->skip_stem = 0;
    int rc = 0;
    const char *end = text + len;
    for (const char *p = text; p < end && rc == 0;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        int n = 0;
        for (const char *m = p; *p != '#' && m < eol && n < ANALYZER_MAX_MEMBERS && rc == 0;) {
            const char *comma = memchr(m, ',', (size_t)(eol - m));
            if (!comma)
                comma = eol;
            member_read *r = &ms[n];
            r->len = 0;
            r->n = r->n_stop = 0;
            if (analyzer_run(a, m, (size_t)(comma - m), collect_member, r) >= 0 && r->n > 0)
                out[n++] = (synonym_member){r->n, r->n_stop, r->word, r->buf, r->word_len,
                                            r->n == 1 ? strlen(r->buf) : 0, r->buf};
            m = comma + 1;
        }
        if (rc == 0 && n > 0)
            rc = fn(ctx, out, n);
        p = eol + 1;
    }
    a->no_phrases = no_phrases;
    a->keep_stop = keep_stop;
    a->skip_stem = skip_stem;
    free(ms);
    free(out);
    return rc;
}

typedef struct rule_list {
    phrase_rule *v;
    int n;
    synonym_group_fn also;      /* handed each group too, or NULL */
    void *also_ctx;
} rule_list;

/* A group's rules: one for each phrase member, if the group has a one-word
 * member for it to stand for. */
static int add_rules(void *ctx, const synonym_member *ms, int n)
{
    rule_list *out = ctx;
    if (out->also) {
        int rc = out->also(out->also_ctx, ms, n);
        if (rc)
            return rc;
    }
    int one = -1;
    for (int i = 0; i < n && one < 0; i++)
        if (ms[i].n_words == 1 && !ms[i].n_stop)
            one = i;
    for (int i = 0; i < n && one >= 0; i++) {
        if (ms[i].n_words < 2 || ms[i].n_words > PHRASE_MAX_TERMS)
            continue;
        size_t klen = 0;
        for (int k = 0; k < ms[i].n_words; k++)
            klen += strlen(ms[i].keys + klen) + 1;
        phrase_rule *v = realloc(out->v, (size_t)(out->n + 1) * sizeof *v);
        if (!v)
            return -1;
        out->v = v;
        /* one allocation: the phrase's keys, then the word, then the term */
        size_t wl = ms[one].word_len, tl = ms[one].term_len;
        char *rule = malloc(klen + wl + 1 + tl + 2);
        if (!rule)
            return -1;
        memcpy(rule, ms[i].keys, klen);
        memcpy(rule + klen, ms[one].word, wl);
        rule[klen + wl] = '\0';
        char *term = rule + klen + wl + 1;
        term[0] = ANALYZER_GROUP_MARK;
        memcpy(term + 1, ms[one].term, tl);
        term[tl + 1] = '\0';
        v[out->n++] = (phrase_rule){rule, ms[i].n_words, ms[i].n_stop > 0, rule + klen, term, wl, tl + 1};
    }
    return 0;
}

int analyzer_set_synonyms_each(analyzer *a, const char *synonyms, size_t len, synonym_group_fn fn,
                               void *ctx)
{
    lang_rules *r = a->r;
    if (atomic_load(&r->refs) != 1)
        return -1;  /* copies share the rules: they are read-only now */
    rule_list rules = {r->phrases, r->n_phrases, fn, ctx};
    int rc = analyzer_read_synonyms(a, synonyms, len, add_rules, &rules);
    r->phrases = rules.v;
    r->n_phrases = rules.n;
    memset(r->phrase_ends, 0, sizeof r->phrase_ends);
    for (int i = 0; i < rules.n; i++)
        mark_phrase_end(r, &rules.v[i]);
    return rc;
}

int analyzer_each_phrase(const analyzer *a, analyzer_phrase_fn fn, void *ctx)
{
    for (int i = 0; i < a->r->n_phrases; i++) {
        const phrase_rule *p = &a->r->phrases[i];
        int rc = fn(ctx, p->terms, p->n, p->strict, p->word, p->term);
        if (rc)
            return rc;
    }
    return 0;
}

int analyzer_add_phrase(analyzer *a, const char *keys, int n, int strict, const char *word,
                        const char *term)
{
    lang_rules *r = a->r;
    if (atomic_load(&r->refs) != 1 || n < 1 || n > PHRASE_MAX_TERMS)
        return -1;
    size_t klen = 0;
    for (int k = 0; k < n; k++)
        klen += strlen(keys + klen) + 1;
    size_t wl = strlen(word), tl = strlen(term);
    phrase_rule *v = realloc(r->phrases, (size_t)(r->n_phrases + 1) * sizeof *v);
    if (!v)
        return -1;
    r->phrases = v;
    char *rule = malloc(klen + wl + 1 + tl + 1);   /* as add_rules() lays it out */
    if (!rule)
        return -1;
    memcpy(rule, keys, klen);
    memcpy(rule + klen, word, wl + 1);
    memcpy(rule + klen + wl + 1, term, tl + 1);
    v[r->n_phrases] = (phrase_rule){rule, n, strict != 0, rule + klen, rule + klen + wl + 1, wl, tl};
    mark_phrase_end(r, &v[r->n_phrases++]);
    return 0;
}

int analyzer_set_synonyms(analyzer *a, const char *synonyms)
{
    return synonyms ? analyzer_set_synonyms_each(a, synonyms, strlen(synonyms), NULL, NULL) : 0;
}

/* Does rule r end with the walk's last words? A rule without stop words
 * passes over the text's stop words ("toman de la parte"); one with them
 * ("learn more") is said word for word. */
static int phrase_ends_here(const analyzer *a, const phrase_rule *r, int *first)
{
    int i = a->n_recent;
    const char *keys[PHRASE_MAX_TERMS];
    const char *x = r->terms;
    for (int k = 0; k < r->n; k++) {
        keys[k] = x;
        x += strlen(x) + 1;
    }
    for (int k = r->n - 1; k >= 0; k--) {
        i--;
        while (!r->strict && i >= 0 && a->recent[i].stop)
            i--;
        if (i < 0)
            return 0;
        size_t n = strlen(keys[k]);
        if (n != a->recent[i].len || memcmp(keys[k], a->recent[i].key, n) != 0)
            return 0;
    }
    *first = i;
    return 1;
}

/* After word t: remember it, and if a phrase ends with it, yield the
 * member the phrase stands for. */
static int after_word(analyzer *a, const char *text, const token *t, token_fn fn, void *ctx)
{
    const char *key;
    size_t klen;
    word_key(t, &key, &klen);
    if (klen >= PHRASE_TERM_BYTES) {
        a->n_recent = 0;
        return 0;
    }
    if (a->n_recent == PHRASE_RECENT) {
        memmove(a->recent, a->recent + 1, (PHRASE_RECENT - 1) * sizeof a->recent[0]);
        a->n_recent--;
    }
    struct recent_word *w = &a->recent[a->n_recent++];
    memcpy(w->key, key, klen);
    w->len = klen;
    w->off = t->offset;
    w->stop = t->is_stop;
    unsigned bit = end_bit(key, klen);
    if (!((a->r->phrase_ends[bit >> 6] >> (bit & 63)) & 1))
        return 0;
    for (int i = 0; i < a->r->n_phrases; i++) {
        const phrase_rule *r = &a->r->phrases[i];
        int first;
        if ((!r->strict && t->is_stop) || !phrase_ends_here(a, r, &first))
            continue;
        token u = *t;
        u.term = r->term;
        u.term_len = r->term_len;
        u.word = r->word;
        u.word_len = r->word_len;
        u.lower = r->word;
        u.lower_len = r->word_len;
        u.offset = a->recent[first].off;
        u.raw = text + u.offset;
        u.raw_len = t->offset + t->raw_len - u.offset;
        u.is_qword = u.is_stop = 0;
        u.is_synonym = 1;
        int rc = fn(ctx, &u);
        if (rc)
            return rc;
    }
    return 0;
}

int analyzer_run(analyzer *a, const char *text, size_t len, token_fn fn, void *ctx)
{
    if (!utf8_valid(text, len))
        return -1;
    PCRE2_SIZE off = 0;
    unsigned pos = 0;
    a->n_recent = 0;
    const size_t ncps = sizeof a->cps / sizeof *a->cps;
    while (off < len) {
        size_t start, stop;
        if (next_token(a, text, len, off, &start, &stop) != 0)
            break;
        size_t raw_len = stop - start;
        off = stop;
        size_t n = clip_token(text + start, raw_len);
        token t = {0};
        t.raw = text + start;
        t.raw_len = raw_len;
        t.offset = start;
        t.pos = pos++;
        long cf = fold_into(a->cps, ncps, t.raw, n, a->cf, sizeof a->cf, 0);
        /* what is looked up and stemmed: the word with its digraphs read */
        const char *read = a->cf;
        long rn = cf;
        if (cf > 0 && a->r->dg.n) {
            long d = digraphs_read(&a->r->dg, a->cf, (size_t)cf, a->rd, sizeof a->rd);
            if (d > 0) {
                read = a->rd;
                rn = d;
            }
        }
        long af = cf < 0 ? -1 : fold_into(a->cps, ncps, read, (size_t)rn, a->af, sizeof a->af, 1);
        if (cf <= 0 || af <= 0)
            continue;
        t.word = a->af;
        t.word_len = (size_t)af;
        t.lower = a->cf;
        t.lower_len = (size_t)cf;
        int phrases = a->r->n_phrases && !a->no_phrases && !a->skip_stem;
        t.is_qword = stopset_has(&a->r->qwords, a->af, (size_t)af);
        if (stopset_has(&a->r->stop, a->af, (size_t)af)) {
            t.is_stop = 1;
            if (!a->keep_stop) {
                /* not yielded, but a phrase may hold it ("learn more") */
                int r = phrases ? after_word(a, text, &t, fn, ctx) : 0;
                if (r)
                    return r;
                continue;
            }
        }
        /* a question word keeps its form: "cuáles" asks for a list where
         * "cuál" asks what something is, and a stem would make them one */
        t.term = a->skip_stem || t.is_qword ? NULL : stem_cached(a, read, (size_t)rn, &t.term_len);
        if (!t.term || !t.term_len) {
            t.term = a->af;
            t.term_len = (size_t)af;
        }
        int r = fn(ctx, &t);
        if (r)
            return r;
        if (phrases && (r = after_word(a, text, &t, fn, ctx)) != 0)
            return r;
    }
    return 0;
}
