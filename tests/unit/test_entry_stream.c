/* test_entry_stream.c: entry texts' token streams (entry_stream.h). A
 * stream made from the analyzer's walk gives, walked back, what the
 * analyzer gives, field for field, with stop words kept or not and stems
 * made or not, and stops where the callback stops it; one cut short or
 * pointing past its text is refused. And an index's stored streams are,
 * for every entry of the seed FAQ in every language, what the analyzer
 * of the entry's language gives for its question, its alternate phrasings
 * (one a line) and its answer: what the rerank reads instead. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "entry_stream.h"
#include "index_fixture.h"
#include "search_model.h"

/* Every field of every token, one line each, for comparing two walks. */
typedef struct trace { char text[1 << 20]; size_t len; int stop_at, n; } trace;

static int on_trace(void *ctx, const token *t)
{
    trace *x = ctx;
    int k = snprintf(x->text + x->len, sizeof x->text - x->len, "%.*s|%.*s|%.*s|%zu|%u|%d%d%d\n",
                     (int)t->word_len, t->word, (int)t->term_len, t->term, (int)t->raw_len, t->raw,
                     t->offset, t->pos, t->is_stop, t->is_qword, t->is_synonym);
    assert_true(k > 0 && (size_t)k < sizeof x->text - x->len);
    x->len += (size_t)k;
    return ++x->n == x->stop_at ? 7 : 0;
}

/* The stream of text as an index makes it. */
typedef struct made { unsigned char *p; size_t len, cap; entry_stream_enc st; } made;

static int on_make(void *ctx, const token *t)
{
    made *m = ctx;
    size_t need = m->len + entry_stream_bound(t);
    if (need > m->cap) {
        m->cap = need * 2;
        m->p = realloc(m->p, m->cap);
        assert_non_null(m->p);
    }
    m->len += entry_stream_put(&m->st, t, m->p + m->len);
    return 0;
}

static void make_stream(analyzer *a, const char *text, size_t len, made *m)
{
    m->len = 0;
    entry_stream_begin(&m->st);
    analyzer_keep_stopwords(a, 1);
    assert_int_equal(analyzer_run(a, text, len, on_make, m), 0);
    analyzer_keep_stopwords(a, 0);
}

/* text's stream walked in each of the four settings, stopped by the
 * callback or not, against the analyzer's own walk. */
static void assert_stream_is_the_analyzers(analyzer *a, const unsigned char *p, size_t n,
                                           const char *text, size_t len)
{
    for (int mode = 0; mode < 4; mode++)
        for (int stop_at = 0; stop_at < 3; stop_at += 2) {
            int keep = mode & 1, skip = mode >> 1;
            static trace want, got;
            memset(&want, 0, sizeof want);
            memset(&got, 0, sizeof got);
            want.stop_at = got.stop_at = stop_at;
            analyzer_keep_stopwords(a, keep);
            analyzer_skip_stemming(a, skip);
            int rc = analyzer_run(a, text, len, on_trace, &want);
            analyzer_keep_stopwords(a, 0);
            analyzer_skip_stemming(a, 0);
            assert_int_equal(entry_stream_run(p, n, text, len, keep, skip, on_trace, &got), rc);
            assert_string_equal(got.text, want.text);
        }
}

static void test_stream_round_trip(void **state)
{
    (void)state;
    analyzer *a = analyzer_new("es", "de\nla\nlos\n?qué\n?cuáles\n");
    assert_non_null(a);
    assert_int_equal(analyzer_set_synonyms(a, "adherirse, sumarse, formar parte, tomar parte de\n"
                                              "lista de, documentos\n"), 0);
    /* more distinct words than the ring holds, then the first again; a
     * word cut to its longest; spaces and lines between words */
    static char many[16384];
    size_t at = 0;
    for (int k = 0; k < 3 * ENTRY_STREAM_RING; k++)
        at += (size_t)snprintf(many + at, sizeof many - at, "palabra%c%c  ", 'a' + k % 26,
                               'a' + k / 26);
    at += (size_t)snprintf(many + at, sizeof many - at,
                           "palabraaa\n\n%s Países PAÍSES países", "superlarguísima"
                           "palabraquenoacabanuncaporqueesmuchomaslargaquecualquiertermino");
    const char *texts[] = {"¿Qué países forman parte de la red?",
                           "Toman parte de la lista de los Países: Ghana, Marruecos (Nepal); "
                           "l'Équateur, cuáles 2026 años",
                           "", "forman de la parte\nuna lista de países", many};
    made m = {0};
    for (size_t e = 0; e < sizeof texts / sizeof *texts; e++) {
        size_t len = strlen(texts[e]);
        make_stream(a, texts[e], len, &m);
        assert_stream_is_the_analyzers(a, m.p, m.len, texts[e], len);
        /* cut short anywhere: the tokens before the cut, then refused
         * unless cut between two; read against a shorter text: refused */
        static trace whole, got;
        memset(&whole, 0, sizeof whole);
        assert_int_equal(entry_stream_run(m.p, m.len, texts[e], len, 1, 0, on_trace, &whole), 0);
        for (size_t cut = 1; cut < m.len && cut < 64; cut++) {
            memset(&got, 0, sizeof got);
            int rc = entry_stream_run(m.p, m.len - cut, texts[e], len, 1, 0, on_trace, &got);
            assert_true(rc == -1 || rc == 0);
            assert_true(got.n < whole.n);
            assert_memory_equal(got.text, whole.text, got.len);
        }
        if (len > 1) {
            got.len = 0;
            assert_int_equal(entry_stream_run(m.p, m.len, texts[e], len / 2, 1, 0, on_trace, &got),
                             -1);
        }
    }
    free(m.p);
    analyzer_free(a);
}

static const char *root(void)
{
    const char *r = getenv("ROOT");
    return r && *r ? r : ".";
}

/* Every FAQ entry's stored streams of the seed index are its language's
 * analyzer's walks of its texts; small talk has none. */
static void test_index_streams_are_the_analyzers(void **state)
{
    (void)state;
    char dir[64], idx_path[128], corpus_dir[512];
    snprintf(dir, sizeof dir, "%s", "/tmp/faqbot-test-stream.XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(idx_path, sizeof idx_path, "%s/faq.idx", dir);
    snprintf(corpus_dir, sizeof corpus_dir, "%s/corpus", root());
    faq_index *ix;
    searcher *s;
    fixture_open_dir(corpus_dir, idx_path, &ix, &s);
    search_model *sm = search_model_new(ix);
    assert_non_null(sm);
    analyzer *an[FAQ_MAX_LANGS] = {0};
    uint32_t n_faq = 0, n_alts = 0, n_small = 0;
    for (uint32_t e = 0; e < faq_index_entry_count(ix); e++) {
        faq_entry fe;
        faq_index_entry(ix, e, &fe);
        const unsigned char *p;
        size_t n;
        if (fe.kind != ENTRY_FAQ) {
            assert_int_equal(faq_index_entry_stream(ix, e, ENTRY_STREAM_QUESTION, &p, &n), -1);
            n_small++;
            continue;
        }
        if (!an[fe.lang])
            assert_non_null(an[fe.lang] = search_model_analyzer_new(sm, fe.lang));
        const faq_str text[ENTRY_STREAM_TEXTS] = {fe.question, fe.alts, fe.answer};
        for (int k = 0; k < ENTRY_STREAM_TEXTS; k++) {
            assert_int_equal(faq_index_entry_stream(ix, e, k, &p, &n), 0);
            assert_stream_is_the_analyzers(an[fe.lang], p, n, text[k].s, text[k].len);
        }
        n_faq++;
        n_alts += fe.alts.len > 0;
    }
    /* the seed FAQ has entries in several languages, alternate phrasings
     * and small talk */
    uint32_t n_langs = 0;
    for (uint32_t l = 0; l < FAQ_MAX_LANGS; l++) {
        n_langs += an[l] != NULL;
        analyzer_free(an[l]);
    }
    assert_true(n_faq > 0 && n_langs > 1 && n_alts > 0 && n_small > 0);
    search_model_free(sm);
    fixture_close(ix, s, idx_path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stream_round_trip),
        cmocka_unit_test(test_index_streams_are_the_analyzers),
    };
    return cmocka_run_group_tests_name("entry_stream", tests, NULL, NULL);
}
