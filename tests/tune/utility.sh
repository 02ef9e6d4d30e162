#!/bin/sh
# utility.sh FAQBOT OUTDIR [extra eval args...]: a water and district heating utility in Danish and Norwegian (written.sh).
exec sh "$(dirname "$0")/written.sh" utility "$@"
