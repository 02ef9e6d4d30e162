/* test_corpus_parse.c: the Markdown and plain-text FAQ parsers: every rule
 * of corpus.h for a document, every error with its file and line, the
 * Spanish seed (.txt and .md give the same entries), and documents cut at
 * every byte (parsed or refused with a message, never a crash). Run from the
 * repo root, or with ROOT set to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "corpus_parse.h"
#include "limits.h"
#include "utf8.h"

static corpus_lang lang;
static char err[1024];

static int reset(void **state)
{
    (void)state;
    corpus_lang_clear(&lang);
    memset(&lang, 0, sizeof lang);
    strcpy(lang.code, "es");
    err[0] = '\0';
    return 0;
}

static const char *root(void)
{
    const char *r = getenv("ROOT");
    return r && *r ? r : ".";
}

static int md_named(const char *name, const char *text)
{
    return corpus_parse_md(&lang, "doc.md", name, text, strlen(text), ENTRY_FAQ, err, sizeof err);
}

static int md(const char *text)
{
    return md_named("doc", text);
}

static int txt(const char *text)
{
    return corpus_parse_txt(&lang, "f.txt", "f", text, strlen(text), err, sizeof err);
}

/* err holds want (a fixed string such as "doc.md:3: no answer" is split in
 * its parts by the caller when the middle varies). */
#define assert_err(want) \
    do { \
        if (!strstr(err, (want))) \
            fail_msg("error \"%s\" lacks \"%s\"", err, (want)); \
    } while (0)


/* ---- Markdown ---- */

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
    assert_string_equal(e->file, "doc.md");
    assert_int_equal(e->line, 5);
    assert_int_equal(e->kind, ENTRY_FAQ);
    e = &lang.entries[1];
    assert_string_equal(e->id, "doc-2");        /* <name>-<n>: its position */
    assert_string_equal(e->question, "¿Dos?");
    assert_int_equal(e->n_alts, 0);
    assert_string_equal(e->answer, "Respuesta dos,\nen dos líneas.\n\n```\n## no es pregunta\n```");
    assert_int_equal(e->line, 11);
}

static void test_md_headings(void **state)
{
    (void)state;
    /* CommonMark: up to three spaces before "##", a closing run of '#';
     * "###", four spaces (code) and "# " are not entries; "# " (a part's
     * title) ends the answer above it, "###" and code do not */
    assert_int_equal(md("   ## Uno ##\nA.\n### sub\n    ## code\n# Otro título\n\n## Dos #\t\nB.\n"
                        "## C# y F#\nC.\n##\tTab\nD.\n"), 0);
    assert_int_equal(lang.n_entries, 4);
    assert_string_equal(lang.entries[0].question, "Uno");
    assert_string_equal(lang.entries[0].answer, "A.\n### sub\n    ## code");
    assert_string_equal(lang.entries[1].question, "Dos");
    assert_int_equal(lang.entries[1].line, 7);
    assert_string_equal(lang.entries[2].question, "C# y F#");   /* no blank before '#' */
    assert_string_equal(lang.entries[3].question, "Tab");
    assert_string_equal(lang.entries[3].id, "doc-4");
    reset(NULL);
    /* "##word" is no heading to CommonMark, but in a FAQ it is a slip of
     * the writer's: an error, not an entry merged into the one before */
    assert_int_equal(md("## Uno\nA.\n##¿Dos?\nB.\n"), -1);
    assert_err("doc.md:3: malformed heading \"##¿Dos?\"");
    assert_int_equal(lang.n_entries, 0);
    reset(NULL);
    /* the id before or after a closing run; blanks around it */
    assert_int_equal(md("## Q ## {#a}\nA.\n##   Q2   {#b}   \nB.\n"), 0);
    assert_string_equal(lang.entries[0].question, "Q");
    assert_string_equal(lang.entries[0].id, "a");
    assert_string_equal(lang.entries[1].question, "Q2");
    assert_string_equal(lang.entries[1].id, "b");
    reset(NULL);
    /* Windows line ends and a byte-order mark: the same entries */
    assert_int_equal(md("\xEF\xBB\xBF## ¿Uno? {#uno}\r\n? otra\r\n\r\nRespuesta.\r\n\r\n## ¿Dos?\r\nDos.\r\n"), 0);
    assert_int_equal(lang.n_entries, 2);
    assert_string_equal(lang.entries[0].question, "¿Uno?");
    assert_string_equal(lang.entries[0].id, "uno");
    assert_string_equal(lang.entries[0].alts[0], "otra");
    assert_string_equal(lang.entries[0].answer, "Respuesta.");
    assert_string_equal(lang.entries[1].answer, "Dos.");
    reset(NULL);
    /* no heading at all: no entries, not an error */
    assert_int_equal(md("# Solo título\n\nTexto.\n"), 0);
    assert_int_equal(lang.n_entries, 0);
    assert_int_equal(md(""), 0);
    assert_int_equal(lang.n_entries, 0);
}

/* corpus_md_outside()'s title, cut as the page takes it. */
static void outside_title(void *ctx, corpus_md_outside_kind kind, unsigned line, const char *s, size_t n)
{
    char *title = ctx;
    (void)line;
    if (kind == CORPUS_MD_TITLE) {
        n = utf8_cut(s, n, FAQ_MAX_TITLE_BYTES - 1);
        memcpy(title, s, n);
        title[n] = '\0';
    }
}

/* A document's title is taken in the reading that segments it: the same
 * "# Title" corpus_md_outside() tells, read once. */
static void test_md_title(void **state)
{
    (void)state;
    char long_title[600] = "# ";
    for (int i = 0; i < 120; i++)
        strcat(long_title, "é");   /* 240 bytes: cut on a character */
    strcat(long_title, "\n## P?\nR.\n");
    static const struct { const char *doc, *want; } cases[] = {
        {"# Club FAQ\n\n## ¿Cuándo abren? {#hours}\nDe 9 a 5.\n", "Club FAQ"},
        {"  # Cerrado ##  \n## P?\nR.\n", "Cerrado"},
        {"Texto suelto.\n# Tras el texto\n## P?\nR.\n", "Tras el texto"},
        {"# Uno\n# Dos\n## P?\nR.\n", "Uno"},
        {"## P?\nR.\n# Una parte\n## Q?\nS.\n", ""},
        {"```\n# código\n```\n# Fuera\n## P?\nR.\n", "Fuera"},
        {"\xEF\xBB\xBF# Con BOM\n## P?\nR.\n", "Con BOM"},
        {"## P?\nR.\n", ""},
        {NULL, NULL},
    };
    for (int k = 0; k < (int)(sizeof cases / sizeof *cases); k++) {
        const char *doc = cases[k].doc ? cases[k].doc : long_title;
        char title[FAQ_MAX_TITLE_BYTES] = "x", want[FAQ_MAX_TITLE_BYTES] = "";
        corpus_reader r = {.err = err, .errlen = sizeof err, .title = title, .title_cap = sizeof title};
        reset(NULL);
        if (corpus_read_md(&r, &lang, "doc.md", "doc", doc, strlen(doc), ENTRY_FAQ) != 0)
            fail_msg("case %d: %s", k, err);
        const char *t = doc;
        size_t len = strlen(doc);
        corpus_reader quiet = {.err = err, .errlen = sizeof err};
        assert_int_equal(corpus_read_check_text(&quiet, "doc.md", &t, &len), 0);
        corpus_md_outside(t, len, outside_title, want);
        assert_string_equal(title, want);
        if (cases[k].want)
            assert_string_equal(title, cases[k].want);
        else
            assert_int_equal(strlen(title), 198);   /* 99 "é" of 2 bytes, within 199 */
    }
}

static void test_md_alternates(void **state)
{
    (void)state;
    /* blank lines before the list are allowed; a blank line after it ends
     * it; a "? " line further down is a misplaced alternate: an error */
    assert_int_equal(md("## Q\n\n? a1\n  ?\tа2 кириллица  \n\nAnswer.\n"), 0);
    corpus_entry *e = &lang.entries[0];
    assert_int_equal(e->n_alts, 2);
    assert_string_equal(e->alts[0], "a1");
    assert_string_equal(e->alts[1], "а2 кириллица");
    assert_string_equal(e->answer, "Answer.");
    reset(NULL);
    assert_int_equal(md("## Q\n\n? a1\n\n? not an alternate\nAnswer.\n"), -1);
    assert_err("doc.md:5: alternate question \"not an alternate\" not right under a heading");
    reset(NULL);
    /* text right under the heading closes the list */
    assert_int_equal(md("## Q\nAnswer first.\n? late\n"), -1);
    assert_err("doc.md:3: alternate question \"late\"");
    reset(NULL);
    /* "?" alone and "? " with nothing after under a heading: an alternate
     * not written yet, told (a warning) and left out, not the answer's
     * first line */
    assert_int_equal(md("## Q\n?\nA.\n## S\n? \nC.\n"), 0);
    assert_int_equal(lang.entries[0].n_alts, 0);
    assert_string_equal(lang.entries[0].answer, "A.");
    assert_int_equal(lang.entries[1].n_alts, 0);
    assert_string_equal(lang.entries[1].answer, "C.");
    reset(NULL);
    /* "?x" right under the heading is an alternate without its blank: a
     * slip, told at its line as "##x" is (it opened the answer silently);
     * further down, "?x" is text */
    assert_int_equal(md("## R\n?x\nB.\n"), -1);
    assert_err("doc.md:2: malformed alternate question \"?x\"");
    reset(NULL);
    assert_int_equal(md("## R\nB.\n?x\n"), 0);
    assert_string_equal(lang.entries[0].answer, "B.\n?x");
    reset(NULL);
    /* alternates and no answer: an entry with no answer */
    assert_int_equal(md("## Q\n? alt\n\n## R\nB.\n"), -1);
    assert_err("doc.md:1: the question \"Q\" has no answer: write it below the question, or take the "
               "question out");
}

static void test_md_fences(void **state)
{
    (void)state;
    /* "~~~" does not close "```"; a shorter run does not close a longer one;
     * "```c" opens; a fence with text after it does not close */
    assert_int_equal(md("## Q\n````c\n## a\n```\n~~~\n## b\n```` x\n````\n## R\nB.\n"), 0);
    assert_int_equal(lang.n_entries, 2);
    assert_string_equal(lang.entries[0].answer, "````c\n## a\n```\n~~~\n## b\n```` x\n````");
    assert_string_equal(lang.entries[1].question, "R");
    assert_int_equal(lang.entries[1].line, 9);
    reset(NULL);
    /* "```a`b" is inline code, not a fence; "~~~" may hold backticks */
    assert_int_equal(md("## Q\n```a`b\n## R\n~~~ a`b\n## no\n~~~\n"), 0);
    assert_int_equal(lang.n_entries, 2);
    assert_string_equal(lang.entries[1].answer, "~~~ a`b\n## no\n~~~");
    reset(NULL);
    /* an unclosed fence runs to the end of the document, as in CommonMark */
    assert_int_equal(md("## Q\n~~~\n## R\n"), 0);
    assert_int_equal(lang.n_entries, 1);
    assert_string_equal(lang.entries[0].answer, "~~~\n## R");
    reset(NULL);
    /* a fence before the first heading hides a heading too */
    assert_int_equal(md("```\n## hidden\n```\n## Q\nA.\n"), 0);
    assert_int_equal(lang.n_entries, 1);
    assert_string_equal(lang.entries[0].id, "doc-1");
}

static void test_md_ids(void **state)
{
    (void)state;
    char doc[1024], id[FAQ_MAX_ID_BYTES + 2];
    /* explicit ids count for <n> too */
    assert_int_equal(md("## A {#x.y_Z-9}\na\n## B\nb\n## C {#c}\nc\n## D\nd\n"), 0);
    assert_string_equal(lang.entries[0].id, "x.y_Z-9");
    assert_string_equal(lang.entries[1].id, "doc-2");
    assert_string_equal(lang.entries[2].id, "c");
    assert_string_equal(lang.entries[3].id, "doc-4");
    reset(NULL);
    /* exactly FAQ_MAX_ID_BYTES is an id; one more is not */
    memset(id, 'a', FAQ_MAX_ID_BYTES);
    id[FAQ_MAX_ID_BYTES] = '\0';
    snprintf(doc, sizeof doc, "## Q {#%s}\nA.\n", id);
    assert_int_equal(md(doc), 0);
    assert_int_equal(strlen(lang.entries[0].id), FAQ_MAX_ID_BYTES);
    reset(NULL);
    strcat(id, "a");
    snprintf(doc, sizeof doc, "## R\nB.\n## Q {#%s}\nA.\n", id);
    assert_int_equal(md(doc), -1);
    assert_err("doc.md:3: bad id");
    assert_int_equal(lang.n_entries, 0);
    static const char *bad[] = {"## Q {#mal id}\nA.\n", "## Q {#año}\nA.\n",
                                "## Q {#a .cls}\nA.\n", "## Q {#a/b}\nA.\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        err[0] = '\0';
        if (md(bad[i]) != -1)
            fail_msg("accepted %s", bad[i]);
        assert_err("doc.md:1: bad id");
    }
    assert_int_equal(md("## Q {#}\nA.\n"), -1);
    assert_err("doc.md:1: empty id");
    assert_int_equal(md("## Q\nA.\n## R {#r\nB.\n"), -1);
    assert_err("doc.md:3: unclosed id \"{#r\"");
    assert_int_equal(lang.n_entries, 0);
    /* "{...}" without '#' is part of the question */
    assert_int_equal(md("## ¿Qué es {x}?\nA.\n"), 0);
    assert_string_equal(lang.entries[0].question, "¿Qué es {x}?");
    reset(NULL);
    /* a default id is an id: the file name must make a good one */
    assert_int_equal(md_named("países", "## ¿Q? {#q}\nA.\n"), 0);   /* explicit: fine */
    assert_int_equal(md_named("países", "\n## ¿Q?\nA.\n"), -1);
    assert_err("doc.md:2: the file name \"países\" makes a bad id");
    assert_err("{#id}");
    reset(NULL);
    char name[FAQ_MAX_ID_BYTES + 1];
    memset(name, 'n', FAQ_MAX_ID_BYTES - 2);   /* "<name>-1" is 128 bytes: fine */
    name[FAQ_MAX_ID_BYTES - 2] = '\0';
    assert_int_equal(md_named(name, "## Q\nA.\n"), 0);
    assert_int_equal(strlen(lang.entries[0].id), FAQ_MAX_ID_BYTES);
    reset(NULL);
    strcat(name, "n");
    assert_int_equal(md_named(name, "## Q\nA.\n"), -1);
    assert_err("doc.md:1: the file name");
}

static void test_md_errors(void **state)
{
    (void)state;
    assert_int_equal(md("## ¿Uno? {#u}\nUno.\n"), 0);   /* a first document stays */
    assert_int_equal(md("## ¿Uno?\n\n## ¿Dos?\n\nDos.\n"), -1);
    assert_err("doc.md:1: the question \"¿Uno?\" has no answer");
    assert_int_equal(lang.n_entries, 1);                 /* nothing half-added */
    assert_string_equal(lang.entries[0].id, "u");
    assert_int_equal(md("## A\na\n## B\nb\n## ¿Tres?\n \t\n\r\n"), -1);   /* blank is no answer */
    assert_err("doc.md:5: the question \"¿Tres?\" has no answer");
    assert_int_equal(lang.n_entries, 1);
    /* a heading with no question */
    static const char *empty[] = {"intro\n##  {#x}\n\nA.\n", "intro\n## \nA.\n", "intro\n##\nA.\n",
                                  "intro\n## ##\nA.\n", "intro\n   ##   #  \nA.\n"};
    for (size_t i = 0; i < sizeof empty / sizeof *empty; i++) {
        err[0] = '\0';
        if (md(empty[i]) != -1)
            fail_msg("accepted %s", empty[i]);
        assert_err("doc.md:2: a heading with no question");
    }
    /* invalid UTF-8: the line of the first bad byte */
    static const struct { const char *text; size_t len; const char *want; } utf[] = {
        {"## ¿Uno?\n\nA \xC3(.\n", 0, "doc.md:3: invalid UTF-8"},
        {"## Q\nA\n\n\n\xFF\n", 0, "doc.md:5: invalid UTF-8"},
        {"## Q\xC0\xAF\nA\n", 0, "doc.md:1: invalid UTF-8"},              /* overlong '/' */
        {"## Q\n\xED\xA0\x80\n", 0, "doc.md:2: invalid UTF-8"},           /* a surrogate */
        {"## Q\nA\n\xF4\x90\x80\x80\n", 0, "doc.md:3: invalid UTF-8"},    /* past U+10FFFF */
        {"## Q\nA\xE2\x82", 0, "doc.md:2: invalid UTF-8"},                /* cut short */
        {"## Q\nA\0B\n", 7, "doc.md:2: invalid UTF-8"},                   /* a NUL byte */
    };
    for (size_t i = 0; i < sizeof utf / sizeof *utf; i++) {
        size_t len = utf[i].len ? utf[i].len : strlen(utf[i].text);
        err[0] = '\0';
        assert_int_equal(corpus_parse_md(&lang, "doc.md", "doc", utf[i].text, len, ENTRY_FAQ, err, sizeof err), -1);
        assert_err(utf[i].want);
        err[0] = '\0';
        assert_int_equal(corpus_parse_txt(&lang, "doc.txt", "doc", utf[i].text, len, err, sizeof err), -1);
        assert_non_null(strstr(err, "doc.txt:"));
        assert_non_null(strstr(err, strchr(utf[i].want, ':')));   /* the same line */
    }
    assert_int_equal(lang.n_entries, 1);
    /* the err buffer is never overrun, and a short one is still terminated */
    char small[12];
    memset(small, 'x', sizeof small);
    assert_int_equal(corpus_parse_md(&lang, "doc.md", "doc", "## Q\n", 5, ENTRY_FAQ, small, sizeof small), -1);
    assert_int_equal(strlen(small), sizeof small - 1);
}

static void test_md_kind(void **state)
{
    (void)state;
    const char *t = "## hola {#hello}\n? buenas\n\n¡Hola!\n";
    assert_int_equal(corpus_parse_md(&lang, "smalltalk.md", "smalltalk", t, strlen(t), ENTRY_SMALLTALK,
                                     err, sizeof err), 0);
    assert_int_equal(lang.entries[0].kind, ENTRY_SMALLTALK);
    assert_string_equal(lang.entries[0].answer, "¡Hola!");
}

/* ---- plain text ---- */

static void test_txt(void **state)
{
    (void)state;
    const char *t = "TÍTULO\n\n¿Qué es esto?\n\nUna prueba.\n\nOtra línea.\nDe verdad?  \nSí.\n"
                    "  ¿Abre y no cierra\nasí.\n";
    assert_int_equal(txt(t), 0);
    assert_int_equal(lang.n_entries, 3);
    assert_string_equal(lang.entries[0].question, "¿Qué es esto?");
    assert_string_equal(lang.entries[0].id, "f-1");
    assert_int_equal(lang.entries[0].line, 3);
    assert_string_equal(lang.entries[0].answer, "Una prueba.\n\nOtra línea.");
    assert_string_equal(lang.entries[1].question, "De verdad?");   /* trimmed */
    assert_string_equal(lang.entries[1].id, "f-2");
    assert_int_equal(lang.entries[1].line, 8);
    assert_string_equal(lang.entries[1].answer, "Sí.");
    assert_string_equal(lang.entries[2].question, "¿Abre y no cierra");
    assert_int_equal(lang.entries[2].n_alts, 0);
    assert_int_equal(lang.entries[2].kind, ENTRY_FAQ);
    assert_string_equal(lang.entries[2].file, "f.txt");
    reset(NULL);
    /* an answer line ending in '?' is a question by the rule (the reason
     * for "# question-pattern:") */
    assert_int_equal(txt("¿Uno?\nUno.\nDime: ¿qué?\nA.\n"), 0);
    assert_int_equal(lang.n_entries, 2);
    assert_string_equal(lang.entries[1].question, "Dime: ¿qué?");
    reset(NULL);
    assert_int_equal(txt("¿Uno?\nDime: ¿qué?\n"), -1);
    assert_err("f.txt:1: the question \"¿Uno?\" has no answer");
    assert_int_equal(txt("¿Uno?\nUno.\n\n¿Dos?\n\n  \n"), -1);
    assert_err("f.txt:4: the question \"¿Dos?\" has no answer");
    assert_int_equal(lang.n_entries, 0);
    /* no question: only a preamble, no entries */
    assert_int_equal(txt("Solo texto.\nNada más.\n"), 0);
    assert_int_equal(lang.n_entries, 0);
    /* a BOM and Windows line ends */
    assert_int_equal(txt("\xEF\xBB\xBF¿Uno?\r\nUno.\r\n"), 0);
    assert_string_equal(lang.entries[0].question, "¿Uno?");
    assert_string_equal(lang.entries[0].answer, "Uno.");
    reset(NULL);
    /* the file name makes the ids */
    assert_int_equal(corpus_parse_txt(&lang, "x.txt", "mal nombre", "¿Q?\nA.\n", 8, err, sizeof err), -1);
    assert_err("x.txt:1: the file name \"mal nombre\" makes a bad id");
}

static void test_txt_pattern(void **state)
{
    (void)state;
    const char *t = "# question-pattern: ^Q: \nQ: one\nanswer one\nQ: two\nanswer two?\n";
    assert_int_equal(txt(t), 0);
    assert_int_equal(lang.n_entries, 2);
    assert_string_equal(lang.entries[0].question, "Q: one");
    assert_int_equal(lang.entries[0].line, 2);
    assert_string_equal(lang.entries[1].answer, "answer two?");   /* the rule is replaced */
    reset(NULL);
    /* UTF and UCP: \w and [[:upper:]] know accented letters */
    assert_int_equal(txt("\xEF\xBB\xBF# question-pattern: ^[[:upper:]]\\w+:$\nÍndice:\nUno.\nÉtica:\nDos.\nx:\nno\n"), 0);
    assert_int_equal(lang.n_entries, 2);
    assert_string_equal(lang.entries[1].question, "Ética:");
    assert_string_equal(lang.entries[1].answer, "Dos.\nx:\nno");
    reset(NULL);
    /* only the first line is a directive */
    assert_int_equal(txt("Preámbulo\n# question-pattern: ^Q\nQ?\nA.\n"), 0);
    assert_int_equal(lang.n_entries, 1);
    assert_string_equal(lang.entries[0].question, "Q?");
    reset(NULL);
    assert_int_equal(txt("# question-pattern: ([\nQ\n"), -1);
    assert_err("f.txt:1: bad question pattern");
    assert_int_equal(txt("# question-pattern:   \nQ\n"), -1);
    assert_err("f.txt:1: empty question pattern");
    /* a pattern that backtracks without end fails on its line */
    assert_int_equal(txt("# question-pattern: ^(a+)+$\nok\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n"), -1);
    assert_err("f.txt:3: the question pattern fails");
    assert_int_equal(lang.n_entries, 0);
}

/* ---- the seed ---- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *p = malloc(cap);
    size_t k;
    while (p && (k = fread(p + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n - 1 == 0) {
            char *q = realloc(p, cap *= 2);
            if (!q) {
                free(p);
                p = NULL;
            }
            p = q;
        }
    }
    fclose(f);
    if (p) {
        p[n] = '\0';
        *len = n;
    }
    return p;
}

/* Do a and b hold the same words in the same order, whatever lies between
 * them (Markdown's list marks and link brackets, line breaks)? */
static int same_words(const char *a, const char *b)
{
#define WORDCH(c) (((unsigned char)(c) >= 0x80) || ((c) >= '0' && (c) <= '9') || \
                   ((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
    for (;;) {
        while (*a && !WORDCH(*a))
            a++;
        while (*b && !WORDCH(*b))
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        while (*a && WORDCH(*a) && *a == *b) {
            a++;
            b++;
        }
        if (WORDCH(*a) || WORDCH(*b))
            return 0;
    }
#undef WORDCH
}

static void test_seed_txt_matches_md(void **state)
{
    (void)state;
    char a[1024], b[1024];
    snprintf(a, sizeof a, "%s/corpus/es/paises-precursores.md", root());
    snprintf(b, sizeof b, "%s/../shared/seed/paises-precursores.txt", root());
    size_t la, lb;
    char *md_text = slurp(a, &la), *txt_text = slurp(b, &lb);
    assert_non_null(md_text);
    if (!txt_text) {
        free(md_text);
        skip();   /* the shared seed is beside the repo in CI and on developer machines */
    }
    assert_memory_equal(md_text, "# Iniciativa de países precursores\n", strlen("# Iniciativa de países precursores\n"));
    assert_int_equal(corpus_parse_md(&lang, a, "paises-precursores", md_text, la, ENTRY_FAQ, err, sizeof err), 0);
    corpus_lang t;
    memset(&t, 0, sizeof t);
    strcpy(t.code, "es");
    assert_int_equal(corpus_parse_txt(&t, b, "paises-precursores", txt_text, lb, err, sizeof err), 0);
    assert_int_equal(lang.n_entries, 10);
    assert_int_equal(t.n_entries, 10);
    for (size_t i = 0; i < 10; i++) {
        char id[32];
        snprintf(id, sizeof id, "precursores-%zu", i + 1);
        assert_string_equal(lang.entries[i].id, id);
        assert_string_equal(lang.entries[i].question, t.entries[i].question);
        /* the Markdown is the seed's text cleaned of the PDF's scars (stray
         * bullets, an item cut in two, links to "#"): its words unchanged */
        if (!same_words(lang.entries[i].answer, t.entries[i].answer))
            fail_msg("answer %zu: not the seed's words", i + 1);
        /* alternate phrasings (the editors' additions) come on top of it */
        assert_true(lang.entries[i].n_alts <= 1);
        snprintf(id, sizeof id, "paises-precursores-%zu", i + 1);
        assert_string_equal(t.entries[i].id, id);
    }
    assert_string_equal(lang.entries[0].question, "¿Qué es la iniciativa de países precursores?");
    assert_string_equal(lang.entries[2].question,
                        "¿Sigue siendo posible para los Estados Miembros convertirse en países precursores? ¿Cuál es el proceso?");
    /* answer 4: an introduction, then a list of whole items */
    assert_non_null(strstr(lang.entries[3].answer, "comprender:\n\n- La generación"));
    assert_non_null(strstr(lang.entries[3].answer, "mediante el intercambio de sus prácticas"));
    assert_null(strstr(lang.entries[3].answer, "](#)"));
    corpus_lang_clear(&t);
    free(md_text);
    free(txt_text);
}

/* ---- every cut ---- */

/* A parse of any prefix either succeeds with well-formed entries or fails
 * with "file:line:" and leaves the language as it was. */
static void parse_every_cut(const char *doc, size_t n, int as_txt)
{
    for (size_t cut = 0; cut <= n; cut++) {
        reset(NULL);
        int rc = as_txt ? corpus_parse_txt(&lang, "cut.txt", "cut", doc, cut, err, sizeof err)
                        : corpus_parse_md(&lang, "cut.md", "cut", doc, cut, ENTRY_FAQ, err, sizeof err);
        if (rc != 0) {
            assert_int_equal(rc, -1);
            if (!strstr(err, as_txt ? "cut.txt:" : "cut.md:"))
                fail_msg("cut at %zu: message \"%s\" says no where", cut, err);
            assert_int_equal(lang.n_entries, 0);
            continue;
        }
        for (size_t i = 0; i < lang.n_entries; i++) {
            corpus_entry *e = &lang.entries[i];
            assert_true(e->id && *e->id && e->question && *e->question && e->answer && *e->answer);
            assert_true(e->line >= 1);
        }
    }
}

static void test_every_cut(void **state)
{
    (void)state;
    const char *doc = "\xEF\xBB\xBF# T\n\n## ¿Uno? {#uno}\n? alt\n\nRespuesta.\n\n```\n## x\n```\n## ¿Dos? ##\n\nDós.\r\n";
    parse_every_cut(doc, strlen(doc), 0);
    parse_every_cut(doc, strlen(doc), 1);
    const char *t = "# question-pattern: ^P\\d+\\.\nP1. ¿Uno?\nUno.\nP2. Dos\nDós.\n";
    parse_every_cut(t, strlen(t), 1);
    /* and the whole seed Markdown, cut at each of its bytes */
    char a[1024];
    size_t la;
    snprintf(a, sizeof a, "%s/corpus/es/paises-precursores.md", root());
    char *md_text = slurp(a, &la);
    assert_non_null(md_text);
    parse_every_cut(md_text, la, 0);
    /* the full document parses, and its longest prefixes lose no entry */
    reset(NULL);
    assert_int_equal(corpus_parse_md(&lang, "cut.md", "cut", md_text, la, ENTRY_FAQ, err, sizeof err), 0);
    assert_int_equal(lang.n_entries, 10);
    free(md_text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_md_entries, reset),
        cmocka_unit_test_setup(test_md_headings, reset),
        cmocka_unit_test_setup(test_md_title, reset),
        cmocka_unit_test_setup(test_md_alternates, reset),
        cmocka_unit_test_setup(test_md_fences, reset),
        cmocka_unit_test_setup(test_md_ids, reset),
        cmocka_unit_test_setup(test_md_errors, reset),
        cmocka_unit_test_setup(test_md_kind, reset),
        cmocka_unit_test_setup(test_txt, reset),
        cmocka_unit_test_setup(test_txt_pattern, reset),
        cmocka_unit_test_setup(test_seed_txt_matches_md, reset),
        cmocka_unit_test_setup(test_every_cut, reset),
    };
    int rc = cmocka_run_group_tests_name("corpus_parse", tests, NULL, NULL);
    corpus_lang_clear(&lang);
    return rc;
}
