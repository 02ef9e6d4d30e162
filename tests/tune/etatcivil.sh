#!/bin/sh
# etatcivil.sh FAQBOT OUTDIR [extra eval args...]: a North African civil registry's
# office, in Arabic and French (written.sh).
exec sh "$(dirname "$0")/written.sh" etatcivil "$@"
