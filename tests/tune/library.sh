#!/bin/sh
# library.sh FAQBOT OUTDIR [extra eval args...]: a Finnish city library (written.sh).
exec sh "$(dirname "$0")/written.sh" library "$@"
