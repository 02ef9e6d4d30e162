/* cmd_quality.h: the commands that measure and mend a FAQ: review, eval, lint.
 * Each runs under its row of the command table (main.c) and returns the
 * exit code. */
#ifndef FAQ_CMD_QUALITY_H
#define FAQ_CMD_QUALITY_H

#include "cli.h"

/* faqbot review: declined and voted-down questions grouped into alternate
 * questions for their entries. */
int cmd_review(const cli_command *cmd, int argc, char **argv);

/* faqbot eval: answer quality measured on query files, or the decline model
 * fitted (--fit). */
int cmd_eval(const cli_command *cmd, int argc, char **argv);

/* faqbot lint: corpus errors, near-duplicate questions, unreachable entries and
 * missing translations reported; exit 1 when any. */
int cmd_lint(const cli_command *cmd, int argc, char **argv);

#endif
