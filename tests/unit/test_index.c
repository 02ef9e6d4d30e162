/* test_index.c: index write/read round trip, bad index files, and ranking
 * on a small two-language corpus built in memory. */
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
#include "index_format.h"
#include "index_internal.h"
#include "index_fixture.h"
#include "index_read.h"
#include "index_write.h"
#include "lemma.h"
#include "lint.h"
#include "search.h"


static corpus_entry es_entries[8], en_entries[3];
static char *alt_list[] = {(char *)"¿cuándo termina?"};
static char *lista_alts[] = {(char *)"¿Qué países forman parte?"};
static corpus_lang langs[2];
static corpus mem = {langs, 2, NULL};
static char path[256];

static int setup(void **state)
{
    (void)state;
    /* no bilingual dictionaries: the index holds the two languages alone
     * (test_dictd.c builds one with them) */
    setenv("FAQBOT_DICTD_DIR", "", 1);
    cli_read_environment();
    es_entries[0] = fixture_entry("inicio", "¿Qué es la iniciativa de países precursores?",
                       "Es un programa de la Red para apoyar el Pacto Mundial sobre migración.", ENTRY_FAQ);
    es_entries[1] = fixture_entry("fin", "¿Cuándo concluye la iniciativa?",
                       "La iniciativa continuará al menos hasta el Foro de 2022.", ENTRY_FAQ);
    es_entries[1].alts = alt_list;
    es_entries[1].n_alts = 1;
    es_entries[2] = fixture_entry("lista", "¿Quiénes son los países precursores?",
                       "En África (Etiopía, Ghana, Marruecos, Senegal), en América (México, "
                       "Ecuador) y Portugal, entre otros.", ENTRY_FAQ);
    es_entries[2].alts = lista_alts;
    es_entries[2].n_alts = 1;
    es_entries[3] = fixture_entry("fondo", "¿Cuál es el vínculo con el Fondo Fiduciario?",
                       "El Fondo da prioridad a los países precursores.", ENTRY_FAQ);
    es_entries[4] = fixture_entry("contacto", "¿Dónde puedo plantear preguntas adicionales?",
                       "Escriba a la secretaría de la Red.", ENTRY_FAQ);
    es_entries[5] = fixture_entry("hola", "hola", "¡Hola! Pregúnteme sobre la iniciativa.", ENTRY_SMALLTALK);
    es_entries[6] = fixture_entry("gracias", "gracias", "De nada.", ENTRY_SMALLTALK);
    es_entries[7] = fixture_entry("who-are-you", "¿eres un robot?", "Soy un asistente automático.",
                       ENTRY_SMALLTALK);
    en_entries[0] = fixture_entry("inicio", "What is the Champion countries initiative?",
                       "A programme of the Network to support the Global Compact.", ENTRY_FAQ);
    en_entries[1] = fixture_entry("fin", "When does the initiative end?",
                       "It will last at least until the 2022 Forum.", ENTRY_FAQ);
    en_entries[2] = fixture_entry("solo-en", "Where is the glossary?", "The glossary is on the website.", ENTRY_FAQ);
    memset(langs, 0, sizeof langs);
    strcpy(langs[0].code, "en");
    langs[0].entries = en_entries;
    langs[0].n_entries = 3;
    langs[0].stopwords = (char *)"the\nis\nwhat\nwhen\ndoes\nwhere\na\nof\nto\nit\n";
    strcpy(langs[1].code, "es");
    langs[1].entries = es_entries;
    langs[1].n_entries = 8;
    langs[1].stopwords = (char *)"la\nde\nel\nlos\nes\nqué\nun\na\ncon\n";
    langs[1].synonyms = (char *)"concluir, terminar, acabar, llegar a su fin\n"
                                "participar, formar parte\n";
    langs[1].messages = (char *)"decline = No tengo una respuesta.\n";
    snprintf(path, sizeof path, "/tmp/faqbot-test-index-%ld.idx", (long)getpid());
    char err[256];
    index_stats st;
    assert_int_equal(index_write(&mem, path, &st, err, sizeof err), 0);
    assert_int_equal(st.entries, 11);
    assert_int_equal(st.langs, 2);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    return 0;
}

static void test_round_trip(void **state)
{
    (void)state;
    faq_index *ix;
    char err[256];
    assert_int_equal(faq_index_open(path, &ix, err, sizeof err), FAQ_INDEX_OK);
    assert_int_equal(faq_index_entry_count(ix), 11);
    assert_int_equal(faq_index_lang_count(ix), 2);
    assert_string_equal(faq_index_lang_code(ix, 0), "en");
    assert_int_equal(faq_index_lang_find(ix, "es"), 1);
    assert_int_equal(faq_index_lang_entries(ix, 1), 5);   /* small talk is not counted */
    assert_true(faq_index_threshold(ix) == -1);           /* no settings.txt */
    uint32_t e = faq_index_find_id(ix, "fin", 3, 1);
    assert_int_not_equal(e, UINT32_MAX);
    faq_entry fe;
    faq_index_entry(ix, e, &fe);
    assert_int_equal(fe.question.len, strlen(es_entries[1].question));
    assert_memory_equal(fe.question.s, es_entries[1].question, fe.question.len);
    assert_memory_equal(fe.alts.s, "¿cuándo termina?", fe.alts.len);
    /* translations share a group */
    uint32_t en = faq_index_find_id(ix, "fin", 3, 0);
    faq_entry fen;
    faq_index_entry(ix, en, &fen);
    assert_int_equal(fen.group, fe.group);
    assert_int_equal(faq_index_group_entry(ix, fe.group, 0), en);
    assert_int_equal(faq_index_find_id(ix, "nope", 4, 0), UINT32_MAX);
    char buf[128];
    assert_string_equal(faq_index_message(ix, 1, "decline", buf, sizeof buf), "No tengo una respuesta.");
    /* en has no messages: none of its own (msg_format() falls back) */
    assert_null(faq_index_message(ix, 0, "decline", buf, sizeof buf));
    assert_null(faq_index_message(ix, 0, "missing", buf, sizeof buf));
    /* the checksum's hex, made at open, is the number's own digits */
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)faq_index_checksum(ix));
    assert_int_equal(strlen(faq_index_checksum_hex(ix)), 16);
    assert_string_equal(faq_index_checksum_hex(ix), hex);
    faq_index_close(ix);
}

/* Each word carries the dictionary's verdict on it as stored (folded):
 * "etiopia" lost the accent the dictionary wants; with no dictionary, no
 * verdict, and the question asks for itself. */
static void test_word_dictionary_flags(void **state)
{
    (void)state;
    faq_index *ix;
    char err[256];
    assert_int_equal(faq_index_open(path, &ix, err, sizeof err), FAQ_INDEX_OK);
    uint32_t known = ix_find_word(ix, 1, "iniciativa", 10);
    uint32_t lacks = ix_find_word(ix, 1, "etiopia", 7);
    assert_int_not_equal(known, IX_NONE);
    assert_int_not_equal(lacks, IX_NONE);
    lexicon *lx = NULL;
    if (lexicon_open("es", NULL, &lx) == 0 && lx) {
        assert_int_equal(ix->words[known].dict, IX_WORD_DICT_KNOWN);
        assert_int_equal(ix->words[lacks].dict, IX_WORD_DICT_LACKS);
    } else {
        assert_int_equal(ix->words[known].dict, IX_WORD_DICT_NONE);
        assert_int_equal(ix->words[lacks].dict, IX_WORD_DICT_NONE);
    }
    lexicon_free(lx);
    faq_index_close(ix);
}

static int copy_file(const char *from, const char *to, long cut, long flip, uint32_t version)
{
    FILE *f = fopen(from, "rb");
    if (!f) return -1;
    static unsigned char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (cut >= 0 && (size_t)cut < n) n = (size_t)cut;
    if (flip >= 0 && (size_t)flip < n) buf[flip] ^= 0x5A;
    if (version) memcpy(buf + 8, &version, 4);
    f = fopen(to, "wb");
    if (!f) return -1;
    fwrite(buf, 1, n, f);
    fclose(f);
    return 0;
}

/* The corpus's settings travel with the index. */
static void test_settings(void **state)
{
    (void)state;
    char p2[300], err[256];
    snprintf(p2, sizeof p2, "%s.settings", path);
    index_stats st;
    mem.settings = (char *)"# a stricter bot\nthreshold = 0.7\n";
    int rc = index_write(&mem, p2, &st, err, sizeof err);
    mem.settings = NULL;
    assert_int_equal(rc, 0);
    faq_index *ix;
    assert_int_equal(faq_index_open(p2, &ix, err, sizeof err), FAQ_INDEX_OK);
    assert_true(faq_index_threshold(ix) == 0.7);
    faq_index_close(ix);
    unlink(p2);
}

static void test_bad_files(void **state)
{
    (void)state;
    char bad[300], err[512];
    faq_index *ix = (faq_index *)1;
    snprintf(bad, sizeof bad, "%s.bad", path);
    /* truncated at every eighth of the file */
    FILE *f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fclose(f);
    for (long cut = 0; cut < size; cut += size / 8 + 1) {
        copy_file(path, bad, cut, -1, 0);
        int rc = faq_index_open(bad, &ix, err, sizeof err);
        assert_true(rc == FAQ_INDEX_ECORRUPT || rc == FAQ_INDEX_EFOREIGN);
        assert_null(ix);
        assert_non_null(strstr(err, bad));
    }
    /* one flipped byte in the header: refused at open */
    for (long at = 0; at < (long)sizeof(ix_header); at++) {
        copy_file(path, bad, -1, at, 0);
        assert_int_not_equal(faq_index_open(bad, &ix, err, sizeof err), FAQ_INDEX_OK);
        assert_null(ix);
    }
    /* one flipped byte anywhere after it: opening reads only the header
     * and the language table, faq_index_check() reads the rest and finds it */
    int found = 0;
    for (long at = (long)sizeof(ix_header); at < size; at += 97) {
        copy_file(path, bad, -1, at, 0);
        int rc = faq_index_open(bad, &ix, err, sizeof err);
        if (rc == FAQ_INDEX_ECORRUPT)
            continue;   /* a language's fields: the layout */
        assert_int_equal(rc, FAQ_INDEX_OK);
        assert_int_equal(faq_index_check(ix, err, sizeof err), FAQ_INDEX_ECORRUPT);
        assert_non_null(strstr(err, "corrupt"));
        faq_index_close(ix);
        found++;
    }
    assert_true(found > 100);
    assert_int_equal(faq_index_open(path, &ix, err, sizeof err), FAQ_INDEX_OK);
    assert_int_equal(faq_index_check(ix, err, sizeof err), FAQ_INDEX_OK);
    faq_index_close(ix);
    copy_file(path, bad, -1, -1, 99);
    assert_int_equal(faq_index_open(bad, &ix, err, sizeof err), FAQ_INDEX_EVERSION);
    assert_non_null(strstr(err, "version"));
    f = fopen(bad, "wb");
    fputs("# not an index, just a Markdown file\n", f);
    fclose(f);
    assert_int_equal(faq_index_open(bad, &ix, err, sizeof err), FAQ_INDEX_EFOREIGN);
    assert_int_equal(faq_index_open("/nonexistent/faq.idx", &ix, err, sizeof err), FAQ_INDEX_EIO);
    unlink(bad);
}

static const char *ask(searcher *s, const char *q, const char *lang, faq_answer *a)
{
    faq_query_opts o = {0};
    o.lang = lang;
    o.threshold = -1;
    assert_int_equal(searcher_ask(s, q, strlen(q), &o, a), 0);
    if (a->best.entry == UINT32_MAX)
        return "-";
    static char id[64];
    faq_entry e;
    faq_index_entry(searcher_index(s), a->best.entry, &e);
    snprintf(id, sizeof id, "%.*s", (int)e.id.len, e.id.s);
    return id;
}

static void test_ranking(void **state)
{
    (void)state;
    faq_index *ix;
    char err[256];
    assert_int_equal(faq_index_open(path, &ix, err, sizeof err), FAQ_INDEX_OK);
    searcher *s = searcher_new(ix);
    assert_non_null(s);
    faq_answer a;
    assert_string_equal(ask(s, "¿Cuándo concluye la iniciativa?", NULL, &a), "fin");
    assert_int_equal(a.outcome, OUTCOME_ANSWER);
    assert_string_equal(a.query_lang, "es");
    assert_true(a.confidence > 0.5);
    /* synonym: acabar ~ concluir */
    assert_string_equal(ask(s, "¿cuándo acaba?", NULL, &a), "fin");
    /* a phrase of synonyms.txt meets its group's words, both ways: the
     * question's word finds the entry's phrase, the question's phrase the
     * entry's word */
    assert_string_equal(ask(s, "¿qué países participan?", NULL, &a), "lista");
    assert_string_equal(ask(s, "¿cuándo llega a su fin la iniciativa?", NULL, &a), "fin");
    /* a name the FAQ does not know, asked about: the entry listing names */
    assert_string_equal(ask(s, "¿es Alemania un país precursor?", NULL, &a), "lista");
    /* ... which is no evidence the FAQ knows the topic */
    ask(s, "¿quién es Antonio Vitorino?", "es", &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    /* alternate phrasing indexed into the question */
    assert_string_equal(ask(s, "termina", NULL, &a), "fin");
    /* typo, with the correction shown */
    assert_string_equal(ask(s, "iniciatvia de paises presursores", NULL, &a), "inicio");
    assert_non_null(a.corrected);
    assert_non_null(strstr(a.corrected, "precursores"));
    /* off-topic: declined even though "países" matches */
    ask(s, "¿cómo hago una tortilla de patatas?", NULL, &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    ask(s, "precio de los billetes de avión en los países", NULL, &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    /* English, with the answer in English */
    assert_string_equal(ask(s, "when does the initiative end", NULL, &a), "fin");
    assert_string_equal(a.query_lang, "en");
    faq_entry fe;
    faq_index_entry(ix, a.best.entry, &fe);
    assert_int_equal(fe.lang, 0);
    /* the Spanish term in an English question */
    assert_string_equal(ask(s, "what are the paises precursores", NULL, &a), "inicio");
    assert_string_equal(a.query_lang, "en");
    faq_index_entry(ix, a.best.entry, &fe);
    assert_int_equal(fe.lang, 0);
    /* an entry only in English, asked in Spanish: answered, flagged */
    assert_string_equal(ask(s, "glossary", "es", &a), "solo-en");
    assert_true(a.other_lang);
    /* small talk: whole, with a typo, or said with other words around */
    ask(s, "¡Hola!", NULL, &a);
    assert_int_equal(a.outcome, OUTCOME_SMALLTALK);
    assert_string_equal(ask(s, "holaa", "es", &a), "hola");
    assert_int_equal(a.outcome, OUTCOME_SMALLTALK);
    assert_string_equal(ask(s, "gracias de verdad", "es", &a), "gracias");
    assert_int_equal(a.outcome, OUTCOME_SMALLTALK);
    assert_string_equal(ask(s, "¿de verdad eres un robot?", "es", &a), "who-are-you");
    /* ... but not when the FAQ answers, nor for a lone common word */
    assert_string_equal(ask(s, "gracias, ¿y cuándo termina la iniciativa?", "es", &a), "fin");
    assert_int_equal(a.outcome, OUTCOME_ANSWER);
    ask(s, "¿eres capaz de cocinar una tortilla de patatas?", "es", &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    /* invalid UTF-8 and empty input are declined, not errors */
    ask(s, "\xC3(", NULL, &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    assert_true(a.bad_utf8);
    ask(s, "", NULL, &a);
    assert_int_equal(a.outcome, OUTCOME_DECLINE);
    /* regression (found by fuzz_query): a question that is not NUL-terminated
     * and fills its buffer exactly was read one byte past its end */
    char *exact = malloc(2);
    memcpy(exact, "hi", 2);
    faq_query_opts eo = {0};
    eo.threshold = -1;
    assert_int_equal(searcher_ask(s, exact, 2, &eo, &a), 0);
    free(exact);
    /* a question over the limit is cut on a code point boundary */
    size_t big = FAQ_MAX_QUESTION_BYTES + 3;
    char *longq = malloc(big);
    for (size_t i = 0; i + 1 < big; i += 2) { longq[i] = '\xC3'; longq[i + 1] = '\xA9'; }
    longq[big - 1] = 'a';
    assert_int_equal(searcher_ask(s, longq, big, &eo, &a), 0);
    free(longq);
    /* quoted phrase: only entries with the words together */
    assert_string_equal(ask(s, "\"fondo fiduciario\"", NULL, &a), "fondo");
    faq_hit hits[10];
    faq_query_opts o = {0};
    o.threshold = -1;
    assert_int_equal(searcher_topk(s, "\"precursores países\"", 22, &o, hits, 10), 0);
    searcher_free(s);
    faq_index_close(ix);
}

typedef struct lint_seen { int missing, unreachable, dup; uint32_t missing_entry, missing_lang; } lint_seen;

static void on_lint(void *ctx, const lint_finding *f)
{
    lint_seen *ls = ctx;
    if (f->kind == LINT_MISSING_TRANSLATION) {
        ls->missing++;
        ls->missing_entry = f->entry;
        ls->missing_lang = f->lang;
    } else if (f->kind == LINT_UNREACHABLE) {
        ls->unreachable++;
    } else {
        ls->dup++;
    }
}

static void test_lint(void **state)
{
    (void)state;
    faq_index *ix;
    char err[256];
    assert_int_equal(faq_index_open(path, &ix, err, sizeof err), FAQ_INDEX_OK);
    lint_seen ls = {0};
    int n = faq_lint(ix, on_lint, &ls);
    /* "lista", "fondo" and "contacto" exist only in Spanish, "solo-en" only in English */
    assert_int_equal(ls.missing, 4);
    assert_int_equal(n, ls.missing + ls.unreachable + ls.dup);
    assert_int_equal(ls.unreachable, 0);
    faq_index_close(ix);
}

/* A copy of the index at path with one section's bytes changed by
 * patch, and its checksums made again, as a faulty build would write it:
 * faq_index_check() refuses it with a message holding why. */
static void assert_check_refuses(const char *suffix,
                                 void (*patch)(unsigned char *b, const ix_header *h),
                                 int section, const char *why)
{
    char bad[300], err[512];
    snprintf(bad, sizeof bad, "%s.%s", path, suffix);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static unsigned char buf[1 << 21];
    size_t n = fread(buf, 1, sizeof buf, f);
    assert_true(n < sizeof buf && feof(f));
    fclose(f);
    ix_header h;
    memcpy(&h, buf, sizeof h);
    patch(buf, &h);
    h.sec[section].sum = ix_checksum(buf + h.sec[section].off, h.sec[section].len);
    h.checksum = ix_checksum((const unsigned char *)&h + IX_HEADER_SUMMED, sizeof h - IX_HEADER_SUMMED);
    memcpy(buf, &h, sizeof h);
    f = fopen(bad, "wb");
    assert_non_null(f);
    fwrite(buf, 1, n, f);
    fclose(f);
    faq_index *ix;
    assert_int_equal(faq_index_open(bad, &ix, err, sizeof err), FAQ_INDEX_OK);
    assert_int_equal(faq_index_check(ix, err, sizeof err), FAQ_INDEX_ECORRUPT);
    assert_non_null(strstr(err, why));
    faq_index_close(ix);
    unlink(bad);
}

static void word_past_the_last(unsigned char *b, const ix_header *h)
{
    assert_true(h->sec[IX_EWORDS].len >= 4);
    uint32_t last;
    memcpy(&last, b + h->sec[IX_EWORDOFF].off + h->sec[IX_EWORDOFF].len - 4, 4);
    assert_int_equal(last, h->sec[IX_EWORDS].len / 4);   /* the last start is the count */
    uint32_t w = h->n_words;                               /* one past the last word */
    memcpy(b + h->sec[IX_EWORDS].off, &w, 4);
}

/* EWORDS holds word numbers, each checked against WORDS by
 * faq_index_check() even when the checksums agree: a file written by a
 * faulty build is refused rather than read out of bounds. */
static void test_entry_words_checked(void **state)
{
    (void)state;
    assert_check_refuses("ewords", word_past_the_last, IX_EWORDS, "entry word");
}

/* The first token of the first stream said to repeat a word of its text
 * before it, where there is none. */
static void token_repeats_nothing(unsigned char *b, const ix_header *h)
{
    uint64_t first;
    memcpy(&first, b + h->sec[IX_TOKOFF].off + 8, 8);
    assert_true(first > 0);   /* the first entry's question has tokens */
    b[h->sec[IX_TOKENS].off] |= 0x80;
}

/* TOKENS is read through, every stream against its text, by
 * faq_index_check(): a stream that does not decode is refused. */
static void test_token_streams_checked(void **state)
{
    (void)state;
    assert_check_refuses("tokens", token_repeats_nothing, IX_TOKENS, "token stream");
}

/* The index file read into buf (at most its size), its header in *h. */
static size_t read_index(unsigned char *buf, size_t cap, ix_header *h)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t n = fread(buf, 1, cap, f);
    fclose(f);
    assert_true(n < cap);
    memcpy(h, buf, sizeof *h);
    return n;
}

/* buf with header h, its section k's checksum (k < 0: none) and the
 * header's made right, written to out. */
static void write_crafted(const char *out, unsigned char *buf, size_t n, ix_header *h, int k)
{
    if (k >= 0)
        h->sec[k].sum = ix_checksum(buf + h->sec[k].off, h->sec[k].len);
    h->checksum = ix_checksum((const unsigned char *)h + IX_HEADER_SUMMED, sizeof *h - IX_HEADER_SUMMED);
    memcpy(buf, h, sizeof *h);
    FILE *f = fopen(out, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, n, f), n);
    fclose(f);
}

/* The index as written (orig) and the copy a test crafts (buf). */
static unsigned char orig[1 << 20], buf[1 << 20];

/* The index read into orig, its header in *h0, and the crafted copy's
 * path (path + "." + suffix) in bad: the index's length. */
static size_t crafting(const char *suffix, char *bad, size_t cap, ix_header *h0)
{
    snprintf(bad, cap, "%s.%s", path, suffix);
    return read_index(orig, sizeof orig, h0);
}

/* Offsets are u64 (TEXTS, the section table): a crafted file whose
 * offsets point past the file, or whose offset plus length wraps, is
 * refused with a clear error, by the open for the section table and by
 * faq_index_check() for the entries, checksums and all made right. */
static void test_offsets_checked(void **state)
{
    (void)state;
    char bad[300], err[512];
    ix_header h0, h;
    size_t n = crafting("offsets", bad, sizeof bad, &h0);
    faq_index *ix = (faq_index *)1;
    /* the section table: past the end, past 4 GiB, wrapping */
    const uint64_t offs[] = {h0.file_size + 8, (uint64_t)5 << 30, UINT64_MAX - 7};
    for (size_t i = 0; i < 2 * sizeof offs / sizeof *offs; i++) {
        memcpy(buf, orig, n);
        h = h0;
        if (i % 2)   /* an offset, or a length */
            h.sec[IX_TEXTS].off = offs[i / 2];
        else
            h.sec[IX_SHOWNTEXT].len = offs[i / 2];
        write_crafted(bad, buf, n, &h, -1);
        assert_int_equal(faq_index_open(bad, &ix, err, sizeof err), FAQ_INDEX_ECORRUPT);
        assert_null(ix);
        assert_non_null(strstr(err, "section out of bounds"));
    }
    /* an entry's texts: past TEXTS, past 4 GiB, a length that wraps */
    for (int field = 0; field < 4; field++) {
        memcpy(buf, orig, n);
        h = h0;
        ix_entry e;
        unsigned char *at = buf + h.sec[IX_ENTRIES].off + sizeof e;   /* the second entry */
        memcpy(&e, at, sizeof e);
        if (field == 0)
            e.answer_off = h.sec[IX_TEXTS].len - e.answer_len + 1;
        else if (field == 1)
            e.answer_off = (uint64_t)5 << 30;
        else if (field == 2)
            e.text_off = UINT64_MAX - e.id_len / 2;
        else
            e.alts_len = UINT32_MAX;
        memcpy(at, &e, sizeof e);
        write_crafted(bad, buf, n, &h, IX_ENTRIES);
        assert_int_equal(faq_index_open(bad, &ix, err, sizeof err), FAQ_INDEX_OK);
        assert_int_equal(faq_index_check(ix, err, sizeof err), FAQ_INDEX_ECORRUPT);
        assert_non_null(strstr(err, "entry text out of bounds"));
        faq_index_close(ix);
    }
    /* the file as written passes */
    write_crafted(bad, orig, n, &h0, -1);
    assert_int_equal(faq_index_open(bad, &ix, err, sizeof err), FAQ_INDEX_OK);
    assert_int_equal(faq_index_check(ix, err, sizeof err), FAQ_INDEX_OK);
    faq_index_close(ix);
    unlink(bad);
}

/* SPELLINGS: its header is read when the index opens, and one whose
 * counts do not add up to its length is refused there; its records, each
 * inside its text and in order for the binary search, by
 * faq_index_check(), checksums and all made right. */
static void test_spellings_checked(void **state)
{
    (void)state;
    char bad[300], err[512];
    ix_header h0, h;
    size_t n = crafting("spellings", bad, sizeof bad, &h0);
    uint32_t head[4];   /* stamps, spellings, text bytes, 0 (spellings.h) */
    if (h0.sec[IX_SPELLINGS].len < sizeof head)
        skip();         /* no dictionary installed: the section is empty */
    memcpy(head, orig + h0.sec[IX_SPELLINGS].off, sizeof head);
    assert_true(head[1] >= 2);
    faq_index *ix;
    for (int field = 0; field < 2; field++) {   /* one spelling more; one text byte less */
        memcpy(buf, orig, n);
        h = h0;
        uint32_t v = field ? head[2] - 1 : head[1] + 1;
        memcpy(buf + h.sec[IX_SPELLINGS].off + 4 + 4 * field, &v, 4);
        write_crafted(bad, buf, n, &h, IX_SPELLINGS);
        assert_int_equal(faq_index_open(bad, &ix, err, sizeof err), FAQ_INDEX_ECORRUPT);
        assert_non_null(strstr(err, "bad spellings section"));
    }
    /* the first two records swapped: the open passes, the check does not */
    memcpy(buf, orig, n);
    h = h0;
    unsigned char *rec = buf + h.sec[IX_SPELLINGS].off + 16 + 16 * (size_t)head[0], r0[24];
    memcpy(r0, rec, 24);
    memmove(rec, rec + 24, 24);
    memcpy(rec + 24, r0, 24);
    write_crafted(bad, buf, n, &h, IX_SPELLINGS);
    assert_int_equal(faq_index_open(bad, &ix, err, sizeof err), FAQ_INDEX_OK);
    assert_int_equal(faq_index_check(ix, err, sizeof err), FAQ_INDEX_ECORRUPT);
    assert_non_null(strstr(err, "spellings out of order"));
    faq_index_close(ix);
    unlink(bad);
}

/* The index, at path + suffix, of one language's two entries, opened. */
static faq_index *index_two(const char *code, corpus_entry *two, const char *stopwords,
                            const char *suffix, char *p, size_t cap)
{
    corpus_lang l[1];
    memset(l, 0, sizeof l);
    strcpy(l[0].code, code);
    l[0].entries = two;
    l[0].n_entries = 2;
    l[0].stopwords = (char *)stopwords;
    corpus c = {l, 1, NULL};
    char err[256];
    snprintf(p, cap, "%s%s", path, suffix);
    if (index_write(&c, p, NULL, err, sizeof err) != 0)
        fail_msg("index_write: %s", err);
    faq_index *ix;
    if (faq_index_open(p, &ix, err, sizeof err) != FAQ_INDEX_OK)
        fail_msg("faq_index_open: %s", err);
    return ix;
}

/* The term a word's lemma is posted under: "muere" -> "~mor" (morir),
 * none where the stemmer already gives the lemma's term ("perro"); and the
 * search by it, with use_lemma: "murió" and "morir" find the entry saying
 * "muere", which the stems alone do not meet. */
static void test_word_lemmas(void **state)
{
    (void)state;
    static corpus_entry es[2];
    es[0] = fixture_entry("muere", "¿Qué hago si mi perro muere?", "Llame al veterinario.", ENTRY_FAQ);
    es[1] = fixture_entry("ladra", "¿Qué hago si mi perro ladra?", "Paséelo más.", ENTRY_FAQ);
    char p[300], err[256];
    faq_index *ix = index_two("es", es, "qué\nsi\nmi\nal\nmás\n", ".lemma", p, sizeof p);
    assert_int_equal(faq_index_check(ix, err, sizeof err), FAQ_INDEX_OK);
    /* the index's languages are the corpus's and English, which it is
     * asked in too: Spanish's number is looked up */
    int es_lang = faq_index_lang_find(ix, "es");
    assert_true(es_lang >= 0);
    uint32_t muere = ix_find_word(ix, (uint32_t)es_lang, "muere", 5),
             perro = ix_find_word(ix, (uint32_t)es_lang, "perro", 5);
    assert_int_not_equal(muere, IX_NONE);
    if (ix->words[muere].dict == IX_WORD_DICT_NONE) {
        faq_index_close(ix);    /* hunspell-es is not installed: no lemmas */
        unlink(p);
        skip();
    }
    uint32_t lemma = ix->words[muere].lemma;
    assert_int_not_equal(lemma, IX_NONE);
    assert_int_equal(ix->terms[lemma].text.len, 4);
    assert_memory_equal(ix->strings + ix->terms[lemma].text.off, "~mor", 4);
    assert_int_equal(ix->terms[lemma].df, 1);
    assert_int_equal(ix->words[perro].lemma, IX_NONE);
    searcher *s = searcher_new(ix);
    assert_non_null(s);
    search_params sp;
    search_params_default(&sp);
    sp.use_typos = 0;
    faq_answer a, b;
    const char *qs[] = {"si mi perro murió", "perro morir"};
    for (int i = 0; i < 2; i++) {
        sp.use_lemma = 1;
        searcher_set_params(s, &sp);
        assert_string_equal(ask(s, qs[i], "es", &a), "muere");
        sp.use_lemma = 0;
        searcher_set_params(s, &sp);
        ask(s, qs[i], "es", &b);
        assert_true(a.confidence > b.confidence);
    }
    searcher_free(s);
    faq_index_close(ix);
    unlink(p);
}

/* A word's lemma is its form's, whatever form the corpus shows first:
 * Portuguese's "copia" (of "copiar") posts "~copi", the noun "Cópia", the
 * same word once folded, posts none; in either order of the entries, so
 * which batch or thread meets a word first does not change the index. */
static void test_lemma_per_form(void **state)
{
    (void)state;
    for (int order = 0; order < 2; order++) {
        static corpus_entry pt[2];
        pt[order] = fixture_entry("noun", "Cópia do arquivo", "Está na pasta.", ENTRY_FAQ);
        pt[1 - order] = fixture_entry("verb", "Ele copia o arquivo", "Sim, sempre.", ENTRY_FAQ);
        char p[300];
        faq_index *ix = index_two("pt", pt, "do\no\nna\n", ".forms", p, sizeof p);
        int pt_lang = faq_index_lang_find(ix, "pt");   /* English is there too */
        assert_true(pt_lang >= 0);
        uint32_t w = ix_find_word(ix, (uint32_t)pt_lang, "copia", 5);
        assert_int_not_equal(w, IX_NONE);
        if (ix->words[w].dict == IX_WORD_DICT_NONE) {
            faq_index_close(ix);    /* hunspell-pt is not installed: no lemmas */
            unlink(p);
            skip();
        }
        uint32_t t = ix_find_term(ix, (uint32_t)pt_lang, "~copi", 5);
        assert_int_not_equal(t, IX_NONE);
        assert_int_equal(ix->terms[t].df, 1);
        faq_index_close(ix);
        unlink(p);
    }
}

/* A compound of a compounding language ("!compounds s" in its
 * stopwords.txt) is posted with its parts' terms, split by the language's
 * dictionary: "Festplatte" with "^platt" (its head, the last part) and
 * "<fest"; "Versionsnummer" with "^numm" and "<version", the linking "s"
 * dropped; a word the dictionary holds on its own ("Bestandteil") is not
 * split, nor is a language without the line. A question's simple word
 * then finds the entry holding the compound ("Platte"), which without
 * use_parts it does not meet. */
static void test_compound_parts(void **state)
{
    (void)state;
    static corpus_entry de[2];
    de[0] = fixture_entry("disk", "Wie groß ist die Festplatte?", "Ein Bestandteil des Rechners.",
                          ENTRY_FAQ);
    de[1] = fixture_entry("nr", "Wo steht die Versionsnummer?", "In der Datei.", ENTRY_FAQ);
    char p[300];
    faq_index *ix = index_two("de", de, "!compounds s\nwie\nist\ndie\nwo\nin\nder\nein\ndes\n",
                              ".parts", p, sizeof p);
    uint32_t w = ix_find_word(ix, 0, "festplatte", 10);
    assert_int_not_equal(w, IX_NONE);
    if (ix->words[w].dict == IX_WORD_DICT_NONE) {
        faq_index_close(ix);    /* hunspell-de-de is not installed: no parts */
        unlink(p);
        skip();
    }
    const char *posted[] = {"^platt", "<fest", "^numm", "<version"};
    for (int i = 0; i < 4; i++) {
        uint32_t t = ix_find_term(ix, 0, posted[i], strlen(posted[i]));
        assert_int_not_equal(t, IX_NONE);
        assert_int_equal(ix->terms[t].df, 1);
    }
    assert_int_equal(ix_find_term(ix, 0, "^teil", 5), IX_NONE);     /* "Bestandteil" */
    assert_int_equal(ix_find_term(ix, 0, "^versionsnumm", 13), IX_NONE);
    searcher *s = searcher_new(ix);
    assert_non_null(s);
    search_params sp;
    search_params_default(&sp);
    sp.use_typos = sp.use_variants = sp.use_thesaurus_known = 0;
    faq_answer a;
    assert_int_equal(sp.use_parts, 1);
    searcher_set_params(s, &sp);
    assert_string_equal(ask(s, "Platte", "de", &a), "disk");
    assert_string_equal(ask(s, "Nummer", "de", &a), "nr");
    sp.use_parts = 0;
    searcher_set_params(s, &sp);
    assert_string_equal(ask(s, "Platte", "de", &a), "-");
    searcher_free(s);
    faq_index_close(ix);
    unlink(p);
    /* the same texts in a language that does not compound: no parts */
    ix = index_two("de", de, "wie\nist\ndie\n", ".noparts", p, sizeof p);
    assert_int_equal(ix_find_term(ix, 0, "^platt", 6), IX_NONE);
    faq_index_close(ix);
    unlink(p);
}

/* A text's lines one by one: empty ones kept, a last line with no '\n'
 * too, nothing after a closing '\n'. */
static void test_str_lines(void **state)
{
    (void)state;
    const char *text = "one\n\nthree\nfour";
    faq_str rest = {text, (uint32_t)strlen(text)}, line;
    const char *want[] = {"one", "", "three", "four"};
    for (size_t i = 0; i < 4; i++) {
        assert_true(faq_str_line(&rest, &line));
        assert_int_equal(line.len, strlen(want[i]));
        assert_memory_equal(line.s, want[i], line.len);
    }
    assert_false(faq_str_line(&rest, &line));
    rest = (faq_str){"a\n", 2};
    assert_true(faq_str_line(&rest, &line));
    assert_int_equal(line.len, 1);
    assert_false(faq_str_line(&rest, &line));
    rest = (faq_str){NULL, 0};
    assert_false(faq_str_line(&rest, &line));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_str_lines),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_word_dictionary_flags),
        cmocka_unit_test(test_word_lemmas),
        cmocka_unit_test(test_lemma_per_form),
        cmocka_unit_test(test_compound_parts),
        cmocka_unit_test(test_settings),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_entry_words_checked),
        cmocka_unit_test(test_token_streams_checked),
        cmocka_unit_test(test_offsets_checked),
        cmocka_unit_test(test_spellings_checked),
        cmocka_unit_test(test_ranking),
        cmocka_unit_test(test_lint),
    };
    return cmocka_run_group_tests_name("index", tests, setup, teardown);
}
