/* cmd_query.h: the commands that answer questions here: ask, repl (serve:
 * cmd_serve.h).
 * Each runs under its row of the command table (main.c) and returns the
 * exit code. */
#ifndef FAQ_CMD_QUERY_H
#define FAQ_CMD_QUERY_H

#include "cli.h"

/* faqbot ask: the answer to a question, or to each line of standard input. */
int cmd_ask(const cli_command *cmd, int argc, char **argv);

/* faqbot repl: questions asked interactively. */
int cmd_repl(const cli_command *cmd, int argc, char **argv);

#endif
