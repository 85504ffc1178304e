export const USAGE = `finetune-advisor: keep improving the prompt, or fine-tune?

Usage:
  finetune-advisor advise ["task"]                    the interview in this terminal
  finetune-advisor advise --answers FILE [--json]     headless: answers as JSON in, verdict out
  finetune-advisor advise --answers FILE --set monthlyCalls=5M [--set model=gpt-5.4]…
                                                      what if: the verdict again with other numbers, and what changed
  finetune-advisor trial --prompt FILE --examples FILE [--variant FILE]... [--model ID]... [--grader G] [--answers FILE]
                                                      run the prompt on your examples, then the interview on the measured figures
  finetune-advisor read "<task description>" [--json]  what the advisor reads from a sentence
  finetune-advisor prices [--json]                    the price catalogue with dates and sources
  finetune-advisor prices --check [--json]            its base prices against @pydantic/genai-prices (offline)
  finetune-advisor outbox [--database FILE] [--json]  what the service still has to deliver, and why
  finetune-advisor manifest slack --url https://HOST [--json]
                                                      the Slack app manifest for a service at HOST
  finetune-advisor manifest slack --socket-mode [--json]
                                                      the Slack app manifest for Socket Mode (no public URL)
  finetune-advisor manifest teams --bot-id APP_ID --domain HOST
                                                      the Teams app manifest for the Azure Bot APP_ID at HOST
  finetune-advisor package teams --bot-id APP_ID --domain HOST [--out DIR]
                                                      the Teams app package to upload: DIR/finetune-advisor-teams.zip

Options:
  --answers FILE     a JSON file of answers (see README, "The answers file")
  --prompt FILE      trial: the prompt (the system message; each example's input is the user message)
  --variant FILE     trial: a variant of the prompt, compared side by side (up to 5)
  --examples FILE    trial: CSV or JSONL with input (and expected), at most 200 examples and 1 MB
  --model ID         trial: a catalogue model to run (repeat to compare; default: --answers' model and the one it would switch to)
  --grader G         trial: exact, contains, label[: a, b], regex: RE, json (--schema FILE), number[: tolerance] or rubric: TEXT
  --schema FILE      trial: a JSON Schema the answers must match (with --grader json)
  --json             print the verdict (or the catalogue, or the manifest) as JSON
  --as-of DATE       date the advice as YYYY-MM-DD (default: today)
  --prices FILE      a price override file (also PRICES_FILE); changes or adds models
  --assumptions      with a printed verdict, also print every input and default used
  --database FILE    outbox: the service's SQLite file (default: DATABASE_URL for PostgreSQL, else DATABASE_PATH, else ./data/advisor.db)
  --check            prices: list where the catalogue's base prices and @pydantic/genai-prices disagree
  --url URL          manifest: the service's public https:// address (Slack calls URL/slack/events)
  --socket-mode      manifest: for Socket Mode, with no request URLs
  --bot-id APP_ID    Teams: the Microsoft App ID (a GUID) of your Azure Bot registration
  --domain HOST      Teams: the service's host name, no https:// (Teams calls https://HOST/api/messages)
  --out DIR          package: the folder to write the zip into (default: the current one; created if missing);
                     trial: the folder for promptfooconfig.yaml (default: the current one)
  -h, --help         this text

Exit codes: 0 a verdict (or a list, a manifest, a package); 1 the interview was stopped; 2 bad input, named on stderr;
3 prices --check found a base price that disagrees.
`;
