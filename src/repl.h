/* repl.h: the interactive front end: line editing and history (libedit) on
 * a terminal, plain lines on a pipe. */
#ifndef FAQ_REPL_H
#define FAQ_REPL_H

/* Runs until EOF or :quit; returns the exit code (0, or 2 when the index
 * cannot be opened). lang may be NULL. */
int repl_run(const char *index_path, const char *lang, double threshold);

#endif
