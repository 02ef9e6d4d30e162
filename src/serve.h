/* serve.h: `faqbot serve`: the chat page and the JSON API over HTTP
 * (libmicrohttpd), answering from an index that is swapped live when the
 * file changes. */
#ifndef FAQ_SERVE_H
#define FAQ_SERVE_H

/* Parses its own options (argv[0] is "serve"), runs until SIGINT/SIGTERM,
 * returns the exit code: 0, 1 usage, 2 bad index or cannot listen. */
int serve_main(int argc, char **argv);

#endif
