/* test_langev.c: a question's language when the index is also asked in a
 * language of dictionaries alone (French, here, for a Spanish and English
 * FAQ). A word's French dictionary lookup (a Snowball stem) is made only
 * where the outcome can hang on it; a searcher that has looked every word
 * up already (each asked alone, in a French conversation, where the lookup
 * cannot be spared) must find the same language for every question as a
 * new searcher that spares what it can. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "corpus.h"
#include "corpus_load.h"
#include "index_read.h"
#include "index_write.h"
#include "search.h"
#include "file_fixture.h"

static char dir[256], dict_dir[300];
static faq_index *ix;

/* French headwords (in order) and their Spanish */
static const char *const fra_spa[][2] = {
    {"chien", "perro"}, {"fin", "fin, término"}, {"initiative", "iniciativa"},
    {"maison", "casa"}, {"nation", "nación"}, {"participer", "participar"},
    {"pays", "país, nación"}, {"quand", "cuando"}, {"terminer", "terminar"},
};

/* The French-Spanish dictionary, as dictd lays it out, in dict_dir. */
static void write_dictionary(void)
{
    char dict[2048] = "", index[2048] = "";
    for (size_t i = 0; i < sizeof fra_spa / sizeof *fra_spa; i++) {
        char body[256], off[16], len[16];
        snprintf(body, sizeof body, "%s /x/\n%s\n", fra_spa[i][0], fra_spa[i][1]);
        dictd_b64(strlen(dict), off);
        dictd_b64(strlen(body), len);
        strcat(dict, body);
        snprintf(index + strlen(index), sizeof index - strlen(index), "%s\t%s\t%s\n",
                 fra_spa[i][0], off, len);
    }
    write_file(dict_dir, "freedict-fra-spa.dict", dict);
    write_file(dict_dir, "freedict-fra-spa.index", index);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/faqbot-langev-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(dict_dir, sizeof dict_dir, "%s-dict", dir);
    char es[300], en[300];
    snprintf(es, sizeof es, "%s/es", dir);
    snprintf(en, sizeof en, "%s/en", dir);
    assert_int_equal(mkdir(es, 0700) | mkdir(en, 0700) | mkdir(dict_dir, 0700), 0);
    write_file(es, "faq.md", "# FAQ\n\n## ¿Pueden participar otros países en la iniciativa? {#paises}\n\n"
                             "Sí, todos los de la red.\n\n## ¿Cuándo termina la iniciativa? {#fin}\n\n"
                             "En marzo.\n\n## ¿Puedo llevar mi perro a la casa? {#perro}\n\nSí.\n");
    write_file(es, "smalltalk.md", "## hola {#hello}\n? buenos días\n\n¡Hola!\n");
    write_file(en, "faq.md", "# FAQ\n\n## Which countries take part in the initiative? {#paises}\n\n"
                             "All those of the network.\n");
    write_dictionary();
    setenv("FAQBOT_DICTD_DIR", dict_dir, 1);
    cli_read_environment();
    char idx_path[300], err[512] = "";
    snprintf(idx_path, sizeof idx_path, "%s/faq.idx", dir);
    corpus *c;
    assert_int_equal(corpus_load(dir, &c, err, sizeof err), 0);
    assert_int_equal(index_write(c, idx_path, NULL, err, sizeof err), 0);
    corpus_free(c);
    assert_int_equal(faq_index_open(idx_path, &ix, err, sizeof err), FAQ_INDEX_OK);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    faq_index_close(ix);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s-dict'", dir, dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* The language s finds for q (prev: the conversation's, or NULL), into
 * code. */
static void lang_of(searcher *s, const char *q, const char *prev, char code[8])
{
    faq_query_opts o = {0};
    o.threshold = -1;
    o.prev_lang = prev;
    faq_answer a;
    assert_int_equal(searcher_ask(s, q, strlen(q), &o, &a), 0);
    snprintf(code, 8, "%s", a.query_lang);
}

/* questions, and the words they are made of, folded */
static const char *const questions[][2] = {
    {"pays nation participer", "pays nation participer"},
    {"quand terminer la initiative", "quand terminer la initiative"},
    {"pays iniciativa", "pays iniciativa"},
    {"chien maison", "chien maison"},
    {"¿Qué países participan en la iniciativa?", "que paises participan en la iniciativa"},
    {"Which countries take part?", "which countries take part"},
    {"fin", "fin"},
    {"pays", "pays"},
    {"perro maison casa", "perro maison casa"},
    {"la fin de la initiative", "la fin de la initiative"},
    {"terminer termina fin", "terminer termina fin"},
    {"pays de chien y casa", "pays de chien y casa"},
    {"nation chien initiative quand", "nation chien initiative quand"},
    {"the pays of the chien", "the pays of the chien"},
};
#define N_QUESTIONS (sizeof questions / sizeof *questions)

static void test_lookups_spared_change_no_language(void **state)
{
    (void)state;
    /* every word looked up in French: asked alone in a French conversation */
    searcher *warm = searcher_new(ix);
    assert_non_null(warm);
    char code[8];
    for (size_t q = 0; q < N_QUESTIONS; q++) {
        char words[256];
        snprintf(words, sizeof words, "%s", questions[q][1]);
        for (char *w = strtok(words, " "); w; w = strtok(NULL, " "))
            lang_of(warm, w, "fr", code);
    }
    for (size_t q = 0; q < N_QUESTIONS; q++) {
        for (int p = 0; p < 3; p++) {
            const char *prev = p == 0 ? NULL : p == 1 ? "fr" : "es";
            searcher *cold = searcher_new(ix);
            assert_non_null(cold);
            char want[8], got[8];
            lang_of(warm, questions[q][0], prev, want);
            lang_of(cold, questions[q][0], prev, got);
            if (strcmp(want, got) != 0)
                fail_msg("\"%s\" (after %s): %s, not %s", questions[q][0], prev ? prev : "nothing",
                         got, want);
            searcher_free(cold);
        }
    }
    searcher_free(warm);
}

/* The French that only its dictionaries show is found, and Spanish and
 * English stay theirs. */
static void test_languages(void **state)
{
    (void)state;
    searcher *s = searcher_new(ix);
    assert_non_null(s);
    char code[8];
    lang_of(s, "pays nation participer", NULL, code);
    assert_string_equal(code, "fr");
    lang_of(s, "nation chien initiative quand", NULL, code);
    assert_string_equal(code, "fr");
    lang_of(s, "¿Qué países participan en la iniciativa?", NULL, code);
    assert_string_equal(code, "es");
    lang_of(s, "Which countries take part?", NULL, code);
    assert_string_equal(code, "en");
    /* asked again: what the first asking looked up, remembered */
    lang_of(s, "pays nation participer", NULL, code);
    assert_string_equal(code, "fr");
    searcher_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookups_spared_change_no_language),
        cmocka_unit_test(test_languages),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
