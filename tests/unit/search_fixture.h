/* search_fixture.h: a small Spanish and English FAQ built in memory for the
 * tests of the ranking's features and of the outcome rules, and functions to
 * ask it with parameters changed and to read what a feature did. Included
 * by one test file at a time (static functions). */
#ifndef FAQ_SEARCH_FIXTURE_H
#define FAQ_SEARCH_FIXTURE_H

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "index_fixture.h"
#include "index_read.h"
#include "index_write.h"
#include "search.h"
#include "search_params.h"

static corpus_entry fx_es[9], fx_en[2];
static char *fx_hola_alts[] = {(char *)"buenos días"};
static char *fx_gracias_alts[] = {(char *)"muchas gracias"};
static corpus_lang fx_langs[2];
static corpus fx_corpus = {fx_langs, 2, NULL};
static char fx_path[256];
static faq_index *fx_ix;
static searcher *fx_s;


static int fx_setup(void **state)
{
    (void)state;
    fx_es[0] = fixture_entry("paises", "¿Qué países forman parte de la iniciativa?",
                     "Participan Etiopía, Ghana, Marruecos, Nepal, Portugal, Canadá y México.",
                     ENTRY_FAQ);
    fx_es[1] = fixture_entry("como", "¿Cómo puede un país participar en la iniciativa?",
                     "Un país envía una carta a la red.", ENTRY_FAQ);
    fx_es[2] = fixture_entry("fin", "¿Cuándo concluye la iniciativa?",
                     "La iniciativa no tiene fecha de conclusión.", ENTRY_FAQ);
    fx_es[3] = fixture_entry("fondo",
                     "¿Cuál es el vínculo con el fondo fiduciario de la iniciativa y sus "
                     "programas conjuntos de apoyo?",
                     "El fondo fiduciario apoya la nota informativa de los programas.", ENTRY_FAQ);
    fx_es[4] = fixture_entry("nota", "¿Dónde está la nota informativa?", "En el sitio web de la red.",
                     ENTRY_FAQ);
    fx_es[5] = fixture_entry("plazo-a", "¿Cuál es el plazo de inscripción?", "Treinta días.", ENTRY_FAQ);
    fx_es[6] = fixture_entry("plazo-b", "¿Cuál es el plazo de inscripción?", "Un mes.", ENTRY_FAQ);
    fx_es[7] = fixture_entry("hello", "hola", "¡Hola!", ENTRY_SMALLTALK);
    fx_es[7].alts = fx_hola_alts;
    fx_es[7].n_alts = 1;
    fx_es[8] = fixture_entry("thanks", "gracias", "De nada.", ENTRY_SMALLTALK);
    fx_es[8].alts = fx_gracias_alts;
    fx_es[8].n_alts = 1;
    fx_en[0] = fixture_entry("paises", "Which countries take part in the initiative?",
                     "Ethiopia, Ghana, Morocco, Nepal, Portugal, Canada and Mexico.", ENTRY_FAQ);
    fx_en[1] = fixture_entry("fin", "When does the initiative end?", "It has no end date.", ENTRY_FAQ);
    memset(fx_langs, 0, sizeof fx_langs);
    strcpy(fx_langs[0].code, "en");
    fx_langs[0].entries = fx_en;
    fx_langs[0].n_entries = 2;
    fx_langs[0].stopwords = (char *)"the\nin\nis\na\nof\nto\nit\nhas\nno\n?which\n?when\n?does\n";
    strcpy(fx_langs[1].code, "es");
    fx_langs[1].entries = fx_es;
    fx_langs[1].n_entries = 9;
    fx_langs[1].stopwords = (char *)"la\nde\nel\nen\nun\nuna\nlos\nes\ny\ncon\nsus\na\nno\n"
                                    "está\nentre\n?qué\n?cómo\n?cuándo\n?cuál\n?dónde\n";
    fx_langs[1].synonyms = (char *)"concluir, terminar, acabar\nparticipar, formar parte\n";
    snprintf(fx_path, sizeof fx_path, "/tmp/faqbot-test-fixture-%ld.idx", (long)getpid());
    char err[256];
    index_stats st;
    if (index_write(&fx_corpus, fx_path, &st, err, sizeof err) != 0 ||
        faq_index_open(fx_path, &fx_ix, err, sizeof err) != FAQ_INDEX_OK ||
        !(fx_s = searcher_new(fx_ix))) {
        fprintf(stderr, "fixture: %s\n", err);
        return -1;
    }
    return 0;
}

static int fx_teardown(void **state)
{
    (void)state;
    searcher_free(fx_s);
    faq_index_close(fx_ix);
    unlink(fx_path);
    return 0;
}

/* The parameters to ask with: the defaults, then each "name=value". */
static void fx_params(const char *const *sets)
{
    search_params p;
    char err[200];
    search_params_default(&p);
    for (; sets && *sets; sets++)
        assert_int_equal(search_params_assign(&p, *sets, err, sizeof err), 0);
    searcher_set_params(fx_s, &p);
}

/* Ask q with the parameters set by sets (NULL-ended, or NULL); the answer
 * in *a; returns the best entry's id, or "" when there is none. */
static const char *fx_ask(const char *q, const char *const *sets, faq_answer *a)
{
    static char id[FAQ_MAX_ID_BYTES + 1];
    faq_query_opts o = {0};
    o.threshold = -1;
    fx_params(sets);
    assert_int_equal(searcher_ask(fx_s, q, strlen(q), &o, a), 0);
    id[0] = '\0';
    if (a->best.entry != UINT32_MAX) {
        faq_entry fe;
        faq_index_entry(fx_ix, a->best.entry, &fe);
        snprintf(id, sizeof id, "%.*s", (int)fe.id.len, fe.id.s);
    }
    return id;
}

/* After asking q (with sets), the factor rerank feature `feature` gave the
 * candidate whose entry is `id`; -1 when it is not among the candidates. */
static __attribute__((unused)) double fx_factor(const char *q, const char *const *sets, const char *id,
                        const char *feature)
{
    faq_answer a;
    fx_ask(q, sets, &a);
    for (int rank = 0;; rank++) {
        uint32_t e;
        double before, f[16];
        int n = searcher_factors(fx_s, rank, &e, &before, f, 16);
        if (n < 0)
            return -1;
        faq_entry fe;
        faq_index_entry(fx_ix, e, &fe);
        if (fe.id.len != strlen(id) || memcmp(fe.id.s, id, fe.id.len) != 0)
            continue;
        for (int k = 0; k < n; k++)
            if (strcmp(searcher_feature_name(k), feature) == 0)
                return f[k];
        fail_msg("no feature %s", feature);
    }
}

/* How much the confidence in q's answer (entry id, with the defaults)
 * falls when "name=value" off is set. */
static __attribute__((unused)) double fx_gain(const char *q, const char *id, const char *off)
{
    faq_answer with, without;
    assert_string_equal(fx_ask(q, NULL, &with), id);
    const char *sets[] = {off, NULL};
    fx_ask(q, sets, &without);
    return with.confidence - without.confidence;
}

#define FX_SETS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define assert_near(a, b) assert_true(fabs((a) - (b)) < 1e-9)

#endif
