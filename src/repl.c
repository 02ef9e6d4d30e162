/* repl.c: question, answer, question... (see repl.h). */
#include "repl.h"

#include <editline/readline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answer_text.h"
#include "limits.h"
#include "messages.h"
#include "search.h"

typedef struct repl {
    const char *path;
    faq_index *ix;
    searcher *s;
    char lang[FAQ_MAX_LANG_CODE];       /* forced with :lang, or "" */
    char conv[FAQ_MAX_LANG_CODE];       /* the conversation's language so far */
    faq_hit choices[FAQ_MAX_ALTERNATIVES + 1];  /* numbered in the last answer */
    int n_choices;
} repl;

static int open_index(repl *r, char *err, size_t errlen)
{
    faq_index *ix;
    if (faq_index_open(r->path, &ix, err, errlen) != FAQ_INDEX_OK)
        return -1;
    searcher *s = searcher_new(ix);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        faq_index_close(ix);
        return -1;
    }
    searcher_free(r->s);
    faq_index_close(r->ix);
    r->ix = ix;
    r->s = s;
    r->n_choices = 0;
    return 0;
}

static uint32_t cur_lang(const repl *r)
{
    return msg_lang(r->ix, r->lang[0] ? r->lang : r->conv[0] ? r->conv : NULL);
}

static void say(const repl *r, const char *key, const char *const *kv)
{
    char msg[1024];
    msg_format(r->ix, cur_lang(r), key, kv, msg, sizeof msg);
    printf("%s\n", msg);
}

static void ask(repl *r, const char *q)
{
    faq_query_opts o = {0};
    o.threshold = -1;
    o.lang = r->lang[0] ? r->lang : NULL;
    o.prev_lang = r->conv[0] ? r->conv : NULL;
    faq_answer a;
    if (searcher_ask(r->s, q, strlen(q), &o, &a) != 0) {
        printf("out of memory\n");
        return;
    }
    snprintf(r->conv, sizeof r->conv, "%s", a.query_lang);
    answer_print(stdout, r->ix, &a, 1);
    /* the numbers shown are the choices a reply "2" picks */
    r->n_choices = 0;
    if (a.outcome == OUTCOME_DECLINE || a.outcome == OUTCOME_CLARIFY) {
        if (a.best.entry != UINT32_MAX)
            r->choices[r->n_choices++] = a.best;
    }
    for (int i = 0; i < a.n_alts && r->n_choices <= FAQ_MAX_ALTERNATIVES; i++)
        r->choices[r->n_choices++] = a.alts[i];
}

/* A command line (":..."): returns 1 to quit. */
static int command(repl *r, const char *line)
{
    char err[512];
    if (strcmp(line, ":quit") == 0 || strcmp(line, ":q") == 0 || strcmp(line, ":exit") == 0)
        return 1;
    if (strcmp(line, ":help") == 0) {
        say(r, "repl_help", NULL);
    } else if (strncmp(line, ":lang", 5) == 0) {
        const char *code = line + 5;
        while (*code == ' ')
            code++;
        if (faq_index_lang_find(r->ix, code) < 0) {
            printf("? %s:", code);
            for (uint32_t l = 0; l < faq_index_lang_count(r->ix); l++)
                printf(" %s", faq_index_lang_code(r->ix, l));
            printf("\n");
        } else {
            snprintf(r->lang, sizeof r->lang, "%s", code);
            snprintf(r->conv, sizeof r->conv, "%s", code);
            const char *kv[] = {"lang", code, NULL};
            say(r, "repl_lang", kv);
        }
    } else if (strcmp(line, ":reload") == 0) {
        if (open_index(r, err, sizeof err) != 0) {
            printf("%s\n", err);   /* the old index stays */
        } else {
            char n[32];
            snprintf(n, sizeof n, "%u", faq_index_entry_count(r->ix));
            const char *kv[] = {"n", n, NULL};
            say(r, "repl_reloaded", kv);
        }
    } else {
        say(r, "repl_help", NULL);
    }
    return 0;
}

static char *read_line(int tty, const char *prompt)
{
    if (tty)
        return readline(prompt);
    static char buf[FAQ_MAX_QUESTION_BYTES * 4];
    if (!fgets(buf, sizeof buf, stdin))
        return NULL;
    buf[strcspn(buf, "\r\n")] = '\0';
    return strdup(buf);
}

int repl_run(const char *index_path, const char *lang)
{
    repl r;
    memset(&r, 0, sizeof r);
    r.path = index_path;
    char err[512];
    if (open_index(&r, err, sizeof err) != 0) {
        fprintf(stderr, "faqbot: %s\n", err);
        return 2;
    }
    if (lang) {
        if (faq_index_lang_find(r.ix, lang) < 0) {
            fprintf(stderr, "faqbot: no language \"%s\" in the index\n", lang);
            searcher_free(r.s);
            faq_index_close(r.ix);
            return 1;
        }
        snprintf(r.lang, sizeof r.lang, "%s", lang);
    }
    int tty = isatty(STDIN_FILENO);
    say(&r, "repl_welcome", NULL);
    for (;;) {
        char prompt[128];
        msg_format(r.ix, cur_lang(&r), "prompt", NULL, prompt, sizeof prompt - 1);
        strcat(prompt, " ");
        fflush(stdout);
        char *line = read_line(tty, prompt);
        if (!line)
            break;
        char *q = line;
        while (*q == ' ' || *q == '\t')
            q++;
        if (!*q) {
            free(line);
            continue;
        }
        if (tty)
            add_history(q);
        int quit = 0;
        char *end;
        long pick = strtol(q, &end, 10);
        if (q[0] == ':') {
            quit = command(&r, q);
        } else if (*end == '\0' && pick >= 1 && pick <= r.n_choices) {
            /* a number picks a suggestion: ask its question */
            faq_entry e;
            faq_index_entry(r.ix, r.choices[pick - 1].entry, &e);
            char *question = strndup(e.question.s, e.question.len);
            if (question) {
                printf("> %s\n", question);
                ask(&r, question);
                free(question);
            }
        } else {
            ask(&r, q);
        }
        free(line);
        fflush(stdout);
        if (quit)
            break;
    }
    searcher_free(r.s);
    faq_index_close(r.ix);
    return 0;
}
