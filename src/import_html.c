/* import_html.c: a FAQ web page read into entries (see import_html.h): the
 * schema.org FAQPage in its JSON-LD (<script type="application/ld+json">),
 * else the page's <details>, <dl> and question headings; the page and each
 * answer's HTML parsed with libxml2's HTML parser, the JSON with jansson.
 * Each Question's "name" is a question, its acceptedAnswer's "text" the
 * answer, turned to Markdown (paragraphs, line breaks, list items, links,
 * bold, italic, code). */
#include "import_html.h"

#include <ctype.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus_parse.h"

#define HTML_OPTIONS (HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER)

/* The Markdown being made, whether a blank is due before the next word,
 * and where a <br> ended a line of text (0: none since). */
typedef struct md { import_text t; int space; size_t br_at; } md;

static void md_put(md *m, const char *s, size_t n)
{
    /* a <br> between two lines of text is a hard break ("\\" at the line's
     * end): a soft one is a blank on the page, and "Via Roma 1<br>39042
     * Bressanone" would be one line there; at the end of a block, or
     * before a list item, it is no break of its own */
    if (n && m->br_at && m->br_at == m->t.n && s[0] != '\n') {
        m->t.n--;
        import_text_put(&m->t, "\\\n", 2);
    }
    if (n)
        m->br_at = 0;
    import_text_put(&m->t, s, n);
}

/* A break: "\n" (a line) or "\n\n" (a paragraph), never more, never first. */
static void md_break(md *m, int paragraph)
{
    while (m->t.n && m->t.s[m->t.n - 1] == ' ')
        m->t.s[--m->t.n] = '\0';
    m->space = 0;  /* (at the start too: a blank seen before is no word's) */
    m->br_at = 0;
    if (!m->t.n)
        return;
    int have = m->t.n >= 2 && m->t.s[m->t.n - 1] == '\n' && m->t.s[m->t.n - 2] == '\n' ? 2 : m->t.s[m->t.n - 1] == '\n';
    for (int k = have; k < (paragraph ? 2 : 1); k++)
        md_put(m, "\n", 1);
    m->space = 0;
}

/* Text with its runs of blanks as one space, none at a line's start. */
static void md_text(md *m, const char *s)
{
    for (; *s; s++) {
        if (strchr(" \t\r\n", *s)) {
            m->space = 1;
            continue;
        }
        if (m->space && m->t.n && m->t.s[m->t.n - 1] != '\n')
            md_put(m, " ", 1);
        m->space = 0;
        md_put(m, s, 1);
    }
}

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

static void to_markdown(md *m, const xmlNode *n, const xmlNode *stop);

/* An item's mark: "- ", or in an <ol> its number ("3. "), counted from
 * the list's start, as the page showed it: steps keep their order. */
static void list_mark(md *m, const xmlNode *li)
{
    if (!li->parent || !is(li->parent, "ol")) {
        md_put(m, "- ", 2);
        return;
    }
    long k = 1;
    xmlChar *start = xmlGetProp(li->parent, (const xmlChar *)"start");
    if (start) {
        char *end;
        long v = strtol((const char *)start, &end, 10);
        if (end != (char *)start && !*end && v >= 0 && v < 1000000000)
            k = v;
        xmlFree(start);
    }
    for (const xmlNode *p = li->prev; p; p = p->prev)
        k += is(p, "li");
    char num[24];
    int len = snprintf(num, sizeof num, "%ld. ", k);
    md_put(m, num, (size_t)len);
}

/* <b>/<strong>, <i>/<em> and <code> as Markdown's "**", "*" and "`"
 * around their text, which the answer shows as the page did; the marks go
 * round the words, never a blank (CommonMark reads "** x**" as stars), and
 * a text the marks cannot hold (a break inside, a backtick in code, a
 * star in an emphasis) is written plain. */
static void md_inline(md *m, const xmlNode *n)
{
    const char *mark = is(n, "code") ? "`" : is(n, "b") || is(n, "strong") ? "**" : "*";
    md in = {0};
    to_markdown(&in, n->children, NULL);
    xmlChar *raw = xmlNodeGetContent(n);
    int lead = raw && raw[0] && strchr(" \t\r\n", raw[0]);
    xmlFree(raw);
    while (in.t.n && in.t.s[in.t.n - 1] == ' ')
        in.t.s[--in.t.n] = '\0';
    if (in.t.oom)
        m->t.oom = 1;
    if (in.t.n) {
        int plain = strchr(in.t.s, '\n') || strpbrk(in.t.s, *mark == '`' ? "`" : "*");
        if ((m->space || lead) && m->t.n && m->t.s[m->t.n - 1] != '\n')
            md_put(m, " ", 1);
        m->space = 0;
        if (!plain)
            md_put(m, mark, strlen(mark));
        md_put(m, in.t.s, in.t.n);
        if (!plain)
            md_put(m, mark, strlen(mark));
    } else if (lead) {
        m->space = 1;
    }
    m->space |= in.space;
    free(in.t.s);
}

/* The nodes from n up to stop (NULL: to the end of the list) as Markdown. */
static void to_markdown(md *m, const xmlNode *n, const xmlNode *stop)
{
    for (; n && n != stop; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            md_text(m, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || is(n, "script") || is(n, "style"))
            continue;
        if (is(n, "br")) {
            md_break(m, 0);
            if (m->t.n >= 2 && m->t.s[m->t.n - 1] == '\n' && m->t.s[m->t.n - 2] != '\n')
                m->br_at = m->t.n;
        } else if (is(n, "li")) {
            md_break(m, 0);
            list_mark(m, n);
            to_markdown(m, n->children, NULL);
            md_break(m, 0);
        } else if (is(n, "a")) {
            xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
            int link = href && import_link_whole((const char *)href, strlen((const char *)href));
            if (link) {
                if (m->space && m->t.n && m->t.s[m->t.n - 1] != '\n')
                    md_put(m, " ", 1);
                m->space = 0;
                md_put(m, "[", 1);
            }
            to_markdown(m, n->children, NULL);
            if (link) {
                md_put(m, "](", 2);
                md_put(m, (const char *)href, strlen((const char *)href));
                md_put(m, ")", 1);
            }
            xmlFree(href);
        } else if (is(n, "b") || is(n, "strong") || is(n, "i") || is(n, "em") || is(n, "code")) {
            md_inline(m, n);
        } else if (is(n, "p") || is(n, "div") || is(n, "ul") || is(n, "ol") || is(n, "table") ||
                   is(n, "h1") || is(n, "h2") || is(n, "h3") || is(n, "h4") || is(n, "h5") || is(n, "h6") ||
                   is(n, "blockquote") || is(n, "dl") || is(n, "dt") || is(n, "dd") || is(n, "details") ||
                   is(n, "summary") || is(n, "section") || is(n, "article") || is(n, "tr")) {
            md_break(m, 1);
            to_markdown(m, n->children, NULL);
            md_break(m, 1);
        } else {
            to_markdown(m, n->children, NULL);
        }
    }
}

/* The Markdown made, its trailing blanks cut; NULL when memory ran out. */
static char *md_finish(md m)
{
    while (m.t.n && strchr(" \n", m.t.s[m.t.n - 1]))
        m.t.s[--m.t.n] = '\0';
    if (!m.t.oom && !m.t.s)
        return calloc(1, 1);
    return m.t.oom ? (free(m.t.s), NULL) : m.t.s;
}

/* The nodes from first up to stop as Markdown; NULL when memory runs out. */
static char *nodes_markdown(const xmlNode *first, const xmlNode *stop)
{
    md m = {0};
    to_markdown(&m, first, stop);
    return md_finish(m);
}

/* A link of an answer (the nodes n up to stop) to a relative address
 * ("/afspraak", "prijzen.html") is kept as its text only: told in doc at
 * its line (line > 0: at that one, a JSON-LD script's), so the editor
 * writes the whole address; an anchor in the page ("#betalen") and a
 * script's are dropped unsaid. 0, or -1 when memory runs out. */
static int note_relative_links(import_doc *doc, const xmlNode *n, const xmlNode *stop, long line)
{
    for (; n && n != stop; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *href = is(n, "a") ? xmlGetProp(n, (const xmlChar *)"href") : NULL;
        const char *h = (const char *)href;
        int oom = 0;
        if (h && import_link_relative(h, strlen(h))) {
            char *text = nodes_markdown(n->children, NULL);
            oom = !text || import_note_relative_link(doc, (unsigned)(line > 0 ? line : xmlGetLineNo((xmlNode *)n)),
                                                     text, strlen(text), h, strlen(h)) != 0;
            free(text);
        }
        xmlFree(href);
        if (oom || note_relative_links(doc, n->children, NULL, line) != 0)
            return -1;
    }
    return 0;
}

/* An answer's HTML (or plain text) as Markdown, its relative links told
 * in notes (when not NULL) at line; NULL when memory runs out. */
static char *answer_markdown(const char *html, import_doc *notes, long line)
{
    md m = {0};
    htmlDocPtr d = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8", HTML_OPTIONS);
    if (d)
        to_markdown(&m, xmlDocGetRootElement(d), NULL);
    int oom = d && notes && note_relative_links(notes, xmlDocGetRootElement(d), NULL, line) != 0;
    xmlFreeDoc(d);
    char *out = md_finish(m);
    if (oom) {
        free(out);
        return NULL;
    }
    return out;
}

/* The anchor a page gives a question ("<h3 id="paying">", which a site
 * generator writes from the Markdown's "{#paying}"; a FAQPage Question's
 * "@id", "https://example.org/faq#paying", after its '#') as e's id, so
 * that the page imported again after an edit keeps its entries' ids where
 * numbering would shift them. One that breaks the corpus's rule
 * (non-ASCII letters a generator wrote from the text) or that an entry
 * before took (a page's copy-pasted anchor) is passed over: the entry is
 * numbered. 0, or -1 when memory runs out. */
static int take_id(const import_doc *doc, import_entry *e, const char *id)
{
    if (!id || !corpus_id_valid(id, strlen(id)))
        return 0;
    for (size_t i = 0; i < doc->n; i++)
        if (doc->entries[i].id && doc->entries[i].id_whole && strcmp(doc->entries[i].id, id) == 0)
            return 0;
    if (!(e->id = strdup(id)))
        return -1;
    e->id_whole = 1;
    return 0;
}

/* A FAQPage Question's "@id" after its '#', or NULL. */
static const char *ld_anchor(const json_t *q)
{
    const char *at = json_string_value(json_object_get(q, "@id")), *hash = at ? strrchr(at, '#') : NULL;
    return hash ? hash + 1 : NULL;
}

/* An element's id attribute, or NULL; xmlFree() it. */
static char *element_id(const xmlNode *n)
{
    return n ? (char *)xmlGetProp((xmlNode *)n, (const xmlChar *)"id") : NULL;
}

static int has_type(const json_t *o, const char *type)
{
    const json_t *t = json_object_get(o, "@type");
    if (json_is_string(t))
        return strcmp(json_string_value(t), type) == 0;
    size_t i;
    const json_t *v;
    json_array_foreach(t, i, v)
        if (json_is_string(v) && strcmp(json_string_value(v), type) == 0)
            return 1;
    return 0;
}

/* The Questions of one FAQPage into doc, from the script at line: 0, or
 * -1 (message in err). */
static int read_faqpage(const json_t *page, import_doc *doc, long line, char *err, size_t errlen)
{
    const json_t *main_entity = json_object_get(page, "mainEntity");
    size_t count = json_is_array(main_entity) ? json_array_size(main_entity) : main_entity ? 1 : 0;
    for (size_t i = 0; i < count; i++) {
        const json_t *q = json_is_array(main_entity) ? json_array_get(main_entity, i) : main_entity;
        const json_t *name = json_object_get(q, "name");
        const json_t *acc = json_object_get(q, "acceptedAnswer");
        if (json_is_array(acc))
            acc = json_array_get(acc, 0);
        const json_t *text = json_object_get(acc, "text");
        if (!json_is_string(name) || !json_is_string(text)) {
            snprintf(err, errlen, "FAQPage question %zu: no \"name\" or no acceptedAnswer \"text\"", i + 1);
            return -1;
        }
        char *qtext = answer_markdown(json_string_value(name), NULL, 0);
        char *answer = answer_markdown(json_string_value(text), doc, line);
        import_entry *e = qtext && answer ? import_doc_add(doc) : NULL;
        if (!e) {
            free(qtext);
            free(answer);
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        e->question = qtext;
        e->answer = answer;
        if (take_id(doc, e, ld_anchor(q)) != 0) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        if (!*qtext || !*answer) {
            snprintf(err, errlen, "FAQPage question %zu: %s", i + 1, *qtext ? "an empty answer" : "an empty question");
            return -1;
        }
    }
    return 0;
}

/* The FAQPages in a JSON-LD value: a page, an array of them, an @graph. */
static int find_faqpages(const json_t *v, import_doc *doc, long line, int depth, char *err, size_t errlen)
{
    if (depth > 8)
        return 0;
    size_t i;
    const json_t *x;
    if (json_is_array(v)) {
        json_array_foreach(v, i, x)
            if (find_faqpages(x, doc, line, depth + 1, err, errlen) != 0)
                return -1;
        return 0;
    }
    if (!json_is_object(v))
        return 0;
    if (has_type(v, "FAQPage"))
        return read_faqpage(v, doc, line, err, errlen);
    return find_faqpages(json_object_get(v, "@graph"), doc, line, depth + 1, err, errlen);
}

typedef struct walk {
    import_doc *doc;
    int scripts, bad;
    char *err;
    size_t errlen;
} walk;

static void find_scripts(walk *w, xmlNode *n)
{
    for (; n && !w->bad; n = n->next) {
        if (!is(n, "script")) {
            find_scripts(w, n->children);
            continue;
        }
        xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
        int ld = type && strcasecmp((const char *)type, "application/ld+json") == 0;
        xmlFree(type);
        if (!ld)
            continue;
        w->scripts++;
        xmlChar *body = xmlNodeGetContent(n);
        json_error_t je;
        json_t *j = body ? json_loads((const char *)body, 0, &je) : NULL;
        xmlFree(body);
        if (!j) {
            snprintf(w->err, w->errlen, "JSON-LD script %d: %s (its line %d)", w->scripts,
                     body ? je.text : "empty", je.line);
            w->bad = 1;
            return;
        }
        if (find_faqpages(j, w->doc, xmlGetLineNo(n), 0, w->err, w->errlen) != 0)
            w->bad = 1;
        json_decref(j);
    }
}

/* ---- a page without FAQPage markup: its own HTML's questions ---- */

typedef struct page {
    import_doc *doc;
    int level;          /* the heading level whose headings are questions; 0: none */
    int oom;
    const xmlNode *title;   /* the page's title heading (first_h1()), no part's */
    char *part;         /* the last heading above the questions' level met, or NULL */
} page;

static int heading_level(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || (n->name[0] != 'h' && n->name[0] != 'H') || n->name[1] < '1' ||
        n->name[1] > '6' || n->name[2])
        return 0;
    return n->name[1] - '0';
}

/* Does the text end in a question mark (ASCII, full-width or Arabic)? */
static int asks(const char *s)
{
    size_t n = strlen(s);
    return (n >= 1 && s[n - 1] == '?') || (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x9F", 3) == 0) ||
           (n >= 2 && memcmp(s + n - 2, "\xD8\x9F", 2) == 0);
}

/* Parts of a page that hold no FAQ: menus, the page's own head and foot. */
static int page_furniture(const xmlNode *n)
{
    return is(n, "nav") || is(n, "header") || is(n, "footer") || is(n, "aside") || is(n, "form") ||
           is(n, "script") || is(n, "style") || is(n, "noscript") || is(n, "template");
}

/* How many headings of each level end in a question mark (asking), or
 * do not; with first, the first such heading's text of each level, which
 * the caller frees. */
static void count_headings(const xmlNode *n, int asking, int counts[7], char *first[7], int *oom)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || page_furniture(n))
            continue;
        int level = heading_level(n);
        if (!level) {
            count_headings(n->children, asking, counts, first, oom);
            continue;
        }
        char *q = nodes_markdown(n->children, NULL);
        if (!q)
            *oom = 1;
        else if (*q && !asks(q) == !asking) {
            counts[level]++;
            if (first && !first[level]) {
                first[level] = q;
                q = NULL;
            }
        }
        free(q);
    }
}

/* An entry of question (the nodes q_first up to q_stop) and answer (a_first
 * up to a_stop) at line, its id the anchor of the element holding it (of
 * the question's element, else of the element around both); an empty
 * question is no entry, an empty answer a note: the entry left out. */
static void page_entry(page *p, const xmlNode *holder, const xmlNode *q_first, const xmlNode *q_stop,
                       const xmlNode *a_first, const xmlNode *a_stop, long line)
{
    char *q = nodes_markdown(q_first, q_stop), *a = q ? nodes_markdown(a_first, a_stop) : NULL;
    for (char *c = q; c && *c; c++)
        if (*c == '\n') {
            if (c > q && c[-1] == '\\')
                memmove(c - 1, c, strlen(c) + 1), c--;   /* a <br>'s hard break */
            *c = ' ';   /* a question is one line */
        }
    /* an editor's &nbsp; after the question mark, no part of the question */
    for (size_t n = q ? strlen(q) : 0; n >= 2 && memcmp(q + n - 2, "\xC2\xA0", 2) == 0; n -= 2)
        q[n - 2] = '\0';
    import_entry *e = NULL;
    if (!q || !a)
        p->oom = 1;
    else if (*q && !*a)
        p->oom |= import_doc_note(p->doc, (unsigned)line, 1, "the question \"%.80s\" has no answer after it",
                                  q) != 0;
    else if (*q && !(e = import_doc_add(p->doc)))
        p->oom = 1;
    if (e) {
        e->question = q;
        e->answer = a;
        if (p->part && !(e->part = strdup(p->part)))
            p->oom = 1;
        char *id = element_id(q_first ? q_first->parent : NULL);
        if (!id)
            id = element_id(holder);
        p->oom |= take_id(p->doc, e, id) != 0;
        xmlFree(id);
        p->oom |= note_relative_links(p->doc, a_first, a_stop, 0) != 0;
        return;
    }
    free(q);
    free(a);
}

/* A heading deeper than the questions' that asks ("<h3>Do I need an
 * appointment?</h3>" under an <h2> question) is read as the answer text of
 * the question above it, as a sub-heading of an answer may be; told, with
 * its line, so a question written one level too deep is not lost unseen. */
static void note_asking_below(page *p, const xmlNode *question, const xmlNode *n, const xmlNode *stop)
{
    for (; n && n != stop && !p->oom; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || page_furniture(n))
            continue;
        int level = heading_level(n);
        if (!level) {
            note_asking_below(p, question, n->children, NULL);
            continue;
        }
        /* the question's text is made only for a heading that asks */
        char *h = nodes_markdown(n->children, NULL);
        int asking = h && asks(h);
        char *q = asking ? nodes_markdown(question->children, NULL) : NULL;
        if (!h || (asking && !q))
            p->oom = 1;
        else if (asking && level <= p->level && n->parent)
            /* a question's own level: it is not beside the others but
             * inside an element of the answer (a <div> left open, a
             * wrapper round one question); "make it an <h2>" of an <h2>
             * would tell nothing */
            p->oom |= import_doc_note(p->doc, (unsigned)xmlGetLineNo((xmlNode *)n), 0,
                                      "the <h%d> \"%.80s\" is read as answer text of \"%.80s\": it is "
                                      "inside a <%s> of that answer, not beside the page's other questions: "
                                      "close the <%s> before it to have it an entry",
                                      level, h, q, (const char *)n->parent->name,
                                      (const char *)n->parent->name) != 0;
        else if (asking)
            p->oom |= import_doc_note(p->doc, (unsigned)xmlGetLineNo((xmlNode *)n), 0,
                                      "the <h%d> \"%.80s\" is read as answer text of \"%.80s\" (the "
                                      "page's questions are its <h%d>s): make it an <h%d> to have it an entry",
                                      level, h, q, p->level, p->level) != 0;
        free(h);
        free(q);
    }
}

/* Entries of <details> (the <summary> the question), <dl> (each <dt> a
 * question, the <dd>s after it its answer) and headings of p->level (what
 * follows up to the next heading as high, <details> or <dl>: those are
 * questions of their own), in the page's order. */
static void find_page_entries(page *p, const xmlNode *n)
{
    while (n && !p->oom) {
        if (n->type != XML_ELEMENT_NODE || page_furniture(n)) {
            n = n->next;
            continue;
        }
        const xmlNode *summary = NULL;
        if (is(n, "details"))
            for (summary = n->children; summary && !is(summary, "summary"); summary = summary->next)
                ;
        if (summary) {
            page_entry(p, n, summary->children, NULL, summary->next, NULL, xmlGetLineNo(summary));
        } else if (is(n, "dl")) {
            for (const xmlNode *dt = n->children, *next; dt; dt = next) {
                for (next = dt->next; next && !is(next, "dt"); next = next->next)
                    ;
                if (is(dt, "dt"))
                    page_entry(p, NULL, dt->children, NULL, dt->next, next, xmlGetLineNo((xmlNode *)dt));
            }
        } else if (p->level && heading_level(n) == p->level) {
            const xmlNode *stop = n->next;
            while (stop && !page_furniture(stop) && !(heading_level(stop) && heading_level(stop) <= p->level) &&
                   !is(stop, "details") && !is(stop, "dl"))
                stop = stop->next;
            page_entry(p, NULL, n->children, NULL, n->next, stop, xmlGetLineNo(n));
            note_asking_below(p, n, n->next, stop);
            n = stop;
            continue;
        } else if (heading_level(n) && (!p->level || heading_level(n) < p->level)) {
            /* a part's title ("<h2>Cards</h2>" over its questions), asking
             * nothing; the page's title is no part's */
            char *t = n == p->title ? NULL : nodes_markdown(n->children, NULL);
            p->oom |= !t && n != p->title;
            for (char *c = t; c && *c; c++)
                if (*c == '\n')
                    *c = ' ';
            free(p->part);
            p->part = t && *t && !asks(t) ? t : NULL;
            if (p->part != t)
                free(t);
        } else {
            find_page_entries(p, n->children);
        }
        n = n->next;
    }
}

/* The page's first <h1> out of its menus, head and foot, else NULL. */
static const xmlNode *first_h1(const xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || page_furniture(n))
            continue;
        if (is(n, "h1"))
            return n;
        const xmlNode *in = first_h1(n->children);
        if (in)
            return in;
    }
    return NULL;
}

/* The page's own title into doc->title: its first <h1> (the <title> often
 * adds the site's name, "FAQ | City Library"), else its <title>, unless
 * that is a question, the first entry's; 0, or -1 when memory runs out. */
static int page_title(const xmlNode *root, import_doc *doc)
{
    const xmlNode *t = first_h1(root);
    for (const xmlNode *head = root ? root->children : NULL; !t && head; head = head->next)
        if (is(head, "head"))
            for (t = head->children; t && !is(t, "title"); t = t->next)
                ;
    if (!t)
        return 0;
    char *s = nodes_markdown(t->children, NULL);
    if (!s)
        return -1;
    for (char *c = s; *c; c++)
        if (*c == '\n')
            *c = ' ';
    if (!*s || asks(s)) {
        free(s);
        return 0;
    }
    doc->title = s;
    return 0;
}

/* The entries of a page's own HTML; 0, or -1 when memory runs out. */
static int read_page(const xmlNode *root, import_doc *doc)
{
    int counts[7] = {0}, oom = 0;
    count_headings(root, 1, counts, NULL, &oom);
    page p = {doc, 0, oom, first_h1(root), NULL};
    for (int level = 1; level <= 6; level++)
        if (counts[level] > counts[p.level])
            p.level = level;
    if (!p.oom)
        find_page_entries(&p, root);
    free(p.part);
    return p.oom ? -1 : 0;
}

int import_html_charset(const char *text, size_t len, char *out, size_t cap)
{
    /* libxml2's own detection: a UTF-16 or UCS-4 byte-order mark, else the
     * charset of the page's <meta> (charset=, or http-equiv's content),
     * which its HTML parser switches to wherever it stands and names as the
     * document's encoding; no declaration leaves it none */
    const char *name = NULL;
    xmlCharEncoding bom = xmlDetectCharEncoding((const unsigned char *)text, len < 4 ? (int)len : 4);
    if (bom != XML_CHAR_ENCODING_NONE && bom != XML_CHAR_ENCODING_UTF8)
        name = xmlGetCharEncodingName(bom);
    htmlDocPtr d = name ? NULL : htmlReadMemory(text, (int)len, NULL, NULL, HTML_OPTIONS);
    if (d && d->encoding)
        name = (const char *)d->encoding;
    int got = name && strlen(name) < cap && strcasecmp(name, "utf-8") != 0 && strcasecmp(name, "utf8") != 0;
    if (got)
        snprintf(out, cap, "%s", name);
    xmlFreeDoc(d);
    return got;
}

int import_html(const char *text, size_t len, import_doc *doc, char *err, size_t errlen)
{
    return import_html_in(text, len, "UTF-8", doc, err, errlen);
}

int import_html_in(const char *text, size_t len, const char *charset, import_doc *doc, char *err, size_t errlen)
{
    /* a charset libxml2 has no converter for it would read as Latin-1,
     * silently: refused instead */
    xmlCharEncodingHandlerPtr known = xmlFindCharEncodingHandler(charset);
    if (known)
        xmlCharEncCloseFunc(known);
    htmlDocPtr d = known ? htmlReadMemory(text, (int)len, NULL, charset, HTML_OPTIONS) : NULL;
    if (!d && strcmp(charset, "UTF-8") != 0) {
        snprintf(err, errlen, "the page declares the charset \"%s\", which libxml2 and iconv do not know, "
                              "and is not UTF-8: save it as UTF-8 (iconv -f CHARSET -t UTF-8 converts it, "
                              "CHARSET the one it is in)", charset);
        return -1;
    }
    if (!d) {
        snprintf(err, errlen, "not an HTML page libxml2 can read");
        return -1;
    }
    walk w = {doc, 0, 0, err, errlen};
    find_scripts(&w, xmlDocGetRootElement(d));
    /* the FAQPage markup when the page has it (the page's text may say more
     * than the questions), else the page's own questions */
    if (!w.bad && ((!doc->n && read_page(xmlDocGetRootElement(d), doc) != 0) ||
                   page_title(xmlDocGetRootElement(d), doc) != 0)) {
        snprintf(err, errlen, "out of memory");
        w.bad = 1;
    }
    /* none found: a page whose questions are headings worded as topics
     * ("Prazos de candidatura") is told what would make them questions */
    int plain[7] = {0}, level = 0, oom = 0;
    char *first[7] = {0};
    if (!w.bad && !doc->n)
        count_headings(xmlDocGetRootElement(d), 0, plain, first, &oom);
    for (int l = 2; l <= 6; l++)
        if (plain[l] >= 2 && plain[l] > plain[level])
            level = l;
    char hint[256] = "";
    if (level)
        snprintf(hint, sizeof hint, "; its %d <h%d> headings (\"%.60s\"...) ask nothing: end each "
                 "question with \"?\" and import it again", plain[level], level, first[level]);
    for (int l = 0; l < 7; l++)
        free(first[l]);
    xmlFreeDoc(d);
    if (w.bad)
        return -1;
    if (!doc->n) {
        snprintf(err, errlen, "no FAQ in the page: no schema.org FAQPage in its JSON-LD (%d "
                              "<script type=\"application/ld+json\"> read), no <details> with a "
                              "<summary>, no <dl>, no heading ending in \"?\"%s", w.scripts, hint);
        return -1;
    }
    return (int)doc->n;
}
