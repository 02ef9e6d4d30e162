/* test_import_numbered.c: numbered plain-text FAQs read as they are written:
 * indented code fenced (its "#" lines no headings; test_import.c checks the
 * written Markdown), a question continued on an indented line, text after
 * an indented block, a number out of the document's sequence, "1." ...
 * numbering, rules and part titles, a table of contents, a question answered
 * in parts (listed under a lead in the document's language, each part's
 * text in that part alone), deeper prose. Every text is made up for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

static import_doc doc;
static char err[512];

static int rd(const char *text)
{
    import_doc_free(&doc);
    err[0] = '\0';
    return import_read(IMPORT_NUMBERED, text, strlen(text), &doc, err, sizeof err);
}

static void test_code_fenced(void **state)
{
    (void)state;
    assert_int_equal(rd("1.1. How do I count lines?\n\n"
                        "   Use this script:\n\n"
                        "     # count.sh: the lines of a file\n"
                        "     wc -l \"$1\"\n\n"
                        "     # or with awk\n"
                        "       awk 'END { print NR }' \"$1\"\n\n"
                        "   Both print one number.\n"
                        "1.2. Anything else?\n\n   No.\n"),
                     2);
    assert_string_equal(doc.entries[0].answer, "Use this script:\n\n"
                                                "```\n"
                                                "# count.sh: the lines of a file\n"
                                                "wc -l \"$1\"\n\n"
                                                "# or with awk\n"
                                                "  awk 'END { print NR }' \"$1\"\n"
                                                "```\n\n"
                                                "Both print one number.");
    /* a "#" line at the answer's margin is no heading either */
    assert_int_equal(rd("1.1. How do I list files?\n\n   # ls -l\n   lists them.\n"), 1);
    assert_string_equal(doc.entries[0].answer, "\\# ls -l\nlists them.");
}

static void test_question_continued(void **state)
{
    (void)state;
    /* an indented continuation joined up to the question mark */
    assert_int_equal(rd("4.1. How do I join two lines when the first\n"
                        "      one ends with a backslash?\n\n"
                        "   Use N in a loop.\n\n"
                        "4.2. How do I delete a block of lines if the block\n"
                        "      holds some word (or, \"block matching\")\n\n"
                        "   Collect it first.\n"),
                     2);
    assert_string_equal(doc.entries[0].question, "How do I join two lines when the first one ends with a backslash?");
    assert_string_equal(doc.entries[0].answer, "Use N in a loop.");
    assert_string_equal(doc.entries[1].question, "How do I delete a block of lines if the block holds some word (or, \"block matching\")");
    /* where a blank line parts every question from its answer, a question
     * goes on to it, past a question mark */
    assert_int_equal(rd("1.1\tWhy is it slow?\n\n\tThe disk.\n\n"
                        "1.2\tWhy does it stop?\n\tOr why does it hang?\n\n\tA lock.\n\n"
                        "1.3\tIs there a log?\n\n\tYes.\n"),
                     3);
    assert_string_equal(doc.entries[1].question, "Why does it stop? Or why does it hang?");
    assert_string_equal(doc.entries[1].answer, "A lock.");
    /* where answers follow their questions, one ends at its question mark */
    assert_int_equal(rd("1.1. Can I print?\n     Yes, on the first floor.\n1.2. Can I scan?\n     No.\n"), 2);
    assert_string_equal(doc.entries[0].question, "Can I print?");
    assert_string_equal(doc.entries[0].answer, "Yes, on the first floor.");
}

static void test_text_after_block(void **state)
{
    (void)state;
    /* answers at the margin, an indented quote at their start and inside */
    assert_int_equal(rd("1.1. My program stops like this:\n"
                        "    fatal: out of cheese\n\n"
                        "or like this:\n"
                        "    fatal: out of bread\n\n"
                        "Buy more.\n\n"
                        "1.2. Where is the manual?\n"
                        "On the shelf.\n"),
                     2);
    assert_string_equal(doc.entries[0].question, "My program stops like this:");
    assert_string_equal(doc.entries[0].answer, "```\nfatal: out of cheese\n```\n\n"
                                                "or like this:\n```\nfatal: out of bread\n```\n\n"
                                                "Buy more.");
}

static void test_sequence(void **state)
{
    (void)state;
    /* "3.79.1" opening a line of an answer is not a section after 2.1 */
    assert_int_equal(rd("2.1. Why does the build fail?\n"
                        "It is the tool. Old versions, such as\n"
                        "3.79.1 have this bug.\n\n"
                        "2.2. Why does the test fail?\n"
                        "It is the clock.\n"),
                     2);
    assert_string_equal(doc.entries[0].answer, "It is the tool. Old versions, such as\n3.79.1 have this bug.");
    assert_string_equal(doc.entries[1].id, "2.2");
    /* numbers may skip (4.3 -> 4.10), and a bare title leads to its
     * subsections whatever their numbers (6.0 -> 6.0.5) */
    assert_int_equal(rd("4.3. First?\n\n   One.\n\n4.10. Second?\n\n   Two.\n\n"
                        "6.0 Old systems\n\n6.0.5 Statement of retirement\n\n   Gone.\n"),
                     3);
    assert_string_equal(doc.entries[1].id, "4.10");
    assert_string_equal(doc.entries[2].id, "6.0.5");
    /* a table of contents repeating the numbers is passed over */
    assert_int_equal(rd("Contents\n\n1.1 Alpha?\n1.2 Beta?\n\n"
                        "1.1 Alpha?\n\n   A.\n\n1.2 Beta?\n\n   B.\n"),
                     2);
    assert_string_equal(doc.entries[0].answer, "A.");
    assert_string_equal(doc.entries[1].answer, "B.");
}

static void test_top_level(void **state)
{
    (void)state;
    /* "1." ... numbering, aligned on the right, questions or not */
    assert_int_equal(rd("Questions about the tool\n\n"
                        " 1. Is it free?\n\n    Yes.\n\n"
                        " 2. The build fails.\n\n    Read the log.\n\n"
                        " 3. Where is the list of\n    changes?\n\n    In NEWS.\n\n"
                        "10. Who wrote it?\n\n    Many people.\n"),
                     3);
    assert_string_equal(doc.entries[1].id, "2");
    assert_string_equal(doc.entries[1].question, "The build fails.");
    assert_string_equal(doc.entries[2].question, "Where is the list of changes?");
    /* 10 does not follow 3: no question; at the margin of an indented
     * answer, no text of it either */
    assert_string_equal(doc.entries[2].answer, "In NEWS.");
    /* with deeper numbers, "1." is a part title, not a question */
    assert_int_equal(rd("1. Basics\n----------\n\n1.1. What is it?\nA tool.\n\n----------\n"
                        "2. More\n----------\n\n2.1. Does it scale?\nYes.\n"),
                     2);
    assert_string_equal(doc.entries[0].answer, "A tool.");
    assert_string_equal(doc.entries[1].answer, "Yes.");
}

static void test_parts(void **state)
{
    (void)state;
    /* a question with no text of its own, answered in parts that are no
     * questions: it lists them under a lead, their text stays theirs, and
     * each part says what it is a part of */
    assert_int_equal(rd("4.3. How do I read a variable?\n\n"
                        "4.3.1. - on Unix\n\n   Use $HOME.\n\n"
                        "4.3.2. - on DOS\n\n   Use %HOME%.\n"),
                     3);
    assert_string_equal(doc.entries[0].id, "4.3");
    assert_string_equal(doc.entries[0].answer, "The answer comes in parts; ask about the one you need:\n\n"
                                               "- **4.3.1** - on Unix\n- **4.3.2** - on DOS");
    assert_string_equal(doc.entries[1].id, "4.3.1");
    assert_string_equal(doc.entries[1].question, "- on Unix");
    assert_string_equal(doc.entries[1].answer, "How do I read a variable? - on Unix\n\nUse $HOME.");
    assert_string_equal(doc.entries[2].answer, "How do I read a variable? - on DOS\n\nUse %HOME%.");
    /* parts of parts: a list nested as they are numbered, the way to each */
    assert_int_equal(rd("2.2. Where can I get it?\n\n"
                        "2.2.1. Free versions\n\n"
                        "2.2.1.1. Unix platforms\n\n   From the archive.\n\n"
                        "2.2.2. Commercial versions\n\n"
                        "2.2.2.1. Unix platforms\n\n   From the vendor.\n\n"
                        "2.3. Is it free?\n\n   Yes.\n"),
                     4);
    assert_string_equal(doc.entries[0].answer, "The answer comes in parts; ask about the one you need:\n\n"
                                               "- **2.2.1** Free versions\n  - **2.2.1.1** Unix platforms\n"
                                               "- **2.2.2** Commercial versions\n  - **2.2.2.1** Unix platforms");
    assert_string_equal(doc.entries[2].id, "2.2.2.1");
    assert_string_equal(doc.entries[2].answer,
                        "Where can I get it? \xE2\x80\xBA Commercial versions \xE2\x80\xBA Unix platforms\n\n"
                        "From the vendor.");
    /* the section after the parts is no part */
    assert_string_equal(doc.entries[3].answer, "Yes.");
    /* the lead in the language the document is written in */
    assert_int_equal(rd("3.1. Comment lire une variable d'environnement ?\n\n"
                        "3.1.1. - sous Unix\n\n   Utilisez $HOME dans le shell, comme le font les programmes.\n\n"
                        "3.1.2. - sous DOS\n\n   Utilisez %HOME% dans la fenêtre de commandes de Windows.\n"),
                     3);
    assert_string_equal(doc.entries[0].answer, "La réponse a plusieurs parties ; demandez celle qu'il vous faut :\n\n"
                                               "- **3.1.1** - sous Unix\n- **3.1.2** - sous DOS");
    /* a question with neither text nor parts is no entry, lead or not */
    assert_int_equal(rd("4.3. How do I read a variable?\n\n5.1. Is it free?\n\n   Yes, it is.\n"), 1);
    assert_string_equal(doc.entries[0].id, "5.1");
    /* a title over questions is a chapter's, no entry */
    assert_int_equal(rd("5. WHY DOES IT FAIL?\n\n5.1. Why does it stop?\n\n   A lock.\n\n5.2. Why is it slow?\n\n   The disk.\n"), 2);
    assert_string_equal(doc.entries[0].id, "5.1");
}

/* The entries read are n, their part titles want (NULL: none), in order. */
static void assert_parts(int n, const char *const *want)
{
    assert_int_equal(doc.n, n);
    for (int i = 0; i < n; i++)
        if (want[i])
            assert_string_equal(doc.entries[i].part, want[i]);
        else
            assert_null(doc.entries[i].part);
}

/* Each section keeps its chapter's title (written as a part title): from
 * the text ("1. Basics" over 1.1, "6.0 Old systems" over 6.0.5), else from
 * the table of contents when the text names its chapters in words of its
 * language ("Chapter 2. More"); a numbered list in an answer is no title. */
static void test_chapters(void **state)
{
    (void)state;
    rd("1. Basics\n----------\n\n1.1. What is it?\nA tool:\n\n1. download it\n2. run it\n\n"
       "1.2. Is it free?\nYes.\n\n2. More\n----------\n\n2.1. Does it scale?\nYes.\n");
    assert_parts(3, (const char *const[]){"Basics", "Basics", "More"});
    rd("Contents\n\n1. Basics\n2. More\n\nChapter 1. Basics\n\n1.1. What is it?\n\n   A tool.\n\n"
       "Chapter 2. More\n\n2.1. Does it scale?\n\n   Yes.\n");
    assert_parts(2, (const char *const[]){"Basics", "More"});
    rd("5.9. First?\n\n   One.\n\n6.0 Old systems\n\n6.0.5 Statement of retirement\n\n   Gone.\n");
    assert_parts(2, (const char *const[]){NULL, "Old systems"});
}

static void test_deeper_prose(void **state)
{
    (void)state;
    /* a definition indented under its term is prose, a listing code, a
     * list item's lines go with it */
    assert_int_equal(rd("1.1. What is there?\n\n"
                        "    Freedom:\n\n"
                        "        Every part of the system can be shared and changed by\n"
                        "        anyone who has a copy of it.\n\n"
                        "    The mirrors hold:\n\n"
                        "     /dists/stable -> current/\n"
                        "     /dists/testing -> next/\n\n"
                        "      * a list item whose text runs over\n"
                        "        to a second line\n"),
                     1);
    assert_string_equal(doc.entries[0].answer, "Freedom:\n\n"
                                                "Every part of the system can be shared and changed by\n"
                                                "anyone who has a copy of it.\n\n"
                                                "The mirrors hold:\n\n"
                                                "```\n/dists/stable -> current/\n/dists/testing -> next/\n```\n\n"
                                                "* a list item whose text runs over\nto a second line");
}

/* A question with no answer, in the middle or last (a document cut short),
 * is left out with a note at its line; a chapter title over its sections
 * ("2." over 2.1, "3.0" over 3.1) is no such question. */
static void test_unanswered_told(void **state)
{
    (void)state;
    assert_int_equal(rd("1. How do I join?\n\n2. What does it cost?\n   Nothing.\n\n3. Where are you?\n"), 1);
    assert_string_equal(doc.entries[0].question, "What does it cost?");
    assert_int_equal(doc.n_notes, 2);
    assert_int_equal(doc.notes[0].line, 1);
    assert_non_null(strstr(doc.notes[0].what, "\"How do I join?\" has no answer"));
    assert_int_equal(doc.notes[1].line, 6);
    assert_non_null(strstr(doc.notes[1].what, "\"Where are you?\""));
    assert_int_equal(rd("1. Basics\n\n1.1. What is it?\n   A tool.\n\n2.0 Ports\n\n2.1 Which ports?\n   All.\n"), 2);
    assert_int_equal(doc.n_notes, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_fenced),
        cmocka_unit_test(test_unanswered_told),     cmocka_unit_test(test_question_continued),
        cmocka_unit_test(test_text_after_block),
        cmocka_unit_test(test_sequence),        cmocka_unit_test(test_top_level),
        cmocka_unit_test(test_parts),           cmocka_unit_test(test_deeper_prose),
        cmocka_unit_test(test_chapters),
    };
    int rc = cmocka_run_group_tests_name("import_numbered", tests, NULL, NULL);
    import_doc_free(&doc);
    return rc;
}
