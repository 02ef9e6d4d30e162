/* markdown.c: safe Markdown rendering and HTML escaping (see markdown.h). */
#include "markdown.h"

#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* safe is cmark's default since 0.29 (CMARK_OPT_SAFE is kept for older
 * versions): never add CMARK_OPT_UNSAFE, the page inserts this as HTML */
#define MD_OPTIONS (CMARK_OPT_SAFE | CMARK_OPT_SMART)

static int ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The length of a bare web address at s (n bytes), or 0: "http://" or
 * "https://" and what follows up to a blank or "<", less the punctuation
 * that ends a sentence and a ")" the address did not open (GFM's rule). */
static size_t bare_url(const char *s, size_t n)
{
    size_t k = n >= 8 && strncmp(s, "https://", 8) == 0 ? 8 : n >= 7 && strncmp(s, "http://", 7) == 0 ? 7 : 0;
    if (!k)
        return 0;
    size_t end = k;
    while (end < n && !strchr(" \t\r\n<", s[end]))
        end++;
    for (;;) {
        if (end > k && strchr(".,:;!?'\"*_~", s[end - 1])) {
            end--;
            continue;
        }
        if (end > k && s[end - 1] == ')') {
            int depth = 0;
            for (size_t i = k; i < end; i++)
                depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
            if (depth < 0) {
                end--;
                continue;
            }
        }
        break;
    }
    return end > k ? end : 0;
}

/* A text node's bare web addresses made links (what an editor who pastes an
 * address means); 0, or -1 when memory runs out. Returns the node after the
 * last one made, for the walk to go on from. */
static int link_text(cmark_node *text, cmark_node **next)
{
    const char *s = cmark_node_get_literal(text);
    *next = cmark_node_next(text);
    size_t n = s ? strlen(s) : 0, from = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z')))
            continue;   /* "xhttp://" is no address */
        size_t u = bare_url(s + i, n - i);
        if (!u)
            continue;
        cmark_node *before = cmark_node_new(CMARK_NODE_TEXT), *link = cmark_node_new(CMARK_NODE_LINK),
                   *label = cmark_node_new(CMARK_NODE_TEXT);
        char *url = strndup(s + i, u), *pre = strndup(s + from, i - from);
        int bad = !before || !link || !label || !url || !pre || !cmark_node_set_literal(before, pre) ||
                  !cmark_node_set_url(link, url) || !cmark_node_set_literal(label, url) ||
                  !cmark_node_append_child(link, label);
        free(url);
        free(pre);
        if (bad || !cmark_node_insert_before(text, before) || !cmark_node_insert_before(text, link)) {
            cmark_node_free(before);
            cmark_node_free(link);
            if (!cmark_node_parent(label))
                cmark_node_free(label);
            return -1;
        }
        from = i + u;
        i = from - 1;
    }
    if (from) {
        char *rest = strdup(s + from);
        int bad = !rest || !cmark_node_set_literal(text, rest);
        free(rest);
        if (bad)
            return -1;
        if (!*cmark_node_get_literal(text)) {
            cmark_node_unlink(text);
            cmark_node_free(text);
        }
    }
    return 0;
}

/* Every bare address in the document's text, outside links (code is no
 * text node), made a link; 0, or -1 when memory runs out. */
static int link_bare_urls(cmark_node *n)
{
    while (n) {
        cmark_node *next = cmark_node_next(n);
        if (cmark_node_get_type(n) == CMARK_NODE_TEXT) {
            if (link_text(n, &next) != 0)
                return -1;
        } else if (cmark_node_get_type(n) != CMARK_NODE_LINK && cmark_node_get_type(n) != CMARK_NODE_IMAGE &&
                   link_bare_urls(cmark_node_first_child(n)) != 0) {
            return -1;
        }
        n = next;
    }
    return 0;
}

/* Whether the source (n bytes at md) has "--" then the word of wn bytes
 * at w, with no letter or digit before the dashes nor after the word */
static int typed_option(const char *md, size_t n, const char *w, size_t wn)
{
    for (size_t i = 0; i + 2 + wn <= n; i++) {
        const char *p = memchr(md + i, '-', n - i - 2 - wn + 1);
        if (!p)
            return 0;
        i = (size_t)(p - md);
        if (p[1] == '-' && memcmp(p + 2, w, wn) == 0 && !(i && ascii_alnum(md[i - 1])) &&
            !(i + 2 + wn < n && ascii_alnum(md[i + 2 + wn])))
            return 1;
    }
    return 0;
}

/* A command's long option written in the text ("run it with --verbose")
 * kept as typed: smart punctuation makes "--" an en dash, and "–verbose"
 * copied from the page is no option. An en dash that a letter or digit
 * follows at once, with none before it ("1--2" and "a -- b" stay
 * dashes), was an option's when the source has "--" and that word: a
 * dash typed as such stays ("la Red –a saber, ...–", Spanish's inciso).
 * 0, or -1 when memory runs out. */
static int keep_option_dashes(cmark_node *n, const char *md, size_t mdlen)
{
    static const char dash[] = "\xe2\x80\x93";
    for (; n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_TEXT) {
            if (keep_option_dashes(cmark_node_first_child(n), md, mdlen) != 0)
                return -1;
            continue;
        }
        const char *lit = cmark_node_get_literal(n);
        if (!lit || !strstr(lit, dash))
            continue;
        /* the text's start is a word's when a node ends the line before,
         * or none is before it in its parent ("**--help**") */
        cmark_node *prev = cmark_node_previous(n);
        int start_free = !prev || cmark_node_get_type(prev) == CMARK_NODE_SOFTBREAK ||
                         cmark_node_get_type(prev) == CMARK_NODE_LINEBREAK;
        size_t len = strlen(lit), o = 0;
        char *out = malloc(len + 1);
        if (!out)
            return -1;
        for (size_t k = 0; k < len; k++) {
            size_t wn = 0;
            if (k + 3 <= len && memcmp(lit + k, dash, 3) == 0 &&
                (k ? (unsigned char)lit[k - 1] < 0x80 && !ascii_alnum(lit[k - 1]) : start_free))
                while (ascii_alnum(lit[k + 3 + wn]))
                    wn++;
            if (wn && typed_option(md, mdlen, lit + k + 3, wn)) {
                out[o++] = '-';
                out[o++] = '-';
                k += 2;
            } else {
                out[o++] = lit[k];
            }
        }
        out[o] = '\0';
        int bad = !cmark_node_set_literal(n, out);
        free(out);
        if (bad)
            return -1;
    }
    return 0;
}

char *markdown_to_safe_html(const char *md, size_t len)
{
    cmark_node *doc = cmark_parse_document(md, len, MD_OPTIONS);
    if (!doc)
        return NULL;
    char *html = keep_option_dashes(doc, md, len) == 0 && link_bare_urls(doc) == 0
                     ? cmark_render_html(doc, MD_OPTIONS)
                     : NULL;
    cmark_node_free(doc);
    return html;
}

/* A table's delimiter row as cmark reads it, a paragraph's line of text:
 * "|---|:--:|", "--- | ---" (pipes, dashes, colons and blanks, with a pipe
 * and a run of three dashes). */
static int delimiter_row(const char *s)
{
    int pipe = 0, dashes = 0, run = 0;
    for (; *s; s++) {
        if (*s == '-')
            run++;
        else if (*s == '|' || *s == ':' || *s == ' ' || *s == '\t')
            run = 0;
        else
            return 0;
        pipe |= *s == '|';
        dashes |= run >= 3;
    }
    return pipe && dashes;
}

/* Whether a link's or image's address names no place of its own: no
 * scheme ("https:", "mailto:"), not "//host/...", not the site's own path
 * ("/forms/a.pdf", which a proxy in front of the server may serve) nor a
 * place in the page ("#hours"): "img/map.png", "www.example.org", "". */
static int address_relative(const char *url)
{
    if (!url)
        return 0;
    if (url[0] == '/' || url[0] == '#')
        return 0;
    const char *p = url;
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
        while (ascii_alnum(*p) || *p == '+' || *p == '.' || *p == '-')
            p++;
        if (*p == ':')
            return 0;
    }
    return 1;
}

/* Whether an image's address is another site's ("https://...",
 * "//host/..."): the chat page loads its own site's images alone (its
 * Content-Security-Policy's img-src) */
static int address_elsewhere(const char *url)
{
    return url && (strncmp(url, "//", 2) == 0 || strncasecmp(url, "http://", 7) == 0 ||
                   strncasecmp(url, "https://", 8) == 0);
}

/* What a link's or image's address (node type t) leaves unshown:
 * MARKDOWN_RELATIVE, MARKDOWN_RELATIVE_IMAGE, MARKDOWN_IMAGE_ELSEWHERE, or
 * MARKDOWN_SHOWN. */
static int address_unshown(cmark_node_type t, const char *url)
{
    if (address_relative(url))
        return t == CMARK_NODE_IMAGE ? MARKDOWN_RELATIVE_IMAGE : MARKDOWN_RELATIVE;
    return t == CMARK_NODE_IMAGE && address_elsewhere(url) ? MARKDOWN_IMAGE_ELSEWHERE : MARKDOWN_SHOWN;
}

int markdown_unshown(const char *md, size_t len, unsigned after, unsigned *line, char *addr,
                     size_t addrcap)
{
    /* parsed without CMARK_OPT_SMART, which would make the row's dashes
     * dashes of punctuation */
    cmark_node *doc = cmark_parse_document(md, len, CMARK_OPT_SAFE);
    if (!doc)
        return -1;
    int found = MARKDOWN_SHOWN;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while (found == MARKDOWN_SHOWN && it && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node_type t = cmark_node_get_type(n);
        int what = MARKDOWN_SHOWN;
        cmark_node *at = n;
        const char *lit = t == CMARK_NODE_HTML_BLOCK ? cmark_node_get_literal(n) : NULL;
        if (lit && strncmp(lit + strspn(lit, " "), "<!--", 4) != 0) {
            /* a comment is meant unseen (an entry's "<!-- meta: ... -->") */
            what = MARKDOWN_HTML_BLOCK;
        } else if (t == CMARK_NODE_TEXT && cmark_node_previous(n) &&
                   cmark_node_get_type(cmark_node_previous(n)) == CMARK_NODE_SOFTBREAK &&
                   delimiter_row(cmark_node_get_literal(n))) {
            /* the header row above it opens the paragraph that is the table */
            what = MARKDOWN_TABLE;
            at = cmark_node_parent(n);
        } else if ((t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) &&
                   (what = address_unshown(t, cmark_node_get_url(n))) != MARKDOWN_SHOWN) {
            if (addrcap)
                snprintf(addr, addrcap, "%s", cmark_node_get_url(n));
            /* an inline's own line, or its block's when cmark gives none */
            while (cmark_node_get_start_line(at) <= 0 && cmark_node_parent(at))
                at = cmark_node_parent(at);
        }
        int l = cmark_node_get_start_line(at);
        if (what != MARKDOWN_SHOWN && l > 0 && (unsigned)l > after) {
            found = what;
            *line = (unsigned)l;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    return it ? found : -1;
}

/* A code span's text between backticks one more than its longest run (a
 * blank inside them when it starts or ends with one), as CommonMark reads
 * it back */
static void code_span(FILE *o, const char *lit)
{
    size_t run = 0, most = 0, n = strlen(lit);
    for (size_t i = 0; i < n; i++) {
        run = lit[i] == '`' ? run + 1 : 0;
        if (run > most)
            most = run;
    }
    int pad = n && (lit[0] == '`' || lit[n - 1] == '`');
    for (size_t i = 0; i <= most; i++)
        fputc('`', o);
    fprintf(o, "%s%s%s", pad ? " " : "", lit, pad ? " " : "");
    for (size_t i = 0; i <= most; i++)
        fputc('`', o);
}

/* Whether a link shows its address alone: its one text is the address (an
 * autolink, "[https://x](https://x)", "<a@b.org>" as mailto:a@b.org) */
static int link_is_url(cmark_node *link)
{
    cmark_node *c = cmark_node_first_child(link);
    const char *url = cmark_node_get_url(link), *t = c ? cmark_node_get_literal(c) : NULL;
    if (!url || !t || cmark_node_get_type(c) != CMARK_NODE_TEXT || cmark_node_next(c))
        return 0;
    return strcmp(url, t) == 0 || (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, t) == 0);
}

/* A paragraph's inline nodes as text to o (see markdown_inline_text) */
static void inline_walk(FILE *o, cmark_iter *it, int styled, int keep_lines)
{
    /* nested bold in bold: styled once, ended by the outer one's end */
    int bold = 0, italic = 0;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        int enter = ev == CMARK_EVENT_ENTER;
        const char *lit = cmark_node_get_literal(n), *url = cmark_node_get_url(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
            fputs(lit ? lit : "", o);
            break;
        case CMARK_NODE_CODE:
            code_span(o, lit ? lit : "");
            break;
        case CMARK_NODE_SOFTBREAK:
            fputc(keep_lines ? '\n' : ' ', o);
            break;
        case CMARK_NODE_LINEBREAK:
            fputc('\n', o);
            break;
        case CMARK_NODE_STRONG:
            if (styled && (enter ? bold++ == 0 : --bold == 0))
                fputs(enter ? "\033[1m" : "\033[22m", o);
            break;
        case CMARK_NODE_EMPH:
            if (styled && (enter ? italic++ == 0 : --italic == 0))
                fputs(enter ? "\033[3m" : "\033[23m", o);
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            if (enter && link_is_url(n)) {
                fprintf(o, "<%s>", cmark_node_get_literal(cmark_node_first_child(n)));
                cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            } else if (!enter && url && *url) {
                fprintf(o, "%s<%s>", cmark_node_first_child(n) ? " " : "", url);
            }
            break;
        default:
            break;
        }
    }
}

char *markdown_inline_text(const char *s, size_t len, int styled, int keep_lines, size_t *out_len)
{
    char *text = NULL;
    size_t n = 0;
    FILE *o = open_memstream(&text, &n);
    if (!o)
        return NULL;
    /* no CMARK_OPT_SMART: a terminal shows the quotes and dashes typed */
    cmark_node *doc = cmark_parse_document(s, len, CMARK_OPT_SAFE);
    cmark_node *p = doc ? cmark_node_first_child(doc) : NULL;
    cmark_iter *it = NULL;
    if (p && cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH) {
        it = cmark_iter_new(p);
        if (it) {
            cmark_iter_next(it);   /* the paragraph itself */
            inline_walk(o, it, styled, keep_lines);
        }
    } else if (doc) {
        fwrite(s, 1, len, o);   /* a rule, a lone "#": as written */
    }
    int ok = doc && (it || !p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH);
    if (it)
        cmark_iter_free(it);   /* these take no NULL */
    if (doc)
        cmark_node_free(doc);
    if (fclose(o) != 0 || !ok || !text) {
        free(text);
        return NULL;
    }
    *out_len = n;
    return text;
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
