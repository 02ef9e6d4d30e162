/* cli.c: the options and exit codes every command of the command line shares. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "corpus_file.h"
#include "resources.h"

/* The program as the user ran it (argv[0]: "build/faqbot", "./faqbot",
 * "faqbot"), for the command lines the hints print: a hint that says
 * "faqbot index" to one who ran build/faqbot gives "command not found". */
static const char *program = "faqbot";

void cli_set_program(const char *argv0)
{
    if (argv0 && *argv0)
        program = argv0;
}

const char *cli_program(void)
{
    return program;
}

void cli_read_environment(void)
{
    faq_resources r = {getenv("FAQBOT_HUNSPELL_DIR"), getenv("FAQBOT_MYTHES_DIR"),
                       getenv("FAQBOT_DICTD_DIR"), 0, 0};
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        r.has_build_time = 1;
        r.build_time = strtoull(epoch, NULL, 10);
    }
    resources_set(&r);
}

/* Is argv[i] there and a value? An option's name in its place
 * ("serve --bind --index X") means the value was left out; a value that
 * starts with "--" is still given as --name=--value. */
static int cli_is_value(int argc, char **argv, int i)
{
    return i < argc && strncmp(argv[i], "--", 2) != 0;
}

int cli_parse_opts(const cli_command *cmd, int argc, char **argv, const cli_opt *opts)
{
    int i = 1, help = 0;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            help = 1;
            continue;
        }
        if (strncmp(a, "--", 2) != 0)
            break;
        /* --name VALUE or --name=VALUE */
        const char *eq = strchr(a, '=');
        size_t name_len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        const cli_opt *o = opts;
        while (o->name && !(strlen(o->name) == name_len && memcmp(o->name, a + 2, name_len) == 0))
            o++;
        if (!o->name) {
            fprintf(stderr, "faqbot %s: unknown option %s\nusage: %s\n", cmd->name, a, cmd->usage);
            return CLI_OPTS_BAD;
        }
        if (o->takes_value) {
            const char *v = eq ? eq + 1 : cli_is_value(argc, argv, i + 1) ? argv[++i] : NULL;
            if (!v) {
                fprintf(stderr, "faqbot %s: %s needs a value\nusage: %s\n", cmd->name, a, cmd->usage);
                return CLI_OPTS_BAD;
            }
            if (!o->count) {
                *o->value = v;
            } else if (*o->count < o->most) {
                o->value[(*o->count)++] = v;
            } else {
                fprintf(stderr, "faqbot %s: --%s is given at most %zu times\n", cmd->name, o->name, o->most);
                return CLI_OPTS_BAD;
            }
        } else if (eq) {
            fprintf(stderr, "faqbot %s: --%s takes no value\nusage: %s\n", cmd->name, o->name, cmd->usage);
            return CLI_OPTS_BAD;
        } else {
            *o->flag = 1;
        }
    }
    if (help) {
        cli_print_help(cmd);
        return CLI_OPTS_HELP;
    }
    return i;
}

int cli_print_help(const cli_command *cmd)
{
    printf("%s\n\nusage: %s\n", cmd->summary, cmd->usage);
    return EXIT_OK;
}

double cli_parse_threshold(const char *s, const cli_command *cmd)
{
    if (!s)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || v < 0 || v > 1) {
        fprintf(stderr, "faqbot %s: --threshold takes a number from 0 to 1%s\n", cmd->name,
                corpus_decimal_comma_hint(s));
        return -2;
    }
    return v;
}

int cli_take_params(const cli_command *cmd, int *argc, char **argv, search_params *p)
{
    search_params_default(p);
    int n = 1;
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i], *v = NULL;
        int file = 0;
        if (strcmp(a, "--") == 0) {
            while (i < *argc)
                argv[n++] = argv[i++];
            break;
        }
        if (strcmp(a, "--params") == 0 || strcmp(a, "--set") == 0) {
            file = a[2] == 'p';
            if (!cli_is_value(*argc, argv, i + 1)) {
                fprintf(stderr, "faqbot %s: %s needs a value\nusage: %s\n", cmd->name, a, cmd->usage);
                return CLI_OPTS_BAD;
            }
            v = argv[++i];
        } else if (strncmp(a, "--params=", 9) == 0 || strncmp(a, "--set=", 6) == 0) {
            file = a[2] == 'p';
            v = strchr(a, '=') + 1;
        } else {
            argv[n++] = argv[i];
            continue;
        }
        char err[512];
        int rc = file ? search_params_load(p, v, err, sizeof err)
                      : search_params_assign(p, v, err, sizeof err);
        if (rc != 0) {
            fprintf(stderr, "faqbot %s: %s %s\n", cmd->name, file ? "--params" : "--set", err);
            return CLI_OPTS_BAD;
        }
    }
    *argc = n;
    return 0;
}

int cli_open_index(const char *cmd, int index_opt, const char *path, faq_index **ix)
{
    char err[1024];
    if (faq_index_open(path, ix, err, sizeof err) != FAQ_INDEX_OK) {
        fprintf(stderr, "faqbot %s: %s\n", cmd, err);
        cli_hint_no_index(cmd, index_opt, path);
        return -1;
    }
    return 0;
}

int cli_refuse_operand(const cli_command *cmd, int argc, char **argv, int i, const char *dir_opt,
                       const char *file_opt)
{
    if (i >= argc)
        return 0;
    struct stat st;
    int there = stat(argv[i], &st) == 0;
    const char *opt = !there ? NULL : S_ISDIR(st.st_mode) ? dir_opt : file_opt;
    fprintf(stderr, "faqbot %s: unexpected argument %s", cmd->name, argv[i]);
    if (there && S_ISDIR(st.st_mode) && !dir_opt && file_opt && strcmp(file_opt, "index") == 0) {
        fprintf(stderr, "\nusage: %s\n", cmd->usage);
        cli_hint_no_index(cmd->name, 1, argv[i]);
        return -1;
    }
    if (opt)
        fprintf(stderr, "; to read that %s: %s %s --%s %s", S_ISDIR(st.st_mode) ? "folder" : "file",
                program, cmd->name, opt, argv[i]);
    fprintf(stderr, "\nusage: %s\n", cmd->usage);
    return -1;
}

void cli_hint_no_corpus(const char *command, const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0 && errno == ENOENT)
        fprintf(stderr, "faqbot %s: --corpus DIR names the FAQ's folder (%s init DIR --lang CODE makes one)\n",
                command, program);
}

void cli_hint_no_index(const char *cmd, int index_opt, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT) {
        /* check takes its index as an operand, not --index */
        fprintf(stderr, "faqbot %s: no index at %s yet: %s index --corpus DIR --out %s writes one%s\n", cmd, path,
                program, path, index_opt ? " (--index FILE: another)" : "");
    } else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        /* the index of a folder is named after it: "myfaq/" -> "myfaq.idx" */
        size_t len = strlen(path);
        while (len > 1 && path[len - 1] == '/')
            len--;
        int n = (int)len;
        fprintf(stderr,
                "faqbot %s: %.*s is a folder, not an index; a corpus folder is read once into an index: "
                "%s index --corpus %.*s --out %.*s.idx",
                cmd, n, path, program, n, path, n, path);
        if (index_opt)
            fprintf(stderr, ", then: %s %s --index %.*s.idx", program, cmd, n, path);
        fputc('\n', stderr);
    }
}
