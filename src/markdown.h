/* markdown.h: an answer's Markdown to HTML with cmark in safe mode: raw HTML
 * and javascript:/vbscript:/file: links are dropped, so the chat page may
 * insert the result as HTML; a bare http:// or https:// address in the text
 * becomes a link, as an editor who pasted it meant. */
#ifndef FAQ_MARKDOWN_H
#define FAQ_MARKDOWN_H

#include <stddef.h>

/* A new NUL-terminated string the caller frees, or NULL if memory ran out. */
char *markdown_to_safe_html(const char *md, size_t len);

/* Append text HTML-escaped to out (cap bytes, NUL-terminated); returns the
 * new length, or cap when it did not fit. */
size_t html_escape(char *out, size_t len, size_t cap, const char *text, size_t n);

#endif
