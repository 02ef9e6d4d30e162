/* test_index_model.c: the MODEL section (index_model.h). An index's
 * analyzers, read back from it, split, fold, stem and join phrases as the
 * analyzers made from its languages' texts do; its table of words says of
 * each word what those texts say; the thesaurus synonyms it keeps of each
 * word are those a search looks up; a section cut short, or with a count
 * or a number that points outside, is refused at open with a clear error;
 * an index of an older format asks to be rebuilt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "index_fixture.h"
#include "index_internal.h"
#include "index_model.h"
#include "known_synonyms.h"
#include "search_model.h"

static char dir[64], idx_path[128];
static faq_index *ix;
static searcher *s;

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s", "/tmp/faqbot-test-model.XXXXXX");
    fixture_open_seed(dir, idx_path, sizeof idx_path, &ix, &s);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fixture_close(ix, s, idx_path);
    rmdir(dir);
    return 0;
}

/* index_model_read() of a section p (n bytes) with the index's counts. */
static int read_model(const unsigned char *p, uint64_t n, int deep, const ix_model_visitor *v,
                      void *ctx)
{
    return index_model_read(p, n, ix->n_langs, ix->n_entries, ix->n_terms, ix->n_words, deep, v,
                            ctx);
}

/* The index's MODEL section, copied to be spoilt (the caller frees it). */
static unsigned char *model_copy(void)
{
    unsigned char *copy = malloc(ix->model_len);
    assert_non_null(copy);
    memcpy(copy, ix->model, ix->model_len);
    return copy;
}

/* ---- the analyzers read back ---- */

typedef struct stream {
    char *text;
    size_t len, cap;
} stream;

/* Every field of a token a search reads, one line. */
static int record(void *ctx, const token *t)
{
    stream *st = ctx;
    char line[1024];
    int n = snprintf(line, sizeof line, "%zu %u %.*s|%.*s|%.*s %d%d%d\n", t->offset, t->pos,
                     (int)t->term_len, t->term, (int)t->word_len, t->word, (int)t->raw_len, t->raw,
                     t->is_stop, t->is_qword, t->is_synonym);
    if (st->len + (size_t)n + 1 > st->cap) {
        st->cap = (st->len + (size_t)n + 1) * 2;
        st->text = realloc(st->text, st->cap);
        assert_non_null(st->text);
    }
    memcpy(st->text + st->len, line, (size_t)n + 1);
    st->len += (size_t)n;
    return 0;
}

static void run_both(analyzer *from_texts, analyzer *from_model, const char *text, size_t len,
                     int keep_stop)
{
    stream a = {NULL, 0, 0}, b = {NULL, 0, 0};
    analyzer_keep_stopwords(from_texts, keep_stop);
    analyzer_keep_stopwords(from_model, keep_stop);
    assert_int_equal(analyzer_run(from_texts, text, len, record, &a),
                     analyzer_run(from_model, text, len, record, &b));
    assert_string_equal(a.text ? a.text : "", b.text ? b.text : "");
    free(a.text);
    free(b.text);
}

/* Each language's analyzer of the model tokenizes every text of the index,
 * and each language's own stop words and synonyms.txt, as one made from the
 * texts: stop words, question words, digraphs, phrases. */
static void test_analyzers_as_from_the_texts(void **state)
{
    (void)state;
    search_model *m = search_model_new(ix);
    assert_non_null(m);
    size_t texts = 0, phrases_met = 0;
    for (uint32_t l = 0; l < faq_index_lang_count(ix); l++) {
        faq_str stop = faq_index_lang_stopwords(ix, l), syn = faq_index_lang_synonyms(ix, l);
        char *stop0 = strndup(stop.s, stop.len), *syn0 = strndup(syn.s, syn.len);
        assert_non_null(stop0);
        assert_non_null(syn0);
        analyzer *a = analyzer_new(faq_index_lang_code(ix, l), stop0);
        assert_non_null(a);
        assert_int_equal(analyzer_set_synonyms(a, syn0), 0);
        analyzer *b = search_model_analyzer_new(m, l);
        assert_non_null(b);
        for (uint32_t e = 0; e < faq_index_entry_count(ix); e++) {
            faq_entry fe;
            faq_index_entry(ix, e, &fe);
            const faq_str parts[3] = {fe.question, fe.alts, fe.answer};
            for (int k = 0; k < 3; k++)
                for (int keep = 0; keep < 2; keep++, texts++)
                    run_both(a, b, parts[k].s, parts[k].len, keep);
        }
        /* the texts the model was made of: every stop word and synonym said */
        run_both(a, b, stop0, strlen(stop0), 1);
        run_both(a, b, syn0, strlen(syn0), 0);
        stream st = {NULL, 0, 0};
        analyzer_keep_stopwords(b, 0);
        analyzer_run(b, syn0, strlen(syn0), record, &st);
        phrases_met += st.text && strstr(st.text, " 001\n");   /* a phrase's token */
        free(st.text);
        analyzer_free(a);
        analyzer_free(b);
        free(stop0);
        free(syn0);
    }
    assert_true(texts > 500);
    assert_true(phrases_met >= 3);
    search_model_free(m);
}

typedef struct word_check {
    const search_model *m;
    uint32_t l;
    int checked;
} word_check;

static int stop_is_lang_word(void *ctx, const char *w, size_t n, int q)
{
    word_check *c = ctx;
    (void)q;
    assert_true(search_model_lang_word(c->m, c->l, w, n));
    c->checked++;
    return 0;
}

/* The table of words: every stop and question word tells its language,
 * every word of the small talk is one, and a word of none of the texts is
 * none of them. */
static void test_words_as_from_the_texts(void **state)
{
    (void)state;
    search_model *m = search_model_new(ix);
    assert_non_null(m);
    word_check c = {m, 0, 0};
    for (c.l = 0; c.l < faq_index_lang_count(ix); c.l++) {
        analyzer *b = search_model_analyzer_new(m, c.l);
        assert_int_equal(analyzer_each_stopword(b, stop_is_lang_word, &c), 0);
        analyzer_free(b);
        assert_false(search_model_lang_word(m, c.l, "zzyzxq", 6));
        assert_false(search_model_smalltalk_word(m, c.l, "zzyzxq", 6));
        assert_false(search_model_synonym_word(m, c.l, "zzyzxq", 6));
    }
    assert_true(c.checked > 300);
    size_t n;
    const st_phrase *p = search_model_smalltalk(m, &n);
    assert_true(n > 30);
    for (size_t k = 0; k < n; k++) {
        const char *w = p[k].words;
        for (size_t j = 0; j < p[k].n_words; j++, w += strlen(w) + 1) {
            assert_true(search_model_smalltalk_word(m, p[k].lang, w, strlen(w)));
            assert_true(search_model_lang_word(m, p[k].lang, w, strlen(w)));
        }
        const char *t = p[k].keys;
        for (size_t j = 0; j < p[k].n_keys; j++) {
            assert_true(search_model_smalltalk_term(m, p[k].lang, t, strlen(t)));
            t += strlen(t) + 1;
            t += strlen(t) + 1;
        }
    }
    search_model_free(m);
}

/* ---- bad sections ---- */

static unsigned char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(*n);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, *n, f), *n);
    fclose(f);
    return b;
}

/* The n bytes at b as the index dir/name, opened: faq_index_open()'s code. */
static int open_copy(const char *name, const unsigned char *b, size_t n, faq_index **x, char *err,
                     size_t errlen)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    fclose(f);
    int rc = faq_index_open(path, x, err, errlen);
    unlink(path);   /* mapped, if opened */
    return rc;
}

/* Every strict prefix of the section, and the section with any one of its
 * first counts made larger, is refused. */
static void test_cut_or_miscounted_section_refused(void **state)
{
    (void)state;
    const unsigned char *p = ix->model;
    uint64_t n = ix->model_len;
    assert_true(n > 1000);
    assert_int_equal(read_model(p, n, 1, NULL, NULL), 0);
    for (uint64_t cut = 0; cut < n; cut += cut < 4096 ? 1 : 61)
        assert_int_equal(read_model(p, cut, 1, NULL, NULL), IX_MODEL_CORRUPT);
    unsigned char *copy = malloc(n);
    assert_non_null(copy);
    /* the first language's five lists: each one's count, then its length */
    uint64_t at = 0;
    for (int list = 0; list < 5; list++) {
        uint32_t len;
        memcpy(&len, p + at + 4, 4);
        for (int field = 0; field < 2; field++) {
            memcpy(copy, p, n);
            copy[at + 4 * (uint64_t)field] ^= 0x40;   /* 64 off */
            assert_int_equal(read_model(copy, n, 1, NULL, NULL), IX_MODEL_CORRUPT);
        }
        at += 8 + len;
    }
    /* term and entry numbers past the index's */
    assert_int_equal(
        index_model_read(p, n, ix->n_langs, ix->n_entries, 1, ix->n_words, 1, NULL, NULL),
                     IX_MODEL_CORRUPT);
    assert_int_equal(
        index_model_read(p, n, ix->n_langs, 1, ix->n_terms, ix->n_words, 1, NULL, NULL),
                     IX_MODEL_CORRUPT);
    free(copy);
}

static int take_table(void *ctx, const ix_model_words *t)
{
    *(ix_model_words *)ctx = *t;
    return 0;
}

/* The table of words with a slot pointing anywhere: each lookup stays in
 * the section (ASan would say), the deep check refuses it. */
static void test_bad_word_slots(void **state)
{
    (void)state;
    search_model *m = search_model_new(ix);
    assert_non_null(m);
    uint64_t n = ix->model_len;
    unsigned char *copy = model_copy();
    ix_model_words t;
    const ix_model_visitor v = {.words = take_table};
    assert_int_equal(read_model(copy, n, 1, &v, &t), 0);
    uint32_t cap = t.cap;
    assert_true(cap >= 16);
    assert_true(index_model_word(&t, 0, "de", 2) || index_model_word(&t, 1, "the", 3));
    srand(7);
    for (uint32_t i = 0; i < cap; i++) {
        uint32_t off = (uint32_t)rand() % (uint32_t)(n + 64);
        memcpy(copy + (t.slots - copy) + 4 * (size_t)i, &off, 4);   /* t.slots is in copy */
        (void)index_model_word(&t, 0, "de", 2);
        (void)index_model_word(&t, 1, "the", 3);
    }
    assert_int_equal(read_model(copy, n, 1, NULL, NULL), IX_MODEL_CORRUPT);
    free(copy);
    search_model_free(m);
}

/* ---- the small talk's words, sorted by the build ---- */

typedef struct st_seen {
    const unsigned char *base;
    char *words[FAQ_MAX_LANGS][512];     /* every phrase's words, as given */
    size_t n[FAQ_MAX_LANGS];
    ix_model_list sorted[FAQ_MAX_LANGS];
} st_seen;

static int seen_phrase(void *ctx, uint32_t entry, uint32_t lang, ix_model_list words,
                       ix_model_list keys)
{
    (void)entry;
    (void)keys;
    st_seen *x = ctx;
    const char *w = words.s;
    for (uint32_t i = 0; i < words.n; i++, w += strlen(w) + 1)
        if (*w && x->n[lang] < 512)
            x->words[lang][x->n[lang]++] = (char *)w;
    return 0;
}

static int seen_words(void *ctx, uint32_t l, ix_model_list words)
{
    ((st_seen *)ctx)->sorted[l] = words;
    return 0;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Each language's small talk words as the section lists them: those of its
 * phrases, sorted, once each; a list out of order is refused by the deep
 * check (`faqbot check`). */
static void test_smalltalk_words_sorted(void **state)
{
    (void)state;
    st_seen *x = calloc(1, sizeof *x);
    assert_non_null(x);
    const ix_model_visitor v = {.smalltalk = seen_phrase, .smalltalk_words = seen_words};
    assert_int_equal(index_model_read(ix->model, ix->model_len, ix->n_langs, ix->n_entries,
                                      ix->n_terms, ix->n_words, 1, &v, x), 0);
    size_t total = 0;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        assert_true(x->n[l] < 512);
        qsort(x->words[l], x->n[l], sizeof *x->words[l], cmp_cstr);
        const char *got = x->sorted[l].s;
        uint32_t k = 0;
        for (size_t i = 0; i < x->n[l]; i++) {
            if (i && strcmp(x->words[l][i - 1], x->words[l][i]) == 0)
                continue;
            assert_true(k < x->sorted[l].n);
            assert_string_equal(got, x->words[l][i]);
            got += strlen(got) + 1;
            k++;
        }
        assert_int_equal(k, x->sorted[l].n);
        total += k;
    }
    assert_true(total > 10);
    /* two of a language's words swapped: refused when deep */
    uint64_t n = ix->model_len;
    unsigned char *copy = model_copy();
    uint32_t l = 0;
    while (l < ix->n_langs && x->sorted[l].n < 2)
        l++;
    assert_true(l < ix->n_langs);
    size_t at = (size_t)((const unsigned char *)x->sorted[l].s - ix->model);
    copy[at] = 0x7f;     /* the first word now sorts after the second */
    assert_int_equal(read_model(copy, n, 0, NULL, NULL), 0);
    assert_int_equal(read_model(copy, n, 1, NULL, NULL), IX_MODEL_CORRUPT);
    free(copy);
    free(x);
}

/* A section whose structure is wrong is refused at open: the index is
 * corrupt, and says which part. */
static void test_open_refuses_bad_model(void **state)
{
    (void)state;
    size_t n;
    unsigned char *b = read_all(idx_path, &n);
    const ix_header *h = (const ix_header *)b;
    uint64_t at = h->sec[IX_MODEL].off;
    char err[512];
    b[at] ^= 0x01;   /* the first language's settings: two strings where one is */
    faq_index *x = (faq_index *)1;
    assert_int_equal(open_copy("bad.idx", b, n, &x, err, sizeof err), FAQ_INDEX_ECORRUPT);
    assert_null(x);
    assert_non_null(strstr(err, "corrupt"));
    assert_non_null(strstr(err, "search model"));
    b[at] ^= 0x01;
    /* a byte of a word changed: open passes it, `faqbot check` finds it */
    b[h->sec[IX_MODEL].off + h->sec[IX_MODEL].len - 1] ^= 0x20;
    assert_int_equal(open_copy("bad.idx", b, n, &x, err, sizeof err), FAQ_INDEX_OK);
    assert_int_equal(faq_index_check(x, err, sizeof err), FAQ_INDEX_ECORRUPT);
    assert_non_null(strstr(err, "MODEL"));
    faq_index_close(x);
    free(b);
}

/* An index of format 14 (before MODEL kept the thesaurus synonyms of the
 * index's words) asks to be rebuilt. */
static void test_old_format_asks_for_a_rebuild(void **state)
{
    (void)state;
    size_t n;
    unsigned char *b = read_all(idx_path, &n);
    uint32_t old = 14;
    memcpy(b + 8, &old, 4);
    char err[512];
    faq_index *x = (faq_index *)1;
    assert_int_equal(open_copy("old.idx", b, n, &x, err, sizeof err), FAQ_INDEX_EVERSION);
    assert_null(x);
    assert_non_null(strstr(err, "version 14"));
    assert_non_null(strstr(err, "rebuild it with `faqbot index`"));
    free(b);
}

/* ---- the most digits a language's words hold ---- */

typedef struct digits_seen {
    uint32_t most[FAQ_MAX_LANGS];
} digits_seen;

static void count_list(digits_seen *x, uint32_t l, ix_model_list list)
{
    const char *w = list.s;
    for (uint32_t i = 0; i < list.n; i++, w += strlen(w) + 1) {
        uint32_t d = 0;
        for (const char *c = w; *c; c++)
            d += *c >= '0' && *c <= '9';
        x->most[l] = d > x->most[l] ? d : x->most[l];
    }
}

static int digits_of_lang(void *ctx, uint32_t l, const ix_model_lang *ml)
{
    count_list(ctx, l, ml->stop);
    count_list(ctx, l, ml->qwords);
    count_list(ctx, l, ml->syn_words);
    return 0;
}

static int digits_of_smalltalk(void *ctx, uint32_t l, ix_model_list words)
{
    count_list(ctx, l, words);
    return 0;
}

static void count_str(digits_seen *x, uint32_t l, ix_str t)
{
    uint32_t d = 0;
    for (uint32_t k = 0; k < t.len; k++)
        d += ix->strings[t.off + k] >= '0' && ix->strings[t.off + k] <= '9';
    x->most[l] = d > x->most[l] ? d : x->most[l];
}

/* The bound a question word's digits are held to before its languages are
 * looked up (search_model_lang_digits()) is the most digits of a word the
 * lookups can find, counted here from the lists the section was made of
 * (stop and question words, synonyms' members, small talk words), every
 * word of the vocabulary and every translated term: too low, a word of the
 * FAQ would go unfound; too high, the counters of questions ("200017")
 * would be looked up for nothing. The seed writes years ("2020"). */
static void test_lang_digits_are_the_tables(void **state)
{
    (void)state;
    digits_seen x = {{0}};
    const ix_model_visitor v = {.lang = digits_of_lang, .smalltalk_words = digits_of_smalltalk};
    assert_int_equal(index_model_read(ix->model, ix->model_len, ix->n_langs, ix->n_entries,
                                      ix->n_terms, ix->n_words, 1, &v, &x), 0);
    for (uint32_t i = 0; i < ix->n_words; i++)
        count_str(&x, ix->words[i].lang, ix->words[i].text);
    for (uint32_t i = 0; i < ix->n_xlates; i++)
        count_str(&x, ix->xlates[i].lang, ix->xlates[i].text);
    search_model *m = search_model_new(ix);
    assert_non_null(m);
    uint32_t most = 0;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        assert_int_equal(search_model_lang_digits(m, l), x.most[l]);
        assert_int_equal(search_model_lang_digits(m, l), x.most[l]);    /* remembered */
        most = x.most[l] > most ? x.most[l] : most;
    }
    assert_int_equal(most, 4);
    search_model_free(m);
}

/* The same bound where the words that tell the language hold more digits
 * than the vocabulary: a stop word ("x12345", five) and a small talk word
 * ("r2d2", two) beside an entry's "2020". */
static void test_lang_digits_count_the_model_words(void **state)
{
    (void)state;
    corpus_entry en[] = {fixture_entry("plan", "Is the 2020 plan open?", "Yes.", ENTRY_FAQ),
                         fixture_entry("hi", "hello r2d2", "Hi!", ENTRY_SMALLTALK)};
    corpus_lang langs[] = {fixture_lang("en", en, 2, "the\nis\nx12345\n")};
    corpus c = {langs, 1, NULL};
    char path[160];
    snprintf(path, sizeof path, "%s/digits.idx", dir);
    faq_index *x;
    searcher *xs;
    fixture_open(&c, path, &x, &xs);
    search_model *m = search_model_new(x);
    assert_non_null(m);
    int l = faq_index_lang_find(x, "en");
    assert_true(l >= 0);
    assert_int_equal(search_model_lang_digits(m, (uint32_t)l), 5);
    search_model_free(m);
    fixture_close(x, xs, path);
}

/* ---- the thesaurus synonyms kept for each word (known_synonyms.h) ----
 * For every word of the index, a lookup of its thesaurus synonyms through
 * the search's own analyzer (the one read back from the index) gives the
 * very terms, in the same order, that the build kept for it; a word the
 * thesaurus does not list keeps its lemma's (the lemma SPELLINGS gives a
 * search), or none where a search would ask the dictionary itself. A
 * thesaurus other than the one the build read, or a search by other rules
 * than the shipped parameters', is not given them; a table out of shape is
 * refused by the deep check. */

static void test_kept_as_looked_up(void **state)
{
    (void)state;
    search_model *m = search_model_new(ix);
    assert_non_null(m);
    search_params shipped;
    search_params_default(&shipped);
    known_synonyms_rules built = known_synonyms_rules_built(), other = built;
    assert_true(known_synonyms_rules_equal(built, known_synonyms_rules_of(&shipped)));
    other.mutual = !other.mutual;
    uint32_t kept_words = 0, kept_terms = 0, languages = 0, faq_languages = 0, by_lemma_words = 0;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        thesaurus *th;
        assert_int_equal(search_model_thesaurus(m, l, &th), 0);
        faq_languages += ix->langs[l].n_faq > 0;
        if (!th)
            continue;
        languages += ix->langs[l].n_faq > 0;
        analyzer *an = search_model_analyzer_new(m, l);
        assert_non_null(an);
        const ix_lang *L = &ix->langs[l];
        for (uint32_t w = L->word_first; w < L->word_first + L->word_count; w++) {
            const ix_word *W = &ix->words[w];
            const char *word = ix->strings + W->text.off;
            uint32_t terms[KNOWN_SYNONYMS_MAX];
            int n = known_synonyms_list(ix, an, l, th, built, word, W->text.len, terms);
            int by_lemma = 0;
            search_known_list k;
            int kept = search_model_known_synonyms(m, l, th, built, w, &k);
            if (n < 0) {
                /* the search's lemma, as query_lemma() reads it */
                spelling sp;
                if (W->text.len + 4 >= KNOWN_SYNONYMS_LEMMA_CAP ||
                    !search_model_spelling(m, l, word, W->text.len, &sp) ||
                    sp.lemma_len >= KNOWN_SYNONYMS_LEMMA_CAP) {
                    assert_int_equal(kept, 0);
                    continue;
                }
                n = sp.lemma_len ? known_synonyms_list(ix, an, l, th, built, sp.lemma, sp.lemma_len, terms)
                                 : 0;
                n = n < 0 ? 0 : n;
                by_lemma = 1;
                by_lemma_words++;
            }
            assert_int_equal(kept, 1);
            assert_int_equal(search_model_known_synonyms(m, l, th, other, w, &k), 0);
            assert_int_equal(search_model_known_synonyms(m, l, th, built, w, &k), 1);
            assert_int_equal(k.by_lemma, by_lemma);
            assert_int_equal(k.count, (uint32_t)n);
            assert_int_equal(k.whole, (uint32_t)n < KNOWN_SYNONYMS_MAX);
            for (int i = 0; i < n; i++)
                assert_int_equal(search_known_term(&k, (uint32_t)i), terms[i]);
            kept_words++;
            kept_terms += (uint32_t)n;
        }
        analyzer_free(an);
    }
    /* the seed's four languages each have a thesaurus in order: not a
     * test of nothing (a language it may only be asked in, Dutch, may have
     * none) */
    assert_int_equal(faq_languages, 4);
    assert_int_equal(languages, faq_languages);
    assert_true(kept_words > 500);
    assert_true(kept_terms > 500);
    assert_true(by_lemma_words > 100);
    search_model_free(m);
}

static void test_other_thesaurus_not_taken(void **state)
{
    (void)state;
    thesaurus *th;
    assert_int_equal(thesaurus_open("es", NULL, &th), 0);
    assert_non_null(th);
    char stamp[1400];
    assert_int_equal(thesaurus_order_stamp("es", NULL, stamp, sizeof stamp), 1);
    assert_int_equal(thesaurus_has_stamp(th, stamp, strlen(stamp)), 1);
    stamp[strlen(stamp) - 1] ^= 1;   /* another time: the file changed since */
    assert_int_equal(thesaurus_has_stamp(th, stamp, strlen(stamp)), 0);
    assert_int_equal(thesaurus_has_stamp(th, stamp, strlen(stamp) - 1), 0);
    thesaurus_free(th);
}

typedef struct known_table {
    const unsigned char *firsts, *items;
    uint32_t n_words, n_items;
} known_table;

static int take_known(void *ctx, const unsigned char *firsts, uint32_t n_words,
                      const unsigned char *items, uint32_t n_items)
{
    *(known_table *)ctx = (known_table){firsts, items, n_words, n_items};
    return 0;
}

/* A kept term past the index's terms, or a count past the items: opening
 * reads neither, `faqbot check` refuses both. */
static void test_bad_table_refused_when_deep(void **state)
{
    (void)state;
    uint64_t n = ix->model_len;
    unsigned char *copy = model_copy();
    known_table t;
    const ix_model_visitor v = {.known_synonyms = take_known};
    assert_int_equal(read_model(copy, n, 1, &v, &t), 0);
    assert_int_equal(t.n_words, ix->n_words);
    uint32_t w = 0, first = IX_NONE, head = 0;
    for (; w < t.n_words; w++) {
        memcpy(&first, t.firsts + 4 * (size_t)w, 4);
        if (first != IX_NONE) {
            memcpy(&head, t.items + 4 * (size_t)first, 4);
            if (head & KNOWN_SYNONYMS_COUNT)
                break;
        }
    }
    assert_true(w < t.n_words);
    unsigned char *term = (unsigned char *)t.items + 4 * ((size_t)first + 1);
    uint32_t kept, bad = ix->n_terms;
    memcpy(&kept, term, 4);
    memcpy(term, &bad, 4);
    assert_int_equal(read_model(copy, n, 0, NULL, NULL), 0);
    assert_int_equal(read_model(copy, n, 1, NULL, NULL), IX_MODEL_CORRUPT);
    memcpy(term, &kept, 4);
    uint32_t long_count = t.n_items;
    memcpy((unsigned char *)t.items + 4 * (size_t)first, &long_count, 4);
    assert_int_equal(read_model(copy, n, 1, NULL, NULL), IX_MODEL_CORRUPT);
    free(copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_analyzers_as_from_the_texts),
        cmocka_unit_test(test_words_as_from_the_texts),
        cmocka_unit_test(test_cut_or_miscounted_section_refused),
        cmocka_unit_test(test_bad_word_slots),
        cmocka_unit_test(test_open_refuses_bad_model),
        cmocka_unit_test(test_old_format_asks_for_a_rebuild),
        cmocka_unit_test(test_smalltalk_words_sorted),
        cmocka_unit_test(test_lang_digits_are_the_tables),
        cmocka_unit_test(test_lang_digits_count_the_model_words),
        cmocka_unit_test(test_kept_as_looked_up),
        cmocka_unit_test(test_other_thesaurus_not_taken),
        cmocka_unit_test(test_bad_table_refused_when_deep),
    };
    return cmocka_run_group_tests_name("index_model", tests, setup, teardown);
}
