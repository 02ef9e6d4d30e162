/* test_answer_json.c: the JSON answer object (answer_json.h) built from real
 * answers: a small two-language corpus written to a temporary folder, loaded,
 * indexed and searched; then every documented field is checked for an answer,
 * a decline, a clarify, an answer in another language, small talk and an
 * invalid UTF-8 question. msg_format (messages.h) is checked on the way. */
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

#include "answer_json.h"
#include "corpus.h"
#include "index_fixture.h"
#include "index_read.h"
#include "index_write.h"
#include "message_keys.h"
#include "messages.h"
#include "search.h"

static char dir[64];
static char idx_path[128];
static faq_index *ix;
static searcher *s;

static const char es_faq[] =
    "# Preguntas\n\n"
    "## ¿Qué es la iniciativa de países precursores? {#inicio}\n\n"
    "Es un programa de la Red para apoyar el Pacto Mundial sobre migración.\n\n"
    "## ¿Cuándo concluye la iniciativa? {#fin}\n\n"
    "La iniciativa continuará al menos hasta el **Foro** de 2022.\n\n"
    "## ¿Quiénes son los países precursores? {#lista}\n\n"
    "Ghana, México, Portugal y Canadá, entre otros.\n\n"
    "## ¿Cuál es el vínculo con el Fondo Fiduciario? {#fondo}\n\n"
    "El Fondo da prioridad a los países precursores.\n\n"
    "## ¿Dónde puedo plantear preguntas adicionales? {#contacto}\n\n"
    "Escriba a la secretaría de la Red.\n";
/* "# replace": the fallbacks of msg_format are checked without the packs' keys */
static const char es_messages[] =
    "# replace\n"
    "lang_name = español\n"
    "decline = Lo siento, no tengo una respuesta.\n"
    "clarify = ¿Se refiere a…?\n"
    "other_lang = Esta respuesta solo está disponible en {lang}.\n"
    "repl_reloaded = Índice recargado: {n} entradas ({n}).\n";
static const char es_smalltalk[] = "## hola {#hello}\n? buenos días\n\n¡Hola! Pregúnteme sobre la iniciativa.\n";
static const char en_faq[] =
    "# Questions\n\n"
    "## What is the Champion countries initiative? {#inicio}\n\n"
    "A programme of the Network to support the Global Compact.\n\n"
    "## When does the initiative end? {#fin}\n\n"
    "It will last at least until the 2022 Forum.\n\n"
    "## Where is the glossary? {#glosario}\n\n"
    "The glossary is on the website.\n\n"
    /* two entries with the same question: a real tie, the case for clarify */
    "## How do I renew my parking badge? {#badge-north}\n\n"
    "At the north gate office.\n\n"
    "## How do I renew my parking badge? {#badge-south}\n\n"
    "At the south gate office.\n";
static const char en_messages[] =
    "# replace\n"
    "lang_name = English\n"
    "decline = Sorry, I don't have an answer to that question.\n"
    "clarify = Did you mean one of these?\n"
    "other_lang = This answer is only available in {lang}.\n";

static void write_file(const char *lang, const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, lang);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/%s/%s", dir, lang, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s", "/tmp/faqbot-test-json.XXXXXX");
    assert_non_null(mkdtemp(dir));
    write_file("es", "faq.md", es_faq);
    write_file("es", "messages.txt", es_messages);
    write_file("es", "smalltalk.md", es_smalltalk);
    write_file("es", "stopwords.txt", "la\nde\nel\nlos\nes\nun\na\ncon\nen\n");
    write_file("en", "faq.md", en_faq);
    write_file("en", "messages.txt", en_messages);
    write_file("en", "stopwords.txt", "the\nis\na\nof\nto\nit\nmy\ni\n");
    snprintf(idx_path, sizeof idx_path, "%s/faq.idx", dir);
    fixture_open_dir(dir, idx_path, &ix, &s);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    searcher_free(s);
    faq_index_close(ix);
    const char *files[] = {"es/faq.md", "es/messages.txt", "es/smalltalk.md", "es/stopwords.txt",
                           "en/faq.md", "en/messages.txt", "en/stopwords.txt", "faq.idx"};
    char p[256];
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        unlink(p);
    }
    snprintf(p, sizeof p, "%s/es", dir);
    rmdir(p);
    snprintf(p, sizeof p, "%s/en", dir);
    rmdir(p);
    rmdir(dir);
    return 0;
}

/* Ask q (len bytes), build its JSON, and check that it survives a compact
 * dump and a parse back: what `ask --json` and the API send. The caller
 * owns the result. */
static json_t *ask_json(const char *q, size_t len, const char *lang, faq_answer *a)
{
    faq_query_opts o = {0};
    o.threshold = -1;
    o.lang = lang;
    assert_int_equal(searcher_ask(s, q, len, &o, a), 0);
    json_t *j = answer_to_json(ix, q, len, a);
    assert_non_null(j);
    char *text = json_dumps(j, JSON_COMPACT);
    assert_non_null(text);
    assert_null(strchr(text, '\n'));   /* one line per answer */
    json_error_t jerr;
    json_t *back = json_loads(text, 0, &jerr);
    assert_non_null(back);
    assert_true(json_equal(j, back));
    json_decref(back);
    free(text);
    return j;
}

static const char *get_str(const json_t *j, const char *key)
{
    json_t *v = json_object_get(j, key);
    if (!json_is_string(v))
        fail_msg("field %s is not a string", key);
    return json_string_value(v);
}

static void assert_null_field(const json_t *j, const char *key)
{
    json_t *v = json_object_get(j, key);
    if (!json_is_null(v))
        fail_msg("field %s is not null", key);
}

/* The fields every answer object has, whatever its outcome. */
static void check_shape(const json_t *j)
{
    static const char *const keys[] = {"query", "query_lang", "outcome", "answered", "id", "lang",
                                       "question", "answer", "score", "confidence", "other_lang",
                                       "corrected", "matched", "alternatives", "message"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!json_object_get(j, keys[i]))
            fail_msg("field %s is missing", keys[i]);
    assert_null(json_object_get(j, "explain"));   /* only when asked */
    assert_true(json_is_boolean(json_object_get(j, "answered")));
    assert_true(json_is_boolean(json_object_get(j, "other_lang")));
    assert_true(json_is_number(json_object_get(j, "score")));
    double c = json_number_value(json_object_get(j, "confidence"));
    assert_true(c >= 0 && c <= 1);
    assert_true(json_is_array(json_object_get(j, "matched")));
    json_t *alts = json_object_get(j, "alternatives");
    assert_true(json_is_array(alts));
    assert_true(json_array_size(alts) <= FAQ_MAX_ALTERNATIVES);
    size_t i;
    json_t *alt;
    json_array_foreach(alts, i, alt) {
        /* lang_name only on one in another language than the question's */
        int foreign = strcmp(get_str(alt, "lang"), get_str(j, "query_lang")) != 0;
        assert_int_equal(json_object_size(alt), 4 + foreign);
        if (foreign)
            get_str(alt, "lang_name");
        get_str(alt, "id");
        get_str(alt, "question");
        assert_true(json_is_number(json_object_get(alt, "score")));
        /* an alternative is never the entry answered */
        json_t *id = json_object_get(j, "id");
        if (json_is_string(id))
            assert_string_not_equal(get_str(alt, "id"), json_string_value(id));
    }
}

static void test_answer(void **state)
{
    (void)state;
    faq_answer a;
    const char *q = "¿Cuándo concluye la iniciativa?";
    json_t *j = ask_json(q, strlen(q), NULL, &a);
    check_shape(j);
    assert_string_equal(get_str(j, "query"), q);
    assert_string_equal(get_str(j, "query_lang"), "es");
    assert_string_equal(get_str(j, "outcome"), "answer");
    assert_true(json_is_true(json_object_get(j, "answered")));
    assert_string_equal(get_str(j, "id"), "fin");
    assert_string_equal(get_str(j, "lang"), "es");
    assert_string_equal(get_str(j, "question"), "¿Cuándo concluye la iniciativa?");
    /* the Markdown as written in the corpus */
    assert_string_equal(get_str(j, "answer"), "La iniciativa continuará al menos hasta el **Foro** de 2022.");
    assert_true(json_real_value(json_object_get(j, "score")) > 0);
    assert_true(json_real_value(json_object_get(j, "score")) == a.best.score);
    assert_true(json_real_value(json_object_get(j, "confidence")) == a.confidence);
    assert_true(json_is_false(json_object_get(j, "other_lang")));
    assert_null_field(j, "corrected");
    assert_null_field(j, "message");
    json_decref(j);
}

static void test_decline(void **state)
{
    (void)state;
    faq_answer a;
    /* shares "países" with the FAQ, and is still off topic */
    const char *q = "precio de los billetes de avión en los países";
    json_t *j = ask_json(q, strlen(q), NULL, &a);
    check_shape(j);
    assert_string_equal(get_str(j, "outcome"), "decline");
    assert_true(json_is_false(json_object_get(j, "answered")));
    assert_null_field(j, "id");
    assert_null_field(j, "lang");
    assert_null_field(j, "question");
    assert_null_field(j, "answer");
    assert_string_equal(get_str(j, "message"), "Lo siento, no tengo una respuesta.");
    /* the closest entries are still offered as suggestions, best first */
    assert_int_not_equal(a.best.entry, UINT32_MAX);
    json_t *alts = json_object_get(j, "alternatives");
    assert_true(json_array_size(alts) >= 1);
    faq_entry e;
    faq_index_entry(ix, a.best.entry, &e);
    const char *first = get_str(json_array_get(alts, 0), "id");
    assert_int_equal(strlen(first), e.id.len);
    assert_memory_equal(first, e.id.s, e.id.len);
    json_decref(j);

    /* the decline is said in the asker's language */
    q = "what is the best recipe for chocolate cake";
    j = ask_json(q, strlen(q), NULL, &a);
    assert_string_equal(get_str(j, "outcome"), "decline");
    assert_string_equal(get_str(j, "query_lang"), "en");
    assert_string_equal(get_str(j, "message"), "Sorry, I don't have an answer to that question.");
    json_decref(j);
}

static void test_clarify(void **state)
{
    (void)state;
    faq_answer a;
    const char *q = "how do I renew my parking badge";
    json_t *j = ask_json(q, strlen(q), NULL, &a);
    check_shape(j);
    assert_string_equal(get_str(j, "outcome"), "clarify");
    assert_true(json_is_false(json_object_get(j, "answered")));
    /* id is the leading candidate, the other one is an alternative */
    const char *id = get_str(j, "id");
    assert_true(strcmp(id, "badge-north") == 0 || strcmp(id, "badge-south") == 0);
    const char *other = strcmp(id, "badge-north") == 0 ? "badge-south" : "badge-north";
    json_t *alts = json_object_get(j, "alternatives");
    int found = 0;
    for (size_t i = 0; i < json_array_size(alts); i++)
        found += strcmp(get_str(json_array_get(alts, i), "id"), other) == 0;
    assert_int_equal(found, 1);
    assert_string_equal(get_str(j, "message"), "Did you mean one of these?");
    json_decref(j);
}

static void test_other_lang(void **state)
{
    (void)state;
    faq_answer a;
    /* an entry that exists only in English, asked in Spanish */
    const char *q = "glossary";
    json_t *j = ask_json(q, strlen(q), "es", &a);
    check_shape(j);
    assert_string_equal(get_str(j, "outcome"), "answer");
    assert_string_equal(get_str(j, "query_lang"), "es");
    assert_string_equal(get_str(j, "id"), "glosario");
    assert_string_equal(get_str(j, "lang"), "en");
    assert_true(json_is_true(json_object_get(j, "other_lang")));
    /* said in the asker's language, naming the entry's language in it:
     * "inglés", as Spanish says it, not "English", as English does */
    assert_string_equal(get_str(j, "message"), "Esta respuesta solo está disponible en inglés.");
    json_decref(j);
}

/* What a reply offers is in the asker's language where one offered is:
 * an entry the FAQ has only in another is offered when none in theirs
 * is, named (lang_name) in their words; a clarify's tied choices all. The
 * same in both JSON writers. */
static void test_offers_own_lang(void **state)
{
    (void)state;
    uint32_t es = (uint32_t)faq_index_lang_find(ix, "es"), en = (uint32_t)faq_index_lang_find(ix, "en");
    uint32_t glos = faq_index_find_id(ix, "glosario", 8, en), fin = faq_index_find_id(ix, "fin", 3, es);
    assert_int_not_equal(glos, UINT32_MAX);
    assert_int_not_equal(fin, UINT32_MAX);
    faq_answer a = {0};
    a.outcome = OUTCOME_DECLINE;
    a.query_lang = "es";
    a.best = (faq_hit){glos, 2.0};
    a.alts[0] = (faq_hit){fin, 1.0};
    a.n_alts = 1;
    faq_hit hits[FAQ_MAX_ALTERNATIVES];
    assert_int_equal(faq_answer_offers(ix, &a, hits), 1);
    assert_int_equal(hits[0].entry, fin);
    /* nothing Spanish near: the English one kept, and named */
    a.n_alts = 0;
    assert_int_equal(faq_answer_offers(ix, &a, hits), 1);
    assert_int_equal(hits[0].entry, glos);
    json_t *j = answer_to_json(ix, "x", 1, &a);
    assert_non_null(j);
    json_t *alt = json_array_get(json_object_get(j, "alternatives"), 0);
    assert_string_equal(get_str(alt, "lang_name"), "inglés");
    size_t len;
    char *text = answer_json_text(ix, "x", 1, &a, 0, &len);
    assert_non_null(text);
    json_t *back = json_loads(text, 0, NULL);
    assert_non_null(back);
    assert_true(json_equal(json_object_get(j, "alternatives"), json_object_get(back, "alternatives")));
    json_decref(back);
    free(text);
    json_decref(j);
    /* a clarify's choices are tied: all offered */
    a.outcome = OUTCOME_CLARIFY;
    a.best = (faq_hit){fin, 2.0};
    a.alts[0] = (faq_hit){glos, 1.9};
    a.n_alts = 1;
    assert_int_equal(faq_answer_offers(ix, &a, hits), 1);
    assert_int_equal(hits[0].entry, glos);
}

static void test_smalltalk(void **state)
{
    (void)state;
    faq_answer a;
    const char *q = "¡Hola!";
    json_t *j = ask_json(q, strlen(q), NULL, &a);
    check_shape(j);
    assert_string_equal(get_str(j, "outcome"), "smalltalk");
    assert_true(json_is_true(json_object_get(j, "answered")));
    assert_string_equal(get_str(j, "answer"), "¡Hola! Pregúnteme sobre la iniciativa.");
    assert_null_field(j, "message");   /* the reply is the answer */
    json_decref(j);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    faq_answer a;
    /* a stray continuation byte, bytes never valid, a lead byte with a bad
     * follower, and a sequence cut at the end */
    static const char q[] = "hola \x80 \xFF\xFE mundo \xC3( fin \xE2\x82";
    json_t *j = ask_json(q, sizeof q - 1, NULL, &a);
    check_shape(j);
    assert_string_equal(get_str(j, "outcome"), "decline");
    assert_true(json_is_false(json_object_get(j, "answered")));
    /* every bad byte becomes U+FFFD, the rest is kept as it was */
    assert_string_equal(get_str(j, "query"),
                        "hola \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD mundo \xEF\xBF\xBD( fin "
                        "\xEF\xBF\xBD\xEF\xBF\xBD");
    json_decref(j);

    /* valid multi-byte text around one bad byte is not touched */
    static const char q2[] = "¿Cuándo\xC0 termina?";
    j = ask_json(q2, sizeof q2 - 1, NULL, &a);
    assert_string_equal(get_str(j, "query"), "¿Cuándo\xEF\xBF\xBD termina?");
    json_decref(j);

    /* a NUL byte would cut the string short for C readers of the JSON:
     * it is replaced too */
    static const char q3[] = "a\0b";
    j = ask_json(q3, sizeof q3 - 1, NULL, &a);
    assert_string_equal(get_str(j, "query"), "a\xEF\xBF\xBD" "b");
    json_decref(j);
}

static void test_explain(void **state)
{
    (void)state;
    faq_query_opts o = {0};
    o.threshold = -1;
    o.explain = 1;
    faq_answer a;
    const char *q = "¿Cuándo concluye la iniciativa?";
    assert_int_equal(searcher_ask(s, q, strlen(q), &o, &a), 0);
    json_t *j = answer_to_json(ix, q, strlen(q), &a);
    assert_non_null(j);
    assert_true(json_string_length(json_object_get(j, "explain")) > 0);
    json_decref(j);
}

static void test_msg_format(void **state)
{
    (void)state;
    uint32_t es = msg_lang(ix, "es"), en = msg_lang(ix, "en");
    /* unknown: the first language with FAQ entries, not one only asked in */
    assert_int_equal(msg_lang(ix, "xx"), en);
    assert_int_equal(msg_lang(ix, NULL), en);
    char out[128];
    const char *kv[] = {"lang", "English", NULL};
    size_t n = msg_format(ix, es, "other_lang", kv, out, sizeof out);
    assert_string_equal(out, "Esta respuesta solo está disponible en English.");
    assert_int_equal(n, strlen(out));
    /* every occurrence is replaced; unknown placeholders are left as written */
    const char *kv2[] = {"n", "12", NULL};
    msg_format(ix, es, "repl_reloaded", kv2, out, sizeof out);
    assert_string_equal(out, "Índice recargado: 12 entradas (12).");
    msg_format(ix, en, "other_lang", kv2, out, sizeof out);
    assert_string_equal(out, "This answer is only available in {lang}.");
    /* a key the index lacks for a language (an index older than the key):
     * its pack's text, not another language's; a key faqbot does not know
     * gives itself */
    msg_format(ix, en, "repl_reloaded", kv2, out, sizeof out);
    assert_string_equal(out, "Index reloaded: 12 FAQ entries and {smalltalk} of small talk.");
    msg_format(ix, es, "suggestions", NULL, out, sizeof out);
    assert_string_equal(out, "Quizás quiso preguntar:");
    msg_format(ix, en, "no_such_key", NULL, out, sizeof out);
    assert_string_equal(out, "no_such_key");
    /* every key faqbot knows is a text in every language of the index */
    for (uint32_t l = 0; l < faq_index_lang_count(ix); l++)
        for (size_t i = 0; message_key(i); i++) {
            msg_format(ix, l, message_key(i), NULL, out, sizeof out);
            assert_string_not_equal(out, message_key(i));
        }
    const char *kv4[] = {"n", "7", NULL};
    msg_format(ix, es, "repl_reloaded", kv4, out, sizeof out);
    assert_string_equal(out, "Índice recargado: 7 entradas (7).");   /* the corpus wins */
    /* a language named as the sentence's language says it (the pack's
     * languages.txt), not in its own name */
    msg_lang_name(ix, en, es, out, sizeof out);
    assert_string_equal(out, "Spanish");
    msg_lang_name(ix, es, en, out, sizeof out);
    assert_string_equal(out, "inglés");
    /* cut to the buffer, always terminated */
    char small[8];
    n = msg_format(ix, en, "decline", NULL, small, sizeof small);
    assert_int_equal(n, 7);
    assert_string_equal(small, "Sorry, ");
    /* a cut never splits a character: "Índice" in 2 and 3 bytes */
    n = msg_format(ix, es, "repl_reloaded", kv2, small, 2);
    assert_int_equal(n, 0);
    assert_string_equal(small, "");
    n = msg_format(ix, es, "repl_reloaded", kv2, small, 3);
    assert_string_equal(small, "\xC3\x8D");
    /* ... nor a value put in a placeholder */
    const char *kv3[] = {"lang", "\xC3\xA9\xC3\xA9\xC3\xA9", NULL};
    char buf[48];
    msg_format(ix, es, "other_lang", kv3, buf, 44);
    assert_string_equal(buf, "Esta respuesta solo está disponible en \xC3\xA9");
    assert_int_equal(msg_format(ix, en, "decline", NULL, small, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_answer),     cmocka_unit_test(test_decline),
        cmocka_unit_test(test_clarify),    cmocka_unit_test(test_other_lang),
        cmocka_unit_test(test_offers_own_lang),
        cmocka_unit_test(test_smalltalk),  cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_explain),    cmocka_unit_test(test_msg_format),
    };
    return cmocka_run_group_tests_name("answer_json", tests, setup, teardown);
}
