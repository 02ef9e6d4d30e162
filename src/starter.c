/* starter.c: the starter corpus of faqbot init (see starter.h). */
#include "starter.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Each text: an HTML comment with the format (its examples indented four
 * spaces, so that they are code, not entries), a title, one entry. "%s" is
 * the corpus folder, for the commands to run next. */
static const struct { const char *lang, *text; } starters[] = {
    {"es",
     "<!--\n"
     "Las preguntas frecuentes de su FAQ en español. Cada entrada es un título\n"
     "de nivel 2 con la pregunta y, si quiere, un id entre llaves (letras, cifras,\n"
     "'.', '_', '-'; el mismo id en cada idioma une las traducciones); debajo,\n"
     "otras formas de preguntar lo mismo, una por línea empezando por \"? \"; luego\n"
     "la respuesta en Markdown, hasta el título siguiente:\n"
     "\n"
     "    ## ¿Cuál es el horario de atención? {#horario}\n"
     "    ? ¿A qué hora abren?\n"
     "\n"
     "    Atendemos de lunes a viernes, de 9:00 a 18:00.\n"
     "\n"
     "Cambie la entrada de ejemplo por las suyas, y después:\n"
     "\n"
     "    faqbot index --corpus %s\n"
     "    faqbot ask \"¿A qué hora abren?\"\n"
     "\n"
     "Los textos del bot, los saludos (hola, gracias...), las palabras vacías y\n"
     "los sinónimos vienen del paquete de idioma de faqbot; un archivo\n"
     "messages.txt, smalltalk.md, stopwords.txt o synonyms.txt en esta carpeta\n"
     "los sustituye.\n"
     "-->\n"
     "# Preguntas frecuentes\n"
     "\n"
     "## ¿Cuál es el horario de atención? {#horario}\n"
     "? ¿A qué hora abren?\n"
     "? ¿Cuándo puedo llamar?\n"
     "\n"
     "Atendemos de lunes a viernes, de 9:00 a 18:00.\n"},
    {"en",
     "<!--\n"
     "Your FAQ's questions in English. Each entry is a level-2 heading with the\n"
     "question and, if you like, an id in braces (letters, digits, '.', '_',\n"
     "'-'; the same id in each language ties translations together); under it,\n"
     "other ways to ask the same, one a line starting with \"? \"; then the\n"
     "answer in Markdown, up to the next heading:\n"
     "\n"
     "    ## What are your opening hours? {#hours}\n"
     "    ? When are you open?\n"
     "\n"
     "    We are open Monday to Friday, 9:00 to 18:00.\n"
     "\n"
     "Replace the sample entry with yours, then:\n"
     "\n"
     "    faqbot index --corpus %s\n"
     "    faqbot ask \"When are you open?\"\n"
     "\n"
     "The bot's texts, small talk (hello, thanks...), stop words and synonyms\n"
     "come from faqbot's language pack; a messages.txt, smalltalk.md,\n"
     "stopwords.txt or synonyms.txt in this folder replaces them.\n"
     "-->\n"
     "# Frequently asked questions\n"
     "\n"
     "## What are your opening hours? {#hours}\n"
     "? When are you open?\n"
     "? When can I call?\n"
     "\n"
     "We are open Monday to Friday, 9:00 to 18:00.\n"},
    {"fr",
     "<!--\n"
     "Les questions fréquentes de votre FAQ en français. Chaque entrée est un\n"
     "titre de niveau 2 avec la question et, si vous voulez, un id entre\n"
     "accolades (lettres, chiffres, '.', '_', '-' ; le même id dans chaque langue\n"
     "relie les traductions) ; dessous, d'autres façons de poser la même\n"
     "question, une par ligne commençant par \"? \" ; puis la réponse en Markdown,\n"
     "jusqu'au titre suivant :\n"
     "\n"
     "    ## Quels sont vos horaires d'ouverture ? {#horaires}\n"
     "    ? Quand êtes-vous ouverts ?\n"
     "\n"
     "    Nous sommes ouverts du lundi au vendredi, de 9 h à 18 h.\n"
     "\n"
     "Remplacez l'entrée d'exemple par les vôtres, puis :\n"
     "\n"
     "    faqbot index --corpus %s\n"
     "    faqbot ask \"Quand êtes-vous ouverts ?\"\n"
     "\n"
     "Les textes du bot, les salutations (bonjour, merci...), les mots vides et\n"
     "les synonymes viennent du paquet de langue de faqbot ; un fichier\n"
     "messages.txt, smalltalk.md, stopwords.txt ou synonyms.txt dans ce dossier\n"
     "les remplace.\n"
     "-->\n"
     "# Questions fréquentes\n"
     "\n"
     "## Quels sont vos horaires d'ouverture ? {#horaires}\n"
     "? Quand êtes-vous ouverts ?\n"
     "? Quand puis-je appeler ?\n"
     "\n"
     "Nous sommes ouverts du lundi au vendredi, de 9 h à 18 h.\n"},
    {"pt",
     "<!--\n"
     "As perguntas frequentes da sua FAQ em português. Cada entrada é um título\n"
     "de nível 2 com a pergunta e, se quiser, um id entre chavetas (letras,\n"
     "algarismos, '.', '_', '-'; o mesmo id em cada língua liga as traduções);\n"
     "por baixo, outras formas de perguntar o mesmo, uma por linha começando por\n"
     "\"? \"; depois a resposta em Markdown, até ao título seguinte:\n"
     "\n"
     "    ## Qual é o horário de atendimento? {#horario}\n"
     "    ? A que horas abrem?\n"
     "\n"
     "    Atendemos de segunda a sexta-feira, das 9:00 às 18:00.\n"
     "\n"
     "Substitua a entrada de exemplo pelas suas e depois:\n"
     "\n"
     "    faqbot index --corpus %s\n"
     "    faqbot ask \"A que horas abrem?\"\n"
     "\n"
     "Os textos do bot, as saudações (olá, obrigado...), as palavras vazias e os\n"
     "sinónimos vêm do pacote de língua do faqbot; um ficheiro messages.txt,\n"
     "smalltalk.md, stopwords.txt ou synonyms.txt nesta pasta substitui-os.\n"
     "-->\n"
     "# Perguntas frequentes\n"
     "\n"
     "## Qual é o horário de atendimento? {#horario}\n"
     "? A que horas abrem?\n"
     "? Quando posso ligar?\n"
     "\n"
     "Atendemos de segunda a sexta-feira, das 9:00 às 18:00.\n"},
};

const char *starter_langs(void)
{
    return "en es fr pt";
}

static int make_dir(const char *path, char *err, size_t errlen)
{
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int starter_write(const char *dir, const char *lang, char *path, size_t pathlen, char *err,
                  size_t errlen)
{
    const char *text = NULL;
    for (size_t i = 0; i < sizeof starters / sizeof *starters; i++)
        if (strcmp(starters[i].lang, lang) == 0)
            text = starters[i].text;
    if (!text) {
        snprintf(err, errlen, "no starter text in \"%s\" (there is one in: %s)", lang, starter_langs());
        return -1;
    }
    int n = snprintf(path, pathlen, "%s/%s", dir, lang);
    if (n < 0 || (size_t)n + sizeof "/faq.md" > pathlen) {
        snprintf(err, errlen, "%s: path too long", dir);
        return -1;
    }
    if (make_dir(dir, err, errlen) != 0 || make_dir(path, err, errlen) != 0)
        return -1;
    strcat(path, "/faq.md");
    /* O_EXCL: an owner's file is never written over */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, errno == EEXIST ? "already there (not overwritten)" : strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    fprintf(f, text, dir);
    if (ferror(f) | (fclose(f) != 0)) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        unlink(path);
        return -1;
    }
    return 0;
}
