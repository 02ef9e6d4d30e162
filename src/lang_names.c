/* lang_names.c: a language column's value to its code (see lang_names.h). */
#include "lang_names.h"

#include <ctype.h>
#include <string.h>

#include "corpus.h"
#include "fold.h"
#include "lang_pack.h"
#include "message_keys.h"

/* Does a line "key = value" of table (NUL-terminated) have a value whose
 * fold is want? Its code into code (cap bytes): the key, or for own (a
 * messages.txt, whose lang_name is the pack's language's own name) pack. */
static int table_names(const char *table, const char *want, int own, const char *pack, char *code, size_t cap)
{
    if (!table)
        return 0;
    message_line l;
    message_line_kind kind;
    message_line_start(&l, table, strlen(table));
    while ((kind = message_line_next(&l)) != MESSAGE_LINE_END) {
        if (kind != MESSAGE_LINE_PAIR || !l.value_len)
            continue;
        char folded[128];
        int is_key = own ? l.key_len == 9 && memcmp(l.key, "lang_name", 9) == 0 : 1;
        if (is_key && fold_text(l.value, l.value_len, folded, sizeof folded) >= 0 &&
            strcmp(folded, want) == 0) {
            const char *c = own ? pack : l.key;
            size_t cn = own ? strlen(pack) : l.key_len;
            if (cn >= cap)
                return 0;
            memcpy(code, c, cn);
            code[cn] = '\0';
            return 1;
        }
    }
    return 0;
}

int lang_code_named(const char *s, size_t n, char *code, size_t cap)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    /* another code of a language a folder is named by another: "nb",
     * "swe", "deu", "pt-BR", "danish" */
    char buf[32];
    const char *usual = NULL;
    if (n && n < sizeof buf) {
        memcpy(buf, s, n);
        buf[n] = '\0';
        usual = corpus_lang_code_usual(buf, NULL);
    }
    if (usual && strlen(usual) < cap) {
        strcpy(code, usual);
        return 1;
    }
    /* a code, its region cut away: "sv", "sv-SE", "pt_BR" */
    size_t letters = 0;
    while (letters < n && isalpha((unsigned char)s[letters]))
        letters++;
    if ((letters == 2 || letters == 3) && (letters == n || s[letters] == '-' || s[letters] == '_')) {
        if (letters >= cap)
            return 0;
        for (size_t i = 0; i < letters; i++)
            code[i] = (char)tolower((unsigned char)s[i]);
        code[letters] = '\0';
        return 1;
    }
    /* a name: the language's own, or one a pack's sentences use */
    char want[128];
    if (!n || n >= sizeof want / 2 || fold_text(s, n, want, sizeof want) < 0)
        return 0;
    for (size_t i = 0; lang_pack_code(i); i++) {
        const char *pack = lang_pack_code(i);
        if (table_names(lang_pack_file(pack, "messages.txt"), want, 1, pack, code, cap))
            return 1;
    }
    for (size_t i = 0; lang_pack_code(i); i++) {
        const char *pack = lang_pack_code(i);
        if (table_names(lang_pack_file(pack, "languages.txt"), want, 0, pack, code, cap))
            return 1;
    }
    return 0;
}
