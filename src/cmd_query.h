/* cmd_query.h: the commands that answer questions: ask, repl, serve.
 * Each runs under its row of the command table (main.c) and returns the
 * exit code. */
#ifndef FAQ_CMD_QUERY_H
#define FAQ_CMD_QUERY_H

#include "cli.h"

/* faqbot ask: the answer to a question, or to each line of standard input. */
int cmd_ask(const cli_command *cmd, int argc, char **argv);

/* faqbot repl: questions asked interactively. */
int cmd_repl(const cli_command *cmd, int argc, char **argv);

/* faqbot serve: the chat page and the JSON API over HTTP. */
int cmd_serve(const cli_command *cmd, int argc, char **argv);

#endif
