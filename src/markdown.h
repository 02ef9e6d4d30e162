/* markdown.h: an answer's Markdown to HTML with cmark in safe mode: raw HTML
 * and javascript:/vbscript:/file: links are dropped, so the chat page may
 * insert the result as HTML; a bare http:// or https:// address in the text
 * becomes a link, as an editor who pasted it meant. */
#ifndef FAQ_MARKDOWN_H
#define FAQ_MARKDOWN_H

#include <stddef.h>

/* A new NUL-terminated string the caller frees, or NULL if memory ran out. */
char *markdown_to_safe_html(const char *md, size_t len);

/* What of an answer's Markdown the chat page cannot show as written: an
 * HTML block (safe mode drops it whole, its text with it), or a table
 * (CommonMark has none: its rows are shown as text, pipes and all), the
 * first that starts past line after (0: the first of all); an HTML comment,
 * meant unseen, is no finding. Returns
 * MARKDOWN_SHOWN, or what it found with its 1-based line in md in *line;
 * -1 when memory ran out. */
enum { MARKDOWN_SHOWN = 0, MARKDOWN_HTML_BLOCK = 1, MARKDOWN_TABLE = 2 };
int markdown_unshown(const char *md, size_t len, unsigned after, unsigned *line);

/* Append text HTML-escaped to out (cap bytes, NUL-terminated); returns the
 * new length, or cap when it did not fit. */
size_t html_escape(char *out, size_t len, size_t cap, const char *text, size_t n);

#endif
