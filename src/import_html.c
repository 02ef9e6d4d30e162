/* import_html.c: a FAQ web page read into entries (see import_html.h): the
 * schema.org FAQPage in its JSON-LD (<script type="application/ld+json">),
 * the page and each answer's HTML parsed with libxml2's HTML parser, the
 * JSON with jansson. Each Question's "name" is a question, its
 * acceptedAnswer's "text" the answer, turned to Markdown (paragraphs, line
 * breaks, list items, links). */
#include "import_html.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HTML_OPTIONS (HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER)

/* The Markdown being made, and whether a blank is due before the next word. */
typedef struct md { import_text t; int space; } md;

static void md_put(md *m, const char *s, size_t n)
{
    import_text_put(&m->t, s, n);
}

/* A break: "\n" (a line) or "\n\n" (a paragraph), never more, never first. */
static void md_break(md *m, int paragraph)
{
    while (m->t.n && m->t.s[m->t.n - 1] == ' ')
        m->t.s[--m->t.n] = '\0';
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

static void to_markdown(md *m, const xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            md_text(m, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || is(n, "script") || is(n, "style"))
            continue;
        if (is(n, "br")) {
            md_break(m, 0);
        } else if (is(n, "li")) {
            md_break(m, 0);
            md_put(m, "- ", 2);
            to_markdown(m, n->children);
            md_break(m, 0);
        } else if (is(n, "a")) {
            xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
            int link = href && (strncmp((const char *)href, "http://", 7) == 0 ||
                                strncmp((const char *)href, "https://", 8) == 0 ||
                                strncmp((const char *)href, "mailto:", 7) == 0);
            if (link) {
                if (m->space && m->t.n && m->t.s[m->t.n - 1] != '\n')
                    md_put(m, " ", 1);
                m->space = 0;
                md_put(m, "[", 1);
            }
            to_markdown(m, n->children);
            if (link) {
                md_put(m, "](", 2);
                md_put(m, (const char *)href, strlen((const char *)href));
                md_put(m, ")", 1);
            }
            xmlFree(href);
        } else if (is(n, "p") || is(n, "div") || is(n, "ul") || is(n, "ol") || is(n, "table") ||
                   is(n, "h1") || is(n, "h2") || is(n, "h3") || is(n, "h4") || is(n, "blockquote")) {
            md_break(m, 1);
            to_markdown(m, n->children);
            md_break(m, 1);
        } else {
            to_markdown(m, n->children);
        }
    }
}

/* An answer's HTML (or plain text) as Markdown; NULL when memory runs out. */
static char *answer_markdown(const char *html)
{
    md m = {0};
    htmlDocPtr d = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8", HTML_OPTIONS);
    if (d)
        to_markdown(&m, xmlDocGetRootElement(d));
    xmlFreeDoc(d);
    while (m.t.n && strchr(" \n", m.t.s[m.t.n - 1]))
        m.t.s[--m.t.n] = '\0';
    if (!m.t.oom && !m.t.s)
        return calloc(1, 1);
    return m.t.oom ? (free(m.t.s), NULL) : m.t.s;
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

/* The Questions of one FAQPage into doc: 0, or -1 (message in err). */
static int read_faqpage(const json_t *page, import_doc *doc, char *err, size_t errlen)
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
        char *qtext = answer_markdown(json_string_value(name));
        char *answer = answer_markdown(json_string_value(text));
        import_entry *e = qtext && answer ? import_doc_add(doc) : NULL;
        if (!e) {
            free(qtext);
            free(answer);
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        e->question = qtext;
        e->answer = answer;
        if (!*qtext || !*answer) {
            snprintf(err, errlen, "FAQPage question %zu: %s", i + 1, *qtext ? "an empty answer" : "an empty question");
            return -1;
        }
    }
    return 0;
}

/* The FAQPages in a JSON-LD value: a page, an array of them, an @graph. */
static int find_faqpages(const json_t *v, import_doc *doc, int depth, char *err, size_t errlen)
{
    if (depth > 8)
        return 0;
    size_t i;
    const json_t *x;
    if (json_is_array(v)) {
        json_array_foreach(v, i, x)
            if (find_faqpages(x, doc, depth + 1, err, errlen) != 0)
                return -1;
        return 0;
    }
    if (!json_is_object(v))
        return 0;
    if (has_type(v, "FAQPage"))
        return read_faqpage(v, doc, err, errlen);
    return find_faqpages(json_object_get(v, "@graph"), doc, depth + 1, err, errlen);
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
        if (find_faqpages(j, w->doc, 0, w->err, w->errlen) != 0)
            w->bad = 1;
        json_decref(j);
    }
}

int import_html(const char *text, size_t len, import_doc *doc, char *err, size_t errlen)
{
    htmlDocPtr d = htmlReadMemory(text, (int)len, NULL, "UTF-8", HTML_OPTIONS);
    if (!d) {
        snprintf(err, errlen, "not an HTML page libxml2 can read");
        return -1;
    }
    walk w = {doc, 0, 0, err, errlen};
    find_scripts(&w, xmlDocGetRootElement(d));
    xmlFreeDoc(d);
    if (w.bad)
        return -1;
    if (!doc->n) {
        snprintf(err, errlen, "no schema.org FAQPage with questions in the page's JSON-LD (%d "
                              "<script type=\"application/ld+json\"> read)", w.scripts);
        return -1;
    }
    return (int)doc->n;
}
