/* test_corpus.c: the Markdown and plain-text FAQ parsers, every error case,
 * and a document cut at every byte (parsed or refused, never a crash). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

static corpus_lang lang;
static char err[512];

static int reset(void **state)
{
    (void)state;
    corpus_lang_clear(&lang);
    memset(&lang, 0, sizeof lang);
    strcpy(lang.code, "es");
    err[0] = '\0';
    return 0;
}

static int md(const char *text)
{
    return corpus_parse_md(&lang, "doc.md", "doc", text, strlen(text), ENTRY_FAQ, err, sizeof err);
}

static void test_md_entries(void **state)
{
    (void)state;
    assert_int_equal(md("# Título\n\nIntro ignored.\n\n## ¿Uno? {#uno}\n? ¿El primero?\n? primero\n\nRespuesta *uno*.\n\n"
                        "## ¿Dos?\n\nRespuesta dos,\nen dos líneas.\n\n```\n## no es pregunta\n```\n"), 0);
    assert_int_equal(lang.n_entries, 2);
    corpus_entry *e = &lang.entries[0];
    assert_string_equal(e->id, "uno");
    assert_string_equal(e->question, "¿Uno?");
    assert_int_equal(e->n_alts, 2);
    assert_string_equal(e->alts[0], "¿El primero?");
    assert_string_equal(e->alts[1], "primero");
    assert_string_equal(e->answer, "Respuesta *uno*.");
    assert_int_equal(e->line, 5);
    e = &lang.entries[1];
    assert_string_equal(e->id, "doc-2");        /* <name>-<n>: its position */
    assert_string_equal(e->question, "¿Dos?");
    assert_non_null(strstr(e->answer, "en dos líneas."));
    assert_non_null(strstr(e->answer, "## no es pregunta"));   /* code block, not a heading */
}

static void test_md_errors(void **state)
{
    (void)state;
    assert_int_equal(md("## ¿Uno?\n\n## ¿Dos?\n\nDos.\n"), -1);
    assert_non_null(strstr(err, "doc.md:1:"));
    assert_non_null(strstr(err, "no answer"));
    assert_int_equal(lang.n_entries, 0);                 /* nothing half-added */
    assert_int_equal(md("## ¿Uno? {#mal id}\n\nA.\n"), -1);
    assert_non_null(strstr(err, "doc.md:1: bad id"));
    assert_int_equal(md("intro\n##  {#x}\n\nA.\n"), -1);
    assert_non_null(strstr(err, "doc.md:2:"));
    assert_int_equal(md("## ¿Uno?\n\nA \xC3(.\n"), -1);
    assert_non_null(strstr(err, "doc.md:3: invalid UTF-8"));
    assert_int_equal(md("## ¿Uno?\n\nA\0B\n"), 0);   /* strlen stops at NUL: a valid doc */
}

static void test_txt(void **state)
{
    (void)state;
    const char *t = "TÍTULO\n\n¿Qué es esto?\n\nUna prueba.\n\nOtra línea.\nDe verdad?\nSí.\n";
    assert_int_equal(corpus_parse_txt(&lang, "f.txt", "f", t, strlen(t), err, sizeof err), 0);
    assert_int_equal(lang.n_entries, 2);
    assert_string_equal(lang.entries[0].question, "¿Qué es esto?");
    assert_string_equal(lang.entries[0].answer, "Una prueba.\n\nOtra línea.");
    assert_string_equal(lang.entries[1].question, "De verdad?");
    assert_string_equal(lang.entries[1].id, "f-2");
    assert_int_equal(lang.entries[1].line, 8);
    reset(NULL);
    /* a file's own rule */
    t = "# question-pattern: ^Q: \nQ: one\nanswer one\nQ: two\nanswer two?\n";
    assert_int_equal(corpus_parse_txt(&lang, "g.txt", "g", t, strlen(t), err, sizeof err), 0);
    assert_int_equal(lang.n_entries, 2);
    assert_string_equal(lang.entries[1].answer, "answer two?");
    reset(NULL);
    t = "# question-pattern: ([\nQ\n";
    assert_int_equal(corpus_parse_txt(&lang, "h.txt", "h", t, strlen(t), err, sizeof err), -1);
    assert_non_null(strstr(err, "h.txt:1: bad question pattern"));
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 20];
    *len = fread(buf, 1, sizeof buf - 1, f);
    buf[*len] = '\0';
    fclose(f);
    char *p = malloc(*len + 1);
    memcpy(p, buf, *len + 1);
    return p;
}

static void test_seed_txt_matches_md(void **state)
{
    (void)state;
    const char *root = getenv("ROOT") ? getenv("ROOT") : ".";
    char a[1024], b[1024];
    snprintf(a, sizeof a, "%s/corpus/es/paises-precursores.md", root);
    snprintf(b, sizeof b, "%s/../shared/seed/paises-precursores.txt", root);
    size_t la, lb;
    char *md_text = slurp(a, &la), *txt = slurp(b, &lb);
    assert_non_null(md_text);
    if (!txt) {
        free(md_text);
        skip();   /* the shared seed is beside the repo in CI and on developer machines */
    }
    assert_int_equal(corpus_parse_md(&lang, a, "paises-precursores", md_text, la, ENTRY_FAQ, err, sizeof err), 0);
    corpus_lang t;
    memset(&t, 0, sizeof t);
    strcpy(t.code, "es");
    assert_int_equal(corpus_parse_txt(&t, b, "paises-precursores", txt, lb, err, sizeof err), 0);
    assert_int_equal(lang.n_entries, 10);
    assert_int_equal(t.n_entries, 10);
    for (size_t i = 0; i < 10; i++) {
        char id[32];
        snprintf(id, sizeof id, "precursores-%zu", i + 1);
        assert_string_equal(lang.entries[i].id, id);
        assert_string_equal(lang.entries[i].question, t.entries[i].question);
        assert_string_equal(lang.entries[i].answer, t.entries[i].answer);
    }
    corpus_lang_clear(&t);
    free(md_text);
    free(txt);
}

static void test_every_cut(void **state)
{
    (void)state;
    const char *doc = "# T\n\n## ¿Uno? {#uno}\n? alt\n\nRespuesta.\n\n## ¿Dos?\n\nDós.\n";
    size_t n = strlen(doc);
    for (size_t cut = 0; cut <= n; cut++) {
        reset(NULL);
        int rc = corpus_parse_md(&lang, "cut.md", "cut", doc, cut, ENTRY_FAQ, err, sizeof err);
        if (rc != 0)
            assert_non_null(strstr(err, "cut.md:"));   /* a refusal always says where */
        rc = corpus_parse_txt(&lang, "cut.txt", "cut", doc, cut, err, sizeof err);
        if (rc != 0)
            assert_non_null(strstr(err, "cut.txt:"));
    }
}

static void test_load_errors(void **state)
{
    (void)state;
    corpus *c;
    assert_int_equal(corpus_load("/nonexistent-faqbot-corpus", &c, err, sizeof err), -1);
    assert_null(c);
    assert_non_null(strstr(err, "/nonexistent-faqbot-corpus"));
    const char *root = getenv("ROOT") ? getenv("ROOT") : ".";
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/corpus", root);
    assert_int_equal(corpus_load(dir, &c, err, sizeof err), 0);
    assert_true(c->n_langs >= 4);
    assert_string_equal(c->langs[0].code, "en");   /* sorted by code */
    int smalltalk = 0;
    for (size_t i = 0; i < c->langs[0].n_entries; i++)
        smalltalk += c->langs[0].entries[i].kind == ENTRY_SMALLTALK;
    assert_true(smalltalk > 0);
    assert_non_null(c->langs[0].stopwords);
    corpus_free(c);
    assert_null(corpus_stemmer_name("xx"));
    assert_non_null(corpus_stemmer_name("es"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_md_entries, reset),
        cmocka_unit_test_setup(test_md_errors, reset),
        cmocka_unit_test_setup(test_txt, reset),
        cmocka_unit_test_setup(test_seed_txt_matches_md, reset),
        cmocka_unit_test_setup(test_every_cut, reset),
        cmocka_unit_test_setup(test_load_errors, reset),
    };
    int rc = cmocka_run_group_tests_name("corpus", tests, NULL, NULL);
    corpus_lang_clear(&lang);
    return rc;
}
