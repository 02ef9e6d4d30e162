/* cmd_query.c: the commands that answer questions here: ask, repl. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answer_json.h"
#include "answer_text.h"
#include "cli.h"
#include "cmd_query.h"
#include "lang_tag.h"
#include "repl.h"
#include "search.h"
#include "utf8.h"

/* ---- ask ---- */

/* The text of the answers as JSON, one buffer for them all. */
typedef struct json_out {
    char *p;
    size_t cap;
} json_out;

/* A question over the limit (too_long) is declined, not cut and answered:
 * the answer of the empty question, shown with the question asked. json:
 * NULL for the answer as text. */
static void answer_one(searcher *s, const faq_index *ix, const char *q, size_t len, int too_long,
                       const faq_query_opts *o, json_out *json)
{
    faq_answer a;
    if (searcher_ask(s, q, too_long ? 0 : len, o, &a) != 0) {
        fprintf(stderr, "faqbot ask: out of memory\n");
        exit(EXIT_DATA);
    }
    if (json) {
        size_t n;
        int ok = answer_json_text_into(ix, q, len, &a, 0, &json->p, &json->cap, &n) == 0;
        printf("%s\n", ok ? json->p : "{\"error\":\"out of memory\"}");
    } else {
        answer_print(stdout, ix, &a, 0, answer_term_width(stdout));
    }
}

int cmd_ask(const cli_command *cmd, int argc, char **argv)
{
    const char *path = FAQ_DEFAULT_INDEX, *lang = NULL, *thr = NULL;
    int json = 0, explain = 0, no_typos = 0;
    search_params params;
    if (cli_take_params(cmd, &argc, argv, &params) != 0)
        return EXIT_USAGE;
    cli_opt opts[] = {CLI_VALUE("index", &path),       CLI_VALUE("lang", &lang),
                      CLI_VALUE("threshold", &thr),    CLI_FLAG("json", &json),
                      CLI_FLAG("explain", &explain),  CLI_FLAG("no-typos", &no_typos),
                      CLI_END};
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    faq_query_opts o = {0};
    o.threshold = cli_parse_threshold(thr, cmd);
    if (o.threshold < -1.5)
        return EXIT_USAGE;
    o.explain = explain;
    o.no_typos = no_typos;
    o.highlight = json;
    faq_index *ix;
    if (cli_open_index(cmd->name, 1, path, &ix) != 0)
        return EXIT_DATA;
    /* "pt-BR", "EN-gb", "nb": the index's code of it */
    o.lang = lang_tag_code(ix, lang);
    if (lang && !o.lang) {
        fprintf(stderr, "faqbot ask: no language \"%s\" in %s\n", lang, path);
        faq_index_close(ix);
        return EXIT_USAGE;
    }
    searcher *s = searcher_new(ix);
    if (!s) {
        fprintf(stderr, "faqbot ask: out of memory\n");
        faq_index_close(ix);
        return EXIT_DATA;
    }
    searcher_set_params(s, &params);
    json_out out = {NULL, 0};
    if (i < argc) {
        /* the words of the command line are one question */
        size_t cap = 1, len = 0;
        for (int k = i; k < argc; k++)
            cap += strlen(argv[k]) + 1;
        char *q = malloc(cap);
        if (!q) {
            fprintf(stderr, "faqbot ask: out of memory\n");
            searcher_free(s);
            faq_index_close(ix);
            return EXIT_DATA;
        }
        for (int k = i; k < argc; k++) {
            size_t n = strlen(argv[k]);
            if (k > i)
                q[len++] = ' ';
            memcpy(q + len, argv[k], n);
            len += n;
        }
        /* as the server refuses them: a question too long, or one of
         * blanks alone (a shell's empty "$var"), is no question asked */
        int bad = 1;
        if (faq_question_too_long(q, len))
            fprintf(stderr, "faqbot ask: the question is longer than %d characters\n", FAQ_MAX_QUESTION_CHARS);
        else if (utf8_blank(q, len))
            fprintf(stderr, "faqbot ask: the question is empty: give something to ask\n");
        else
            bad = 0;
        if (!bad)
            answer_one(s, ix, q, len, 0, &o, json ? &out : NULL);
        free(q);
        free(out.p);
        searcher_free(s);
        faq_index_close(ix);
        return bad ? EXIT_USAGE : EXIT_OK;
    } else {
        /* batch: one answer for every line, empty and invalid ones too.
         * Typed at a terminal with no question, it would wait without a
         * word, as if hung: say what it waits for, where a pipe's reader
         * does not see it */
        if (isatty(STDIN_FILENO))
            fprintf(stderr, "faqbot ask: type a question a line, Ctrl-D to end "
                            "(faqbot repl for a conversation)\n");
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        unsigned long line_no = 0;
        while ((n = getline(&line, &cap, stdin)) >= 0) {
            line_no++;
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                n--;
            int too_long = faq_question_too_long(line, (size_t)n);
            if (too_long)
                fprintf(stderr, "faqbot ask: line %lu: the question is longer than %d characters: declined\n",
                        line_no, FAQ_MAX_QUESTION_CHARS);
            answer_one(s, ix, line, (size_t)n, too_long, &o, json ? &out : NULL);
            if (!json)
                printf("\n");
            fflush(stdout);
        }
        free(line);
        free(out.p);
    }
    searcher_free(s);
    faq_index_close(ix);
    return EXIT_OK;
}

/* ---- repl ---- */

int cmd_repl(const cli_command *cmd, int argc, char **argv)
{
    const char *path = FAQ_DEFAULT_INDEX, *lang = NULL, *thr = NULL;
    cli_opt opts[] = {CLI_VALUE("index", &path), CLI_VALUE("lang", &lang), CLI_VALUE("threshold", &thr),
                      CLI_END};
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (cli_refuse_operand(cmd, argc, argv, i, NULL, "index") != 0)
        return EXIT_USAGE;
    double th = cli_parse_threshold(thr, cmd);
    if (th < -1.5)
        return EXIT_USAGE;
    int rc = repl_run(path, lang, th);
    if (rc == EXIT_DATA)
        cli_hint_no_index(cmd->name, 1, path);
    return rc;
}
