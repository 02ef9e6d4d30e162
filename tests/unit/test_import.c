/* test_import.c: the import readers: CSV quoting (RFC 4180), rows that
 * share an answer, Q:/A: text, numbered FAQs flat and indented (their
 * layout: test_import_numbered.c), the FAQPage JSON-LD; every fixture cut at
 * every byte (read or refused with a message, never a crash), what
 * import_write_md escapes (not inside fenced code), and the CSV's Source
 * and Metadata. Run from the repo root, or with ROOT set to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "import.h"

static import_doc doc;
static char err[512];

static int reset(void **state)
{
    (void)state;
    import_doc_free(&doc);
    err[0] = '\0';
    return 0;
}

static int rd(import_format f, const char *text)
{
    reset(NULL);
    return import_read(f, text, strlen(text), &doc, err, sizeof err);
}

/* The document has one note, at line, that says what. */
static void one_note(unsigned line, const char *what)
{
    assert_int_equal(doc.n_notes, 1);
    assert_int_equal(doc.notes[0].line, line);
    assert_non_null(strstr(doc.notes[0].what, what));
}

/* The CSV text is refused, the message holding what. */
static void csv_refused(const char *text, const char *what)
{
    assert_int_equal(rd(IMPORT_CSV, text), -1);
    assert_non_null(strstr(err, what));
}

/* A language column, as codes or names: each entry its language's code;
 * one QnaId (or Id) in two languages is a translation, not an error; one
 * answer in two languages two entries; a value no language is an error at
 * its line. It was a column not read, every row one document's. */
static void test_csv_languages(void **state)
{
    (void)state;
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer,Språk,Id\n"
                                    "Hur byter jag lösenord?,Kontosidan.,Svenska,pw\n"
                                    "How do I change my password?,The account page.,English,pw\n"
                                    "glömt lösenord,Kontosidan.,sv-SE,pw\n"
                                    "Wifi?,Eduroam.,en_GB,\n"
                                    "Wifi?,Eduroam.,engelska,\n"
                                    "Trådlöst?,Eduroam.,SV,\n"
                                    "Skrive ut?,På biblioteket.,nb-NO,\n"
                                    "Skrive ut i farger?,På biblioteket.,nor,\n"), 5);
    assert_string_equal(doc.entries[4].lang, "no");   /* Bokmål's code: the folder's "no" */
    assert_int_equal(doc.entries[4].n_alts, 1);
    assert_int_equal(doc.n_notes, 0);
    assert_string_equal(doc.entries[0].lang, "sv");
    assert_string_equal(doc.entries[0].id, "pw");
    assert_int_equal(doc.entries[0].n_alts, 1);
    assert_string_equal(doc.entries[1].lang, "en");
    assert_string_equal(doc.entries[1].id, "pw");
    assert_string_equal(doc.entries[2].lang, "en");
    assert_int_equal(doc.entries[2].n_alts, 1);   /* "engelska", Swedish's name of English */
    assert_string_equal(doc.entries[3].lang, "sv");
    csv_refused("Question,Answer,Language\nHur?,Så.,sv\nHow?,So.,Klingon\n",
                "line 3: the language \"Klingon\" is no language code or name");
    csv_refused("Question,Answer,Language\nHur?,Så.,\n", "line 2: no language in the \"Language\" column");
    csv_refused("Question,Answer,Lang,QnaId\nA?,A.,en,1\nB?,B.,en,1\n", "QnaId \"1\" is given to two answers in en");
    /* no language column: no language */
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer\nA?,A.\n"), 1);
    assert_null(doc.entries[0].lang);
}

static void test_csv(void **state)
{
    (void)state;
    /* quoted delimiters, doubled quotes, a CRLF and an LF inside a field */
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer,Source,Metadata\r\n"
                                    "\"¿Uno, dos?\",\"Dice \"\"sí\"\".\r\nY más.\",Ed,\r\n"
                                    "¿Otra forma?,\"Dice \"\"sí\"\".\nY más.\",Ed,\r\n"
                                    "\r\n"
                                    "¿Tres?,Tres.,Ed,k:v\r\n"), 2);
    assert_string_equal(doc.entries[0].question, "¿Uno, dos?");
    assert_string_equal(doc.entries[0].answer, "Dice \"sí\".\nY más.");
    assert_int_equal(doc.entries[0].n_alts, 1);
    assert_string_equal(doc.entries[0].alts[0], "¿Otra forma?");
    assert_string_equal(doc.entries[1].answer, "Tres.");
    /* columns in another order, and a last line with no line end */
    assert_int_equal(rd(IMPORT_CSV, "Answer,question\nA.,¿Q?"), 1);
    assert_string_equal(doc.entries[0].question, "¿Q?");
    assert_string_equal(doc.entries[0].answer, "A.");
    assert_int_equal(rd(IMPORT_TSV, "Question\tAnswer\n¿Q, sí?\tA, sí.\n"), 1);
    assert_string_equal(doc.entries[0].question, "¿Q, sí?");
    /* a column not read is told once, by name, at the header: a spreadsheet's
     * Category column was dropped without a word; an unnamed column (a
     * trailing separator) is not */
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer,Category,\nHur?,Så.,IT,\nHow?,So.,IT,\n"), 2);
    one_note(1, "the column \"Category\" is not read (import reads Question, Answer, Source, Metadata, QnaId, "
                "Language)");
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer,Source,Metadata,QnaId\nHow?,So.,,,1\n"), 1);
    assert_int_equal(doc.n_notes, 0);
    /* errors say where */
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer\n¿Q?,\"A\n\nB\n"), -1);
    assert_non_null(strstr(err, "line 2: a quoted field is never closed"));
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer\n¿Q?,\"A\"x\n"), -1);
    assert_non_null(strstr(err, "line 2: text after"));
    /* a row half written is left out, told at its line; the rest comes */
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer\n\"¿Q?\n\",A\n,B\n¿R?,\n"), 1);
    assert_int_equal(doc.n_notes, 2);
    assert_int_equal(doc.notes[0].line, 4);
    assert_non_null(strstr(doc.notes[0].what, "an answer with no question"));
    assert_int_equal(doc.notes[1].line, 5);
    assert_int_equal(doc.notes[1].left_out, 1);
    assert_non_null(strstr(doc.notes[1].what, "\"¿R?\" has no answer"));
    assert_int_equal(rd(IMPORT_CSV, "Q,A\n¿Q?,A\n"), -1);
    assert_non_null(strstr(err, "(its columns: \"Q\", \"A\"): name yours with --columns Q,A"));
    /* a header of two names: the option to copy; a name with a blank is no
     * shell word, the names are left to the editor */
    assert_int_equal(rd(IMPORT_CSV, "\xef\xbb\xbf" "Frage;Antwort\r\nWann?;Immer.\r\n"), -1);
    assert_non_null(strstr(err, "name yours with --columns Frage,Antwort"));
    assert_int_equal(rd(IMPORT_CSV, "Häufige Frage;Antwort\nWann?;Immer.\n"), -1);
    assert_non_null(strstr(err, "name yours with --columns QUESTION,ANSWER"));
    assert_int_equal(rd(IMPORT_CSV, "Nr,Frage,Antwort\n1,Wann?,Immer.\n"), -1);
    assert_non_null(strstr(err, "name yours with --columns QUESTION,ANSWER"));
    /* a delimiter in an unquoted question shifts the row: told as that,
     * not as a QnaId that is no id */
    assert_int_equal(rd(IMPORT_CSV, "Question;Answer;QnaId\nWo ist;es?;\"Mit dem Bus.\";a1\n"), -1);
    assert_non_null(strstr(err, "line 2: 4 fields where the header has 3, so that its QnaId would be \"Mit dem Bus.\" "
                                "(a field holding \";\" is quoted)"));
    assert_int_equal(rd(IMPORT_CSV, "Q\n¿Q?\n"), -1);
    assert_non_null(strstr(err, "no header"));
    /* a spreadsheet's own header names, semicolons where the header has them */
    reset(NULL);
    const char *sheet = "Nr;Frage;Antwort\n1;¿Q?;\"A;\nB\"\n";
    assert_int_equal(import_read_columns(IMPORT_CSV, "frage", "ANTWORT", sheet, strlen(sheet), &doc, err, sizeof err), 1);
    assert_string_equal(doc.entries[0].question, "¿Q?");
    assert_string_equal(doc.entries[0].answer, "A;\nB");
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer\n"), -1);
    assert_non_null(strstr(err, "no rows"));
}

static void test_qa(void **state)
{
    (void)state;
    assert_int_equal(rd(IMPORT_QA, "Intro.\n\nQ: ¿Uno?\nq: ¿Otra?\nA: Uno.\nSigue.\n\n  Q: ¿Dos\n  largo?\nA:Dos.\n"), 2);
    assert_string_equal(doc.entries[0].question, "¿Uno?");
    assert_string_equal(doc.entries[0].alts[0], "¿Otra?");
    assert_string_equal(doc.entries[0].answer, "Uno.\nSigue.");
    assert_string_equal(doc.entries[1].question, "¿Dos largo?");
    assert_string_equal(doc.entries[1].answer, "Dos.");
    assert_int_equal(rd(IMPORT_QA, "A: sin pregunta\n"), -1);
    assert_non_null(strstr(err, "line 1:"));
    assert_int_equal(rd(IMPORT_QA, "Q: ¿Uno?\nA: Uno.\nQ: ¿Dos?\n"), 1);
    assert_int_equal(doc.n_notes, 1);
    assert_int_equal(doc.notes[0].line, 3);
    assert_int_equal(doc.notes[0].left_out, 1);
    assert_non_null(strstr(doc.notes[0].what, "\"¿Dos?\" has no answer: left out"));
    assert_int_equal(rd(IMPORT_QA, "Q: ¿Uno?\nA:\nQ: ¿Dos?\nA: Dos.\n"), 1);
    assert_string_equal(doc.entries[0].question, "¿Dos?");
    assert_int_equal(rd(IMPORT_QA, "Q: ¿Uno?\n"), -1);
    assert_non_null(strstr(err, "no \"Q:\" line"));
}

static void test_numbered(void **state)
{
    (void)state;
    /* flat: the answer up to the next section; a title that ends with its
     * question mark takes no continuation */
    assert_int_equal(rd(IMPORT_NUMBERED, "FAQ\n\n1.1. ¿Uno?\nRespuesta uno.\n1. no es sección\n\n2. ¿Dos?\nDos.\n"), 2);
    assert_string_equal(doc.entries[0].question, "¿Uno?");
    assert_string_equal(doc.entries[0].answer, "Respuesta uno.\n1. no es sección");
    assert_string_equal(doc.entries[0].id, "1.1");
    assert_string_equal(doc.entries[1].id, "2");
    /* indented: a title going on over two lines */
    assert_int_equal(rd(IMPORT_NUMBERED, "1.1. What is\nit?\n   It is.\n\n   Really.\n1.2. Empty\n"), 1);
    assert_string_equal(doc.entries[0].question, "What is it?");
    assert_string_equal(doc.entries[0].answer, "It is.\n\nReally.");
    assert_int_equal(rd(IMPORT_NUMBERED, "nada\n"), -1);
    assert_non_null(strstr(err, "no numbered questions"));
}

static void test_html(void **state)
{
    (void)state;
    assert_int_equal(rd(IMPORT_HTML, "<html><head><script type=\"application/ld+json\">"
                                     "{\"@graph\": [{\"@type\": \"WebPage\"}, {\"@type\": [\"FAQPage\"], \"mainEntity\": "
                                     "{\"@type\": \"Question\", \"name\": \"¿Q &amp; R?\", \"acceptedAnswer\": "
                                     "[{\"text\": \"Uno<br>dos <a href='javascript:x'>tres</a>\"}]}}]}"
                                     "</script></head></html>"), 1);
    assert_string_equal(doc.entries[0].question, "¿Q & R?");
    assert_string_equal(doc.entries[0].answer, "Uno\\\ndos tres");
    /* a <br> between lines of text is a hard break (the page shows the two
     * lines; a soft break is a blank there); at a block's end or before a
     * list item it is none; in a question, a blank */
    assert_int_equal(rd(IMPORT_HTML, "<details><summary>Dove<br>siete?&nbsp;</summary><p>Via Roma 1<br>\n 39042 Bressanone<br></p>"
                                     "<ul><li>Lun<br>Mar</li><li>x<br></li></ul></details>"), 1);
    assert_string_equal(doc.entries[0].question, "Dove siete?");
    assert_string_equal(doc.entries[0].answer, "Via Roma 1\\\n39042 Bressanone\n\n- Lun\\\nMar\n- x");
    assert_int_equal(rd(IMPORT_HTML, "<p>nada</p>"), -1);
    assert_non_null(strstr(err, "no schema.org FAQPage"));
    assert_null(strstr(err, "ask nothing"));
    /* questions worded as topics: told what makes them questions */
    assert_int_equal(rd(IMPORT_HTML, "<h1>FAQ</h1><nav><h2>Menu</h2></nav><h2>Prazos de candidatura</h2><p>Julho.</p>"
                                     "<h2>Propinas</h2><p>697 euros.</p>"), -1);
    assert_non_null(strstr(err, "no heading ending in \"?\"; its 2 <h2> headings (\"Prazos de candidatura\"...) "
                                "ask nothing: end each question with \"?\""));
    /* without FAQPage markup: the page's <details>, <dl> and question headings */
    assert_int_equal(rd(IMPORT_HTML, "<h2>Parte</h2><h3>¿Uno?</h3><p>A</p><h3>Dos</h3><p>B</p>"
                                     "<details><summary>¿Tres?</summary>C</details><dl><dt>¿Cuatro?<dd>D<dd>E</dl>"),
                     4);
    assert_string_equal(doc.entries[1].question, "Dos");
    assert_string_equal(doc.entries[2].question, "¿Tres?");
    assert_string_equal(doc.entries[2].answer, "C");
    assert_string_equal(doc.entries[3].answer, "D\n\nE");
    /* bold, italic and code kept as Markdown, the marks round the words */
    assert_int_equal(rd(IMPORT_HTML, "<h2>¿Uno?</h2><p>Tarda <b>dos días</b>, <em>no</em>"
                                     "<strong> tres </strong>; <code>faq -x</code> <i>a*b</i></p>"),
                     1);
    assert_string_equal(doc.entries[0].answer, "Tarda **dos días**, *no* **tres** ; `faq -x` a*b");
    /* an answer that opens with a list after a line end: no blank after its first "-";
     * an ordered list's steps keep their numbers (from its start) */
    assert_int_equal(rd(IMPORT_HTML, "<h2>¿Uno?</h2>\n<ul><li>A</li><li>B</li></ul>"
                                     "<h2>¿Dos?</h2>\n<ol start=\"3\">\n<li>Pida</li>\n<li>Pague</li>\n</ol><ol><li>C</li></ol>"),
                     2);
    assert_string_equal(doc.entries[0].answer, "- A\n- B");
    assert_string_equal(doc.entries[1].answer, "3. Pida\n4. Pague\n\n1. C");
    /* a question one heading level too deep: answer text, and told */
    assert_int_equal(rd(IMPORT_HTML, "<h2>¿Uno?</h2><p>A</p>\n<div><h3>¿Cita?</h3></div><p>B</p><h2>¿Dos?</h2><p>C</p>"
                                     "<h3>Notas</h3><p>D</p>"),
                     2);
    one_note(2, "<h3> \"¿Cita?\" is read as answer text of \"¿Uno?\"");
    /* one of the questions' own level inside an element of the answer (a
     * <div> left open): told where it is, not to make it what it is */
    assert_int_equal(rd(IMPORT_HTML, "<h2>¿Uno?</h2><p>A</p>\n<div><h2>¿Dos?</h2><p>B</p></div>"), 1);
    one_note(2, "<h2> \"¿Dos?\" is read as answer text of \"¿Uno?\": it is inside a <div> of that answer, "
                "not beside the page's other questions: close the <div> before it to have it an entry");
    /* a phone's link kept as the chat shows it; a relative one as its text, told at its line */
    assert_int_equal(rd(IMPORT_HTML, "<h2>¿Uno?</h2><p>Llame al <a href=\"tel:+34911\">911</a>,\n"
                                     "<a href=\"/cita\">pida cita</a> o <a href=\"#dos\">vea abajo</a>.</p>"),
                     1);
    assert_string_equal(doc.entries[0].answer, "Llame al [911](tel:+34911), pida cita o vea abajo.");
    one_note(2, "the link \"pida cita\" to \"/cita\" is kept as its text only");
    /* the same in a <details> answer and a <dl> one: every entry's answer is told of */
    assert_int_equal(rd(IMPORT_HTML, "<details><summary>¿Uno?</summary>\n<a href=\"/cita\">pida cita</a></details>"),
                     1);
    one_note(2, "the link \"pida cita\" to \"/cita\" is kept as its text only");
    assert_int_equal(rd(IMPORT_HTML, "<dl><dt>¿Uno?</dt>\n<dd><a href=\"precios.html\">vea</a></dd></dl>"), 1);
    one_note(2, "the link \"vea\" to \"precios.html\" is kept as its text only");
    /* a FAQPage is what a page with one is read for */
    assert_int_equal(rd(IMPORT_HTML, "<script type=\"application/ld+json\">{\"@type\": \"FAQPage\", \"mainEntity\": "
                                     "{\"name\": \"¿Q?\", \"acceptedAnswer\": {\"text\": \"R\"}}}</script>"
                                     "<details><summary>¿Otra?</summary>No</details>"), 1);
    /* a relative link in a FAQPage's answer: its text kept, told at the
     * script's line as the page's own answers' are at theirs */
    assert_int_equal(rd(IMPORT_HTML, "<html>\n<head>\n<script type=\"application/ld+json\">\n"
                                     "{\"@type\": \"FAQPage\", \"mainEntity\": {\"name\": \"¿Cita?\", "
                                     "\"acceptedAnswer\": {\"text\": \"<p><a href=\\\"/cita\\\">Pida cita</a> "
                                     "o <a href=\\\"https://x.es/\\\">vea</a>.</p>\"}}}</script>"),
                     1);
    assert_string_equal(doc.entries[0].answer, "Pida cita o [vea](https://x.es/).");
    one_note(3, "the link \"Pida cita\" to \"/cita\" is kept as its text only");
}

static void test_guess(void **state)
{
    (void)state;
    assert_int_equal(import_guess("a.CSV", "", 0), IMPORT_CSV);
    assert_int_equal(import_guess("a.htm", "", 0), IMPORT_HTML);
    const char *t = "Question\tAnswer\n";
    assert_int_equal(import_guess(NULL, t, strlen(t)), IMPORT_TSV);
    t = "\n  <!DOCTYPE html>";
    assert_int_equal(import_guess("page", t, strlen(t)), IMPORT_HTML);
    t = "Intro\nQ: ¿x?\n";
    assert_int_equal(import_guess(NULL, t, strlen(t)), IMPORT_QA);
    t = "1.1. ¿x?\n";
    assert_int_equal(import_guess(NULL, t, strlen(t)), IMPORT_NUMBERED);
}

/* QnA Maker's Source and Metadata: kept on the entry in the server's form;
 * rows with one answer but another source or metadata are another entry. */
static void test_csv_meta(void **state)
{
    (void)state;
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer,Source,Metadata\n"
                                    "¿Uno?,A.,Ed,tema:horario | publico:todos|\n"
                                    "¿Otro uno?,A.,Ed,tema:horario|publico:todos\n"
                                    "¿Dos?,A.,Web,\n"), 2);
    assert_string_equal(doc.entries[0].meta, "tema=horario, publico=todos");
    assert_string_equal(doc.entries[0].source, "Ed");
    assert_int_equal(doc.entries[0].n_alts, 1);
    assert_null(doc.entries[1].meta);
    assert_string_equal(doc.entries[1].source, "Web");
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer,Metadata\n¿Q?,A.,a:b|c\n"), -1);
    assert_non_null(strstr(err, "line 2: metadata \"c\" is not name:value"));
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer,Metadata\n¿Q?,A.,a:b=c\n"), -1);
    assert_non_null(strstr(err, "line 2: metadata \"a\" holds"));
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer,Source\n¿Q?,A.,a --> b\n"), -1);
    assert_non_null(strstr(err, "line 2: a Source with"));
    char *md = NULL;
    size_t n = 0;
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer,Source,Metadata\n¿Q?,A.,Ed,k:v\n"), 1);
    FILE *f = open_memstream(&md, &n);
    assert_non_null(f);
    assert_int_equal(import_write_md(&doc, "T", "p", f), 0);
    fclose(f);
    assert_string_equal(md, "# T\n\n## ¿Q? {#p-1}\n\n<!-- meta: k=v -->\n<!-- source: Ed -->\nA.\n");
    free(md);
}

/* doc as import_write_md writes it, titled "T", ids prefixed "p"; the
 * caller frees it. */
static char *written(void)
{
    char *md = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&md, &n);
    assert_non_null(f);
    assert_int_equal(import_write_md(&doc, "T", "p", f), 0);
    fclose(f);
    return md;
}

static void test_write_escapes(void **state)
{
    (void)state;
    assert_int_equal(rd(IMPORT_QA, "Q: ¿Uno?\nA: ## no es título\n? ni alternativa\n##tampoco\n### sí sub\n"), 1);
    char *md = written();
    assert_string_equal(md, "# T\n\n## ¿Uno? {#p-1}\n\n\\## no es título\n\\? ni alternativa\n\\##tampoco\n### sí sub\n");
    free(md);
    /* inside a fenced code block nothing is a heading, and an escape would show */
    assert_int_equal(rd(IMPORT_NUMBERED, "1.1. What does a header look like?\n\n   Like this:\n\n      ## Title\n"
                                         "      ? not an alternate\n\n   ## but this would be one\n"),
                     1);
    md = written();
    assert_string_equal(md, "# T\n\n## What does a header look like? {#p-1.1}\n\n"
                            "Like this:\n\n```\n## Title\n? not an alternate\n```\n\n"
                            "\\## but this would be one\n");
    free(md);
    /* an answer's fence left open is closed at its end: the corpus reads
     * fences across the file, and would read the next question as code
     * (found by fuzz_import) */
    assert_int_equal(rd(IMPORT_QA, "Q: One?\nA: ```\ncode\nQ: Two?\nA: Yes.\n"), 2);
    md = written();
    assert_string_equal(md, "# T\n\n## One? {#p-1}\n\n```\ncode\n```\n\n## Two? {#p-2}\n\nYes.\n");
    free(md);
}

/* A Markdown FAQ section: the question headings (written with '#'s or
 * underlined) at the level where most ask; the text laid at the very end of a page whose next page is
 * unmapped, so that a byte read past it faults (a question heading with
 * nothing after it, at the end of the text, read one: found by
 * fuzz_import). */
static void test_markdown(void **state)
{
    (void)state;
    assert_int_equal(rd(IMPORT_MARKDOWN, "# P\n\n## Use\n\nText.\n\n## FAQ\n\n### Why?\n\nBecause.\n\n---\n\n"
                                         "### How?\n\nSo.\n#### Detail\nMore.\n\n## License\n\nMIT.\n"), 2);
    assert_string_equal(doc.entries[0].question, "Why?");
    assert_string_equal(doc.entries[0].answer, "Because.");
    assert_string_equal(doc.entries[1].question, "How?");
    assert_string_equal(doc.entries[1].answer, "So.\n#### Detail\nMore.");
    assert_int_equal(doc.n_notes, 0);   /* "## Use", "## License": other sections */
    /* a heading among the questions that asks nothing is left out, told;
     * one before the first question, or in the next section, is not told */
    assert_int_equal(rd(IMPORT_MARKDOWN, "## FAQ\n\n### Intro\n\nHi.\n\n### Why?\n\nBecause.\n\n### Licenza\n\nMIT.\n\n"
                                         "### How?\n\nSo.\n\n## More\n\n### Notes\n\nN.\n"), 2);
    assert_int_equal(doc.n_notes, 1);
    assert_int_equal(doc.notes[0].line, 11);
    assert_int_equal(doc.notes[0].left_out, 0);
    assert_string_equal(doc.notes[0].what, "\"Licenza\" asks nothing (no \"?\" at its end): left out; a \"?\" makes it a question");
    assert_string_equal(doc.entries[0].answer, "Because.");
    /* Underlined (setext) headings are headings; a "## ...?" line in fenced
     * or indented code is code, and stays in its answer. */
    assert_int_equal(rd(IMPORT_MARKDOWN, "Project\n=======\n\nFAQ\n---\n\nCan I pay by card?\n------------------\n\n"
                                         "Yes.\n\n```\n## not a question?\n```\n\n    ## nor this?\n\n"
                                         "Is it *open* on\nSundays?\n---\nNo.\n\nLicense\n-------\n\nMIT.\n"), 2);
    assert_string_equal(doc.entries[0].question, "Can I pay by card?");
    assert_string_equal(doc.entries[0].answer, "Yes.\n\n```\n## not a question?\n```\n\n    ## nor this?");
    assert_string_equal(doc.entries[1].question, "Is it open on Sundays?");
    assert_string_equal(doc.entries[1].answer, "No.");
    long page = sysconf(_SC_PAGESIZE);
    char *map = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(map != MAP_FAILED);
    assert_int_equal(mprotect(map + page, (size_t)page, PROT_NONE), 0);
    static const char *const tails[] = {"## Q?\n\n", "# T\n## Q?\n", "## Q?", "## Q?\n---\n", "## Q?\nA\n  \n"};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        size_t n = strlen(tails[i]);
        char *at = map + page - n;
        memcpy(at, tails[i], n);
        reset(NULL);
        int got = import_read(IMPORT_MARKDOWN, at, n, &doc, err, sizeof err);
        assert_true(got == (i == 4 ? 1 : -1));
    }
    munmap(map, (size_t)page * 2);
}

/* A relative link ("[x](/path)") in a Markdown or CSV answer is kept as its
 * text and told at its line in the words HTML import uses for one; whole
 * addresses, anchors, images and links in code stay as written. */
static void test_relative_links(void **state)
{
    (void)state;
    assert_int_equal(rd(IMPORT_HTML, "<h2>Book?</h2>\n<p><a href=\"/book\">the page</a></p>"), 1);
    char html_note[256];
    snprintf(html_note, sizeof html_note, "%s", doc.notes[0].what);
    assert_int_equal(rd(IMPORT_MARKDOWN, "## Book?\n\nSee\n[the page](/book \"Book\") or [prices](https://x.org/p).\n"
                                         "`[a](/b)`, ![map](/map.png), [up](#top), [mail](mailto:a@x.org).\n\n"
                                         "```\n[c](/d)\n```\n"), 1);
    assert_string_equal(doc.entries[0].answer, "See\nthe page or [prices](https://x.org/p).\n"
                                               "`[a](/b)`, ![map](/map.png), [up](#top), [mail](mailto:a@x.org).\n\n"
                                               "```\n[c](/d)\n```");
    one_note(4, "the link \"the page\" to \"/book\" is kept as its text only");
    assert_string_equal(doc.notes[0].what, html_note);
    /* a CSV answer is Markdown too; the rows of one answer are still one
     * entry, told of once, at the row that made it */
    assert_int_equal(rd(IMPORT_CSV, "Question,Answer\nBook?,See [the page](/book).\nCan I book?,See [the page](/book).\n"
                                    "Pay?,\"Cash.\n\nOr [cards](tarifs.html).\"\n"), 2);
    assert_string_equal(doc.entries[0].answer, "See the page.");
    assert_int_equal(doc.entries[0].n_alts, 1);
    assert_string_equal(doc.entries[1].answer, "Cash.\n\nOr cards.");
    assert_int_equal(doc.n_notes, 2);
    assert_int_equal(doc.notes[0].line, 2);
    assert_string_equal(doc.notes[0].what, html_note);
    assert_int_equal(doc.notes[1].line, 6);
    assert_non_null(strstr(doc.notes[1].what, "the link \"cards\" to \"tarifs.html\""));
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *p = malloc(1 << 16);
    *len = p ? fread(p, 1, (1 << 16) - 1, f) : 0;
    fclose(f);
    return p;
}

/* Each fixture cut at each byte: read, with well-formed entries, or refused
 * with a message; never a crash (ASan and UBSan check the rest). */
static void test_every_cut(void **state)
{
    (void)state;
    static const struct { const char *name; import_format f; } fx[] = {
        {"qnamaker.csv", IMPORT_CSV}, {"qnamaker.tsv", IMPORT_TSV}, {"qa.txt", IMPORT_QA},
        {"numbered-flat.txt", IMPORT_NUMBERED}, {"numbered-indented.txt", IMPORT_NUMBERED},
        {"numbered-code.txt", IMPORT_NUMBERED},
        {"faqpage.html", IMPORT_HTML}, {"faqpage-plain.html", IMPORT_HTML}, {"spreadsheet-de.csv", IMPORT_CSV}};
    const char *root = getenv("ROOT");
    for (size_t i = 0; i < sizeof fx / sizeof *fx; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/tests/e2e/fixtures/%s", root && *root ? root : ".", fx[i].name);
        size_t len;
        char *text = slurp(path, &len);
        if (!text)
            fail_msg("cannot read %s", path);
        for (size_t cut = 0; cut <= len; cut++) {
            reset(NULL);
            int n = import_read(fx[i].f, text, cut, &doc, err, sizeof err);
            if (n < 0) {
                if (!err[0])
                    fail_msg("%s cut at %zu: refused without a message", fx[i].name, cut);
                continue;
            }
            assert_int_equal((size_t)n, doc.n);
            for (size_t k = 0; k < doc.n; k++)
                assert_true(doc.entries[k].question && *doc.entries[k].question && doc.entries[k].answer &&
                            *doc.entries[k].answer);
        }
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_csv, reset), cmocka_unit_test_setup(test_csv_languages, reset),
        cmocka_unit_test_setup(test_qa, reset),
        cmocka_unit_test_setup(test_numbered, reset), cmocka_unit_test_setup(test_html, reset),
        cmocka_unit_test(test_guess),                 cmocka_unit_test_setup(test_write_escapes, reset),
        cmocka_unit_test_setup(test_every_cut, reset),  cmocka_unit_test_setup(test_markdown, reset),
        cmocka_unit_test_setup(test_relative_links, reset),  cmocka_unit_test_setup(test_csv_meta, reset),
    };
    int rc = cmocka_run_group_tests_name("import", tests, NULL, NULL);
    import_doc_free(&doc);
    return rc;
}
