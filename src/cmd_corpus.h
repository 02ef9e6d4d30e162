/* cmd_corpus.h: the commands that make or convert a corpus: import, export, init.
 * Each runs under its row of the command table (main.c) and returns the
 * exit code. */
#ifndef FAQ_CMD_CORPUS_H
#define FAQ_CMD_CORPUS_H

#include "cli.h"

/* faqbot import: another FAQ format turned into faqbot Markdown on stdout. */
int cmd_import(const cli_command *cmd, int argc, char **argv);

/* faqbot export: a corpus written as QnA Maker's CSV on stdout. */
int cmd_export(const cli_command *cmd, int argc, char **argv);

/* faqbot init: a corpus folder started with a sample entry. */
int cmd_init(const cli_command *cmd, int argc, char **argv);

#endif
