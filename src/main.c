/* main.c: the faqbot command line: one table of commands, each with its help;
 * the commands themselves are in cmd_*.c. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_corpus.h"
#include "cmd_index.h"
#include "cmd_quality.h"
#include "cmd_query.h"
#include "cmd_serve.h"

#define FAQBOT_VERSION "0.1.0"

static int cmd_help(const cli_command *cmd, int argc, char **argv);
static int cmd_version(const cli_command *cmd, int argc, char **argv)
{
    printf("faqbot %s\n", FAQBOT_VERSION);
    return EXIT_OK;
}

static const cli_command commands[] = {
    {"index", cmd_index, "Read the corpus and write the index (atomically).",
     "faqbot index [--corpus DIR] [--out FILE] [--memory SIZE] [--lenient]   (defaults: corpus/,\n"
     "  " FAQ_DEFAULT_INDEX ", 256M; --lenient: a malformed heading, id or alternate line is a warning,\n"
     "  not an error)"},
    {"ask", cmd_ask, "Answer a question, or one question per line of standard input.",
     "faqbot ask [--index FILE] [--lang CODE] [--json] [--explain] [--threshold X] [--no-typos] "
     "[--params FILE] [--set NAME=VALUE]... [QUESTION...]"},
    {"repl", cmd_repl, "Ask questions interactively (:help, :lang CODE, :reload, :quit).",
     "faqbot repl [--index FILE] [--lang CODE] [--threshold X]"},
    {"serve", cmd_serve, "Serve the chat page and the JSON API over HTTP.",
     "faqbot serve [--index FILE] [--bind ADDR] [--port N] [--web DIR] [--threads N] [--threshold X] "
     "[--log-questions] [--no-cache] [--unanswered FILE] [--feedback-log FILE] [--access-log FILE] "
     "[--allow-origin ORIGIN]... [--frame-ancestors SRC] [--trust-proxy ADDR]... [--endpoint-key KEY] "
     "[--params FILE] [--set NAME=VALUE]..."},
    {"eval", cmd_eval, "Measure answer quality on query files (lang, query, expected id or NONE).",
     "faqbot eval [--index FILE] [--threshold X] [--sweep] [--quiet] [--explain] [--ablate] "
     "[--vary NAME=V1,V2,...] "
     "[--params FILE] [--set NAME=VALUE]... [--features OUT] FILE.tsv...   (parameters: faqbot "
     "eval --list-params)\n"
     "       faqbot eval --fit [--only NAME,...] [--after NAME,...] [--hold] [--set NAME=VALUE]... FEATURES..."},
    {"import", cmd_import, "Turn a FAQ (QnA Maker or spreadsheet CSV/TSV, Q:/A: text, numbered text, web page, Markdown) "
     "into faqbot Markdown on stdout.",
     "faqbot import [--format csv|tsv|qa|numbered|html|markdown|md|htm] [--columns QUESTION,ANSWER] [--title TEXT] "
     "[--prefix ID-PREFIX] [--file NAME.md] [--out FILE.md | --out-dir DIR] [FILE|-]\n"
     "  (the format, unless given, from the file name, else from the text; --out: written whole or\n"
     "  not at all, a failed import leaves it as it was, where \"> FILE.md\" empties it; its folder\n"
     "  made if missing, a new language's; --out-dir: a\n"
     "  sheet with a Language column (codes or names) as DIR/<lang>/FILE.md, one per language, all or\n"
     "  none, rows of one QnaId or Id in two languages translations of each other; --columns: a spreadsheet's\n"
     "  header names of the question and answer columns, as Frage,Antwort; --file: the rows of one\n"
     "  corpus file that faqbot export named in the Source column; --title: the document's title,\n"
     "  by default a page's <h1> or <title>, a Markdown document's \"# Title\", else FAQ)"},
    {"export", cmd_export, "Write a corpus as QnA Maker's CSV (Question, Answer, Source, Metadata, QnaId) on stdout.",
     "faqbot export [--corpus DIR] [--lang CODE] [--format csv]"},
    {"init", cmd_init, "Start a FAQ: a corpus folder with a sample entry and its format explained.",
     "faqbot init DIR --lang CODE   (CODE: a language faqbot can stem, as en; its pack's sample where one ships, else English)"},
    {"lint", cmd_lint, "Report corpus errors, near-duplicate questions, unreachable entries, missing "
     "translations; exit 1 when any.",
     "faqbot lint [--corpus DIR | --index FILE] [--format text|json]   (default: --index " FAQ_DEFAULT_INDEX ")"},
    {"check", cmd_check, "Read a whole index file and verify its checksums and structure (exit 2 if corrupt).",
     "faqbot check [INDEX]   (default: " FAQ_DEFAULT_INDEX ")"},
    {"help", cmd_help, "Show the commands, or one command's help.", "faqbot help [COMMAND]"},
    {"review", cmd_review, "Turn declined and voted-down questions into alternate questions for their entries.",
     "faqbot review [--index FILE] [--threshold X] LOG...   (--unanswered and --feedback-log files)"},
    {"--version", cmd_version, "Print the version.", "faqbot --version"},
    {NULL, NULL, NULL, NULL},
};

static const cli_command *find_command(const char *name)
{
    for (const cli_command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

static void usage(FILE *out)
{
    fprintf(out, "faqbot %s: a multilingual FAQ chatbot\n\nusage: %s COMMAND [OPTIONS]\n\n", FAQBOT_VERSION,
            cli_program());
    for (const cli_command *c = commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fprintf(out, "\n%s COMMAND --help for a command's options. Exit codes: 0 ok, 1 usage (lint: findings), 2 bad data.\n",
            cli_program());
}

static int cmd_help(const cli_command *cmd, int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
        return cli_print_help(cmd);
    if (argc > 1) {
        const cli_command *c = find_command(argv[1]);
        if (!c) {
            fprintf(stderr, "faqbot: no command \"%s\"\n", argv[1]);
            return EXIT_USAGE;
        }
        return cli_print_help(c);
    }
    usage(stdout);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    /* A write past the file-size limit (ulimit -f, a container's) would
     * kill faqbot at once, unsaid, and leave index's half-written file
     * beside the old index (or a server gone over its log); ignored, the
     * write fails with EFBIG, which every writer tells and cleans up after
     * like a full disk. */
    signal(SIGXFSZ, SIG_IGN);
    cli_set_program(argv[0]);
    cli_read_environment();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    const cli_command *c = find_command(argv[1]);
    if (!c) {
        fprintf(stderr, "faqbot: unknown command \"%s\"\n\n", argv[1]);
        usage(stderr);
        return EXIT_USAGE;
    }
    return c->run(c, argc - 1, argv + 1);
}
