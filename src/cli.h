/* cli.h: what the command line's commands share: the row of the command
 * table a command runs under, its options' parsing, the threshold and
 * tuning options, the exit codes. Front end only: it prints its messages. */
#ifndef FAQ_CLI_H
#define FAQ_CLI_H

#include <stddef.h>

#include "index_read.h"
#include "search_params.h"

#define CLI_DEFAULT_CORPUS "corpus"

/* the exit codes `faqbot --help` lists */
enum { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_DATA = 2 };
enum { CLI_OPTS_BAD = -1, CLI_OPTS_HELP = -2 };

/* A row of the command table (main.c); run gets its own row, argv[0]
 * being the command's name. */
typedef struct cli_command {
    const char *name;
    int (*run)(const struct cli_command *cmd, int argc, char **argv);
    const char *summary;
    const char *usage;
} cli_command;

/* An option --name VALUE (value set) or --flag (flag set to 1); a table of
 * them ends with a NULL name. With count set, the option may be given up to
 * most times, its values filling value[0], value[1], ... */
typedef struct cli_opt {
    const char *name;
    int takes_value;
    const char **value;
    int *flag;
    size_t *count;
    size_t most;
} cli_opt;
#define CLI_VALUE(name, value) {name, 1, value, NULL, NULL, 0}
#define CLI_FLAG(name, flag) {name, 0, NULL, flag, NULL, 0}
#define CLI_LIST(name, values, count, most) {name, 1, values, NULL, count, most}
#define CLI_END {NULL, 0, NULL, NULL, NULL, 0}

/* The program's name as the user ran it (main's argv[0]), which the hints
 * that print a command line name, so that the line runs when copied;
 * "faqbot" until set. */
void cli_set_program(const char *argv0);
const char *cli_program(void);

/* The environment's say in where the core looks (resources.h), read once
 * at the start: FAQBOT_HUNSPELL_DIR, FAQBOT_MYTHES_DIR, FAQBOT_DICTD_DIR
 * (each set: that folder, "" none; unset: the system's) and
 * SOURCE_DATE_EPOCH (set, not empty: the build time an index records). */
void cli_read_environment(void);

/* A command's options, up to its first operand or "--"; returns the index
 * of that operand (argc: none), CLI_OPTS_BAD after saying what is wrong, or
 * CLI_OPTS_HELP after printing the help that --help asked for. */
int cli_parse_opts(const cli_command *cmd, int argc, char **argv, const cli_opt *opts);

/* Refuses argv[i], when there, for a command that takes no operand: names
 * it and, for a folder or a file that an option of the command reads
 * (dir_opt, file_opt: its name, or NULL), says the command with the option
 * ("faqbot lint myfaq" is how a new user types --corpus myfaq). Returns 0
 * when there is none, else -1 (message and usage printed). */
int cli_refuse_operand(const cli_command *cmd, int argc, char **argv, int i, const char *dir_opt,
                       const char *file_opt);

/* The command's summary and usage on stdout; returns EXIT_OK. */
int cli_print_help(const cli_command *cmd);

/* --threshold's value: -1 when s is NULL, -2 (message printed) when it is
 * not a number from 0 to 1. */
double cli_parse_threshold(const char *s, const cli_command *cmd);

/* --params FILE and --set NAME=VALUE (both repeatable, applied in the
 * order given over the defaults: the ranking's parameters, search_params.h)
 * are taken out of argv before the other options are parsed. Returns 0, or
 * -1 (message printed). */
int cli_take_params(const cli_command *cmd, int *argc, char **argv, search_params *p);

/* Opens the index at path into *ix for command cmd, whose name prefixes
 * its messages (cli_hint_no_index); returns 0, or -1 (message printed). */
int cli_open_index(const char *cmd, int index_opt, const char *path, faq_index **ix);

/* When no file is at path, or a folder is, says on stderr (prefixed with
 * command cmd's name, as its other messages) how an index is made, and
 * for a folder, when cmd takes --index (index_opt), how cmd then reads
 * it: a new
 * user's first command is often one that reads an index not written yet,
 * or one given the corpus folder in the index's place. */
void cli_hint_no_index(const char *cmd, int index_opt, const char *path);

/* When the corpus folder dir is missing, says on stderr how one is named
 * or made: `faqbot index` run where no corpus/ is, after `faqbot init DIR`. */
void cli_hint_no_corpus(const char *command, const char *dir);

#endif
