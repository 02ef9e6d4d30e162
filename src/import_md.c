/* import_md.c: a Markdown document's question headings read into entries
 * (see import_md.h). A project's README keeps its FAQ as one section among
 * others ("## Installation", "## FAQ" over "### How do I ...?", "##
 * License"), so only a heading that asks is a question, at the level where
 * most headings ask; any heading as high or higher ends its answer (the
 * next section is no part of it), a deeper one stays in it. cmark reads the
 * document's structure, as a Markdown viewer shows it: "# comment?" in
 * fenced or indented code is code, an underlined ("setext") heading is a
 * heading, one inside a quote or a list item is part of that block. The
 * answer is the source's own lines, not cmark's rendering of them: the
 * corpus keeps the Markdown as written. */
#include "import_md.h"

#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_parse.h"
#include "utf8.h"

#define MD_LEVELS 6

typedef struct heading {
    unsigned line, end;      /* 1-based: its first and last line (a setext heading's underline) */
    int level;               /* 1..6 */
    char *s;                 /* its text, without the marks: "**Why?**" is "Why?" */
    const char *id;          /* its "{#id}", inside s's or ial's allocation, or NULL */
    char *ial;               /* the line under it, when that is kramdown's "{: #id}" */
} heading;

typedef struct md {
    heading *h;
    size_t nh;
    size_t *line_at;         /* line_at[k]: the offset where line k+1 starts; line_at[nlines] = len */
    size_t nlines;
} md;

static void md_free(md *m)
{
    for (size_t k = 0; k < m->nh; k++) {
        free(m->h[k].s);
        free(m->h[k].ial);
    }
    free(m->h);
    free(m->line_at);
}

/* Where each line starts, line ends counted as cmark counts them ("\n",
 * "\r\n" or a lone "\r"), so that its line numbers index the table. */
static int find_lines(const char *text, size_t len, md *m)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
            n++;
    if (!(m->line_at = malloc((n + 1) * sizeof *m->line_at)))
        return -1;
    m->line_at[0] = 0;
    m->nlines = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
            m->line_at[m->nlines++] = i + 1;
    m->line_at[m->nlines] = len;
    return 0;
}

/* The offset where line (1-based) starts; len past the last. */
static size_t line_start(const md *m, unsigned line)
{
    return line >= 1 && line <= m->nlines ? m->line_at[line - 1] : m->line_at[m->nlines];
}

/* The line (1-based) offset off is on. */
static unsigned line_of(const md *m, size_t off)
{
    size_t lo = 0, hi = m->nlines;   /* line_at[lo] <= off < line_at[hi] */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (m->line_at[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (unsigned)lo + 1;
}

/* Is line (1-based) a setext heading's underline: up to three blanks, a
 * run of '=' or '-', blanks? */
static int underline(const char *text, const md *m, unsigned line)
{
    size_t i = line_start(m, line), e = line_start(m, line + 1);
    while (e > i && strchr(" \t\r\n", text[e - 1]))
        e--;
    for (int k = 0; k < 3 && i < e && text[i] == ' '; k++)
        i++;
    if (i == e || (text[i] != '=' && text[i] != '-'))
        return 0;
    char c = text[i];
    while (i < e && text[i] == c)
        i++;
    return i == e;
}

/* A heading's last line: cmark 0.30 counts the line after a setext
 * heading's underline in it when another follows, so its underline is
 * looked for (its text's lines cannot be one: they would have ended it). */
static unsigned heading_end(const char *text, const md *m, unsigned start, unsigned end)
{
    for (unsigned l = start + 1; l <= end; l++)
        if (underline(text, m, l))
            return l;
    return start;
}

/* A heading's text as a reader sees it: its text and code spans' letters,
 * a line break as a blank; malloc'd, or NULL when memory runs out. */
static char *heading_text(cmark_node *node)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    if (!f)
        return NULL;
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *c = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
            fputs(cmark_node_get_literal(c), f);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            fputc(' ', f);
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    if (fclose(f) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

/* Is tok[0..n) one attribute of a heading's attribute block: "#id",
 * ".class", "key=value" or Pandoc's "-" (unnumbered)? */
static int attribute(const char *tok, size_t n)
{
    if (n == 1)
        return tok[0] == '-';
    if (tok[0] == '#' || tok[0] == '.')
        return 1;
    const char *eq = memchr(tok, '=', n);
    return eq && eq > tok;
}

/* A heading's closing attribute block, as static-site generators write it
 * (Pandoc, Hugo, kramdown, MkDocs' attr_list): "{#paying}", "{#paying
 * .faq}", "{: #paying }". The reader never sees it, so it is cut off the
 * text; its id (inside s, NUL-ended) or NULL is the result. Braces holding
 * anything else ("{x}", two ids) stay the question's own text. */
static const char *cut_attributes(char *s)
{
    size_t n = strlen(s);
    while (n && strchr(" \t", s[n - 1]))
        n--;
    if (!n || s[n - 1] != '}')
        return NULL;
    char *open = NULL;
    for (size_t i = n - 1; i-- > 0 && !open;)
        if (s[i] == '{')
            open = s + i;
        else if (s[i] == '}')
            return NULL;
    if (!open)
        return NULL;
    char *p = open + 1, *end = s + n - 1, *id = NULL;
    if (p < end && *p == ':')
        p++;    /* kramdown's and attr_list's "{: #id}" */
    size_t tokens = 0;
    while (p < end) {
        p += strspn(p, " \t");
        size_t t = 0;
        while (p + t < end && p[t] != ' ' && p[t] != '\t')
            t++;
        if (!t)
            break;
        if (!attribute(p, t) || (p[0] == '#' && id))
            return NULL;
        if (p[0] == '#')
            id = p + 1;
        tokens++;
        p += t;
    }
    if (!tokens)
        return NULL;
    if (id)
        id[strcspn(id, " \t}")] = '\0';
    while (open > s && strchr(" \t", open[-1]))
        open--;
    *open = '\0';
    return id;
}

/* kramdown's (Jekyll's) other way of giving a heading its attributes: a
 * line of them right under it, "{: #paying}". When line (1-based) is one,
 * h takes its id and ends there (the line is no part of the answer); 0, or
 * -1 when memory runs out. */
static int read_ial(const char *text, const md *m, unsigned line, heading *h)
{
    size_t i = line_start(m, line), e = line_start(m, line + 1);
    while (i < e && strchr(" \t", text[i]))
        i++;
    while (e > i && strchr(" \t\r\n", text[e - 1]))
        e--;
    if (line > m->nlines || e - i < 3 || text[i] != '{' || text[i + 1] != ':' || text[e - 1] != '}')
        return 0;
    char *c = strndup(text + i, e - i);
    if (!c)
        return -1;
    const char *id = cut_attributes(c);
    if (*c) {   /* not attributes only */
        free(c);
        return 0;
    }
    h->ial = c;
    if (!h->id)
        h->id = id;
    h->end = line;
    return 0;
}

/* The document's top-level headings, and where its lines start, into *m;
 * 0, or -1 when memory runs out. */
static int find_headings(const char *text, size_t len, md *m)
{
    memset(m, 0, sizeof *m);
    if (find_lines(text, len, m) != 0)
        return -1;
    cmark_node *doc = cmark_parse_document(text, len, CMARK_OPT_DEFAULT);
    if (!doc)
        return -1;
    size_t cap = 0;
    int rc = 0;
    for (cmark_node *c = cmark_node_first_child(doc); c && rc == 0; c = cmark_node_next(c)) {
        if (cmark_node_get_type(c) != CMARK_NODE_HEADING)
            continue;
        if (m->nh == cap) {
            heading *nw = realloc(m->h, (cap = cap ? cap * 2 : 32) * sizeof *nw);
            if (!nw) {
                rc = -1;
                break;
            }
            m->h = nw;
        }
        heading *h = &m->h[m->nh];
        int start = cmark_node_get_start_line(c), end = cmark_node_get_end_line(c);
        *h = (heading){(unsigned)start, heading_end(text, m, (unsigned)start, (unsigned)end),
                       cmark_node_get_heading_level(c), heading_text(c), NULL, NULL};
        if (!h->s) {
            rc = -1;
        } else {
            h->id = cut_attributes(h->s);
            m->nh++;
            rc = read_ial(text, m, h->end + 1, h);
        }
    }
    cmark_node_free(doc);
    return rc;
}

/* Does the heading's text ask: a '?' at its end, maybe inside quotes? */
static int asks(const char *s)
{
    size_t n = strlen(s);
    while (n && strchr("\"') \t", s[n - 1]))
        n--;
    return n && s[n - 1] == '?';
}

/* text[a..b) without its blank lines and trailing blanks at either end, nor
 * a closing rule ("---" between one question and the next). */
static void trim_answer(const char *text, size_t *a, size_t *b)
{
    for (;;) {
        size_t e = *a;
        while (e < *b && strchr(" \t\r", text[e]))
            e++;
        if (e < *b && text[e] == '\n')
            *a = e + 1;
        else
            break;
    }
    for (;;) {
        while (*b > *a && strchr(" \t\r\n", text[*b - 1]))
            (*b)--;
        size_t s = *b;
        while (s > *a && text[s - 1] != '\n')
            s--;
        if (s == *b)
            return;   /* nothing left: no byte at s to read */
        size_t marks = 0;
        char c = text[s];
        for (size_t i = s; i < *b; i++) {
            if (text[i] == c && strchr("-*_", c))
                marks++;
            else if (text[i] != ' ' && text[i] != '\t')
                return;
        }
        if (marks < 3)
            return;
        *b = s;
    }
}

int import_markdown_asks(const char *text, size_t len)
{
    md m;
    int found = 0;
    if (find_headings(text, len, &m) == 0)
        for (size_t k = 0; k < m.nh && !found; k++)
            found = asks(m.h[k].s);
    md_free(&m);
    return found;
}

/* A heading's text on one line (an underlined heading's lines joined), or
 * NULL when memory runs out. */
static char *one_line(const char *s)
{
    char *t = strdup(s);
    for (char *c = t; c && *c; c++)
        if (*c == '\n' || *c == '\r')
            *c = ' ';
    return t;
}

/* The document's title among its headings, questions at level: its one
 * level-1 heading, above its questions and asking nothing ("# Library
 * FAQ"); of several (its parts), the first when no question stands
 * between it and the next ("# Library FAQ", "# Loans", "## ...?", as
 * faqbot import writes a document in parts). m->nh when none. */
static size_t title_heading(const md *m, int level)
{
    size_t ones = 0, second = m->nh;
    for (size_t k = 0; k < m->nh; k++)
        if (m->h[k].level == 1 && ++ones == 2)
            second = k;
    if (level <= 1 || !m->nh || m->h[0].level != 1 || asks(m->h[0].s) || !m->h[0].s[0])
        return m->nh;
    if (ones == 1)
        return 0;
    for (size_t k = 1; k < second; k++)
        if (m->h[k].level == level && asks(m->h[k].s))
            return m->nh;
    return 0;
}

/* The part the question at heading k stands in: the nearest heading above
 * it of a higher level, asking nothing and not the document's title
 * ("## Cards" over "### How do I block my card?"), or NULL. A document's
 * one title over its questions is no part. */
static const heading *part_over(const md *m, size_t k, int level, size_t title)
{
    while (k-- > 0) {
        const heading *h = &m->h[k];
        if (h->level >= level)
            continue;
        return k == title || asks(h->s) || !h->s[0] ? NULL : h;
    }
    return NULL;
}

int import_markdown(const char *text, size_t len, import_doc *doc, char *err, size_t errlen)
{
    md m;
    if (find_headings(text, len, &m) != 0)
        goto oom;
    size_t count[MD_LEVELS + 1] = {0};
    int level = 0;
    for (size_t k = 0; k < m.nh; k++)
        if (asks(m.h[k].s) && ++count[m.h[k].level] > count[level])
            level = m.h[k].level;
    /* the shallowest level of the most asking headings */
    for (int l = 1; l < level; l++)
        if (count[l] == count[level])
            level = l;
    size_t title = title_heading(&m, level);
    int among = 0;   /* after a question, in the same section */
    for (size_t k = 0; level && k < m.nh; k++) {
        const heading *h = &m.h[k];
        if (h->level < level)
            among = 0;
        if (h->level != level)
            continue;
        if (!asks(h->s)) {
            /* a FAQ's "### Pricing" among its questions: told, since its
             * answer would be lost without a word */
            if (among && import_doc_note(doc, h->line, 0,
                                         "\"%.*s\" asks nothing (no \"?\" at its end): left out; a \"?\" makes it a question",
                                         (int)utf8_cut(h->s, strlen(h->s), 80), h->s) != 0)
                goto oom;
            continue;
        }
        among = 1;
        size_t a = line_start(&m, h->end + 1), b = len;
        for (size_t j = k + 1; j < m.nh; j++)
            if (m.h[j].level <= level) {
                b = line_start(&m, m.h[j].line);
                break;
            }
        trim_answer(text, &a, &b);
        size_t qn = strlen(h->s);
        /* an id given keeps links and votes on the entry through its
         * rewordings: the corpus's rules hold for it here already, where
         * the editor can still see the heading it came from */
        if (h->id && !corpus_id_valid(h->id, strlen(h->id))) {
            snprintf(err, errlen, "line %u: bad id \"%.*s\" (" CORPUS_ID_RULE ")", h->line,
                     (int)utf8_cut(h->id, strlen(h->id), 80), h->id);
            md_free(&m);
            return -1;
        }
        for (size_t j = 0; h->id && j < k; j++)
            if (m.h[j].id && m.h[j].level == level && asks(m.h[j].s) && strcmp(m.h[j].id, h->id) == 0) {
                snprintf(err, errlen, "line %u: id \"%s\" is given to two questions (the first at line %u)",
                         h->line, h->id, m.h[j].line);
                md_free(&m);
                return -1;
            }
        if (a >= b) {
            if (import_doc_note(doc, h->line, 1, "\"%.*s\" has no answer: left out",
                                (int)utf8_cut(h->s, qn, 80), h->s) != 0)
                goto oom;
            continue;
        }
        import_entry *e = import_doc_add(doc);
        if (!e || !(e->question = strdup(h->s)) || !(e->answer = import_md_answer(doc, text + a, b - a, line_of(&m, a))) ||
            (h->id && !(e->id = strdup(h->id))))
            goto oom;
        e->id_whole = h->id != NULL;
        const heading *p = part_over(&m, k, level, title);
        if (p && !(e->part = one_line(p->s)))
            goto oom;
    }
    if (title < m.nh && !(doc->title = one_line(m.h[title].s)))
        goto oom;
    md_free(&m);
    return import_doc_found(doc, "question headings (lines like \"## How do I ...?\", each followed by its answer)",
                            err, errlen);
oom:
    snprintf(err, errlen, "out of memory");
    md_free(&m);
    return -1;
}
