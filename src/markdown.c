/* markdown.c: safe Markdown rendering and HTML escaping (see markdown.h). */
#include "markdown.h"

#include <cmark.h>
#include <string.h>

char *markdown_to_safe_html(const char *md, size_t len)
{
    /* safe is cmark's default since 0.29 (CMARK_OPT_SAFE is kept for older
     * versions): never add CMARK_OPT_UNSAFE, the page inserts this as HTML */
    return cmark_markdown_to_html(md, len, CMARK_OPT_SAFE | CMARK_OPT_SMART);
}

size_t html_escape(char *out, size_t len, size_t cap, const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (text[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        }
        size_t k = rep ? strlen(rep) : 1;
        if (len + k + 1 > cap)
            return cap;
        if (rep)
            memcpy(out + len, rep, k);
        else
            out[len] = text[i];
        len += k;
    }
    out[len] = '\0';
    return len;
}
