/* repl.c: question, answer, question... (see repl.h). */
#include "repl.h"

#include <editline/readline.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answer_text.h"
#include "lang_tag.h"
#include "limits.h"
#include "messages.h"
#include "search.h"
#include "utf8.h"

typedef struct repl {
    const char *path;
    faq_index *ix;
    searcher *s;
    char lang[FAQ_MAX_LANG_CODE];       /* forced with :lang, or "" to detect */
    char conv[FAQ_MAX_LANG_CODE];       /* the conversation's language so far */
    char locale[FAQ_MAX_LANG_CODE];     /* the user's locale: texts before the first question, its tie */
    faq_hit choices[FAQ_MAX_ALTERNATIVES + 1];  /* numbered in the last answer */
    int n_choices;
    double threshold;                   /* --threshold, or -1 */
} repl;

/* Opens the index file anew; on failure the one in use stays. */
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
    /* a language the new index lacks is forgotten rather than kept dangling */
    if (r->lang[0] && faq_index_lang_find(ix, r->lang) < 0)
        r->lang[0] = '\0';
    if (r->conv[0] && faq_index_lang_find(ix, r->conv) < 0)
        r->conv[0] = '\0';
    if (r->locale[0] && faq_index_lang_find(ix, r->locale) < 0)
        r->locale[0] = '\0';
    return 0;
}

static uint32_t cur_lang(const repl *r)
{
    return msg_lang(r->ix, r->lang[0] ? r->lang : r->conv[0] ? r->conv : r->locale[0] ? r->locale : NULL);
}

static void say_to(FILE *out, const repl *r, const char *key, const char *const *kv)
{
    char msg[1024];
    size_t n = msg_format(r->ix, cur_lang(r), key, kv, msg, sizeof msg);
    text_print(out, msg, n, answer_term_width(out));
}

static void say(const repl *r, const char *key, const char *const *kv)
{
    say_to(stdout, r, key, kv);
}

/* "en es fr pt" */
static void lang_list(const faq_index *ix, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (uint32_t l = 0; l < faq_index_lang_count(ix) && o < cap; l++) {
        int n = snprintf(out + o, cap - o, "%s%s", l ? " " : "", faq_index_lang_code(ix, l));
        if (n < 0)
            break;
        o += (size_t)n;
    }
}

static void ask(repl *r, const char *q, size_t len)
{
    faq_query_opts o = {0};
    o.threshold = r->threshold;
    o.lang = r->lang[0] ? r->lang : NULL;
    o.prev_lang = r->conv[0] ? r->conv : NULL;
    /* the locale is the terminal's page language: a lone "hi" that English
     * and German share is the user's */
    o.page_lang = r->locale[0] ? r->locale : NULL;
    faq_answer a;
    if (searcher_ask(r->s, q, len, &o, &a) != 0) {
        printf("out of memory\n");
        return;
    }
    snprintf(r->conv, sizeof r->conv, "%s", a.query_lang);
    answer_print(stdout, r->ix, &a, 1, answer_term_width(stdout));
    /* the numbers a reply like "2" picks: the list answer_print numbered */
    r->n_choices = 0;
    if (a.outcome == OUTCOME_SMALLTALK)
        return;
    if ((a.outcome == OUTCOME_CLARIFY || a.outcome == OUTCOME_DECLINE) && a.best.entry == UINT32_MAX)
        return;
    if (a.outcome == OUTCOME_CLARIFY)
        r->choices[r->n_choices++] = a.best;
    r->n_choices += faq_answer_offers(r->ix, &a, r->choices + r->n_choices);
}

/* A command line (":..."): returns 1 to quit. */
static int command(repl *r, const char *line)
{
    char err[512], langs[FAQ_MAX_LANGS * FAQ_MAX_LANG_CODE];
    const char *arg = line + strcspn(line, " \t");
    size_t name_len = (size_t)(arg - line);
    while (*arg == ' ' || *arg == '\t')
        arg++;
#define IS(name) (name_len == strlen(name) && memcmp(line, name, name_len) == 0)
    if (IS(":quit") || IS(":q") || IS(":exit"))
        return 1;
    if (IS(":lang")) {
        const char *code;
        lang_list(r->ix, langs, sizeof langs);
        if (!*arg) {
            /* no code: say what the conversation's language is, and the choice */
            const char *now = r->lang[0] ? r->lang : r->conv[0] ? r->conv : "auto";
            const char *kv[] = {"lang", now, NULL};
            say(r, "repl_lang", kv);
            printf(":lang %s | auto\n", langs);
        } else if (strcmp(arg, "auto") == 0) {
            r->lang[0] = '\0';
            const char *kv[] = {"lang", "auto", NULL};
            say(r, "repl_lang", kv);
        } else if (!(code = lang_tag_code(r->ix, arg))) {
            const char *kv[] = {"code", arg, "langs", langs, NULL};
            say(r, "repl_unknown_lang", kv);
        } else {
            snprintf(r->lang, sizeof r->lang, "%s", code);
            snprintf(r->conv, sizeof r->conv, "%s", code);
            const char *kv[] = {"lang", code, NULL};
            say(r, "repl_lang", kv);
        }
    } else if (IS(":reload")) {
        if (open_index(r, err, sizeof err) != 0) {
            const char *kv[] = {"error", err, NULL};
            say(r, "repl_reload_failed", kv);
        } else {
            /* counted as faqbot index counts: the FAQ's entries apart from
             * the packs' small talk, which would hide a FAQ come out empty */
            uint32_t faq = 0;
            for (uint32_t l = 0; l < faq_index_lang_count(r->ix); l++)
                faq += faq_index_lang_entries(r->ix, l);
            char n[16], smalltalk[16];
            snprintf(n, sizeof n, "%u", faq);
            snprintf(smalltalk, sizeof smalltalk, "%u", faq_index_entry_count(r->ix) - faq);
            const char *kv[] = {"n", n, "smalltalk", smalltalk, NULL};
            say(r, "repl_reloaded", kv);
        }
    } else {
        /* a command it does not know is named, so a typo is not taken for help asked */
        if (!IS(":help")) {
            /* a long name is cut whole characters short, not mid-character */
            char name[64];
            size_t n = utf8_cut(line, name_len, sizeof name - 1);
            snprintf(name, sizeof name, "%.*s", (int)n, line);
            const char *kv[] = {"command", name, NULL};
            say(r, "repl_unknown_command", kv);
        }
        say(r, "repl_help", NULL);
    }
#undef IS
    return 0;
}

/* Where history is kept between runs, its folders made as needed:
 * $XDG_STATE_HOME/faqbot/history, by default ~/.local/state/faqbot/history.
 * 0, or -1 when there is nowhere to keep it (then it lasts one run). */
static int history_path(char *out, size_t cap)
{
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (state && state[0] == '/')
        n = snprintf(out, cap, "%s/faqbot/history", state);
    else if (home && *home)
        n = snprintf(out, cap, "%s/.local/state/faqbot/history", home);
    else
        return -1;
    if (n < 0 || (size_t)n >= cap)
        return -1;
    /* mkdir -p of its folder */
    for (char *p = strchr(out + 1, '/'); p; p = strchr(p + 1, '/')) {
        *p = '\0';
        int r = mkdir(out, 0700);
        *p = '/';
        if (r != 0 && errno != EEXIST)
            return -1;
    }
    return 0;
}

/* Ctrl-C at the terminal: set by the handler, the line being typed is
 * dropped and a new prompt shown, as a shell does; Ctrl-D quits. */
static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* One line without its end of line, or NULL at the end of input; the
 * caller frees it. On a terminal, libedit edits it and keeps history, and
 * Ctrl-C gives an empty line. */
static char *read_line(int tty, const char *prompt, size_t *len)
{
    char *line = NULL;
    if (tty) {
        interrupted = 0;
        line = readline(prompt);
        if (interrupted) {
            /* the read was interrupted: libedit gives what was typed, or
             * NULL as at the end of input */
            free(line);
            fputc('\n', rl_outstream ? rl_outstream : stdout);
            line = strdup("");
            *len = 0;
            return line;
        }
        if (line)
            *len = strlen(line);
        return line;
    }
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        n--;
    line[n] = '\0';
    *len = (size_t)n;
    return line;
}

/* Until the first question, speak the user's locale if the index has it:
 * the bot's texts, and a tie of the first question's evidence (as a
 * page's language): no more evidence of the language questions will be
 * asked in. */
static void speak_locale(repl *r)
{
    const char *env = getenv("LC_ALL");
    if (!env || !*env)
        env = getenv("LC_MESSAGES");
    if (!env || !*env)
        env = getenv("LANG");
    /* a locale is a language tag and a codeset ("nb_NO.UTF-8",
     * "sr_RS@latin"): the tag read as the server reads a browser's
     * (nb, nn: Norwegian's "no") */
    char tag[32];
    const char *code = NULL;
    if (env && strcspn(env, ".@") < sizeof tag) {
        snprintf(tag, sizeof tag, "%.*s", (int)strcspn(env, ".@"), env);
        code = lang_tag_code(r->ix, tag);
    }
    if (code)
        snprintf(r->locale, sizeof r->locale, "%s", code);
}

/* Answer line q (len bytes, trimmed, not empty): a command, a pick from
 * the list last shown (is_number), a question refused (too_long) or
 * asked. 1 when the line quits. */
static int reply(repl *r, const char *q, size_t len, int is_number, int too_long)
{
    long pick = is_number && len < 10 ? strtol(q, NULL, 10) : -1;
    if (q[0] == ':')
        return command(r, q);
    if (is_number && r->n_choices == 0) {
        say(r, "repl_nothing_to_pick", NULL);
    } else if (is_number && (pick < 1 || pick > r->n_choices)) {
        char max[16];
        snprintf(max, sizeof max, "%d", r->n_choices);
        const char *kv[] = {"max", max, NULL};
        say(r, "repl_pick_range", kv);
    } else if (is_number) {
        /* a number picks a suggestion: ask its question */
        faq_entry e;
        faq_index_entry(r->ix, r->choices[pick - 1].entry, &e);
        char *question = strndup(e.question.s, e.question.len);
        if (question) {
            printf("> %s\n", question);
            ask(r, question, e.question.len);
            free(question);
        }
    } else if (too_long) {
        /* refused as the API refuses it, not cut and answered, and
         * said in the conversation's language */
        char max[16];
        snprintf(max, sizeof max, "%d", FAQ_MAX_QUESTION_CHARS);
        const char *kv[] = {"max", max, NULL};
        say(r, "question_too_long", kv);
    } else {
        /* the length, not a NUL, ends the question: a NUL byte typed
         * into a pipe is part of it */
        ask(r, q, len);
    }
    return 0;
}

int repl_run(const char *index_path, const char *lang, double threshold)
{
    /* libedit reads multibyte keystrokes only in the user's locale: in
     * the "C" locale "¿Qué países?" arrives as "Qu pases?". A locale the
     * system lacks (LANG=de_DE.UTF-8 where only C.UTF-8 is installed, as
     * in many a container) would leave "C": the questions, like the
     * index, are UTF-8, so the REPL reads them as such */
    const char *ctype = setlocale(LC_CTYPE, "");
    if (!ctype || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
    repl r;
    memset(&r, 0, sizeof r);
    r.path = index_path;
    r.threshold = threshold;
    char err[512];
    if (open_index(&r, err, sizeof err) != 0) {
        fprintf(stderr, "faqbot repl: %s\n", err);
        return 2;
    }
    if (lang) {
        const char *code = lang_tag_code(r.ix, lang);
        if (!code) {
            fprintf(stderr, "faqbot repl: no language \"%s\" in the index\n", lang);
            searcher_free(r.s);
            faq_index_close(r.ix);
            return 1;
        }
        snprintf(r.lang, sizeof r.lang, "%s", code);
    } else {
        speak_locale(&r);
    }
    int tty = isatty(STDIN_FILENO);
    char hist[4096];
    int keep_history = 0;
    if (tty) {
        /* the answers piped on ("faqbot repl | tee talk.txt"): the prompt
         * and the line being edited go to the terminal on stderr, as
         * Python's prompt does; libedit, writing them into the pipe, would
         * show no prompt and edit nothing */
        if (!isatty(STDOUT_FILENO) && isatty(STDERR_FILENO))
            rl_outstream = stderr;
        using_history();
        stifle_history(FAQ_REPL_HISTORY_LINES);
        /* a history that cannot be read or kept is no reason to stop */
        keep_history = history_path(hist, sizeof hist) == 0;
        if (keep_history)
            read_history(hist);
        /* no SA_RESTART: the interrupted read ends readline() */
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_interrupt;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, NULL);
        /* on a pipe only answers are written: no banner; answers piped
         * on, it goes with the prompt */
        say_to(rl_outstream == stderr ? stderr : stdout, &r, "repl_welcome", NULL);
    }
    for (;;) {
        char prompt[128];
        size_t n = msg_format(r.ix, cur_lang(&r), "prompt", NULL, prompt, sizeof prompt - 1);
        prompt[n] = ' ';
        prompt[n + 1] = '\0';
        fflush(stdout);
        size_t len;
        char *line = read_line(tty, prompt, &len);
        if (!line) {
            if (tty)   /* Ctrl-D leaves the cursor after the prompt */
                fputc('\n', rl_outstream ? rl_outstream : stdout);
            break;
        }
        char *q = line;
        while (*q == ' ' || *q == '\t')
            q++;
        len -= (size_t)(q - line);
        while (len > 0 && (q[len - 1] == ' ' || q[len - 1] == '\t'))
            q[--len] = '\0';
        if (!len) {
            free(line);
            continue;
        }
        /* a line of digits is a pick: one there is no list for, or past
         * the list, is told so, not asked (a number alone is no question) */
        int is_number = utf8_is_number(q, len);
        int too_long = q[0] != ':' && !is_number && faq_question_too_long(q, len);
        /* a refused line is not kept: an up arrow would bring back
         * thousands of characters, and the history file would keep them */
        if (tty && !too_long) {
            add_history(q);
            if (keep_history)
                write_history(hist);
        }
        int quit = reply(&r, q, len, is_number, too_long);
        if (q[0] == ':')
            r.n_choices = 0;   /* a number picks only from the list just shown */
        free(line);
        fflush(stdout);
        if (quit)
            break;
    }
    searcher_free(r.s);
    faq_index_close(r.ix);
    return 0;
}
