/* cmd_index.h: the commands that write and verify an index file: index, check.
 * Each runs under its row of the command table (main.c) and returns the
 * exit code. */
#ifndef FAQ_CMD_INDEX_H
#define FAQ_CMD_INDEX_H

#include "cli.h"

/* faqbot index: the corpus read and the index written, atomically. */
int cmd_index(const cli_command *cmd, int argc, char **argv);

/* faqbot check: a whole index file read and its checksums and structure verified. */
int cmd_check(const cli_command *cmd, int argc, char **argv);

#endif
