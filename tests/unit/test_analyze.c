/* test_analyze.c: the analyzer: UTF-8 checks, folding, tokens, stop words, stems
 * (a number its own in every stemmer). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libstemmer.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "analyze.h"
#include "analyze_internal.h"
#include "buf.h"
#include "fold.h"
#include "lang_pack.h"
#include "typo.h"

typedef struct seen {
    char terms[32][80];
    char words[32][80];
    size_t offs[32], lens[32];
    int syn[32];
    char situation[33];         /* per token: 's' a situation word, '-' another */
    int n;
} seen;

static int collect(void *ctx, const token *t)
{
    seen *s = ctx;
    if (s->n < 32) {
        snprintf(s->terms[s->n], 80, "%.*s", (int)t->term_len, t->term);
        snprintf(s->words[s->n], 80, "%.*s", (int)t->word_len, t->word);
        s->offs[s->n] = t->offset;
        s->lens[s->n] = t->raw_len;
        s->syn[s->n] = t->is_synonym;
        s->situation[s->n] = t->is_situation ? 's' : '-';
        s->n++;
    }
    return 0;
}

static seen run(analyzer *a, const char *text)
{
    seen s;
    memset(&s, 0, sizeof s);
    assert_int_equal(analyzer_run(a, text, strlen(text), collect, &s), 0);
    return s;
}

static void test_utf8_valid(void **state)
{
    (void)state;
    assert_true(utf8_valid("migración", strlen("migración")));
    assert_false(utf8_valid("\xC3", 1));                 /* cut short */
    assert_false(utf8_valid("\xC0\xAF", 2));             /* overlong '/' */
    assert_false(utf8_valid("\xED\xA0\x80", 3));         /* surrogate */
    assert_false(utf8_valid("\xF4\x90\x80\x80", 4));     /* above U+10FFFF */
    assert_false(utf8_valid("a\0b", 3));                 /* NUL */
    assert_true(utf8_valid("\xF0\x9F\x98\x80", 4));      /* emoji, plane 1 */
    assert_int_equal(utf8_length("añó", strlen("añó")), 3);
}

static void test_fold_meets(void **state)
{
    (void)state;
    char a[64], b[64], c[64];
    assert_true(fold_text("migracion", 9, a, sizeof a) > 0);
    assert_true(fold_text("MIGRACIÓN", strlen("MIGRACIÓN"), b, sizeof b) > 0);
    assert_true(fold_text("migración", strlen("migración"), c, sizeof c) > 0);
    assert_string_equal(a, "migracion");
    assert_string_equal(b, "migracion");
    assert_string_equal(c, "migracion");
    assert_int_equal(fold_text("\xFF", 1, a, sizeof a), -1);
    assert_int_equal(fold_text("abcdef", 6, a, 3), -1);  /* too small: refused, not cut */
}

/* The folding table (ASCII and two-byte letters) must agree with utf8proc
 * on every two-byte code point, alone, between letters, and before a
 * combining mark, and on pseudo-random mixes of them; but for the three
 * Arabic letters fold.h folds on (tatweel dropped, ة as ه, ى as ي). */
static utf8proc_ssize_t arabic_folded(utf8proc_uint8_t *s, utf8proc_ssize_t n)
{
    utf8proc_ssize_t w = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        if (i + 1 < n && s[i] == 0xD9 && s[i + 1] == 0x80) {
            i++;
            continue;
        }
        if (i + 1 < n && ((s[i] == 0xD8 && s[i + 1] == 0xA9) || (s[i] == 0xD9 && s[i + 1] == 0x89))) {
            utf8proc_uint8_t heh_or_yeh = s[i] == 0xD8 ? 0x87 : 0x8A;
            s[w++] = 0xD9;
            s[w++] = heh_or_yeh;
            i++;
            continue;
        }
        s[w++] = s[i];
    }
    s[w] = 0;
    return w;
}

static void expect_utf8proc_fold(const char *in, size_t len)
{
    utf8proc_uint8_t *want = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)len, &want,
                                      UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE |
                                          UTF8PROC_STRIPMARK);
    if (n >= 0)
        n = arabic_folded(want, n);
    char got[256];
    long m = fold_text(in, len, got, sizeof got);
    assert_true(n >= 0);
    if (m != (long)n || memcmp(got, want, (size_t)n) != 0)
        fail_msg("fold of \"%.*s\": \"%.*s\", utf8proc says \"%s\"", (int)len, in, (int)m, got,
                 (const char *)want);
    free(want);
}

static void test_fold_table_is_utf8proc(void **state)
{
    (void)state;
    unsigned seed = 12345;
    for (uint32_t cp = 0x80; cp < 0x800; cp++) {
        char in[16];
        unsigned char c1 = (unsigned char)(0xC0 | cp >> 6), c2 = (unsigned char)(0x80 | (cp & 0x3F));
        int n = snprintf(in, sizeof in, "A%c%cb", c1, c2);
        expect_utf8proc_fold(in, (size_t)n);
        n = snprintf(in, sizeof in, "%c%c\xCC\x81x", c1, c2);   /* then U+0301 */
        expect_utf8proc_fold(in, (size_t)n);
        char mix[64];
        size_t k = 0;
        for (int j = 0; j < 6; j++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t r = 0x80 + (seed >> 8) % 0x780;
            if (seed & 1)
                mix[k++] = (char)('A' + (seed >> 20) % 26);
            mix[k++] = (char)(0xC0 | r >> 6);
            mix[k++] = (char)(0x80 | (r & 0x3F));
        }
        expect_utf8proc_fold(mix, k);
    }
}

static void test_spanish_tokens_stop_stem(void **state)
{
    (void)state;
    analyzer *a = analyzer_new("es", "# stop words\nla\nde\nlos\nqué\n");
    assert_non_null(a);
    seen s = run(a, "¿Qué es la Iniciativa de los PAÍSES precursores?");
    /* "qué", "la", "de", "los" dropped; "es" is not in this list */
    assert_int_equal(s.n, 4);
    assert_string_equal(s.words[0], "es");
    assert_string_equal(s.words[1], "iniciativa");
    assert_string_equal(s.terms[1], "inici");
    assert_string_equal(s.words[2], "paises");
    assert_string_equal(s.terms[2], "pais");
    assert_string_equal(s.terms[3], "precursor");
    /* offsets point into the input */
    assert_int_equal(s.offs[1], strlen("¿Qué es la "));
    /* the query side meets the index side with or without accents */
    seen t = run(a, "paises precursores");
    assert_string_equal(t.terms[0], s.terms[2]);
    assert_true(analyzer_is_stopword(a, "que", 3));      /* stop list is folded too */
    /* a word that is no stop word, as typed: "Qué" is one, with or
     * without its stop words kept */
    assert_int_equal(analyzer_names_word(a, "Qué", strlen("Qué")), 0);
    assert_int_equal(analyzer_names_word(a, "la iniciativa", 13), 1);
    analyzer_keep_stopwords(a, 1);
    assert_int_equal(analyzer_names_word(a, "Qué", strlen("Qué")), 0);
    assert_int_equal(analyzer_names_word(a, "\xff", 1), -1);
    analyzer_free(a);
}

/* A question word ("?word" in the list) is a token, not dropped, and keeps
 * its form: "cuáles" (which ones) and "cuál" (what) must not become one
 * term as Snowball would make them. */
static void test_question_words_keep_their_form(void **state)
{
    (void)state;
    analyzer *a = analyzer_new("es", "?cuál\n?cuáles\nlos\nson\n");
    assert_non_null(a);
    seen s = run(a, "¿Cuáles son los países? ¿Cuál es el proceso?");
    assert_int_equal(s.n, 6);
    assert_string_equal(s.words[0], "cuales");
    assert_string_equal(s.terms[0], "cuales");
    assert_string_equal(s.terms[1], "pais");         /* other words are stemmed */
    assert_string_equal(s.terms[2], "cual");
    assert_true(analyzer_is_question_word(a, "cuales", 6));
    analyzer_free(a);
    analyzer *f = analyzer_new("fr", "?quel\n?quels\n");
    assert_non_null(f);
    seen t = run(f, "quels pays, quel rôle");
    assert_string_equal(t.terms[0], "quels");
    assert_string_equal(t.terms[2], "quel");
    analyzer_free(f);
}

/* A phrase of synonyms.txt yields, after its last word, a token for its
 * group: the group's first one-word member, its term marked. A phrase of
 * content words passes over the text's stop words; one with stop words
 * ("lista de") is said word for word, and is no one-word member. */
static void test_phrase_synonyms(void **state)
{
    (void)state;
    analyzer *a = analyzer_new("es", "de\nla\n");
    assert_non_null(a);
    assert_int_equal(analyzer_set_synonyms(a, "# comment, formar parte\n"
                                              "adherirse, sumarse, formar parte, tomar parte de\n"
                                              "hacer falta, ser necesario\n"
                                              "lista de, documentos\n"), 0);
    const char *text = "Forman parte de la red";
    seen s = run(a, text);
    assert_int_equal(s.n, 4);   /* the comment line made no rule */
    assert_string_equal(s.terms[1], "part");
    assert_false(s.syn[1]);
    assert_true(s.syn[2]);
    assert_string_equal(s.words[2], "adherirse");
    assert_string_equal(s.terms[2], "=adher");
    assert_int_equal(s.offs[2], 0);                     /* it spans the phrase */
    assert_int_equal(s.lens[2], strlen("Forman parte"));
    assert_string_equal(s.terms[3], "red");
    /* content words with the text's stop words between them */
    seen t = run(a, "forman de la parte");
    assert_int_equal(t.n, 3);
    assert_true(t.syn[2]);
    /* "tomar parte de" ends with a stop word: it stands whole or not at all */
    seen u = run(a, "toman parte de la red");
    assert_int_equal(u.n, 4);
    assert_true(u.syn[2]);
    assert_int_equal(u.lens[2], strlen("toman parte de"));
    seen v = run(a, "toman de la parte");
    for (int i = 0; i < v.n; i++)
        assert_false(v.syn[i]);
    /* another word between them: no phrase */
    seen w = run(a, "forman una parte");
    for (int i = 0; i < w.n; i++)
        assert_false(w.syn[i]);
    /* a group without a one-word member has nothing to stand for */
    seen x = run(a, "hace falta");
    assert_int_equal(x.n, 2);
    /* "lista de" is a phrase, so "lista" alone is no synonym of "documentos" */
    seen y = run(a, "una lista de países");
    assert_int_equal(y.n, 4);
    assert_true(y.syn[2]);
    assert_string_equal(y.words[2], "documentos");
    seen z = run(a, "una lista");
    assert_int_equal(z.n, 2);
    analyzer_free(a);
}

/* A clone analyzes as its original: stop words, question words, phrases;
 * freeing the original leaves the clone whole. */
static void test_clone(void **state)
{
    (void)state;
    analyzer *a = analyzer_new("es", "de\nla\n?cuando\n");
    assert_non_null(a);
    assert_int_equal(analyzer_set_synonyms(a, "adherirse, sumarse, formar parte, tomar parte de\n"
                                              "lista de, documentos\n"), 0);
    const char *texts[] = {"Forman parte de la red", "toman parte de la red", "una lista de países",
                           "¿cuándo termina la iniciativa?"};
    seen before[4];
    for (int k = 0; k < 4; k++)
        before[k] = run(a, texts[k]);
    analyzer *c = analyzer_clone(a);
    assert_non_null(c);
    analyzer_free(a);
    assert_true(analyzer_is_stopword(c, "la", 2));
    assert_true(analyzer_is_question_word(c, "cuando", 6));
    for (int k = 0; k < 4; k++) {
        seen after = run(c, texts[k]);
        assert_int_equal(after.n, before[k].n);
        for (int i = 0; i < after.n; i++) {
            assert_string_equal(after.terms[i], before[k].terms[i]);
            assert_string_equal(after.words[i], before[k].words[i]);
            assert_int_equal(after.syn[i], before[k].syn[i]);
        }
    }
    analyzer_free(c);
}

static void test_elision_and_keep_stop(void **state)
{
    (void)state;
    analyzer *a = analyzer_new("fr", "l\nd\nle\n");
    assert_non_null(a);
    seen s = run(a, "l'initiative d'aujourd'hui");
    assert_string_equal(s.words[0], "initiative");
    analyzer_keep_stopwords(a, 1);
    seen k = run(a, "l'initiative");
    assert_int_equal(k.n, 2);
    assert_string_equal(k.words[0], "l");
    analyzer_free(a);
}

static void test_bad_input(void **state)
{
    (void)state;
    analyzer *a = analyzer_new("en", NULL);
    assert_non_null(a);
    seen s;
    memset(&s, 0, sizeof s);
    assert_int_equal(analyzer_run(a, "bad \xC3(", 6, collect, &s), -1);
    assert_int_equal(s.n, 0);
    /* a very long token is cut at a code point boundary, not split */
    char longw[400];
    for (int i = 0; i < 199; i++) { longw[2 * i] = '\xC3'; longw[2 * i + 1] = '\xA9'; }
    longw[398] = '\0';
    s = run(a, longw);
    assert_int_equal(s.n, 1);
    assert_true(utf8_valid(s.words[0], strlen(s.words[0])));
    /* no stemmer for an unknown language, nor for one written without
     * spaces between words */
    assert_null(analyzer_new("xx", NULL));
    assert_null(analyzer_new("ja", NULL));
    analyzer_free(a);

    /* a language written with spaces that libstemmer does not stem: a
     * word's first five letters, accents and "ł" folded, so that forms and
     * a word typed without its marks meet; a shorter word whole */
    analyzer *pl = analyzer_new("pl", NULL);
    assert_non_null(pl);
    size_t n;
    const char *words[][2] = {{"książki", "ksiaz"}, {"książek", "ksiaz"}, {"ksiazka", "ksiaz"},
                              {"złoty", "zloty"}, {"zł", "zl"}, {"wypożyczyć", "wypoz"}};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        const char *st = analyzer_stem(pl, words[i][0], strlen(words[i][0]), &n);
        assert_non_null(st);
        assert_int_equal(n, strlen(words[i][1]));
        assert_memory_equal(st, words[i][1], n);
    }
    analyzer_free(pl);
}

static void test_typo_distance(void **state)
{
    (void)state;
    assert_int_equal(typo_distance("iniciatvia", 10, "iniciativa", 10), 1);   /* swap */
    assert_int_equal(typo_distance("presursores", 11, "precursores", 11), 1);
    assert_int_equal(typo_distance("abc", 3, "abc", 3), 0);
    assert_int_equal(typo_distance("año", strlen("año"), "ano", 3), 1);      /* one code point */
    assert_int_equal(typo_distance("kitten", 6, "sitting", 7), 3);
    assert_int_equal(typo_budget(3), 0);
    assert_int_equal(typo_budget(4), 1);
    assert_int_equal(typo_budget(6), 1);
    assert_int_equal(typo_budget(7), 1);
    assert_int_equal(typo_budget(8), 2);
    assert_int_equal(typo_budget(10), 2);
}

typedef struct rec { uint32_t off, len; } rec;

static void test_typo_search(void **state)
{
    (void)state;
    const char *words[] = {"fondo", "iniciativa", "iniciativas", "inicio", "pais", "precursor",
                           "precursores", "presidente"};
    char base[256];
    rec recs[8];
    size_t o = 0;
    for (int i = 0; i < 8; i++) {
        size_t n = strlen(words[i]);
        memcpy(base + o, words[i], n);
        recs[i] = (rec){(uint32_t)o, (uint32_t)n};
        o += n;
    }
    typo_vocab v = {base, recs, sizeof(rec), 0, 0, 8, 0};
    typo_match m[4];
    int n = typo_search(&v, "presursores", 11, 2, m, 4);
    assert_true(n >= 1);
    assert_int_equal(m[0].word, 6);
    assert_int_equal(m[0].dist, 1);
    n = typo_search(&v, "iniciatvia", 10, 1, m, 4);
    assert_int_equal(n, 1);
    assert_int_equal(m[0].word, 1);
    n = typo_search(&v, "tortilla", 8, 1, m, 4);
    assert_int_equal(n, 0);
    /* brute force agrees with the trie walk on every word */
    const char *probes[] = {"inicitiva", "fonda", "paiss", "precurso", "presidnte", "xyz"};
    for (int p = 0; p < 6; p++) {
        int expect = 0;
        for (int i = 0; i < 8; i++) {
            int d = typo_distance(words[i], strlen(words[i]), probes[p], strlen(probes[p]));
            expect += d > 0 && d <= 2;
        }
        n = typo_search(&v, probes[p], strlen(probes[p]), 2, m, 4);
        assert_int_equal(n, expect < 4 ? expect : 4);
    }
}

/* A vocabulary's digits are counted as the distance sees them: an
 * overlong form of a digit is one. */
static void test_typo_vocab_digits(void **state)
{
    (void)state;
    const char base[] = "a\xc0\xb1\xc0\xb2\xc0\xb3" "mp3" "x1y";
    rec recs[] = {{0, 7}, {7, 3}, {10, 3}};
    typo_vocab v = {base, recs, sizeof(rec), 0, 0, 3, 0};
    assert_int_equal(typo_vocab_digits(&v), 4);
    v.digits = 4;
    typo_match m[2];
    /* "a1234" is an edit from "a123" written with overlong digits */
    assert_int_equal(typo_search(&v, "a1234", 5, 1, m, 2), 1);
    assert_int_equal(m[0].word, 0);
    assert_int_equal(typo_search(&v, "a12345", 6, 1, m, 2), 0);
}

typedef struct spans { size_t off[512], len[512]; unsigned pos[512]; int n; } spans;

static int on_span(void *ctx, const token *t)
{
    spans *x = ctx;
    if (t->is_synonym || x->n == 512)
        return 0;
    x->off[x->n] = t->offset;
    x->len[x->n] = t->raw_len;
    x->pos[x->n] = t->pos;
    x->n++;
    return 0;
}

/* Tokens found by table, a byte or two a code point, are PCRE2's: on
 * random texts of ASCII, accented and combining letters, Greek, Cyrillic,
 * Arabic-Indic digits, superscripts, a soft hyphen, and code points of
 * three and four bytes (CJK, Devanagari with its marks, a curly
 * apostrophe, an emoji) that hand the search back to PCRE2. */
static void test_tokens_are_pcre2s(void **state)
{
    (void)state;
    static const char *pool[] = {"a", "Z", "7", " ", ",", "-", "'", "\n", "\xc3\xa9", "\xc3\x91",
                                 "\xcc\x81", "\xce\xb1", "\xd0\xb6", "\xd9\xa3", "\xc2\xb2",
                                 "\xc2\xad", "\xc2\xbf", "\xe4\xb8\x80", "\xe0\xa4\x95",
                                 "\xe0\xa4\xbf", "\xe2\x80\x99", "\xf0\x9f\x98\x80"};
    const size_t n_pool = sizeof pool / sizeof *pool;
    analyzer *a = analyzer_new("en", NULL);
    assert_non_null(a);
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR) "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*",
                                   PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &errcode, &erroff, NULL);
    assert_non_null(re);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    unsigned seed = 99;
    int tokens = 0;
    for (int round = 0; round < 3000; round++) {
        char text[400] = "";
        int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 60;
        for (int k = 0; k < n; k++)
            strcat(text, pool[((seed = seed * 1103515245u + 12345u) >> 16) % n_pool]);
        size_t len = strlen(text);
        static spans got, want;
        got.n = want.n = 0;
        analyzer_keep_stopwords(a, 1);
        analyzer_skip_stemming(a, 1);
        assert_int_equal(analyzer_run(a, text, len, on_span, &got), 0);
        for (PCRE2_SIZE off = 0; off < len && want.n < 512;) {
            if (pcre2_match(re, (PCRE2_SPTR)text, len, off, 0, md, NULL) < 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            want.off[want.n] = ov[0];
            want.len[want.n] = ov[1] - ov[0];
            want.n++;
            off = ov[1];
        }
        assert_int_equal(got.n, want.n);
        for (int k = 0; k < got.n; k++) {
            assert_int_equal(got.off[k], want.off[k]);
            assert_int_equal(got.len[k], want.len[k]);
            assert_int_equal(got.pos[k], k);
        }
        tokens += got.n;
    }
    assert_true(tokens > 10000);
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    analyzer_free(a);
}

/* One edit, found in one pass, is what the table says is one edit: on
 * every pair of short words of a small alphabet with accents. */
static void test_typo_one_edit_is_the_table(void **state)
{
    (void)state;
    static const char *alpha[] = {"a", "b", "\xc3\xa1", "\xe2\x82\xac"};
    static char words[1 + 4 + 16 + 64 + 256][20];
    int n = 0;
    words[n++][0] = '\0';
    for (int len = 1, first = 0; len <= 4; len++) {
        int end = n;
        for (int w = first; w < end; w++)
            for (int c = 0; c < 4; c++) {
                char grown[sizeof words[0]];
                snprintf(grown, sizeof grown, "%s%s", words[w], alpha[c]);
                memcpy(words[n++], grown, sizeof grown);
            }
        first = end;
    }
    int ones = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int d = typo_distance(words[i], strlen(words[i]), words[j], strlen(words[j]));
            int one = typo_one_edit(words[i], strlen(words[i]), words[j], strlen(words[j]));
            assert_int_equal(one, d == 1);
            ones += one;
        }
    assert_true(ones > 1000);
    char long_word[TYPO_MAX_CP + 2];
    memset(long_word, 'a', sizeof long_word);
    assert_int_equal(typo_one_edit(long_word, TYPO_MAX_CP + 1, long_word, TYPO_MAX_CP), 0);
}

static int cmp_bytes(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The first code point of valid UTF-8 s, as bytes compared. */
static size_t first_cp_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* The walk (its shared rows, its skipped branches, its band of the table,
 * its range of one first letter, the words of other first letters looked
 * up, the query's digits beyond the vocabulary's) finds what comparing with
 * every word finds: the same words at the same distances in the same
 * order, as many as asked for, on random words of a small alphabet with
 * accents and digits, where neighbours abound; every other probe mostly
 * digits, as a number is, and the vocabulary's digits counted or not. */
static void test_typo_search_is_brute_force(void **state)
{
    (void)state;
    static const char *alpha[] = {"a", "b", "c", "d", "\xc3\xa1", "\xc3\xb1", "\xe2\x82\xac",
                                  "1", "2"};
    enum { N = 400, P = 600, A = sizeof alpha / sizeof *alpha };
    static char words[N][40];
    static const char *sorted[N];
    unsigned seed = 12345;
    for (int i = 0; i < N; i++) {
        int len = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 9;
        words[i][0] = '\0';
        for (int k = 0; k < len; k++)
            strcat(words[i], alpha[((seed = seed * 1103515245u + 12345u) >> 16) % A]);
        sorted[i] = words[i];
    }
    qsort(sorted, N, sizeof *sorted, cmp_bytes);
    int n_words = 0;
    for (int i = 0; i < N; i++)
        if (!n_words || strcmp(sorted[n_words - 1], sorted[i]) != 0)
            sorted[n_words++] = sorted[i];
    static char base[N * 40];
    static rec recs[N];
    size_t o = 0;
    for (int i = 0; i < n_words; i++) {
        size_t n = strlen(sorted[i]);
        memcpy(base + o, sorted[i], n);
        recs[i] = (rec){(uint32_t)o, (uint32_t)n};
        o += n;
    }
    typo_vocab v = {base, recs, sizeof(rec), 0, 0, (uint32_t)n_words, 0};
    uint32_t digits = typo_vocab_digits(&v);
    int pruned = 0;             /* probes the digits alone settle */
    for (int p = 0; p < P * 2; p++) {
        char probe[40] = "";
        int len = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 10;
        for (int k = 0; k < len; k++) {
            unsigned r = (seed = seed * 1103515245u + 12345u) >> 16;
            strcat(probe, alpha[p % 2 && r % 4 ? A - 2 + (int)(r / 4 % 2) : (int)(r % A)]);
        }
        v.digits = p < P ? 0 : digits;
        for (int max = 1; max <= 3; max++) {
            int cap = 1 + p % 8;
            typo_match want[8];
            int n_want = 0;
            for (int d = 1; d <= max; d++)
                for (int i = 0; i < n_words && n_want < cap; i++) {
                    size_t fa = first_cp_len(sorted[i]), fb = first_cp_len(probe);
                    int first_edit = fa != fb || memcmp(sorted[i], probe, fa) != 0;
                    if (typo_distance(sorted[i], strlen(sorted[i]), probe, strlen(probe)) +
                            first_edit == d)
                        want[n_want++] = (typo_match){(uint32_t)i, d};
                }
            typo_match got[8];
            int n_got = typo_search(&v, probe, strlen(probe), max, got, cap);
            assert_int_equal(n_got, n_want);
            int probe_digits = 0;
            for (const char *c = probe; *c; c++)
                probe_digits += *c >= '0' && *c <= '9';
            pruned += v.digits && probe_digits - (int)(digits - 1) > max;
            for (int k = 0; k < n_got; k++) {
                assert_int_equal(got[k].word, want[k].word);
                assert_int_equal(got[k].dist, want[k].dist);
            }
        }
    }
    assert_true(pruned > 0);
}

/* The words of text are those of want, separated by spaces. */
static void expect_words(analyzer *a, const char *text, const char *want)
{
    seen s = run(a, text);
    char got[512] = "";
    for (int i = 0; i < s.n; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i ? " " : "", s.words[i]);
    assert_string_equal(got, want);
}

/* expect_words() of an analyzer made of lang and its stop words' text. */
static void expect_words_with(const char *lang, const char *stop, const char *text,
                              const char *want)
{
    analyzer *a = analyzer_new(lang, stop);
    assert_non_null(a);
    expect_words(a, text, want);
    analyzer_free(a);
}

/* A pack's "!digraphs" (German: ae, oe, ue for ä, ö, ü): the pair reads as
 * the letter before stop words and stems, so the two spellings are one
 * term; not after a letter of "!digraphs_not_after" ("neue", "Quelle"). */
static void test_digraphs_read_as_their_letter(void **state)
{
    (void)state;
    const char *stop = "# settings are not stop words\n!digraphs ae:ä oe:ö ue:ü\n"
                       "!digraphs_not_after aeiouyäöüq\nmöchte\nzuerst\n";
    analyzer *a = analyzer_new("de", stop);
    assert_non_null(a);
    seen s = run(a, "Ich moechte zuerst die Gebuehr zahlen");
    assert_int_equal(s.n, 4);                   /* "moechte", "zuerst" are stop words */
    assert_string_equal(s.words[2], "gebuhr");
    assert_int_equal(s.offs[2], strlen("Ich moechte zuerst die "));
    assert_int_equal(s.lens[2], strlen("Gebuehr"));
    seen u = run(a, "MÖCHTE Gebühr Gebühren Straße Strasse Ärger Aerger Öl Oel");
    assert_int_equal(u.n, 8);
    assert_string_equal(u.terms[0], s.terms[2]);
    assert_string_equal(u.terms[1], u.terms[0]);   /* stemmed as the umlaut's word */
    assert_string_equal(u.terms[2], u.terms[3]);
    assert_string_equal(u.terms[4], u.terms[5]);
    assert_string_equal(u.terms[6], u.terms[7]);
    /* "posie": no umlaut, but read alike on both sides */
    expect_words(a, "neue Feuer Bauer Quelle Poesie", "neue feuer bauer quelle posie");
    analyzer_free(a);

    /* without the setting, nothing is read: the hook is the pack's */
    expect_words_with("de", "möchte\n", "moechte Gebuehr", "moechte gebuehr");

    /* the German pack has it */
    analyzer *de = analyzer_new("de", lang_pack_file("de", "stopwords.txt"));
    assert_non_null(de);
    seen x = run(de, "moechte Gebuehren"), y = run(de, "möchte Gebühren");
    assert_int_equal(x.n, 1);
    assert_int_equal(y.n, 1);
    assert_string_equal(x.terms[0], y.terms[0]);
    /* as german2, only u's pair stays after a vowel (the u of "neue" is a
     * consonant): "geoeffnet", "geaendert" are "geöffnet", "geändert" */
    seen g = run(de, "geoeffnet geaendert neue Quelle"), h = run(de, "geöffnet geändert neue Quelle");
    assert_int_equal(g.n, 4);
    assert_int_equal(h.n, 4);
    for (int i = 0; i < 4; i++)
        assert_string_equal(g.terms[i], h.terms[i]);
    expect_words(de, "neue Feuer Quelle", "neue feuer quelle");
    analyzer_free(de);

    /* a "!digraphs_not_after" item may name its pair */
    expect_words_with("de", "!digraphs ae:ä oe:ö ue:ü\n!digraphs_not_after ue:aeiouq\n",
                      "geoeffnet neue Quelle Bauer", "geoffnet neue quelle bauer");
}

/* The Portuguese pack's "!digraphs": the silent c or p of the spelling
 * before the 1990 agreement ("actualizar", "correcção", "excepção") reads as
 * the spelling without it, so a question in either spelling meets the FAQ's
 * words; a pair may have a letter beyond ASCII ("cç"); "apto" and "ato"
 * stay two words. */
static void test_digraphs_portuguese_spellings(void **state)
{
    (void)state;
    analyzer *pt = analyzer_new("pt", lang_pack_file("pt", "stopwords.txt"));
    assert_non_null(pt);
    seen old = run(pt, "actualizar correcções excepção direcção Facto apto");
    seen now = run(pt, "atualizar correções exceção direção fato ato");
    assert_int_equal(old.n, 6);
    assert_int_equal(now.n, 6);
    for (int i = 0; i < 5; i++)
        assert_string_equal(old.terms[i], now.terms[i]);
    assert_string_not_equal(old.terms[5], now.terms[5]);
    analyzer_free(pt);

    /* a pair of a non-ASCII letter, read alike from an item typed in capitals */
    expect_words_with("pt", "!digraphs CÇ:ç\n", "acção accao", "acao accao");
    /* an item that is not two letters, a colon and a letter is passed over */
    expect_words_with("pt", "!digraphs a:b abc:d ab: :ab 1b:c çç\n", "ab abc 1b", "ab abc 1b");
}

/* The tokens of text, each "s" for a situation word, "-" for another. */
static void expect_situation(analyzer *a, const char *text, const char *want)
{
    assert_string_equal(run(a, text).situation, want);
}

/* A pack's "!situation" words (the asker's people and home) are tokens with
 * their stems, not stop words, flagged, folded as the stop words are (case,
 * accents, digraphs); the same from the settings an index keeps. */
static void test_situation_words(void **state)
{
    (void)state;
    const char *stop = "!digraphs ae:ä oe:ö ue:ü\n!situation sohn söhne\n!situation haus\n"
                       "!situationen auto\nmein\n";
    analyzer *a = analyzer_new("de", stop);
    assert_non_null(a);
    expect_situation(a, "Mein Sohn, SÖHNE, Soehne, Haus, Auto", "ssss-");
    seen s = run(a, "Söhne");
    assert_int_equal(s.n, 1);                   /* no stop word */
    analyzer_free(a);

    analyzer *f = analyzer_new_folded("de", "!situation sohn söhne\n", "mein\0", 1, "", 0);
    assert_non_null(f);
    expect_situation(f, "mein Sohn und die Söhne", "s--s");
    analyzer_free(f);

    analyzer *none = analyzer_new("de", "mein\n");
    assert_non_null(none);
    expect_situation(none, "mein Sohn", "-");
    analyzer_free(none);

    /* each pack has them */
    const char *codes[] = {"en", "es", "pt", "fr", "de", "it"};
    const char *son[] = {"son", "hijo", "filho", "fils", "Sohn", "figlio"};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        analyzer *p = analyzer_new(codes[i], lang_pack_file(codes[i], "stopwords.txt"));
        assert_non_null(p);
        expect_situation(p, son[i], "s");
        analyzer_free(p);
    }
}

/* "!letters": Finnish ä, ö are letters of their own. A word holding one is
 * a stop word only as the list writes it ("sää", weather, is no "saa",
 * may); typed without them a word is looked up folded, as before, and the
 * index's copy of the list (each stop word as the set holds it) reads the
 * same. */
static int keep_stopword(void *ctx, const char *w, size_t n, int q)
{
    buf *b = ctx;
    return q ? 0 : buf_add_str0(b, w, n);
}

static void test_own_letters_stop_as_written(void **state)
{
    (void)state;
    const char *stop = "!letters ä ö å\nsaa\nmä\n";
    analyzer *a = analyzer_new("fi", stop);
    assert_non_null(a);
    seen s = run(a, "sää saa SÄÄ mä ma");
    assert_int_equal(s.n, 2);   /* "saa", "mä" and "ma" (mä typed plainly) dropped */
    assert_string_equal(s.words[0], "saa");   /* the words of "sää", "SÄÄ", folded */
    assert_string_equal(s.words[1], "saa");
    assert_int_equal(s.offs[1], strlen("sää saa "));
    buf words = BUF_INIT(1 << 16);
    assert_int_equal(analyzer_each_stopword(a, keep_stopword, &words), 0);
    size_t n = 0;
    for (size_t i = 0; i < words.len; i++)
        n += words.s[i] == '\0';
    analyzer *f = analyzer_new_folded("fi", "!letters ä ö å\n", words.s, n, "", 0);
    assert_non_null(f);
    seen t = run(f, "sää saa SÄÄ mä ma");
    assert_int_equal(t.n, 2);
    assert_int_equal(t.offs[1], strlen("sää saa "));
    analyzer_free(f);
    buf_free(&words);
    analyzer_free(a);

    /* without the setting, "sää" is the stop word's twin */
    analyzer *plain = analyzer_new("fi", "saa\n");
    assert_non_null(plain);
    assert_int_equal(run(plain, "sää").n, 0);
    analyzer_free(plain);
}

/* A number is its own stem: the analyzer copies it rather than ask the
 * stemmer, so every Snowball stemmer installed is held to leaving digits
 * alone, and the analyzer of each to giving them back. */
static void test_number_is_its_own_stem(void **state)
{
    (void)state;
    int langs = 0;
    for (const char **name = sb_stemmer_list(); *name; name++) {
        struct sb_stemmer *sb = sb_stemmer_new(*name, "UTF_8");
        analyzer *a = analyzer_new(*name, NULL);
        if (!sb || !a) {
            sb_stemmer_delete(sb);
            analyzer_free(a);
            continue;
        }
        langs++;
        for (long i = 0; i < 24000; i++) {
            char w[80];
            int n = i < 20000 ? snprintf(w, sizeof w, i % 2 ? "%ld" : "0%ld", i / 2)
                              : snprintf(w, sizeof w, "%ld%ld%ld", i * 7919, i * 104729, i);
            const sb_symbol *st = sb_stemmer_stem(sb, (const sb_symbol *)w, n);
            assert_int_equal(sb_stemmer_length(sb), n);
            assert_memory_equal(st, w, (size_t)n);
            size_t len;
            const char *t = analyzer_stem(a, w, (size_t)n, &len);
            assert_non_null(t);
            assert_int_equal(len, n);
            assert_memory_equal(t, w, (size_t)n);
        }
        sb_stemmer_delete(sb);
        analyzer_free(a);
    }
    assert_true(langs >= 6);
}

/* Each token's term, appended to a buffer (a NUL after each). */
static int append_term(void *ctx, const token *t)
{
    buf *b = ctx;
    return buf_add_str0(b, t->term, t->term_len) == BUF_OK ? 0 : -1;
}

/* A question's analyzer meets thousands of words in a thread asked a large
 * FAQ's questions: its cache of stems grows past the first 1,024 slots as
 * they come, up to QUESTION_STEM_SLOTS, and the words it holds when it
 * doubles stem as they did. */
static void test_question_stem_cache_grows(void **state)
{
    (void)state;
    analyzer *a = analyzer_new("es", NULL);
    assert_non_null(a);
    assert_int_equal(a->n_stem_slots, SMALL_STEM_SLOTS);
    buf text = BUF_INIT(1 << 20), first = BUF_INIT(1 << 20), again = BUF_INIT(1 << 20);
    for (int i = 0; i < 3000; i++) {
        char w[32];
        /* distinct words of letters, a Spanish ending on some */
        int n = snprintf(w, sizeof w, "%c%c%c%s ", 'a' + i % 26, 'a' + i / 26 % 26, 'b' + i / 676,
                         i % 3 == 0 ? "aciones" : i % 3 == 1 ? "ando" : "");
        assert_int_equal(buf_add(&text, w, (size_t)n), BUF_OK);
    }
    assert_int_equal(analyzer_run(a, text.s, text.len, append_term, &first), 0);
    assert_true(a->n_stem_slots > SMALL_STEM_SLOTS);
    assert_true(a->n_stem_slots <= QUESTION_STEM_SLOTS);
    assert_int_equal(analyzer_run(a, text.s, text.len, append_term, &again), 0);
    assert_int_equal(first.len, again.len);
    assert_memory_equal(first.s, again.s, first.len);
    /* and as an analyzer with no cache gives them */
    analyzer *fresh = analyzer_new("es", NULL);
    assert_non_null(fresh);
    for (size_t o = 0, k = 0; o < text.len; k++) {
        const char *sp = memchr(text.s + o, ' ', text.len - o);
        size_t n = (size_t)(sp - (text.s + o)), tl;
        const char *t = analyzer_stem(fresh, text.s + o, n, &tl);
        assert_non_null(t);
        size_t at = 0;
        for (size_t j = 0; j < k; j++)
            at += strlen(first.s + at) + 1;
        assert_int_equal(strlen(first.s + at), tl);
        assert_memory_equal(first.s + at, t, tl);
        o += n + 1;
    }
    analyzer_free(fresh);
    buf_free(&text);
    buf_free(&first);
    buf_free(&again);
    analyzer_free(a);
}

/* The stem of word (folded), as a NUL-ended copy in out. */
static void stem_copy(analyzer *a, const char *word, size_t len, char *out, size_t cap)
{
    size_t n;
    const char *t = analyzer_stem(a, word, len, &n);
    snprintf(out, cap, "%.*s", t ? (int)n : 0, t ? t : "");
}

/* An Arabic word with its attached article, the conjunction or preposition
 * before it, stems as the bare word: Snowball's stemmer kept "و" and "ف"
 * before the article ("والإقامة", "فالجواز") and stemmed "بطاقة" and
 * "البطاقة" apart. A word whose first letters only look like the article
 * ("الله", "والد") is left to the stemmer. */
static void test_arabic_article(void **state)
{
    (void)state;
    analyzer *a = analyzer_new("ar", NULL);
    assert_non_null(a);
    static const char *const same[][2] = {
        {"والإقامة", "إقامة"}, {"فالجواز", "جواز"}, {"البطاقة", "بطاقة"},
        {"وبالبطاقة", "بطاقة"}, {"للإقامة", "إقامة"}, {"بالبطاقة", "بطاقة"},
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        char x[64], y[64];
        stem_copy(a, same[i][0], strlen(same[i][0]), x, sizeof x);
        stem_copy(a, same[i][1], strlen(same[i][1]), y, sizeof y);
        assert_string_equal(x, y);
    }
    char x[64];
    stem_copy(a, "والد", strlen("والد"), x, sizeof x);
    assert_string_equal(x, "والد");
    analyzer_free(a);
}

/* A stem whose accents, folded off, would make it a stop or question word
 * of its language keeps them; any other stem is folded as before. Swedish
 * "väder" (weather) stems to "väd", folded "vad" (what); "månad" (month)
 * to "mån", folded "man" (one); Portuguese "cão" (dog) to "cã", folded
 * "ca" (here). */
static void test_folded_stem_is_no_question_word(void **state)
{
    (void)state;
    static const struct {
        const char *code, *word, *stem;
    } cases[] = {
        {"sv", "väder", "väd"},  {"sv", "Väder", "väd"}, {"sv", "månad", "mån"},
        {"sv", "kläder", "klad"}, {"sv", "vad", "vad"},  {"pt", "cão", "cã"},
        {"pt", "informação", "inform"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        analyzer *a = analyzer_new(cases[i].code, lang_pack_file(cases[i].code, "stopwords.txt"));
        assert_non_null(a);
        char cf[64], out[64];
        long n = fold_case(cases[i].word, strlen(cases[i].word), cf, sizeof cf);
        assert_true(n > 0);
        stem_copy(a, cf, (size_t)n, out, sizeof out);
        assert_string_equal(out, cases[i].stem);
        analyzer_free(a);
    }
}

/* Each accented form of w's letter at byte at (its plain letter), one a
 * time, then with a second accent on a letter after it; each form's stem
 * beside the stem of the form with every letter the stemmer does not name
 * replaced by the first accent of its plain letter it does not name. */
static const char *const plain_accents[] = {"aáàâã", "eéèê", "iíìî", "oóòôõ", "uúùûü", "cç", "nñ"};

static const char *accents_of(char plain)
{
    for (size_t i = 0; i < sizeof plain_accents / sizeof *plain_accents; i++)
        if (plain_accents[i][0] == plain)
            return plain_accents[i] + 1;
    return NULL;
}

/* The first accent of plain the stemmer does not name, or NULL. */
static const char *first_unnamed(const analyzer *a, char plain)
{
    for (const char *f = accents_of(plain); f && *f; f += 2)
        if (!analyzer_stem_names(a, f, 2))
            return f;
    return NULL;
}

/* w (plain letters, len bytes) with f at i and, when g, g at j > i, into
 * out; canonical: each accent the stemmer does not name as its plain
 * letter's first such. The length. */
static size_t accented(const analyzer *a, const char *w, size_t len, size_t i, const char *f,
                       size_t j, const char *g, int canonical, char *out)
{
    size_t n = 0;
    for (size_t k = 0; k < len; k++) {
        const char *put = k == i ? f : g && k == j ? g : NULL;
        if (put && canonical && !analyzer_stem_names(a, put, 2))
            put = first_unnamed(a, w[k]);
        if (put) {
            memcpy(out + n, put, 2);
            n += 2;
        } else
            out[n++] = w[k];
    }
    return n;
}

static int accent_forms_checked;

/* w's form with f at i (and g at j, when g), beside its canonical form:
 * the same stem. */
static void check_accent_form(analyzer *a, const char *w, size_t len, size_t i, const char *f,
                              size_t j, const char *g)
{
    char form[96], canon[96], s1[96], s2[96];
    size_t n = accented(a, w, len, i, f, j, g, 0, form);
    size_t m = accented(a, w, len, i, f, j, g, 1, canon);
    stem_copy(a, form, n, s1, sizeof s1);
    stem_copy(a, canon, m, s2, sizeof s2);
    if (strcmp(s1, s2) != 0)
        fail_msg("%.*s stems \"%s\", %.*s \"%s\"", (int)n, form, s1, (int)m, canon, s2);
    accent_forms_checked++;
}

/* Every form of w with one or two accents on its last four letters stems
 * as its canonical form. */
static void check_accent_forms(analyzer *a, const char *w, size_t len)
{
    for (size_t i = len > 4 ? len - 4 : 0; i < len; i++)
        for (const char *f = accents_of(w[i]); f && *f; f += 2) {
            check_accent_form(a, w, len, i, f, 0, NULL);
            for (size_t j = i + 1; j < len; j++)
                for (const char *g = accents_of(w[j]); g && *g; g += 2)
                    check_accent_form(a, w, len, i, f, j, g);
        }
}

/* The plain words of text (letters a-z once folded, 3 to 40 of them),
 * each checked. */
static void check_words_of(analyzer *a, const char *text, size_t len)
{
    for (size_t k = 0; k < len;) {
        size_t start = k;
        while (k < len && (((unsigned char)text[k] >= 0x80) || (text[k] >= 'a' && text[k] <= 'z') ||
                           (text[k] >= 'A' && text[k] <= 'Z')))
            k++;
        char w[256];
        long n = k > start && k - start < 80 ? fold_text(text + start, k - start, w, sizeof w) : -1;
        int plain = n >= 3 && n <= 40;
        for (long c = 0; plain && c < n; c++)
            plain = w[c] >= 'a' && w[c] <= 'z';
        if (plain)
            check_accent_forms(a, w, (size_t)n);
        if (k == start)
            k++;
    }
}

/* A letter the stemmer does not name stems as any other it does not name:
 * restore_accents() (slots.c) tries only the first accent of a plain
 * letter that its language's stemmer does not name. Held on the words of
 * each pack and of a FAQ of the language, with every accent on their last
 * letters, so that a letter left out of a stemmer's list is caught
 * ("cortáis" is "cort", "cortàis" itself). */
static void test_unnamed_accents_stem_alike(void **state)
{
    (void)state;
    static const struct { const char *code, *faq; } langs[] = {
        {"en", "corpus/en/paises-precursores.md"}, {"es", "corpus/es/paises-precursores.md"},
        {"fr", "corpus/fr/paises-precursores.md"}, {"pt", "corpus/pt/paises-precursores.md"},
        {"it", "tests/fresh/bikeshare-it/corpus/it/bici.md"},
        {"de", "tests/fresh/enrolment-de/corpus/de/einschreibung.md"},
    };
    static const char *const files[] = {"stopwords.txt", "synonyms.txt", "smalltalk.md", "starter.md",
                                        "messages.txt"};
    const char *r = getenv("ROOT");
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++) {
        analyzer *a = analyzer_new(langs[l].code, NULL);
        assert_non_null(a);
        accent_forms_checked = 0;
        for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
            const char *text = lang_pack_file(langs[l].code, files[f]);
            if (text)
                check_words_of(a, text, strlen(text));
        }
        char path[512];
        snprintf(path, sizeof path, "%s/%s", r && *r ? r : ".", langs[l].faq);
        FILE *fp = fopen(path, "rb");
        if (!fp)
            fail_msg("%s: cannot open", path);
        static char faq[1 << 20];
        size_t n = fread(faq, 1, sizeof faq, fp);
        fclose(fp);
        check_words_of(a, faq, n);
        assert_true(accent_forms_checked > 10000);
        analyzer_free(a);
    }
    /* the list's letters matter: Spanish names á, not à or â */
    analyzer *es = analyzer_new("es", NULL);
    assert_true(analyzer_stem_names(es, "á", 2));
    assert_false(analyzer_stem_names(es, "à", 2));
    char s1[96], s2[96], s3[96];
    stem_copy(es, "cortáis", strlen("cortáis"), s1, sizeof s1);
    stem_copy(es, "cortàis", strlen("cortàis"), s2, sizeof s2);
    stem_copy(es, "cortâis", strlen("cortâis"), s3, sizeof s3);
    assert_string_equal(s1, "cort");
    assert_string_not_equal(s1, s2);
    assert_string_equal(s2, s3);
    analyzer_free(es);
    /* a stemmer not listed names every letter */
    analyzer *nl = analyzer_new("nl", NULL);
    if (nl)
        assert_true(analyzer_stem_names(nl, "à", 2));
    analyzer_free(nl);
}

/* Catalan's l·l is inside the word, however its dot is written, and its
 * stem keeps the dot; a dot or period elsewhere still cuts the word. */
static void test_middot_inside_word(void **state)
{
    (void)state;
    analyzer *a = analyzer_new("ca", NULL);
    assert_non_null(a);
    static const char *forms[] = {"al·legació", "AL·LEGACIÓ", "al\xe2\x80\xa7legació", "al.legació"};
    char stem[80] = "";
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        seen s = run(a, forms[i]);
        assert_int_equal(s.n, 1);
        assert_string_equal(s.words[0], "al·legacio");
        assert_int_equal(s.lens[0], strlen(forms[i]));
        assert_non_null(strstr(s.terms[0], "l·l"));
        if (i)
            assert_string_equal(s.terms[0], stem);
        snprintf(stem, sizeof stem, "%s", s.terms[0]);
    }
    /* two words: no l on one side, a period between capitals or after
     * "ll", a dot at the end */
    static const char *apart[] = {"la·ca", "hospital.La", "install.log", "hotel. la"};
    for (size_t i = 0; i < sizeof apart / sizeof *apart; i++)
        assert_int_not_equal(run(a, apart[i]).n, 1);
    assert_int_equal(run(a, "al·").n, 1);
    analyzer_free(a);

    char w[32] = "al.legacio";
    assert_int_equal(fold_middot(w, strlen(w), sizeof w), (long)strlen("al·legacio"));
    assert_string_equal(w, "al·legacio");
    char bare[32];
    assert_int_equal(fold_bare("al·legacio", strlen("al·legacio"), bare, sizeof bare), 9);
    assert_string_equal(bare, "allegacio");
    /* or as one l, as Spanish writes it */
    assert_int_equal(fold_bare_ell("sol·licitud", strlen("sol·licitud"), bare, sizeof bare), 9);
    assert_string_equal(bare, "solicitud");
    /* a Spanish "ll" has no dot to drop */
    assert_int_equal(fold_bare("llamar", 6, bare, sizeof bare), -1);
    assert_int_equal(fold_bare_ell("llamar", 6, bare, sizeof bare), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_fold_meets),
        cmocka_unit_test(test_arabic_article),
        cmocka_unit_test(test_fold_table_is_utf8proc),
        cmocka_unit_test(test_spanish_tokens_stop_stem),
        cmocka_unit_test(test_own_letters_stop_as_written),
        cmocka_unit_test(test_elision_and_keep_stop),
        cmocka_unit_test(test_question_words_keep_their_form),
        cmocka_unit_test(test_phrase_synonyms),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_typo_distance),
        cmocka_unit_test(test_typo_search),
        cmocka_unit_test(test_typo_search_is_brute_force),
        cmocka_unit_test(test_typo_vocab_digits),
        cmocka_unit_test(test_tokens_are_pcre2s),
        cmocka_unit_test(test_clone),
        cmocka_unit_test(test_typo_one_edit_is_the_table),
        cmocka_unit_test(test_digraphs_read_as_their_letter),
        cmocka_unit_test(test_digraphs_portuguese_spellings),
        cmocka_unit_test(test_situation_words),
        cmocka_unit_test(test_number_is_its_own_stem),
        cmocka_unit_test(test_question_stem_cache_grows),
        cmocka_unit_test(test_unnamed_accents_stem_alike),
        cmocka_unit_test(test_folded_stem_is_no_question_word),
        cmocka_unit_test(test_middot_inside_word),
    };
    return cmocka_run_group_tests_name("analyze", tests, NULL, NULL);
}
