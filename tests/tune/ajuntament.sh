#!/bin/sh
# ajuntament.sh FAQBOT OUTDIR [extra eval args...]: a Catalan town hall's citizens' office,
# its FAQ published in Catalan and Spanish (written.sh).
exec sh "$(dirname "$0")/written.sh" ajuntament "$@"
