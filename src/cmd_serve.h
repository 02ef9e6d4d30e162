/* cmd_serve.h: `faqbot serve`, the command that runs the HTTP server
 * (serve.h) until it is told to stop. */
#ifndef FAQ_CMD_SERVE_H
#define FAQ_CMD_SERVE_H

#include "cli.h"

/* faqbot serve: the chat page and the JSON API over HTTP, answering until
 * SIGINT or SIGTERM (SIGHUP: the index read again). Returns the exit code:
 * 0, 1 usage, 2 bad index or cannot listen. */
int cmd_serve(const cli_command *cmd, int argc, char **argv);

#endif
