/* test_spellings.c: spellings.h over the seed corpus's index: every word
 * of the index, folded and as the corpus writes it in lower case with its
 * accents, is found in SPELLINGS with the verdicts the dictionary itself
 * gives (knows, name, lemma); a word the corpus lacks is not; and the
 * verdicts are not used where the dictionary the process would load is
 * another one (another folder) or there is none. */
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
#include "index_fixture.h"
#include "index_internal.h"
#include "lemma.h"
#include "search_model.h"
#include "spellings.h"

/* The verdicts of w (n bytes) in language l: the index's equal to the
 * dictionary's. Returns 1 when the index holds w. */
static int check_word(const search_model *m, uint32_t l, lexicon *lx, const char *w, size_t n)
{
    spelling sp;
    if (!search_model_spelling(m, l, w, n, &sp))
        return 0;
    char lemma[256];
    size_t k = lexicon_lemma(lx, w, n, lemma, sizeof lemma);
    assert_int_equal((sp.flags & SPELLING_KNOWS) != 0, lexicon_knows(lx, w, n));
    assert_int_equal((sp.flags & SPELLING_NAME) != 0, lexicon_is_name(lx, w, n));
    assert_int_equal(sp.lemma_len, k);
    assert_memory_equal(sp.lemma, lemma, k);
    return 1;
}

static void test_verdicts(void **state)
{
    (void)state;
    faq_index *ix;
    searcher *s;
    const char *idx_path = "test_spellings.idx";
    fixture_open_dir("corpus", idx_path, &ix, &s);
    search_model *m = search_model_new(ix);
    assert_non_null(m);
    uint32_t es = IX_NONE;
    int held = 0;
    for (uint32_t l = 0; l < ix->n_langs; l++) {
        lexicon *lx;
        assert_int_equal(lexicon_open(ix->langs[l].code, NULL, &lx), 0);
        if (!lx)
            continue;
        if (!strcmp(ix->langs[l].code, "es"))
            es = l;
        for (uint32_t w = ix->langs[l].word_first;
             w < ix->langs[l].word_first + ix->langs[l].word_count; w++) {
            const ix_word *iw = &ix->words[w];
            assert_true(check_word(m, l, lx, ix->strings + iw->text.off, iw->text.len));
            held++;
        }
        lexicon_free(lx);
    }
    if (es == IX_NONE) {
        search_model_free(m);
        fixture_close(ix, s, idx_path);
        skip();     /* hunspell-es is not installed */
    }
    lexicon *lx;
    assert_int_equal(lexicon_open("es", NULL, &lx), 0);
    /* the corpus writes "países", which folds to "paises" */
    assert_true(check_word(m, es, lx, "países", strlen("países")));
    assert_true(check_word(m, es, lx, "paises", strlen("paises")));
    spelling sp;
    assert_false(search_model_spelling(m, es, "xqzvbt", 6, &sp));
    assert_false(search_model_spelling(m, es, "Países", strlen("Países"), &sp));
    lexicon_free(lx);
    search_model_free(m);
    assert_true(held > 100);

    /* another folder of the same files: another dictionary, as far as the
     * index can tell; none at all */
    char dic[600], aff[600];
    const char *dir = getenv("FAQBOT_HUNSPELL_DIR");
    char *was = dir ? strdup(dir) : NULL;
    assert_int_equal(lexicon_find_file(was ? was : "/usr/share/hunspell", "", "es", ".dic", dic,
                                       sizeof dic), 0);
    snprintf(aff, sizeof aff, "%.*s.aff", (int)(strlen(dic) - 4), dic);
    char tmp[] = "/tmp/faqbot-spellings-XXXXXX";
    assert_non_null(mkdtemp(tmp));
    char link_dic[700], link_aff[700];
    snprintf(link_dic, sizeof link_dic, "%s/es_ES.dic", tmp);
    snprintf(link_aff, sizeof link_aff, "%s/es_ES.aff", tmp);
    assert_int_equal(symlink(dic, link_dic), 0);
    assert_int_equal(symlink(aff, link_aff), 0);
    setenv("FAQBOT_HUNSPELL_DIR", tmp, 1);
    cli_read_environment();
    m = search_model_new(ix);
    assert_non_null(m);
    assert_false(search_model_spelling(m, es, "paises", 6, &sp));
    search_model_free(m);
    setenv("FAQBOT_HUNSPELL_DIR", "", 1);
    cli_read_environment();
    m = search_model_new(ix);
    assert_non_null(m);
    assert_false(search_model_spelling(m, es, "paises", 6, &sp));
    search_model_free(m);
    if (was)
        setenv("FAQBOT_HUNSPELL_DIR", was, 1);
    else
        unsetenv("FAQBOT_HUNSPELL_DIR");
    cli_read_environment();
    free(was);
    unlink(link_dic);
    unlink(link_aff);
    rmdir(tmp);
    fixture_close(ix, s, idx_path);
}

/* The section alone: found by binary search, its stamp per language; a
 * section out of shape refused when it is read, a record out of place
 * found by the check. */
static void test_section(void **state)
{
    (void)state;
    lexicon *lx;
    assert_int_equal(lexicon_open("es", NULL, &lx), 0);
    if (!lx)
        skip();     /* hunspell-es is not installed */
    spelling_key keys[] = {{0, "casa", 4}, {0, "muere", 5}, {0, "xqzvbt", 6}};
    lexicon *lex[2] = {lx, NULL};
    const char *codes[2] = {"es", "fr"};
    unsigned char *sec;
    size_t len;
    assert_int_equal(spellings_make(keys, 3, lex, codes, 2, &sec, &len), 0);
    spellings sp;
    assert_int_equal(spellings_open(sec, len, &sp), 0);
    assert_null(spellings_check(&sp));
    spelling v;
    assert_true(spellings_find(&sp, 0, "muere", 5, &v));
    assert_int_equal(v.lemma_len, strlen("morir"));
    assert_memory_equal(v.lemma, "morir", v.lemma_len);
    assert_true(v.flags & SPELLING_KNOWS);
    assert_true(spellings_find(&sp, 0, "xqzvbt", 6, &v));
    assert_false(v.flags & SPELLING_KNOWS);
    assert_true(spellings_find(&sp, 0, "casa", 4, &v));
    assert_false(spellings_find(&sp, 0, "cas", 3, &v));
    assert_false(spellings_find(&sp, 1, "casa", 4, &v));
    const char *st;
    size_t n;
    assert_true(spellings_stamp(&sp, 0, &st, &n));
    assert_false(spellings_stamp(&sp, 1, &st, &n));

    /* empty: no language had a dictionary; a length the header does not
     * add up to; a stamp past the text */
    assert_int_equal(spellings_open(NULL, 0, &sp), 0);
    assert_false(spellings_find(&sp, 0, "casa", 4, &v));
    assert_false(spellings_stamp(&sp, 0, &st, &n));
    assert_int_equal(spellings_open(sec, len - 1, &sp), -1);
    assert_int_equal(spellings_open(sec, 8, &sp), -1);
    uint32_t *u = (uint32_t *)sec;      /* head: stamps, spellings, text, 0 */
    uint32_t *stamp = u + 4;            /* the first: lang, off, len, 0 */
    uint32_t keep = stamp[2];
    stamp[2] = u[2] + 1;
    assert_int_equal(spellings_open(sec, len, &sp), -1);
    stamp[2] = keep;

    /* records: the second's text past the end; two swapped */
    uint32_t *rec = u + 4 + 4 * u[0];   /* lang, flags, off, len, lemma off, lemma len */
    assert_int_equal(spellings_open(sec, len, &sp), 0);
    keep = rec[6 + 3];
    rec[6 + 3] = u[2];
    assert_string_equal(spellings_check(&sp), "spelling out of bounds");
    assert_false(spellings_find(&sp, 0, "muere", 5, &v));
    rec[6 + 3] = keep;
    uint32_t r0[6];
    memcpy(r0, rec, sizeof r0);
    memcpy(rec, rec + 6, sizeof r0);
    memcpy(rec + 6, r0, sizeof r0);
    assert_string_equal(spellings_check(&sp), "spellings out of order");
    free(sec);
    lexicon_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_section),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
