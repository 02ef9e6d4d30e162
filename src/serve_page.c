/* serve_page.c: the answer page without JavaScript, /ask?q=...: a form
 * and the answer as HTML, in the asker's language; and the web folder's
 * pages with the bot's texts filled in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "markdown.h"
#include "messages.h"
#include "serve_ask.h"
#include "serve_page.h"
#include "utf8.h"

typedef struct html { char *p; size_t len, cap; int oom; } html;

static void h_raw(html *h, const char *s, size_t n)
{
    if (h->oom)
        return;
    if (h->len + n + 1 < h->len || grow(&h->p, &h->cap, h->len + n + 1, 1, 8192) != 0) {
        h->oom = 1;     /* a page with a hole is no page */
        return;
    }
    memcpy(h->p + h->len, s, n);
    h->len += n;
    h->p[h->len] = '\0';
}

static void h_str(html *h, const char *s) { h_raw(h, s, strlen(s)); }

/* An element's dir="rtl" (leading space) when texts in code are written
 * from the right, before any script runs; nothing for the default ltr, so
 * a left-to-right page's tag is as it was. */
static void h_text_dir(html *h, const char *code)
{
    if (strcmp(msg_text_dir(code), "rtl") == 0)
        h_str(h, " dir=\"rtl\"");
}

static void h_esc(html *h, const char *s, size_t n)
{
    char esc[512];
    for (size_t i = 0; i < n; i += 100) {
        size_t k = n - i < 100 ? n - i : 100;
        size_t w = html_escape(esc, 0, sizeof esc, s + i, k);
        h_raw(h, esc, w);
    }
}

static void h_msg(html *h, const faq_index *ix, uint32_t lang, const char *key)
{
    char msg[1024];
    msg_format(ix, lang, key, NULL, msg, sizeof msg);
    h_esc(h, msg, strlen(msg));
}

static void h_url_q(html *h, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == '-' || ch == '_' || ch == '.') {
            h_raw(h, (const char *)&s[i], 1);
        } else {
            char enc[3] = {'%', hex[ch >> 4], hex[ch & 15]};
            h_raw(h, enc, 3);
        }
    }
}

/* " lang=\"CODE\"", nothing when code is NULL. */
static void h_lang_attr(html *h, const char *code)
{
    if (code) {
        h_str(h, " lang=\"");
        h_esc(h, code, strlen(code));
        h_str(h, "\"");
    }
}

/* "<TAG lang=\"CODE\">", the lang left out when code is NULL. */
static void h_lang_open(html *h, const char *tag, const char *code)
{
    h_str(h, "<");
    h_str(h, tag);
    h_lang_attr(h, code);
    h_str(h, ">");
}

/* The exchange of a question asked: the question, then the bot's answer
 * j (serve_answer()'s, of a): its message, the answer with the question it
 * answers, the alternatives or, for a clarify, the choices. */
static void h_exchange(html *h, const faq_index *ix, uint32_t ul, const char *text_lang,
                       const char *q, json_t *j, const faq_answer *a)
{
    h_str(h, "<div class=\"msg user\" dir=\"auto\">");
    h_esc(h, q, strlen(q));
    h_str(h, "</div><div class=\"msg bot\">");
    const char *html_ans = json_string_value(json_object_get(j, "answer_html"));
    const char *message = json_string_value(json_object_get(j, "message"));
    if (message) {
        h_str(h, "<p class=\"note\">");
        h_esc(h, message, strlen(message));
        h_str(h, "</p>");
    }
    if (html_ans && a->outcome != OUTCOME_CLARIFY) {
        const char *faq_lang = NULL;   /* the FAQ's words, when not the texts' language */
        if (a->outcome == OUTCOME_ANSWER) {
            faq_entry e;
            faq_index_entry(ix, a->best.entry, &e);
            faq_lang = faq_index_lang_code(ix, e.lang);
            if (strcmp(faq_lang, text_lang) == 0)
                faq_lang = NULL;
            h_str(h, "<p class=\"source\">");
            h_msg(h, ix, ul, "page_answers");
            h_str(h, " ");
            h_lang_open(h, "span", faq_lang);
            h_esc(h, e.question.s, e.question.len);
            h_str(h, "</span></p>");
        }
        h_lang_open(h, "div class=\"answer\"", faq_lang);
        h_str(h, html_ans);   /* rendered by cmark in safe mode */
        h_str(h, "</div>");
    }
    json_t *alts = json_object_get(j, "alternatives");
    if (a->outcome == OUTCOME_CLARIFY) {
        /* the leading candidate is one of the choices too */
        json_t *lead = json_pack("{s:O, s:O?}", "question", json_object_get(j, "question"),
                                 "lang", json_object_get(j, "lang"));
        json_array_insert_new(alts, 0, lead);
    }
    if (json_array_size(alts)) {
        h_str(h, "<p class=\"alts-label\">");
        if (a->outcome != OUTCOME_CLARIFY)   /* a clarify's label is its message, above */
            h_msg(h, ix, ul, a->outcome == OUTCOME_ANSWER ? "page_alternatives" : "suggestions");
        h_str(h, "</p><ul class=\"alts\">");
        size_t i;
        json_t *alt;
        json_array_foreach(alts, i, alt) {
            const char *aq = json_string_value(json_object_get(alt, "question"));
            if (!aq)
                continue;
            h_str(h, "<li><a href=\"ask?q=");
            h_url_q(h, aq, strlen(aq));
            h_str(h, "&amp;prev_lang=");
            h_url_q(h, faq_index_lang_code(ix, ul), strlen(faq_index_lang_code(ix, ul)));
            h_str(h, "\"");
            const char *al = json_string_value(json_object_get(alt, "lang"));
            h_lang_attr(h, al && strcmp(al, text_lang) != 0 ? al : NULL);
            h_str(h, ">");
            h_esc(h, aq, strlen(aq));
            /* one the FAQ lacks in the asker's language: its own named, in
             * the page's words */
            const char *name = json_string_value(json_object_get(alt, "lang_name"));
            if (name) {
                h_lang_open(h, "span", al ? text_lang : NULL);
                h_str(h, " (");
                h_esc(h, name, strlen(name));
                h_str(h, ")</span>");
            }
            h_str(h, "</a></li>");
        }
        h_str(h, "</ul>");
    }
    h_str(h, "</div>");
}

enum MHD_Result serve_route_ask_page(server *sv, struct MHD_Connection *c, request *r)
{
    const char *q = NULL;
    size_t qn = 0;
    /* with its length: a %00 is refused, not the question cut at it */
    if (MHD_lookup_connection_value_n(c, MHD_GET_ARGUMENT_KIND, "q", 1, &q, &qn) != MHD_YES)
        q = NULL;
    /* the form sent unfilled (spaces alone): nothing asked, the page as
     * it opens, not a decline of a question nobody asked */
    if (q && utf8_blank(q, qn))
        q = NULL;
    /* lang: the page's language (index.html's hidden field: the visitor's
     * browser's), which its texts are in; prev_lang: the conversation's,
     * which only a page of an answer carries */
    const char *lang = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
    const char *prev = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "prev_lang");
    if (prev && !*prev)
        prev = NULL;
    /* a bad question gets the page back with the reason, and a 400 */
    const char *bad = q ? serve_check_question(q, qn) : NULL;
    if (q && !bad)
        serve_note_question(sv, r, q, qn);
    uint32_t ul;
    enum MHD_Result ret;
    searcher *s = serve_message_searcher(sv, c, r, prev ? prev : lang, &lang, &ul, &ret);
    if (!s)
        return ret;
    const faq_index *ix = searcher_index(s);
    faq_answer a;
    json_t *j = NULL;
    if (q && !bad) {
        /* the conversation's language is no constraint on the question;
         * the page's alone is no turn of it: a lone "danke" is German */
        char page[FAQ_MAX_PAGE_LANGS * FAQ_MAX_LANG_CODE];
        serve_page_languages(c, ix, lang, page);
        ask_args in = {q, qn, NULL, prev, page, 0, 1};
        j = serve_answer(sv, &in, &a, s);
        ul = msg_lang(ix, a.query_lang);
    }
    const char *text_lang = msg_text_lang(ix, ul);
    html h = {0};
    h_str(&h, "<!DOCTYPE html>\n<html lang=\"");
    h_esc(&h, text_lang, strlen(text_lang));
    h_str(&h, "\"");
    h_text_dir(&h, text_lang);
    h_str(&h, "><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
    h_msg(&h, ix, ul, "page_title");
    h_str(&h, "</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"style.css\"></head><body class=\"nojs\"><main class=\"chat\"><h1>");
    h_msg(&h, ix, ul, "page_title");
    h_str(&h, "</h1><div class=\"log\">");
    if (j) {
        h_exchange(&h, ix, ul, text_lang, q, j, &a);
    } else if (bad) {
        /* the reason in the page's language (the API's is for developers) */
        char max[16], msg[1024];
        snprintf(max, sizeof max, "%d", FAQ_MAX_QUESTION_CHARS);
        const char *kv[] = {"max", max, NULL};
        msg_format(ix, ul, faq_question_too_long(q, qn) ? "question_too_long" : "question_unreadable",
                   kv, msg, sizeof msg);
        h_str(&h, "<div class=\"msg bot error\" role=\"alert\">");
        h_esc(&h, msg, strlen(msg));
        h_str(&h, "</div>");
    } else {
        h_str(&h, "<div class=\"msg bot\">");
        h_msg(&h, ix, ul, "page_welcome");
        h_str(&h, "</div>");
    }
    h_str(&h, "</div><form class=\"ask\" method=\"get\" action=\"ask\"><input type=\"hidden\" name=\"");
    h_str(&h, q && !bad ? "prev_lang" : "lang");
    h_str(&h, "\" value=\"");
    h_esc(&h, faq_index_lang_code(ix, ul), strlen(faq_index_lang_code(ix, ul)));
    /* labelled as the script's page is: a placeholder is no label to
     * every screen reader, and it is gone once the visitor types */
    h_str(&h, "\"><input name=\"q\" dir=\"auto\" autocomplete=\"off\" autofocus maxlength=\"1000\" placeholder=\"");
    h_msg(&h, ix, ul, "page_placeholder");
    h_str(&h, "\" aria-label=\"");
    h_msg(&h, ix, ul, "page_placeholder");
    h_str(&h, "\"><button type=\"submit\">");
    h_msg(&h, ix, ul, "page_send");
    h_str(&h, "</button></form></main></body></html>\n");
    json_decref(j);
    index_live_put(sv->live, s);
    if (!h.p || h.oom) {
        free(h.p);
        return serve_error(sv, c, r, 500, "out of memory");
    }
    return serve_respond(sv, c, r, bad ? 400 : 200, "text/html; charset=utf-8", h.p, h.len, MHD_RESPMEM_MUST_FREE);
}

/* The key of a "{{key}}" at p (letters and '_'), its length in *n; NULL
 * when p holds none. */
static const char *template_key(const char *p, const char *end, size_t *n)
{
    if (end - p < 5 || p[0] != '{' || p[1] != '{')
        return NULL;
    const char *k = p + 2, *e = k;
    while (e < end && ((*e >= 'a' && *e <= 'z') || *e == '_'))
        e++;
    if (e == k || end - e < 2 || e[0] != '}' || e[1] != '}')
        return NULL;
    *n = (size_t)(e - k);
    return k;
}

enum MHD_Result serve_page_template(server *sv, struct MHD_Connection *c, request *r,
                                    const char *text, size_t len)
{
    uint32_t ul;
    enum MHD_Result ret;
    searcher *s = serve_message_searcher(sv, c, r, MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang"),
                                         NULL, &ul, &ret);
    if (!s)
        return ret;
    const faq_index *ix = searcher_index(s);
    html h = {0};
    const char *p = text, *end = text + len, *from = text;
    while ((p = memchr(p, '{', (size_t)(end - p))) != NULL) {
        size_t n;
        const char *k = template_key(p, end, &n);
        if (!k) {
            p++;
            continue;
        }
        h_raw(&h, from, (size_t)(p - from));
        char key[64];
        snprintf(key, sizeof key, "%.*s", (int)n, k);
        if (strcmp(key, "lang") == 0 || strcmp(key, "text_lang") == 0) {
            /* the conversation's language; the one its texts are in */
            const char *code = key[0] == 'l' ? faq_index_lang_code(ix, ul) : msg_text_lang(ix, ul);
            h_esc(&h, code, strlen(code));
        } else if (strcmp(key, "text_dir") == 0) {
            h_text_dir(&h, msg_text_lang(ix, ul));
        } else {
            h_msg(&h, ix, ul, key);
        }
        p = from = k + n + 2;
    }
    h_raw(&h, from, (size_t)(end - from));
    index_live_put(sv->live, s);
    if (!h.p || h.oom) {
        free(h.p);
        return serve_error(sv, c, r, 500, "out of memory");
    }
    return serve_respond(sv, c, r, 200, "text/html; charset=utf-8", h.p, h.len, MHD_RESPMEM_MUST_FREE);
}
