/* analyze_phrase.c: the analyzer's phrases of synonyms.txt (analyze.h):
 * read from the file, or handed over as an index keeps them, and met in
 * the walk over a text. */
#include <stdlib.h>
#include <string.h>

#include "analyze_internal.h"

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

static unsigned end_bit(const char *term, size_t n) { return (unsigned)(hash_of(term, n) & 1023); }

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
int analyzer_after_word(analyzer *a, const char *text, const token *t, token_fn fn, void *ctx)
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
        u.is_qword = u.is_stop = u.is_situation = u.is_time = 0;
        u.is_synonym = 1;
        int rc = fn(ctx, &u);
        if (rc)
            return rc;
    }
    return 0;
}
