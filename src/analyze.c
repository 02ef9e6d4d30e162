/* analyze.c: the text analyzer shared by the indexer and the query engine
 * (its phrases of synonyms.txt: analyze_phrase.c). */
#include "analyze.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <libstemmer.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "analyze_internal.h"
#include "buf.h"
#include "digraph.h"
#include "fold.h"
#include "lang_pack.h"
#include "limits.h"
#include "unicode_tables.h"
#include "utf8.h"

/* Letters or digits, then letters, marks or digits: an apostrophe or a
 * hyphen ends a token, so "l'initiative" gives "l" and "initiative". */
#define TOKEN_PATTERN "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*"

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

/* ---- Catalan's l·l ----
 * Catalan writes a geminate l with a middle dot inside the word
 * ("al·legació", "col·legi"): U+00B7, or U+2027 by some keyboards, or a
 * period where neither is at hand ("al.legació"). None of them is a letter,
 * so the token would end at it and give "al" and "legació". A dot between
 * two l's keeps the word whole, in every language (only Catalan writes
 * one); fold_middot() then writes all three as U+00B7. A period joins only
 * what reads as Catalan: a lower-case l after a vowel and before a letter
 * ("al.legació", not "hospital.La" or "install.log"'s "ll.l"). */

static int is_ell(unsigned char c)
{
    return c == 'l' || c == 'L';
}

/* The bytes of a middle dot at text[i] that joins the token ending there
 * (at i) to an l, or 0. */
static size_t middot_join(const char *text, size_t len, size_t start, size_t i)
{
    if (i - start < 2 || !is_ell((unsigned char)text[i - 1]))
        return 0;
    size_t w = 0;
    if (i + 2 < len && (unsigned char)text[i] == 0xC2 && (unsigned char)text[i + 1] == 0xB7)
        w = 2;
    else if (i + 3 < len && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
             (unsigned char)text[i + 2] == 0xA7)
        w = 3;
    else if (i + 2 < len && text[i] == '.' && text[i - 1] == 'l' && text[i + 1] == 'l') {
        unsigned char before = (unsigned char)text[i - 2], after = (unsigned char)text[i + 2];
        /* a vowel, or a letter of two bytes (an accented one: "síl.laba") */
        int vowel = (before && strchr("aeiouAEIOU", before) != NULL) || (before >= 0x80 && before < 0xC0);
        int letter = (after | 0x20) >= 'a' && (after | 0x20) <= 'z';
        return vowel && (letter || after >= 0xC0) && after != 'l' ? 1 : 0;
    }
    return w && is_ell((unsigned char)text[i + w]) ? w : 0;
}

/* next_token(), a token joined across the middle dots of l·l. */
static int next_word(analyzer *a, const char *text, size_t len, size_t off, size_t *start,
                     size_t *end)
{
    if (next_token(a, text, len, off, start, end) != 0)
        return -1;
    size_t w, s, e;
    while ((w = middot_join(text, len, *start, *end)) != 0 &&
           next_token(a, text, len, *end + w, &s, &e) == 0 && s == *end + w)
        *end = e;
    return 0;
}

/* ---- stop words ---- */

/* Is w (n bytes, whose hash_of() is h) in set? */
static int stopset_has_hashed(const stopset *set, const char *w, size_t n, uint64_t h)
{
    if (!set->cap)
        return 0;
    size_t i = (size_t)h & (set->cap - 1);
    while (set->slots[i]) {
        /* most slots met hold another word: told by its first byte before
         * its length is counted */
        const char *s = set->slots[i];
        if ((n == 0 || s[0] == w[0]) && strlen(s) == n && memcmp(s, w, n) == 0)
            return 1;
        i = (i + 1) & (set->cap - 1);
    }
    return 0;
}

static int stopset_has(const stopset *set, const char *w, size_t n)
{
    return stopset_has_hashed(set, w, n, hash_of(w, n));
}

static int stopset_build_one(const lang_rules *r, stopset *set, const char *text, int want_q);
static int situation_build(lang_rules *r, const char *text);

/* Words of stopwords.txt go to r's stop; those written "?word" (question
 * words: what, when, where...) go to its qwords; "!" lines are settings
 * (digraph.h), read first, since a word's digraphs are read before
 * it is looked up. */
static int stopset_build(lang_rules *r, const char *text)
{
    digraphs_parse(&r->dg, text);
    if (stopset_build_one(r, &r->stop, text, 0) != 0 ||
        stopset_build_one(r, &r->qwords, text, 1) != 0)
        return -1;
    return situation_build(r, text);
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

/* Folded word w into the set, once: itself when the set borrows its
 * words (w then NUL-ended), else a copy. */
static int stopset_put(stopset *set, const char *w, size_t n)
{
    if (stopset_has(set, w, n))
        return 0;
    size_t i = (size_t)hash_of(w, n) & (set->cap - 1);
    while (set->slots[i])
        i = (i + 1) & (set->cap - 1);
    if (set->borrowed) {
        set->slots[i] = w;
        return 0;
    }
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
    if (stopset_alloc(set, lines * 2) != 0)   /* a word as written and folded */
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
            /* a word with a letter of the alphabet's own ("!letters") is
             * kept as written too, the key a word holding one is looked up
             * by (analyzer_run()); folded, it is the word typed without */
            const char *key = cased;
            long c = fold_into(cps, sizeof cps / sizeof *cps, p + a, b - a, cased, sizeof cased, 0);
            long d = c > 0 && r->dg.n ? digraphs_read(&r->dg, cased, (size_t)c, folded, sizeof folded)
                                      : -1;
            if (d > 0) {
                key = folded;
                c = d;
            }
            if (c > 0 && digraphs_own_letter(&r->dg, key, (size_t)c) &&
                stopset_put(set, key, (size_t)c) != 0)
                return -1;
        }
        p += n;
        if (*p == '\n')
            p++;
    }
    return 0;
}

/* The words of text's lines that start with directive, folded, into set.
 * Counted on the first pass, put on the second. */
static int directive_words(lang_rules *r, const char *text, const char *directive, stopset *set)
{
    const size_t dn = strlen(directive);
    char folded[FAQ_MAX_TERM_BYTES * 4 + 16], cased[sizeof folded];
    utf8proc_int32_t cps[FAQ_MAX_TERM_BYTES * 4 + 16];
    for (int pass = 0; pass < 2; pass++) {
        size_t words = 0;
        for (const char *line = text; *line; line += strcspn(line, "\n"), line += *line == '\n') {
            if (strncmp(line, directive, dn) != 0 || !memchr(" \t", line[dn], 2))
                continue;
            for (const char *w = line + dn + strspn(line + dn, " \t\r"); *w && *w != '\n';) {
                size_t k = strcspn(w, " \t\r\n");
                if (k <= FAQ_MAX_TERM_BYTES && utf8_valid(w, k)) {
                    words++;
                    long f = pass ? digraphs_fold(&r->dg, cps, sizeof cps / sizeof *cps, w, k,
                                                  cased, folded, sizeof folded)
                                  : 0;
                    if (f > 0 && stopset_put(set, folded, (size_t)f) != 0)
                        return -1;
                }
                w += k;
                w += strspn(w, " \t\r");
            }
        }
        if (!pass && (!words || stopset_alloc(set, words) != 0))
            return words ? -1 : 0;
    }
    return 0;
}

/* The words of the asker's situation: "!situation" lines (analyze.h,
 * token.is_situation) and "!time" lines (token.is_time). */
static int situation_build(lang_rules *r, const char *text)
{
    if (directive_words(r, text, STOP_SETTING_SITUATION, &r->situation) != 0)
        return -1;
    return directive_words(r, text, STOP_SETTING_TIME, &r->times);
}

static void stopset_free(stopset *set)
{
    for (size_t i = 0; i < set->cap && !set->borrowed; i++)
        free((void *)set->slots[i]);
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
    stopset_free(&r->situation);
    stopset_free(&r->times);
    for (int i = 0; i < r->n_phrases; i++)
        free(r->phrases[i].terms);  /* word and term live in the same block */
    free(r->phrases);
    free(r);
}

/* The letters outside ASCII that the Snowball algorithm of language code
 * names anywhere (in a grouping, a suffix, a rule), as its source
 * (algorithms/<name>.sbl, Snowball 2.2.0) writes them; NULL for an
 * algorithm not listed here, read as naming every letter. A letter it
 * does not name is to the algorithm only "not a vowel, in no suffix". */
static const char *stemmer_letters(const char *code)
{
    static const struct {
        const char *codes[4];
        const char *letters;
    } named[] = {
        {{"english", "en", "eng"}, ""},
        {{"spanish", "es", "esl", "spa"}, "áéíóúüñ"},
        {{"french", "fr", "fre", "fra"}, "àâçèéêëîïôùû"},
        {{"portuguese", "pt", "por"}, "áâãçéêíóôõú"},
        {{"italian", "it", "ita"}, "àáèéìíòóùú"},
        {{"german", "de", "ger", "deu"}, "äöüß"},
    };
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        for (size_t k = 0; k < 4 && named[i].codes[k]; k++)
            if (strcmp(code, named[i].codes[k]) == 0)
                return named[i].letters;
    return NULL;
}

/* Languages libstemmer does not stem whose writing puts spaces between
 * words (ISO 639-1): their words are tokens as Snowball languages' are, so
 * they are analysed with the fallback of analyzer_stem() rather than
 * refused. Japanese, Chinese, Thai, Lao, Khmer, Burmese and Tibetan put
 * no spaces between words (a sentence would be one token): not here. */
static const char *const spaced_codes[] = {
    "af", "az", "be", "bg", "bs", "cs", "cy", "eo", "et", "fa", "fo", "gl", "he", "hr",
    "is", "ka", "kk", "ky", "la", "lb", "lv", "mk", "mn", "ms", "mt", "pl", "sk", "sl",
    "sq", "sw", "tl", "uk", "uz", "vi",
};

const char *analyzer_spaced_code(size_t i)
{
    return i < sizeof spaced_codes / sizeof *spaced_codes ? spaced_codes[i] : NULL;
}

int analyzer_spaced(const char *code)
{
    for (size_t i = 0; i < sizeof spaced_codes / sizeof *spaced_codes; i++)
        if (strcmp(code, spaced_codes[i]) == 0)
            return 1;
    return 0;
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
    memcpy(a->code, code, strlen(code) + 1);   /* its length checked by the caller */
    a->stemmer = sb_stemmer_new(code, "UTF_8");
    a->stem_letters = stemmer_letters(code);
    a->article_strip = strcmp(code, "ar") == 0;
    pthread_once(&token_re_once, token_re_init);
    a->md = token_re ? pcre2_match_data_create_from_pattern(token_re, NULL) : NULL;
    a->stems = malloc(SMALL_STEM_SLOTS * sizeof *a->stems);
    a->stem_used = calloc(SMALL_STEM_SLOTS / 64, sizeof *a->stem_used);
    a->n_stem_slots = SMALL_STEM_SLOTS;
    a->max_stem_slots = QUESTION_STEM_SLOTS;
    if (!a->r || (!a->stemmer && !analyzer_spaced(code)) || !a->md || !a->stems ||
        !a->stem_used) {
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

/* A stop set of the n NUL-ended words at words, folded already: the set
 * borrows them. */
static int stopset_take(stopset *set, const char *words, size_t n)
{
    if (stopset_alloc(set, n) != 0)
        return -1;
    set->borrowed = 1;
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
        stopset_take(&a->r->qwords, qwords, n_qwords) != 0 ||
        (settings && situation_build(a->r, settings) != 0)) {
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
        size_t j = hash_of(sl->word, sl->wlen) & (2 * n - 1);
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
    /* a number is copied, not stemmed: it takes no word's slot (a
     * question's counter would push out the words that come back) */
    if (n > STEM_CACHE_WORD || utf8_is_number(cf, n))
        return analyzer_stem(a, cf, n, out_len);
    size_t i = hash_of(cf, n) & (a->n_stem_slots - 1);
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

static int on_named_word(void *ctx, const token *t)
{
    *(int *)ctx = !t->is_stop;
    return *(int *)ctx;
}

int analyzer_names_word(analyzer *a, const char *text, size_t len)
{
    int named = 0;
    return analyzer_run(a, text, len, on_named_word, &named) < 0 ? -1 : named;
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

int analyzer_stem_names(const analyzer *a, const char *letter, size_t len)
{
    if (!a->stem_letters)
        return 1;
    for (const char *l = a->stem_letters; *l; l++)
        if (strncmp(l, letter, len) == 0)
            return 1;
    return 0;
}

/* The bytes of an Arabic word's attached article, with the conjunction or
 * preposition before it ("ال", "وال", "بال", "لل", "وبال"...), when
 * three letters or more remain; else 0. Snowball's Arabic
 * stemmer strips one prefix step and never "و" or "ف" before an alef, so
 * "والإقامة" and "فالجواز" kept them, and it strips a "ب" of a bare noun it
 * keeps after the article ("بطاقة" stems to "طاق", "البطاقة" to "بطاق"):
 * the word without its article is stemmed as the bare word is. */
static size_t arabic_article(const char *word, size_t len)
{
    static const char *const prefixes[] = {"وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال",
                                           "كال", "ولل", "فلل", "لل", "ال"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (len > n && memcmp(word, prefixes[i], n) == 0 &&
            utf8_length(word + n, len - n) >= 3)
            return n;
    }
    return 0;
}

/* The stem of a word of a language with no stemmer (analyzer_spaced()):
 * the word folded (accents off, "ł" as "l", so that a word typed without
 * its marks meets it), cut to its first ANALYZER_FALLBACK_PREFIX letters.
 * Where no stemmer is, retrieval studies find a word's first letters
 * gather its inflected forms ("książka", "książki", "książek") better than
 * the whole word does; a shorter word is its own stem. Measured on the
 * seed FAQ with its stemmers taken away (es, en, fr, pt, 671 questions):
 * top-1 85.7 % whole words, 91.0 % four letters, 91.4 % five, 89.7 % six,
 * 90.7 % seven; Snowball 95.8 %. */
static const char *fallback_stem(analyzer *a, const char *word, size_t len, size_t *out_len)
{
    *out_len = 0;
    long k = fold_into(a->cps, sizeof a->cps / sizeof *a->cps, word, len, a->term,
                       sizeof a->term, 1);
    if (k < 0)
        return NULL;
    char bare[sizeof a->term];
    long b = fold_bare(a->term, (size_t)k, bare, sizeof bare);
    if (b >= 0) {
        memcpy(a->term, bare, (size_t)b + 1);
        k = b;
    }
    size_t n = (size_t)k, letters = 0, cut = 0;
    while (cut < n && (ANALYZER_FALLBACK_PREFIX == 0 || letters < ANALYZER_FALLBACK_PREFIX)) {
        cut++;
        while (cut < n && utf8_continues((unsigned char)a->term[cut]))
            cut++;
        letters++;
    }
    a->term[cut] = '\0';
    *out_len = cut;
    return a->term;
}

int analyzer_cuts(const analyzer *a)
{
    return !a->stemmer;
}

const char *analyzer_stem(analyzer *a, const char *word, size_t len, size_t *out_len)
{
    /* a number is its own stem in every Snowball language (their rules
     * are on letters) and folds to itself: a question's counter is copied,
     * not stemmed */
    if (utf8_is_number(word, len) && len < sizeof a->term) {
        memcpy(a->term, word, len);
        a->term[len] = '\0';
        *out_len = len;
        return a->term;
    }
    if (a->article_strip) {
        size_t skip = arabic_article(word, len);
        word += skip;
        len -= skip;
    }
    if (!a->stemmer)
        return fallback_stem(a, word, len, out_len);
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
    /* Snowball stems the spelling with its letters (Swedish "väder",
     * weather, stems to "väd"); an accent folded off that stem may leave
     * one of the language's stop or question words ("vad", what), and the
     * word would meet every question asking it. Such a stem keeps its
     * accents: the word meets its own forms, not the question word. */
    if ((k != n || memcmp(a->term, st, (size_t)n) != 0) &&
        (stopset_has(&a->r->qwords, a->term, (size_t)k) || stopset_has(&a->r->stop, a->term, (size_t)k))) {
        k = fold_into(a->cps, sizeof a->cps / sizeof *a->cps, (const char *)st, (size_t)n, a->term,
                      sizeof a->term, 0);
        if (k < 0) {
            *out_len = 0;
            return NULL;
        }
    }
    /* Snowball's Catalan stemmer writes l·l's dot as a period ("al.leg"):
     * the stem keeps the word's U+00B7, so a stem typed without the dot
     * meets it as a word does (fold_bare()). No other period is in a token. */
    if (memchr(a->term, '.', (size_t)k)) {
        k = fold_middot(a->term, (size_t)k, sizeof a->term);
        if (k < 0) {
            *out_len = 0;
            return NULL;
        }
    }
    *out_len = (size_t)k;
    return a->term;
}

/* Cut a token to FAQ_MAX_TERM_BYTES at a code point boundary. */
static size_t clip_token(const char *s, size_t n)
{
    return utf8_cut(s, n, FAQ_MAX_TERM_BYTES);
}

int analyzer_run(analyzer *a, const char *text, size_t len, token_fn fn, void *ctx)
{
    return utf8_valid(text, len) ? analyzer_run_valid(a, text, len, fn, ctx) : -1;
}

int analyzer_run_valid(analyzer *a, const char *text, size_t len, token_fn fn, void *ctx)
{
    PCRE2_SIZE off = 0;
    unsigned pos = 0;
    a->n_recent = 0;
    const size_t ncps = sizeof a->cps / sizeof *a->cps;
    while (off < len) {
        size_t start, stop;
        if (next_word(a, text, len, off, &start, &stop) != 0)
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
        if (cf > 0)
            cf = fold_middot(a->cf, (size_t)cf, sizeof a->cf);
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
        /* the word's four sets share one hash of it */
        uint64_t h = hash_of(a->af, (size_t)af);
        t.is_qword = stopset_has_hashed(&a->r->qwords, a->af, (size_t)af, h);
        t.is_situation = stopset_has_hashed(&a->r->situation, a->af, (size_t)af, h);
        t.is_time = stopset_has_hashed(&a->r->times, a->af, (size_t)af, h);
        if (digraphs_own_letter(&a->r->dg, read, (size_t)rn)
                ? stopset_has(&a->r->stop, read, (size_t)rn)
                : stopset_has_hashed(&a->r->stop, a->af, (size_t)af, h)) {
            t.is_stop = 1;
            if (!a->keep_stop) {
                /* not yielded, but a phrase may hold it ("learn more") */
                int r = phrases ? analyzer_after_word(a, text, &t, fn, ctx) : 0;
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
        if (phrases && (r = analyzer_after_word(a, text, &t, fn, ctx)) != 0)
            return r;
    }
    return 0;
}
