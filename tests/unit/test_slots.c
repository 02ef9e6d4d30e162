/* test_slots.c: slot expansion, one behaviour per test, on the fixture FAQ:
 * a word finds its synonyms, a misspelt word its correction (shown as the
 * FAQ writes it, the same from a searcher's memory as from a new one), a
 * word of another language of the FAQ the entries that say it; each with
 * its switch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "index_internal.h"
#include "search_fixture.h"

static void test_synonym_finds_the_entry(void **state)
{
    (void)state;
    assert_true(fx_gain("¿cuándo termina la iniciativa?", "fin", "use_synonyms=0") > 0.2);
}

static void test_synonym_weight(void **state)
{
    (void)state;
    faq_answer a, b;
    const char *q = "¿cuándo termina la iniciativa?";
    fx_ask(q, NULL, &a);
    fx_ask(q, FX_SETS("w_synonym=0.4"), &b);
    assert_true(b.best.score < a.best.score);
}

static void test_typo_corrected(void **state)
{
    (void)state;
    faq_answer a;
    assert_string_equal(fx_ask("¿cuándo conclye la iniciativa?", NULL, &a), "fin");
    assert_non_null(a.corrected);
    /* as the FAQ writes the word, without the marks that open and close the question */
    assert_string_equal(a.corrected, "cuándo concluye la iniciativa");
    fx_ask("¿cuándo conclye la iniciativa?", FX_SETS("use_typos=0"), &a);
    assert_null(a.corrected);
}

/* Is the FAQ's word w (n bytes) one the language's dictionary knows, by
 * the verdict the index keeps? 0 without a dictionary installed. */
static int fx_dict_knows(const char *w, size_t n)
{
    for (uint32_t l = 0; l < fx_ix->n_langs; l++) {
        uint32_t k = ix_find_word(fx_ix, l, w, n);
        if (k != IX_NONE)
            return fx_ix->words[k].dict == IX_WORD_DICT_KNOWN;
    }
    return 0;
}

/* "counties" is a word of its own, one edit from the FAQ's "countries":
 * as a typo of it, it weighs typo_dict_to_dict's share of a typo (less
 * at 0.25 than at 1, the default and a slip's weight); at 0 it is not corrected into it at all,
 * while a slip that is no word ("contries") still is. */
static void test_real_word_not_corrected(void **state)
{
    (void)state;
    if (!fx_dict_knows("countries", 9))
        skip();         /* no English dictionary installed */
    faq_answer a, b;
    const char *real = "Which counties take part in the initiative?";
    fx_ask(real, FX_SETS("typo_dict_to_dict=1"), &a);
    assert_non_null(a.corrected);
    fx_ask(real, FX_SETS("typo_dict_to_dict=0.25"), &b);
    assert_true(b.best.score < a.best.score);
    fx_ask(real, FX_SETS("typo_dict_to_dict=0"), &a);
    assert_null(a.corrected);
    fx_ask("Which contries take part in the initiative?", FX_SETS("typo_dict_to_dict=0"), &a);
    assert_non_null(a.corrected);
    assert_string_equal(a.corrected, "Which countries take part in the initiative");
}

/* "countries" is no Spanish word of the FAQ but an English one: it finds
 * the entries that say it, in whichever language. */
static void test_foreign_word(void **state)
{
    (void)state;
    const char *q = "¿qué countries participan en la iniciativa?";
    assert_true(fx_gain(q, "paises", "use_foreign=0") > 0.1);
}

/* "Did you mean" shows a corrected word as the FAQ writes it. Where the
 * leader does not write it (it matched the other correction, "carnet", of "carnte"),
 * the first entry that does is found and remembered: asked again with
 * another such leader, a searcher that remembers shows what a new one
 * does. */
static void test_correction_form_remembered(void **state)
{
    (void)state;
    corpus_entry es[6];
    es[0] = fixture_entry("certificado", "¿Qué es un certificado?", "Un documento.", ENTRY_FAQ);
    es[1] = fixture_entry("pedir", "¿Cómo pido el carné de conducir?", "En tráfico.", ENTRY_FAQ);
    es[2] = fixture_entry("precio", "¿Cuánto cuesta el carné?", "Diez euros.", ENTRY_FAQ);
    es[3] = fixture_entry("usar", "¿Dónde uso el carnet joven?", "En los museos.", ENTRY_FAQ);
    es[4] = fixture_entry("renovar", "¿Cuándo renuevo el carnet joven?", "Cada año.", ENTRY_FAQ);
    corpus_lang lang = fixture_lang("es", es, 5,
                                    "el\nde\nen\nun\nlos\nes\n?qué\n?cómo\n?cuánto\n?dónde\n?cuándo\n");
    corpus c = {&lang, 1, NULL};
    char path[128];
    snprintf(path, sizeof path, "/tmp/faqbot-test-forms-%ld.idx", (long)getpid());
    faq_index *ix;
    searcher *s;
    fixture_open(&c, path, &ix, &s);
    faq_query_opts o = {0};
    o.threshold = -1;
    o.lang = "es";
    static const char *qs[] = {"dónde uso el carnte joven", "cuándo renuevo el carnte joven"};
    static const char *want[] = {"dónde uso el carné joven", "cuándo renuevo el carné joven"};
    for (int i = 0; i < 2; i++) {
        faq_answer a, b;
        searcher *fresh = searcher_new(ix);
        assert_non_null(fresh);
        assert_int_equal(searcher_ask(s, qs[i], strlen(qs[i]), &o, &a), 0);
        assert_int_equal(searcher_ask(fresh, qs[i], strlen(qs[i]), &o, &b), 0);
        assert_non_null(a.corrected);
        assert_non_null(b.corrected);
        assert_string_equal(b.corrected, want[i]);
        assert_string_equal(a.corrected, b.corrected);
        searcher_free(fresh);
    }
    fixture_close(ix, s, path);
}

/* Words typed apart that the FAQ writes as one ("wi fi" for "wifi"),
 * read as its word, where it lacks one of them, a stop word never
 * (use_joined_words); a word typed as one that it writes as two
 * ("prebuilt" for "pre-built"), searched by them (use_split_words), where
 * the FAQ writes them standing together ("sysadmin" beside its "sys" and
 * "admin", written apart, is no split); each not with its switch off. Two
 * words the FAQ holds each ("web site" beside its "web" and "site") stay
 * two. */
static void test_words_typed_apart_or_together(void **state)
{
    (void)state;
    corpus_entry es[6];
    es[0] = fixture_entry("wifi", "How do I connect to the wifi?", "Ask at the desk.", ENTRY_FAQ);
    es[1] = fixture_entry("login", "Why does my login fail?", "Check your password.", ENTRY_FAQ);
    es[2] = fixture_entry("prebuilt", "Are there pre-built packages?", "Yes, for every release.",
                          ENTRY_FAQ);
    es[3] = fixture_entry("website", "Who runs the website?", "The web team.", ENTRY_FAQ);
    es[4] = fixture_entry("site", "Where is the building site?", "Behind the library.", ENTRY_FAQ);
    es[5] = fixture_entry("modules", "Which sys modules are installed?", "Ask an admin.", ENTRY_FAQ);
    corpus_lang lang = fixture_lang("en", es, 6,
                                    "the\nto\nin\ndo\ni\nmy\nare\nthere\nfor\nis\n"
                                    "?how\n?why\n?who\n?where\n");
    corpus c = {&lang, 1, NULL};
    char path[128];
    snprintf(path, sizeof path, "/tmp/faqbot-test-joined-%ld.idx", (long)getpid());
    faq_index *ix;
    searcher *s;
    fixture_open(&c, path, &ix, &s);
    static const struct {
        const char *q, *on, *off, *set_on, *set_off;
    } cases[] = {
        {"wi fi", "wifi", "", "use_joined_words=1", "use_joined_words=0"},
        {"wi-fi", "wifi", "", "use_joined_words=1", "use_joined_words=0"},
        /* a stop word joins nothing: "in" says nothing of what the FAQ lacks */
        {"log in", "", "", "use_joined_words=1", "use_joined_words=0"},
        /* both words held: not joined */
        {"web site", "site", "site", "use_joined_words=1", "use_joined_words=0"},
        {"prebuilt", "prebuilt", "", "use_split_words=1", "use_split_words=0"},
        /* two words of the FAQ never written together: no split */
        {"sysadmin", "", "", "use_split_words=1", "use_split_words=0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        for (int on = 1; on >= 0; on--) {
            const char *set = on ? cases[i].set_on : cases[i].set_off;
            const char *want = on ? cases[i].on : cases[i].off;
            search_params p;
            char err[200];
            search_params_default(&p);
            assert_int_equal(search_params_assign(&p, set, err, sizeof err), 0);
            searcher_set_params(s, &p);
            faq_query_opts o = {0};
            o.threshold = -1;
            o.lang = "en";
            faq_answer a;
            assert_int_equal(searcher_ask(s, cases[i].q, strlen(cases[i].q), &o, &a), 0);
            char id[FAQ_MAX_ID_BYTES + 1] = "";
            if (a.best.entry != UINT32_MAX) {
                faq_entry fe;
                faq_index_entry(ix, a.best.entry, &fe);
                snprintf(id, sizeof id, "%.*s", (int)fe.id.len, fe.id.s);
            }
            if (strcmp(id, want) != 0)
                fail_msg("\"%s\" with %s: \"%s\", not \"%s\"", cases[i].q, set, id, want);
        }
    }
    fixture_close(ix, s, path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_synonym_finds_the_entry),
        cmocka_unit_test(test_synonym_weight),
        cmocka_unit_test(test_typo_corrected),
        cmocka_unit_test(test_real_word_not_corrected),
        cmocka_unit_test(test_foreign_word),
        cmocka_unit_test(test_correction_form_remembered),
        cmocka_unit_test(test_words_typed_apart_or_together),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
