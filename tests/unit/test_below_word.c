/* test_below_word.c: a rarer way of saying the word asked must not
 * outweigh the word itself. Eight entries say "orden" and "termina", one
 * says "disposición" (the Spanish thesaurus's synonym of "orden") and
 * "concluye" (the FAQ's synonym of "terminar"): the rare one scores with a
 * large idf, and a question of the common word would be answered by the
 * only entry that does not say it. With thesaurus_word_share and
 * use_synonyms_below_word the rare term weighs no more than the word, and an
 * entry saying the word comes first; with max_thesaurus_known 0 the known
 * word takes no thesaurus synonym at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "index_fixture.h"
#include "thesaurus.h"

#define N_COMMON 8

static const char *first(searcher *s, const char *q)
{
    faq_query_opts o = {0};
    o.lang = "es";
    o.threshold = -1;
    faq_answer a;
    assert_int_equal(searcher_ask(s, q, strlen(q), &o, &a), 0);
    if (a.best.entry == UINT32_MAX)
        return "-";
    static char id[64];
    faq_entry e;
    faq_index_entry(searcher_index(s), a.best.entry, &e);
    snprintf(id, sizeof id, "%.*s", (int)e.id.len, e.id.s);
    return id;
}

static void test_rare_form_below_word(void **state)
{
    (void)state;
    thesaurus *th;
    if (thesaurus_open("es", NULL, &th) != 0)
        skip();     /* mythes-es is not installed */
    thesaurus_free(th);
    static const char *topics[N_COMMON] = {"matrícula", "curso",     "beca",      "examen",
                                           "biblioteca", "horario", "seminario", "taller"};
    static char q[N_COMMON][64], a[N_COMMON][64], id[N_COMMON][16];
    corpus_entry es[N_COMMON + 1];
    for (int i = 0; i < N_COMMON; i++) {
        snprintf(q[i], sizeof q[i], "¿Qué orden tiene el %s?", topics[i]);
        snprintf(a[i], sizeof a[i], "El %s termina en marzo.", topics[i]);
        snprintf(id[i], sizeof id[i], "o%d", i);
        es[i] = fixture_entry(id[i], q[i], a[i], ENTRY_FAQ);
    }
    es[N_COMMON] = fixture_entry("aula", "¿Qué disposición tiene el aula?",
                                 "El aula concluye en marzo.", ENTRY_FAQ);
    corpus_lang l = fixture_lang("es", es, N_COMMON + 1, "qué\ntiene\nel\nen\n");
    l.synonyms = (char *)"concluir, terminar\n";
    corpus c = {&l, 1, NULL};
    char path[128];
    snprintf(path, sizeof path, "/tmp/faqbot-test-below-word-%ld.idx", (long)getpid());
    faq_index *ix;
    searcher *s;
    fixture_open(&c, path, &ix, &s);
    search_params sp;
    search_params_default(&sp);
    sp.use_typos = 0;
    /* uncapped, the rare synonym wins: what the switches are for */
    sp.thesaurus_word_share = 0;
    sp.use_synonyms_below_word = 0;
    searcher_set_params(s, &sp);
    assert_string_equal(first(s, "¿orden?"), "aula");
    assert_string_equal(first(s, "¿termina?"), "aula");
    /* a word the FAQ holds takes max_thesaurus_known synonyms, whatever
     * max_synonyms (the FAQ's groups, a word it lacks) says */
    sp.max_thesaurus_known = 0;
    searcher_set_params(s, &sp);
    assert_int_equal(first(s, "¿orden?")[0], 'o');
    sp.max_thesaurus_known = 1;
    sp.max_synonyms = 0;
    searcher_set_params(s, &sp);
    assert_string_equal(first(s, "¿orden?"), "aula");
    search_params_default(&sp);
    sp.use_typos = 0;
    sp.use_synonyms_below_word = 0;
    sp.thesaurus_word_share = sp.w_thesaurus_known;
    searcher_set_params(s, &sp);
    assert_int_equal(first(s, "¿orden?")[0], 'o');
    assert_string_equal(first(s, "¿termina?"), "aula");
    sp.use_synonyms_below_word = 1;
    searcher_set_params(s, &sp);
    assert_int_equal(first(s, "¿termina?")[0], 'o');
    fixture_close(ix, s, path);
}

int main(void)
{
    setenv("FAQBOT_DICTD_DIR", "", 1);
    cli_read_environment();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rare_form_below_word),
    };
    return cmocka_run_group_tests_name("below_word", tests, NULL, NULL);
}
