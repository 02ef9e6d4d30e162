/* test_lang_pack.c: lang_pack.h: every pack faqbot ships is whole and reads
 * as the corpus files it stands for: its stop list and question words load
 * into an analyzer, its synonyms are groups, its small talk has the same ids
 * in every language, its messages have every key of docs/messages.md and
 * no other, and its starter FAQ reads as one entry. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "corpus.h"
#include "corpus_parse.h"
#include "lang_pack.h"
#include "message_keys.h"

/* a question word, a stop word and a content word of each, folded */
static const struct {
    const char *code, *qword, *stop, *content;
} packs[] = {
    {"es", "cuando", "la", "biblioteca"},
    {"en", "when", "the", "library"},
    {"fr", "quand", "le", "bibliotheque"},
    {"pt", "quando", "o", "biblioteca"},
    {"de", "wann", "der", "bibliothek"},
    {"it", "quando", "il", "biblioteca"},
    {"nl", "wanneer", "de", "bibliotheek"},
    {"sv", "nar", "och", "bibliotek"},
    {"da", "hvornar", "og", "bibliotek"},
    {"no", "nar", "og", "bibliotek"},
    {"fi", "milloin", "ja", "kirjasto"},
    {"ru", "когда", "мне", "библиотека"},
    {"tr", "nerede", "bana", "kutuphane"},
    {"el", "ποτε", "μου", "βιβλιοθηκη"},
    {"ca", "quan", "la", "biblioteca"},
    {"ar", "كيف", "في", "مكتبه"},
    {"ro", "unde", "pentru", "biblioteca"},
    {"hu", "hol", "nekem", "konyvtar"},
    {"pl", "gdzie", "dla", "biblioteka"},
    {"cs", "kde", "pro", "knihovna"},
    {"uk", "де", "мене", "бібліотека"},
    {"he", "איפה", "של", "ספרייה"},
};
static const char *const smalltalk_ids[] = {"hello", "thanks", "bye", "who-are-you", "how-are-you", "help", "ok", "time", "weather", "joke", "complaint", "praise", "human"};

static void test_analyzer_reads_pack(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof packs / sizeof *packs; i++) {
        const char *sw = lang_pack_file(packs[i].code, "stopwords.txt");
        const char *syn = lang_pack_file(packs[i].code, "synonyms.txt");
        assert_non_null(sw);
        assert_non_null(syn);
        analyzer *a = analyzer_new(packs[i].code, sw);
        assert_non_null(a);
        assert_true(analyzer_is_question_word(a, packs[i].qword, strlen(packs[i].qword)));
        assert_true(analyzer_is_stopword(a, packs[i].stop, strlen(packs[i].stop)));
        assert_false(analyzer_is_stopword(a, packs[i].content, strlen(packs[i].content)));
        assert_int_equal(analyzer_set_synonyms(a, syn), 0);
        analyzer_free(a);
        /* every group has two members at least */
        for (const char *p = syn; *p;) {
            size_t n = strcspn(p, "\n");
            if (n && *p != '#' && !memchr(p, ',', n))
                fail_msg("%s synonyms: a group of one: %.*s", packs[i].code, (int)n, p);
            p += n + (p[n] == '\n');
        }
    }
}

static void test_smalltalk_ids(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof packs / sizeof *packs; i++) {
        const char *t = lang_pack_file(packs[i].code, "smalltalk.md");
        assert_non_null(t);
        corpus_lang l;
        memset(&l, 0, sizeof l);
        char err[256];
        if (corpus_parse_md(&l, "smalltalk.md", "smalltalk", t, strlen(t), ENTRY_SMALLTALK, err,
                            sizeof err) != 0)
            fail_msg("%s: %s", packs[i].code, err);
        assert_int_equal(l.n_entries, sizeof smalltalk_ids / sizeof *smalltalk_ids);
        for (size_t k = 0; k < l.n_entries; k++) {
            assert_string_equal(l.entries[k].id, smalltalk_ids[k]);
            assert_true(l.entries[k].n_alts > 0);
        }
        corpus_lang_clear(&l);
    }
}

/* Every "| key |" row of docs/messages.md is a "key = " line of each pack. */
static void test_messages_keys(void **state)
{
    (void)state;
    const char *r = getenv("ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/docs/messages.md", r && *r ? r : ".");
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[1024];
    int keys = 0;
    while (fgets(line, sizeof line, f)) {
        char key[64];
        if (sscanf(line, "| %63[a-z_] |", key) != 1 || strcmp(key, "key") == 0)
            continue;
        keys++;
        if (!message_key_known(key, strlen(key)))
            fail_msg("docs/messages.md has %s, message_keys.c does not", key);
        char want[80];
        snprintf(want, sizeof want, "\n%s = ", key);
        for (size_t i = 0; i < sizeof packs / sizeof *packs; i++) {
            const char *m = lang_pack_file(packs[i].code, "messages.txt");
            assert_non_null(m);
            if (!strstr(m, want))
                fail_msg("%s messages.txt lacks %s", packs[i].code, key);
        }
    }
    fclose(f);
    assert_true(keys >= 20);
    /* the same keys both ways, and every pack passes the corpus's check */
    size_t n = 0;
    while (message_key(n))
        n++;
    assert_int_equal(n, (size_t)keys);
    for (size_t i = 0; i < sizeof packs / sizeof *packs; i++) {
        char why[160];
        unsigned bad = message_text_check(lang_pack_file(packs[i].code, "messages.txt"), 0, why, sizeof why);
        if (bad)
            fail_msg("lang/%s/messages.txt:%u: %s", packs[i].code, bad, why);
    }
}

/* Each message of every pack carries the placeholders its front end fills,
 * all of them and no other: a count left out is a sentence that says less
 * in one language, an unknown one is shown as it is. */
static void test_messages_placeholders(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof packs / sizeof *packs; i++) {
        const char *m = lang_pack_file(packs[i].code, "messages.txt");
        assert_non_null(m);
        for (size_t k = 0; message_key(k); k++) {
            const char *key = message_key(k), *given = message_key_placeholders(key);
            char want[80];
            snprintf(want, sizeof want, "\n%s = ", key);
            const char *v = strstr(m, want);
            if (!v)
                continue;   /* test_messages_keys tells a missing key */
            v += strlen(want);
            const char *eol = strchr(v, '\n'), *name;
            eol = eol ? eol : v + strlen(v);
            size_t len;
            for (const char *p = v; (name = message_placeholder_next(p, eol, &len)) != NULL; p = name + len + 1) {
                char one[64];
                snprintf(one, sizeof one, " %.*s ", (int)len, name);
                char list[128];
                snprintf(list, sizeof list, " %s ", given);
                if (!strstr(list, one))
                    fail_msg("lang/%s/messages.txt: %s has {%.*s}, which it is not given", packs[i].code, key,
                             (int)len, name);
            }
            for (const char *g = given; *g;) {
                size_t n = strcspn(g, " ");
                char brace[64];
                snprintf(brace, sizeof brace, "{%.*s}", (int)n, g);
                const char *at = strstr(v, brace);
                if (!at || at > eol)
                    fail_msg("lang/%s/messages.txt: %s lacks %s", packs[i].code, key, brace);
                g += n + (g[n] == ' ');
            }
        }
    }
}

/* Every pack has the starter FAQ of faqbot init, and it reads as a FAQ of
 * one entry, the folder named in its next steps. */
/* Every pack names every language faqbot ships a pack for, as its sentences
 * say it ("only available in German", not "in Deutsch"), each once, and
 * only languages: a line the reader would skip is a name never used. */
static void test_languages_named(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof packs / sizeof *packs; i++) {
        const char *t = lang_pack_file(packs[i].code, "languages.txt");
        if (!t)
            fail_msg("lang/%s has no languages.txt", packs[i].code);
        char name[128];
        for (size_t j = 0; lang_pack_code(j); j++)
            if (!message_value(t, strlen(t), lang_pack_code(j), name, sizeof name) || !*name)
                fail_msg("lang/%s/languages.txt does not name %s", packs[i].code, lang_pack_code(j));
        unsigned line = 0;
        for (const char *p = t; *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] == '\n')) {
            line++;
            size_t n = strcspn(p, "\n"), k = strcspn(p, " =\n");
            if (!n || *p == '#')
                continue;
            char code[16];
            if (k >= sizeof code || strncmp(p + k, " = ", 3) != 0 || k + 3 >= n)
                fail_msg("lang/%s/languages.txt:%u: not code = name", packs[i].code, line);
            memcpy(code, p, k);
            code[k] = '\0';
            const char *first = message_value(t, strlen(t), code, name, sizeof name);
            assert_non_null(first);
            if (strncmp(p + k + 3, name, n - k - 3) != 0 || strlen(name) != n - k - 3)
                fail_msg("lang/%s/languages.txt:%u: %s named twice", packs[i].code, line, code);
        }
    }
}

static void test_starter(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof packs / sizeof *packs; i++) {
        const char *t = lang_pack_file(packs[i].code, "starter.md");
        if (!t)
            fail_msg("lang/%s has no starter.md", packs[i].code);
        assert_non_null(strstr(t, "{faqbot} index --corpus {corpus}\n"));
        corpus_lang L;
        memset(&L, 0, sizeof L);
        snprintf(L.code, sizeof L.code, "%s", packs[i].code);
        char err[512];
        if (corpus_parse_md(&L, "starter.md", "faq", t, strlen(t), ENTRY_FAQ, err, sizeof err) != 0)
            fail_msg("lang/%s/starter.md: %s", packs[i].code, err);
        assert_int_equal(L.n_entries, 1);
        corpus_lang_clear(&L);
    }
}

static void test_no_pack(void **state)
{
    (void)state;
    assert_null(lang_pack_file("hy", "stopwords.txt"));
    assert_null(lang_pack_file("es", "nothing.txt"));
    assert_null(lang_pack_file("", "stopwords.txt"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_analyzer_reads_pack),
        cmocka_unit_test(test_smalltalk_ids),
        cmocka_unit_test(test_messages_keys),
        cmocka_unit_test(test_messages_placeholders),
        cmocka_unit_test(test_languages_named),
        cmocka_unit_test(test_starter),
        cmocka_unit_test(test_no_pack),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
