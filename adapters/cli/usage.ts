export const USAGE = `finetune-advisor: keep improving the prompt, or fine-tune?

Usage:
  finetune-advisor advise ["task"]                    the interview in this terminal
  finetune-advisor advise --answers FILE [--json]     headless: answers as JSON in, verdict out
  finetune-advisor prices [--json]                    the price catalogue with dates and sources

Options:
  --answers FILE     a JSON file of answers (see README, "The answers file")
  --json             print the verdict (or the catalogue) as JSON
  --as-of DATE       date the advice as YYYY-MM-DD (default: today)
  --prices FILE      a price override file (also PRICES_FILE); changes or adds models
  --assumptions      with a printed verdict, also print every input and default used
  -h, --help         this text

Exit codes: 0 a verdict (or a list); 1 the interview was stopped; 2 bad input, named on stderr.
`;
