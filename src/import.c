/* import.c: faqbot import's format detection and dispatch to the readers
 * (see import.h). */
#include "import.h"

#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "import_csv.h"
#include "import_faq.h"
#include "import_html.h"
#include "import_md.h"
#include "import_qa.h"
#include "utf8.h"

static const char *const format_names[] = {"guess", "csv", "tsv", "qa", "numbered", "html", "markdown"};

int import_format_parse(const char *name, import_format *f)
{
    for (int i = 1; i < (int)(sizeof format_names / sizeof *format_names); i++) {
        if (strcasecmp(name, format_names[i]) == 0) {
            *f = (import_format)i;
            return 0;
        }
    }
    /* the file's extension is what a user has in mind: "--format md" */
    if (strcasecmp(name, "md") == 0) {
        *f = IMPORT_MARKDOWN;
        return 0;
    }
    if (strcasecmp(name, "htm") == 0) {
        *f = IMPORT_HTML;
        return 0;
    }
    return -1;
}

const char *import_format_name(import_format f)
{
    return format_names[f];
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* The first line of text, without its end. */
static size_t first_line(const char *text, size_t len)
{
    const char *eol = memchr(text, '\n', len);
    return eol ? (size_t)(eol - text) : len;
}

import_format import_guess(const char *name, const char *text, size_t len)
{
    if (name) {
        if (ends_with(name, ".csv"))
            return IMPORT_CSV;
        if (ends_with(name, ".tsv"))
            return IMPORT_TSV;
        if (ends_with(name, ".html") || ends_with(name, ".htm"))
            return IMPORT_HTML;
        if (ends_with(name, ".md") || ends_with(name, ".markdown"))
            return IMPORT_MARKDOWN;
    }
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
    if (i < len && text[i] == '<')
        return IMPORT_HTML;
    /* a header naming the question and answer columns */
    size_t n = first_line(text + i, len - i);
    char head[256];
    snprintf(head, sizeof head, "%.*s", (int)(n < sizeof head ? n : sizeof head - 1), text + i);
    for (char *c = head; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + ('a' - 'A'));
    if (strstr(head, "question") && strstr(head, "answer"))
        return memchr(head, '\t', strlen(head)) ? IMPORT_TSV : IMPORT_CSV;
    /* a line opening with "Q:" */
    for (const char *p = text + i, *end = text + len; p < end;) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (end - p >= 2 && (p[0] == 'Q' || p[0] == 'q') && p[1] == ':')
            return IMPORT_QA;
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        p = eol ? eol + 1 : end;
    }
    /* a heading that asks: a README's or a wiki page's FAQ section */
    if (import_markdown_asks(text + i, len - i))
        return IMPORT_MARKDOWN;
    return IMPORT_NUMBERED;
}

int import_read(import_format f, const char *text, size_t len, import_doc *doc, char *err,
                size_t errlen)
{
    return import_read_columns(f, NULL, NULL, text, len, doc, err, errlen);
}

int import_read_columns(import_format f, const char *qname, const char *aname, const char *text, size_t len,
                        import_doc *doc, char *err, size_t errlen)
{
    unsigned line;
    const char *why = utf8_problem(text, len, &line);
    /* a web page saved as its server sent it, in the charset it declares
     * (libxml2 converts it, or refuses one it has no converter for) */
    char charset[64];
    if (why && (f == IMPORT_HTML || (f == IMPORT_GUESS && import_guess(NULL, text, len) == IMPORT_HTML)) &&
        import_html_charset(text, len, charset, sizeof charset))
        return import_html_in(text, len, charset, doc, err, errlen);
    if (why) {
        snprintf(err, errlen, "line %u: %s", line, why);
        return -1;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (f == IMPORT_GUESS)
        f = import_guess(NULL, text, len);
    switch (f) {
    case IMPORT_CSV: return import_csv(text, len, ',', qname, aname, doc, err, errlen);
    case IMPORT_TSV: return import_csv(text, len, '\t', qname, aname, doc, err, errlen);
    case IMPORT_QA: return import_qa(text, len, doc, err, errlen);
    case IMPORT_HTML: return import_html(text, len, doc, err, errlen);
    case IMPORT_MARKDOWN: return import_markdown(text, len, doc, err, errlen);
    case IMPORT_NUMBERED:
    case IMPORT_GUESS: break;
    }
    int n = import_numbered(text, len, doc, err, errlen);
    /* an id twice would stop faqbot index */
    for (size_t i = 0; n > 0 && i < doc->n; i++)
        for (size_t k = 0; doc->entries[i].id && k < i; k++)
            if (doc->entries[k].id && strcmp(doc->entries[i].id, doc->entries[k].id) == 0) {
                const char *q1 = doc->entries[k].question, *q2 = doc->entries[i].question;
                snprintf(err, errlen, "the number %.64s is given to two questions (\"%.*s\" and \"%.*s\")",
                         doc->entries[i].id, (int)utf8_cut(q1, strlen(q1), 80), q1,
                         (int)utf8_cut(q2, strlen(q2), 80), q2);
                return -1;
            }
    return n;
}
