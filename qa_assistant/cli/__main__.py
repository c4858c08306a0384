"""`python -m qa_assistant.cli ...`, as the tests and scripts call it."""

import sys

from qa_assistant.cli.app import main

sys.exit(main())
