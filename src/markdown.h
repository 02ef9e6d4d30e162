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
 * HTML block (safe mode drops it whole, its text with it), a table
 * (CommonMark has none: its rows are shown as text, pipes and all), or a
 * link or image whose address is relative ("img/map.png", "www.x.org":
 * faqbot serves no corpus files, and a terminal has no page to resolve it
 * against), the first that starts past line after (0: the first of all);
 * an HTML comment, meant unseen, is no finding, nor an address of the
 * site's own ("/forms/a.pdf") or of a place in the page ("#top"); or an
 * image of another site ("https://cdn.example.org/a.png"), which the chat
 * page does not load (its Content-Security-Policy: the site's own images
 * alone). Returns MARKDOWN_SHOWN, or what it found with its 1-based line
 * in md in *line (and the address into addr, cut to addrcap; an image's
 * relative address is MARKDOWN_RELATIVE_IMAGE); -1 when memory ran out. */
enum { MARKDOWN_SHOWN = 0, MARKDOWN_HTML_BLOCK = 1, MARKDOWN_TABLE = 2, MARKDOWN_RELATIVE = 3,
       MARKDOWN_IMAGE_ELSEWHERE = 4, MARKDOWN_RELATIVE_IMAGE = 5 };
int markdown_unshown(const char *md, size_t len, unsigned after, unsigned *line, char *addr,
                     size_t addrcap);

/* A paragraph's inline Markdown (its lines' block starts and indents
 * left out; an emphasis or a link may span its lines) as a terminal
 * shows it: a hard line break as '\n', a line's end as '\n' with
 * keep_lines, else as a space (the text flows on); read
 * by cmark as the page's HTML is made (no smart punctuation: quotes and
 * dashes as written): strong and emphasis in bold and italic when styled
 * (ANSI escapes), their marks dropped either way; a code span in
 * backticks; a link as "text <address>", the address alone when it is its
 * text; an image as its alt text and <address>; inline HTML as written;
 * entities and escapes as the characters they stand for. A line cmark
 * makes no paragraph of (a rule, a lone "#") comes back as written. A new
 * string the caller frees, its length in *out_len; NULL if memory ran out. */
char *markdown_inline_text(const char *s, size_t len, int styled, int keep_lines, size_t *out_len);

/* Append text HTML-escaped to out (cap bytes, NUL-terminated); returns the
 * new length, or cap when it did not fit. */
size_t html_escape(char *out, size_t len, size_t cap, const char *text, size_t n);

#endif
